"""The demo agency is dated from its install day (hr_bagalau/models/
hr_bagalau_demo_timeline.py): whatever the day, the previous year is closed,
the current quarter runs, and every special person's date shows its rule."""

import datetime
import importlib.util
from pathlib import Path

import pytest

PATH = Path(__file__).resolve().parent.parent / "hr_bagalau" / "models" / "hr_bagalau_demo_timeline.py"
SPEC = importlib.util.spec_from_file_location("bagalau_demo_timeline", PATH)
timeline = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(timeline)

D = datetime.date
EVERY_DAY_OF_TWO_YEARS = [D(2027, 1, 1) + datetime.timedelta(days=n) for n in range(731)]


def test_the_module_needs_no_odoo():
    assert "odoo" not in PATH.read_text(encoding="utf-8").replace("# ", "")


@pytest.mark.parametrize("today, closed, running, previous", [
    (D(2026, 11, 30), 2025, (2026, 4), (2026, 3)),
    (D(2026, 3, 1), 2025, (2026, 1), (2025, 4)),
    (D(2026, 2, 28), 2024, (2026, 1), (2025, 4)),
    (D(2027, 1, 1), 2025, (2027, 1), (2026, 4)),
    (D(2027, 7, 1), 2026, (2027, 3), (2027, 2)),
])
def test_periods_follow_the_install_day(today, closed, running, previous):
    line = timeline.DemoTimeline(today)
    assert (line.closed_year, line.running, line.previous) == (closed, running, previous)


def test_on_any_day_nothing_is_dated_after_today_but_the_running_quarter():
    for today in EVERY_DAY_OF_TWO_YEARS:
        _check_day(today)


def _check_day(today):
    line = timeline.DemoTimeline(today)
    # The closed year's commission sat before the install day, with time to appeal.
    assert line.commission_session_target + datetime.timedelta(days=14) < today
    assert line.commission_order_date < line.commission_session_target
    # Today lies in the running quarter; the previous one has ended.
    assert line.running_quarter_start <= today <= line.running_quarter_end
    assert timeline.quarter_end(*line.previous) < today
    # The newcomer is appointed in the running quarter and never in the future.
    assert line.running_quarter_start <= line.newcomer_appointed <= today
    # The leave covers the running quarter's end (seed 004 §6).
    first, last = line.absence
    assert first <= line.running_quarter_end <= last
    # The late joiner has under three months at the closed year's end (seed 003 §4),
    # the probationer is still on probation then.
    assert line.late_joiner_appointed.year == line.closed_year
    assert (D(line.closed_year, 12, 31) - line.late_joiner_appointed).days < 90
    assert line.probation_end > D(line.closed_year, 12, 31) >= line.probationer_appointed
    assert line.history_years == (line.closed_year - 2, line.closed_year - 1)


@pytest.mark.parametrize("year, quarter, start, end", [
    (2026, 1, D(2026, 1, 1), D(2026, 3, 31)),
    (2026, 2, D(2026, 4, 1), D(2026, 6, 30)),
    (2024, 1, D(2024, 1, 1), D(2024, 3, 31)),
    (2026, 4, D(2026, 10, 1), D(2026, 12, 31)),
])
def test_quarter_bounds(year, quarter, start, end):
    assert (timeline.quarter_start(year, quarter), timeline.quarter_end(year, quarter)) == (start, end)
    assert timeline.quarter_of(start) == timeline.quarter_of(end) == quarter
