"""The client's statement of work against Odoo's own /my/invoices, through real HTTP requests.

One firm client with a portal user stays in the bench database (created once, then reused):
"Work bench client" (code WB-3Y) with 36 months of history up to the end of the previous
month: each month a statutory task done with its filing reference, a request done, 20 time
reports over four work types, a confirmed protocol of received documents (three kinds) and
one of returned documents, and a posted customer invoice.

1. In-process, the SQL queries of ``acct.work.statement._acct_statement`` for the last 3
   months and for all 36 months (after one warm-up statement): the goal is equal counts.
2. Over HTTP (an Odoo server in a process of its own, ``--workers=0``), 3 warm-up then 30
   timed requests of ``/my/accounting/work`` for the last quarter and for the 36 months, and
   of ``/my/invoices``, as the client's portal user, in one run; the queries of each request
   as the server's request log counts them.

Judged by p95(statement page, 36 months) / p95(/my/invoices): the goal is <= 2. The queries
of the page must be the same for 3 and 36 months (printed, and the benchmark fails when they
differ, in-process or per request).
"""

import datetime
import os
import statistics
import tempfile

from bench_portal_documents import (
    TIMED,
    _free_port,
    _p95,
    _queries,
    _session,
    _start_server,
    _time_page,
)
from benchlib import QueryCounter, Ratio, Stopwatch, portal_client
from generate import CONTEXT, _add_months, _service_product, default_end, ensure_chart

from odoo import Command

DESCRIPTION = (
    "p95 of /my/accounting/work (36 months of history) / p95 of /my/invoices of the same "
    "client over HTTP; goal <= 2; equal queries for 3 and 36 months"
)
COMMITS = True  # the client and its history stay, for the server process to read
CODE = "WB-3Y"
LOGIN = "bench_portal_work"
MONTHS = 36
LINES_PER_MONTH = 20
WORK_TYPES = ("work_type_bookkeeping", "work_type_vat_return", "work_type_payroll")
KINDS = ("issued_invoices", "bank_statements", "payroll")


def _client(env):
    """The bench client and its portal user, made once."""
    return portal_client(env, CODE, "Work bench client", LOGIN)


def _history(env, client, end):
    """36 months of tasks, time, protocols and invoices of ``client``, month by month."""
    first = _add_months(end.replace(day=1), -(MONTHS - 1))
    project_id = env["project.project"]._acct_client_projects(client)[client.id]
    employee = env["hr.employee"].search([("user_id", "=", env.ref("base.user_admin").id)])
    employee = employee[:1] or env["hr.employee"].create(
        {"name": "Bench accountant", "user_id": env.ref("base.user_admin").id}
    )
    work_types = [env.ref(f"acct_firm_crm.{xmlid}") for xmlid in WORK_TYPES]
    categories = [env.ref(f"acct_firm_crm.document_category_{code}") for code in KINDS]
    obligation = env.ref("acct_firm_crm.obligation_bg_vat_return")
    kind = env["acct.request.kind"].search([], limit=1) or env["acct.request.kind"].create(
        {"name": "Certificate"}
    )
    ensure_chart(env)
    product = _service_product(env)
    Task = env["project.task"]
    for index in range(MONTHS):
        month = _add_months(first, index)
        done = month + datetime.timedelta(days=13)
        code = f"{month.year}-{month.month:02d}"
        filing = Task.create(
            {
                "name": f"VAT return {code}",
                "project_id": project_id,
                "acct_client_id": client.id,
                "acct_obligation_type_id": obligation.id,
                "acct_period_code": code,
                "acct_legal_date": month + datetime.timedelta(days=13),
                "acct_effective_date": month + datetime.timedelta(days=13),
                "acct_filing_reference": f"2200{index:010d}",
            }
        )
        asked = Task.create(
            {
                "name": f"Certificate {code}",
                "project_id": project_id,
                "acct_request_kind_id": kind.id,
            }
        )
        (filing | asked).write({"state": "1_done"})
        (filing | asked).write({"acct_date_done": done})
        env["account.analytic.line"].create(
            [
                {
                    "date": month + datetime.timedelta(days=line % 28),
                    "task_id": filing.id,
                    "project_id": project_id,
                    "employee_id": employee.id,
                    "acct_work_type_id": work_types[line % len(work_types)].id,
                    "name": "Bench work",
                    "unit_amount": 0.25 * (1 + line % 8),
                }
                for line in range(LINES_PER_MONTH)
            ]
        )
        for direction in ("received", "returned"):
            protocol = env["acct.handover.protocol"].create(
                {
                    "client_id": client.id,
                    "direction": direction,
                    "date": done,
                    "line_ids": [
                        Command.create(
                            {
                                "category_id": category.id,
                                "period_year": month.year,
                                "period_month": str(month.month),
                                "count": 5 + number,
                            }
                        )
                        for number, category in enumerate(categories)
                    ],
                }
            )
            protocol.action_confirm()
        invoice = env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": client.id,
                "invoice_date": month + datetime.timedelta(days=4),
                "invoice_line_ids": [
                    Command.create({"product_id": product.id, "quantity": 1, "price_unit": 300})
                ],
            }
        )
        invoice.action_post()
        if index % 6 == 5:
            env.cr.commit()
            env.invalidate_all()
            print(f"  history of {client.name}: {index + 1}/{MONTHS} months", flush=True)
    env.cr.commit()
    for table in ("project_task", "account_analytic_line", "acct_handover_protocol_line"):
        env.cr.execute(f'ANALYZE "{table}"')
    return first


