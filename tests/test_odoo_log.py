"""The harness's reading of Odoo's log: what makes the Odoo run fail."""

from odoo_run import parse_log

HEAD = "2026-11-25 19:00:00,123 4242"
RESULT = "odoo.tests.result: {} failed, {} error(s) of {} tests when loading database 'db'"


def test_result_line_gives_counts():
    report = parse_log([f"{HEAD} INFO db " + RESULT.format(1, 2, 40)])
    assert (report.run, report.failed, report.errors, report.passed) == (40, 1, 2, 37)
    assert report.summary() == "odoo: 37 passed, 3 failed"


def test_skipped_tour_counts_as_failed():
    report = parse_log([
        f"{HEAD} INFO db odoo.addons.hr_bagalau.tests.test_ui: skipped test_tour : websocket-client is not installed",
        f"{HEAD} INFO db " + RESULT.format(0, 0, 5),
    ])
    assert report.not_passed == 1
    assert report.summary() == "odoo: 4 passed, 1 failed"


def test_error_lines_are_collected_and_warnings_are_not():
    report = parse_log([
        f"{HEAD} WARNING db odoo.models: a warning",
        f"{HEAD} ERROR db odoo.modules.loading: Failed to load module",
        f"{HEAD} CRITICAL db odoo.service.server: Failed to initialize database",
    ])
    assert len(report.error_lines) == 2
    assert not report.result_seen


def test_failed_result_logged_at_error_level_is_a_result_not_an_error_line():
    report = parse_log([f"{HEAD} ERROR db " + RESULT.format(2, 0, 9)])
    assert report.failed == 2 and report.error_lines == []
