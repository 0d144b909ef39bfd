# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .acct_document_category import RETENTION_CLASSES
from .acct_register_mixin import firm_client_field

MONTHS = [(str(month), str(month).zfill(2)) for month in range(1, 13)]


class AcctClientDocument(models.Model):
    """One document of a firm client: the register the client portal shows and fills."""

    _name = "acct.client.document"
    _description = "Client document"
    _inherit = ["acct.register.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "year desc, month desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    # The firm's company that keeps the register entry (multi-company: the company rule).
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    client_id = firm_client_field()
    # Stored as an attachment bound to this field: reading it needs access to the document
    # itself, so a portal controller checks the document and streams the field, never a token.
    file = fields.Binary(attachment=True, required=True)
    file_name = fields.Char()
    category_id = fields.Many2one("acct.document.category", required=True, tracking=True)
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
        aggregator=None,
    )
    month = fields.Selection(MONTHS, help="Leave empty for a document of the whole year.")
    origin = fields.Selection(
        [("firm", "Firm"), ("client", "Client")],
        required=True,
        default="firm",
        tracking=True,
        help="Who produced the document: the firm, or the client who handed or uploaded it.",
    )
    visible_to_client = fields.Boolean(
        tracking=True, help="The client's portal users may see and download it."
    )
    retention_class = fields.Selection(
        RETENTION_CLASSES,
        compute="_compute_retention_class",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        tracking=True,
    )
    description = fields.Text()

    @api.depends("category_id")
    def _compute_retention_class(self):
        for document in self:
            document.retention_class = document.category_id.retention_class or "other"

    def _acct_register_label(self):
        return self.env._("a client document")

    @api.constrains("year")
    def _check_year(self):
        for document in self:
            if not 1900 <= document.year <= 2999:
                raise ValidationError(
                    self.env._("%(year)s is not a valid year.", year=document.year)
                )
