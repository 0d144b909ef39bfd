# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import Command
from odoo.tests import freeze_time, tagged

from odoo.addons.acct_firm_crm.models.res_partner_figures import FIGURE_FIELDS

from .billing_common import AcctBillingCommon


@tagged("post_install", "-at_install")
class TestResPartnerFigures(AcctBillingCommon):
    def _invoice(self, partner, day, amount, post=True):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": day,
                "invoice_date_due": day,
                "invoice_line_ids": [
                    Command.create({"product_id": self.product.id, "price_unit": amount})
                ],
            }
        )
        if post:
            invoice.action_post()
        return invoice

    def _pay(self, invoice, day):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"payment_date": day})._create_payments()

    @freeze_time("2026-06-30")
    def test_figures(self):
        old = self._invoice(self.client, datetime.date(2025, 1, 10), 100.0)
        self._pay(old, datetime.date(2025, 1, 20))
        self._invoice(self.client, datetime.date(2026, 6, 1), 200.0)
        self._invoice(self.client, datetime.date(2026, 6, 2), 999.0, post=False)
        client = self.client.with_user(self.accountant)
        self.assertEqual(client.acct_revenue_total, 300.0)
        self.assertEqual(client.acct_revenue_12m, 200.0)
        self.assertEqual(client.acct_open_balance, 200.0)
        self.assertEqual(client.acct_last_invoice_date, datetime.date(2026, 6, 1))
        # The invoice of January 2025 was due before the 12 months; the June one is still
        # open on 30 June: 29 days late so far.
        self.assertEqual(client.acct_avg_days_late, 29.0)
        self.assertEqual(client.acct_first_date, datetime.date(2025, 1, 10))
        self.assertEqual(client.acct_tenure_months, 17)
        # Invoiced in June 2026 only of the last 12 months.
        self.assertEqual(client.acct_invoices_per_year, 1)

    @freeze_time("2026-06-30")
    def test_client_since_counts_for_tenure(self):
        """The client-since date an accountant entered is when the tenure starts, if it is
        earlier than the first invoice; a late payment of the year counts, on time is 0."""
        self.client.acct_client_since = datetime.date(2024, 3, 15)
        late = self._invoice(self.client, datetime.date(2026, 2, 10), 100.0)
        self._pay(late, datetime.date(2026, 2, 20))
        on_time = self._invoice(self.client, datetime.date(2026, 3, 10), 100.0)
        self._pay(on_time, datetime.date(2026, 3, 10))
        self.assertEqual(self.client.acct_first_date, datetime.date(2024, 3, 15))
        self.assertEqual(self.client.acct_tenure_months, 27)
        self.assertEqual(self.client.acct_avg_days_late, 5.0)
        self.assertEqual(self.client.acct_invoices_per_year, 2)

    @freeze_time("2026-06-30")
    def test_engagement_start_counts_for_tenure(self):
        self._engagement(activate=False, date_start=datetime.date(2024, 6, 30))
        self.assertEqual(self.client.acct_tenure_months, 24)
        self.assertEqual(self.client.acct_revenue_total, 0.0)

    def test_constant_query_count(self):
        clients = self.env["res.partner"].create(
            [
                {
                    "name": f"Client {number}",
                    "is_company": True,
                    "acct_is_firm_client": True,
                    "acct_client_code": f"QC{number:04d}",
                }
                for number in range(20)
            ]
        )
        for client in clients[:5]:
            self._invoice(client, datetime.date(2026, 1, 15), 50.0)
        clients.invalidate_recordset()
        # Three SQL queries (invoiced months, payment delays, the client's dates) and one
        # read of the partners themselves, whatever their number.
        # Warm the caches that have nothing to do with the number of clients.
        clients[19:].read(FIGURE_FIELDS)
        for subset in (clients[:2], clients[:19]):
            subset.invalidate_recordset()
            with self.assertQueryCount(4):
                subset.read(FIGURE_FIELDS)
