from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..engine import presets
from .common import BagalauCase


@tagged("post_install", "-at_install")
class TestMethodologyPresets(BagalauCase):
    def test_presets_carry_the_engine_parameters(self):
        for record, key in ((self.preset_2018, "typical_2018"), (self.preset_2023, "typical_2023")):
            expected = self.env["hr.bagalau.methodology"]._preset_values(key)
            with self.subTest(preset=key):
                self.assertEqual({field: record[field] for field in expected}, expected)
                self.assertTrue(record.is_preset)
                self.assertFalse(record.company_id)

    def test_presets_follow_the_law(self):
        # Seed 003 §9-10: exactly five KPIs a year; §4: three months in position.
        self.assertEqual((self.preset_2018.kpi_count_min, self.preset_2018.kpi_count_max), (5, 5))
        self.assertEqual(self.preset_2018.min_tenure_months, 3)
        self.assertEqual(self.preset_2018.period, "year")
        self.assertTrue(self.preset_2018.use_commission and self.preset_2018.use_competency)
        self.assertFalse(self.preset_2018.use_calibration)
        # Seed 004 §22-24: three to five KPIs for heads, quarterly; §6: one month.
        self.assertEqual((self.preset_2023.kpi_count_min, self.preset_2023.kpi_count_max), (3, 5))
        self.assertEqual(self.preset_2023.min_tenure_months, 1)
        self.assertEqual(self.preset_2023.period, "quarter")
        self.assertEqual(self.preset_2023.kpi_applies_to, "heads")
        self.assertTrue(self.preset_2023.use_differentiation and self.preset_2023.use_calibration)
        self.assertFalse(self.preset_2023.use_commission)
        self.assertEqual(self.preset_2023.quarter_deadline_day, 10)

    def test_a_changed_engine_preset_reaches_the_record(self):
        original = presets.PRESETS["typical_2023"]["min_tenure_months"]
        presets.PRESETS["typical_2023"]["min_tenure_months"] = original + 1
        try:
            self.env["hr.bagalau.methodology"]._apply_presets()
            self.assertEqual(self.preset_2023.min_tenure_months, original + 1)
        finally:
            presets.PRESETS["typical_2023"]["min_tenure_months"] = original

    def test_a_preset_stays_as_the_law_wrote_it(self):
        preset = self.preset_2018.with_user(self.user_admin)
        with self.assertRaises(UserError):
            preset.write({"min_tenure_months": 1})
        self.assertEqual(self.preset_2018.min_tenure_months, 3)

    def test_copy_makes_an_editable_methodology_of_the_company(self):
        action = self.preset_2018.with_user(self.user_admin).with_company(self.company).action_copy_to_company()
        copy = self.env["hr.bagalau.methodology"].browse(action["res_id"])
        self.assertEqual(copy.company_id, self.company)
        self.assertFalse(copy.is_preset)
        self.assertEqual(copy.kpi_count_max, 5)
        copy.with_user(self.user_admin).write({"min_tenure_months": 2})
        self.assertEqual(copy.min_tenure_months, 2)
        self.assertEqual(self.preset_2018.min_tenure_months, 3)

    def test_wrong_users_cannot_change_methodologies(self):
        for user in (self.user_employee, self.user_evaluator, self.user_hr, self.user_hr_head,
                     self.user_commission, self.user_authorised):
            with self.subTest(user=user.login):
                self.assertEqual(self.preset_2023.with_user(user).name, "Typical 2023")
                with self.assertRaises(AccessError):
                    self.preset_2023.with_user(user).copy()
                with self.assertRaises(AccessError):
                    self.env["hr.bagalau.methodology"].with_user(user).create(
                        {"name": "Mine", "generation": "2023", "period": "quarter"})
        with self.assertRaises(AccessError):
            self.preset_2023.with_user(self.user_plain).read(["name"])

    def test_an_agency_sees_the_presets_and_its_own_methodologies_only(self):
        ours = self.preset_2023.with_user(self.user_admin).with_company(self.company).copy()
        theirs = self.preset_2023.with_user(self.user_other_admin).with_company(self.other_company).copy()
        visible = self.env["hr.bagalau.methodology"].with_user(self.user_admin).search([])
        self.assertIn(ours, visible)
        self.assertIn(self.preset_2018, visible)
        self.assertNotIn(theirs, visible)
        with self.assertRaises(AccessError):
            theirs.with_user(self.user_admin).read(["name"])

    def test_impossible_parameters_are_refused(self):
        methodology = self.preset_2023.with_user(self.user_admin).with_company(self.company).copy()
        for values in ({"kpi_count_min": 6}, {"differentiation_min_score": 5}, {"quarter_deadline_day": 31}):
            with self.subTest(values=values), mute_logger("odoo.sql_db"), \
                    self.assertRaises(IntegrityError), self.env.cr.savepoint():
                methodology.write(values)
                methodology.flush_recordset()
