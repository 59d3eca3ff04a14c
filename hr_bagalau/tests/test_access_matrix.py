import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.addons.mail.tools.discuss import Store
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import format_date, html2plaintext

from .test_commission import CommissionCase

D = datetime.date

ROLES = ("employee", "evaluator", "hr", "hr_head", "admin", "commission", "authorised", "plain")
CONFIG = {"employee": "r", "evaluator": "r", "hr": "r", "hr_head": "r", "admin": "rwcu", "commission": "r",
          "authorised": "r", "plain": ""}
HR_ALL = {"hr": "rwcu", "hr_head": "rwcu", "admin": "rwcu", "plain": ""}
HR_ROLES = ("hr", "hr_head", "admin")


def rights(employee="", evaluator="", commission="", authorised=""):
    return {"employee": employee, "evaluator": evaluator, "commission": commission, "authorised": authorised,
            **HR_ALL}


# Model-level rights (ACLs) of every Bagalau model, per role: r(ead), w(rite),
# c(reate), u(nlink). A read right here is only the door: the record rules
# (checked below on a scenario) narrow it to what seed 004 §16, §21 allows.
MATRIX = {
    # Configuration: the methodology is public to every civil servant (DESIGN.md),
    # only the methodology administrator changes it.
    "hr.bagalau.methodology": CONFIG,
    "hr.bagalau.methodology.band": CONFIG,
    "hr.bagalau.methodology.kpi.range": CONFIG,
    "hr.bagalau.competency": CONFIG,
    "hr.bagalau.competency.indicator": CONFIG,
    "hr.bagalau.competency.level": CONFIG,
    "hr.bagalau.competency.level.category": CONFIG,
    # The category of a position is shown on the employee form of any internal user.
    "hr.bagalau.position.category": dict(CONFIG, plain="r"),
    # HR keeps the working-day calendar and runs the campaigns.
    "hr.bagalau.workday": rights("r", "r", "r", "r"),
    "hr.bagalau.campaign": rights("r", "r", "r", "r"),
    "hr.bagalau.campaign.exclusion": rights(),
    # HR names an acting evaluator; evaluators see who acts for them.
    "hr.bagalau.substitution": rights("", "r", "", ""),
    # Plans and sheets: HR creates them with the campaign, the evaluator fills them.
    "hr.bagalau.kpi.plan": rights("r", "rw", "r", "r"),
    "hr.bagalau.kpi.plan.line": rights("r", "rwcu", "r", "r"),
    "hr.bagalau.kpi.monitoring": rights("r", "rwc", "r", "r"),
    "hr.bagalau.kpi.sheet": rights("r", "rw", "r", "r"),
    "hr.bagalau.kpi.sheet.line": rights("r", "rw", "r", "r"),
    "hr.bagalau.competency.sheet": rights("r", "rw", "r", "r"),
    "hr.bagalau.competency.sheet.line": rights("r", "rw", "r", "r"),
    "hr.bagalau.competency.sheet.indicator": rights("r", "rw", "r", "r"),
    "hr.bagalau.differentiation.sheet": rights("r", "rw", "r", "r"),
    "hr.bagalau.result": rights("r", "r", "r", "r"),
    "hr.bagalau.result.revision": rights("r", "r", "r", "r"),
    "hr.bagalau.acknowledgement": rights("r", "r", "r", "r"),
    "hr.bagalau.refusal.act": rights("r", "r", "r", "r"),
    "hr.bagalau.refusal.act.witness": rights("r", "r", "r", "r"),
    "hr.bagalau.appeal": rights("r", "r", "r", "r"),
    # Calibration: the authorised person decides, the evaluator argues, the
    # participants propose (their own proposals, by record rule).
    "hr.bagalau.calibration": rights("r", "rw", "r", "rw"),
    "hr.bagalau.calibration.proposal": rights("rwc", "rwc", "rwc", "rwc"),
    "hr.bagalau.calibration.vote": rights("r", "r", "r", "r"),
    # Commission: the members read what they sit on, the authorised person
    # names it; an evaluator is told of the sessions of his people (seed 003 §29).
    "hr.bagalau.commission": rights(commission="r", authorised="rwc"),
    "hr.bagalau.commission.order": rights(commission="r", authorised="rc"),
    "hr.bagalau.commission.session": rights(evaluator="r", commission="r", authorised="r"),
    "hr.bagalau.commission.attendance": rights(commission="r", authorised="r"),
    "hr.bagalau.commission.decision": rights(evaluator="r", commission="r", authorised="r"),
    "hr.bagalau.commission.vote": rights(commission="r", authorised="r"),
    "hr.bagalau.commission.signature": rights(commission="r", authorised="r"),
}
OPERATIONS = dict(zip("rwcu", ("read", "write", "create", "unlink"), strict=True))

