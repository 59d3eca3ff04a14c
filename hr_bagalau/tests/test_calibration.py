import datetime
from decimal import Decimal

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import format_date

from ..engine.calibration import calibration_final_score
from .common import BagalauCase

D = datetime.date


class CalibrationCase(BagalauCase):
    """An agency with a 2023 Q1 KPI sheet to calibrate, three participants
    and a stranger."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._bagalau_sheet_agency()
        cls.participant_users = [cls._bagalau_user(f"t_cal_part{number}", "hr_bagalau.group_bagalau_employee")
                                 for number in range(1, 4)]
        cls.participants = [cls._bagalau_employee(f"Participant {number}", user=user, category="e_3")
                            for number, user in enumerate(cls.participant_users, start=1)]
        cls.user_stranger = cls._bagalau_user("t_cal_stranger", "hr_bagalau.group_bagalau_employee")
        cls.stranger = cls._bagalau_employee("Stranger", user=cls.user_stranger, category="e_4")

    def _acknowledged_sheet(self):
        """The Q1 2026 sheet of the evaluated employee, agreed and read on Friday 20 March 2026."""
        with freeze_time("2026-03-20 06:00:00"):
            campaign = self._bagalau_sheet_campaign(self.preset_2023, 2026, "1")
            sheet = self._bagalau_sheet_of(campaign, self.sheet_evaluated)
            self._bagalau_sheet_approve_plan(sheet.plan_id, [(100.0, 100.0, 100.0, 100.0)] * 3)
            self._bagalau_sheet_walk_2023(sheet, [100.0] * 3, [5.0] * 3)
            sheet.with_user(self.sheet_user_evaluated).action_acknowledge()
        self.assertEqual(sheet.state, "agreed")
        return sheet

    def _apply(self, sheet, when="2026-03-26 06:00:00"):
        with freeze_time(when):
            action = sheet.with_user(self.sheet_user_evaluated).action_request_calibration()
        return self.env["hr.bagalau.calibration"].browse(action["res_id"])

    def _planned_case(self):
        sheet = self._acknowledged_sheet()
        case = self._apply(sheet)
        with freeze_time("2026-03-27 06:00:00"):
            case.with_user(self.sheet_user_head).write({
                "participant_ids": [(6, 0, [employee.id for employee in self.participants])],
                "session_date": D(2026, 4, 3),
            })
            case.with_user(self.sheet_user_head).action_decide_hold()
        self.assertEqual(case.state, "planned")
        return sheet, case

    def _hold_session(self, case, votes, protocol_date=None):
        """Participant 1 proposes 4.00; ``votes`` per participant: True for it, False to keep."""
        with freeze_time("2026-04-03 06:00:00"):
            proposal = self.env["hr.bagalau.calibration.proposal"].with_user(self.participant_users[0]).create({
                "calibration_id": case.id, "participant_id": self.participants[0].id, "proposed_score": 4.0,
                "reason": "Two KPIs were reached late.",
            })
            for user, supports in zip(self.participant_users, votes, strict=False):
                if supports:
                    proposal.with_user(user).action_vote()
                else:
                    case.with_user(user).action_vote_keep()
            case.with_user(self.user_hr).write({
                "protocol_date": protocol_date or D(2026, 4, 3), "evaluator_argument": "All KPIs reached in time.",
                "protocol_decision": "Calibrated by majority.",
            })
            case.with_user(self.user_hr).action_record_protocol()
        return proposal



@tagged("post_install", "-at_install")
class TestCalibration(CalibrationCase):
    """Calibration of a 2023 quarter result (seed 004 §13, §38-43), kept
    confidential (seed 004 §16, §21)."""

    # --- application (seed 004 §13) ---------------------------------------------

    def test_apply_within_five_working_days_across_nauryz(self):
        sheet = self._acknowledged_sheet()
        # Friday 20 March 2026 + 5 working days: Nauryz 21-23 March and the days
        # carried over to 24-25 March are skipped: 26, 27, 30, 31 March, 1 April.
        self.assertEqual(self.company._bagalau_add_working_days(D(2026, 3, 20), 5), D(2026, 4, 1))
        self.assertTrue(sheet.with_user(self.sheet_user_evaluated).can_request_calibration)
        self.assertFalse(sheet.with_user(self.sheet_user_manager).can_request_calibration)
        case = self._apply(sheet, "2026-04-01 10:00:00")
        self.assertEqual(case.state, "applied")
        self.assertEqual(case.acquainted_on, D(2026, 3, 20))
        self.assertEqual(case.apply_deadline, D(2026, 4, 1))
        self.assertEqual(case.kpi_sheet_id, sheet)
        self.assertEqual(case.employee_id, self.sheet_evaluated)
        self.assertEqual(case.authorised_id, self.sheet_head)
        self.assertEqual(case.old_score, 5.0)
        self.assertEqual(case.campaign_id, sheet.campaign_id)
        # seed 004 §39: the authorised person gets a to-do due in three working days.
        activity = case.activity_ids.filtered(lambda activity: activity.user_id == self.sheet_user_head)
        self.assertEqual(activity.date_deadline, case.decision_due)
        self.assertEqual(case.decision_due, D(2026, 4, 6))
        # One open application per document.
        sheet.invalidate_recordset()
        self.assertFalse(sheet.with_user(self.sheet_user_evaluated).can_request_calibration)
        with freeze_time("2026-04-01 10:00:00"), self.assertRaises(UserError):
            sheet.with_user(self.sheet_user_evaluated).action_request_calibration()

    def test_the_application_says_why_the_employee_disagrees(self):
        sheet = self._acknowledged_sheet()
        action = sheet.with_user(self.sheet_user_evaluated).action_open_calibration_request()
        self.assertEqual((action["res_model"], action["target"]), ("hr.bagalau.calibration.request", "new"))
        Request = self.env["hr.bagalau.calibration.request"].with_user(self.sheet_user_evaluated) \
            .with_context(**action["context"])
        reasons = "KPI 2 counts the documents of March only; the February ones were signed late by others."
        with freeze_time("2026-03-26 06:00:00"):
            with self.assertRaisesRegex(UserError, "why you disagree"):
                Request.create({"application": "   "}).action_apply()
            forged = self.env["hr.bagalau.calibration.request"].with_user(self.user_stranger).create({
                "res_model": sheet._name, "res_id": sheet.id, "application": "Not mine."})
            with self.assertRaises(AccessError):
                forged.action_apply()
            applied = Request.create({"application": reasons}).action_apply()
        case = self.env["hr.bagalau.calibration"].browse(applied["res_id"])
        self.assertEqual((case.application, case.kpi_sheet_id, case.state), (reasons, sheet, "applied"))

    def test_apply_after_five_working_days_is_refused_with_the_date(self):
        sheet = self._acknowledged_sheet()
        with freeze_time("2026-04-02 06:00:00"), self.assertRaises(UserError) as caught:
            sheet.with_user(self.sheet_user_evaluated).action_request_calibration()
        self.assertIn(format_date(self.env, D(2026, 4, 1)), str(caught.exception))
        self.assertFalse(self.env["hr.bagalau.calibration"].search([("kpi_sheet_id", "=", sheet.id)]))

    def test_only_the_evaluated_employee_applies(self):
        sheet = self._acknowledged_sheet()
        for user in (self.sheet_user_manager, self.user_hr, self.sheet_user_head):
            with freeze_time("2026-03-26 06:00:00"), self.assertRaises(AccessError):
                sheet.with_user(user).action_request_calibration()

    def test_apply_needs_the_acquaintance(self):
        with freeze_time("2026-03-20 06:00:00"):
            campaign = self._bagalau_sheet_campaign(self.preset_2023, 2026, "1")
            sheet = self._bagalau_sheet_of(campaign, self.sheet_evaluated)
            self._bagalau_sheet_approve_plan(sheet.plan_id, [(100.0, 100.0, 100.0, 100.0)] * 3)
            self._bagalau_sheet_walk_2023(sheet, [100.0] * 3, [5.0] * 3)
            with self.assertRaises(UserError):
                sheet.with_user(self.sheet_user_evaluated).action_request_calibration()

    # --- decision (seed 004 §39-40) ------------------------------------------

    def test_only_the_authorised_person_decides(self):
        case = self._apply(self._acknowledged_sheet())
        with freeze_time("2026-03-27 06:00:00"):
            for user in (self.sheet_user_manager, self.sheet_user_evaluated, self.user_hr):
                with self.assertRaises(AccessError):
                    case.with_user(user).action_decide_hold()
            with self.assertRaises(AccessError):
                case.with_user(self.sheet_user_manager).write({"session_date": D(2026, 4, 3)})
            with self.assertRaises(UserError):
                case.with_user(self.sheet_user_head).action_decide_refuse()  # no reason
            case.with_user(self.sheet_user_head).write({"refusal_reason": "The score follows the KPIs."})
            case.with_user(self.sheet_user_head).action_decide_refuse()
        self.assertEqual(case.state, "refused")
        self.assertEqual(case.decided_by_id, self.sheet_user_head)
        self.assertFalse(case.activity_ids)

    def test_decision_within_three_working_days(self):
        case = self._apply(self._acknowledged_sheet())
        # Applied Thursday 26 March: decide by Tuesday 31 March (seed 004 §39).
        self.assertEqual(case.decision_due, D(2026, 3, 31))
        case.with_user(self.sheet_user_head).write({
            "participant_ids": [(6, 0, [self.participants[0].id])], "session_date": D(2026, 4, 3)})
        with freeze_time("2026-04-01 06:00:00"), self.assertRaises(UserError) as caught:
            case.with_user(self.sheet_user_head).action_decide_hold()
        self.assertIn(format_date(self.env, D(2026, 3, 31)), str(caught.exception))
        self.assertEqual(case.state, "applied")

    def test_session_within_ten_working_days_of_the_application(self):
        case = self._apply(self._acknowledged_sheet())
        # seed 004 §40: 26 March + 10 working days = 9 April 2026.
        self.assertEqual(case.session_due, D(2026, 4, 9))
        with self.assertRaises(ValidationError):
            case.with_user(self.sheet_user_head).write({"session_date": D(2026, 4, 10)})
        with self.assertRaises(ValidationError):
            case.with_user(self.sheet_user_head).write({"participant_ids": [(6, 0, self.sheet_evaluated.ids)]})
        case.with_user(self.sheet_user_head).write({"session_date": D(2026, 4, 9)})
        with freeze_time("2026-03-27 06:00:00"), self.assertRaises(UserError):
            case.with_user(self.sheet_user_head).action_decide_hold()  # no participants

    # --- confidentiality (seed 004 §16, §21) ---------------------------------

    def test_participants_see_only_their_case(self):
        sheet, case = self._planned_case()
        manager_sheet = self._bagalau_sheet_of(sheet.campaign_id, self.sheet_manager)
        other = self.env["hr.bagalau.calibration"].create({
            "kpi_sheet_id": manager_sheet.id, "employee_id": self.sheet_manager.id, "company_id": self.company.id,
            "campaign_id": sheet.campaign_id.id, "quarter": "1", "year": 2026,
            "evaluator_id": self.sheet_superior.id, "authorised_id": self.sheet_head.id,
            "participant_ids": [(6, 0, self.stranger.ids)], "applied_on": D(2026, 3, 26),
        })
        Calibration = self.env["hr.bagalau.calibration"]
        for user in self.participant_users:
            self.assertEqual(Calibration.with_user(user).search([]), case)
        self.assertEqual(Calibration.with_user(self.user_stranger).search([]), other)
        self.assertEqual(Calibration.with_user(self.sheet_user_evaluated).search([]), case)
        # The manager evaluates ``case`` and is the evaluated employee of ``other``.
        self.assertEqual(Calibration.with_user(self.sheet_user_manager).search([]), case | other)
        self.assertEqual(Calibration.with_user(self.sheet_user_head).search([]), case | other)
        self.assertEqual(Calibration.with_user(self.user_hr).search([]), case | other)
        self.assertFalse(Calibration.with_user(self.user_other_admin).search([]), "another company")
        # The participants see the case, never the sheet itself.
        with self.assertRaises(AccessError):
            sheet.with_user(self.participant_users[0]).check_access("read")
        with self.assertRaises(AccessError):
            case.with_user(self.participant_users[0]).action_open_document()
        # They propose only in their own name; a stranger cannot propose or vote.
        Proposal = self.env["hr.bagalau.calibration.proposal"]
        with self.assertRaises(AccessError):
            Proposal.with_user(self.participant_users[0]).create({
                "calibration_id": case.id, "participant_id": self.participants[1].id, "proposed_score": 3.0,
                "reason": "x"})
        with self.assertRaises(AccessError):
            case.with_user(self.user_stranger).action_vote_keep()
        with self.assertRaises(AccessError):
            case.with_user(self.participant_users[0]).write({"final_score": 1.0})
        # Activities for the next persons: participants, the evaluator and HR on the session day.
        todo = case.activity_ids.filtered(lambda activity: activity.date_deadline == D(2026, 4, 3))
        self.assertEqual(set(todo.user_id.ids), {*(user.id for user in self.participant_users),
                                                 self.sheet_user_manager.id, self.user_hr.id})

    # --- session, protocol, feedback (seed 004 §42-43) -------------------------

    def test_majority_score_replaces_the_quarter_score(self):
        sheet, case = self._planned_case()
        result = sheet.result_id
        self.assertEqual(result.q1_score, 5.0)
        proposal = self._hold_session(case, [True, True, False])
        self.assertEqual(proposal.vote_count, 2)
        self.assertEqual(case.state, "held")
        self.assertEqual(case.final_score, 4.0)
        self.assertEqual(case.old_score, 5.0, "the old score stays as history")
        self.assertEqual(set(case.present_ids.ids), {employee.id for employee in self.participants})
        result.invalidate_recordset()
        self.assertEqual(result.q1_score, 4.0)
        self.assertEqual(result.year_score, 4.0)
        sheet.invalidate_recordset()
        self.assertEqual(sheet.state, "agreed")
        self.assertEqual(sheet.score, 5.0, "the sheet is frozen")
        self.assertEqual(case.protocol_due, D(2026, 4, 8))

    def test_tie_keeps_the_evaluators_score(self):
        # The rule itself is the engine's (tests/engine/test_engine_calibration.py).
        self.assertEqual(calibration_final_score(5.0, [4.0, None])[0], Decimal("5.00"))
        self.assertEqual(calibration_final_score(5.0, [4.0, 4.0, None])[0], Decimal("4.00"))
        self.assertEqual(calibration_final_score(5.0, [4.0, 3.0, None, 3.0])[0], Decimal("3.00"))
        sheet, case = self._planned_case()
        self._hold_session(case, [True, False])
        self.assertEqual(case.final_score, 5.0)
        self.assertEqual(sheet.result_id.q1_score, 5.0)

    def test_protocol_without_votes_is_refused(self):
        _sheet, case = self._planned_case()
        with freeze_time("2026-04-03 06:00:00"):
            case.with_user(self.user_hr).write({"protocol_date": D(2026, 4, 3)})
            with self.assertRaises(UserError) as caught:
                case.with_user(self.user_hr).action_record_protocol()
        self.assertIn(case.employee_id.name, str(caught.exception))
        self.assertIn("voted", str(caught.exception))
        self.assertEqual(case.state, "planned")
        self.assertFalse(case.final_score)

    def test_protocol_posted_late_is_flagged(self):
        _sheet, case = self._planned_case()
        self._hold_session(case, [True, True, True])
        Calibration = self.env["hr.bagalau.calibration"].with_user(self.user_hr)
        with freeze_time("2026-04-08 06:00:00"):
            self.env.invalidate_all()
            self.assertFalse(case.is_protocol_late, "due today is not late")
        with freeze_time("2026-04-09 06:00:00"):
            self.env.invalidate_all()
            self.assertTrue(case.is_protocol_late)
            self.assertEqual(Calibration.search([("is_protocol_late", "=", True)]), case)
            case.with_user(self.user_hr).action_post_protocol()
        self.assertEqual(case.posted_on, D(2026, 4, 9))
        self.assertTrue(case.is_protocol_late)
        self.assertIn("late", case.message_ids[0].body)

    def test_protocol_posted_in_time(self):
        _sheet, case = self._planned_case()
        self._hold_session(case, [False, False, True])
        self.assertEqual(case.final_score, 5.0)
        with freeze_time("2026-04-08 06:00:00"):
            with self.assertRaises(AccessError):
                case.with_user(self.sheet_user_manager).action_post_protocol()
            case.with_user(self.user_hr).action_post_protocol()
            self.assertFalse(case.is_protocol_late)

    def test_feedback_meeting_is_recorded(self):
        _sheet, case = self._planned_case()
        self._hold_session(case, [True, True, False])
        evaluator_case = case.with_user(self.sheet_user_manager)
        with self.assertRaises(UserError):
            evaluator_case.action_record_feedback()
        with self.assertRaises(AccessError):
            case.with_user(self.sheet_user_evaluated).action_record_feedback()
        evaluator_case.write({
            "feedback_date": D(2026, 4, 10),
            "feedback_achievements": "Delivered the quarter's plan.",
            "feedback_skills": "Analysis; needs more delegation.",
            "feedback_potential": "Ready for a head of sector position in two years.",
        })
        evaluator_case.action_record_feedback()
        self.assertEqual(case.state, "done")
        self.assertEqual(case.feedback_potential, "Ready for a head of sector position in two years.")
        self.assertFalse(case.activity_ids.filtered(lambda activity: activity.user_id == self.sheet_user_manager))
