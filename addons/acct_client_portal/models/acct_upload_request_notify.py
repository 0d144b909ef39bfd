# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AcctUploadRequest(models.Model):
    """The client's e-mail when the firm asks it for a document."""

    _inherit = "acct.upload.request"

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        for upload_request in requests.sudo().filtered(lambda r: r.state == "open"):
            client = upload_request.client_id
            users = client._acct_portal_recipients(
                "acct_notify_document_needed", upload_category=upload_request.category_id
            )
            client._acct_send_portal_mail(
                "acct_client_portal.mail_template_upload_request", upload_request, users
            )
        return requests
