# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from odoo.addons.acct_firm_crm.models.acct_state_machine_mixin import in_action

from acct_firm_core import client_profile

from .acct_profile_change import BOOLEAN_KEYS, CONTACT_FIELDS, PROFILE_FIELDS

_logger = logging.getLogger(__name__)

FIELD_KEYS = [
    ("employee_count", "Number of employees"),
    ("pays_salaries", "Pays salaries"),
    ("vat_registered", "VAT registered"),
    ("vat_registration_date", "VAT registration date"),
    ("activity_code", "Main activity (КИД-2008)"),
    ("street", "Registered address: street"),
    ("city", "Registered address: city"),
    ("zip", "Registered address: postcode"),
    ("correspondence_address", "Correspondence address"),
]
# The event obligations a planned event starts (acct_firm_crm's catalogue).
EVENT_OBLIGATIONS = {
    "new_employee": "acct_firm_crm.obligation_ev_empl_contract",
    "company_car": "acct_firm_crm.obligation_ev_vehicle_decl",
}


class AcctProfileChangeLine(models.Model):
    """One difference of a change request: a value of the profile, a contact, a bank
    account or a planned event, with the old and the new as the firm reads them."""

    _name = "acct.profile.change.line"
    _description = "Change of a client's master data: one difference"
    _order = "change_id, id"

    change_id = fields.Many2one(
        "acct.profile.change",
        string="Change request",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    kind = fields.Selection(
        [
            ("field", "Master data"),
            ("contact", "Contact"),
            ("bank", "Bank account"),
            ("event", "Planned event"),
        ],
        required=True,
        readonly=True,
    )
    field_key = fields.Selection(FIELD_KEYS, string="What", readonly=True)
    action = fields.Selection(
        [("add", "New"), ("update", "Changed"), ("remove", "Removed")], readonly=True
    )
    contact_id = fields.Many2one("res.partner", readonly=True)
    bank_account_id = fields.Many2one("res.partner.bank", string="Bank account", readonly=True)
    event_type = fields.Selection(
        [
            ("new_employee", "A new employee"),
            ("company_car", "A new company car"),
            ("address_change", "A change of address"),
        ],
        readonly=True,
    )
    event_date = fields.Date(readonly=True)
    description = fields.Char(compute="_compute_description", string="Change")
    old_value = fields.Char(string="Now", readonly=True)
    new_value = fields.Char(string="Proposed", readonly=True)
    # The typed value to apply; old_value/new_value are only its display.
    value = fields.Json(readonly=True)

    @api.depends("kind", "field_key", "action", "event_type")
    def _compute_description(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        keys = dict(self._fields["field_key"]._description_selection(self.env))
        actions = dict(self._fields["action"]._description_selection(self.env))
        events = dict(self._fields["event_type"]._description_selection(self.env))
        for line in self:
            if line.kind == "field":
                line.description = keys.get(line.field_key)
            elif line.kind == "event":
                line.description = f"{kinds[line.kind]}: {events.get(line.event_type)}"
            else:
                line.description = f"{kinds[line.kind]}: {actions.get(line.action, '')}"

    def write(self, vals):
        if not in_action(self):
            raise UserError(self.env._("What a client proposed is never rewritten."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if self:
            raise UserError(self.env._("What a client proposed is never deleted."))

    # ------------------------------------------------------------------ display

    @api.model
    def _acct_display(self, client, line):
        """``(old, new)`` texts of a line being created, in the firm's language."""
        env = self.with_context(lang=(client.company_id or self.env.company)._acct_lang()).env
        value = line.get("value") or {}
        kind = line["kind"]
        if kind == "field":
            key = line["field_key"]
            old = client.sudo()[PROFILE_FIELDS[key]]
            return _format(env, key, old), _format(env, key, value["value"])
        if kind == "contact":
            contact = env["res.partner"].sudo().browse(line.get("contact_id"))
            if line["action"] == "remove":
                return _contact_text(_contact_values(contact)), env._("(removed)")
            if line["action"] == "add":
                return "", _contact_text(value)
            old = {name: contact[name] for name in value}
            return _contact_text(old), _contact_text(value)
        if kind == "bank":
            if line["action"] == "remove":
                bank = env["res.partner.bank"].sudo().browse(line["bank_account_id"])
                return client_profile.format_iban(bank.acc_number), env._("(removed)")
            new = client_profile.format_iban(value["iban"])
            if value.get("bank_name"):
                new = f"{new} ({value['bank_name']})"
            return "", new
        # A planned event: its date and the client's words.
        new = format_date(env, line["event_date"])
        if value.get("note"):
            new = f"{new}: {value['note']}"
        return "", new

    def _typed_value(self):
        self.ensure_one()
        value = (self.value or {}).get("value")
        if self.field_key in BOOLEAN_KEYS:
            return bool(value)
        if self.field_key == "employee_count":
            return int(value or 0)
        if self.field_key == "vat_registration_date":
            return value or False
        return value or False

    # ------------------------------------------------------------------ applying

    def _apply_record(self, client):
        """Create, change or archive the contact or bank account of this line."""
        self.ensure_one()
        value = self.value or {}
        if self.kind == "contact":
            Partner = self.env["res.partner"].sudo()
            if self.action == "add":
                Partner.create(
                    {
                        **{name: value.get(name) or False for name in CONTACT_FIELDS},
                        "parent_id": client.id,
                        "type": "contact",
                    }
                )
            elif self.action == "update":
                self.contact_id.sudo().write(
                    {name: value[name] or False for name in CONTACT_FIELDS if name in value}
                )
            elif self.action == "remove":
                self.contact_id.sudo().active = False
        elif self.kind == "bank":
            Bank = self.env["res.partner.bank"].sudo()
            if self.action == "add":
                existing = Bank.with_context(active_test=False).search(
                    [("partner_id", "=", client.id), ("sanitized_acc_number", "=", value["iban"])]
                )
                if existing:
                    existing.active = True
                else:
                    bank = False
                    if value.get("bank_name"):
                        bank = self.env["res.bank"].sudo().search(
                            [("name", "=ilike", value["bank_name"])], limit=1
                        ) or self.env["res.bank"].sudo().create({"name": value["bank_name"]})
                    Bank.create(
                        {
                            "partner_id": client.id,
                            "acc_number": value["iban"],
                            "bank_id": bank and bank.id,
                        }
                    )
            elif self.action == "remove":
                self.bank_account_id.sudo().active = False

    def _apply_event(self, client):
        """A new employee or car: the task of its notice, when the client's profile calls
        for that obligation (now that the change is applied)."""
        self.ensure_one()
        xmlid = EVENT_OBLIGATIONS.get(self.event_type)
        obligation_type = xmlid and self.env.ref(xmlid, raise_if_not_found=False)
        if not obligation_type:
            return
        obligation = (
            self.env["acct.client.obligation"]
            .sudo()
            .search(
                [
                    ("client_id", "=", client.id),
                    ("obligation_type_id", "=", obligation_type.id),
                    ("applies", "=", True),
                    ("active", "=", True),
                ],
                limit=1,
            )
        )
        if not obligation:
            return
        wizard = (
            self.env["acct.event.obligation.wizard"]
            .sudo()
            .create(
                {
                    "client_id": client.id,
                    "client_obligation_id": obligation.id,
                    "event_date": self.event_date,
                    "subject": self.change_id.name,
                }
            )
        )
        try:
            with self.env.cr.savepoint():
                wizard.action_create_task()
        except UserError:
            _logger.info("Change %s: the event task exists already", self.change_id.name)


def _format(env, key, value):
    if key in BOOLEAN_KEYS:
        return env._("Yes") if value else env._("No")
    if key == "employee_count":
        return str(int(value or 0))
    if value in (False, None, ""):
        return ""
    if key == "vat_registration_date":
        return format_date(env, value)
    return str(value)


def _contact_values(contact):
    return {name: contact[name] for name in CONTACT_FIELDS}


def _contact_text(values):
    parts = [values.get(name) for name in CONTACT_FIELDS if values.get(name)]
    return ", ".join(str(part) for part in parts)
