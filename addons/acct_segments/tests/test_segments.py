# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import gc
from datetime import date

from dateutil.relativedelta import relativedelta
from psycopg2.errors import LockNotAvailable

from odoo.exceptions import AccessError
from odoo.sql_db import db_connect
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.acct_segments.models.acct_segment_snapshot import LOCK_KEY, _without_cyclic_gc

from .common import SegmentsCommon


@tagged("post_install", "-at_install")
class TestSegments(SegmentsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # five clients invoiced in June 2026: 1000, 500, 300, 150, 50 (2000 in all)
        cls.big = cls._client("Big AD", "SG01")
        cls.mid = cls._client("Mid OOD", "SG02")
        cls.small = cls._client("Small EOOD", "SG03")
        cls.tiny = cls._client("Tiny ET", "SG04")
        cls.micro = cls._client("Micro SD", "SG05")
        amounts = {cls.big: 1000, cls.mid: 500, cls.small: 300, cls.tiny: 150, cls.micro: 50}
        moves = cls._invoices([(c, date(2026, 6, 5), amount) for c, amount in amounts.items()])
        cls.invoices = {move.partner_id: move for move in moves}

    def test_pareto_classes_and_share_making_80_percent(self):
        self.Snapshot._compute_month(self.MONTH)
        classes = {c: self._snapshot(c).abc_class for c in self.invoices}
        # A while the share before the client is under 80 %: 0, 50 % and 75 % -> A
        self.assertEqual(classes[self.big], "A")
        self.assertEqual(classes[self.mid], "A")
        self.assertEqual(classes[self.small], "A")
        self.assertEqual(classes[self.tiny], "B")  # starts at 90 %
        self.assertEqual(classes[self.micro], "C")  # starts at 97.5 %
        self.assertEqual(self._snapshot(self.client).abc_class, "C", "no value, class C")
        snapshot = self._snapshot(self.big)
        self.assertAlmostEqual(snapshot.pareto_a_share, 3 / 6)  # 3 of the 6 firm clients
        self.assertEqual(snapshot.pareto_rank, 1)
        self.assertAlmostEqual(self._snapshot(self.mid).pareto_value_share, 0.75)
        self.assertIn("Pareto class A", snapshot.explanation)
        self.assertEqual(snapshot.value, 1000)
        self.assertEqual(snapshot.frequency, 1)
        self.assertEqual(snapshot.recency, 0)

    def test_credit_note_nets_the_value(self):
        self._invoice(self.big, date(2026, 6, 20), 400, move_type="out_refund")
        self.Snapshot._compute_month(self.MONTH)
        self.assertEqual(self._snapshot(self.big).value, 600)

    def test_value_tiers_use_the_firms_ranges(self):
        self.env["acct.segment.tier"].create(
            [
                {"name": "Bronze", "lower_bound": 0},
                {"name": "Silver", "lower_bound": 300},
                {"name": "Gold", "lower_bound": 1000},
            ]
        )
        self.Snapshot._compute_month(self.MONTH)
        self.assertEqual(self._snapshot(self.big).value_tier, "Gold")
        self.assertEqual(self._snapshot(self.small).value_tier, "Silver")
        self.assertEqual(self._snapshot(self.tiny).value_tier, "Bronze")

    def test_payment_delay_counts_days_after_due_and_open_invoices(self):
        # due 15 June, paid 5 July: 20 days late
        self._pay(self.invoices[self.big], date(2026, 7, 5))
        # due 15 June, paid 10 June: early is on time
        self._pay(self.invoices[self.mid], date(2026, 6, 10))
        self.Snapshot._compute_month(date(2026, 7, 1))
        july = date(2026, 7, 1)
        self.assertEqual(self._snapshot(self.big, july).payment_delay, 20)
        self.assertEqual(self._snapshot(self.mid, july).payment_delay, 0)
        # still open at the cut-off (31 July): 46 days late so far
        self.assertEqual(self._snapshot(self.small, july).payment_delay, 46)

    def test_recompute_replaces_only_that_month(self):
        may, june = date(2026, 5, 1), self.MONTH
        self.Snapshot._compute_month(may)
        self.Snapshot._compute_month(june)
        may_rows = self.Snapshot.search([("month", "=", may)])
        june_ids = set(self.Snapshot.search([("month", "=", june)]).ids)
        self._invoice(self.micro, date(2026, 6, 25), 5000)
        self.Snapshot._compute_month(june)
        june_rows = self.Snapshot.search([("month", "=", june)])
        self.assertEqual(len(june_rows), len(june_ids), "one row per client, no duplicate")
        self.assertFalse(june_ids & set(june_rows.ids), "the month's rows were replaced")
        self.assertEqual(self.Snapshot.search([("month", "=", may)]), may_rows)
        self.assertEqual(self._snapshot(self.micro).abc_class, "A")
        self.assertEqual(self._snapshot(self.micro, may).value, 0)

    def test_two_computations_of_a_month_wait_for_each_other(self):
        """A second computation of the same month and company waits for the first one's lock
        (here: gives up after 0.2 s)."""
        with db_connect(self.env.cr.dbname).cursor() as other:
            other.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_KEY, self.env.company.id])
            with (
                self.assertRaises(LockNotAvailable),
                self.env.cr.savepoint(),
                mute_logger("odoo.sql_db"),
            ):
                self.env.cr.execute("SET LOCAL lock_timeout = '200ms'")
                self.Snapshot._compute_month(self.MONTH)
            other.rollback()
        self.Snapshot._compute_month(self.MONTH)
        self.assertEqual(self._snapshot(self.big).abc_class, "A")

    def test_too_little_data_shows_health_instead_of_probability(self):
        self.Snapshot._compute_month(self.MONTH)
        snapshot = self._snapshot(self.big)
        self.assertFalse(snapshot.has_prediction)
        self.assertFalse(snapshot.probability_alive)
        self.assertIn("health score stands in", snapshot.prediction_note)
        self.assertTrue(snapshot.health_score)
        fit = self.env["acct.segment.model.fit"].search(
            [("month", "=", self.MONTH), ("kind", "=", "bgbb")]  # the default purchase model
        )
        self.assertEqual(fit.state, "insufficient")
        # the client's card says so
        self.assertIn("health score stands in", self.big.acct_profile_prediction_note)
        self.assertFalse(self.big.acct_profile_has_prediction)

    def test_profile_on_the_client_card_is_the_latest_month(self):
        self.Snapshot._compute_month(date(2026, 5, 1))
        self.Snapshot._compute_month(self.MONTH)
        self.assertEqual(self.big.acct_segment_snapshot_id, self._snapshot(self.big))
        self.assertEqual(self.big.acct_profile_abc_class, "A")
        self.assertIn("RFM", self.big.acct_profile_explanation)

    def test_migration_between_months(self):
        self.Snapshot._compute_month(date(2026, 5, 1))
        self.Snapshot._compute_month(self.MONTH)
        self.env.flush_all()
        moves = self.env["acct.segment.migration"].search(
            [("client_id", "=", self.big.id), ("family", "=", "abc")]
        )
        self.assertEqual(len(moves), 1)
        self.assertEqual((moves.from_segment, moves.to_segment), ("C", "A"))
        groups = self.env["acct.segment.migration"]._read_group(
            [("family", "=", "abc"), ("month", "=", self.MONTH)],
            ["from_segment", "to_segment"],
            ["__count"],
        )
        self.assertIn(("C", "A", 3), groups)

    def test_complaint_opens_a_review_and_counts(self):
        complaint = self.env["acct.complaint"].create(
            {
                "client_id": self.tiny.id,
                "name": "Late VAT return",
                "date": date(2026, 6, 10),
                "severity": "high",
            }
        )
        self.assertEqual(len(complaint.activity_ids), 1)
        self.assertIn(
            complaint.activity_ids.user_id,
            self.env.ref("acct_firm_crm.group_acct_firm_manager").users,
        )
        self.env["acct.complaint"].create(
            {"client_id": self.tiny.id, "name": "Wrong invoice", "date": date(2026, 6, 11)}
        )
        self.Snapshot._compute_month(self.MONTH)
        snapshot = self._snapshot(self.tiny)
        self.assertEqual(snapshot.complaints, 2)
        self.assertTrue(snapshot.vulnerable, "two complaints make a client vulnerable")
        self.assertIn("complaints", snapshot.explanation)
        complaint.action_resolve()
        self.assertEqual(complaint.state, "resolved")
        self.assertFalse(complaint.activity_ids)

    def test_the_garbage_collector_is_resumed_as_it_was(self):
        """The recompute pauses Python's cyclic collector; the server gets it back, also
        after an error, and a collector someone else had switched off stays off."""
        self.assertTrue(gc.isenabled())
        with self.assertRaises(ZeroDivisionError), _without_cyclic_gc():
            self.assertFalse(gc.isenabled())
            _ = 1 / 0
        self.assertTrue(gc.isenabled())
        gc.disable()
        try:
            with _without_cyclic_gc():
                pass
            self.assertFalse(gc.isenabled())
        finally:
            gc.enable()

    def test_explanation_quotes_the_rules_of_its_month(self):
        """Each month keeps the rules it applied: a later change of a threshold does not
        rewrite the reasons given for a month already computed."""
        for day in (date(2026, 6, 10), date(2026, 6, 11)):
            self.env["acct.complaint"].create(
                {"client_id": self.tiny.id, "name": "Late reply", "date": day}
            )
        self.Snapshot._compute_month(self.MONTH)
        snapshot = self._snapshot(self.tiny)
        self.assertTrue(snapshot.vulnerable)
        self.assertIn(
            "Vulnerable: complaints (complaints = 2, threshold = 2.00)", snapshot.explanation
        )
        rule = self.env["acct.segment.rule"].search([("code", "=", "vulnerable_complaints")])
        rule.value = 5
        snapshot.invalidate_recordset()
        self.assertIn("threshold = 2.00", snapshot.explanation, "June's rules, not today's")
        computed = self.env["acct.segment.month"].search([("month", "=", self.MONTH)])
        self.assertEqual(computed.client_count, 6)
        self.assertEqual(computed.rules["thresholds"]["vulnerable_complaints"], 2)
        self.assertIn("Value tier bounds", computed.rules_text)
        # computing June again applies the new rule and replaces the month's record
        self.Snapshot._compute_month(self.MONTH)
        self.assertFalse(self._snapshot(self.tiny).vulnerable)
        self.assertEqual(
            self.env["acct.segment.month"]
            .search([("month", "=", self.MONTH)])
            .rules["thresholds"]["vulnerable_complaints"],
            5,
        )

    def test_explanation_is_in_the_readers_language(self):
        self.env["res.lang"]._activate_lang("bg_BG")
        self.env["ir.module.module"]._load_module_terms(["acct_segments"], ["bg_BG"])
        self.Snapshot._compute_month(self.MONTH)
        snapshot = self._snapshot(self.big)
        self.assertIn("Pareto class A", snapshot.explanation)
        in_bulgarian = snapshot.with_context(lang="bg_BG").explanation
        self.assertIn("Клас по Парето A", in_bulgarian)
        self.assertIn("Фактуриран в малко месеци", in_bulgarian, "the rule by its translated name")
        self.assertIn(
            "Клас по Парето A", self.big.with_context(lang="bg_BG").acct_profile_explanation
        )

    def test_lost_client_without_model_and_reactivation(self):
        old = self._client("Gone EOOD", "SG06")
        self._invoice(old, date(2025, 3, 3), 800)
        self.Snapshot._compute_month(self.MONTH)
        snapshot = self._snapshot(old)
        self.assertTrue(snapshot.is_lost)
        self.assertEqual(snapshot.lost_reason, "recency")
        self.assertEqual(snapshot.recency, 15)
        self.assertEqual(snapshot.past_value, 800)
        self.assertIn("no invoice or logged work for 15 months", snapshot.explanation)
        snapshot.action_start_reactivation()
        self.assertEqual(len(old.activity_ids), 1)
        self.assertIn("Reactivate", old.activity_ids.summary)

    def test_wizard_only_for_managers_and_users_only_read(self):
        wizard = self.env["acct.segment.compute.wizard"].create({"month": date(2026, 6, 17)})
        wizard.action_compute()
        self.assertTrue(self._snapshot(self.big))
        snapshot = self._snapshot(self.big).with_user(self.accountant)
        self.assertEqual(snapshot.abc_class, "A")
        with self.assertRaises(AccessError):
            self.env["acct.segment.compute.wizard"].with_user(self.accountant).create(
                {"month": date(2026, 6, 1)}
            )
        with self.assertRaises(AccessError):
            snapshot.write({"abc_class": "C"})
        with self.assertRaises(AccessError):
            self._snapshot(self.big).with_user(self.portal_user).read(["value"])


