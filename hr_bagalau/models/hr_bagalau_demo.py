import datetime

from odoo import api, fields, models

from .hr_bagalau_demo_timeline import DemoTimeline

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

# Differentiation scores with their justification (seed 004 §32), best to weakest.
DIFFERENTIATION_SCORES = [
    {"quality": (5, "Құжаттар сапалы, ескертусіз"), "deadlines": (5, "Барлық тапсырмалар мерзімінде"),
     "initiative": (4, "Өз бетінше ұсыныстар енгізді"), "discipline": (5, "Тәртіп бұзушылық жоқ")},
    {"quality": (4, "Ескертулер аз"), "deadlines": (4, "Бір тапсырма кешіктірілді"),
     "initiative": (3, "Бастамашылық орташа"), "discipline": (5, "Тәртіп бұзушылық жоқ")},
    {"quality": (3, "Құжаттар қайта өңделді"), "deadlines": (3, "Мерзімдер бұзылды"),
     "initiative": (3, "Бастамашылық аз"), "discipline": (4, "Бір рет кешікті")},
]


class HrBagalauDemo(models.AbstractModel):
    """The demo agency's evaluations, made by walking the real workflows as
    the demo users, so the demo shows what the code does today."""

    _name = "hr.bagalau.demo"
    _description = "Evaluation Demo Data"

    @api.model
    def _load_demo(self):
        self._demo_user_languages()
        self._demo_translations("hr_bagalau")
        ref = self.env.ref
        company = ref("hr_bagalau.demo_company_agency")
        company.bagalau_authorised_id = ref("hr_bagalau.employee_serikbayev_nurlan")
        hr_user = ref("hr_bagalau.user_bagalau_hr")
        # HR creates the campaigns, as in the web client.
        Campaign = self._by(self.env["hr.bagalau.campaign"], hr_user).with_company(company)
        timeline = self._timeline()
        self._date_the_newcomers(timeline)
        self._closed_year(Campaign, hr_user, timeline)
        self._running_quarter(Campaign, hr_user, timeline)
        self._previous_quarter_2025(Campaign, hr_user, timeline)

    @api.model
    def _timeline(self):
        """The demo's periods, from the day it is installed (the agency's day)."""
        company = self.env.ref("hr_bagalau.demo_company_agency")
        return DemoTimeline(fields.Date.context_today(self.with_context(tz=company.partner_id.tz or "Asia/Almaty")))

    def _date_the_newcomers(self, timeline):
        """The three people whose appointment shows a rule (employees XML)."""
        self._employee("kassymov_bauyrzhan").sudo().bagalau_position_date = timeline.late_joiner_appointed
        self._employee("yessenova_zhanar").sudo().write({
            "bagalau_position_date": timeline.probationer_appointed,
            "bagalau_probation_end": timeline.probation_end,
        })
        self._employee("myrzakhmetova_kamila").sudo().bagalau_position_date = timeline.newcomer_appointed

    # --- helpers ------------------------------------------------------------

    def _as(self, record, employee):
        """``record`` as the user of ``employee``, or as superuser when he has none."""
        user = employee.sudo().user_id
        return self._by(record, user) if user else record.sudo()

    def _by(self, record, user):
        """``record`` as ``user`` in his language, as the web client acts for
        him: the data files load with no language, so without it his notes
        and Odoo's own texts in them would be in the installer's English."""
        lang = user.sudo().lang
        record = record.with_user(user)
        return record.with_context(lang=lang) if lang and lang != "en_US" else record

    def _employee(self, slug):
        return self.env.ref(f"hr_bagalau.employee_{slug}")

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

    # --- the closed year: Typical 2018 ---------------------------------------

    def _closed_year(self, Campaign, hr_user, timeline):
        ref = self.env.ref
        campaign = Campaign.create({
            "methodology_id": ref("hr_bagalau.methodology_typical_2018").id,
            "year": timeline.closed_year,
            "company_id": ref("hr_bagalau.demo_company_agency").id,
        })
        self._by(campaign, hr_user).action_launch()
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
                    "evidence": f"Есеп, {campaign.year} жыл",
                })
            self._as(sheet, sheet.direct_manager_id).action_submit()
            if sheet.state != "agreed":
                self._as(sheet, sheet.approver_id).action_agree()
        self._competency_sheets(campaign, hr_user)
        self._commission(campaign, hr_user, timeline)
        self._by(campaign, hr_user).action_close()

    def _competency_sheets(self, campaign, hr_user):
        """Competency sheets in every state: most sent to the commission, some
        signed, two still drafts; a few competencies not met (seed 003 §27)."""
        sheets = campaign.competency_sheet_ids.sorted("id")
        for index, sheet in enumerate(sheets):
            self._as(sheet, sheet.direct_manager_id).indicator_ids.write({"shown": True})
            if index % 5 == 1:  # two indicators of the first competency not shown
                first = sheet.line_ids.sorted("id")[:1]
                self._as(sheet, sheet.direct_manager_id).write(
                    {"indicator_ids": [(1, indicator.id, {"shown": False}) for indicator in first.indicator_ids[:2]]})
            if index < 2:
                continue
            self._as(sheet, sheet.direct_manager_id).action_sign()
            if index >= 5:
                self._by(sheet, hr_user).action_send_to_commission()

    def _commission(self, campaign, hr_user, timeline):
        """The commission considers the closed year's sheets: a held session whose
        protocol the authorised person approves, one grade revised (seed 003
        §29-39); one employee reads the result, one refuses before witnesses,
        one appeals (§40-43)."""
        company = campaign.company_id
        employee = self._employee
        head = employee("serikbayev_nurlan")
        commission = self._by(self.env["hr.bagalau.commission"], hr_user).create({
            "name": "Бағалау жөніндегі комиссия", "company_id": company.id,
            "authorised_id": head.id, "methodology_id": campaign.methodology_id.id,
        })
        members = (employee("zhanuzakov_askar") | employee("abdrakhmanov_marat") | employee("zhaksylykova_gulnar")
                   | employee("mukhamediyarov_yerlan") | employee("tokhtarova_aigerim"))
        self._by(self.env["hr.bagalau.commission.order"], hr_user).create({
            "commission_id": commission.id, "number": "12-ж", "date": timeline.commission_order_date,
            "chair_id": employee("akhmetov_talgat").id, "member_ids": [(6, 0, members.ids)],
            "secretary_id": employee("kim_elena").id,
        })
        # The session sat in January; HR records it after the fact with the
        # day the evaluators were told on paper, eight working days ahead of
        # the seven the methodology asks (seed 003 §29).
        session_date = company._bagalau_working_calendar(timeline.commission_session_target).working_day_on_or_before(
            timeline.commission_session_target)
        session = self._by(self.env["hr.bagalau.commission.session"], hr_user).create({
            "commission_id": commission.id, "campaign_id": campaign.id,
            "date": session_date, "notice_date": company._bagalau_add_working_days(session_date, -8),
        })
        session.action_schedule()
        self._by(session.attendance_ids, hr_user).write({"present": True})
        kpi_rows = session.decision_ids.filtered(lambda row: row.kind == "kpi")
        revised = kpi_rows.filtered(lambda row: row.original_grade == "satisfactory")[:1]
        if revised:
            self._by(revised, hr_user).write({
                "proposal": "revise", "corrected_grade": "effective",
                "recommendations": "Екі ҚТКК бойынша растайтын құжаттар комиссияға кейін ұсынылды.",
            })
        voters = session.attendance_ids.filtered(lambda line: line.role != "secretary").employee_id
        for decision in session.decision_ids:
            for voter in voters:
                self._by(decision, hr_user).action_vote("for", employee=voter)
            self._by(decision, hr_user).action_decide()
        self._by(session, hr_user).action_hold()
        # Who has an Odoo user signs in Odoo; the others sign the paper
        # protocol and HR records it; one member was away (seed 001 Appendix 5).
        for signature in session.signature_ids.filtered(lambda row: row.employee_id.user_id):
            self._by(session, signature.employee_id.user_id).action_sign()
        on_paper = session.signature_ids.filtered(lambda row: row.signature_state == "pending")
        self._by(on_paper[:1], hr_user).action_record_paper_signature(
            reason="Отырыстан кейін іссапарға кетті, хаттамаға қол қоймады.")
        self._by(on_paper[1:], hr_user).action_record_paper_signature(signed_on=session.date)
        self._by(session, head.user_id).action_approve()

        results = session.decision_ids.result_id
        reader = results.filtered(lambda result: result.employee_id == employee("sultanova_aliya"))
        if reader:
            self._by(reader, reader.employee_id.user_id).action_acknowledge()
        refuser = results.filtered(lambda result: result.employee_id == employee("petrov_andrey"))
        if refuser:
            self._by(refuser, hr_user).action_record_refusal(
                witnesses=employee("omarov_daniyar") | employee("baimukhanova_saule"),
                note="Қызметші бағалау нәтижесімен танысудан бас тартты.")
        appealed = kpi_rows.filtered(lambda row: row.final_grade == "unsatisfactory")[:1]
        if appealed:
            self._by(self.env["hr.bagalau.appeal"], hr_user).create({
                "decision_id": appealed.id, "filed_on": appealed.decided_on,
                "grounds": "Қызметші ҚТКК нақты мәндері дұрыс есептелмеген деп санайды.",
            })

    # --- the running quarter: Typical 2023 -----------------------------------

    def _running_quarter(self, Campaign, hr_user, timeline):
        ref = self.env.ref
        # On leave when the quarter ends: evaluated within five working days
        # after the return (seed 004 §6).
        absent_from, absent_to = timeline.absence
        ref("hr_bagalau.employee_ivanova_olga").sudo().write({
            "bagalau_absence_kind": "leave",
            "bagalau_absence_from": absent_from,
            "bagalau_absence_to": absent_to,
        })
        self._large_unit(ref("hr_bagalau.demo_company_agency"))
        year, quarter = timeline.running
        campaign = Campaign.create({
            "methodology_id": ref("hr_bagalau.methodology_typical_2023").id,
            "year": year,
            "quarter": str(quarter),
            "company_id": ref("hr_bagalau.demo_company_agency").id,
        })
        self._by(campaign, hr_user).action_launch()
        plans = campaign.plan_ids.sorted("id")
        for plan in plans:
            self._fill_plan_2023(plan)
        # Plans in every state: one draft, one submitted, one returned, the rest approved.
        manager = self._employee("mukhamediyarov_yerlan")
        reviewed = plans.filtered(lambda plan: not plan._bagalau_self_approving() and plan.employee_id != manager)
        _draft, submitted, returned = reviewed[:3]
        approved = plans - reviewed[:3]
        self._as(submitted, submitted.direct_manager_id).action_submit()
        self._as(returned, returned.direct_manager_id).action_submit()
        self._as(returned, returned.approver_id).action_return(
            reason="2-КЦИ өлшенбейді: нақты мән мен дереккөзін көрсетіңіз (SMART, 25-тармақ).")
        for plan in approved:
            self._approve(plan)
        sheets = campaign.kpi_sheet_ids.filtered(lambda sheet: sheet.plan_id.state == "approved").sorted("id")
        # The manager's own sheet gets agreed (stage 3), so that he can read it
        # and ask for a calibration.
        mine = sheets.filtered(lambda sheet: sheet.employee_id == manager)
        others = sheets - mine
        sheets = others[:3] + mine + others[3:] if mine and len(others) >= 3 else sheets
        # HR pre-computes the actuals (seed 004 §23); the evaluator scores within
        # the allowed range (Appendix 3); sheets in every state.
        achievement = (1.0, 0.92, 0.81, 1.05)
        for index, sheet in enumerate(sheets):
            stage = index % 4
            for line in sheet.line_ids:
                self._by(line, hr_user).write({"actual_value": round(line.planned_value * achievement[stage], 2)})
            self._by(sheet, hr_user).action_prefill_actuals()
            if stage == 0:
                continue
            for line in sheet.line_ids:
                self._as(line, sheet.direct_manager_id).write({"score": line.score_high,
                                                               "evidence": f"{quarter}-тоқсан есебі"})
            self._as(sheet, sheet.direct_manager_id).action_submit()
            if stage == 2 and sheet.state == "submitted":
                self._as(sheet, sheet.approver_id).action_return(
                    reason="Нақты мәндерді растайтын құжаттар қоса берілмеген.")
            elif stage == 3 and sheet.state == "submitted":
                self._as(sheet, sheet.approver_id).action_agree()

        self._calibration(campaign)
        self._differentiation(campaign, hr_user)
        self._calibration_session(campaign)

    def _large_unit(self, company):
        """A public service centre of 52 servants: its head may name other
        evaluators for the differentiation sheets (seed 004 §32)."""
        Employee = self.env["hr.employee"].with_company(company)
        category = {code: self.env.ref(f"hr_bagalau.position_category_{code}") for code in ("e_3", "e_4", "e_5")}
        centre = self.env["hr.department"].create({
            "name": "Халыққа қызмет көрсету орталығы", "company_id": company.id,
            "parent_id": self.env.ref("hr_bagalau.department_leadership").id,
        })
        head = Employee.create({
            "name": "Оспанов Ғалым Серікұлы", "company_id": company.id, "department_id": centre.id,
            "parent_id": self._employee("abenova_dinara").id, "job_title": "Орталық басшысы",
            "bagalau_category_id": category["e_3"].id, "bagalau_is_unit_head": True,
            "bagalau_renders_public_services": True, "bagalau_position_date": D(2020, 2, 3),
        })
        centre.manager_id = head
        first = ("Айдана", "Бекзат", "Гүлнұр", "Дәурен", "Ержан", "Жансая", "Зарина", "Ислам", "Қуаныш",
                 "Ләззат", "Мадияр", "Нұрсұлу", "Олжас")
        last = ("Әлиев", "Бекова", "Жұмаев", "Сейітова")
        Employee.create([{
            "name": f"{last[number % 4]} {first[number % 13]}", "company_id": company.id,
            "department_id": centre.id, "parent_id": head.id, "job_title": "Бас маман",
            "bagalau_category_id": category["e_4" if number % 3 else "e_5"].id,
            "bagalau_renders_public_services": True,
            "bagalau_position_date": D(2021, 1, 11) + datetime.timedelta(days=number * 9),
        } for number in range(51)])

    def _calibration(self, campaign):
        """The manager reads his agreed quarter sheet and asks for a calibration
        session: the authorised person has it to decide (seed 004 §13, §38-39)."""
        manager = self._employee("mukhamediyarov_yerlan")
        sheet = campaign.kpi_sheet_ids.filtered(lambda s: s.employee_id == manager and s.state == "agreed")
        self._read_and_apply(sheet, "Екі ҚТКК бойынша нақты мәндер толық есепке алынбаған.")

    def _read_and_apply(self, sheet, application):
        """The sheet's employee reads it and applies for a calibration with
        his reasons, as he does from the sheet's form. The case, if any."""
        user = sheet.employee_id.user_id
        if not sheet or not user:
            return self.env["hr.bagalau.calibration"]
        self._by(sheet, user).action_acknowledge()
        self._by(self.env["hr.bagalau.calibration.request"], user).create({
            "res_model": sheet._name, "res_id": sheet.id, "application": application,
        }).action_apply()
        return self.env["hr.bagalau.calibration"].search([(sheet._bagalau_calibration_field(), "=", sheet.id)])

    def _calibration_session(self, campaign):
        """The employee reads her done differentiation sheet and applies; the
        authorised person holds a session in three working days with the
        commission's chair, the superior manager and the head of HR; the
        superior proposes a correction, which the chair has to vote on (seed
        004 §13, §39-42)."""
        employee = self._employee("sultanova_aliya")
        sheet = campaign.differentiation_sheet_ids.filtered(
            lambda s: s.employee_id == employee and s.state == "done")
        case = self._read_and_apply(sheet, "Бастамашылық бойынша баға тоқсанда енгізілген үш ұсынысты ескермейді.")
        if not case:
            return
        authorised = self._employee("serikbayev_nurlan").user_id
        superior = self._employee("abenova_dinara")
        participants = self._employee("akhmetov_talgat") | superior | self._employee("zhaksylykova_gulnar")
        self._by(case, authorised).write({
            "participant_ids": [(6, 0, participants.ids)],
            "session_date": campaign.company_id._bagalau_add_working_days(fields.Date.context_today(self), 3),
        })
        self._by(case, authorised).action_decide_hold()
        low, high = case._bagalau_score_bounds()
        proposed = case.old_score + 0.5 if case.old_score + 0.5 <= high else max(low, case.old_score - 0.5)
        proposal = self._by(self.env["hr.bagalau.calibration.proposal"], superior.user_id).create({
            "calibration_id": case.id, "participant_id": superior.id, "proposed_score": proposed,
            "reason": "Қызметшінің бастамалары бөлім жұмысына енгізілді: бастамашылыққа 5 балл лайық.",
        })
        self._by(proposal, superior.user_id).action_vote()

    def _differentiation(self, campaign, hr_user):
        """Differentiation sheets: the manager's unit scored and done; in the
        large centre, the head names another evaluator for one sheet (seed 004 §32)."""
        manager = self._employee("mukhamediyarov_yerlan")
        team = campaign.differentiation_sheet_ids.filtered(lambda s: s.direct_manager_id == manager).sorted("id")
        for index, sheet in enumerate(team):
            if sheet.employee_id.bagalau_absence_kind:
                continue  # evaluated after the return (seed 004 §6)
            scored = self._as(sheet, manager)
            scored.action_score(DIFFERENTIATION_SCORES[index % len(DIFFERENTIATION_SCORES)])
            if index % 4 != 3:
                scored.action_done()
        centre = campaign.differentiation_sheet_ids.filtered(
            lambda s: s.department_id.name == "Халыққа қызмет көрсету орталығы").sorted("id")
        if len(centre) > 2:
            self._by(centre[1], hr_user).action_delegate(centre[0].employee_id)

    # --- the previous quarter: Quarterly evaluation (2025) ----------------------

    def _previous_quarter_2025(self, Campaign, hr_user, timeline):
        """The third generation, from its preset alone: every servant, heads
        too, on one differentiation sheet by the evaluating person, due the
        20th of the month after the quarter. Most evaluators are done; the
        manager has one sheet left, and the heads wait for the acting
        evaluator (the chair), past their due date: the overdue steps HR
        follows up."""
        ref = self.env.ref
        year, quarter = timeline.previous
        campaign = Campaign.create({
            "methodology_id": ref("hr_bagalau.methodology_typical_2025").id,
            "year": year,
            "quarter": str(quarter),
            "company_id": ref("hr_bagalau.demo_company_agency").id,
        })
        self._by(campaign, hr_user).action_launch()
        manager = self._employee("mukhamediyarov_yerlan")
        scores = {"quality": (4, "Құжаттар уақтылы және сапалы"), "deadlines": (5, "Мерзімдер сақталды"),
                  "initiative": (4, "Бөлім жұмысына ұсыныстар берді"), "discipline": (5, "Тәртіп бұзушылық жоқ")}
        team = campaign.differentiation_sheet_ids.filtered(lambda s: s.direct_manager_id == manager).sorted("id")
        for sheet in team[:-1]:
            scored = self._as(sheet, manager)
            scored.action_score(scores)
            scored.action_done()
        superior, acting = self._employee("abenova_dinara"), self._employee("akhmetov_talgat")
        others = campaign.differentiation_sheet_ids.filtered(
            lambda s: (s.evaluator_id or s.direct_manager_id) not in manager | superior | acting).sorted("id")
        for index, sheet in enumerate(others):
            scored = self._as(sheet, sheet.evaluator_id or sheet.direct_manager_id)
            scored.action_score(DIFFERENTIATION_SCORES[index % len(DIFFERENTIATION_SCORES)])
            scored.action_done()
        # The superior manager was on a business trip when the quarter fell
        # due: the head of the legal unit evaluates the heads in her place
        # (his own sheet stays with her).
        due = min(campaign.differentiation_sheet_ids.mapped("due_date"))
        trip_from, trip_to = due - datetime.timedelta(days=8), due + datetime.timedelta(days=3)
        substitution = self._by(self.env["hr.bagalau.substitution"], hr_user).create({
            "company_id": campaign.company_id.id,
            "absent_id": self._employee("abenova_dinara").id,
            "acting_id": self._employee("akhmetov_talgat").id,
            "date_from": trip_from,
            "date_to": trip_to,
            "reason": f"Іссапар туралы {trip_from - datetime.timedelta(days=3):%d.%m.%Y} № 112-ж бұйрық",
        })
        substitution.action_confirm()

