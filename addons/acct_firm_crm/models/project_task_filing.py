# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ProjectTask(models.Model):
    """When a task was done and, for a filing, the reference the authority gave it: what the
    statement of work shows the client."""

    _inherit = "project.task"

    acct_date_done = fields.Date(
        "Date done",
        compute="_compute_acct_date_done",
        store=True,
        readonly=False,
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

    @api.depends("state")
    def _compute_acct_date_done(self):
        for task in self:
            if task.state != "1_done":
                task.acct_date_done = False
            elif not task.acct_date_done:
                # Tasks done before this field existed keep the day they last moved.
                moved = task.date_end or task.date_last_stage_update
                task.acct_date_done = (
                    fields.Date.to_date(moved) if moved else fields.Date.context_today(task)
                )
