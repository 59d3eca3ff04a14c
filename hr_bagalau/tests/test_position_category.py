from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from ..engine.categories import SEED_CODES
from .common import BagalauCase


@tagged("post_install", "-at_install")
class TestPositionCategory(BagalauCase):
    def setUp(self):
        super().setUp()
        self.Category = self.env["hr.bagalau.position.category"].with_user(self.user_admin)

    def test_every_seed_code_ships_in_latin_letters(self):
        codes = set(self.env["hr.bagalau.position.category"].search([]).mapped("code"))
        self.assertLessEqual(set(SEED_CODES), codes)
        self.assertEqual(self.env.ref("hr_bagalau.position_category_e_r_2").group, "E-R")
        self.assertEqual(self.env.ref("hr_bagalau.position_category_d_o_1").group, "D-O")

    def test_cyrillic_code_is_stored_in_latin(self):
        # Seed 003 Appendix 4 writes «Е-Р-4» and «Е-Г-2» in Cyrillic letters.
        category = self.Category.create({"code": " с-о-3 "})
        self.assertEqual(category.code, "C-O-3")
        self.assertEqual(category.group, "C-O")
        category.write({"code": "С-Р-1"})
        self.assertEqual((category.code, category.group), ("C-R-1", "C-R"))

    def test_cyrillic_code_finds_the_latin_category(self):
        found = self.env["hr.bagalau.position.category"]._search_by_code("Е-Г-2")
        self.assertEqual(found, self.env.ref("hr_bagalau.position_category_e_g_2"))

    def test_unknown_code_is_refused_and_nothing_is_stored(self):
        before = self.Category.search_count([])
        for code in ("X-9", "E-Q-2", "E4", ""):
            with self.subTest(code=code), self.assertRaises(ValidationError):
                self.Category.create({"code": code})
        self.assertEqual(self.Category.search_count([]), before)

    def test_a_code_exists_once_however_it_is_typed(self):
        with self.assertRaisesRegex(ValidationError, "already exists"):
            self.Category.create({"code": "Е-4"})

    def test_only_the_methodology_administrator_edits_categories(self):
        category = self.env.ref("hr_bagalau.position_category_e_4")
        for user in (self.user_employee, self.user_evaluator, self.user_hr, self.user_hr_head):
            with self.subTest(user=user.login):
                self.assertEqual(category.with_user(user).code, "E-4")
                with self.assertRaises(AccessError):
                    category.with_user(user).write({"name": "changed"})
                with self.assertRaises(AccessError):
                    self.env["hr.bagalau.position.category"].with_user(user).create({"code": "E-G-9"})
        category.with_user(self.user_admin).write({"name": "Бас маман"})
        self.assertEqual(category.name, "Бас маман")
