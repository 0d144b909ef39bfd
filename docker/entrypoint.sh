#!/bin/bash
# Entry of the suite's image: creates the demo firm's database once (scripts/create_demo_db.py:
# a company in Bulgaria, Bulgarian, the Bulgarian chart of accounts, our three addons with
# their demo data), then serves it. Later starts find the database and serve at once.
set -euo pipefail
DB="${DB:-acct_firm_demo}"
CONF=/etc/odoo/odoo.conf

# PostgreSQL answers before the first start goes on (the image's own wait script).
python3 /usr/local/bin/wait-for-psql.py --db_host "$(sed -n 's/^db_host *= *//p' "$CONF")" \
    --db_port "$(sed -n 's/^db_port *= *//p' "$CONF")" \
    --db_user "$(sed -n 's/^db_user *= *//p' "$CONF")" \
    --db_password "$(sed -n 's/^db_password *= *//p' "$CONF")" --timeout 60
python3 /opt/acct-firm-suite/scripts/create_demo_db.py "$DB" -c "$CONF"
exec odoo -c "$CONF" -d "$DB" --db-filter "^$DB\$" "$@"
