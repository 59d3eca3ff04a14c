"""Methodology presets: the typical texts of 2018 and 2023 as plain data.

The Odoo side copies a preset into a methodology record, which an agency
then edits (DESIGN: a methodology is data). All presets have the same keys;
seed_002 and seed_000 are agencies' copies of the 2018 one (see below).
The 2023 text has no commission, no return for revision and no appeal term;
the 2018 text no quarters, no differentiation, no 360 and no calibration.
The parameters the Odoo methodology record loads (integers there) then keep
the other generation's seed value and are listed under ``inapplicable``; the
other keys are None where the generation has no such step. Every value cites its seed
paragraph: seed 003 (2018 typical text, ru; seed 001 the same in kk) and seed
004 (2023 typical text, kk).
"""

import copy

from .bands import BANDS_2023
from .errors import EngineError
from .kpi_2023 import APPENDIX_3_TABLE

_NAME_2018 = {
    "en": "Typical methodology 2018",
    "ru": "Типовая методика 2018 года",
    "kk": "2018 жылғы үлгілік әдістеме",
}
_NAME_2023 = {
    "en": "Typical methodology 2023",
    "ru": "Типовая методика 2023 года",
    "kk": "2023 жылғы үлгілік әдістеме",
}

# Seed 003 §18 (ru) and seed 001 §18 (kk); Appendix 2 lists the same four words.
_GRADES_2018 = {
    "excellent": {"en": "Excellent", "ru": "превосходно", "kk": "өте жақсы"},
    "effective": {"en": "Effective", "ru": "эффективно", "kk": "тиімді"},
    "satisfactory": {"en": "Satisfactory", "ru": "удовлетворительно", "kk": "қанағаттанарлық"},
    "unsatisfactory": {
        "en": "Unsatisfactory",
        "ru": "неудовлетворительно",
        "kk": "қанағаттанарлықсыз",
    },
}

# Seed 003 §27 (ru) and seed 001 §27 (kk).
_COMPETENCY_RESULTS_2018 = {
    "meets": {
        "en": "Meets expectations",
        "ru": "соответствует ожиданиям",
        "kk": "күтілген нәтижеге сәйкес",
    },
    "does_not_meet": {
        "en": "Does not meet expectations",
        "ru": "не соответствует ожиданиям",
        "kk": "күтілген нәтижеге сәйкес емес",
    },
}

# Seed 004 §8: the kk wording is the seed's; seed 004 has no ru text, so the ru
# labels are translations of it (check them against the ru typical text).
_BAND_LABELS_2023 = {
    "effective": {
        "en": "Performs functional duties effectively",
        "ru": "Эффективно выполняет функциональные обязанности",
        "kk": "Функционалдық міндеттерін тиімді атқарады",
    },
    "proper": {
        "en": "Performs functional duties properly",
        "ru": "Надлежащим образом выполняет функциональные обязанности",
        "kk": "Функционалдық міндеттерін тиісті түрде атқарады",
    },
    "satisfactory": {
        "en": "Performs functional duties satisfactorily",
        "ru": "Удовлетворительно выполняет функциональные обязанности",
        "kk": "Функционалдық міндеттерін қанағаттанарлық түрде атқарады",
    },
    "unsatisfactory": {
        "en": "Performs functional duties unsatisfactorily",
        "ru": "Неудовлетворительно выполняет функциональные обязанности",
        "kk": "Функционалдық міндеттерін қанағаттанарлықсыз түрде атқарады",
    },
}

