from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import Forms2018Case


@tagged("post_install", "-at_install")
class TestPrintedForms2018(Forms2018Case):
    """The forms of the 2018 generation (Appendices 1, 2, 3 of seeds 001/003,
    Appendix 5 of seed 001) and the refusal act, printed in Kazakh or Russian
    whatever the interface's language."""

    def test_work_plan_has_the_approver_the_columns_and_the_signatures(self):
        _campaign, sheet = self._agreed_sheet()
        plan = sheet.plan_id
        kk = self._form_text("report_kpi_plan", plan, "kk_KZ")
        ru = self._form_text("report_kpi_plan", plan, "ru_RU")
        self.assertIn("«Б» корпусы мемлекеттік әкімшілік қызметшісінің жеке жұмыс жоспары", kk)
        self.assertIn("Индивидуальный план работы административного государственного служащего корпуса «Б»", ru)
        # The approver is the superior manager (seed 003 §12), by surname and initials.
        self.assertIn("БЕКІТЕМІН", kk)
        self.assertIn("УТВЕРЖДАЮ", ru)
        self.assertIn("Әбенова Д.", kk)
        # The columns in the seeds' order.
        columns = ["Наименование КЦИ", "Из какого документа системы государственного планирования вытекает",
                   "Единицы измерения", "Плановое значение", "Сроки достижения", "Конечный результат*"]
        positions = [ru.index(column) for column in columns]
        self.assertEqual(positions, sorted(positions))
        # The servant and the direct manager sign, by surname and initials.
        self.assertIn("Сұлтанова Ә.", kk)
        self.assertIn("Мұхамедияров Е.", ru)
        self.assertIn("KPI 5", ru, "the five KPIs of the plan")
        self.assertFalse(self._watermarked("report_kpi_plan", plan, "kk_KZ"), "an approved plan is final")

    def test_kpi_sheet_states_the_grade_in_the_chosen_language(self):
        _campaign, sheet = self._submitted_sheet()
        kk = self._form_text("report_kpi_sheet", sheet, "kk_KZ")
        ru = self._form_text("report_kpi_sheet", sheet, "ru_RU")
        self.assertIn("НМИ бойынша бағалау парағы", kk)
        self.assertIn("Лист оценки по КЦИ", ru)
        # 5 of 5 KPIs achieved: excellent (seed 003 §18).
        self.assertIn("өте жақсы", kk)
        self.assertIn("превосходно", ru)
        self.assertIn("Результат достигнут", ru)
        self.assertIn("Көрсеткішке қол жеткізілді", kk)
        # Submitted, not yet agreed: a draft.
        self.assertIn("ЖОБА", kk)
        self.assertIn("ПРОЕКТ", ru)
        self.assertTrue(self._watermarked("report_kpi_sheet", sheet, "ru_RU"))
        sheet.with_user(self.sheet_user_superior).action_agree()
        self.assertFalse(self._watermarked("report_kpi_sheet", sheet, "ru_RU"), "agreed: final")
        self.assertNotIn("ПРОЕКТ", self._form_text("report_kpi_sheet", sheet, "ru_RU"))

    def test_competency_sheet_lists_the_competencies(self):
        campaign, _sheet = self._agreed_sheet()
        competency_sheet = campaign.competency_sheet_ids.filtered(lambda row: row.employee_id == self.sheet_evaluated)
        self.assertTrue(competency_sheet)
        kk = self._form_text("report_competency_sheet", competency_sheet, "kk_KZ")
        ru = self._form_text("report_competency_sheet", competency_sheet, "ru_RU")
        self.assertIn("Құзыреттер бойынша бағалау парағы", kk)
        self.assertIn("Лист оценки по компетенциям", ru)
        for line in competency_sheet.line_ids:
            self.assertIn(line.competency_id.with_context(lang="ru_RU").name, ru)
            self.assertIn(line.competency_id.with_context(lang="kk_KZ").name, kk)
        self.assertIn("Әбенова Д.", kk, "the superior approves")
        self.assertTrue(self._watermarked("report_competency_sheet", competency_sheet, "kk_KZ"),
                        "not signed yet: a draft")

    def test_protocol_of_an_approved_session(self):
        session, _sheet = self._approved_session()
        kk = self._form_text("report_commission_protocol", session, "kk_KZ")
        ru = self._form_text("report_commission_protocol", session, "ru_RU")
        self.assertIn("Бағалау жөніндегі комиссия отырысының хаттамасы", kk)
        self.assertIn("Протокол заседания Комиссии по оценке", ru)
        # Approved by the authorised person, head of the body.
        self.assertIn("БЕКІТЕМІН", kk)
        self.assertIn("Серікбаев Н.", kk)
        columns = ["Фамилия, имя, отчество (при его наличии) служащих", "Сведения о результатах оценки",
                   "Корректировка Комиссией результатов оценки (в случае наличия)", "Рекомендации Комиссии"]
        positions = [ru.index(column) for column in columns]
        self.assertEqual(positions, sorted(positions))
        self.assertIn("Сұлтанова Әлия", kk)
        self.assertIn("Өте жақсы", kk)
        # Counts in figures and words: one servant, six voting members (chair + five).
        self.assertIn("1 (бір)", kk)
        self.assertIn("1 (один)", ru)
        self.assertIn("6 (алты)", kk)
        self.assertIn("6 (шесть)", ru)
        # "Checked" by the secretary; the chair's and the members' signatures.
        self.assertIn("Тексерілді:", kk)
        self.assertIn("Проверено:", ru)
        self.assertIn("Хатшы Г.", kk)
        self.assertIn("Председатель Комиссии:", ru)
        self.assertEqual(ru.count("Член Комиссии:"), 5)
        self.assertFalse(self._watermarked("report_commission_protocol", session, "kk_KZ"))

    def test_protocol_of_a_held_session_is_a_draft(self):
        session, _sheet = self._session()
        self._all_for(session.decision_ids)
        session.decision_ids.with_user(self.user_hr).action_decide()
        session.with_user(self.user_hr).action_hold()
        self.assertTrue(self._watermarked("report_commission_protocol", session, "ru_RU"),
                        "not approved by the authorised person yet")

    def test_protocol_without_decisions_cannot_be_printed(self):
        session, _sheet = self._session()
        with self.assertRaisesRegex(UserError, "decided on nobody"):
            self._form_text("report_commission_protocol", session, "kk_KZ")

    def test_refusal_act_names_hr_and_the_witnesses(self):
        session, _sheet = self._approved_session()
        result = session.decision_ids.result_id
        result.with_user(self.user_hr).action_record_refusal(
            witnesses=self.emp_colleague | self.sheet_manager, note="Танысудан ауызша бас тартты.")
        act = self.env["hr.bagalau.refusal.act"].search([("employee_id", "=", self.sheet_evaluated.id)])
        self.assertEqual(act.state, "done")
        kk = self._form_text("report_refusal_act", act, "kk_KZ")
        ru = self._form_text("report_refusal_act", act, "ru_RU")
        self.assertIn("Бағалау нәтижелерімен танысудан бас тарту туралы акт", kk)
        self.assertIn("Акт об отказе от ознакомления с результатами оценки", ru)
        self.assertIn("Сұлтанова Әлия", kk)
        self.assertIn("Омаров Д.С.", kk)
        self.assertIn("Мұхамедияров Е.", ru)
        self.assertIn("Танысудан ауызша бас тартты.", kk)
        self.assertIn("Хатшы Г.", kk, "the HR officer who drew up the act")
        # The witnesses sign the act: it names the document, never the result (seed 004 §16).
        self.assertIn("Бағалаудың жылдық нәтижесі", kk)
        self.assertNotIn("өте жақсы", kk.lower())
        self.assertFalse(self._watermarked("report_refusal_act", act, "kk_KZ"))

    def test_a_colleague_cannot_print_another_servants_sheet(self):
        _campaign, sheet = self._agreed_sheet()
        with self.assertRaises(AccessError):
            self._form_text("report_kpi_sheet", sheet, "kk_KZ", user=self.user_colleague)
        wizard = self.env["hr.bagalau.print.form"].with_user(self.user_colleague).with_context(
            active_model=sheet._name, active_ids=sheet.ids).create({"lang": "ru_RU"})
        with self.assertRaises(AccessError):
            wizard.action_print()
        # The evaluated servant prints his own sheet.
        own = self._form_text("report_kpi_sheet", sheet, "kk_KZ", user=self.sheet_user_evaluated)
        self.assertIn("Сұлтанова Әлия", own)

    def test_wizard_prints_in_the_chosen_language(self):
        _campaign, sheet = self._agreed_sheet()
        wizard = self.env["hr.bagalau.print.form"].with_user(self.user_hr).with_context(
            active_model=sheet._name, active_ids=sheet.ids, lang="en_US").create({"lang": "kk_KZ"})
        self.assertEqual(wizard.report_id, self.env.ref("hr_bagalau_reports.action_report_kpi_sheet"))
        action = wizard.action_print()
        self.assertEqual(action["report_name"], "hr_bagalau_reports.report_kpi_sheet")
        self.assertEqual(action["data"], {"bagalau_lang": "kk_KZ", "bagalau_doc_ids": sheet.ids})
        # What the web client then asks for: the data, no ids in the address.
        html, _kind = self.env["ir.actions.report"].with_user(self.user_hr).with_context(lang="en_US") \
            ._render_qweb_html("hr_bagalau_reports.report_kpi_sheet", None, data=dict(action["data"]))
        self.assertIn("НМИ бойынша бағалау парағы", html.decode())

    def test_every_document_offers_its_form_in_the_print_menu(self):
        forms = {
            "hr.bagalau.kpi.plan": "kpi_plan", "hr.bagalau.kpi.sheet": "kpi_sheet",
            "hr.bagalau.competency.sheet": "competency_sheet",
            "hr.bagalau.differentiation.sheet": "differentiation_sheet",
            "hr.bagalau.commission.session": "commission_protocol", "hr.bagalau.calibration": "calibration_protocol",
            "hr.bagalau.refusal.act": "refusal_act",
        }
        for model, form in forms.items():
            with self.subTest(model=model):
                toolbar = self.env[model].with_user(self.user_hr).get_views(
                    [(False, "form")], {"toolbar": True})["views"]["form"]["toolbar"]
                action = self.env.ref(f"hr_bagalau_reports.hr_bagalau_print_form_action_{form}")
                self.assertIn(action.id, [entry["id"] for entry in toolbar.get("print", [])])

    def test_a_language_not_active_is_named(self):
        _campaign, sheet = self._agreed_sheet()
        # An agency that never activated Kazakh: nobody speaks it there.
        self.env["res.users"].with_context(active_test=False).search([("lang", "=", "kk_KZ")]).lang = "en_US"
        self.env["res.partner"].with_context(active_test=False).search([("lang", "=", "kk_KZ")]).lang = "en_US"
        self.env.ref("hr_bagalau.lang_kk").active = False
        wizard = self.env["hr.bagalau.print.form"].with_user(self.user_hr).with_context(
            active_model=sheet._name, active_ids=sheet.ids).create({"lang": "kk_KZ"})
        with self.assertRaisesRegex(UserError, "kk_KZ"):
            wizard.action_print()
        with self.assertRaisesRegex(UserError, "kk_KZ"):
            self._form_text("report_kpi_sheet", sheet, "kk_KZ")
