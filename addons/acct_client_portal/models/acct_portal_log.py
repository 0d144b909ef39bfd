# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

EVENTS = [
    ("download", "Download"),
    ("download_zip", "Download of a year (ZIP)"),
    ("preview", "Preview"),
    ("upload", "Upload"),
    ("request_upload", "File sent with a request"),
    ("request_download", "File of a request downloaded"),
]


class AcctPortalLog(models.Model):
    """One download, preview or upload on the client portal, or its refusal.

    Rows are written by the portal's controllers only and never edited or deleted by users;
    the retention job removes them after the years set in the settings.
    """

    _name = "acct.portal.log"
    _description = "Client portal audit log"
    _order = "create_date desc, id desc"
    _rec_name = "file_name"

    event = fields.Selection(EVENTS, required=True, readonly=True)
    result = fields.Selection(
        [("done", "Done"), ("refused", "Refused")], required=True, readonly=True
    )
    reason = fields.Char(string="Reason of the refusal", readonly=True)
    user_id = fields.Many2one("res.users", string="Portal user", readonly=True, index=True)
    contact_id = fields.Many2one("res.partner", readonly=True)
    client_id = fields.Many2one("res.partner", readonly=True, index=True)
    document_id = fields.Many2one("acct.client.document", readonly=True, ondelete="set null")
    task_id = fields.Many2one(
        "project.task", string="Request", readonly=True, index="btree_not_null", ondelete="set null"
    )
    category_id = fields.Many2one("acct.document.category", readonly=True)
    file_name = fields.Char(string="File", readonly=True)
    year = fields.Integer(readonly=True, aggregator=None)
    document_count = fields.Integer(string="Documents", readonly=True, default=1)
    ip_address = fields.Char(string="IP address", readonly=True)
    company_id = fields.Many2one(
        "res.company", readonly=True, default=lambda self: self.env.company, index=True
    )

    def write(self, vals):
        if self:
            raise UserError(self.env._("The portal audit log cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_by_the_retention_job(self):
        if not self.env.context.get("acct_portal_log_retention") or not self.env.su:
            raise UserError(self.env._("The portal audit log cannot be deleted."))

    @api.model
    def _log(self, event, result="done", **values):
        """Writes one row for the current request's user (with elevated rights: portal users
        may not create log rows themselves)."""
        from odoo.http import request

        user = self.env.user
        values.update(
            event=event,
            result=result,
            user_id=user.id,
            contact_id=user.partner_id.id,
            client_id=values.get("client_id") or user.partner_id.commercial_partner_id.id,
            ip_address=request.httprequest.remote_addr if request else False,
        )
        return self.sudo().create(values)

    @api.model
    def _cron_purge_old_rows(self):
        """Removes rows older than each company's retention (in years); safe to run twice."""
        for company in self.env["res.company"].sudo().search([("active", "in", (True, False))]):
            years = company.acct_portal_log_retention_years
            if years <= 0:
                continue
            limit = fields.Datetime.now() - relativedelta(years=years)
            old = self.sudo().search([("company_id", "=", company.id), ("create_date", "<", limit)])
            old.with_context(acct_portal_log_retention=True).unlink()
