"""Seed 003 §4 (seed 001 §4 kk) and seed 004 §6-7: who is evaluated, and when."""

import datetime

import engine_support  # noqa: F401  (loads hr_bagalau/engine as bagalau_engine)
import pytest
from bagalau_engine import (
    Eligibility,
    EngineError,
    WorkingCalendar,
    evaluate_eligibility,
    kazakhstan_calendar,
)

D = datetime.date


@pytest.fixture(scope="module")
def kz():
    """Kazakhstan's working-day calendar, 2024-2027, from the holidays package."""
    return kazakhstan_calendar(range(2024, 2028))


YEAR_END = D(2025, 12, 31)


def test_exactly_three_months_in_the_position_is_enough():
    # 1 October .. 31 December: three whole months
    assert evaluate_eligibility(period_end=YEAR_END, position_date=D(2025, 10, 1)) == (
        Eligibility("eligible", None, None)
    )


def test_two_months_and_thirty_days_is_not():
    # 2 October .. 31 December: "менее трех месяцев"
    result = evaluate_eligibility(period_end=YEAR_END, position_date=D(2025, 10, 2))
    assert result == Eligibility("excluded", "tenure", None)


def test_2023_needs_one_month_in_the_quarter():
    # seed 004 §6 "бір айдан кем"
    q1 = D(2026, 3, 31)
    ok = evaluate_eligibility(period_end=q1, position_date=D(2026, 3, 1), min_tenure_months=1)
    assert ok.status == "eligible"
    short = evaluate_eligibility(period_end=q1, position_date=D(2026, 3, 2), min_tenure_months=1)
    assert short == Eligibility("excluded", "tenure")


def test_tenure_counts_from_the_return_from_social_leave():
    # §4 "в том числе после выхода из социального отпуска": the caller passes that date
    result = evaluate_eligibility(period_end=YEAR_END, position_date=D(2025, 11, 3))
    assert result.reason == "tenure"


def test_probation():
    # §4 "а также в период испытательного срока"
    on = evaluate_eligibility(
        period_end=YEAR_END, position_date=D(2025, 1, 10), probation_end=D(2026, 1, 9)
    )
    assert on == Eligibility("excluded", "probation")
    last_day = evaluate_eligibility(
        period_end=YEAR_END, position_date=D(2025, 1, 10), probation_end=YEAR_END
    )
    assert last_day.reason == "probation"
    over = evaluate_eligibility(
        period_end=YEAR_END, position_date=D(2025, 1, 10), probation_end=D(2025, 4, 9)
    )
    assert over == Eligibility("eligible")
    # seed 004 names no probation rule
    ignored = evaluate_eligibility(
        period_end=YEAR_END,
        position_date=D(2025, 1, 10),
        probation_end=D(2026, 1, 9),
        exclude_probation=False,
    )
    assert ignored == Eligibility("eligible")


def test_a_dismissed_servant_is_evaluated_without_them():
    # seed 004 §7 "олардың қатысуынсыз"
    result = evaluate_eligibility(
        period_end=D(2026, 3, 31),
        position_date=D(2020, 5, 4),
        dismissal_date=D(2026, 3, 20),
        min_tenure_months=1,
    )
    assert result == Eligibility("eligible", "dismissed")
    excluded = evaluate_eligibility(
        period_end=D(2026, 3, 31),
        position_date=D(2020, 5, 4),
        dismissal_date=D(2026, 3, 20),
        evaluate_dismissed=False,
    )
    assert excluded == Eligibility("excluded", "dismissed")
    # dismissed after the evaluation was held: an ordinary evaluation
    later = evaluate_eligibility(
        period_end=D(2026, 3, 31),
        position_date=D(2020, 5, 4),
        dismissal_date=D(2026, 4, 20),
        evaluation_date=D(2026, 4, 8),
    )
    assert later == Eligibility("eligible")


def test_time_in_the_position_ends_with_the_dismissal():
    result = evaluate_eligibility(
        period_end=YEAR_END, position_date=D(2025, 10, 1), dismissal_date=D(2025, 11, 30)
    )
    assert result == Eligibility("excluded", "tenure")


