"""Differentiation sheet of the 2023 generation (staff other than heads, quarterly).

Seed 004 §33: four parameters: quality of carrying out functional duties
(функционалдық міндеттерді орындау сапасы), keeping the deadlines of tasks
(тапсырмаларды орындау мерзімдерін сақтау), independence and initiative
(дербестік және бастамашылық), labour discipline (еңбек тәртібі). §32: the
evaluator scores each "0-ден 5-ке дейін" (the Appendix 4 form prints
"1-ден 5 баллға дейін"; the bounds are parameters, the paragraph's 0..5 is
the default). Appendix 4 note: the result is the sum of the scores divided
by the number of parameters.
"""

from .errors import EngineError
from .values import SCORE_DECIMALS, SCORE_ROUNDING, average, check_precision, to_decimal

#: Seed 004 §33 and Appendix 4, in the form's order.
PARAMETERS = ("quality", "deadlines", "initiative", "discipline")

#: Seed 004 §32 "(0-ден 5-ке дейін)".
DIFFERENTIATION_MIN_SCORE = 0
DIFFERENTIATION_MAX_SCORE = 5


def differentiation_score(
    scores,
    min_score=DIFFERENTIATION_MIN_SCORE,
    max_score=DIFFERENTIATION_MAX_SCORE,
    *,
    decimals=SCORE_DECIMALS,
    rounding=SCORE_ROUNDING,
):
    """Average of the four parameter scores (seed 004 §32-33, Appendix 4).

    ``scores`` is ``{'quality': .., 'deadlines': .., 'initiative': ..,
    'discipline': ..}``, exactly these keys (:data:`PARAMETERS`), else
    'parameters_mismatch'. Each score lies in ``min_score .. max_score``
    ('score_out_of_range') with at most two decimals ('score_precision').
    The mean is rounded once to two decimals, half up (see bands.py).
    """
    scores = dict(scores)
    missing = [p for p in PARAMETERS if p not in scores]
    unexpected = sorted(str(k) for k in scores if k not in PARAMETERS)
    if missing or unexpected:
        raise EngineError(
            "parameters_mismatch",
            missing=", ".join(missing) or "-",
            unexpected=", ".join(unexpected) or "-",
        )
    low, high = to_decimal(min_score, "min_score"), to_decimal(max_score, "max_score")
    if low > high:
        raise EngineError("bounds_invalid", low=str(low), high=str(high))
    values = []
    for parameter in PARAMETERS:
        value = check_precision(to_decimal(scores[parameter], parameter), decimals)
        if not low <= value <= high:
            raise EngineError("score_out_of_range", score=str(value), low=str(low), high=str(high))
        values.append(value)
    # seed 004 Appendix 4 note: sum of the scores / number of parameters
    return average(values, decimals, rounding)
