#!/usr/bin/env bash
# make bench: the benchmark of issue 13 on a database of its own, made and
# dropped here. N= the number of servants (default 10000).
source "$(dirname "$0")/lib.sh"
BENCH_DB="${BENCH_DB:-bagalau_bench}"
export N="${N:-10000}"
drop() {
    "$VENV_DIR/bin/python" - "$BENCH_DB" <<'PY' || true
import sys, psycopg2, os
conn = psycopg2.connect(dbname="postgres", host=os.environ["PG_SOCKET_DIR"], user="bagalau",
                        port=os.environ.get("PG_PORT", "5432"))
conn.autocommit = True
conn.cursor().execute(f'DROP DATABASE IF EXISTS "{sys.argv[1]}" WITH (FORCE)')
PY
}
export PG_SOCKET_DIR PG_PORT
drop
trap drop EXIT
say "Installing hr_bagalau without demo into $BENCH_DB"
mkdir -p "$STATE_DIR"
bash "$PROJECT_DIR/scripts/odoo.sh" -d "$BENCH_DB" -i hr_bagalau --without-demo=all --stop-after-init \
    --log-level=error >"$STATE_DIR/bench-install.log" 2>&1 || die "the install failed: see $STATE_DIR/bench-install.log"
say "Benchmark with N=$N"
bash "$PROJECT_DIR/scripts/odoo.sh" shell -d "$BENCH_DB" --no-http --log-level=error <"$PROJECT_DIR/scripts/bench.py"
