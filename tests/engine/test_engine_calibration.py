"""Seed 004 §42: the final score of a calibration session by the participants' majority."""

from decimal import Decimal

import engine_support  # noqa: F401  (loads hr_bagalau/engine as bagalau_engine)
import pytest
from bagalau_engine import EngineError, calibration_final_score

D = Decimal


@pytest.mark.parametrize(
    ("old", "votes", "score", "tally"),
    [
        # the majority wins: "басым дауысымен қабылданады"
        (5, [4, 4, None], D("4.00"), {D("4.00"): 2, D("5.00"): 1}),
        (5, [3, 3, 3, 4, None], D("3.00"), {D("3.00"): 3, D("4.00"): 1, D("5.00"): 1}),
        # a relative majority is enough
        (5, [3, None, 3, 4], D("3.00"), {D("3.00"): 2, D("4.00"): 1, D("5.00"): 1}),
        # everyone keeps the evaluator's score
        (4.5, [None, None, None], D("4.50"), {D("4.50"): 3}),
        # keep-votes count for the evaluator's score, with proposals of the same score
        (4, [None, 4, 3, 3, None], D("4.00"), {D("4.00"): 3, D("3.00"): 2}),
        (4, [None, 4.0, "4,00", 3, 3, 3], D("4.00"), {D("4.00"): 3, D("3.00"): 3}),
        # proposals of the same score count together, however written
        (5, [4.25, "4,25", D("4.250"), 3, 3], D("4.25"), {D("4.25"): 3, D("3.00"): 2}),
        # a tie between two corrections keeps the evaluator's score
        (5, [4, 3], D("5.00"), {D("4.00"): 1, D("3.00"): 1}),
        (5, [4, 4, 3, 3, None], D("5.00"), {D("4.00"): 2, D("3.00"): 2, D("5.00"): 1}),
        # a tie between a correction and the evaluator's score keeps it too
        (5, [4, None], D("5.00"), {D("4.00"): 1, D("5.00"): 1}),
        # a single vote decides
        (2, [3.5], D("3.50"), {D("3.50"): 1}),
    ],
)
def test_final_score_by_majority(old, votes, score, tally):
    result, counted = calibration_final_score(old, votes)
    assert result == score
    assert counted == tally
    assert isinstance(result, Decimal)


@pytest.mark.parametrize(
    ("old", "votes", "score"),
    [
        # scores have two decimals (seed 004 §8 "3,99"): exact, no binary float drift
        (4.99, [4.75, 4.75, None], D("4.75")),
        (D("3.99"), [0.1 + 0.2, "0,30", 4], D("0.30")),  # 0.30000000000000004 is 0.30
        (4.994, [None, None, 4.99], D("4.99")),  # the evaluator's 4.994 is 4.99
        (3, [2.555, "2.56", 1], D("2.56")),  # rounded half up, as every score
    ],
)
def test_scores_with_two_decimals(old, votes, score):
    assert calibration_final_score(old, votes)[0] == score
    assert calibration_final_score(old, votes)[0].as_tuple().exponent == -2


@pytest.mark.parametrize("votes", [[], (), None])
def test_no_votes_is_refused(votes):
    with pytest.raises(EngineError) as error:
        calibration_final_score(5, votes)
    assert error.value.code == "calibration_no_votes"
    assert error.value.params == {}


@pytest.mark.parametrize(
    ("old", "votes", "field"),
    [
        (5, ["four"], "vote"),
        (5, [float("nan")], "vote"),
        (5, [True], "vote"),
        (None, [4], "old_score"),
    ],
)
def test_a_score_that_is_no_number_is_refused(old, votes, field):
    with pytest.raises(EngineError) as error:
        calibration_final_score(old, votes)
    assert error.value.code == "not_a_number"
    assert error.value.params["field"] == field
