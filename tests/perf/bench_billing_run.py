"""The engagement billing run against OCA's ``contract`` for 2,000 clients.

Ours: 2,000 active engagements with a fixed monthly fee, each due for January 2026 on
February 5th; ``acct.engagement._run_billing`` creates the 2,000 draft invoices (one billed
period each, claimed in a savepoint per engagement). The usage statement PDFs are rendered
afterwards by their own scheduled job, which ``contract`` has no equivalent of: not timed.

Theirs: OCA ``contract`` (PyPI ``odoo-addon-contract`` 18.0, installed beside the project with
``pip install --no-deps``, never a dependency of ours) invoicing 2,000 equivalent contracts: one
line, the same product and price, monthly, due on the same date, with
``contract.contract._cron_recurring_create``. ``contract`` is installed into its own database
``<db>_contract`` (created on the first run, reused afterwards), never into the project's.

Both sides create their records, time the run alone, and roll everything back. Judged by
seconds(ours) / seconds(contract): the goal is below 1. When ``contract`` cannot be imported,
the benchmark says it is skipped and reports no ratio.
"""

import datetime
import importlib.util
import os
import subprocess

from benchlib import Ratio, Stopwatch, odoo_command

from odoo import SUPERUSER_ID, Command, api

DESCRIPTION = "seconds of the billing run for 2,000 engagements / OCA contract's; goal < 1"
DEFAULT_COUNT = 2000
DATE_START = datetime.date(2026, 1, 1)
RUN_DATE = datetime.date(2026, 2, 5)
PRICE = 120.0


def _clients(env, count, prefix, values=lambda number: {}):
    return env["res.partner"].create(
        [
            {"name": f"{prefix} client {number:05d}", "is_company": True, **values(number)}
            for number in range(count)
        ]
    )


def time_ours(env, count):
    env["ir.config_parameter"].set_param("acct_firm_crm.billing_post_invoices", "False")
    product = env["product.product"].create(
        {"name": "Bench bookkeeping", "type": "service", "taxes_id": [Command.clear()]}
    )
    clients = _clients(
        env,
        count,
        "Billing bench",
        values=lambda number: {
            "acct_is_firm_client": True,
            "acct_client_code": f"BENCH{number:05d}",
        },
    )
    engagements = env["acct.engagement"].create(
        [
            {
                "name": f"Bench engagement {client.id}",
                "client_id": client.id,
                "date_start": DATE_START,
                "invoicing_day": 5,
                "fee_model": "fixed",
                "fixed_amount": PRICE,
                "product_id": product.id,
            }
            for client in clients
        ]
    )
    engagements.action_activate()
    env.flush_all()
    env.invalidate_all()
    with Stopwatch() as watch:
        periods = env["acct.engagement"]._run_billing(engagements=engagements, today=RUN_DATE)
        env.flush_all()
    assert len(periods) == count and len(periods.invoice_id) == count, len(periods)
    return watch.seconds


def ensure_contract_database(db_name):
    """Create ``db_name`` with ``contract`` installed, unless it already has it."""
    check = subprocess.run(
        ["psql", "-Atc", "SELECT state FROM ir_module_module WHERE name = 'contract'", db_name],
        capture_output=True,
        text=True,
        check=False,
    )
    if check.returncode == 0 and check.stdout.strip() == "installed":
        return
    print(f"installing contract into its own database {db_name} (a few minutes, once)")
    command = odoo_command(
        db_name,
        "-i",
        "contract",
        "--without-demo=all",
        "--stop-after-init",
        "--no-http",
        "--log-level=warn",
    )
    subprocess.run(command, check=True, env=dict(os.environ))


def time_contract(db_name, count):
    from odoo.modules.registry import Registry

    registry = Registry(db_name)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        try:
            product = env["product.product"].create(
                {"name": "Bench bookkeeping", "type": "service", "taxes_id": [Command.clear()]}
            )
            clients = _clients(env, count, "Contract bench")
            contracts = env["contract.contract"].create(
                [
                    {
                        "name": f"Bench contract {client.id}",
                        "partner_id": client.id,
                        "contract_type": "sale",
                        "recurring_rule_type": "monthly",
                        "recurring_interval": 1,
                        "recurring_invoicing_type": "post-paid",
                        "date_start": DATE_START,
                        "contract_line_ids": [
                            Command.create(
                                {
                                    "product_id": product.id,
                                    "name": "Bookkeeping",
                                    "quantity": 1,
                                    "uom_id": product.uom_id.id,
                                    "price_unit": PRICE,
                                    "date_start": DATE_START,
                                    "recurring_rule_type": "monthly",
                                    "recurring_invoicing_type": "post-paid",
                                }
                            )
                        ],
                    }
                    for client in clients
                ]
            )
            env.flush_all()
            env.invalidate_all()
            with Stopwatch() as watch:
                env["contract.contract"]._cron_recurring_create(date_ref=RUN_DATE)
                env.flush_all()
            invoices = env["account.move"].search_count(
                [("partner_id", "in", contracts.partner_id.ids), ("move_type", "=", "out_invoice")]
            )
            assert invoices == count, invoices
            return watch.seconds
        finally:
            cr.rollback()


def run(env, args):
    count = args.clients or DEFAULT_COUNT
    if importlib.util.find_spec("odoo.addons.contract") is None:
        print(
            "skipped: OCA contract is not importable; install it beside the project with "
            "pip install --no-deps 'odoo-addon-contract>=18.0,<18.1'"
        )
        return None
    contract_db = f"{env.cr.dbname}_contract"
    ensure_contract_database(contract_db)
    ours = time_ours(env, count)
    print(f"ours: {count} engagements billed in {ours:.1f} s ({count / ours:.0f}/s)")
    theirs = time_contract(contract_db, count)
    print(f"contract: {count} contracts invoiced in {theirs:.1f} s ({count / theirs:.0f}/s)")
    return Ratio(ours / theirs, "<", 1)
