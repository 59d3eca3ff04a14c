from odoo.tests import HttpCase, tagged

from .common import Survey360Case


@tagged("post_install", "-at_install")
class TestSurvey360Pages(Survey360Case, HttpCase):
    """Survey's own pages keep the 360 anonymous too (seed 004 §34): no
    results page, no printed answers, no answer without an invitation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.evaluation = cls.eval_servant
        cls.evaluation.with_user(cls.user_hr).action_invite()
        for line in cls.evaluation.respondent_ids[:3]:
            cls.answer(line, 4)
        cls.survey = cls.evaluation.survey_id.sudo()
        for user in (cls.user_hr, cls.user_plain, cls.servant_users[4], cls.env.ref("base.user_admin")):
            user.sudo().password = user.login + "_pw"

    def login(self, user):
        self.authenticate(user.login, user.login + "_pw")

    def test_the_results_page_is_forbidden_to_every_role(self):
        for user in (self.user_hr, self.env.ref("base.user_admin")):
            with self.subTest(user=user.login):
                self.login(user)
                response = self.url_open(f"/survey/results/{self.survey.id}")
                self.assertIn("403", response.text)
                self.assertNotIn("o_survey_results_table", response.text)

    def test_no_answer_is_printed(self):
        answer = self.evaluation.respondent_ids[4].sudo().user_input_id
        self.login(self.user_hr)
        response = self.url_open(f"/survey/print/{self.survey.access_token}?answer_token={answer.access_token}")
        self.assertIn("403", response.text)
        self.assertNotIn("o_survey_question_matrix", response.text)

    def test_an_uninvited_user_cannot_start_the_questionnaire(self):
        count = self.env["survey.user_input"].sudo().search_count([("survey_id", "=", self.survey.id)])
        self.login(self.user_plain)
        response = self.url_open(f"/survey/start/{self.survey.access_token}")
        self.assertIn("Survey Access Error", response.text)
        self.assertEqual(
            self.env["survey.user_input"].sudo().search_count([("survey_id", "=", self.survey.id)]), count)

    def test_a_submitted_answer_cannot_be_opened_again(self):
        # The old link of an answered invitation leads nowhere: its token is gone.
        line = self.evaluation.respondent_ids[4]
        answer = line.sudo().user_input_id
        old_token = answer.access_token
        self.answer(line, 3)
        self.login(self.servant_users[4])
        response = self.url_open(f"/survey/start/{self.survey.access_token}?answer_token={old_token}")
        self.assertNotIn("o_survey_form", response.text)
        self.assertFalse(self.env["survey.user_input"].sudo().search([("access_token", "=", old_token)]))

    def test_the_invited_respondent_opens_his_questionnaire(self):
        line = self.evaluation.respondent_ids[5]
        answer = line.sudo().user_input_id
        user = line.sudo().employee_id.user_id
        user.sudo().password = user.login + "_pw"
        self.login(user)
        response = self.url_open(f"/survey/start/{self.survey.access_token}?answer_token={answer.access_token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.survey.title, response.text)
        self.assertNotIn("Survey Access Error", response.text)
