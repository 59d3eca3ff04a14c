from odoo.tests import tagged
from odoo.tools.misc import format_date

from .common import BagalauCase


@tagged("post_install", "-at_install")
class TestKazakhLanguage(BagalauCase):
    """Odoo 18 has no Kazakh: the core addon adds kk_KZ, and the app speaks
    Kazakh and Russian once the languages are active."""

    def test_kazakh_is_available_with_kazakh_formats(self):
        kazakh = self.env.ref("hr_bagalau.lang_kk").with_context(active_test=False)
        self.assertEqual(kazakh.code, "kk_KZ")
        self.assertEqual(kazakh.iso_code, "kk")
        self.assertEqual(kazakh.date_format, "%d.%m.%Y")
        self.assertEqual(kazakh.week_start, "1")

    def test_admin_activates_kazakh_and_the_menu_speaks_it(self):
        wizard = self.env["base.language.install"].create(
            {"lang_ids": [(6, 0, (self.env.ref("hr_bagalau.lang_kk") | self.env.ref("base.lang_ru")).ids)]}
        )
        wizard.lang_install()
        self.assertTrue(self.env.ref("hr_bagalau.lang_kk").active)
        menu = self.env.ref("hr_bagalau.menu_bagalau_root")
        self.assertEqual(menu.with_context(lang="kk_KZ").name, "Бағалау")
        self.assertEqual(menu.with_context(lang="ru_RU").name, "Оценка")
        self.assertEqual(menu.with_context(lang="en_US").name, "Evaluation")
        preset = self.preset_2023.with_context(lang="kk_KZ")
        self.assertEqual(preset.name, "Үлгілік 2023")

    def test_typical_presets_name_their_approving_order(self):
        """The typical presets carry the order that approved the typical
        methodology, as seed 003 (ru) and seed 004 (kk) word it."""
        self.env["base.language.install"].create(
            {"lang_ids": [(6, 0, (self.env.ref("hr_bagalau.lang_kk") | self.env.ref("base.lang_ru")).ids)]}
        ).lang_install()
        for preset in (self.env.ref("hr_bagalau.methodology_typical_2018"), self.preset_2023):
            with self.subTest(preset=preset.preset_key):
                self.assertIn("16 January 2018 No. 13", preset.with_context(lang="en_US").legal_reference)
                self.assertIn("от 16 января 2018 года № 13", preset.with_context(lang="ru_RU").legal_reference)
                self.assertIn("2018 жылғы 16 қаңтардағы № 13", preset.with_context(lang="kk_KZ").legal_reference)
        own = self.preset_2023.copy()
        self.assertFalse(own.legal_reference, "an agency's copy is approved by its own act")

    def test_kazakh_date_is_written_day_first(self):
        kazakh = self.env.ref("hr_bagalau.lang_kk")
        kazakh.active = True
        self.assertEqual(format_date(self.env, "2026-03-21", lang_code="kk_KZ"), "21.03.2026")

    def test_a_campaign_reads_its_period_in_each_readers_language(self):
        self.env["res.lang"]._activate_lang("kk_KZ")
        self.env["res.lang"]._activate_lang("ru_RU")
        campaign = self.env["hr.bagalau.campaign"].with_user(self.user_hr).create({
            "methodology_id": self.preset_2023.id, "year": 2026, "quarter": "1", "company_id": self.company.id,
        })
        self.assertEqual(campaign.name, "Q1 2026")  # made by an English-speaking HR officer
        self.assertEqual(campaign.with_context(lang="kk_KZ").display_name, "2026 ж. 1-тоқсан")
        self.assertEqual(campaign.with_context(lang="ru_RU").display_name, "1 квартал 2026 г.")
        # A name HR chose stays as it was written.
        campaign.with_user(self.user_hr).name = "Q1 2026 (pilot)"
        self.assertEqual(campaign.with_context(lang="kk_KZ").display_name, "Q1 2026 (pilot)")
