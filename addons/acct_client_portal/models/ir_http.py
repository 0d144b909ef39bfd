# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        # The conversation of a request is Odoo's portal chatter, built from mail's
        # components ("Attach files", "Today at 13:33"): their words are mail's terms,
        # which the portal pages would otherwise not load.
        return super()._get_translation_frontend_modules_name() + ["mail"]
