# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

PURCHASE_MODELS = [
    ("bgbb", "BG/BB: one chance a month to be invoiced (monthly clients)"),
    ("bgnbd", "BG/NBD: invoices at any time (ad-hoc work)"),
]
PURCHASE_MODEL_PARAMETER = "acct_segments.purchase_model"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    acct_segments_purchase_model = fields.Selection(
        PURCHASE_MODELS,
        string="Purchase model",
        default="bgbb",
        config_parameter=PURCHASE_MODEL_PARAMETER,
        help="The model of the clients' invoiced months behind the probability alive, the "
        "expected invoiced months and the lifetime value. BG/BB (Fader, Hardie & Shang 2010) "
        "suits a firm that invoices monthly; BG/NBD (Fader, Hardie & Lee 2005) invoices at "
        "any time. The backtest compares both on the firm's own data.",
    )

    @api.model
    def _acct_segments_purchase_model(self):
        """The purchase model the firm chose, BG/BB by default."""
        value = self.env["ir.config_parameter"].sudo().get_param(PURCHASE_MODEL_PARAMETER)
        return value if value in dict(PURCHASE_MODELS) else "bgbb"
