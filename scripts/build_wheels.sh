#!/usr/bin/env bash
# Build acct_firm_core and each addon as a wheel (odoo-addon-<name>, by whool) into dist/,
# checking that the packaging of every piece works.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO" || exit 2
out="${1:-$REPO/dist}"
mkdir -p "$out"
status=0
for dir in . addons/acct_firm_crm addons/acct_client_portal addons/acct_segments; do
    if ! "$PYTHON" -m pip wheel --quiet --disable-pip-version-check --no-deps \
        --no-build-isolation -w "$out" "$dir" >"$out/build.log" 2>&1; then
        echo "wheel build failed for $dir:" >&2
        tail -n 30 "$out/build.log" >&2
        status=1
    fi
done
rm -f "$out/build.log"
say "Wheels in $out:"
ls -1 "$out"
exit "$status"
