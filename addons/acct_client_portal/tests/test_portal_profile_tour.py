# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .client_data_common import AcctClientDataCommon


@tagged("post_install", "-at_install")
class TestPortalProfileTour(AcctClientDataCommon):
    """In headless Chromium: the client hires its first three employees, the accountant
    approves, and the payroll obligations appear."""

    def test_client_reports_three_employees_and_payroll_follows(self):
        self.owner_x.password = "owner_x"
        self.accountant.password = "acct_portal_accountant"
        payroll = self.env.ref("acct_firm_crm.obligation_bg_pit_payroll")
        Obligation = self.env["acct.client.obligation"]
        domain = [
            ("client_id", "=", self.client_x.id),
            ("obligation_type_id", "=", payroll.id),
            ("applies", "=", True),
        ]
        self.assertFalse(Obligation.search(domain))
        self.start_tour(
            "/my/accounting/profile", "acct_portal_profile_three_employees", login="owner_x"
        )
        change = self.env["acct.profile.change"].search([("client_id", "=", self.client_x.id)])
        self.assertEqual(change.state, "pending")
        self.assertFalse(Obligation.search(domain), "nothing applies before the firm approves")
        self.start_tour(
            "/odoo/action-acct_client_portal.action_acct_profile_change",
            "acct_backoffice_approve_profile_change",
            login="acct_portal_accountant",
        )
        self.env.invalidate_all()
        self.assertEqual(change.state, "approved")
        self.assertEqual(self.client_x.acct_employee_count, 3)
        self.assertTrue(self.client_x.acct_employer)
        self.assertTrue(Obligation.search(domain))
