# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AcctEngagementTier(models.Model):
    """One price tier of an engagement: documents ``from_qty + 1`` .. ``to_qty``.

    The bounds follow ``acct_firm_core.pricing`` (points on the quantity axis, like tax
    brackets): the next tier starts where the previous one ends, the first starts at 0 and the
    last is open-ended (``to_qty`` = 0). The tiers are checked as a whole on the engagement.
    """

    _name = "acct.engagement.tier"
    _description = "Engagement price tier"
    _order = "engagement_id, sequence, from_qty, id"

    engagement_id = fields.Many2one(
        "acct.engagement", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    from_qty = fields.Integer(
        string="From (documents)",
        help="The tier starts after this many documents: 0 for the first tier, then the "
        "previous tier's end.",
    )
    to_qty = fields.Integer(
        string="Up to (documents)",
        help="The last document of the tier; 0 on the last tier means 'and above'.",
    )
    unit_price = fields.Monetary(string="Price per document", currency_field="currency_id")
    currency_id = fields.Many2one(related="engagement_id.currency_id")

    @api.constrains("from_qty", "to_qty", "unit_price", "sequence")
    def _check_engagement_configuration(self):
        """A tier edited on its own must still leave an active engagement billable."""
        self.engagement_id._check_active_configuration()

    def _as_core_tier(self):
        """The tier as ``acct_firm_core.pricing`` expects it: (from, to or None, price)."""
        self.ensure_one()
        return (self.from_qty, self.to_qty or None, self.unit_price)
