"""Seed 004 §8 (result bands) and §5 (year result = average of the quarters)."""

from decimal import Decimal

import engine_support  # noqa: F401  (loads hr_bagalau/engine as bagalau_engine)
import pytest
from bagalau_engine import BANDS_2023, EngineError, band_2023, year_result


@pytest.mark.parametrize(
    ("score", "band"),
    [
        ("0", "unsatisfactory"),  # "0-ден 1,99 баллға дейінгі"
        ("1.99", "unsatisfactory"),
        ("2", "satisfactory"),  # "2-ден 2,99 баллға дейін"
        ("2.99", "satisfactory"),
        ("3", "proper"),  # "3-тен 3,99 баллға дейін"
        ("3.99", "proper"),
        ("4", "effective"),  # "4-тен 5 баллға дейін"
        ("4.5", "effective"),
        ("5", "effective"),
        ("5.00", "effective"),
        # between the printed bands: rounded to two decimals, half up, first
        ("1.994", "unsatisfactory"),
        ("1.995", "satisfactory"),
        ("2.995", "proper"),
        ("3.994", "proper"),
        ("3.995", "effective"),
        (3.999, "effective"),
    ],
)
def test_bands_of_seed_004_paragraph_8(score, band):
    assert band_2023(score) == band


@pytest.mark.parametrize("score", ["5.01", "6", "-0.01", "-1"])
def test_scores_outside_0_to_5_have_no_band(score):
    with pytest.raises(EngineError) as error:
        band_2023(score)
    assert error.value.code == "score_out_of_range"
    assert (error.value.params["low"], error.value.params["high"]) == ("0", "5")


@pytest.mark.parametrize("junk", [None, "abc", [], True])
def test_junk_has_no_band(junk):
    with pytest.raises(EngineError) as error:
        band_2023(junk)
    assert error.value.code == "not_a_number"


def test_the_bands_are_those_of_the_seed():
    assert [(key, str(low), str(high)) for key, low, high in BANDS_2023] == [
        ("effective", "4", "5"),
        ("proper", "3", "3.99"),
        ("satisfactory", "2", "2.99"),
        ("unsatisfactory", "0", "1.99"),
    ]


def test_custom_bands_with_a_gap_say_so():
    bands = [("high", Decimal("3"), Decimal("5")), ("low", Decimal("0"), Decimal("2"))]
    assert band_2023("2", bands=bands) == "low"
    with pytest.raises(EngineError) as error:
        band_2023("2.5", bands=bands)
    assert error.value.code == "band_not_found"


@pytest.mark.parametrize(
    ("quarters", "expected"),
    [
        ({1: "4", 2: "3.5", 3: "4.25", 4: "4.75"}, "4.13"),  # 16.5 / 4 = 4.125, half up
        ({1: "4", 2: "3.5", 3: None, 4: "4.25"}, "3.92"),  # 11.75 / 3 = 3.9166..
        ({4: "2.99"}, "2.99"),  # appointed in the fourth quarter
        (["4", "5"], "4.50"),  # Q1 and Q2 only (dismissed in Q3)
        ([None, "3", None, "4"], "3.50"),
    ],
)
def test_year_result_averages_the_reporting_quarters(quarters, expected):
    assert year_result(quarters) == Decimal(expected)


@pytest.mark.parametrize(
    ("quarters", "code"),
    [
        ({}, "no_quarter_results"),
        ({1: None, 2: None}, "no_quarter_results"),
        ({5: "4"}, "quarter_invalid"),
        (["4", "4", "4", "4", "4"], "quarter_invalid"),
        ({1: "5.5"}, "score_out_of_range"),
        ({1: "abc"}, "not_a_number"),
    ],
)
def test_year_result_refuses(quarters, code):
    with pytest.raises(EngineError) as error:
        year_result(quarters)
    assert error.value.code == code
