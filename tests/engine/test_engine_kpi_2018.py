"""Seed 003 §14, §18 (seed 001 §18 kk): the 2018 KPI grade by achieved count."""

import engine_support  # noqa: F401  (loads hr_bagalau/engine as bagalau_engine)
import pytest
from bagalau_engine import EngineError, kpi_grade_2018


@pytest.mark.parametrize(
    ("achieved", "grade"),
    [
        (5, "excellent"),  # "при достижении всех КЦИ ставится оценка «превосходно»"
        (4, "effective"),  # "4 из 5 КЦИ ... «эффективно»"
        (3, "satisfactory"),  # "3 из 5 КЦИ ... «удовлетворительно»"
        (2, "unsatisfactory"),  # "менее 3 из 5 КЦИ ... «неудовлетворительно»"
        (1, "unsatisfactory"),
        (0, "unsatisfactory"),
        ("4", "effective"),
    ],
)
def test_grade_by_number_of_achieved_kpis(achieved, grade):
    assert kpi_grade_2018(achieved) == grade


@pytest.mark.parametrize(
    ("achieved", "code"),
    [
        (6, "achieved_out_of_range"),
        (-1, "count_negative"),
        ("4.5", "not_an_integer"),
        (None, "not_an_integer"),
        (True, "not_an_integer"),
    ],
)
def test_impossible_counts_are_refused(achieved, code):
    with pytest.raises(EngineError) as error:
        kpi_grade_2018(achieved)
    assert error.value.code == code


def test_thresholds_are_absolute_counts_set_by_the_methodology():
    six = {"excellent": 6, "effective": 5, "satisfactory": 4}
    assert kpi_grade_2018(6, kpi_count=6, thresholds=six) == "excellent"
    assert kpi_grade_2018(5, kpi_count=6, thresholds=six) == "effective"
    assert kpi_grade_2018(3, kpi_count=6, thresholds=six) == "unsatisfactory"
    # not rescaled: with the seed's counts, 5 of 6 is already "excellent"
    assert kpi_grade_2018(5, kpi_count=6) == "excellent"


@pytest.mark.parametrize(
    ("kpi_count", "thresholds"),
    [
        (4, None),  # "excellent" would need 5 of 4
        (5, {"excellent": 5, "effective": 5, "satisfactory": 3}),
        (5, {"excellent": 5, "effective": 4}),
        (5, {"excellent": 5, "effective": 4, "satisfactory": 3, "good": 2}),
    ],
)
def test_inconsistent_thresholds_are_refused(kpi_count, thresholds):
    with pytest.raises(EngineError) as error:
        kpi_grade_2018(3, kpi_count=kpi_count, thresholds=thresholds)
    assert error.value.code == "thresholds_invalid"
