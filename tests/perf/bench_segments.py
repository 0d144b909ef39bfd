"""Recompute of the client segments for a firm of 10,000 clients with 500,000 invoice lines.

The firm is inserted with plain SQL for the benchmark only (10,000 firm clients, 100,000
posted customer invoices of five product lines each over 36 months, a third of them marked
paid, each with its untaxed total as Odoo keeps it), inside the benchmark's transaction,
which run.py rolls back. Clients behave as the predictive models assume real ones do
(``_simulate_purchases``, seeded): each is invoiced at its own rate, leaves at its own
pace, and has its own fee level, so that BG/NBD and Gamma-Gamma are identified and fitted.

Three timings of the month that ended last:

* ``raw``: one SQL GROUP BY (client, month) over the same invoice lines: the floor any
  computation must read;
* ``recompute``: ``acct.segment.snapshot._compute_month``, everything the monthly job does:
  the grouped query per metric family (its invoice query reads the invoices' stored untaxed
  totals, not their lines), the BG/NBD, Gamma-Gamma and sBG fits, the segments and the
  10,000 snapshot rows written;
* ``loop``: the naive alternative, a per-client ORM loop (search the client's invoices, read
  their lines, sum by month), timed on a sample of clients and extrapolated to all of them
  (said so in the output).

Printed: recompute / raw (goal <= 2) and loop / recompute (goal >= 20); the last line is
the loop ratio.
"""

import numpy as np
from benchlib import Ratio, Stopwatch
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tools import SQL

DESCRIPTION = "segments recompute for 10,000 clients / 500,000 lines vs raw SQL and ORM loop"
LINES_PER_INVOICE = 5
MONTHS = 36
ROUNDS = 3
SAMPLE = 100


def _simulate_purchases(clients, invoices, seed):
    """(client index, month index) of each invoice, as a real firm's clients behave and as
    the predictive models assume (BG/NBD): each client has its own monthly rate of being
    invoiced (gamma-distributed across clients) and, after each invoiced month, its own
    probability of leaving for good (beta-distributed); clients join over the first year.
    Seeded: the same firm every run. The rate is scaled so that the firm has about
    ``invoices`` invoiced months in all; exactly that many are kept."""
    rng = np.random.default_rng(seed)
    rate = rng.gamma(shape=2.0, scale=0.25, size=clients) * invoices / clients / 5.0
    leave = rng.beta(1.0, 12.0, size=clients)
    joined = rng.integers(0, 12, size=clients)
    alive = np.ones(clients, dtype=bool)
    client_of, month_of = [], []
    for month in range(MONTHS):
        invoiced = alive & (joined <= month) & (rng.random(clients) < 1 - np.exp(-rate))
        client_of.append(np.flatnonzero(invoiced))
        month_of.append(np.full(int(invoiced.sum()), month))
        alive &= ~(invoiced & (rng.random(clients) < leave))
    client_of, month_of = np.concatenate(client_of), np.concatenate(month_of)
    keep = np.sort(rng.permutation(len(client_of))[:invoices])
    return client_of[keep], month_of[keep]