PRESETS = {
    "typical_2018": {
        "name": _NAME_2018,
        "generation": "2018",
        "period": "year",  # seed 003 §18: KPIs are assessed "по итогам года"
        "blocks": {
            "kpi_plan": True,  # seed 003 §9 (individual work plan, Appendix 1)
            "kpi_sheet": True,  # seed 003 §17-18 (KPI sheet, Appendix 2)
            "competency": True,  # seed 003 §25-27 (competency sheet, Appendix 3)
            "differentiation": False,  # not in seed 003 (seed 004 §29-33)
            "survey_360": False,  # not in seed 003 (seed 004 §34-37)
            "commission": True,  # seed 003 §5, §29-39
            "calibration": False,  # not in seed 003 (seed 004 §38-43)
        },
        # Keys whose value this generation's seed does not set: the value is the other
        # generation's, kept so that the Odoo record stays valid, and is not used.
        "inapplicable": [
            "differentiation_min_score",
            "differentiation_max_score",
            "quarter_deadline_day",
            "calibration_apply_working_days",
        ],
        "evaluators_per_sheet": 1,  # seed 003 §17, §25: the direct manager
        "kpi_count_min": 5,  # seed 003 §14 "Количество КЦИ составляет 5"
        "kpi_count_max": 5,  # seed 003 §14
        "kpi_applies_to": "all",  # seed 003 §9: every corps "B" servant has a plan
        "kpi_head_categories": None,  # seed 003: no distinction of heads for KPIs
        "kpi_grade_thresholds": {"excellent": 5, "effective": 4, "satisfactory": 3},  # §18
        "kpi_score_min": None,  # seed 003 §18: grades by count, no scores
        "kpi_score_max": None,  # seed 003 §18
        "kpi_table": None,  # seed 003: no percent -> score table
        "kpi_min_months_remaining": None,  # seed 003: no such rule (seed 004 §23)
        "min_tenure_months": 3,  # seed 003 §4 "менее трех месяцев"
        "exclude_probation": True,  # seed 003 §4 "а также в период испытательного срока"
        "absence_deferral_working_days": 5,  # seed 003 §4 "в течение 5 рабочих дней"
        "deferred_blocks_when_absent": ["kpi_sheet", "competency"],  # seed 003 §4: all
        "evaluate_dismissed": False,  # seed 003 has no rule; a dismissed servant is not
        # evaluated (seed 004 §7 introduced evaluation without them)
        "kpi_plan_due_working_days": 10,  # seed 003 §9 "в течение 10 рабочих дней"
        "kpi_plan_posting_working_days": None,  # seed 003: none (seed 004 §23)
        "kpi_review_working_days": 2,  # seed 003 gives the superior no term to review a
        # plan; decision: the direct manager's term to resubmit a returned one (§12)
        "kpi_sheet_due_working_days": 10,  # seed 003 gives the annual sheet no date (HR's
        # schedule, §29); decision: the term of §9 for drafting the plan
        "competency_sheet_due_working_days": 10,  # seed 003 §29: HR's schedule; decision
        # as for the KPI sheet
        "resubmission_working_days": 2,  # seed 003 §12, §23 "не позднее 2 рабочих дней"
        "commission_submission_working_days": 2,  # seed 003 §24, §28
        "commission_min_members": 5,  # seed 003 §5 "не менее 5 человек"
        "commission_quorum": [2, 3],  # seed 003 §30 "не менее двух третей"
        "commission_notice_working_days": 7,  # seed 003 §29 "за семь рабочих дней"
        "acknowledgement_working_days": 2,  # seed 003 §40 "в течение двух рабочих дней"
        "appeal_working_days": 10,  # seed 003 §42 "в течение десяти рабочих дней"
        "competency_threshold": [3, 4],  # seed 003 §27 "3/4 и более"
        "competency_max_indicators": 10,  # seed 003 §26 "не более десяти"
        "refusal_witnesses": 2,  # seed 003 §41 "и двумя другими служащими"
        "differentiation_applies_to": None,  # not in seed 003 (seed 004 §29)
        "differentiation_delegation_staff_limit": None,  # not in seed 003 (seed 004 §32)
        "differentiation_min_score": 0,  # inapplicable: seed 004 §32's value, block off
        "differentiation_max_score": 5,  # inapplicable: seed 004 §32's value, block off
        "quarter_deadline_day": 10,  # inapplicable: seed 004 §5's value; seed 003 is annual
        # and HR sets the schedule (§29)
        "deadline_on_day_off": None,  # seed 003: no fixed calendar deadline
        "notify_heads_day": None,  # not in seed 003 (seed 004 §27)
        "notify_staff_day": None,  # not in seed 003 (seed 004 §31)
        "kpi_actuals_lead_working_days": None,  # not in seed 003 (seed 004 §23)
        "survey_360_deadline_day": None,  # not in seed 003 (seed 004 §5)
        "survey_360_respondents_min": None,  # not in seed 003 (seed 004 §36)
        "survey_360_respondents_max": None,  # not in seed 003 (seed 004 §36)
        "survey_360_points_min": None,  # not in seed 003 (seed 004 Appendices 5-6)
        "survey_360_points_max": None,  # not in seed 003
        "calibration_apply_working_days": 5,  # inapplicable: seed 004 §13's value, block off
        "calibration_decision_working_days": None,  # not in seed 003 (seed 004 §39)
        "calibration_session_working_days": None,  # not in seed 003 (seed 004 §40)
        "calibration_protocol_working_days": None,  # not in seed 003 (seed 004 §42)
        "score_decimals": None,  # seed 003: no scores
        "year_result_day": None,  # seed 003: one annual grade, no average to form
        "score_rounding": None,  # seed 003: no scores
        "retention_years": 3,  # seed 003 §8 "в течение трех лет"
        "grades": _GRADES_2018,  # seed 003 §18, seed 001 §18
        "competency_results": _COMPETENCY_RESULTS_2018,  # seed 003 §27, seed 001 §27
        "bands": None,  # seed 003: grades, not score bands
    },
    "typical_2023": {
        "name": _NAME_2023,
        "generation": "2023",
        "period": "quarter",  # seed 004 §5 "тоқсан қорытындысы бойынша"
        "blocks": {
            "kpi_plan": True,  # seed 004 §23 (individual work plan, Appendix 1)
            "kpi_sheet": True,  # seed 004 §28 (KPI sheet, Appendix 2)
            "competency": False,  # seed 004: competencies only through 360 (§35)
            "differentiation": True,  # seed 004 §29-33 (Appendix 4)
            "survey_360": True,  # seed 004 §34-37 (Appendices 5-8)
            "commission": False,  # seed 004: no commission; calibration instead
            "calibration": True,  # seed 004 §13, §38-43
        },
        # Keys whose value seed 004 does not set (see typical_2018).
        "inapplicable": [
            "resubmission_working_days",
            "commission_min_members",
            "commission_notice_working_days",
            "appeal_working_days",
        ],
        "evaluators_per_sheet": 1,  # seed 004 §28, §30: the evaluating person
        "kpi_count_min": 3,  # seed 004 §24 "үштен беске дейінгі"
        "kpi_count_max": 5,  # seed 004 §24
        "kpi_applies_to": "heads",  # seed 004 §22: heads of units / bodies
        "kpi_head_categories": ["D-3", "D-O-1", "E-1", "E-2"],  # seed 004 §2.4 (D-3: heads)
        "kpi_grade_thresholds": None,  # seed 004: scores, not counts
        "kpi_score_min": 0,  # seed 004 §28 "(0-ден 5-ке дейін)"
        "kpi_score_max": 5,  # seed 004 §28
        "kpi_table": APPENDIX_3_TABLE,  # seed 004 Appendix 3
        "kpi_min_months_remaining": 3,  # seed 004 §23 "үш айдан аз болса ... белгіленбейді"
        "min_tenure_months": 1,  # seed 004 §6 "бір айдан кем"
        "exclude_probation": False,  # seed 004 §6 names only the one-month rule
        "absence_deferral_working_days": 5,  # seed 004 §6 "бес жұмыс күні ішінде"
        "deferred_blocks_when_absent": ["kpi_sheet"],  # seed 004 §6: differentiation and
        # 360 go ahead without the absent servant
        "evaluate_dismissed": True,  # seed 004 §7 "олардың қатысуынсыз"
        "kpi_plan_due_working_days": 10,  # seed 004 §23 "он жұмыс күні ішінде"
        "kpi_plan_posting_working_days": 5,  # seed 004 §23 "бес жұмыс күні ішінде"
        "kpi_review_working_days": 2,  # seed 004 gives no term; the 2018 decision kept
        "kpi_sheet_due_working_days": 10,  # inapplicable: quarterly sheets are due on
        # quarter_deadline_day (§5); the 2018 decision for a campaign of a whole year
        "competency_sheet_due_working_days": None,  # seed 004: no indicator sheet
        "resubmission_working_days": 2,  # inapplicable: seed 004 has no return-for-revision
        # step; seed 003 §12, §23's value
        "commission_submission_working_days": None,  # seed 004: no commission
        "commission_min_members": 5,  # inapplicable: seed 004 has no commission; seed 003 §5
        "commission_quorum": None,  # seed 004: no commission
        "commission_notice_working_days": 7,  # inapplicable: no commission; seed 003 §29
        "acknowledgement_working_days": 2,  # seed 004 §12 "екі жұмыс күні ішінде"
        "appeal_working_days": 10,  # inapplicable: seed 004 §14 leaves the appeal to the
        # Administrative Procedure Code and names no term; seed 003 §42's value
        "competency_threshold": None,  # seed 004: no indicator sheet
        "competency_max_indicators": None,  # seed 004: no indicator sheet
        "refusal_witnesses": 2,  # seed 004 §12 names no act of refusal: seed 003 §41 kept
        "differentiation_applies_to": "staff",  # seed 004 §29: servants who are not heads
        # (heads have KPIs, §22)
        "differentiation_delegation_staff_limit": 50,  # seed 004 §32 "елу адамнан асқан"
        "differentiation_min_score": 0,  # seed 004 §32 "(0-ден 5-ке дейін)"
        "differentiation_max_score": 5,  # seed 004 §32
        "quarter_deadline_day": 10,  # seed 004 §5 "айдың оныншы күнінен кешіктірілмей"
        "deadline_on_day_off": "previous",  # seed 004 §5 silent; see workdays.quarter_deadline
        "notify_heads_day": 5,  # seed 004 §27 "айдың бесінші күнінен кешіктірмей"
        "notify_staff_day": 10,  # seed 004 §31 "айдың оныншы күнінен кешіктірмей"
        "kpi_actuals_lead_working_days": 5,  # seed 004 §23 "бес жұмыс күннен кешіктірмейтін"
        "survey_360_deadline_day": 10,  # seed 004 §5: 10th of the month after the year
        "survey_360_respondents_min": 3,  # seed 004 §36 "үш адамнан кем болмауы"
        "survey_360_respondents_max": 7,  # seed 004 §36 "жеті адамнан артық болмауы"
        "survey_360_points_min": 1,  # seed 004 Appendices 5-6: five answers, 1..5
        "survey_360_points_max": 5,  # seed 004 Appendices 5-6
        "calibration_apply_working_days": 5,  # seed 004 §13 "бес жұмыс күні ішінде"
        "calibration_decision_working_days": 3,  # seed 004 §39 "үш жұмыс күн ішінде"
        "calibration_session_working_days": 10,  # seed 004 §40 "он жұмыс күн ішінде"
        "calibration_protocol_working_days": 3,  # seed 004 §42 "үш жұмыс күн ішінде"
        "score_decimals": 2,  # seed 004 §8 "3,99", Appendix 3 "4,74"
        "year_result_day": None,  # seed 004 §5 names no date for the year's average
        "score_rounding": "ROUND_HALF_UP",  # seed 004 silent; see bands.band_2023
        "retention_years": 3,  # seed 004 §15 "үш жыл ішінде"
        "grades": None,  # seed 004: score bands, not 2018 grades
        "competency_results": None,  # seed 004: no indicator sheet
        "bands": [  # seed 004 §8
            {"key": key, "low": low, "high": high, "label": _BAND_LABELS_2023[key]}
            for key, low, high in BANDS_2023
        ],
    },
}


