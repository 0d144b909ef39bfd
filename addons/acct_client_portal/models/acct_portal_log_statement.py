# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AcctPortalLog(models.Model):
    _inherit = "acct.portal.log"

    event = fields.Selection(
        selection_add=[("statement", "Statement of work (PDF)")],
        ondelete={"statement": "cascade"},
    )
