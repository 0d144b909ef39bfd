# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tests import TransactionCase, tagged

from .common import SegmentsCommon


@tagged("post_install", "-at_install")
class TestPredictions(SegmentsCommon):
    """Twelve clients with a year of history: too few for the models (the rule "Models: used
    from this number of clients", 50 by default), so the health score stands in, saying why,
    and the lifetime value uses each client's own rate."""

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

    def _fits(self):
        return {
            fit.kind: fit
            for fit in self.env["acct.segment.model.fit"].search([("month", "=", self.MONTH)])
        }

    def test_small_firm_falls_back_to_the_health_score_with_the_reason(self):
        self.Snapshot._compute_month(self.MONTH)
        fits = self._fits()
        self.assertEqual(set(fits), {"bgbb", "gamma_gamma", "sbg"}, "BG/BB is the default")
        self.assertEqual(fits["bgbb"].state, "insufficient")
        self.assertEqual(fits["bgbb"].n, 12)
        self.assertIn("12 clients invoiced: the models are used from 50", fits["bgbb"].note)
        self.assertFalse(fits["bgbb"].parameters, "no parameter stored as fitted")
        steady = self._snapshot(self.clients[0])  # invoiced every month up to June
        self.assertFalse(steady.has_prediction)
        self.assertIn("the models are used from 50", steady.prediction_note)
        self.assertIn("health score stands in", steady.prediction_note)
        self.assertFalse(steady.probability_alive_text)

    def test_lifetime_value_is_never_zero_for_an_active_client_with_invoices(self):
        self.Snapshot._compute_month(self.MONTH)
        steady, monthly_small = self._snapshot(self.clients[0]), self._snapshot(self.clients[4])
        quarterly = self._snapshot(self.clients[3])  # every 4 months
        for snapshot in (steady, monthly_small, quarterly):
            self.assertGreater(snapshot.clv, 0)
            self.assertIn("Value over the next 36 months", snapshot.clv_text)
            self.assertIn("own rate", snapshot.clv_text)
        # the same rate and a higher invoice, or the same invoice and a higher rate: more value
        self.assertGreater(monthly_small.clv, steady.clv)
        self.assertGreater(steady.clv, quarterly.clv / 3)
        # a firm client never invoiced: no value shown, not a value of 0
        nothing = self._snapshot(self.client)
        self.assertFalse(nothing.clv)
        self.assertFalse(nothing.clv_text)

    def test_numbers_carry_their_label_and_period(self):
        self.Snapshot._compute_month(self.MONTH)
        snapshot = self._snapshot(self.clients[0])
        self.assertRegex(snapshot.value_text, r"^Invoiced in the last 12 months: ")
        self.assertIn("Value over the next 36 months", snapshot.explanation)
        profile = self.clients[0]
        self.assertEqual(profile.acct_profile_clv_text, snapshot.clv_text)
        self.assertEqual(profile.acct_profile_value_text, snapshot.value_text)

    def test_models_fitted_when_the_firm_allows_it_are_never_degenerate(self):
        self.env.ref("acct_segments.rule_models_min_clients").value = 10
        for kind in ("bgbb", "bgnbd"):
            self.env["ir.config_parameter"].set_param("acct_segments.purchase_model", kind)
            self.Snapshot._compute_month(self.MONTH)
            fits = self._fits()
            self.assertIn(kind, fits)
            for fit in fits.values():
                if fit.state == "fitted":
                    for name, value in fit.parameters.items():
                        self.assertTrue(1e-6 < value < 1e6, f"{fit.kind} {name} = {value}")
                else:
                    self.assertTrue(fit.note, "a fit that is not used says why")
            # twice the same month: the same fit
            first = fits[kind].parameters
            self.Snapshot._compute_month(self.MONTH)
            self.assertEqual(self._fits()[kind].parameters, first)

    def test_latest_computed_month_filter_follows_the_data(self):
        self.env["acct.segment.month"].search([]).unlink()  # the demo firm's months
        self.Snapshot.search([]).unlink()
        earlier = self.MONTH - relativedelta(months=1)
        self.Snapshot._compute_month(earlier)
        self.Snapshot._compute_month(self.MONTH)
        latest = self.Snapshot.search([("is_latest_month", "=", True)])
        self.assertEqual(set(latest.mapped("month")), {self.MONTH})
        self.assertEqual(len(latest.client_id & self.clients[0]), 1, "one card per client")
        older = self.Snapshot.search([("is_latest_month", "=", False)])
        self.assertEqual(set(older.mapped("month")), {earlier})
        # the segments and the lost clients open on it
        for xmlid in ("action_acct_segment_snapshot", "action_acct_segment_lost"):
            action = self.env.ref(f"acct_segments.{xmlid}")
            self.assertIn("'search_default_latest_month': 1", action.context)
        # the computed months open their own segments
        month = self.env["acct.segment.month"].search([("month", "=", earlier)])
        self.assertEqual(month.action_open_segments()["domain"], [("month", "=", earlier)])

    def test_backtest_is_stored_with_the_month(self):
        self.Snapshot._compute_month(self.MONTH)
        backtests = self.env["acct.segment.backtest"].search([("month", "=", self.MONTH)])
        self.assertEqual(set(backtests.mapped("model")), {"bgbb", "bgnbd", "naive"})
        # nobody was invoiced by June 2025: nothing to backtest on, and it says so
        for backtest in backtests.filtered(lambda b: b.model != "naive"):
            self.assertIn("at least 10 customers", backtest.note)
        fit = self._fits()["bgbb"]
        self.assertEqual(
            fit.action_open_backtest()["domain"],
            [("month", "=", self.MONTH), ("company_id", "=", self.env.company.id)],
        )


@tagged("post_install", "-at_install")
class TestDemoFirmValue(TransactionCase):
    """The demo firm's named clients (demo/acct_segments_demo.py) in the order of their
    lifetime value: the steady large client first (valued at its engagement's fee), the
    falling one valued at what it is invoiced now, the tiny one last, the client who left
    without a value."""

    def test_lifetime_value_ranks_the_demo_clients(self):
        names = ("zora", "trakia", "rodopa", "cherno_more", "dunav")
        modules = {"zora": "acct_firm_crm", "trakia": "acct_segments"}
        clients = {
            name: self.env.ref(
                f"{modules.get(name, 'acct_segments')}.demo_client_{name}",
                raise_if_not_found=False,
            )
            for name in names
        }
        if not all(clients.values()):
            self.skipTest("the demo data are not installed")
        Snapshot = self.env["acct.segment.snapshot"]
        # the demo computes its last months (demo/acct_segments_demo.py)
        latest = self.env["acct.segment.month"].search([], order="month desc", limit=1)
        if not latest:
            self.skipTest("the demo firm has no computed month")
        month = latest.month
        Snapshot._compute_month(month)
        snapshots = {
            name: Snapshot.search([("client_id", "=", client.id), ("month", "=", month)])
            for name, client in clients.items()
        }
        clv = {name: snapshot.clv for name, snapshot in snapshots.items()}
        # 1,800 a month, its engagement's fee: the most valuable
        self.assertGreater(clv["zora"], clv["rodopa"])
        # 2,600 a month until a year ago, 700 since: valued at its 700, above a steady 400
        self.assertGreater(clv["rodopa"], clv["trakia"])
        self.assertGreater(clv["trakia"], clv["cherno_more"])
        self.assertGreater(clv["cherno_more"], 0)
        # left 15 months ago: no value shown rather than a value of 0
        self.assertFalse(clv["dunav"])
        self.assertFalse(snapshots["dunav"].clv_text)
