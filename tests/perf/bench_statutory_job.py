"""The statutory job for a firm of 2,000 clients and one month of deadlines.

Clients get varied profiles (VAT, employer, CIT advances, self-insured, local taxes ...), so
their obligations come from the catalogue as in production. Their obligations start on
1 March 2026 and the job runs as of 20 March 2026: it creates every task whose deadline, minus
its lead time, has come in March, one client project each, batch after batch as the cron
does (``_cron_generate_tasks`` until nothing remains).

Compared with the plain work it cannot avoid: a batched ``create`` of the same projects and
the same task values, in batches of the same size and the same context. Judged by
job / plain (goal <= 1.3). Also printed: the rerun (nothing left to do) as a share of the
first run, goal <= 5 %, on its own RATIO line before the last.

Everything is rolled back at the end.
"""

import datetime

from benchlib import Ratio, Stopwatch

DESCRIPTION = "statutory job for 2,000 clients, one month, vs a plain batched create; goal <= 1.3"
TODAY = datetime.date(2026, 3, 20)
START = datetime.date(2026, 3, 1)
BATCH = 500


def _profile(index):
    """A deterministic mix of legal forms and flags."""
    kind = index % 10
    if kind in (0, 1, 2, 3):  # ООД / ЕООД
        return {
            "is_company": True,
            "acct_legal_form": "ood" if kind % 2 else "eood",
            "acct_cit_payer": True,
            "acct_commercial_register": True,
            "acct_vat_registered": kind != 3,
            "acct_employer": kind != 2,
            "acct_cit_advance_regime": ("none", "quarterly", "monthly")[index % 3],
            "acct_owns_vehicles": index % 4 == 0,
            "acct_intra_eu_supplies": index % 5 == 0,
        }
    if kind in (4, 5):  # ЕТ
        return {
            "is_company": True,
            "acct_legal_form": "et",
            "acct_sole_trader": True,
            "acct_self_insured": True,
            "acct_vat_registered": kind == 4,
            "acct_civil_contract_payer": True,
        }
    if kind == 6:  # АД
        return {
            "is_company": True,
            "acct_legal_form": "ad",
            "acct_cit_payer": True,
            "acct_commercial_register": True,
            "acct_vat_registered": True,
            "acct_employer": True,
            "acct_cit_advance_regime": "monthly",
            "acct_pays_dividends": True,
            "acct_owns_real_estate": True,
        }
    if kind == 7:  # ЮЛНЦ
        return {
            "is_company": True,
            "acct_legal_form": "ngo",
            "acct_nonprofit": True,
            "acct_employer": True,
        }
    return {  # self-insured people and landlords
        "acct_legal_form": "self_insured",
        "acct_self_insured": True,
        "acct_individual_rental": kind == 9,
    }


def _make_clients(env, count):
    accountants = env["res.users"].create(
        [
            {
                "name": f"Bench accountant {n}",
                "login": f"bench_statutory_{n}",
                "groups_id": [(6, 0, [env.ref("acct_firm_crm.group_acct_firm_user").id])],
            }
            for n in range(10)
        ]
    )
    clients = env["res.partner"].create(
        [
            {
                "name": f"Bench client {index:05d}",
                "acct_is_firm_client": True,
                "acct_client_code": f"BSJ{index:05d}",
                "acct_accountant_id": accountants[index % 10].id,
                "acct_reviewer_id": accountants[(index + 1) % 10].id,
                **_profile(index),
            }
            for index in range(count)
        ]
    )
    clients.acct_obligation_ids.write({"date_start": START})
    # Only the bench's clients take part.
    env["acct.client.obligation"].search([("client_id", "not in", clients.ids)]).write(
        {"active": False}
    )
    env.flush_all()
    return clients


def _run_job(env):
    obligations = env["acct.client.obligation"]
    calls = 0
    while True:
        calls += 1
        _done, remaining = obligations._cron_generate_tasks(batch_size=BATCH, today=TODAY)
        if not remaining:
            break
    env.flush_all()
    return calls


def _plain_create(env, clients, pending):
    """The same projects and tasks, created in batches without the job's logic."""
    from odoo.addons.acct_firm_crm.models.acct_client_obligation import TASK_CREATE_CONTEXT

    obligation = env["acct.client.obligation"]
    projects = (
        env["project.project"]
        .sudo()
        .with_context(mail_create_nolog=True, tracking_disable=True)
        .create([client._acct_project_values() for client in clients])
    )
    by_client = dict(zip(clients.ids, projects.ids, strict=True))
    checklists = {kind: obligation._checklist_html(kind) for kind in obligation._types_of(pending)}
    vals_list = [obligation._task_values(*row, by_client, checklists) for row in pending]
    tasks = env["project.task"].with_context(**TASK_CREATE_CONTEXT)
    for start in range(0, len(vals_list), BATCH):
        tasks.create(vals_list[start : start + BATCH])
    env.flush_all()


def run(env, args):
    count = args.clients or 2000
    with Stopwatch() as sw:
        clients = _make_clients(env, count)
    print(f"{count} clients, {len(clients.acct_obligation_ids)} obligations in {sw.seconds:.1f}s")
    env.cr.execute("SAVEPOINT bench_statutory")
    pending = (
        env["acct.client.obligation"]
        .search(env["acct.client.obligation"]._job_domain())
        ._pending_deadlines(TODAY)
    )
    print(f"{len(pending)} tasks due in March 2026")

    # The job first, on cold caches: if anything, that favours the plain create.
    with Stopwatch() as job:
        calls = _run_job(env)
    created = env["project.task"].search_count([("acct_client_id", "in", clients.ids)])
    with Stopwatch() as rerun:
        _run_job(env)
    again = env["project.task"].search_count([("acct_client_id", "in", clients.ids)])
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_statutory")
    env.invalidate_all(flush=False)
    with Stopwatch() as plain:
        _plain_create(env, clients, pending)
    assert created == len(pending) == again, (created, len(pending), again)
    print(f"plain batched create: {plain.seconds:.2f}s")
    print(f"job: {job.seconds:.2f}s in {calls} cron calls, {created} tasks")
    print(f"rerun: {rerun.seconds:.2f}s, nothing created")
    share = rerun.seconds / job.seconds
    print(f"RATIO statutory_job_rerun: {share:.3f} (goal <= 0.05)")
    return Ratio(job.seconds / plain.seconds, "<=", 1.3)
