#!/usr/bin/env bash
# Make (or reuse) the project's virtual environment.
# With an Odoo source tree at ODOO_SRC it holds Odoo's requirements too.
source "$(dirname "$0")/lib.sh"

PYTHON="${PYTHON:-python3}"
command -v "$PYTHON" >/dev/null || die "no $PYTHON on PATH; install Python 3.10–3.12 (Debian: apt-get install python3 python3-venv) or set PYTHON=/path/to/python3."

inputs=("$PROJECT_DIR/requirements.txt" "$PROJECT_DIR/requirements-dev.txt" "$PROJECT_DIR/scripts/odoo_requirements.py")
with_odoo=0
if odoo_found; then
    with_odoo=1
    inputs+=("$ODOO_SRC/requirements.txt")
fi
stamp="$(cat "${inputs[@]}" | md5sum | cut -c1-16)"
stamp_file="$VENV_DIR/.bagalau-stamp"

if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ] && [ -x "$VENV_DIR/bin/python" ]; then
    exit 0
fi

say "virtual environment: $VENV_DIR"
if [ ! -x "$VENV_DIR/bin/python" ]; then
    "$PYTHON" -m venv "$VENV_DIR" 2>/dev/null \
        || die "$PYTHON cannot make a virtual environment; install its venv module (Debian: apt-get install python3-venv) and run again."
fi
pip=("$VENV_DIR/bin/python" -m pip --disable-pip-version-check -q)
log="$VENV_DIR/pip.log"
"${pip[@]}" install --upgrade pip "setuptools<81" wheel >"$log" 2>&1 \
    || die "pip could not install its build tools (see $log); check that PyPI is reachable."
reqs=(-r "$PROJECT_DIR/requirements.txt" -r "$PROJECT_DIR/requirements-dev.txt")
if [ "$with_odoo" = 1 ]; then
    "$VENV_DIR/bin/python" "$PROJECT_DIR/scripts/odoo_requirements.py" "$ODOO_SRC/requirements.txt" \
        >"$VENV_DIR/odoo-requirements.txt"
    reqs+=(-r "$VENV_DIR/odoo-requirements.txt")
fi
# Odoo's older pins ship sdists whose isolated builds fetch incompatible
# setuptools; building them against the venv's own tools works.
"${pip[@]}" install --no-build-isolation "${reqs[@]}" >>"$log" 2>&1 \
    || die "pip could not install the requirements (last lines of $log below); fix the cause and run again.$(echo; tail -n 5 "$log")"
echo "$stamp" >"$stamp_file"
say "virtual environment ready ($([ "$with_odoo" = 1 ] && echo "with Odoo's requirements" || echo "no Odoo found: test tools only"))"
