import datetime

from freezegun import freeze_time
from lxml import etree
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import BagalauCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestKpiPlan(BagalauCase):
    """The individual work plan: drafted by the direct manager within 10
    working days, approved by the superior or returned with a reason,
    monitored each quarter (seed 003 §9-16, seed 004 §22-26)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._bagalau_kpi_agency()
        # Appointed on Thursday 12 March 2026, just before Nauryz.
        cls.emp_newcomer = cls._bagalau_employee("Қасымов Бауыржан", cls.emp_manager, position_date=D(2026, 3, 12))
        cls.methodology_2018 = cls.preset_2018.with_company(cls.company).copy({"name": "Akimat 2018"})
        cls.methodology_2023 = cls.preset_2023.with_company(cls.company).copy({"name": "Akimat 2023"})
        cls.campaign_2018 = cls._bagalau_launch(cls.methodology_2018, 2026)
        cls.campaign_2023 = cls._bagalau_launch(cls.methodology_2023, 2027, "1")
        plans = cls.campaign_2018.plan_ids
        cls.plan = plans.filtered(lambda plan: plan.employee_id == cls.emp_servant)
        cls.plan_newcomer = plans.filtered(lambda plan: plan.employee_id == cls.emp_newcomer)
        cls.plan_of_superior = plans.filtered(lambda plan: plan.employee_id == cls.emp_superior)
        # 2023: KPIs for the heads of units only (seed 004 §22).
        cls.plan_2023 = cls.campaign_2023.plan_ids.filtered(lambda plan: plan.employee_id == cls.emp_manager)

    # --- helpers ---------------------------------------------------------

    def _fill(self, plan, count, user=None):
        plan.with_user(user or plan.direct_manager_id.user_id).write(
            {"line_ids": self._bagalau_kpi_lines(plan.generation, count, plan.year)})

    def _submitted(self, plan):
        self._fill(plan, 5)
        plan.with_user(plan.direct_manager_id.user_id).action_submit()
        return plan

    def _approved(self, plan):
        self._submitted(plan).with_user(plan.approver_id.user_id).action_approve()
        return plan

    def _todos(self, plan):
        """Open to-dos of the plan: {user: deadline}."""
        return {activity.user_id: activity.date_deadline for activity in plan.activity_ids}

    def _overdue(self, plan):
        """``is_overdue`` as a new request computes it, today."""
        plan.invalidate_recordset(["is_overdue"])
        return plan.is_overdue

    def _filter(self, name, user):
        """The plans the search view's filter ``name`` shows to ``user``."""
        Plan = self.env["hr.bagalau.kpi.plan"].with_user(user)
        arch = Plan.get_views([(False, "search")])["views"]["search"]["arch"]
        domain = etree.fromstring(arch).xpath(f"//filter[@name='{name}']")[0].get("domain")
        return Plan.search(safe_eval(domain, {"uid": user.id}))

    # --- creation and deadlines --------------------------------------------

    def test_launch_makes_one_plan_per_kpi_holder_with_its_managers(self):
        self.assertEqual(self.campaign_2018.plan_ids.employee_id,
                         self.emp_superior | self.emp_manager | self.emp_servant | self.emp_outsider
                         | self.emp_newcomer, "2018: every corps B servant has KPIs (seed 003 §9)")
        self.assertEqual(self.campaign_2023.plan_ids.employee_id,
                         self.emp_superior | self.emp_manager | self.emp_outsider,
                         "2023: heads of units only (seed 004 §22)")
        self.assertEqual((self.plan.direct_manager_id, self.plan.superior_id, self.plan.approver_id),
                         (self.emp_manager, self.emp_superior, self.emp_superior))
        self.assertEqual(self.plan.state, "draft")
        # seed 003 §11: the head of the body approves the plans he drafts.
        self.assertEqual(self.plan_of_superior.direct_manager_id, self.emp_head)
        self.assertEqual(self.plan_of_superior.approver_id, self.emp_head)

    def test_due_date_counts_ten_working_days_over_holidays(self):
        # seed 003 §9: 10 working days after 1 January 2026. Days off: 1-2 January
        # (New Year), 3-4 (weekend), 7 (Orthodox Christmas), 10-11 (weekend):
        # 5, 6, 8, 9, 12, 13, 14, 15, 16, 19 January.
        self.assertEqual(self.plan.due_date, D(2026, 1, 19))
        # seed 004 §23: appointed on 12 March 2026, 10 working days from then:
        # 13, 16-20 March, then Nauryz 21-25 (Saturday to Wednesday), 26, 27, 30, 31.
        self.assertEqual(self.plan_newcomer.due_date, D(2026, 3, 31))
        # 2027: 1 January (Friday), 2 (Saturday, carried over to Monday 4), 7 (Orthodox
        # Christmas): 5, 6, 8, 11-15, 18, 19 January.
        self.assertEqual(self.plan_2023.due_date, D(2027, 1, 19))

    def test_launch_asks_the_direct_manager_to_draft_by_the_due_date(self):
        self.assertEqual(self._todos(self.plan), {self.user_manager: D(2026, 1, 19)})
        # A dedicated type: "my evaluation to-dos" is a filter of the activity views.
        self.assertEqual(self.plan.activity_ids.activity_type_id,
                         self.env.ref("hr_bagalau.mail_activity_type_bagalau_evaluate"))
        self.assertEqual(self._todos(self.plan_newcomer), {self.user_manager: D(2026, 3, 31)})

    def test_one_plan_per_employee_and_year(self):
        Plan = self.env["hr.bagalau.kpi.plan"]
        self.assertEqual(Plan._bagalau_ensure_plan(self.campaign_2018, self.emp_servant), self.plan)
        self.campaign_2018.action_launch()
        self.assertEqual(len(self.campaign_2018.plan_ids.filtered(lambda p: p.employee_id == self.emp_servant)), 1)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            Plan.create({"campaign_id": self.campaign_2018.id, "employee_id": self.emp_servant.id})
            Plan.flush_model()

    # --- the workflow --------------------------------------------------------

    def test_2018_plan_is_submitted_returned_resubmitted_and_approved(self):
        plan, manager, superior = self.plan_newcomer, self.user_manager, self.user_superior
        self.env.cr.precommit.run()  # commit the launch: Odoo tracks no record in the transaction creating it
        self._fill(plan, 5)
        with freeze_time("2026-03-19"):  # Thursday before Nauryz
            plan.with_user(manager).action_submit()
        self.assertEqual(plan.state, "submitted")
        # The superior's to-do: 2 working days, Friday 20 then Thursday 26 March.
        self.assertEqual(self._todos(plan), {superior: D(2026, 3, 26)})
        self.env.cr.precommit.run()  # tracking values are written at commit
        plan.invalidate_recordset(["message_ids"])
        self.assertIn("state", plan.message_ids.tracking_value_ids.field_id.mapped("name"))

        with freeze_time("2026-03-20"):  # Friday
            plan.with_user(superior).write({"return_reason": "KPI 3 cannot be measured."})
            plan.with_user(superior).action_return()
        self.assertEqual(plan.state, "returned")
        # seed 003 §12: resubmit within 2 working days, across Nauryz (21-25 March).
        self.assertEqual(plan.resubmission_due, D(2026, 3, 27))
        self.assertEqual(self._todos(plan), {manager: D(2026, 3, 27)})
        self.assertIn("KPI 3 cannot be measured.", plan.message_ids[0].body)

        with freeze_time("2026-03-27"):
            self.assertFalse(self._overdue(plan))
            plan.line_ids[2].with_user(manager).write({"unit": "number of applications"})
            plan.with_user(manager).action_submit()
        self.assertEqual(plan.state, "submitted")
        self.assertFalse(plan.return_reason, "the next return needs its own reason")
        self.assertEqual(self._todos(plan), {superior: D(2026, 3, 31)})

        with freeze_time("2026-03-30"):
            plan.with_user(superior).action_approve()
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.approved_by_id, superior)
        self.assertFalse(plan.activity_ids, "nothing is left to do")
        self.assertIn("approved", plan.message_ids[0].body)

    def test_head_of_body_approves_the_plan_he_drafts(self):
        # seed 003 §11: the direct manager is the first head of the body.
        plan, head = self.plan_of_superior, self.user_head
        self._fill(plan, 5)
        plan = plan.with_user(head)
        self.assertTrue(plan.can_approve)
        self.assertFalse(plan.can_submit)
        with self.assertRaises(UserError):
            plan.action_submit()
        plan.action_approve()
        self.assertEqual((plan.state, plan.approved_by_id), ("approved", head))

    def test_2023_plan_has_three_to_five_kpis_by_quarter(self):
        plan, superior, head = self.plan_2023, self.user_superior, self.user_head
        self.assertEqual((plan.direct_manager_id, plan.approver_id), (self.emp_superior, self.emp_head))
        for count in (2, 6):
            with self.subTest(count=count):
                plan.with_user(superior).write({"line_ids": [Command.clear()]})
                self._fill(plan, count)
                with self.assertRaisesRegex(UserError, r"asks for 3 to 5"):
                    plan.with_user(superior).action_submit()
                self.assertEqual((plan.state, plan.kpi_count), ("draft", count), "nothing is lost")
        plan.with_user(superior).write({"line_ids": [Command.clear()]})
        self._fill(plan, 3)
        plan.with_user(superior).action_submit()
        plan.with_user(head).action_approve()
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.line_ids[0]._planned_for(2), 20.0)

    # --- who may act -----------------------------------------------------------

    def test_only_the_right_person_acts_on_each_step(self):
        plan = self.plan
        self._fill(plan, 5)
        others = (self.user_superior, self.user_head, self.user_outsider, self.user_hr, self.user_employee)
        for user in others:
            with self.subTest(step="submit", user=user.login), self.assertRaises(AccessError):
                plan.with_user(user).action_submit()
        plan.with_user(self.user_manager).action_submit()
        for user in (self.user_manager, self.user_head, self.user_outsider, self.user_hr, self.user_employee):
            with self.subTest(step="approve", user=user.login), self.assertRaises(AccessError):
                plan.with_user(user).action_approve()
            with self.subTest(step="return", user=user.login), self.assertRaises(AccessError):
                plan.with_user(user).action_return("Not SMART")
        for user in (self.user_manager, self.user_superior, self.user_employee):
            with self.subTest(step="reset", user=user.login), self.assertRaises(AccessError):
                plan.with_user(user).action_reset_draft()
        self.assertEqual(plan.state, "submitted")

    def test_nobody_skips_the_workflow_by_writing_fields(self):
        plan = self._submitted(self.plan)
        manager = plan.with_user(self.user_manager)
        with self.assertRaises(AccessError):
            manager.write({"state": "approved"})
        with self.assertRaises(AccessError):
            manager.write({"superior_id": self.emp_manager.id})
        with self.assertRaises(AccessError):
            manager.write({"return_reason": "I return it myself"})
        self.assertEqual((plan.state, plan.superior_id), ("submitted", self.emp_superior))

    def test_only_the_direct_manager_and_hr_write_the_kpis(self):
        self._fill(self.plan, 1)
        for user in (self.user_superior, self.user_outsider):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.plan.line_ids.with_user(user).write({"name": "Changed"})
        self.plan.line_ids.with_user(self.user_hr).write({"name": "Typed by HR from the signed paper"})
        self.assertEqual(self.plan.line_ids.name, "Typed by HR from the signed paper")

    def test_buttons_follow_the_user_and_the_state(self):
        def buttons(user):
            plan = self.plan.with_user(user)
            return {name for name in ("can_submit", "can_approve", "can_return", "can_reset", "can_edit_lines")
                    if plan[name]}

        self.assertEqual(buttons(self.user_manager), {"can_submit", "can_edit_lines"})
        self.assertEqual(buttons(self.user_superior), set())
        self.assertEqual(buttons(self.user_hr), {"can_edit_lines"})
        self._submitted(self.plan)
        self.assertEqual(buttons(self.user_manager), set())
        self.assertEqual(buttons(self.user_superior), {"can_approve", "can_return"})
        self.assertEqual(buttons(self.user_hr), {"can_reset"})

    def test_the_employee_reads_his_plan_once_approved(self):
        Plan = self.env["hr.bagalau.kpi.plan"].with_user(self.user_employee)
        self._submitted(self.plan)
        self.assertFalse(Plan.search([]))
        with self.assertRaises(AccessError):
            self.plan.with_user(self.user_employee).line_ids.mapped("name")
        self.plan.with_user(self.user_superior).action_approve()
        self.assertEqual(Plan.search([]), self.plan)
        self.assertEqual(len(self.plan.with_user(self.user_employee).line_ids), 5)
        with self.assertRaises(AccessError):
            self.plan.with_user(self.user_employee).write({"return_reason": "I disagree"})

    # --- bad input -------------------------------------------------------------

    def test_a_2018_plan_has_exactly_five_kpis(self):
        # seed 003 §14 "Количество КЦИ составляет 5".
        for count in (4, 6):
            with self.subTest(count=count):
                self.plan.with_user(self.user_manager).write({"line_ids": [Command.clear()]})
                self._fill(self.plan, count)
                with self.assertRaisesRegex(UserError, f"has {count} KPIs.*asks for exactly 5"):
                    self.plan.with_user(self.user_manager).action_submit()
                self.assertEqual((self.plan.state, self.plan.kpi_count), ("draft", count), "nothing is lost")

    def test_planned_values_must_be_given_and_positive(self):
        for value in (0.0, -5.0):
            with self.subTest(value=value), self.assertRaisesRegex(ValidationError, "Applications processed"), \
                    self.env.cr.savepoint():
                self.plan.with_user(self.user_manager).write({"line_ids": [Command.create({
                    "name": "Applications processed", "source_document": "Strategic plan", "unit": "%",
                    "planned_value": value, "deadline": D(2026, 12, 1)})]})
        plan = self.plan_2023.with_user(self.user_superior)
        for quarters in ({}, {"planned_q1": 10.0, "planned_q2": -1.0}):
            with self.subTest(quarters=quarters), self.assertRaisesRegex(ValidationError, "Roads repaired"), \
                    self.env.cr.savepoint():
                plan.write({"line_ids": [Command.create({
                    "name": "Roads repaired", "source_document": "Regional plan", "unit": "km", **quarters})]})
        plan.write({"line_ids": [Command.create({"name": "Roads repaired", "source_document": "Regional plan",
                                                  "unit": "km", "planned_q3": 12.0})]})
        self.assertEqual(plan.line_ids._planned_quarters(), [3])

    def test_each_kpi_has_a_deadline_within_the_year(self):
        # seed 003 §13.4: limited in time within the evaluated period.
        self._fill(self.plan, 5)
        with self.assertRaisesRegex(ValidationError, "KPI 1"), self.env.cr.savepoint():
            self.plan.line_ids[0].with_user(self.user_manager).write({"deadline": D(2027, 1, 15)})
        self.plan.line_ids[0].with_user(self.user_manager).write({"deadline": False})
        with self.assertRaisesRegex(UserError, "KPI 1"):
            self.plan.with_user(self.user_manager).action_submit()
        self.assertEqual(self.plan.state, "draft")

    def test_a_plan_is_returned_only_with_a_reason(self):
        plan = self._submitted(self.plan).with_user(self.user_superior)
        with self.assertRaises(UserError):
            plan.action_return()
        with self.assertRaises(UserError):
            plan.action_return("   ")
        self.assertEqual(plan.state, "submitted")
        plan.action_return("KPI 2 has no measurable target.")
        self.assertEqual((plan.state, plan.return_reason), ("returned", "KPI 2 has no measurable target."))

    # --- frozen plans ---------------------------------------------------------

    def test_an_approved_plan_is_read_only_until_hr_resets_it(self):
        plan = self._approved(self.plan)
        with self.assertRaises(UserError):
            plan.line_ids[0].with_user(self.user_manager).write({"planned_value": 50.0})
        with self.assertRaises(UserError):
            self._fill(plan, 1)
        with self.assertRaises(UserError):
            plan.with_user(self.user_hr).write({"due_date": D(2026, 2, 1)})
        with freeze_time("2026-01-12"):
            plan.with_user(self.user_hr).action_reset_draft()
        self.assertEqual((plan.state, plan.approved_by_id.id), ("draft", False))
        self.assertEqual(self._todos(plan), {self.user_manager: D(2026, 1, 19)})
        plan.line_ids[0].with_user(self.user_manager).write({"planned_value": 50.0})
        self.assertEqual(plan.line_ids[0].planned_value, 50.0)

    def test_closing_the_2018_campaign_freezes_its_plans(self):
        self._fill(self.plan, 5)
        monitored = self._approved(self.plan_newcomer)
        self.campaign_2018.with_user(self.user_hr).action_close()
        self.assertTrue(self.plan.is_locked)
        for action in (
            lambda: self.plan.line_ids[0].with_user(self.user_manager).write({"name": "Changed"}),
            lambda: self.plan.with_user(self.user_manager).action_submit(),
            lambda: monitored.with_user(self.user_hr).action_reset_draft(),
            lambda: self.env["hr.bagalau.kpi.monitoring"].with_user(self.user_manager).create({
                "plan_id": monitored.id, "quarter": "4", "recommendations": "Too late"}),
        ):
            with self.assertRaisesRegex(UserError, "is closed"):
                action()
        self.assertEqual(self.plan.state, "draft")

    def test_closing_a_2023_quarter_leaves_the_year_plan_open(self):
        # The 2023 plan serves the four quarters: the 1st quarter's campaign closing
        # does not freeze it.
        self.campaign_2023.with_user(self.user_hr).action_close()
        self.assertFalse(self.plan_2023.is_locked)
        self._fill(self.plan_2023, 3)
        self.plan_2023.with_user(self.user_superior).action_submit()
        self.assertEqual(self.plan_2023.state, "submitted")

    # --- overdue ---------------------------------------------------------------

    def test_late_plans_are_overdue(self):
        Plan = self.env["hr.bagalau.kpi.plan"]
        with freeze_time("2026-01-19"):
            self.assertFalse(self._overdue(self.plan))
        with freeze_time("2026-01-20"):
            self.assertTrue(self._overdue(self.plan))
            self.assertIn(self.plan, Plan.search([("is_overdue", "=", True)]))
            self.assertIn(self.plan, self._filter("overdue", self.user_hr))
            self.assertNotIn(self.plan_newcomer, self._filter("overdue", self.user_hr))
        with freeze_time("2026-03-20"):
            self._submitted(self.plan_newcomer).with_user(self.user_superior).action_return("KPI 1 is vague.")
        with freeze_time("2026-03-27"):
            self.assertNotIn(self.plan_newcomer, Plan.search([("is_overdue", "=", True)]))
        with freeze_time("2026-03-30"):
            self.assertIn(self.plan_newcomer, Plan.search([("is_overdue", "=", True)]))
            self.assertTrue(self._overdue(self.plan_newcomer))
            self._approved(self.plan)
            self.assertNotIn(self.plan, Plan.search([("is_overdue", "=", True)]), "approved late is done")
            self.assertIn(self.plan, Plan.search([("is_overdue", "=", False)]))

    # --- search filters ---------------------------------------------------------

    def test_to_do_by_me_lists_the_plans_waiting_for_my_step(self):
        self.assertEqual(self._filter("to_do_by_me", self.user_manager), self.plan | self.plan_newcomer)
        self.assertEqual(self._filter("to_do_by_me", self.user_superior),
                         self.campaign_2018.plan_ids.filtered(lambda p: p.employee_id == self.emp_manager)
                         | self.plan_2023)
        self._submitted(self.plan)
        self.assertEqual(self._filter("to_do_by_me", self.user_manager), self.plan_newcomer)
        self.assertIn(self.plan, self._filter("to_do_by_me", self.user_superior))
        self.assertIn(self.plan_of_superior, self._filter("to_do_by_me", self.user_head))

    def test_my_team_and_my_plans(self):
        self.assertEqual(self._filter("my_team", self.user_manager), self.plan | self.plan_newcomer)
        self.assertIn(self.plan, self._filter("my_team", self.user_superior))
        self.assertNotIn(self.plan, self._filter("my_team", self.user_outsider))
        self._approved(self.plan)
        self.assertEqual(self._filter("my_plans", self.user_employee), self.plan)

    def test_the_action_opens_on_to_do_by_me(self):
        action = self.env.ref("hr_bagalau.hr_bagalau_kpi_plan_action")
        self.assertEqual(safe_eval(action.context), {"search_default_to_do_by_me": 1})

    # --- quarterly monitoring -----------------------------------------------------

    def test_the_direct_manager_writes_quarterly_recommendations(self):
        # seed 003 §16: quarterly monitoring with written recommendations.
        Monitoring = self.env["hr.bagalau.kpi.monitoring"]
        values = {"plan_id": self.plan.id, "quarter": "1", "recommendations": "Speed up KPI 2."}
        with self.assertRaisesRegex(UserError, "once the plan is approved"):
            Monitoring.with_user(self.user_manager).create(values)
        self._approved(self.plan)
        for user in (self.user_superior, self.user_employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Monitoring.with_user(user).create(values)
        Monitoring.with_user(self.user_manager).create(values)
        self.assertEqual(self.plan.with_user(self.user_employee).monitoring_ids.mapped("recommendations"),
                         ["Speed up KPI 2."])
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            Monitoring.with_user(self.user_manager).create({**values, "recommendations": "Again"})
            Monitoring.flush_model()

    def test_hr_records_the_steps_of_a_manager_without_odoo_user(self):
        # DESIGN.md: not every civil servant has an Odoo user; HR then records
        # the paper steps, and only for those who have none.
        paper_manager = self._bagalau_employee("Жанұзақов Асқар", self.emp_superior, category="e_3",
                                               bagalau_is_unit_head=True)
        clerk = self._bagalau_employee("Тұлегенова Раушан", paper_manager, category="e_4")
        plan = self.env["hr.bagalau.kpi.plan"].sudo()._bagalau_ensure_plan(self.campaign_2018, clerk)
        self._fill(plan, 5, user=self.user_hr)
        with self.assertRaises(AccessError):
            plan.with_user(self.user_outsider).action_submit()
        plan.with_user(self.user_hr).action_submit()
        self.assertEqual(plan.state, "submitted")
        with self.assertRaises(AccessError):
            plan.with_user(self.user_hr).action_approve()  # the superior has a user: his step
        plan.with_user(self.user_superior).action_approve()
        self.assertEqual(plan.state, "approved")
