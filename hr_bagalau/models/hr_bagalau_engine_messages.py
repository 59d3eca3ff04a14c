"""The engine's refusals in the user's language.

The engine (``engine/errors.py``) raises ``EngineError(code, **params)`` with
an English template per code in ``MESSAGES``. :func:`engine_error_message`
turns such an error into a sentence in the language of ``env``: one
translatable sentence per code, with the same ``%(param)s`` placeholders, and
the parameters that are field names, role or shift codes, preset keys or the
engine's English descriptions of a problem turned into words of that language.
``tests/test_engine_messages.py`` fails when a code of ``MESSAGES`` has no
sentence here.
"""

import re

from odoo.tools.translate import LazyTranslate

from ..engine.presets import PRESETS

_lt = LazyTranslate(__name__)

#: One sentence per code of ``engine.errors.MESSAGES``, same placeholders.
ENGINE_MESSAGES = {
    # -- generic value checks (values.py, dates.py)
    "not_a_number": _lt("“%(field)s” must be a number, not %(value)s."),
    "not_an_integer": _lt("“%(field)s” must be a whole number, not %(value)s."),
    "not_a_date": _lt("“%(field)s” must be a date, not %(value)s."),
    "count_negative": _lt("“%(field)s” cannot be negative: %(value)s."),
    "dates_inverted": _lt("“%(field_from)s” (%(date_from)s) is later than “%(field_to)s” (%(date_to)s)."),
    "months_invalid": _lt("A number of months must be a whole number, zero or more, not %(months)s."),
    # -- scores
    "score_out_of_range": _lt("The score %(score)s is outside the allowed range %(low)s–%(high)s."),
    "score_precision": _lt("The score %(score)s has more than %(decimals)s decimal places."),
    "bounds_invalid": _lt("The lowest score %(low)s is above the highest score %(high)s."),
    # -- KPI, 2023 generation
    "percent_negative": _lt("The percent achieved cannot be negative: %(percent)s."),
    "planned_not_positive": _lt("The planned value must be above zero, not %(planned)s."),
    "actual_negative": _lt("The actual value cannot be negative: %(actual)s."),
    "table_invalid": _lt("The KPI score table of the methodology is not valid at row %(row)s: %(problem)s."),
    "kpi_count_out_of_range": _lt(
        "%(count)s KPI scores are given; the methodology allows %(minimum)s to %(maximum)s."),
    # -- KPI, 2018 generation
    "achieved_out_of_range": _lt("The number of KPIs achieved (%(achieved)s) must be between 0 and %(kpi_count)s."),
    "thresholds_invalid": _lt("The KPI grade thresholds of the methodology are not valid: %(problem)s."),
    # -- competencies, 2018 generation
    "indicator_count_out_of_range": _lt(
        "A competency must have 1 to %(maximum)s behavioural indicators, not %(count)s."),
    "shown_count_out_of_range": _lt("The number of indicators shown (%(shown)s) must be between 0 and %(total)s."),
    "threshold_invalid": _lt("The threshold must be a fraction above 0 and at most 1, not %(threshold)s."),
    # -- differentiation, 2023 generation
    "parameters_mismatch": _lt(
        "The differentiation sheet must score exactly its parameters; missing: %(missing)s; "
        "unexpected: %(unexpected)s."),
    # -- bands and the year result
    "band_not_found": _lt("No result band of the methodology holds the score %(score)s."),
    "bands_invalid": _lt("The result bands of the methodology are not valid: %(problem)s."),
    "no_quarter_results": _lt("There is no quarter result to average."),
    "quarter_invalid": _lt("A quarter must be 1, 2, 3 or 4, not %(quarter)s."),
    # -- 360
    "role_unknown": _lt("Unknown respondent role “%(role)s”; the roles are: %(roles)s."),
    "answer_malformed": _lt(
        "A 360 answer must name the competency, the respondent's role and the points, not %(answer)s."),
    "points_out_of_range": _lt("The points %(points)s are outside the range %(minimum)s–%(maximum)s."),
    "respondent_count_out_of_range": _lt(
        "%(count)s respondents are chosen; the methodology asks for %(minimum)s to %(maximum)s."),
    # -- commission
    "commission_too_small": _lt("The commission has %(count)s members; it must have at least %(minimum)s."),
    "commission_empty": _lt("The commission has no voting member."),
    "present_exceeds_total": _lt(
        "%(present)s voting members are recorded as present, more than the %(total)s voting members of "
        "the commission."),
    "quorum_invalid": _lt("The quorum must be a fraction above 0 and at most 1, not %(quorum)s."),
    "no_votes": _lt("No vote has been cast."),
    "tie_needs_chair_vote": _lt(
        "The votes are tied, %(votes)s for and %(votes)s against: the chair's vote decides and is not given."),
    "chair_vote_invalid": _lt("The chair's vote must be “for” or “against”, not %(value)s."),
    # -- calibration, 2023 generation
    "calibration_no_votes": _lt("No participant of the calibration session has voted."),
    # -- working days
    "calendar_year_missing": _lt("The working-day calendar has no days for the year %(year)s."),
    "calendar_invalid": _lt("The working-day calendar is not valid: %(problem)s."),
    "day_invalid": _lt("There is no day %(day)s in month %(month)s of %(year)s."),
    "shift_invalid": _lt("A deadline on a day off moves to one of: %(choices)s; not “%(shift)s”."),
    # -- position categories
    "category_code_invalid": _lt("“%(value)s” is not a position category code of the register."),
    # -- presets
    "preset_unknown": _lt("Unknown typical methodology “%(key)s”; the typical methodologies are: %(choices)s."),
}

