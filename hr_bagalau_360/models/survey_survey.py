from odoo import _, api, fields, models
from odoo.exceptions import UserError


class SurveySurvey(models.Model):
    """The 360 questionnaire is a survey of its own type (seed 004 §34-37),
    as hr_recruitment_survey adds its 'recruitment' type.

    Its answers are anonymous (seed 004 §34 "жасырын", Appendices 5-6
    "Жасырындылыққа кепілдік беріледі"): survey's record rules already give
    no one but the superuser its answers; the steps below close survey's own
    pages on them too, and only invitations of a 360 evaluation answer it.
    """

    _inherit = "survey.survey"

    survey_type = fields.Selection(
        selection_add=[("bagalau_360", "360 Evaluation")],
        ondelete={"bagalau_360": "set default"},
    )
    bagalau_360_audience = fields.Selection(
        [("head", "Heads of structural units"), ("staff", "Corps B staff")],
        string="360 Audience", copy=False,
        help="The form of the methodology this questionnaire follows: heads or corps B staff.",
    )

    @api.depends("survey_type")
    @api.depends_context("uid")
    def _compute_allowed_survey_types(self):
        super()._compute_allowed_survey_types()
        if self.env.user.has_group("hr_bagalau.group_bagalau_hr_officer"):
            self.allowed_survey_types = (self.allowed_survey_types or []) + ["bagalau_360"]

    def _bagalau_360_check_no_answers_shown(self):
        if any(survey.survey_type == "bagalau_360" for survey in self):
            raise UserError(_("The answers to a 360 questionnaire are anonymous: nobody sees them one by one. "
                              "The results of each person are on his 360 evaluation."))

    def _create_answer(self, user=False, partner=False, email=False, test_entry=False, check_attempts=True,
                       **additional_vals):
        # Only the invitation of a 360 evaluation makes an answer (seed 004 §36:
        # HR chooses the respondents), never a visitor of the survey's link.
        if not test_entry and not additional_vals.get("bagalau_360_id") and any(
                survey.survey_type == "bagalau_360" for survey in self):
            raise UserError(_("Only the respondents invited to a 360 evaluation answer this questionnaire."))
        return super()._create_answer(user=user, partner=partner, email=email, test_entry=test_entry,
                                      check_attempts=check_attempts, **additional_vals)

    def action_result_survey(self):
        self._bagalau_360_check_no_answers_shown()
        return super().action_result_survey()

    def action_survey_user_input_completed(self):
        self._bagalau_360_check_no_answers_shown()
        return super().action_survey_user_input_completed()

    def action_survey_user_input_certified(self):
        self._bagalau_360_check_no_answers_shown()
        return super().action_survey_user_input_certified()

    def action_survey_user_input(self):
        self._bagalau_360_check_no_answers_shown()
        return super().action_survey_user_input()

    def action_send_survey(self):
        if any(survey.survey_type == "bagalau_360" for survey in self):
            raise UserError(_("A 360 questionnaire is sent from the person's 360 evaluation, to the respondents "
                              "chosen there."))
        return super().action_send_survey()

    def action_start_session(self):
        self._bagalau_360_check_no_answers_shown()
        return super().action_start_session()
