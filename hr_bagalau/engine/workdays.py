"""Working days of Kazakhstan and the quarter deadlines.

Deadlines in the seeds are counted in working days (seed 003 §4, §9, §12,
§23, §24, §29, §40, §42; seed 004 §6, §12, §13, §23, §39, §40, §42) or fixed
on a day of the month after the quarter (seed 004 §5, §27, §31).

A :class:`WorkingCalendar` is plain data: the days off that are not weekends
(public holidays, holidays carried over from a weekend, decreed transfers),
the weekend days that are decreed working days, and the weekday numbers of
the weekend (Monday = 0). :func:`kazakhstan_calendar` builds one from the
``holidays`` package; the Odoo side may as well build one from
``resource.calendar.leaves``.
"""

import datetime

import holidays as holidays_package

from .dates import to_date
from .errors import EngineError

ONE_DAY = datetime.timedelta(days=1)

#: What a deadline that falls on a day off becomes (see :func:`quarter_deadline`).
SHIFTS = ("previous", "next", "none")


class WorkingCalendar:
    """Weekends, days off and decreed working days.

    ``holidays``: dates that are days off although not weekend days (a holiday
    on a weekend may be listed too, it changes nothing);
    ``extra_working_days``: weekend dates that are working days (decreed
    transfers: the government moves a working day onto a Saturday or Sunday);
    ``weekend``: weekday numbers of the weekly rest days (5, 6 = Sat, Sun);
    ``years``: when given, the calendar refuses dates of other years
    (EngineError 'calendar_year_missing') instead of silently treating them
    as holiday-free.
    """

    __slots__ = ("extra_working_days", "holidays", "weekend", "years")

    def __init__(
        self, holidays=frozenset(), extra_working_days=frozenset(), weekend=(5, 6), years=None
    ):
        weekend = tuple(sorted(set(weekend)))
        if any(not isinstance(d, int) or not 0 <= d <= 6 for d in weekend):
            raise EngineError("calendar_invalid", problem="weekend days must be 0..6")
        if len(weekend) == 7:
            raise EngineError("calendar_invalid", problem="every weekday is a weekend day")
        object.__setattr__(self, "holidays", frozenset(to_date(d) for d in holidays))
        object.__setattr__(
            self, "extra_working_days", frozenset(to_date(d) for d in extra_working_days)
        )
        object.__setattr__(self, "weekend", weekend)
        object.__setattr__(self, "years", None if years is None else frozenset(years))

    def __setattr__(self, name, value):
        raise AttributeError("WorkingCalendar is immutable")

    def __repr__(self):
        years = None if self.years is None else sorted(self.years)
        return (
            f"WorkingCalendar({len(self.holidays)} holidays, "
            f"{len(self.extra_working_days)} extra working days, "
            f"weekend={self.weekend!r}, years={years!r})"
        )

    def _check(self, day):
        day = to_date(day)
        if self.years is not None and day.year not in self.years:
            raise EngineError("calendar_year_missing", year=day.year)
        return day

    def is_working_day(self, day):
        """True for a working day: a decreed working day, or neither weekend nor day off."""
        day = self._check(day)
        if day in self.extra_working_days:
            return True
        return day.weekday() not in self.weekend and day not in self.holidays

    def add_working_days(self, start, n):
        """The ``n``-th working day after ``start`` (``start`` itself is not counted).

        ``n = 0`` gives ``start`` when it is a working day, else the next
        working day; a negative ``n`` counts backwards (``-5``: the fifth working
        day before ``start``, for "5 working days before the deadline", seed
        004 §23). A term "within N working days after X" therefore ends on
        ``add_working_days(X, N)``: the count starts on the day after X.
        """
        day = self._check(start)
        if isinstance(n, bool) or not isinstance(n, int):
            raise EngineError("not_an_integer", field="n", value=repr(n))
        if n == 0:
            return self.working_day_on_or_after(day)
        step = ONE_DAY if n > 0 else -ONE_DAY
        remaining = abs(n)
        while remaining:
            day = self._check(day + step)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start, end):
        """Working days ``d`` with ``start < d <= end`` (negative when ``end < start``).

        So ``add_working_days(start, working_days_between(start, end)) == end``
        whenever ``end`` is a working day after ``start``.
        """
        start, end = self._check(start), self._check(end)
        sign = 1
        if end < start:
            start, end, sign = end, start, -1
        count = 0
        day = start + ONE_DAY
        while day <= end:
            if self.is_working_day(day):
                count += 1
            day += ONE_DAY
        return sign * count

    def working_day_on_or_after(self, day):
        """``day`` when it is a working day, else the next working day."""
        day = self._check(day)
        while not self.is_working_day(day):
            day = self._check(day + ONE_DAY)
        return day

    def working_day_on_or_before(self, day):
        """``day`` when it is a working day, else the previous working day."""
        day = self._check(day)
        while not self.is_working_day(day):
            day = self._check(day - ONE_DAY)
        return day


def _years(years):
    if isinstance(years, int) and not isinstance(years, bool):
        return (years,)
    return tuple(sorted(set(years)))


