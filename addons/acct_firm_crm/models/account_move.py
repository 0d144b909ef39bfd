# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    acct_engagement_period_ids = fields.One2many(
        "acct.engagement.period",
        "invoice_id",
        string="Billed engagement periods",
        help="The engagement periods this invoice bills; their usage statement is printed on "
        "the invoice.",
    )
