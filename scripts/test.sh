#!/usr/bin/env bash
# make test: pytest over tests/ in the project's venv. Without Odoo the real
# Odoo run is skipped, and the summary says why.
source "$(dirname "$0")/lib.sh"
bash "$PROJECT_DIR/scripts/venv.sh"
cd "$PROJECT_DIR"
# The private PostgreSQL is stopped afterwards unless it was running before
# (a `make run` in another terminal keeps its database server).
if ! bash "$PROJECT_DIR/scripts/pg.sh" status >/dev/null 2>&1; then
    trap 'bash "$PROJECT_DIR/scripts/pg.sh" stop >/dev/null 2>&1 || true' EXIT
fi
"$VENV_DIR/bin/python" -m pytest tests "$@"