def kazakhstan_calendar(years):
    """A :class:`WorkingCalendar` of Kazakhstan for ``years`` (an int or an iterable).

    From the ``holidays`` package (``holidays.country_holidays('KZ')``):
    public holidays; holidays on a Saturday or Sunday carried over to the next
    working day (``observed``, the package's default for KZ since 2002);
    religious holidays (Orthodox Christmas, Kurban ait) that are not carried
    over; and the government's decreed transfers for the years the package
    knows (a weekday made a day off appears as a holiday "substituted from",
    and the weekend day made a working day is in the object's
    ``weekend_workdays``). Kurban ait of future years is an estimate of the
    package until its date is confirmed.

    Only the days of ``years`` are kept: the package's ``weekend_workdays``
    lists every transfer it knows whatever the years asked (Saturday
    2013-12-28 comes with 2026), and a transfer listed under a year may move a
    day of the year before (2013-12-28 worked for 2014-01-03).
    """
    years = _years(years)
    table = holidays_package.country_holidays("KZ", years=years)
    days_off = frozenset(day for day in table if day.year in years)
    working = getattr(table, "weekend_workdays", None)
    if working is None:  # older packages: read the decree table
        working = decreed_working_days(table, years)
    return WorkingCalendar(
        holidays=days_off,
        extra_working_days=frozenset(day for day in working if day.year in years),
        weekend=tuple(sorted(getattr(table, "weekend", (5, 6)))),
        years=years,
    )


def decreed_working_days(table, years):
    """Weekend days made working days by decree, from the package's transfer table.

    ``table.special_public_holidays[year]`` holds ``(to_month, to_day,
    from_month, from_day[, from_year])``: the weekday ``to`` is a day off
    instead of ``from``; when ``from`` is a Saturday or Sunday it is worked.
    (What recent packages expose as ``weekend_workdays``.) Only the working
    days of ``years`` are returned; a transfer listed under the next year may
    move a day of one of them (2013-12-28 worked for 2014-01-03).
    """
    years = set(_years(years))
    working = set()
    for year in sorted(years | {year + 1 for year in years}):
        entries = getattr(table, "special_public_holidays", {}).get(year) or ()
        if entries and not isinstance(entries[0], tuple):
            entries = (entries,)
        for entry in entries:
            if len(entry) >= 4:
                source_year = entry[4] if len(entry) > 4 else year
                source = datetime.date(source_year, entry[2], entry[3])
                if source.weekday() >= 5 and source.year in years:
                    working.add(source)
    return working


def kazakhstan_holidays(year, language="kk"):
    """The days off of ``year`` as a sorted list of ``(date, name)``.

    Names come in ``language`` when the package has it for KZ (it has ``kk``,
    ``en_US`` and ``uk``, no ``ru``); otherwise in the package's default
    language for KZ (Kazakh), never in the process's locale.
    """
    country = holidays_package.country_holidays("KZ", years=year)
    supported = getattr(country, "supported_languages", ())
    if language not in supported:
        language = getattr(country, "default_language", None)
    table = holidays_package.country_holidays("KZ", years=year, language=language)
    return sorted((day, _kazakh_letters(name)) for day, name in table.items() if day.year == year)


def _kazakh_letters(text):
    """Kazakh's Cyrillic ә (U+04D9) where older releases of ``holidays`` wrote
    the Latin schwa ə (U+0259): «Тəуелсіздік күні» → «Тәуелсіздік күні»."""
    return text.replace("\u0259", "\u04d9").replace("\u018f", "\u04d8")


def day_of_month_after_quarter(year, quarter, day):
    """The ``day``-th of the month after ``quarter`` of ``year`` (Q4: January of year + 1).

    Seed 004 §5: KPI and differentiation evaluation "есепті тоқсаннан кейінгі
    айдың оныншы күнінен кешіктірілмей" (no later than the 10th of the month
    after the reporting quarter); §27 (heads told by the 5th), §31 (staff told
    by the 10th).
    """
    if isinstance(quarter, bool) or quarter not in (1, 2, 3, 4):
        raise EngineError("quarter_invalid", quarter=repr(quarter))
    month = quarter * 3 + 1
    if month == 13:
        year, month = year + 1, 1
    try:
        return datetime.date(year, month, day)
    except (TypeError, ValueError):
        raise EngineError("day_invalid", day=repr(day), year=year, month=month) from None


def month_after_year(year, day):
    """The ``day``-th of January after ``year``: the 360 deadline (seed 004 §5)."""
    return day_of_month_after_quarter(year, 4, day)


def quarter_deadline(year, quarter, *, day=10, calendar=None, shift="previous"):
    """The last day to finish the quarter's evaluation (seed 004 §5, §31).

    The seed fixes a calendar date, "no later than the 10th" (кешіктірілмей),
    and says nothing of a 10th that is a day off. Decision (``shift``):

    - ``"previous"`` (default): the last working day on or before the date.
      Work finished then is on time under any reading of "no later than";
      moving the date forward would rest on a rule the seeds do not contain.
    - ``"next"``: the next working day, the general civil-law rule for a
      term whose last day is a day off, for an agency that applies it.
    - ``"none"``: the calendar date itself.

    ``calendar`` is a :class:`WorkingCalendar`; without one, only weekends count.
    """
    if shift not in SHIFTS:
        raise EngineError("shift_invalid", shift=repr(shift), choices=", ".join(SHIFTS))
    deadline = day_of_month_after_quarter(year, quarter, day)
    if shift == "none":
        return deadline
    calendar = calendar if calendar is not None else WorkingCalendar()
    if shift == "previous":
        return calendar.working_day_on_or_before(deadline)
    return calendar.working_day_on_or_after(deadline)


def working_day_on_or_after(day, calendar=None):
    """``day`` when it is a working day of ``calendar``, else the next one.

    See :func:`quarter_deadline` for when a deadline moves forward or back.
    """
    return (calendar if calendar is not None else WorkingCalendar()).working_day_on_or_after(day)


def working_day_on_or_before(day, calendar=None):
    """``day`` when it is a working day of ``calendar``, else the previous one."""
    return (calendar if calendar is not None else WorkingCalendar()).working_day_on_or_before(day)
