import datetime

from odoo import fields
from odoo.addons.hr_bagalau.tests.common import BagalauCase


class Survey360Case(BagalauCase):
    """A control department of the test agency under the 2023 methodology:
    the head of the body ← the head of the unit (the evaluator) ← five
    servants, each with a user, and a campaign of this year with its 360
    started by HR (seed 004 §34-37)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["hr.department"].create({"name": "Control", "company_id": cls.company.id})
        cls.emp_body_head = cls._bagalau_employee("Серікбаев Нұрлан", category=False,
                                                  department_id=cls.department.id)
        cls.company.bagalau_authorised_id = cls.emp_body_head
        cls.emp_head = cls._bagalau_employee("Мұхамедияров Ерлан", cls.emp_body_head, cls.user_evaluator, "e_3",
                                             bagalau_is_unit_head=True, department_id=cls.department.id)
        cls.servant_users = [cls.user_employee] + [
            cls._bagalau_user(f"t_360_{number}", "hr_bagalau.group_bagalau_employee") for number in range(1, 5)]
        cls.servants = cls.env["hr.employee"]
        for number, user in enumerate(cls.servant_users):
            cls.servants |= cls._bagalau_employee(f"Servant {number}", cls.emp_head, user, "e_4",
                                                  department_id=cls.department.id)
        cls.emp_servant = cls.servants[0]
        cls.outsider = cls.env["hr.employee"].create({"name": "Other agency servant",
                                                      "company_id": cls.other_company.id})
        cls.year = fields.Date.today().year
        cls.campaign = cls.env["hr.bagalau.campaign"].with_user(cls.user_hr).create({
            "methodology_id": cls.preset_2023.id, "year": cls.year, "quarter": "1",
            "company_id": cls.company.id,
        })
        cls.campaign.with_user(cls.user_hr).action_launch()
        cls.campaign.with_user(cls.user_hr).action_start_360()
        cls.eval_servant = cls.evaluation_of(cls.emp_servant)
        cls.eval_head = cls.evaluation_of(cls.emp_head)

    @classmethod
    def evaluation_of(cls, employee):
        return cls.campaign.survey360_ids.filtered(lambda evaluation: evaluation.employee_id == employee)

    @staticmethod
    def line_of(evaluation, employee):
        return evaluation.respondent_ids.filtered(lambda line: line.employee_id == employee)

    @staticmethod
    def answer(line, points):
        """Answer ``line``'s questionnaire: ``points`` (1-5) for every row, or
        a callable (competency key, row index) → points, as survey's pages save it."""
        # As survey's controllers do: the respondent's own user, with sudo.
        answer = line.sudo().user_input_id.with_user(line.sudo().employee_id.user_id).sudo()
        answer._mark_in_progress()
        for question in answer.survey_id.question_ids:
            columns = question.suggested_answer_ids.sorted("sequence")
            rows = {}
            for index, row in enumerate(question.matrix_row_ids.sorted("sequence")):
                value = points(question.bagalau_competency_key, index) if callable(points) else points
                rows[row.id] = [columns[value - 1].id]
            answer._save_lines(question, rows)
        answer._mark_done()
        return answer

    @staticmethod
    def next_year_tenth(year):
        return datetime.date(year + 1, 1, 10)
