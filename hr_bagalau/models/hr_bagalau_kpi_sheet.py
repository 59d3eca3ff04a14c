import datetime
from decimal import Decimal

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import LazyTranslate, format_date

from ..engine.bands import band_2023
from ..engine.errors import EngineError
from ..engine.kpi_2018 import GRADES_2018, kpi_grade_2018
from ..engine.kpi_2023 import allowed_score_range, check_kpi_score, kpi_sheet_score, percent_achieved
from ..engine.workdays import quarter_deadline
from .hr_bagalau_engine_messages import engine_error_message
from .hr_bagalau_integrity import MAIL_FIELDS

_lt = LazyTranslate(__name__)

SHEET_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("returned", "Returned"),
    ("agreed", "Agreed"),
]
# States in which the evaluator fills the sheet in.
EDITABLE_STATES = ("draft", "returned")
HR_GROUP = "hr_bagalau.group_bagalau_hr_officer"
# Fields only the workflow's buttons set, as superuser once they checked who
# acts: written by hand they would skip a step of the law.
WORKFLOW_FIELDS = frozenset({"state", "actuals_by_id", "actuals_on", "resubmission_due", "agreed_by_id",
                             "agreed_on", "result_id"})
# Whose sheet it is, who evaluates and agrees it, and by when: HR's business.
HR_FIELDS = frozenset({"campaign_id", "plan_id", "employee_id", "department_id", "direct_manager_id",
                       "superior_id", "due_date"})
# What a line takes from the plan: only the synchronisation writes it.
PLAN_LINE_FIELDS = frozenset({"sheet_id", "plan_line_id", "planned_value", "actual_entered", "score_entered"})
# The annual sheet (2018) has no date in the law: HR sets the schedule of the
# evaluation (seed 003 §29); the methodology's kpi_sheet_due_working_days
# decides, and HR moves it on the sheet when its schedule says otherwise.
# Seed 004 §23: HR pre-computes the actual values no later than
# kpi_actuals_lead_working_days (five) working days before the deadline.


def _two_decimals(value):
    """A stored score as the exact two-decimal number the engine expects."""
    return Decimal(f"{value:.2f}")


