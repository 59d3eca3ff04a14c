from odoo.addons.hr_bagalau.tests.common import BagalauCase
from odoo.exceptions import AccessError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestAnalysis(BagalauCase):
    def test_hr_counts_civil_servants_by_category(self):
        e4 = self.env.ref("hr_bagalau.position_category_e_4")
        e3 = self.env.ref("hr_bagalau.position_category_e_3")
        Employee = self.env["hr.employee"].with_company(self.company)
        Employee.create([
            {"name": "Әлиев Ерлан", "bagalau_category_id": e4.id, "company_id": self.company.id},
            {"name": "Ким Елена", "bagalau_category_id": e4.id, "company_id": self.company.id},
            {"name": "Серікбаев Нұрлан", "bagalau_category_id": e3.id, "company_id": self.company.id},
        ])
        action = self.env.ref("hr_bagalau_reports.hr_employee_action_bagalau_analysis")
        model = self.env[action.res_model].with_user(self.user_hr).with_company(self.company)
        model.get_views([(view.view_id.id, view.view_mode) for view in action.view_ids])
        groups = model.read_group([("company_id", "=", self.company.id)], ["bagalau_category_id"],
                                  ["bagalau_category_id"])
        counts = {group["bagalau_category_id"][1]: group["bagalau_category_id_count"] for group in groups}
        self.assertEqual(counts, {"E-3": 1, "E-4": 2})

    def test_civil_servants_cannot_read_the_analysis(self):
        with self.assertRaises(AccessError):
            self.env["hr.employee"].with_user(self.user_employee).read_group(
                [], ["bagalau_category_id"], ["bagalau_category_id"])
