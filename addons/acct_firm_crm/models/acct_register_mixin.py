# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the firm's registers about a client share: the client field, the number given on
create, the rule that the client is a firm client, and, for the registers that prove
something happened, the rule that an entry is never deleted."""

from odoo import api, fields, models
from odoo.exceptions import UserError


def firm_client_field(**attributes):
    """The register's client: a firm client of the register's company, kept (``restrict``)
    while an entry names it, tracked in the chatter."""
    return fields.Many2one(
        "res.partner",
        check_company=True,
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain=[("acct_is_firm_client", "=", True)],
        **attributes,
    )


class AcctRegisterMixin(models.AbstractModel):
    """A register of the firm about its clients (documents, protocols, powers of attorney,
    archive folders). A model sets:

    - ``_acct_client_field``: the field holding the client (a :func:`firm_client_field`);
    - ``_acct_number_field``: the field numbered on create from the ``ir.sequence`` whose code
      is the model's name, when it is empty or "/" (None: no number);
    - ``_acct_never_deleted``: entries prove what happened and are never deleted;
      :meth:`_acct_never_deleted_message` then says what to do instead;
    - :meth:`_acct_register_label`: the register in a sentence ("a handover protocol").
    """

    _name = "acct.register.mixin"
    _description = "Register of the firm about a client"

    _acct_client_field = "client_id"
    _acct_number_field = None
    _acct_never_deleted = False

    def _acct_register_label(self):
        raise NotImplementedError

    def _acct_never_deleted_message(self):
        raise NotImplementedError

    @api.model_create_multi
    def create(self, vals_list):
        number = self._acct_number_field
        if number:
            for vals in vals_list:
                if vals.get(number, "/") == "/":
                    vals[number] = self.env["ir.sequence"].next_by_code(self._name)
        return super().create(vals_list)

    @api.constrains(
        lambda self: [name for name in [self._acct_client_field] if name in self._fields]
    )
    def _check_firm_client(self):
        self.mapped(self._acct_client_field)._acct_ensure_firm_client(self._acct_register_label())

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if self and self._acct_never_deleted:
            raise UserError(self._acct_never_deleted_message())
