# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    _inherit = "res.partner"

    acct_is_firm_client = fields.Boolean(
        string="Firm client",
        tracking=True,
        help="The firm keeps this company's or person's books: it carries a tax profile, "
        "statutory obligations and a client code.",
    )
    acct_client_code = fields.Char(
        string="Client code",
        copy=False,
        index="btree_not_null",
        tracking=True,
        help="The firm's own short reference of the client, unique across clients.",
    )

    _sql_constraints = [
        (
            "acct_client_code_unique",
            "UNIQUE(acct_client_code)",
            "Another client already has this client code.",
        ),
    ]

    @api.constrains("acct_is_firm_client", "acct_client_code", "is_company", "parent_id")
    def _check_acct_firm_client(self):
        for partner in self:
            if not partner.acct_is_firm_client:
                continue
            if partner.parent_id:
                # A contact person works *for* a client; the profile lives on the client itself.
                raise ValidationError(
                    self.env._(
                        "%(name)s is a contact of %(parent)s: mark the company as the firm "
                        "client instead.",
                        name=partner.name,
                        parent=partner.parent_id.display_name,
                    )
                )
            if not (partner.acct_client_code or "").strip():
                raise ValidationError(
                    self.env._(
                        "A firm client needs a client code: %(name)s has none.", name=partner.name
                    )
                )
