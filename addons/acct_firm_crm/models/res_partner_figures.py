# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A firm client's figures: revenue, tenure, invoiced months per year, days paid late, open
balance and last invoice, from its customer invoices in the current company.

Each metric is defined once, in ``acct_firm_core.portfolio`` (its docstring says how), on the
rows of the shared queries of ``acct.client.metrics``: the monthly snapshots of acct_segments
use the same ones, so at a month-end the card and the month's snapshot show the same numbers.
"""

from odoo import api, fields, models

from acct_firm_core import portfolio

FIGURE_FIELDS = (
    "acct_revenue_12m",
    "acct_revenue_total",
    "acct_first_date",
    "acct_tenure_months",
    "acct_invoices_per_year",
    "acct_avg_days_late",
    "acct_open_balance",
    "acct_last_invoice_date",
)
# The windows of the figures, in months, as the snapshots' default metric windows
# (acct_segments/data/acct_segment_metric_data.xml): the last 12 months, this one included.
FIGURE_WINDOWS = {"value": 12, "frequency": 12, "tenure": 12, "payment_delay": 12}


# One feature of the firm client per file (profile, registers, figures), by design.
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    # The firm's figures of a client, from its customer invoices in the current company (its
    # amounts in that company's currency, as the company's monthly snapshots are): three SQL
    # queries over the whole recordset, so that a list of clients costs the same number of
    # queries for 2 or 80 rows.
    engagement_ids = fields.One2many(
        "acct.engagement",
        "client_id",
        string="Engagements",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_revenue_12m = fields.Monetary(
        string="Revenue, last 12 months",
        compute="_compute_acct_figures",
        currency_field="currency_id",
        groups="acct_firm_crm.group_acct_firm_user",
        help="Untaxed customer invoices minus credit notes of this month and the 11 before.",
    )
    acct_revenue_total = fields.Monetary(
        string="Revenue, total",
        compute="_compute_acct_figures",
        currency_field="currency_id",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_first_date = fields.Date(
        string="With the firm since",
        compute="_compute_acct_figures",
        groups="acct_firm_crm.group_acct_firm_user",
        help="The earliest of the client-since date, the start of the first engagement and "
        "the first invoice: the tenure counts from it.",
    )
    acct_tenure_months = fields.Integer(
        string="Tenure (months)",
        compute="_compute_acct_figures",
        groups="acct_firm_crm.group_acct_firm_user",
        help="Whole months since the client is with the firm, counted as an age is.",
    )
    acct_invoices_per_year = fields.Integer(
        string="Invoiced months, last 12",
        compute="_compute_acct_figures",
        groups="acct_firm_crm.group_acct_firm_user",
        help="Months of this month and the 11 before with a positive net invoiced amount: "
        "how often the client is invoiced in a year.",
    )
    acct_avg_days_late = fields.Float(
        string="Average days paid late",
        digits=(16, 1),
        compute="_compute_acct_figures",
        groups="acct_firm_crm.group_acct_firm_user",
        help="Over the invoices due this month and the 11 before: days from the due date to "
        "the payment, 0 when on time; an invoice still open is late until today.",
    )
    acct_open_balance = fields.Monetary(
        string="Open balance",
        compute="_compute_acct_figures",
        currency_field="currency_id",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_last_invoice_date = fields.Date(
        string="Last invoice",
        compute="_compute_acct_figures",
        groups="acct_firm_crm.group_acct_firm_user",
    )

    @api.depends_context("company")
    def _compute_acct_figures(self):
        today = fields.Date.context_today(self)
        metrics, dates = self._acct_client_metrics(today)
        for partner in self:
            m = metrics.get(partner.id, {})
            start, last_invoice, open_balance = dates.get(partner.id, (None, None, 0.0))
            partner.acct_revenue_12m = m.get("value") or 0.0
            partner.acct_revenue_total = m.get("past_value") or 0.0
            partner.acct_first_date = start or False
            partner.acct_tenure_months = m.get("tenure_months") or 0
            partner.acct_invoices_per_year = m.get("frequency") or 0
            partner.acct_avg_days_late = m.get("payment_delay") or 0.0
            partner.acct_open_balance = open_balance
            partner.acct_last_invoice_date = last_invoice or False

    def _acct_client_metrics(self, cutoff):
        """``({partner id: metrics}, {partner id: (start, last invoice, open balance)})`` of
        the partners at ``cutoff``, from their posted customer invoices (and their
        contacts') in the current company: three queries for the whole recordset, measured
        by the core as the snapshots are."""
        clients = sorted(set(self.ids))
        if not clients:
            return {}, {}
        queries = self.env["acct.client.metrics"]
        # One company, as its snapshots: several companies' amounts in several currencies
        # would not add up.
        companies = self.env.company.ids
        end = portfolio.month_index(cutoff)
        dates = {
            client: (start, last_invoice, open_balance)
            for client, start, last_invoice, open_balance in queries._query_client_dates(
                clients, companies, cutoff
            )
        }
        metrics, _history = portfolio.measure(
            clients,
            end,
            FIGURE_WINDOWS,
            invoices=queries._query_invoice_months(clients, companies, cutoff),
            delays=queries._query_payment_delays(
                clients,
                companies,
                portfolio.window_start(end, FIGURE_WINDOWS["payment_delay"]),
                cutoff,
            ),
            client_dates={client: row[:2] for client, row in dates.items()},
            cutoff=cutoff,
        )
        return metrics, dates

    def action_view_engagements(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Engagements"),
            "res_model": "acct.engagement",
            "view_mode": "list,form",
            "domain": [("client_id", "=", self.id)],
            "context": {"default_client_id": self.id},
        }
