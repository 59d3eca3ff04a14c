"""Calendar-month arithmetic (stdlib only)."""

import calendar
import datetime

from .errors import EngineError
from .values import to_count


def to_date(value, field="date"):
    """Return ``value`` as a ``datetime.date`` (a datetime keeps only its date)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise EngineError("not_a_date", field=field, value=repr(value)[:40])


def add_months(day, months):
    """The same day-of-month ``months`` calendar months later (may be negative).

    When that month is shorter, the result is its last day (31 January + 1
    month = 28 or 29 February), as a term counted in months ends in a month
    without the corresponding day on that month's last day.
    """
    if isinstance(months, bool) or not isinstance(months, int):
        raise EngineError("months_invalid", months=repr(months))
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day.day, last))


def months_served(start, end, months):
    """True when the days ``start`` .. ``end`` (both included) make ``months`` months.

    The first day in the position counts, so 1 October .. 31 December is
    exactly 3 months and 2 October .. 31 December is 2 months and 30 days: the
    service covers N months when ``add_months(start, N)`` is no later than the
    day after ``end``. Used for seed 003 §4 (3 months), seed 004 §6 (1 month)
    and seed 004 §23 (3 months left in the period).
    """
    months = to_count(months, "months")
    if end < start:
        return months == 0
    return add_months(start, months) <= end + datetime.timedelta(days=1)