#: The engine's field names, roles and shifts, as a user reads them.
ENGINE_WORDS = {
    # values checked by values.py / dates.py under these names
    "value": _lt("Value"),
    "score": _lt("Score"),
    "low": _lt("Lowest score"),
    "high": _lt("Highest score"),
    "min_score": _lt("Lowest score"),
    "max_score": _lt("Highest score"),
    "quarter result": _lt("Quarter result"),
    "old_score": _lt("Score before the calibration"),
    "vote": _lt("Proposed score of a participant"),
    "member_count": _lt("Number of commission members"),
    "present_voting": _lt("Voting members present"),
    "total_voting": _lt("Voting members of the commission"),
    "votes_for": _lt("Votes for"),
    "votes_against": _lt("Votes against"),
    "max_indicators": _lt("Largest number of behavioural indicators"),
    "indicator_count": _lt("Number of behavioural indicators"),
    "shown_count": _lt("Number of indicators shown"),
    "date": _lt("Date"),
    "months": _lt("Number of months"),
    "quality": _lt("Quality of carrying out functional duties"),
    "deadlines": _lt("Keeping the deadlines of tasks"),
    "initiative": _lt("Independence and initiative"),
    "discipline": _lt("Labour discipline"),
    "absence_from": _lt("First day of the absence"),
    "absence_to": _lt("Last day of the absence"),
    "period_end": _lt("End of the evaluated period"),
    "position_date": _lt("Date of appointment to the position"),
    "probation_end": _lt("End of the probation period"),
    "dismissal_date": _lt("Date of dismissal"),
    "evaluation_date": _lt("Date of the evaluation"),
    "min_tenure_months": _lt("Least number of months in the position"),
    "deferral_working_days": _lt("Working days of the deferral"),
    "kpi_count": _lt("Number of KPIs"),
    "achieved_count": _lt("Number of KPIs achieved"),
    "excellent": _lt("KPIs achieved for “excellent”"),
    "effective": _lt("KPIs achieved for “effective”"),
    "satisfactory": _lt("KPIs achieved for “satisfactory”"),
    "percent_from": _lt("Percent achieved, from"),
    "percent_to": _lt("Percent achieved, to"),
    "score_from": _lt("Score, from"),
    "score_to": _lt("Score, to"),
    "percent": _lt("Percent achieved"),
    "planned": _lt("Planned value"),
    "actual": _lt("Actual value"),
    "kpi_count_min": _lt("Least number of KPIs"),
    "kpi_count_max": _lt("Largest number of KPIs"),
    "points": _lt("Points of the answer"),
    "count": _lt("Number"),
    "n": _lt("Number of working days"),
    # survey_360.ROLES
    "self": _lt("self-assessment"),
    "manager": _lt("manager"),
    "subordinate": _lt("subordinate"),
    "peer": _lt("colleague"),
    # workdays.SHIFTS
    "previous": _lt("the previous working day"),
    "next": _lt("the next working day"),
    "none": _lt("the day itself"),
}

