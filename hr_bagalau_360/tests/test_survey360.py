import datetime
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged
from odoo.tools import mute_logger

from ..models import hr_bagalau_survey360
from .common import Survey360Case


@tagged("post_install", "-at_install")
class TestSurvey360Round(Survey360Case):
    """The yearly 360 round of a campaign (seed 004 §5, §34-37)."""

    def test_start_gives_everyone_a_360_with_the_org_chart_respondents(self):
        self.assertEqual(self.campaign.survey360_ids.employee_id, self.emp_head | self.servants)
        head_form = self.env.ref("hr_bagalau_360.survey_360_head")
        staff_form = self.env.ref("hr_bagalau_360.survey_360_staff")
        self.assertEqual(self.eval_head.survey_id, head_form)
        self.assertEqual(self.eval_servant.survey_id, staff_form)
        self.assertEqual(len(head_form.question_ids), 12)
        self.assertEqual(len(staff_form.question_ids), 8)
        # The servant: his manager and his four peers, and himself.
        roles = {line.employee_id: line.role for line in self.eval_servant.respondent_ids}
        self.assertEqual(roles, {self.emp_servant: "self", self.emp_head: "manager",
                                 **dict.fromkeys(self.servants[1:], "peer")})
        # The head: his five servants (the head of the body has no user).
        self.assertEqual(self.eval_head.respondent_ids.filtered(lambda line: line.role == "subordinate").employee_id,
                         self.servants)
        self.assertEqual(set(self.eval_servant.respondent_ids.mapped("state")), {"proposed"})
        # Once a year: starting again makes nobody a second 360.
        self.campaign.with_user(self.user_hr).action_start_360()
        self.assertEqual(len(self.campaign.survey360_ids), 6)

    def test_only_hr_starts_and_invites(self):
        for user in (self.user_employee, self.user_evaluator):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.campaign.with_user(user).action_start_360()
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.eval_servant.with_user(user).action_invite()

    def test_the_deadline_is_the_tenth_of_january_or_the_working_day_before(self):
        self.eval_servant.with_user(self.user_hr).action_invite()
        deadline = self.eval_servant.deadline
        tenth = self.next_year_tenth(self.year)
        calendar = self.company._bagalau_working_calendar(tenth)
        self.assertTrue(calendar.is_working_day(deadline))
        self.assertLessEqual(deadline, tenth)
        day = deadline + datetime.timedelta(days=1)
        while day <= tenth:
            self.assertFalse(calendar.is_working_day(day), day)
            day += datetime.timedelta(days=1)

    def test_invitations_go_through_survey_with_the_deadline(self):
        mails_before = self.env["mail.mail"].sudo().search_count([])
        self.eval_servant.with_user(self.user_hr).action_invite()
        lines = self.eval_servant.respondent_ids
        self.assertEqual(set(lines.mapped("state")), {"invited"})
        self.assertEqual(self.env["mail.mail"].sudo().search_count([]) - mails_before, len(lines))
        answers = lines.sudo().user_input_id
        self.assertEqual(len(answers), 6)
        self.assertEqual(answers.survey_id, self.eval_servant.survey_id)
        self.assertEqual(answers.partner_id, lines.employee_id.user_id.partner_id)
        self.assertTrue(all(answer.deadline for answer in answers))
        self.assertEqual(answers.filtered("bagalau_360_self").partner_id, self.user_employee.partner_id)
        # Respondents no longer change once the questionnaires are out.
        with self.assertRaises(UserError):
            lines[-1].with_user(self.user_hr).unlink()

    def test_progress_counts_answers_without_names(self):
        self.eval_servant.with_user(self.user_hr).action_invite()
        self.answer(self.line_of(self.eval_servant, self.emp_head), 4)
        self.answer(self.line_of(self.eval_servant, self.emp_servant), 5)
        self.assertEqual(self.eval_servant.answered_count, 1)
        self.assertTrue(self.eval_servant.self_answered)
        self.assertEqual(self.eval_servant.respondent_count, 5)


