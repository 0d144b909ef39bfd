# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AcctPowerAttorneyAlert(models.Model):
    """An expiry alert already sent: the key that makes the daily job alert only once."""

    _name = "acct.power.attorney.alert"
    _description = "Power of attorney expiry alert"
    _order = "id desc"

    power_attorney_id = fields.Many2one(
        "acct.power.attorney", required=True, ondelete="cascade", index=True
    )
    threshold = fields.Integer(string="Days before", required=True, aggregator=None)
    # The key includes the end: a renewed certificate moves the end and re-arms the alerts.
    effective_end = fields.Date(required=True)

    _sql_constraints = [
        (
            "alert_once",
            "UNIQUE(power_attorney_id, threshold, effective_end)",
            "This alert was already sent.",
        ),
    ]
