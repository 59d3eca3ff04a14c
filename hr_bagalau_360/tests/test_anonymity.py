from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import Survey360Case


@tagged("post_install", "-at_install")
class TestSurvey360Anonymity(Survey360Case):
    """Nobody learns who gave which answer (seed 004 §34 "жасырын",
    Appendices 5-6 "Жасырындылыққа кепілдік беріледі"): not through the ORM,
    whatever his role, and not in the database itself."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.evaluation = cls.eval_servant
        cls.evaluation.with_user(cls.user_hr).action_invite()
        cls.respondents = cls.evaluation.respondent_ids
        cls.answered_lines = cls.respondents[:4]
        cls.answers = cls.env["survey.user_input"]
        for number, line in enumerate(cls.answered_lines):
            cls.answers |= cls.answer(line, 2 + number % 4)
        cls.roles = {
            "HR officer": cls.user_hr, "HR head": cls.user_hr_head, "methodology admin": cls.user_admin,
            "evaluated person": cls.user_employee, "evaluator": cls.user_evaluator,
            "respondent": cls.servant_users[1], "administrator": cls.env.ref("base.user_admin"),
        }

    def test_no_role_reads_the_answers_through_the_orm(self):
        for role, user in self.roles.items():
            with self.subTest(role=role):
                Answer = self.env["survey.user_input"].with_user(user)
                Line = self.env["survey.user_input.line"].with_user(user)
                for model, records in ((Answer, self.answers), (Line, self.answers.sudo().user_input_line_ids)):
                    try:
                        found = model.search([("id", "in", records.ids)])
                    except AccessError:
                        continue
                    self.assertFalse(found, role)
                    with self.assertRaises(AccessError):
                        records.with_user(user).read(["create_date"])

    def test_survey_own_result_buttons_are_closed(self):
        survey = self.evaluation.survey_id.with_user(self.user_hr)
        for action in ("action_result_survey", "action_survey_user_input_completed", "action_survey_user_input",
                       "action_send_survey"):
            with self.subTest(action=action), self.assertRaises(UserError):
                getattr(survey, action)()

    def test_the_invitation_keeps_only_answered(self):
        self.assertEqual(self.answered_lines.mapped("state"), ["answered"] * 4)
        self.assertFalse(self.answered_lines.sudo().user_input_id)
        # The administrator sees the link field, empty for those who answered.
        admin_lines = self.answered_lines.with_user(self.env.ref("base.user_admin"))
        self.assertFalse(admin_lines.user_input_id)

    def test_the_answers_keep_no_trace_of_their_author(self):
        answers = self.answers.sudo()
        self.assertFalse(answers.partner_id)
        self.assertFalse(any(answers.mapped("email")) or any(answers.mapped("nickname")))
        self.assertFalse(any(answers.mapped("invite_token")))
        self.assertFalse(any(answers.mapped("start_datetime")) or any(answers.mapped("end_datetime")))
        self.assertEqual(len(set(answers.mapped("create_date")) | set(answers.mapped("write_date"))), 1)
        self.assertEqual(set(answers.mapped("create_uid.id") + answers.mapped("write_uid.id")), {1})
        lines = answers.user_input_line_ids
        self.assertEqual(set(lines.mapped("create_uid.id") + lines.mapped("write_uid.id")), {1})
        self.assertEqual(set(lines.mapped("create_date") + lines.mapped("write_date")),
                         set(answers.mapped("create_date")))
        self.assertEqual(len(set(self.respondents.sudo().mapped("write_date"))), 1)

    def test_sql_finds_no_link_from_a_respondent_to_an_answer(self):
        """Every column of every table that holds a respondent (his employee,
        user or partner id, his e-mail) is looked up beside an answer's id."""
        partners = self.answered_lines.employee_id.user_id.partner_id
        users = self.answered_lines.employee_id.user_id
        self.env.flush_all()
        cr = self.env.cr
        answer_ids = tuple(self.answers.ids)
        # The answers and their rows name no respondent.
        cr.execute("""
            SELECT count(*) FROM survey_user_input ui
             WHERE ui.id IN %s
               AND (ui.partner_id IN %s OR ui.email IN %s OR ui.nickname IN %s
                    OR ui.create_uid IN %s OR ui.write_uid IN %s)""",
                   [answer_ids, tuple(partners.ids), tuple(partners.mapped("email")), tuple(partners.mapped("name")),
                    tuple(users.ids), tuple(users.ids)])
        self.assertEqual(cr.fetchone()[0], 0)
        cr.execute("""
            SELECT count(*) FROM survey_user_input_line l
             WHERE l.user_input_id IN %s AND (l.create_uid IN %s OR l.write_uid IN %s)""",
                   [answer_ids, tuple(users.ids), tuple(users.ids)])
        self.assertEqual(cr.fetchone()[0], 0)
        # No invitation points at an answer; no message, follower or mail sits on one.
        cr.execute("SELECT count(*) FROM hr_bagalau_survey360_respondent WHERE user_input_id IN %s", [answer_ids])
        self.assertEqual(cr.fetchone()[0], 0)
        cr.execute("SELECT count(*) FROM mail_message WHERE model = 'survey.user_input' AND res_id IN %s",
                   [answer_ids])
        self.assertEqual(cr.fetchone()[0], 0)
        cr.execute("SELECT count(*) FROM mail_followers WHERE res_model = 'survey.user_input' AND res_id IN %s",
                   [answer_ids])
        self.assertEqual(cr.fetchone()[0], 0)
        cr.execute("SELECT count(*) FROM mail_mail m JOIN mail_message msg ON msg.id = m.mail_message_id "
                   "WHERE msg.model = 'survey.user_input' AND msg.res_id IN %s", [answer_ids])
        self.assertEqual(cr.fetchone()[0], 0)
        # The invitations' mails carry tokens no answer has any more.
        tokens = tuple(self.answers.sudo().mapped("access_token"))
        cr.execute("SELECT count(*) FROM mail_mail m JOIN mail_message msg ON msg.id = m.mail_message_id "
                   "WHERE msg.body::text LIKE ANY(%s)", [[f"%{token}%" for token in tokens]])
        self.assertEqual(cr.fetchone()[0], 0)
        # Times do not pair them either: answers, rows and invitations carry one date.
        cr.execute("""
            SELECT count(DISTINCT d) FROM (
                SELECT create_date AS d FROM survey_user_input WHERE id IN %(a)s
                UNION SELECT write_date FROM survey_user_input WHERE id IN %(a)s
                UNION SELECT create_date FROM survey_user_input_line WHERE user_input_id IN %(a)s
                UNION SELECT write_date FROM survey_user_input_line WHERE user_input_id IN %(a)s
                UNION SELECT write_date FROM hr_bagalau_survey360_respondent WHERE assignment_id = %(e)s
            ) dates""", {"a": answer_ids, "e": self.evaluation.id})
        self.assertEqual(cr.fetchone()[0], 1)
