# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError


class IrBinary(models.AbstractModel):
    _inherit = "ir.binary"

    def _find_record_check_access(self, record, access_token, field):
        # Portal users get a client's documents through /my/accounting only, where every
        # download is checked against the policy and logged; /web/content and /web/image
        # (with or without a token) serve them none.
        if record._name == "acct.client.document" and not self.env.user._is_internal():
            raise AccessError(self.env._("Download the document from My accounting."))
        record = super()._find_record_check_access(record, access_token, field)
        if (
            record._name == "ir.attachment"
            and record.res_model == "project.task"
            and not self.env.user._is_internal()
        ):
            self._acct_check_request_file(record)
        return record

    def _acct_check_request_file(self, attachment):
        task = self.env["project.task"].sudo().browse(attachment.res_id).exists()
        if not task.acct_request_kind_id:
            return
        # The file's own token (which the conversation hands out) is not enough for a
        # client's request: the user must also be allowed to see the request, so a leaked
        # link opens nothing for anyone else (security.md item 4).
        if not task.with_user(self.env.user).sudo(False).has_access("read"):
            raise AccessError(self.env._("This file belongs to another request."))
        # Downloads through the conversation are logged like the documents.
        self.env["acct.portal.log"]._log(
            "request_download",
            client_id=task.project_id.acct_client_id.id,
            task_id=task.id,
            file_name=attachment.name,
        )
