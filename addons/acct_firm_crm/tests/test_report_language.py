# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every PDF of the suite prints in the language of who reads it, not of who prints it: the
folder label in the firm's (it is read in the firm's archive), the handover protocol and the
usage statement in the client's."""

import datetime

from odoo.tests import tagged

from .test_reader_language import ReaderLanguageCommon


@tagged("post_install", "-at_install")
class TestReportLanguage(ReaderLanguageCommon):
    """A Bulgarian firm; the reports printed by an English-speaking user unless said."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoices = cls.env.ref("acct_firm_crm.document_category_issued_invoices")
        cls.bulgarian_user = cls.accountant.copy({"login": "acct_bg_printer", "lang": "bg_BG"})

    def _html(self, report, records, user=None):
        Report = self.env["ir.actions.report"]
        if user:
            Report = Report.with_user(user).with_context(lang=user.lang)
        return Report._render_qweb_html(report, records.ids)[0].decode()

    def test_folder_label_in_the_firm_language(self):
        location = self.env["acct.archive.location"].create({"name": "Стая 1"})
        folder = self.env["acct.archive.folder"].create(
            {
                "client_id": self.client.id,
                "year_from": 2019,
                "year_to": 2020,
                "location_id": location.id,
            }
        )
        self.client.lang = "en_US"  # the client's language does not matter on the label
        html = self._html("acct_firm_crm.action_report_acct_archive_folder_label", folder)
        self.assertIn("Място:", html)
        self.assertNotIn("Location:", html)
        if folder.retention_end:
            self.assertIn("Да се пази до:", html)
            self.assertNotIn("Keep until:", html)
        # An English firm prints English labels, even for a Bulgarian-speaking user.
        self.env.company.partner_id.lang = "en_US"
        html = self._html(
            "acct_firm_crm.action_report_acct_archive_folder_label", folder, self.bulgarian_user
        )
        self.assertIn("Location:", html)

    def test_protocol_in_the_client_language(self):
        protocol = self.env["acct.handover.protocol"].create(
            {
                "client_id": self.client.id,
                "date": "2026-04-03",
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "category_id": self.invoices.id,
                            "period_year": 2026,
                            "period_month": "3",
                            "count": 40,
                        },
                    )
                ],
            }
        )
        html = self._html("acct_firm_crm.action_report_acct_handover_protocol", protocol)
        self.assertIn("Приел:", html)
        self.assertNotIn("Received by", html)
        self.client.lang = "en_US"
        html = self._html(
            "acct_firm_crm.action_report_acct_handover_protocol", protocol, self.bulgarian_user
        )
        self.assertIn("Received by", html)
        self.assertNotIn("Приел:", html)

    def test_usage_statement_in_the_client_language(self):
        period = self.env["acct.engagement"]._run_billing(
            engagements=self._engagement(name="Зора"), today=datetime.date(2026, 2, 5)
        )
        html = self._html("acct_firm_crm.action_report_usage_statement", period)
        self.assertIn("Обработени документи", html)
        self.assertNotIn("Documents processed", html)
        self.client.lang = "en_US"
        html = self._html(
            "acct_firm_crm.action_report_usage_statement", period, self.bulgarian_user
        )
        self.assertIn("Documents processed", html)
        self.assertNotIn("Обработени документи", html)
