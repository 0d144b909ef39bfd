# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

PORTAL_CHOICES = [
    ("none", "None"),
    ("download", "Download"),
    ("upload", "Upload"),
    ("both", "Download and upload"),
]


class AcctDocumentCategory(models.Model):
    _inherit = "acct.document.category"

    portal_access = fields.Selection(
        PORTAL_CHOICES,
        string="Portal access by default",
        required=True,
        default="both",
        help="What a client's portal users may do with documents of this category, unless "
        "the firm sets otherwise on the client's Portal tab.",
    )
    portal_restricted = fields.Boolean(
        string="Restricted to named contacts",
        help="Payroll and personal data: a client's contacts see and send these documents "
        "only when the firm grants it to them by name.",
    )
    portal_max_size_mb = fields.Integer(
        string="Upload limit (MB)",
        default=20,
        help="The largest file a client may upload in this category.",
    )
    portal_billable = fields.Boolean(
        string="Uploads count for billing",
        help="Documents the client uploads in this category count as received documents "
        "of their period for per-document billing, like a confirmed handover protocol line.",
    )

    def write(self, vals):
        result = super().write(vals)
        if {"portal_access", "portal_restricted", "active"} & set(vals):
            # The portal's record rules read the policy; their cached domains must follow.
            self.env.registry.clear_cache()
        return result
