# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo story's invoice history: three years of fees that put clients in every segment."""

from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

# client xmlid: (monthly fee by months-ago -> amount or 0, days late when paying)
# Months ago counts back from last month (0) to 35; the patterns tell the story.
DEMO_PATTERNS = {
    # a steady, large bookkeeping client since three years: A, partner, most valuable
    "acct_firm_crm.demo_client_zora": (lambda ago: 1800, 0),
    # growing fast: from 150 to 800 a month, highest potential
    "acct_firm_crm.demo_client_balkan_trade": (
        lambda ago: 150 if ago > 11 else 800 - 40 * ago,
        3,
    ),
    # a sole trader invoiced twice a year: occasional
    "acct_firm_crm.demo_client_ivanov_et": (lambda ago: 350 if ago % 6 == 2 else 0, 10),
    # a large client falling: 2600 until a year ago, 700 since: vulnerable
    "acct_segments.demo_client_rodopa": (lambda ago: 2600 if ago > 11 else 700, 5),
    # tiny fees paid two months late: problematic
    "acct_segments.demo_client_cherno_more": (lambda ago: 50, 55),
    # left 15 months ago: lost
    "acct_segments.demo_client_dunav": (lambda ago: 900 if ago >= 15 else 0, 0),
    # quarterly VAT-free bookkeeping: regular
    "acct_segments.demo_client_badeshte": (lambda ago: 450 if ago % 3 == 0 else 0, 0),
    # small association with complaints: problematic and vulnerable
    "acct_segments.demo_client_zanayati": (lambda ago: 90 if ago % 2 == 0 else 0, 20),
    # a private person's yearly tax return: occasional
    "acct_segments.demo_client_petrova": (lambda ago: 150 if ago % 12 == 3 else 0, 0),
    # a young client, every month since 14 months: client with the highest potential
    "acct_segments.demo_client_pirin": (lambda ago: 600 if ago < 14 else 0, 1),
    # an established medium client: client
    "acct_segments.demo_client_trakia": (lambda ago: 750, 8),
    # stopped 8 months ago after two steady years: probably lost
    "acct_segments.demo_client_stara_planina": (lambda ago: 1100 if ago >= 8 else 0, 15),
}


class AcctSegmentSnapshot(models.Model):
    _inherit = "acct.segment.snapshot"

    @api.model
    def _demo_build_history(self, months=36, snapshots=3):
        """Invoices (posted, paid with each client's usual delay) for the demo clients, then
        the snapshots of the last ``snapshots`` months. Safe to call twice: clients that
        already have invoices are left alone."""
        journal = self.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", self.env.company.id)], limit=1
        )
        if not journal:
            return  # no chart of accounts: nothing to invoice with
        today = fields.Date.context_today(self)
        last_month = today.replace(day=1) - relativedelta(months=1)
        Move = self.env["account.move"]
        vals_list, delays = [], {}
        for xmlid, (fee, days_late) in DEMO_PATTERNS.items():
            client = self.env.ref(xmlid, raise_if_not_found=False)
            if not client or Move.search_count([("partner_id", "=", client.id)], limit=1):
                continue
            delays[client.id] = days_late
            for ago in range(months - 1, -1, -1):
                amount = fee(ago)
                if not amount:
                    continue
                day = last_month - relativedelta(months=ago) + timedelta(days=4)
                vals_list.append(
                    {
                        "move_type": "out_invoice",
                        "partner_id": client.id,
                        "invoice_date": day,
                        "invoice_date_due": day + timedelta(days=10),
                        "journal_id": journal.id,
                        "invoice_line_ids": [
                            fields.Command.create(
                                {
                                    "name": self.env._("Bookkeeping and payroll"),
                                    "quantity": 1,
                                    "price_unit": amount,
                                    "tax_ids": [fields.Command.clear()],
                                }
                            )
                        ],
                    }
                )
        # One create and one post for all, and one payment batch per payment date: the demo
        # installs in the test runs, so it must stay quick.
        invoices = Move.create(vals_list)
        invoices.action_post()
        # Invoices due before the payment windows of the computed snapshots are paid together
        # on one day; the recent ones on their client's usual day.
        old_day = last_month - relativedelta(months=snapshots + 12)
        by_pay_day = defaultdict(lambda: Move)
        for invoice in invoices:
            pay_day = invoice.invoice_date_due + timedelta(days=delays[invoice.partner_id.id])
            if invoice.invoice_date_due < old_day:
                by_pay_day[old_day] |= invoice
            elif pay_day <= today:  # the others stay open and count as late until the cut-off
                by_pay_day[pay_day] |= invoice
        for pay_day, batch in sorted(by_pay_day.items()):
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=batch.ids
            ).create({"payment_date": pay_day, "group_payment": False})._create_payments()
        for ago in range(snapshots - 1, -1, -1):
            self._compute_month(last_month - relativedelta(months=ago))
