"""The one exception of the methodology engine, and the catalogue of its codes.

Every invalid input raises :class:`EngineError`. It carries a stable ``code``
and a ``params`` dict; the Odoo side maps the code to a translated message
(kk, ru, en) and formats it with the params. ``MESSAGES`` documents every code
with its English template; each template uses only keys that the raising site
puts into ``params``.
"""

MESSAGES = {
    # -- generic value checks (values.py, dates.py) -------------------------
    "not_a_number": "%(field)s must be a number, got %(value)s.",
    "not_an_integer": "%(field)s must be a whole number, got %(value)s.",
    "not_a_date": "%(field)s must be a date, got %(value)s.",
    "count_negative": "%(field)s cannot be negative, got %(value)s.",
    "dates_inverted": "%(field_from)s (%(date_from)s) is after %(field_to)s (%(date_to)s).",
    "months_invalid": "A number of months must be a whole number >= 0, got %(months)s.",
    # -- scores (kpi_2023.py, differentiation.py, bands.py) ------------------
    "score_out_of_range": "Score %(score)s is outside the allowed range %(low)s to %(high)s.",
    "score_precision": "Score %(score)s has more than %(decimals)s decimal places.",
    "bounds_invalid": "The lower bound %(low)s is above the upper bound %(high)s.",
    # -- KPI, 2023 generation (kpi_2023.py) ----------------------------------
    "percent_negative": "The percent achieved cannot be negative, got %(percent)s.",
    "planned_not_positive": "The planned value must be greater than zero, got %(planned)s.",
    "actual_negative": "The actual value cannot be negative, got %(actual)s.",
    "table_invalid": "The KPI score table is invalid at row %(row)s: %(problem)s.",
    "kpi_count_out_of_range": (
        "%(count)s KPI scores were given; the methodology allows %(minimum)s to %(maximum)s."
    ),
    # -- KPI, 2018 generation (kpi_2018.py) ----------------------------------
    "achieved_out_of_range": (
        "The number of achieved KPIs (%(achieved)s) must be between 0 and %(kpi_count)s."
    ),
    "thresholds_invalid": "The KPI grade thresholds are invalid: %(problem)s.",
    # -- competencies, 2018 generation (competency.py) -----------------------
    "indicator_count_out_of_range": (
        "A competency must have 1 to %(maximum)s behavioural indicators, got %(count)s."
    ),
    "shown_count_out_of_range": (
        "The number of indicators shown (%(shown)s) must be between 0 and %(total)s."
    ),
    "threshold_invalid": (
        "The threshold must be a fraction above 0 and at most 1, got %(threshold)s."
    ),
    # -- differentiation, 2023 generation (differentiation.py) ---------------
    "parameters_mismatch": (
        "The differentiation sheet needs exactly its parameters; missing: %(missing)s, "
        "unexpected: %(unexpected)s."
    ),
    # -- bands and the year result (bands.py) --------------------------------
    "band_not_found": "No result band contains the score %(score)s.",
    "bands_invalid": "The result bands are invalid: %(problem)s.",
    "no_quarter_results": "There is no quarter result to average.",
    "quarter_invalid": "A quarter must be 1, 2, 3 or 4, got %(quarter)s.",
    # -- 360 (survey_360.py) -------------------------------------------------
    "role_unknown": "Unknown respondent role %(role)s; expected one of %(roles)s.",
    "answer_malformed": (
        "A 360 answer must be (competency, respondent role, points), got %(answer)s."
    ),
    "points_out_of_range": "Points %(points)s are outside %(minimum)s to %(maximum)s.",
    "respondent_count_out_of_range": (
        "%(count)s respondents chosen; the methodology requires %(minimum)s to %(maximum)s."
    ),
    # -- commission (commission.py) ------------------------------------------
    "commission_too_small": (
        "The commission has %(count)s members; it must have at least %(minimum)s."
    ),
    "commission_empty": "The commission has no voting member.",
    "present_exceeds_total": (
        "%(present)s voting members present is more than the %(total)s on the commission."
    ),
    "quorum_invalid": "The quorum must be a fraction above 0 and at most 1, got %(quorum)s.",
    "no_votes": "No vote was cast.",
    "tie_needs_chair_vote": (
        "The vote is tied at %(votes)s to %(votes)s: the chair's vote is needed to decide."
    ),
    "chair_vote_invalid": "The chair's vote must be 'for' or 'against', got %(value)s.",
    # -- calibration, 2023 generation (calibration.py) -----------------------
    "calibration_no_votes": "No participant of the calibration session voted.",
    # -- working days (workdays.py) ------------------------------------------
    "calendar_year_missing": "The working-day calendar has no data for the year %(year)s.",
    "calendar_invalid": "The working-day calendar is invalid: %(problem)s.",
    "day_invalid": "Day %(day)s does not exist in %(year)s-%(month)s.",
    "shift_invalid": "The holiday shift must be one of %(choices)s, got %(shift)s.",
    # -- position categories (categories.py) ---------------------------------
    "category_code_invalid": "%(value)s is not a position category code.",
    # -- presets (presets.py) ------------------------------------------------
    "preset_unknown": "Unknown methodology preset %(key)s; known presets: %(choices)s.",
}


class EngineError(ValueError):
    """Invalid input to a methodology rule.

    ``code`` is a key of :data:`MESSAGES`; ``params`` fills its template. The
    English message is the exception's text; translations live on the Odoo side.
    """

    def __init__(self, code, **params):
        if code not in MESSAGES:  # a programming error, not a user error
            raise KeyError(f"undocumented EngineError code {code!r}")
        self.code = code
        self.params = params
        self.message = MESSAGES[code] % params
        super().__init__(self.message)

    def __repr__(self):
        return f"EngineError({self.code!r}, {self.params!r})"