# The evaluated employee of a record of each model that carries scores or remarks.
SUBJECT = {
    "hr.bagalau.kpi.plan": "employee_id",
    "hr.bagalau.kpi.plan.line": "plan_id.employee_id",
    "hr.bagalau.kpi.monitoring": "plan_id.employee_id",
    "hr.bagalau.kpi.sheet": "employee_id",
    "hr.bagalau.kpi.sheet.line": "sheet_id.employee_id",
    "hr.bagalau.result": "employee_id",
    "hr.bagalau.acknowledgement": "employee_id",
    "hr.bagalau.calibration": "employee_id",
    "hr.bagalau.calibration.proposal": "calibration_id.employee_id",
    "hr.bagalau.calibration.vote": "calibration_id.employee_id",
    "hr.bagalau.commission.decision": "employee_id",
    "hr.bagalau.commission.vote": "decision_id.employee_id",
    "hr.bagalau.appeal": "employee_id",
    "hr.bagalau.result.revision": "employee_id",
    "hr.bagalau.refusal.act": "employee_id",
    "hr.bagalau.refusal.act.witness": "act_id.employee_id",
    "hr.bagalau.differentiation.sheet": "employee_id",
    "hr.bagalau.competency.sheet": "employee_id",
    "hr.bagalau.competency.sheet.line": "sheet_id.employee_id",
    "hr.bagalau.competency.sheet.indicator": "line_id.sheet_id.employee_id",
}
# The sheets a result comes from: their evaluators know it (seed 004 §21).
RESULT_SHEETS = ("kpi_sheet_ids", "differentiation_sheet_ids")
# The records the other agency holds too (its campaigns of both methodologies).
OTHER_COMPANY = ("hr.bagalau.kpi.plan", "hr.bagalau.kpi.sheet", "hr.bagalau.differentiation.sheet",
                 "hr.bagalau.competency.sheet")


