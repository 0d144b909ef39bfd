# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    acct_documents_seen_at = fields.Datetime(
        string="Documents page last opened",
        help="Documents the firm added after this moment count as new on the portal.",
        groups="base.group_system",
    )

    def _acct_portal_category_ids(self, right):
        """Ids of the document categories this portal user may ``right`` ('download' or
        'upload'): the record rules of the portal and its controllers both ask this."""
        self.ensure_one()
        return self.env["acct.portal.access"]._category_ids_for_user(self, right)
