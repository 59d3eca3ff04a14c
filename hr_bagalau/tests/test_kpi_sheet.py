import datetime

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import BagalauCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestKpiSheet(BagalauCase):
    """The KPI evaluation sheet: 2018 annual (seed 003 §17-24, Appendix 2)
    and 2023 quarterly (seed 004 §5, §8, §23, §28, Appendices 2-3)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._bagalau_sheet_agency()

    def _sheet_2018(self, actuals=None):
        """The evaluated employee's 2025 annual sheet, five KPIs of 100 planned."""
        campaign = self._bagalau_sheet_campaign(self.preset_2018, 2025)
        sheet = self._bagalau_sheet_of(campaign, self.sheet_evaluated)
        self._bagalau_sheet_approve_plan(sheet.plan_id, [100.0] * 5)
        if actuals:
            self._enter_actuals(sheet, actuals)
        return sheet

    def _sheet_2023(self, year=2026, quarter="1"):
        """The evaluated employee's quarterly sheet, three KPIs of 100 planned each quarter."""
        campaign = self._bagalau_sheet_campaign(self.preset_2023, year, quarter)
        sheet = self._bagalau_sheet_of(campaign, self.sheet_evaluated)
        self._bagalau_sheet_approve_plan(sheet.plan_id, [(100.0, 100.0, 100.0, 100.0)] * 3)
        return sheet

    def _enter_actuals(self, sheet, actuals, user=None):
        for line, actual in zip(sheet.line_ids.with_user(user or self.user_evaluator), actuals, strict=True):
            line.actual_value = actual

    def _todo(self, sheet, user):
        return sheet.activity_ids.filtered(lambda activity: activity.user_id == user)

    # --- creation -------------------------------------------------------------

    def test_sheet_takes_the_kpis_of_the_plan_once_approved(self):
        campaign = self._bagalau_sheet_campaign(self.preset_2018, 2025)
        sheet = self._bagalau_sheet_of(campaign, self.sheet_evaluated)
        self.assertEqual(sheet.direct_manager_id, self.sheet_manager)
        self.assertEqual(sheet.approver_id, self.sheet_superior)
        self.assertFalse(sheet.line_ids, "the plan is not approved yet: nothing to evaluate")
        with self.assertRaises(UserError):
            sheet.with_user(self.user_evaluator).action_submit()
        self._bagalau_sheet_approve_plan(sheet.plan_id, [10.0, 20.0, 30.0, 40.0, 50.0])
        self.assertEqual(sheet.line_ids.mapped("planned_value"), [10.0, 20.0, 30.0, 40.0, 50.0])
        self.assertEqual(sheet.line_ids.mapped("name"), [f"KPI {n}" for n in range(1, 6)])

    def test_quarter_sheet_takes_the_quarter_planned_values(self):
        # seed 004 Appendix 2: planned values per quarter; the Q2 sheet of a
        # plan approved in Q1 gets its lines at launch.
        q1 = self._bagalau_sheet_campaign(self.preset_2023, 2026, "1")
        plan = self._bagalau_sheet_of(q1, self.sheet_evaluated).plan_id
        self._bagalau_sheet_approve_plan(plan, [(10.0, 20.0, 30.0, 40.0), (5.0, 0.0, 5.0, 5.0),
                                                (1.0, 2.0, 3.0, 4.0)])
        q2 = self._bagalau_sheet_campaign(self.preset_2023, 2026, "2")
        sheet = self._bagalau_sheet_of(q2, self.sheet_evaluated)
        self.assertEqual(sheet.plan_id, plan)
        # A KPI with nothing planned in Q2 is not on the Q2 sheet.
        self.assertEqual(sheet.line_ids.mapped("planned_value"), [20.0, 2.0])

    def test_a_plan_approved_again_updates_the_sheet(self):
        # seed 004 §26: the KPIs change when the body's functions change; the
        # plan goes back to draft and is approved again.
        sheet = self._sheet_2018()
        plan = sheet.plan_id.sudo()
        plan.write({"state": "draft"})
        plan.line_ids[0].planned_value = 120.0
        plan.line_ids[4].unlink()
        self.assertEqual(sheet.line_ids[0].planned_value, 100.0, "a plan being redrafted is not evaluated")
        plan.write({"state": "approved"})
        self.assertEqual(sheet.line_ids.mapped("planned_value"), [120.0, 100.0, 100.0, 100.0])

    def test_prefill_is_offered_only_when_it_can_be_done(self):
        sheet = self._sheet_2023()
        plan = sheet.plan_id.sudo()
        plan.write({"state": "draft"})
        hr_sheet = sheet.with_user(self.user_hr)
        self.assertFalse(hr_sheet.can_prefill_actuals, "the plan is not approved: nothing to pre-fill")
        waiting = self.env["hr.bagalau.kpi.sheet"].with_user(self.user_hr).search(
            self._filter_domain("actuals_to_prefill", self.user_hr))
        self.assertNotIn(sheet, waiting)
        plan.write({"state": "approved"})
        hr_sheet.invalidate_recordset()
        self.assertTrue(hr_sheet.can_prefill_actuals)
        self.assertFalse(hr_sheet.can_prefill, "its KPIs are already on the sheet")
        self.assertIn(sheet, self.env["hr.bagalau.kpi.sheet"].with_user(self.user_hr).search(
            self._filter_domain("actuals_to_prefill", self.user_hr)))

    def test_hr_prefill_brings_the_plan_onto_the_sheet(self):
        sheet = self._sheet_2018()
        sheet.line_ids.sudo().unlink()  # e.g. the plan was approved outside its workflow
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_evaluator).action_prefill()
        sheet.with_user(self.user_hr).action_prefill()
        self.assertEqual(sheet.line_ids.mapped("planned_value"), [100.0] * 5)

    # --- deadlines in working days ------------------------------------------------

    def test_q1_2026_deadline_is_friday_10_april(self):
        # seed 004 §5: no later than the 10th of the month after the quarter.
        sheet = self._sheet_2023(2026, "1")
        self.assertEqual(D(2026, 4, 10).weekday(), 4)
        self.assertEqual(sheet.due_date, D(2026, 4, 10))
        # seed 004 §23: HR's actuals five working days before: Fri 3 April.
        self.assertEqual(sheet.actuals_due, D(2026, 4, 3))

    def test_q4_2025_deadline_crosses_new_year(self):
        # 10 January 2026 is a Saturday: the engine keeps the last working day
        # before it (workdays.quarter_deadline, shift "previous"): Friday 9 January.
        sheet = self._sheet_2023(2025, "4")
        self.assertEqual(D(2026, 1, 10).weekday(), 5)
        self.assertEqual(sheet.due_date, D(2026, 1, 9))
        # Five working days back skip 7 January (Christmas) and 1-2 January (New Year):
        # 8, 6, 5 January, 31 and 30 December.
        self.assertEqual(sheet.actuals_due, D(2025, 12, 30))

    def test_2018_sheet_due_ten_working_days_after_the_year(self):
        sheet = self._sheet_2018()
        calendar = self.company._bagalau_working_calendar(D(2025, 12, 31))
        self.assertEqual(calendar.working_days_between(D(2025, 12, 31), sheet.due_date), 10)
        self.assertEqual(sheet.due_date, D(2026, 1, 19))

    # --- the 2018 workflow (seed 003 §17-23) ----------------------------------------

    def test_2018_sheet_walks_every_step_with_the_right_people(self):
        sheet = self._sheet_2018()
        self.assertEqual(self._todo(sheet, self.user_evaluator).date_deadline, sheet.due_date)
        self._enter_actuals(sheet, [100, 100, 100, 100, 90])
        self.assertEqual(sheet.result_key, "effective")  # 4 of 5 achieved

        for intruder in (self.user_employee, self.user_hr, self.sheet_user_superior):
            with self.subTest(user=intruder.login), self.assertRaises(AccessError):
                sheet.with_user(intruder).action_submit()
        sheet.with_user(self.user_evaluator).action_submit()
        self.assertEqual(sheet.state, "submitted")
        self.assertFalse(self._todo(sheet, self.user_evaluator), "his step is done")
        self.assertTrue(self._todo(sheet, self.sheet_user_superior))
        with self.assertRaises(UserError):
            sheet.line_ids[0].with_user(self.user_evaluator).actual_value = 50  # frozen while submitted

        for intruder in (self.user_evaluator, self.user_hr, self.sheet_user_head):
            with self.subTest(user=intruder.login), self.assertRaises(AccessError):
                sheet.with_user(intruder).action_agree()
            with self.subTest(user=intruder.login), self.assertRaises(AccessError):
                sheet.with_user(intruder).action_return(reason="No evidence")

        # seed 003 §22: a return needs its reason.
        with self.assertRaises(UserError):
            sheet.with_user(self.sheet_user_superior).action_return()
        reason = "The act of acceptance of KPI 5 is missing."
        with freeze_time("2026-01-20 06:00:00"):
            sheet.with_user(self.sheet_user_superior).action_return(reason=reason)
        self.assertEqual(sheet.state, "returned")
        self.assertEqual(sheet.return_reason, reason)
        self.assertEqual(sheet.resubmission_due, D(2026, 1, 22))  # seed 003 §23: 2 working days
        self.assertEqual(self._todo(sheet, self.user_evaluator).date_deadline, D(2026, 1, 22))
        self.assertFalse(self._todo(sheet, self.sheet_user_superior))
        self.assertTrue(sheet.message_ids.filtered(lambda message: reason in str(message.body)))

        with self.assertRaises(AccessError):
            sheet.with_user(self.sheet_user_superior).action_submit()
        self._enter_actuals(sheet, [100, 100, 100, 100, 100])
        sheet.with_user(self.user_evaluator).action_submit()
        sheet.with_user(self.sheet_user_superior).action_agree()
        self.assertEqual(sheet.state, "agreed")
        self.assertEqual(sheet.agreed_by_id, self.sheet_user_superior)
        self.assertEqual(sheet.result_key, "excellent")
        self.assertFalse(sheet.activity_ids)
        # The employee now sees his sheet, and it no longer changes.
        self.assertEqual(sheet.with_user(self.user_employee).result_key, "excellent")
        with self.assertRaises(UserError):
            sheet.with_user(self.sheet_user_superior).return_reason = "Too late"
        with self.assertRaises(UserError):
            sheet.line_ids[0].sudo().actual_value = 1

    def test_nobody_skips_a_step_by_hand(self):
        sheet = self._sheet_2018([100] * 5)
        line = sheet.line_ids[0]
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_evaluator).state = "agreed"
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_evaluator).direct_manager_id = self.sheet_superior
        with self.assertRaises(AccessError):
            line.with_user(self.user_evaluator).planned_value = 50  # would make the KPI achieved
        with self.assertRaises(AccessError):
            line.with_user(self.sheet_user_superior).actual_value = 50  # the evaluator fills it in
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_evaluator).return_reason = "Returned by myself"
        self.assertEqual((sheet.state, line.planned_value, line.actual_value), ("draft", 100.0, 100.0))
        # HR reassigns the evaluation when the manager changes.
        sheet.with_user(self.user_hr).write({"direct_manager_id": self.sheet_superior.id,
                                             "superior_id": self.sheet_head.id})
        self.assertEqual(sheet.approver_id, self.sheet_head)
        self.assertTrue(sheet.with_user(self.sheet_user_superior).can_submit)

    def test_hr_records_the_paper_steps_of_a_manager_without_user(self):
        # Not every civil servant has an Odoo user: HR records what he signed.
        sheet = self._sheet_2018([100] * 5)
        self.sheet_manager.user_id = False
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_evaluator).action_submit()
        sheet.with_user(self.user_hr).action_submit()
        self.assertEqual(sheet.state, "submitted")
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_hr).action_agree()  # the superior has a user: his own step
        sheet.with_user(self.sheet_user_superior).action_agree()
        self.assertEqual(sheet.state, "agreed")

    def test_employee_does_not_see_his_sheet_before_agreement(self):
        sheet = self._sheet_2018([100] * 5)
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_employee).read(["result_key"])

    def test_head_of_the_body_agrees_the_sheet_he_evaluates(self):
        # seed 003 §20: the head of the body evaluates his deputy and agrees it himself.
        campaign = self._bagalau_sheet_campaign(self.preset_2018, 2025)
        sheet = self._bagalau_sheet_of(campaign, self.sheet_superior)
        self.assertEqual(sheet.direct_manager_id, self.sheet_head)
        self.assertEqual(sheet.approver_id, self.sheet_head)
        self._bagalau_sheet_approve_plan(sheet.plan_id, [100.0] * 5)
        self._enter_actuals(sheet, [100] * 5, user=self.sheet_user_head)
        sheet.with_user(self.sheet_user_head).action_submit()
        self.assertTrue(sheet.with_user(self.sheet_user_head).can_agree)
        sheet.with_user(self.sheet_user_head).action_agree()
        self.assertEqual(sheet.state, "agreed")

    def test_submit_needs_every_actual_value(self):
        sheet = self._sheet_2018()
        self._enter_actuals(sheet, [100, 100, 100, 100, 0])
        sheet.line_ids[4].sudo().write({"actual_entered": False})  # the fifth was never typed in
        with self.assertRaisesRegex(UserError, "KPI 5"):
            sheet.with_user(self.user_evaluator).action_submit()
        # An actual of 0 is a value: typing it in counts.
        sheet.line_ids[4].with_user(self.user_evaluator).actual_value = 0
        sheet.with_user(self.user_evaluator).action_submit()
        self.assertEqual(sheet.result_key, "effective")

    def test_2018_grade_by_the_number_of_kpis_achieved(self):
        # seed 003 §18: 5 of 5 excellent, 4 effective, 3 satisfactory, fewer unsatisfactory;
        # a KPI is achieved only when its planned value is fully met.
        sheet = self._sheet_2018()
        for achieved, grade in ((5, "excellent"), (4, "effective"), (3, "satisfactory"), (2, "unsatisfactory")):
            with self.subTest(achieved=achieved):
                self._enter_actuals(sheet, [100] * achieved + [99.99] * (5 - achieved))
                self.assertEqual(sheet.achieved_count, achieved)
                self.assertEqual(sheet.result_key, grade)
        # The wording of the seed, in the user's language (seed 001 §18 kk, seed 003 §18 ru).
        self.env["res.lang"]._activate_lang("kk_KZ")
        self.env["res.lang"]._activate_lang("ru_RU")
        self.assertEqual(sheet.with_context(lang="kk_KZ").result_label, "қанағаттанарлықсыз")
        self.assertEqual(sheet.with_context(lang="ru_RU").result_label, "неудовлетворительно")

    def test_evaluator_decides_whether_a_kpi_is_achieved(self):
        sheet = self._sheet_2018([100, 100, 100, 100, 80])
        self.assertEqual(sheet.result_key, "effective")
        sheet.line_ids[4].with_user(self.user_evaluator).achieved = True
        self.assertEqual(sheet.result_key, "excellent")

    # --- the 2023 sheet (seed 004 §23, §28, Appendices 2-3) ------------------------------

    def _to_do(self, user):
        """The sheets of ``user``'s "To Do by Me" filter, the default of the menu."""
        return self.env["hr.bagalau.kpi.sheet"].with_user(user).search(self._filter_domain("to_do_by_me", user))

    def test_2023_actuals_come_from_hr(self):
        sheet = self._sheet_2023()
        self.assertEqual(self._todo(sheet, self.user_hr).date_deadline, sheet.actuals_due)
        self.assertIn(sheet, self._to_do(self.user_hr))
        with self.assertRaises(AccessError):
            self._enter_actuals(sheet, [100, 92, 50], user=self.user_evaluator)
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_evaluator).action_prefill_actuals()
        with self.assertRaises(UserError):
            sheet.with_user(self.user_hr).action_prefill_actuals()  # nothing entered yet
        self._enter_actuals(sheet, [100, 92, 50], user=self.user_hr)
        with freeze_time("2026-04-02 05:00:00"):
            sheet.with_user(self.user_hr).action_prefill_actuals()
        self.assertEqual(sheet.actuals_by_id, self.user_hr)
        self.assertEqual(sheet.actuals_on, datetime.datetime(2026, 4, 2, 5, 0))
        self.assertFalse(sheet.with_user(self.user_hr).can_prefill_actuals, "the actuals were sent")
        with self.assertRaisesRegex(UserError, "already done by"):
            sheet.with_user(self.user_hr).action_prefill_actuals()
        self.assertFalse(self._todo(sheet, self.user_hr))
        self.assertNotIn(sheet, self._to_do(self.user_hr))
        self.assertEqual(self._todo(sheet, self.user_evaluator).date_deadline, D(2026, 4, 10))
        self.assertEqual(sheet.line_ids.mapped("percent"), [100.0, 92.0, 50.0])
        self.assertEqual(sheet.line_ids.mapped("score_range"), ["5.00 – 5.00", "4.50 – 4.74", "2.50 – 2.74"])

    def test_2023_score_outside_its_range_is_refused(self):
        sheet = self._sheet_2023()
        self._enter_actuals(sheet, [100, 92, 50], user=self.user_hr)
        first, second, third = sheet.line_ids
        sheet.with_user(self.user_evaluator).write({"line_ids": [(1, first.id, {"score": 5})]})
        with self.assertRaises(ValidationError) as refused:
            sheet.with_user(self.user_evaluator).write({"line_ids": [
                (1, second.id, {"score": 4.6}),
                (1, third.id, {"score": 4.0}),  # 50 % achieved allows 2.50-2.74 only
            ]})
        message = str(refused.exception)
        self.assertIn("2.50–2.74", message)
        self.assertIn("KPI 3", message)
        self.assertIn("50.00 % achieved", message)
        # Nothing of the refused save is kept, and the earlier score stays.
        self.assertEqual((first.score, second.score, third.score), (5.0, 0.0, 0.0))
        self.assertFalse(second.score_entered or third.score_entered)
        self.assertEqual(sheet.state, "draft")

    def test_2023_scores_are_the_evaluators(self):
        sheet = self._sheet_2023()
        self._enter_actuals(sheet, [100, 100, 100], user=self.user_hr)
        for intruder in (self.user_hr, self.sheet_user_superior):
            with self.subTest(user=intruder.login), self.assertRaises(AccessError):
                sheet.line_ids[0].with_user(intruder).score = 5

    def test_2023_sheet_score_and_band(self):
        # Appendix 2: (5 + 4.6 + 2.6) / 3 = 4.0667 -> 4.07; seed 004 §8: 4 to 5 is "effective".
        sheet = self._sheet_2023()
        self._bagalau_sheet_walk_2023(sheet, [100, 92, 50], [5, 4.6, 2.6])
        self.assertEqual(sheet.state, "agreed")
        self.assertEqual(sheet.score, 4.07)
        self.assertEqual(sheet.result_key, "effective")
        self.env["res.lang"]._activate_lang("kk_KZ")
        self.assertEqual(sheet.with_context(lang="kk_KZ").result_label, "Функционалдық міндеттерін тиімді атқарады")

    def test_2023_low_scores_give_a_lower_band(self):
        sheet = self._sheet_2023()
        self._bagalau_sheet_walk_2023(sheet, [60, 70, 55], [3.0, 3.5, 2.75])
        self.assertEqual(sheet.score, 3.08)
        self.assertEqual(sheet.result_key, "proper")

    def test_2023_submit_needs_every_score(self):
        sheet = self._sheet_2023()
        # 90 % allows 4.50-4.74: a choice the evaluator must make.
        self._enter_actuals(sheet, [100, 100, 90], user=self.user_hr)
        sheet.line_ids[:2].with_user(self.user_evaluator).write({"score": 5})
        with self.assertRaisesRegex(UserError, "KPI 3"):
            sheet.with_user(self.user_evaluator).action_submit()

    def test_2023_a_single_allowed_score_is_filled_in(self):
        # seed 004 Appendix 3: 100 % and more allows 5.00-5.00, nothing to choose.
        sheet = self._sheet_2023()
        self._enter_actuals(sheet, [100, 120, 92], user=self.user_hr)
        third = sheet.line_ids[2]
        self.assertFalse(sheet.line_ids.filtered("score_entered"), "no score before anyone scores")
        sheet.with_user(self.user_hr).action_prefill_actuals()
        self.assertEqual([(line.score, line.score_entered) for line in sheet.line_ids],
                         [(5.0, True), (5.0, True), (0.0, False)])
        # HR still does not score by hand (seed 004 §28).
        with self.assertRaises(AccessError):
            third.with_user(self.user_hr).score = 4.6
        with self.assertRaisesRegex(UserError, "KPI 3"):
            sheet.with_user(self.user_evaluator).action_submit()
        third.with_user(self.user_evaluator).score = 4.6
        sheet.with_user(self.user_evaluator).action_submit()
        self.assertEqual((sheet.state, sheet.score), ("submitted", 4.87))

    def test_2023_a_single_allowed_score_is_filled_in_on_submit_and_a_given_score_stays(self):
        sheet = self._sheet_2023()
        self._enter_actuals(sheet, [100, 100, 100], user=self.user_hr)
        sheet.line_ids[0].with_user(self.user_evaluator).score = 5
        sheet.with_user(self.user_evaluator).action_submit()
        self.assertEqual(sheet.line_ids.mapped("score_entered"), [True] * 3)
        self.assertEqual((sheet.state, sheet.score), ("submitted", 5.0))

    def test_2023_score_shows_empty_until_given(self):
        arch = etree.fromstring(self.env["hr.bagalau.kpi.sheet"].get_views([(False, "form")])["views"]["form"]["arch"])
        [score] = arch.xpath("//field[@name='line_ids']/list/field[@name='score']")
        self.assertEqual(score.get("widget"), "bagalau_entered_float")
        self.assertEqual(safe_eval(score.get("options")), {"entered_field": "score_entered"})

    # --- closed campaign --------------------------------------------------------------

    def test_closed_campaign_refuses_any_change(self):
        sheet = self._sheet_2018()
        sheet.campaign_id.with_user(self.user_hr).action_close()
        with self.assertRaisesRegex(UserError, "closed"):
            sheet.line_ids[0].with_user(self.user_evaluator).actual_value = 100
        with self.assertRaisesRegex(UserError, "closed"):
            sheet.line_ids[0].with_user(self.user_hr).actual_value = 100
        with self.assertRaisesRegex(UserError, "closed"):
            sheet.with_user(self.user_hr).due_date = D(2026, 2, 2)
        with self.assertRaises(UserError):
            sheet.with_user(self.user_evaluator).action_submit()
        self.assertFalse(sheet.line_ids[0].actual_entered)
        self.assertFalse(sheet.with_user(self.user_evaluator).can_submit)

    # --- working days of a return ----------------------------------------------------

    def test_resubmission_deadline_skips_nauryz(self):
        sheet = self._sheet_2023()
        self._enter_actuals(sheet, [100, 100, 100], user=self.user_hr)
        sheet.line_ids.with_user(self.user_evaluator).write({"score": 5})
        sheet.with_user(self.user_evaluator).action_submit()
        with freeze_time("2026-03-20 06:00:00"):  # Friday, 11:00 in Almaty
            sheet.with_user(self.sheet_user_superior).action_return(reason="The statistics office has not "
                                                                           "confirmed KPI 2.")
        # Saturday 21 to Wednesday 25 March are days off (Nauryz): Thursday 26, Friday 27.
        calendar = self.company._bagalau_working_calendar(D(2026, 3, 20))
        self.assertFalse(any(calendar.is_working_day(D(2026, 3, day)) for day in range(21, 26)))
        self.assertEqual(sheet.resubmission_due, D(2026, 3, 27))
        self.assertEqual(calendar.working_days_between(D(2026, 3, 20), sheet.resubmission_due), 2)

    # --- the search filters ------------------------------------------------------------

    def _filter_domain(self, name, user):
        """The domain of the search view's filter ``name``, as the web client evaluates it."""
        arch = etree.fromstring(self.env.ref("hr_bagalau.hr_bagalau_kpi_sheet_view_search").get_combined_arch())
        domain = arch.find(f".//filter[@name='{name}']").get("domain")
        return safe_eval(domain, {"uid": user.id, "context_today": datetime.date.today})

    def test_to_do_by_me_follows_the_sheet(self):
        sheet = self._sheet_2018([100] * 5)
        self.assertIn(sheet, self._to_do(self.user_evaluator))
        self.assertNotIn(sheet, self._to_do(self.sheet_user_superior))
        sheet.with_user(self.user_evaluator).action_submit()
        self.assertNotIn(sheet, self._to_do(self.user_evaluator))
        self.assertIn(sheet, self._to_do(self.sheet_user_superior))
        sheet.with_user(self.sheet_user_superior).action_agree()
        self.assertNotIn(sheet, self._to_do(self.sheet_user_superior))
        action = self.env.ref("hr_bagalau.hr_bagalau_kpi_sheet_action")
        self.assertIn("search_default_to_do_by_me", action.context)

    def test_overdue_filter(self):
        sheet = self._sheet_2018()
        Sheet = self.env["hr.bagalau.kpi.sheet"].with_user(self.user_hr)
        with freeze_time("2026-01-19"):
            self.assertNotIn(sheet, Sheet.search(self._filter_domain("overdue", self.user_hr)))
            self.assertFalse(sheet.is_overdue)
        with freeze_time("2026-01-20"):
            self.assertIn(sheet, Sheet.search(self._filter_domain("overdue", self.user_hr)))
            sheet.invalidate_recordset(["is_overdue"])
            self.assertTrue(sheet.is_overdue)