@tagged("post_install", "-at_install")
class TestAccessMatrix(CommissionCase):
    """Who reads, writes, creates and deletes what: results are known only to
    the evaluated person, the evaluator, the head of HR and the calibration
    participants (seed 004 §16, §21); HR runs the agency's evaluation."""

    @classmethod
    def setUpClass(cls):  # noqa: PLR0915
        super().setUpClass()
        helper = cls("test_acl_matrix")
        # Team A: the direct manager user_evaluator evaluates user_employee
        # (the sheet agency of BagalauCase); team B under the same superior.
        cls.user_evaluator_b = cls._bagalau_user("t_acl_eval_b", "hr_bagalau.group_bagalau_evaluator")
        cls.user_b1 = cls._bagalau_user("t_acl_b1", "hr_bagalau.group_bagalau_employee")
        cls.emp_evaluator_b = cls._bagalau_employee("Evaluator B", cls.sheet_superior, cls.user_evaluator_b, "e_3",
                                                    bagalau_is_unit_head=True)
        cls.emp_b1 = cls._bagalau_employee("Employee B1", cls.emp_evaluator_b, cls.user_b1, "e_4",
                                           bagalau_is_unit_head=True)
        cls.user_participant = cls._bagalau_user("t_acl_participant", "hr_bagalau.group_bagalau_employee")
        cls.emp_participant = cls._bagalau_employee("Participant", user=cls.user_participant, category=False)
        # Evaluator B reads Kazakh: the commission tells him in Kazakh.
        cls.env["base.language.install"].create({"lang_ids": [Command.set(cls.env.ref("hr_bagalau.lang_kk").ids)]}) \
            .lang_install()
        cls.user_evaluator_b.lang = "kk_KZ"

        # 2025 (2018 methodology): agreed sheets of A1 and B1 before the commission,
        # decided, approved; A1 appeals.
        campaign = helper._bagalau_sheet_campaign(cls.preset_2018, 2025)
        cls.competency_a1 = campaign.competency_sheet_ids.filtered(
            lambda sheet: sheet.employee_id == cls.sheet_evaluated)
        cls.competency_a1.line_ids.indicator_ids.with_user(cls.user_evaluator).write({"shown": True})
        with freeze_time("2026-01-12 06:00:00"):
            cls.competency_a1.with_user(cls.user_evaluator).action_sign()
        for employee, manager in ((cls.sheet_evaluated, cls.user_evaluator), (cls.emp_b1, cls.user_evaluator_b)):
            sheet = helper._bagalau_sheet_of(campaign, employee)
            helper._bagalau_sheet_approve_plan(sheet.plan_id, [100.0] * 5)
            for line in sheet.line_ids.with_user(manager):
                line.actual_value = 100
            sheet.with_user(manager).action_submit()
            with freeze_time("2026-03-16 06:00:00"):
                sheet.with_user(cls.sheet_user_superior).action_agree()
        commission = helper._commission()
        with freeze_time("2026-03-18 06:00:00"):
            session = cls.env["hr.bagalau.commission.session"].with_user(cls.user_hr).create({
                "commission_id": commission.id, "campaign_id": campaign.id, "date": D(2026, 4, 1),
            })
            session.action_schedule()
            cls._bagalau_commission_b(helper, campaign)
        for line in (session | cls.session_b).attendance_ids.with_user(cls.user_hr):
            line.present = True
        for decision in (session | cls.session_b).decision_ids:
            helper._all_for(decision)
        session.decision_ids.with_user(cls.user_hr).action_decide()
        session.with_user(cls.user_hr).action_hold()
        with freeze_time("2026-04-02 06:00:00"):
            helper._sign_protocol(session)
            session.with_user(cls.sheet_user_head).action_approve()
        cls.session = session
        # A1's signed competency sheet is on the agenda too: the appeal is of the KPI decision.
        decision_a1 = session.decision_ids.filtered(
            lambda decision: decision.employee_id == cls.sheet_evaluated and decision.kind == "kpi")
        # A1 refuses to sign his final 2025 result: HR draws up the act (seed 003 §41).
        witnesses = cls._bagalau_employee("Witness One", category=False) | cls._bagalau_employee(
            "Witness Two", category=False)
        with freeze_time("2026-04-03 06:00:00"):
            decision_a1.result_id.with_user(cls.user_hr).action_record_refusal(
                witnesses=witnesses, date=D(2026, 4, 3), note="Refused to sign.")
        appeal = cls.env["hr.bagalau.appeal"].with_user(cls.user_hr).create({
            "decision_id": decision_a1.id, "filed_on": D(2026, 4, 6), "grounds": "KPI 3 was achieved."})
        # The appeal revises A1's result (seed 003 §42).
        appeal.write({"outcome": "revise", "outcome_note": "The agency recommends a revision.",
                      "new_grade": "effective"})
        with freeze_time("2026-05-05 06:00:00"):
            appeal.action_record_outcome()
        plans = campaign.kpi_plan_ids if "kpi_plan_ids" in campaign._fields else campaign.kpi_sheet_ids.plan_id
        for plan in plans.filtered(lambda plan: plan.employee_id in (cls.sheet_evaluated | cls.emp_b1)):
            cls.env["hr.bagalau.kpi.monitoring"].sudo().create({
                "plan_id": plan.id, "quarter": "1", "date": D(2025, 4, 10), "recommendations": "Keep going."})

        # Q1 2026 (2023 methodology): A1's agreed sheet goes to calibration with a participant;
        # the staff A2 and B2 are differentiated, A2's sheet is done (seed 004 §29-33).
        cls.emp_a2 = cls._bagalau_employee("Staff A2", cls.sheet_manager)
        cls.emp_b2 = cls._bagalau_employee("Staff B2", cls.emp_evaluator_b)
        with freeze_time("2026-03-20 06:00:00"):
            campaign = helper._bagalau_sheet_campaign(cls.preset_2023, 2026, "1")
            cls.differentiation_a2 = campaign.differentiation_sheet_ids.filtered(
                lambda sheet: sheet.employee_id == cls.emp_a2)
            why = "Three documents returned for correction in the quarter."
            cls.differentiation_a2.with_user(cls.user_evaluator).action_score(
                dict.fromkeys(("quality", "deadlines", "initiative", "discipline"), (4, why)))
            cls.differentiation_a2.with_user(cls.user_evaluator).action_done()
            for employee in (cls.sheet_evaluated, cls.emp_b1):
                sheet = helper._bagalau_sheet_of(campaign, employee)
                helper._bagalau_sheet_approve_plan(sheet.plan_id, [(100.0, 100.0, 100.0, 100.0)] * 3)
                helper._bagalau_sheet_walk_2023(sheet, [100.0] * 3, [5.0] * 3)
            sheet_a1 = helper._bagalau_sheet_of(campaign, cls.sheet_evaluated)
            sheet_a1.with_user(cls.user_employee).action_acknowledge()
        with freeze_time("2026-03-26 06:00:00"):
            action = sheet_a1.with_user(cls.user_employee).action_request_calibration()
        cls.calibration = cls.env["hr.bagalau.calibration"].browse(action["res_id"])
        with freeze_time("2026-03-27 06:00:00"):
            cls.calibration.with_user(cls.sheet_user_head).write({
                "participant_ids": [Command.set(cls.emp_participant.ids)], "session_date": D(2026, 4, 3)})
            cls.calibration.with_user(cls.sheet_user_head).action_decide_hold()
        with freeze_time("2026-04-03 06:00:00"):
            proposal = cls.env["hr.bagalau.calibration.proposal"].with_user(cls.user_participant).create({
                "calibration_id": cls.calibration.id, "participant_id": cls.emp_participant.id,
                "proposed_score": 4.0, "reason": "Two KPIs were reached late."})
            proposal.with_user(cls.user_participant).action_vote()

        # The other agency: launched campaigns with plans and sheets of both methodologies.
        other_employee = cls.env["hr.employee"].with_company(cls.other_company).create({
            "name": "Other servant", "company_id": cls.other_company.id, "bagalau_is_unit_head": True,
            "bagalau_category_id": cls.env.ref("hr_bagalau.position_category_e_4").id,
            "bagalau_position_date": D(2015, 3, 2)})
        cls.env["hr.employee"].with_company(cls.other_company).create({
            "name": "Other staff", "company_id": cls.other_company.id, "parent_id": other_employee.id,
            "bagalau_category_id": cls.env.ref("hr_bagalau.position_category_e_4").id,
            "bagalau_position_date": D(2015, 3, 2)})
        cls.env["hr.bagalau.campaign"].with_user(cls.user_other_admin).create({
            "methodology_id": cls.preset_2018.id, "year": 2025, "company_id": cls.other_company.id,
        }).action_launch()
        with freeze_time("2026-03-20 06:00:00"):
            other = cls.env["hr.bagalau.campaign"].with_user(cls.user_other_admin).create({
                "methodology_id": cls.preset_2023.id, "year": 2026, "quarter": "1",
                "company_id": cls.other_company.id})
            other.action_launch()
        cls.other_sheet = other.kpi_sheet_ids.filtered(lambda sheet: sheet.employee_id == other_employee)

        cls.users = {
            "employee": cls.user_employee, "evaluator": cls.user_evaluator, "hr": cls.user_hr,
            "hr_head": cls.user_hr_head, "admin": cls.user_admin, "commission": cls.user_commission,
            "authorised": cls.sheet_user_head, "plain": cls.user_plain,
        }

    @classmethod
    def _bagalau_commission_b(cls, helper, campaign):
        """Department B has an authorised person of its own, who names its own
        commission (chair ``user_member_b``): its session on B3, scheduled with
        the 2025 commission's, is none of the business of department A's."""
        cls.user_head_b = cls._bagalau_user("t_acl_head_b", "hr_bagalau.group_bagalau_authorised")
        cls.user_member_b = cls._bagalau_user("t_acl_member_b", "hr_bagalau.group_bagalau_commission")
        # Department A's authorised person is the company's, the head of the body.
        department_b = cls.env["hr.department"].with_company(cls.company).create({
            "name": "Department B", "company_id": cls.company.id})
        cls.emp_head_b = cls._bagalau_employee("Head B", user=cls.user_head_b, category=False,
                                               department_id=department_b.id)
        department_b.bagalau_authorised_id = cls.emp_head_b
        cls.emp_chair_b = cls._bagalau_employee("Chair B", user=cls.user_member_b, category=False)
        cls.emp_b3 = cls._bagalau_employee("Staff B3", cls.emp_evaluator_b, category=False,
                                           department_id=department_b.id)
        cls.commission_b = cls.env["hr.bagalau.commission"].with_user(cls.user_hr).create({
            "name": "Commission of department B", "company_id": cls.company.id,
            "authorised_id": cls.emp_head_b.id, "methodology_id": cls.preset_2018.id,
        })
        helper._order(cls.commission_b, "2-к", D(2026, 1, 5), cls.emp_others, chair=cls.emp_chair_b)
        cls.session_b = cls.env["hr.bagalau.commission.session"].with_user(cls.user_hr).create({
            "commission_id": cls.commission_b.id, "campaign_id": campaign.id, "date": D(2026, 4, 2)})
        cls.env["hr.bagalau.commission.decision"].sudo().create({
            "session_id": cls.session_b.id, "kind": "kpi", "employee_id": cls.emp_b3.id,
            "evaluator_id": cls.emp_evaluator_b.id, "original_grade": "effective"})
        cls.session_b.with_user(cls.user_hr).action_schedule()

    # --- 1. model-level rights -------------------------------------------------

    def _bagalau_models(self):
        names = self.env["ir.model.data"].search([("module", "=", "hr_bagalau"), ("model", "=", "ir.model")])
        models = self.env["ir.model"].browse(names.mapped("res_id")).filtered(
            lambda model: model.model.startswith("hr.bagalau.") and "hr_bagalau" in model.modules)
        return sorted(model.model for model in models
                      if not self.env[model.model]._abstract and not self.env[model.model]._transient)

    def test_acl_matrix(self):
        self.assertEqual(self._bagalau_models(), sorted(MATRIX), "every Bagalau model declares its access matrix")
        roles = {**dict.fromkeys(ROLES), "authorised": self.user_authorised}
        for model, matrix in MATRIX.items():
            for role in ROLES:
                user = roles[role] or self.users[role]
                actual = "".join(letter for letter, operation in OPERATIONS.items()
                                 if self.env[model].with_user(user).has_access(operation))
                with self.subTest(model=model, role=role):
                    self.assertEqual(actual, matrix[role])
                    for letter, operation in OPERATIONS.items():
                        if letter not in matrix[role]:
                            with self.assertRaises(AccessError):
                                self.env[model].with_user(user).check_access(operation)

    # --- 2. records -----------------------------------------------------------------

    @staticmethod
    def _final(model, record):
        """The evaluated person sees his plan once approved, his sheet once agreed,
        his differentiation once done, his competency sheet once signed."""
        if model.startswith("hr.bagalau.kpi.plan"):
            return (record if model == "hr.bagalau.kpi.plan" else record.plan_id).state == "approved"
        if model.startswith("hr.bagalau.kpi.sheet"):
            return (record if model == "hr.bagalau.kpi.sheet" else record.sheet_id).state == "agreed"
        if model == "hr.bagalau.differentiation.sheet":
            return record.state == "done"
        if model.startswith("hr.bagalau.competency.sheet"):
            return (record if model == "hr.bagalau.competency.sheet" else record.sheet_id).state in ("signed", "sent")
        return True

    @staticmethod
    def _evaluators(model, record):
        """The employees who evaluate (or agree) what ``record`` is about (seed 004 §21)."""
        if model.startswith("hr.bagalau.competency.sheet"):
            sheet = record if model == "hr.bagalau.competency.sheet" else record.sheet_id
            return sheet.direct_manager_id | sheet.superior_id
        if model == "hr.bagalau.differentiation.sheet":
            return record.evaluator_id | record.direct_manager_id | record.superior_id
        if model in ("hr.bagalau.result", "hr.bagalau.result.revision"):
            result = record if model == "hr.bagalau.result" else record.result_id
            return record.env["hr.employee"].union(*(
                result.mapped(f"{sheets}.{evaluator}") for sheets in RESULT_SHEETS
                for evaluator in ("direct_manager_id", "superior_id")), result.differentiation_sheet_ids.evaluator_id)
        return record.env["hr.employee"]

    def _allowed(self, role, model, record):  # noqa: PLR0911
        """Whether the law lets ``role`` know ``record`` (a sudo record of the test company)."""
        user = self.users[role]
        if role == "plain" or record.sudo().company_id != self.company:
            return False
        if role in ("hr", "hr_head", "admin"):
            return True
        subject = record.mapped(SUBJECT[model])
        if subject.user_id == user and self._final(model, record) and model not in (
                "hr.bagalau.commission.decision", "hr.bagalau.commission.vote"):
            return True
        document = {"hr.bagalau.kpi.plan.line": "plan_id", "hr.bagalau.kpi.monitoring": "plan_id",
                    "hr.bagalau.kpi.sheet.line": "sheet_id"}.get(model)
        document = record[document] if document else record
        if model.startswith("hr.bagalau.kpi.") and user in (document.direct_manager_id | document.superior_id).user_id:
            return True
        if user in self._evaluators(model, record).user_id:
            return True
        if model.startswith("hr.bagalau.calibration"):
            case = record if model == "hr.bagalau.calibration" else record.calibration_id
            return user in (case.participant_ids | case.evaluator_id | case.authorised_id).user_id
        if model.startswith("hr.bagalau.commission."):
            decision = record if model == "hr.bagalau.commission.decision" else record.decision_id
            session = decision.session_id
            # The authorised person of the session's commission, else the company's (seed 003 §39).
            authorised = session.commission_id.authorised_id or session.company_id.bagalau_authorised_id
            if (role == "authorised" and authorised.user_id == user) or user in session.member_user_ids:
                return True
            return model == "hr.bagalau.commission.decision" and decision.evaluator_id.user_id == user
        if model.startswith(("hr.bagalau.kpi.sheet", "hr.bagalau.competency.sheet")) and role == "commission":
            sheet = record if model in ("hr.bagalau.kpi.sheet", "hr.bagalau.competency.sheet") else record.sheet_id
            return user in sheet.bagalau_decision_ids.session_id.member_user_ids
        return False

    @staticmethod
    def _rights(model, role):
        """The authorised person of the scenario is the head of the body, an evaluator too."""
        granted = set(MATRIX[model][role])
        if role == "authorised":
            granted |= set(MATRIX[model]["evaluator"])
        return granted

    def _check_references(self, role, rows):
        """No value of a read row (related and computed fields included)
        points to a scored record the role may not know."""
        if not rows:
            return
        user = self.users[role]
        for row in rows:
            for name, value in row.items():
                field = self._row_model._fields.get(name)
                # A many2one shows a name only; the lists show the records themselves.
                if not field or field.type not in ("one2many", "many2many") \
                        or field.comodel_name not in SUBJECT or not value:
                    continue
                ids = value
                if "r" not in self._rights(field.comodel_name, role):
                    self.fail(f"{self._row_model._name}.{name} shows {field.comodel_name} to {role}")
                visible = self.env[field.comodel_name].with_user(user).search([("id", "in", ids)]).ids
                self.assertEqual(sorted(visible), sorted(ids), f"{self._row_model._name}.{name} as {role}")

    def test_records_by_role(self):
        for model in SUBJECT:
            records = self.env[model].sudo().with_context(active_test=False).search([])
            self.assertTrue(records.filtered(lambda record: record.company_id == self.company),
                            f"the scenario has {model} records")
            self.assertTrue(records.filtered(lambda record: record.company_id == self.other_company)
                            or model not in OTHER_COMPANY, f"the other agency has {model} records")
            for role in ROLES:
                user = self.users[role]
                with self.subTest(model=model, role=role):
                    expected = records.filtered(lambda record, role=role, model=model:
                                                self._allowed(role, model, record))
                    if "r" not in MATRIX[model][role]:
                        self.assertFalse(expected, "the law lets him know it but the ACL does not")
                        with self.assertRaises(AccessError):
                            self.env[model].with_user(user).search_read([])
                        continue
                    rows = self.env[model].with_user(user).search_read([])
                    self._row_model = self.env[model]
                    self.assertEqual(sorted(row["id"] for row in rows), sorted(expected.ids))
                    self._check_references(role, rows)
                    forbidden = (records - expected)[:1]
                    if forbidden:
                        with self.assertRaises(AccessError):
                            forbidden.with_user(user).read(["display_name"])
                    granted = self._rights(model, role)
                    for letter in "wu":
                        if letter not in granted and expected:
                            with self.assertRaises(AccessError):
                                expected[:1].with_user(user).check_access(OPERATIONS[letter])
                    if "c" not in granted:
                        with self.assertRaises(AccessError):
                            self.env[model].with_user(user).check_access("create")

    def test_authorised_of_another_body_sees_no_calibration(self):
        """The authorised person group alone does not open the cases of the agency:
        only the authorised person of the case decides on it (seed 004 §39)."""
        self.assertFalse(self.env["hr.bagalau.calibration"].with_user(self.user_authorised).search([]))
        with self.assertRaises(AccessError):
            self.calibration.with_user(self.user_authorised).read(["final_score"])
        self.assertEqual(self.env["hr.bagalau.calibration"].with_user(self.sheet_user_head).search([]),
                         self.calibration)

    def test_evaluator_knows_the_results_of_his_people(self):
        """seed 004 §21: the evaluator of team A reads A1's results (KPI sheets) and
        A2's (differentiation), not B1's; evaluator B the other way round."""
        Result = self.env["hr.bagalau.result"]
        a1 = Result.sudo().search([("employee_id", "=", self.sheet_evaluated.id)])
        a2 = Result.sudo().search([("employee_id", "=", self.emp_a2.id)])
        b1 = Result.sudo().search([("employee_id", "=", self.emp_b1.id)])
        self.assertEqual(len(a1), 2, "2025 and 2026")
        self.assertTrue(a2 and b1)
        self.assertEqual(Result.with_user(self.user_evaluator).search([]), a1 | a2)
        self.assertEqual(Result.with_user(self.user_evaluator_b).search([]), b1)
        with self.assertRaises(AccessError):
            b1.with_user(self.user_evaluator).read(["year_score"])
        with self.assertRaises(AccessError):
            a1.with_user(self.user_evaluator).write({"year_score": 1.0})
        revisions = self.env["hr.bagalau.result.revision"]
        self.assertTrue(revisions.with_user(self.user_evaluator).search([]))
        self.assertFalse(revisions.with_user(self.user_evaluator_b).search([("employee_id", "=",
                                                                             self.sheet_evaluated.id)]))

    # --- 3. no leaks around the rules -------------------------------------------------

    def test_employee_and_user_fields_need_hr(self):
        fields = self.env["ir.model.fields"].search([("model", "in", ("hr.employee", "res.users")),
                                                     ("name", "like", "bagalau")])
        self.assertTrue(fields)
        employee = self.sheet_evaluated
        for field in fields:
            with self.subTest(field=f"{field.model}.{field.name}"):
                self.assertTrue(self.env[field.model]._fields[field.name].groups,
                                "a Bagalau field of an employee or user is for HR only")
                record = employee if field.model == "hr.employee" else self.user_employee
                for user in (self.user_evaluator_b, self.user_employee, self.user_commission, self.user_plain):
                    with self.assertRaises(AccessError):
                        record.with_user(user).read([field.name])

    def test_evaluator_of_another_team_reads_only_his_people(self):
        """Computed and related fields do not reach past the rules (no sudo leak):
        evaluator B reads everything of B1 and nothing points to A1."""
        user = self.user_evaluator_b
        for model, subject in SUBJECT.items():
            if "r" not in MATRIX[model]["evaluator"]:
                continue
            with self.subTest(model=model):
                rows = self.env[model].with_user(user).search_read([])
                self._row_model = self.env[model]
                self.users = dict(self.users, evaluator=user)
                self._check_references("evaluator", rows)
                for row in rows:
                    record = self.env[model].sudo().browse(row["id"])
                    self.assertNotEqual(record.mapped(subject), self.sheet_evaluated)

    # --- 4. the channels around the records: followers, chatter, other bodies -----------

    def _bagalau_threads(self):
        """Bagalau documents with a chatter, from every part of the scenario."""
        kpi_a1 = self.session.decision_ids.filtered(lambda row: row.employee_id == self.sheet_evaluated).kpi_sheet_id
        return self.calibration, kpi_a1, self.competency_a1, self.session, self.differentiation_a2

    def _bagalau_followers(self, record):
        return self.env["mail.followers"].sudo().search([("res_model", "=", record._name),
                                                         ("res_id", "=", record.id)])

    def test_followers_of_bagalau_documents_are_their_own(self):
        """Who follows a calibration case or a sheet tells who contests what: of a
        Bagalau document a user reads his own follower row only, HR all of them
        (seed 004 §16, §21); the followers of other documents stay as Odoo has them."""
        Followers = self.env["mail.followers"]
        bagalau = [("res_model", "=like", "hr.bagalau.%")]
        every = Followers.sudo().search(bagalau)
        case = self._bagalau_followers(self.calibration)
        self.assertGreater(len(case.partner_id), 2, "A1, the authorised person and the participant follow the case")
        kpi_a1 = self._bagalau_threads()[1]
        self.assertTrue(self._bagalau_followers(kpi_a1))
        # B1 owns neither A1's case nor A1's sheet: he reads none of their followers.
        for record in (self.calibration, kpi_a1):
            with self.subTest(record=record._name):
                self.assertFalse(Followers.with_user(self.user_b1).search_read(
                    [("res_model", "=", record._name), ("res_id", "=", record.id)], ["partner_id"]))
                with self.assertRaises(AccessError):
                    self._bagalau_followers(record)[:1].with_user(self.user_b1).read(["partner_id"])
        self.assertEqual(Followers.with_user(self.user_employee).search(
            [("res_model", "=", "hr.bagalau.calibration"), ("res_id", "=", self.calibration.id)]).partner_id,
            self.user_employee.partner_id, "A1 reads his own row on his case, not the others'")
        for role in ROLES:
            user = self.users[role]
            with self.subTest(role=role):
                rows = Followers.with_user(user).search(bagalau)
                if role in HR_ROLES:
                    self.assertEqual(rows, every)
                else:
                    self.assertEqual(rows, every.filtered(lambda row, user=user: row.partner_id == user.partner_id))
        # Another model's followers: Odoo's rule, every internal user reads them.
        self.emp_a2.message_subscribe(partner_ids=self.user_hr.partner_id.ids)
        employee_row = self._bagalau_followers(self.emp_a2).filtered(
            lambda row: row.partner_id == self.user_hr.partner_id)
        self.assertEqual(Followers.with_user(self.user_b1).search([("id", "=", employee_row.id)]), employee_row)

    def test_chatter_keeps_working_for_the_readers_of_a_document(self):
        """Every role that reads a Bagalau document loads its chatter (followers,
        the follow button), follows and unfollows it; a message posted on it
        still reaches every follower."""
        for record in self._bagalau_threads():
            for role in ROLES:
                user = self.users[role]
                thread = record.with_user(user)
                if not thread.has_access("read"):
                    continue
                with self.subTest(model=record._name, role=role):
                    followers = self._bagalau_followers(record)
                    own = followers.filtered(lambda row, user=user: row.partner_id == user.partner_id)
                    data = Store(thread, as_thread=True, request_list=["followers", "activities", "attachments"]) \
                        .get_result()
                    entry = next(row for row in data["mail.thread"] if row["id"] == record.id)
                    self.assertTrue(entry["hasReadAccess"])
                    hr = role in HR_ROLES
                    self.assertEqual(entry["followersCount"], len(followers) if hr else len(own))
                    self.assertEqual(bool(entry["selfFollower"]), bool(own))
                    shown = {row["id"] for row in data.get("mail.followers", [])}
                    self.assertLessEqual(shown, set(followers.ids if hr else own.ids))
                    # The follow button: as a reader, follow and unfollow.
                    thread.message_subscribe(partner_ids=user.partner_id.ids)
                    self.assertIn(user.partner_id, self._bagalau_followers(record).partner_id)
                    thread.message_unsubscribe(partner_ids=user.partner_id.ids)
                    self.assertNotIn(user.partner_id, self._bagalau_followers(record).partner_id)
                    if own:
                        thread.message_subscribe(partner_ids=user.partner_id.ids)
        # A participant (a follower who only reads the case) posts: every other follower is told.
        message = self.calibration.with_user(self.user_participant).message_post(
            body="The feedback meeting moves to Friday.", message_type="comment", subtype_xmlid="mail.mt_comment")
        followers = self._bagalau_followers(self.calibration).partner_id - self.user_participant.partner_id
        self.assertTrue(followers)
        self.assertEqual(message.sudo().notification_ids.res_partner_id, followers)

    def test_commission_notice_names_only_the_people_of_each_evaluator(self):
        """Seed 003 §29: each evaluator is told of the session with the names of
        the people he evaluates only, in his language; nobody else reads his
        notice, and the session's chatter names nobody (seed 004 §16, §21)."""
        Message = self.env["mail.message"]
        on_session = [("model", "=", "hr.bagalau.commission.session"), ("res_id", "=", self.session.id)]
        notices = Message.sudo().search([*on_session, ("message_type", "=", "user_notification")])
        to_a = notices.filtered(lambda message: message.partner_ids == self.user_evaluator.partner_id)
        to_b = notices.filtered(lambda message: message.partner_ids == self.user_evaluator_b.partner_id)
        self.assertEqual((len(to_a), len(to_b), len(notices)), (1, 1, 2), "one notice to each evaluator, to him alone")
        a1, b1 = self.sheet_evaluated.name, self.emp_b1.name
        text_a, text_b = html2plaintext(to_a.body), html2plaintext(to_b.body)
        self.assertIn(a1, text_a)
        self.assertNotIn(b1, text_a)
        self.assertIn(b1, text_b)
        self.assertNotIn(a1, text_b)
        # The methodology is cited by its own name, in the reader's language; the seeds stay in the code.
        self.assertIn(f"; {self.preset_2018.display_name}, paragraph 29)", text_a)
        kazakh_name = self.preset_2018.with_context(lang="kk_KZ").display_name
        self.assertNotEqual(kazakh_name, self.preset_2018.display_name)
        self.assertIn(kazakh_name, text_b)
        for text in (text_a, text_b):
            self.assertNotIn("seed", text)
        self.assertEqual(to_a.subject, f"Commission session on {format_date(self.env, D(2026, 4, 1), 'en_US')}")
        self.assertEqual(to_b.subject, f"Комиссия отырысы, {format_date(self.env, D(2026, 4, 1), 'kk_KZ')}")
        self.assertEqual(to_b.subject, "Комиссия отырысы, 01.04.2026")
        # Each evaluator reads his own notice; the chair, the authorised person, the other evaluator do not.
        for user, own in ((self.user_evaluator, to_a), (self.user_evaluator_b, to_b), (self.user_commission, None),
                          (self.sheet_user_head, None), (self.user_employee, None), (self.user_b1, None)):
            with self.subTest(user=user.login):
                visible = Message.with_user(user).search(on_session)
                self.assertEqual(visible & notices, own or Message)
                for other in notices - (own or Message):
                    with self.assertRaises(AccessError):
                        other.with_user(user).read(["body"])
        # The session's chatter keeps a note that names nobody of the agenda.
        chatter = self.session.message_ids
        self.assertFalse(chatter & notices)
        names = self.session.decision_ids.employee_id.mapped("name")
        self.assertTrue(chatter.filtered(lambda message: "paragraph 29" in html2plaintext(message.body or "")))
        for message in chatter:
            for name in names:
                self.assertNotIn(name, html2plaintext(message.body or ""))
        # The evaluators' to-dos (written like the notices, in each one's
        # language) ended when the session sat.
        self.assertFalse(self.session.activity_ids)

    def test_authorised_persons_of_two_departments_read_only_their_commission(self):
        """The authorised person of department B named his own commission: he reads
        its sessions, attendance, decisions, votes and signatures, the head of
        the body (department A, the company's authorised person) those of his
        own; neither the other's (seed 004 §16, §21)."""
        paths = {"hr.bagalau.commission.session": None, "hr.bagalau.commission.attendance": "session_id",
                 "hr.bagalau.commission.decision": "session_id", "hr.bagalau.commission.vote": "decision_id.session_id",
                 "hr.bagalau.commission.signature": "session_id"}
        self.assertTrue(self.session_b.decision_ids.vote_ids and self.session.decision_ids.vote_ids)

        def check(user, sessions):
            for model, path in paths.items():
                records = self.env[model].sudo().search([("company_id", "=", self.company.id)])
                expected = records.filtered(lambda row, path=path: (row.mapped(path) if path else row) & sessions)
                with self.subTest(user=user.login, model=model):
                    self.assertEqual(self.env[model].with_user(user).search([]), expected)
                    forbidden = (records - expected)[:1]
                    if forbidden:
                        with self.assertRaises(AccessError):
                            forbidden.with_user(user).read(["display_name"])

        check(self.sheet_user_head, self.session)
        check(self.user_head_b, self.session_b)
        self.assertTrue(self.session_b.with_user(self.user_head_b)._bagalau_is_authorised())
        self.assertFalse(self.session_b.with_user(self.sheet_user_head)._bagalau_is_authorised())
        # A commission without an authorised person of its own: the company's reads it (and approves it).
        self.commission_b.sudo().authorised_id = False
        self.assertTrue(self.session_b.with_user(self.sheet_user_head)._bagalau_is_authorised())
        check(self.sheet_user_head, self.session | self.session_b)
        check(self.user_head_b, self.env["hr.bagalau.commission.session"])

    def test_chair_reads_the_sheets_on_the_agenda_of_his_session(self):
        """Seed 003 §24, §28: the chair and the members consider the KPI and the
        competency sheets on their agenda; a member of another commission does not read them."""
        agenda = self.session.decision_ids
        self.assertTrue(self.competency_a1 in agenda.competency_sheet_id)
        sheets = {
            "hr.bagalau.competency.sheet": self.competency_a1,
            "hr.bagalau.competency.sheet.line": self.competency_a1.line_ids,
            "hr.bagalau.competency.sheet.indicator": self.competency_a1.line_ids.indicator_ids,
            "hr.bagalau.kpi.sheet": agenda.kpi_sheet_id,
            "hr.bagalau.kpi.sheet.line": agenda.kpi_sheet_id.line_ids,
        }
        for model, records in sheets.items():
            with self.subTest(model=model):
                self.assertTrue(records)
                self.assertEqual(self.env[model].with_user(self.user_commission).search([]), records)
                records.with_user(self.user_commission).read()
                self.assertFalse(self.env[model].with_user(self.user_member_b).search([]))
                with self.assertRaises(AccessError):
                    records[:1].with_user(self.user_member_b).read(["display_name"])
                with self.assertRaises(AccessError):
                    records[:1].with_user(self.user_commission).check_access("write")
