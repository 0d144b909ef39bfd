#!/usr/bin/env bash
# The benchmarks (tests/perf/README.md): make sure PostgreSQL answers, create once the database
# acct_firm_bench with the three addons and no demo data (reused by later runs), then run the
# named benchmarks in-process with tests/perf/run.py. Each benchmark ends with one line
#   RATIO <name>: <value> (goal <op> <goal>)
#
#   bash scripts/bench.sh client_list generator
#   bash scripts/bench.sh --clients 50 generator
#   bash scripts/bench.sh --recreate client_list     # drop and reinstall the database first
#   bash scripts/bench.sh --update client_list       # upgrade the addons (-u) before running
#   bash scripts/bench.sh --no-update client_list    # do not, even if the addons changed
#   BENCH_DB=other_db bash scripts/bench.sh ...      # another database name
#
# The database remembers a digest of the addons' .py/.xml/.csv files it was installed or
# upgraded from: when they changed since, the addons are upgraded (-u) before the run.
# Other options are passed to run.py (--clients N, --seed N, --years N, --strict, --list).
# Benchmarks' data is rolled back by run.py unless a benchmark declares that it commits.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO" || exit 2
# This tree's acct_firm_core first, whatever another checkout's editable install points to.
export PYTHONPATH="$REPO/src${PYTHONPATH:+:$PYTHONPATH}"

DB="${BENCH_DB:-acct_firm_bench}"
recreate=""
update=""
run_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --recreate) recreate=1 ;;
        --update) update=1 ;;
        --no-update) update=no ;;
        --db) DB="$2"; shift ;;
        --db=*) DB="${1#--db=}" ;;
        -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) run_args+=("$1") ;;
    esac
    shift
done

for arg in "${run_args[@]}"; do
    # Listing the benchmarks needs no database.
    if [ "$arg" = --list ]; then exec "$PYTHON" "$REPO/tests/perf/run.py" --list; fi
done

ensure_odoo || { echo "No Odoo 18 could be had: no benchmark can run" >&2; exit 2; }
ensure_postgres || exit 2

db_exists() { [ "$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]; }
addons_installed() {
    # 3 when all three addons are installed: an interrupted installation leaves fewer.
    psql -d "$1" -tAc "SELECT count(*) FROM ir_module_module
        WHERE name IN ('acct_firm_crm', 'acct_client_portal', 'acct_segments')
          AND state = 'installed'" 2>/dev/null || echo 0
}

DIGEST_KEY="acct_firm_bench.addons_digest"
addons_digest() {
    # The addons' code and data (tests, translations and assets need no upgrade).
    (cd "$REPO/addons" && find . -type f \( -name '*.py' -o -name '*.xml' -o -name '*.csv' \) \
        -not -path '*/tests/*' -not -path '*/static/*' -print0 | sort -z | xargs -0 sha1sum) \
        | sha1sum | cut -d' ' -f1
}
stored_digest() {
    psql -d "$1" -tAc "SELECT value FROM ir_config_parameter WHERE key = '$DIGEST_KEY'" 2>/dev/null
}
store_digest() {
    psql -q -d "$1" -c "INSERT INTO ir_config_parameter (key, value, create_date, write_date)
        VALUES ('$DIGEST_KEY', '$2', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, write_date = EXCLUDED.write_date"
}

# One creator at a time: two bench runs started together must not both install.
lock="${TMPDIR:-/tmp}/acct_firm_bench.$DB.lock"
exec 9>"$lock"
flock 9

if [ -n "$recreate" ] && db_exists "$DB"; then
    say "Dropping $DB (--recreate)"
    dropdb "$DB" || exit 2
fi
if db_exists "$DB" && [ "$(addons_installed "$DB")" != 3 ]; then
    say "$DB exists without the three addons installed (an interrupted install?): recreating it"
    dropdb "$DB" || exit 2
fi

log="$(mktemp "${TMPDIR:-/tmp}/acct_firm_bench_install.XXXXXX.log")"
digest="$(addons_digest)"
if ! db_exists "$DB"; then
    say "Creating $DB with $ADDONS, without demo data (a few minutes, once)"
    start=$(date +%s)
    if ! odoo_cmd -d "$DB" -i "$ADDONS" --without-demo=all --stop-after-init \
        --http-port="${BENCH_HTTP_PORT:-8269}" --log-level=warn --logfile="$log"; then
        echo "Installing the addons into $DB failed; the end of Odoo's log ($log):" >&2
        tail -n 60 "$log" >&2
        dropdb --if-exists "$DB" >/dev/null 2>&1
        exit 2
    fi
    if [ "$(addons_installed "$DB")" != 3 ]; then
        echo "The addons are not installed in $DB after the installation; see $log" >&2
        exit 2
    fi
    store_digest "$DB" "$digest"
    say "Created $DB in $(($(date +%s) - start)) s"
elif [ "$update" = 1 ] || { [ -z "$update" ] && [ "$(stored_digest "$DB")" != "$digest" ]; }; then
    if [ "$update" = 1 ]; then
        say "Upgrading $ADDONS in $DB (--update)"
    else
        say "The addons changed since $DB was installed or upgraded: upgrading them (-u)"
    fi
    start=$(date +%s)
    if ! odoo_cmd -d "$DB" -u "$ADDONS" --stop-after-init \
        --http-port="${BENCH_HTTP_PORT:-8269}" --log-level=warn --logfile="$log"; then
        echo "Upgrading the addons in $DB failed; the end of Odoo's log ($log):" >&2
        tail -n 60 "$log" >&2
        exit 2
    fi
    store_digest "$DB" "$digest"
    say "Upgraded $DB in $(($(date +%s) - start)) s"
else
    say "Reusing $DB (--recreate to start afresh)"
fi
rm -f "$log"
flock -u 9

exec "$PYTHON" "$REPO/tests/perf/run.py" --db "$DB" "${run_args[@]}"
