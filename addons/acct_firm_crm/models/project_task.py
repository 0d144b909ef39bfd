# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import re

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from odoo.addons.project.models.project_task import CLOSED_STATES

from .acct_nonworking_day import shift_window
from .acct_obligation_type import deadline_datetime

# The "week" of the open tasks past their effective date: a day before any real deadline, so
# that the Deadlines list, grouped by week, shows them first, in one group named "Late".
LATE_WEEK = datetime.date(1900, 1, 1)


class ProjectTask(models.Model):
    _inherit = "project.task"

    acct_client_id = fields.Many2one("res.partner", string="Firm client", index=True)
    acct_obligation_type_id = fields.Many2one(
        "acct.obligation.type", string="Obligation", index=True
    )
    acct_client_obligation_id = fields.Many2one(
        "acct.client.obligation", string="Client obligation", index="btree_not_null"
    )
    acct_period_code = fields.Char("Period", help="E.g. 2026-03, 2026-Q1, 2026, 2026/2.")
    acct_legal_date = fields.Date("Legal due date", help="The date written in the law.")
    acct_effective_date = fields.Date(
        "Effective due date",
        index=True,
        help="The legal date moved to the next working day; the task's deadline.",
    )
    acct_authorisation_missing = fields.Boolean(
        "No authorisation",
        compute="_compute_acct_authorisation_missing",
        search="_search_acct_authorisation_missing",
        help="The client has no active power of attorney for the firm before the authority "
        "of this obligation today: the firm cannot file it in the client's name.",
    )
    acct_days_left = fields.Integer(
        "Days left",
        compute="_compute_acct_days_left",
        help="Days from today to the effective due date; negative when late.",
    )
    acct_due_week = fields.Date(
        "Due week",
        compute="_compute_acct_due_week",
        store=True,
        help="The effective due date, grouped by week in the Deadlines list; the open tasks "
        "past it are grouped apart, first, as late (kept up to date by the daily reminders).",
    )
    acct_my_team = fields.Boolean(
        "My team",
        compute="_compute_acct_my_team",
        search="_search_acct_my_team",
        help="Assigned to someone you manage, or of a client you review.",
    )
    acct_reminder_sent = fields.Boolean("Reminder sent", copy=False)
    acct_escalated = fields.Boolean("Escalated to the reviewer", copy=False)

    _sql_constraints = [
        (
            "acct_statutory_period_unique",
            "UNIQUE(acct_client_id, acct_obligation_type_id, acct_period_code)",
            "This client already has a task for this obligation and period.",
        ),
    ]

    @api.depends("acct_effective_date")
    @api.depends_context("tz")
    def _compute_acct_days_left(self):
        today = fields.Date.context_today(self)
        for task in self:
            effective = task.acct_effective_date
            task.acct_days_left = (effective - today).days if effective else 0

    @api.depends("acct_effective_date", "state")
    def _compute_acct_due_week(self):
        today = fields.Date.context_today(self)
        for task in self:
            effective = task.acct_effective_date
            late = effective and effective < today and task.state not in CLOSED_STATES
            task.acct_due_week = LATE_WEEK if late else effective

    def _acct_refresh_due_week(self):
        """Move the open tasks whose effective date has passed since yesterday to the late
        group (the stored week does not change by itself when the day does)."""
        today = fields.Date.context_today(self)
        passed = self.search(
            [
                *self._acct_open_domain(),
                ("acct_due_week", ">", LATE_WEEK),
                ("acct_due_week", "<", today),
            ]
        )
        self.env.add_to_compute(self._fields["acct_due_week"], passed)
        passed.flush_recordset(["acct_due_week"])
        return passed

    def _read_group_format_result(self, rows_dict, lazy_groupby):
        """The Deadlines list's groups by due week: "Late", then each week with its dates
        ("Week 49: 30.11.2026 - 06.12.2026"), in the reader's language and date format."""
        result = super()._read_group_format_result(rows_dict, lazy_groupby)
        # The group's range holds LATE_WEEK (where a week starts depends on the language).
        late = fields.Date.to_string(LATE_WEEK)
        for group in lazy_groupby:
            if group != "acct_due_week:week":
                continue
            for row in rows_dict:
                period = (row.get("__range") or {}).get(group)
                if not period:
                    continue
                if period["from"] <= late < period["to"]:
                    row[group] = self.env._("Late")
                    continue
                week = re.match(r"W(\d+)", row[group] or "")
                row[group] = self.env._(
                    "Week %(week)s: %(start)s - %(end)s",
                    week=week.group(1) if week else "",
                    start=format_date(self.env, period["from"]),
                    end=format_date(
                        self.env,
                        fields.Date.to_date(period["to"]) - datetime.timedelta(days=1),
                    ),
                )
        return result

    @api.depends_context("uid")
    def _compute_acct_my_team(self):
        team = self.search([("id", "in", self.ids), ("acct_my_team", "=", True)])
        for task in self:
            task.acct_my_team = task in team

    def _search_acct_my_team(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(self.env._("Unsupported search on the team flag."))
        # The public directory every employee may read: who reports to the current user.
        reports = self.env["hr.employee.public"].search([("parent_id.user_id", "=", self.env.uid)])
        domain = [
            "|",
            ("user_ids", "in", reports.user_id.ids),
            ("acct_client_id.acct_reviewer_id", "=", self.env.uid),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends("acct_client_id", "acct_obligation_type_id.authority")
    def _compute_acct_authorisation_missing(self):
        missing = self._acct_tasks_without_authorisation()
        for task in self:
            task.acct_authorisation_missing = task in missing

    def _search_acct_authorisation_missing(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(self.env._("Unsupported search on the authorisation flag."))
        # Only open statutory tasks can lack an authorisation worth flagging.
        open_tasks = self.search(
            [
                ("acct_obligation_type_id.authority", "!=", False),
                ("state", "not in", list(CLOSED_STATES)),
            ]
        )
        missing = open_tasks._acct_tasks_without_authorisation()
        wanted = (operator == "=") == value
        return [("id", "in" if wanted else "not in", missing.ids)]

    def _acct_tasks_without_authorisation(self):
        """The statutory tasks of ``self`` whose client has, today, no active power of
        attorney before the obligation's authority (one grouped query for all of them)."""
        statutory = self.filtered(
            lambda t: t.acct_client_id and t.acct_obligation_type_id.authority
        )
        if not statutory:
            return self.browse()
        covered = self.env["acct.power.attorney"]._active_authorities(
            statutory.acct_client_id.ids, fields.Date.context_today(self)
        )
        return statutory.filtered(
            lambda t: (
                t.acct_obligation_type_id.authority not in covered.get(t.acct_client_id.id, ())
            )
        )

    def _acct_firm_env(self):
        """An environment in the firm's language, for the texts the firm writes for itself
        about this task (reminders, escalations), whoever runs the job."""
        self.ensure_one()
        company = self.company_id or self.acct_client_id.company_id
        return self.with_context(lang=company._acct_lang()).env

    @api.model
    def _acct_open_domain(self):
        return [("acct_obligation_type_id", "!=", False), ("state", "not in", list(CLOSED_STATES))]

    @api.model
    def _acct_recompute_effective_dates(self, affected):
        """Shift the effective dates of open tasks after non-working days changed.

        ``affected`` is a list of ``(country, date)``; done and cancelled tasks keep the
        date they were worked against.
        """
        if not affected:
            return self.browse()
        changed = self.browse()
        calendar = self.env["acct.nonworking.day"]._working_calendar()
        for country in {country for country, _day in affected}:
            first, last = shift_window([day for c, day in affected if c == country])
            tasks = self.search(
                [
                    *self._acct_open_domain(),
                    ("acct_obligation_type_id.country_id", "=", country.id),
                    ("acct_legal_date", ">=", first),
                    ("acct_legal_date", "<=", last),
                ]
            )
            for task in tasks:
                effective = calendar.effective(task.acct_legal_date, country)
                if effective != task.acct_effective_date:
                    task.write(
                        {
                            "acct_effective_date": effective,
                            "date_deadline": deadline_datetime(effective),
                        }
                    )
                    changed |= task
        return changed

    @api.model
    def _cron_acct_reminders(self, batch_size=500):
        """Remind the assignee N days before the effective date, and escalate overdue
        tasks to the client's reviewer, each once per task."""
        today = fields.Date.context_today(self)
        self._acct_refresh_due_week()
        todo = self.env.ref("mail.mail_activity_data_todo")
        days_by_company = {
            company.id: company.acct_reminder_days
            for company in self.env["res.company"].search_fetch(
                [("acct_reminder_days", ">=", 0)], ["acct_reminder_days"]
            )
        }
        default_days = self.env.company.acct_reminder_days
        horizon = today + datetime.timedelta(days=max(days_by_company.values(), default=0))
        candidates = self.search(
            [
                *self._acct_open_domain(),
                ("acct_reminder_sent", "=", False),
                ("acct_effective_date", "<=", horizon),
                ("user_ids", "!=", False),
            ]
        )
        # Each company has its own lead; the search used the longest one.
        remind = candidates.filtered(
            lambda task: (
                (task.acct_effective_date - today).days
                <= days_by_company.get(task.company_id.id, default_days)
            )
        )[:batch_size]
        for task in remind:
            env = task._acct_firm_env()
            task.activity_schedule(
                activity_type_id=todo.id,
                date_deadline=task.acct_effective_date,
                user_id=task.user_ids[0].id,
                summary=env._("Due %(date)s", date=format_date(env, task.acct_effective_date)),
            )
        remind.acct_reminder_sent = True
        done = len(remind)
        escalate = self.search(
            [
                *self._acct_open_domain(),
                ("acct_escalated", "=", False),
                ("acct_effective_date", "<", today),
                ("acct_client_id.acct_reviewer_id", "!=", False),
            ],
            limit=batch_size,
        )
        for task in escalate:
            env = task._acct_firm_env()
            task.activity_schedule(
                activity_type_id=todo.id,
                date_deadline=today,
                user_id=task.acct_client_id.acct_reviewer_id.id,
                summary=env._(
                    "Overdue since %(date)s", date=format_date(env, task.acct_effective_date)
                ),
            )
        escalate.acct_escalated = True
        done += len(escalate)
        remaining = 0 if done < batch_size else 1
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done

    # Time reporting: one-click presets and the start/stop timer.

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
