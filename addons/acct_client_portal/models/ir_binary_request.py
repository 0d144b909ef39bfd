# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class IrBinary(models.AbstractModel):
    _inherit = "ir.binary"

    def _find_record_check_access(self, record, access_token, field):
        record = super()._find_record_check_access(record, access_token, field)
        # The files of a client's request reach a portal user through the request's
        # conversation (/web/content with the file's own token): logged like the documents.
        if (
            record._name == "ir.attachment"
            and record.res_model == "project.task"
            and not self.env.user._is_internal()
        ):
            task = self.env["project.task"].sudo().browse(record.res_id).exists()
            if task.acct_request_kind_id:
                self.env["acct.portal.log"]._log(
                    "request_download",
                    client_id=task.project_id.acct_client_id.id,
                    task_id=task.id,
                    file_name=record.name,
                )
        return record
