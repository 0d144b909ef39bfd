# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The models of a firm large enough for them, on a simulated invoicing history (the
computation's own input, without invoices): the chosen purchase model, warm start, lifetime
value, and the backtest rows."""

from datetime import date

import numpy as np

from odoo.tests import TransactionCase, tagged

from acct_firm_core.portfolio import InvoiceHistory, month_index

MONTH = date(2026, 6, 1)


def simulated_invoices(clients=300, seed=11):
    """Rows (client, month index, amount): each client, from its first month, is invoiced in
    a month with its own probability and leaves with its own monthly probability (the BG/BB
    story), over three years up to MONTH."""
    rng = np.random.default_rng(seed)
    end = month_index(MONTH)
    rows = []
    for client in range(1, clients + 1):
        buy, leave = rng.beta(4, 1.5), rng.beta(1, 30)
        fee = float(rng.integers(80, 900))
        for month in range(end - 35 + client % 24, end + 1):
            if month == end - 35 + client % 24 or rng.random() < buy:
                rows.append((client, month, fee * rng.uniform(0.8, 1.2)))
            if rng.random() < leave:
                break
    return rows


def history_of(rows):
    """The InvoiceHistory acct_firm_core.portfolio.measure makes of the rows."""
    data = np.array(rows)
    clients = np.unique(data[:, 0]).astype(np.int64)
    position = np.searchsorted(clients, data[:, 0])
    month = data[:, 1].astype(np.int64)
    count = np.bincount(position, minlength=clients.size)
    first = np.full(clients.size, np.iinfo(np.int64).max)
    last = np.full(clients.size, -1)
    np.minimum.at(first, position, month)
    np.maximum.at(last, position, month)
    total = np.bincount(position, data[:, 2], minlength=clients.size)
    first_amount = np.bincount(
        position, np.where(month == first[position], data[:, 2], 0.0), minlength=clients.size
    )
    repeat = np.where(count > 1, (total - first_amount) / np.maximum(count - 1, 1), 0.0)
    recent = month > month_index(MONTH) - 12
    recent_count = np.bincount(position[recent], minlength=clients.size)
    recent_total = np.bincount(position[recent], data[recent, 2], minlength=clients.size)
    recent_spend = np.where(recent_count > 0, recent_total / np.maximum(recent_count, 1), 0.0)
    return InvoiceHistory(
        clients, count, first, last, repeat, total / count, recent_count, recent_spend
    )


@tagged("post_install", "-at_install")
class TestModelPredictions(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Snapshot = cls.env["acct.segment.snapshot"]
        cls.rows = simulated_invoices()
        cls.history = history_of(cls.rows)
        cls.thresholds = cls.env["acct.segment.rule"]._get_thresholds()

    def _predict(self, month=MONTH):
        cutoff = date(month.year, month.month, 28)
        return self.Snapshot._predict(self.history, month, cutoff, self.thresholds)

    def test_bgbb_is_the_default_and_predicts_every_client(self):
        result, fits = self._predict()
        by_kind = {fit["kind"]: fit for fit in fits}
        self.assertEqual(by_kind["bgbb"]["state"], "fitted", by_kind["bgbb"].get("note"))
        self.assertEqual(set(by_kind["bgbb"]["parameters"]), {"alpha", "beta", "gamma", "delta"})
        self.assertEqual(by_kind["bgbb"]["n"], 300)
        self.assertNotIn("bgnbd", by_kind, "only the chosen purchase model is fitted")
        predictions = result["predictions"]
        self.assertEqual(len(predictions), 300)
        alive = [p["probability_alive"] for p in predictions.values()]
        self.assertTrue(all(0 < p <= 1 for p in alive))
        # every client with invoices has a lifetime value above 0, from the model
        self.assertEqual(len(result["clv"]), 300)
        self.assertTrue(all(value > 0 for value in result["clv"].values()))
        self.assertEqual(result["model"]["clv"], "model")
        self.assertEqual(result["model"]["horizon"], 36)

    def test_the_firm_chooses_bgnbd(self):
        settings = self.env["res.config.settings"].create({"acct_segments_purchase_model": "bgnbd"})
        settings.execute()
        _result, fits = self._predict()
        kinds = {fit["kind"] for fit in fits}
        self.assertIn("bgnbd", kinds)
        self.assertNotIn("bgbb", kinds)

    def test_clv_ranks_a_steady_client_above_a_lapsed_one(self):
        result, _fits = self._predict()
        history, end = self.history, month_index(MONTH)
        clv = result["clv"]
        alive = {c: p["probability_alive"] for c, p in result["predictions"].items()}
        histories = list(zip(history.clients, history.last, history.invoiced_months, strict=True))
        lapsed = [c for c, last, n in histories if end - last >= 12 and n >= 3]
        steady = [c for c, last, n in histories if last == end and n >= 20]
        self.assertTrue(lapsed and steady)
        self.assertLess(max(alive[c] for c in lapsed), min(alive[c] for c in steady))
        # per unit of invoice, a steady client is worth more than a lapsed one
        spend = dict(zip(history.clients.tolist(), history.mean_spend.tolist(), strict=True))
        self.assertLess(
            max(clv[c] / spend[c] for c in lapsed), min(clv[c] / spend[c] for c in steady)
        )

    def test_each_month_starts_from_the_previous_months_fit(self):
        _result, fits = self._predict()
        bgbb = next(fit for fit in fits if fit["kind"] == "bgbb")
        following = date(2026, 7, 1)
        _result, cold = self._predict(following)
        self.env["acct.segment.model.fit"].create(bgbb)
        previous = self.Snapshot._previous_fits(following)
        self.assertEqual(previous["bgbb"], tuple(bgbb["parameters"].values()))
        _result, warm = self._predict(following)
        cold_fit, warm_fit = (
            next(fit for fit in found if fit["kind"] == "bgbb") for found in (cold, warm)
        )
        self.assertEqual(warm_fit["state"], "fitted")
        # the same fit, to the optimiser's tolerances, whatever the start
        for name, value in cold_fit["parameters"].items():
            self.assertAlmostEqual(warm_fit["parameters"][name] / value, 1.0, delta=1e-3)

    def test_backtest_rows_per_model_with_the_naive_baseline(self):
        rows = self.Snapshot._backtest(self.rows, MONTH)
        backtests = self.env["acct.segment.backtest"].create(rows)
        by_model = {b.model: b for b in backtests}
        self.assertEqual(set(by_model), {"bgbb", "bgnbd", "naive"})
        naive = by_model["naive"]
        for code in ("bgbb", "bgnbd"):
            backtest = by_model[code]
            self.assertFalse(backtest.note, backtest.note)
            self.assertEqual(backtest.actual_total, naive.actual_total)
            self.assertEqual(backtest.naive_mae, naive.mae)
            self.assertEqual(backtest.beats_naive, backtest.mae < naive.mae)
            self.assertEqual(len(backtest.line_ids), 12)
            # (each month rounded to 0.1)
            self.assertAlmostEqual(
                sum(backtest.line_ids.mapped("invoiced_months")), backtest.forecast_total, delta=0.6
            )
        # the actual per month is kept once, beside the naive forecast
        actual = naive.line_ids.filtered(lambda line: line.series == "actual")
        self.assertEqual(len(actual), 12)
        self.assertEqual(sum(actual.mapped("invoiced_months")), naive.actual_total)
        self.assertEqual(actual[0].period, date(2025, 7, 1))
        chart = backtests.action_open_chart()
        self.assertEqual(chart["res_model"], "acct.segment.backtest.line")
