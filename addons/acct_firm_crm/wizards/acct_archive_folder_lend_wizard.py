# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AcctArchiveFolderLendWizard(models.TransientModel):
    _name = "acct.archive.folder.lend.wizard"
    _description = "Lend an archive folder"

    folder_id = fields.Many2one("acct.archive.folder", required=True, ondelete="cascade")
    lent_to_id = fields.Many2one("res.partner", string="Lent to", required=True)
    due_back = fields.Date(required=True)

    def action_lend(self):
        self.ensure_one()
        self.folder_id._lend(self.lent_to_id, self.due_back)
        return {"type": "ir.actions.act_window_close"}
