"""Run Odoo on throwaway databases of the private cluster and read its log.

Pure helpers (log parsing) are separate from the runs so they are tested on
their own (tests/test_odoo_log.py).
"""

import contextlib
import dataclasses
import os
import re
import socket
import subprocess
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
ADDONS = ("hr_bagalau", "hr_bagalau_360", "hr_bagalau_reports")

# "2026-11-25 19:00:00,123 4242 ERROR db odoo.modules.loading: ..."
_LEVEL_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) \S+ (?P<logger>[\w.]+): (?P<msg>.*)"
)
_RESULT = re.compile(r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<run>\d+) tests when loading database")


@dataclasses.dataclass
class OdooTestReport:
    run: int = 0
    failed: int = 0
    errors: int = 0
    skipped: list = dataclasses.field(default_factory=list)
    error_lines: list = dataclasses.field(default_factory=list)
    result_seen: bool = False

    @property
    def passed(self):
        return self.run - self.failed - self.errors - len(self.skipped)

    @property
    def not_passed(self):
        # A skipped test counts as failed: a tour is skipped, not failed,
        # when websocket-client or Chromium is missing.
        return self.failed + self.errors + len(self.skipped)

    def summary(self):
        return f"odoo: {self.passed} passed, {self.not_passed} failed"


def parse_log(lines):
    """Read an Odoo log into an OdooTestReport."""
    report = OdooTestReport()
    for line in lines:
        match = _LEVEL_LINE.match(line)
        if not match:
            continue
        level, msg = match["level"], match["msg"]
        result = _RESULT.search(msg)
        if result:
            report.run += int(result["run"])
            report.failed += int(result["failed"])
            report.errors += int(result["errors"])
            report.result_seen = True
        elif level in ("ERROR", "CRITICAL"):
            report.error_lines.append(line.rstrip())
        elif msg.startswith("skipped "):
            report.skipped.append(msg)
    return report


def read_log(path):
    return parse_log(path.read_text(encoding="utf-8", errors="replace").splitlines() if path.exists() else [])


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ThrowawayDatabase:
    """A database of the private cluster, dropped when the block ends."""

    def __init__(self, suffix):
        self.name = f"bagalau_test_{suffix}_{os.getpid()}"
        self.env = dict(os.environ, HTTP_PORT=str(free_port()), DB_NAME=self.name)

    def _psql(self, database, sql):
        return subprocess.run(
            ["bash", str(PROJECT_DIR / "scripts" / "pg.sh"), "psql", "-d", database, "-tAq", "-c", sql],
            env=self.env, capture_output=True, text=True, check=False,
        )

    def __enter__(self):
        dropped = self._psql("postgres", f'DROP DATABASE IF EXISTS "{self.name}"')
        if dropped.returncode:
            raise RuntimeError(f"the private PostgreSQL cluster does not answer: {dropped.stderr}")
        return self

    def __exit__(self, *exc):
        self._psql("postgres", f'DROP DATABASE IF EXISTS "{self.name}"')

    def odoo(self, *args, log_path):
        """Run odoo-bin on this database with ``args``; its log goes to ``log_path``."""
        with contextlib.suppress(FileNotFoundError):
            log_path.unlink()
        command = ["bash", str(PROJECT_DIR / "scripts" / "odoo.sh"), "-d", self.name, "--stop-after-init",
                   "--log-level=info", f"--logfile={log_path}", *args]
        return subprocess.run(command, env=self.env, capture_output=True, text=True, check=False)

    def module_states(self):
        rows = self._psql(self.name, "SELECT name || '=' || state FROM ir_module_module "
                                     "WHERE name LIKE 'hr\\_bagalau%'").stdout.split()
        return dict(row.split("=", 1) for row in rows)
