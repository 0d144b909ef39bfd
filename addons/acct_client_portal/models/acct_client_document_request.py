# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AcctClientDocument(models.Model):
    _inherit = "acct.client.document"

    acct_request_task_id = fields.Many2one(
        "project.task",
        string="Sent for the request",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        help="The client's request whose reply carried this file.",
    )
