"""After the 360 results: the person is acquainted with his individual report
(seed 004 §37, Appendices 7-8), the direct manager holds the feedback
meeting, HR exports the training needs of the agency (§37)."""

import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import Survey360Case

ACK_ACTIVITY = "hr_bagalau.mail_activity_type_bagalau_acknowledgement"
EVALUATE_ACTIVITY = "hr_bagalau.mail_activity_type_bagalau_evaluate"


class Survey360FollowupCase(Survey360Case):
    def publish(self, evaluation, respondents=3, points=4):
        """Invite, let ``respondents`` others answer, publish (as HR)."""
        evaluation.with_user(self.user_hr).action_invite()
        others = evaluation.respondent_ids.filtered(lambda line: line.role != "self").sorted("id")
        for number, line in enumerate(others[:respondents]):
            self.answer(line, points(number) if callable(points) else points)
        evaluation.with_user(self.user_hr).action_publish()
        return evaluation

    def activities(self, evaluation, xmlid):
        return evaluation.sudo().activity_ids.filtered(
            lambda activity: activity.activity_type_id == self.env.ref(xmlid))

    def today(self, user):
        return fields.Date.context_today(self.env["hr.bagalau.survey360"].with_user(user))

    def record_feedback(self, user, evaluation, date=None, note="Seminar on ethics; lead one team project.",
                        held_by=None):
        wizard = self.env["hr.bagalau.survey360.feedback.wizard"].with_user(user).create({
            "evaluation_id": evaluation.id, "date": date or self.today(user), "note": note,
            **({"held_by_id": held_by.id} if held_by else {}),
        })
        return wizard.action_confirm()


