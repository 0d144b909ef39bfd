# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .acct_timesheet_timer import DEFAULT_ROUNDING_MINUTES, ROUNDING_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    acct_reminder_days = fields.Integer(related="company_id.acct_reminder_days", readonly=False)
    acct_billing_post_invoices = fields.Boolean(
        string="Post engagement invoices",
        config_parameter="acct_firm_crm.billing_post_invoices",
        help="The billing run posts the invoices it creates; otherwise they stay in draft for "
        "a review before they are sent.",
    )

    acct_timer_rounding_minutes = fields.Integer(
        string="Round timers up to (minutes)",
        config_parameter=ROUNDING_PARAM,
        default=DEFAULT_ROUNDING_MINUTES,
        help="A stopped timer logs its time rounded up to this many minutes (1: to the minute).",
    )

    @api.constrains("acct_timer_rounding_minutes")
    def _check_acct_timer_rounding_minutes(self):
        for settings in self:
            if not 1 <= settings.acct_timer_rounding_minutes <= 240:
                raise ValidationError(
                    self.env._(
                        "Timers are rounded up to 1 to 240 minutes, not %(minutes)s "
                        "(1 means to the minute).",
                        minutes=settings.acct_timer_rounding_minutes,
                    )
                )