def _statement_queries(env, client, periods):
    Statement = env["acct.work.statement"]
    Statement._acct_statement(client, periods[0])  # warm-up: caches of rules and fields
    counts = []
    for period in periods:
        env.invalidate_all()
        with QueryCounter(env) as counter:
            Statement._acct_statement(client, period)
        counts.append(counter.count)
    return counts


def run(env, args):
    env = env(context={**env.context, **CONTEXT})
    end = default_end()
    first = _add_months(end.replace(day=1), -(MONTHS - 1))
    with Stopwatch() as setup:
        client, new = _client(env)
        env.cr.commit()
        if new:
            _history(env, client, end)
    print(f"bench client ready in {setup.seconds:.1f} s")

    Statement = env["acct.work.statement"]
    quarter_start = _add_months(end.replace(day=1), -2)
    last_quarter = Statement._acct_period("range", date_from=quarter_start, date_to=end)
    all_months = Statement._acct_period("range", date_from=first, date_to=end)
    counts = _statement_queries(env, client, [last_quarter, all_months])
    full = Statement._acct_statement(client, all_months)
    print(
        f"statement of 36 months: {full['hours']['total']} h, "
        f"{full['documents']['received']} documents received, {len(full['filings'])} filings, "
        f"{full['requests']['total']} requests, {len(full['invoices']['rows'])} invoices"
    )
    print(f"queries of the statement (in-process): {counts[0]} for 3 months, {counts[1]} for 36")

    db_name = env.cr.dbname
    port = _free_port()
    logfile = os.path.join(tempfile.mkdtemp(prefix="bench_portal_work_"), "odoo.log")
    server = _start_server(db_name, port, logfile)
    base = f"http://127.0.0.1:{port}"
    paths = {
        "work, 3 months": f"/my/accounting/work?period={last_quarter.code}",
        "work, 36 months": f"/my/accounting/work?period={all_months.code}",
        "/my/invoices": "/my/invoices",
    }
    try:
        session = _session(base, db_name, LOGIN)
        latency = {name: _time_page(session, base + path) for name, path in paths.items()}
    finally:
        server.terminate()
        server.wait(timeout=60)
    queries = {name: _queries(logfile, path) for name, path in paths.items()}
    for name, seconds in latency.items():
        found = queries[name] or [0]
        print(
            f"{name:<16} p50 {statistics.median(seconds) * 1000:7.1f} ms  "
            f"p95 {_p95(seconds) * 1000:7.1f} ms  queries {min(found)}-{max(found)}"
            f"  ({len(seconds)} timed of {TIMED})"
        )
    if counts[0] != counts[1] or set(queries["work, 3 months"]) != set(queries["work, 36 months"]):
        raise AssertionError("the statement makes more queries for a longer period")
    ratio = _p95(latency["work, 36 months"]) / _p95(latency["/my/invoices"])
    return Ratio(ratio, "<=", 2)
