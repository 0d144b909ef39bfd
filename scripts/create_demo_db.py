"""Creates the demo firm's database once, as Odoo's database manager would for Bulgaria.

    python3 scripts/create_demo_db.py DB [odoo options: -c CONF --addons-path ... --db_user ...]

Used by scripts/run.sh and by the Docker image's entry (docker/entrypoint.sh). Does nothing
when DB exists. Otherwise, in three steps, each printed on one line:

1. an empty database with ``base`` and its demo data, the company in Bulgaria, Bulgarian
   loaded and chosen for the administrator (login admin, password admin), the users in the
   Europe/Sofia time zone: what the database manager's form does with country "Bulgaria"
   and language "Bulgarian";
2. Odoo's Bulgarian localisation ``l10n_bg``: installing it loads the Bulgarian chart of
   accounts and taxes on the company (it is not a dependency of our addons: a firm in another
   country uses its own);
3. our three addons with their demo data: the demo firm (its name, address, ЕИК, logo, the
   euro as currency), its clients, their history and the portal users.

The exit code is 0 when the database exists at the end with the addons installed, else 1.
"""

import sys
import time

ADDONS = ("acct_firm_crm", "acct_client_portal", "acct_segments")
LANG = "bg_BG"
COUNTRY = "bg"


def say(message):
    print(f"==> {message}", flush=True)


def install(db, modules):
    """What ``odoo -i modules --stop-after-init`` does, in this process."""
    import odoo

    odoo.tools.config["init"] = dict.fromkeys(modules, 1)
    try:
        odoo.modules.registry.Registry.new(db, update_module=True)
    finally:
        odoo.tools.config["init"] = {}
        odoo.modules.registry.Registry.delete(db)


def installed(db, modules):
    import odoo

    with odoo.sql_db.db_connect(db).cursor() as cr:
        cr.execute(
            "SELECT name FROM ir_module_module WHERE state = 'installed' AND name IN %s",
            [tuple(modules)],
        )
        return {name for (name,) in cr.fetchall()} == set(modules)


def main(argv):
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__)
    db, odoo_args = argv[0], argv[1:]
    import odoo
    from odoo.service import db as db_service

    odoo.tools.config.parse_config(odoo_args)
    odoo.tools.config["without_demo"] = False
    if db_service.exp_db_exist(db):
        if installed(db, ADDONS):
            return 0
        sys.exit(
            f"The database {db} exists without the demo firm (a run stopped half-way?): "
            f"drop it (dropdb {db}) and run again."
        )
    started = time.perf_counter()
    say(f"[1/3] Creating the database {db}: company in Bulgaria, Bulgarian language")
    db_service._create_empty_database(db)
    # The database manager's own steps (it logs and swallows its errors: checked below).
    db_service._initialize_db(None, db, True, LANG, "admin", "admin", COUNTRY)
    if not installed(db, ["base"]):
        sys.exit(f"The database {db} could not be initialised (see the log above)")
    say("[2/3] Installing the Bulgarian chart of accounts (l10n_bg)")
    install(db, ["l10n_bg"])
    say(f"[3/3] Installing {', '.join(ADDONS)} with the demo firm")
    install(db, ADDONS)
    if not installed(db, ADDONS):
        sys.exit(f"The addons did not install in {db} (see the log above)")
    say(f"The demo firm was created in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
