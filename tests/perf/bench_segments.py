"""Recompute of the client segments for a firm of 10,000 clients with 500,000 invoice lines.

The firm is inserted with plain SQL for the benchmark only (10,000 firm clients, 100,000
posted customer invoices of five product lines each over 36 months, about a third of them
paid by a reconciliation), inside the benchmark's transaction, which run.py rolls back.

Three timings of the month that ended last:

* ``raw``: one SQL GROUP BY (client, month) over the same invoice lines: the floor any
  computation must read;
* ``recompute``: ``acct.segment.snapshot._compute_month``, everything the monthly job does:
  the grouped query per metric family, the BG/NBD, Gamma-Gamma and sBG fits, the segments
  and the 10,000 snapshot rows written;
* ``loop``: the naive alternative, a per-client ORM loop (search the client's invoices, read
  their lines, sum by month), timed on a sample of clients and extrapolated to all of them
  (said so in the output).

Printed: recompute / raw (goal <= 2) and loop / recompute (goal >= 20); the last line is
the loop ratio.
"""

import time

from benchlib import Ratio
from dateutil.relativedelta import relativedelta

from odoo import fields

DESCRIPTION = "segments recompute for 10,000 clients / 500,000 lines vs raw SQL and ORM loop"
LINES_PER_INVOICE = 5
SAMPLE = 100


def _insert_firm(env, clients, lines):
    cr = env.cr
    company = env.company
    journal = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
    )
    income = journal.default_account_id
    currency = company.currency_id.id
    cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, acct_is_firm_client, acct_client_code,
                                 active, is_company, type, autopost_bills, company_id)
        SELECT 'Bench client ' || n, 'Bench client ' || n, TRUE, 'BENCH' || n,
               TRUE, TRUE, 'contact', 'ask', NULL
          FROM generate_series(1, %s) n
        RETURNING id
        """,
        [clients],
    )
    ids = sorted(row[0] for row in cr.fetchall())
    assert ids == list(range(ids[0], ids[0] + clients)), "one block of new partner ids"
    cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)", [ids])
    invoices = lines // LINES_PER_INVOICE
    end = fields.Date.today().replace(day=1) - relativedelta(days=1)
    cr.execute(
        """
        INSERT INTO account_move (name, move_type, state, auto_post, journal_id, company_id,
                                  currency_id, partner_id, commercial_partner_id, date,
                                  invoice_date, invoice_date_due, payment_state,
                                  amount_untaxed_signed)
        SELECT 'BENCH/' || n, 'out_invoice', 'posted', 'no', %(journal)s, %(company)s,
               %(currency)s, p.id, p.id, d, d, d + 15,
               CASE WHEN n %% 3 = 0 THEN 'paid' ELSE 'not_paid' END, 0
          FROM generate_series(1::bigint, %(invoices)s) n
          JOIN LATERAL (SELECT %(first)s + (n * 7919) %% %(clients)s AS id) p ON TRUE
          JOIN LATERAL (SELECT (%(end)s::date - ((n * 104729) %% 1095)::int) AS d) dd ON TRUE
        RETURNING id
        """,
        {
            "journal": journal.id,
            "company": company.id,
            "currency": currency,
            "invoices": invoices,
            "first": ids[0],
            "clients": clients,
            "end": end,
        },
    )
    cr.execute(
        """
        INSERT INTO account_move_line (move_id, account_id, company_id, journal_id, currency_id,
                                       company_currency_id, partner_id, display_type, date,
                                       parent_state, balance, debit, credit, amount_currency,
                                       price_subtotal, quantity, name)
        SELECT am.id, %(income)s, am.company_id, am.journal_id, am.currency_id, am.currency_id,
               am.partner_id, 'product', am.date, 'posted', -amount, 0, amount, -amount,
               amount, 1, 'Bench service'
          FROM account_move am
          JOIN LATERAL (SELECT 50 + (am.id::bigint * k) %% 400 AS amount
                          FROM generate_series(1, %(per)s) k) l ON TRUE
         WHERE am.name LIKE 'BENCH/%%'
        """,
        {"income": income.id, "per": LINES_PER_INVOICE},
    )
    env.invalidate_all()
    return ids, end


def _raw_group_by(env, ids, cutoff):
    env.cr.execute(
        """
        SELECT am.commercial_partner_id, date_trunc('month', am.invoice_date)::date,
               SUM(-aml.balance)
          FROM account_move_line aml
          JOIN account_move am ON am.id = aml.move_id
         WHERE am.move_type IN ('out_invoice', 'out_refund') AND am.state = 'posted'
           AND aml.display_type = 'product' AND am.invoice_date <= %s
           AND am.commercial_partner_id = ANY(%s)
      GROUP BY 1, 2
        """,
        [cutoff, ids],
    )
    return env.cr.fetchall()


def _orm_loop(env, clients, cutoff):
    """What a per-client implementation does: each client's invoices, then their lines."""
    result = {}
    for client in clients:
        moves = env["account.move"].search(
            [
                ("commercial_partner_id", "=", client.id),
                ("move_type", "in", ("out_invoice", "out_refund")),
                ("state", "=", "posted"),
                ("invoice_date", "<=", cutoff),
            ]
        )
        by_month = {}
        for move in moves:
            for line in move.invoice_line_ids:
                month = move.invoice_date.replace(day=1)
                by_month[month] = by_month.get(month, 0.0) - line.balance
        result[client.id] = by_month
    return result


def run(env, args):
    clients = args.clients or 10_000
    lines = clients * 50
    started = time.perf_counter()
    ids, cutoff = _insert_firm(env, clients, lines)
    print(
        f"inserted {clients} clients and {lines} invoice lines in "
        f"{time.perf_counter() - started:.1f} s"
    )
    month = cutoff.replace(day=1)
    Snapshot = env["acct.segment.snapshot"]
    env.flush_all()

    _raw_group_by(env, ids, cutoff)  # warm the buffers for both
    started = time.perf_counter()
    rows = _raw_group_by(env, ids, cutoff)
    raw = time.perf_counter() - started
    print(f"raw GROUP BY: {len(rows)} (client, month) rows in {raw:.2f} s")

    started = time.perf_counter()
    created = Snapshot._compute_month(month)
    env.flush_all()
    recompute = time.perf_counter() - started
    print(f"recompute: {len(created)} snapshots (all firm clients) in {recompute:.2f} s")

    sample = env["res.partner"].browse(ids[:SAMPLE])
    env.invalidate_all()
    started = time.perf_counter()
    _orm_loop(env, sample, cutoff)
    sample_seconds = time.perf_counter() - started
    loop = sample_seconds * len(ids) / SAMPLE
    print(
        f"ORM loop: {sample_seconds:.2f} s for a sample of {SAMPLE} clients, "
        f"extrapolated to {len(ids)} clients: {loop:.1f} s (invoice value only)"
    )

    first = Ratio(recompute / raw, "<=", 2)
    print(first.line("segments_recompute_vs_raw_sql"))
    return Ratio(loop / recompute, ">=", 20)
