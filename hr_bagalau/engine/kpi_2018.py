"""KPI grade of the 2018 generation (annual individual work plan).

Seed 003 §18 (ru; seed 001 §18 kk), by the number of KPIs achieved in the year:
all KPIs -> "превосходно" / "өте жақсы"; 4 of 5 -> "эффективно" / "тиімді";
3 of 5 -> "удовлетворительно" / "қанағаттанарлық"; fewer than 3 of 5 ->
"неудовлетворительно" / "қанағаттанарлықсыз". A KPI is achieved only when
the plan's values are fully met (§18, last sentence).
"""

from .errors import EngineError
from .values import to_count

#: Grades, best first (seed 003 §18; Appendix 2 lists them worst first).
GRADES_2018 = ("excellent", "effective", "satisfactory", "unsatisfactory")

#: Minimum number of achieved KPIs for each grade but the last (seed 003 §18).
THRESHOLDS_2018 = {"excellent": 5, "effective": 4, "satisfactory": 3}

#: Number of KPIs in the plan (seed 003 §14 "Количество КЦИ составляет 5").
KPI_COUNT_2018 = 5


def kpi_grade_2018(achieved_count, kpi_count=KPI_COUNT_2018, thresholds=None):
    """Grade of the year from the number of KPIs achieved (seed 003 §18).

    ``thresholds`` maps 'excellent', 'effective' and 'satisfactory' to the
    least number of achieved KPIs that earns the grade; fewer than the
    'satisfactory' count is 'unsatisfactory'. The seed's thresholds are
    absolute counts for a plan of exactly 5 KPIs (§14), and they are kept as
    absolute counts: with another ``kpi_count`` nothing is rescaled, so a
    methodology that plans another number of KPIs must set its own thresholds.
    They must be strictly decreasing, and 'excellent' ("all KPIs achieved")
    cannot ask for more than ``kpi_count``.

    Returns one of :data:`GRADES_2018`.
    """
    # seed 003 §18: 5 of 5 -> excellent, 4 -> effective, 3 -> satisfactory, fewer -> unsatisfactory
    thresholds = dict(THRESHOLDS_2018 if thresholds is None else thresholds)
    kpi_count = to_count(kpi_count, "kpi_count")
    achieved = to_count(achieved_count, "achieved_count")
    if set(thresholds) != set(GRADES_2018[:3]):
        raise EngineError(
            "thresholds_invalid", problem="keys must be excellent, effective, satisfactory"
        )
    counts = [to_count(thresholds[grade], grade) for grade in GRADES_2018[:3]]
    if not counts[0] > counts[1] > counts[2]:
        raise EngineError("thresholds_invalid", problem="counts must strictly decrease")
    if counts[0] > kpi_count or kpi_count == 0:
        raise EngineError(
            "thresholds_invalid",
            problem=f"'excellent' needs {counts[0]} achieved KPIs of {kpi_count}",
        )
    if achieved > kpi_count:
        raise EngineError("achieved_out_of_range", achieved=achieved, kpi_count=kpi_count)
    for grade, minimum in zip(GRADES_2018[:3], counts, strict=True):
        if achieved >= minimum:
            return grade
    return "unsatisfactory"
