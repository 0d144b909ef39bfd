# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AcctPortalLog(models.Model):
    _inherit = "acct.portal.log"

    event = fields.Selection(
        selection_add=[
            ("request_upload", "File sent with a request"),
            ("request_download", "File of a request downloaded"),
        ],
        ondelete={"request_upload": "cascade", "request_download": "cascade"},
    )
    task_id = fields.Many2one(
        "project.task", string="Request", readonly=True, index="btree_not_null", ondelete="set null"
    )
