"""Working days of Kazakhstan (holidays package) and the seed 004 §5 deadlines."""

import datetime

import engine_support  # noqa: F401  (loads hr_bagalau/engine as bagalau_engine)
import holidays
import pytest
from bagalau_engine import (
    EngineError,
    WorkingCalendar,
    add_months,
    day_of_month_after_quarter,
    decreed_working_days,
    kazakhstan_calendar,
    kazakhstan_holidays,
    quarter_deadline,
    working_day_on_or_after,
)

D = datetime.date


@pytest.fixture(scope="module")
def kz():
    """Kazakhstan's working-day calendar, 2024-2027, from the holidays package."""
    return kazakhstan_calendar(range(2024, 2028))


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 1, 1), False),  # New Year
        (D(2026, 1, 2), False),  # New Year, second day
        (D(2026, 1, 5), True),
        (D(2026, 1, 7), False),  # Orthodox Christmas
        (D(2026, 3, 9), False),  # 8 March was a Sunday: carried over to Monday
        (D(2026, 3, 20), True),
        (D(2026, 3, 23), False),  # Nauryz
        (D(2026, 3, 24), False),  # Nauryz 21 March (Saturday) carried over
        (D(2026, 3, 25), False),  # Nauryz 22 March (Sunday) carried over
        (D(2026, 3, 26), True),
        (D(2026, 5, 11), False),  # Victory Day 9 May was a Saturday
        (D(2025, 1, 3), False),  # decreed transfer: Friday off ...
        (D(2025, 1, 5), True),  # ... worked on Sunday 5 January 2025
        (D(2026, 3, 28), False),  # an ordinary Saturday
    ],
)
def test_kazakhstan_days(kz, day, working):
    assert kz.is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2026, 3, 20), 1, D(2026, 3, 26)),  # over Nauryz 2026
        (D(2026, 3, 20), 5, D(2026, 4, 1)),
        (D(2025, 12, 31), 1, D(2026, 1, 5)),  # over the New Year
        (D(2025, 12, 31), 3, D(2026, 1, 8)),  # ... and Orthodox Christmas
        (D(2026, 3, 6), 1, D(2026, 3, 10)),  # over the 8 March carry-over
        (D(2024, 12, 31), 1, D(2025, 1, 5)),  # to the decreed working Sunday
        (D(2026, 3, 26), -1, D(2026, 3, 20)),  # backwards over Nauryz
        (D(2026, 3, 28), 0, D(2026, 3, 30)),  # n = 0 on a Saturday: next working day
        (D(2026, 3, 26), 0, D(2026, 3, 26)),  # n = 0 on a working day: the day itself
    ],
)
def test_add_working_days(kz, start, n, expected):
    assert kz.add_working_days(start, n) == expected


def test_working_days_between(kz):
    assert kz.working_days_between(D(2026, 3, 20), D(2026, 4, 1)) == 5
    assert kz.working_days_between(D(2026, 4, 1), D(2026, 3, 20)) == -5
    assert kz.working_days_between(D(2026, 3, 20), D(2026, 3, 20)) == 0
    assert kz.working_days_between(D(2026, 3, 20), D(2026, 3, 25)) == 0


def test_a_calendar_refuses_years_it_has_no_data_for():
    calendar = kazakhstan_calendar(2026)
    with pytest.raises(EngineError) as error:
        calendar.add_working_days(D(2026, 12, 31), 1)
    assert error.value.code == "calendar_year_missing"
    assert error.value.params == {"year": 2027}


def test_a_plain_calendar():
    calendar = WorkingCalendar(
        holidays={D(2026, 6, 1)}, extra_working_days={D(2026, 6, 6)}, weekend=(6,)
    )
    assert calendar.is_working_day(D(2026, 6, 6)) is True  # a Saturday, working anyway
    assert calendar.is_working_day(D(2026, 6, 7)) is False  # Sunday
    assert calendar.add_working_days(D(2026, 5, 30), 1) == D(2026, 6, 2)
    with pytest.raises(EngineError) as error:
        WorkingCalendar(weekend=range(7))
    assert error.value.code == "calendar_invalid"
    with pytest.raises(AttributeError):
        calendar.weekend = (5, 6)
    with pytest.raises(EngineError) as error:
        calendar.add_working_days(D(2026, 6, 1), 1.5)
    assert error.value.code == "not_an_integer"


