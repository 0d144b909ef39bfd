# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    acct_work_type_id = fields.Many2one(
        "acct.work.type",
        string="Work type",
        index="btree_not_null",
        ondelete="restrict",
        help="What was done: the firm's own classification of its time, used in reports and "
        "billing.",
    )
    acct_billable = fields.Boolean(
        string="Billable",
        related="acct_work_type_id.billable",
        store=True,
    )

    @api.onchange("acct_work_type_id")
    def _onchange_acct_work_type_id(self):
        # Propose the work type's usual time, never overwrite what the user typed.
        if self.acct_work_type_id and not self.unit_amount:
            self.unit_amount = self.acct_work_type_id.default_minutes / 60.0
        if self.acct_work_type_id and (not self.name or self.name == "/"):
            self.name = self.acct_work_type_id.name