class HrBagalauKpiSheet(models.Model):
    """KPI evaluation sheet (Appendix 2 of seed 003: annual, achieved or not;
    Appendix 2 of seed 004: quarterly, percent achieved and a score).

    Filled by the direct manager (the evaluator), agreed by the superior or
    returned for lack of evidence (seed 003 §19-23). Every rule is decided by
    the engine; the sheet gathers the values, calls it and stores the answer.
    """

    _name = "hr.bagalau.kpi.sheet"
    _description = "KPI Evaluation Sheet"
    _inherit = ["hr.bagalau.sheet.workflow", "hr.bagalau.band.mixin"]
    _bagalau_final_states = ("agreed",)
    _order = "year desc, quarter desc, employee_id"
    _rec_name = "employee_id"

    campaign_id = fields.Many2one("hr.bagalau.campaign", required=True, index=True, ondelete="restrict")
    campaign_state = fields.Selection(related="campaign_id.state", string="Campaign Status")
    methodology_id = fields.Many2one(related="campaign_id.methodology_id", store=True)
    generation = fields.Selection(related="methodology_id.generation")
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    year = fields.Integer(related="campaign_id.year", store=True)
    quarter = fields.Selection(related="campaign_id.quarter", store=True)
    plan_id = fields.Many2one("hr.bagalau.kpi.plan", required=True, ondelete="restrict", index=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict")
    department_id = fields.Many2one("hr.department", string="Department")
    direct_manager_id = fields.Many2one("hr.employee", string="Evaluator", tracking=True, index=True)
    superior_id = fields.Many2one("hr.employee", string="Superior Manager", tracking=True, index=True)
    approver_id = fields.Many2one(
        "hr.employee", string="Agreeing Manager", compute="_compute_approver_id", store=True, index=True,
        tracking=True,
        help="The superior manager; the evaluator himself when he heads the body or has no superior.",
    )
    state = fields.Selection(SHEET_STATES, default="draft", required=True, tracking=True, copy=False)
    line_ids = fields.One2many("hr.bagalau.kpi.sheet.line", "sheet_id", string="KPIs")
    kpi_count = fields.Integer(compute="_compute_kpi_count", string="Number of KPIs")
    due_date = fields.Date(string="Due", tracking=True)
    actuals_due = fields.Date(
        string="Actuals Due", compute="_compute_actuals_due", store=True,
        help="2023: HR pre-computes the actual values no later than five working days before the due date.",
    )
    actuals_by_id = fields.Many2one("res.users", string="Actuals Pre-filled By", readonly=True, copy=False)
    actuals_on = fields.Datetime(string="Actuals Pre-filled On", readonly=True, copy=False, tracking=True)
    achieved_count = fields.Integer(compute="_compute_result", store=True, string="KPIs Achieved")
    score = fields.Float(compute="_compute_result", store=True, digits=(4, 2), tracking=True)
    result_key = fields.Char(compute="_compute_result", store=True, string="Result Key", tracking=True,
                             help="Grade (2018) or band (2023) key of the methodology.")
    return_reason = fields.Text(tracking=True, copy=False)
    resubmission_due = fields.Date(string="Resubmit By", tracking=True, copy=False)
    agreed_by_id = fields.Many2one("res.users", string="Agreed By", readonly=True, copy=False)
    agreed_on = fields.Datetime(string="Agreed On", readonly=True, copy=False)
    result_id = fields.Many2one("hr.bagalau.result", string="Annual Result", readonly=True, index=True)
    is_overdue = fields.Boolean(compute="_compute_is_overdue", string="Overdue")
    # What the current user may do now: the buttons and editable columns of the form.
    can_submit = fields.Boolean(compute="_compute_user_permissions")
    can_agree = fields.Boolean(compute="_compute_user_permissions")
    can_return = fields.Boolean(compute="_compute_user_permissions")
    can_prefill = fields.Boolean(compute="_compute_user_permissions")
    can_prefill_actuals = fields.Boolean(compute="_compute_user_permissions")
    can_edit_actuals = fields.Boolean(compute="_compute_user_permissions")
    can_edit_scores = fields.Boolean(compute="_compute_user_permissions")
    can_manage = fields.Boolean(compute="_compute_user_permissions")

    _sql_constraints = [
        ("campaign_employee_unique", "unique(campaign_id, employee_id)",
         "The employee already has a KPI sheet in this campaign."),
    ]

    # --- computes ----------------------------------------------------------

    @api.depends("direct_manager_id", "superior_id")
    def _compute_approver_id(self):
        # seed 003 §19: the superior agrees the sheet; §20: when the direct
        # manager heads the body, the sheet goes to him.
        for sheet in self:
            manager = sheet.direct_manager_id.sudo()
            if not sheet.superior_id or (manager and manager._bagalau_is_head_of_body()):
                sheet.approver_id = sheet.direct_manager_id
            else:
                sheet.approver_id = sheet.superior_id

    @api.depends("line_ids")
    def _compute_kpi_count(self):
        for sheet in self:
            sheet.kpi_count = len(sheet.line_ids)

    @api.depends("due_date", "methodology_id.generation", "methodology_id.kpi_actuals_lead_working_days", "company_id")
    def _compute_actuals_due(self):
        for sheet in self:
            if sheet.generation != "2023" or not sheet.due_date:
                sheet.actuals_due = False
                continue
            # The count runs backwards and may cross New Year: the calendar
            # holds the year before the due date too.
            calendar = sheet.company_id._bagalau_working_calendar(
                sheet.due_date - datetime.timedelta(days=45), sheet.due_date)
            sheet.actuals_due = calendar.add_working_days(
                sheet.due_date, -sheet.methodology_id.kpi_actuals_lead_working_days)

    @api.depends("line_ids.achieved", "line_ids.actual_entered", "line_ids.score", "line_ids.score_entered",
                 "line_ids.percent", "methodology_id")
    def _compute_result(self):
        for sheet in self:
            sheet.achieved_count = len(sheet.line_ids.filtered("achieved"))
            score, key = None, False
            if sheet._bagalau_is_complete():
                try:
                    score, key = sheet._bagalau_evaluate()
                except EngineError:
                    # Shown to the evaluator when he submits (_bagalau_check_complete).
                    score, key = None, False
            sheet.score = float(score) if score is not None else 0.0
            sheet.result_key = key


    @api.depends("state", "due_date", "resubmission_due")
    @api.depends_context("tz")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for sheet in self:
            deadline = sheet.resubmission_due if sheet.state == "returned" else sheet.due_date
            sheet.is_overdue = sheet.state != "agreed" and bool(deadline) and deadline < today

    @api.depends("state", "generation", "direct_manager_id", "approver_id", "campaign_id.state", "plan_id.state",
                 "line_ids", "actuals_on")
    @api.depends_context("uid")
    def _compute_user_permissions(self):
        user = self.env.user
        is_hr = user.has_group(HR_GROUP)
        for sheet in self:
            editable = sheet.campaign_id.state != "closed" and sheet.state in EDITABLE_STATES
            is_evaluator = sheet._bagalau_acts_as(sheet.direct_manager_id)
            is_approver = sheet.campaign_id.state != "closed" and sheet.state == "submitted" \
                and sheet._bagalau_acts_as(sheet.approver_id)
            sheet.can_submit = editable and is_evaluator
            sheet.can_agree = sheet.can_return = is_approver
            # HR brings the KPIs of an approved plan onto a sheet that lacks
            # them, and sends the 2023 actuals once (seed 004 §23).
            plan_approved = sheet.plan_id.state == "approved"
            sheet.can_prefill = editable and is_hr and plan_approved and not sheet.line_ids
            sheet.can_prefill_actuals = editable and is_hr and plan_approved and sheet.generation == "2023" \
                and not sheet.actuals_on
            # seed 004 §23: HR pre-computes the 2023 actuals; seed 003 §17: the
            # direct manager fills the 2018 sheet in.
            sheet.can_edit_actuals = editable and (is_hr if sheet.generation == "2023" else is_hr or is_evaluator)
            sheet.can_edit_scores = editable and is_evaluator and sheet.generation == "2023"
            sheet.can_manage = is_hr and sheet.campaign_id.state != "closed" and sheet.state != "agreed"

    # --- the engine ----------------------------------------------------------

    def _bagalau_is_complete(self):
        """Every KPI has its actual value, and in 2023 its score."""
        self.ensure_one()
        if not self.line_ids:
            return False
        if self.generation == "2023":
            return all(line.actual_entered and line.score_entered for line in self.line_ids)
        return all(self.line_ids.mapped("actual_entered"))

    def _bagalau_grade_thresholds(self):
        """The methodology's least number of KPIs achieved per grade (seed 003 §18),
        or None for the engine's."""
        thresholds = {band.key: band.min_achieved for band in self.methodology_id.band_ids
                      if band.key in GRADES_2018[:3]}
        return thresholds if len(thresholds) == 3 else None

    def _bagalau_evaluate(self):
        """``(score, result key)`` of a complete sheet, from the engine.

        2018 (seed 003 §18): the grade by the number of KPIs achieved, no score.
        2023 (seed 004 Appendix 2, §8, §28): every score checked against its
        allowed range, the sheet score = sum of the scores / number of KPIs,
        and its band. Raises EngineError when the rules refuse the data.
        """
        self.ensure_one()
        methodology = self.methodology_id
        if self.generation == "2023":
            for line in self.line_ids:
                line._bagalau_check_score_in_range()
            # seed 004 §24 bounds the KPIs of the plan: those not planned for
            # this quarter are not on its sheet and lower the sheet's minimum.
            left_out = len(self.plan_id.line_ids) - len(self.line_ids)
            score = kpi_sheet_score([_two_decimals(line.score) for line in self.line_ids],
                                    kpi_count_min=max(1, methodology.kpi_count_min - max(left_out, 0)),
                                    kpi_count_max=methodology.kpi_count_max)
            return score, band_2023(score, self.env["hr.bagalau.result"]._bagalau_band_rows(methodology))
        grade = kpi_grade_2018(len(self.line_ids.filtered("achieved")), len(self.line_ids),
                               self._bagalau_grade_thresholds())
        return None, grade

    def _bagalau_engine_error(self, error, line=None):
        """The engine's refusal as a ValidationError in the user's language."""
        params = dict(error.params, kpi=line.name if line else "", employee=self.employee_id.name)
        for bound in ("low", "high"):  # as the sheet shows the range: 2.50–2.74
            if bound in params:
                params[bound] = f"{Decimal(params[bound]):.2f}"
        if error.code == "score_out_of_range" and "percent" in params:
            message = _("The score %(score)s of “%(kpi)s” is outside the allowed range %(low)s–%(high)s "
                        "for %(percent)s %% achieved.", **params)
        elif error.code == "score_out_of_range":
            message = _("The score %(score)s of “%(kpi)s” is outside %(low)s–%(high)s.", **params)
        elif error.code == "score_precision":
            message = _("The score %(score)s of “%(kpi)s” has more than %(decimals)s decimals.", **params)
        elif error.code == "planned_not_positive":
            message = _("The planned value of “%(kpi)s” for this period is %(planned)s: the percent achieved "
                        "needs a planned value above zero. Correct the KPI plan.", **params)
        elif error.code == "actual_negative":
            message = _("The actual value of “%(kpi)s” cannot be negative.", **params)
        elif error.code == "kpi_count_out_of_range":
            message = _("The KPI sheet of %(employee)s has %(count)s KPIs; the methodology asks for "
                        "%(minimum)s to %(maximum)s.", **params)
        elif error.code in ("thresholds_invalid", "achieved_out_of_range"):
            message = _("The grades of the methodology do not fit the %(count)s KPIs of the sheet of "
                        "%(employee)s: its plan must have as many KPIs as the methodology asks for.",
                        count=len(self.line_ids), employee=self.employee_id.name)
        else:
            message = _("The KPI sheet of %(employee)s cannot be evaluated: %(problem)s",
                        employee=self.employee_id.name, problem=engine_error_message(self.env, error))
        return ValidationError(message)

    # --- creation and lines from the plan -----------------------------------

    @api.model
    def _bagalau_due_date(self, campaign):
        """The last day of the campaign's evaluation, in working days of the company."""
        methodology = campaign.methodology_id
        company = campaign.company_id
        if methodology.period == "quarter" and campaign.quarter:
            # seed 004 §5: no later than the 10th of the month after the
            # quarter; a day off moves it as the methodology says.
            return quarter_deadline(campaign.year, int(campaign.quarter), day=methodology.quarter_deadline_day,
                                    calendar=company._bagalau_working_calendar(campaign.date_end),
                                    shift=methodology.deadline_on_day_off)
        return company._bagalau_add_working_days(campaign.date_end, methodology.kpi_sheet_due_working_days)

    @api.model
    def _bagalau_ensure_sheet(self, campaign, employee, plan, due_date=None):
        """The employee's sheet in the campaign, made when missing, one line per KPI of the plan.

        ``due_date`` is the deferral of an absent employee (seed 003 §4, seed
        004 §6): never earlier than the campaign's own deadline.
        """
        return self._bagalau_ensure_sheets(campaign, [(employee, plan, due_date)])[employee.id]

    @api.model
    def _bagalau_ensure_sheets(self, campaign, entries):
        """The sheets of ``entries`` — ``(employee, plan, deferral or None)``
        — in the campaign, the missing ones made in one create, their first
        to-dos in one batch without an e-mail each; ``{employee id: sheet}``."""
        employee_ids = [employee.id for employee, _plan, _due in entries]
        sheets = {sheet.employee_id.id: sheet for sheet in self.search(
            [("campaign_id", "=", campaign.id), ("employee_id", "in", employee_ids)])}
        missing = [entry for entry in entries if entry[0].id not in sheets]
        if not missing:
            return sheets
        deadline = self._bagalau_due_date(campaign)
        created = self.with_context(tracking_disable=True).create([{
            "campaign_id": campaign.id,
            "plan_id": plan.id,
            "employee_id": employee.id,
            "department_id": employee.department_id.id,
            "direct_manager_id": employee.parent_id.id,
            "superior_id": employee.bagalau_superior_id.id,
            "due_date": max(deadline, due_date) if due_date else deadline,
        } for employee, plan, due_date in missing])
        created = self.browse(created.ids)
        created._bagalau_sync_lines()
        created._bagalau_schedule_first_step(notify=False)
        sheets.update({sheet.employee_id.id: sheet for sheet in created})
        return sheets

    def _bagalau_planned_for(self, plan_line):
        """The plan line's value of the sheet's period: the quarter's (2023), the year's (2018)."""
        self.ensure_one()
        quarter = self.quarter if self.methodology_id.period == "quarter" else None
        return plan_line._planned_for(quarter)

    def _bagalau_sync_lines(self):
        """One line per KPI of the approved plan, with the period's planned value.

        A sheet made before its plan was approved has no lines yet: they come
        when the plan is approved, when HR pre-fills the sheet and when the
        evaluator submits it. Only a sheet still being filled in changes.
        """
        Line = self.env["hr.bagalau.kpi.sheet.line"].sudo()
        for sheet in self.sudo():
            if (sheet.state not in EDITABLE_STATES or sheet.campaign_id.state == "closed"
                    or sheet.plan_id.state != "approved"):
                continue
            stale = sheet.line_ids
            for plan_line in sheet.plan_id.line_ids:
                planned = sheet._bagalau_planned_for(plan_line)
                if planned <= 0:
                    # seed 004 Appendix 1: a KPI planned for other quarters
                    # only has nothing to achieve in this one.
                    continue
                line = sheet.line_ids.filtered(lambda line, plan_line=plan_line: line.plan_line_id == plan_line)
                stale -= line
                if not line:
                    Line.create({"sheet_id": sheet.id, "plan_line_id": plan_line.id, "planned_value": planned})
                elif line.planned_value != planned:
                    line.planned_value = planned
            stale.unlink()

    # --- guards ----------------------------------------------------------------

    def _bagalau_check_writer(self, vals):
        """Who may write what by hand (the workflow writes as superuser)."""
        if self.env.su:
            return
        if WORKFLOW_FIELDS & set(vals):
            raise AccessError(_("A KPI sheet changes state only through its buttons."))
        if HR_FIELDS & set(vals) and not self.env.user.has_group(HR_GROUP):
            raise AccessError(_("Only HR officers change whose KPI sheet it is, who evaluates and agrees it, "
                                "and its due date."))
        if "return_reason" in vals:
            for sheet in self:
                sheet._bagalau_check_actor(sheet.approver_id, _(
                    "Only %(approver)s, who agrees the KPI sheet, gives the reason to return it.",
                    approver=sheet.approver_id.name or _("the superior manager")))

    def write(self, vals):
        if set(vals) - MAIL_FIELDS:
            self._bagalau_check_can_change()
            self._bagalau_check_writer(vals)
        return super().write(vals)

    def _bagalau_write_workflow(self, vals):
        """A step of the workflow, once the caller's right to take it was checked."""
        return self.sudo().write(vals)

    def unlink(self):
        self._bagalau_check_can_change()
        return super().unlink()

    def _bagalau_check_actor(self, employee, message):
        """AccessError unless the current user is ``employee``'s user (superuser jobs pass)."""
        if not self.env.su and not self._bagalau_acts_as(employee):
            raise AccessError(message)

    def _bagalau_check_hr(self):
        if not self.env.su and not self.env.user.has_group(HR_GROUP):
            raise AccessError(_("Only HR pre-fills KPI sheets."))

    def _bagalau_check_complete(self):
        """UserError naming what is missing; ValidationError where the engine refuses."""
        self.ensure_one()
        if not self.line_ids:
            raise UserError(_("The KPI sheet of %(employee)s has no KPI yet: its KPIs come from the individual "
                              "work plan once the plan is approved.", employee=self.employee_id.name))
        for line in self.line_ids:
            if not line.actual_entered:
                raise UserError(_("Enter the actual value of “%(kpi)s”.", kpi=line.name))
            if self.generation != "2023":
                continue
            if not line.score_entered:
                raise UserError(_("Give “%(kpi)s” a score within its allowed range.", kpi=line.name))
            try:
                # The actual may have changed since the score was given.
                line._bagalau_check_score_in_range()
            except EngineError as error:
                raise self._bagalau_engine_error(error, line) from error
        try:
            self._bagalau_evaluate()
        except EngineError as error:
            raise self._bagalau_engine_error(error) from error

    def _bagalau_fill_single_scores(self):
        """Where the percent achieved allows one score only (seed 004
        Appendix 3: 100 % and more gives 5.00–5.00), the evaluator has
        nothing to choose (§28): the line gets that score, marked entered, as
        if he typed the only value he could. A score already given stays."""
        for line in self.line_ids.filtered(
                lambda line: line.sheet_id.generation == "2023" and line.percent_known and not line.score_entered
                and line.score_low == line.score_high):
            # A step of the workflow, inside a method the caller was checked for.
            line.sudo().write({"score": line.score_low})

    # --- activities ---------------------------------------------------------

    def _bagalau_schedule_first_step(self, notify=True):
        """2023: HR pre-computes the actuals first (seed 004 §23); 2018: the
        direct manager fills the sheet in (seed 003 §17)."""
        todos = []
        for sheet in self:
            if sheet.generation == "2023":
                hr_user = sheet._bagalau_hr_user()
                if hr_user:
                    todos.append((sheet, hr_user, _lt("Pre-fill the actual values of the KPIs"), sheet.actuals_due,
                                  False))
            else:
                todos.append((sheet, sheet.direct_manager_id, _lt("Evaluate the KPIs"), sheet.due_date, False))
        self._bagalau_schedule_many(todos, notify=notify)

    # --- workflow -----------------------------------------------------------

    def action_prefill(self):
        """HR: bring the KPIs of the approved plan onto the sheet."""
        self._bagalau_check_hr()
        for sheet in self:
            if sheet.state not in EDITABLE_STATES:
                raise UserError(_("Only a draft or returned KPI sheet can be pre-filled."))
            sheet._bagalau_check_can_change()
            sheet._bagalau_sync_lines()
            if not sheet.line_ids:
                raise UserError(_("The individual work plan of %(employee)s is not approved yet: its KPIs come "
                                  "onto the sheet once it is approved.", employee=sheet.employee_id.name))
        return True

    def action_prefill_actuals(self):
        """HR sends the actual values it pre-computed to the evaluator (seed 004 §23, §28)."""
        self.action_prefill()
        for sheet in self:
            sheet.sudo()._bagalau_lock()
            if sheet.actuals_on:
                raise sheet._bagalau_already_done(_("Pre-fill Actuals"), sheet.sudo().actuals_by_id,
                                                  sheet.sudo().actuals_on)
            if sheet.generation != "2023":
                raise UserError(_("HR pre-fills the actual values of the 2023 quarterly sheets only."))
            missing = sheet.line_ids.filtered(lambda line: not line.actual_entered)
            if missing:
                raise UserError(_("Enter the actual value of every KPI first: %(kpis)s.",
                                  kpis=", ".join(missing.mapped("name"))))
            sheet._bagalau_fill_single_scores()
            sheet._bagalau_write_workflow({"actuals_by_id": self.env.uid, "actuals_on": fields.Datetime.now()})
            sheet._bagalau_close_activities()
            sheet._bagalau_schedule(sheet.direct_manager_id, _lt("Evaluate the KPIs"), sheet.due_date)
            sheet.message_post(body=_("Actual values pre-filled by %(user)s and sent to the evaluator %(evaluator)s.",
                                      user=self.env.user.name, evaluator=sheet.direct_manager_id.name),
                               subtype_xmlid="mail.mt_note")
        return True

    def action_submit(self):
        """The evaluator signs the sheet and sends it to his superior (seed 003 §17, §19; seed 004 §28)."""
        for sheet in self:
            sheet._bagalau_check_actor(sheet.direct_manager_id, _(
                "Only the evaluator %(evaluator)s submits the KPI sheet of %(employee)s.",
                evaluator=sheet.direct_manager_id.name or _("(none)"), employee=sheet.employee_id.name))
            sheet.sudo()._bagalau_lock()
            if sheet.state == "submitted":
                raise sheet._bagalau_already_done(_("Submit"))
            if sheet.state not in EDITABLE_STATES:
                raise UserError(_("Only a draft or returned KPI sheet can be submitted."))
            sheet._bagalau_check_can_change()
            sheet._bagalau_sync_lines()
            sheet._bagalau_fill_single_scores()
            sheet._bagalau_check_complete()
            sheet._bagalau_write_workflow({"state": "submitted", "return_reason": False})
            sheet._bagalau_close_activities()
            sheet._bagalau_schedule(sheet.approver_id, _lt("Agree the KPI sheet"), sheet.due_date, approval=True)
            sheet.message_post(body=_("Submitted by %(user)s to %(approver)s for agreement.",
                                      user=self.env.user.name, approver=sheet.approver_id.name),
                               subtype_xmlid="mail.mt_note")
        return True

    def action_return(self, reason=None):
        """The superior returns the sheet for insufficient or unreliable
        evidence (seed 003 §21-22); the evaluator resubmits it within the
        methodology's working days (seed 003 §23)."""
        for sheet in self:
            sheet._bagalau_check_actor(sheet.approver_id, _(
                "Only %(approver)s agrees or returns the KPI sheet of %(employee)s.",
                approver=sheet.approver_id.name or _("(none)"), employee=sheet.employee_id.name))
            sheet.sudo()._bagalau_lock()
            if sheet.state != "submitted":
                raise UserError(_("Only a submitted KPI sheet can be returned."))
            reason = sheet._bagalau_check_text((reason or sheet.return_reason or "").strip(), _("Return Reason"))
            if not reason:
                raise UserError(_("Write the reason for the return: which evidence of the KPIs achieved is "
                                  "insufficient or unreliable."))
            today = fields.Date.context_today(self)
            resubmission_due = sheet.company_id._bagalau_add_working_days(
                today, sheet.methodology_id.resubmission_working_days)
            sheet._bagalau_write_workflow({"state": "returned", "return_reason": reason,
                                           "resubmission_due": resubmission_due})
            sheet._bagalau_close_activities()
            sheet._bagalau_schedule(sheet.direct_manager_id, _lt("Revise and resubmit the KPI sheet"), resubmission_due)
            sheet.message_post(body=_("Returned for revision by %(user)s: %(reason)s Resubmit by %(date)s.",
                                      user=self.env.user.name, reason=reason,
                                      date=format_date(self.env, resubmission_due)),
                               subtype_xmlid="mail.mt_note")
        return True

    def action_agree(self):
        """The superior agrees with the evaluation (seed 003 §21); the result of the year follows."""
        for sheet in self:
            sheet._bagalau_check_actor(sheet.approver_id, _(
                "Only %(approver)s agrees or returns the KPI sheet of %(employee)s.",
                approver=sheet.approver_id.name or _("(none)"), employee=sheet.employee_id.name))
            sheet.sudo()._bagalau_lock()
            if sheet.state == "agreed":
                raise sheet._bagalau_already_done(_("Agree"), sheet.sudo().agreed_by_id, sheet.sudo().agreed_on)
            if sheet.state != "submitted":
                raise UserError(_("Only a submitted KPI sheet can be agreed."))
            result = self.env["hr.bagalau.result"].sudo()._bagalau_get_or_create(
                sheet.employee_id, sheet.year, sheet.company_id, sheet.methodology_id)
            sheet._bagalau_write_workflow({"state": "agreed", "agreed_by_id": self.env.uid,
                                           "agreed_on": fields.Datetime.now(), "result_id": result.id})
            sheet._bagalau_feed_result(result)
            sheet._bagalau_close_activities()
            sheet.message_post(body=_("Agreed by %(user)s. Result: %(result)s.", user=self.env.user.name,
                                      result=sheet.result_label or sheet.result_key),
                               subtype_xmlid="mail.mt_note")
        return True

    def _bagalau_feed_result(self, result):
        """The agreed sheet's quarter score (seed 004 §5) or annual grade (seed 003 §18)."""
        self.ensure_one()
        if self.generation == "2018":
            result._bagalau_set_grade(self.result_key)
        elif self.methodology_id.period == "quarter" and self.quarter:
            result._bagalau_set_quarter(self.quarter, self.score)
        else:
            # A 2023 methodology copied to evaluate once a year: the sheet is the year.
            result.write({"year_score": self.score, "result_key": self.result_key})


class HrBagalauKpiSheetLine(models.Model):
    """One KPI on a sheet: plan against actual."""

    _name = "hr.bagalau.kpi.sheet.line"
    _description = "KPI Evaluation"
    _inherit = ["hr.bagalau.integrity.mixin"]
    _order = "sheet_id, sequence, id"

    sheet_id = fields.Many2one("hr.bagalau.kpi.sheet", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="sheet_id.company_id", store=True)
    plan_line_id = fields.Many2one("hr.bagalau.kpi.plan.line", required=True, ondelete="restrict")
    sequence = fields.Integer(related="plan_line_id.sequence", store=True)
    name = fields.Char(related="plan_line_id.name")
    unit = fields.Char(related="plan_line_id.unit")
    planned_value = fields.Float(digits=(16, 2), readonly=True)
    actual_value = fields.Float(digits=(16, 2))
    # A value of 0 is a real actual or score: these say whether one was given.
    actual_entered = fields.Boolean(readonly=True, copy=False)
    score_entered = fields.Boolean(readonly=True, copy=False)
    achieved = fields.Boolean(
        compute="_compute_achieved", store=True, readonly=False,
        help="2018: the KPI was achieved, i.e. its planned value fully met. "
        "Proposed from the actual value; the evaluator decides.",
    )
    percent = fields.Float(digits=(6, 2), compute="_compute_percent", store=True,
                           help="2023: percent of the planned value achieved.")
    percent_known = fields.Boolean(compute="_compute_percent", store=True)
    score_low = fields.Float(digits=(4, 2), compute="_compute_percent", store=True, string="Lowest Allowed Score")
    score_high = fields.Float(digits=(4, 2), compute="_compute_percent", store=True, string="Highest Allowed Score")
    score_range = fields.Char(compute="_compute_score_range", string="Allowed Range")
    score = fields.Float(digits=(4, 2))
    evidence = fields.Text()

    def _bagalau_campaigns(self):
        return self.sheet_id.campaign_id

    @api.depends("actual_value", "actual_entered", "planned_value", "sheet_id.methodology_id")
    def _compute_achieved(self):
        # seed 003 §18: "достижение КЦИ предусматривает полное исполнение";
        # the 2023 sheet scores percents instead (seed 004 §28).
        for line in self:
            line.achieved = (line.sheet_id.generation == "2018" and line.actual_entered
                             and line.actual_value >= line.planned_value)

    @api.depends("actual_value", "actual_entered", "planned_value", "sheet_id.methodology_id")
    def _compute_percent(self):
        for line in self:
            percent = line._bagalau_percent()
            if percent is None:
                line.percent = line.score_low = line.score_high = 0.0
                line.percent_known = False
                continue
            # seed 004 Appendix 3: the percent gives the scores allowed
            low, high = allowed_score_range(percent, line.sheet_id.methodology_id._bagalau_kpi_table())
            line.update({"percent": float(percent), "percent_known": True,
                         "score_low": float(low), "score_high": float(high)})

    @api.depends("percent_known", "score_low", "score_high")
    def _compute_score_range(self):
        for line in self:
            line.score_range = f"{line.score_low:.2f} – {line.score_high:.2f}" if line.percent_known else False

    def _bagalau_percent(self):
        """Percent achieved from the engine (seed 004 Appendix 2), None where it has no meaning yet."""
        self.ensure_one()
        if (self.sheet_id.generation != "2023" or not self.actual_entered or self.planned_value <= 0
                or self.actual_value < 0 or not self.sheet_id.methodology_id.kpi_range_ids):
            return None
        return percent_achieved(self.planned_value, self.actual_value)

    def _bagalau_check_score_in_range(self):
        """EngineError unless the score lies in the range Appendix 3 of seed 004 allows (§28)."""
        self.ensure_one()
        if not self.actual_entered:
            raise ValidationError(_("The actual value of “%(kpi)s” is not entered yet: HR pre-fills it before "
                                    "the score is given.", kpi=self.name))
        percent = percent_achieved(self.planned_value, self.actual_value)
        check_kpi_score(_two_decimals(self.score), percent, self.sheet_id.methodology_id._bagalau_kpi_table())

    @api.constrains("score", "score_entered")
    def _check_score_in_allowed_range(self):
        for line in self.filtered(lambda line: line.score_entered and line.sheet_id.generation == "2023"):
            try:
                line._bagalau_check_score_in_range()
            except EngineError as error:
                raise line.sheet_id._bagalau_engine_error(error, line) from error

    @api.constrains("actual_value")
    def _check_actual_not_negative(self):
        for line in self:
            if line.actual_value < 0:
                raise ValidationError(_("The actual value of “%(kpi)s” cannot be negative.", kpi=line.name))

    # --- guards ----------------------------------------------------------------

    @api.model
    def _bagalau_mark_entered(self, vals):
        if "actual_value" in vals:
            vals["actual_entered"] = True
        if "score" in vals:
            vals["score_entered"] = True
        return vals

    def _bagalau_check_can_change(self, vals):
        """A KPI changes only while its sheet is filled in, in an open campaign,
        and each value by whom the law gives it to."""
        for sheet in self.sheet_id:
            sheet._bagalau_check_can_change()
            if sheet.state not in EDITABLE_STATES:
                raise UserError(_("The KPI sheet of %(employee)s is submitted for agreement: its KPIs change only "
                                  "once it is returned.", employee=sheet.employee_id.name))
            if self.env.su:
                continue
            if PLAN_LINE_FIELDS & set(vals):
                raise AccessError(_("The KPIs of a sheet and their planned values come from the approved "
                                    "individual work plan."))
            is_hr = self.env.user.has_group(HR_GROUP)
            is_evaluator = sheet._bagalau_acts_as(sheet.direct_manager_id)
            if sheet.generation == "2023" and "actual_value" in vals and not is_hr:
                # seed 004 §23: HR pre-computes the actual values, for their reliability.
                raise AccessError(_("HR pre-computes the actual values of a 2023 KPI sheet: ask HR to correct "
                                    "them."))
            if {"actual_value", "achieved", "evidence"} & set(vals) and not (is_hr or is_evaluator):
                # seed 003 §17: the direct manager fills the sheet in.
                raise AccessError(_("Only the evaluator %(evaluator)s or HR fills in the KPI sheet of "
                                    "%(employee)s.", evaluator=sheet.direct_manager_id.name or _("(none)"),
                                    employee=sheet.employee_id.name))
            if "score" in vals and not is_evaluator:
                # seed 004 §28: the evaluator gives the scores.
                raise AccessError(_("Only the evaluator %(evaluator)s scores the KPIs of %(employee)s.",
                                    evaluator=sheet.direct_manager_id.name or _("(none)"),
                                    employee=sheet.employee_id.name))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create([self._bagalau_mark_entered(dict(vals)) for vals in vals_list])
        for line, vals in zip(lines, vals_list, strict=True):
            line._bagalau_check_can_change(vals)
        return lines

    def write(self, vals):
        self._bagalau_check_can_change(vals)
        return super().write(self._bagalau_mark_entered(dict(vals)))

    def unlink(self):
        self._bagalau_check_can_change({})
        return super().unlink()


class HrBagalauKpiPlan(models.Model):
    _inherit = "hr.bagalau.kpi.plan"

    def write(self, vals):
        result = super().write(vals)
        if vals.get("state") == "approved":
            # The KPIs of an approved plan come onto the sheets waiting for them.
            self.kpi_sheet_ids._bagalau_sync_lines()
        return result


class HrBagalauKpiPlanLine(models.Model):
    _inherit = "hr.bagalau.kpi.plan.line"

    sheet_line_ids = fields.One2many("hr.bagalau.kpi.sheet.line", "plan_line_id", string="Evaluations")

    @api.ondelete(at_uninstall=False)
    def _unlink_with_the_sheets_being_filled(self):
        """A KPI removed from a plan leaves the sheets still being filled in;
        one already evaluated stays, with the evaluation signed on it."""
        evaluations = self.sudo().sheet_line_ids
        signed = evaluations.filtered(lambda line: line.sheet_id.state not in EDITABLE_STATES)
        if signed:
            raise UserError(_("The KPI “%(kpi)s” is evaluated on the KPI sheet of %(campaign)s, already signed: "
                              "it stays in the plan.",
                              kpi=signed[0].name, campaign=signed[0].sheet_id.campaign_id.name))
        evaluations.unlink()
