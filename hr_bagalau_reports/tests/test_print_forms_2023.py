from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import Forms2023Case


@tagged("post_install", "-at_install")
class TestPrintedForms2023(Forms2023Case):
    """The forms of the 2023 generation (seed 004 Appendices 1, 2, 4 and the
    calibration protocol of §41-43), in Kazakh or Russian."""

    def test_head_plan_by_quarter_and_kpi_sheet_with_percent_and_score(self):
        sheet = self._acknowledged_sheet()
        kk = self._form_text("report_kpi_plan", sheet.plan_id, "kk_KZ")
        ru = self._form_text("report_kpi_plan", sheet.plan_id, "ru_RU")
        self.assertIn("Құрылымдық бөлімше (мемлекеттік орган) басшысының жеке жұмыс жоспары", kk)
        self.assertIn("Индивидуальный план работы руководителя структурного подразделения (государственного органа)",
                      ru)
        self.assertIn("4-тоқсан", kk)
        self.assertIn("4 квартал", ru)
        self.assertIn("БЕКІТЕМІН", kk)

        kk = self._form_text("report_kpi_sheet", sheet, "kk_KZ")
        ru = self._form_text("report_kpi_sheet", sheet, "ru_RU")
        self.assertIn("НМИ бойынша бағалау парағы", kk)
        columns = ["Плановое значение", "Фактическое значение", "Процент реализации КЦИ", "Оценка"]
        positions = [ru.index(column) for column in columns]
        self.assertEqual(positions, sorted(positions))
        # 100 % achieved, 5 points each: the final score 5.00, the top band (seed 004 §8).
        self.assertIn("100,00 %", ru)
        self.assertIn("5,00", ru)
        self.assertIn("Функционалдық міндеттерін тиімді атқарады", kk)
        self.assertIn("Эффективно выполняет функциональные обязанности", ru)
        self.assertIn("2026 жылғы 1-тоқсан", kk)
        self.assertIn("1 квартал 2026 года", ru)
        self.assertNotIn("УТВЕРЖДАЮ", ru, "Appendix 2 of 2023 has no approval block")
        self.assertFalse(self._watermarked("report_kpi_sheet", sheet, "kk_KZ"), "agreed: final")

    def test_differentiation_sheet_average_and_band(self):
        sheet = self._acknowledged_sheet()
        staff_sheet = sheet.campaign_id.differentiation_sheet_ids.filtered(
            lambda row: row.employee_id == self.emp_staff)
        self.assertTrue(staff_sheet)
        evaluator = staff_sheet.evaluator_id.user_id
        staff_sheet.with_user(evaluator).action_score({
            "quality": (5, "Құжаттар ескертусіз"), "deadlines": (4, "Бір тапсырма кешіктірілді"),
            "initiative": (4, "Ұсыныстар енгізді"), "discipline": (4, "Бір рет кешікті"),
        })
        staff_sheet.with_user(evaluator).result_justification = "Тоқсан бойы тұрақты жұмыс."
        kk = self._form_text("report_differentiation_sheet", staff_sheet, "kk_KZ")
        ru = self._form_text("report_differentiation_sheet", staff_sheet, "ru_RU")
        self.assertIn("Саралау әдісі бойынша бағалау парағы", kk)
        self.assertIn("Лист оценки методом дифференциации", ru)
        self.assertIn("Жұмабаева Айгерім Маратқызы", kk)
        self.assertIn(staff_sheet.evaluator_id.name, kk)
        self.assertIn("Бір тапсырма кешіктірілді", kk)
        # (5 + 4 + 4 + 4) / 4 = 4.25: effective (seed 004 §8).
        self.assertIn("4,25", kk)
        self.assertIn("Функционалдық міндеттерін тиімді атқарады", kk)
        self.assertIn("Качество выполнения функциональных обязанностей", ru)
        self.assertTrue(self._watermarked("report_differentiation_sheet", staff_sheet, "kk_KZ"))
        staff_sheet.with_user(evaluator).action_done()
        self.assertFalse(self._watermarked("report_differentiation_sheet", staff_sheet, "kk_KZ"))

    def test_calibration_protocol_states_the_scores_in_words(self):
        _sheet, case = self._planned_case()
        ru = self._form_text("report_calibration_protocol", case, "ru_RU")
        self.assertIn("ПРОЕКТ", ru, "planned, not held: a draft")
        self._hold_session(case, [True, True, False])
        self.assertEqual(case.state, "held")
        kk = self._form_text("report_calibration_protocol", case, "kk_KZ")
        ru = self._form_text("report_calibration_protocol", case, "ru_RU")
        self.assertIn("Калибрлеу сессиясының хаттамасы", kk)
        self.assertIn("Протокол калибровочной сессии", ru)
        # The evaluator's 5.00, participant 1's proposal of 4.00 taken by two votes of three.
        self.assertIn("5,00 (бес)", kk)
        self.assertIn("5,00 (пять)", ru)
        self.assertIn("4,00 (төрт)", kk)
        self.assertIn("4,00 (четыре)", ru)
        self.assertIn("2 (екі)", kk)
        self.assertIn("Функционалдық міндеттерін тиімді атқарады", kk)
        self.assertIn("Participant 1", kk)
        self.assertNotIn("ЖОБА", kk)

    def test_calibration_without_session_cannot_be_printed(self):
        sheet = self._acknowledged_sheet()
        case = self._apply(sheet)
        self.assertEqual(case.state, "applied")
        with self.assertRaisesRegex(UserError, "no session yet"):
            self._form_text("report_calibration_protocol", case, "kk_KZ")

    def test_scores_in_kazakh_words_keep_their_decimals(self):
        words = self.env["report.hr_bagalau_reports.report_kpi_sheet"]._get_report_values(
            [], data={"bagalau_lang": "kk_KZ"})["words"]
        self.assertEqual(words(4.25, 2), "төрт бүтін жүзден жиырма бес")
        self.assertEqual(words(3.5, 2), "үш бүтін оннан бес")
        self.assertEqual(words(12), "он екі")
