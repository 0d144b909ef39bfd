# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    acct_portal_batch_limit_mb = fields.Integer(
        related="company_id.acct_portal_batch_limit_mb", readonly=False
    )
    acct_portal_uploads_per_hour = fields.Integer(
        related="company_id.acct_portal_uploads_per_hour", readonly=False
    )
    acct_portal_allow_zip = fields.Boolean(
        related="company_id.acct_portal_allow_zip", readonly=False
    )
    acct_portal_log_retention_years = fields.Integer(
        related="company_id.acct_portal_log_retention_years", readonly=False
    )
