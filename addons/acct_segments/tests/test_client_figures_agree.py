# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The client card's figures (acct_firm_crm) and the month's snapshot agree at the same
cut-off: each metric is defined once (acct_firm_core.portfolio) on the same queries."""

from datetime import date

from odoo.tests import freeze_time, tagged

from acct_firm_core.portfolio import month_index

from .common import SegmentsCommon


@tagged("post_install", "-at_install")
class TestClientFiguresAgree(SegmentsCommon):
    @freeze_time("2026-06-30")
    def test_client_card_and_month_snapshot_agree_at_the_month_end(self):
        client = self._client("Agreeing OOD", "AG01")
        # taken on before its first invoice: the tenure counts from this day
        client.acct_client_since = date(2024, 3, 15)
        # due before the 12 months, paid 35 days late: in the totals, not in the delay
        self._pay(self._invoice(client, date(2025, 3, 10), 200.0), date(2025, 4, 24))
        # due 15 September, paid 10 days late
        self._pay(self._invoice(client, date(2025, 9, 5), 300.0), date(2025, 9, 25))
        # a credit note: nets the revenue, its month is no invoiced month
        self._invoice(client, date(2025, 11, 10), 100.0, move_type="out_refund")
        # paid on its due day: 0 days late
        self._pay(self._invoice(client, date(2026, 2, 3), 400.0), date(2026, 2, 13))
        # due 15 June and still open on the 30th: 15 days late so far
        self._invoice(client, date(2026, 6, 5), 500.0)

        self.Snapshot._compute_month(self.MONTH)
        snapshot = self._snapshot(client)
        card = client.with_user(self.accountant)

        self.assertEqual(card.acct_revenue_12m, snapshot.value)
        self.assertEqual(card.acct_revenue_12m, 300.0 - 100.0 + 400.0 + 500.0)
        self.assertEqual(card.acct_revenue_total, snapshot.past_value)
        self.assertEqual(card.acct_revenue_total, 1300.0)
        self.assertEqual(card.acct_invoices_per_year, snapshot.frequency)
        self.assertEqual(card.acct_invoices_per_year, 3)  # September, February, June
        self.assertEqual(card.acct_tenure_months, snapshot.tenure_months)
        self.assertEqual(card.acct_tenure_months, 27)  # 15 March 2024 to 30 June 2026
        self.assertEqual(card.acct_first_date, date(2024, 3, 15))
        self.assertAlmostEqual(card.acct_avg_days_late, snapshot.payment_delay)
        self.assertAlmostEqual(card.acct_avg_days_late, 8.3)  # (10 + 0 + 15) / 3
        self.assertEqual(card.acct_last_invoice_date, date(2026, 6, 5))
        self.assertEqual(
            snapshot.recency, month_index(self.MONTH) - month_index(card.acct_last_invoice_date)
        )
