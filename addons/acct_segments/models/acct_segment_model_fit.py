# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .acct_segment_month import name_with_month

MODEL_KINDS = [
    ("sbg", "Shifted-beta-geometric (retention)"),
    ("bgbb", "BG/BB (invoiced months and probability alive)"),
    ("bgnbd", "BG/NBD (purchases and probability alive)"),
    ("gamma_gamma", "Gamma-Gamma (spend)"),
]


class AcctSegmentModelFit(models.Model):
    """One monthly fit of a predictive model, kept for the record like the snapshots.

    A re-run of a month replaces that month's fits (unique per kind and month). When the data
    were too few, ``state`` is ``insufficient`` and ``note`` says why; no probability is shown
    for that month and the health score stands in.
    """

    _name = "acct.segment.model.fit"
    _description = "Predictive model fit"
    _order = "month desc, kind"
    _rec_name = "kind"

    kind = fields.Selection(MODEL_KINDS, required=True)
    # The firm's company whose month it is (multi-company: the company rule).
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    month = fields.Date(required=True, index=True, help="First day of the snapshot month.")
    cutoff_date = fields.Date(string="Cut-off", required=True)
    state = fields.Selection(
        [("fitted", "Fitted"), ("insufficient", "Too little data")], required=True
    )
    n = fields.Integer(string="Sample size", help="Clients (or periods for sBG) the fit used.")
    log_likelihood = fields.Float(digits=(16, 4))
    parameters = fields.Json(string="Fitted parameters", help="The fitted parameters by name.")
    parameters_text = fields.Char(string="Parameters")
    note = fields.Char()
    prior_share = fields.Float(
        string="Share of the prior",
        digits=(16, 3),
        help="0 for a maximum-likelihood fit. A degenerate maximum-likelihood fit is fitted "
        "again with weak priors: this is the largest share of the priors in the result.",
    )

    @api.depends("kind", "month")
    @api.depends_context("lang")
    def _compute_display_name(self):
        name_with_month(self, "kind")

    def action_open_backtest(self):
        """The backtest of the fit's month: forecast against actual per model."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acct_segments.action_acct_segment_backtest"
        )
        action["domain"] = [("month", "=", self.month), ("company_id", "=", self.company_id.id)]
        return action

    _sql_constraints = [
        (
            "kind_month_unique",
            "UNIQUE(kind, month, company_id)",
            "One fit per model, month and company.",
        ),
    ]
