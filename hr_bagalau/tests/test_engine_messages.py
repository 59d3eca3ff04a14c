import datetime
import re

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..engine.errors import MESSAGES, EngineError
from ..engine.presets import PRESETS
from ..engine.survey_360 import ROLES
from ..engine.workdays import SHIFTS
from ..models.hr_bagalau_engine_messages import ENGINE_WORDS, engine_error_message
from .common import BagalauCase
from .test_commission import CommissionCase

D = datetime.date
LANGS = ("kk_KZ", "ru_RU")
CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")

#: Parameters the engine fills with codes; every other one gets a number of its own.
CODE_PARAMS = {
    "field": "percent_from", "field_from": "absence_from", "field_to": "absence_to",
    "role": "'auditor'", "roles": ", ".join(ROLES), "shift": "'later'", "missing": "quality, initiative",
    "unexpected": "-", "key": "'typical_2030'",
}
PROBLEMS = {
    "table_invalid": "percents must decrease",
    "thresholds_invalid": "'excellent' needs 5 achieved KPIs of 4",
    "bands_invalid": "each band needs low <= high",
    "calendar_invalid": "every weekday is a weekend day",
}


def _sample_error(code):
    """``EngineError(code)`` with every parameter of its template, each number different."""
    params = {}
    for number, name in enumerate(sorted(set(re.findall(r"%\((\w+)\)s", MESSAGES[code]))), start=1):
        if name in CODE_PARAMS:
            params[name] = CODE_PARAMS[name]
        elif name == "choices":
            params[name] = ", ".join(sorted(PRESETS) if code == "preset_unknown" else SHIFTS)
        elif name == "problem":
            params[name] = PROBLEMS[code]
        else:
            params[name] = str(700 + number)
    return EngineError(code, **params)


@tagged("post_install", "-at_install")
class TestEngineMessages(BagalauCase):
    """Every refusal of the engine reads in Kazakh and Russian, with its
    numbers, and with field names, roles and problems in words."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in LANGS:
            cls.env["res.lang"]._activate_lang(lang)

    def _say(self, error, lang):
        return engine_error_message(self.env(context=dict(self.env.context, lang=lang)), error)

    def test_every_code_reads_in_kazakh_and_russian_with_its_parameters(self):
        for code in MESSAGES:
            error = _sample_error(code)
            english = self._say(error, "en_US")
            for lang in LANGS:
                with self.subTest(code=code, lang=lang):
                    text = self._say(error, lang)
                    self.assertNotEqual(text, english)
                    self.assertNotEqual(text, error.message)
                    self.assertRegex(text, CYRILLIC)
                    self.assertNotIn("%(", text)
                    for name, value in error.params.items():
                        if name not in CODE_PARAMS and name not in ("choices", "problem"):
                            self.assertIn(value, text, f"the {name} of the refusal")

    def test_field_names_roles_and_problems_read_as_words(self):
        kazakh = self._say(_sample_error("dates_inverted"), "kk_KZ")
        self.assertEqual(kazakh, "«Жұмыста болмаудың бірінші күні» (701) «Жұмыста болмаудың соңғы күні» (702) "
                                 "күнінен кейін тұр.")
        russian = self._say(_sample_error("role_unknown"), "ru_RU")
        self.assertEqual(russian, "Неизвестная роль респондента «auditor»; роли: самооценка, руководитель, "
                                  "подчинённый, коллега.")
        self.assertEqual(self._say(_sample_error("thresholds_invalid"), "kk_KZ"),
                         "Әдістеменің ҚТКК бойынша бағалар шектері дұрыс емес: «өте жақсы» бағасы үшін 5 ҚТКК-ге "
                         "қол жеткізу қажет, ал парақта 4 ҚТКК бар.")
        self.assertEqual(self._say(_sample_error("parameters_mismatch"), "ru_RU"),
                         "В листе дифференциации должны быть оценены ровно его параметры; не хватает: Качество "
                         "выполнения функциональных обязанностей, Самостоятельность и инициативность; лишние: —.")
        self.assertIn("2018 жылғы үлгілік әдістеме", self._say(_sample_error("preset_unknown"), "kk_KZ"))
        for lang in LANGS:
            with self.subTest(lang=lang):
                words = self._say(_sample_error("shift_invalid"), lang)
                for shift in SHIFTS:
                    self.assertIn(self.env(context={"lang": lang})._(ENGINE_WORDS[shift]), words)
                self.assertNotIn("previous", words)

    def test_an_unknown_field_name_or_problem_is_shown_as_it_is(self):
        error = EngineError("not_a_number", field="weight", value="'x'")
        self.assertEqual(self._say(error, "ru_RU"), "«weight» должно быть числом, а не 'x'.")


@tagged("post_install", "-at_install")
class TestEngineErrorsInTheUi(CommissionCase):
    """The engine's refusals reach the user through the buttons in his language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in LANGS:
            cls.env["res.lang"]._activate_lang(lang)

    def test_counting_a_vote_nobody_cast_is_refused_in_kazakh(self):
        session, _sheet = self._session()
        decision = session.decision_ids.with_user(self.user_hr).with_context(lang="kk_KZ")
        with self.assertRaises(UserError) as caught:
            decision.action_decide()
        self.assertEqual(caught.exception.args[0], f"{decision.employee_id.name} бойынша дауыс беру шешімге "
                                                   "әкелмеді: Бірде-бір дауыс берілмеді.")

    def test_a_tie_without_the_chairs_vote_is_refused_in_kazakh_and_russian(self):
        session, _sheet = self._session()
        decision = session.decision_ids
        self._vote(decision, {self.emp_member: "for", self.emp_others[0]: "against"})
        expected = {
            "kk_KZ": "Дауыстар тең бөлінді: 1 — «жақтап», 1 — «қарсы»; шешуші дауыс төрағаға тиесілі, бірақ ол "
                     "әлі берілмеген.",
            "ru_RU": "Голоса разделились поровну: 1 «за» и 1 «против»; решающий голос председателя не подан.",
        }
        for lang, problem in expected.items():
            with self.subTest(lang=lang), self.assertRaises(UserError) as caught:
                decision.with_user(self.user_hr).with_context(lang=lang).action_decide()
            self.assertTrue(caught.exception.args[0].endswith(problem), caught.exception.args[0])
        self.assertEqual(decision.state, "pending", "nothing decided")

    def test_inverted_absence_dates_exclude_the_employee_with_a_kazakh_note(self):
        self.sheet_evaluated.write({"bagalau_absence_kind": "sick", "bagalau_absence_from": D(2025, 12, 20),
                                    "bagalau_absence_to": D(2025, 12, 10)})
        campaign = self.env["hr.bagalau.campaign"].with_user(self.user_hr).with_context(lang="kk_KZ").create({
            "methodology_id": self.preset_2018.id, "year": 2025, "company_id": self.company.id,
        })
        campaign.action_launch()
        exclusion = campaign.exclusion_ids.filtered(lambda line: line.employee_id == self.sheet_evaluated)
        self.assertEqual((exclusion.status, exclusion.reason), ("excluded", "invalid_data"))
        self.assertEqual(exclusion.note, "«Жұмыста болмаудың бірінші күні» (2025-12-20) «Жұмыста болмаудың соңғы "
                                         "күні» (2025-12-10) күнінен кейін тұр.")
        self.assertNotIn(self.sheet_evaluated, campaign.kpi_sheet_ids.employee_id)
