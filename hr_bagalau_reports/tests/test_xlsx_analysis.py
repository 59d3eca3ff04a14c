from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import BagalauCase


@tagged("post_install", "-at_install")
class TestXlsxAnalysis(BagalauCase):
    """The analysis menus: the HR dashboard on the running campaign's sheets
    by state, the results by score range, the overdue steps by person."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._bagalau_sheet_agency()

    def _open(self, xmlid, user):
        """The action's views as ``user`` opens them, and its model with its domain."""
        action = self.env.ref(xmlid)
        model = self.env[action.res_model].with_user(user).with_company(self.company)
        model.get_views([(view.view_id.id, view.view_mode) for view in action.view_ids])
        return model, action

    def test_the_dashboard_counts_the_running_campaigns_sheets_by_state(self):
        running = self._bagalau_sheet_campaign(self.preset_2023, 2026, "1")
        self._bagalau_sheet_campaign(self.preset_2018, 2025).sudo().write({"state": "closed"})
        model, action = self._open("hr_bagalau_reports.hr_bagalau_kpi_sheet_action_dashboard", self.user_hr)
        groups = model.read_group(safe_eval(action.domain), ["state"], ["campaign_id", "state"], lazy=False)
        counts = {(group["campaign_id"][0], group["state"]): group["__count"] for group in groups}
        self.assertEqual(counts, {(running.id, "draft"): len(running.kpi_sheet_ids)})

    def test_results_fall_into_score_ranges(self):
        employee = self.sheet_evaluated
        Result = self.env["hr.bagalau.result"].sudo()
        result = Result._bagalau_get_or_create(employee, 2026, self.company, self.preset_2023)
        result._bagalau_set_quarter("1", 4.5)
        self.assertEqual(result.bagalau_score_range, "4")
        result._bagalau_set_quarter("2", 2.5)
        self.assertEqual(result.bagalau_score_range, "3")
        model, _action = self._open("hr_bagalau_reports.hr_bagalau_result_action_analysis", self.user_hr)
        groups = model.read_group([("employee_id", "=", employee.id)], ["year_score:avg"], ["bagalau_score_range"])
        self.assertEqual([group["bagalau_score_range"] for group in groups], ["3"])

    def test_overdue_steps_by_the_person_responsible(self):
        campaign = self._bagalau_sheet_campaign(self.preset_2023, 2026, "1")
        sheet = campaign.kpi_sheet_ids[:1]
        sheet.activity_schedule("mail.mail_activity_data_todo", date_deadline="2020-01-01",
                                user_id=self.user_evaluator.id, summary="Late step")
        model, action = self._open("hr_bagalau_reports.mail_activity_action_bagalau_overdue", self.user_hr)
        self.assertEqual(safe_eval(action.context), {"search_default_filter_date_deadline_past": 1})
        domain = [*safe_eval(action.domain), ("date_deadline", "<", "2026-01-01")]
        groups = model.read_group(domain, ["user_id"], ["user_id"])
        self.assertIn(self.user_evaluator.id, [group["user_id"][0] for group in groups])

    def test_the_evaluated_employee_does_not_see_the_dashboard(self):
        menu = self.env.ref("hr_bagalau_reports.menu_bagalau_dashboard")
        visible = self.env["ir.ui.menu"].with_user(self.user_employee)._visible_menu_ids()
        self.assertNotIn(menu.id, visible)
        with self.assertRaises(AccessError):
            self.env["hr.bagalau.xlsx.import.wizard"].with_user(self.user_employee).create({"file": b"eA=="})
