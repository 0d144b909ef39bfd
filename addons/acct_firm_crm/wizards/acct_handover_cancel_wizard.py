# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AcctHandoverCancelWizard(models.TransientModel):
    _name = "acct.handover.cancel.wizard"
    _description = "Cancel a handover protocol"

    protocol_id = fields.Many2one("acct.handover.protocol", required=True, ondelete="cascade")
    reason = fields.Text(required=True)

    def action_cancel(self):
        self.ensure_one()
        self.protocol_id._cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
