#!/usr/bin/env bash
# The project's static checks: ruff (lint and format), pylint-odoo with the OCA mandatory
# checks, and README.rst of each addon regenerated from its readme/ fragments.
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
exit "$status"
