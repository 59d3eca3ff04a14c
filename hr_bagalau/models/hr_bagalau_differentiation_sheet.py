from decimal import Decimal

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import LazyTranslate

from ..engine.bands import band_2023
from ..engine.differentiation import PARAMETERS, differentiation_score
from ..engine.errors import EngineError
from ..engine.workdays import quarter_deadline
from .hr_bagalau_engine_messages import engine_error_message
from .hr_bagalau_integrity import MAIL_FIELDS

_lt = LazyTranslate(__name__)

HR_GROUP = "hr_bagalau.group_bagalau_hr_officer"
# seed 004 §32: "Егер құрылымдық бөлімшенің "Б" корпусы қызметшілерінің саны
# елу адамнан асқан жағдайда" — only where the unit has MORE than fifty corps B
# servants (the methodology's differentiation_delegation_staff_limit) may the
# evaluating person name other evaluators.

SCORE_FIELDS = tuple(f"{parameter}_score" for parameter in PARAMETERS)
JUSTIFICATION_FIELDS = tuple(f"{parameter}_justification" for parameter in PARAMETERS)
SCORED_FIELDS = tuple(f"{parameter}_scored" for parameter in PARAMETERS)
# What the evaluator fills in (seed 004 Appendix 4: score and "Негізде" per
# parameter, "Қойылған бағаға негіздеме" under the average).
EVALUATION_FIELDS = frozenset((*SCORE_FIELDS, *JUSTIFICATION_FIELDS, "result_justification"))
# Fields only the workflow sets, as superuser once it checked who acts.
WORKFLOW_FIELDS = frozenset((*SCORED_FIELDS, "state", "done_by_id", "done_on", "result_id"))
# Whose sheet it is, who heads the unit, and by when: HR's business.
HR_FIELDS = frozenset({"campaign_id", "employee_id", "department_id", "direct_manager_id", "superior_id",
                       "due_date"})


