# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

# The partner fields the portal's record rules read (res.users._acct_portal_may and
# _acct_portal_is_owner): the rules' cached domains must follow a change of any of them.
PORTAL_RULE_FIELDS = {
    "parent_id",
    "acct_is_firm_client",
    "acct_portal_owner",
    "acct_portal_requests",
    "acct_portal_work",
    "acct_portal_deadlines",
    "acct_portal_profile",
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    def write(self, vals):
        result = super().write(vals)
        if PORTAL_RULE_FIELDS & set(vals):
            self.env.registry.clear_cache()
        return result
