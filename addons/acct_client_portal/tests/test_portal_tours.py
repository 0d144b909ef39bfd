# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo.tests import tagged

from .common import AcctPortalCommon


@tagged("post_install", "-at_install")
class TestPortalTours(AcctPortalCommon):
    """The portal in headless Chromium, as a client's people use it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        last_year = datetime.date.today().year - 1
        cls._document(cls.client_x, cls.cat_balance, "TOUR-BALANCE", last_year)
        cls._document(cls.client_x, cls.cat_payroll, "TOUR-PAYROLL", last_year)
        for user in (cls.owner_x, cls.bookkeeper_x):
            user.password = user.login

    def test_client_drops_two_invoices_and_sees_them_listed(self):
        self.start_tour(
            "/my/accounting/documents", "acct_portal_drop_two_invoices", login="bookkeeper_x"
        )
        uploads = self.env["acct.client.document"].search(
            [("client_id", "=", self.client_x.id), ("origin", "=", "client")]
        )
        self.assertEqual(
            sorted(uploads.mapped("file_name")), ["tour-invoice-1.pdf", "tour-invoice-2.pdf"]
        )
        self.assertEqual(set(uploads.mapped("category_id")), {self.cat_invoices})

    def test_client_downloads_last_years_balance_sheet(self):
        self.start_tour(
            "/my/accounting/documents", "acct_portal_download_last_year_balance", login="owner_x"
        )
        log = self.env["acct.portal.log"].search(
            [("event", "=", "download"), ("user_id", "=", self.owner_x.id)]
        )
        self.assertEqual(log.document_id.name, "TOUR-BALANCE")

    def test_contact_without_payroll_rights_does_not_see_payroll(self):
        self.start_tour(
            "/my/accounting/documents",
            "acct_portal_no_payroll_for_the_bookkeeper",
            login="bookkeeper_x",
        )
