import re

import polib

from odoo.modules.module import get_module_path
from odoo.tests import tagged
from odoo.tools.translate import TranslationModuleReader

from .common import BagalauCase

ADDONS = ("hr_bagalau", "hr_bagalau_360", "hr_bagalau_reports")
# "seed 003 §29", "Seed 004 Appendix 3": the project's own names of the legal texts.
SEED_CITATION = re.compile(r"(?i)\bseed \d{3}\b")


@tagged("post_install", "-at_install")
class TestTranslations(BagalauCase):
    """Every user-visible string of the addons, as Odoo itself exports it from
    the code, views and data, is translated into Kazakh and Russian."""

    def test_every_term_has_kazakh_and_russian(self):
        installed = self.env["ir.module.module"].search([("name", "in", ADDONS), ("state", "=", "installed")])
        self.assertTrue(installed)
        for addon in installed.mapped("name"):
            terms = {source for _module, _type, _name, _res_id, source, _value, _comments
                     in TranslationModuleReader(self.env.cr, modules=[addon])}
            self.assertTrue(terms, addon)
            for lang in ("kk", "ru"):
                po = polib.pofile(f"{get_module_path(addon)}/i18n/{lang}.po")
                translated = {entry.msgid for entry in po if entry.msgstr.strip()}
                with self.subTest(addon=addon, lang=lang):
                    self.assertFalse(sorted(terms - translated), f"untranslated in {addon}/i18n/{lang}.po")

    def test_no_term_cites_a_seed(self):
        """A user reads the methodology's own name and paragraph, never the
        project's names of the legal texts ("seed 004 §39"): those stay in the
        code comments."""
        cited = set()
        for addon in ADDONS:
            for _module, _type, name, res_id, source, _value, _comments in TranslationModuleReader(
                    self.env.cr, modules=[addon]):
                if SEED_CITATION.search(source):
                    cited.add((name, res_id, source))
        self.assertFalse(sorted(cited), "user-visible terms citing a seed")
