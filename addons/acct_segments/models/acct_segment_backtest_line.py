# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

SERIES = [
    ("bgbb", "BG/BB forecast"),
    ("bgnbd", "BG/NBD forecast"),
    ("naive", "Naive forecast"),
    ("actual", "Actual"),
]


class AcctSegmentBacktestLine(models.Model):
    """One month of a backtest's chart: the invoiced months of all clients together that a
    model forecast for it, or (series "actual", kept with the naive backtest) that
    happened."""

    _name = "acct.segment.backtest.line"
    _description = "Backtest month"
    _order = "period, series"

    backtest_id = fields.Many2one(
        "acct.segment.backtest", required=True, index=True, ondelete="cascade"
    )
    month = fields.Date(related="backtest_id.month", store=True, string="Snapshot month")
    company_id = fields.Many2one(related="backtest_id.company_id", store=True, index=True)
    series = fields.Selection(SERIES, required=True)
    period = fields.Date(string="Forecast month", required=True)
    invoiced_months = fields.Float(digits=(16, 1), aggregator="sum")
