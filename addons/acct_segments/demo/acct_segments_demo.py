# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo firm's history, called from demo/acct_segments_demo.xml only: three years of
monthly fees of every firm client, posted and paid with each client's usual delay, then the
segment snapshots of the last months.

Fast enough for every demo install (the test runs install the demo too): the invoices are
created and posted in batches, as tests/perf/generate.py does, without chatter (no tracking,
no creation messages); the clients' transfers are booked as the firm books its bank
statements, one bank entry per day reconciled with that day's invoices, not one payment per
invoice (a third of the entries, and none of a payment's synchronisation).
"""

import random
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.tools import config

CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
}
BATCH = 250

# The clients with a story (the readme's "The demo firm's clients", checked by
# tests/test_demo_stories.py): xmlid: (monthly fee by months-ago -> amount or 0, days late
# when paying). Months ago counts back from last month (0) to 35. The clients with an
# engagement (acct_firm_crm's demo) are invoiced by it from its start: their story stops there.
DEMO_PATTERNS = {
    # a steady, large bookkeeping client since three years, its fixed fee of 1,800 a month
    # now billed by its engagement: top tier, A, partner, most valuable
    "acct_firm_crm.demo_client_zora": (lambda ago: 1800, 0),
    # growing fast: from 150 to 800 a month, then its two engagements: highest potential
    "acct_firm_crm.demo_client_balkan_trade": (
        lambda ago: 150 if ago > 11 else 800 - 40 * ago,
        3,
    ),
    # a sole trader invoiced twice a year, on a monthly subscription since four months: a
    # client by its engagement; the time spent on him costs more than he pays: problematic
    "acct_firm_crm.demo_client_ivanov_et": (lambda ago: 350 if ago % 6 == 2 else 0, 10),
    # a large client falling: 2,600 until a year ago, 700 since: vulnerable (still a most
    # valuable partner by its past year)
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
    # a young client, every month since 14 months: the highest potential
    "acct_segments.demo_client_pirin": (lambda ago: 350 if ago < 14 else 0, 1),
    # an established medium client, every month for three years: client, medium tier
    "acct_segments.demo_client_trakia": (lambda ago: 400, 8),
    # stopped 8 months ago after two steady years: vulnerable, its value falling
    "acct_segments.demo_client_stara_planina": (lambda ago: 1100 if ago >= 8 else 0, 15),
}

# The usual monthly fee of the other clients by legal form; each client's own level, growth,
# skipped months and payment delay are drawn from a generator seeded with its code.
FEE_BY_LEGAL_FORM = {
    "et": 160,
    "eood": 320,
    "ood": 480,
    "ad": 1400,
    "ngo": 140,
    "coop": 520,
    "self_insured": 90,
    "individual": 0,  # one yearly tax return, in April
    "other": 0,
}


class AcctSegmentsDemo(models.AbstractModel):
    _name = "acct.segments.demo"
    _description = "Demo firm history (demo data hooks)"

    @api.model
    def _stories(self):
        """{client id: (fee by months-ago, days late)} of the clients with a story."""
        stories = {}
        for xmlid, plan in DEMO_PATTERNS.items():
            client = self.env.ref(xmlid, raise_if_not_found=False)
            if client:
                stories[client.id] = plan
        return stories

    @api.model
    def _fee_plan(self, client, months):
        """(fee by months-ago, days late) of ``client`` without a story: a draw seeded with
        its code."""
        rng = random.Random(f"acct-demo-{client.acct_client_code}")
        if client.acct_legal_form == "individual":
            fee = rng.choice((60, 80, 120))
            return (lambda ago: fee if ago % 12 == 7 else 0), rng.choice((0, 5))
        base = FEE_BY_LEGAL_FORM.get(client.acct_legal_form or "other", 0)
        if not base or client.acct_inactive:
            return (lambda ago: 0), 0
        since = client.acct_client_since
        today = fields.Date.context_today(self)
        tenure = months
        if since:
            tenure = (today.year - since.year) * 12 + today.month - since.month
        level = base * rng.uniform(0.7, 1.4)
        growth = rng.uniform(-0.01, 0.02)  # per month
        skipped = {ago for ago in range(months) if rng.random() < 0.06}
        delay = rng.choice((0, 0, 2, 5, 8, 14, 30))

        def fee(ago):
            if ago >= tenure or ago in skipped:
                return 0
            return round(level * (1 + growth) ** (months - ago) / 10) * 10

        return fee, delay

    @api.model
    def _build_history(self, months=36, snapshots=3):
        """Invoices of the last ``months`` months for every firm client, each stopping before
        the client's first invoice (the engagements bill the recent ones), their payments, then
        the snapshots of the last ``snapshots`` months. A second call adds nothing.

        A test run installs the demo but needs little of its history (the tests that need one
        generate their own): there the clients without a story get the last year only, to
        keep the run short, with the same amounts; the clients with a story get all of theirs,
        so that the stories are told there too (tests/test_demo_stories.py)."""
        history = {True: months, False: min(months, 12) if config["test_enable"] else months}
        env = self.env(context={**self.env.context, **CONTEXT})
        company = env.company
        journal = env["account.journal"].search(
            [("type", "=", "sale"), *env["account.journal"]._check_company_domain(company)],
            limit=1,
        )
        bank = env["account.journal"].search(
            [("type", "=", "bank"), *env["account.journal"]._check_company_domain(company)],
            limit=1,
        )
        if not journal or not bank:
            return  # no chart of accounts: nothing to invoice with
        today = fields.Date.context_today(self)
        last_month = today.replace(day=1) - relativedelta(months=1)
        clients = env["res.partner"].search(
            [("acct_is_firm_client", "=", True)], order="acct_client_code"
        )
        first_invoice = {
            partner.id: first
            for partner, first in env["account.move"]._read_group(
                [("move_type", "=", "out_invoice"), ("partner_id", "in", clients.ids)],
                ["partner_id"],
                ["invoice_date:min"],
            )
        }
        product = env.ref("acct_firm_crm.demo_product_bookkeeping", raise_if_not_found=False)
        planned = []  # (invoice values, days late)
        stories = self._stories()
        for client in clients:
            fee, days_late = stories.get(client.id) or self._fee_plan(client, months)
            stop = first_invoice.get(client.id)
            for ago in range(history[client.id in stories] - 1, -1, -1):
                month = last_month - relativedelta(months=ago)
                amount = fee(ago)
                if not amount or (stop and month >= stop.replace(day=1)):
                    continue
                day = month + timedelta(days=4)
                values = self._invoice_values(client, day, amount, journal, product)
                planned.append((values, days_late))
        planned.sort(key=lambda row: (row[0]["invoice_date"], row[0]["partner_id"]))
        to_pay = []
        for start in range(0, len(planned), BATCH):
            chunk = planned[start : start + BATCH]
            invoices = env["account.move"].create([values for values, _late in chunk])
            invoices.action_post()
            for invoice, (_values, late) in zip(invoices, chunk, strict=True):
                pay_day = invoice.invoice_date_due + timedelta(days=late)
                if pay_day <= today:  # the others stay open, and late
                    to_pay.append((pay_day, invoice.id))
            env["acct.firm.demo"]._analyze(("account_move", "account_move_line"))
            env.invalidate_all()
        by_day = {}
        for pay_day, invoice_id in sorted(to_pay):
            by_day.setdefault(pay_day, []).append(invoice_id)
        days = sorted(by_day.items())
        for start in range(0, len(days), BATCH // 2):
            self._pay(env, days[start : start + BATCH // 2], bank)
        snapshot = env["acct.segment.snapshot"]
        for ago in range(snapshots - 1, -1, -1):
            snapshot._compute_month(last_month - relativedelta(months=ago))

    @api.model
    def _invoice_values(self, client, day, amount, journal, product):
        line = {
            "name": f"Счетоводно обслужване {day:%m.%Y}",
            "quantity": 1,
            "price_unit": amount,
            "tax_ids": [Command.clear()],
        }
        if product:
            line["product_id"] = product.id
        return {
            "move_type": "out_invoice",
            "partner_id": client.id,
            "invoice_date": day,
            "invoice_date_due": day + timedelta(days=10),
            "journal_id": journal.id,
            "invoice_line_ids": [Command.create(line)],
        }

    @api.model
    def _pay(self, env, days, bank):
        """The clients' transfers of ``days`` (``[(day, invoice ids)]``) as the firm books its
        bank statements: one entry in the bank journal per day, a receivable line per
        invoice paid that day and one bank line, each receivable line reconciled with its
        invoice's. The invoices are paid on that day (the reconciliation's date, which the
        segments and the client's figures read) as with a payment per invoice, in a
        fraction of the time (a third of the entries, no payment records to synchronise)."""
        reconcilable = [
            ("parent_state", "=", "posted"),
            ("account_type", "=", "asset_receivable"),
            ("reconciled", "=", False),
        ]
        invoices = env["account.move"].browse([i for _day, ids in days for i in ids])
        receivable = {
            invoice: invoice.line_ids.filtered_domain(reconcilable) for invoice in invoices
        }
        entries_values = []
        for pay_day, invoice_ids in days:
            paid = env["account.move"].browse(invoice_ids)
            lines = [
                Command.create(
                    {
                        "name": invoice.name,
                        "partner_id": invoice.commercial_partner_id.id,
                        "account_id": receivable[invoice].account_id.id,
                        "credit": invoice.amount_residual,
                    }
                )
                for invoice in paid
            ]
            lines.append(
                Command.create(
                    {
                        "name": f"Постъпления {pay_day:%d.%m.%Y}",
                        "account_id": bank.default_account_id.id,
                        "debit": sum(paid.mapped("amount_residual")),
                    }
                )
            )
            entries_values.append(
                {
                    "move_type": "entry",
                    "journal_id": bank.id,
                    "date": pay_day,
                    "ref": f"Банково извлечение {pay_day:%d.%m.%Y}",
                    "line_ids": lines,
                }
            )
        entries = env["account.move"].create(entries_values)
        entries.action_post()
        credit_of = {
            (line.move_id.date, line.name): line
            for line in entries.line_ids.filtered_domain(reconcilable)
        }
        env["account.move.line"]._reconcile_plan(
            [
                credit_of[pay_day, invoice.name] + receivable[invoice]
                for pay_day, invoice_ids in days
                for invoice in env["account.move"].browse(invoice_ids)
            ]
        )
        env["acct.firm.demo"]._analyze(
            (
                "account_move",
                "account_move_line",
                "account_partial_reconcile",
                "account_full_reconcile",
            )
        )
        env.invalidate_all()