def test_holiday_names_in_kazakh():
    names = dict(kazakhstan_holidays(2026))
    assert names[D(2026, 3, 22)] == "Наурыз мейрамы"
    assert names[D(2026, 1, 1)] == "Жаңа жыл"
    assert names[D(2026, 12, 16)] == "Тәуелсіздік күні"
    # no Russian in the package: Kazakh, whatever the process locale
    assert dict(kazakhstan_holidays(2026, language="ru"))[D(2026, 1, 1)] == "Жаңа жыл"
    assert dict(kazakhstan_holidays(2026, language="en_US"))[D(2026, 1, 1)] == "New Year's Day"


@pytest.mark.parametrize(
    ("year", "quarter", "expected"),
    [
        (2026, 1, D(2026, 4, 10)),
        (2026, 2, D(2026, 7, 10)),
        (2026, 3, D(2026, 10, 10)),
        (2026, 4, D(2027, 1, 10)),  # the month after Q4 is January of the next year
    ],
)
def test_tenth_of_the_month_after_the_quarter(year, quarter, expected):
    # seed 004 §5 "есепті тоқсаннан кейінгі айдың оныншы күнінен кешіктірілмей"
    assert day_of_month_after_quarter(year, quarter, 10) == expected


def test_day_of_month_after_quarter_refuses():
    for args, code in [
        ((2026, 5, 10), "quarter_invalid"),
        ((2026, 0, 10), "quarter_invalid"),
        ((2026, 1, 31), "day_invalid"),
        ((2026, 1, 0), "day_invalid"),
    ]:
        with pytest.raises(EngineError) as error:
            day_of_month_after_quarter(*args)
        assert error.value.code == code


@pytest.mark.parametrize(
    ("quarter", "shift", "expected"),
    [
        (1, "previous", D(2026, 4, 10)),  # a Friday: no shift
        (3, "previous", D(2026, 10, 9)),  # 10 October 2026 is a Saturday
        (3, "next", D(2026, 10, 12)),
        (3, "none", D(2026, 10, 10)),
        (4, "previous", D(2027, 1, 8)),  # 10 January 2027 is a Sunday
        (4, "next", D(2027, 1, 11)),
    ],
)
def test_quarter_deadline_on_a_day_off(kz, quarter, shift, expected):
    assert quarter_deadline(2026, quarter, calendar=kz, shift=shift) == expected


def test_quarter_deadline_refuses_an_unknown_shift(kz):
    with pytest.raises(EngineError) as error:
        quarter_deadline(2026, 1, calendar=kz, shift="later")
    assert error.value.code == "shift_invalid"


def test_working_day_on_or_after(kz):
    assert working_day_on_or_after(D(2026, 3, 21), kz) == D(2026, 3, 26)
    assert kz.working_day_on_or_before(D(2026, 3, 25)) == D(2026, 3, 20)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2025, 10, 1), 3, D(2026, 1, 1)),
        (D(2026, 1, 31), 1, D(2026, 2, 28)),  # no 31 February: last day of the month
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
        (D(2026, 11, 15), 2, D(2027, 1, 15)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_decreed_transfers_are_read_like_the_package_does():
    years = range(2013, 2026)
    table = holidays.country_holidays("KZ", years=years)
    assert decreed_working_days(table, years) == {day for day in table.weekend_workdays if day.year in years}
    # Saturday 28 December 2013 was worked for Friday 3 January 2014: the
    # transfer is listed under 2014, the working day belongs to 2013.
    assert D(2013, 12, 28) in decreed_working_days(table, [2013])
    assert D(2013, 12, 28) not in decreed_working_days(table, [2014])


@pytest.mark.parametrize("years", [2014, 2024, 2026, (2025, 2026), range(2024, 2028)])
def test_only_the_years_asked_are_loaded(years):
    # The package lists every transfer it knows in ``weekend_workdays``
    # whatever the years asked (2013-12-28 with 2026): a calendar keeps its own.
    calendar = kazakhstan_calendar(years)
    asked = {years} if isinstance(years, int) else set(years)
    assert {day.year for day in calendar.extra_working_days} <= asked
    assert {day.year for day in calendar.holidays} <= asked
    table = holidays.country_holidays("KZ", years=years)
    assert {day.year for day in decreed_working_days(table, asked)} <= asked


def test_the_decreed_working_days_of_a_year():
    assert kazakhstan_calendar(2026).extra_working_days == frozenset()
    assert kazakhstan_calendar(2024).extra_working_days == {D(2024, 5, 4)}
    assert kazakhstan_calendar((2025, 2026)).extra_working_days == {D(2025, 1, 5)}
    assert D(2013, 12, 28) in kazakhstan_calendar(2013).extra_working_days
