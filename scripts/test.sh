#!/usr/bin/env bash
# make test: pytest over tests/ in the project's venv. Without Odoo the real
# Odoo run is skipped, and the summary says why.
source "$(dirname "$0")/lib.sh"
bash "$PROJECT_DIR/scripts/venv.sh"
cd "$PROJECT_DIR"
exec "$VENV_DIR/bin/python" -m pytest tests "$@"
