"""360 evaluation of the 2023 generation (yearly, anonymous).

Seed 004 §34-37, Appendices 5-8. Respondents: the direct manager,
subordinates and peers (§36), 3 to 7 per evaluated person, chosen by HR or
the information system; a self-assessment is taken but left out of the final
result (§36; Appendix 7-8 notes "өзін-өзі бағалаудан басқа"). Five answers
per question (Appendices 5-6): "құзырет көрінбейді" (not shown), "сирек
көрінеді" (rarely), "жағдайлардың жартысында көрінеді" (half of the time),
"көп жағдайда көрінеді" (mostly), "әрқашан көрінеді" (always). The average
per competency is the sum of the points divided by the number of answers
(Appendix 5-6 note "баллдарды қосу және әр құзырет бойынша респонденттердің
жауаптарының санына бөлу"). The result forms (Appendices 7-8) say "divided by
the number of respondents"; dividing by the answers, as the questionnaires
say, keeps the average on the answers' 1-5 scale whatever the number of
questions (2 or 3) of a competency, and equals the respondents' mean when
everyone answers every question.

The seed lists the answers in this order but prints no points for them:
they score 1 to 5, the five-point scale of the evaluation (Appendix 4 "5
баллдық шкала"); ANSWER_POINTS and the bounds are parameters.
"""

from collections.abc import Iterable
from fractions import Fraction

from .errors import EngineError
from .values import SCORE_DECIMALS, SCORE_ROUNDING, quantize, to_count

#: Respondent roles (seed 004 §36): the person, the direct manager, subordinates, peers.
ROLES = ("self", "manager", "subordinate", "peer")

#: The five answers in the order printed in seed 004 Appendices 5-6, with their points.
ANSWER_POINTS = {"not_shown": 1, "rarely": 2, "half": 3, "mostly": 4, "always": 5}

#: Seed 004 §36 "үш адамнан кем болмауы және жеті адамнан артық болмауы".
RESPONDENTS_MIN = 3
RESPONDENTS_MAX = 7


def answer_points(answer, points=None):
    """Points of one of the five answers (keys of :data:`ANSWER_POINTS`)."""
    table = ANSWER_POINTS if points is None else points
    if answer not in table:
        raise EngineError("answer_malformed", answer=repr(answer)[:60])
    return table[answer]


def competency_averages(
    answers,
    *,
    exclude_roles=("self",),
    min_points=1,
    max_points=5,
    decimals=SCORE_DECIMALS,
    rounding=SCORE_ROUNDING,
):
    """``{competency: average}`` from ``(competency_key, respondent_role, points)`` answers.

    One tuple per answered question. Answers of ``exclude_roles`` (the
    self-assessment, seed 004 §36) are left out; the average of a competency
    is the sum of its points over the number of its answers (Appendices 5-6),
    rounded once to two decimals, half up. A competency answered only by the
    excluded roles has no average and is absent from the result. Points are
    whole numbers from ``min_points`` to ``max_points``. To get the
    self-assessment alone, exclude the three other roles.
    """
    if not isinstance(answers, Iterable):
        raise EngineError("answer_malformed", answer=repr(answers)[:60])
    excluded = set(exclude_roles)
    for role in excluded:
        if role not in ROLES:
            raise EngineError("role_unknown", role=repr(role), roles=", ".join(ROLES))
    totals = {}
    for answer in answers:
        try:
            competency, role, points = answer
        except (TypeError, ValueError):
            raise EngineError("answer_malformed", answer=repr(answer)[:60]) from None
        if role not in ROLES:
            raise EngineError("role_unknown", role=repr(role), roles=", ".join(ROLES))
        value = to_count(points, "points")
        if not min_points <= value <= max_points:
            raise EngineError(
                "points_out_of_range", points=value, minimum=min_points, maximum=max_points
            )
        if role in excluded:
            continue
        total, count = totals.get(competency, (0, 0))
        totals[competency] = (total + value, count + 1)
    # seed 004 Appendices 5-6: points / number of answers, per competency
    return {
        competency: quantize(Fraction(total, count), decimals, rounding)
        for competency, (total, count) in totals.items()
    }


def check_respondent_count(count, minimum=RESPONDENTS_MIN, maximum=RESPONDENTS_MAX):
    """Raise 'respondent_count_out_of_range' unless ``minimum <= count <= maximum``.

    Seed 004 §36: 3 to 7 respondents per evaluated person; the person's own
    self-assessment is not one of them. Returns the count.
    """
    value = to_count(count, "count")
    if not minimum <= value <= maximum:
        raise EngineError(
            "respondent_count_out_of_range", count=value, minimum=minimum, maximum=maximum
        )
    return value


def weakest_competencies(averages, count=3):
    """The ``count`` competencies with the lowest averages, lowest first (seed 004 §37).

    §37: the least developed competencies feed the themes of training. Ties
    keep the order of ``averages``.
    """
    ranked = sorted(enumerate(averages.items()), key=lambda item: (item[1][1], item[0]))
    return [key for _index, (key, _value) in ranked[: to_count(count, "count")]]
