import re

import polib

from odoo.modules.module import get_module_path
from odoo.tests import tagged
from odoo.tools.translate import TranslationModuleReader

from .common import BagalauCase

ADDONS = ("hr_bagalau", "hr_bagalau_360", "hr_bagalau_reports")
# "seed 003 §29", "Seed 004 Appendix 3": the project's own names of the legal texts.
SEED_CITATION = re.compile(r"(?i)\bseed \d{3}\b")
# hr_bagalau_commission_session.py is being reworked in another branch: its
# terms still cite seeds until that work lands. Empty this set then.
PENDING_COMMISSION_SESSION = {
    "A revision states the corrected result (seed 003 §38).",
    "Agreed with the chair (seed 003 §29, §35).",
    "Later than 2 working days after the signature (seed 003 §24, §28).",
    "No quorum: %(present)s of %(total)s voting members are present; the commission decides only when at "
    "least two thirds attend (seed 003 §30).",
    "Only HR, the commission's working body, runs its sessions (seed 003 §5).",
    "Only the authorised person approves the protocol of “%(session)s” (seed 003 §39).",
    "Revised by the commission (seed 003 §38).",
    "Seed 003 §37: approve the results, or revise them.",
    "Seed 003 §38: the corrected result, in its column of the protocol.",
    "Seven working days before the session (seed 003 §29).",
    "The evaluators must be told %(days)s working days before the session (seed 003 §29): the earliest "
    "session date is %(earliest)s.",
    "The secretary of the commission does not vote (seed 003 §34).",
}


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
                if SEED_CITATION.search(source) and source not in PENDING_COMMISSION_SESSION:
                    cited.add((name, res_id, source))
        self.assertFalse(sorted(cited), "user-visible terms citing a seed")
