"""The portal's documents page against Odoo's own /my/invoices, through real HTTP requests.

Two firm clients with a portal user each stay in the bench database (created once, then
reused): "Portal bench small" with 50 documents and "Portal bench large" with 5,000
documents and 5,000 posted customer invoices. The benchmark starts an Odoo server on this
database in a process of its own (``--workers=0``, a port on 127.0.0.1), logs both users in
over ``/web/session/authenticate`` and requests, for each, ``/my/accounting/documents`` and
``/my/invoices``: 3 warm-up requests, then 30 timed ones, in one run.

It prints the p50 and p95 latency of each page and the SQL queries of each request, as the
server's own request log counts them (Odoo's werkzeug line ``... 200 - <queries> <sql s>
<other s>``), at 50 and at 5,000 documents.

Judged by p95(documents page, 5,000 documents) / p95(/my/invoices, 5,000 invoices): the goal
is <= 1.2. The queries per page must be the same at 50 and at 5,000 documents (printed, and
the benchmark fails when they differ).
"""

import base64
import os
import re
import socket
import statistics
import subprocess
import tempfile
import time

import requests
from benchlib import SRC, Ratio, Stopwatch, odoo_command, portal_client
from generate import CONTEXT, _service_product, ensure_chart

from odoo import Command

DESCRIPTION = (
    "p95 of /my/accounting/documents (5,000 documents) / p95 of /my/invoices (5,000 "
    "invoices) over HTTP; goal <= 1.2; equal queries at 50 and 5,000"
)
COMMITS = True  # the two clients and their records stay, for the server process to read
SIZES = {"small": 50, "large": 5000}
INVOICES = 5000
WARM_UP = 3
TIMED = 30
PDF = b"%PDF-1.4\n% bench document\n%%EOF\n"
LOG_LINE = re.compile(r'"GET (?P<path>\S+) HTTP/1\.1" (?P<status>\d+) - (?P<queries>\d+) ')


def _client(env, size):
    """The bench client of ``size`` ('small' or 'large') and its portal user, made once."""
    login = f"bench_portal_{size}"
    client, _created = portal_client(env, f"PB-{size.upper()}", f"Portal bench {size}", login)
    return client, login


def _ensure_documents(env, client, count):
    Document = env["acct.client.document"].with_context(**CONTEXT)
    have = Document.search_count([("client_id", "=", client.id)])
    categories = env["acct.document.category"].search([("portal_restricted", "=", False)])
    data = base64.b64encode(PDF)
    for start in range(have, count, 500):
        Document.create(
            [
                {
                    "name": f"Bench document {number}",
                    "client_id": client.id,
                    "category_id": categories[number % len(categories)].id,
                    "year": 2020 + number % 7,
                    "month": str(1 + number % 12),
                    "visible_to_client": True,
                    "file": data,
                    "file_name": f"bench-{number}.pdf",
                }
                for number in range(start, min(start + 500, count))
            ]
        )
        env.cr.commit()
        print(f"  documents of {client.name}: {min(start + 500, count)}/{count}", flush=True)


def _ensure_invoices(env, client, count):
    Move = env["account.move"].with_context(**CONTEXT)
    have = Move.search_count([("partner_id", "=", client.id), ("move_type", "=", "out_invoice")])
    if have >= count:
        return
    ensure_chart(env)
    product = _service_product(env)
    for start in range(have, count, 250):
        moves = Move.create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": client.id,
                    "invoice_date": f"{2020 + number % 6}-{1 + number % 12:02d}-15",
                    "invoice_line_ids": [
                        Command.create({"product_id": product.id, "quantity": 1, "price_unit": 100})
                    ],
                }
                for number in range(start, min(start + 250, count))
            ]
        )
        moves.action_post()
        env.cr.commit()
        print(f"  invoices of {client.name}: {min(start + 250, count)}/{count}", flush=True)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_server(db_name, port, logfile):
    command = odoo_command(
        db_name,
        f"--db-filter=^{db_name}$",
        "--http-interface=127.0.0.1",
        f"--http-port={port}",
        "--workers=0",
        "--max-cron-threads=0",
        "--log-level=info",
        f"--logfile={logfile}",
    )
    environ = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    server = subprocess.Popen(command, env=environ)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/web/login", timeout=5).status_code == 200:
                return server
        except requests.RequestException:  # not listening yet, or still loading
            pass
        if server.poll() is not None:
            raise RuntimeError(f"the Odoo server stopped (exit {server.returncode}); see {logfile}")
        time.sleep(1)
    server.terminate()
    raise RuntimeError("the Odoo server did not answer within 3 minutes")


def _session(base, db_name, login):
    session = requests.Session()
    answer = session.post(
        f"{base}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": db_name, "login": login, "password": login}},
        timeout=60,
    ).json()
    if "error" in answer:
        raise RuntimeError(f"{login} could not log in: {answer['error']}")
    return session


def _time_page(session, url):
    """Seconds of each timed request, after the warm-up ones."""
    for _ in range(WARM_UP):
        session.get(url, timeout=120).raise_for_status()
    seconds = []
    for _ in range(TIMED):
        with Stopwatch() as watch:
            response = session.get(url, timeout=120)
        response.raise_for_status()
        seconds.append(watch.seconds)
    return seconds


def _p95(values):
    return statistics.quantiles(values, n=20)[-1]


def _queries(logfile, path):
    """The query counts the server logged for the timed requests of ``path``."""
    with open(logfile, encoding="utf-8") as log:
        counts = [
            int(match["queries"])
            for match in map(LOG_LINE.search, log)
            if match and match["path"] == path and match["status"] == "200"
        ]
    return counts[-TIMED:]


def run(env, args):
    env = env(context={**env.context, **CONTEXT})
    clients = {}
    with Stopwatch() as setup:
        for size, count in SIZES.items():
            client, login = _client(env, size)
            env.cr.commit()
            _ensure_documents(env, client, count)
            clients[size] = (client, login)
        _ensure_invoices(env, clients["large"][0], INVOICES)
        env.cr.commit()
    print(f"bench clients ready in {setup.seconds:.1f} s")

    db_name = env.cr.dbname
    port = _free_port()
    logfile = os.path.join(tempfile.mkdtemp(prefix="bench_portal_"), "odoo.log")
    server = _start_server(db_name, port, logfile)
    base = f"http://127.0.0.1:{port}"
    try:
        latency, queries = {}, {}
        for size, (_client_record, login) in clients.items():
            session = _session(base, db_name, login)
            for path in ("/my/accounting/documents", "/my/invoices"):
                if size == "small" and path == "/my/invoices":
                    continue
                latency[(size, path)] = _time_page(session, base + path)
                queries[(size, path)] = _queries(logfile, path)
    finally:
        server.terminate()
        server.wait(timeout=60)

    for (size, path), seconds in latency.items():
        counts = queries[(size, path)]
        p50, p95 = statistics.median(seconds) * 1000, _p95(seconds) * 1000
        print(
            f"{path:<28} {SIZES[size]:>5} documents: p50 {p50:7.1f} ms  p95 {p95:7.1f} ms"
            f"  queries {min(counts)}-{max(counts)}"
        )
    small = set(queries[("small", "/my/accounting/documents")])
    large = set(queries[("large", "/my/accounting/documents")])
    print(f"queries of the documents page: {sorted(small)} at 50, {sorted(large)} at 5,000")
    if small != large:
        raise AssertionError("the documents page makes more queries with more documents")
    ratio = _p95(latency[("large", "/my/accounting/documents")]) / _p95(
        latency[("large", "/my/invoices")]
    )
    return Ratio(ratio, "<=", 1.2)