# The 2025 typical text, as public summaries of the ministries' 2025 orders
# describe it (not among the seeds: e.g. the Ministry of Health's order of 17
# September 2025). Every corps B servant is evaluated each quarter by the
# evaluating person (the immediate superior, or whoever replaces him), due by
# the 20th of the month after the quarter; the year's result is the average of
# the quarters, formed by 30 January of the next year; documents are kept
# three years. No KPI plans, no 360, no commission. The criteria are each
# agency's order and are not in our sources: the four parameters of the 2023
# differentiation sheet (seed 004 Appendix 4) are an editable starting point.
# Everything else is the 2023 text's, on which the 2025 one is built.
_NAME_2025 = {
    "en": "Quarterly evaluation (2025)",
    "ru": "Ежеквартальная оценка (2025)",
    "kk": "Тоқсан сайынғы бағалау (2025)",
}
PRESETS["typical_2025"] = copy.deepcopy(PRESETS["typical_2023"])
PRESETS["typical_2025"].update({
    "name": _NAME_2025,
    "blocks": {
        "kpi_plan": False,  # 2025: no KPI plans
        "kpi_sheet": False,
        "competency": False,
        "differentiation": True,  # 2025: the quarter's evaluation by the evaluating person
        "survey_360": False,  # 2025: no 360
        "commission": False,  # 2025: no commission
        "calibration": False,  # 2025: the summaries name no calibration session
    },
    "kpi_applies_to": "heads",  # unused, block off
    "differentiation_applies_to": "all",  # 2025: every corps B servant, heads included
    "quarter_deadline_day": 20,  # 2025: "by the 20th of the month after the quarter"
    "deferred_blocks_when_absent": [],  # 2025: evaluated by whoever replaces the evaluator
    "year_result_day": 30,  # 2025: the year's result formed by 30 January
    "retention_years": 3,  # 2025: documents kept three years
})
PRESETS["typical_2025"]["inapplicable"] = sorted(set(PRESETS["typical_2023"]["inapplicable"]) | {
    "calibration_apply_working_days"})

