import datetime
import json

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.modules.module import get_module_path
from odoo.tests import tagged

from .common import BagalauCase

D = datetime.date
KINDS = ("effective", "ineffective")


@tagged("post_install", "-at_install")
class TestCompetency(BagalauCase):
    """The 2018 competency sheet (seed 003 §25-28, Appendices 3-4) and its
    catalogue of behavioural indicators."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref

        def employee(name, manager, category, user=None, **values):
            return cls._bagalau_employee(name, manager, user, category, **values)

        # The head of the body (a political servant: no corps B category) ←
        # the direct manager, head of a department (E-2) ← his staff.
        cls.emp_head = employee("Серікбаев Нұрлан", None, False, cls.user_authorised)
        cls.emp_manager = employee("Мұхамедияров Ерлан", cls.emp_head, "e_2", cls.user_evaluator,
                                   bagalau_is_unit_head=True)
        cls.emp_e3_head = employee("Әбенова Динара", cls.emp_manager, "e_3", bagalau_is_unit_head=True,
                                   bagalau_renders_public_services=True)
        cls.emp_e3_staff = employee("Сұлтанова Әлия", cls.emp_manager, "e_3", cls.user_employee)
        cls.sector = cls.env["hr.department"].create({"name": "Test sector", "company_id": cls.company.id})
        # The only employee of the test sector: campaigns limited to it evaluate him alone.
        cls.emp_probe = employee("Ким Елена", cls.emp_manager, "e_5", department_id=cls.sector.id)
        cls.company.bagalau_authorised_id = cls.emp_head

        cls.cat_e5 = ref("hr_bagalau.position_category_e_5")
        cls.competencies = cls.env["hr.bagalau.competency"].search([])
        cls.cooperation = ref("hr_bagalau.competency_cooperation")
        cls.public = cls.competencies.filtered("public_service")
        cls.level_top = ref("hr_bagalau.level_typical_2018_top_managers")
        cls.level_heads = ref("hr_bagalau.level_typical_2018_unit_heads")
        cls.level_staff = ref("hr_bagalau.level_typical_2018_staff")

    # --- helpers --------------------------------------------------------------

    def _campaign(self, methodology, year=2025, quarter=False, departments=None):
        """A campaign launched by HR (the whole agency, or ``departments``)."""
        campaign = self.env["hr.bagalau.campaign"].with_user(self.user_hr).create({
            "methodology_id": methodology.id, "year": year, "quarter": quarter, "company_id": self.company.id,
            "department_ids": [Command.set(departments.ids)] if departments else [],
        })
        campaign.action_launch()
        return campaign

    def _sheet(self, campaign, employee):
        return campaign.competency_sheet_ids.filtered(lambda sheet: sheet.employee_id == employee)

    def _custom_methodology(self, count):
        """A copy of Typical 2018 where E-5 positions have a level of their own
        with ``count`` effective indicators for every competency."""
        admin = self.user_admin
        methodology = self.preset_2018.with_user(admin).with_company(self.company).copy(
            {"name": f"Test methodology {count}"})
        methodology.competency_level_ids.category_ids.filtered(
            lambda line: line.category_id == self.cat_e5).with_user(admin).unlink()
        self.env["hr.bagalau.competency.level"].with_user(admin).create({
            "methodology_id": methodology.id,
            "name": f"Custom {count}",
            "key": "custom",
            "category_ids": [Command.create({"category_id": self.cat_e5.id})],
            "indicator_ids": [
                Command.create({"competency_id": competency.id, "kind": "effective", "sequence": number,
                                "name": f"{competency.key} indicator {number}"})
                for competency in self.competencies for number in range(1, count + 1)
            ],
        })
        return methodology

    def _mark(self, line, shown, user=None):
        """The direct manager marks the first ``shown`` indicators of ``line`` as shown."""
        indicators = line.indicator_ids.with_user(user or self.user_evaluator)
        indicators.write({"shown": False})
        indicators[:shown].write({"shown": True})
        return indicators

    # --- the catalogue -----------------------------------------------------------

    def test_typical_2018_holds_the_catalogue_of_the_seeds(self):
        """11 competencies × 3 levels, with as many indicators per competency
        and kind as the JSON (seed 003 and seed 001 Appendix 4)."""
        with open(f"{get_module_path('hr_bagalau')}/data/competency_catalogue.json", encoding="utf-8") as handle:
            catalogue = json.load(handle)
        self.assertEqual(len(self.competencies), 11)
        self.assertEqual(self.public.mapped("key"), ["service_consumer_orientation", "informing_service_consumers"])
        for preset_key, methodology in (("typical_2018", self.preset_2018),
                                        ("seed_002", self.env.ref("hr_bagalau.methodology_seed_002")),
                                        ("seed_000", self.env.ref("hr_bagalau.methodology_seed_000"))):
            levels = catalogue["presets"][preset_key]["levels"]
            self.assertEqual(methodology.competency_level_ids.mapped("key"), [level["key"] for level in levels])
            for level in levels:
                record = methodology.competency_level_ids.filtered(lambda rec, level=level: rec.key == level["key"])
                for competency in self.competencies:
                    for kind in KINDS:
                        entries = level["indicators"][competency.key][kind]
                        # one indicator per text of a language, as the seeds count them (§26)
                        expected = max(sum(1 for entry in entries if entry[lang]) for lang in ("kk", "ru"))
                        got = record.indicator_ids.filtered(
                            lambda ind, competency=competency, kind=kind: ind.competency_id == competency
                            and ind.kind == kind)
                        with self.subTest(preset=preset_key, level=level["key"], competency=competency.key,
                                          kind=kind):
                            self.assertEqual(len(got), expected)
        self.assertEqual(len(self.preset_2018.competency_level_ids.indicator_ids), 193)

    def test_the_agency_presets_follow_typical_2018(self):
        for xml_id in ("methodology_seed_002", "methodology_seed_000"):
            methodology = self.env.ref(f"hr_bagalau.{xml_id}")
            with self.subTest(methodology=xml_id):
                self.assertTrue(methodology.is_preset and methodology.use_competency)
                self.assertEqual((methodology.generation, methodology.period, methodology.min_tenure_months),
                                 ("2018", "year", 3))
        # seed 002 Appendix 4: B-1 and B-2 heads of a unit / B-4, B-5
        heads = self.env.ref("hr_bagalau.level_seed_002_heads")
        self.assertEqual(heads.category_summary, "B-1, B-2 (head of a unit)")

    def test_at_most_ten_indicators_per_competency(self):
        """seed 003 §26: "не более десяти"."""
        self._custom_methodology(10)
        with self.assertRaises(ValidationError):
            self._custom_methodology(11)

    def test_the_typical_levels_stay_as_the_law_wrote_them(self):
        with self.assertRaises(UserError):
            self.level_staff.with_user(self.user_admin).write({"name": "Mine"})
        with self.assertRaises(UserError):
            self.env["hr.bagalau.competency.indicator"].with_user(self.user_admin).create({
                "level_id": self.level_staff.id, "competency_id": self.cooperation.id, "name": "Extra"})
        with self.assertRaises(UserError):
            self.level_staff.indicator_ids[:1].with_user(self.user_admin).unlink()
        with self.assertRaises(AccessError):
            self.level_staff.with_user(self.user_hr).write({"name": "Mine"})
        # a copy brings its levels and indicators along, and is the agency's to edit
        methodology = self.preset_2018.with_user(self.user_admin).with_company(self.company).copy()
        self.assertEqual(methodology.competency_level_ids.mapped("key"), ["top_managers", "unit_heads", "staff"])
        self.assertEqual(len(methodology.competency_level_ids.indicator_ids), 193)
        self.assertNotEqual(methodology.competency_level_ids, self.preset_2018.competency_level_ids)
        methodology.competency_level_ids[0].with_user(self.user_admin).name = "Our top managers"
        self.assertEqual(self.level_top.name, "Top managers")

    def test_a_position_sits_on_one_level(self):
        methodology = self.preset_2018.with_user(self.user_admin).with_company(self.company).copy()
        staff = methodology.competency_level_ids.filtered(lambda level: level.key == "staff")
        with self.assertRaises(ValidationError):
            # E-3 (any) would also match the E-3 heads of the unit-heads level
            staff.with_user(self.user_admin).write({"category_ids": [Command.create({
                "category_id": self.env.ref("hr_bagalau.position_category_e_3").id, "unit_head": "any"})]})

    # --- the level of the employee --------------------------------------------------

    def test_level_by_category_and_head_of_unit(self):
        """seed 003 Appendix 4: E-3 heads of a unit are on the unit-heads level, other E-3 on staff."""
        level_of = self.preset_2018._bagalau_competency_level
        self.assertEqual(level_of(self.emp_e3_head), self.level_heads)
        self.assertEqual(level_of(self.emp_e3_staff), self.level_staff)
        self.assertEqual(level_of(self.emp_manager), self.level_heads)  # E-2
        self.assertEqual(level_of(self.emp_probe), self.level_staff)  # E-5
        self.emp_probe.bagalau_category_id = self.env.ref("hr_bagalau.position_category_e_r_1")
        self.assertEqual(level_of(self.emp_probe), self.level_top)
        self.emp_probe.bagalau_category_id = self.env.ref("hr_bagalau.position_category_b_4")
        self.assertFalse(level_of(self.emp_probe), "Typical 2018 has no B categories")
        self.assertEqual(self.env.ref("hr_bagalau.methodology_seed_002")._bagalau_competency_level(self.emp_probe),
                         self.env.ref("hr_bagalau.level_seed_002_staff"))
        self.emp_probe.bagalau_category_id = self.cat_e5

        campaign = self._campaign(self.preset_2018)
        head_sheet, staff_sheet = self._sheet(campaign, self.emp_e3_head), self._sheet(campaign, self.emp_e3_staff)
        self.assertEqual((head_sheet.level_id, staff_sheet.level_id), (self.level_heads, self.level_staff))
        # cooperation: 4 effective indicators for unit heads, 3 for staff (seed 003 Appendix 4)
        for sheet, count in ((head_sheet, 4), (staff_sheet, 3)):
            line = sheet.line_ids.filtered(lambda line: line.competency_id == self.cooperation)
            self.assertEqual(line.indicator_ids.indicator_id,
                             sheet.level_id._bagalau_effective_indicators(self.cooperation))
            self.assertEqual(len(line.indicator_ids), count)
            self.assertEqual(set(line.indicator_ids.indicator_id.mapped("kind")), {"effective"})

    def test_no_public_service_competencies_without_public_services(self):
        """seed 003 Appendix 3, footnote (*)."""
        campaign = self._campaign(self.preset_2018)
        with_services, without = self._sheet(campaign, self.emp_e3_head), self._sheet(campaign, self.emp_e3_staff)
        self.assertEqual(with_services.line_ids.competency_id, self.competencies)
        self.assertEqual(without.line_ids.competency_id, self.competencies - self.public)
        self.assertEqual(len(without.line_ids), 9)
        self.assertFalse(without.indicator_ids.filtered(lambda indicator: indicator.competency_id in self.public))
        self.assertEqual(without.skipped_competencies, ", ".join(self.public.mapped("name")))

    def test_no_level_or_no_indicators_is_refused(self):
        methodology = self.preset_2018.with_user(self.user_admin).with_company(self.company).copy()
        methodology.competency_level_ids.category_ids.filtered(
            lambda line: line.category_id == self.cat_e5).with_user(self.user_admin).unlink()
        with self.assertRaises(UserError) as caught:
            self._campaign(methodology, departments=self.sector)
        self.assertIn("holds the category E-5 of Ким Елена", str(caught.exception))
        self.env["hr.bagalau.competency.level"].with_user(self.user_admin).create({
            "methodology_id": methodology.id, "name": "Empty level",
            "category_ids": [Command.create({"category_id": self.cat_e5.id})],
        })
        with self.assertRaises(UserError) as caught:
            self._campaign(methodology, departments=self.sector)
        self.assertIn("“Empty level” (category E-5)", str(caught.exception))
        self.assertFalse(self.env["hr.bagalau.competency.sheet"].search([("employee_id", "=", self.emp_probe.id)]))

    # --- the 3/4 rule ---------------------------------------------------------------

    def test_three_quarters_of_the_indicators_shown(self):
        """seed 003 §27: "3/4 и более" meets expectations, compared exactly;
        otherwise the indicators not shown are written on the sheet (Appendix 3)."""
        cases = {3: ((2, False), (3, True)), 4: ((2, False), (3, True)), 5: ((3, False), (4, True)),
                 10: ((7, False), (8, True))}
        for count, expectations in cases.items():
            sheet = self._campaign(self._custom_methodology(count), departments=self.sector).competency_sheet_ids
            self.assertEqual(sheet.employee_id, self.emp_probe)
            line = sheet.line_ids.filtered(lambda line: line.competency_id == self.cooperation)
            self.assertEqual(line.indicator_count, count)
            for shown, meets in expectations:
                with self.subTest(indicators=count, shown=shown):
                    indicators = self._mark(line, shown)
                    self.assertEqual(line.shown_count, shown)
                    self.assertEqual(line.result, "meets" if meets else "does_not_meet")
                    if meets:
                        self.assertFalse(line.not_shown)
                    else:
                        self.assertEqual(line.not_shown.split("\n"), indicators[shown:].mapped("name"))

    def test_the_sheet_result_and_the_indicators_not_shown(self):
        campaign = self._campaign(self.preset_2018)
        Sheet = self.env["hr.bagalau.competency.sheet"]
        good, weak = self._sheet(campaign, self.emp_e3_staff), self._sheet(campaign, self.emp_probe)
        for sheet in good | weak:
            for line in sheet.line_ids:
                self._mark(line, len(line.indicator_ids))
        self.assertEqual((good.met_count, good.competency_count), (9, 9))
        self.assertFalse(any(good.line_ids.mapped("not_shown")))
        cooperation = weak.line_ids.filtered(lambda line: line.competency_id == self.cooperation)
        indicators = self._mark(cooperation, 1)  # 1 of 3
        self.assertEqual(weak.met_count, 8)
        self.assertEqual(cooperation.not_shown, "\n".join(indicators[1:].mapped("name")))
        self.assertFalse(weak.result, "the sheet's result is the one the direct manager signs")
        (good | weak).with_user(self.user_evaluator).action_sign()
        self.assertEqual((good.result, weak.result), ("meets", "does_not_meet"))
        # the names stay on the signed sheet (Appendix 3)
        self.assertEqual(cooperation.not_shown, "\n".join(indicators[1:].mapped("name")))
        self.assertEqual(Sheet.search([("campaign_id", "=", campaign.id), ("result", "=", "does_not_meet")]), weak)

    # --- who does what ----------------------------------------------------------------

    def test_only_the_direct_manager_marks_the_indicators(self):
        """seed 003 §25: the direct manager evaluates the competencies."""
        sheet = self._sheet(self._campaign(self.preset_2018), self.emp_e3_staff)
        line = sheet.line_ids[0]
        for user in (self.user_hr, self.user_admin):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                line.indicator_ids.with_user(user).write({"shown": True})
        with self.assertRaises(AccessError):  # draft sheets are not the employee's to see
            line.indicator_ids.with_user(self.user_employee).write({"shown": True})
        with self.assertRaises(AccessError):
            line.indicator_ids[:1].with_user(self.user_evaluator).write({"indicator_id": line.indicator_ids[-1:]
                                                                         .indicator_id.id})
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_evaluator).write({"level_id": self.level_top.id})
        sheet.with_user(self.user_evaluator).write({"indicator_ids": [
            Command.update(indicator.id, {"shown": True}) for indicator in line.indicator_ids]})
        self.assertEqual(line.result, "meets")

    @freeze_time("2026-03-20")  # a Friday before Nauryz
    def test_the_manager_signs_and_hr_sends_within_two_working_days(self):
        campaign = self._campaign(self.preset_2018)
        sheet = self._sheet(campaign, self.emp_e3_staff)
        todo = sheet.activity_ids
        self.assertEqual((todo.user_id, todo.date_deadline), (self.user_evaluator, sheet.due_date))
        self.assertEqual(sheet.due_date, self.company._bagalau_add_working_days(D(2025, 12, 31), 10))
        with self.assertRaises(UserError):
            sheet.with_user(self.user_hr).action_send_to_commission()  # not signed yet
        for user in (self.user_hr, self.user_admin, self.user_employee, self.user_authorised):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                sheet.with_user(user).action_sign()
        self.assertEqual(sheet.state, "draft")

        self._mark(sheet.line_ids[0], 1)
        sheet.with_user(self.user_evaluator).action_sign()
        self.assertEqual((sheet.state, sheet.signed_by_id, sheet.signed_on),
                         ("signed", self.user_evaluator, D(2026, 3, 20)))
        # seed 003 §28: two working days; 21-25 March are days off (Nauryz, carried over)
        self.assertEqual(sheet.commission_due, D(2026, 3, 27))
        todo = sheet.activity_ids
        self.assertEqual((todo.user_id, todo.date_deadline), (self.user_hr, D(2026, 3, 27)))
        with self.assertRaises(UserError):
            sheet.with_user(self.user_evaluator).action_sign()
        for user in (self.user_evaluator, self.user_employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                sheet.with_user(user).action_send_to_commission()

        sheet.with_user(self.user_hr).action_send_to_commission()
        self.assertEqual((sheet.state, sheet.sent_by_id, sheet.sent_on), ("sent", self.user_hr, D(2026, 3, 20)))
        self.assertFalse(sheet.activity_ids)
        # the employee sees his signed sheet, with what he did not show
        own = sheet.with_user(self.user_employee)
        self.assertEqual(own.line_ids[0].result, "does_not_meet")
        self.assertTrue(own.line_ids[0].not_shown)

    def test_a_signed_sheet_does_not_change(self):
        sheet = self._sheet(self._campaign(self.preset_2018), self.emp_e3_staff)
        self.assertFalse(sheet.with_user(self.user_employee).search([("id", "=", sheet.id)]),
                         "the employee sees his sheet once it is signed")
        sheet.with_user(self.user_evaluator).action_sign()
        self.assertEqual(sheet.with_user(self.user_employee).search([("id", "=", sheet.id)]), sheet)
        line = sheet.line_ids[0]
        for user in (self.user_evaluator, self.user_hr):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                line.indicator_ids.with_user(user).write({"shown": True})
        with self.assertRaises(UserError):
            sheet.with_user(self.user_evaluator).write({"indicator_ids": [
                Command.update(line.indicator_ids[0].id, {"shown": True})]})
        self.assertFalse(any(sheet.indicator_ids.mapped("shown")))
        self.assertEqual(set(sheet.line_ids.mapped("result")), {"does_not_meet"})
        with self.assertRaises(UserError):
            sheet.with_user(self.user_hr).unlink()

    def test_hr_acts_for_a_manager_without_an_odoo_user(self):
        """Not every manager has a user: HR records his paper signature."""
        sheet = self._sheet(self._campaign(self.preset_2018), self.emp_e3_staff)
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_evaluator).write({"direct_manager_id": self.emp_e3_head.id})
        sheet.with_user(self.user_hr).write({"direct_manager_id": self.emp_e3_head.id})  # no user
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_evaluator).action_sign()
        self._mark(sheet.line_ids[0], 1, user=self.user_hr)
        sheet.with_user(self.user_hr).action_sign()
        self.assertEqual((sheet.state, sheet.signed_by_id), ("signed", self.user_hr))

    # --- the campaign -------------------------------------------------------------------

    def test_the_launch_makes_a_sheet_for_every_evaluated_employee(self):
        """seed 003 §6, §25: every evaluated corps B servant has a competency sheet (Typical 2018)."""
        self.assertTrue(self.preset_2018.use_competency)
        campaign = self._campaign(self.preset_2018)
        evaluated = self.emp_manager | self.emp_e3_head | self.emp_e3_staff | self.emp_probe
        self.assertEqual(campaign.competency_sheet_ids.employee_id, evaluated)
        self.assertEqual(campaign.competency_sheet_count, 4)
        manager_sheet = self._sheet(campaign, self.emp_manager)
        self.assertEqual((manager_sheet.direct_manager_id, manager_sheet.level_id),
                         (self.emp_head, self.level_heads))
        self.assertEqual(self._sheet(campaign, self.emp_e3_staff).direct_manager_id, self.emp_manager)
        # launched again for newcomers: nobody twice
        newcomer = self._bagalau_employee("Жаңа Қызметкер", self.emp_manager, None, "e_4")
        campaign.action_launch()
        self.assertEqual(campaign.competency_sheet_ids.employee_id, evaluated | newcomer)
        with self.assertRaises(UserError):
            campaign.with_user(self.user_hr).action_reset_draft()
        # a 2023 methodology has no competency sheet (seed 004: competencies through the 360 survey)
        self.assertFalse(self._campaign(self.preset_2023, 2026, "1").competency_sheet_ids)

    def test_a_methodology_in_use_keeps_its_levels(self):
        methodology = self._custom_methodology(4)
        self._campaign(methodology, departments=self.sector)
        with self.assertRaises(UserError):
            methodology.competency_level_ids[0].with_user(self.user_admin).write({"name": "Changed"})

    def test_competency_results_never_reach_the_result_of_the_year(self):
        """seed 003 §7: competency results serve development only, not bonuses."""
        campaign = self._campaign(self.preset_2018)
        sheet = self._sheet(campaign, self.emp_e3_staff)
        Result = self.env["hr.bagalau.result"]
        before = Result.search_read([("employee_id", "=", self.emp_e3_staff.id)])
        sheet.with_user(self.user_evaluator).action_sign()
        sheet.with_user(self.user_hr).action_send_to_commission()
        self.assertEqual(Result.search_read([("employee_id", "=", self.emp_e3_staff.id)]), before)
