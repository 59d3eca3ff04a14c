#!/usr/bin/env bash
# The project's private PostgreSQL cluster: data in .pgdata/ (or, when the user
# running PostgreSQL cannot reach the checkout, in /var/lib/bagalau-pg/<id>,
# linked from .pgdata/cluster), a Unix socket in a private directory, no TCP,
# no system service. Never touches the machine's own clusters.
# Usage: pg.sh start | stop | status | psql [args] | remove
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
owner="$(id -un)"
as_owner=()
if [ "$(id -u)" = 0 ]; then
    owner="${PG_OWNER:-postgres}"
    if ! id "$owner" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$owner" \
            || die "cannot create the system user '$owner' to run PostgreSQL; create it or set PG_OWNER to an unprivileged user."
    fi
    # From /, not from a folder that the owner may not enter.
    as_owner=(runuser -u "$owner" -- env -C /)
fi

pg_ctl_() {
    "${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" "$@"
}

is_running() {
    [ -f "$PGDATA_DIR/postmaster.pid" ] && pg_ctl_ status >/dev/null 2>&1
}

owner_reaches() {
    [ ${#as_owner[@]} -eq 0 ] || "${as_owner[@]}" test -x "$1" 2>/dev/null
}

# Before a new cluster is made: as root, PostgreSQL's user may be unable to
# reach the checkout (a clone in a `mktemp -d` folder or in /root). The
# cluster then lives outside, in a directory of this checkout's own that
# .pgdata/cluster links to, so that stop and clean find it.
elsewhere_note=""
place_cluster() {
    if [ "$PGDATA_DIR" = "$PGDATA_HOME" ] && ! owner_reaches "$PROJECT_DIR"; then
        PGDATA_DIR="$PGDATA_ELSEWHERE/$CHECKOUT_ID"
    fi
    if [ "${PGDATA_DIR#"$PGDATA_ELSEWHERE"/}" != "$PGDATA_DIR" ]; then
        { mkdir -p "$PGDATA_ELSEWHERE" && chmod 711 "$PGDATA_ELSEWHERE" \
            && mkdir -p "$PGDATA_HOME" && ln -sfn "$PGDATA_DIR" "$PGDATA_HOME/cluster"; } \
            || die "cannot make $PGDATA_ELSEWHERE for the cluster of a checkout that '$owner' (who runs PostgreSQL) cannot reach; move the checkout to a folder '$owner' can reach (e.g. under /srv) or set PGDATA_DIR to one."
        owner_reaches "$PGDATA_ELSEWHERE" \
            || die "'$owner', who runs PostgreSQL, can reach neither this checkout nor $PGDATA_ELSEWHERE; move the checkout to a folder '$owner' can reach (e.g. under /srv) or set PGDATA_DIR to one."
        elsewhere_note=": '$owner', who runs it, cannot reach this checkout (.pgdata/cluster links there; make clean removes it)"
    fi
}

cmd_start() {
    if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
        place_cluster
        say "creating the private PostgreSQL cluster in $PGDATA_DIR$elsewhere_note"
        mkdir -p "$PGDATA_DIR"
        [ ${#as_owner[@]} -eq 0 ] || chown "$owner" "$PGDATA_DIR"
        chmod 700 "$PGDATA_DIR"
        owner_reaches "$PGDATA_DIR" \
            || die "'$owner', who runs PostgreSQL, cannot reach $PGDATA_DIR; set PGDATA_DIR to a folder '$owner' can reach, or leave it unset."
        "${as_owner[@]}" "$PG_BIN/initdb" -D "$PGDATA_DIR" -U "$DB_USER" --auth=trust \
            -E UTF8 --locale=C.UTF-8 >"$PROJECT_DIR/.pgdata.initdb.log" 2>&1 \
            || die "initdb failed (see $PROJECT_DIR/.pgdata.initdb.log); the user running PostgreSQL must be able to reach $PGDATA_DIR."
        rm -f "$PROJECT_DIR/.pgdata.initdb.log"
    fi
    owner_reaches "$PGDATA_DIR" \
        || die "'$owner', who runs PostgreSQL, cannot reach its cluster $PGDATA_DIR; open the folders above it to '$owner' (chmod o+x), or run make clean and start again to have a cluster '$owner' can reach."
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

# make clean: the server stopped, the cluster removed, also when it lives
# outside the checkout (never a cluster that PGDATA_DIR names).
cmd_remove() {
    local target="$PGDATA_HOME"
    if [ -L "$PGDATA_HOME/cluster" ]; then
        target="$(readlink "$PGDATA_HOME/cluster")"
        case "$target" in
            "$PGDATA_ELSEWHERE"/?*) ;;
            *) die ".pgdata/cluster points at $target, not into $PGDATA_ELSEWHERE; remove that cluster by hand if it is this checkout's, then .pgdata." ;;
        esac
    fi
    PGDATA_DIR="$target"
    if is_running; then
        pg_ctl_ stop -m fast -w >/dev/null \
            || die "the private PostgreSQL in $target does not stop; stop it ($PG_BIN/pg_ctl -D $target stop, as '$owner') and run make clean again."
    fi
    if [ "$target" != "$PGDATA_HOME" ]; then
        rm -rf "$target"
        rmdir "$PGDATA_ELSEWHERE" 2>/dev/null || true
        say "removed the private PostgreSQL cluster in $target"
    fi
    rm -rf "$PGDATA_HOME"
    case "$PG_SOCKET_DIR" in */bagalau-pg-*) rmdir "$PG_SOCKET_DIR" 2>/dev/null || true ;; esac
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) is_running && echo "running: socket $PG_SOCKET_DIR, port $PG_PORT" || { echo "stopped"; exit 3; } ;;
    psql) shift; cmd_start; exec "$PG_BIN/psql" -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U "$DB_USER" "$@" ;;
    remove) cmd_remove ;;
    env) echo "PG_BIN=$PG_BIN"; echo "PGDATA_DIR=$PGDATA_DIR"; echo "PG_SOCKET_DIR=$PG_SOCKET_DIR"; echo "PG_PORT=$PG_PORT"; echo "DB_USER=$DB_USER" ;;
    *) die "usage: scripts/pg.sh start|stop|status|psql|env|remove" ;;
esac