def _insert_firm(env, clients, lines, seed=42):
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
    client_of, month_of = _simulate_purchases(clients, invoices, seed)
    first_month = end.replace(day=1) - relativedelta(months=MONTHS - 1)
    cr.execute(
        """
        INSERT INTO account_move (name, move_type, state, auto_post, journal_id, company_id,
                                  currency_id, partner_id, commercial_partner_id, date,
                                  invoice_date, invoice_date_due, payment_state,
                                  amount_untaxed_signed)
        SELECT 'BENCH/' || n, 'out_invoice', 'posted', 'no', %(journal)s, %(company)s,
               %(currency)s, p.id, p.id, d, d, d + 15,
               CASE WHEN n %% 3 = 0 THEN 'paid' ELSE 'not_paid' END, 0
          FROM unnest(%(clients)s::int[], %(months)s::int[]) WITH ORDINALITY
               AS i(client, month, n)
          JOIN LATERAL (SELECT %(first)s + i.client AS id) p ON TRUE
          JOIN LATERAL (SELECT (%(start)s::date + make_interval(months => i.month))::date
                               + (n %% 25)::int AS d) dd ON TRUE
        RETURNING id
        """,
        {
            "journal": journal.id,
            "company": company.id,
            "currency": currency,
            "clients": client_of.tolist(),
            "months": month_of.tolist(),
            "first": ids[0],
            "start": first_month,
        },
    )
    # Statistics of each batch of new rows before the next statement reads it: planned for
    # the tables' last known size (a previous run's, rolled back: ANALYZE keeps the sizes in
    # pg_class even then), these joins can take a nested loop that runs for many minutes.
    cr.execute("ANALYZE account_move")
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
          -- each client's fee level (its id modulo 7 and 11), and lines that vary
          JOIN LATERAL (SELECT (20 + (am.id::bigint * k) %% 100)
                               * (1 + am.partner_id %% 7) * (1 + am.partner_id %% 11) AS amount
                          FROM generate_series(1, %(per)s) k) l ON TRUE
         WHERE am.name LIKE 'BENCH/%%'
        """,
        {"income": income.id, "per": LINES_PER_INVOICE},
    )
    cr.execute("ANALYZE account_move_line")
    # Odoo keeps each invoice's untaxed total on the invoice (the recompute reads it).
    cr.execute(
        """
        UPDATE account_move am
           SET amount_untaxed_signed = lines.total
          FROM (SELECT move_id, SUM(-balance) AS total FROM account_move_line
                 WHERE display_type = 'product' GROUP BY move_id) lines
         WHERE lines.move_id = am.id AND am.name LIKE 'BENCH/%'
        """
    )
    # A live database has statistics (autovacuum analyses tables that grew); without them the
    # planner would plan both the raw query and the recompute for empty tables. ANALYZE in the
    # transaction counts its own uncommitted rows.
    cr.execute("ANALYZE res_partner, account_move, account_move_line")
    env.invalidate_all()
    return ids, end


def _raw_group_by(env, cutoff):
    """Net invoiced per client and month from the invoice lines, for the firm's clients
    selected as the recompute selects them (a sub-query)."""
    env.cr.execute(
        SQL(
            """
            SELECT am.commercial_partner_id, date_trunc('month', am.invoice_date)::date,
                   SUM(-aml.balance)
              FROM account_move_line aml
              JOIN account_move am ON am.id = aml.move_id
             WHERE am.move_type IN ('out_invoice', 'out_refund') AND am.state = 'posted'
               AND aml.display_type = 'product' AND am.invoice_date <= %s
               AND am.commercial_partner_id IN %s
          GROUP BY 1, 2
            """,
            cutoff,
            env["acct.segment.snapshot"]._firm_clients().subselect(),
        )
    )
    return env.cr.fetchall()


def _best_of(rounds, function, *args):
    """(best seconds, every run's seconds, result of the best run) of ``rounds`` calls."""
    runs = []
    for _run in range(rounds):
        with Stopwatch() as watch:
            result = function(*args)
        runs.append((watch.seconds, result))
    best, result = min(runs, key=lambda run: run[0])
    return best, [seconds for seconds, _result in runs], result


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
    with Stopwatch() as watch:
        ids, cutoff = _insert_firm(env, clients, lines, args.seed)
    print(f"inserted {clients} clients and {lines} invoice lines in {watch.seconds:.1f} s")
    month = cutoff.replace(day=1)
    Snapshot = env["acct.segment.snapshot"]
    env.flush_all()

    _raw_group_by(env, cutoff)  # warm the buffers for both
    # Best of three for both timings: this machine's other work only ever adds time.
    raw, _runs, rows = _best_of(ROUNDS, _raw_group_by, env, cutoff)
    print(f"raw GROUP BY: {len(rows)} (client, month) rows in {raw:.2f} s (best of {ROUNDS})")

    def recompute_month():
        count = Snapshot._compute_month(month)
        env.flush_all()
        return count

    recompute, runs, count = _best_of(ROUNDS, recompute_month)
    print(
        f"recompute: {count} snapshots (all firm clients) in {recompute:.2f} s "
        f"(best of {ROUNDS}: {', '.join(f'{seconds:.2f}' for seconds in runs)})"
    )

    sample = env["res.partner"].browse(ids[:SAMPLE])
    env.invalidate_all()
    with Stopwatch() as watch:
        _orm_loop(env, sample, cutoff)
    sample_seconds = watch.seconds
    loop = sample_seconds * len(ids) / SAMPLE
    print(
        f"ORM loop: {sample_seconds:.2f} s for a sample of {SAMPLE} clients, "
        f"extrapolated to {len(ids)} clients: {loop:.1f} s (invoice value only)"
    )

    first = Ratio(recompute / raw, "<=", 2)
    print(first.line("segments_recompute_vs_raw_sql"))
    return Ratio(loop / recompute, ">=", 20)
