# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.acct_firm_crm.models.acct_state_machine_mixin import action_writes

from acct_firm_core import client_profile

# What a client may change of itself on the portal: key -> partner field. Nothing else of
# the partner is ever written from a change request.
PROFILE_FIELDS = {
    "employee_count": "acct_employee_count",
    "pays_salaries": "acct_employer",
    "vat_registered": "acct_vat_registered",
    "vat_registration_date": "acct_vat_registration_date",
    "activity_code": "acct_activity_code",
    "street": "street",
    "city": "city",
    "zip": "zip",
    "correspondence_address": "acct_correspondence_address",
}
BOOLEAN_KEYS = ("pays_salaries", "vat_registered")
# Contact fields a client may propose, and the bank account's.
CONTACT_FIELDS = ("name", "function", "email", "phone")


class AcctProfileChange(models.Model):
    """Changes of its own master data a client proposes on the portal.

    Nothing is applied when the client sends it: the client's accountant sees the
    differences (old → new) and approves them, which writes the partner and its tax
    profile (and so derives the statutory obligations again), or refuses them with a
    reason the client reads. Every request is kept: who, when, what and the decision.
    """

    _name = "acct.profile.change"
    _description = "Change of a client's master data"
    _inherit = ["acct.state.machine.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _acct_transitions = {
        "approve": (("pending",), ("approved",)),
        "refuse": (("pending",), ("refused",)),
    }
    # What the client sent is never rewritten; the decision only by its actions.
    _acct_action_fields = (
        "client_id",
        "contact_id",
        "requested_by_id",
        "line_ids",
        "note",
        "decided_by_id",
        "decision_date",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    client_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
        check_company=True,
        domain=[("acct_is_firm_client", "=", True)],
    )
    contact_id = fields.Many2one(
        "res.partner", string="Proposed by", readonly=True, ondelete="restrict"
    )
    requested_by_id = fields.Many2one(
        "res.users", string="Portal user", readonly=True, ondelete="set null"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    accountant_id = fields.Many2one(
        "res.users",
        string="Responsible accountant",
        compute="_compute_accountant_id",
        compute_sudo=True,
    )
    line_ids = fields.One2many(
        "acct.profile.change.line", "change_id", string="Changes", readonly=True
    )
    note = fields.Text(string="Client's note", readonly=True)
    state = fields.Selection(
        [("pending", "Waiting for the firm"), ("approved", "Approved"), ("refused", "Refused")],
        required=True,
        default="pending",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    refusal_reason = fields.Text(
        string="Reason for refusal",
        tracking=True,
        help="The client reads it on the portal. Needed to refuse.",
    )
    decided_by_id = fields.Many2one("res.users", string="Decided by", readonly=True, copy=False)
    decision_date = fields.Datetime(readonly=True, copy=False)

    def _compute_accountant_id(self):
        for change in self:
            change.accountant_id = change.client_id.acct_accountant_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].sudo().next_by_code("acct.profile.change")
        return super().create(vals_list)

    def write(self, vals):
        if "refusal_reason" in vals and any(change.state != "pending" for change in self):
            raise UserError(
                self.env._("The reason can only be written while the change waits for the firm.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if self:
            raise UserError(
                self.env._(
                    "Changes of master data are never deleted: they show who asked for what "
                    "and what the firm decided. Refuse %(name)s instead.",
                    name=self[0].name,
                )
            )

    # ------------------------------------------------------------------ actions

    def action_approve(self):
        """Apply the changes to the client, then say so to the client's portal page."""
        for change in self:
            change._acct_transition(
                "approve",
                "approved",
                {"decided_by_id": self.env.uid, "decision_date": fields.Datetime.now()},
            )
            change._apply()
            change._close_review_activities()
        return True

    def action_refuse(self):
        for change in self:
            reason = (change.refusal_reason or "").strip()
            if not reason:
                raise UserError(
                    self.env._(
                        "Write the reason for refusing %(name)s first: the client reads it.",
                        name=change.name,
                    )
                )
            change._acct_transition(
                "refuse",
                "refused",
                {"decided_by_id": self.env.uid, "decision_date": fields.Datetime.now()},
                reason=reason,
            )
            change._close_review_activities()
        return True

    def _close_review_activities(self):
        activity_type = self.env.ref("acct_client_portal.mail_activity_review_profile_change")
        self.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).sudo().unlink()

    def _apply(self):
        """Write what the lines say on the client. The approver's access to this request
        was checked by the transition (a record rule keeps it to the client's accountants
        and the firm's managers); the writes are elevated but limited to the fields of
        PROFILE_FIELDS, the client's contacts and its bank accounts."""
        self.ensure_one()
        client = self.client_id.sudo()
        values = {}
        for line in self.line_ids.filtered(lambda item: item.kind == "field"):
            values[PROFILE_FIELDS[line.field_key]] = line._typed_value()
        if any(line.kind == "event" and line.event_type == "company_car" for line in self.line_ids):
            values["acct_owns_vehicles"] = True
        if values:
            client.write(values)
        for line in self.line_ids.filtered(lambda item: item.kind in ("contact", "bank")):
            line._apply_record(client)
        # The profile write derived the obligations again; their tasks due by now follow,
        # as the client form's "Run now" makes them.
        obligations = (
            self.env["acct.client.obligation"].sudo().search([("client_id", "=", client.id)])
        )
        obligations._generate_tasks()
        for line in self.line_ids.filtered(lambda item: item.kind == "event"):
            line._apply_event(client)

    # ------------------------------------------------------------------ from the portal

    @api.model
    def _acct_current_values(self, client):
        """``{key: value}`` of PROFILE_FIELDS as the firm has them."""
        client = client.sudo()
        return {key: client[field] for key, field in PROFILE_FIELDS.items()}

    @api.model
    def _acct_propose(self, client, user, post):
        """Build a change request of ``client`` from the portal form ``post`` of ``user``.

        Returns ``(change, errors)``: the new request, or an empty recordset and the list of
        translated errors when a value is wrong or nothing differs (nothing is written
        then). The caller has checked that ``user`` may propose changes for ``client``.
        """
        errors = []
        current = self._acct_current_values(client)
        proposed = self._acct_parse_fields(post, errors)
        lines = []
        for key, _old, new in client_profile.changed_values(
            {key: current[key] for key in proposed}, proposed
        ):
            if isinstance(new, datetime.date):
                new = fields.Date.to_string(new)
            lines.append({"kind": "field", "field_key": key, "value": {"value": new}})
        lines += self._acct_parse_contacts(client, post, errors)
        lines += self._acct_parse_banks(client, post, errors)
        lines += self._acct_parse_event(post, errors)
        if errors:
            return self.browse(), errors
        if not lines:
            return self.browse(), [self.env._("Nothing differs from what the firm has.")]
        Line = self.env["acct.profile.change.line"]
        for line in lines:
            line["old_value"], line["new_value"] = Line._acct_display(client, line)
        values = {
            "client_id": client.id,
            "contact_id": user.partner_id.id,
            "requested_by_id": user.id,
            "company_id": (client.company_id or self.env.company).id,
            "note": (post.get("note") or "").strip()[:2000] or False,
            "line_ids": [fields.Command.create(line) for line in lines],
        }
        Change = self.sudo().with_context(mail_create_nolog=True)
        with action_writes(Change, create=True):
            change = Change.create(values)
        change._acct_ask_review()
        return change, []

    @api.model
    def _acct_parse_fields(self, post, errors):
        """The proposed values of PROFILE_FIELDS, typed; errors appended for bad ones."""
        env = self.env
        proposed = {}
        count = client_profile.parse_employee_count(post.get("employee_count"))
        if count is None:
            errors.append(env._("The number of employees is a whole number from 0."))
            count = 0
        proposed["employee_count"] = count
        # An employee means salaries: the statutory engine's "employer".
        proposed["pays_salaries"] = client_profile.is_employer(
            count, bool(post.get("pays_salaries"))
        )
        proposed["vat_registered"] = bool(post.get("vat_registered"))
        date_text = (post.get("vat_registration_date") or "").strip()
        vat_date = False
        if date_text:
            try:
                vat_date = fields.Date.to_date(date_text)
            except ValueError:
                errors.append(env._("The VAT registration date is not a date."))
        if vat_date and not proposed["vat_registered"]:
            errors.append(env._("A VAT registration date needs the VAT registration ticked."))
        proposed["vat_registration_date"] = vat_date
        code = (post.get("activity_code") or "").strip()
        if code and not client_profile.activity_code_is_valid(code):
            errors.append(
                env._(
                    '"%(code)s" is not a КИД-2008 code: two digits, then a dot and one or two '
                    'digits, e.g. "62.01".',
                    code=code,
                )
            )
        proposed["activity_code"] = code
        for key, limit in (("street", 200), ("city", 100), ("zip", 20)):
            proposed[key] = (post.get(key) or "").strip()[:limit]
        proposed["correspondence_address"] = (post.get("correspondence_address") or "").strip()[
            :500
        ]
        return proposed

    @api.model
    def _acct_client_contacts(self, client):
        return (
            self.env["res.partner"]
            .sudo()
            .search([("parent_id", "=", client.id), ("type", "=", "contact")], order="name")
        )

    @api.model
    def _acct_parse_contacts(self, client, post, errors):
        env = self.env
        lines = []
        contacts = self._acct_client_contacts(client)
        with_login = set(
            env["res.users"].sudo().search([("partner_id", "in", contacts.ids)]).partner_id.ids
        )
        for contact in contacts:
            prefix = f"contact_{contact.id}_"
            if post.get(prefix + "remove"):
                if contact.id in with_login:
                    errors.append(
                        env._(
                            "%(name)s logs in to the portal: ask the firm to close the login "
                            "instead of removing the contact.",
                            name=contact.name,
                        )
                    )
                    continue
                lines.append({"kind": "contact", "action": "remove", "contact_id": contact.id})
                continue
            if prefix + "name" not in post:
                continue
            proposed = {
                name: (post.get(prefix + name) or "").strip()[:200] for name in CONTACT_FIELDS
            }
            if not proposed["name"]:
                errors.append(env._("A contact needs a name."))
                continue
            current = {name: contact[name] for name in CONTACT_FIELDS}
            changes = client_profile.changed_values(current, proposed)
            if changes:
                lines.append(
                    {
                        "kind": "contact",
                        "action": "update",
                        "contact_id": contact.id,
                        "value": {key: new for key, _old, new in changes},
                    }
                )
        new_contact = {
            name: (post.get("new_contact_" + name) or "").strip()[:200] for name in CONTACT_FIELDS
        }
        if any(new_contact.values()):
            if not new_contact["name"]:
                errors.append(env._("A new contact needs a name."))
            else:
                lines.append({"kind": "contact", "action": "add", "value": new_contact})
        return lines

    @api.model
    def _acct_parse_banks(self, client, post, errors):
        env = self.env
        lines = []
        banks = env["res.partner.bank"].sudo().search([("partner_id", "=", client.id)])
        for bank in banks:
            if post.get(f"bank_{bank.id}_remove"):
                lines.append({"kind": "bank", "action": "remove", "bank_account_id": bank.id})
        iban = (post.get("new_iban") or "").strip()
        if iban:
            if not client_profile.iban_is_valid(iban):
                errors.append(
                    env._(
                        '"%(iban)s" is not a valid IBAN: check the country, the length and the '
                        "check digits.",
                        iban=iban,
                    )
                )
            else:
                compact = client_profile.normalise_iban(iban)
                if compact in banks.mapped("sanitized_acc_number"):
                    errors.append(env._("The firm already has the account %(iban)s.", iban=iban))
                else:
                    bank_name = (post.get("new_bank_name") or "").strip()[:100]
                    lines.append(
                        {
                            "kind": "bank",
                            "action": "add",
                            "value": {"iban": compact, "bank_name": bank_name},
                        }
                    )
        return lines

    @api.model
    def _acct_parse_event(self, post, errors):
        env = self.env
        event_type = post.get("event_type") or ""
        if not event_type:
            return []
        Line = env["acct.profile.change.line"]
        if event_type not in dict(Line._fields["event_type"].selection):
            errors.append(env._("Choose a planned event from the list."))
            return []
        try:
            event_date = fields.Date.to_date((post.get("event_date") or "").strip())
        except ValueError:
            event_date = False
        if not event_date:
            errors.append(env._("A planned event needs its date."))
            return []
        return [
            {
                "kind": "event",
                "event_type": event_type,
                "event_date": event_date,
                "value": {"note": (post.get("event_note") or "").strip()[:500]},
            }
        ]

    def _acct_ask_review(self):
        """A message on the request and an activity for the client's accountant."""
        self.ensure_one()
        accountant = self.client_id.sudo().acct_accountant_id
        env = self.with_context(lang=self.company_id._acct_lang()).env
        self.message_post(
            body=env._(
                "%(contact)s proposes changes of the master data of %(client)s.",
                contact=self.contact_id.name,
                client=self.client_id.name,
            ),
            message_type="notification",
        )
        if accountant and accountant.active and not accountant.share:
            self.activity_schedule(
                "acct_client_portal.mail_activity_review_profile_change",
                user_id=accountant.id,
                summary=env._("Review the changes of %(client)s", client=self.client_id.name),
            )
