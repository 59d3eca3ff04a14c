"""Who is evaluated for a period, who is not, and who later.

Seed 003 §4 (2018 generation; seed 001 §4 kk): no evaluation when the time in
the specific position, including after returning from social leave or from
studies, is less than three months, nor during probation. Servants who at
the time of the evaluation are on leave (paid or unpaid), sick, on a
business trip, an internship, retraining or further training are evaluated
within 5 working days after returning to work.

Seed 004 §6 (2023 generation): no evaluation when the time in the specific
position during the evaluated period is less than one month; an absent
servant's KPI evaluation is done within five working days after returning,
while differentiation and 360 go ahead without them in the §5 terms
(``defer_absent=False`` for those blocks). Seed 004 §7: servants dismissed
before the end of the evaluation term are evaluated without them, in the §5
term. Seed 004 names no probation rule (``exclude_probation=False`` there).
"""

import datetime
from dataclasses import dataclass

from .dates import months_served, to_date
from .errors import EngineError
from .values import to_count
from .workdays import kazakhstan_calendar

STATUSES = ("eligible", "excluded", "deferred")
REASONS = ("tenure", "probation", "dismissed", "absent")


@dataclass(frozen=True)
class Eligibility:
    """``status`` in STATUSES; ``reason`` in REASONS or None; ``due_date`` for 'deferred'."""

    status: str
    reason: str | None = None
    due_date: datetime.date | None = None


def _optional_date(value, field):
    return None if value is None else to_date(value, field)


def evaluate_eligibility(
    *,
    period_end,
    position_date,
    probation_end=None,
    absence_from=None,
    absence_to=None,
    dismissal_date=None,
    min_tenure_months=3,
    evaluation_date=None,
    deferral_working_days=5,
    calendar=None,
    exclude_probation=True,
    defer_absent=True,
    evaluate_dismissed=True,
):
    """Decide whether a servant is evaluated for the period ending ``period_end``.

    Checks, in this order:

    1. tenure (seed 003 §4: 3 months; seed 004 §6: 1 month, ``min_tenure_months``):
       the days from ``position_date`` (the first day in the position, or
       the return from social leave or studies) to ``period_end``, or to
       the dismissal if earlier, both included, must make the months in
       calendar-month arithmetic (1 October .. 31 December is 3 months,
       2 October .. 31 December is not) -> ``excluded / tenure``;
    2. probation (seed 003 §4): ``probation_end`` (last day of probation) on
       or after the reference day -> ``excluded / probation``;
    3. dismissal (seed 004 §7): dismissed on or before the reference day
       (any dismissal when no ``evaluation_date`` is given) -> ``eligible /
       dismissed`` (evaluated without them), or ``excluded / dismissed``
       with ``evaluate_dismissed=False``;
    4. absence (seed 003 §4, seed 004 §6): absent on the reference day ->
       ``deferred / absent`` with ``due_date`` = the
       ``deferral_working_days``-th working day after ``absence_to`` (the last
       day of absence; the count starts the next day, so the return day is
       the first of the five), or None when the return is not known; with
       ``defer_absent=False``: ``eligible / absent`` (evaluated without them).

    The reference day is ``evaluation_date`` (when the evaluation is held),
    else ``period_end``. ``calendar`` is a WorkingCalendar; without one, the
    Kazakhstan calendar of the years concerned is built (workdays.py).
    Otherwise ``eligible`` with no reason.
    """
    period_end = to_date(period_end, "period_end")
    position_date = to_date(position_date, "position_date")
    probation_end = _optional_date(probation_end, "probation_end")
    absence_from = _optional_date(absence_from, "absence_from")
    absence_to = _optional_date(absence_to, "absence_to")
    dismissal_date = _optional_date(dismissal_date, "dismissal_date")
    evaluation_date = _optional_date(evaluation_date, "evaluation_date")
    months = to_count(min_tenure_months, "min_tenure_months")
    working_days = to_count(deferral_working_days, "deferral_working_days")
    if absence_from and absence_to and absence_to < absence_from:
        raise EngineError(
            "dates_inverted",
            field_from="absence_from",
            date_from=absence_from.isoformat(),
            field_to="absence_to",
            date_to=absence_to.isoformat(),
        )
    reference = evaluation_date or period_end

    # 1. seed 003 §4 "менее трех месяцев"; seed 004 §6 "бір айдан кем"
    served_until = period_end
    if dismissal_date is not None and dismissal_date < served_until:
        served_until = dismissal_date
    if not months_served(position_date, served_until, months):
        return Eligibility("excluded", "tenure")

    # 2. seed 003 §4 "а также в период испытательного срока"
    if exclude_probation and probation_end is not None and probation_end >= reference:
        return Eligibility("excluded", "probation")

    # 3. seed 004 §7: dismissed before the end of the term -> evaluated without them
    if dismissal_date is not None and (evaluation_date is None or dismissal_date <= reference):
        return Eligibility("eligible" if evaluate_dismissed else "excluded", "dismissed")

    # 4. seed 003 §4, seed 004 §6: absent -> within 5 working days after returning
    return _absence(
        reference, absence_from, absence_to, working_days, calendar, defer_absent=defer_absent
    )


def _absence(reference, absence_from, absence_to, working_days, calendar, *, defer_absent):
    """Step 4 of :func:`evaluate_eligibility`: absence on the reference day."""
    absent = (absence_from is not None or absence_to is not None) and (
        (absence_from is None or absence_from <= reference)
        and (absence_to is None or reference <= absence_to)
    )
    if not absent:
        return Eligibility("eligible")
    if not defer_absent:
        return Eligibility("eligible", "absent")
    if absence_to is None:
        return Eligibility("deferred", "absent")
    if calendar is None:
        calendar = kazakhstan_calendar((absence_to.year, absence_to.year + 1))
    return Eligibility("deferred", "absent", calendar.add_working_days(absence_to, working_days))
