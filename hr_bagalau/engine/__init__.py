"""Bagalau methodology engine: the rules of the seeds in plain Python.

No Odoo import: the models gather data, call these functions and store the
answers. Every rule cites its seed paragraph (``seed 003 §18``); invalid input
raises :class:`EngineError` with a stable ``code`` (see ``errors.MESSAGES``).
"""

from .bands import BANDS_2023, QUARTERS, band_2023, year_result
from .calibration import calibration_final_score
from .commission import (
    COMMISSION_MIN_MEMBERS,
    QUORUM,
    check_commission_size,
    has_quorum,
    vote_result,
)
from .competency import (
    COMPETENCY_RESULTS,
    COMPETENCY_THRESHOLD,
    MAX_INDICATORS,
    CompetencyResult,
    assess_competency,
    competency_meets,
    indicators_not_shown,
)
from .dates import add_months, months_served
from .differentiation import (
    DIFFERENTIATION_MAX_SCORE,
    DIFFERENTIATION_MIN_SCORE,
    PARAMETERS,
    differentiation_score,
)
from .eligibility import REASONS, STATUSES, Eligibility, evaluate_eligibility
from .errors import MESSAGES, EngineError
from .kpi_2018 import GRADES_2018, KPI_COUNT_2018, THRESHOLDS_2018, kpi_grade_2018
from .kpi_2023 import (
    APPENDIX_3_TABLE,
    KPI_COUNT_MAX,
    KPI_COUNT_MIN,
    KPI_SCORE_MAX,
    KPI_SCORE_MIN,
    KpiScoreRange,
    allowed_score_range,
    check_kpi_score,
    kpi_plan_required,
    kpi_sheet_score,
    percent_achieved,
    table_row,
    validate_table,
)
from .presets import PRESETS, preset
from .survey_360 import (
    ANSWER_POINTS,
    RESPONDENTS_MAX,
    RESPONDENTS_MIN,
    ROLES,
    answer_points,
    check_respondent_count,
    competency_averages,
    weakest_competencies,
)
from .values import quantize, to_decimal
from .workdays import (
    SHIFTS,
    WorkingCalendar,
    day_of_month_after_quarter,
    decreed_working_days,
    kazakhstan_calendar,
    kazakhstan_holidays,
    month_after_year,
    quarter_deadline,
    working_day_on_or_after,
    working_day_on_or_before,
)

__all__ = [
    "ANSWER_POINTS",
    "APPENDIX_3_TABLE",
    "BANDS_2023",
    "COMMISSION_MIN_MEMBERS",
    "COMPETENCY_RESULTS",
    "COMPETENCY_THRESHOLD",
    "DIFFERENTIATION_MAX_SCORE",
    "DIFFERENTIATION_MIN_SCORE",
    "GRADES_2018",
    "KPI_COUNT_2018",
    "KPI_COUNT_MAX",
    "KPI_COUNT_MIN",
    "KPI_SCORE_MAX",
    "KPI_SCORE_MIN",
    "MAX_INDICATORS",
    "MESSAGES",
    "PARAMETERS",
    "PRESETS",
    "QUARTERS",
    "QUORUM",
    "REASONS",
    "RESPONDENTS_MAX",
    "RESPONDENTS_MIN",
    "ROLES",
    "SHIFTS",
    "STATUSES",
    "THRESHOLDS_2018",
    "CompetencyResult",
    "Eligibility",
    "EngineError",
    "KpiScoreRange",
    "WorkingCalendar",
    "add_months",
    "allowed_score_range",
    "answer_points",
    "assess_competency",
    "band_2023",
    "calibration_final_score",
    "check_commission_size",
    "check_kpi_score",
    "check_respondent_count",
    "competency_averages",
    "competency_meets",
    "day_of_month_after_quarter",
    "decreed_working_days",
    "differentiation_score",
    "evaluate_eligibility",
    "has_quorum",
    "indicators_not_shown",
    "kazakhstan_calendar",
    "kazakhstan_holidays",
    "kpi_grade_2018",
    "kpi_plan_required",
    "kpi_sheet_score",
    "month_after_year",
    "months_served",
    "percent_achieved",
    "preset",
    "quantize",
    "quarter_deadline",
    "table_row",
    "to_decimal",
    "validate_table",
    "vote_result",
    "weakest_competencies",
    "working_day_on_or_after",
    "working_day_on_or_before",
    "year_result",
]
