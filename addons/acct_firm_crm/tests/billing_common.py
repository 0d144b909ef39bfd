# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import Command

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

    def _receive_documents(self, year, month, counts, client=None, confirm=True, **values):
        """Hand over the client's documents of ``year``/``month`` on a confirmed protocol, as
        the firm does: ``counts`` is ``{document category code: number}``. The billing run
        counts what such protocols received."""
        categories = self.env["acct.document.category"].search([("code", "in", list(counts))])
        category = {category.code: category for category in categories}
        protocol = self.env["acct.handover.protocol"].create(
            {
                "client_id": (client or self.client).id,
                "date": datetime.date(year, month, 1) + datetime.timedelta(days=31),
                "line_ids": [
                    Command.create(
                        {
                            "category_id": category[code].id,
                            "period_year": year,
                            "period_month": str(month),
                            "count": count,
                        }
                    )
                    for code, count in counts.items()
                ],
                **values,
            }
        )
        if confirm:
            protocol.action_confirm()
        return protocol
