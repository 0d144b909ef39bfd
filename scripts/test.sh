#!/usr/bin/env bash
# The test command (README): the core tests with pytest, then, where Odoo 18 is importable,
# the three addons installed with --test-enable on a fresh database. Fails on any failed test
# or any ERROR in Odoo's log, and ends with one line "N passed, N failed" for the whole run.
#
#   bash scripts/test.sh            # everything
#   SKIP_INSTALL=1 bash scripts/test.sh   # do not pip-install first (CI installs once)
#   KEEP_DB=1 bash scripts/test.sh  # keep the test database for a look afterwards
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO" || exit 2

# Odoo 18: the one $PYTHON imports, else the project's environment (installed on first use).
odoo_ok=1
ensure_odoo || odoo_ok=0
if [ "$odoo_ok" = 0 ] && [ "${CI:-}" = true ]; then
    echo "No Odoo 18 could be had (see above): under CI the Odoo suite must run, so this fails." >&2
    exit 2
fi
[ -n "${SKIP_INSTALL:-}" ] || install_python_deps || exit 2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
status=0

say "Core tests (pytest, no Odoo needed)"
"$PYTHON" -m pytest -p no:odoo -p no:cacheprovider -q tests/core --junitxml="$work/core.xml"
core_rc=$?
read -r core_passed core_failed < <("$PYTHON" - "$work/core.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET
try:
    suites = ET.parse(sys.argv[1]).getroot().iter("testsuite")
except (OSError, ET.ParseError):
    print(0, 1)
    raise SystemExit
tests = bad = skipped = 0
for suite in suites:
    tests += int(suite.get("tests", 0))
    bad += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skipped += int(suite.get("skipped", 0))
print(tests - bad - skipped, bad)
PY
)
passed=$((passed + core_passed))
failed=$((failed + core_failed))
if [ "$core_rc" -ne 0 ]; then status=1; fi
if [ "$core_rc" -ne 0 ] && [ "$core_failed" -eq 0 ]; then failed=$((failed + 1)); fi

if [ "$odoo_ok" = 1 ]; then
    ensure_postgres || exit 2
    db="acct_firm_test_$(date +%Y%m%d%H%M%S)_$$"
    log="$work/odoo.log"
    say "Odoo suite: installing $ADDONS with --test-enable on the fresh database $db"
    odoo_cmd -d "$db" --data-dir="$work/data" -i "$ADDONS" --test-enable \
        --test-tags="/acct_firm_crm,/acct_client_portal,/acct_segments" \
        --stop-after-init --http-port="${TEST_HTTP_PORT:-8169}" --log-level=info \
        --logfile="$log"
    odoo_rc=$?
    # The last report line of Odoo's test runner: "F failed, E error(s) of N tests ..."
    read -r o_failed o_errors o_total < <(grep -oE "[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests" "$log" \
        | tail -n 1 | sed -E 's/([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests/\1 \2 \3/')
    o_failed=${o_failed:-0}; o_errors=${o_errors:-0}; o_total=${o_total:-0}
    error_lines="$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log" || true)"
    grep -E " odoo.tests.stats: | post-tests in | at_install-tests in " "$log" || true
    if [ "$o_total" -eq 0 ]; then
        echo "Odoo ran no test: the addons' tests were not found or did not load" >&2
        status=1; failed=$((failed + 1))
    fi
    if [ -n "$error_lines" ] || [ "$odoo_rc" -ne 0 ]; then
        status=1
        echo "---- ERROR lines of Odoo's log (exit code $odoo_rc) ----" >&2
        grep -E -A25 '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log" | head -n 400 >&2
        # An ERROR outside a test still fails the run; count it once.
        if [ $((o_failed + o_errors)) -eq 0 ]; then failed=$((failed + 1)); fi
    fi
    passed=$((passed + o_total - o_failed - o_errors))
    failed=$((failed + o_failed + o_errors))
    if [ -n "${KEEP_DB:-}" ]; then
        say "Kept the database $db"
    else
        dropdb --if-exists "$db" >/dev/null 2>&1 || true
    fi
else
    echo "!!! ODOO SUITE SKIPPED: no Odoo 18 could be had (see above); only the core tests ran. !!!"
    echo "!!! Point the commands at a local Odoo 18 source with ODOO_SOURCE=/path/to/odoo.    !!!"
fi

echo "$passed passed, $failed failed"
exit "$status"
