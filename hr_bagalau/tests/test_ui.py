import datetime

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_admin_opens_the_evaluation_app(self):
        # /web: the web client in every Odoo 18 tree (official 18 redirects it to /odoo).
        self.start_tour("/web", "hr_bagalau_open_app_tour", login="admin")


@tagged("post_install", "-at_install")
class TestKpiPlanUi(HttpCase):
    """The manager and the superior take their steps in the web client."""

    def test_manager_submits_and_superior_approves_in_the_browser(self):
        company = self.env.ref("base.main_company")

        def user(login, group):
            return mail_new_test_user(self.env, login=login, groups=f"base.group_user,{group}",
                                      company_id=company.id, tz="Asia/Almaty")

        superior_user = user("t_ui_superior", "hr_bagalau.group_bagalau_evaluator")
        manager_user = user("t_ui_manager", "hr_bagalau.group_bagalau_evaluator")
        Employee = self.env["hr.employee"]
        category = self.env.ref("hr_bagalau.position_category_e_4")
        superior = Employee.create({"name": "Әбенова Динара", "user_id": superior_user.id,
                                    "bagalau_category_id": category.id, "company_id": company.id})
        manager = Employee.create({"name": "Мұхамедияров Ерлан", "user_id": manager_user.id, "parent_id": superior.id,
                                   "bagalau_category_id": category.id, "company_id": company.id})
        servant = Employee.create({"name": "Тұрсынова Гүлмира", "parent_id": manager.id, "company_id": company.id,
                                   "bagalau_category_id": category.id,
                                   "bagalau_position_date": datetime.date(2018, 1, 8)})
        campaign = self.env["hr.bagalau.campaign"].create({
            "methodology_id": self.env.ref("hr_bagalau.methodology_typical_2018").id, "year": 2026,
            "company_id": company.id, "department_ids": [],
        })
        plan = self.env["hr.bagalau.kpi.plan"].sudo()._bagalau_ensure_plan(campaign, servant)
        plan.write({"line_ids": [(0, 0, {
            "name": f"KPI {number}", "source_document": "Strategic plan", "unit": "%",
            "planned_value": 100.0, "deadline": datetime.date(2026, 12, 1), "expected_result": "Done",
        }) for number in range(1, 6)]})

        self.start_tour("/web", "hr_bagalau_kpi_plan_submit_tour", login="t_ui_manager")
        self.assertEqual(plan.state, "submitted")
        self.start_tour("/web", "hr_bagalau_kpi_plan_approve_tour", login="t_ui_superior")
        self.assertEqual(plan.state, "approved")
