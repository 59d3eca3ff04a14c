"""The third generation from data alone: «Quarterly evaluation (2025)».

The 2025 orders (not among the seeds; see engine/presets.py): every corps B
servant, heads included, is evaluated each quarter by the evaluating person,
by the 20th of the month after the quarter (a day off: the working day
before); the year's result is the average of the quarters, formed by 30
January of the next year. No KPI plan, no 360, no commission, no calibration.
"""

import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import BagalauCase

D = datetime.date
PARAMETERS = ("quality", "deadlines", "initiative", "discipline")


@tagged("post_install", "-at_install")
class TestQuarterly2025(BagalauCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._bagalau_sheet_agency()
        cls.staff_user = cls._bagalau_user("t_q25_staff", "hr_bagalau.group_bagalau_employee")
        cls.staff = cls._bagalau_employee("Staff Member", cls.sheet_manager, cls.staff_user, "e_4")

    def _quarter(self, quarter, scores, when):
        """HR launches the quarter; the evaluating person scores everyone."""
        with freeze_time(when):
            campaign = self._bagalau_sheet_campaign(self.preset_2025, 2026, quarter)
            for sheet in campaign.differentiation_sheet_ids:
                evaluator = sheet.evaluator_id.user_id
                sheet.with_user(evaluator).action_score(dict.fromkeys(PARAMETERS, (scores, "Reason")))
                sheet.with_user(evaluator).action_done()
        return campaign

    def test_the_preset_is_the_2025_text(self):
        preset = self.preset_2025
        self.assertEqual(preset.period, "quarter")
        self.assertEqual((preset.use_kpi_plan, preset.use_kpi_sheet, preset.use_survey_360, preset.use_commission,
                          preset.use_calibration, preset.use_differentiation),
                         (False, False, False, False, False, True))
        self.assertEqual((preset.quarter_deadline_day, preset.year_result_day, preset.retention_years), (20, 30, 3))
        self.assertEqual(preset.differentiation_applies_to, "all")
        self.assertTrue(preset.note, "the preset's form says the criteria are the agency's")

    def test_a_quarter_end_to_end(self):
        with freeze_time("2026-07-01 06:00:00"):
            campaign = self._bagalau_sheet_campaign(self.preset_2025, 2026, "2")
        sheets = campaign.differentiation_sheet_ids
        # Every servant, the heads too; nothing else is made.
        self.assertEqual(sheets.employee_id, self.sheet_superior | self.sheet_manager | self.sheet_evaluated
                         | self.staff)
        self.assertFalse(campaign.plan_ids or campaign.kpi_sheet_ids)
        # Monday 20 July 2026; each evaluated by his immediate superior.
        self.assertEqual(set(sheets.mapped("due_date")), {D(2026, 7, 20)})
        by_employee = {sheet.employee_id: sheet for sheet in sheets}
        self.assertEqual(by_employee[self.staff].evaluator_id, self.sheet_manager)
        self.assertEqual(by_employee[self.sheet_manager].evaluator_id, self.sheet_superior)
        # The evaluator's to-do is waiting, by the deadline.
        todo = by_employee[self.staff].activity_ids
        self.assertEqual((todo.user_id, todo.date_deadline), (self.sheet_user_manager, D(2026, 7, 20)))
        with freeze_time("2026-07-15 06:00:00"):
            sheet = by_employee[self.staff].with_user(self.sheet_user_manager)
            sheet.action_score(dict.fromkeys(PARAMETERS, (4, "Reason")))
            sheet.action_done()
        self.assertEqual(sheet.state, "done")
        self.assertAlmostEqual(sheet.result_id.q2_score, 4.0)

    def test_a_deadline_on_a_day_off_moves_to_the_working_day_before(self):
        # The second quarter of 2024: 20 July 2024 is a Saturday.
        with freeze_time("2024-07-01 06:00:00"):
            campaign = self._bagalau_sheet_campaign(self.preset_2025, 2024, "2")
        self.assertEqual(set(campaign.differentiation_sheet_ids.mapped("due_date")), {D(2024, 7, 19)})

    def test_the_year_is_the_average_formed_by_30_january(self):
        self._quarter("1", 5, "2026-04-06 06:00:00")
        self._quarter("2", 4, "2026-07-06 06:00:00")
        self._quarter("3", 4, "2026-10-05 06:00:00")
        self._quarter("4", 3, "2027-01-11 06:00:00")
        result = self.env["hr.bagalau.result"].search([("employee_id", "=", self.staff.id), ("year", "=", 2026)])
        self.assertEqual(result.quarter_count, 4)
        self.assertAlmostEqual(result.year_score, 4.0)
        # Saturday 30 January 2027: the Friday before.
        self.assertEqual(result.year_due_date, D(2027, 1, 29))
