#!/usr/bin/env bash
# The project's static checks: ruff (lint and format), pylint-odoo with the OCA mandatory
# checks, README.rst of each addon regenerated from its readme/ fragments, the Bulgarian
# translation, and ESLint with Odoo 18's configuration on the addons' JavaScript (npm, from
# the versions pinned in package-lock.json).
# pre-commit runs the same commands (.pre-commit-config.yaml).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO" || exit 2
status=0
say "ruff check"
"$PYTHON" -m ruff check . || status=1
say "ruff format --check"
"$PYTHON" -m ruff format --check . || status=1
say "pylint-odoo (OCA mandatory checks)"
"$PYTHON" -m pylint --rcfile=.pylintrc-mandatory addons/* || status=1
say "README.rst up to date with readme/"
"$PYTHON" scripts/gen_readme.py --check addons/* || status=1
say "Bulgarian translation complete (i18n/bg.po covers i18n/*.pot)"
"$PYTHON" scripts/i18n_bg.py --check addons/* || status=1
say "eslint (Odoo's configuration, .eslintrc.json) on addons/*/static"
if command -v npm >/dev/null 2>&1; then
    # Installed once into node_modules/ from package-lock.json, then reused.
    if [ ! -x node_modules/.bin/eslint ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
        npm ci --no-audit --no-fund --loglevel=error || status=1
    fi
    npm run --silent lint || status=1
elif [ "${CI:-}" = "true" ]; then
    echo "npm is not installed: the JavaScript cannot be linted, so CI fails" >&2
    status=1
else
    echo "npm is not installed: the JavaScript is NOT linted (apt-get install npm)" >&2
fi
exit "$status"
