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
    # Once per environment and set of requirements: a stamp in the environment keeps their
    # digest, so a later run goes on at once (the checkout's src/ is on PYTHONPATH anyway).
    local prefix digest stamp
    prefix="$("$PYTHON" -c 'import sys; print(sys.prefix)')"
    digest="$(cat "$REPO/requirements.txt" "$REPO/requirements-dev.txt" "$REPO/pyproject.toml" | cksum)"
    stamp="$prefix/.acct-firm-suite-requirements"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ] && "$PYTHON" -c "import acct_firm_core" 2>/dev/null; then
        say "The pinned Python requirements are installed in $prefix"
        return 0
    fi
    say "Installing the pinned Python requirements into $("$PYTHON" -c 'import sys; print(sys.executable)')"
    "$PYTHON" -m pip install --quiet --disable-pip-version-check \
        -r "$REPO/requirements.txt" -r "$REPO/requirements-dev.txt" -e "$REPO" \
        2>&1 | grep -v -e "Running pip as the 'root' user" -e "is ignored: it is neither" || true
    "$PYTHON" -c "import acct_firm_core" || { echo "acct_firm_core did not install" >&2; return 1; }
    echo "$digest" >"$stamp" 2>/dev/null || true
}

odoo_importable() {
    "$PYTHON" - <<'PY' 2>/dev/null
import sys
import odoo.release
sys.exit(0 if odoo.release.version_info[0] == 18 else 1)
PY
}

# Where Odoo comes from when the chosen Python cannot import it: ODOO_SOURCE (a source
# directory, a source tarball or its URL), else Odoo's official 18.0 nightly source of one
# dated build (the first-of-month builds stay on the nightly server).
ODOO_NIGHTLY_URL="https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.20261101.tar.gz"
# The project's own virtual environment for Odoo, outside the checkout so that every clone
# of the project (and CI's fresh clone) reuses the one installation.
ODOO_VENV="${ODOO_VENV:-${XDG_DATA_HOME:-${HOME:-$(getent passwd "$(id -un)" | cut -d: -f6)}/.local/share}/acct-firm-suite/odoo-18.0}"

# Makes $PYTHON a Python that imports Odoo 18: the chosen one when it can, else the project's
# virtual environment, installed on first use. Returns 1 (with the reason on stderr) when no
# Odoo 18 can be had.
ensure_odoo() {
    odoo_importable && return 0
    local venv_python="$ODOO_VENV/bin/python"
    if [ -x "$venv_python" ] && PYTHON="$venv_python" odoo_importable; then
        export PYTHON="$venv_python"
        say "Odoo 18 from the project's environment $ODOO_VENV"
        return 0
    fi
    say "Odoo 18 is not importable by $PYTHON: installing it into $ODOO_VENV (once)"
    install_odoo_venv || return 1
    export PYTHON="$venv_python"
}

