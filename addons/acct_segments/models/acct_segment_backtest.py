# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .acct_segment_month import name_with_month

BACKTEST_MODELS = [
    ("bgbb", "BG/BB"),
    ("bgnbd", "BG/NBD"),
    ("naive", "Naive (each client's own rate)"),
]


class AcctSegmentBacktest(models.Model):
    """How well a model would have forecast the last 12 months: fitted on the firm's own
    invoices up to 12 months before the month's cut-off, its forecast of the invoiced months
    after it against what happened (``acct_firm_core.backtest.monthly_backtest``), beside the
    naive forecast (each client keeps its rate). Stored per month with the fits; computing
    a month again replaces them."""

    _name = "acct.segment.backtest"
    _description = "Backtest of a predictive model"
    _order = "month desc, model"
    _rec_name = "model"

    month = fields.Date(required=True, index=True, help="First day of the snapshot month.")
    model = fields.Selection(BACKTEST_MODELS, required=True)
    # The firm's company whose month it is (multi-company: the company rule).
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    holdout_months = fields.Integer(string="Months forecast", default=12)
    client_count = fields.Integer(string="Clients", help="Clients invoiced by the fit's cut-off.")
    forecast_total = fields.Float(
        string="Forecast invoiced months", digits=(16, 1), help="Over the months forecast."
    )
    actual_total = fields.Float(
        string="Actual invoiced months", digits=(16, 1), help="Over the months forecast."
    )
    mae = fields.Float(
        string="Mean absolute error per client",
        digits=(16, 3),
        help="Average over the clients of the difference between the invoiced months forecast "
        "and those that happened, over the months forecast.",
    )
    naive_mae = fields.Float(
        string="Naive baseline error per client",
        digits=(16, 3),
        help="The same error of the naive forecast: each client keeps its rate of invoiced "
        "months. A model worth using has a lower error.",
    )
    beats_naive = fields.Boolean(string="Better than naive")
    note = fields.Char(help="Why the model gave no forecast.")
    line_ids = fields.One2many("acct.segment.backtest.line", "backtest_id", string="Months")

    @api.depends("model", "month")
    @api.depends_context("lang")
    def _compute_display_name(self):
        name_with_month(self, "model")

    def action_open_chart(self):
        """Forecast and actual invoiced months, month by month, of this backtest's month."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acct_segments.action_acct_segment_backtest_chart"
        )
        action["domain"] = [
            ("month", "in", self.mapped("month")),
            ("company_id", "in", self.company_id.ids),
        ]
        action["context"] = {"group_by": ["period:month", "series"]}
        return action

    _sql_constraints = [
        (
            "model_month_unique",
            "UNIQUE(model, month, company_id)",
            "One backtest per model, month and company.",
        ),
    ]
