# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    acct_reminder_days = fields.Integer(
        "Statutory reminder (days)",
        default=3,
        help="The assignee of a statutory task gets an activity this many days before its "
        "effective due date.",
    )

    def _acct_lang(self):
        """The language of the texts the firm writes for itself (task names, checklists,
        reminders, chatter lines): its company partner's, whoever runs the job."""
        company = self[:1] or self.env.company
        return company.sudo().partner_id.lang or "en_US"
