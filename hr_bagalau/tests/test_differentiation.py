import datetime

from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import BagalauCase

D = datetime.date
WHY = "Three documents returned for correction in the quarter."


@tagged("post_install", "-at_install")
class TestDifferentiation(BagalauCase):
    """The quarterly differentiation sheet of corps B staff who are not heads
    (seed 004 §5, §8, §29-33, Appendix 4)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Department = cls.env["hr.department"].with_company(cls.company)
        evaluator = "hr_bagalau.group_bagalau_evaluator"
        cls.user_superior = cls._bagalau_user("t_diff_superior", evaluator)
        cls.user_member = cls._bagalau_user("t_diff_member", evaluator)
        cls.user_outsider = cls._bagalau_user("t_diff_outsider", evaluator)
        cls.user_big_head = cls._bagalau_user("t_diff_big_head", evaluator)
        cls.user_big_member = cls._bagalau_user("t_diff_big_member", evaluator)

        # The deputy head of the body, over the head of the finance unit.
        cls.emp_superior = cls._bagalau_employee("Әбенова Динара", user=cls.user_superior, category="e_2",
                                                 bagalau_is_unit_head=True)
        cls.emp_head = cls._bagalau_employee("Мұхамедияров Ерлан", cls.emp_superior, cls.user_evaluator, "e_3",
                                             bagalau_is_unit_head=True)
        cls.unit = Department.create({"name": "Қаржы бөлімі", "company_id": cls.company.id,
                                      "manager_id": cls.emp_head.id})
        # The head sits in the unit he manages; his own manager stays the deputy.
        cls.emp_head.write({"department_id": cls.unit.id, "parent_id": cls.emp_superior.id})
        cls.emp_staff = cls._bagalau_employee("Сұлтанова Әлия", cls.emp_head, cls.user_employee,
                                              department_id=cls.unit.id)
        cls.emp_member = cls._bagalau_employee("Ким Елена", cls.emp_head, cls.user_member, department_id=cls.unit.id)
        cls.other_unit = Department.create({"name": "Заң бөлімі", "company_id": cls.company.id})
        cls.emp_outsider = cls._bagalau_employee("Петров Андрей", cls.emp_superior, cls.user_outsider,
                                                 department_id=cls.other_unit.id)
        # HR is no corps B servant here: not evaluated.
        cls.emp_hr = cls._bagalau_employee("Жақсыбекова Гүлнар", user=cls.user_hr, category=False)

        # A unit of 51 corps B servants besides its head (seed 004 §32: "елу адамнан асқан").
        cls.emp_big_head = cls._bagalau_employee("Омаров Бауыржан", cls.emp_superior, cls.user_big_head, "e_3",
                                                 bagalau_is_unit_head=True)
        cls.big_unit = Department.create({"name": "Халыққа қызмет көрсету бөлімі", "company_id": cls.company.id,
                                          "manager_id": cls.emp_big_head.id})
        cls.big_sector = Department.create({"name": "Қабылдау секторы", "company_id": cls.company.id,
                                            "parent_id": cls.big_unit.id, "manager_id": cls.emp_big_head.id})
        category = cls.env.ref("hr_bagalau.position_category_e_4")
        cls.big_staff = cls.env["hr.employee"].with_company(cls.company).create([{
            "name": f"Қызметші {number:02d}", "company_id": cls.company.id, "parent_id": cls.emp_big_head.id,
            "department_id": (cls.big_sector if number % 2 else cls.big_unit).id,
            "bagalau_category_id": category.id, "bagalau_position_date": D(2015, 3, 2),
        } for number in range(1, 51)])
        # The 51st, in the sector: sub-departments belong to the unit.
        cls.emp_big_member = cls._bagalau_employee("Нұрланова Сәуле", cls.emp_big_head, cls.user_big_member,
                                                   department_id=cls.big_sector.id)

        cls.campaign = cls.env["hr.bagalau.campaign"].with_user(cls.user_hr).create({
            "methodology_id": cls.preset_2023.id, "year": 2026, "quarter": "1", "company_id": cls.company.id,
        })
        cls.campaign.with_user(cls.user_hr).action_launch()
        cls.sheet = cls._sheet_of(cls.campaign, cls.emp_staff)
        cls.big_sheet = cls._sheet_of(cls.campaign, cls.big_staff[0])

    @staticmethod
    def _sheet_of(campaign, employee):
        return campaign.differentiation_sheet_ids.filtered(lambda sheet: sheet.employee_id == employee)

    def _campaign(self, methodology, year, quarter, departments=None):
        campaign = self.env["hr.bagalau.campaign"].with_user(self.user_hr).create({
            "methodology_id": methodology.id, "year": year, "quarter": quarter, "company_id": self.company.id,
            "department_ids": [(6, 0, (departments or self.unit).ids)],
        })
        campaign.with_user(self.user_hr).action_launch()
        return campaign

    @staticmethod
    def _scores(quality, deadlines, initiative, discipline, why=WHY):
        return {"quality": (quality, why), "deadlines": (deadlines, why), "initiative": (initiative, why),
                "discipline": (discipline, why)}

    def _methodology(self, **values):
        return self.preset_2023.copy({"name": "Akimat 2023", "company_id": self.company.id, **values})

    # --- launch -------------------------------------------------------------

    def test_launch_gives_staff_a_sheet_and_heads_none(self):
        sheets = self.campaign.differentiation_sheet_ids
        self.assertEqual(self.campaign.state, "running")
        self.assertIn(self.emp_staff, sheets.employee_id, "seed 004 §29: corps B staff are differentiated")
        self.assertIn(self.emp_outsider, sheets.employee_id)
        self.assertEqual(len(sheets), 3 + 51, "the finance unit's two, the lawyer, the big unit's 51")
        for head in (self.emp_head, self.emp_superior, self.emp_big_head):
            self.assertNotIn(head, sheets.employee_id, "seed 004 §22: heads have KPIs instead")
            self.assertIn(head, self.campaign.plan_ids.employee_id)
        self.assertNotIn(self.emp_hr, sheets.employee_id, "not corps B")
        self.assertNotIn(self.emp_staff, self.campaign.exclusion_ids.employee_id)
        self.assertEqual(self.campaign.differentiation_sheet_count, len(sheets))
        action = self.campaign.action_open_differentiation_sheets()
        self.assertEqual(action["domain"], [("campaign_id", "=", self.campaign.id)])

        sheet = self.sheet
        self.assertEqual(sheet.state, "draft")
        self.assertEqual(sheet.direct_manager_id, self.emp_head, "seed 004 §30: the head of the unit")
        self.assertEqual(sheet.evaluator_id, self.emp_head)
        self.assertEqual(sheet.superior_id, self.emp_superior)
        self.assertEqual(sheet.department_id, self.unit)
        self.assertEqual(self._sheet_of(self.campaign, self.emp_outsider).direct_manager_id, self.emp_superior,
                         "a unit without a manager: the employee's own manager")
        self.assertEqual(self.big_sheet.evaluator_id, self.emp_big_head)
        self.assertEqual(self.big_sheet.employee_id.department_id, self.big_sector)
        self.assertEqual(self.big_sheet.department_id, self.big_unit, "the sector is part of its head's unit")

        self.campaign.with_user(self.user_hr).action_launch()
        self.assertEqual(len(self.campaign.differentiation_sheet_ids), len(sheets), "launched again: no duplicate")

    def test_evaluator_gets_a_to_do_by_the_deadline(self):
        activity = self.sheet.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.user_evaluator)
        self.assertEqual(activity.date_deadline, D(2026, 4, 10))

    def test_due_date_q1_2026_is_the_10th_of_april(self):
        # seed 004 §5, §31: no later than the 10th of the month after the
        # quarter; 10 April 2026 is a Friday, a working day.
        self.assertEqual(D(2026, 4, 10).weekday(), 4)
        self.assertEqual(self.sheet.due_date, D(2026, 4, 10))

    def test_due_date_q4_2025_moves_back_from_a_saturday(self):
        # 10 January 2026 is a Saturday: the engine's rule ("previous") takes
        # the last working day before it, Friday 9 January 2026.
        self.assertEqual(D(2026, 1, 10).weekday(), 5)
        campaign = self._campaign(self.preset_2023, 2025, "4")
        self.assertEqual(self._sheet_of(campaign, self.emp_staff).due_date, D(2026, 1, 9))

    def test_absent_servant_is_differentiated_in_the_usual_term(self):
        # seed 004 §6: differentiation goes ahead without the absent servant.
        self.emp_member.write({"bagalau_absence_kind": "sick", "bagalau_absence_from": D(2026, 3, 20),
                               "bagalau_absence_to": D(2026, 4, 30)})
        campaign = self._campaign(self.preset_2023, 2026, "1")
        exclusion = campaign.exclusion_ids.filtered(lambda line: line.employee_id == self.emp_member)
        self.assertEqual(exclusion.status, "deferred")
        self.assertEqual(self._sheet_of(campaign, self.emp_member).due_date, D(2026, 4, 10))

    def test_no_sheet_when_the_methodology_has_no_differentiation(self):
        campaign = self._campaign(self._methodology(use_differentiation=False), 2026, "1")
        self.assertFalse(campaign.differentiation_sheet_ids)
        exclusion = campaign.exclusion_ids.filtered(lambda line: line.employee_id == self.emp_staff)
        self.assertEqual(exclusion.reason, "nothing_to_evaluate")

    # --- scores --------------------------------------------------------------

    def test_scores_within_the_bounds(self):
        sheet = self.sheet.with_user(self.user_evaluator)
        sheet.action_score(self._scores(0, 5, 2.5, 3))
        self.assertEqual((sheet.quality_score, sheet.deadlines_score), (0, 5), "seed 004 §32: 0 to 5 included")
        self.assertEqual(sheet.score, 2.63, "10.5 / 4 = 2.625, rounded half up")
        self.assertEqual(sheet.result_key, "satisfactory")
        for wrong in (-1, 6, 5.01):
            with self.subTest(score=wrong), self.assertRaises(ValidationError) as caught:
                sheet.action_score({"discipline": (wrong, WHY)})
            self.assertIn("Labour discipline", str(caught.exception))
            self.assertIn("from 0 to 5", str(caught.exception))
        self.assertEqual((sheet.quality_score, sheet.discipline_score, sheet.quality_justification), (0, 3, WHY),
                         "a refused score loses nothing")

    def test_bounds_are_the_methodology_s(self):
        # Appendix 4 prints "1-ден 5 баллға дейін": an agency may set 1-5.
        campaign = self._campaign(self._methodology(differentiation_min_score=1), 2026, "1")
        sheet = self._sheet_of(campaign, self.emp_staff).with_user(self.user_evaluator)
        with self.assertRaises(ValidationError) as caught:
            sheet.action_score({"quality": (0, WHY)})
        self.assertIn("from 1 to 5", str(caught.exception))
        sheet.action_score({"quality": (1, WHY)})
        self.assertEqual(sheet.quality_score, 1)

    def test_average_and_band(self):
        sheet = self.sheet.with_user(self.user_evaluator)
        sheet.action_score(self._scores(4, 4, 4, 3))
        self.assertEqual((sheet.score, sheet.result_key), (3.75, "proper"), "seed 004 §8: 3 to 3.99")
        band = sheet.methodology_id._bagalau_band("proper")
        self.assertEqual(band.label_kk, "Функционалдық міндеттерін тиісті түрде атқарады")
        self.assertEqual(sheet.result_label, band.label)
        sheet.action_score(self._scores(5, 5, 4, 4))
        self.assertEqual((sheet.score, sheet.result_key), (4.5, "effective"), "seed 004 §8: 4 to 5")
        sheet.action_done()
        self.assertEqual((sheet.state, sheet.score, sheet.result_key), ("done", 4.5, "effective"))
        self.assertEqual(sheet.done_by_id, self.user_evaluator)

    def test_criteria_of_appendix_4_are_on_the_sheet(self):
        self.assertIn("No justified remarks or complaints", self.sheet.quality_criteria)
        self.assertIn("disciplinary penalty", self.sheet.discipline_criteria)
        self.assertIn("from 0 to 5", self.sheet.instructions)

    def test_each_score_needs_its_justification(self):
        sheet = self.sheet.with_user(self.user_evaluator)
        sheet.action_score({**self._scores(4, 4, 4, 4), "discipline": (4, "  ")})
        with self.assertRaises(UserError) as caught:
            sheet.action_done()
        self.assertIn("Labour discipline", str(caught.exception))
        self.assertEqual(sheet.state, "draft")
        sheet.action_score({"discipline": (4, "No lateness, no penalty.")})
        sheet.action_done()
        self.assertEqual(sheet.state, "done")

    def test_a_score_left_at_zero_under_bounds_from_one_is_refused(self):
        campaign = self._campaign(self._methodology(differentiation_min_score=1), 2026, "1")
        sheet = self._sheet_of(campaign, self.emp_staff).with_user(self.user_evaluator)
        sheet.action_score(dict.fromkeys(("quality", "deadlines", "initiative"), (4, WHY)))
        with self.assertRaises(ValidationError):
            # Justified, but the score the form shows is 0.
            sheet.write({"discipline_justification": WHY})
        self.assertEqual(sheet.score, 0, "not complete: no average yet")

    # --- done: the result, the employee ---------------------------------------

    def test_done_feeds_the_annual_result(self):
        sheet = self.sheet.with_user(self.user_evaluator)
        sheet.action_score(self._scores(4, 4, 4, 3))
        sheet.action_done()
        result = self.sheet.result_id
        self.assertTrue(result)
        self.assertEqual((result.employee_id, result.year), (self.emp_staff, 2026))
        self.assertEqual((result.q1_score, result.q1_evaluated), (3.75, True))
        self.assertEqual((result.year_score, result.result_key), (3.75, "proper"))

        q2 = self._sheet_of(self._campaign(self.preset_2023, 2026, "2"), self.emp_staff)
        q2.with_user(self.user_evaluator).action_score(self._scores(5, 5, 4, 4))
        q2.with_user(self.user_evaluator).action_done()
        self.assertEqual(q2.result_id, result, "one result a year")
        self.assertEqual((result.q2_score, result.year_score, result.result_key), (4.5, 4.13, "effective"),
                         "seed 004 §5: (3.75 + 4.5) / 2 = 4.125")

    def test_employee_sees_the_sheet_only_when_done_and_is_told(self):
        Sheet = self.env["hr.bagalau.differentiation.sheet"]
        self.assertFalse(Sheet.with_user(self.user_employee).search([]), "seed 004 §16: not before it is done")
        with self.assertRaises(AccessError):
            self.sheet.with_user(self.user_employee).read(["score"])
        self.sheet.with_user(self.user_evaluator).action_score(self._scores(4, 4, 4, 3))
        self.sheet.with_user(self.user_evaluator).action_done()
        self.assertEqual(Sheet.with_user(self.user_employee).search([]), self.sheet)
        self.assertEqual(self.sheet.with_user(self.user_employee).score, 3.75)
        told = self.sheet.message_ids.filtered(lambda message: self.user_employee.partner_id in message.partner_ids)
        self.assertEqual(len(told), 1, "seed 004 §31 and §12: one message tells the result and asks to read it")
        self.assertIn("differentiation evaluation", told.body)
        self.assertIn("3.75", told.body)
        self.assertIn("I have read it", told.body)
        self.assertFalse(self.sheet.activity_ids.filtered(lambda activity: activity.user_id == self.user_evaluator),
                         "the evaluator's to-do is done")

    def test_record_rules_of_the_team(self):
        Sheet = self.env["hr.bagalau.differentiation.sheet"]
        self.assertEqual(Sheet.with_user(self.user_evaluator).search([]).employee_id, self.emp_staff | self.emp_member)
        self.assertIn(self.emp_staff, Sheet.with_user(self.user_superior).search([]).employee_id)
        self.assertFalse(Sheet.with_user(self.user_member).search([]))
        self.assertEqual(len(Sheet.with_user(self.user_hr).search([("campaign_id", "=", self.campaign.id)])), 54)

    # --- who ----------------------------------------------------------------

    def test_wrong_users_are_refused(self):
        for user in (self.user_employee, self.user_outsider, self.user_member, self.user_superior, self.user_hr):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.sheet.with_user(user).action_score({"quality": (4, WHY)})
                with self.assertRaises(AccessError):
                    self.sheet.with_user(user).action_done()
        self.assertFalse(self.sheet.quality_scored)
        with self.assertRaises(AccessError):
            self.sheet.with_user(self.user_evaluator).write({"due_date": D(2026, 4, 30)})
        with self.assertRaises(AccessError):
            self.sheet.with_user(self.user_evaluator).write({"state": "done"})

    def test_hr_reassigns_the_head_of_unit(self):
        self.sheet.with_user(self.user_hr).write({"direct_manager_id": self.emp_member.id})
        self.assertEqual(self.sheet.evaluator_id, self.emp_member, "the evaluation follows the head of unit")
        self.assertEqual(self.sheet.activity_ids.user_id, self.user_member, "the to-do follows too")
        with self.assertRaises(AccessError):
            self.sheet.with_user(self.user_evaluator).action_score({"quality": (4, WHY)})
        self.sheet.with_user(self.user_member).action_score(self._scores(4, 4, 4, 4))
        self.sheet.with_user(self.user_member).action_done()
        self.assertEqual(self.sheet.state, "done")

    # --- delegation (seed 004 §32) --------------------------------------------

    def test_delegation_in_a_unit_of_more_than_fifty(self):
        sheet = self.big_sheet
        self.assertEqual(sheet.unit_staff_count, 51)
        self.assertTrue(sheet.with_user(self.user_big_head).can_delegate)
        sheet.with_user(self.user_big_head).action_delegate(self.emp_big_member)
        self.assertEqual(sheet.evaluator_id, self.emp_big_member)
        self.assertEqual(sheet.direct_manager_id, self.emp_big_head)
        self.assertTrue(sheet.is_delegated)
        self.assertEqual(sheet.activity_ids.user_id, self.user_big_member, "the to-do goes to the new evaluator")
        self.assertEqual(sheet.activity_ids.date_deadline, D(2026, 4, 10))
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_big_member).action_delegate(self.big_staff[1])
        sheet.with_user(self.user_big_member).action_score(self._scores(5, 5, 4, 4))
        sheet.with_user(self.user_big_member).action_done()
        self.assertEqual((sheet.state, sheet.done_by_id), ("done", self.user_big_member))

    def test_delegation_to_someone_outside_the_unit_is_refused(self):
        with self.assertRaises(ValidationError):
            self.big_sheet.with_user(self.user_big_head).action_delegate(self.emp_outsider)
        with self.assertRaises(ValidationError):
            self.big_sheet.with_user(self.user_big_head).action_delegate(self.big_sheet.employee_id)
        self.assertEqual(self.big_sheet.evaluator_id, self.emp_big_head)

    def test_delegation_refused_in_a_unit_of_fifty_or_fewer(self):
        self.assertEqual(self.sheet.unit_staff_count, 2)
        self.assertFalse(self.sheet.with_user(self.user_evaluator).can_delegate)
        with self.assertRaises(UserError) as caught:
            self.sheet.with_user(self.user_evaluator).action_delegate(self.emp_member)
        self.assertIn("more than 50", str(caught.exception))
        with self.assertRaises(UserError):
            self.sheet.with_user(self.user_hr).write({"evaluator_id": self.emp_member.id})
        self.assertEqual(self.sheet.evaluator_id, self.emp_head)

    def test_only_the_head_or_hr_delegates_and_takes_back(self):
        with self.assertRaises(AccessError):
            self.big_sheet.with_user(self.user_superior).action_delegate(self.emp_big_member)
        self.big_sheet.with_user(self.user_hr).action_delegate(self.emp_big_member)
        self.assertEqual(self.big_sheet.evaluator_id, self.emp_big_member)
        self.big_sheet.with_user(self.user_big_head).action_delegate(False)
        self.assertEqual(self.big_sheet.evaluator_id, self.emp_big_head, "given back to the head")
        self.assertEqual(self.big_sheet.activity_ids.user_id, self.user_big_head)

    # --- frozen ---------------------------------------------------------------

    def test_nothing_changes_once_done(self):
        sheet = self.sheet.with_user(self.user_evaluator)
        sheet.action_score(self._scores(4, 4, 4, 3))
        sheet.action_done()
        with self.assertRaises(UserError):
            sheet.action_score({"quality": (5, WHY)})
        with self.assertRaises(UserError):
            sheet.action_done()
        with self.assertRaises(UserError):
            self.sheet.with_user(self.user_hr).write({"due_date": D(2026, 4, 30)})
        self.assertEqual(sheet.quality_score, 4)

    def test_nothing_changes_in_a_closed_campaign(self):
        self.sheet.with_user(self.user_evaluator).action_score(self._scores(4, 4, 4, 3))
        self.campaign.with_user(self.user_hr).action_close()
        with self.assertRaises(UserError):
            self.sheet.with_user(self.user_evaluator).action_score({"quality": (5, WHY)})
        with self.assertRaises(UserError):
            self.sheet.with_user(self.user_evaluator).action_done()
        with self.assertRaises(UserError):
            self.big_sheet.with_user(self.user_big_head).action_delegate(self.emp_big_member)
        self.assertFalse(self.sheet.with_user(self.user_evaluator).can_score)

    def test_views_load_for_the_evaluator(self):
        Sheet = self.env["hr.bagalau.differentiation.sheet"].with_user(self.user_evaluator)
        views = Sheet.get_views([(False, "list"), (False, "kanban"), (False, "form"), (False, "search")])
        self.assertIn("quality_criteria", views["views"]["form"]["arch"])
        action = self.env.ref("hr_bagalau.hr_bagalau_differentiation_sheet_action")
        self.assertIn("search_default_to_do_by_me", action.context)

    def test_the_completing_button_is_named_by_its_action_not_by_the_state(self):
        # The button said «Завершён» / «Аяқталды», the name of the state it leads to.
        langs = ["kk_KZ", "ru_RU"]
        for lang in langs:
            self.env["res.lang"]._activate_lang(lang)
        self.env["ir.module.module"]._load_module_terms(["hr_bagalau"], langs, overwrite=True)
        expected = {"en_US": "Complete the Evaluation", "kk_KZ": "Бағалауды аяқтау", "ru_RU": "Завершить оценку"}
        for lang, label in expected.items():
            with self.subTest(lang=lang):
                Sheet = self.env["hr.bagalau.differentiation.sheet"].with_user(self.user_evaluator).with_context(
                    lang=lang)
                arch = etree.fromstring(Sheet.get_views([(False, "form")])["views"]["form"]["arch"])
                [button] = arch.xpath("//header/button[@name='action_done']")
                state_done = dict(Sheet.fields_get(["state"])["state"]["selection"])["done"]
                self.assertEqual(button.get("string"), label)
                self.assertNotEqual(button.get("string"), state_done)

    def test_a_score_out_of_bounds_is_told_while_typing(self):
        sheet = self.sheet.with_user(self.user_evaluator)
        typed = sheet.new({"quality_score": 7}, origin=sheet)
        warning = typed._onchange_scores_within_bounds()["warning"]
        self.assertIn("7", warning["message"])
        self.assertIn("from 0 to 5", warning["message"], "seed 004 §32: the methodology's bounds")
        self.assertIn("Quality of carrying out functional duties", warning["message"])
        self.assertFalse(sheet.new({"quality_score": 4.5}, origin=sheet)._onchange_scores_within_bounds())
        self.assertEqual(sheet.quality_score, 0, "nothing saved")