@tagged("post_install", "-at_install")
class TestSurvey360Acknowledgement(Survey360FollowupCase):
    """The individual report is delivered like every result: read and
    acknowledged in the chatter within the methodology's working days."""

    def test_published_results_are_sent_to_the_person_in_his_language(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.user_employee.lang = "ru_RU"
        evaluation = self.publish(self.eval_servant)
        self.assertEqual(evaluation.ack_state, "pending")
        today = self.today(self.user_hr)
        self.assertEqual(evaluation.ack_due, self.company._bagalau_add_working_days(
            today, self.preset_2023.acknowledgement_working_days))
        message = evaluation.sudo().message_ids.filtered(
            lambda msg: self.user_employee.partner_id in msg.partner_ids)
        self.assertTrue(message, "the person is told in the chatter")
        self.assertIn("ваш результат оценки окончательный", message[0].body)
        todo = self.activities(evaluation, ACK_ACTIVITY)
        self.assertEqual(todo.user_id, self.user_employee)
        # He reads it: his own “I have read it”, the to-do done.
        mine = evaluation.with_user(self.user_employee)
        self.assertTrue(mine.can_acknowledge)
        mine.action_acknowledge()
        self.assertEqual(evaluation.ack_state, "acknowledged")
        self.assertEqual(evaluation.ack_method, "chatter")
        self.assertFalse(self.activities(evaluation, ACK_ACTIVITY))
        with self.assertRaisesRegex(UserError, "уже зарегистрировал"):
            mine.action_acknowledge()

    def test_only_the_person_acknowledges(self):
        evaluation = self.publish(self.eval_servant)
        for user in (self.user_hr, self.user_evaluator, self.servant_users[1]):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                evaluation.with_user(user).action_acknowledge()
        self.assertEqual(evaluation.ack_state, "pending")

    def test_below_the_threshold_there_is_nothing_to_acknowledge(self):
        evaluation = self.publish(self.eval_servant, respondents=2)
        self.assertTrue(evaluation.below_threshold)
        self.assertEqual(evaluation.ack_state, "none")
        self.assertFalse(evaluation.sudo().activity_ids)
        with self.assertRaisesRegex(UserError, "not final yet"):
            evaluation.with_user(self.user_employee).action_acknowledge()

    def test_the_person_reads_only_his_own_report(self):
        mine = self.publish(self.eval_servant)
        other = self.publish(self.evaluation_of(self.servants[1]))
        Evaluation = self.env["hr.bagalau.survey360"].with_user(self.user_employee)
        self.assertEqual(Evaluation.search([("state", "=", "done")]), mine)
        with self.assertRaises(AccessError):
            other.with_user(self.user_employee).read(["training_needs"])
        with self.assertRaises(AccessError):
            other.with_user(self.user_employee).action_acknowledge()
        self.assertEqual(other.ack_state, "pending")

    def test_hr_lists_the_360_among_the_acknowledgements(self):
        evaluation = self.publish(self.eval_servant)
        ack = self.env["hr.bagalau.acknowledgement"].with_user(self.user_hr).search(
            [("res_model", "=", "hr.bagalau.survey360"), ("res_id", "=", evaluation.id)])
        self.assertEqual(ack.employee_id, self.emp_servant)
        self.assertEqual(ack.campaign_id, self.campaign)


@tagged("post_install", "-at_install")
class TestSurvey360FeedbackMeeting(Survey360FollowupCase):
    """The direct manager holds the feedback meeting on the published results
    and records it with the development plan (seed 004 §37)."""

    def test_the_manager_gets_a_to_do_in_his_language(self):
        self.env["res.lang"]._activate_lang("kk_KZ")
        self.user_evaluator.lang = "kk_KZ"
        evaluation = self.publish(self.eval_servant)
        todo = self.activities(evaluation, EVALUATE_ACTIVITY)
        self.assertEqual(todo.user_id, self.user_evaluator)
        today = self.today(self.user_hr)
        self.assertEqual(todo.date_deadline, self.company._bagalau_add_working_days(
            today, self.preset_2023.survey_360_feedback_working_days))
        self.assertIn("кері байланыс", todo.summary)
        # He reads the results he discusses, never who answered.
        as_manager = evaluation.with_user(self.user_evaluator)
        self.assertEqual(len(as_manager.result_ids), 8)
        self.assertTrue(as_manager.can_record_feedback)
        with self.assertRaises(AccessError):
            evaluation.respondent_ids[1].with_user(self.user_evaluator).read(["employee_id"])

    def test_the_manager_records_the_meeting(self):
        evaluation = self.publish(self.eval_servant)
        self.record_feedback(self.user_evaluator, evaluation)
        self.assertEqual(evaluation.feedback_date, self.today(self.user_evaluator))
        self.assertEqual(evaluation.feedback_held_by_id, self.emp_head, "the direct manager by default")
        self.assertEqual(evaluation.feedback_recorded_by_id, self.user_evaluator)
        self.assertIn("ethics", evaluation.feedback_note)
        self.assertFalse(self.activities(evaluation, EVALUATE_ACTIVITY), "the to-do is done")
        self.assertTrue(any("recorded the 360 feedback meeting" in message.body
                            for message in evaluation.sudo().message_ids))
        # The person reads the plan agreed with him.
        self.assertEqual(evaluation.with_user(self.user_employee).feedback_note, evaluation.feedback_note)

    def test_hr_records_the_meeting_held_by_another_manager(self):
        evaluation = self.publish(self.eval_servant)
        self.record_feedback(self.user_hr, evaluation, held_by=self.emp_body_head)
        self.assertEqual(evaluation.feedback_held_by_id, self.emp_body_head)
        self.assertEqual(evaluation.feedback_recorded_by_id, self.user_hr)

    def test_nobody_else_records_it(self):
        evaluation = self.publish(self.eval_servant)
        for user in (self.user_employee, self.servant_users[1]):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    evaluation.with_user(user).action_open_feedback_wizard()
                with self.assertRaises(AccessError):
                    self.record_feedback(user, evaluation)
        # The person reads his 360, without the button.
        self.assertFalse(evaluation.with_user(self.user_employee).can_record_feedback)
        # Nor by hand, HR included: only through the step that checks who records it.
        with self.assertRaises(AccessError):
            evaluation.with_user(self.user_hr).write({"feedback_date": self.today(self.user_hr)})
        self.assertFalse(evaluation.feedback_date)

    def test_only_after_the_results_are_published(self):
        evaluation = self.eval_servant
        evaluation.with_user(self.user_hr).action_invite()
        with self.assertRaisesRegex(UserError, "published 360 results"):
            self.record_feedback(self.user_hr, evaluation)
        hidden = self.publish(self.evaluation_of(self.servants[1]), respondents=2)
        self.assertFalse(self.activities(hidden, EVALUATE_ACTIVITY))
        with self.assertRaisesRegex(UserError, "published 360 results"):
            self.record_feedback(self.user_hr, hidden)

    def test_bad_input_is_refused(self):
        evaluation = self.publish(self.eval_servant)
        today = self.today(self.user_evaluator)
        for date in (today - datetime.timedelta(days=1), today + datetime.timedelta(days=1)):
            with self.subTest(date=date), self.assertRaisesRegex(ValidationError, "lies between the publication"):
                self.record_feedback(self.user_evaluator, evaluation, date=date)
        with self.assertRaisesRegex(ValidationError, "development plan"):
            self.record_feedback(self.user_evaluator, evaluation, note="   ")
        with self.assertRaisesRegex(ValidationError, "own feedback meeting"):
            self.record_feedback(self.user_hr, evaluation, held_by=self.emp_servant)
        with self.assertRaisesRegex(ValidationError, "not an employee of the agency"):
            self.record_feedback(self.user_hr, evaluation, held_by=self.outsider)
        self.assertFalse(evaluation.feedback_date)


@tagged("post_install", "-at_install")
class TestSurvey360TrainingNeeds(Survey360FollowupCase):
    """The weakest competencies per person, per department and for the agency,
    exportable by HR (seed 004 §37: the themes of training)."""

    def test_hr_groups_and_exports_the_training_needs(self):
        for employee in self.servants[:2]:
            self.publish(self.evaluation_of(employee),
                         points=lambda number: 2 if number == 0 else 4)
        self.publish(self.eval_head, points=lambda number: 3 + number % 2)
        Result = self.env["hr.bagalau.survey360.result"].with_user(self.user_hr)
        weakest = [("is_weakest", "=", True)]
        per_person = Result._read_group(weakest, ["employee_id"], ["__count"])
        self.assertEqual(dict(per_person),
                         dict.fromkeys(self.servants[:2] | self.emp_head, self.preset_2023.survey_360_weakest_count))
        per_department = Result._read_group(weakest, ["department_id", "question_id"], ["__count"])
        self.assertTrue(per_department)
        self.assertEqual({department for department, _question, _count in per_department}, {self.department})
        self.assertEqual(sum(count for _department, _question, count in per_department),
                         3 * self.preset_2023.survey_360_weakest_count)
        # Export: what the list's Export button calls.
        rows = Result.search(weakest).export_data(["department_id", "employee_id", "name", "average"])["datas"]
        self.assertEqual(len(rows), 3 * self.preset_2023.survey_360_weakest_count)
        self.assertEqual({row[0] for row in rows}, {self.department.display_name})
        self.assertTrue(self.user_hr.has_group("base.group_allow_export"))
        action = self.env.ref("hr_bagalau_360.hr_bagalau_survey360_result_action")
        self.assertIn("pivot", action.view_mode)

    def test_the_person_and_his_manager_see_only_theirs(self):
        mine = self.publish(self.eval_servant)
        self.publish(self.evaluation_of(self.servants[1]))
        head = self.publish(self.eval_head)
        Result = self.env["hr.bagalau.survey360.result"]
        self.assertEqual(Result.with_user(self.user_employee).search([]).assignment_id, mine)
        self.assertEqual(Result.with_user(self.user_evaluator).search([]).assignment_id,
                         (mine | self.evaluation_of(self.servants[1])) | head)
        self.assertFalse(self.user_employee.has_group("base.group_allow_export"))
        with self.assertRaises(AccessError):
            head.result_ids[0].with_user(self.user_employee).read(["average"])
