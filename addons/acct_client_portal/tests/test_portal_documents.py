# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import io
import zipfile
from unittest.mock import patch

from odoo.tests import tagged

from .common import PNG, AcctPortalCommon


@tagged("post_install", "-at_install")
class TestPortalDocuments(AcctPortalCommon):
    def test_owner_sees_the_years_documents_grouped_newest_first(self):
        self.login(self.owner_x)
        page = self.url_open("/my/accounting/documents")
        self.assertEqual(page.status_code, 200)
        text = page.text
        for marker in ("X-BALANCE-2025", "X-BALANCE-2024", "X-PAYROLL-2025"):
            self.assertIn(marker, text)
        self.assertNotIn("X-HIDDEN-2025", text, "a document the firm did not make visible")
        self.assertNotIn("Y-BALANCE", text)
        self.assertLess(text.index("X-BALANCE-2025"), text.index("X-BALANCE-2024"))
        self.assertIn("2025: 2 documents", text)
        self.assertIn("2024: 1 documents", text)

    def test_filters_and_search(self):
        self.login(self.owner_x)
        by_year = self.url_open("/my/accounting/documents?year=2024").text
        self.assertIn("X-BALANCE-2024", by_year)
        self.assertNotIn("X-BALANCE-2025", by_year)
        by_category = self.url_open(f"/my/accounting/documents?category={self.cat_payroll.id}").text
        self.assertIn("X-PAYROLL-2025", by_category)
        self.assertNotIn("X-BALANCE-2025", by_category)
        searched = self.url_open("/my/accounting/documents?search=payroll").text
        self.assertIn("X-PAYROLL-2025", searched)
        self.assertNotIn("X-BALANCE-2024", searched)
        from_client = self.url_open("/my/accounting/documents?origin=client").text
        self.assertIn("There are no documents to show.", from_client)
        self.assertEqual(self.url_open("/my/accounting/documents?year=abc").status_code, 404)

    def test_pagination(self):
        self.login(self.owner_x)
        with patch("odoo.addons.acct_client_portal.controllers.portal.DOCUMENTS_PER_PAGE", 2):
            first = self.url_open("/my/accounting/documents").text
            second = self.url_open("/my/accounting/documents/page/2").text
        self.assertIn("/my/accounting/documents/page/2", first)
        self.assertIn("X-BALANCE-2024", second)
        self.assertNotIn("X-BALANCE-2024", first)

    def test_download_streams_the_file_and_logs_it(self):
        self.login(self.owner_x)
        response = self.url_open(f"/my/accounting/documents/{self.x_balance.id}/download")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"X-BALANCE-2025", response.content)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        log = self.env["acct.portal.log"].search([("document_id", "=", self.x_balance.id)])
        self.assertEqual(log.event, "download")
        self.assertEqual(log.result, "done")
        self.assertEqual(log.user_id, self.owner_x)
        self.assertEqual(log.contact_id, self.owner_x.partner_id)
        self.assertEqual(log.client_id, self.client_x)
        self.assertEqual(log.ip_address, "127.0.0.1")

    def test_preview_is_inline_for_pdf_and_refused_for_other_kinds(self):
        self.login(self.owner_x)
        response = self.url_open(f"/my/accounting/documents/{self.x_balance.id}/preview")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn("inline", response.headers["Content-Disposition"])
        csv = self.env["acct.client.document"].create(
            {
                "name": "Ledger",
                "client_id": self.client_x.id,
                "category_id": self.cat_balance.id,
                "year": 2025,
                "visible_to_client": True,
                "file": "YTtiCjE7Mgo=",
                "file_name": "ledger.csv",
            }
        )
        self.assertEqual(
            self.url_open(f"/my/accounting/documents/{csv.id}/preview").status_code, 404
        )
        image = self.env["acct.client.document"].create(
            {
                "name": "Scan",
                "client_id": self.client_x.id,
                "category_id": self.cat_balance.id,
                "year": 2025,
                "visible_to_client": True,
                "file": __import__("base64").b64encode(PNG),
                "file_name": "scan.png",
            }
        )
        response = self.url_open(f"/my/accounting/documents/{image.id}/preview")
        self.assertEqual(response.headers["Content-Type"], "image/png")

    def test_zip_of_the_year_holds_only_permitted_documents(self):
        self.login(self.bookkeeper_x)
        self.assertEqual(self.url_open("/my/accounting/documents/year/2025.zip").status_code, 404)
        self.login(self.owner_x)
        response = self.url_open("/my/accounting/documents/year/2025.zip")
        self.assertEqual(response.status_code, 200)
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            contents = b"".join(archive.read(name) for name in archive.namelist())
            self.assertEqual(len(archive.namelist()), 2)
        self.assertIn(b"X-BALANCE-2025", contents)
        self.assertIn(b"X-PAYROLL-2025", contents)
        self.assertNotIn(b"X-HIDDEN", contents)
        self.assertNotIn(b"Y-", contents)
        log = self.env["acct.portal.log"].search([("event", "=", "download_zip")])
        self.assertEqual((log.year, log.document_count), (2025, 2))

    def test_home_card_counts_new_documents_since_the_last_visit(self):
        self.login(self.owner_x)
        home = self.url_open("/my/home").text
        self.assertIn("3 new documents since your last visit", home)
        self.url_open("/my/accounting/documents")
        self.assertIn("0 new documents since your last visit", self.url_open("/my/home").text)
        new = self._document(self.client_x, self.cat_balance, "X-NEW", 2026)
        # A test runs in one transaction, where every row has the same create_date: date the
        # new document after the visit, as a later transaction would.
        seen = self.owner_x.sudo().acct_documents_seen_at
        self.env.cr.execute(
            "UPDATE acct_client_document SET create_date = %s WHERE id = %s",
            (seen + datetime.timedelta(seconds=1), new.id),
        )
        self.assertIn("1 new documents since your last visit", self.url_open("/my/home").text)

    def test_upload_requests_show_on_the_home_card_and_are_fulfilled_by_an_upload(self):
        request = self.env["acct.upload.request"].create(
            {
                "name": "Invoices of March",
                "client_id": self.client_x.id,
                "category_id": self.cat_invoices.id,
                "year": 2026,
                "month": "3",
            }
        )
        self.login(self.bookkeeper_x)
        self.assertIn("1 documents the firm asks you for", self.url_open("/my/home").text)
        self.assertIn("Invoices of March", self.url_open("/my/accounting/upload").text)
        self.upload([("march.pdf", b"%PDF-1.4 march", self.cat_invoices, 2026, 3)])
        self.assertEqual(request.state, "done")
        self.assertEqual(request.document_id.file_name, "march.pdf")

    def test_the_client_reads_its_policy_and_its_log(self):
        self.login(self.bookkeeper_x)
        page = self.url_open("/my/accounting").text
        self.assertIn("What you may do with each kind of document", page)
        self.login(self.owner_x)
        self.url_open(f"/my/accounting/documents/{self.x_payroll.id}/download")
        self.url_open(f"/my/accounting/documents/{self.x_balance.id}/download")
        self.assertIn("x-payroll-2025.pdf", self.url_open("/my/accounting/log").text)
        # The bookkeeper sees the log of what it may see: not the payroll file's name.
        self.login(self.bookkeeper_x)
        log_page = self.url_open("/my/accounting/log").text
        self.assertNotIn("x-payroll-2025.pdf", log_page)
        self.assertNotIn("x-balance-2025.pdf", log_page)

    def test_the_retention_job_removes_only_rows_past_their_years(self):
        Log = self.env["acct.portal.log"]
        old, recent = Log.create(
            [
                {"event": "download", "result": "done", "client_id": self.client_x.id},
                {"event": "upload", "result": "refused", "client_id": self.client_x.id},
            ]
        )
        self.env.company.acct_portal_log_retention_years = 10
        eleven_years_ago = datetime.datetime.now() - datetime.timedelta(days=11 * 366)
        self.env.cr.execute(
            "UPDATE acct_portal_log SET create_date = %s WHERE id = %s", (eleven_years_ago, old.id)
        )
        Log._cron_purge_old_rows()
        Log._cron_purge_old_rows()  # a second run finds nothing more to do
        self.assertFalse(old.exists())
        self.assertTrue(recent.exists())
