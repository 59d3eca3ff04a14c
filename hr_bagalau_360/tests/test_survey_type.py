from odoo.addons.hr_bagalau.tests.common import BagalauCase
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval


@tagged("post_install", "-at_install")
class TestSurveyType(BagalauCase):
    """The 360 questionnaire is a survey type of its own, run by HR
    (seed 004 §36: HR chooses the respondents)."""

    def test_hr_prepares_a_360_questionnaire_from_the_menu_action(self):
        action = self.env.ref("hr_bagalau_360.survey_survey_action_bagalau_360")
        survey = (
            self.env["survey.survey"]
            .with_user(self.user_hr)
            .with_context(**safe_eval(action.context))
            .create({"title": "360: heads, 2026"})
        )
        self.assertEqual(survey.survey_type, "bagalau_360")
        self.assertIn("bagalau_360", survey.allowed_survey_types)
        self.assertIn(survey, self.env["survey.survey"].with_user(self.user_hr).search(safe_eval(action.domain)))

    def test_civil_servants_and_managers_cannot_make_surveys(self):
        for user in (self.user_employee, self.user_evaluator):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["survey.survey"].with_user(user).create(
                    {"title": "Mine", "survey_type": "bagalau_360"})
        survey = self.env["survey.survey"].with_user(self.user_evaluator)
        self.assertFalse(survey.new({"title": "x"}).allowed_survey_types)
