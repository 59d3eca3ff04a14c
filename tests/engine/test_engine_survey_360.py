"""Seed 004 §34-37 and Appendices 5-8: 360 averages without the self-assessment."""

from decimal import Decimal

import engine_support  # noqa: F401  (loads hr_bagalau/engine as bagalau_engine)
import pytest
from bagalau_engine import (
    ANSWER_POINTS,
    EngineError,
    answer_points,
    check_respondent_count,
    competency_averages,
    weakest_competencies,
)

ANSWERS = [
    # (competency, respondent role, points)
    ("communication", "manager", 4),
    ("communication", "peer", 5),
    ("communication", "subordinate", 3),
    ("communication", "self", 5),  # left out (§36)
    ("ethics", "manager", 5),
    ("ethics", "peer", 4),
    ("ethics", "self", 1),
    ("change", "peer", 2),
    ("change", "peer", 3),
    ("change", "manager", 2),
    ("self_development", "self", 5),  # only the self-assessment
]


def test_average_is_points_over_answers_without_self():
    averages = competency_averages(ANSWERS)
    assert averages == {
        "communication": Decimal("4.00"),  # (4 + 5 + 3) / 3
        "ethics": Decimal("4.50"),  # (5 + 4) / 2
        "change": Decimal("2.33"),  # 7 / 3
    }


def test_self_assessment_alone():
    averages = competency_averages(ANSWERS, exclude_roles=("manager", "subordinate", "peer"))
    assert averages == {
        "communication": Decimal("5.00"),
        "ethics": Decimal("1.00"),
        "self_development": Decimal("5.00"),
    }


def test_the_five_answers_in_the_seed_order():
    # Appendices 5-6: көрінбейді; сирек; жағдайлардың жартысында; көп жағдайда; әрқашан
    assert list(ANSWER_POINTS) == ["not_shown", "rarely", "half", "mostly", "always"]
    assert [answer_points(a) for a in ANSWER_POINTS] == [1, 2, 3, 4, 5]
    with pytest.raises(EngineError) as error:
        answer_points("sometimes")
    assert error.value.code == "answer_malformed"


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        (("ethics", "peer", 0), "points_out_of_range"),
        (("ethics", "peer", 6), "points_out_of_range"),
        (("ethics", "peer", "4.5"), "not_an_integer"),
        (("ethics", "boss", 4), "role_unknown"),
        (("ethics", "peer"), "answer_malformed"),
        (None, "answer_malformed"),
        (("ethics", "self", 9), "points_out_of_range"),  # the self-assessment is checked too
    ],
)
def test_invalid_answers_are_refused(answer, code):
    with pytest.raises(EngineError) as error:
        competency_averages([*ANSWERS, answer])
    assert error.value.code == code


@pytest.mark.parametrize(
    ("count", "valid"), [(2, False), (3, True), (5, True), (7, True), (8, False), (0, False)]
)
def test_three_to_seven_respondents(count, valid):
    # §36 "үш адамнан кем болмауы және жеті адамнан артық болмауы"
    if valid:
        assert check_respondent_count(count) == count
    else:
        with pytest.raises(EngineError) as error:
            check_respondent_count(count)
        assert error.value.code == "respondent_count_out_of_range"
        assert error.value.params == {"count": count, "minimum": 3, "maximum": 7}


def test_weakest_competencies_feed_training():
    averages = competency_averages(ANSWERS)
    assert weakest_competencies(averages, 2) == ["change", "communication"]
