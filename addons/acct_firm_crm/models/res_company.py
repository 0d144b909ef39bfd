# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


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

    @api.model
    def _demo_speak_bulgarian(self):
        """Demo data: when Bulgarian is installed (``--load-language=bg_BG``), the demo firm
        and its clients speak it, so that the job writes their texts in Bulgarian."""
        if not self.env["res.lang"].search_count([("code", "=", "bg_BG")]):
            return False
        clients = self.env["res.partner"].search(
            [("acct_is_firm_client", "=", True), ("acct_client_code", "=like", "C0%")]
        )
        (self.env.company.partner_id | clients).lang = "bg_BG"
        # The module's own translations are loaded only after its demo data: the catalogue's
        # Bulgarian names are needed now, by the job that the demo runs next.
        self.env["ir.module.module"]._load_module_terms(["acct_firm_crm"], ["bg_BG"])
        return True