class HrBagalauDifferentiationSheet(models.Model):
    """Differentiation sheet of corps B staff who are not heads (seed 004 §29-33, Appendix 4).

    Every quarter (seed 004 §5) the head of the structural unit (§30) scores
    the four parameters of §33 on the Appendix 4 form, each with its
    justification; the sheet score is the average (Appendix 4 note) and its
    band that of §8. Where the unit has more than fifty corps B servants the
    head may name other evaluators of the unit (§32). Done, the quarter feeds
    the employee's annual result (§5) and the employee is told (§31).

    Public methods (the demo walks them):

    - :meth:`action_score` — the evaluator (or the head of unit) gives the
      scores and justifications: ``{'quality': (4, "why"), ...}``;
    - :meth:`action_delegate` — the head of unit (or HR) names another
      evaluator of the unit (§32), or takes the sheet back;
    - :meth:`action_done` — the evaluator (or the head of unit) completes it.
    """

    _name = "hr.bagalau.differentiation.sheet"
    _description = "Differentiation Sheet"
    _inherit = ["hr.bagalau.sheet.workflow", "hr.bagalau.band.mixin"]
    _bagalau_final_states = ("done",)
    _order = "year desc, quarter desc, employee_id"
    _rec_name = "employee_id"

    campaign_id = fields.Many2one("hr.bagalau.campaign", required=True, index=True, ondelete="restrict")
    campaign_state = fields.Selection(related="campaign_id.state", string="Campaign Status")
    methodology_id = fields.Many2one(related="campaign_id.methodology_id", store=True)
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    year = fields.Integer(related="campaign_id.year", store=True)
    quarter = fields.Selection(related="campaign_id.quarter", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict")
    department_id = fields.Many2one(
        "hr.department", string="Unit", index=True,
        help="The structural unit of the evaluated employee: delegated evaluators come from it.",
    )
    # seed 004 §30: the head of the structural unit evaluates.
    evaluator_id = fields.Many2one(
        "hr.employee", string="Evaluator", index=True, tracking=True,
        help="Who scores the sheet: the head of the unit, or the person of the unit he names when the unit "
        "has more than fifty corps B servants.",
    )
    direct_manager_id = fields.Many2one(
        "hr.employee", string="Head of Unit", index=True, tracking=True,
        help="The manager of the employee's department, else the employee's manager.",
    )
    superior_id = fields.Many2one("hr.employee", string="Superior Manager", index=True)
    is_delegated = fields.Boolean(compute="_compute_is_delegated", string="Delegated")
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft", required=True,
                             tracking=True, copy=False)
    due_date = fields.Date(
        string="Due", tracking=True,
        help="No later than the 10th of the month after the quarter.",
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue", string="Overdue")
    min_score = fields.Integer(related="methodology_id.differentiation_min_score", string="Lowest Score")
    max_score = fields.Integer(related="methodology_id.differentiation_max_score", string="Highest Score")
    instructions = fields.Text(compute="_compute_parameter_texts")

    # seed 004 §33 and Appendix 4: the four parameters, in the form's order.
    quality_criteria = fields.Text(compute="_compute_parameter_texts", string="Quality: Criteria")
    quality_score = fields.Float(string="Quality of Carrying Out Functional Duties", digits=(4, 2),
                                 tracking=True, copy=False)
    quality_justification = fields.Text(string="Quality: Justification", copy=False)
    quality_scored = fields.Boolean(readonly=True, copy=False)
    deadlines_criteria = fields.Text(compute="_compute_parameter_texts", string="Deadlines: Criteria")
    deadlines_score = fields.Float(string="Keeping the Deadlines of Tasks", digits=(4, 2), tracking=True,
                                   copy=False)
    deadlines_justification = fields.Text(string="Deadlines: Justification", copy=False)
    deadlines_scored = fields.Boolean(readonly=True, copy=False)
    initiative_criteria = fields.Text(compute="_compute_parameter_texts", string="Initiative: Criteria")
    initiative_score = fields.Float(string="Independence and Initiative", digits=(4, 2), tracking=True,
                                    copy=False)
    initiative_justification = fields.Text(string="Initiative: Justification", copy=False)
    initiative_scored = fields.Boolean(readonly=True, copy=False)
    discipline_criteria = fields.Text(compute="_compute_parameter_texts", string="Discipline: Criteria")
    discipline_score = fields.Float(string="Labour Discipline", digits=(4, 2), tracking=True, copy=False)
    discipline_justification = fields.Text(string="Discipline: Justification", copy=False)
    discipline_scored = fields.Boolean(readonly=True, copy=False)

    score = fields.Float(compute="_compute_result", store=True, digits=(4, 2), string="Average Score",
                         tracking=True, help="Sum of the scores / number of parameters.")
    result_key = fields.Char(compute="_compute_result", store=True, string="Band", tracking=True, index=True,
                             help="Band of the average.")
    result_justification = fields.Text(string="Justification of the Result", copy=False)
    done_by_id = fields.Many2one("res.users", string="Done By", readonly=True, copy=False)
    done_on = fields.Datetime(string="Done On", readonly=True, copy=False)
    result_id = fields.Many2one("hr.bagalau.result", string="Annual Result", readonly=True, index=True,
                                copy=False)
    unit_staff_count = fields.Integer(
        compute="_compute_unit_staff_count", string="Corps B Staff of the Unit",
        help="Corps B servants of the unit, heads excluded: above fifty, the head may name other evaluators.",
    )
    # What the current user may do now: the buttons and editable fields of the form.
    can_score = fields.Boolean(compute="_compute_user_permissions")
    can_delegate = fields.Boolean(compute="_compute_user_permissions")
    can_manage = fields.Boolean(compute="_compute_user_permissions")

    _sql_constraints = [
        ("campaign_employee_unique", "unique(campaign_id, employee_id)",
         "The employee already has a differentiation sheet in this campaign."),
    ]

    # --- the parameters -------------------------------------------------------

    def _bagalau_parameter_labels(self):
        """The parameters of seed 004 §33 / Appendix 4, in the user's language."""
        return {
            "quality": _("Quality of carrying out functional duties"),
            "deadlines": _("Keeping the deadlines of tasks"),
            "initiative": _("Independence and initiative"),
            "discipline": _("Labour discipline"),
        }

    def _bagalau_parameter_criteria(self):
        """The criteria column of seed 004 Appendix 4, in the user's language."""
        return {
            # "Негізделген ескертулер мен шағымдардың болмауы"
            "quality": _("No justified remarks or complaints."),
            # "Құжаттарды, тапсырмаларды орындау мерзімдерінің бұзылмауы"
            "deadlines": _("The deadlines for executing documents and assignments are not broken."),
            # "Қызметшінің функционалдық міндеттерін жоғары деңгейде дербес орындай алуы. ..."
            "initiative": _(
                "The servant carries out the functional duties independently and at a high level. Shows "
                "initiative with proposals and worked-out approaches to improve the body's field of activity. "
                "Is active and takes part in carrying out the tasks of the state body."),
            # "Дәлелді себептерсіз жұмыстан кешікпеу, уақытынан бұрын жұмыстан кетпеу,
            # тәртіптік жазасының болмауы, қызметтік әдептің бұзылмауы."
            "discipline": _(
                "Not late for work and not leaving early without good reason, no disciplinary penalty, no "
                "breach of service ethics."),
        }

    @api.depends("min_score", "max_score")
    @api.depends_context("lang")
    def _compute_parameter_texts(self):
        criteria = self._bagalau_parameter_criteria()
        for sheet in self:
            for parameter in PARAMETERS:
                sheet[f"{parameter}_criteria"] = criteria[parameter]
            # seed 004 Appendix 4 (the form's preamble) and §33.
            sheet.instructions = _(
                "Score each parameter from %(low)s to %(high)s on the results the servant achieved in the "
                "functional duties during the quarter, with the volume and complexity of the work done. Give "
                "the scores objectively, without personal likes or dislikes, and justify each of them.",
                low=sheet.min_score, high=sheet.max_score)

    def _bagalau_given(self, parameter):
        """The evaluator gave the parameter a score: he wrote it, or justified
        the score the form shows (a 0 left untouched is sent by no form)."""
        self.ensure_one()
        return self[f"{parameter}_scored"] or bool((self[f"{parameter}_justification"] or "").strip())

    # --- computes ---------------------------------------------------------------

    @api.depends("evaluator_id", "direct_manager_id")
    def _compute_is_delegated(self):
        for sheet in self:
            sheet.is_delegated = bool(sheet.evaluator_id) and sheet.evaluator_id != sheet.direct_manager_id

    @api.depends("state", "due_date")
    @api.depends_context("tz")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for sheet in self:
            sheet.is_overdue = sheet.state != "done" and bool(sheet.due_date) and sheet.due_date < today

    @api.depends(*SCORE_FIELDS, *SCORED_FIELDS, *JUSTIFICATION_FIELDS, "methodology_id.differentiation_min_score",
                 "methodology_id.differentiation_max_score", "methodology_id.band_ids")
    def _compute_result(self):
        for sheet in self:
            score, key = None, False
            if all(sheet._bagalau_given(parameter) for parameter in PARAMETERS):
                try:
                    score, key = sheet._bagalau_evaluate()
                except EngineError:
                    # Shown to the evaluator when he completes the sheet (action_done).
                    score, key = None, False
            sheet.score = float(score) if score is not None else 0.0
            sheet.result_key = key


    @api.depends("department_id", "company_id")
    def _compute_unit_staff_count(self):
        counts = {}
        for sheet in self:
            key = (sheet.department_id.id, sheet.company_id.id)
            if key not in counts:
                counts[key] = sheet._bagalau_unit_staff_count()
            sheet.unit_staff_count = counts[key]

    @api.depends("state", "evaluator_id", "direct_manager_id", "campaign_id.state", "department_id")
    @api.depends_context("uid")
    def _compute_user_permissions(self):
        is_hr = self.env.user.has_group(HR_GROUP)
        for sheet in self:
            open_sheet = sheet.campaign_id.state != "closed" and sheet.state == "draft"
            is_head = sheet._bagalau_acts_as(sheet.direct_manager_id, paper=False)
            sheet.can_score = open_sheet and (is_head or sheet._bagalau_acts_as(sheet.evaluator_id, paper=False))
            sheet.can_delegate = open_sheet and (is_head or is_hr) \
                and sheet.unit_staff_count > sheet.methodology_id.differentiation_delegation_staff_limit
            sheet.can_manage = open_sheet and is_hr

    # --- the engine ---------------------------------------------------------------

    def _bagalau_band_rows(self):
        """The methodology's score bands for the engine (seed 004 §8), None for the engine's own."""
        self.ensure_one()
        rows = tuple(
            (band.key, Decimal(f"{band.score_low:.2f}"), Decimal(f"{band.score_high:.2f}"))
            for band in self.methodology_id.band_ids if band.score_high > 0
        )
        return rows or None

    def _bagalau_evaluate(self):
        """``(average, band key)`` from the engine (seed 004 §32-33, Appendix 4 note, §8).

        Raises EngineError when the rules refuse the scores.
        """
        self.ensure_one()
        scores = {parameter: Decimal(f"{self[f'{parameter}_score']:.2f}") for parameter in PARAMETERS}
        score = differentiation_score(scores, self.min_score, self.max_score)
        rows = self._bagalau_band_rows()
        return score, (band_2023(score, rows) if rows else band_2023(score))

    @api.constrains(*SCORE_FIELDS, *SCORED_FIELDS, *JUSTIFICATION_FIELDS)
    def _check_scores_within_bounds(self):
        """seed 004 §32: a score "0-ден 5-ке дейін"; the bounds are the methodology's."""
        labels = self._bagalau_parameter_labels()
        for sheet in self:
            for parameter in PARAMETERS:
                value = sheet[f"{parameter}_score"]
                if sheet._bagalau_given(parameter) and not sheet.min_score <= value <= sheet.max_score:
                    shown = f"{value:g}"  # no f-string inside _(): the term extractor evaluates its arguments
                    raise ValidationError(_(
                        "The score %(score)s of “%(parameter)s” is outside the bounds of the methodology: "
                        "from %(low)s to %(high)s.",
                        score=shown, parameter=labels[parameter], low=sheet.min_score, high=sheet.max_score))

    @api.onchange(*SCORE_FIELDS)
    def _onchange_scores_within_bounds(self):
        """Say at once, while the evaluator types, what the constraint above
        refuses on save (seed 004 §32: the methodology's bounds)."""
        labels = self._bagalau_parameter_labels()
        for parameter in PARAMETERS:
            field = f"{parameter}_score"
            value = self[field]
            if value != self._origin[field] and not self.min_score <= value <= self.max_score:
                shown = f"{value:g}"  # no f-string inside _(): the term extractor evaluates its arguments
                return {"warning": {
                    "title": _("Score Outside the Bounds"),
                    "message": _("The score %(score)s of “%(parameter)s” is outside the bounds of the methodology: "
                                 "from %(low)s to %(high)s.", score=shown, parameter=labels[parameter],
                                 low=self.min_score, high=self.max_score),
                }}
        return None

    @api.constrains("evaluator_id", "direct_manager_id", "department_id", "employee_id")
    def _check_evaluator_of_the_unit(self):
        """seed 004 §32: the evaluators the head names come from his unit."""
        for sheet in self.filtered("is_delegated"):
            evaluator = sheet.evaluator_id.sudo()
            if evaluator == sheet.employee_id:
                raise ValidationError(_("%(employee)s cannot evaluate themselves.",
                                        employee=sheet.employee_id.name))
            if not sheet.department_id or evaluator not in sheet._bagalau_unit_members():
                raise ValidationError(_(
                    "%(evaluator)s does not belong to the unit “%(unit)s” of %(employee)s: the head of unit names "
                    "evaluators from his own unit only.", evaluator=evaluator.name,
                    unit=sheet.department_id.name or _("(none)"), employee=sheet.employee_id.name))

    # --- the unit ---------------------------------------------------------------

    @api.model
    def _bagalau_head_of_unit(self, employee):
        """seed 004 §30: the head of the structural unit — the manager of the
        employee's department, else the employee's own manager."""
        employee = employee.sudo()
        head = employee.department_id.manager_id
        if not head or head == employee:
            head = employee.parent_id
        return head

    @api.model
    def _bagalau_unit_of(self, employee, head):
        """The structural unit the head heads, where the employee works: his
        department, or the department above it that the same head manages
        (a sector of a department is part of the department's unit, §32)."""
        department = employee.sudo().department_id
        while (department.parent_id and department.parent_id.manager_id == head
               and (not department.manager_id or department.manager_id == head)):
            department = department.parent_id
        return department

    def _bagalau_unit_members(self):
        """Employees of the unit, its sub-departments included."""
        self.ensure_one()
        if not self.department_id:
            return self.env["hr.employee"]
        return self.env["hr.employee"].sudo().search([("department_id", "child_of", self.department_id.id)])

    def _bagalau_unit_staff_count(self, department=None):
        """Corps B servants of the unit (``department``, by default the
        sheet's): heads are not "Б" корпусының қызметшісі (seed 004 §2.5), so
        they are not counted (§32)."""
        department = self.department_id if department is None else department
        if not department:
            return 0
        return self.env["hr.employee"].sudo().search_count([
            ("department_id", "child_of", department.id),
            ("company_id", "=", department.company_id.id or self.company_id.id or self.env.company.id),
            ("bagalau_category_id", "!=", False),
            ("bagalau_is_unit_head", "=", False),
        ])

    def _bagalau_check_delegation(self, vals):
        """UserError where seed 004 §32 gives no room for another evaluator
        than the head of unit, for the values ``vals`` about to be written (or
        created, on an empty recordset); the unit membership is a constraint
        (_check_evaluator_of_the_unit)."""
        Employee = self.env["hr.employee"].sudo()
        for sheet in self or [self.browse()]:
            def value(field, model=Employee, sheet=sheet):
                return model.browse(vals[field]) if field in vals else sheet[field].sudo()

            evaluator, head = value("evaluator_id"), value("direct_manager_id")
            if not evaluator or evaluator == head:
                continue
            department = value("department_id", self.env["hr.department"].sudo())
            if not department:
                raise UserError(_("%(employee)s belongs to no unit: only the head of unit evaluates the sheet.",
                                  employee=value("employee_id").name))
            count = sheet._bagalau_unit_staff_count(department)
            methodology = value("campaign_id", model=self.env["hr.bagalau.campaign"].sudo()).methodology_id
            limit = methodology.differentiation_delegation_staff_limit
            if count <= limit:
                raise UserError(_(
                    "The unit “%(unit)s” has %(count)s corps B servants: the head of unit names other evaluators "
                    "only when the unit has more than %(limit)s (%(methodology)s, paragraph 32).",
                    unit=department.name, count=count, limit=limit,
                    methodology=methodology.display_name or _("the methodology")))

    # --- creation -------------------------------------------------------------

    @api.model
    def _bagalau_due_date(self, campaign):
        """No later than the 10th of the month after the quarter (seed 004 §5,
        §31); a day off moves it as the methodology says (see
        workdays.quarter_deadline). A campaign of a whole year: the same day of
        the month after the year."""
        methodology = campaign.methodology_id
        quarter = int(campaign.quarter) if methodology.period == "quarter" and campaign.quarter else 4
        calendar = campaign.company_id._bagalau_working_calendar(campaign.date_end)
        return quarter_deadline(campaign.year, quarter, day=methodology.quarter_deadline_day, calendar=calendar,
                                shift=methodology.deadline_on_day_off)

    @api.model
    def _bagalau_ensure_sheet(self, campaign, employee, due_date=None):
        """The employee's sheet in the campaign, made when missing, with a
        to-do for the evaluator by the due date.

        ``due_date`` is the deferral of an absent employee: seed 004 §6 lets
        differentiation go ahead without him in the §5 term, unless the
        methodology defers this block too.
        """
        return self._bagalau_ensure_sheets(campaign, [(employee, due_date)])[employee.id]

    @api.model
    def _bagalau_ensure_sheets(self, campaign, entries):
        """The sheets of ``entries`` — ``(employee, deferral or None)`` — in
        the campaign, the missing ones made in one create, the evaluators'
        to-dos in one batch without an e-mail each; ``{employee id: sheet}``."""
        sheets, missing = self._bagalau_existing_and_missing(campaign, entries)
        if not missing:
            return sheets
        deadline = self._bagalau_due_date(campaign)
        defers = campaign.methodology_id.absence_defers_differentiation
        values = []
        for employee, due_date in missing:
            head = self._bagalau_head_of_unit(employee)
            values.append({
                "campaign_id": campaign.id,
                "employee_id": employee.id,
                "department_id": self._bagalau_unit_of(employee, head).id,
                "evaluator_id": head.id,
                "direct_manager_id": head.id,
                # The manager's manager (hr.employee), else the head of unit's manager.
                "superior_id": (employee.bagalau_superior_id or head.parent_id).id,
                "due_date": max(deadline, due_date) if due_date and defers else deadline,
            })
        created = self.browse(self.with_context(tracking_disable=True).create(values).ids)
        created._bagalau_schedule_evaluator(notify=False)
        sheets.update({sheet.employee_id.id: sheet for sheet in created})
        return sheets

    # --- guards ---------------------------------------------------------------

    def _bagalau_check_scorer(self):
        """AccessError unless the current user is the evaluator or the head of unit (seed 004 §30, §32)."""
        if self.env.su:
            return
        for sheet in self:
            if not (sheet._bagalau_acts_as(sheet.evaluator_id, paper=False)
                    or sheet._bagalau_acts_as(sheet.direct_manager_id, paper=False)):
                raise AccessError(_(
                    "Only the evaluator %(evaluator)s or the head of unit %(head)s scores the differentiation sheet "
                    "of %(employee)s.", evaluator=sheet.evaluator_id.name or _("(none)"),
                    head=sheet.direct_manager_id.name or _("(none)"), employee=sheet.employee_id.name))

    def _bagalau_check_writer(self, vals):
        """Who may write what by hand (the workflow writes as superuser)."""
        if self.env.su:
            return
        if WORKFLOW_FIELDS & set(vals):
            raise AccessError(_("A differentiation sheet changes state only through its buttons."))
        is_hr = self.env.user.has_group(HR_GROUP)
        if HR_FIELDS & set(vals) and not is_hr:
            raise AccessError(_("Only HR officers change whose differentiation sheet it is, who heads the unit, "
                                "and its due date."))
        if "evaluator_id" in vals and not is_hr:
            for sheet in self:
                if not sheet._bagalau_acts_as(sheet.direct_manager_id, paper=False):
                    raise AccessError(_("Only the head of unit %(head)s or HR names the evaluator of %(employee)s.",
                                        head=sheet.direct_manager_id.name or _("(none)"),
                                        employee=sheet.employee_id.name))
        if EVALUATION_FIELDS & set(vals):
            self._bagalau_check_scorer()

    @api.model
    def _bagalau_mark_scored(self, vals):
        for parameter in PARAMETERS:
            if f"{parameter}_score" in vals:
                vals[f"{parameter}_scored"] = True
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self.browse()._bagalau_check_delegation(vals)
        return super().create([self._bagalau_mark_scored(dict(vals)) for vals in vals_list])

    def write(self, vals):
        changes = set(vals) - MAIL_FIELDS
        if not changes:
            return super().write(vals)
        self._bagalau_check_can_change()
        self._bagalau_check_writer(vals)
        if "evaluator_id" in vals:
            self._bagalau_check_delegation(vals)
        evaluators = {sheet.id: sheet.evaluator_id for sheet in self}
        # HR names another head of unit: the sheets he evaluated himself follow him.
        following = self.filtered(lambda sheet: sheet.evaluator_id == sheet.direct_manager_id) \
            if "direct_manager_id" in vals and "evaluator_id" not in vals else self.browse()
        result = super().write(self._bagalau_mark_scored(dict(vals)))
        if following:
            super(HrBagalauDifferentiationSheet, following).write({"evaluator_id": vals["direct_manager_id"]})
        if {"evaluator_id", "direct_manager_id"} & changes:
            for sheet in self:
                if sheet.evaluator_id != evaluators[sheet.id]:
                    sheet._bagalau_evaluator_changed(evaluators[sheet.id])
        return result

    def unlink(self):
        self._bagalau_check_can_change()
        return super().unlink()

    # --- activities and messages -----------------------------------------------

    def _bagalau_schedule_evaluator(self, notify=True):
        """The evaluator's to-do, due on the sheet's deadline (seed 004 §5, §32);
        without an evaluator who can open it, HR's to-do to name one."""
        todos = []
        for sheet in self:
            todos.append((sheet, sheet.evaluator_id.sudo().user_id,
                          _lt("Fill in the differentiation sheet of %(employee)s", employee=sheet.employee_id.name),
                          sheet.due_date, False))
        scheduled = self._bagalau_schedule_many(todos, notify=notify)
        todos = []
        for sheet in self.filtered(lambda sheet: sheet.id not in scheduled and not sheet.evaluator_id):
            hr_user = sheet._bagalau_hr_user()
            if hr_user:
                todos.append((sheet, hr_user, _lt("Name the head of unit who evaluates %(employee)s",
                                                employee=sheet.employee_id.name), sheet.due_date, False))
        self._bagalau_schedule_many(todos, notify=notify)

    def _bagalau_evaluator_changed(self, previous):
        """The to-do moves to the new evaluator; the chatter says who named him."""
        self.ensure_one()
        self._bagalau_steps().unlink()
        self._bagalau_schedule_evaluator()
        if self.is_delegated:
            body = _("%(user)s named %(evaluator)s to evaluate %(employee)s (%(methodology)s, paragraph 32).",
                     user=self.env.user.name, evaluator=self.evaluator_id.name, employee=self.employee_id.name,
                     methodology=self.sudo().methodology_id.display_name)
        else:
            body = _("%(user)s gave the evaluation of %(employee)s back to %(evaluator)s (previously %(previous)s).",
                     user=self.env.user.name, employee=self.employee_id.name,
                     evaluator=self.evaluator_id.name or _("(none)"), previous=previous.name or _("(none)"))
        self.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")

    def _bagalau_result_notice(self, lang):
        """seed 004 §31: what the servant is told of the evaluation, in
        ``lang`` (the band's label too). The acquaintance request (seed 004
        §12) carries it: one message to him, not two."""
        self.ensure_one()
        own = self.with_context(lang=lang)
        # Odoo's term extractor reads the call's arguments: no f-string inside.
        values = {"employee": self.employee_id.name, "campaign": own.campaign_id.name,
                  "score": f"{self.score:.2f}", "result": own.result_label or own.result_key}
        return own.env._("The differentiation evaluation of %(employee)s for %(campaign)s is done: average score "
                         "%(score)s, “%(result)s”.", **values)

    # --- workflow ---------------------------------------------------------------

    def action_score(self, scores):
        """The evaluator scores the sheet: ``scores`` is ``{parameter: (score,
        justification)}`` for some or all of ``PARAMETERS`` (seed 004 §32-33).
        The same checks as the form: bounds, who, state."""
        vals = {}
        unknown = set(scores) - set(PARAMETERS)
        if unknown:
            raise UserError(_("Unknown parameters of the differentiation sheet: %(parameters)s.",
                              parameters=", ".join(sorted(unknown))))
        for parameter, (score, justification) in scores.items():
            vals[f"{parameter}_score"] = score
            vals[f"{parameter}_justification"] = justification
        return self.write(vals)

    def action_delegate(self, evaluator):
        """The head of unit (or HR) names ``evaluator`` (an hr.employee, or its
        id) to score the sheet, where the unit has more than fifty corps B
        servants; he must belong to the unit (seed 004 §32). Naming the head
        himself, or nobody, gives the sheet back to the head."""
        evaluator = self.env["hr.employee"].browse(evaluator.id if isinstance(evaluator, models.BaseModel)
                                                   else evaluator or [])
        for sheet in self:
            sheet._bagalau_check_can_change()
            if not (self.env.su or self.env.user.has_group(HR_GROUP)
                    or sheet._bagalau_acts_as(sheet.direct_manager_id, paper=False)):
                raise AccessError(_("Only the head of unit %(head)s or HR names the evaluator of %(employee)s.",
                                    head=sheet.direct_manager_id.name or _("(none)"),
                                    employee=sheet.employee_id.name))
            target = evaluator or sheet.direct_manager_id
            if target != sheet.evaluator_id:
                # The actor was checked: the guards of write() have nothing more to say.
                sheet.sudo().write({"evaluator_id": target.id})
        return True

    def _bagalau_check_complete(self):
        """UserError naming the parameter without a justification (seed 004
        Appendix 4, column "Негізде"); ValidationError for a score out of bounds."""
        self.ensure_one()
        labels = self._bagalau_parameter_labels()
        for parameter in PARAMETERS:
            if not (self[f"{parameter}_justification"] or "").strip():
                raise UserError(_("Justify the score of “%(parameter)s” on the differentiation sheet of "
                                  "%(employee)s.", parameter=labels[parameter], employee=self.employee_id.name))
        self._check_scores_within_bounds()
        try:
            return self._bagalau_evaluate()
        except EngineError as error:
            raise UserError(_("The differentiation sheet of %(employee)s cannot be evaluated: %(problem)s",
                              employee=self.employee_id.name, problem=engine_error_message(self.env, error))) from error

    def action_done(self):
        """The evaluator (or the head of unit) completes the sheet: average and
        band (seed 004 Appendix 4, §8), the quarter into the annual result
        (§5); the employee is told (§31) by the acquaintance that follows
        (``hr_bagalau_acknowledgement``).

        The rows of all the sheets are locked in one query and every sheet is
        checked before any is completed; the missing year results are made in
        one create. Each sheet is then completed with its own prefetch: the
        chatter and the labels of one sheet do not recompute those of the
        whole selection (HR or a head completing many at once)."""
        self.sudo()._bagalau_lock()
        for record in self:
            sheet = record.with_prefetch()
            if sheet.state == "done":
                raise sheet._bagalau_already_done(_("Complete the Evaluation"), sheet.sudo().done_by_id,
                                                  sheet.sudo().done_on)
            sheet._bagalau_check_can_change()
            sheet._bagalau_check_scorer()
            sheet._bagalau_check_complete()
        # Every sheet passed its checks: their year results, the missing ones in one create.
        results = self.env["hr.bagalau.result"].sudo()._bagalau_get_or_create_many([
            (sheet.employee_id, sheet.year, sheet.company_id, sheet.methodology_id) for sheet in self])
        for record in self:
            sheet = record.with_prefetch()
            result = results[sheet.employee_id.id, sheet.year, sheet.company_id.id]
            sheet.sudo().write({
                "state": "done", "done_by_id": self.env.uid, "done_on": fields.Datetime.now(),
                "result_id": result.id, **dict.fromkeys(SCORED_FIELDS, True),
            })
            sheet._bagalau_feed_result(result)
        # The evaluators' to-dos of all the sheets: one search, then each done.
        self._bagalau_close_activities()
        return True

    def _bagalau_feed_result(self, result):
        """seed 004 §5: the year is the average of the quarters evaluated."""
        self.ensure_one()
        if self.methodology_id.period == "quarter" and self.quarter:
            result._bagalau_set_quarter(self.quarter, self.score)
        else:
            # A methodology copied to evaluate once a year: the sheet is the year.
            result.write({"year_score": self.score, "result_key": self.result_key})

    def action_open_result(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.bagalau.result",
            "res_id": self.result_id.id,
            "view_mode": "form",
        }


class HrBagalauCampaign(models.Model):
    """The differentiation sheets of a campaign (seed 004 §29-33)."""

    _inherit = "hr.bagalau.campaign"

    differentiation_sheet_ids = fields.One2many("hr.bagalau.differentiation.sheet", "campaign_id",
                                                string="Differentiation Sheets")
    differentiation_sheet_count = fields.Integer(compute="_compute_differentiation_sheet_count")

    @api.depends("differentiation_sheet_ids")
    def _compute_differentiation_sheet_count(self):
        for campaign in self:
            campaign.differentiation_sheet_count = len(campaign.differentiation_sheet_ids)

    def _needs_differentiation_sheet(self, employee):
        """seed 004 §29: corps B servants who are not heads (heads have KPIs, §22);
        the 2025 text: every servant."""
        methodology = self.methodology_id
        return methodology.use_differentiation and (
            methodology.differentiation_applies_to == "all" or not employee.sudo().bagalau_is_unit_head)

    def _create_documents_batch(self, entries):
        created = super()._create_documents_batch(entries)
        needing = [(employee, due_date) for employee, due_date in entries
                   if self._needs_differentiation_sheet(employee)]
        if needing:
            self.env["hr.bagalau.differentiation.sheet"].sudo()._bagalau_ensure_sheets(self, needing)
            created |= {employee.id for employee, _due in needing}
        return created

    def _processed_models(self):
        return [*super()._processed_models(), "hr.bagalau.differentiation.sheet"]

    def _bagalau_launch_counts(self):
        return [*super()._bagalau_launch_counts(),
                (_("differentiation sheets"), len(self.sudo().differentiation_sheet_ids))]

    def _extra_processed_employees(self):
        return super()._extra_processed_employees() | self.sudo().differentiation_sheet_ids.employee_id

    def action_reset_draft(self):
        if self.filtered(lambda campaign: campaign.state != "launching" and campaign.differentiation_sheet_ids):
            raise UserError(_("A campaign with plans or sheets cannot go back to draft."))
        return super().action_reset_draft()

    def action_open_differentiation_sheets(self):
        return self._action_open("hr.bagalau.differentiation.sheet", _("Differentiation Sheets"))


class HrBagalauResult(models.Model):
    """The differentiation sheets a result comes from: their evaluators know it (seed 004 §21)."""

    _inherit = "hr.bagalau.result"

    differentiation_sheet_ids = fields.One2many("hr.bagalau.differentiation.sheet", "result_id",
                                                string="Differentiation Sheets")
