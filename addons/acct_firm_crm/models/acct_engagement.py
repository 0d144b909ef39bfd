# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from acct_firm_core import pricing

# The fields whose change must keep an active engagement billable.
FEE_FIELDS = (
    "fee_model",
    "price_type",
    "fixed_amount",
    "unit_price",
    "tier_mode",
    "tier_ids",
    "included_quantity",
    "minimum_amount",
    "cap_amount",
    "product_id",
    "state",
)


class AcctEngagement(models.Model):
    """A contract of the firm with a client, and the fee it invoices each period.

    The fee of a period is computed by ``acct_firm_core.pricing.period_fee``; the billing run
    (:meth:`_run_billing`, in ``acct_engagement_billing.py``) creates one customer invoice per
    engagement and due period, made unique by ``acct.engagement.period``.
    """

    _name = "acct.engagement"
    _description = "Engagement"
    _inherit = ["acct.state.machine.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "client_id, date_start desc, id desc"
    _check_company_auto = True
    _acct_transitions = {
        "activate": (("draft", "suspended"), ("active",)),
        "suspend": (("active",), ("suspended",)),
        "end": (("active", "suspended"), ("ended",)),
        "reset": (("active", "suspended", "ended"), ("draft",)),
    }

    name = fields.Char(string="Engagement", required=True, tracking=True)
    client_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain="[('acct_is_firm_client', '=', True)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    services = fields.Text(help="The services the engagement covers, as agreed with the client.")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "Active"),
            ("suspended", "Suspended"),
            ("ended", "Ended"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
        index=True,
    )
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(string="End", tracking=True, copy=False)
    periodicity = fields.Selection(
        [("monthly", "Monthly"), ("quarterly", "Quarterly"), ("annual", "Annual")],
        default="monthly",
        required=True,
        tracking=True,
    )
    invoicing_day = fields.Integer(
        default=1,
        required=True,
        tracking=True,
        help="Day of the month after a period's end on which the period is invoiced (1-28).",
    )
    fee_model = fields.Selection(
        [
            ("fixed", "Fixed fee"),
            ("per_document", "Per document"),
            ("hybrid", "Fixed fee plus documents above an included quantity"),
        ],
        default="fixed",
        required=True,
        tracking=True,
    )
    price_type = fields.Selection(
        [("flat", "One price per document"), ("tiers", "Price tiers")],
        string="Document price",
        default="flat",
        required=True,
        tracking=True,
    )
    fixed_amount = fields.Monetary(tracking=True, help="The fee of a full period.")
    unit_price = fields.Monetary(string="Price per document", tracking=True)
    tier_mode = fields.Selection(
        [("graduated", "Graduated"), ("volume", "Volume")],
        default="graduated",
        required=True,
        tracking=True,
        help="Graduated: each document is priced by the tier it falls in. Volume: every "
        "document is priced at the tier the period's total falls in.",
    )
    tier_ids = fields.One2many("acct.engagement.tier", "engagement_id", string="Tiers", copy=True)
    included_quantity = fields.Integer(
        string="Included documents",
        tracking=True,
        help="Documents covered by the fixed fee in a full period; those above are billed.",
    )
    minimum_amount = fields.Monetary(
        string="Minimum fee", tracking=True, help="Lower bound of a full period's fee; 0 = none."
    )
    cap_amount = fields.Monetary(
        string="Fee cap", tracking=True, help="Upper bound of a full period's fee; 0 = none."
    )
    prorate = fields.Boolean(
        string="Prorate partial periods",
        default=True,
        tracking=True,
        help="Bill a partial first or last period by the share of its days the engagement covers.",
    )
    quantity_source = fields.Selection(
        [
            ("protocols", "Confirmed handover protocols"),
            ("client_books", "Posted documents of the client's company"),
        ],
        default="protocols",
        required=True,
        tracking=True,
        help="Where the billing run counts the documents processed in a period.",
    )
    product_id = fields.Many2one(
        "product.product", string="Invoiced product", tracking=True, check_company=True
    )
    tax_ids = fields.Many2many(
        "account.tax",
        string="Taxes",
        domain="[('type_tax_use', '=', 'sale'), ('company_id', 'parent_of', company_id)]",
        check_company=True,
    )
    period_ids = fields.One2many("acct.engagement.period", "engagement_id", string="Billed periods")
    period_count = fields.Integer(compute="_compute_period_count")

    _sql_constraints = [
        (
            "invoicing_day_range",
            "CHECK(invoicing_day BETWEEN 1 AND 28)",
            "The invoicing day must be between 1 and 28.",
        ),
        (
            "dates_order",
            "CHECK(date_end IS NULL OR date_end >= date_start)",
            "An engagement cannot end before it starts.",
        ),
    ]

    @api.depends("period_ids")
    def _compute_period_count(self):
        counts = dict(
            self.env["acct.engagement.period"]._read_group(
                [("engagement_id", "in", self.ids)], ["engagement_id"], ["__count"]
            )
        )
        for engagement in self:
            engagement.period_count = counts.get(engagement, 0)

    @api.constrains("client_id")
    def _check_firm_client(self):
        self.client_id._acct_ensure_firm_client(self.env._("an engagement"))

    @api.constrains(*FEE_FIELDS)
    def _check_active_configuration(self):
        """An active engagement always has a configuration the billing run can price."""
        self.filtered(lambda e: e.state == "active")._check_billing_configuration()

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id:
            self.tax_ids = self.product_id.taxes_id.filtered_domain(
                self.env["account.tax"]._check_company_domain(self.company_id)
            )

    # ------------------------------------------------------------------ actions

    def action_activate(self):
        self._acct_check_transition("activate")
        self._check_billing_configuration()
        self._acct_transition("activate", "active")

    def action_suspend(self):
        self._acct_transition("suspend", "suspended")

    def action_end(self):
        today = fields.Date.context_today(self)
        self._acct_check_transition("end")
        for engagement in self:
            values = {}
            if not engagement.date_end:
                values["date_end"] = max(today, engagement.date_start)
            engagement._acct_transition("end", "ended", values)

    def action_reset_to_draft(self):
        self._acct_transition("reset", "draft")

    def action_view_periods(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Billed periods"),
            "res_model": "acct.engagement.period",
            "view_mode": "list,form",
            "domain": [("engagement_id", "=", self.id)],
        }

    def action_run_billing(self):
        """Button of managers: bill every due period of the selected (or all) engagements."""
        self.env["acct.engagement.period"].check_access("create")
        engagements = self.filtered(lambda e: e.state == "active") if self else None
        periods = self.env["acct.engagement"]._run_billing(engagements=engagements)
        return self._billing_notification(periods)

    def action_invoice_now(self):
        """Invoice every ended, unbilled period now, without waiting for the invoicing day."""
        self.env["acct.engagement.period"].check_access("create")
        not_active = self.filtered(lambda e: e.state != "active")
        if not_active:
            raise UserError(
                self.env._(
                    "Only active engagements can be invoiced: %(names)s.",
                    names=", ".join(not_active.mapped("display_name")),
                )
            )
        periods = self._run_billing(engagements=self, invoice_now=True)
        periods._attach_usage_statements()
        if not periods:
            raise UserError(
                self.env._(
                    "Nothing to invoice yet: no period of %(names)s has ended unbilled.",
                    names=", ".join(self.mapped("display_name")),
                )
            )
        return self._billing_notification(periods)

    def _billing_notification(self, periods):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%(count)s invoice(s) created.", count=len(periods)),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    # ------------------------------------------------------------ configuration

    def _fee_arguments(self):
        """Keyword arguments of ``pricing.period_fee`` from the engagement's fields."""
        self.ensure_one()
        uses_tiers = self.price_type == "tiers"
        return {
            "fixed_amount": self.fixed_amount or None,
            "unit_price": None if uses_tiers else (self.unit_price or None),
            "tiers": [tier._as_core_tier() for tier in self.tier_ids] if uses_tiers else None,
            "tier_mode": self.tier_mode,
            "included_quantity": self.included_quantity,
            "minimum": self.minimum_amount or None,
            "cap": self.cap_amount or None,
            "decimals": self.currency_id.decimal_places,
        }

    def _billing_configuration_error(self):
        """The translated reason why this engagement cannot be billed, or False."""
        self.ensure_one()
        if not self.product_id:
            return self.env._("%(name)s: choose the product of the invoice lines.", name=self.name)
        try:
            pricing.period_fee(self.fee_model, quantity=0, **self._fee_arguments())
        except pricing.PricingError as error:
            return self.env._(
                "%(name)s: %(reason)s", name=self.name, reason=self._pricing_error_message(error)
            )
        return False

    def _check_billing_configuration(self):
        errors = [error for error in map(type(self)._billing_configuration_error, self) if error]
        if errors:
            raise ValidationError("\n".join(errors))

    @api.model
    def _pricing_error_message(self, error):
        """The translated message of a ``pricing.PricingError``: the core's one wording of
        its code (``pricing.MESSAGES``), translated here, filled with its params."""
        return self.env._(pricing.MESSAGES[error.code], **error.params)
