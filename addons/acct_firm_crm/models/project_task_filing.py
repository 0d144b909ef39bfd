# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.tools.sql import column_exists


# Kept apart from project_task.py: the statement of work's own fields and their upkeep.
# pylint: disable=consider-merging-classes-inherited
class ProjectTask(models.Model):
    """When a task was done and, for a filing, the reference the authority gave it: what the
    statement of work shows the client."""

    _inherit = "project.task"

    acct_date_done = fields.Date(
        "Date done",
        index="btree_not_null",
        copy=False,
        help="Set when the task is marked done (may be corrected); the statement of work "
        "counts the task in the period of this date.",
    )
    acct_filing_reference = fields.Char(
        "Filing reference",
        copy=False,
        help="The incoming number the authority gave the filing (e.g. the NRA's entry "
        "number of a return), shown to the client in the statement of work.",
    )

    def _auto_init(self):
        new_column = not column_exists(self.env.cr, self._table, "acct_date_done")
        result = super()._auto_init()
        if new_column:
            self._acct_fill_date_done()
        return result

    @api.model
    def _acct_fill_date_done(self):
        """Dates done of the tasks done before the field existed: the day they were closed
        when known, a filing no later than its due date, else the day they last changed."""
        self.env.cr.execute(
            """
            UPDATE project_task
               SET acct_date_done = COALESCE(
                       date_end::date,
                       LEAST(acct_effective_date, date_last_stage_update::date),
                       date_last_stage_update::date,
                       write_date::date)
             WHERE state = '1_done' AND acct_date_done IS NULL
            """
        )
        self.invalidate_model(["acct_date_done"])

    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        for vals in vals_list:
            if vals.get("state") == "1_done" and not vals.get("acct_date_done"):
                vals["acct_date_done"] = today
        return super().create(vals_list)

    def write(self, vals):
        if "state" not in vals or "acct_date_done" in vals:
            return super().write(vals)
        if vals["state"] != "1_done":
            return super().write({**vals, "acct_date_done": False})
        # Done now: today, unless the task already had its date (done again).
        undated = self.filtered(lambda task: not task.acct_date_done)
        result = super().write(vals)
        undated.acct_date_done = fields.Date.context_today(self)
        return result
