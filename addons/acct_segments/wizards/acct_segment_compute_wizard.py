# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields, models


def _last_month(wizard):
    return fields.Date.context_today(wizard).replace(day=1) - relativedelta(months=1)


class AcctSegmentComputeWizard(models.TransientModel):
    _name = "acct.segment.compute.wizard"
    _description = "Compute client segments"

    month = fields.Date(
        required=True,
        default=_last_month,
        help="Any day of the month to compute; that month's snapshot is replaced, the others "
        "stay as they are.",
    )

    def action_compute(self):
        self.ensure_one()
        self.env["acct.segment.snapshot"].check_access("create")
        month = self.month.replace(day=1)
        self.env["acct.segment.snapshot"].sudo()._compute_month(month)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acct_segments.action_acct_segment_snapshot"
        )
        action["context"] = {"search_default_month": fields.Date.to_string(month)}
        action["domain"] = [("month", "=", month)]
        return action
