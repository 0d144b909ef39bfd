"""SQL queries of the firm's client list, for a firm of 100 clients and of 1,000.

The web client opens the action acct_firm_crm.action_acct_firm_clients with its list view
acct_firm_crm.view_partner_list_acct_firm: one ``web_search_read`` of the action's domain with
the fields of the view, 80 rows and a count limit of 10,001. This benchmark makes that call as
an accountant (acct_firm_crm.group_acct_firm_user, no superuser rights, so record rules apply)
once to warm the registry caches (access rights, rules, views), empties the record cache as a
new request would find it, and counts the queries of a second call as Odoo's assertQueryCount
does. The firm is generated with generate.py (clients only), first 100 clients, then 900 more.

Judged by queries(1,000) / queries(100): a page of a list must cost the same whatever the
number of clients, so the goal is <= 1.
"""

from benchlib import QueryCounter, Ratio, Stopwatch
from generate import generate_firm
from lxml import etree

from odoo.tools.safe_eval import safe_eval

DESCRIPTION = "queries of the client list page (80 rows) at 1,000 clients / at 100; goal <= 1"
ACTION = "acct_firm_crm.action_acct_firm_clients"
VIEW = "acct_firm_crm.view_partner_list_acct_firm"
LIMIT = 80
COUNT_LIMIT = 10001  # what the web client asks for a list's pager
SIZES = (100, 1000)  # both above LIMIT: a full page, and the count query, in both cases


def list_specification(env, model, view_id):
    """The ``web_search_read`` specification of a list view, as the web client builds it:
    every field of the list (those its modifiers need included, get_views adds them), and
    ``display_name`` of relational ones. Call it as the user: fields may depend on groups."""
    result = env[model].get_views([(view_id, "list")])
    fields_info = result["models"][model]["fields"]
    arch = etree.fromstring(result["views"]["list"]["arch"])
    spec = {}
    for node in arch.xpath("./field"):
        name = node.get("name")
        if fields_info[name]["type"] in ("many2one", "one2many", "many2many"):
            spec[name] = {"fields": {"display_name": {}}}
        else:
            spec[name] = {}
    return spec


def as_user(env, user, context):
    """An environment of ``user`` (not superuser) with its context and the action's."""
    user_env = env(user=user.id, su=False)
    return user_env(context={**user_env["res.users"].context_get(), **context})


def measure(user_env, domain, spec):
    """Queries and seconds of one warm web_search_read of the list."""
    partners = user_env["res.partner"]
    partners.web_search_read(domain, spec, limit=LIMIT, count_limit=COUNT_LIMIT)  # warm-up
    user_env.invalidate_all()  # the record cache of a new request is empty
    with Stopwatch() as sw, QueryCounter(user_env, log=True) as qc:
        result = partners.web_search_read(domain, spec, limit=LIMIT, count_limit=COUNT_LIMIT)
    return qc.count, sw.seconds, result, qc.queries


def run(env, args):
    small, large = SIZES  # not --clients: these two sizes are the point
    action = env.ref(ACTION)
    domain = safe_eval(action.domain or "[]")
    context = safe_eval(action.context or "{}")

    counts = {}
    logs = {}
    user_env = spec = None
    for size in (small, large):
        existing = env["res.partner"].search_count(domain)
        with Stopwatch() as sw:
            summary = generate_firm(
                env,
                clients=max(0, size - existing),
                seed=args.seed,
                batch_size=args.batch_size,
                clients_only=True,
                report=None,
            )
        firm = env["res.partner"].search_count(domain)
        if user_env is None:
            user = env["res.users"].browse(summary["accountant_ids"][0])
            user_env = as_user(env, user, context)
            view = env.ref(VIEW)
            spec = list_specification(user_env, view.model, view.id)
            print(
                f"as {user.login}: web_search_read({domain}, {{{', '.join(spec)}}}, "
                f"limit={LIMIT}, count_limit={COUNT_LIMIT})"
            )
        queries, seconds, result, logs[size] = measure(user_env, domain, spec)
        counts[size] = queries
        print(
            f"{firm:>6} clients (generated in {sw.seconds:.1f} s): {queries} queries, "
            f"{len(result['records'])} rows of {result['length']}, {seconds * 1000:.1f} ms"
        )
    # The counted queries (of both sizes when they differ, to see which one grows).
    for size in (small, large) if counts[large] != counts[small] else (large,):
        print(f"queries at {size} clients:")
        for query in logs[size]:
            print("   ", " ".join(query.split())[:150])
    return Ratio(counts[large] / counts[small], "<=", 1.0)
