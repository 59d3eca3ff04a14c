"""Result bands and the year result of the 2023 generation.

Seed 004 §8: "Функционалдық міндеттерін тиімді атқарады" 4 to 5 points,
"... тиісті түрде атқарады" 3 to 3,99, "... қанағаттанарлық түрде атқарады"
2 to 2,99, "... қанағаттанарлықсыз түрде атқарады" (an unsatisfactory grade)
0 to 1,99. Seed 004 §5: the final KPI and differentiation grade is the
average of the grades of the reporting quarters.
"""

from collections.abc import Mapping
from decimal import Decimal as D

from .errors import EngineError
from .values import SCORE_DECIMALS, SCORE_ROUNDING, average, quantize, to_decimal

#: Seed 004 §8, best first: (key, lowest score, highest score), bounds included.
BANDS_2023 = (
    ("effective", D("4"), D("5")),  # "тиімді атқарады": 4-тен 5 баллға дейін
    ("proper", D("3"), D("3.99")),  # "тиісті түрде атқарады": 3-тен 3,99 баллға дейін
    ("satisfactory", D("2"), D("2.99")),  # "қанағаттанарлық түрде": 2-ден 2,99 баллға дейін
    ("unsatisfactory", D("0"), D("1.99")),  # "қанағаттанарлықсыз түрде": 0-ден 1,99 баллға дейін
)

#: Quarters of a year (seed 004 §5 "есепті тоқсандар").
QUARTERS = (1, 2, 3, 4)


def band_2023(score, bands=BANDS_2023, *, decimals=SCORE_DECIMALS, rounding=SCORE_ROUNDING):
    """The §8 band key of ``score`` ('effective', 'proper', 'satisfactory', 'unsatisfactory').

    The bands are printed with two decimals and leave gaps between 3.99 and
    4, 2.99 and 3, 1.99 and 2. Decision: the score is first rounded to two
    decimals, half up, the same rounding as the sheet scores (kpi_2023,
    differentiation), so 3.994 is 3.99 ('proper') and 3.995 is 4.00
    ('effective'), and any score from 0 to 5 has exactly one band. Then
    ``low <= score <= high``. Below 0 or above 5: 'score_out_of_range'.
    """
    # seed 004 §8
    value = quantize(to_decimal(score, "score"), decimals, rounding)
    rows = [(key, to_decimal(low, "low"), to_decimal(high, "high")) for key, low, high in bands]
    if not rows or any(low > high for _key, low, high in rows):
        raise EngineError("bands_invalid", problem="each band needs low <= high")
    bottom = min(low for _key, low, _high in rows)
    top = max(high for _key, _low, high in rows)
    if not bottom <= value <= top:
        raise EngineError("score_out_of_range", score=str(value), low=str(bottom), high=str(top))
    for key, low, high in rows:
        if low <= value <= high:
            return key
    raise EngineError("band_not_found", score=str(value))


def year_result(
    quarter_results,
    *,
    min_score=D("0"),
    max_score=D("5"),
    decimals=SCORE_DECIMALS,
    rounding=SCORE_ROUNDING,
):
    """Year result: the average of the quarter results (seed 004 §5).

    ``quarter_results`` is ``{quarter (1-4): score or None}`` or a sequence
    of up to four scores (None for a missing quarter). Seed 004 §5 averages
    the grades "of the reporting quarters" ("есепті тоқсандардағы орташа
    бағасынан"): a quarter in which the person was not evaluated (not yet
    a month in the position, §6; appointed or dismissed during the year)
    has no grade and is left out, it does not count as 0. One to four quarters
    are needed ('no_quarter_results' otherwise); each result lies in 0..5.
    """
    if isinstance(quarter_results, Mapping):
        items = list(quarter_results.items())
    else:
        items = list(enumerate(quarter_results, start=1))
    values = []
    for quarter, result in items:
        if isinstance(quarter, bool) or quarter not in QUARTERS:
            raise EngineError("quarter_invalid", quarter=repr(quarter))
        if result is None:
            continue
        value = to_decimal(result, "quarter result")
        if not min_score <= value <= max_score:
            raise EngineError(
                "score_out_of_range", score=str(value), low=str(min_score), high=str(max_score)
            )
        values.append(value)
    if not values:
        raise EngineError("no_quarter_results")
    # seed 004 §5: average of the reporting quarters' grades
    return average(values, decimals, rounding)
