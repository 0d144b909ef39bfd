# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import io

from odoo.tests import HttpCase, tagged
from odoo.tools.pdf import PdfFileReader

from .billing_common import AcctBillingCommon


@tagged("post_install", "-at_install")
class TestReportsAsPdf(AcctBillingCommon, HttpCase):
    """Each PDF of the addon printed through wkhtmltopdf, as the firm prints it.

    Under tests Odoo renders reports as HTML unless the context asks for
    ``force_report_rendering``: wkhtmltopdf is an external program that fetches the
    report's styles and images from the running server, which only an HttpCase guarantees.
    The other report tests read the HTML (the words, the signatures, the language); these
    check the PDF a user opens: a PDF file, one sheet per record, the QR code on the label.
    wkhtmltopdf draws the report's web font as outlines, so the PDF has no text to read.
    """

    def _pages(self, pdf):
        self.assertTrue(pdf.startswith(b"%PDF-"), "a PDF file")
        return PdfFileReader(io.BytesIO(pdf)).pages

    def _print(self, report, records):
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report, records.ids)
        )
        self.assertEqual(kind, "pdf")
        return self._pages(pdf)

    def test_handover_protocol_pdf(self):
        protocol = self._receive_documents(2026, 3, {"issued_invoices": 40, "bank_statements": 2})
        # One sheet, for the two signatures. (Several protocols printed together need
        # wkhtmltopdf with patched Qt: Debian's package fails on several documents.)
        self.assertEqual(
            len(self._print("acct_firm_crm.action_report_acct_handover_protocol", protocol)), 1
        )

    def test_archive_folder_label_carries_its_qr_code(self):
        folder = self.env["acct.archive.folder"].create(
            {"client_id": self.client.id, "year_from": 2024, "year_to": 2025}
        )
        (page,) = self._print("acct_firm_crm.action_report_acct_archive_folder_label", folder)
        images = [
            xobject.get_object()
            for xobject in page["/Resources"].get("/XObject", {}).values()
            if xobject.get_object().get("/Subtype") == "/Image"
        ]
        # The QR code of the folder's code, fetched from /report/barcode and embedded.
        self.assertTrue(
            any(image["/Width"] == image["/Height"] for image in images),
            "a square image (the QR code) on the label",
        )

    def test_usage_statements_attached_to_the_invoices_as_pdf(self):
        engagement = self._engagement(
            fee_model="per_document", fixed_amount=0, tiers=[(0, 10, 3.0), (10, None, 2.0)]
        )
        self._receive_documents(2026, 1, {"issued_invoices": 12})
        self._receive_documents(2026, 2, {"issued_invoices": 3})
        periods = self.env["acct.engagement"]._run_billing(
            engagements=engagement, today=datetime.date(2026, 3, 5)
        )
        self.assertEqual(periods.mapped("quantity"), [12, 3])
        # The scheduled job's call: both statements in one batch.
        done = periods.with_context(force_report_rendering=True)._attach_usage_statements()
        self.assertEqual(done, periods)
        for period in periods:
            attachment = period.statement_attachment_id
            self.assertEqual(
                (attachment.res_model, attachment.res_id), ("account.move", period.invoice_id.id)
            )
            self.assertEqual(attachment.mimetype, "application/pdf")
            self.assertEqual(attachment.name, f"Usage statement {period.name}.pdf")
            self.assertEqual(len(self._pages(attachment.raw)), 1)
