# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Odoo's own pages read a firm client's partner as a portal user or a plain employee: no field
this suite added may make that read fail, and the tax profile stays with the firm."""

from odoo.tests import HttpCase, tagged

from .common import AcctFirmCommon

SUITE = ("acct_firm_crm", "acct_segments", "acct_client_portal")
# The client's tax profile and the firm's people in charge: the firm's groups only.
PROFILE_FIELDS = (
    "acct_legal_form",
    "acct_vat_registered",
    "acct_employer",
    "acct_accountant_id",
    "acct_payroll_accountant_id",
    "acct_obligation_ids",
)


@tagged("post_install", "-at_install")
class TestPartnerFieldAccess(AcctFirmCommon, HttpCase):
    def _read_as(self, user, partner):
        """fields_get then read of every field offered, over JSON-RPC, as ``user``."""
        self.authenticate(user.login, user.login)
        call = {"model": "res.partner", "args": [], "kwargs": {}}
        offered = self.make_jsonrpc_request(
            "/web/dataset/call_kw", dict(call, method="fields_get", kwargs={"attributes": ["type"]})
        )
        # Odoo's own fields (the accounting ones, say) are Odoo's business: read ours.
        fields = self.env["res.partner"]._fields
        ours = [name for name in offered if fields[name]._module in SUITE]
        self.assertTrue(ours)
        values = self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            dict(call, method="read", args=[[partner.id], ["display_name", *ours]]),
        )
        return offered, values[0]

    def test_employee_and_portal_read_a_client_partner_without_error(self):
        self.client.write({"acct_vat_registered": True, "acct_accountant_id": self.accountant.id})
        for user, partner in (
            (self.employee, self.client),
            (self.portal_user, self.portal_user.partner_id),
        ):
            offered, values = self._read_as(user, partner)
            self.assertEqual(values["id"], partner.id)
            for name in PROFILE_FIELDS:
                self.assertNotIn(name, offered, f"{user.login} is offered {name}")
        offered, values = self._read_as(self.accountant, self.client)
        self.assertTrue(values["acct_vat_registered"])
        self.assertEqual(values["acct_accountant_id"][0], self.accountant.id)
