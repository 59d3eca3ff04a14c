import datetime

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import BagalauCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestWorkingDays(BagalauCase):
    """Deadlines count Kazakhstan's working days: weekends, public holidays,
    their carry-overs and the government's decreed transfers (DESIGN.md)."""

    def setUp(self):
        super().setUp()
        self.calendar = self.company.resource_calendar_id

    def test_holidays_load_into_the_calendar_with_kazakh_names(self):
        loaded = self.calendar._bagalau_load_public_holidays(2026)
        self.assertGreaterEqual(loaded, 12)
        tz = self.calendar.tz or "Asia/Almaty"
        names = {
            self.calendar._bagalau_local_date(leave.date_from, tz): leave.name
            for leave in self.calendar._bagalau_public_holidays(2026)
        }
        self.assertEqual(names[D(2026, 3, 22)], "Наурыз мейрамы")
        self.assertEqual(names[D(2026, 1, 1)], "Жаңа жыл")
        self.assertEqual(names[D(2026, 12, 16)], "Тәуелсіздік күні")
        self.assertEqual(self.calendar._bagalau_load_public_holidays(2026), 0, "loading twice adds nothing")

    def test_loading_a_year_loads_only_that_year(self):
        # The holidays package lists Saturday 2013-12-28 (worked for 3 January
        # 2014) among the weekend working days of any year asked.
        company = self.env["res.company"].create({"name": "Calendar agency"})
        calendar = company.resource_calendar_id
        Workday = self.env["hr.bagalau.workday"]
        for year, decreed in ((2026, set()), (2024, {D(2024, 5, 4)})):
            with self.subTest(year=year):
                calendar._bagalau_load_public_holidays(year)
                tz = calendar.tz or "Asia/Almaty"
                leaves = self.env["resource.calendar.leaves"].search([
                    ("calendar_id", "=", calendar.id), ("resource_id", "=", False)])
                self.assertTrue(leaves)
                self.assertLessEqual({calendar._bagalau_local_date(leave.date_from, tz).year for leave in leaves},
                                     {2024, 2026})
                days = set(Workday.search([("company_id", "=", company.id), ("date", ">=", f"{year}-01-01"),
                                           ("date", "<=", f"{year}-12-31")]).mapped("date"))
                self.assertEqual(days, decreed)
        self.assertEqual(set(Workday.search([("company_id", "=", company.id)]).mapped("date")), {D(2024, 5, 4)})

    def test_deadlines_cross_nauryz_and_new_year(self):
        # Friday 20 March 2026: 21-25 March are days off (Nauryz, carried over).
        self.assertEqual(self.company._bagalau_add_working_days(D(2026, 3, 20), 1), D(2026, 3, 26))
        self.assertEqual(self.company._bagalau_add_working_days(D(2026, 3, 20), 5), D(2026, 4, 1))
        # 1-2 January are New Year, 3-4 a weekend.
        self.assertEqual(self.company._bagalau_add_working_days(D(2025, 12, 31), 2), D(2026, 1, 6))
        # The calendar loaded the years it needed by itself.
        self.assertTrue(self.calendar._bagalau_public_holidays(2026))

    def test_a_day_off_added_by_hand_is_not_a_working_day(self):
        self.env["resource.calendar.leaves"].create({
            "name": "Day off by decree",
            "calendar_id": self.calendar.id,
            "company_id": self.company.id,
            "date_from": datetime.datetime(2026, 4, 5, 20, 0),  # 6 April 2026 in Almaty (UTC+5)
            "date_to": datetime.datetime(2026, 4, 6, 18, 59),
        })
        self.assertEqual(self.company._bagalau_add_working_days(D(2026, 4, 3), 1), D(2026, 4, 7))

    def test_a_decreed_working_saturday_counts(self):
        self.env["hr.bagalau.workday"].create({"date": D(2026, 3, 28), "name": "Decree", "company_id": self.company.id})
        self.assertEqual(self.company._bagalau_add_working_days(D(2026, 3, 27), 1), D(2026, 3, 28))

    def test_only_hr_loads_holidays(self):
        self.calendar.with_user(self.user_hr).action_bagalau_load_holidays()
        for user in (self.user_employee, self.user_evaluator):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.calendar.with_user(user).action_bagalau_load_holidays()
