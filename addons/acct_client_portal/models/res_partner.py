# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    acct_portal_access_ids = fields.One2many(
        "acct.portal.access",
        "client_id",
        string="Portal access",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_upload_request_ids = fields.One2many(
        "acct.upload.request",
        "client_id",
        string="Documents asked from the client",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_portal_log_count = fields.Integer(
        string="Portal log",
        compute="_compute_acct_portal_log_count",
        groups="acct_firm_crm.group_acct_firm_user",
    )

    def _compute_acct_portal_log_count(self):
        counts = dict(
            self.env["acct.portal.log"]._read_group(
                [("client_id", "in", self.ids)], ["client_id"], ["__count"]
            )
        )
        for partner in self:
            partner.acct_portal_log_count = counts.get(partner, 0)

    def action_acct_portal_reset_access(self):
        """Back to the categories' defaults: the client's and its contacts' choices go, and
        the client gets one line per category with the category's default to edit."""
        self.ensure_one()
        self.acct_portal_access_ids.unlink()
        categories = self.env["acct.document.category"].search([("active", "=", True)])
        self.env["acct.portal.access"].create(
            [
                {"client_id": self.id, "category_id": category.id, "access": category.portal_access}
                for category in categories
            ]
        )

    def action_acct_open_portal_log(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acct_client_portal.action_acct_portal_log"
        )
        action["domain"] = [("client_id", "=", self.id)]
        action["context"] = {"search_default_group_event": 0}
        return action
