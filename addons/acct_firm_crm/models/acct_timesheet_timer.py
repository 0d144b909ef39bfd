# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from acct_firm_core.timesheets import minutes_to_hours, rounded_minutes

ROUNDING_PARAM = "acct_firm_crm.timer_rounding_minutes"
DEFAULT_ROUNDING_MINUTES = 15


class AcctTimesheetTimer(models.Model):
    """A start/stop timer of one user on one task (Odoo's ``timer`` module is Enterprise).

    The state lives in the database, so a running timer survives a page reload, another
    browser or another device. One timer runs per user at a time: a partial unique index on
    running rows makes a second one impossible even for two requests at once. Starting a timer
    on another task stops the running one first (its time is logged): an accountant who moves
    to the next client should not lose the time of the previous one. Stopped timers stay as
    the history of what was measured, with the time report they produced.
    """

    _name = "acct.timesheet.timer"
    _description = "Time report timer"
    _order = "date_start desc, id desc"
    _rec_name = "task_id"

    user_id = fields.Many2one(
        "res.users",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        ondelete="cascade",
        index=True,
    )
    task_id = fields.Many2one("project.task", required=True, ondelete="cascade", index=True)
    work_type_id = fields.Many2one("acct.work.type", string="Work type", ondelete="set null")
    description = fields.Char()
    date_start = fields.Datetime(string="Started", required=True, default=fields.Datetime.now)
    date_stop = fields.Datetime(string="Stopped", readonly=True)
    running = fields.Boolean(compute="_compute_running", store=True)
    timesheet_id = fields.Many2one(
        "account.analytic.line", string="Time report", readonly=True, ondelete="set null"
    )
    company_id = fields.Many2one(related="task_id.company_id", store=True)

    def init(self):
        # At most one running timer per user, enforced by the database (18.0 has no
        # models.Constraint with a WHERE clause, so the partial index is created here).
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS acct_timesheet_timer_one_running_per_user
                ON acct_timesheet_timer (user_id) WHERE date_stop IS NULL
            """
        )

    def write(self, vals):
        if "user_id" in vals and any(timer.user_id.id != vals["user_id"] for timer in self):
            raise UserError(
                self.env._("A timer stays with the user who started it: it cannot be handed over.")
            )
        return super().write(vals)

    @api.depends("date_stop")
    def _compute_running(self):
        for timer in self:
            timer.running = not timer.date_stop

    @api.model
    def _rounding_minutes(self):
        # Reading a system parameter needs sudo; it is a plain number, not a secret.
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(ROUNDING_PARAM, DEFAULT_ROUNDING_MINUTES)
        )
        try:
            return max(int(value), 0)
        except (TypeError, ValueError):
            return DEFAULT_ROUNDING_MINUTES

    @api.model
    def _running_for_user(self, user=None):
        user = user or self.env.user
        return self.search([("user_id", "=", user.id), ("date_stop", "=", False)], limit=1)

    @api.model
    def _start(self, task, work_type=None, description=None):
        """Start the current user's timer on ``task``, stopping (and logging) any other."""
        task.ensure_one()
        task = task.with_env(self.env)  # the timer's user is the one who logs the time
        task.check_access("read")
        if not task.project_id:
            raise UserError(
                self.env._("A private task has no project: time cannot be logged on it.")
            )
        task._acct_current_employee()  # refuse early: the stop could not log anything
        running = self._running_for_user()
        if running.task_id == task:
            return running
        if running:
            running._stop()
        return self.create(
            {
                "user_id": self.env.uid,
                "task_id": task.id,
                "work_type_id": work_type.id if work_type else False,
                "description": description or False,
            }
        )

    def _stop(self, now=None):
        """Stop the timer and log its elapsed time, rounded up by the firm's setting."""
        self.ensure_one()
        if self.date_stop:
            raise UserError(self.env._("This timer was already stopped."))
        if self.user_id != self.env.user:
            raise UserError(self.env._("You can only stop your own timer."))
        now = now or fields.Datetime.now()
        elapsed = max((now - self.date_start).total_seconds(), 0)
        minutes = rounded_minutes(elapsed, self._rounding_minutes())
        task = self.task_id
        employee = task._acct_current_employee()
        line = self.env["account.analytic.line"].create(
            {
                "task_id": task.id,
                "project_id": task.project_id.id,
                "employee_id": employee.id,
                "acct_work_type_id": self.work_type_id.id,
                "name": self.description or self.work_type_id.name or task.name,
                "unit_amount": minutes_to_hours(minutes),
                "date": fields.Date.context_today(self, self.date_start),
            }
        )
        self.write({"date_stop": now, "timesheet_id": line.id})
        # The partial unique index sees the timer stopped only once the row is written: flush
        # now so that a timer started right after (on another task) can be inserted.
        self.flush_recordset(["date_stop"])
        return line
