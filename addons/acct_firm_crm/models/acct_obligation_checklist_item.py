# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AcctObligationChecklistItem(models.Model):
    """A step the accountant ticks off; copied into the task's description."""

    _name = "acct.obligation.checklist.item"
    _description = "Obligation checklist item"
    _order = "obligation_type_id, sequence, id"

    obligation_type_id = fields.Many2one(
        "acct.obligation.type", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
