import re

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import Forms360Case, PrintedFormsMixin

SERIES = re.compile(r'<polygon class="o_bagalau_radar_series" points="([^"]+)"')


@tagged("post_install", "-at_install")
class TestPrintedForms360(Forms360Case):
    """The 360 forms of seed 004: the questionnaire (Appendices 5-6), blank
    or with HR's averages, and the person's result with its radar chart
    (Appendices 7-8), in Kazakh or Russian; never a respondent's answer."""

    def _html(self, report, records, lang, user=None):
        Report = self.env["ir.actions.report"]
        if user:
            Report = Report.with_user(user)
        html, _kind = Report._render_qweb_html(f"hr_bagalau_reports.{report}", records.ids,
                                               data={"bagalau_lang": lang})
        return html.decode()

    def test_result_with_averages_respondents_in_words_and_the_radar(self):
        evaluation = self._published_servant_360()
        kk = self._form_text("report_survey360_result", evaluation, "kk_KZ")
        ru = self._form_text("report_survey360_result", evaluation, "ru_RU")
        self.assertIn("8-қосымша", kk)
        self.assertIn("Приложение 8", ru)
        self.assertIn("Қызметшіні 360 градус әдісімен бағалау нәтижелері", kk)
        self.assertIn("Результаты оценки служащего методом 360 градусов", ru)
        self.assertIn("Servant 0", kk)
        self.assertIn("Әдеп нормалары мен қағидаларын ұстану", kk)
        self.assertIn("Соблюдение этических норм и принципов", ru)
        # Ethics (3.67) is the weakest; the others 4.00; the self-assessment 1.00 beside them.
        self.assertIn("3,67", kk)
        self.assertIn("4,00", kk)
        self.assertIn("1,00", kk)
        # Three of the five respondents answered, in words.
        self.assertIn("5 (бес) ішінен 3 (үш)", kk)
        self.assertIn("3 (три) из 5 (пять)", ru)
        # Nobody's answer, nor who answered: the peers are not named.
        self.assertNotIn("Servant 1", kk)
        self.assertNotIn("Servant 2", ru)
        self.assertFalse(self._watermarked("report_survey360_result", evaluation, "kk_KZ"), "published: final")

        html = self._html("report_survey360_result", evaluation, "ru_RU")
        self.assertIn("<svg", html)
        series = SERIES.findall(html)
        self.assertEqual(len(series), 2, "the respondents' average and the self-assessment")
        self.assertEqual([len(points.split()) for points in series], [8, 8], "one vertex per competency")
        # The self-assessment (1 of 5 everywhere) is a small regular octagon
        # inside the average's (3.67 to 4.00 of 5): radius (130 - 22) × 1 / 5 about the centre.
        centre = 130
        for pair in series[1].split():
            x, y = map(float, pair.split(","))
            self.assertAlmostEqual(((x - centre) ** 2 + (y - centre) ** 2) ** 0.5, 21.6, delta=0.02)

    def test_result_exists_once_published_above_the_threshold(self):
        evaluation = self.eval_servant
        evaluation.with_user(self.user_hr).action_invite()
        with self.assertRaisesRegex(UserError, "not published yet"):
            self._form_text("report_survey360_result", evaluation, "kk_KZ")
        self.answer(self.line_of(evaluation, self.emp_head), 5)
        self.answer(self.line_of(evaluation, self.servants[1]), 4)
        evaluation.with_user(self.user_hr).action_publish()
        self.assertTrue(evaluation.below_threshold)
        for report in ("report_survey360_result", "report_survey360_answers"):
            with self.assertRaisesRegex(UserError, "Too few respondents"):
                self._form_text(report, evaluation, "ru_RU")

    def test_result_prints_for_its_readers_only(self):
        evaluation = self._published_servant_360()
        # The person and his direct manager read it (seed 004 §37), and print it.
        for user in (self.user_employee, self.user_evaluator, self.user_hr):
            self.assertIn("3,67", self._form_text("report_survey360_result", evaluation, "kk_KZ", user=user))
        # Another servant of the unit does not, not even through the wizard.
        stranger = self.servant_users[1]
        with self.assertRaises(AccessError):
            self._form_text("report_survey360_result", evaluation, "kk_KZ", user=stranger)
        wizard = self.env["hr.bagalau.print.form"].with_user(stranger).with_context(
            active_model=evaluation._name, active_ids=evaluation.ids).create({"lang": "ru_RU"})
        with self.assertRaises(AccessError):
            wizard.action_print()

    def test_blank_questionnaires_of_heads_and_staff(self):
        head = self.env.ref("hr_bagalau_360.survey_360_head")
        staff = self.env.ref("hr_bagalau_360.survey_360_staff")
        kk = self._form_text("report_survey360_questionnaire", head, "kk_KZ")
        ru = self._form_text("report_survey360_questionnaire", staff, "ru_RU")
        self.assertIn("5-қосымша", kk)
        self.assertIn("Құрылымдық бөлімшелер басшыларының 360 әдісімен бағалау парағы", kk)
        self.assertIn("Құрылымдық бөлімше басшысының Т.А.Ә.", kk)
        self.assertIn("Жасырындылыққа кепілдік беріледі", kk)
        self.assertIn("Құзырет әрқашан көрінеді", kk)
        self.assertIn("«Қызметті басқару» бойынша орташа баға", kk)
        self.assertIn("Приложение 6", ru)
        self.assertIn("Анонимность гарантируется", ru)
        self.assertIn("Компетенция проявляется редко", ru)
        self.assertIn("Средняя оценка по компетенции «Соблюдение этических норм и принципов»", ru)
        # Appendix 5 has 12 competencies, Appendix 6 has 8: the rows' numbers.
        self.assertEqual(kk.count("бойынша орташа баға"), 12)
        self.assertEqual(ru.count("Средняя оценка по компетенции"), 8)
        self.assertFalse(self._watermarked("report_survey360_questionnaire", head, "kk_KZ"), "a blank form")

    def test_blank_questionnaire_is_hr_s_and_of_the_360_only(self):
        head = self.env.ref("hr_bagalau_360.survey_360_head")
        self.assertIn("5-қосымша", self._form_text("report_survey360_questionnaire", head, "kk_KZ",
                                                    user=self.user_hr))
        with self.assertRaises(AccessError):
            self._form_text("report_survey360_questionnaire", head, "kk_KZ", user=self.user_employee)
        other = self.env["survey.survey"].create({"title": "Canteen survey"})
        with self.assertRaisesRegex(UserError, "not a 360 questionnaire"):
            self._form_text("report_survey360_questionnaire", other, "ru_RU")

    def test_hr_prints_the_questionnaire_with_the_averages_per_question(self):
        evaluation = self._published_servant_360()
        kk = self._form_text("report_survey360_answers", evaluation, "kk_KZ", user=self.user_hr)
        ru = self._form_text("report_survey360_answers", evaluation, "ru_RU", user=self.user_hr)
        self.assertIn("6-қосымша", kk)
        self.assertIn("Servant 0", kk)
        # Ethics, row by row: (5 + 4 + 1) / 3, (5 + 4 + 2) / 3, (5 + 4 + 3) / 3; the
        # self-assessment's 1 is not counted (it would make 2,75).
        self.assertIn("3,33", kk)
        self.assertIn("3,67", kk)
        self.assertNotIn("2,75", kk)
        self.assertIn("3 (три)", ru)
        self.assertIn("Средняя оценка по компетенции «Соблюдение этических норм и принципов»", ru)
        for name in ("Servant 1", "Servant 2", "Мұхамедияров"):
            self.assertNotIn(name, kk, "no respondent is named")
        # The person and his manager read the results, never the questionnaire's answers.
        for user in (self.user_employee, self.user_evaluator):
            with self.assertRaises(AccessError):
                self._form_text("report_survey360_answers", evaluation, "kk_KZ", user=user)

    def test_while_answering_the_person_s_questionnaire_is_blank(self):
        evaluation = self.eval_servant
        evaluation.with_user(self.user_hr).action_invite()
        self.answer(self.line_of(evaluation, self.emp_head), 5)
        ru = self._form_text("report_survey360_answers", evaluation, "ru_RU", user=self.user_hr)
        self.assertIn("Servant 0", ru)
        self.assertIn("Компетенция проявляется всегда", ru, "the answers to tick")
        self.assertNotIn("5,00", ru, "no answer shows while the questionnaires are out")

    def test_the_print_menu_offers_both_forms_of_a_360(self):
        evaluation = self._published_servant_360()
        answers = self.env.ref("hr_bagalau_reports.action_report_survey360_answers")
        Wizard = self.env["hr.bagalau.print.form"].with_user(self.user_hr).with_context(
            active_model=evaluation._name, active_ids=evaluation.ids)
        default = Wizard.create({"lang": "kk_KZ"})
        self.assertEqual(default.report_id, self.env.ref("hr_bagalau_reports.action_report_survey360_result"))
        action = Wizard.with_context(default_report_id=answers.id).create({"lang": "kk_KZ"}).action_print()
        self.assertEqual(action["report_name"], "hr_bagalau_reports.report_survey360_answers")
        # A form of another document is never printed for a 360.
        kpi_sheet = self.env.ref("hr_bagalau_reports.action_report_kpi_sheet")
        wrong = Wizard.create({"lang": "kk_KZ", "report_id": kpi_sheet.id})
        self.assertEqual(wrong.report_id, default.report_id)
        wrong.report_id = kpi_sheet
        with self.assertRaises(UserError):
            wrong.action_print()


