#!/usr/bin/env bash
# make run: the virtual environment, the private cluster, the 'bagalau'
# database with the three addons and the demo agency, then Odoo on
# http://localhost:$HTTP_PORT. A second run reuses all of it.
source "$(dirname "$0")/lib.sh"

OFFICIAL_ARCHIVE="https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz"

download_odoo() {
    # Only into the default location, and only when the user gave no ODOO_SRC.
    local parent
    parent="$(dirname "$ODOO_SRC")"
    mkdir -p "$parent" 2>/dev/null && [ -w "$parent" ] || return 1
    command -v curl >/dev/null || return 1
    say "no Odoo at $ODOO_SRC: downloading the official Odoo 18.0 source archive"
    local tmp
    tmp="$(mktemp -d)"
    if curl -fsSL --connect-timeout 15 --max-time 900 -o "$tmp/odoo.tar.gz" "$OFFICIAL_ARCHIVE" \
        && mkdir -p "$ODOO_SRC" \
        && tar -xzf "$tmp/odoo.tar.gz" -C "$ODOO_SRC" --strip-components=1; then
        rm -rf "$tmp"
        return 0
    fi
    rm -rf "$tmp"
    rmdir "$ODOO_SRC" 2>/dev/null || true
    return 1
}

if ! odoo_found; then
    download_odoo || die "no Odoo 18.0 at $ODOO_SRC and it could not be downloaded; unpack an Odoo 18.0 source tree (official archive or git branch 18.0) and run: make run ODOO_SRC=/path/to/odoo-18.0"
fi
require_odoo

# A port already taken is reported, not ignored.
"${PYTHON:-python3}" - "$HTTP_PORT" 2>/dev/null <<'PY' || die "port $HTTP_PORT on 127.0.0.1 is already in use (another Odoo?); stop that program or run: make run HTTP_PORT=8070"
import socket, sys
with socket.socket() as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", int(sys.argv[1])))
PY

bash "$PROJECT_DIR/scripts/venv.sh"
bash "$PROJECT_DIR/scripts/pg.sh" start
mkdir -p "$STATE_DIR"

query() {
    bash "$PROJECT_DIR/scripts/pg.sh" psql -d "$DB_NAME" -tAq -c "$1" 2>/dev/null || true
}
log="$STATE_DIR/install.log"
installed="$(query "select count(*) from ir_module_module where name in ('hr_bagalau','hr_bagalau_360','hr_bagalau_reports') and state = 'installed'")"
load_languages() {
    # Kazakh and Russian, as Settings → Languages activates them; then the
    # demo users' languages when the addons are there (demo_languages.py).
    bash "$PROJECT_DIR/scripts/odoo.sh" shell -d "$DB_NAME" --no-http --log-level=warn \
        <"$PROJECT_DIR/scripts/demo_languages.py" >>"$log" 2>&1 \
        || die "Odoo could not load Kazakh and Russian into '$DB_NAME'; the log is $log."
}
if [ "$installed" != "3" ]; then
    say "creating database '$DB_NAME' with the addons and the demo agency (a few minutes; log: $log)"
    # The languages come before the addons: the demo agency's messages and
    # to-dos are written while the addons install, each in the language of
    # its author or assignee, which must be active by then.
    if [ "$(query "select count(*) from ir_module_module where name = 'base' and state = 'installed'")" != "1" ]; then
        bash "$PROJECT_DIR/scripts/odoo.sh" -d "$DB_NAME" -i base --stop-after-init \
            --logfile="$log" --log-level=warn 2>>"$log" \
            || die "Odoo could not create the database '$DB_NAME'; the log is $log."
    fi
    load_languages
    bash "$PROJECT_DIR/scripts/odoo.sh" -d "$DB_NAME" -i "$ADDONS" --stop-after-init \
        --logfile="$log" --log-level=warn 2>>"$log" \
        || die "Odoo could not install the addons into '$DB_NAME'; the log is $log."
fi
# After a pull, the database is brought to the code's version before Odoo starts.
stamp_file="$STATE_DIR/$DB_NAME.addons-stamp"
stamp="$(cd "$PROJECT_DIR" && find hr_bagalau hr_bagalau_360 hr_bagalau_reports -type f ! -name '*.pyc' -print0 \
    | sort -z | xargs -0 md5sum | md5sum | cut -c1-16)"
if [ "$installed" = "3" ] && [ "$(cat "$stamp_file" 2>/dev/null)" != "$stamp" ]; then
    say "updating the addons in '$DB_NAME' to the code (log: $log)"
    bash "$PROJECT_DIR/scripts/odoo.sh" -d "$DB_NAME" -u "$ADDONS" --stop-after-init \
        --logfile="$log" --log-level=warn 2>>"$log" \
        || die "Odoo could not update the addons in '$DB_NAME'; the log is $log."
fi
echo "$stamp" >"$stamp_file"
languages="$(query "select count(*) from res_lang where code in ('kk_KZ','ru_RU') and active")"
if [ "$languages" != "2" ]; then
    # A database made before the languages came first.
    say "loading Kazakh and Russian"
    load_languages
fi

cat <<TXT

Bagalau is starting on http://localhost:$HTTP_PORT  (database '$DB_NAME'; Ctrl-C stops Odoo, 'make stop' the database)
Demo logins (password = login):
  admin        administrator
  hr           HR officer, commission secretary
  hrhead       head of the HR service
  manager      head of a unit, evaluates his staff
  superior     deputy head, the manager's superior
  employee     a civil servant of the manager's unit
  chair        chair of the evaluation commission
  head         head of the body, the authorised person
  methodadmin  methodology administrator

TXT
exec bash "$PROJECT_DIR/scripts/odoo.sh" -d "$DB_NAME" --db-filter="^${DB_NAME}\$"
