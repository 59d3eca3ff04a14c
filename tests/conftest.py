"""Shared pytest set-up: the project's root on sys.path, and the closing line
of the real Odoo run in pytest's summary."""

import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR / "tests"))

# Filled by test_odoo.py; printed in the terminal summary.
ODOO_SUMMARY = []


def pytest_terminal_summary(terminalreporter):
    for line in ODOO_SUMMARY:
        terminalreporter.write_line(line)