@tagged("post_install", "-at_install")
class TestPrintedForms360Demo(PrintedFormsMixin, TransactionCase):
    """The demo agency prints its 360 forms: the published result of the
    head of the control department and his questionnaire with HR's averages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head = cls.env.ref("hr_bagalau.employee_mukhamediyarov_yerlan", raise_if_not_found=False)
        if cls.head:
            cls._bagalau_activate_languages()

    def setUp(self):
        super().setUp()
        if not self.head:
            self.skipTest("installed without demo data")

    def test_the_demo_head_s_360_prints(self):
        evaluation = self.env["hr.bagalau.survey360"].search([("employee_id", "=", self.head.id),
                                                              ("state", "=", "done")])
        self.assertEqual(len(evaluation), 1)
        hr_user = self.env.ref("hr_bagalau.user_bagalau_hr")
        kk = self._form_text("report_survey360_result", evaluation, "kk_KZ", user=hr_user)
        ru = self._form_text("report_survey360_result", evaluation, "ru_RU", user=hr_user)
        self.assertIn("7-қосымша", kk)
        self.assertIn("Приложение 7", ru)
        self.assertIn(self.head.name, ru)
        self.assertIn("Управление деятельностью", ru)
        self.assertIn("o_bagalau_radar_series", self._form_html(evaluation, hr_user))
        answers = self._form_text("report_survey360_answers", evaluation, "ru_RU", user=hr_user)
        self.assertIn("Средняя оценка по компетенции", answers)
        self.assertRegex(answers, r"\d,\d\d")

    def _form_html(self, evaluation, user):
        html, _kind = self.env["ir.actions.report"].with_user(user)._render_qweb_html(
            "hr_bagalau_reports.report_survey360_result", evaluation.ids, data={"bagalau_lang": "kk_KZ"})
        return html.decode()


@tagged("post_install", "-at_install")
class TestArchive360(Forms360Case):
    def test_the_campaign_archive_binds_the_published_360_result(self):
        evaluation = self._published_servant_360()
        archive = self.env["hr.bagalau.campaign.archive"].sudo().create({
            "campaign_id": evaluation.campaign_id.id, "lang": "kk_KZ", "user_id": self.user_hr.id})
        per_employee, _sessions = archive._bagalau_documents()
        bound = [(report, records) for report, records, _data in per_employee.get(evaluation.employee_id, [])]
        self.assertIn(("survey360_result", evaluation), bound, "his 360 result goes in his PDF")
        unpublished = self.eval_servant.search([("campaign_id", "=", evaluation.campaign_id.id),
                                                ("state", "!=", "done")])
        for other in unpublished:
            self.assertNotIn(("survey360_result", other),
                             [(report, records) for report, records, _data in per_employee.get(other.employee_id, [])])
