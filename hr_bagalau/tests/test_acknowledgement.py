import base64
import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import BagalauCase

D = datetime.date
ACK_ACTIVITY = "hr_bagalau.mail_activity_type_bagalau_acknowledgement"


@tagged("post_install", "-at_install")
class TestAcknowledgement(BagalauCase):
    """Acquaintance with the final result within two working days (seed 003
    §40, seed 004 §12), in writing, or a refusal act signed by HR and two other
    employees, the result delivered all the same (seed 003 §41, seed 002 §41-42)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._bagalau_sheet_agency()
        cls.witness_1 = cls._bagalau_employee("Witness One", category=False)
        cls.witness_2 = cls._bagalau_employee("Witness Two", category=False)

    def _agreed_2023_sheet(self):
        """The Q1 2026 sheet of the evaluated employee, agreed on Friday 20 March 2026."""
        with freeze_time("2026-03-20 06:00:00"):
            campaign = self._bagalau_sheet_campaign(self.preset_2023, 2026, "1")
            sheet = self._bagalau_sheet_of(campaign, self.sheet_evaluated)
            self._bagalau_sheet_approve_plan(sheet.plan_id, [(100.0, 100.0, 100.0, 100.0)] * 3)
            self._bagalau_sheet_walk_2023(sheet, [100.0] * 3, [5.0] * 3)
        self.assertEqual(sheet.state, "agreed")
        return sheet

    def _ack_activities(self, record):
        activity_type = self.env.ref(ACK_ACTIVITY)
        return record.sudo().activity_ids.filtered(lambda activity: activity.activity_type_id == activity_type)

    def test_agreed_2023_sheet_gives_the_employee_two_working_days_across_nauryz(self):
        sheet = self._agreed_2023_sheet()
        # Friday 20 March 2026 + 2 working days: Nauryz (21-23 March and the
        # days carried over from its weekend) and the weekend are skipped.
        self.assertEqual(sheet.ack_state, "pending")
        self.assertEqual(sheet.ack_due, D(2026, 3, 27))
        activity = self._ack_activities(sheet)
        self.assertEqual(activity.user_id, self.sheet_user_evaluated)
        self.assertEqual(activity.date_deadline, D(2026, 3, 27))
        partner = self.sheet_user_evaluated.partner_id
        told = sheet.message_ids.filtered(lambda message: partner in message.partner_ids)
        self.assertTrue(told, "the employee is told in the chatter")
        self.assertIn(partner, sheet.message_partner_ids)
        # The employee sees it among his own sheets.
        own = self.env["hr.bagalau.kpi.sheet"].with_user(self.sheet_user_evaluated).search(
            [("ack_state", "=", "pending")])
        self.assertEqual(own, sheet)

    def test_the_list_tells_evaluations_apart(self):
        sheet = self._agreed_2023_sheet()
        result = sheet.result_id
        with freeze_time("2026-03-20 06:00:00"):
            result._bagalau_start_acknowledgement()
        acks = self.env["hr.bagalau.acknowledgement"].with_user(self.user_hr).search(
            [("employee_id", "=", self.sheet_evaluated.id)])
        self.assertEqual(len(acks), 2, "the Q1 sheet and the year's result")
        self.assertEqual(acks.campaign_id, sheet.campaign_id)
        self.assertEqual(set(acks.mapped("document_kind")), {"KPI Evaluation Sheet", "Annual Evaluation Result"})

    def test_2018_sheet_waits_for_the_commission(self):
        with freeze_time("2026-01-20 06:00:00"):
            campaign = self._bagalau_sheet_campaign(self.preset_2018, 2025)
            sheet = self._bagalau_sheet_of(campaign, self.sheet_evaluated)
            self._bagalau_sheet_approve_plan(sheet.plan_id, [100.0] * 5)
            for line in sheet.line_ids.with_user(self.user_evaluator):
                line.actual_value = 100.0
            sheet.with_user(self.user_evaluator).action_submit()
            sheet.with_user(self.sheet_user_superior).action_agree()
        self.assertEqual(sheet.ack_state, "none", "seed 003 §39-40: final with the commission's protocol")

    def test_i_have_read_it(self):
        sheet = self._agreed_2023_sheet()
        for user in (self.user_hr, self.sheet_user_manager, self.sheet_user_superior):
            with self.assertRaises(AccessError):
                sheet.with_user(user).action_acknowledge()
        with freeze_time("2026-03-24 04:30:00"):
            sheet.with_user(self.sheet_user_evaluated).action_acknowledge()
        sheet.invalidate_recordset()
        self.assertEqual(sheet.ack_state, "acknowledged")
        self.assertEqual(sheet.ack_method, "chatter")
        self.assertEqual(sheet.ack_user_id, self.sheet_user_evaluated)
        self.assertEqual(sheet.ack_on, datetime.datetime(2026, 3, 24, 4, 30))
        self.assertFalse(self._ack_activities(sheet), "the to-do is done")
        message = sheet.message_ids[0]
        self.assertIn("has read the evaluation result", message.body)
        self.assertIn("2026", message.body)
        self.assertFalse(sheet.is_ack_overdue)

    def test_refusal_act_needs_two_witnesses(self):
        sheet = self._agreed_2023_sheet()
        with self.assertRaises(AccessError):
            sheet.with_user(self.sheet_user_manager).action_record_refusal(witnesses=self.witness_1 | self.witness_2)
        with self.assertRaises(ValidationError):
            sheet.with_user(self.user_hr).action_record_refusal(witnesses=self.witness_1)
        with self.assertRaises(ValidationError):
            sheet.with_user(self.user_hr).action_record_refusal(witnesses=self.witness_1 | self.sheet_evaluated)
        self.assertEqual(sheet.ack_state, "pending")
        sheet.with_user(self.user_hr).action_record_refusal(
            witnesses=self.witness_1 | self.witness_2, date=D(2026, 3, 24), note="Refused to sign.")
        sheet.invalidate_recordset()
        self.assertEqual(sheet.ack_state, "refused")
        act = sheet.sudo().ack_refusal_act_id
        self.assertEqual(act.state, "done")
        self.assertEqual(act.drawn_up_by_id, self.user_hr)
        self.assertEqual(act.witness_ids.mapped("name"), ["Witness One", "Witness Two"])
        self.assertEqual(act.witness_ids.mapped("signed_on"), [D(2026, 3, 24)] * 2)
        # seed 003 §41: the result is still delivered to the employee.
        message = sheet.message_ids[0]
        self.assertIn("delivered", message.body)
        self.assertIn(self.sheet_user_evaluated.partner_id, message.partner_ids)
        self.assertFalse(self._ack_activities(sheet))
        # The employee reads his own act; another employee does not.
        self.assertEqual(self.env["hr.bagalau.refusal.act"].with_user(self.sheet_user_evaluated).search([]), act)
        self.assertFalse(self.env["hr.bagalau.refusal.act"].with_user(self.sheet_user_manager).search([]))

    def test_refusal_act_from_the_form(self):
        sheet = self._agreed_2023_sheet()
        action = sheet.with_user(self.user_hr).action_record_refusal()
        self.assertEqual(action["res_model"], "hr.bagalau.refusal.act")
        act = self.env["hr.bagalau.refusal.act"].with_user(self.user_hr).with_context(**action["context"]).create({
            "witness_ids": [(0, 0, {"employee_id": self.witness_1.id}), (0, 0, {"employee_id": self.witness_2.id})],
        })
        act.action_confirm()
        self.assertEqual(sheet.ack_state, "refused")

    def test_overdue_acknowledgements_are_flagged(self):
        sheet = self._agreed_2023_sheet()
        Sheet = self.env["hr.bagalau.kpi.sheet"].with_user(self.user_hr)
        Ack = self.env["hr.bagalau.acknowledgement"].with_user(self.user_hr)
        with freeze_time("2026-03-27 06:00:00"):
            self.env.invalidate_all()
            self.assertFalse(sheet.is_ack_overdue, "due today is not late")
        with freeze_time("2026-03-30 06:00:00"):
            self.env.invalidate_all()
            self.assertTrue(sheet.is_ack_overdue)
            self.assertIn(sheet, Sheet.search([("is_ack_overdue", "=", True)]))
            self.assertNotIn(sheet, Sheet.search([("is_ack_overdue", "=", False)]))
            overdue = Ack.search([("is_overdue", "=", True)])
            self.assertEqual(overdue.res_id, sheet.id)
            self.assertEqual(Ack.search([])[:1], overdue, "the overdue ones first")

    def test_written_acknowledgement_of_an_employee_without_user(self):
        employee = self._bagalau_employee("Без Пользователя", self.sheet_manager, category="e_4")
        result = self.env["hr.bagalau.result"].sudo().create({
            "employee_id": employee.id, "year": 2025, "company_id": self.company.id,
            "methodology_id": self.preset_2018.id, "result_key": "effective",
        }).with_user(self.user_hr)
        with freeze_time("2026-02-10 06:00:00"):
            # The commission's protocol approved: the result is final (seed 003 §39-40).
            result._bagalau_start_acknowledgement()
        self.assertEqual(result.ack_due, D(2026, 2, 12))
        activity = self._ack_activities(result)
        self.assertEqual(activity.user_id, self.user_hr, "HR collects the signed paper")
        with self.assertRaises(AccessError):
            result.with_user(self.user_employee).action_acknowledge()
        scan = base64.b64encode(b"%PDF-1.4 signed")
        with self.assertRaises(AccessError):
            result.with_user(self.user_evaluator).action_record_written_acknowledgement(D(2026, 2, 11), scan)
        result.action_record_written_acknowledgement(D(2026, 2, 11), scan, "signed.pdf")
        result.invalidate_recordset()
        self.assertEqual(result.ack_state, "acknowledged")
        self.assertEqual(result.ack_method, "written")
        self.assertEqual(result.ack_written_date, D(2026, 2, 11))
        self.assertEqual(result.ack_id.scan, scan)
        self.assertFalse(self._ack_activities(result))
        self.assertIn("signed the evaluation result on paper", result.message_ids[0].body)
