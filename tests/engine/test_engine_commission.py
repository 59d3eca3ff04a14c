"""Seed 003 §5, §30-34 (seed 001 kk): size, quorum and vote of the commission."""

from fractions import Fraction

import engine_support  # noqa: F401  (loads hr_bagalau/engine as bagalau_engine)
import pytest
from bagalau_engine import EngineError, check_commission_size, has_quorum, vote_result


def test_at_least_five_members():
    # §5 "Количество членов Комиссии составляет не менее 5 человек"
    assert check_commission_size(5) == 5
    assert check_commission_size(9) == 9
    with pytest.raises(EngineError) as error:
        check_commission_size(4)
    assert error.value.code == "commission_too_small"
    assert error.value.params == {"count": 4, "minimum": 5}


@pytest.mark.parametrize(
    ("present", "total", "quorum"),
    [
        (4, 6, True),  # exactly two thirds: "не менее двух третей"
        (3, 6, False),
        (4, 5, True),
        (3, 5, False),  # 0.6
        (6, 9, True),  # exactly two thirds
        (5, 9, False),
        (5, 7, True),  # 0.714
        (4, 7, False),  # 0.571
        (7, 10, True),
        (6, 10, False),
        (5, 5, True),
    ],
)
def test_quorum_is_two_thirds_of_the_voting_members(present, total, quorum):
    assert has_quorum(present, total) is quorum


def test_quorum_refuses_impossible_counts():
    for args, code in [
        ((7, 6), "present_exceeds_total"),
        ((0, 0), "commission_empty"),
        ((-1, 6), "count_negative"),
    ]:
        with pytest.raises(EngineError) as error:
            has_quorum(*args)
        assert error.value.code == code
    with pytest.raises(EngineError) as error:
        has_quorum(4, 6, quorum=Fraction(3, 2))
    assert error.value.code == "quorum_invalid"
    assert has_quorum(3, 6, quorum=Fraction(1, 2)) is True


@pytest.mark.parametrize(
    ("votes_for", "votes_against", "chair", "result"),
    [
        (3, 2, None, "approved"),  # §33 "большинством голосов"
        (2, 3, None, "rejected"),
        (5, 0, None, "approved"),
        (3, 2, "against", "approved"),  # not a tie: the chair's vote is one of the five
        (2, 2, "for", "approved"),  # tie: "голос председателя Комиссии является решающим"
        (2, 2, "against", "rejected"),
        (3, 3, True, "approved"),
        (3, 3, False, "rejected"),
    ],
)
def test_majority_and_the_chair_on_a_tie(votes_for, votes_against, chair, result):
    assert vote_result(votes_for, votes_against, chair_vote=chair) == result


@pytest.mark.parametrize(
    ("votes_for", "votes_against", "chair", "code"),
    [
        (2, 2, None, "tie_needs_chair_vote"),
        (0, 0, None, "no_votes"),
        (2, 2, "maybe", "chair_vote_invalid"),
        (2, 2, 1, "chair_vote_invalid"),
        (-1, 2, None, "count_negative"),
    ],
)
def test_vote_refuses(votes_for, votes_against, chair, code):
    with pytest.raises(EngineError) as error:
        vote_result(votes_for, votes_against, chair_vote=chair)
    assert error.value.code == code
