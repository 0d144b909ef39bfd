# Shared by scripts/run.sh, scripts/test.sh and .ci/run: find Python, install what the
# project needs from PyPI, make sure PostgreSQL answers and that our database role exists.
# Source it; it defines functions and variables, and runs nothing by itself.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
ADDONS="acct_firm_crm,acct_client_portal,acct_segments"
# Odoo talks to PostgreSQL over its Unix socket with peer authentication, so the database
# role is the operating-system user (Odoo refuses to run as `postgres`).
DB_ROLE="${PGUSER:-$(id -un)}"
# The checkout's own core library wins over whatever copy pip last installed (an editable
# install from another clone, an older wheel), so a run always tests the code beside it.
export PYTHONPATH="$REPO/src${PYTHONPATH:+:$PYTHONPATH}"

say() { printf '==> %s\n' "$*"; }

install_python_deps() {
    say "Installing the pinned Python requirements into $("$PYTHON" -c 'import sys; print(sys.executable)')"
    "$PYTHON" -m pip install --quiet --disable-pip-version-check \
        -r "$REPO/requirements.txt" -r "$REPO/requirements-dev.txt" -e "$REPO" \
        2>&1 | grep -v -e "Running pip as the 'root' user" -e "is ignored: it is neither" || true
    "$PYTHON" -c "import acct_firm_core" || { echo "acct_firm_core did not install" >&2; return 1; }
}

odoo_importable() {
    "$PYTHON" - <<'PY' 2>/dev/null
import sys
import odoo.release
sys.exit(0 if odoo.release.version_info[0] == 18 else 1)
PY
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi
}

ensure_postgres() {
    if ! command -v pg_isready >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "PostgreSQL is not installed: installing it from Debian's packages"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    if ! pg_isready -q; then
        say "PostgreSQL does not answer: starting the local cluster"
        if command -v pg_lsclusters >/dev/null; then
            pg_lsclusters --no-header | while read -r ver name _rest; do
                pg_ctlcluster "$ver" "$name" start || true
            done
        fi
        for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
    fi
    pg_isready -q || { echo "PostgreSQL is not answering on its socket" >&2; return 1; }
    if ! psql -d postgres -tAc "SELECT 1" >/dev/null 2>&1; then
        say "Creating the database role '$DB_ROLE'"
        as_postgres createuser --createdb "$DB_ROLE"
    fi
}

# Odoo prints PDF reports (handover protocols, archive labels, usage statements) with
# wkhtmltopdf; without it they come out as HTML only.
ensure_wkhtmltopdf() {
    command -v wkhtmltopdf >/dev/null 2>&1 && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "Installing wkhtmltopdf from Debian's packages (PDF reports)"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wkhtmltopdf >/dev/null \
            || echo "wkhtmltopdf did not install: reports will be HTML only" >&2
    else
        echo "wkhtmltopdf is missing: install it for PDF reports (apt-get install wkhtmltopdf)" >&2
    fi
}

# Odoo's command line with our addons and the project's local configuration.
odoo_cmd() {
    "$PYTHON" -m odoo -c "$REPO/config/local.conf" --addons-path="$REPO/addons" --db_user="$DB_ROLE" "$@"
}
