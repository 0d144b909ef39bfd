# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Deadlines list an accountant scans: days left, my team, the default grouping."""

import ast
import datetime

from odoo.tests import freeze_time, tagged

from .test_statutory import StatutoryCommon

D = datetime.date.fromisoformat


@tagged("post_install", "-at_install")
class TestDeadlinesList(StatutoryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client_vat = cls.clients["company"]
        cls.tasks = cls._run_job_cls(D("2026-02-06"), cls.client_vat)

    @classmethod
    def _run_job_cls(cls, today, clients):
        return clients.acct_obligation_ids._generate_tasks(today=today)

    def _vat(self):
        return self.tasks.filtered(
            lambda t: (
                t.acct_obligation_type_id.code == "BG_VAT_RETURN"
                and t.acct_period_code == "2026-01"
            )
        )

    def test_days_left_negative_when_late(self):
        vat = self._vat()
        self.assertEqual(vat.acct_effective_date, D("2026-02-16"))
        with freeze_time("2026-02-13"):
            vat.invalidate_recordset(["acct_days_left"])
            self.assertEqual(vat.acct_days_left, 3)
        with freeze_time("2026-02-18"):
            vat.invalidate_recordset(["acct_days_left"])
            self.assertEqual(vat.acct_days_left, -2)

    def test_my_team(self):
        Employee = self.env["hr.employee"]
        boss = Employee.create({"name": "Boss", "user_id": self.payroll.id})
        Employee.create({"name": "Accountant", "user_id": self.accountant.id, "parent_id": boss.id})
        Task = self.env["project.task"]
        mine = Task.with_user(self.payroll).search(
            [("id", "in", self.tasks.ids), ("acct_my_team", "=", True)]
        )
        # The payroll accountant manages the accountant: the accountant's tasks are the team's.
        self.assertEqual(mine, self.tasks.filtered(lambda t: self.accountant in t.user_ids))
        self.assertTrue(mine)
        # The reviewer of the client sees all of its tasks as the team's.
        reviewed = Task.with_user(self.reviewer).search(
            [("id", "in", self.tasks.ids), ("acct_my_team", "=", True)]
        )
        self.assertEqual(reviewed, self.tasks)
        self.assertFalse(
            Task.with_user(self.accountant).search(
                [("id", "in", self.tasks.ids), ("acct_my_team", "=", True)]
            )
        )

    def _recompute_weeks(self):
        """The due weeks as the day (frozen) sees them: the tasks were made on another day."""
        self.env.add_to_compute(self.env["project.task"]._fields["acct_due_week"], self.tasks)
        self.tasks.flush_recordset()

    def test_action_groups_open_tasks_by_week(self):
        action = self.env.ref("acct_firm_crm.action_acct_deadlines")
        context = ast.literal_eval(action.context)
        self.assertEqual(context.get("search_default_group_week"), 1)
        self.assertEqual(context.get("search_default_open"), 1)
        search = self.env.ref("acct_firm_crm.view_task_search_acct_deadlines")
        self.assertIn("'group_by': 'acct_due_week:week'", search.arch)
        with freeze_time("2026-02-06"):
            self._recompute_weeks()
            groups = self.env["project.task"].read_group(
                [("id", "in", self.tasks.ids)],
                ["acct_effective_date"],
                ["acct_due_week:week"],
            )
        weeks = [group["acct_due_week:week"] for group in groups]
        self.assertGreater(len(weeks), 1)
        starts = [
            min(self.tasks.filtered_domain(group["__domain"]).mapped("acct_effective_date"))
            for group in groups
        ]
        self.assertEqual(starts, sorted(starts), "the oldest week first")

    def test_late_task_of_this_week_is_grouped_as_late(self):
        """On Wednesday 18 February, the VAT return due Monday 16 is late: it is in the "Late"
        group, first, not in the week of 16 February with a task due on Friday 20."""
        vat = self._vat()
        friday = (self.tasks - vat)[0]
        friday.acct_effective_date = D("2026-02-20")
        Task = self.env["project.task"]
        with freeze_time("2026-02-16"):  # due today: not late yet
            self._recompute_weeks()
        self.assertEqual(vat.acct_due_week, D("2026-02-16"))
        with freeze_time("2026-02-18"):
            # The daily job moves the task that became late since yesterday.
            moved = Task._acct_refresh_due_week()
            self.assertIn(vat, moved)
            self.assertNotIn(friday, moved)
            groups = Task.read_group(
                [("id", "in", self.tasks.ids), ("state", "not in", ["1_done", "1_canceled"])],
                ["acct_effective_date"],
                ["acct_due_week:week"],
            )
        late = groups[0]
        self.assertEqual(late["acct_due_week:week"], "Late")
        self.assertIn(vat, Task.search(late["__domain"]))
        self.assertNotIn(friday, Task.search(late["__domain"]))
        this_week = next(g for g in groups if friday in Task.search(g["__domain"]))
        self.assertNotEqual(this_week, late)
        # A week is named with its dates (the test user's language starts weeks on Sunday).
        self.assertRegex(this_week["acct_due_week:week"], r"^Week \d+: 02/15/2026 - 02/21/2026$")
        self.assertNotIn(vat, Task.search(this_week["__domain"]))
        # Done, it leaves the late group for its own week again.
        with freeze_time("2026-02-18"):
            vat.state = "1_done"
            self.assertEqual(vat.acct_due_week, D("2026-02-16"))
