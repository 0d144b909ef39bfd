"""Synthetic accounting firms for the benchmarks, generated through the ORM in batches.

    from generate import generate_firm
    summary = generate_firm(env, clients=50, years=3, seed=42)

or from the command line (rolled back, unless --commit keeps the firm for a look in the UI):

    python3 tests/perf/generate.py --db DB --clients 50 [--years 3] [--seed 42] [--commit]

What a firm is made of (see README.md):

* accountants: users of ``acct_firm_crm.group_acct_firm_user``, each with an employee (hourly
  cost) for timesheets; reused when they exist already;
* clients: companies flagged ``acct_is_firm_client`` with codes G00001, G00002 ... (the
  numbering continues after the highest existing code of the prefix, so two calls make one
  larger firm), a responsible accountant (``user_id``) and one behaviour: regular monthly
  payers, occasional clients, late payers and lost clients who stopped one or two years ago;
* ``years`` of posted customer invoices (1-3 lines of one service product), monthly, dated in
  the first days of the month, due after the client's payment term;
* payments of most invoices, each on its own date after the client's delay (none when that date
  is after ``end``, nor for the few invoices a client never pays), reconciled with the invoice;
* a project per client, a task per month worked, and timesheets on it.

Everything random is drawn from ``random.Random`` seeded with ``(seed, prefix, client
number)``, so the same arguments on the same database give the same firm, and 100 clients
then 900 more give the same clients, invoices and payments as 1000 at once (only the
responsible accountant may differ: their number grows with the firm).

Speed: records are created with ``create()`` on lists of ``batch_size`` values, invoices are
posted per batch, chatter tracking and creation messages are switched off (``tracking_disable``
... in CONTEXT; the data is the same, without the mail.message rows an import would not want
either), and the record cache is emptied between batches so that memory stays flat.

Payments (``payments="direct"``, the default): for each batch of invoices sorted by payment
date, one ``account.payment.create()`` of the values ``account.payment.register`` would build
(one payment per invoice, as ``group_payment=False``), ``action_post()``, then each payment's
receivable line reconciled with its invoice's and linked through ``matched_payment_ids``:
the wizard's own steps (``_init_payments``, ``_post_payments``, ``_reconcile_payments``)
without its per-call computation of batches, which costs more than the payment itself when
only one or two invoices share a date (measured: README.md). ``payments="wizard"`` runs the
wizard itself, one call per payment date with ``active_model``/``active_ids`` and
``group_payment=False``.
"""

import calendar
import datetime
import math
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field

from odoo import Command

# Context of every write: no chatter tracking, creation messages, followers nor invitations.
CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "mail_auto_subscribe_no_notify": True,
    "no_reset_password": True,
}
PRODUCT_CODE = "ACCT-BENCH-SERVICE"
ACCOUNTANT_GROUP = "acct_firm_crm.group_acct_firm_user"


@dataclass(frozen=True)
class Behaviour:
    name: str
    share: float  # of the clients
    monthly_probability: float  # chance of an invoice (and of work) in an active month
    delay_days: tuple  # payment date minus due date, in days (negative: early)
    unpaid_probability: float  # chance that an invoice is never paid
    lost: bool = False  # stops being a client 12-24 months before the end


BEHAVIOURS = (
    Behaviour("regular", 0.50, 1.00, (-10, 3), 0.01),
    Behaviour("occasional", 0.20, 0.25, (-5, 20), 0.03),
    Behaviour("late", 0.15, 0.95, (15, 90), 0.08),
    Behaviour("lost", 0.15, 1.00, (-5, 30), 0.05, lost=True),
)

_ADJECTIVES = (
    "Blue", "Golden", "Northern", "Rila", "Danube", "Balkan", "Green", "Silver", "Black Sea",
    "Vitosha", "Pirin", "Thracian", "Maritsa", "Iskar", "Rhodope", "Sunny", "Stone", "Oak",
)  # fmt: skip
_NOUNS = (
    "Bakery", "Logistics", "Dental", "Software", "Build", "Trade", "Farm", "Print", "Motors",
    "Textile", "Travel", "Consult", "Design", "Foods", "Pharma", "Energy", "Media", "Wines",
)  # fmt: skip
_FORMS = ("Ltd", "EOOD", "OOD", "AD", "ET", "Foundation")
_CITIES = ("Sofia", "Plovdiv", "Varna", "Burgas", "Ruse", "Stara Zagora", "Pleven", "Shumen")


