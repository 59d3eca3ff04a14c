"""Exact numbers: Decimal / Fraction inputs, float through str, rounding once."""

from decimal import ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from fractions import Fraction

import engine_support  # noqa: F401  (loads hr_bagalau/engine as bagalau_engine)
import pytest
from bagalau_engine import EngineError, quantize, to_decimal


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (4.75, "4.75"),  # through str(float): not 4.75000000000000000000000000001...
        (0.1, "0.1"),
        ("4,75", "4.75"),  # the seeds write decimal commas
        (" 3.99 ", "3.99"),
        (5, "5"),
        (Decimal("2.5"), "2.5"),
        (Fraction(1, 4), "0.25"),
    ],
)
def test_to_decimal(value, expected):
    assert to_decimal(value) == Decimal(expected)


@pytest.mark.parametrize(
    "junk",
    [None, True, False, "", "1,2,3", "abc", float("nan"), Decimal("Infinity"), [1], object()],
)
def test_to_decimal_refuses(junk):
    with pytest.raises(EngineError) as error:
        to_decimal(junk)
    assert error.value.code == "not_a_number"


@pytest.mark.parametrize(
    ("value", "rounding", "expected"),
    [
        (Fraction(3995, 1000), None, "4.00"),
        (Fraction(2985, 1000), None, "2.99"),  # half up
        (Fraction(2985, 1000), ROUND_HALF_EVEN, "2.98"),
        (Fraction(11, 3), None, "3.67"),
        (Fraction(10, 3), None, "3.33"),
        (Fraction(3999, 1000), ROUND_FLOOR, "3.99"),
        (Decimal("3.995"), None, "4.00"),
    ],
)
def test_quantize_rounds_once(value, rounding, expected):
    result = quantize(value) if rounding is None else quantize(value, rounding=rounding)
    assert result == Decimal(expected)
    assert str(result) == expected
