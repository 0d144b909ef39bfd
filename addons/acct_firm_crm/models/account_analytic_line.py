# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import config


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    acct_work_type_id = fields.Many2one(
        "acct.work.type",
        string="Work type",
        index="btree_not_null",
        ondelete="restrict",
        help="What was done: the firm's own classification of its time, used in reports and "
        "billing.",
    )
    acct_billable = fields.Boolean(
        string="Billable",
        related="acct_work_type_id.billable",
        store=True,
    )

    @api.onchange("acct_work_type_id")
    def _onchange_acct_work_type_id(self):
        # Propose the work type's usual time, never overwrite what the user typed.
        if self.acct_work_type_id and not self.unit_amount:
            self.unit_amount = self.acct_work_type_id.default_minutes / 60.0
        if self.acct_work_type_id and (not self.name or self.name == "/"):
            self.name = self.acct_work_type_id.name

    @api.model
    def _acct_generate_demo_time(self, activities, user_id, days=3 * 365):
        """Demo data: ``days`` back from yesterday, two to four time reports per working day
        (three years, as the invoices and tasks; a test run, which needs none, gets one).

        ``activities`` lists ``(task_id, work_type_id, (minutes, ...))``; the choice is seeded,
        so every demo database tells the same story.
        """
        if config["test_enable"]:
            days = min(days, 365)
        user = self.env["res.users"].browse(user_id)
        employee = user.employee_ids[:1]
        if not employee:
            return self.browse()
        rng = random.Random(2026)
        today = fields.Date.context_today(self)
        work_types = self.env["acct.work.type"].browse(
            {work_type for _t, work_type, _m in activities}
        )
        names = {work_type.id: work_type.name for work_type in work_types}
        tasks = self.env["project.task"].browse({task for task, _w, _m in activities})
        projects = {task.id: task.project_id.id for task in tasks}
        vals_list = []
        for offset in range(days, 0, -1):
            day = today - timedelta(days=offset)
            if day.weekday() >= 5:
                continue
            for task_id, work_type_id, minutes in rng.sample(activities, rng.randint(2, 4)):
                vals_list.append(
                    {
                        "date": day,
                        "task_id": task_id,
                        "project_id": projects[task_id],
                        "employee_id": employee.id,
                        "acct_work_type_id": work_type_id,
                        "name": names[work_type_id],
                        "unit_amount": rng.choice(minutes) / 60.0,
                    }
                )
        lines = self.create(vals_list)
        self.env["acct.firm.demo"]._analyze(("account_analytic_line",))
        return lines
