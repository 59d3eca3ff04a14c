"""The 360's settings are methodology parameters like the others: each one
changed on the methodology changes what a user sees (the table of
hr_bagalau's test_methodology_parameters, for the fields this addon adds)."""

import datetime

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, tagged

from .common import Survey360Case


@tagged("post_install", "-at_install")
class TestMethodology360Parameters(Survey360Case):
    def _own_parameters(self):
        Methodology = self.env["hr.bagalau.methodology"]
        return [name for name in Methodology._bagalau_parameter_fields()
                if Methodology._fields[name]._module == "hr_bagalau_360"]

    def test_every_360_parameter_decides(self):
        names = self._own_parameters()
        self.assertGreaterEqual(len(names), 12)
        self.assertFalse([name for name in names if not hasattr(self, f"_effect_{name}")],
                         "360 parameters without an observable effect in this table")
        for name in names:
            # Each effect starts from the typical values and the round as launched.
            with self.subTest(parameter=name), self.env.cr.savepoint() as savepoint:
                getattr(self, f"_effect_{name}")()
                self.env.flush_all()
                savepoint.rollback()
            self.env.invalidate_all()

    def _set(self, **values):
        self.preset_2023.sudo().write(values)

    def _effect_survey_360_deadline_day(self):
        self._set(survey_360_deadline_day=20)
        deadline = self.eval_servant._bagalau_deadline()
        self.assertEqual((deadline.year, deadline.month), (self.year + 1, 1))
        self.assertGreater(deadline, self.next_year_tenth(self.year))
        self.assertLessEqual(deadline.day, 20)

    def _effect_survey_360_respondents_min(self):
        others = len(self.eval_servant.respondent_ids.filtered(lambda line: line.role != "self"))
        self.eval_servant._bagalau_check_respondents()
        self._set(survey_360_respondents_min=others + 1, survey_360_respondents_max=others + 2)
        with self.assertRaises(ValidationError):
            self.eval_servant._bagalau_check_respondents()

    def _effect_survey_360_respondents_max(self):
        others = len(self.eval_servant.respondent_ids.filtered(lambda line: line.role != "self"))
        self._set(survey_360_respondents_min=1, survey_360_respondents_max=others - 1)
        with self.assertRaises(ValidationError):
            self.eval_servant._bagalau_check_respondents()

    def _published(self):
        evaluation = self.eval_servant
        evaluation.with_user(self.user_hr).action_invite()
        self.answer(self.line_of(evaluation, self.emp_head), 5)
        self.answer(self.line_of(evaluation, self.servants[1]), 4)
        self.answer(self.line_of(evaluation, self.servants[2]), lambda key, row: 1 if key == "ethics" else 3)
        evaluation.with_user(self.user_hr).action_publish()
        return evaluation

    def _effect_survey_360_min_answers(self):
        self._set(survey_360_min_answers=4)
        evaluation = self._published()
        self.assertTrue(evaluation.below_threshold, "three answers are not enough when four are asked")
        self.assertFalse(evaluation.result_ids)

    def _effect_survey_360_weakest_count(self):
        self._set(survey_360_weakest_count=1)
        evaluation = self._published()
        self.assertEqual(evaluation.result_ids.filtered("is_weakest").question_id.bagalau_competency_key, "ethics")

    def _effect_survey_360_score_always(self):
        self._set(survey_360_score_always=10)
        evaluation = self._published()
        # ethics: manager 5 → "always" = 10, peer 4, peer 1: (10*3 + 4*3 + 1*3) / 9 = 5.0
        ethics = evaluation.result_ids.filtered(lambda result: result.question_id.bagalau_competency_key == "ethics")
        self.assertAlmostEqual(ethics.average, 5.0)
        self.assertEqual(evaluation.radar_data["max"], 10)

    def _effect_survey_360_score_mostly(self):
        self._set(survey_360_score_always=9, survey_360_score_mostly=8)
        evaluation = self._published()
        ethics = evaluation.result_ids.filtered(lambda result: result.question_id.bagalau_competency_key == "ethics")
        self.assertAlmostEqual(ethics.average, (9 * 3 + 8 * 3 + 1 * 3) / 9, places=2)

    def _effect_survey_360_score_half(self):
        self._set(survey_360_score_always=9, survey_360_score_mostly=8, survey_360_score_half=7)
        evaluation = self._published()
        communication = evaluation.result_ids.filtered(
            lambda result: result.question_id.bagalau_competency_key == "communication")
        self.assertAlmostEqual(communication.average, (9 + 8 + 7) / 3, places=2)

    def _effect_survey_360_score_rarely(self):
        self._set(survey_360_score_always=9, survey_360_score_mostly=8, survey_360_score_half=7,
                  survey_360_score_rarely=6)
        evaluation = self.eval_servant
        evaluation.with_user(self.user_hr).action_invite()
        for line in (self.emp_head, self.servants[1], self.servants[2]):
            self.answer(self.line_of(evaluation, line), 2)
        evaluation.with_user(self.user_hr).action_publish()
        self.assertEqual(set(evaluation.result_ids.mapped("average")), {6.0})

    def _effect_survey_360_score_not_shown(self):
        self._set(survey_360_score_not_shown=0)
        evaluation = self.eval_servant
        evaluation.with_user(self.user_hr).action_invite()
        for line in (self.emp_head, self.servants[1], self.servants[2]):
            self.answer(self.line_of(evaluation, line), 1)
        evaluation.with_user(self.user_hr).action_publish()
        self.assertEqual(set(evaluation.result_ids.mapped("average")), {0.0})

    def _effect_survey_360_reminder_working_days(self):
        evaluation = self.eval_servant
        evaluation.with_user(self.user_hr).action_invite()
        self._set(survey_360_reminder_working_days=10)
        calendar = self.company._bagalau_working_calendar(evaluation.deadline - datetime.timedelta(days=40),
                                                          evaluation.deadline)
        # Eight working days before the deadline: the typical three would wait, ten remind.
        day = calendar.add_working_days(evaluation.deadline, -8)
        with freeze_time(datetime.datetime.combine(day, datetime.time(4, 0))):
            self.env["hr.bagalau.survey360"]._cron_remind()
        self.assertTrue(all(evaluation.respondent_ids.filtered(lambda line: line.state == "invited")
                            .mapped("reminded")))

    def _effect_survey_360_feedback_working_days(self):
        self._set(survey_360_feedback_working_days=1)
        evaluation = self._published()
        evaluate = self.env.ref("hr_bagalau.mail_activity_type_bagalau_evaluate")
        todo = evaluation.sudo().activity_ids.filtered(lambda activity: activity.activity_type_id == evaluate)
        today = fields.Date.context_today(evaluation.with_user(self.user_hr))
        self.assertEqual(todo.date_deadline, self.company._bagalau_add_working_days(today, 1))
        self.assertLess(todo.date_deadline, self.company._bagalau_add_working_days(today, 10))
