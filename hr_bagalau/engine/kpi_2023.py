"""KPI sheet of the 2023 generation (heads of units and bodies, quarterly).

Seed 004 §24: 3 to 5 KPIs. §28: the evaluator puts a score from 0 to 5 on
each KPI, within the range that Appendix 3 allows for the percent achieved.
Appendix 2: the sheet score is the sum of the KPI scores divided by the
number of KPIs.
"""

import math
from decimal import Decimal as D
from fractions import Fraction
from typing import NamedTuple

from .dates import months_served, to_date
from .errors import EngineError
from .values import (
    SCORE_DECIMALS,
    SCORE_ROUNDING,
    average,
    check_precision,
    to_count,
    to_decimal,
    to_fraction,
)


class KpiScoreRange(NamedTuple):
    """One row of seed 004 Appendix 3, as printed (``percent_to`` None: "and above")."""

    percent_from: D
    percent_to: D | None
    score_from: D
    score_to: D


# Seed 004 Appendix 3 "Нысаналы мақсатты индикаторды іске асыру пайызына байланысты
# рұқсат етілетін бағаны анықтау кестесі", transcribed row by row as printed.
# Note the row "40-44,49": the seed prints 44,49 where the pattern of the other
# rows gives 44,99; it is kept as printed (see allowed_score_range for how
# 44.50 .. 44.99 % is placed).
APPENDIX_3_TABLE = (
    KpiScoreRange(D("100"), None, D("5"), D("5")),  # "100 және одан жоғары" -> 5
    KpiScoreRange(D("95"), D("99.99"), D("4.75"), D("4.99")),
    KpiScoreRange(D("90"), D("94.99"), D("4.5"), D("4.74")),
    KpiScoreRange(D("85"), D("89.99"), D("4.25"), D("4.49")),
    KpiScoreRange(D("80"), D("84.99"), D("4"), D("4.24")),
    KpiScoreRange(D("75"), D("79.99"), D("3.75"), D("3.99")),
    KpiScoreRange(D("70"), D("74.99"), D("3.5"), D("3.74")),
    KpiScoreRange(D("65"), D("69.99"), D("3.25"), D("3.49")),
    KpiScoreRange(D("60"), D("64.99"), D("3"), D("3.24")),
    KpiScoreRange(D("55"), D("59.99"), D("2.75"), D("2.99")),
    KpiScoreRange(D("50"), D("54.99"), D("2.5"), D("2.74")),
    KpiScoreRange(D("45"), D("49.99"), D("2.25"), D("2.49")),
    KpiScoreRange(D("40"), D("44.49"), D("2"), D("2.24")),  # sic: "40-44,49"
    KpiScoreRange(D("35"), D("39.99"), D("1.75"), D("1.99")),
    KpiScoreRange(D("30"), D("34.99"), D("1.5"), D("1.74")),
    KpiScoreRange(D("25"), D("29.99"), D("1.25"), D("1.49")),
    KpiScoreRange(D("20"), D("24.99"), D("1"), D("1.24")),
    KpiScoreRange(D("15"), D("19.99"), D("0.75"), D("0.99")),
    KpiScoreRange(D("10"), D("14.99"), D("0.5"), D("0.74")),
    KpiScoreRange(D("5"), D("9.99"), D("0.25"), D("0.49")),
    KpiScoreRange(D("0"), D("4.99"), D("0"), D("0.24")),
)

#: Seed 004 §28 "(0-ден 5-ке дейін)": the bounds of any KPI score.
KPI_SCORE_MIN = D("0")
KPI_SCORE_MAX = D("5")
#: Seed 004 §24 "НМИ үштен беске дейінгі мөлшерде белгіленеді".
KPI_COUNT_MIN = 3
KPI_COUNT_MAX = 5
#: Seed 004 §23: no KPIs when less than three months remain in the period.
KPI_MIN_MONTHS_REMAINING = 3


def validate_table(table=APPENDIX_3_TABLE):
    """Check a percent -> score table (an agency may edit it); return it as a tuple.

    Rows run from the highest percent down to 0; the first is open-ended
    (``percent_to`` None); every row starts strictly below the one above it;
    its printed upper bound lies below the next row's start; scores run
    ``score_from <= score_to``.
    """
    rows = []
    for index, row in enumerate(table, start=1):
        try:
            percent_from, percent_to, score_from, score_to = row
        except (TypeError, ValueError):
            raise EngineError("table_invalid", row=index, problem="a row has 4 values") from None
        rows.append(
            KpiScoreRange(
                to_decimal(percent_from, "percent_from"),
                None if percent_to is None else to_decimal(percent_to, "percent_to"),
                to_decimal(score_from, "score_from"),
                to_decimal(score_to, "score_to"),
            )
        )
    rows = tuple(rows)
    if not rows:
        raise EngineError("table_invalid", row=0, problem="the table is empty")
    for index, row in enumerate(rows, start=1):
        if (row.percent_to is None) != (index == 1):
            raise EngineError(
                "table_invalid", row=index, problem="only the first row is open-ended"
            )
        if row.score_from < 0:
            raise EngineError("table_invalid", row=index, problem="scores cannot be negative")
        if row.score_from > row.score_to:
            raise EngineError("table_invalid", row=index, problem="score range is inverted")
        if index > 1:
            above = rows[index - 2]
            if not row.percent_from < above.percent_from:
                raise EngineError("table_invalid", row=index, problem="percents must decrease")
            if not row.percent_from <= row.percent_to < above.percent_from:
                raise EngineError(
                    "table_invalid",
                    row=index,
                    problem="the upper bound must lie between the row's start and the next row's",
                )
    if rows[-1].percent_from != 0:
        raise EngineError("table_invalid", row=len(rows), problem="the last row must start at 0")
    return rows


