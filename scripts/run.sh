#!/usr/bin/env bash
# The run command (README): creates once a database with the three addons and their demo
# data (the demo firm), then serves it on http://127.0.0.1:8069 until Ctrl-C.
#
#   bash scripts/run.sh                 # database "acct_firm_demo"
#   DB=my_firm PORT=8070 bash scripts/run.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"

DB="${DB:-acct_firm_demo}"
PORT="${PORT:-8069}"

ensure_odoo || exit 2
install_python_deps
ensure_postgres || exit 2
ensure_wkhtmltopdf

# The demo firm is there when its database has the addons installed; else create_demo_db.py
# creates it (a company in Bulgaria, Bulgarian, the Bulgarian chart of accounts, the addons
# with the demo firm) or says what to do with a half-created one.
ready="$(psql -d "$DB" -tAc "SELECT 1 FROM ir_module_module WHERE name = 'acct_segments' AND state = 'installed'" 2>/dev/null || true)"
if [ "$ready" != 1 ]; then
    say "Creating the demo firm in the database $DB (minutes, once: see README.md)"
    "$PYTHON" "$REPO/scripts/create_demo_db.py" "$DB" -c "$REPO/config/local.conf" \
        --addons-path="$REPO/addons" --db_user="$DB_ROLE" --log-level=warn || exit 1
fi

cat <<INFO

  The demo firm "Витоша Консулт ООД" is served at  http://127.0.0.1:$PORT/web/login?db=$DB

  Demo logins (login / password), all in Bulgarian:
    admin / admin                  Георги Петров, the firm's manager (Accounting firm / Manager)
    demo / demo                    Мария Стоянова, an accountant (Accounting firm / User)
    client / client                the owner of the client Зора ЕООД on the portal (/my/accounting)

  Stop it with Ctrl-C; the next run serves the same database in seconds.

INFO
exec "$PYTHON" -m odoo -c "$REPO/config/local.conf" --addons-path="$REPO/addons" \
    --db_user="$DB_ROLE" -d "$DB" --db-filter="^$DB\$" --http-port="$PORT"
