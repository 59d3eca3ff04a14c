"""Seed 004 §32-33 and Appendix 4: four parameters scored 0 to 5, averaged."""

from decimal import Decimal

import engine_support  # noqa: F401  (loads hr_bagalau/engine as bagalau_engine)
import pytest
from bagalau_engine import PARAMETERS, EngineError, differentiation_score


def sheet(quality, deadlines, initiative, discipline):
    return {
        "quality": quality,
        "deadlines": deadlines,
        "initiative": initiative,
        "discipline": discipline,
    }


def test_the_four_parameters_of_the_seed():
    # §33: сапасы, мерзімдерін сақтау, дербестік және бастамашылық, еңбек тәртібі
    assert PARAMETERS == ("quality", "deadlines", "initiative", "discipline")


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        (sheet(5, 4, 4, 5), "4.50"),  # 18 / 4
        (sheet(5, 5, 5, 5), "5.00"),
        (sheet(0, 0, 0, 0), "0.00"),  # §32 "0-ден 5-ке дейін"
        (sheet(3, 4, 4, 4), "3.75"),
        (sheet("4.25", "4.5", "4.75", "4.99"), "4.62"),  # 18.49 / 4 = 4.6225
        (sheet("3.99", "3.99", "3.99", "4"), "3.99"),  # 15.97 / 4 = 3.9925
        (sheet("3.99", "3.99", "4", "4"), "4.00"),  # 15.98 / 4 = 3.995, half up
    ],
)
def test_score_is_the_average_of_the_parameters(scores, expected):
    assert differentiation_score(scores) == Decimal(expected)


@pytest.mark.parametrize(
    ("scores", "code"),
    [
        (sheet(5, 5, 5, "5.01"), "score_out_of_range"),
        (sheet(-1, 5, 5, 5), "score_out_of_range"),
        (sheet(5, 5, 5, "4.999"), "score_precision"),
        (sheet(5, 5, 5, None), "not_a_number"),
        ({"quality": 5, "deadlines": 5, "initiative": 5}, "parameters_mismatch"),
        ({**sheet(5, 5, 5, 5), "volume": 5}, "parameters_mismatch"),
    ],
)
def test_invalid_sheets_are_refused(scores, code):
    with pytest.raises(EngineError) as error:
        differentiation_score(scores)
    assert error.value.code == code


def test_the_form_scale_1_to_5_is_a_parameter():
    # Appendix 4 prints "1-ден 5 баллға дейін"
    with pytest.raises(EngineError) as error:
        differentiation_score(sheet(0, 5, 5, 5), min_score=1)
    assert error.value.code == "score_out_of_range"
    assert error.value.params == {"score": "0", "low": "1", "high": "5"}
    assert differentiation_score(sheet(1, 5, 5, 5), min_score=1) == Decimal("4.00")
    with pytest.raises(EngineError) as error:
        differentiation_score(sheet(1, 5, 5, 5), min_score=5, max_score=1)
    assert error.value.code == "bounds_invalid"


def test_the_missing_and_unexpected_parameters_are_named():
    with pytest.raises(EngineError) as error:
        differentiation_score({"quality": 5, "deadlines": 5, "initiative": 5, "volume": 5})
    assert error.value.params == {"missing": "discipline", "unexpected": "volume"}