@tagged("post_install", "-at_install")
class TestSatisfactionAndMargin(SegmentsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.month = date.today().replace(day=1)
        cls.rated = cls._client("Rated OOD", "SR01")
        cls._invoices([(cls.rated, cls.month, 2000)])
        cls.project = cls.env["project.project"].create(
            {"name": "Rated books", "partner_id": cls.rated.id, "allow_timesheets": True}
        )

    def test_ratings_of_done_tasks_feed_satisfaction(self):
        model = self.env["ir.model"]._get_id("project.task")
        for name, state, rating in (
            ("VAT return", "1_done", 5),
            ("Payroll", "1_done", 3),
            ("Open task", "01_in_progress", 1),  # not done: not counted
        ):
            task = self.env["project.task"].create(
                {"name": name, "project_id": self.project.id, "state": state}
            )
            self.env["rating.rating"].create(
                {
                    "res_model_id": model,
                    "res_id": task.id,
                    "rating": rating,
                    "consumed": True,
                    "partner_id": self.rated.id,
                }
            )
        self.Snapshot._compute_month(self.month)
        self.assertEqual(self._snapshot(self.rated, self.month).satisfaction, 4)

    def test_margin_is_value_less_costed_hours(self):
        costly = self.env["hr.employee"].create({"name": "Senior", "hourly_cost": 50})
        free = self.env["hr.employee"].create({"name": "Intern", "hourly_cost": 0})
        for employee, hours in ((costly, 10), (free, 30)):
            self.env["account.analytic.line"].create(
                {
                    "name": "Bookkeeping",
                    "project_id": self.project.id,
                    "employee_id": employee.id,
                    "unit_amount": hours,
                    "date": self.month,
                }
            )
        self.Snapshot._compute_month(self.month)
        snapshot = self._snapshot(self.rated, self.month)
        self.assertEqual(snapshot.cost, 500, "hours without an hourly cost count nothing")
        self.assertEqual(snapshot.margin, 1500)
        self.assertEqual(snapshot.recency, 0)

    def test_monthly_job_computes_the_month_that_ended(self):
        self.Snapshot._cron_compute_last_month()
        last = self.month - relativedelta(months=1)
        self.assertTrue(self._snapshot(self.rated, last))
        self.assertFalse(self._snapshot(self.rated, self.month))
