# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class AccountingPortal(CustomerPortal):
    """The client's "My accounting" area on Odoo's portal."""

    def _acct_firm_client(self):
        """The firm client the current portal user belongs to, or an empty recordset.

        Portal contacts work for a client company: the firm's profile lives on their
        commercial partner, never on the contact itself.
        """
        client = request.env.user.partner_id.commercial_partner_id
        return client if client.acct_is_firm_client else client.browse()

    def _prepare_portal_layout_values(self):
        # Layout values, not home counters: /my/counters returns every key of the counter
        # values as JSON, and the portal's script expects a counter element for each.
        values = super()._prepare_portal_layout_values()
        values["acct_firm_client"] = self._acct_firm_client()
        return values

    @http.route("/my/accounting", type="http", auth="user", website=True)
    def portal_my_accounting(self, **kw):
        client = self._acct_firm_client()
        if not client:
            raise request.not_found()
        values = self._prepare_portal_layout_values()
        values.update({"client": client, "page_name": "acct_accounting"})
        return request.render("acct_client_portal.portal_my_accounting", values)
