# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    acct_portal_batch_limit_mb = fields.Integer(string="Upload limit per request (MB)", default=50)
    acct_portal_uploads_per_hour = fields.Integer(string="Uploads per contact and hour", default=60)
    acct_portal_allow_zip = fields.Boolean(string="Accept ZIP archives")
    acct_portal_log_retention_years = fields.Integer(
        string="Keep the portal log (years)", default=10
    )
