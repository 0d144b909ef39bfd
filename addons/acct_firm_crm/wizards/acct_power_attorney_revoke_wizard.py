# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AcctPowerAttorneyRevokeWizard(models.TransientModel):
    _name = "acct.power.attorney.revoke.wizard"
    _description = "Revoke a power of attorney"

    power_attorney_id = fields.Many2one("acct.power.attorney", required=True, ondelete="cascade")
    revocation_date = fields.Date(required=True, default=fields.Date.context_today)
    reason = fields.Text(required=True)

    def action_revoke(self):
        self.ensure_one()
        self.power_attorney_id._revoke(self.revocation_date, self.reason)
        return {"type": "ir.actions.act_window_close"}
