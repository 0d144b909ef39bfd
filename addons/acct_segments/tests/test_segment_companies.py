# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two firm companies of one database, in two currencies: each computes its own month over
its own invoices, and an accountant of one reaches nothing of the other's over JSON-RPC."""

from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tests import HttpCase, tagged

from .common import JsonRpcAttacks, SegmentsCommon


@tagged("post_install", "-at_install")
class TestSegmentCompanies(JsonRpcAttacks, SegmentsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        euro = cls.env.ref("base.EUR")
        euro.active = True
        office_b = cls.setup_other_company(name="Sofia Office OOD", currency_id=euro.id)
        cls.company_b = office_b["company"]
        cls.env.user.company_ids |= cls.company_b
        # the same client, served by both offices: 100 in A, 50 and 300 in B
        cls._invoice(cls.client, date(2026, 6, 10), 100.0)
        cls.env["account.move"].with_company(cls.company_b).create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": cls.client.id,
                    "invoice_date": day,
                    "invoice_date_due": day,
                    "journal_id": office_b["default_journal_sale"].id,
                    "invoice_line_ids": [
                        (0, 0, {"name": "Payroll", "price_unit": amount, "tax_ids": [(5,)]})
                    ],
                }
                for day, amount in ((date(2026, 5, 12), 50.0), (date(2026, 6, 12), 300.0))
            ]
        ).action_post()
        Snapshot = cls.env["acct.segment.snapshot"]
        Snapshot._compute_month(cls.MONTH)
        Snapshot.with_company(cls.company_b)._compute_month(cls.MONTH)
        cls.env.flush_all()
        cls.office_b_manager = cls._manager_of(
            cls.company_b, "acct_segments_office_b", "Manager Of The Sofia Office"
        )

    def _of(self, model, company):
        return self.env[model].search([("month", "=", self.MONTH), ("company_id", "=", company.id)])

    def test_each_company_has_its_own_month_amounts_and_currency(self):
        months = self.env["acct.segment.month"].search([("month", "=", self.MONTH)])
        self.assertEqual(months.company_id, self.company_a | self.company_b)
        in_a = self._of("acct.segment.snapshot", self.company_a).filtered(
            lambda s: s.client_id == self.client
        )
        in_b = self._of("acct.segment.snapshot", self.company_b).filtered(
            lambda s: s.client_id == self.client
        )
        self.assertEqual((in_a.value, in_a.past_value), (100.0, 100.0))
        self.assertEqual((in_b.value, in_b.past_value), (350.0, 350.0))
        self.assertEqual(in_a.currency_id, self.company_a.currency_id)
        self.assertEqual(in_b.currency_id.name, "EUR")
        self.assertIn("€", in_b.value_text)
        # the client's card in each company: that company's invoices, as its month
        self.assertEqual(self.client.acct_revenue_12m, in_a.value)
        self.assertEqual(self.client.with_company(self.company_b).acct_revenue_12m, in_b.value)
        for model in ("acct.segment.model.fit", "acct.segment.backtest"):
            self.assertTrue(self._of(model, self.company_a), model)
            self.assertTrue(self._of(model, self.company_b), model)
        # computing A's month again replaces A's rows only
        b_rows = self._of("acct.segment.snapshot", self.company_b)
        self.env["acct.segment.snapshot"]._compute_month(self.MONTH)
        self.assertEqual(self._of("acct.segment.snapshot", self.company_b), b_rows)
        self.assertEqual(len(self._of("acct.segment.month", self.company_b)), 1)

    def test_the_monthly_job_computes_each_company(self):
        last_month = date.today().replace(day=1) - relativedelta(months=1)
        self.env["acct.segment.snapshot"].sudo()._cron_compute_last_month()
        computed = self.env["acct.segment.month"].search([("month", "=", last_month)])
        self.assertLessEqual(self.company_a | self.company_b, computed.company_id)

    def test_office_b_reaches_nothing_of_office_a(self):
        user = self.office_b_manager
        for model in (
            "acct.segment.snapshot",
            "acct.segment.month",
            "acct.segment.model.fit",
            "acct.segment.backtest",
            "acct.segment.backtest.line",
        ):
            theirs = self.env[model].search([("company_id", "=", self.company_a.id)])
            mine = self.env[model].search([("company_id", "=", self.company_b.id)])
            self.assertTrue(theirs and mine, model)
            found = self._rpc(user, model, "search", [])
            self.assertEqual(sorted(found), sorted(mine.ids), model)
            self._refused(user, model, "read", theirs[:1].ids, ["month"])
        # the client's card: office B's figures and office B's month
        card = self._rpc(
            user,
            "res.partner",
            "read",
            self.client.ids,
            ["acct_profile_value_text", "acct_revenue_total", "acct_last_invoice_date"],
        )[0]
        self.assertIn("350", card["acct_profile_value_text"])
        self.assertEqual(card["acct_revenue_total"], 350.0)
        self.assertEqual(card["acct_last_invoice_date"], "2026-06-12")
