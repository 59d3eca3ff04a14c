"""Seed 003 §26-27 (seed 001 §26-27 kk): a competency meets expectations at 3/4."""

from fractions import Fraction

import engine_support  # noqa: F401  (loads hr_bagalau/engine as bagalau_engine)
import pytest
from bagalau_engine import EngineError, assess_competency, competency_meets, indicators_not_shown


@pytest.mark.parametrize(
    ("shown", "total", "meets"),
    [
        # 3 indicators: 3/4 of 3 is 2.25, so all 3 are needed
        (3, 3, True),
        (2, 3, False),
        # 4 indicators
        (4, 4, True),
        (3, 4, True),  # exactly 3/4: "3/4 и более"
        (2, 4, False),
        # 5 indicators: 3.75 needed
        (5, 5, True),
        (4, 5, True),
        (3, 5, False),
        # 10 indicators (seed 003 §26: at most ten): 7.5 needed
        (10, 10, True),
        (8, 10, True),
        (7, 10, False),
        # others
        (6, 8, True),  # exactly 3/4
        (5, 7, False),  # 0.714
        (1, 1, True),
        (0, 1, False),
    ],
)
def test_three_quarters_or_more_meets(shown, total, meets):
    assert competency_meets(shown, total) is meets


@pytest.mark.parametrize(
    ("shown", "total", "code"),
    [
        (0, 0, "indicator_count_out_of_range"),
        (11, 11, "indicator_count_out_of_range"),  # seed 003 §26 "не более десяти"
        (5, 4, "shown_count_out_of_range"),
        (-1, 4, "count_negative"),
        ("2.5", 4, "not_an_integer"),
    ],
)
def test_impossible_counts_are_refused(shown, total, code):
    with pytest.raises(EngineError) as error:
        competency_meets(shown, total)
    assert error.value.code == code


def test_threshold_and_maximum_are_parameters():
    assert competency_meets(2, 3, threshold=Fraction(2, 3)) is True
    assert competency_meets(2, 3, threshold="2/3") is True
    assert competency_meets(11, 12, max_indicators=12) is True
    for threshold in (0, "5/4", "x", True):
        with pytest.raises(EngineError) as error:
            competency_meets(2, 3, threshold=threshold)
        assert error.value.code == "threshold_invalid"


def test_the_sheet_lists_the_indicators_not_shown():
    indicators = {
        "plans the work": True,
        "keeps deadlines": False,
        "informs": True,
        "delegates": False,
    }
    assert indicators_not_shown(indicators) == ["keeps deadlines", "delegates"]
    result = assess_competency(indicators)
    assert result.result == "does_not_meet"
    assert (result.shown, result.total) == (2, 4)
    assert result.not_shown == ("keeps deadlines", "delegates")
    indicators["delegates"] = True
    result = assess_competency(indicators)
    assert result.result == "meets"
    assert result.not_shown == ()  # Appendix 3 lists them only for "не соответствует"
