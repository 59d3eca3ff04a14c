"""The real Odoo runs, on fresh databases of the private cluster.

- Each addon installs cleanly on top of its dependencies alone, one by one.
- The three addons installed together with demo data and --test-enable run
  every Odoo test of the addons.

A run fails on any failed, erroring or skipped Odoo test, on an addon that does
not install, and on any ERROR or CRITICAL log line. Everything here is skipped,
with the reason, when no Odoo 18.0 source tree is found (ODOO_SRC, default
/opt/odoo/18.0).
"""

import os
import subprocess
from pathlib import Path

import pytest
from conftest import ODOO_SUMMARY
from odoo_run import ADDONS, PROJECT_DIR, ThrowawayDatabase, read_log

ODOO_SRC = Path(os.environ.get("ODOO_SRC", "/opt/odoo/18.0"))
LOG_DIR = PROJECT_DIR / ".odoo"


@pytest.fixture(scope="module")
def odoo_ready():
    if not (ODOO_SRC / "odoo-bin").is_file():
        ODOO_SUMMARY.append(f"odoo: skipped, no Odoo source tree at {ODOO_SRC} (set ODOO_SRC)")
        pytest.skip(f"no Odoo 18.0 source tree at {ODOO_SRC}: set ODOO_SRC to run the Odoo tests")
    subprocess.run(["bash", str(PROJECT_DIR / "scripts" / "deb_packages.sh")], check=True)
    LOG_DIR.mkdir(exist_ok=True)


@pytest.fixture(scope="module")
def odoo_test_run(odoo_ready):
    log_path = LOG_DIR / "test.log"
    with ThrowawayDatabase("all") as database:
        process = database.odoo(
            "-i", ",".join(ADDONS), "--test-enable",
            "--test-tags", ",".join(f"/{name}" for name in ADDONS),
            log_path=log_path,
        )
        states = database.module_states()
    report = read_log(log_path)
    ODOO_SUMMARY.append(report.summary())
    return process, states, report, log_path


def test_each_addon_installs_alone_on_its_dependencies(odoo_ready):
    log_path = LOG_DIR / "install.test.log"
    with ThrowawayDatabase("alone") as database:
        for addon in ADDONS:
            process = database.odoo("-i", addon, "--without-demo=all", log_path=log_path)
            report = read_log(log_path)
            assert process.returncode == 0, f"{addon}: odoo-bin exited {process.returncode} (log: {log_path})"
            assert database.module_states().get(addon) == "installed", f"{addon} did not install (log: {log_path})"
            assert not report.error_lines, f"{addon}:\n" + "\n".join(report.error_lines[:20])


def test_addons_install_together_with_demo_data(odoo_test_run):
    process, states, _report, log_path = odoo_test_run
    assert process.returncode == 0, f"odoo-bin exited {process.returncode}: {process.stderr[-2000:]} (log: {log_path})"
    assert states == dict.fromkeys(ADDONS, "installed"), f"module states {states} (log: {log_path})"


def test_odoo_tests_ran_and_passed(odoo_test_run):
    _process, _states, report, log_path = odoo_test_run
    assert report.result_seen, f"Odoo printed no test result (log: {log_path})"
    assert report.run > 0, "Odoo ran no test of the addons"
    assert report.failed == 0 and report.errors == 0, f"{report.summary()} (log: {log_path})"
    assert not report.skipped, (
        "skipped Odoo tests (a tour without Chromium or websocket-client?):\n" + "\n".join(report.skipped)
    )


def test_odoo_log_has_no_error(odoo_test_run):
    _process, _states, report, log_path = odoo_test_run
    assert not report.error_lines, f"ERROR/CRITICAL lines in {log_path}:\n" + "\n".join(report.error_lines[:20])