#: The engine's English descriptions of a ``problem``, as a user reads them.
ENGINE_PROBLEMS = {
    "each band needs low <= high": _lt("the lowest score of a band is above its highest score"),
    "keys must be excellent, effective, satisfactory": _lt(
        "thresholds are needed for “excellent”, “effective” and “satisfactory”"),
    "counts must strictly decrease": _lt("each grade must need fewer KPIs achieved than the grade above it"),
    "a row has 4 values": _lt("a row needs four values: percent from and to, score from and to"),
    "the table is empty": _lt("the table has no row"),
    "only the first row is open-ended": _lt("only the first row may have no upper percent"),
    "scores cannot be negative": _lt("scores cannot be negative"),
    "score range is inverted": _lt("the lowest score is above the highest score"),
    "percents must decrease": _lt("each row must start below the row above it"),
    "the upper bound must lie between the row's start and the next row's": _lt(
        "the upper percent must lie between the start of the row and the start of the row above it"),
    "the last row must start at 0": _lt("the last row must start at zero percent"),
    "weekend days must be 0..6": _lt("the weekend days must be days of the week"),
    "every weekday is a weekend day": _lt("every day of the week is a weekend day"),
}

# kpi_2018.py: f"'excellent' needs {counts[0]} achieved KPIs of {kpi_count}"
_EXCELLENT_NEEDS = re.compile(r"'excellent' needs (?P<needed>\d+) achieved KPIs of (?P<count>\d+)")
_EXCELLENT_NEEDS_TEXT = _lt("“excellent” needs %(needed)s KPIs achieved, but the sheet has %(count)s KPIs")

_WORD_PARAMS = ("field", "field_from", "field_to", "role", "shift")
_LIST_PARAMS = ("missing", "unexpected", "roles", "choices")


def _unquoted(text):
    """``repr`` of a string, as the engine puts codes, without its quotes."""
    text = str(text)
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


def _word(env, code):
    code = _unquoted(code)
    return env._(ENGINE_WORDS[code]) if code in ENGINE_WORDS else code


def _preset_name(env, key):
    key = _unquoted(key)
    name = PRESETS.get(key, {}).get("name")
    if isinstance(name, dict):
        return name.get((env.lang or "en_US")[:2]) or name.get("en") or key
    return name or key


def _problem(env, text):
    if text in ENGINE_PROBLEMS:
        return env._(ENGINE_PROBLEMS[text])
    match = _EXCELLENT_NEEDS.fullmatch(text)
    if match:
        return env._(_EXCELLENT_NEEDS_TEXT) % match.groupdict()
    return text


def _user_params(env, error):
    """The error's params with codes and field names in words of ``env``'s language."""
    params = dict(error.params)
    for key in _WORD_PARAMS:
        if key in params:
            params[key] = _word(env, params[key])
    for key in _LIST_PARAMS:
        if key in params:
            items = [item for item in str(params[key]).split(", ") if item and item != "-"]
            translate = _preset_name if error.code == "preset_unknown" else _word
            params[key] = ", ".join(translate(env, item) for item in items) or "—"
    if error.code == "preset_unknown":
        params["key"] = _preset_name(env, params["key"])
    if "problem" in params:
        params["problem"] = _problem(env, params["problem"])
    return params


def engine_error_message(env, error):
    """The sentence of ``error`` (an ``EngineError``) in the language of ``env``."""
    params = _user_params(env, error)
    template = ENGINE_MESSAGES.get(error.code)
    if template is None:  # the static test keeps this from happening
        return error.message
    try:
        return env._(template) % params
    except (KeyError, TypeError, ValueError):  # a broken translation: the English sentence
        return template._source % params
