# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The time-reporting side of ``project.task``: one-click presets and the timer."""

from odoo import api, fields, models
from odoo.exceptions import UserError


class ProjectTask(models.Model):
    _inherit = "project.task"

    acct_preset_ids = fields.Many2many(
        "acct.timesheet.preset",
        string="Quick log",
        compute="_compute_acct_preset_ids",
        groups="acct_firm_crm.group_acct_firm_user",
        help="Routine operations logged in one click for you on this task.",
    )
    acct_timer_id = fields.Many2one(
        "acct.timesheet.timer",
        string="Your timer",
        compute="_compute_acct_timer_id",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_timer_start = fields.Datetime(
        string="Timer running since",
        compute="_compute_acct_timer_id",
        groups="acct_firm_crm.group_acct_firm_user",
    )

    @api.depends_context("allowed_company_ids")
    def _compute_acct_preset_ids(self):
        presets = self.env["acct.timesheet.preset"].search(
            [("company_id", "in", [False, *self.env.companies.ids])]
        )
        self.acct_preset_ids = presets

    @api.depends_context("uid")
    def _compute_acct_timer_id(self):
        # One query for the whole recordset: the current user's running timer, if any.
        running = self.env["acct.timesheet.timer"].search(
            [("user_id", "=", self.env.uid), ("date_stop", "=", False), ("task_id", "in", self.ids)]
        )
        for task in self:
            timer = running.filtered(lambda t, task=task: t.task_id == task)[:1]
            task.acct_timer_id = timer
            task.acct_timer_start = timer.date_start

    def _acct_current_employee(self):
        """The current user's employee in the task's company, or a clear error."""
        self.ensure_one()
        company = self.company_id or self.env.company
        # hr.employee is HR's data; only the existence of the user's own employee is read here.
        employee = (
            self.env["hr.employee"]
            .sudo()
            .search([("user_id", "=", self.env.uid), ("company_id", "=", company.id)], limit=1)
        )
        if not employee:
            raise UserError(
                self.env._(
                    "%(user)s has no employee in %(company)s, so no time can be logged. Ask the "
                    "office manager to create an employee linked to your user "
                    "(Employees > New, tab HR Settings, field Related User).",
                    user=self.env.user.name,
                    company=company.name,
                )
            )
        return employee.sudo(False)

    def _acct_log_preset(self, preset):
        """Log ``preset`` on this task for the current user; returns the time report."""
        self.ensure_one()
        self.check_access("read")
        if not self.project_id:
            raise UserError(
                self.env._("A private task has no project: time cannot be logged on it.")
            )
        employee = self._acct_current_employee()
        return self.env["account.analytic.line"].create(
            preset._prepare_timesheet_values(self, employee)
        )

    def action_acct_timer_start(self):
        self.ensure_one()
        Timer = self.env["acct.timesheet.timer"]
        previous = Timer._running_for_user()
        Timer._start(self)
        if previous and previous.task_id != self:
            # The timer of the previous task was stopped and its time logged: say so.
            return previous.task_id._acct_logged_notification(previous.timesheet_id)
        return True

    def action_acct_timer_stop(self):
        self.ensure_one()
        timer = self.acct_timer_id
        if not timer:
            raise UserError(self.env._("You have no timer running on this task."))
        line = timer._stop()
        return self._acct_logged_notification(line)

    def _acct_logged_notification(self, line):
        """Tell the user what was logged, then reload the form to show the new line."""
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(hours)s logged on %(task)s.",
                    hours=self._acct_format_hours(line.unit_amount),
                    task=self.display_name,
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.model
    def _acct_format_hours(self, hours):
        minutes = round(hours * 60)
        return f"{minutes // 60}:{minutes % 60:02d}"
