# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo.tests import tagged

from .common import PDF, AcctPortalCommon, pdf, xlsx


@tagged("post_install", "-at_install")
class TestPortalUploads(AcctPortalCommon):
    def test_a_batch_of_invoices_reaches_the_firm(self):
        self.login(self.bookkeeper_x)
        response = self.upload(
            [
                ("Фактура 101.pdf", pdf("INV-101"), self.cat_invoices, 2026, 10),
                ("Фактура 102.xlsx", xlsx(), self.cat_invoices, 2026, 10),
            ],
            note="October invoices",
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("/my/accounting/documents?uploaded=2", response.headers["Location"])
        documents = self.env["acct.client.document"].search(
            [("client_id", "=", self.client_x.id), ("origin", "=", "client")]
        )
        self.assertEqual(
            sorted(documents.mapped("file_name")), ["Фактура 101.pdf", "Фактура 102.xlsx"]
        )
        self.assertEqual(set(documents.mapped("review_state")), {"received"})
        self.assertEqual(documents.uploaded_by_id, self.bookkeeper_x)
        self.assertEqual(set(documents.mapped("month")), {"10"})
        self.assertEqual(documents[0].description, "October invoices")
        # The uploader sees them at once, although it may not download the category.
        page = self.url_open("/my/accounting/documents").text
        self.assertIn("Фактура 101.pdf", page)
        self.assertIn("Received", page)
        # One message on the client for the accountant, one activity to review them.
        message = self.client_x.message_ids.filtered(lambda m: "uploaded 2 document" in m.body)
        self.assertEqual(len(message), 1)
        self.assertIn(self.accountant.partner_id, message.partner_ids)
        activity = self.client_x.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("acct_client_portal.mail_activity_review_uploads")
            )
        )
        self.assertEqual(activity.user_id, self.accountant)
        self.assertEqual(
            self.env["acct.portal.log"].search_count(
                [("event", "=", "upload"), ("result", "=", "done")]
            ),
            2,
        )

    def test_every_bad_file_is_refused_with_its_reason_and_nothing_written(self):
        self.cat_invoices.portal_max_size_mb = 1
        big = PDF + b"0" * (1024 * 1024 + 10)
        cases = [
            ("big.pdf", big, "1.01 MB is over the limit of 1 MB for this kind of document"),
            ("empty.pdf", b"", "the file is empty"),
            ("program.pdf", b"MZ\x90\x00\x03 a program", "not a file type we accept"),
            ("page.pdf", b"<html><script>alert(1)</script></html>", "not a file type we accept"),
            ("invoice.pdf.exe", PDF, "two extensions"),
            ("image.png", PDF, "the name ends in .png"),
            ("../../etc/.htaccess", b"", "the file is empty"),
            ("noextension", PDF, "has no extension"),
            ("svg.xml", b'<?xml version="1.0"?><svg onload="x"/>', "not a file type"),
        ]
        self.login(self.bookkeeper_x)
        for name, content, reason in cases:
            with self.subTest(name=name):
                before = self.written_state()
                response = self.upload([(name, content, self.cat_invoices, 2026, 1)])
                self.assertEqual(response.status_code, 400)
                self.assertIn(reason, response.text)
                self.assertIn("Nothing was uploaded", response.text)
                self.assertEqual(self.written_state(), before)
        refusals = self.env["acct.portal.log"].search(
            [("result", "=", "refused"), ("user_id", "=", self.bookkeeper_x.id)]
        )
        self.assertEqual(len(refusals), len(cases), refusals.mapped("reason"))
        self.assertTrue(all(refusals.mapped("reason")))

    def test_a_refusal_reads_in_the_contacts_language(self):
        self.env["res.lang"]._activate_lang("bg_BG")
        self.env["ir.module.module"]._load_module_terms(["acct_client_portal"], ["bg_BG"])
        self.bookkeeper_x.lang = "bg_BG"
        self.login(self.bookkeeper_x)
        before = self.written_state()
        response = self.upload([("празен.pdf", b"", self.cat_invoices, 2026, 1)])
        self.assertEqual(response.status_code, 400)
        self.assertIn("празен.pdf: файлът е празен.", response.text)
        self.assertEqual(self.written_state(), before)

    def test_a_category_the_contact_may_not_upload_to_is_refused(self):
        self.login(self.bookkeeper_x)
        for category in (self.cat_payroll, self.cat_balance, 999999):
            with self.subTest(category=category):
                before = self.written_state()
                response = self.upload([("a.pdf", PDF, category, 2026, 1)])
                self.assertEqual(response.status_code, 400)
                self.assertIn("Choose a category you may upload to", response.text)
                self.assertEqual(self.written_state(), before)

    def test_bad_periods_are_refused(self):
        self.login(self.bookkeeper_x)
        for year, month in ((1800, 1), (2026, 13), ("20x6", 1), (3000, "")):
            with self.subTest(year=year, month=month):
                response = self.upload([("a.pdf", PDF, self.cat_invoices, year, month)])
                self.assertIn("Choose a valid year and month", response.text)

    def test_one_bad_file_refuses_the_whole_batch(self):
        self.login(self.bookkeeper_x)
        before = self.written_state()
        response = self.upload(
            [
                ("good.pdf", pdf("GOOD"), self.cat_invoices, 2026, 2),
                ("bad.pdf.exe", PDF, self.cat_invoices, 2026, 2),
            ]
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("bad.pdf.exe: a name with two extensions", response.text)
        self.assertEqual(self.written_state(), before)

    def test_the_total_of_a_request_and_the_hourly_rate_are_limited(self):
        company = self.env.company
        company.acct_portal_batch_limit_mb = 1
        self.login(self.bookkeeper_x)
        half = PDF + b"0" * (600 * 1024)
        before = self.written_state()
        response = self.upload(
            [
                ("a.pdf", half, self.cat_invoices, 2026, 2),
                ("b.pdf", half, self.cat_invoices, 2026, 2),
            ]
        )
        self.assertIn("over the limit of 1 MB for one upload", response.text)
        self.assertEqual(self.written_state(), before)
        company.acct_portal_batch_limit_mb = 50
        company.acct_portal_uploads_per_hour = 2
        self.assertEqual(self.upload([("a.pdf", PDF, self.cat_invoices, 2026, 2)]).status_code, 303)
        before = self.written_state()
        response = self.upload(
            [
                ("b.pdf", PDF, self.cat_invoices, 2026, 2),
                ("c.pdf", PDF, self.cat_invoices, 2026, 2),
            ]
        )
        self.assertIn("the limit is 2", response.text)
        self.assertEqual(self.written_state(), before)

    def test_zip_only_when_the_firm_allows_it(self):
        import io
        import zipfile

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("a.txt", "x")
        self.login(self.bookkeeper_x)
        row = [("scans.zip", buffer.getvalue(), self.cat_invoices, 2026, 2)]
        self.assertIn("ZIP files are not accepted here", self.upload(row).text)
        self.env.company.acct_portal_allow_zip = True
        self.assertEqual(self.upload(row).status_code, 303)

    def test_a_post_without_the_csrf_token_writes_nothing(self):
        self.login(self.bookkeeper_x)
        before = self.written_state()
        response = self.upload([("a.pdf", PDF, self.cat_invoices, 2026, 2)], csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.written_state(), before)

    def test_uploads_count_for_billing_and_a_protocol_of_the_same_period_wins(self):
        self.login(self.bookkeeper_x)
        self.upload(
            [
                ("a.pdf", pdf("A"), self.cat_invoices, 2026, 3),
                ("b.pdf", pdf("B"), self.cat_invoices, 2026, 3),
                ("c.pdf", pdf("C"), self.cat_invoices, 2026, 4),
            ]
        )
        Protocol = self.env["acct.handover.protocol"]
        counts = Protocol._confirmed_counts(
            [self.client_x.id], datetime.date(2026, 3, 1), datetime.date(2026, 4, 30)
        )
        self.assertEqual(counts, {(self.client_x.id, "issued_invoices"): 3})
        protocol = Protocol.create(
            {
                "client_id": self.client_x.id,
                "direction": "received",
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "category_id": self.cat_invoices.id,
                            "period_year": 2026,
                            "period_month": "3",
                            "count": 40,
                        },
                    )
                ],
            }
        )
        protocol.action_confirm()
        counts = Protocol._confirmed_counts(
            [self.client_x.id], datetime.date(2026, 3, 1), datetime.date(2026, 4, 30)
        )
        # March: the protocol's 40 (not 40 + 2); April: the one upload no protocol covers.
        self.assertEqual(counts, {(self.client_x.id, "issued_invoices"): 41})

    def test_uploads_of_a_category_that_is_not_billable_do_not_count(self):
        self.cat_invoices.portal_billable = False
        self.login(self.bookkeeper_x)
        self.upload([("a.pdf", PDF, self.cat_invoices, 2026, 3)])
        counts = self.env["acct.handover.protocol"]._confirmed_counts(
            [self.client_x.id], datetime.date(2026, 3, 1), datetime.date(2026, 3, 31)
        )
        self.assertEqual(counts, {})
