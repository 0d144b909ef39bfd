# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

# The applicability flags of the tax profile, in the order the form shows them. The
# obligation catalogue names them in its applicability, so they are the engine's vocabulary.
ACCT_PROFILE_FLAGS = (
    "acct_vat_registered",
    "acct_intra_eu_supplies",
    "acct_intrastat_arrivals",
    "acct_intrastat_dispatches",
    "acct_employer",
    "acct_civil_contract_payer",
    "acct_pays_dividends",
    "acct_nonresident_payments",
    "acct_cit_payer",
    "acct_sole_trader",
    "acct_self_insured",
    "acct_individual",
    "acct_individual_rental",
    "acct_nonprofit",
    "acct_commercial_register",
    "acct_audit_required",
    "acct_inactive",
    "acct_owns_real_estate",
    "acct_owns_vehicles",
    "acct_rebate_reminders",
)
# Flags that are the firm's choice for the client, not a fact of its legal form: a change of
# the legal form leaves them alone.
ACCT_OPTION_FLAGS = ("acct_rebate_reminders",)

# What a legal form usually implies. Only a starting point: an ООД may or may not be VAT
# registered or an employer, so the accountant confirms every flag.
LEGAL_FORM_DEFAULTS = {
    "et": {"acct_sole_trader", "acct_self_insured", "acct_commercial_register"},
    "eood": {"acct_cit_payer", "acct_commercial_register"},
    "ood": {"acct_cit_payer", "acct_commercial_register"},
    "ad": {"acct_cit_payer", "acct_commercial_register", "acct_audit_required"},
    "ngo": {"acct_nonprofit"},
    "coop": {"acct_cit_payer", "acct_commercial_register"},
    "individual": {"acct_individual"},
    "self_insured": {"acct_self_insured"},
    "other": set(),
}

# The firm's people in charge of a client: they decide who reaches its registers.
ACCT_PEOPLE_FIELDS = {"acct_accountant_id", "acct_reviewer_id", "acct_payroll_accountant_id"}


