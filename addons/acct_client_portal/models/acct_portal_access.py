# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

from acct_firm_core.portal_policy import effective_rights

from .acct_document_category import PORTAL_CHOICES


class AcctPortalAccess(models.Model):
    """The firm's choice for one client (or one of its contacts) and one document category.

    A category without a line takes its default (``acct.document.category.portal_access``).
    This model is the one place the portal's rights are decided: the record rules of the
    documents and the portal's controllers both ask :meth:`_category_ids_for_user`.
    """

    _name = "acct.portal.access"
    _description = "Portal access to a document category"
    _order = "client_id, contact_id desc, category_id"

    client_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("acct_is_firm_client", "=", True)],
    )
    contact_id = fields.Many2one(
        "res.partner",
        ondelete="cascade",
        domain="[('parent_id', '=', client_id)]",
        help="Leave empty for the client as a whole; a contact never gets more than the client.",
    )
    category_id = fields.Many2one(
        "acct.document.category", string="Document category", required=True, ondelete="cascade"
    )
    access = fields.Selection(PORTAL_CHOICES, required=True, default="both")

    def init(self):
        # One choice per client (or contact) and category; the client's own line has no
        # contact, which a plain UNIQUE would let repeat.
        tools.create_unique_index(
            self.env.cr,
            "acct_portal_access_client_contact_category_uniq",
            self._table,
            ["client_id", "COALESCE(contact_id, 0)", "category_id"],
        )

    @api.constrains("client_id", "contact_id")
    def _check_contact_of_client(self):
        for line in self:
            if line.contact_id and line.contact_id.commercial_partner_id != line.client_id:
                raise ValidationError(
                    self.env._(
                        "%(contact)s is not a contact of %(client)s.",
                        contact=line.contact_id.display_name,
                        client=line.client_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        self.env.registry.clear_cache()
        return lines

    def write(self, vals):
        result = super().write(vals)
        self.env.registry.clear_cache()
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()
        return result

    @api.model
    def _rights_by_category(self, partner):
        """``{category: frozenset of 'download'/'upload'}`` for a portal user's partner."""
        client = partner.commercial_partner_id
        # Every active category (a firm keeps a dozen or two).
        categories = self.env["acct.document.category"].sudo().search([("active", "=", True)])
        if not client.acct_is_firm_client:
            return {category: frozenset() for category in categories}
        lines = self.sudo().search(
            [("client_id", "=", client.id), ("contact_id", "in", [False, partner.id])]
        )
        client_choice = {line.category_id: line.access for line in lines if not line.contact_id}
        contact_choice = {line.category_id: line.access for line in lines if line.contact_id}
        return {
            category: effective_rights(
                category.portal_access,
                restricted=category.portal_restricted,
                client_choice=client_choice.get(category),
                contact_choice=contact_choice.get(category),
                is_contact=partner != client,
            )
            for category in categories
        }

    @api.model
    def _category_ids_for_user(self, user, right):
        """Ids of the categories ``user`` may ``right`` ('download' or 'upload')."""
        if not user.share:
            return []
        rights = self._rights_by_category(user.sudo().partner_id)
        return [category.id for category, granted in rights.items() if right in granted]
