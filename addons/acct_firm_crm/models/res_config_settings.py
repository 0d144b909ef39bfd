# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    acct_reminder_days = fields.Integer(related="company_id.acct_reminder_days", readonly=False)
    acct_billing_post_invoices = fields.Boolean(
        string="Post engagement invoices",
        config_parameter="acct_firm_crm.billing_post_invoices",
        help="The billing run posts the invoices it creates; otherwise they stay in draft for "
        "a review before they are sent.",
    )