install_odoo_venv() {
    local venv_python="$ODOO_VENV/bin/python" source="${ODOO_SOURCE:-$ODOO_NIGHTLY_URL}" src
    say "[1/5] Creating the virtual environment $ODOO_VENV"
    mkdir -p "$(dirname "$ODOO_VENV")" 2>/dev/null \
        || { echo "Cannot create $(dirname "$ODOO_VENV"): set ODOO_VENV to a folder you may write" >&2; return 1; }
    "$PYTHON" -m venv "$ODOO_VENV" || {
        echo "'$PYTHON -m venv' failed: install Python's venv module (apt-get install python3-venv)" >&2
        return 1
    }
    "$venv_python" -m pip install --quiet --disable-pip-version-check --upgrade "pip>=23" "wheel" \
        || { echo "pip could not reach the package index: check the network or a proxy" >&2; return 1; }

    say "[2/5] Getting Odoo 18.0 Community from $source"
    src="$(odoo_source_dir "$source")" || return 1

    say "[3/5] Checking that $src is Odoo 18.0"
    "$PYTHON" - "$src" <<'PY' || return 1
import re, sys
text = open(f"{sys.argv[1]}/odoo/release.py", encoding="utf-8").read()
match = re.search(r"^version_info = \((\d+), (\d+)", text, re.M)
if not match or match.groups() != ("18", "0"):
    sys.exit(f"{sys.argv[1]} is not Odoo 18.0 (release.py says {match and match.groups()})")
PY

    say "[4/5] Installing Odoo's requirements (a few minutes; one line per package)"
    # python-ldap is only needed by auth_ldap and needs the LDAP headers; cbor2 5.4.2 does
    # not build with setuptools 70 or newer (pip 25.3+ reads build constraints from
    # PIP_BUILD_CONSTRAINT, older pips from PIP_CONSTRAINT).
    local work; work="$(mktemp -d)"
    grep -v -i '^python-ldap' "$src/requirements.txt" >"$work/requirements.txt"
    echo "setuptools<70" >"$work/constraints.txt"
    PIP_CONSTRAINT="$work/constraints.txt" PIP_BUILD_CONSTRAINT="$work/constraints.txt" \
        "$venv_python" -m pip install --disable-pip-version-check \
        -r "$work/requirements.txt" 2>&1 | grep --line-buffered -E '^(Collecting|ERROR|error:)' \
        | sed -u 's/^/    /'
    local pip_rc=${PIPESTATUS[0]}
    rm -rf "$work"
    if [ "$pip_rc" -ne 0 ]; then
        echo "Odoo's requirements did not install (see above): psycopg2 needs pg_config" \
            "(apt-get install libpq-dev gcc python3-dev)" >&2
        return 1
    fi

    say "[5/5] Putting $src on the environment's path"
    # A .pth entry, not `pip install -e`: the import hook of an editable install is hidden by
    # the odoo/addons folder that an odoo-addon-* wheel adds to site-packages.
    local site; site="$("$venv_python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    echo "$src" >"$site/odoo-18.0-source.pth"
    PYTHON="$venv_python" odoo_importable || { echo "Odoo 18 is still not importable from $ODOO_VENV" >&2; return 1; }
    say "Odoo 18.0 installed in $ODOO_VENV"
}

# Prints the directory of the Odoo source named by $1: the directory itself, or where a
# tarball (a file or a URL) was unpacked inside the environment.
odoo_source_dir() {
    local source="$1" archive unpacked="$ODOO_VENV/src"
    if [ -d "$source" ]; then
        [ -f "$source/odoo/release.py" ] || { echo "$source is not an Odoo source directory" >&2; return 1; }
        (cd "$source" && pwd)
        return 0
    fi
    if [ -f "$unpacked/.from" ] && [ "$(cat "$unpacked/.from")" = "$source" ]; then
        find "$unpacked" -mindepth 2 -maxdepth 3 -path '*/odoo/release.py' -printf '%h\n' | head -n 1 | xargs dirname
        return 0
    fi
    rm -rf "$unpacked" && mkdir -p "$unpacked"
    archive="$source"
    if [ ! -f "$source" ]; then
        archive="$unpacked/odoo.tar.gz"
        "$PYTHON" - "$source" "$archive" >&2 <<'PY' || {
import sys, urllib.request
url, path = sys.argv[1:]
with urllib.request.urlopen(url, timeout=60) as response, open(path, "wb") as out:
    total = int(response.headers.get("Content-Length") or 0)
    done = shown = 0
    while chunk := response.read(1 << 20):
        out.write(chunk)
        done += len(chunk)
        if done - shown >= 25 << 20:
            shown = done
            print(f"    {done >> 20} MiB" + (f" of {total >> 20} MiB" if total else ""), flush=True)
PY
            echo "Could not download $source: no network? Set ODOO_SOURCE to a local Odoo 18 source" \
                "(a directory or a .tar.gz)" >&2
            return 1
        }
    fi
    say "    unpacking $(basename "$archive")" >&2
    tar -xzf "$archive" -C "$unpacked" || { echo "$archive is not a readable .tar.gz" >&2; return 1; }
    rm -f "$unpacked/odoo.tar.gz"
    echo "$source" >"$unpacked/.from"
    local dir
    dir="$(find "$unpacked" -mindepth 2 -maxdepth 3 -path '*/odoo/release.py' -printf '%h\n' | head -n 1)"
    [ -n "$dir" ] || { echo "$source holds no Odoo source (no odoo/release.py)" >&2; return 1; }
    dirname "$dir"
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
