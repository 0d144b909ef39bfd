# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from .common import SegmentsCommon


@tagged("post_install", "-at_install")
class TestPredictions(SegmentsCommon):
    """Twelve clients with a year of history: enough for the BG/NBD and Gamma-Gamma fits."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clients, rows = [], []
        for i in range(12):
            client = cls._client(f"Client {i:02d}", f"PR{i:02d}")
            cls.clients.append(client)
            # client i is invoiced every (i % 4 + 1) months from July 2025; clients 9-11 stop
            # after December 2025
            for ago in range(12):
                day = date(2025, 7, 5) + relativedelta(months=ago)
                if ago % (i % 4 + 1) == 0 and (i < 9 or day < date(2026, 1, 1)):
                    rows.append((client, day, 100 * (i + 1) + 10 * ago))
        cls._invoices(rows)

    def test_fits_are_stored_and_probabilities_shown(self):
        self.Snapshot._compute_month(self.MONTH)
        fits = self.env["acct.segment.model.fit"].search([("month", "=", self.MONTH)])
        by_kind = {fit.kind: fit for fit in fits}
        self.assertEqual(by_kind["bgnbd"].state, "fitted")
        self.assertEqual(by_kind["bgnbd"].n, 12)
        self.assertEqual(set(by_kind["bgnbd"].parameters), {"r", "alpha", "a", "b"})
        self.assertLess(by_kind["bgnbd"].log_likelihood, 0)
        self.assertEqual(by_kind["gamma_gamma"].state, "fitted")
        self.assertEqual(by_kind["sbg"].state, "insufficient", "one year: no cohort to follow")

        steady = self._snapshot(self.clients[0])  # invoiced every month up to June
        stopped = self._snapshot(self.clients[9])  # every 2 months, nothing since December
        self.assertTrue(steady.has_prediction)
        self.assertGreater(steady.probability_alive, stopped.probability_alive)
        self.assertGreater(steady.expected_purchases, 0)
        self.assertGreater(steady.clv, 0)
        self.assertIn("probability alive", steady.explanation)

    def test_refit_of_a_month_is_deterministic(self):
        self.Snapshot._compute_month(self.MONTH)
        first = (
            self.env["acct.segment.model.fit"]
            .search([("month", "=", self.MONTH), ("kind", "=", "bgnbd")])
            .parameters
        )
        self.Snapshot._compute_month(self.MONTH)
        fits = self.env["acct.segment.model.fit"].search(
            [("month", "=", self.MONTH), ("kind", "=", "bgnbd")]
        )
        self.assertEqual(len(fits), 1)
        self.assertEqual(fits.parameters, first)
