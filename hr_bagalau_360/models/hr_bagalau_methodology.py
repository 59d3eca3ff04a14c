from odoo import fields, models


class HrBagalauMethodology(models.Model):
    """The 360 settings of a methodology (seed 004 §5, §34-37, Appendices 5-6):
    rules' parameters like the others (``bagalau_parameter``); the typical
    presets' values come through hr_bagalau's preset loader, by the same names."""

    _inherit = "hr.bagalau.methodology"

    survey_360_deadline_day = fields.Integer(
        "360 Deadline Day", default=10, tracking=True, bagalau_parameter="seed 004 §5",
        help="Day of January after the year by which the 360 questionnaires are answered.",
    )
    survey_360_respondents_min = fields.Integer("Minimum 360 Respondents", default=3, tracking=True,
                                                bagalau_parameter="seed 004 §36")
    survey_360_respondents_max = fields.Integer("Maximum 360 Respondents", default=7, tracking=True,
                                                bagalau_parameter="seed 004 §36")
    survey_360_min_answers = fields.Integer(
        "360 Answers for Results", default=3, tracking=True, bagalau_parameter="seed 004 §36 (anonymity)",
        help="The results of a person appear only once this many respondents other than the person answered: "
        "fewer would let one guess who answered what.",
    )
    survey_360_weakest_count = fields.Integer(
        "Training Needs per Person", default=3, tracking=True, bagalau_parameter="seed 004 §10, Appendix 8",
        help="How many of the weakest competencies of a person are listed as training needs.",
    )
    survey_360_score_not_shown = fields.Integer("Points: Not Shown", default=1, tracking=True,
                                          bagalau_parameter="seed 004 Appendices 5-6")
    survey_360_score_rarely = fields.Integer("Points: Rarely Shown", default=2, tracking=True,
                                          bagalau_parameter="seed 004 Appendices 5-6")
    survey_360_score_half = fields.Integer("Points: Shown Half of the Time", default=3, tracking=True,
                                          bagalau_parameter="seed 004 Appendices 5-6")
    survey_360_score_mostly = fields.Integer("Points: Shown Most of the Time", default=4, tracking=True,
                                          bagalau_parameter="seed 004 Appendices 5-6")
    survey_360_score_always = fields.Integer("Points: Always Shown", default=5, tracking=True,
                                          bagalau_parameter="seed 004 Appendices 5-6")

    survey_360_reminder_working_days = fields.Integer(
        "Remind Respondents (working days before the deadline)", default=3, tracking=True,
        bagalau_parameter="decision: the law names no reminder")
    survey_360_feedback_working_days = fields.Integer(
        "Hold the 360 Feedback Meeting Within (working days)", default=10, tracking=True,
        bagalau_parameter="decision: seed 004 §37 names no term",
        help="After HR publishes the 360 results, the direct manager gets a to-do to hold the feedback meeting "
        "with the person by this many working days.")

    _sql_constraints = [
        ("survey_360_respondents_bounds",
         "CHECK(survey_360_respondents_min >= 1 AND survey_360_respondents_min <= survey_360_respondents_max)",
         "The minimum number of 360 respondents must be at least one and not above the maximum."),
        ("survey_360_deadline_day_range", "CHECK(survey_360_deadline_day BETWEEN 1 AND 28)",
         "The 360 deadline day must be between 1 and 28."),
        ("survey_360_feedback_working_days_positive", "CHECK(survey_360_feedback_working_days >= 1)",
         "The 360 feedback meeting needs at least one working day."),
        ("survey_360_min_answers_positive", "CHECK(survey_360_min_answers >= 1)",
         "At least one answer is needed for the 360 results."),
        ("survey_360_scores_rising",
         "CHECK(survey_360_score_not_shown < survey_360_score_rarely AND survey_360_score_rarely < "
         "survey_360_score_half AND survey_360_score_half < survey_360_score_mostly AND "
         "survey_360_score_mostly < survey_360_score_always)",
         "The points of the five 360 answers must rise from “not shown” to “always shown”."),
    ]

    def _bagalau_360_points(self):
        """Answer key (seed 004 Appendices 5-6) → points under this methodology."""
        self.ensure_one()
        return {key: self[f"survey_360_score_{key}"] for key in ("not_shown", "rarely", "half", "mostly", "always")}
