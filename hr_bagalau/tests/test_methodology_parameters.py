"""Every rule's parameter is a field of the methodology, and a copy decides.

The table below gives, for each field declared with ``bagalau_parameter``,
what a user sees change when an agency edits it on its copy of a preset:
the test fails for a parameter field without an entry, and for an entry
whose behaviour does not follow the copy (the model read the value from
somewhere else: a preset, a constant).
"""

import datetime
from fractions import Fraction

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import BagalauCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestMethodologyParameters(BagalauCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._bagalau_sheet_agency()
        cls.Methodology = cls.env["hr.bagalau.methodology"]
        cls.staff_user = cls._bagalau_user("t_param_staff", "hr_bagalau.group_bagalau_employee")
        cls.staff = cls._bagalau_employee("Staff Member", cls.sheet_manager, cls.staff_user, "e_4")
        cls.witnesses = [cls._bagalau_employee(f"Witness {number}", category="e_4") for number in range(3)]

    # --- helpers ----------------------------------------------------------------

    def _copy(self, preset, **values):
        """An agency's copy of ``preset`` with ``values`` changed."""
        methodology = preset.with_company(self.company).copy({"company_id": self.company.id})
        methodology.write(values)
        return methodology

    def _campaign(self, methodology, year=2026, quarter="1"):
        return self.env["hr.bagalau.campaign"].create({
            "methodology_id": methodology.id, "year": year,
            "quarter": quarter if methodology.period == "quarter" else False, "company_id": self.company.id,
        })

    def _wd(self, day, days):
        return self.company._bagalau_add_working_days(day, days)

    def _employee(self, **values):
        return self._bagalau_employee(f"Employee {len(values)} {sorted(values)}", self.sheet_manager,
                                      category="e_4", **values)

    # --- the table --------------------------------------------------------------

    def _own_parameters(self):
        """The parameters this addon reads; the 360's are tested by hr_bagalau_360."""
        return [name for name in self.Methodology._bagalau_parameter_fields()
                if self.Methodology._fields[name]._module == "hr_bagalau"]

    def test_every_parameter_decides(self):
        names = self._own_parameters()
        self.assertGreaterEqual(len(names), 35)
        missing = [name for name in names if not hasattr(self, f"_effect_{name}")]
        self.assertFalse(missing, "parameters without an observable effect in this table")
        for name in names:
            with self.subTest(parameter=name), self.env.cr.savepoint():
                getattr(self, f"_effect_{name}")()

    def test_no_table_entry_without_a_parameter(self):
        names = set(self._own_parameters())
        entries = {name[len("_effect_"):] for name in dir(self) if name.startswith("_effect_")}
        self.assertEqual(entries - names, set())

    # who is evaluated

    def _effect_min_tenure_months(self):
        newcomer = self._employee(bagalau_position_date=D(2026, 2, 1))  # two months by 31 March
        self.assertEqual(self._campaign(self._copy(self.preset_2023))._eligibility(newcomer).status, "eligible")
        decision = self._campaign(self._copy(self.preset_2023, min_tenure_months=3))._eligibility(newcomer)
        self.assertEqual((decision.status, decision.reason), ("excluded", "tenure"))

    def _effect_exclude_probation(self):
        on_probation = self._employee(bagalau_probation_end=D(2026, 4, 30))
        self.assertEqual(self._campaign(self._copy(self.preset_2023))._eligibility(on_probation).status, "eligible")
        decision = self._campaign(self._copy(self.preset_2023, exclude_probation=True))._eligibility(on_probation)
        self.assertEqual((decision.status, decision.reason), ("excluded", "probation"))

    def _effect_evaluate_dismissed(self):
        dismissed = self._employee(bagalau_dismissal_date=D(2026, 3, 16))
        self.assertEqual(self._campaign(self._copy(self.preset_2023))._eligibility(dismissed).status, "eligible")
        decision = self._campaign(self._copy(self.preset_2023, evaluate_dismissed=False))._eligibility(dismissed)
        self.assertEqual((decision.status, decision.reason), ("excluded", "dismissed"))

    def _effect_absence_deferral_working_days(self):
        away = self._employee(bagalau_absence_kind="sick", bagalau_absence_from=D(2026, 3, 16),
                              bagalau_absence_to=D(2026, 4, 3))
        for days in (5, 8):
            decision = self._campaign(self._copy(self.preset_2023, absence_deferral_working_days=days)) \
                ._eligibility(away)
            self.assertEqual((decision.status, decision.due_date), ("deferred", self._wd(D(2026, 4, 3), days)))

    def _effect_absence_defers_differentiation(self):
        Sheet = self.env["hr.bagalau.differentiation.sheet"]
        back = D(2026, 5, 15)
        campaign = self._campaign(self._copy(self.preset_2023))
        sheet = Sheet._bagalau_ensure_sheet(campaign, self.staff, due_date=back)
        self.assertEqual(sheet.due_date, Sheet._bagalau_due_date(campaign))
        campaign = self._campaign(self._copy(self.preset_2023, absence_defers_differentiation=True))
        self.assertEqual(Sheet._bagalau_ensure_sheet(campaign, self.staff, due_date=back).due_date, back)

    # KPIs

    def _effect_kpi_applies_to(self):
        self.assertFalse(self._campaign(self._copy(self.preset_2023))._needs_kpi_plan(self.staff))
        self.assertTrue(self._campaign(self._copy(self.preset_2023, kpi_applies_to="all"))._needs_kpi_plan(self.staff))

    def _effect_kpi_min_months_remaining(self):
        late_head = self._employee(bagalau_is_unit_head=True, bagalau_position_date=D(2026, 11, 2))
        self.assertFalse(self._campaign(self._copy(self.preset_2023))._needs_kpi_plan(late_head))
        self.assertTrue(self._campaign(self._copy(self.preset_2023, kpi_min_months_remaining=0))
                        ._needs_kpi_plan(late_head))

    def _plan(self, methodology, kpis):
        """A new head's plan (one plan per employee and year) with ``kpis`` KPIs."""
        head = self._bagalau_employee(f"Head {methodology.id}", self.sheet_manager, category="e_3",
                                      bagalau_is_unit_head=True)
        plan = self.env["hr.bagalau.kpi.plan"]._bagalau_ensure_plan(self._campaign(methodology), head)
        plan.write({"line_ids": self._bagalau_kpi_lines(methodology.generation, kpis, 2026)})
        return plan

    def _effect_kpi_count_min(self):
        self._plan(self._copy(self.preset_2023), 3)._bagalau_check_ready()
        with self.assertRaises(UserError):
            self._plan(self._copy(self.preset_2023, kpi_count_min=4), 3)._bagalau_check_ready()

    def _effect_kpi_count_max(self):
        self._plan(self._copy(self.preset_2023), 5)._bagalau_check_ready()
        with self.assertRaises(UserError):
            self._plan(self._copy(self.preset_2023, kpi_count_max=4), 5)._bagalau_check_ready()

    def _effect_kpi_plan_due_working_days(self):
        Plan = self.env["hr.bagalau.kpi.plan"]
        for days in (10, 15):
            campaign = self._campaign(self._copy(self.preset_2023, kpi_plan_due_working_days=days))
            self.assertEqual(Plan._bagalau_due_date(campaign, self.sheet_evaluated), self._wd(D(2026, 1, 1), days))

    def _submitted_plan(self, **values):
        plan = self._plan(self._copy(self.preset_2023, **values), 4)
        with freeze_time("2026-01-12 06:00:00"):
            plan.with_user(self.sheet_user_manager).action_submit()
        return plan

    def _effect_kpi_review_working_days(self):
        for days in (2, 6):
            plan = self._submitted_plan(kpi_review_working_days=days)
            todo = plan.activity_ids.filtered(lambda activity: activity.user_id == self.sheet_user_superior)
            self.assertEqual(todo.date_deadline, self._wd(D(2026, 1, 12), days))

    def _effect_resubmission_working_days(self):
        for days in (2, 4):
            plan = self._submitted_plan(resubmission_working_days=days)
            with freeze_time("2026-01-13 06:00:00"):
                plan.with_user(self.sheet_user_superior).action_return("KPI 2 is not measurable.")
            self.assertEqual(plan.resubmission_due, self._wd(D(2026, 1, 13), days))

    def _effect_kpi_sheet_due_working_days(self):
        Sheet = self.env["hr.bagalau.kpi.sheet"]
        for days in (10, 20):
            campaign = self._campaign(self._copy(self.preset_2018, kpi_sheet_due_working_days=days), year=2025)
            self.assertEqual(Sheet._bagalau_due_date(campaign), self._wd(D(2025, 12, 31), days))

    def _effect_kpi_actuals_lead_working_days(self):
        for days in (5, 9):
            campaign = self._campaign(self._copy(self.preset_2023, kpi_actuals_lead_working_days=days))
            sheet = self.env["hr.bagalau.kpi.sheet"].new({"campaign_id": campaign.id, "due_date": D(2026, 4, 10),
                                                          "company_id": self.company.id})
            calendar = self.company._bagalau_working_calendar(D(2026, 4, 10))
            self.assertEqual(sheet.actuals_due, calendar.add_working_days(D(2026, 4, 10), -days))

    def _effect_quarter_deadline_day(self):
        Sheet = self.env["hr.bagalau.differentiation.sheet"]
        self.assertEqual(Sheet._bagalau_due_date(self._campaign(self._copy(self.preset_2023))), D(2026, 4, 10))
        # Monday 20 April 2026: the 2025 orders' day
        self.assertEqual(Sheet._bagalau_due_date(self._campaign(self._copy(self.preset_2023, quarter_deadline_day=20))),
                         D(2026, 4, 20))

    def _effect_deadline_on_day_off(self):
        Sheet = self.env["hr.bagalau.differentiation.sheet"]
        # Saturday 11 April 2026
        expected = {"previous": D(2026, 4, 10), "next": D(2026, 4, 13), "none": D(2026, 4, 11)}
        for shift, day in expected.items():
            campaign = self._campaign(self._copy(self.preset_2023, quarter_deadline_day=11, deadline_on_day_off=shift))
            self.assertEqual(Sheet._bagalau_due_date(campaign), day)

    # 2018: competencies, commission, acknowledgement, appeal

    def _effect_competency_sheet_due_working_days(self):
        Sheet = self.env["hr.bagalau.competency.sheet"]
        for days in (10, 3):
            campaign = self._campaign(self._copy(self.preset_2018, competency_sheet_due_working_days=days), 2025)
            self.assertEqual(Sheet._bagalau_due_date(campaign), self._wd(D(2025, 12, 31), days))

    def _competency_line(self, methodology):
        campaign = self._campaign(methodology, 2025)
        campaign.action_launch()
        sheet = campaign.competency_sheet_ids.filtered(lambda sheet: sheet.employee_id == self.staff)
        return sheet.line_ids.filtered(lambda line: len(line.indicator_ids) >= 4)[:1]

    def _effect_competency_threshold_numerator(self):
        line = self._competency_line(self._copy(self.preset_2018))
        indicators = line.indicator_ids.sorted("id")
        shown = len(indicators) * 3 // 4 + (len(indicators) * 3 % 4 > 0)  # the least that is 3/4
        indicators.write({"shown": False})
        indicators[:shown].write({"shown": True})
        self.assertEqual(line.result, "meets")
        line.sheet_id.methodology_id.write({"competency_threshold_numerator": 4})
        self.assertEqual(line.result, "does_not_meet" if shown < len(indicators) else "meets")

    def _effect_competency_threshold_denominator(self):
        line = self._competency_line(self._copy(self.preset_2018))
        indicators = line.indicator_ids.sorted("id")
        indicators.write({"shown": False})
        indicators[: len(indicators) // 2].write({"shown": True})
        self.assertEqual(line.result, "does_not_meet")
        line.sheet_id.methodology_id.write({"competency_threshold_numerator": 1,
                                            "competency_threshold_denominator": 2})
        self.assertEqual(line.result, "meets")

    def _effect_competency_max_indicators(self):
        methodology = self._copy(self.preset_2018)
        indicator = methodology.competency_level_ids.indicator_ids[:1]
        siblings = methodology.competency_level_ids.indicator_ids.filtered(
            lambda other: (other.level_id, other.competency_id, other.kind)
            == (indicator.level_id, indicator.competency_id, indicator.kind))
        methodology.write({"competency_max_indicators": len(siblings)})
        values = {"level_id": indicator.level_id.id, "competency_id": indicator.competency_id.id,
                  "kind": indicator.kind, "name": "One more indicator"}
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env["hr.bagalau.competency.indicator"].create(values)
        methodology.write({"competency_max_indicators": len(siblings) + 1})
        self.env["hr.bagalau.competency.indicator"].create(values)

    def _session(self, methodology):
        campaign = self._campaign(methodology, 2025)
        return self.env["hr.bagalau.commission.session"].new({"campaign_id": campaign.id,
                                                              "company_id": self.company.id})

    def _effect_commission_quorum_numerator(self):
        self.assertEqual(self._session(self._copy(self.preset_2018))._bagalau_quorum(), Fraction(2, 3))
        self.assertEqual(self._session(self._copy(self.preset_2018, commission_quorum_numerator=1))
                         ._bagalau_quorum(), Fraction(1, 3))

    def _effect_commission_quorum_denominator(self):
        self.assertEqual(self._session(self._copy(self.preset_2018, commission_quorum_denominator=4))
                         ._bagalau_quorum(), Fraction(1, 2))

    def _effect_commission_notice_working_days(self):
        for days in (7, 4):
            session = self._session(self._copy(self.preset_2018, commission_notice_working_days=days))
            self.assertEqual(session._bagalau_notice_days(), days)

    def _effect_commission_submission_working_days(self):
        signed = D(2026, 1, 12)
        for days, late in ((2, True), (5, False)):
            session = self._session(self._copy(self.preset_2018, commission_submission_working_days=days))
            row = session._bagalau_agenda_row("kpi", self.env["hr.bagalau.kpi.sheet"], signed, self._wd(signed, 3))
            self.assertEqual(row["brought_late"], late)

    def _effect_commission_min_members(self):
        members = [self._bagalau_employee(f"Member {number}", category="e_3") for number in range(5)]
        for minimum, ok in ((5, False), (4, True)):
            commission = self.env["hr.bagalau.commission"].create({
                "name": "Commission", "company_id": self.company.id, "authorised_id": self.sheet_head.id,
                "methodology_id": self._copy(self.preset_2018, commission_min_members=minimum).id,
            })
            values = {"commission_id": commission.id, "number": "1", "date": D(2026, 1, 5),
                      "chair_id": members[0].id, "member_ids": [Command.set([m.id for m in members[1:4]])],
                      "secretary_id": members[4].id}
            if ok:
                self.env["hr.bagalau.commission.order"].create(values)
            else:
                with self.assertRaises(UserError), self.env.cr.savepoint():
                    self.env["hr.bagalau.commission.order"].create(values)

    def _effect_acknowledgement_working_days(self):
        Ack = self.env["hr.bagalau.acknowledgement"]
        for days in (2, 6):
            campaign = self._campaign(self._copy(self.preset_2023, acknowledgement_working_days=days))
            sheet = self.env["hr.bagalau.differentiation.sheet"]._bagalau_ensure_sheet(campaign, self.staff)
            sheet._bagalau_start_acknowledgement(final_date=D(2026, 4, 6))
            ack = Ack.search([("res_model", "=", sheet._name), ("res_id", "=", sheet.id)])
            self.assertEqual(ack.due_date, self._wd(D(2026, 4, 6), days))

    def _effect_appeal_working_days(self):
        for days in (10, 3):
            session = self._session(self._copy(self.preset_2018, appeal_working_days=days))
            decision = self.env["hr.bagalau.commission.decision"].new({"session_id": session.id,
                                                                       "decided_on": D(2026, 2, 2)})
            appeal = self.env["hr.bagalau.appeal"].new({"decision_id": decision.id})
            self.assertEqual(appeal.deadline, self._wd(D(2026, 2, 2), days))

    def _effect_refusal_witnesses(self):
        Act = self.env["hr.bagalau.refusal.act"]
        campaign = self._campaign(self._copy(self.preset_2023, refusal_witnesses=3))
        sheet = self.env["hr.bagalau.differentiation.sheet"]._bagalau_ensure_sheet(campaign, self.staff)
        sheet._bagalau_start_acknowledgement(final_date=D(2026, 4, 6))
        ack = self.env["hr.bagalau.acknowledgement"].search([("res_model", "=", sheet._name),
                                                             ("res_id", "=", sheet.id)])
        values = {"acknowledgement_id": ack.id}
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            Act.with_user(self.user_hr).create({**values, "witness_ids": [
                Command.create({"employee_id": witness.id}) for witness in self.witnesses[:2]]})
        Act.with_user(self.user_hr).create({**values, "witness_ids": [
            Command.create({"employee_id": witness.id}) for witness in self.witnesses]})

    def _effect_retention_years(self):
        for years in (3, 5):
            campaign = self._campaign(self._copy(self.preset_2023, retention_years=years))
            campaign.write({"state": "closed", "closed_on": D(2026, 4, 30)})
            self.assertEqual(campaign.retention_until, D(2026 + years, 4, 30))

    # 2023 and 2025: differentiation, calibration, the year

    def _effect_differentiation_applies_to(self):
        self.assertFalse(self._campaign(self._copy(self.preset_2023))._needs_differentiation_sheet(self.sheet_manager))
        self.assertTrue(self._campaign(self._copy(self.preset_2023, differentiation_applies_to="all"))
                        ._needs_differentiation_sheet(self.sheet_manager))

    def _effect_differentiation_min_score(self):
        # 0 is allowed by the typical text; a copy that starts at 1 refuses it.
        self._effect_differentiation_max_score(score=0, changes=((None, True), (1, False)),
                                               field="differentiation_min_score")

    def _effect_differentiation_max_score(self, score=7, changes=((None, False), (10, True)),
                                          field="differentiation_max_score"):
        for value, ok in changes:
            methodology = self._copy(self.preset_2023, **({field: value} if value is not None else {}))
            employee = self._bagalau_employee(f"Scored {methodology.id}", self.sheet_manager, category="e_4")
            sheet = self.env["hr.bagalau.differentiation.sheet"]._bagalau_ensure_sheet(
                self._campaign(methodology), employee)
            if ok:
                sheet.with_user(self.sheet_user_manager).action_score({"quality": (score, "Reason")})
                self.assertEqual(sheet.quality_score, score)
            else:
                with self.assertRaises(UserError), self.env.cr.savepoint():
                    sheet.with_user(self.sheet_user_manager).action_score({"quality": (score, "Reason")})

    def _effect_differentiation_delegation_staff_limit(self):
        for limit, allowed in ((50, False), (1, True)):
            campaign = self._campaign(self._copy(self.preset_2023, differentiation_delegation_staff_limit=limit))
            sheet = self.env["hr.bagalau.differentiation.sheet"]._bagalau_ensure_sheet(campaign, self.staff)
            self.assertEqual(sheet.with_user(self.user_hr).can_delegate, allowed and sheet.unit_staff_count > limit)

    def _effect_year_result_day(self):
        Result = self.env["hr.bagalau.result"]
        employee = self._bagalau_employee("Year Result", self.sheet_manager, category="e_4")
        result = Result.create({"employee_id": employee.id, "company_id": self.company.id, "year": 2026,
                                "methodology_id": self._copy(self.preset_2023).id})
        self.assertFalse(result.year_due_date)
        result.methodology_id.write({"year_result_day": 30})
        self.assertEqual(result.year_due_date, D(2027, 1, 29))  # Saturday 30 January: the Friday before

    def _calibration(self, methodology, **values):
        campaign = self._campaign(methodology)
        return self.env["hr.bagalau.calibration"].new({"campaign_id": campaign.id, "company_id": self.company.id,
                                                       **values})

    def _effect_calibration_protocol_working_days(self):
        for days in (3, 7):
            case = self._calibration(self._copy(self.preset_2023, calibration_protocol_working_days=days),
                                     protocol_date=D(2026, 4, 3))
            self.assertEqual(case.protocol_due, self._wd(D(2026, 4, 3), days))

    def _applied_case(self, **values):
        """A Q1 2026 differentiation sheet done on 6 April, read on 7 April; applied on 8 April."""
        campaign = self._campaign(self._copy(self.preset_2023, **values))
        sheet = self.env["hr.bagalau.differentiation.sheet"]._bagalau_ensure_sheet(campaign, self.staff)
        sheet.write({"evaluator_id": self.sheet_manager.id, "direct_manager_id": self.sheet_manager.id})
        with freeze_time("2026-04-06 06:00:00"):
            sheet.with_user(self.sheet_user_manager).action_score(
                dict.fromkeys(("quality", "deadlines", "initiative", "discipline"), (4, "Reason")))
            sheet.with_user(self.sheet_user_manager).action_done()
        staff_user = self.staff_user
        with freeze_time("2026-04-07 06:00:00"):
            sheet.with_user(staff_user).action_acknowledge()
        self.company.bagalau_authorised_id = self.sheet_head
        with freeze_time("2026-04-08 06:00:00"):
            return self.env["hr.bagalau.calibration"].with_user(staff_user)._bagalau_apply(
                sheet.with_user(staff_user), "I disagree.")

    def _effect_calibration_apply_working_days(self):
        with self.assertRaises(UserError):
            self._applied_case(calibration_apply_working_days=0)
        self.assertEqual(self._applied_case(calibration_apply_working_days=1).apply_deadline, D(2026, 4, 8))

    def _effect_calibration_decision_working_days(self):
        self.assertEqual(self._applied_case(calibration_decision_working_days=1).decision_due, D(2026, 4, 9))

    def _effect_calibration_session_working_days(self):
        self.assertEqual(self._applied_case(calibration_session_working_days=2).session_due, D(2026, 4, 10))
