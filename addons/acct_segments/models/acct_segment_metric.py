# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

METRIC_CODES = [
    ("value", "Value"),
    ("frequency", "Frequency"),
    ("recency", "Recency"),
    ("tenure", "Tenure"),
    ("payment_delay", "Payment delay"),
    ("complaints", "Complaints"),
    ("satisfaction", "Satisfaction"),
    ("growth", "Growth"),
    ("margin", "Margin"),
]


class AcctSegmentMetric(models.Model):
    """One metric of the portfolio the firm chooses to judge its clients by.

    Pareto applies to metrics too: a few well-chosen ones explain most of a client's
    worth, so the firm switches metrics on and off and weighs them rather than
    tracking everything.
    """

    _name = "acct.segment.metric"
    _description = "Client metric"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(METRIC_CODES, required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    weight = fields.Float(
        default=1.0,
        digits=(16, 2),
        help="How much this metric counts in the client's health score, relative to the others.",
    )
    window_months = fields.Integer(
        string="Window (months)",
        default=12,
        help="How many months back the metric looks, counted from the snapshot date.",
    )
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "Each metric appears once in the portfolio."),
    ]

    @api.constrains("weight", "window_months")
    def _check_weight_and_window(self):
        for metric in self:
            if metric.weight < 0:
                raise ValidationError(
                    self.env._(
                        "The weight of %(metric)s cannot be negative (%(weight)s).",
                        metric=metric.name,
                        weight=metric.weight,
                    )
                )
            if not 1 <= metric.window_months <= 120:
                raise ValidationError(
                    self.env._(
                        "The window of %(metric)s must be between 1 and 120 months, "
                        "not %(months)s.",
                        metric=metric.name,
                        months=metric.window_months,
                    )
                )
