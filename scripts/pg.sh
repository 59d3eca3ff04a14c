#!/usr/bin/env bash
# The project's private PostgreSQL cluster: data in .pgdata/, a Unix socket in
# a private directory, no TCP, no system service. Never touches the machine's
# own clusters.   Usage: pg.sh start | stop | status | psql [args]
source "$(dirname "$0")/lib.sh"

find_pg_bin() {
    local dir
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return
    fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
    done
    return 1
}

install_postgresql() {
    [ "$(id -u)" = 0 ] || die "PostgreSQL's initdb and pg_ctl are not installed; install them (Debian: sudo apt-get install postgresql) and run again."
    command -v apt-get >/dev/null || die "PostgreSQL's initdb and pg_ctl are not installed and there is no apt-get; install PostgreSQL 12 or newer and run again."
    say "installing Debian's PostgreSQL (no cluster of its own is created)"
    # postgresql-common would create and start a 'main' cluster: this project
    # wants none outside its own directory.
    mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >/dev/null 2>&1 \
        || die "apt-get could not install postgresql; install it by hand (apt-get install postgresql) and run again."
}

PG_BIN="$(find_pg_bin)" || { install_postgresql; PG_BIN="$(find_pg_bin)" || die "PostgreSQL was installed but initdb was not found under /usr/lib/postgresql; set PATH to its bin directory."; }

# PostgreSQL refuses to run as root: as root, the cluster belongs to an
# unprivileged system user.
as_owner=()
if [ "$(id -u)" = 0 ]; then
    owner="${PG_OWNER:-postgres}"
    if ! id "$owner" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$owner" \
            || die "cannot create the system user '$owner' to run PostgreSQL; create it or set PG_OWNER to an unprivileged user."
    fi
    as_owner=(runuser -u "$owner" --)
fi

pg_ctl_() {
    "${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" "$@"
}

is_running() {
    [ -f "$PGDATA_DIR/postmaster.pid" ] && pg_ctl_ status >/dev/null 2>&1
}

cmd_start() {
    if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
        say "creating the private PostgreSQL cluster in $PGDATA_DIR"
        mkdir -p "$PGDATA_DIR"
        [ ${#as_owner[@]} -eq 0 ] || chown "$owner" "$PGDATA_DIR"
        chmod 700 "$PGDATA_DIR"
        "${as_owner[@]}" "$PG_BIN/initdb" -D "$PGDATA_DIR" -U "$DB_USER" --auth=trust \
            -E UTF8 --locale=C.UTF-8 >"$PROJECT_DIR/.pgdata.initdb.log" 2>&1 \
            || die "initdb failed (see $PROJECT_DIR/.pgdata.initdb.log); the user running PostgreSQL must be able to reach $PGDATA_DIR."
        rm -f "$PROJECT_DIR/.pgdata.initdb.log"
    fi
    if is_running; then
        # Running, but listening elsewhere (started by an older checkout of
        # these scripts): restart it on this checkout's socket.
        [ -S "$PG_SOCKET_DIR/.s.PGSQL.$PG_PORT" ] && return 0
        pg_ctl_ stop -m fast -w >/dev/null
    fi
    mkdir -p "$PG_SOCKET_DIR"
    [ ${#as_owner[@]} -eq 0 ] || chown "$owner" "$PG_SOCKET_DIR"
    chmod 700 "$PG_SOCKET_DIR"
    # Socket only: listen_addresses='' opens no TCP port at all. fsync is off:
    # this cluster holds demo and test databases that the scripts can rebuild.
    pg_ctl_ start -w -t 60 -l "$PGDATA_DIR/server.log" \
        -o "-c listen_addresses='' -c unix_socket_directories='$PG_SOCKET_DIR' -p $PG_PORT -c fsync=off -c full_page_writes=off" \
        >/dev/null \
        || die "the private PostgreSQL did not start; its log is $PGDATA_DIR/server.log."
}

cmd_stop() {
    if is_running; then
        pg_ctl_ stop -m fast -w >/dev/null && say "private PostgreSQL stopped"
    else
        say "private PostgreSQL is not running"
    fi
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) is_running && echo "running: socket $PG_SOCKET_DIR, port $PG_PORT" || { echo "stopped"; exit 3; } ;;
    psql) shift; cmd_start; exec "$PG_BIN/psql" -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U "$DB_USER" "$@" ;;
    env) echo "PG_BIN=$PG_BIN"; echo "PG_SOCKET_DIR=$PG_SOCKET_DIR"; echo "PG_PORT=$PG_PORT"; echo "DB_USER=$DB_USER" ;;
    *) die "usage: scripts/pg.sh start|stop|status|psql|env" ;;
esac
