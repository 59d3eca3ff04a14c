from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import BagalauCase


@tagged("post_install", "-at_install")
class TestResult(BagalauCase):
    """The annual result of an employee: the average of the quarters of 2023
    (seed 004 §5) with its band (§8), or the 2018 grade (seed 003 §18)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._bagalau_sheet_agency()

    def _quarter_sheet(self, quarter):
        campaign = self._bagalau_sheet_campaign(self.preset_2023, 2026, quarter)
        sheet = self._bagalau_sheet_of(campaign, self.sheet_evaluated)
        if sheet.plan_id.state != "approved":
            self._bagalau_sheet_approve_plan(sheet.plan_id, [(100.0, 100.0, 100.0, 100.0)] * 3)
        return sheet

    def test_year_result_averages_the_quarters_evaluated(self):
        q1 = self._quarter_sheet("1")
        self._bagalau_sheet_walk_2023(q1, [100, 92, 80], [5, 4.5, 4.0])  # 4.5 -> effective
        result = q1.result_id
        self.assertEqual((result.employee_id, result.year), (self.sheet_evaluated, 2026))
        self.assertEqual(result.q1_score, 4.5)
        # Q2-Q4 are not evaluated yet: left out of the average, not counted as 0.
        self.assertEqual(result.year_score, 4.5)
        self.assertEqual(result.result_key, "effective")

        q2 = self._quarter_sheet("2")
        self._bagalau_sheet_walk_2023(q2, [60, 60, 60], [3, 3, 3])  # 3.0 -> proper
        self.assertEqual(q2.result_id, result, "one result per employee and year")
        self.assertEqual((result.q1_score, result.q2_score), (4.5, 3.0))
        self.assertEqual(result.quarter_count, 2)
        self.assertEqual(result.year_score, 3.75)  # seed 004 §5: (4.5 + 3.0) / 2
        self.assertEqual(result.result_key, "proper")  # seed 004 §8: 3 to 3.99
        self.assertEqual(result.kpi_sheet_ids, q1 | q2)

    def test_a_quarter_scored_zero_still_counts(self):
        result = self.env["hr.bagalau.result"].create({
            "employee_id": self.sheet_evaluated.id, "year": 2026, "company_id": self.company.id,
            "methodology_id": self.preset_2023.id,
        })
        result._bagalau_set_quarter("1", 4.0)
        result._bagalau_set_quarter("3", 0.0)
        self.assertEqual(result.year_score, 2.0)
        self.assertEqual(result.result_key, "satisfactory")

    def test_2018_result_is_the_annual_grade(self):
        campaign = self._bagalau_sheet_campaign(self.preset_2018, 2025)
        sheet = self._bagalau_sheet_of(campaign, self.sheet_evaluated)
        self._bagalau_sheet_approve_plan(sheet.plan_id, [100.0] * 5)
        for line, actual in zip(sheet.line_ids.with_user(self.user_evaluator), [100, 100, 100, 50, 50], strict=True):
            line.actual_value = actual
        sheet.with_user(self.user_evaluator).action_submit()
        sheet.with_user(self.sheet_user_superior).action_agree()
        self.assertEqual(sheet.result_id.result_key, "satisfactory")  # 3 of 5
        self.assertEqual(sheet.result_id.year, 2025)

    def test_one_result_per_employee_and_year(self):
        values = {"employee_id": self.sheet_evaluated.id, "year": 2026, "company_id": self.company.id}
        self.env["hr.bagalau.result"].create(values)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["hr.bagalau.result"].create(values)

    def test_results_are_confidential_and_read_only(self):
        q1 = self._quarter_sheet("1")
        self._bagalau_sheet_walk_2023(q1, [100, 100, 100], [5, 5, 5])
        result = q1.result_id
        # The employee reads his own result, and nobody but HR changes it.
        self.assertEqual(result.with_user(self.user_employee).year_score, 5.0)
        for user in (self.user_employee, self.user_evaluator):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                result.with_user(user).write({"year_score": 1.0})
        # The superior manager who agrees the sheet is an evaluating person too
        # (seed 004 §2.3, §21); the head of the body, who evaluates others, does not see it.
        self.assertEqual(result.with_user(self.sheet_user_superior).year_score, 5.0)
        with self.assertRaises(AccessError):
            result.with_user(self.sheet_user_head).read(["year_score"])
        self.assertEqual(result.with_user(self.user_hr_head).year_score, 5.0)
