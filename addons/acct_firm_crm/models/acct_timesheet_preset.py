# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class AcctTimesheetPreset(models.Model):
    """A routine operation an accountant logs in one click on a task ("VAT return, 30 min").

    The task form lists the active presets as small cards with one button each (see
    ``project_task_time_views.xml``): one click logs the time for the current user. Buttons in
    an x2many kanban are plain Odoo, need no JavaScript, and follow the presets the office
    manager adds without touching any view; a "quick log" wizard would cost a second click.
    """

    _name = "acct.timesheet.preset"
    _description = "One-click time report preset"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    work_type_id = fields.Many2one(
        "acct.work.type", string="Work type", required=True, ondelete="restrict"
    )
    minutes = fields.Integer(required=True, default=30)
    description = fields.Char(
        translate=True,
        help="Description of the time report; the preset's name when empty.",
    )
    company_id = fields.Many2one("res.company", help="Leave empty to share across companies.")

    _sql_constraints = [
        (
            "minutes_positive",
            "CHECK(minutes > 0)",
            "A preset must log a positive number of minutes.",
        ),
    ]

    @api.constrains("minutes")
    def _check_minutes(self):
        for preset in self:
            if preset.minutes > 24 * 60:
                raise ValidationError(
                    self.env._(
                        "%(name)s: %(minutes)s minutes is more than a day.",
                        name=preset.name,
                        minutes=preset.minutes,
                    )
                )

    @api.onchange("work_type_id")
    def _onchange_work_type_id(self):
        if self.work_type_id and self.work_type_id.default_minutes:
            self.minutes = self.work_type_id.default_minutes

    def action_log_on_task(self):
        """Button of the preset cards on the task form: the task comes in the context."""
        self.ensure_one()
        task_id = self.env.context.get("acct_task_id")
        if not task_id:
            raise UserError(self.env._("Save the task first, then log time on it."))
        task = self.env["project.task"].browse(task_id)
        return task._acct_logged_notification(task._acct_log_preset(self))

    def _prepare_timesheet_values(self, task, employee):
        self.ensure_one()
        return {
            "task_id": task.id,
            "project_id": task.project_id.id,
            "employee_id": employee.id,
            "acct_work_type_id": self.work_type_id.id,
            "name": self.description or self.name,
            "unit_amount": self.minutes / 60.0,
            "date": fields.Date.context_today(self),
        }
