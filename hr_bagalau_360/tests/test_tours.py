from odoo.tests import HttpCase, tagged

from .common import Survey360Case


@tagged("post_install", "-at_install")
class TestSurvey360Tours(Survey360Case, HttpCase):
    """In headless Chromium: a respondent answers through survey's pages;
    the person sees his radar («паутинка», seed 004 Appendices 7-8)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.evaluation = cls.eval_servant
        cls.evaluation.with_user(cls.user_hr).action_invite()

    def test_a_respondent_answers_through_the_survey_pages(self):
        line = self.line_of(self.evaluation, self.servants[1])
        answer = line.sudo().user_input_id
        user = self.servant_users[1]
        user.sudo().password = user.login
        self.start_tour(f"/survey/start/{answer.survey_id.access_token}?answer_token={answer.access_token}",
                        "bagalau_360_answer_tour", login=user.login)
        self.assertEqual(line.state, "answered")
        self.assertFalse(line.sudo().user_input_id)
        self.assertFalse(answer.sudo().partner_id)
        self.assertEqual(len(answer.sudo().user_input_line_ids), 24)
        self.assertEqual(set(answer.sudo().user_input_line_ids.suggested_answer_id.mapped("bagalau_answer_key")),
                         {"mostly"})

    def test_the_person_sees_the_radar_of_his_results(self):
        for line, points in zip(self.evaluation.respondent_ids, (5, 4, 3, 4, 5, 2), strict=True):
            self.answer(line, points)
        self.evaluation.with_user(self.user_hr).action_publish()
        self.user_employee.sudo().password = self.user_employee.login
        self.start_tour("/web#action=hr_bagalau_360.hr_bagalau_survey360_action_mine", "bagalau_360_radar_tour",
                        login=self.user_employee.login)
