# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Why a fit was refused reads in the firm's language: the core's English reasons
(acct_firm_core.predictive.MESSAGES) are translated by the addon."""

from datetime import date

from odoo.tests import TransactionCase, tagged

from acct_firm_core import predictive

from .test_predictions_models import MONTH, history_of, simulated_invoices


@tagged("post_install", "-at_install")
class TestFitReasonsBulgarian(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("bg_BG")
        cls.env["ir.module.module"]._load_module_terms(["acct_segments"], ["bg_BG"])
        cls.Snapshot = cls.env["acct.segment.snapshot"].with_context(lang="bg_BG")
        cls.thresholds = cls.env["acct.segment.rule"]._get_thresholds()

    def test_a_refused_fit_says_why_in_bulgarian(self):
        # six clients with one invoiced month each: no repeat, and below every minimum
        history = history_of([(client, 600, 100.0) for client in range(1, 7)])
        thresholds = {**self.thresholds, "models_min_clients": 1}
        _result, fits = self.Snapshot._predict(history, MONTH, date(2026, 6, 30), thresholds)
        notes = {fit["kind"]: fit["note"] for fit in fits if fit["state"] == "insufficient"}
        self.assertEqual(notes["bgbb"], "моделът BG/BB иска поне 10 клиенти, а те са 6", notes)
        self.assertIn("моделът Gamma-Gamma иска поне 5 клиенти", notes["gamma_gamma"])

    def test_the_backtest_says_why_in_bulgarian(self):
        rows = simulated_invoices(clients=6)
        backtests = self.Snapshot._backtest(rows, MONTH)
        notes = [row["note"] for row in backtests if row["note"]]
        self.assertTrue(notes)
        for note in notes:
            self.assertTrue(note.startswith("моделът "), note)

    def test_a_month_computed_in_english_writes_the_firms_language(self):
        # The monthly job and the demo run as an English user; the firm speaks Bulgarian:
        # the month's notes are the firm's texts, in its language.
        self.env.company.partner_id.lang = "bg_BG"
        snapshots = self.env["acct.segment.snapshot"].with_context(lang="en_US")
        snapshots._compute_month(MONTH)
        fit = self.env["acct.segment.model.fit"].search([("month", "=", MONTH)], limit=1)
        self.assertTrue(fit.note, "a month of a small firm says why it has no fit")
        self.assertIn("моделите се използват от", fit.note)

    def test_the_numbers_of_a_reason_take_the_readers_decimal_sign(self):
        reason = predictive.FitReason(
            "with_priors_too",
            first=predictive.FitReason("runs_to_infinity", name="gamma", value="2.64e+04"),
            last=predictive.FitReason("flat_likelihood", count="32"),
        )
        text = self.Snapshot._fit_reason(reason)
        self.assertIn("gamma клони към безкрайност (2,64e+04", text)
        english = self.Snapshot.with_context(lang="en_US")._fit_reason(reason)
        self.assertIn("gamma runs to infinity (2.64e+04", english)
