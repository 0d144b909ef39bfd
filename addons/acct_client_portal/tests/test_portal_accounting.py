# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortalAccounting(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.client = Partner.create(
            {
                "name": "Portal Client EOOD",
                "is_company": True,
                "acct_is_firm_client": True,
                "acct_client_code": "P0001",
            }
        )
        cls.client_user = new_test_user(
            cls.env,
            login="portal_owner",
            password="portal_owner_pw",
            groups="base.group_portal",
            partner_id=Partner.create({"name": "Owner", "parent_id": cls.client.id}).id,
        )
        outsider_company = Partner.create({"name": "Not A Client Ltd", "is_company": True})
        cls.outsider = new_test_user(
            cls.env,
            login="portal_outsider",
            password="portal_outsider_pw",
            groups="base.group_portal",
            partner_id=Partner.create({"name": "Outsider", "parent_id": outsider_company.id}).id,
        )

    def test_client_contact_sees_my_accounting(self):
        self.authenticate("portal_owner", "portal_owner_pw")
        home = self.url_open("/my/home")
        self.assertEqual(home.status_code, 200)
        self.assertIn('href="/my/accounting"', home.text, "the My accounting card")
        page = self.url_open("/my/accounting")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Portal Client EOOD", page.text)
        self.assertIn("P0001", page.text)

    def test_home_counters_answer_only_what_was_asked(self):
        # The portal's script sets a counter element for every key the answer holds.
        self.authenticate("portal_owner", "portal_owner_pw")
        answer = self.make_jsonrpc_request("/my/counters", {"counters": []})
        self.assertEqual(answer, {})

    def test_non_client_gets_no_accounting_area(self):
        self.authenticate("portal_outsider", "portal_outsider_pw")
        self.assertNotIn("/my/accounting", self.url_open("/my/home").text)
        self.assertEqual(self.url_open("/my/accounting").status_code, 404)

    def test_anonymous_visitor_is_sent_to_login(self):
        response = self.url_open("/my/accounting", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])
