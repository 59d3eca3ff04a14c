"""The final score of a calibration session, 2023 generation.

Seed 004 §42: the evaluator argues his score, the participants support it or
argue corrections, and "Қорытынды баға калибрлеу сессиясы қатысуышыларының
басым дауысымен қабылданады" (the final score is taken by the participants'
majority). The seed says nothing of a tie; the decision is below.
"""

from collections import Counter

from .errors import EngineError
from .values import SCORE_DECIMALS, SCORE_ROUNDING, quantize, to_decimal


def calibration_final_score(old_score, votes, decimals=SCORE_DECIMALS):
    """The final score of a calibration session (seed 004 §42) and its tally.

    ``votes`` holds one entry per participant who voted: the score he
    supports, or ``None`` to keep the evaluator's score ``old_score`` (a
    keep-vote counts for that score). Proposals of the same score count
    together. "Басым дауыспен" is read as the relative majority: the score
    with the most votes wins. Tie rule (decision): when two or more scores
    share the most votes, no correction has a majority and the evaluator's
    score stays.

    Scores are exact Decimals rounded to ``decimals`` places (two, as seed
    004 writes them), so ``4.5``, ``"4,50"`` and ``Decimal("4.500")`` are one
    score. Returns ``(score, tally)`` with ``tally`` ``{score: votes}``.
    Raises 'calibration_no_votes' when nobody voted.
    """
    old = quantize(to_decimal(old_score, "old_score"), decimals, SCORE_ROUNDING)
    votes = list(votes or ())
    if not votes:
        raise EngineError("calibration_no_votes")
    tally = Counter(
        old if vote is None else quantize(to_decimal(vote, "vote"), decimals, SCORE_ROUNDING) for vote in votes
    )
    top = max(tally.values())
    leaders = [score for score, count in tally.items() if count == top]
    score = leaders[0] if len(leaders) == 1 else old
    return score, dict(tally)