def test_absence_across_nauryz_2026():
    # Back after Friday 20 March 2026. Days off: 21-22 weekend and Nauryz, 23 Nauryz,
    # 24-25 Nauryz carried over from the weekend. Working days: 26, 27, 30, 31 March,
    # 1 April: the fifth is 1 April (§4 "в течение 5 рабочих дней после выхода").
    result = evaluate_eligibility(
        period_end=D(2026, 3, 31),
        position_date=D(2024, 2, 1),
        absence_from=D(2026, 3, 10),
        absence_to=D(2026, 3, 20),
        evaluation_date=D(2026, 3, 16),
    )
    assert result == Eligibility("deferred", "absent", D(2026, 4, 1))


def test_absence_across_the_new_year(kz):
    # Back after 31 December 2025. Days off: 1-2 January (New Year), 3-4 weekend,
    # 7 January (Orthodox Christmas). Working days: 5, 6, 8, 9, 12 January.
    result = evaluate_eligibility(
        period_end=YEAR_END,
        position_date=D(2024, 2, 1),
        absence_from=D(2025, 12, 15),
        absence_to=D(2025, 12, 31),
        evaluation_date=D(2025, 12, 29),
        calendar=kz,
    )
    assert result == Eligibility("deferred", "absent", D(2026, 1, 12))


def test_the_calendar_decides_the_due_date():
    weekends_only = WorkingCalendar()
    result = evaluate_eligibility(
        period_end=D(2026, 3, 31),
        position_date=D(2024, 2, 1),
        absence_from=D(2026, 3, 10),
        absence_to=D(2026, 3, 20),
        evaluation_date=D(2026, 3, 16),
        calendar=weekends_only,
    )
    assert result.due_date == D(2026, 3, 27)


def test_absence_in_2023_differentiation_goes_ahead_without_them():
    # seed 004 §6: differentiation and 360 in the §5 terms, without the absent servant
    result = evaluate_eligibility(
        period_end=D(2026, 3, 31),
        position_date=D(2024, 2, 1),
        absence_from=D(2026, 3, 25),
        absence_to=D(2026, 4, 30),
        evaluation_date=D(2026, 4, 6),
        min_tenure_months=1,
        defer_absent=False,
    )
    assert result == Eligibility("eligible", "absent")


def test_absence_without_a_known_return_has_no_due_date():
    result = evaluate_eligibility(
        period_end=D(2026, 3, 31), position_date=D(2024, 2, 1), absence_from=D(2026, 3, 1)
    )
    assert result == Eligibility("deferred", "absent", None)


def test_absence_outside_the_evaluation_day_does_not_matter():
    result = evaluate_eligibility(
        period_end=D(2026, 3, 31),
        position_date=D(2024, 2, 1),
        absence_from=D(2026, 3, 1),
        absence_to=D(2026, 3, 13),
        evaluation_date=D(2026, 4, 6),
    )
    assert result == Eligibility("eligible")


def test_tenure_is_checked_before_absence():
    result = evaluate_eligibility(
        period_end=YEAR_END,
        position_date=D(2025, 11, 1),
        absence_from=D(2025, 12, 1),
        absence_to=D(2026, 1, 20),
    )
    assert result == Eligibility("excluded", "tenure")


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"absence_from": D(2026, 3, 20), "absence_to": D(2026, 3, 10)}, "dates_inverted"),
        ({"absence_from": "someday"}, "not_a_date"),
        ({"min_tenure_months": -1}, "count_negative"),
        ({"deferral_working_days": "x"}, "not_an_integer"),
    ],
)
def test_invalid_input_is_refused(kwargs, code):
    with pytest.raises(EngineError) as error:
        evaluate_eligibility(period_end=D(2026, 3, 31), position_date=D(2024, 2, 1), **kwargs)
    assert error.value.code == code


def test_eligibility_is_frozen():
    result = Eligibility("eligible")
    with pytest.raises(AttributeError):
        result.status = "excluded"
