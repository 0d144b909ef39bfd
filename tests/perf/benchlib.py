"""Shared helpers of the benchmarks: open a registry in-process, count queries, time, report.

Imported by run.py, generate.py and the bench_<name>.py modules (run.py puts this folder on
sys.path). Nothing here runs at import time apart from computing a few paths.
"""

import contextlib
import getpass
import os
import re
import sys
import threading
import time
from dataclasses import dataclass

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONFIG = os.path.join(REPO, "config", "local.conf")
ADDONS = os.path.join(REPO, "addons")
PERF_DIR = os.path.join(REPO, "tests", "perf")
SRC = os.path.join(REPO, "src")

# The addons import acct_firm_core: use this tree's, not whatever an editable install of
# another checkout points to (scripts/bench.sh puts it first on PYTHONPATH as well).
if SRC not in sys.path:
    sys.path.insert(0, SRC)

# The line a benchmark is judged by, always its last line of output.
RATIO_RE = re.compile(
    r"^RATIO (?P<name>[\w.-]+): (?P<value>\S+) \(goal (?P<op><=|>=|<|>|==) (?P<goal>\S+)\)$"
)
_OPS = {
    "<=": lambda a, b: a <= b,
    ">=": lambda a, b: a >= b,
    "<": lambda a, b: a < b,
    ">": lambda a, b: a > b,
    "==": lambda a, b: a == b,
}


@dataclass(frozen=True)
class Ratio:
    """What a benchmark's run() returns; run.py prints it as the benchmark's last line."""

    value: float
    op: str
    goal: float

    def __post_init__(self):
        if self.op not in _OPS:
            raise ValueError(f"unknown goal operator {self.op!r}; use one of {sorted(_OPS)}")

    @property
    def met(self):
        return _OPS[self.op](self.value, self.goal)

    def line(self, name):
        return f"RATIO {name}: {self.value:.3f} (goal {self.op} {self.goal:g})"


def parse_ratio_line(line):
    """Ratio of a printed "RATIO name: value (goal op goal)" line, or None."""
    match = RATIO_RE.match(line.strip())
    if not match:
        return None
    try:
        return Ratio(float(match["value"]), match["op"], float(match["goal"]))
    except ValueError:
        return None


def setup_odoo(db, log_level="warn", db_user=None, extra_args=()):
    """Parse Odoo's configuration as scripts/lib.sh's odoo_cmd does and load the server-wide
    modules, without starting any server. Returns the odoo package."""
    import odoo
    from odoo.service import server
    from odoo.tools import config

    db_user = db_user or os.environ.get("PGUSER") or getpass.getuser()
    config.parse_config(
        [
            "-c",
            CONFIG,
            f"--addons-path={ADDONS}",
            f"--db_user={db_user}",
            "-d",
            db,
            f"--log-level={log_level}",
            "--max-cron-threads=0",
            *extra_args,
        ],
        setup_logging=True,
    )
    server.load_server_wide_modules()
    return odoo


def open_registry(db, **kwargs):
    """The loaded registry of an existing database (its modules are not updated)."""
    setup_odoo(db, **kwargs)
    from odoo.modules.registry import Registry

    threading.current_thread().dbname = db
    return Registry(db)


def superuser_env(cr):
    """An environment as the superuser with the admin's language and timezone context."""
    from odoo import SUPERUSER_ID, api

    env = api.Environment(cr, SUPERUSER_ID, {})
    return api.Environment(cr, SUPERUSER_ID, env["res.users"].context_get())


class QueryCounter:
    """Counts the SQL queries of a block on an environment's cursor, as Odoo's
    assertQueryCount does (odoo/tests/common.py): flush pending writes before and after, then
    the difference of ``cr.sql_log_count``. With ``log=True`` it also keeps the SQL of the
    counted queries (through the thread's ``query_hooks``, which sql_db calls per query).

        with QueryCounter(env) as qc:
            ...
        print(qc.count, qc.queries)
    """

    def __init__(self, env, flush=True, log=False):
        self.env = env
        self.flush = flush
        self.log = log
        self.count = None
        self.queries = []

    def _flush(self):
        if self.flush:
            self.env.flush_all()
            self.env.cr.flush()

    def _hook(self, cr, query, params, start, delay):
        if cr is self.env.cr:
            self.queries.append(query.decode() if isinstance(query, bytes) else str(query))

    def __enter__(self):
        self._flush()
        self._start = self.env.cr.sql_log_count
        if self.log:
            thread = threading.current_thread()
            self._hooks = getattr(thread, "query_hooks", ())
            thread.query_hooks = (*self._hooks, self._hook)
        return self

    def __exit__(self, exc_type, exc, tb):
        try:
            self._flush()
        finally:
            if self.log:
                threading.current_thread().query_hooks = self._hooks
        self.count = self.env.cr.sql_log_count - self._start
        return False


class Stopwatch:
    """Wall-clock seconds of a block: ``with Stopwatch() as sw: ...; sw.seconds``."""

    def __enter__(self):
        self._start = time.perf_counter()
        self.seconds = None
        return self

    def __exit__(self, exc_type, exc, tb):
        self.seconds = time.perf_counter() - self._start
        return False


def rate(rows, seconds):
    """Rows per second, 0 for an empty or instantaneous block."""
    return rows / seconds if rows and seconds > 0 else 0.0


@contextlib.contextmanager
def no_commit(cr, name):
    """Make ``cr.commit()`` fail inside the block, so that a benchmark that did not declare
    COMMITS = True cannot leave data in the reusable database by mistake."""

    def refuse_commit():
        raise RuntimeError(
            f"benchmark {name!r} called cr.commit() but does not declare COMMITS = True: "
            "its work would not be rolled back"
        )

    cr.commit = refuse_commit
    try:
        yield
    finally:
        del cr.commit


def odoo_command(db_name, *options, db_user=None):
    """The command line of an Odoo process on ``db_name`` with this tree's configuration and
    addons, followed by ``options``: one place for the benchmarks that start Odoo apart."""
    from odoo.tools import config

    return [
        sys.executable,
        "-m",
        "odoo",
        "-c",
        CONFIG,
        f"--addons-path={ADDONS}",
        f"--db_user={db_user or config['db_user']}",
        "-d",
        db_name,
        *options,
    ]


def portal_client(env, code, name, login):
    """The firm client ``code`` and the portal user ``login`` of one of its contacts, made
    once. Returns ``(client, created)``."""
    from odoo import Command

    client = env["res.partner"].search([("acct_client_code", "=", code)], limit=1)
    if client:
        return client, False
    client = env["res.partner"].create(
        {"name": name, "is_company": True, "acct_is_firm_client": True, "acct_client_code": code}
    )
    contact = env["res.partner"].create({"name": f"{name}: owner", "parent_id": client.id})
    env["res.users"].with_context(no_reset_password=True).create(
        {
            "name": contact.name,
            "login": login,
            "password": login,
            "partner_id": contact.id,
            "groups_id": [Command.set([env.ref("base.group_portal").id])],
        }
    )
    return client, True
