# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProjectTask(models.Model):
    _inherit = "project.task"

    acct_request_kind_id = fields.Many2one(
        "acct.request.kind",
        string="Client request",
        index="btree_not_null",
        copy=False,
        help="Set on the tasks a client asked for on the portal.",
    )
    acct_requested_by_id = fields.Many2one(
        "res.partner",
        string="Requested by",
        copy=False,
        help="The client's contact who asked for this task on the portal.",
    )
