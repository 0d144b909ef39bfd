# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
from contextlib import contextmanager
from unittest.mock import MagicMock, patch

from odoo import Command

from odoo.addons.acct_firm_crm.models.acct_engagement import AcctEngagement

from .common import AcctFirmCommon


class AcctBillingCommon(AcctFirmCommon):
    """Engagement billing: an invoiced product and a manager who may invoice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager.groups_id += cls.env.ref("account.group_account_invoice")
        cls.product = cls.env["product.product"].create(
            {"name": "Bookkeeping services", "type": "service", "taxes_id": [Command.clear()]}
        )
        cls.env["ir.config_parameter"].sudo().set_param(
            "acct_firm_crm.billing_post_invoices", "False"
        )

    @classmethod
    def _engagement(cls, activate=True, **values):
        tiers = values.pop("tiers", None)
        vals = {
            "name": "ENG",
            "client_id": cls.client.id,
            "date_start": datetime.date(2026, 1, 1),
            "periodicity": "monthly",
            "invoicing_day": 5,
            "fee_model": "fixed",
            "fixed_amount": 100.0,
            "product_id": cls.product.id,
        }
        vals.update(values)
        if tiers:
            vals["price_type"] = "tiers"
            vals["tier_ids"] = [
                Command.create({"from_qty": low, "to_qty": high or 0, "unit_price": price})
                for low, high, price in tiers
            ]
        engagement = cls.env["acct.engagement"].create(vals)
        if activate:
            engagement.action_activate()
        return engagement

    @contextmanager
    def _protocol_counts(self, counts):
        """Stand in for ``acct.handover.protocol`` (another branch): ``counts`` is the
        ``{(client_id, kind): count}`` answer of its ``_confirmed_counts``."""
        protocols = MagicMock()
        protocols.sudo.return_value = protocols
        protocols._confirmed_counts.return_value = counts
        with patch.object(AcctEngagement, "_handover_protocols", return_value=protocols):
            yield protocols._confirmed_counts
