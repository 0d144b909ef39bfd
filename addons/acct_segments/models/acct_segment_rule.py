# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from acct_firm_core import scores

# Every threshold the segments use, with the core's default where the core has one. The data
# file creates one record per code with these values; a missing record falls back to them.
RULE_DEFAULTS = {
    **scores.DEFAULT_THRESHOLDS,
    "pareto_a_share": 0.80,
    "pareto_b_share": 0.95,
    "regular_min_months": 3,
    "client_min_months": 10,
    "partner_min_tenure_months": 36,
    "lost_probability_alive": 0.30,
    "lost_recency_months": 12,
    "clv_horizon_months": 36,
    "clv_discount_annual": 0.12,
    # tests/perf/study_model_subsets.py: below 50 clients most fits are degenerate and
    # those made are 10-30 % off (addons/acct_segments/readme/CONFIGURE.md)
    "models_min_clients": 50,
}

RULE_CODES = [
    ("most_valuable_top_share", "Most valuable: top share of clients"),
    ("potential_min_growth", "Highest potential: minimum growth"),
    ("vulnerable_churn_risk", "Vulnerable: churn risk from"),
    ("vulnerable_growth", "Vulnerable: value falling by"),
    ("vulnerable_delay_trend", "Vulnerable: payment delay rising by (days/month)"),
    ("vulnerable_complaints", "Vulnerable: complaints from"),
    ("problematic_low_value_share", "Problematic: bottom share of clients by value"),
    ("problematic_cost_ratio", "Problematic: cost to value ratio from"),
    ("problematic_payment_delay", "Problematic: payment delay from (days)"),
    ("problematic_complaints", "Problematic: complaints from"),
    ("pareto_a_share", "Pareto: A up to this share of value"),
    ("pareto_b_share", "Pareto: B up to this share of value"),
    ("regular_min_months", "Loyalty: regular from invoiced months"),
    ("client_min_months", "Loyalty: client from invoiced months"),
    ("partner_min_tenure_months", "Loyalty: partner from tenure (months)"),
    ("lost_probability_alive", "Lost: probability alive below"),
    ("lost_recency_months", "Lost without a model: months without invoice from"),
    ("clv_horizon_months", "Lifetime value: horizon (months)"),
    ("clv_discount_annual", "Lifetime value: annual discount rate"),
    ("models_min_clients", "Models: used from this number of clients"),
]
SHARE_CODES = {
    "most_valuable_top_share",
    "problematic_low_value_share",
    "pareto_a_share",
    "pareto_b_share",
    "lost_probability_alive",
    "vulnerable_churn_risk",
    "clv_discount_annual",
}


class AcctSegmentRule(models.Model):
    """One threshold of the segment rules, editable by the firm.

    The defaults (data file, documented in the readme) are those of ``acct_firm_core.scores``;
    a rule that was deleted falls back to its default, so the segments always compute.
    """

    _name = "acct.segment.rule"
    _description = "Segment rule threshold"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(RULE_CODES, required=True)
    sequence = fields.Integer(default=10)
    value = fields.Float(required=True, digits=(16, 4))
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "Each rule threshold appears once."),
    ]

    @api.constrains("code", "value")
    def _check_value(self):
        for rule in self:
            if rule.code in SHARE_CODES and not 0 < rule.value <= 1:
                raise ValidationError(
                    self.env._(
                        "%(rule)s is a share: it must be above 0 and at most 1, not %(value)s.",
                        rule=rule.name,
                        value=rule.value,
                    )
                )
            if rule.code.endswith(("_months", "_complaints", "_clients")) and rule.value < 0:
                raise ValidationError(
                    self.env._(
                        "%(rule)s cannot be negative (%(value)s).", rule=rule.name, value=rule.value
                    )
                )

    @api.model
    def _get_thresholds(self):
        """All thresholds by code: the firm's records over the documented defaults."""
        values = dict(RULE_DEFAULTS)
        for rule in self.sudo().search([], limit=1000):
            values[rule.code] = rule.value
        if values["pareto_a_share"] > values["pareto_b_share"]:
            raise ValidationError(self.env._("The Pareto A share cannot be above the B share."))
        return values
