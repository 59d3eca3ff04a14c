"""The one sheet workflow: its guard, its dedicated to-dos, and what closing
the campaign does to them (hr_bagalau_sheet_workflow.py)."""

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import BagalauCase

PARAMETERS = ("quality", "deadlines", "initiative", "discipline")


@tagged("post_install", "-at_install")
class TestSheetWorkflow(BagalauCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._bagalau_sheet_agency()
        cls.staff_user = cls._bagalau_user("t_wf_staff", "hr_bagalau.group_bagalau_employee")
        cls.staff = cls._bagalau_employee("Staff Member", cls.sheet_manager, cls.staff_user, "e_4")
        cls.evaluate = cls.env.ref("hr_bagalau.mail_activity_type_bagalau_evaluate")
        cls.approve = cls.env.ref("hr_bagalau.mail_activity_type_bagalau_approve")

    def test_every_sheet_follows_the_one_workflow(self):
        workflow = "hr.bagalau.sheet.workflow"
        sheets = self.env.registry.descendants([workflow], "_inherit") - {workflow}
        self.assertGreaterEqual(sheets, {"hr.bagalau.kpi.plan", "hr.bagalau.kpi.sheet", "hr.bagalau.competency.sheet",
                                         "hr.bagalau.differentiation.sheet"})

    def test_the_evaluators_to_dos_are_evaluation_to_dos(self):
        with freeze_time("2026-04-01 06:00:00"):
            campaign = self._bagalau_sheet_campaign(self.preset_2023, 2026, "1")
        plan = campaign.plan_ids.filtered(lambda plan: plan.employee_id == self.sheet_evaluated)
        self.assertEqual(plan.activity_ids.activity_type_id, self.evaluate)
        self.assertEqual(plan.activity_ids.user_id, self.sheet_user_manager)
        sheet = campaign.differentiation_sheet_ids.filtered(lambda sheet: sheet.employee_id == self.staff)
        self.assertEqual(sheet.activity_ids.activity_type_id, self.evaluate)
        # "My evaluation to-dos": the manager's, by type, across the sheets.
        mine = self.env["mail.activity"].search([("user_id", "=", self.sheet_user_manager.id),
                                                 ("activity_type_id", "in", (self.evaluate | self.approve).ids)])
        self.assertEqual(set(mine.mapped("res_model")), {"hr.bagalau.kpi.plan", "hr.bagalau.differentiation.sheet"})

    def test_the_superior_approves_with_an_approval_to_do(self):
        with freeze_time("2026-01-12 06:00:00"):
            campaign = self._bagalau_sheet_campaign(self.preset_2023, 2026, "1")
            plan = campaign.plan_ids.filtered(lambda plan: plan.employee_id == self.sheet_evaluated)
            plan.write({"line_ids": self._bagalau_kpi_lines("2023", 3, 2026)})
            plan.with_user(self.sheet_user_manager).action_submit()
        todo = plan.activity_ids
        self.assertEqual((todo.activity_type_id, todo.user_id), (self.approve, self.sheet_user_superior))

    def test_a_final_sheet_no_longer_changes(self):
        with freeze_time("2026-07-01 06:00:00"):
            campaign = self._bagalau_sheet_campaign(self.preset_2025, 2026, "2")
            sheet = campaign.differentiation_sheet_ids.filtered(lambda sheet: sheet.employee_id == self.staff)
            sheet = sheet.with_user(self.sheet_user_manager)
            sheet.action_score(dict.fromkeys(PARAMETERS, (4, "Reason")))
            sheet.action_done()
            with self.assertRaisesRegex(UserError, "final"):
                sheet.action_score({"quality": (5, "Better")})
        self.assertEqual(sheet.quality_score, 4)

    def test_closing_the_campaign_takes_the_open_to_dos_away(self):
        with freeze_time("2026-07-01 06:00:00"):
            campaign = self._bagalau_sheet_campaign(self.preset_2025, 2026, "2")
        sheets = campaign.differentiation_sheet_ids
        self.assertTrue(sheets.activity_ids)
        with freeze_time("2026-08-03 06:00:00"):
            campaign.with_user(self.user_hr).action_close()
        self.assertFalse(sheets.activity_ids, "nobody can take a step of a closed campaign")

    def test_the_result_page_leads_to_the_sheets_and_their_acquaintance(self):
        with freeze_time("2026-07-01 06:00:00"):
            campaign = self._bagalau_sheet_campaign(self.preset_2025, 2026, "2")
            sheet = campaign.differentiation_sheet_ids.filtered(lambda sheet: sheet.employee_id == self.staff)
            sheet.with_user(self.sheet_user_manager).action_score(
                dict.fromkeys(PARAMETERS, (4, "Reason")))
            sheet.with_user(self.sheet_user_manager).action_done()
        result = sheet.result_id.with_user(self.staff_user)
        arch = result.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="documents"', arch)
        self.assertIn("action_open_calibration_request", arch)
        # The employee sees his sheet from his result, may read it there, and opens it.
        self.assertEqual(result.differentiation_sheet_ids, sheet)
        self.assertTrue(result.differentiation_sheet_ids.can_acknowledge)
        action = result.differentiation_sheet_ids.action_bagalau_open()
        self.assertEqual((action["res_model"], action["res_id"]), (sheet._name, sheet.id))
        result.differentiation_sheet_ids.action_acknowledge()
        self.assertEqual(sheet.ack_state, "acknowledged")

    def test_to_dos_and_messages_speak_the_recipients_language(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["res.lang"]._activate_lang("kk_KZ")
        self.sheet_user_manager.lang = "ru_RU"
        self.staff_user.lang = "kk_KZ"
        with freeze_time("2026-07-01 06:00:00"):
            # HR works in English; the evaluator reads Russian, the employee Kazakh.
            campaign = self._bagalau_sheet_campaign(self.preset_2025, 2026, "2")
            sheet = campaign.differentiation_sheet_ids.filtered(lambda sheet: sheet.employee_id == self.staff)
            self.assertEqual(sheet.activity_ids.summary, "Заполнить лист дифференциации (Staff Member)")
            sheet = sheet.with_user(self.sheet_user_manager).with_context(lang="ru_RU")
            sheet.action_score(dict.fromkeys(PARAMETERS, (4, "Reason")))
            sheet.action_done()
        told = sheet.sudo().message_ids.filtered(lambda message: self.staff_user.partner_id in message.partner_ids)
        bodies = " ".join(told.mapped("body"))
        self.assertIn("Саралау бағалауы (Staff Member", bodies)
        self.assertIn("«Таныстым» батырмасын басыңыз", bodies, "the acquaintance request is written in Kazakh")
        self.assertEqual(sheet.sudo().activity_ids.filtered(lambda a: a.user_id == self.staff_user).summary,
                         "Бағалау нәтижеңізбен танысыңыз")
