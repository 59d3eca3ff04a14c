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
# The private cluster runs before anything asks it (a fresh clone's is stopped).
bash "$PROJECT_DIR/scripts/pg.sh" start
drop
trap drop EXIT
say "Installing $ADDONS without demo into $BENCH_DB"
mkdir -p "$STATE_DIR"
bash "$PROJECT_DIR/scripts/odoo.sh" -d "$BENCH_DB" -i "$ADDONS" --without-demo=all --stop-after-init \
    --log-level=error >"$STATE_DIR/bench-install.log" 2>&1 || die "the install failed: see $STATE_DIR/bench-install.log"
say "Benchmark with N=$N"
bash "$PROJECT_DIR/scripts/odoo.sh" shell -d "$BENCH_DB" --no-http --log-level=error <"$PROJECT_DIR/scripts/bench.py"
# The exports, the analysis over 100,000 results and the 360 (their own sizes).
bash "$PROJECT_DIR/scripts/odoo.sh" shell -d "$BENCH_DB" --no-http --log-level=error \
    <"$PROJECT_DIR/scripts/bench_reports.py"
# Upgrading the addons on the benchmark's database keeps every record.
count_rows() {
    "$VENV_DIR/bin/python" - "$BENCH_DB" <<'PY'
import sys, psycopg2, os
conn = psycopg2.connect(dbname=sys.argv[1], host=os.environ["PG_SOCKET_DIR"], user="bagalau",
                        port=os.environ.get("PG_PORT", "5432"))
cr = conn.cursor()
tables = ("hr_employee", "hr_bagalau_campaign", "hr_bagalau_kpi_plan", "hr_bagalau_kpi_sheet",
          "hr_bagalau_competency_sheet", "hr_bagalau_competency_sheet_line", "hr_bagalau_differentiation_sheet",
          "hr_bagalau_result", "hr_bagalau_commission_decision", "hr_bagalau_survey360",
          "hr_bagalau_survey360_respondent", "hr_bagalau_survey360_result", "survey_user_input",
          "survey_user_input_line", "mail_activity")
print(" ".join(f"{table}={cr.execute(f'SELECT count(*) FROM {table}') or cr.fetchone()[0]}" for table in tables))
PY
}
before="$(count_rows)"
start=$(date +%s%N)
bash "$PROJECT_DIR/scripts/odoo.sh" -d "$BENCH_DB" -u "$ADDONS" --stop-after-init --log-level=error \
    >"$STATE_DIR/bench-upgrade.log" 2>&1 || die "the upgrade failed: see $STATE_DIR/bench-upgrade.log"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
after="$(count_rows)"
rows=0
for pair in $after; do rows=$((rows + ${pair#*=})); done
if [ "$before" = "$after" ]; then kept="every row kept ($rows rows in 15 tables)"; else kept="ROWS CHANGED: $before -> $after"; fi
printf '| %-40s | %5d.%02d | %8s | %7s | %7s | %-50s |\n' "-u $ADDONS" $((ms / 1000)) $((ms % 1000 / 10)) "–" "–" "–" "$kept"
