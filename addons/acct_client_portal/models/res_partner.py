# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# The partner fields the portal's record rules read (res.users._acct_portal_may and
# _acct_portal_is_owner): the rules' cached domains must follow a change of any of them.
PORTAL_RULE_FIELDS = {
    "parent_id",
    "acct_is_firm_client",
    "acct_portal_owner",
    "acct_portal_requests",
    "acct_portal_work",
    "acct_portal_deadlines",
    "acct_portal_profile",
}


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
    # What the portal shows besides the documents. On the client (the company) the flags say
    # what the client as a whole gets; on a contact, what that contact gets of it. The owner
    # (the company's own login, or a contact marked owner) gets all the client gets and sees
    # every request of the client, not only its own. res.users._acct_portal_may decides.
    acct_portal_owner = fields.Boolean(
        string="Owner on the portal",
        help="Sees every request of the client and gets every page the client gets.",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_portal_requests = fields.Boolean(
        string="Requests",
        default=True,
        help="May ask the firm for documents and tasks and follow them on the portal.",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_portal_work = fields.Boolean(
        string="Statement of work",
        default=True,
        help="May read the statement of the work done, with the period's invoices.",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_portal_deadlines = fields.Boolean(
        string="Deadlines and authorisations",
        default=True,
        help="May read the client's statutory deadlines and powers of attorney.",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_portal_profile = fields.Boolean(
        string="Master data",
        default=True,
        help="May propose changes to the client's master data (the firm approves them).",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    # The contact's own choice of e-mails, switched off on the portal.
    acct_notify_request_done = fields.Boolean(string="E-mail when a request is done", default=True)
    acct_notify_document_needed = fields.Boolean(
        string="E-mail when the firm needs a document", default=True
    )
    acct_notify_authorisation_end = fields.Boolean(
        string="E-mail before an authorisation ends", default=True
    )
    acct_portal_log_count = fields.Integer(
        string="Portal log",
        compute="_compute_acct_portal_log_count",
        groups="acct_firm_crm.group_acct_firm_user",
    )

    def _compute_acct_portal_log_count(self):
        self._acct_set_counts("acct_portal_log_count", "acct.portal.log")

    def write(self, vals):
        result = super().write(vals)
        # The rules' cached domains follow their fields, and the archiving of a contact
        # that has a portal login (the one place the portal's rule caches are cleared).
        if PORTAL_RULE_FIELDS & set(vals) or (
            "active" in vals and self.sudo().with_context(active_test=False).user_ids
        ):
            self.env.registry.clear_cache()
        return result

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
