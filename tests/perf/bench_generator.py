"""Throughput of the synthetic firm generator (generate.py), and the cost of its invoices.

Generates a firm of --clients clients (default 50) over --years years (default 3), printing
rows/s per kind of record, then creates the very same invoices again with a bare
``account.move.create`` (same values, same context, same batches, left in draft).

Judged (informational) by the generator's create + post time per invoice over the bare
create time per invoice: posting (numbering, the checks of _post) should not cost more than
twice the creation itself, so the goal is <= 3.
"""

from benchlib import Ratio, Stopwatch, rate
from generate import CONTEXT, _chunks, _service_product, generate_firm, invoice_values

DESCRIPTION = "generator rows/s; invoice create+post time / bare create time; goal <= 3"


def run(env, args):
    clients = args.clients or 50
    print(f"generating {clients} clients x {args.years} years (seed {args.seed})")

    def progress(kind, done, total):
        if done < total:  # the generator prints a line per kind when it is done
            print(f"  ... {kind} {done}/{total}", flush=True)

    summary = generate_firm(
        env,
        clients=clients,
        years=args.years,
        seed=args.seed,
        batch_size=args.batch_size,
        progress=progress,
    )
    invoices = summary["invoices"]
    create, post = summary["invoice_create_seconds"], summary["invoice_post_seconds"]
    print(
        f"firm: {summary['clients']} clients {summary['behaviours']}, {invoices} invoices "
        f"({summary['invoice_lines']} lines), {summary['payments']} payments, "
        f"{summary['tasks']} tasks, {summary['timesheets']} timesheets, "
        f"{summary['from']} to {summary['to']}"
    )
    print(
        f"generator: {summary['total_seconds']:.1f} s in all, "
        f"{summary['cpu_seconds']:.1f} s CPU in this process"
    )
    print(
        f"invoices: {rate(invoices, create + post):.1f} invoices/s created and posted "
        f"(create {create:.1f} s, post {post:.1f} s)"
    )

    # The same invoices again, created only.
    moves = env["account.move"].with_context(**CONTEXT)
    product = _service_product(env)
    journal = env["account.journal"].browse(summary["journal_id"])
    bare = 0.0
    for chunk in _chunks(summary["invoice_plans"], args.batch_size):
        values = [invoice_values(inv, summary["partner_ids"], product, journal) for inv in chunk]
        with Stopwatch() as sw:
            moves.create(values)
            env.flush_all()
        bare += sw.seconds
        env.invalidate_all()
    print(f"bare account.move.create: {rate(invoices, bare):.1f} invoices/s ({bare:.1f} s)")
    print(
        f"per invoice: {(create + post) / invoices * 1000:.1f} ms created and posted, "
        f"{bare / invoices * 1000:.1f} ms bare create"
    )
    return Ratio((create + post) / bare, "<=", 3)
