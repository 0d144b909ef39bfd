# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

PORTAL_FEATURES = ("requests", "work", "deadlines", "profile")


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

    def _acct_portal_may(self, feature):
        """Whether this portal user may use ``feature`` of "My accounting": 'requests',
        'work' (the statement of work), 'deadlines' (and authorisations) or 'profile'.

        The client's flag decides for the owner; a contact also needs its own flag.
        """
        self.ensure_one()
        if feature not in PORTAL_FEATURES:
            raise ValueError(feature)
        if not self.share:
            return False
        partner = self.sudo().partner_id
        client = partner.commercial_partner_id
        if not client.acct_is_firm_client:
            return False
        field = f"acct_portal_{feature}"
        if not client[field]:
            return False
        return self._acct_portal_is_owner() or partner[field]

    def _acct_portal_is_owner(self):
        """The company's own login, or a contact the firm marked as owner: sees every
        request of the client, not only its own."""
        self.ensure_one()
        partner = self.sudo().partner_id
        return partner == partner.commercial_partner_id or partner.acct_portal_owner
