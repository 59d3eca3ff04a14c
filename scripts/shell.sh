#!/usr/bin/env bash
# make shell: an Odoo shell on the 'bagalau' database. With standard input
# that is not a terminal, Odoo's shell runs it as Python.
source "$(dirname "$0")/lib.sh"
exec bash "$PROJECT_DIR/scripts/odoo.sh" shell -d "$DB_NAME" --no-http --log-level=warn