def table_row(percent, table=APPENDIX_3_TABLE):
    """The row of ``table`` that holds ``percent`` (see :func:`allowed_score_range`)."""
    rows = validate_table(table)
    if isinstance(percent, Fraction):
        exact = percent
        shown = f"{percent.numerator}/{percent.denominator}"
    else:
        value = to_decimal(percent, "percent")
        exact, shown = Fraction(value), str(value)
    if exact < 0:
        raise EngineError("percent_negative", percent=shown)
    # Half-open intervals [percent_from, percent_from of the row above).
    for row in rows:
        if exact >= row.percent_from:
            return row
    raise AssertionError("unreachable: the last row starts at 0")  # pragma: no cover


def allowed_score_range(percent, table=APPENDIX_3_TABLE):
    """``(low, high)``: the scores Appendix 3 of seed 004 allows for ``percent`` achieved.

    The printed rows leave gaps: "95-99,99" and "90-94,99" say nothing of
    94.995 %, and "40-44,49" (a misprint for 44,99) nothing of 44.5 %.
    Decision: each row covers the half-open interval from its own start up to
    the start of the row above, [90, 95) for "90-94,99". This is the same as
    cutting the percent to two decimals, never rounding it up (94.999 % has
    not reached 95 %), and it gives 44.50-44.99 % to the 40 % row, the only
    row that can hold it. Every percent in [0, oo) then falls in exactly one
    row; 100 % and more give the top row (5); a negative percent raises
    'percent_negative', a non-number 'not_a_number'.
    """
    # seed 004 Appendix 3; §28 (the evaluator uses this table when scoring)
    row = table_row(percent, table)
    return row.score_from, row.score_to


def percent_achieved(planned, actual, decimals=2):
    """Percent of the planned value achieved: actual / planned * 100 (seed 004 Appendix 2).

    Computed exactly and cut (not rounded) to ``decimals`` places, so that
    the printed percent falls in the same Appendix 3 row as the exact one
    (94.996 % is shown 94.99, in the 90 % row, not 95.00). ``planned`` must be
    above 0 and ``actual`` at least 0. KPIs where a lower value is better are
    not provided for in the seeds and are left to the evaluator.
    """
    planned_value = to_fraction(planned, "planned")
    actual_value = to_fraction(actual, "actual")
    if planned_value <= 0:
        raise EngineError("planned_not_positive", planned=str(to_decimal(planned, "planned")))
    if actual_value < 0:
        raise EngineError("actual_negative", actual=str(to_decimal(actual, "actual")))
    scaled = actual_value / planned_value * 100 * 10**decimals
    return D(math.floor(scaled)).scaleb(-decimals)


def check_kpi_score(score, percent, table=APPENDIX_3_TABLE, decimals=SCORE_DECIMALS):
    """Return ``score`` as a Decimal if Appendix 3 allows it for ``percent``.

    Raises 'score_out_of_range' (params ``low``, ``high``, ``score``,
    ``percent``) outside the row's range, bounds included (seed 004 §28,
    Appendix 3 note: the evaluator chooses freely within the range), and
    'score_precision' for more than two decimals (the table's grid).
    """
    value = check_precision(to_decimal(score, "score"), decimals)
    low, high = allowed_score_range(percent, table)
    if not low <= value <= high:
        raise EngineError(
            "score_out_of_range",
            score=str(value),
            low=str(low),
            high=str(high),
            percent=str(percent),
        )
    return value


def kpi_sheet_score(
    scores,
    *,
    min_score=KPI_SCORE_MIN,
    max_score=KPI_SCORE_MAX,
    kpi_count_min=KPI_COUNT_MIN,
    kpi_count_max=KPI_COUNT_MAX,
    decimals=SCORE_DECIMALS,
    rounding=SCORE_ROUNDING,
):
    """Sheet score: sum of the KPI scores / number of KPIs (seed 004 Appendix 2, §28).

    Each score must lie in 0..5 (§28) with at most two decimals; there must
    be 3 to 5 of them (§24). The seed writes scores with two decimals (§8
    "3,99", Appendix 3 "4,74") and gives no rounding rule: the exact mean is
    rounded once to two decimals, half up (4.995 -> 5.00), the ordinary
    arithmetic rounding; ``decimals`` and ``rounding`` are parameters.
    """
    values = [check_precision(to_decimal(s, "score"), decimals) for s in scores]
    low, high = to_decimal(min_score, "min_score"), to_decimal(max_score, "max_score")
    if low > high:
        raise EngineError("bounds_invalid", low=str(low), high=str(high))
    minimum = to_count(kpi_count_min, "kpi_count_min")
    maximum = to_count(kpi_count_max, "kpi_count_max")
    if not max(minimum, 1) <= len(values) <= maximum:
        raise EngineError(
            "kpi_count_out_of_range", count=len(values), minimum=minimum, maximum=maximum
        )
    for value in values:
        if not low <= value <= high:
            raise EngineError("score_out_of_range", score=str(value), low=str(low), high=str(high))
    # seed 004 Appendix 2: "НМИ санына бөлінген НМИ бойынша бағалау сомасы"
    return average(values, decimals, rounding)


def kpi_plan_required(position_date, period_end, min_months=KPI_MIN_MONTHS_REMAINING):
    """False when less than ``min_months`` run from appointment to the period's end.

    Seed 004 §23: "Егер қызметшінің тағайындалған күннен бастап бағалау
    кезеңінің соңына дейінгі мерзім үш айдан аз болса, аталған қызметшіге
    НМИ белгіленбейді". Months are counted as in :func:`dates.months_served`.
    """
    start = to_date(position_date, "position_date")
    end = to_date(period_end, "period_end")
    return months_served(start, end, min_months)
