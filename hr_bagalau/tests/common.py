import datetime

from odoo import Command
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.tests.common import TransactionCase


class BagalauCase(TransactionCase):
    """Users of every role of DESIGN.md, "Users and delivery", in a company
    of their own, for the tests of every Bagalau addon."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Test agency"})
        cls.other_company = cls.env["res.company"].create({"name": "Other agency"})

        def user(login, groups, company=None):
            company = company or cls.company
            return mail_new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=company.id,
                company_ids=[(6, 0, company.ids)],
                tz="Asia/Almaty",
            )

        cls.user_employee = user("t_employee", "hr_bagalau.group_bagalau_employee")
        cls.user_evaluator = user("t_evaluator", "hr_bagalau.group_bagalau_evaluator")
        cls.user_hr = user("t_hr", "hr_bagalau.group_bagalau_hr_officer")
        cls.user_hr_head = user("t_hrhead", "hr_bagalau.group_bagalau_hr_head")
        cls.user_admin = user("t_methodadmin", "hr_bagalau.group_bagalau_admin")
        cls.user_commission = user("t_chair", "hr_bagalau.group_bagalau_commission")
        cls.user_authorised = user("t_head", "hr_bagalau.group_bagalau_authorised")
        cls.user_other_admin = user("t_other_admin", "hr_bagalau.group_bagalau_admin", cls.other_company)
        cls.user_plain = user("t_plain", "base.group_user")

        cls.preset_2018 = cls.env.ref("hr_bagalau.methodology_typical_2018")
        cls.preset_2023 = cls.env.ref("hr_bagalau.methodology_typical_2023")
        cls.preset_2025 = cls.env.ref("hr_bagalau.methodology_typical_2025")

    # --- KPI plans ---
    # A small agency for the individual work plans (seed 003 §9-16): the head
    # of the body (no manager, so he approves what he drafts, seed 003 §11) ←
    # the superior manager ← the direct manager ← the civil servant.

    @classmethod
    def _bagalau_user(cls, login, *groups):
        return mail_new_test_user(cls.env, login=login, groups=",".join(groups), company_id=cls.company.id,
                                  company_ids=[(6, 0, cls.company.ids)], tz="Asia/Almaty")

    @classmethod
    def _bagalau_employee(cls, name, manager=None, user=None, category="e_4", position_date=None, **values):
        """A corps B employee of the test agency, appointed long ago unless told."""
        return cls.env["hr.employee"].with_company(cls.company).create({
            "name": name,
            "company_id": cls.company.id,
            "parent_id": manager.id if manager else False,
            "user_id": user.id if user else False,
            "bagalau_category_id": cls.env.ref(f"hr_bagalau.position_category_{category}").id if category else False,
            "bagalau_position_date": position_date or datetime.date(2015, 3, 2),
            **values,
        })

    @classmethod
    def _bagalau_kpi_agency(cls):
        """Employees head → superior → manager → servant, linked to users of
        the roles; ``user_outsider`` evaluates elsewhere in the agency."""
        cls.user_head = cls._bagalau_user("t_plan_head", "hr_bagalau.group_bagalau_evaluator",
                                          "hr_bagalau.group_bagalau_authorised")
        cls.user_superior = cls._bagalau_user("t_plan_superior", "hr_bagalau.group_bagalau_evaluator")
        cls.user_manager = cls.user_evaluator
        cls.user_outsider = cls._bagalau_user("t_plan_outsider", "hr_bagalau.group_bagalau_evaluator")
        # The head of the body is a political servant: no corps B category.
        cls.emp_head = cls._bagalau_employee("Серікбаев Нұрлан", user=cls.user_head, category=False)
        cls.emp_superior = cls._bagalau_employee("Әбенова Динара", cls.emp_head, cls.user_superior, "e_2",
                                                 bagalau_is_unit_head=True)
        cls.emp_manager = cls._bagalau_employee("Мұхамедияров Ерлан", cls.emp_superior, cls.user_manager, "e_3",
                                                bagalau_is_unit_head=True)
        cls.emp_servant = cls._bagalau_employee("Сұлтанова Әлия", cls.emp_manager, cls.user_employee, "e_4")
        cls.emp_outsider = cls._bagalau_employee("Ким Елена", cls.emp_head, cls.user_outsider, "e_3",
                                                 bagalau_is_unit_head=True)

    @classmethod
    def _bagalau_launch(cls, methodology, year, quarter=False):
        """A launched campaign of the test agency."""
        campaign = cls.env["hr.bagalau.campaign"].with_company(cls.company).create({
            "methodology_id": methodology.id, "year": year, "quarter": quarter, "company_id": cls.company.id,
        })
        campaign.action_launch()
        return campaign

    @staticmethod
    def _bagalau_kpi_lines(generation, count, year):
        """``count`` complete KPI lines (One2many commands) of a plan of ``year``."""
        lines = []
        for number in range(1, count + 1):
            values = {
                "name": f"KPI {number}",
                "source_document": "Strategic plan 2024-2028",
                "unit": "%",
                "expected_result": f"Result {number}",
            }
            if generation == "2023":
                for quarter in range(1, 5):
                    values[f"planned_q{quarter}"] = 10.0 * quarter
                    values[f"deadline_q{quarter}"] = datetime.date(year, quarter * 3, 25)
            else:
                values.update(planned_value=100.0, deadline=datetime.date(year, 12, 1))
            lines.append(Command.create(values))
        return lines

    # --- KPI sheets ---
    # The chain of command of the KPI sheets (seed 003 §17-23): the head of
    # the body (no manager: he agrees what he evaluates, seed 003 §20) ← the
    # superior manager ← the direct manager (the evaluator) ← the evaluated
    # head of a sector. Everybody heads a unit, so that the 2023 methodology
    # gives them KPIs too (seed 004 §22).

    @classmethod
    def _bagalau_sheet_agency(cls):
        def user(login, *groups):
            return mail_new_test_user(cls.env, login=login, groups=",".join(groups), company_id=cls.company.id,
                                      company_ids=[(6, 0, cls.company.ids)], tz="Asia/Almaty")

        def employee(name, manager, user, category):
            return cls.env["hr.employee"].with_company(cls.company).create({
                "name": name,
                "company_id": cls.company.id,
                "parent_id": manager.id if manager else False,
                "user_id": user.id,
                "bagalau_category_id": cls.env.ref(f"hr_bagalau.position_category_{category}").id if category
                else False,
                "bagalau_is_unit_head": True,
                "bagalau_position_date": "2015-03-02",
            })

        cls.sheet_user_head = user("t_sheet_head", "hr_bagalau.group_bagalau_evaluator",
                                   "hr_bagalau.group_bagalau_authorised")
        cls.sheet_user_superior = user("t_sheet_superior", "hr_bagalau.group_bagalau_evaluator")
        cls.sheet_user_manager = cls.user_evaluator
        cls.sheet_user_evaluated = cls.user_employee
        # The head of the body is a political servant: no corps B category.
        cls.sheet_head = employee("Серікбаев Нұрлан", None, cls.sheet_user_head, False)
        cls.sheet_superior = employee("Әбенова Динара", cls.sheet_head, cls.sheet_user_superior, "e_2")
        cls.sheet_manager = employee("Мұхамедияров Ерлан", cls.sheet_superior, cls.sheet_user_manager, "e_3")
        cls.sheet_evaluated = employee("Сұлтанова Әлия", cls.sheet_manager, cls.sheet_user_evaluated, "e_4")
        cls.company.bagalau_authorised_id = cls.sheet_head

    def _bagalau_sheet_campaign(self, methodology, year, quarter=False):
        """A campaign launched by HR: the plans and sheets of the agency."""
        campaign = self.env["hr.bagalau.campaign"].with_user(self.user_hr).create({
            "methodology_id": methodology.id, "year": year, "quarter": quarter, "company_id": self.company.id,
        })
        campaign.action_launch()
        return campaign

    def _bagalau_sheet_of(self, campaign, employee):
        return campaign.kpi_sheet_ids.filtered(lambda sheet: sheet.employee_id == employee)

    def _bagalau_sheet_approve_plan(self, plan, planned):
        """Give ``plan`` one KPI per planned value (the year's, or a tuple of
        the four quarters') and approve it, as its own workflow would."""
        lines = []
        for number, values in enumerate(planned, start=1):
            line = {"name": f"KPI {number}", "source_document": "Strategic plan 2024-2028", "unit": "%",
                    "sequence": number}
            if isinstance(values, tuple):
                line.update({f"planned_q{quarter}": value for quarter, value in enumerate(values, start=1)})
            else:
                line["planned_value"] = values
            lines.append(Command.create(line))
        plan.sudo().write({"line_ids": lines})
        plan.sudo().write({"state": "approved"})

    def _bagalau_sheet_walk_2023(self, sheet, actuals, scores):
        """HR pre-fills ``actuals``, the evaluator gives ``scores`` and
        submits, the agreeing manager agrees."""
        for line, actual in zip(sheet.line_ids.with_user(self.user_hr), actuals, strict=True):
            line.actual_value = actual
        sheet.with_user(self.user_hr).action_prefill_actuals()
        evaluator = sheet.direct_manager_id.user_id
        for line, score in zip(sheet.line_ids.with_user(evaluator), scores, strict=True):
            line.score = score
        sheet.with_user(evaluator).action_submit()
        sheet.with_user(sheet.approver_id.user_id).action_agree()
