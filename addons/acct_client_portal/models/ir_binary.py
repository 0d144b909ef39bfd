# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError


class IrBinary(models.AbstractModel):
    _inherit = "ir.binary"

    def _find_record_check_access(self, record, access_token, field):
        # Portal users get a client's documents through /my/accounting only, where every
        # download is checked against the policy and logged; /web/content and /web/image
        # (with or without a token) serve them none.
        if record._name == "acct.client.document" and not self.env.user._is_internal():
            raise AccessError(self.env._("Download the document from My accounting."))
        return super()._find_record_check_access(record, access_token, field)