# Agencies' own 2018 methodologies whose Appendix 4 differs from the typical
# one: their indicators are data (data/competency_catalogue.json); every
# parameter is the typical 2018 text's. Seed 002 (Supreme Judicial Council
# apparatus, 2018 amendment) rewrites §5, §8, §15, §24, §28-29, §34-36 and
# §40-42 only to name its Administrative department as the HR service, with
# the same terms (§28: "2 жұмыс күнінен кешіктірмей"); seed 000 (Zhanaozen
# city maslikhat apparatus, 2021 amendment) replaces Appendix 4 only.
_NAME_SEED_002 = {
    "en": "Supreme Judicial Council apparatus (2018)",
    "ru": "Аппарат Высшего Судебного Совета (2018)",
    "kk": "Жоғары Сот Кеңесінің аппараты (2018)",
}
_NAME_SEED_000 = {
    "en": "Zhanaozen maslikhat (2021)",
    "ru": "Маслихат города Жанаозен (2021)",
    "kk": "Жаңаөзен қалалық мәслихаты (2021)",
}


def _derived_2018(name):
    """A copy of the typical 2018 preset under its own name."""
    data = copy.deepcopy(PRESETS["typical_2018"])
    data["name"] = name
    return data


PRESETS["seed_002"] = _derived_2018(_NAME_SEED_002)  # seed 002 Appendix 4 (B-1/B-2, B-4/B-5)
PRESETS["seed_000"] = _derived_2018(_NAME_SEED_000)  # seed 000 Appendix 4 (E-2, E-4)


def preset(key):
    """A deep copy of ``PRESETS[key]`` (EngineError 'preset_unknown' otherwise)."""
    if key not in PRESETS:
        raise EngineError("preset_unknown", key=repr(key), choices=", ".join(sorted(PRESETS)))
    return copy.deepcopy(PRESETS[key])
