import datetime

from odoo import api, models

D = datetime.date

# KPIs of the demo agency by unit (name, source document, unit, annual plan).
DEMO_KPIS = {
    "department_finance": [
        ("Бюджеттік бағдарламалардың орындалуы", "Стратегиялық жоспар 2024–2028, 2-мақсат", "%", 98.0),
        ("Кредиторлық берешектің болмауы", "Бюджет кодексі, 104-бап", "млн теңге", 1.0),
        ("Мемлекеттік сатып алу бойынша үнемдеу", "Мемлекеттік сатып алу жоспары", "%", 5.0),
        ("Қаржылық есептілікті мерзімінде ұсыну", "Қаржы министрлігінің бұйрығы", "есеп", 12.0),
        ("Ішкі аудит ескертулерін жою", "Ішкі аудит жоспары", "%", 100.0),
    ],
    "department_legal": [
        ("Доля нормативных актов, прошедших правовую экспертизу в срок", "Стратегический план, цель 4", "%", 100.0),
        ("Количество выигранных судебных дел", "План работы акимата", "дело", 20.0),
        ("Снижение числа протестов прокуратуры", "Соглашение служащего корпуса «А»", "%", 15.0),
        ("Разъяснительные встречи с населением", "Программа правового всеобуча", "встреча", 24.0),
        ("Доля договоров без замечаний", "План работы отдела", "%", 95.0),
    ],
    "department_public_services": [
        ("Мемлекеттік қызметтерді мерзімінде көрсету үлесі", "Мемлекеттік қызметтер туралы заң", "%", 100.0),
        ("Электрондық форматтағы қызметтер үлесі", "«Цифрлық Қазақстан» бағдарламасы", "%", 90.0),
        ("Негізді шағымдар саны", "Стратегиялық жоспар, 3-мақсат", "шағым", 2.0),
        ("Қызметті алушылардың қанағаттану деңгейі", "Сауалнама әдістемесі", "%", 85.0),
        ("Қызметкерлерді оқыту", "Кадрлық жоспар", "адам", 6.0),
    ],
    "default": [
        ("Своевременное исполнение поручений акима", "План работы акимата на год", "%", 100.0),
        ("Контрольные документы, исполненные без продления", "Инструкция по делопроизводству", "%", 98.0),
        ("Мероприятия плана работы, выполненные в срок", "Операционный план", "мероприятие", 40.0),
        ("Обращения граждан, рассмотренные в срок", "Закон «О порядке рассмотрения обращений»", "%", 100.0),
        ("Предложения по оптимизации процессов", "Соглашение служащего корпуса «А»", "предложение", 4.0),
    ],
}


