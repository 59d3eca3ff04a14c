import datetime

from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import BagalauCase

D = datetime.date
LONG_AGO = D(2019, 1, 1)


@tagged("post_install", "-at_install")
class TestCampaign(BagalauCase):
    """Launching a campaign makes the sheets the methodology asks for, for
    every eligible employee, and says who is left out and why
    (seed 003 §4, seed 004 §6-7, §22-23)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"].with_company(cls.company)
        category = {code: cls.env.ref(f"hr_bagalau.position_category_{code}") for code in ("e_1", "e_2", "e_3", "e_4")}

        def employee(name, code, parent=None, position=LONG_AGO, **values):
            return Employee.create({
                "name": name, "company_id": cls.company.id, "bagalau_category_id": category[code].id,
                "parent_id": parent.id if parent else False, "bagalau_position_date": position, **values,
            })

        cls.head = employee("Серікбаев Нұрлан", "e_1", bagalau_is_unit_head=True, user_id=cls.user_authorised.id)
        cls.superior = employee("Әбенова Динара", "e_2", cls.head, bagalau_is_unit_head=True)
        cls.manager = employee("Мұхамедияров Ерлан", "e_3", cls.superior, bagalau_is_unit_head=True,
                               user_id=cls.user_evaluator.id)
        cls.staff = employee("Сұлтанова Әлия", "e_4", cls.manager, user_id=cls.user_employee.id)
        # Appointed 10 November 2025: under three months in 2025 (seed 003 §4).
        cls.newcomer = employee("Қасымов Бауыржан", "e_4", cls.manager, position=D(2025, 11, 10))
        cls.on_probation = employee("Есенова Жанар", "e_4", cls.manager, position=D(2024, 12, 1),
                                    bagalau_probation_end=D(2026, 5, 31))
        # On leave at the end of 2025, back after 20 March 2026.
        cls.absent = employee("Ким Елена", "e_4", cls.manager, bagalau_absence_kind="sick",
                              bagalau_absence_from=D(2025, 12, 15), bagalau_absence_to=D(2026, 3, 20))
        cls.undated = employee("Петров Андрей", "e_4", cls.manager, position=False)
        cls.not_corps_b = Employee.create({"name": "Driver", "company_id": cls.company.id, "parent_id": cls.head.id})

        cls.methodology_2018 = cls.preset_2018.with_company(cls.company).copy({"name": "Akimat 2018"})
        cls.methodology_2023 = cls.preset_2023.with_company(cls.company).copy({"name": "Akimat 2023"})

    def _campaign(self, methodology, year, quarter=False, **values):
        return self.env["hr.bagalau.campaign"].with_user(self.user_hr).with_company(self.company).create({
            "methodology_id": methodology.id, "year": year, "quarter": quarter,
            "company_id": self.company.id, **values,
        })

    def _excluded(self, campaign):
        return {line.employee_id: (line.status, line.reason, line.due_date) for line in campaign.exclusion_ids}

    def test_2018_launch_evaluates_the_eligible_and_lists_the_others(self):
        campaign = self._campaign(self.methodology_2018, 2025)
        self.assertEqual(campaign.name, "2025")
        self.assertEqual((campaign.date_start, campaign.date_end), (D(2025, 1, 1), D(2025, 12, 31)))
        campaign.action_launch()
        self.assertEqual(campaign.state, "running")
        evaluated = self.head | self.superior | self.manager | self.staff | self.absent
        self.assertEqual(campaign.plan_ids.employee_id, evaluated, "2018: every eligible servant has KPIs (§9)")
        self.assertEqual(campaign.kpi_sheet_ids.employee_id, evaluated)
        self.assertEqual(self._excluded(campaign), {
            self.newcomer: ("excluded", "tenure", False),
            self.on_probation: ("excluded", "probation", False),
            # Five working days after the return, across Nauryz (seed 003 §4).
            self.absent: ("deferred", "absent", D(2026, 4, 1)),
            self.undated: ("excluded", "no_position_date", False),
        })
        self.assertNotIn(self.not_corps_b, campaign.plan_ids.employee_id | campaign.exclusion_ids.employee_id)
        self.assertEqual(campaign.kpi_sheet_ids.filtered(lambda s: s.employee_id == self.absent).due_date,
                         D(2026, 4, 1))

    def test_not_evaluated_button_counts_what_its_list_shows(self):
        # Only the absent employee is listed, and as deferred (seed 003 §4):
        # the button said 0 while its list showed 1.
        unit = self.env["hr.department"].create({"name": "Unit", "company_id": self.company.id})
        self.absent.department_id = unit
        campaign = self._campaign(self.methodology_2018, 2025, department_ids=[(6, 0, unit.ids)])
        campaign.action_launch()
        self.assertEqual(self._excluded(campaign), {self.absent: ("deferred", "absent", D(2026, 4, 1))})
        arch = etree.fromstring(campaign.get_views([(False, "form")])["views"]["form"]["arch"])
        [button] = arch.xpath("//button[@name='action_open_exclusions']")
        [field] = button.xpath(".//field[@widget='statinfo']")
        action = campaign.action_open_exclusions()
        listed = self.env[action["res_model"]].with_user(self.user_hr).search_count(action["domain"])
        self.assertEqual(listed, 1)
        self.assertEqual(campaign[field.get("name")], listed, "the button counts the lines its list shows")

    def test_launching_again_makes_no_duplicate_and_picks_up_late_joiners(self):
        campaign = self._campaign(self.methodology_2018, 2025)
        campaign.action_launch()
        counts = (len(campaign.plan_ids), len(campaign.kpi_sheet_ids), len(campaign.exclusion_ids))
        campaign.action_launch()
        self.assertEqual((len(campaign.plan_ids), len(campaign.kpi_sheet_ids), len(campaign.exclusion_ids)), counts)
        late = self.env["hr.employee"].create({
            "name": "Жұмабекова Асель", "company_id": self.company.id, "parent_id": self.manager.id,
            "bagalau_category_id": self.env.ref("hr_bagalau.position_category_e_5").id,
            "bagalau_position_date": D(2025, 6, 2),
        })
        campaign.action_launch()
        self.assertIn(late, campaign.plan_ids.employee_id)
        self.assertEqual(len(campaign.plan_ids), counts[0] + 1)

    def test_picking_up_newcomers_says_how_many_were_added_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        campaign = self._campaign(self.methodology_2018, 2025)
        campaign.action_launch()
        in_russian = campaign.with_context(lang="ru_RU")
        action = in_russian.action_launch()
        self.assertEqual((action["type"], action["tag"]), ("ir.actions.client", "display_notification"))
        self.assertIn("никто не добавлен", action["params"]["message"])
        self.assertIn(action["params"]["message"], "".join(campaign.message_ids.mapped("body")))
        late = self.env["hr.employee"].create({
            "name": "Жұмабекова Асель", "company_id": self.company.id, "parent_id": self.manager.id,
            "bagalau_category_id": self.env.ref("hr_bagalau.position_category_e_5").id,
            "bagalau_position_date": D(2025, 6, 2),
        })
        action = in_russian.action_launch()
        self.assertIn("Добавлено служащих: 1 (Жұмабекова Асель)", action["params"]["message"])
        self.assertIn(action["params"]["message"], "".join(campaign.message_ids.mapped("body")))
        self.assertIn(late, campaign.plan_ids.employee_id)

    def test_2023_kpis_only_for_heads_with_three_months_left(self):
        campaign = self._campaign(self.methodology_2023, 2026, "4")
        self.assertEqual((campaign.date_start, campaign.date_end), (D(2026, 10, 1), D(2026, 12, 31)))
        late_head = self.env["hr.employee"].create({
            "name": "Жанұзақов Асқар", "company_id": self.company.id, "parent_id": self.superior.id,
            "bagalau_category_id": self.env.ref("hr_bagalau.position_category_e_3").id,
            "bagalau_is_unit_head": True, "bagalau_position_date": D(2026, 10, 5),
        })
        campaign.action_launch()
        self.assertEqual(campaign.plan_ids.employee_id, self.head | self.superior | self.manager,
                         "seed 004 §22: KPIs for heads; §23: none with under 3 months left")
        self.assertEqual(self._excluded(campaign)[late_head][:2], ("excluded", "nothing_to_evaluate"))
        # Staff who head nothing are differentiated instead (seed 004 §29-30).
        self.assertNotIn(self.staff, self._excluded(campaign))
        self.assertIn(self.staff, campaign.differentiation_sheet_ids.employee_id)
        self.assertNotIn(self.manager, campaign.differentiation_sheet_ids.employee_id)

    def test_a_quarterly_methodology_needs_a_quarter(self):
        with self.assertRaises(ValidationError):
            self._campaign(self.methodology_2023, 2026)

    def test_large_launch_runs_in_batches_with_progress(self):
        campaign = self._campaign(self.methodology_2018, 2025)
        campaign.with_context(bagalau_launch_batch=3).action_launch()
        self.assertEqual(campaign.state, "launching", "more than a batch: the job runner takes over")
        Campaign = self.env["hr.bagalau.campaign"]
        Campaign._cron_launch(batch_size=3)
        self.assertEqual((campaign.launch_done, campaign.launch_total), (3, 8))
        self.assertEqual(campaign.state, "launching")
        Campaign._cron_launch(batch_size=3)
        Campaign._cron_launch(batch_size=3)
        self.assertEqual(campaign.state, "running")
        self.assertEqual(len(campaign.plan_ids) + len(campaign.exclusion_ids.filtered(
            lambda line: line.status == "excluded")), 8)

    def test_closing_freezes_the_campaign(self):
        campaign = self._campaign(self.methodology_2018, 2025)
        campaign.action_launch()
        campaign.action_close()
        with self.assertRaises(UserError):
            campaign.action_launch()
        with self.assertRaises(UserError):
            campaign.write({"department_ids": [(6, 0, [])]})

    def test_only_hr_runs_campaigns(self):
        campaign = self._campaign(self.methodology_2018, 2025)
        for user in (self.user_employee, self.user_evaluator, self.user_commission, self.user_authorised):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    campaign.with_user(user).action_launch()
                with self.assertRaises(AccessError):
                    self.env["hr.bagalau.campaign"].with_user(user).create(
                        {"methodology_id": self.methodology_2018.id, "year": 2025})
        self.assertEqual(campaign.state, "draft")

    def test_a_methodology_in_use_changes_only_as_a_new_version(self):
        campaign = self._campaign(self.methodology_2018, 2025)
        campaign.action_launch()
        methodology = self.methodology_2018.with_user(self.user_admin)
        with self.assertRaises(UserError):
            methodology.write({"min_tenure_months": 2})
        action = methodology.action_new_version()
        version = self.env["hr.bagalau.methodology"].browse(action["res_id"])
        version.with_user(self.user_admin).write({"min_tenure_months": 2})
        self.assertEqual((self.methodology_2018.min_tenure_months, version.min_tenure_months), (3, 2))
        self.assertEqual(len(version.band_ids), 4, "the version keeps the grades")


@tagged("post_install", "-at_install")
class TestEmployeeProfile(BagalauCase):
    def test_superior_is_the_managers_manager_unless_hr_names_another(self):
        Employee = self.env["hr.employee"].with_company(self.company)
        top = Employee.create({"name": "Head", "company_id": self.company.id})
        deputy = Employee.create({"name": "Deputy", "company_id": self.company.id, "parent_id": top.id})
        manager = Employee.create({"name": "Manager", "company_id": self.company.id, "parent_id": deputy.id})
        staff = Employee.create({"name": "Staff", "company_id": self.company.id, "parent_id": manager.id})
        self.assertEqual(staff.bagalau_superior_id, deputy)
        staff.bagalau_superior_id = top
        self.assertEqual(staff.bagalau_superior_id, top)

    def test_authorised_person_comes_from_the_department_else_the_company(self):
        Employee = self.env["hr.employee"].with_company(self.company)
        akim = Employee.create({"name": "Akim", "company_id": self.company.id})
        deputy = Employee.create({"name": "Deputy akim", "company_id": self.company.id})
        self.company.bagalau_authorised_id = akim
        parent = self.env["hr.department"].create({"name": "Apparatus", "company_id": self.company.id})
        unit = self.env["hr.department"].create({"name": "Unit", "company_id": self.company.id,
                                                 "parent_id": parent.id})
        staff = Employee.create({"name": "Staff", "company_id": self.company.id, "department_id": unit.id})
        self.assertEqual(staff.bagalau_authorised_id, akim)
        parent.bagalau_authorised_id = deputy
        staff.invalidate_recordset(["bagalau_authorised_id"])
        self.assertEqual(staff.bagalau_authorised_id, deputy)
