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

    def test_action_groups_open_tasks_by_week(self):
        action = self.env.ref("acct_firm_crm.action_acct_deadlines")
        context = ast.literal_eval(action.context)
        self.assertEqual(context.get("search_default_group_week"), 1)
        self.assertEqual(context.get("search_default_open"), 1)
        groups = self.env["project.task"].read_group(
            [("id", "in", self.tasks.ids)],
            ["acct_effective_date"],
            ["acct_effective_date:week"],
        )
        weeks = [group["acct_effective_date:week"] for group in groups]
        self.assertGreater(len(weeks), 1)
        starts = [
            min(self.tasks.filtered_domain(group["__domain"]).mapped("acct_effective_date"))
            for group in groups
        ]
        self.assertEqual(starts, sorted(starts), "the oldest week first")