class HrBagalauDemo(models.AbstractModel):
    """The demo agency's evaluations, made by walking the real workflows as
    the demo users, so the demo shows what the code does today."""

    _name = "hr.bagalau.demo"
    _description = "Evaluation Demo Data"

    @api.model
    def _load_demo(self):
        ref = self.env.ref
        company = ref("hr_bagalau.demo_company_agency")
        company.bagalau_authorised_id = ref("hr_bagalau.employee_serikbayev_nurlan")
        Campaign = self.env["hr.bagalau.campaign"].with_company(company)
        hr_user = ref("hr_bagalau.user_bagalau_hr")
        self._closed_year_2025(Campaign, hr_user)
        self._running_quarter_2026(Campaign, hr_user)

    # --- helpers ------------------------------------------------------------

    def _as(self, record, employee):
        """``record`` as the user of ``employee``, or as superuser when he has none."""
        user = employee.sudo().user_id
        return record.with_user(user) if user else record.sudo()

    def _kpis(self, employee):
        key = employee.department_id.get_external_id().get(employee.department_id.id, "").split(".")[-1]
        return DEMO_KPIS.get(key, DEMO_KPIS["default"])

    def _fill_plan_2018(self, plan):
        plan.sudo().write({"line_ids": [
            (0, 0, {"sequence": index, "name": name, "source_document": source, "unit": unit,
                    "planned_value": planned, "deadline": D(plan.year, 12, 25),
                    "expected_result": "Жоспарланған нәтижеге қол жеткізу"})
            for index, (name, source, unit, planned) in enumerate(self._kpis(plan.employee_id))
        ]})

    def _fill_plan_2023(self, plan, count=4):
        lines = []
        for index, (name, source, unit, planned) in enumerate(self._kpis(plan.employee_id)[:count]):
            lines.append((0, 0, {
                "sequence": index, "name": name, "source_document": source, "unit": unit,
                **{f"planned_q{quarter}": planned for quarter in range(1, 5)},
                **{f"deadline_q{quarter}": D(plan.year, quarter * 3, 25) for quarter in range(1, 5)},
                "expected_result": "Тоқсан сайын жоспарланған мәнге қол жеткізу",
            }))
        plan.sudo().write({"line_ids": lines})

    def _approve(self, plan):
        if not plan._bagalau_self_approving():
            self._as(plan, plan.direct_manager_id).action_submit()
        self._as(plan, plan.approver_id).action_approve()

    # --- 2025: Typical 2018, closed -----------------------------------------

    def _closed_year_2025(self, Campaign, hr_user):
        ref = self.env.ref
        campaign = Campaign.create({
            "methodology_id": ref("hr_bagalau.methodology_typical_2018").id,
            "year": 2025,
            "company_id": ref("hr_bagalau.demo_company_agency").id,
        })
        campaign.with_user(hr_user).action_launch()
        for plan in campaign.plan_ids:
            self._fill_plan_2018(plan)
            self._approve(plan)
        # Achievements spread over the four grades (seed 003 §18).
        for index, sheet in enumerate(campaign.kpi_sheet_ids.sorted("id")):
            achieved = (5, 4, 5, 3, 4, 2, 5, 4)[index % 8]
            for position, line in enumerate(sheet.line_ids.sorted("sequence")):
                hit = position < achieved
                self._as(line, sheet.direct_manager_id).write({
                    "actual_value": line.planned_value if hit else round(line.planned_value * 0.8, 2),
                    "achieved": hit,
                    "evidence": "Есеп, 2025 жыл",
                })
            self._as(sheet, sheet.direct_manager_id).action_submit()
            if sheet.state != "agreed":
                self._as(sheet, sheet.approver_id).action_agree()
        campaign.with_user(hr_user).action_close()

    # --- Q1 2026: Typical 2023, running ---------------------------------------

    def _running_quarter_2026(self, Campaign, hr_user):
        ref = self.env.ref
        # Away when the quarter ends: evaluated within five working days after
        # the return (seed 004 §6).
        ref("hr_bagalau.employee_ivanova_olga").sudo().write({
            "bagalau_absence_kind": "sick",
            "bagalau_absence_from": D(2026, 3, 16),
            "bagalau_absence_to": D(2026, 4, 3),
        })
        campaign = Campaign.create({
            "methodology_id": ref("hr_bagalau.methodology_typical_2023").id,
            "year": 2026,
            "quarter": "1",
            "company_id": ref("hr_bagalau.demo_company_agency").id,
        })
        campaign.with_user(hr_user).action_launch()
        plans = campaign.plan_ids.sorted("id")
        for plan in plans:
            self._fill_plan_2023(plan)
        # Plans in every state: one draft, one submitted, one returned, the rest approved.
        reviewed = plans.filtered(lambda plan: not plan._bagalau_self_approving())
        _draft, submitted, returned = reviewed[:3]
        approved = plans - reviewed[:3]
        self._as(submitted, submitted.direct_manager_id).action_submit()
        self._as(returned, returned.direct_manager_id).action_submit()
        self._as(returned, returned.approver_id).action_return(
            reason="2-КЦИ өлшенбейді: нақты мән мен дереккөзін көрсетіңіз (SMART, 25-тармақ).")
        for plan in approved:
            self._approve(plan)
        sheets = campaign.kpi_sheet_ids.filtered(lambda sheet: sheet.plan_id.state == "approved").sorted("id")
        # HR pre-computes the actuals (seed 004 §23); the evaluator scores within
        # the allowed range (Appendix 3); sheets in every state.
        achievement = (1.0, 0.92, 0.81, 1.05)
        for index, sheet in enumerate(sheets):
            stage = index % 4
            for line in sheet.line_ids:
                line.with_user(hr_user).write({"actual_value": round(line.planned_value * achievement[stage], 2)})
            sheet.with_user(hr_user).action_prefill_actuals()
            if stage == 0:
                continue
            for line in sheet.line_ids:
                self._as(line, sheet.direct_manager_id).write({"score": line.score_high,
                                                               "evidence": "1-тоқсан есебі"})
            self._as(sheet, sheet.direct_manager_id).action_submit()
            if stage == 2 and sheet.state == "submitted":
                self._as(sheet, sheet.approver_id).action_return(
                    reason="Нақты мәндерді растайтын құжаттар қоса берілмеген.")
            elif stage == 3 and sheet.state == "submitted":
                self._as(sheet, sheet.approver_id).action_agree()
