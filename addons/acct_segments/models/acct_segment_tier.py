# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AcctSegmentTier(models.Model):
    """A value tier of the firm's own: clients whose value reaches ``lower_bound``.

    Without any tier the snapshot uses quantile tiers (lower half, next 30 %, top 20 %), named
    Low, Medium and High. With tiers, a value below the lowest bound still goes to the lowest
    tier, and the highest tier is the "top value tier" of the loyalty ladder.
    """

    _name = "acct.segment.tier"
    _description = "Client value tier"
    _order = "lower_bound, id"

    name = fields.Char(required=True, translate=True)
    lower_bound = fields.Monetary(
        required=True, help="Net invoiced value in the value window from which a client is here."
    )
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id, required=True
    )

    _sql_constraints = [
        ("bound_unique", "UNIQUE(lower_bound)", "Two tiers cannot start at the same value."),
    ]

    @api.model
    def _get_tiers(self):
        """(bounds for the core, names by tier index): bounds of tiers 1..k, names of 0..k."""
        tiers = self.sudo().search([], limit=100)
        if not tiers:
            return None, [self.env._("Low"), self.env._("Medium"), self.env._("High")]
        return tuple(tiers[1:].mapped("lower_bound")), tiers.mapped("name")
