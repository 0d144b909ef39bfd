#!/bin/bash
# Entry of the suite's image: creates the demo firm's database once (scripts/create_demo_db.py:
# a company in Bulgaria, Bulgarian, the Bulgarian chart of accounts, our three addons with
# their demo data), then serves it. Later starts find the database and serve at once.
set -euo pipefail
DB="${DB:-acct_firm_demo}"
CONF=/etc/odoo/odoo.conf

# PostgreSQL answers before the first start goes on. Not the image's wait-for-psql.py: its
# arguments changed within 18.0 (--db_host/--db_port/--db_user/--db_password, then only
# --config/--timeout), so any one call of it breaks on the other build. pg_isready is in the
# image (its postgresql-client).
conf() { sed -n "s/^$1 *= *//p" "$CONF"; }
for _ in $(seq 1 60); do
    pg_isready -q -h "$(conf db_host)" -p "$(conf db_port)" -U "$(conf db_user)" && break
    sleep 1
done
pg_isready -q -h "$(conf db_host)" -p "$(conf db_port)" -U "$(conf db_user)" || {
    echo "PostgreSQL at $(conf db_host):$(conf db_port) does not answer after 60 s" >&2
    exit 1
}
python3 /opt/acct-firm-suite/scripts/create_demo_db.py "$DB" -c "$CONF"
exec odoo -c "$CONF" -d "$DB" --db-filter "^$DB\$" "$@"
