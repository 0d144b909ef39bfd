# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo.tests import HttpCase, tagged

from .billing_common import AcctBillingCommon


@tagged("post_install", "-at_install")
class TestAcctEngagementPortal(AcctBillingCommon, HttpCase):
    def test_client_reads_usage_statement_with_the_invoice(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "acct_firm_crm.billing_post_invoices", "True"
        )
        engagement = self._engagement(
            fee_model="per_document", fixed_amount=0, tiers=[(0, 10, 3.0), (10, None, 2.0)]
        )
        self._receive_documents(2026, 1, {"issued_invoices": 12})
        period = self.env["acct.engagement"]._run_billing(
            engagements=engagement, today=datetime.date(2026, 2, 5)
        )
        invoice = period.invoice_id
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.amount_untaxed, 34.0)
        self.authenticate(self.portal_user.login, self.portal_user.login)
        response = self.url_open(f"/my/invoices/{invoice.id}?report_type=html")
        self.assertEqual(response.status_code, 200)
        self.assertIn("acct_usage_statement", response.text)
        self.assertIn("Usage statement", response.text)
        self.assertIn("tier 2 (11-", response.text)
        # An anonymous visitor cannot open it.
        self.authenticate(None, None)
        response = self.url_open(f"/my/invoices/{invoice.id}?report_type=html")
        self.assertNotIn("Usage statement", response.text)