@dataclass
class InvoicePlan:
    client: "ClientPlan"
    invoice_date: datetime.date
    due_date: datetime.date
    lines: list  # (label, quantity, unit price)
    payment_date: datetime.date | None


@dataclass
class ClientPlan:
    number: int
    code: str
    name: str
    city: str
    phone: str
    vat: str
    behaviour: Behaviour
    accountant: int  # index in the firm's accountants
    fee: float
    term_days: int
    months: list = field(default_factory=list)  # first days of the months worked
    invoices: list = field(default_factory=list)
    timesheets: dict = field(default_factory=dict)  # month -> [(date, hours, label)]


def _add_months(day, months):
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def default_end(today=None):
    """The last day of the previous month: the generated history ends there."""
    today = today or datetime.date.today()
    return today.replace(day=1) - datetime.timedelta(days=1)


def plan_client(number, seed, accountants, first_month, end, prefix="G"):
    """The plan of one client: who, how it behaves, its invoices, payments and work."""
    rng = random.Random(f"{seed}:{prefix}:{number}")
    behaviour = rng.choices(BEHAVIOURS, weights=[b.share for b in BEHAVIOURS])[0]
    code = f"{prefix}{number:05d}"
    name = f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)} {rng.choice(_FORMS)} ({code})"
    client = ClientPlan(
        number=number,
        code=code,
        name=name,
        city=rng.choice(_CITIES),
        phone=f"+359 2 {rng.randrange(1000000, 9999999)}",
        vat=f"BG{rng.randrange(100000000, 999999999)}",
        behaviour=behaviour,
        accountant=rng.randrange(accountants),
        fee=float(rng.randrange(8, 90) * 10),
        term_days=rng.choice((7, 14, 14, 30)),
    )
    window = (end.year - first_month.year) * 12 + end.month - first_month.month + 1
    # Seven clients in ten were there from the start; the others joined on the way.
    start = 0 if rng.random() < 0.7 or behaviour.lost else rng.randrange(max(1, window * 2 // 3))
    stop = window
    if behaviour.lost:
        stop = max(start + 3, window - rng.randint(12, 24))
    payroll = rng.choice((0, 0, 2, 5, 12, 30))
    for index in range(start, min(stop, window)):
        month = _add_months(first_month, index)
        if rng.random() >= behaviour.monthly_probability:
            continue
        client.months.append(month)
        year_growth = 1 + 0.05 * (index // 12)
        label = month.strftime("%B %Y")
        lines = [(f"Bookkeeping, {label}", 1.0, round(client.fee * year_growth, 2))]
        if payroll:
            lines.append((f"Payroll of {payroll} employees, {label}", float(payroll), 8.0))
        if rng.random() < 0.25:
            lines.append((f"Extra services, {label}", float(rng.randint(1, 6)), 45.0))
        invoice_date = month.replace(day=rng.randint(1, 5))
        due_date = invoice_date + datetime.timedelta(days=client.term_days)
        payment_date = due_date + datetime.timedelta(days=rng.randint(*behaviour.delay_days))
        payment_date = max(payment_date, invoice_date)
        if rng.random() < behaviour.unpaid_probability or payment_date > end:
            payment_date = None
        client.invoices.append(InvoicePlan(client, invoice_date, due_date, lines, payment_date))
        last_day = min(end, _add_months(month, 1) - datetime.timedelta(days=1))
        client.timesheets[month] = [
            (
                month + datetime.timedelta(days=rng.randrange((last_day - month).days + 1)),
                rng.randint(1, 16) / 4,
                rng.choice(("Bookkeeping", "VAT return", "Payroll", "Bank reconciliation")),
            )
            for _ in range(rng.randint(2, 6))
        ]
    # A lost client often leaves its last invoice or two unpaid.
    if behaviour.lost and client.invoices and rng.random() < 0.5:
        for invoice in client.invoices[-rng.randint(1, 2) :]:
            invoice.payment_date = None
    return client


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Kinds:
    """Counts and seconds per kind of record; prints the rate of each kind when done."""

    def __init__(self, report, progress):
        self.report = report
        self.progress = progress
        self.counts = defaultdict(int)
        self.seconds = defaultdict(float)

    def batch(self, kind, rows, seconds, total):
        self.counts[kind] += rows
        self.seconds[kind] += seconds
        if self.progress:
            self.progress(kind, self.counts[kind], total)

    def done(self, kind):
        if self.report and kind in self.counts:
            rows, seconds = self.counts[kind], self.seconds[kind]
            rate = rows / seconds if seconds > 0 else 0.0
            self.report(f"  {kind:<12} {rows:>7} rows in {seconds:7.1f} s = {rate:8.1f} rows/s")

    def rates(self):
        return {k: (self.counts[k] / s if s > 0 else 0.0) for k, s in self.seconds.items()}


def ensure_chart(env, company=None):
    """The company's chart of accounts, loading the generic one when it has none."""
    company = company or env.company
    if not company.chart_template:
        env["account.chart.template"].try_loading("generic_coa", company, install_demo=False)
    return company.chart_template


def _service_product(env):
    product = env["product.product"].search([("default_code", "=", PRODUCT_CODE)], limit=1)
    if not product:
        product = env["product.product"].create(
            {
                "name": "Accounting services",
                "default_code": PRODUCT_CODE,
                "type": "service",
                "list_price": 100.0,
            }
        )
    return product


def _accountants(env, count, prefix):
    """``count`` accountant users with their employees, reusing those that exist."""
    group = env.ref(ACCOUNTANT_GROUP)
    company = env.company
    logins = [f"bench.{prefix.lower()}.accountant{n:02d}" for n in range(1, count + 1)]
    users = env["res.users"].with_context(active_test=False).search([("login", "in", logins)])
    existing = set(users.mapped("login"))
    rng = random.Random(f"accountants:{prefix}")
    missing = [
        {
            "name": f"Accountant {prefix}{n:02d}",
            "login": login,
            "email": f"{login}@example.com",
            "company_id": company.id,
            "company_ids": [Command.set(company.ids)],
            "groups_id": [Command.set([group.id])],
        }
        for n, login in enumerate(logins, start=1)
        if login not in existing
    ]
    if missing:
        users |= env["res.users"].create(missing)
    users = users.sorted(lambda user: logins.index(user.login))
    employees = (
        env["hr.employee"].with_context(active_test=False).search([("user_id", "in", users.ids)])
    )
    with_employee = set(employees.mapped("user_id").ids)
    new_employees = [
        {
            "name": user.name,
            "user_id": user.id,
            "company_id": company.id,
            "work_email": user.email,
            "hourly_cost": float(rng.randrange(20, 45)),
        }
        for user in users
        if user.id not in with_employee
    ]
    if new_employees:
        employees |= env["hr.employee"].create(new_employees)
    by_user = {employee.user_id.id: employee for employee in employees}
    return users, [by_user[user.id] for user in users], len(missing)


# The tables each kind of record fills, analysed after each batch (see analyze()).
TABLES = {
    "accountants": ("res_users", "res_partner", "hr_employee", "res_groups_users_rel"),
    "clients": ("res_partner",),
    "projects": ("project_project", "account_analytic_account"),
    "tasks": ("project_task", "project_task_user_rel"),
    "timesheets": ("account_analytic_line",),
    "invoices": ("account_move", "account_move_line", "account_move_line_account_tax_rel"),
    "payments": (
        "account_payment",
        "account_move",
        "account_move_line",
        "account_partial_reconcile",
        "account_full_reconcile",
        "account_move__account_payment",
    ),
}


def analyze(env, tables):
    """ANALYZE the tables after each batch (inside the transaction, it sees its own rows).

    Without it, PostgreSQL plans with the statistics of the tables as they were, which in a
    database reused by rolled-back benchmarks means empty: it then picks nested loops over
    thousands of rows and one query of the payment state takes seconds instead of
    milliseconds. A real database has autovacuum to keep them up to date.
    """
    env.flush_all()
    for table in tables:
        env.cr.execute(f'ANALYZE "{table}"')


def _next_number(env, prefix):
    env.cr.execute(
        "SELECT max(substring(acct_client_code FROM %s)::int) FROM res_partner"
        " WHERE acct_client_code ~ %s",
        [f"^{prefix}([0-9]+)$", f"^{prefix}[0-9]+$"],
    )
    return (env.cr.fetchone()[0] or 0) + 1


def generate_firm(
    env,
    clients=50,
    years=3,
    seed=42,
    batch_size=500,
    progress=None,
    *,
    clients_only=False,
    end=None,
    prefix="G",
    payments="direct",
    report=print,
    commit=False,
):
    """Add ``clients`` firm clients and ``years`` of their history to the database of ``env``.

    :param progress: ``progress(kind, done, total)`` after each batch, kind one of
        clients, projects, tasks, timesheets, invoices, payments
    :param clients_only: only the accountants and the clients (no projects, invoices ...)
    :param end: last day of the history (default: the last day of the previous month)
    :param prefix: of the client codes and the accountants' logins
    :param payments: "direct" (default) or "wizard" (account.payment.register), see above
    :param report: callable printing a line (rows/s per kind); None to stay silent
    :param commit: commit after each batch (for a firm meant to stay in the database)
    :return: summary dict: counts per kind, seconds and rows/s per kind, the invoice plans
    """
    if payments not in ("direct", "wizard"):
        raise ValueError(f"payments must be 'direct' or 'wizard', not {payments!r}")
    started = time.perf_counter(), time.process_time()
    env = env(context={**env.context, **CONTEXT})
    company = env.company
    end = end or default_end()
    first_month = _add_months(end.replace(day=1), -(12 * years - 1))
    kinds = _Kinds(report, progress)

    def flush(kind, rows, since, total):
        analyze(env, TABLES[kind])  # flushes first
        if commit:
            env.cr.commit()
        env.invalidate_all()
        kinds.batch(kind, rows, time.perf_counter() - since, total)

    ensure_chart(env, company)
    first = _next_number(env, prefix)
    total_clients = first - 1 + clients
    accountant_count = max(2, min(25, math.ceil(total_clients / 40)))
    since = time.perf_counter()
    users, employees, new_users = _accountants(env, accountant_count, prefix)
    flush("accountants", new_users, since, accountant_count)
    kinds.done("accountants")

    plans = [
        plan_client(number, seed, accountant_count, first_month, end, prefix)
        for number in range(first, first + clients)
    ]

    # Clients.
    partner_ids = []
    for chunk in _chunks(plans, batch_size):
        since = time.perf_counter()
        partners = env["res.partner"].create(
            [
                {
                    "name": plan.name,
                    "is_company": True,
                    "acct_is_firm_client": True,
                    "acct_client_code": plan.code,
                    "company_id": False,
                    "user_id": users[plan.accountant].id,
                    "customer_rank": 1,
                    "email": f"office.{plan.code.lower()}@example.com",
                    "phone": plan.phone,
                    "city": plan.city,
                    "vat": plan.vat,
                }
                for plan in chunk
            ]
        )
        partner_ids += partners.ids
        flush("clients", len(chunk), since, len(plans))
    kinds.done("clients")
    summary = {
        "accountants": len(users),
        "accountant_ids": users.ids,
        "new_accountants": new_users,
        "clients": len(plans),
        "first_code": plans[0].code if plans else None,
        "last_code": plans[-1].code if plans else None,
        "from": first_month,
        "to": end,
        "behaviours": {b.name: sum(1 for plan in plans if plan.behaviour is b) for b in BEHAVIOURS},
    }
    if clients_only:
        return _finish(summary, kinds, started, report)
    partner_of = dict(zip((plan.number for plan in plans), partner_ids, strict=True))

    # Projects, a task per month worked, timesheets.
    project_of = {}
    for chunk in _chunks(plans, batch_size):
        since = time.perf_counter()
        projects = env["project.project"].create(
            [
                {
                    "name": f"{plan.code} {plan.name}",
                    "partner_id": partner_of[plan.number],
                    "user_id": users[plan.accountant].id,
                    "allow_timesheets": True,
                    "company_id": company.id,
                }
                for plan in chunk
            ]
        )
        project_of.update(zip((plan.number for plan in chunk), projects.ids, strict=True))
        flush("projects", len(chunk), since, len(plans))
    kinds.done("projects")

    task_keys = [(plan, month) for plan in plans for month in plan.months]
    task_of = {}
    this_month = end.replace(day=1)
    for chunk in _chunks(task_keys, batch_size):
        since = time.perf_counter()
        tasks = env["project.task"].create(
            [
                {
                    "name": f"Bookkeeping {month:%Y-%m}",
                    "project_id": project_of[plan.number],
                    "partner_id": partner_of[plan.number],
                    "user_ids": [Command.set(users[plan.accountant].ids)],
                    "date_deadline": _add_months(month, 1).replace(day=14),
                    "state": "1_done" if month < this_month else "01_in_progress",
                }
                for plan, month in chunk
            ]
        )
        task_of.update(zip(((plan.number, month) for plan, month in chunk), tasks.ids, strict=True))
        flush("tasks", len(chunk), since, len(task_keys))
    kinds.done("tasks")

    timesheet_rows = [
        (plan, month, row)
        for plan in plans
        for month, rows in plan.timesheets.items()
        for row in rows
    ]
    for chunk in _chunks(timesheet_rows, batch_size):
        since = time.perf_counter()
        env["account.analytic.line"].create(
            [
                {
                    "name": label,
                    "date": day,
                    "unit_amount": hours,
                    "project_id": project_of[plan.number],
                    "task_id": task_of[plan.number, month],
                    "employee_id": employees[plan.accountant].id,
                }
                for plan, month, (day, hours, label) in chunk
            ]
        )
        flush("timesheets", len(chunk), since, len(timesheet_rows))
    kinds.done("timesheets")

    # Invoices, in the order of their dates (numbers follow dates, as in a real firm).
    invoice_plans = sorted(
        (invoice for plan in plans for invoice in plan.invoices),
        key=lambda invoice: (invoice.invoice_date, invoice.client.number),
    )
    product = _service_product(env)
    journal = env["account.journal"].search(
        [("type", "=", "sale"), *env["account.journal"]._check_company_domain(company)], limit=1
    )
    invoice_ids = []
    timing = {"create": 0.0, "post": 0.0}
    for chunk in _chunks(invoice_plans, batch_size):
        since = time.perf_counter()
        moves = env["account.move"].create(
            [invoice_values(invoice, partner_of, product, journal) for invoice in chunk]
        )
        env.flush_all()
        created = time.perf_counter()
        moves.action_post()
        env.flush_all()
        timing["create"] += created - since
        timing["post"] += time.perf_counter() - created
        invoice_ids += moves.ids
        flush("invoices", len(chunk), since, len(invoice_plans))
    kinds.done("invoices")

    # Payments, in the order of their dates.
    to_pay = sorted(
        (
            (invoice.payment_date, invoice_id)
            for invoice, invoice_id in zip(invoice_plans, invoice_ids, strict=True)
            if invoice.payment_date
        ),
    )
    bank = env["account.journal"].search(
        [("type", "=", "bank"), *env["account.journal"]._check_company_domain(company)], limit=1
    )
    if payments == "wizard":
        _pay_with_wizard(env, to_pay, bank, flush)
    else:
        _pay_directly(env, to_pay, bank, batch_size, flush)
    kinds.done("payments")

    summary.update(
        projects=len(project_of),
        tasks=len(task_of),
        timesheets=len(timesheet_rows),
        invoices=len(invoice_ids),
        invoice_lines=sum(len(invoice.lines) for invoice in invoice_plans),
        payments=len(to_pay),
        unpaid_invoices=len(invoice_ids) - len(to_pay),
        invoice_create_seconds=timing["create"],
        invoice_post_seconds=timing["post"],
        journal_id=journal.id,
        invoice_plans=invoice_plans,
        partner_ids=partner_of,
    )
    return _finish(summary, kinds, started, report)


def invoice_values(invoice, partner_of, product, journal):
    """``account.move.create`` values of a planned customer invoice."""
    return {
        "move_type": "out_invoice",
        "partner_id": partner_of[invoice.client.number],
        "journal_id": journal.id,
        "invoice_date": invoice.invoice_date,
        "invoice_date_due": invoice.due_date,
        "invoice_line_ids": [
            Command.create(
                {"product_id": product.id, "name": label, "quantity": qty, "price_unit": price}
            )
            for label, qty, price in invoice.lines
        ],
    }


def _pay_directly(env, to_pay, bank, batch_size, flush):
    """What account.payment.register does for each invoice (group_payment=False), on
    batches of invoices: create the payments, post them, reconcile each with its invoice."""
    Payment = env["account.payment"].with_context(skip_invoice_sync=True)
    method_line = bank._get_available_payment_method_lines("inbound")[:1]
    reconcilable = [
        ("parent_state", "=", "posted"),
        ("account_type", "in", Payment._get_valid_payment_account_types()),
        ("reconciled", "=", False),
    ]
    for chunk in _chunks(to_pay, batch_size):
        since = time.perf_counter()
        invoices = env["account.move"].browse([invoice_id for _date, invoice_id in chunk])
        receivables = [invoice.line_ids.filtered_domain(reconcilable) for invoice in invoices]
        payments = Payment.create(
            [
                {
                    "date": pay_date,
                    "amount": invoice.amount_residual,
                    "payment_type": "inbound",
                    "partner_type": "customer",
                    "memo": invoice.name,
                    "journal_id": bank.id,
                    "company_id": invoice.company_id.id,
                    "currency_id": invoice.currency_id.id,
                    "partner_id": invoice.commercial_partner_id.id,
                    "payment_method_line_id": method_line.id,
                    "destination_account_id": lines.account_id.id,
                    # The invoice's matched_payment_ids, as the wizard links them.
                    "invoice_ids": [Command.set(invoice.ids)],
                }
                for (pay_date, _id), invoice, lines in zip(
                    chunk, invoices, receivables, strict=True
                )
            ]
        )
        payments.action_post()
        # One reconciliation plan for the batch: each invoice's receivable line with the
        # counterpart line of its payment (what reconcile() does for one set of lines).
        env["account.move.line"]._reconcile_plan(
            [
                payment.move_id.line_ids.filtered_domain(
                    [*reconcilable, ("account_id", "=", lines.account_id.id)]
                )
                + lines
                for payment, lines in zip(payments, receivables, strict=True)
            ]
        )
        flush("payments", len(chunk), since, len(to_pay))


def _pay_with_wizard(env, to_pay, bank, flush):
    """account.payment.register once per payment date, on the invoices paid that day."""
    by_date = defaultdict(list)
    for pay_date, invoice_id in to_pay:
        by_date[pay_date].append(invoice_id)
    for pay_date, invoice_ids in sorted(by_date.items()):
        since = time.perf_counter()
        wizard = (
            env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice_ids)
            .create({"payment_date": pay_date, "journal_id": bank.id, "group_payment": False})
        )
        wizard._create_payments()
        flush("payments", len(invoice_ids), since, len(to_pay))


def _finish(summary, kinds, started, report):
    summary["seconds"] = dict(kinds.seconds)
    summary["rows_per_second"] = kinds.rates()
    summary["total_seconds"] = time.perf_counter() - started[0]
    # CPU of this process (Odoo; PostgreSQL's is not counted): wall time on a busy machine
    # grows, this much less.
    summary["cpu_seconds"] = time.process_time() - started[1]
    if report:
        report(
            f"  generated in {summary['total_seconds']:.1f} s "
            f"({summary['cpu_seconds']:.1f} s CPU in this process)"
        )
    return summary


def main(argv=None):
    import argparse

    import benchlib

    parser = argparse.ArgumentParser(description="Generate a synthetic firm into a database.")
    parser.add_argument("--db", required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--clients-only", action="store_true")
    parser.add_argument("--payments", choices=("direct", "wizard"), default="direct")
    parser.add_argument("--commit", action="store_true", help="keep the firm (default: roll back)")
    args = parser.parse_args(argv)
    registry = benchlib.open_registry(args.db)
    with registry.cursor() as cr:
        env = benchlib.superuser_env(cr)
        summary = generate_firm(
            env,
            clients=args.clients,
            years=args.years,
            seed=args.seed,
            batch_size=args.batch_size,
            clients_only=args.clients_only,
            payments=args.payments,
            commit=args.commit,
        )
        if not args.commit:
            cr.rollback()
    for key, value in summary.items():
        if key not in ("invoice_plans", "partner_ids"):
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
