# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A firm client's figures: revenue, tenure, invoices per year, days paid late, open balance
and last invoice, from its customer invoices in the firm's companies."""

from dateutil.relativedelta import relativedelta

from odoo import fields, models

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


# One feature of the firm client per file (profile, registers, figures), by design.
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    # The firm's figures of a client, from its customer invoices in the firm's companies: one
    # SQL query over the whole recordset (plus one grouped read of engagements), so that a list
    # of clients costs the same number of queries for 2 or 80 rows.
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
        help="Untaxed customer invoices minus credit notes of the last 12 months.",
    )
    acct_revenue_total = fields.Monetary(
        string="Revenue, total",
        compute="_compute_acct_figures",
        currency_field="currency_id",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_first_date = fields.Date(
        string="First invoice or engagement",
        compute="_compute_acct_figures",
        groups="acct_firm_crm.group_acct_firm_user",
        help="The earlier of the first invoice and the start of the first engagement.",
    )
    acct_tenure_months = fields.Integer(
        string="Tenure (months)",
        compute="_compute_acct_figures",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_invoices_per_year = fields.Float(
        string="Invoices per year",
        digits=(16, 1),
        compute="_compute_acct_figures",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_avg_days_late = fields.Float(
        string="Average days paid late",
        digits=(16, 1),
        compute="_compute_acct_figures",
        groups="acct_firm_crm.group_acct_firm_user",
        help="Over paid invoices: days from the due date to the last payment, 0 when on time.",
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

    def _compute_acct_figures(self):
        today = fields.Date.context_today(self)
        figures = self._acct_invoice_figures(today)
        starts = dict(
            self.env["acct.engagement"]
            .sudo()
            ._read_group([("client_id", "in", self.ids)], ["client_id"], ["date_start:min"])
        )
        for partner in self:
            row = figures.get(partner.id, {})
            first_dates = [day for day in (row.get("first_invoice"), starts.get(partner)) if day]
            first = min(first_dates) if first_dates else False
            tenure = relativedelta(today, first) if first else None
            years = max((today - first).days / 365.25, 1.0) if first else 1.0
            partner.acct_revenue_12m = float(row.get("revenue_12m") or 0.0)
            partner.acct_revenue_total = float(row.get("revenue_total") or 0.0)
            partner.acct_first_date = first
            partner.acct_tenure_months = tenure.years * 12 + tenure.months if tenure else 0
            partner.acct_invoices_per_year = (row.get("invoice_count") or 0) / years
            partner.acct_avg_days_late = float(row.get("avg_days_late") or 0.0)
            partner.acct_open_balance = float(row.get("open_balance") or 0.0)
            partner.acct_last_invoice_date = row.get("last_invoice") or False

    def _acct_invoice_figures(self, today):
        """``{partner id: figures}`` of the posted customer invoices of the partners (and
        their contacts) in the current companies: one query for the whole recordset."""
        if not self.ids:
            return {}
        self.env["account.move"].flush_model(
            [
                "commercial_partner_id",
                "state",
                "move_type",
                "company_id",
                "invoice_date",
                "invoice_date_due",
                "amount_untaxed_signed",
                "amount_residual_signed",
                "payment_state",
            ]
        )
        self.env["account.move.line"].flush_model(["move_id", "display_type"])
        self.env["account.partial.reconcile"].flush_model(["debit_move_id", "max_date"])
        self.env.cr.execute(
            """
            WITH invoice AS (
                SELECT m.id, m.commercial_partner_id AS partner_id, m.move_type,
                       m.invoice_date, m.invoice_date_due, m.amount_untaxed_signed,
                       m.amount_residual_signed, m.payment_state
                  FROM account_move m
                 WHERE m.commercial_partner_id = ANY(%(partners)s)
                   AND m.company_id = ANY(%(companies)s)
                   AND m.state = 'posted'
                   AND m.move_type IN ('out_invoice', 'out_refund')
            ), paid AS (
                SELECT line.move_id, MAX(apr.max_date) AS paid_date
                  FROM account_move_line line
                  JOIN account_partial_reconcile apr ON apr.debit_move_id = line.id
                 WHERE line.move_id IN (
                           SELECT id FROM invoice
                            WHERE move_type = 'out_invoice'
                              AND payment_state IN ('paid', 'in_payment'))
                   AND line.display_type = 'payment_term'
                 GROUP BY line.move_id
            )
            SELECT invoice.partner_id,
                   SUM(invoice.amount_untaxed_signed) AS revenue_total,
                   SUM(invoice.amount_untaxed_signed)
                       FILTER (WHERE invoice.invoice_date > %(year_ago)s) AS revenue_12m,
                   SUM(invoice.amount_residual_signed) AS open_balance,
                   COUNT(*) FILTER (WHERE invoice.move_type = 'out_invoice') AS invoice_count,
                   MIN(invoice.invoice_date) AS first_invoice,
                   MAX(invoice.invoice_date)
                       FILTER (WHERE invoice.move_type = 'out_invoice') AS last_invoice,
                   AVG(GREATEST(paid.paid_date - invoice.invoice_date_due, 0))
                       FILTER (WHERE paid.paid_date IS NOT NULL) AS avg_days_late
              FROM invoice
              LEFT JOIN paid ON paid.move_id = invoice.id
             GROUP BY invoice.partner_id
            """,
            {
                "partners": self.ids,
                "companies": self.env.companies.ids,
                "year_ago": today - relativedelta(years=1),
            },
        )
        return {row["partner_id"]: row for row in self.env.cr.dictfetchall()}

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