@tagged("post_install", "-at_install")
class TestSurvey360BadInput(Survey360Case):
    """Bad input is refused with a clear message, nothing lost (seed 004 §36)."""

    def test_fewer_than_three_respondents(self):
        others = self.eval_servant.respondent_ids.filtered(lambda line: line.role != "self")
        others[2:].with_user(self.user_hr).unlink()
        with self.assertRaisesRegex(ValidationError, "2 respondents.*3 to 7"):
            self.eval_servant.with_user(self.user_hr).action_invite()
        self.assertEqual(self.eval_servant.state, "draft")

    def test_more_than_seven_respondents(self):
        extra = self.env["hr.employee"]
        for number in range(3):
            user = self._bagalau_user(f"t_360_extra_{number}", "hr_bagalau.group_bagalau_employee")
            extra |= self._bagalau_employee(f"Extra {number}", user=user, department_id=self.department.id)
        self.eval_servant.with_user(self.user_hr).write({"respondent_ids": [
            Command.create({"employee_id": employee.id, "role": "peer"}) for employee in extra]})
        with self.assertRaisesRegex(ValidationError, "8 respondents"):
            self.eval_servant.with_user(self.user_hr).action_invite()

    def test_the_person_is_not_his_own_respondent(self):
        line = self.line_of(self.eval_servant, self.emp_head)
        with self.assertRaisesRegex(ValidationError, "own respondent"):
            line.with_user(self.user_hr).employee_id = self.emp_servant

    def test_no_respondent_from_another_agency(self):
        with self.assertRaisesRegex(ValidationError, "another agency"):
            self.eval_servant.with_user(self.user_hr).write({"respondent_ids": [
                Command.create({"employee_id": self.outsider.id, "role": "peer"})]})

    def test_nobody_answers_without_an_invitation(self):
        survey = self.eval_servant.survey_id
        with self.assertRaisesRegex(UserError, "Only the respondents invited"):
            survey.sudo()._create_answer(user=self.user_plain)

    def test_no_answer_after_the_deadline(self):
        self.eval_servant.with_user(self.user_hr).action_invite()
        line = self.line_of(self.eval_servant, self.emp_head)
        late = datetime.datetime.combine(self.eval_servant.deadline + datetime.timedelta(days=1),
                                         datetime.time(10, 0))
        with freeze_time(late), self.assertRaisesRegex(UserError, "had to be answered by"):
            self.answer(line, 4)
        self.assertEqual(line.state, "invited")

    def test_a_second_answer_is_refused(self):
        self.eval_servant.with_user(self.user_hr).action_invite()
        line = self.line_of(self.eval_servant, self.emp_head)
        answer = self.answer(line, 4)
        with self.assertRaisesRegex(UserError, "once each"):
            answer.sudo()._mark_done()
        self.assertEqual(self.eval_servant.answered_count, 1)

    def test_the_russian_user_reads_the_error_in_russian(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.user_hr.lang = "ru_RU"
        others = self.eval_servant.respondent_ids.filtered(lambda line: line.role != "self")
        others[2:].with_user(self.user_hr).unlink()
        with self.assertRaisesRegex(ValidationError, "респондент"):
            self.eval_servant.with_user(self.user_hr).action_invite()


@tagged("post_install", "-at_install")
class TestSurvey360Results(Survey360Case):
    """Results (Appendices 7-8): averages over the respondents, the
    self-assessment beside them, the weakest as training needs (§37)."""

    def test_averages_by_hand_self_left_out_and_weakest(self):
        evaluation = self.eval_servant
        evaluation.with_user(self.user_hr).action_invite()
        # Manager: 5 everywhere; peer 1: 4 everywhere; peer 2: rows 1, 2, 3 → 1, 2, 3 on "ethics", 3 elsewhere.
        self.answer(self.line_of(evaluation, self.emp_head), 5)
        self.answer(self.line_of(evaluation, self.servants[1]), 4)
        self.answer(self.line_of(evaluation, self.servants[2]),
                    lambda key, row: row + 1 if key == "ethics" else 3)
        self.answer(self.line_of(evaluation, self.emp_servant), 1)  # the self-assessment
        evaluation.with_user(self.user_hr).action_publish()
        results = {result.question_id.bagalau_competency_key: result for result in evaluation.result_ids}
        self.assertEqual(len(results), 8)
        # ethics: (5+5+5 + 4+4+4 + 1+2+3) / 9 = 33/9 = 3.67; the others: (5+4+3)/3 = 4.00
        self.assertAlmostEqual(results["ethics"].average, 3.67)
        self.assertAlmostEqual(results["communication"].average, 4.0)
        self.assertAlmostEqual(results["ethics"].self_score, 1.0)
        self.assertTrue(results["ethics"].is_weakest)
        self.assertEqual(evaluation.training_needs.splitlines()[0], results["ethics"].name)
        self.assertEqual(len(evaluation.radar_data["labels"]), 8)
        self.assertEqual(evaluation.radar_data["datasets"][1]["data"][1], 1.0)
        # The unanswered invitations expire; no answer is taken after.
        waiting = self.line_of(evaluation, self.servants[3])
        self.assertEqual(waiting.state, "expired")

    def _result_lines(self, evaluation):
        self.env.invalidate_all()
        return {result.question_id: (result.company_id, result.employee_id, result.department_id, result.year,
                                     result.sequence, result.name, result.average, result.self_score,
                                     result.is_weakest, result.create_uid)
                for result in evaluation.result_ids}

    def test_the_results_inserted_in_bulk_are_those_the_orm_makes(self):
        evaluation = self.eval_servant
        evaluation.with_user(self.user_hr).action_invite()
        self.answer(self.line_of(evaluation, self.emp_head), 5)
        self.answer(self.line_of(evaluation, self.servants[1]), 4)
        self.answer(self.line_of(evaluation, self.servants[2]), lambda key, row: row + 1 if key == "ethics" else 3)
        self.answer(self.line_of(evaluation, self.emp_servant), 2)
        evaluation.with_user(self.user_hr).action_publish()
        bulk = self._result_lines(evaluation)
        self.assertTrue(hr_bagalau_survey360.bulk_insertable(
            self.env["hr.bagalau.survey360.result"], hr_bagalau_survey360.RESULT_COLUMNS))
        # The same publication by the ORM's create, as when an addon adds a column.
        with patch.object(hr_bagalau_survey360, "bulk_insertable", return_value=False):
            evaluation.with_user(self.user_hr).sudo()._bagalau_publish()
        orm = self._result_lines(evaluation)
        self.assertEqual(len(bulk), 8)
        self.assertEqual(next(iter(bulk.values()))[:4], (self.company, self.emp_servant,
                                                         self.emp_servant.department_id, self.campaign.year))
        self.assertEqual(bulk, orm, "the same lines, related columns and averages, by SQL or by the ORM")

    def test_below_the_threshold_the_results_stay_hidden(self):
        evaluation = self.eval_servant
        evaluation.with_user(self.user_hr).action_invite()
        self.answer(self.line_of(evaluation, self.emp_head), 5)
        self.answer(self.line_of(evaluation, self.servants[1]), 4)
        self.answer(self.line_of(evaluation, self.emp_servant), 3)
        evaluation.with_user(self.user_hr).action_publish()
        self.assertTrue(evaluation.below_threshold)
        self.assertFalse(evaluation.result_ids)
        self.assertFalse(evaluation.radar_data)

    def test_the_person_sees_his_results_once_published_and_never_his_respondents(self):
        evaluation = self.eval_servant
        evaluation.with_user(self.user_hr).action_invite()
        Evaluation = self.env["hr.bagalau.survey360"].with_user(self.user_employee)
        self.assertFalse(Evaluation.search([("id", "=", evaluation.id)]))
        for line, points in zip(evaluation.respondent_ids, (5, 4, 3, 4, 5, 2), strict=True):
            self.answer(line, points)
        evaluation.with_user(self.user_hr).action_publish()
        self.assertEqual(Evaluation.search([("id", "=", evaluation.id)]), evaluation)
        self.assertEqual(len(evaluation.with_user(self.user_employee).result_ids), 8)
        self.assertEqual(evaluation.with_user(self.user_employee).progress, "5 of 5")
        with self.assertRaises(AccessError):
            evaluation.respondent_ids[1].with_user(self.user_employee).read(["employee_id"])
        # Another servant sees nothing of it.
        other = self.env["hr.bagalau.survey360"].with_user(self.servant_users[1])
        self.assertFalse(other.search([("id", "=", evaluation.id)]))

    def test_the_360_does_not_change_the_annual_result(self):
        Result = self.env["hr.bagalau.result"].sudo()
        before = Result.search_read([], ["id", "write_date"])
        evaluation = self.eval_servant
        evaluation.with_user(self.user_hr).action_invite()
        for line in evaluation.respondent_ids:
            self.answer(line, 2)
        evaluation.with_user(self.user_hr).action_publish()
        self.assertEqual(Result.search_read([], ["id", "write_date"]), before)

    def test_the_typical_methodology_scores_the_answers_one_to_five(self):
        self.assertEqual(self.preset_2023._bagalau_360_points(),
                         {"not_shown": 1, "rarely": 2, "half": 3, "mostly": 4, "always": 5})
        self.assertEqual((self.preset_2023.survey_360_respondents_min, self.preset_2023.survey_360_respondents_max,
                          self.preset_2023.survey_360_deadline_day), (3, 7, 10))
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.preset_2023.sudo().write({"survey_360_score_half": 1})
            self.preset_2023.flush_recordset()


@tagged("post_install", "-at_install")
class TestSurvey360Reminders(Survey360Case):
    """The job runner reminds, once, whoever has not answered, three working
    days before the deadline (seed 004 §5)."""

    def test_reminded_once_near_the_deadline(self):
        evaluation = self.eval_servant
        evaluation.with_user(self.user_hr).action_invite()
        self.answer(self.line_of(evaluation, self.emp_head), 4)
        Mail = self.env["mail.mail"].sudo()
        Evaluation = self.env["hr.bagalau.survey360"]
        waiting = evaluation.respondent_ids.filtered(lambda line: line.state == "invited")
        self.assertEqual(len(waiting), 5)
        partners = waiting.employee_id.user_id.partner_id
        last = Mail.search([], order="id desc", limit=1).id

        def reminders():
            return Mail.search([("id", ">", last), ("recipient_ids", "in", partners.ids)])

        Evaluation._cron_remind()  # weeks before the deadline: nobody yet
        self.assertFalse(reminders())
        with freeze_time(datetime.datetime.combine(evaluation.deadline, datetime.time(4, 0))):
            Evaluation._cron_remind()
            Evaluation._cron_remind()
        self.assertEqual(reminders().recipient_ids, partners)
        self.assertEqual(len(reminders()), 5)
        self.assertIn("Reminder", reminders()[0].subject)
        self.assertTrue(all(waiting.mapped("reminded")))


@tagged("post_install", "-at_install")
class TestSurvey360StartInBatches(Survey360Case):
    """A large campaign's 360 is started by the job runner, a batch at a time,
    as the campaign's launch: nobody twice, everyone in the end."""

    def test_the_job_runner_starts_a_large_360_in_batches(self):
        people = self.campaign.survey360_ids.employee_id
        self.campaign.survey360_ids.respondent_ids.sudo().unlink()
        self.campaign.survey360_ids.sudo().unlink()
        Trigger = self.env["ir.cron.trigger"].sudo()
        cron = self.env.ref("hr_bagalau_360.ir_cron_bagalau_360_start")
        triggers = Trigger.search_count([("cron_id", "=", cron.id)])
        self.campaign.sudo()._bagalau_start_360_begin(batch_size=4)
        self.assertTrue(self.campaign.survey360_starting)
        self.assertFalse(self.campaign.survey360_ids, "more people than a batch: left to the job runner")
        self.assertEqual(Trigger.search_count([("cron_id", "=", cron.id)]), triggers + 1)
        # HR cannot start it a second time meanwhile, nor set the flag by hand.
        with self.assertRaises(AccessError):
            self.campaign.with_user(self.user_hr).write({"survey360_starting": False})
        Campaign = self.env["hr.bagalau.campaign"]
        Campaign._cron_start_360(batch_size=4)
        self.assertEqual(len(self.campaign.survey360_ids), 4)
        self.assertTrue(self.campaign.survey360_starting)
        Campaign._cron_start_360(batch_size=4)
        self.assertEqual(self.campaign.survey360_ids.employee_id, people)
        self.assertFalse(self.campaign.survey360_starting)
        self.assertIn("is ready: 6 people", self.campaign.message_ids[0].body)
        self.assertTrue(all(evaluation.respondent_ids for evaluation in self.campaign.survey360_ids))
        Campaign._cron_start_360(batch_size=4)  # nothing left: nothing more
        self.assertEqual(len(self.campaign.survey360_ids), 6)
