# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Lifetime value from the engagement's fee: a client with a running engagement is worth its
fee per invoiced month, whatever its past invoices (the contract says what the firm bills
from now on), a client without one the Gamma-Gamma amount of its own invoices."""

from datetime import date

import numpy as np

from odoo import Command
from odoo.tests import TransactionCase, tagged

from acct_firm_core import predictive

from .test_predictions_models import MONTH, history_of, simulated_invoices

# the simulated clients other than the three named ones get ids no partner has
OTHERS = 10**8


@tagged("post_install", "-at_install")
class TestEngagementFeeValue(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Snapshot = cls.env["acct.segment.snapshot"]
        cls.thresholds = cls.env["acct.segment.rule"]._get_thresholds()
        cls.fixed, cls.hybrid, cls.without = (
            cls.env["res.partner"].create(
                {
                    "name": name,
                    "is_company": True,
                    "acct_is_firm_client": True,
                    "acct_client_code": code,
                }
            )
            for name, code in (
                ("Фикс ООД", "FEE-1"),
                ("Хибрид ЕООД", "FEE-2"),
                ("Без договор АД", "FEE-3"),
            )
        )
        named = {1: cls.fixed.id, 2: cls.hybrid.id, 3: cls.without.id}
        rows = [
            (named.get(client, OTHERS + client), month, amount)
            for client, month, amount in simulated_invoices()
        ]
        cls.history = history_of(rows)
        cls.product = cls.env["product.product"].create(
            {"name": "Счетоводни услуги", "type": "service", "taxes_id": [Command.clear()]}
        )

    def _engagement(self, client, **values):
        engagement = self.env["acct.engagement"].create(
            {
                "name": f"Договор {client.name}",
                "client_id": client.id,
                "date_start": date(2024, 1, 1),
                "periodicity": "monthly",
                "product_id": self.product.id,
                **values,
            }
        )
        engagement.action_activate()
        return engagement

    def _predict(self):
        return self.Snapshot._predict(self.history, MONTH, date(2026, 6, 30), self.thresholds)

    def test_a_client_with_an_engagement_is_valued_at_its_fee(self):
        before, fits = self._predict()
        self._engagement(self.fixed, fee_model="fixed", fixed_amount=1500.0)
        # a hybrid fee not billed yet: its fixed part, what it bills whatever the documents
        self._engagement(
            self.hybrid,
            fee_model="hybrid",
            fixed_amount=1200.0,
            unit_price=2.0,
            included_quantity=50,
        )
        after, _fits = self._predict()
        fixed, hybrid, without = self.fixed.id, self.hybrid.id, self.without.id
        self.assertEqual(after["predictions"][fixed]["expected_spend"], 1500.0)
        self.assertEqual(after["predictions"][hybrid]["expected_spend"], 1200.0)
        # the residual invoiced months do not change: the value scales with the amount
        for client, fee in ((fixed, 1500.0), (hybrid, 1200.0)):
            residual = before["clv"][client] / before["predictions"][client]["expected_spend"]
            self.assertAlmostEqual(after["clv"][client], fee * residual, places=4)
        # the client without an engagement keeps the Gamma-Gamma amount of its invoices
        gamma = next(fit for fit in fits if fit["kind"] == "gamma_gamma")
        self.assertEqual(gamma["state"], "fitted")
        position = int(np.flatnonzero(self.history.clients == without)[0])
        repeat = int(self.history.invoiced_months[position]) - 1
        self.assertGreater(repeat, 0)
        expected = float(
            predictive.gamma_gamma_expected_spend(
                tuple(gamma["parameters"].values()),
                repeat,
                self.history.repeat_spend[position],
            )
        )
        self.assertAlmostEqual(after["predictions"][without]["expected_spend"], expected, places=6)
        self.assertAlmostEqual(after["clv"][without], before["clv"][without], places=6)

    def test_a_client_invoiced_above_its_fee_is_valued_at_its_fee(self):
        before, _fits = self._predict()
        self._engagement(self.fixed, fee_model="fixed", fixed_amount=100.0)
        after, _fits = self._predict()
        fixed = self.fixed.id
        # its past invoices said more: the contract is what the firm bills from now on
        self.assertGreater(before["predictions"][fixed]["expected_spend"], 100.0)
        self.assertEqual(after["predictions"][fixed]["expected_spend"], 100.0)
        residual = before["clv"][fixed] / before["predictions"][fixed]["expected_spend"]
        self.assertAlmostEqual(after["clv"][fixed], 100.0 * residual, places=4)

    def test_an_ended_engagement_is_not_the_clients_fee(self):
        engagement = self._engagement(self.fixed, fee_model="fixed", fixed_amount=1500.0)
        engagement.date_end = date(2026, 5, 31)
        fees = self.Snapshot._engagement_fees([self.fixed.id, self.without.id], date(2026, 6, 30))
        self.assertEqual(fees, {})
