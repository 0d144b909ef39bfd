# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.acct_firm_crm.models.acct_client_document import MONTHS


class AcctUploadRequest(models.Model):
    """The firm asks a client for a document of a category and period; the client's upload
    of a matching document fulfils it."""

    _name = "acct.upload.request"
    _description = "Document asked from the client"
    _inherit = ["mail.thread"]
    _order = "state, date_due, id"

    name = fields.Char(string="What the firm asks for", required=True, tracking=True)
    client_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("acct_is_firm_client", "=", True)],
    )
    category_id = fields.Many2one("acct.document.category", required=True)
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year, aggregator=None
    )
    month = fields.Selection(MONTHS, help="Leave empty for a document of the whole year.")
    date_due = fields.Date(string="Needed by")
    state = fields.Selection(
        [("open", "Open"), ("done", "Received")], default="open", required=True, tracking=True
    )
    document_id = fields.Many2one(
        "acct.client.document", string="Received as", readonly=True, ondelete="set null"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.constrains("client_id")
    def _check_firm_client(self):
        for request in self:
            if not request.client_id.acct_is_firm_client:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is not a client of the firm.",
                        partner=request.client_id.display_name,
                    )
                )

    def _fulfil_with(self, documents):
        """Marks the open requests that ``documents`` answer (same client, category, year
        and month) as received."""
        for document in documents:
            matching = self.filtered(
                lambda r, d=document: (
                    r.state == "open"
                    and r.client_id == d.client_id
                    and r.category_id == d.category_id
                    and r.year == d.year
                    and (not r.month or r.month == d.month)
                )
            )
            matching.write({"state": "done", "document_id": document.id})
