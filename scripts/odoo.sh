#!/usr/bin/env bash
# Run odoo-bin from ODOO_SRC with the project's venv, its addons and the
# private cluster: scripts/odoo.sh [odoo-bin arguments]
source "$(dirname "$0")/lib.sh"

require_odoo
bash "$PROJECT_DIR/scripts/venv.sh"
bash "$PROJECT_DIR/scripts/pg.sh" start
mkdir -p "$STATE_DIR/data"
# The same file for every run; the port comes on the command line, so that
# several runs (make run, make test) can go on at once.
conf="$STATE_DIR/odoo.conf"
tmp_conf="$(mktemp "$STATE_DIR/odoo.conf.XXXXXX")"
cat >"$tmp_conf" <<CONF
[options]
addons_path = $ODOO_SRC/addons,$ODOO_SRC/odoo/addons,$PROJECT_DIR
data_dir = $STATE_DIR/data
db_host = $PG_SOCKET_DIR
db_port = $PG_PORT
db_user = $DB_USER
db_password = False
admin_passwd = admin
http_interface = 127.0.0.1
CONF
mv -f "$tmp_conf" "$conf"
# A sub-command (shell, …) must come before the options.
command=()
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
    command=("$1")
    shift
fi
ports=()
[ "${command[*]}" = "shell" ] || ports=(--http-port="$HTTP_PORT" --gevent-port="$((HTTP_PORT + 3))")
exec "$VENV_DIR/bin/python" "$ODOO_SRC/odoo-bin" "${command[@]}" -c "$conf" "${ports[@]}" "$@"
