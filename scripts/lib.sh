# Shared helpers of the project's scripts (sourced, not run).
# Every failure ends in one sentence that says what is missing and what to do.
set -euo pipefail

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ODOO_SRC="${ODOO_SRC:-/opt/odoo/18.0}"
VENV_DIR="${VENV_DIR:-$PROJECT_DIR/.venv}"
# The private cluster lives in .pgdata/, or where PGDATA_DIR says. When
# PostgreSQL's unprivileged user cannot reach this checkout, pg.sh puts it in
# $PGDATA_ELSEWHERE/<checkout id> and the link .pgdata/cluster says where.
PGDATA_HOME="$PROJECT_DIR/.pgdata"
PGDATA_ELSEWHERE="/var/lib/bagalau-pg"
if [ -z "${PGDATA_DIR:-}" ] && [ -L "$PGDATA_HOME/cluster" ]; then
    PGDATA_DIR="$(readlink "$PGDATA_HOME/cluster")"
fi
PGDATA_DIR="${PGDATA_DIR:-$PGDATA_HOME}"
case "$PGDATA_DIR" in /*) ;; *) PGDATA_DIR="$PWD/$PGDATA_DIR" ;; esac
STATE_DIR="$PROJECT_DIR/.odoo"
PG_PORT="${PG_PORT:-5432}"
DB_USER="bagalau"
DB_NAME="${DB_NAME:-bagalau}"
HTTP_PORT="${HTTP_PORT:-8069}"
ADDONS="hr_bagalau,hr_bagalau_360,hr_bagalau_reports"
# What this checkout keeps outside itself is named by its path and inode, so a
# new clone at the path of a removed one never meets the old one's server.
CHECKOUT_ID="$(printf '%s:%s' "$PROJECT_DIR" "$(stat -c %i "$PROJECT_DIR")" | md5sum | cut -c1-10)"
# A Unix socket path is limited to 107 bytes: keep the socket directory short
# and private to this checkout, whatever the checkout's path.
PG_SOCKET_DIR="${PG_SOCKET_DIR:-/tmp/bagalau-pg-$CHECKOUT_ID}"

die() {
    echo "error: $*" >&2
    exit 1
}

say() {
    echo "==> $*"
}

odoo_found() {
    [ -f "$ODOO_SRC/odoo-bin" ] && [ -f "$ODOO_SRC/odoo/release.py" ]
}

odoo_series() {
    "${PYTHON:-python3}" - "$ODOO_SRC" <<'PY'
import runpy, sys
release = runpy.run_path(sys.argv[1] + "/odoo/release.py")
print(release["serie"])
PY
}

require_odoo() {
    odoo_found || die "no Odoo source tree at ODOO_SRC=$ODOO_SRC; download Odoo 18.0 (the official source archive or a git checkout of branch 18.0) and run again with ODOO_SRC=/path/to/odoo-18.0."
    local series
    series="$(odoo_series)" || die "cannot read $ODOO_SRC/odoo/release.py; ODOO_SRC must point at an Odoo 18.0 source tree."
    [ "$series" = "18.0" ] || die "ODOO_SRC=$ODOO_SRC is Odoo $series, not 18.0; point ODOO_SRC at an Odoo 18.0 source tree."
}
