# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AcctComplaint(models.Model):
    """A client's complaint, managed to a resolution and counted in the client's metrics."""

    _name = "acct.complaint"
    _description = "Client complaint"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Subject", required=True, tracking=True)
    # The firm's company that keeps the register entry (multi-company: the company rule).
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    client_id = fields.Many2one(
        "res.partner",
        check_company=True,
        required=True,
        index=True,
        tracking=True,
        domain=[("acct_is_firm_client", "=", True)],
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    channel = fields.Selection(
        [
            ("email", "E-mail"),
            ("phone", "Phone"),
            ("portal", "Portal"),
            ("sms", "SMS"),
            ("in_person", "In person"),
        ],
        required=True,
        default="email",
    )
    severity = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")],
        required=True,
        default="medium",
        tracking=True,
    )
    state = fields.Selection(
        [
            ("new", "New"),
            ("in_review", "In review"),
            ("resolved", "Resolved"),
            ("rejected", "Rejected"),
        ],
        string="Status",
        required=True,
        default="new",
        tracking=True,
    )
    description = fields.Html()
    resolution = fields.Html()
    user_id = fields.Many2one(
        "res.users", string="Responsible", tracking=True, default=lambda self: self.env.user
    )

    @api.constrains("client_id")
    def _check_firm_client(self):
        self.client_id._acct_ensure_firm_client(self.env._("a complaint"))

    @api.model_create_multi
    def create(self, vals_list):
        complaints = super().create(vals_list)
        complaints._schedule_review()
        return complaints

    def _schedule_review(self):
        """A review to-do for the client's accountant (its salesperson), else a manager."""
        manager = self.env.ref("acct_firm_crm.group_acct_firm_manager").sudo().users[:1]
        for complaint in self:
            reviewer = complaint.client_id.user_id or manager or self.env.user
            complaint.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.with_context(lang=self.env.company._acct_lang()).env._(
                    "Review the complaint of %(client)s", client=complaint.client_id.name
                ),
                user_id=reviewer.id,
            )

    def action_review(self):
        self.write({"state": "in_review"})

    def action_resolve(self):
        self.write({"state": "resolved"})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_reject(self):
        self.write({"state": "rejected"})
        self.activity_feedback(["mail.mail_activity_data_todo"])
