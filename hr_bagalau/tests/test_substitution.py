"""An acting evaluator while the evaluator is away (hr_bagalau_substitution.py)."""

import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import BagalauCase

D = datetime.date
ABSENCE = (D(2026, 7, 13), D(2026, 7, 24))  # the quarter's deadline, 20 July, falls in it
PARAMETERS = ("quality", "deadlines", "initiative", "discipline")


@tagged("post_install", "-at_install")
class TestSubstitution(BagalauCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._bagalau_sheet_agency()
        cls.staff_user = cls._bagalau_user("t_sub_staff", "hr_bagalau.group_bagalau_employee")
        cls.staff = cls._bagalau_employee("Staff Member", cls.sheet_manager, cls.staff_user, "e_4")
        cls.deputy_user = cls._bagalau_user("t_sub_deputy", "hr_bagalau.group_bagalau_evaluator")
        cls.deputy = cls._bagalau_employee("Deputy Head", cls.sheet_manager, cls.deputy_user, "e_3")
        with freeze_time("2026-07-01 06:00:00"):
            cls.campaign = cls.env["hr.bagalau.campaign"].with_user(cls.user_hr).create({
                "methodology_id": cls.preset_2025.id, "year": 2026, "quarter": "2", "company_id": cls.company.id,
            })
            cls.campaign.action_launch()
        cls.sheet = cls.campaign.differentiation_sheet_ids.filtered(lambda sheet: sheet.employee_id == cls.staff)

    def _substitution(self, period=ABSENCE, acting=None):
        date_from, date_to = period
        return self.env["hr.bagalau.substitution"].with_user(self.user_hr).create({
            "company_id": self.company.id, "absent_id": self.sheet_manager.id,
            "acting_id": (acting or self.deputy).id, "date_from": date_from, "date_to": date_to,
            "reason": "Annual leave, order 45-ж",
        })

    def test_the_sheets_due_in_the_absence_go_to_the_acting_evaluator(self):
        self.assertEqual(self.sheet.activity_ids.user_id, self.sheet_user_manager)
        substitution = self._substitution()
        with freeze_time("2026-07-13 06:00:00"):
            substitution.action_confirm()
        self.assertEqual(substitution.state, "active")
        self.assertEqual(self.sheet.evaluator_id, self.deputy)
        self.assertEqual(self.sheet.activity_ids.user_id, self.deputy_user, "the to-do moves with the sheet")
        self.assertIn("Deputy Head evaluates in place of Мұхамедияров Ерлан", self.sheet.message_ids[0].body)
        self.assertEqual(substitution.document_count,
                         len(self.campaign.differentiation_sheet_ids.filtered(
                             lambda sheet: sheet.evaluator_id == self.deputy)))
        # The absent evaluator reads, and no longer acts.
        manager_view = self.sheet.with_user(self.sheet_user_manager)
        self.assertEqual(manager_view.read(["score"])[0]["id"], self.sheet.id)
        self.assertFalse(manager_view.can_score)
        with self.assertRaises(AccessError):
            manager_view.action_score({"quality": (5, "Reason")})
        # The acting one evaluates.
        with freeze_time("2026-07-15 06:00:00"):
            acting_view = self.sheet.with_user(self.deputy_user)
            acting_view.action_score(dict.fromkeys(PARAMETERS, (4, "Reason")))
            acting_view.action_done()
        self.assertEqual(self.sheet.done_by_id, self.deputy_user)

    def test_the_acting_evaluator_never_evaluates_himself(self):
        # The deputy's own sheet is the absent head's to fill in: it stays.
        own = self.campaign.differentiation_sheet_ids.filtered(lambda sheet: sheet.employee_id == self.deputy)
        self.assertEqual(own.evaluator_id, self.sheet_manager)
        with freeze_time("2026-07-13 06:00:00"):
            self._substitution().action_confirm()
        self.assertEqual(own.evaluator_id, self.sheet_manager)
        self.assertEqual(self.sheet.evaluator_id, self.deputy)

    def test_give_back_returns_what_is_still_open(self):
        substitution = self._substitution()
        with freeze_time("2026-07-13 06:00:00"):
            substitution.action_confirm()
            substitution.action_give_back()
        self.assertEqual(substitution.state, "returned")
        self.assertEqual(self.sheet.evaluator_id, self.sheet_manager)
        self.assertEqual(self.sheet.activity_ids.user_id, self.sheet_user_manager)

    def test_nothing_due_outside_the_absence_moves(self):
        substitution = self._substitution((D(2026, 8, 3), D(2026, 8, 14)))
        substitution.action_confirm()
        self.assertEqual(substitution.document_count, 0)
        self.assertEqual(self.sheet.evaluator_id, self.sheet_manager)

    def test_only_hr_names_an_acting_evaluator(self):
        with self.assertRaises(AccessError):
            self.env["hr.bagalau.substitution"].with_user(self.sheet_user_manager).create({
                "company_id": self.company.id, "absent_id": self.sheet_manager.id, "acting_id": self.deputy.id,
                "date_from": D(2026, 7, 13), "date_to": D(2026, 7, 24), "reason": "Leave",
            })
        substitution = self._substitution()
        with self.assertRaises(AccessError):
            substitution.with_user(self.sheet_user_manager).action_confirm()
        self.assertEqual(self.sheet.evaluator_id, self.sheet_manager)

    def test_bad_input_is_refused_clearly(self):
        with self.assertRaisesRegex(ValidationError, "himself"):
            self._substitution(acting=self.sheet_manager)
        with self.assertRaisesRegex(ValidationError, "before it starts"):
            self._substitution((D(2026, 7, 24), D(2026, 7, 13)))
        stranger = self.env["hr.employee"].create({"name": "Stranger", "company_id": self.other_company.id})
        with self.assertRaisesRegex(ValidationError, "another body"):
            self._substitution(acting=stranger)
