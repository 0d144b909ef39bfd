# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import logging
from collections import defaultdict

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .acct_register_mixin import firm_client_field

# Days before the effective end at which the accountant and the managers are alerted.
ALERT_THRESHOLDS = (60, 30, 7)
EXPIRING_DAYS = max(ALERT_THRESHOLDS)
CRON_BATCH = 200

_logger = logging.getLogger(__name__)


# The authorities before which the firm acts for a client; statutory obligations name theirs
# too, so that a task can tell whether the firm may file it.
AUTHORITIES = [
    ("nap", "National Revenue Agency (NAP)"),
    ("noi", "National Social Security Institute (NOI)"),
    ("registry", "Registry Agency"),
    ("municipality", "Municipality"),
    ("other", "Other"),
]


class AcctPowerAttorney(models.Model):
    """An authorisation of the firm to act for a client before an authority.

    The bases NAP accepts, with its pages, are listed in readme/CONFIGURE.md.

    Never deleted: revoked and expired records prove who could file for the client on a date.
    """

    _name = "acct.power.attorney"
    _description = "Power of attorney"
    _inherit = [
        "acct.register.mixin",
        "acct.state.machine.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _acct_client_field = "principal_id"
    _acct_number_field = "name"
    _acct_never_deleted = True
    _order = "effective_end, id desc"
    _check_company_auto = True
    # "refresh" is the daily move of an activated authorisation along its dates.
    _acct_transitions = {
        "activate": (("draft",), ("active", "expiring", "expired")),
        "refresh": (("active", "expiring"), ("active", "expiring", "expired")),
        "revoke": (("active", "expiring"), ("revoked",)),
    }
    _acct_action_fields = ("revocation_date", "revocation_reason")

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    # The firm's company that keeps the register entry (multi-company: the company rule).
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    principal_id = firm_client_field(
        help="The obliged person (задължено лице) who authorises the firm."
    )
    principal_vat = fields.Char(
        related="principal_id.vat", string="Principal's identifier (ЕИК/ЕГН)"
    )
    authority = fields.Selection(
        AUTHORITIES,
        required=True,
        default="nap",
        tracking=True,
    )
    authority_other = fields.Char(string="Other authority")
    agent_type = fields.Selection(
        [("company", "Legal entity (the firm)"), ("person", "Natural person")],
        required=True,
        default="company",
        tracking=True,
        help="Decides the titular of the agent's qualified signature: the firm, or the person.",
    )
    agent_company_id = fields.Many2one(
        "res.partner",
        string="Agent firm",
        default=lambda self: self.env.company.partner_id,
        tracking=True,
    )
    agent_person_id = fields.Many2one(
        "res.partner",
        string="Agent person",
        tracking=True,
        help="The natural person who signs with the qualified certificate (its author).",
    )
    basis = fields.Selection(
        [
            ("nap_notification", "Notification to NAP"),
            ("notarised", "Notarised power of attorney"),
            ("principal_qes", "E-document signed with the principal's QES"),
            ("pik", "Personal identification code (PIK)"),
        ],
        required=True,
        default="nap_notification",
        tracking=True,
        help="The bases NAP documents in its rules for the e-services with a qualified "
        "signature (order З-ЦУ-2567/23.07.2021): its own notification with the listed "
        "e-services, a notarised power of attorney (needed for full access), an e-document "
        "signed with the principal's qualified signature and sent to NAP's official address, "
        "or the principal's PIK. An entry of the e-government register of authorisations is "
        "not one of them.",
    )
    notary_number = fields.Char(string="Notary No.")
    notary_register_number = fields.Char(string="Notary register No.")
    notary_date = fields.Date()
    scope = fields.Selection(
        [("full", "Full access"), ("partial", "Partial: listed e-services")],
        required=True,
        default="partial",
        tracking=True,
    )
    eservice_codes = fields.Text(
        string="E-services", help="The e-services granted, one code or name per line."
    )
    certificate_serial = fields.Char(string="Certificate serial No.")
    certificate_issuer = fields.Char()
    certificate_valid_to = fields.Date(
        tracking=True,
        help="Partial access ends when the agent's qualified signature certificate expires.",
    )
    registration_number = fields.Char(string="Incoming No.", tracking=True)
    registration_date = fields.Date(tracking=True)
    confirmation_mode = fields.Selection([("office", "At the office"), ("e_notice", "By e-notice")])
    valid_from = fields.Date(tracking=True)
    valid_to = fields.Date(tracking=True)
    effective_end = fields.Date(
        compute="_compute_effective_end",
        store=True,
        index=True,
        help="The earlier of the validity and the agent's certificate.",
    )
    competent_office = fields.Char(help="The territorial directorate where notices are filed.")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Attachments",
        help="Scan of the power of attorney, the authority's receipt.",
    )
    revocation_date = fields.Date(readonly=True, copy=False, tracking=True)
    revocation_reason = fields.Text(readonly=True, copy=False, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "Active"),
            ("expiring", "Expiring"),
            ("expired", "Expired"),
            ("revoked", "Revoked"),
        ],
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    alert_ids = fields.One2many("acct.power.attorney.alert", "power_attorney_id", readonly=True)

    @api.depends("valid_to", "certificate_valid_to")
    def _compute_effective_end(self):
        for record in self:
            ends = [day for day in (record.valid_to, record.certificate_valid_to) if day]
            record.effective_end = min(ends) if ends else False

    def _acct_register_label(self):
        return self.env._("a power of attorney")

    @api.constrains("valid_from", "valid_to")
    def _check_validity(self):
        for record in self:
            if record.valid_from and record.valid_to and record.valid_to < record.valid_from:
                raise ValidationError(
                    self.env._(
                        "Power of attorney %(name)s ends before it starts.", name=record.name
                    )
                )

    @api.constrains("state", "revocation_date", "revocation_reason")
    def _check_revocation(self):
        for record in self:
            revoked = record.state == "revoked"
            complete = record.revocation_date and (record.revocation_reason or "").strip()
            if (revoked and not complete) or (not revoked and record.revocation_date):
                raise ValidationError(
                    self.env._(
                        "Power of attorney %(name)s: a revocation needs its date and its reason, "
                        "and only a revoked authorisation has them.",
                        name=record.name,
                    )
                )

    def _acct_never_deleted_message(self):
        return self.env._(
            "Powers of attorney are never deleted: they prove who could act for the "
            "client on a date. Revoke %(name)s instead.",
            name=self[0].name,
        )

    # ------------------------------------------------------------------ states

    def _state_on(self, today):
        """The state an activated, unrevoked authorisation has on ``today``."""
        self.ensure_one()
        if self.revocation_date:
            return "revoked"
        if self.effective_end and self.effective_end < today:
            return "expired"
        if self.effective_end and (self.effective_end - today).days <= EXPIRING_DAYS:
            return "expiring"
        return "active"

    def action_activate(self):
        today = fields.Date.context_today(self)
        self._acct_check_transition("activate")
        for record in self:
            if not record.valid_from:
                raise UserError(
                    self.env._("Fill in the date %(name)s is valid from.", name=record.name)
                )
            if record.scope == "partial" and not (record.eservice_codes or "").strip():
                raise UserError(self.env._("List the e-services a partial authorisation grants."))
            record._acct_transition("activate", record._state_on(today))
        return True

    def action_open_revoke_wizard(self):
        self.ensure_one()
        self._acct_check_transition("revoke")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Revoke power of attorney"),
            "res_model": "acct.power.attorney.revoke.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_power_attorney_id": self.id},
        }

    def _revoke(self, revocation_date, reason):
        reason = (reason or "").strip()
        if not reason or not revocation_date:
            raise UserError(self.env._("Give the revocation date and the reason."))
        self._acct_transition(
            "revoke",
            "revoked",
            {"revocation_date": revocation_date, "revocation_reason": reason},
            reason=reason,
        )

    @api.model
    def _cron_update_states(self):
        """Daily: move activated authorisations to expiring / expired and send the alerts.

        Safe to run twice at once: the state is recomputed from dates, and each alert is
        recorded under a unique key before its activities are created.
        """
        today = fields.Date.context_today(self)
        records = self.search([("state", "in", ("active", "expiring"))])
        done = 0
        for start in range(0, len(records), CRON_BATCH):
            batch = records[start : start + CRON_BATCH]
            for record in batch:
                try:
                    with self.env.cr.savepoint():
                        new_state = record._state_on(today)
                        if new_state != record.state:
                            record._acct_transition("refresh", new_state)
                        record._send_due_alert(today)
                except SerializationFailure:
                    # An overlapping run changed this record first; it does the work.
                    _logger.info("Power of attorney %s handled by another run.", record.id)
            done += len(batch)
            self.env["ir.cron"]._notify_progress(done=done, remaining=len(records) - done)

    def _due_threshold(self, today):
        """The smallest alert threshold already reached, or None (a missed run sends one alert)."""
        self.ensure_one()
        if not self.effective_end or self.effective_end < today:
            return None
        days_left = (self.effective_end - today).days
        reached = [days for days in ALERT_THRESHOLDS if days_left <= days]
        return min(reached) if reached else None

    def _send_due_alert(self, today):
        self.ensure_one()
        threshold = self._due_threshold(today)
        if threshold is None:
            return
        # Insert-or-skip: of two concurrent runs, only the one that inserts the key alerts.
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO acct_power_attorney_alert
                    (power_attorney_id, threshold, effective_end, create_uid, create_date,
                     write_uid, write_date)
                VALUES (%s, %s, %s, %s, now() at time zone 'UTC', %s, now() at time zone 'UTC')
                ON CONFLICT (power_attorney_id, threshold, effective_end) DO NOTHING
                RETURNING id
                """,
                self.id,
                threshold,
                self.effective_end,
                self.env.uid,
                self.env.uid,
            )
        )
        if not self.env.cr.fetchone():
            return
        self.env["acct.power.attorney.alert"].invalidate_model()
        # Written for the firm's accountants and managers: in the firm's language.
        summary = self.with_context(lang=self.env.company._acct_lang()).env._(
            "Power of attorney %(name)s (%(client)s) ends in %(days)s days",
            name=self.name,
            client=self.principal_id.display_name,
            days=(self.effective_end - today).days,
        )
        for user in self._alert_recipients():
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=self.effective_end,
                summary=summary,
                user_id=user.id,
            )

    def _alert_recipients(self):
        """The client's responsible accountant and the firm's managers."""
        self.ensure_one()
        managers = self.env.ref("acct_firm_crm.group_acct_firm_manager").sudo().users
        users = self.principal_id.acct_accountant_id | managers
        return users.filtered(lambda u: u.active and not u.share and u.id != SUPERUSER_ID)

    # ------------------------------------------------------------------ queries

    @api.model
    def _active_authorities(self, client_ids, on_date):
        """Which authorities each client had authorised the firm before on ``on_date``.

        An authorisation counts from its start to its effective end, unless revoked on or
        before that day; drafts never count. Returns ``{client_id: {authority, ...}}`` (clients
        without any active authorisation are absent), from one grouped query.
        """
        if isinstance(on_date, datetime.datetime):
            on_date = on_date.date()
        groups = self.sudo()._read_group(
            [
                ("principal_id", "in", list(client_ids)),
                ("state", "!=", "draft"),
                ("valid_from", "<=", on_date),
                "|",
                ("effective_end", "=", False),
                ("effective_end", ">=", on_date),
                "|",
                ("revocation_date", "=", False),
                ("revocation_date", ">", on_date),
            ],
            ["principal_id", "authority"],
        )
        result = defaultdict(set)
        for principal, authority in groups:
            result[principal.id].add(authority)
        return dict(result)