class ResPartner(models.Model):
    _inherit = "res.partner"

    acct_is_firm_client = fields.Boolean(
        string="Firm client",
        tracking=True,
        help="The firm keeps this company's or person's books: it carries a tax profile, "
        "statutory obligations and a client code.",
    )
    acct_client_code = fields.Char(
        string="Client code",
        copy=False,
        index="btree_not_null",
        tracking=True,
        help="The firm's own short reference of the client, unique across clients.",
    )

    _sql_constraints = [
        (
            "acct_client_code_unique",
            "UNIQUE(acct_client_code)",
            "Another client already has this client code.",
        ),
    ]

    @api.constrains("acct_is_firm_client", "acct_client_code", "is_company", "parent_id")
    def _check_acct_firm_client(self):
        for partner in self:
            if not partner.acct_is_firm_client:
                continue
            if partner.parent_id:
                # A contact person works *for* a client; the profile lives on the client itself.
                raise ValidationError(
                    self.env._(
                        "%(name)s is a contact of %(parent)s: mark the company as the firm "
                        "client instead.",
                        name=partner.name,
                        parent=partner.parent_id.display_name,
                    )
                )
            if not (partner.acct_client_code or "").strip():
                raise ValidationError(
                    self.env._(
                        "A firm client needs a client code: %(name)s has none.", name=partner.name
                    )
                )

    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        # Following a firm client opens its registers to an "own clients" accountant: only the
        # firm ("all clients" accountants and managers) makes its people follow a client.
        if (
            partner_ids
            and not self.env.su
            and not self.env.user.has_group("acct_firm_crm.group_acct_firm_all_clients")
            and any(self.sudo().mapped("acct_is_firm_client"))
        ):
            internal = (
                self.env["res.users"]
                .sudo()
                .search([("partner_id", "in", list(partner_ids)), ("share", "=", False)])
                .partner_id
            )
            partner_ids = [pid for pid in partner_ids if pid not in internal.ids]
        return super()._message_subscribe(partner_ids, subtype_ids, customer_ids)

    def _acct_ensure_firm_client(self, register):
        """Refuse a register entry (named by ``register``) of a partner the firm keeps no
        books for: registers, protocols and contracts belong to firm clients only."""
        for partner in self.sudo():
            if not partner.acct_is_firm_client:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is not a client of the firm: %(register)s can only belong "
                        "to a firm client.",
                        partner=partner.display_name,
                        register=register,
                    )
                )

    # The client's tax profile: legal form, applicability flags and the people in charge.
    acct_legal_form = fields.Selection(
        [
            ("et", "Sole trader (ЕТ)"),
            ("eood", "Single-member LLC (ЕООД)"),
            ("ood", "LLC (ООД)"),
            ("ad", "Joint-stock company (АД)"),
            ("ngo", "Non-profit (ЮЛНЦ)"),
            ("coop", "Cooperative"),
            ("individual", "Individual"),
            ("self_insured", "Self-insured person"),
            ("other", "Other"),
        ],
        string="Legal form",
        tracking=True,
        help="Pre-fills the applicability flags; the flags decide the obligations.",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_vat_registered = fields.Boolean(
        "VAT registered", tracking=True, groups="acct_firm_crm.group_acct_firm_user"
    )
    acct_intra_eu_supplies = fields.Boolean(
        "Intra-EU supplies",
        help="Supplies that go into a VIES return.",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_intrastat_arrivals = fields.Boolean(
        "Intrastat arrivals", groups="acct_firm_crm.group_acct_firm_user"
    )
    acct_intrastat_dispatches = fields.Boolean(
        "Intrastat dispatches", groups="acct_firm_crm.group_acct_firm_user"
    )
    acct_employer = fields.Boolean(
        "Employer", tracking=True, groups="acct_firm_crm.group_acct_firm_user"
    )
    acct_civil_contract_payer = fields.Boolean(
        "Pays under civil contracts", groups="acct_firm_crm.group_acct_firm_user"
    )
    acct_pays_dividends = fields.Boolean(
        "Pays dividends", groups="acct_firm_crm.group_acct_firm_user"
    )
    acct_nonresident_payments = fields.Boolean(
        "Payments to non-residents", groups="acct_firm_crm.group_acct_firm_user"
    )
    acct_cit_payer = fields.Boolean(
        "Corporate income tax payer", tracking=True, groups="acct_firm_crm.group_acct_firm_user"
    )
    acct_cit_advance_regime = fields.Selection(
        [("none", "No advances"), ("quarterly", "Quarterly"), ("monthly", "Monthly")],
        string="CIT advances",
        default="none",
        help="Decided by the net sales of the year before last: monthly above 3,000,000 BGN, "
        "quarterly above 300,000 BGN.",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_sole_trader = fields.Boolean(
        "Sole trader (ЕТ)", groups="acct_firm_crm.group_acct_firm_user"
    )
    acct_self_insured = fields.Boolean("Self-insured", groups="acct_firm_crm.group_acct_firm_user")
    acct_individual = fields.Boolean("Individual", groups="acct_firm_crm.group_acct_firm_user")
    acct_individual_rental = fields.Boolean(
        "Rental income", groups="acct_firm_crm.group_acct_firm_user"
    )
    acct_nonprofit = fields.Boolean(
        "Non-profit (ЮЛНЦ)", groups="acct_firm_crm.group_acct_firm_user"
    )
    acct_commercial_register = fields.Boolean(
        "In the Commercial Register", groups="acct_firm_crm.group_acct_firm_user"
    )
    acct_audit_required = fields.Boolean(
        "Subject to audit", groups="acct_firm_crm.group_acct_firm_user"
    )
    acct_inactive = fields.Boolean(
        "No activity this year", groups="acct_firm_crm.group_acct_firm_user"
    )
    acct_owns_real_estate = fields.Boolean(
        "Owns real estate", groups="acct_firm_crm.group_acct_firm_user"
    )
    acct_owns_vehicles = fields.Boolean(
        "Owns vehicles", groups="acct_firm_crm.group_acct_firm_user"
    )
    acct_rebate_reminders = fields.Boolean(
        "Rebate reminders",
        tracking=True,
        help="Remind of the 5% rebates the law gives: the annual income tax return filed "
        "electronically and the tax paid by 31 March; the whole year's real-estate and "
        "vehicle tax paid by 30 April. Off unless ticked.",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_accountant_id = fields.Many2one(
        "res.users",
        string="Responsible accountant",
        tracking=True,
        index="btree_not_null",
        domain=[("share", "=", False)],
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_reviewer_id = fields.Many2one(
        "res.users", string="Reviewer", tracking=True, groups="acct_firm_crm.group_acct_firm_user"
    )
    acct_payroll_accountant_id = fields.Many2one(
        "res.users",
        string="Payroll accountant",
        tracking=True,
        help="Takes the payroll obligations; the responsible accountant when empty.",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_client_since = fields.Date("Client since", groups="acct_firm_crm.group_acct_firm_user")
    acct_obligation_ids = fields.One2many(
        "acct.client.obligation",
        "client_id",
        string="Obligations",
        context={"active_test": False},
        groups="acct_firm_crm.group_acct_firm_user",
    )

    @api.onchange("acct_legal_form")
    def _onchange_acct_legal_form(self):
        if not self.acct_legal_form:
            return
        defaults = LEGAL_FORM_DEFAULTS[self.acct_legal_form]
        for flag in ACCT_PROFILE_FLAGS:
            if flag not in ACCT_OPTION_FLAGS:
                self[flag] = flag in defaults
        if "acct_cit_payer" not in defaults:
            self.acct_cit_advance_regime = "none"

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        partners.filtered("acct_is_firm_client")._acct_sync_obligations()
        return partners

    def write(self, vals):
        # The people in charge open the client's registers to an "own clients" accountant: the
        # firm ("all clients" accountants and managers) chooses them, not the accountant.
        if (
            ACCT_PEOPLE_FIELDS & set(vals)
            and not self.env.su
            and not self.env.user.has_group("acct_firm_crm.group_acct_firm_all_clients")
        ):
            raise AccessError(
                self.env._(
                    "Only the firm's managers and \"all clients\" accountants choose a client's "
                    "responsible accountant, reviewer and payroll accountant."
                )
            )
        res = super().write(vals)
        if {"acct_is_firm_client", "acct_cit_advance_regime", *ACCT_PROFILE_FLAGS} & set(vals):
            self.filtered("acct_is_firm_client")._acct_sync_obligations()
        return res

    def _acct_set_counts(self, target, model, field="client_id"):
        """Set ``target`` on each partner to the number of ``model`` records whose ``field``
        is that partner: one grouped query for the whole recordset (the smart buttons)."""
        counts = dict(self.env[model]._read_group([(field, "in", self.ids)], [field], ["__count"]))
        for partner in self:
            partner[target] = counts.get(partner, 0)

    def _acct_sync_obligations(self):
        """Create the client obligations the profile now calls for.

        Existing ones are never removed: whether they still apply is their stored
        ``applies``, recomputed from the flags, so a profile change stops future tasks
        while the history and the accountant's overrides stay.

        The obligations follow from a profile write the user was allowed to make (an
        invoicing user may create a firm client too), so they are derived with elevated
        rights; nothing here comes from the user's input but the partners themselves.
        """
        return self.env["acct.client.obligation"].sudo()._sync_for_clients(self.sudo())

    def action_acct_generate_tasks(self):
        """'Run now' for these clients: create the tasks that are due to exist today."""
        self.check_access("read")
        self.env["acct.client.obligation"].check_access("write")
        obligations = self.env["acct.client.obligation"].search([("client_id", "in", self.ids)])
        created = obligations._generate_tasks()
        return self.env["acct.client.obligation"]._notify_created(created)

    def _acct_firm_lang(self):
        """The language of the firm's internal texts about this client: the language of
        the client's company (the firm), else of the current company."""
        self.ensure_one()
        return (self.company_id or self.env.company)._acct_lang()

    def _acct_reader_lang(self):
        """The language of what this client reads (invoices, statements, e-mails): its own,
        else the firm's."""
        self.ensure_one()
        return self.lang or self._acct_firm_lang()

    def _acct_project_values(self):
        self.ensure_one()
        return {
            "name": self.display_name,
            "acct_client_id": self.id,
            "partner_id": self.id,
            "user_id": self.acct_accountant_id.id,
            # Internal users only: the client's portal users see their own pages, not ours.
            "privacy_visibility": "employees",
            # A client's statutory work and requests have deadlines, not product milestones:
            # the field would only show Odoo's English placeholder on the task form.
            "allow_milestones": False,
        }

    def action_acct_record_event(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record an event"),
            "res_model": "acct.event.obligation.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_client_id": self.id},
        }
