import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import LazyTranslate, format_date

from .hr_bagalau_sheet_workflow import ACTIVITY_TYPES

_lt = LazyTranslate(__name__)

PLAN_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("returned", "Returned"),
    ("approved", "Approved"),
]

# States in which the direct manager drafts and corrects the KPIs.
EDITABLE_STATES = ("draft", "returned")

# The seeds give the superior no term to review a plan; his to-do is due as
# soon as the direct manager's term to resubmit a returned plan (seed 003 §12):
# the methodology's kpi_review_working_days.

# Fields only the workflow's buttons set (they run as superuser after checking
# who acts): writing them by hand would skip the superior's approval.
WORKFLOW_FIELDS = frozenset({"state", "approver_id", "approved_by_id", "approved_on", "resubmission_due"})
# Who drafts and approves the plan, and what it is about: HR's business.
HR_FIELDS = frozenset({"campaign_id", "year", "employee_id", "direct_manager_id", "superior_id", "due_date",
                       "department_id", "job_title"})

# What a plan takes from its campaign and employee when made.
PLAN_DEFAULT_FIELDS = frozenset({"year", "department_id", "job_title", "direct_manager_id", "superior_id",
                                 "due_date"})



def _is_chatter_field(name):
    """Chatter and activity fields change on any document, frozen or not."""
    return name.startswith(("message_", "activity_"))


class HrBagalauKpiPlan(models.Model):
    """Individual work plan with the employee's KPIs for a year
    (Appendix 1 of seed 003 and of seed 004; seed 003 §9-15, seed 004 §22-26).

    Drafted by the direct manager, approved by the superior manager (or by
    the direct manager himself when he heads the body), returned with a
    reason when a KPI is not SMART.
    """

    _name = "hr.bagalau.kpi.plan"
    _description = "Individual Work Plan (KPI)"
    _inherit = ["hr.bagalau.sheet.workflow"]
    _bagalau_final_states = ("approved",)
    _order = "year desc, employee_id"
    _rec_name = "employee_id"

    campaign_id = fields.Many2one("hr.bagalau.campaign", required=True, index=True, ondelete="restrict",
                                  help="The campaign that created the plan.")
    methodology_id = fields.Many2one(related="campaign_id.methodology_id", store=True)
    generation = fields.Selection(related="methodology_id.generation")
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    year = fields.Integer(required=True, index=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict")
    department_id = fields.Many2one("hr.department", string="Department",
                                    help="The employee's unit when the plan was made.")
    job_title = fields.Char(string="Position")
    direct_manager_id = fields.Many2one("hr.employee", string="Direct Manager", tracking=True, index=True)
    superior_id = fields.Many2one("hr.employee", string="Superior Manager", tracking=True, index=True)
    approver_id = fields.Many2one(
        "hr.employee", string="Approver", compute="_compute_approver_id", store=True, index=True, tracking=True,
        help="The superior manager; the direct manager himself when he heads the body or has no superior.")
    state = fields.Selection(PLAN_STATES, default="draft", required=True, tracking=True, copy=False)
    line_ids = fields.One2many("hr.bagalau.kpi.plan.line", "plan_id", string="KPIs", copy=True)
    kpi_count = fields.Integer(compute="_compute_kpi_count", string="Number of KPIs")
    due_date = fields.Date(string="Due", tracking=True,
                           help="10 working days after the period starts or the employee is appointed.")
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue",
        help="Not approved by the due date, or returned and not resubmitted in time.")
    return_reason = fields.Text(tracking=True, copy=False,
                                help="Why the superior returns the plan: which KPI is not SMART and why.")
    resubmission_due = fields.Date(string="Resubmit By", tracking=True, copy=False)
    approved_by_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False, tracking=True)
    approved_on = fields.Datetime(string="Approved On", readonly=True, copy=False)
    monitoring_ids = fields.One2many("hr.bagalau.kpi.monitoring", "plan_id", string="Quarterly Monitoring")
    kpi_sheet_ids = fields.One2many("hr.bagalau.kpi.sheet", "plan_id", string="KPI Sheets")
    # What the current user may do now: the form shows the buttons from these.
    is_locked = fields.Boolean(compute="_compute_is_locked", string="Year Closed",
                               help="The campaign that ends the plan's year is closed: the plan can no longer change.")
    can_submit = fields.Boolean(compute="_compute_user_actions")
    can_approve = fields.Boolean(compute="_compute_user_actions")
    can_return = fields.Boolean(compute="_compute_user_actions")
    can_reset = fields.Boolean(compute="_compute_user_actions")
    can_edit_lines = fields.Boolean(compute="_compute_user_actions")
    can_monitor = fields.Boolean(compute="_compute_user_actions")

    _sql_constraints = [
        ("employee_year_unique", "unique(employee_id, year, company_id)",
         "The employee already has an individual work plan for this year."),
    ]

    # --- computes -------------------------------------------------------

    # A 2023 plan serves the whole year, whatever quarter's campaign made it:
    # its own guard (_bagalau_check_open) freezes it when the year closes.
    _bagalau_frozen_when_closed = False

    def _bagalau_campaigns(self):
        """The campaigns of the plan's year: the plan is kept as long as any of them."""
        return self.env["hr.bagalau.campaign"].sudo().with_context(active_test=False).search([
            ("company_id", "in", self.company_id.ids), ("methodology_id", "in", self.methodology_id.ids),
            ("year", "in", list(set(self.mapped("year")))),
        ]) | self.campaign_id

    @api.depends("line_ids")
    def _compute_kpi_count(self):
        for plan in self:
            plan.kpi_count = len(plan.line_ids)

    @api.depends("direct_manager_id", "superior_id")
    def _compute_approver_id(self):
        # seed 003 §10: the superior manager approves; §11: when the direct
        # manager is the first head of the body, he approves himself.
        for plan in self:
            manager = plan.direct_manager_id.sudo()
            if manager and (not plan.superior_id or manager._bagalau_is_head_of_body()):
                plan.approver_id = plan.direct_manager_id
            else:
                plan.approver_id = plan.superior_id

    @api.depends("state", "due_date", "resubmission_due")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for plan in self:
            if plan.state == "returned":
                plan.is_overdue = bool(plan.resubmission_due and plan.resubmission_due < today)
            else:
                plan.is_overdue = bool(plan.state != "approved" and plan.due_date and plan.due_date < today)

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Overdue plans are searched with “is set” or “is not set” only."))
        today = fields.Date.context_today(self)
        overdue = ["|",
                   "&", ("state", "in", ("draft", "submitted")), ("due_date", "<", today),
                   "&", ("state", "=", "returned"), ("resubmission_due", "<", today)]
        return overdue if (operator == "=") == bool(value) else ["!", *overdue]

    @api.depends("campaign_id.state")
    def _compute_is_locked(self):
        locked = self._bagalau_locked_plans()
        for plan in self:
            plan.is_locked = plan in locked

    @api.depends("state", "direct_manager_id", "approver_id", "campaign_id.state")
    @api.depends_context("uid")
    def _compute_user_actions(self):
        user = self.env.user
        is_hr = user.has_group("hr_bagalau.group_bagalau_hr_officer")
        locked = self._bagalau_locked_plans()
        for plan in self:
            is_open = plan not in locked
            is_manager = plan._bagalau_is_user(plan.direct_manager_id)
            is_approver = plan._bagalau_is_user(plan.approver_id)
            self_approving = plan._bagalau_self_approving()
            plan.can_submit = is_open and is_manager and plan.state in EDITABLE_STATES and not self_approving
            plan.can_approve = is_open and is_approver and (
                plan.state == "submitted" or (self_approving and plan.state in EDITABLE_STATES))
            plan.can_return = is_open and is_approver and plan.state == "submitted" and not self_approving
            plan.can_reset = is_open and is_hr and plan.state != "draft"
            plan.can_edit_lines = is_open and plan.state in EDITABLE_STATES and (is_manager or is_hr)
            plan.can_monitor = is_open and is_manager and plan.state == "approved"

    # --- helpers ----------------------------------------------------------

    def _bagalau_is_user(self, employee):
        """Whether the current user acts as ``employee`` (the plan's manager or
        approver): his own user, or an HR officer when he has none — not every
        civil servant has an Odoo user, and HR then records the paper steps."""
        if not employee:
            return False
        user = employee.sudo().user_id
        if not user:
            return self.env.user.has_group("hr_bagalau.group_bagalau_hr_officer")
        return user == self.env.user

    def _bagalau_self_approving(self):
        """seed 003 §11: the direct manager approves the plan himself."""
        self.ensure_one()
        return bool(self.direct_manager_id) and self.approver_id == self.direct_manager_id

    def _bagalau_locked_plans(self):
        """Plans whose year is closed: a closed campaign of their company and
        methodology ends on the year's last day (the annual campaign of 2018,
        the 4th quarter of 2023). Closing the campaign of the 1st quarter
        leaves a 2023 plan open: it serves the whole year."""
        if not self:
            return self
        campaigns = self.env["hr.bagalau.campaign"].sudo().search([
            ("state", "=", "closed"),
            ("company_id", "in", self.company_id.ids),
            ("methodology_id", "in", self.methodology_id.ids),
            ("year", "in", list(set(self.mapped("year")))),
        ])
        closed_years = {(campaign.company_id, campaign.methodology_id, campaign.year) for campaign in campaigns
                        if campaign.date_end == datetime.date(campaign.year, 12, 31)}
        return self.filtered(lambda plan: (plan.company_id, plan.methodology_id, plan.year) in closed_years)

    def _bagalau_check_open(self):
        """A plan whose year is closed cannot change (UserError)."""
        locked = self._bagalau_locked_plans()
        if locked:
            raise UserError(_("The campaign “%(campaign)s” is closed: the individual work plan of %(employee)s "
                              "can no longer change.",
                              campaign=locked[0].campaign_id.name, employee=locked[0].employee_id.name))

    def _bagalau_check_actor(self, employee, message):
        """AccessError unless the current user is ``employee`` (superuser code passes)."""
        self.ensure_one()
        if not self.env.su and not self._bagalau_is_user(employee):
            raise AccessError(message)

    def _bagalau_check_ready(self):
        """What the law asks of the KPIs before the superior sees them."""
        self.ensure_one()
        methodology = self.methodology_id
        count, low, high = len(self.line_ids), methodology.kpi_count_min, methodology.kpi_count_max
        # seed 003 §14: exactly 5 KPIs; seed 004 §24: 3 to 5.
        if not low <= count <= high:
            if low == high:
                raise UserError(_(
                    "The individual work plan of %(employee)s has %(count)s KPIs; the methodology "
                    "“%(methodology)s” asks for exactly %(expected)s.",
                    employee=self.employee_id.name, count=count, methodology=methodology.name, expected=low))
            raise UserError(_(
                "The individual work plan of %(employee)s has %(count)s KPIs; the methodology "
                "“%(methodology)s” asks for %(min)s to %(max)s.",
                employee=self.employee_id.name, count=count, methodology=methodology.name, min=low, max=high))
        # seed 003 §13.4, seed 004 §25.4: each KPI is limited in time.
        for line in self.line_ids:
            missing = line._missing_deadlines()
            if missing:
                raise UserError(_("The KPI “%(kpi)s” has no deadline for: %(periods)s.",
                                  kpi=line.name, periods=", ".join(missing)))

    def _bagalau_today(self):
        return fields.Date.context_today(self)

    def _bagalau_working_days_after(self, day, count):
        """Every deadline of the module counts Kazakhstan's working days."""
        self.ensure_one()
        return self.company_id._bagalau_add_working_days(day, count)

    def _bagalau_close_todos(self, employee=None, done=True):
        """Close the workflow's open to-dos (of ``employee`` only, when given):
        mark them done, or cancel them."""
        user = employee.sudo().user_id.id if employee else None
        if employee and not user:
            return
        activities = self.activity_search(list(ACTIVITY_TYPES), user_id=user,
                                          additional_domain=[("automated", "=", True)])
        if done:
            activities.action_feedback()
        else:
            activities.unlink()

    def _bagalau_write_state(self, values):
        """Workflow fields are written as superuser, once the caller's right to
        act was checked: nobody sets them by hand."""
        self.sudo().write(values)

    # --- creation -----------------------------------------------------------

    @api.model
    def _bagalau_due_date(self, campaign, employee):
        """10 working days after the period starts (seed 003 §9, seed 004 §23),
        or after the appointment when the employee came later (seed 004 §23)."""
        start = datetime.date(campaign.year, 1, 1)
        appointed = employee.sudo().bagalau_position_date
        if appointed and appointed > start:
            start = appointed
        return campaign.company_id._bagalau_add_working_days(start, campaign.methodology_id.kpi_plan_due_working_days)

    @api.model
    def _bagalau_plan_values(self, campaign, employee):
        employee = employee.sudo()
        return {
            "campaign_id": campaign.id,
            "year": campaign.year,
            "employee_id": employee.id,
            "department_id": employee.department_id.id,
            "job_title": employee.job_title,
            "direct_manager_id": employee.parent_id.id,
            "superior_id": employee.bagalau_superior_id.id,
            "due_date": self._bagalau_due_date(campaign, employee),
        }

    @api.model
    def _bagalau_ensure_plan(self, campaign, employee):
        """The employee's plan for the campaign's year, made when missing."""
        return self._bagalau_ensure_plans(campaign, employee)[employee.id]

    @api.model
    def _bagalau_ensure_plans(self, campaign, employees):
        """The plans of ``employees`` for the campaign's year, the missing ones
        made in one create (their to-dos in one batch, without an e-mail
        each); ``{employee id: plan}``."""
        existing = self.search([("employee_id", "in", employees.ids), ("year", "=", campaign.year),
                                ("company_id", "=", campaign.company_id.id)], order="id")
        plans = {}
        for plan in existing:
            plans.setdefault(plan.employee_id.id, plan)
        missing = employees.filtered(lambda employee: employee.id not in plans)
        if missing:
            created = self.with_context(tracking_disable=True, bagalau_quiet_todos=True).create(
                [self._bagalau_plan_values(campaign, employee) for employee in missing])
            for plan in self.browse(created.ids):
                plans[plan.employee_id.id] = plan
        return plans

    @api.model_create_multi
    def create(self, vals_list):
        # A plan HR makes by hand gets what the campaign would give it.
        for vals in vals_list:
            if vals.get("campaign_id") and vals.get("employee_id"):
                campaign = self.env["hr.bagalau.campaign"].browse(vals["campaign_id"])
                if campaign.state == "closed":
                    raise UserError(_("The campaign “%(campaign)s” is closed: it takes no new plan.",
                                      campaign=campaign.name))
                if not set(vals) >= PLAN_DEFAULT_FIELDS:
                    employee = self.env["hr.employee"].browse(vals["employee_id"])
                    for key, value in self._bagalau_plan_values(campaign, employee).items():
                        vals.setdefault(key, value)
        plans = super().create(vals_list)
        # One plan per employee and year: let the database say so before the
        # direct manager is notified of a plan that cannot exist.
        plans.flush_recordset()
        todos = []
        for plan in plans:
            todos.append((plan, plan.direct_manager_id, _lt("Draft the individual work plan of %(employee)s",
                                                          employee=plan.employee_id.name), plan.due_date, False))
        # The launch, superuser code, makes its to-dos without an e-mail each;
        # a client that sends the key still gets them notified.
        quiet = self.env.su and self.env.context.get("bagalau_quiet_todos")
        self._bagalau_schedule_many(todos, notify=not quiet)
        return plans

    def write(self, vals):
        changed = {name for name in vals if not _is_chatter_field(name)}
        if changed:
            self._bagalau_check_open()
        if not self.env.su:
            if changed & WORKFLOW_FIELDS:
                raise AccessError(_("An individual work plan changes state only through its buttons."))
            if changed & HR_FIELDS and not self.env.user.has_group("hr_bagalau.group_bagalau_hr_officer"):
                raise AccessError(_("Only HR officers change whose plan it is and who drafts and approves it."))
            if "return_reason" in changed:
                for plan in self:
                    plan._bagalau_check_actor(plan.approver_id, _(
                        "Only %(approver)s, who approves the plan, gives the reason to return it.",
                        approver=plan.approver_id.name or _("the superior manager")))
        # Approved plans are read-only (seed 003 §10): only the workflow
        # (HR's reset to draft) touches them.
        if changed - WORKFLOW_FIELDS and self.filtered(lambda plan: plan.state == "approved"):
            raise UserError(_("An approved individual work plan is read-only: HR can reset it to draft."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda plan: plan.state != "draft"):
            raise UserError(_("Only a draft individual work plan can be deleted."))

    # --- workflow -----------------------------------------------------------

    def action_submit(self):
        """The direct manager hands the plan to the superior (seed 003 §10),
        or again after a return (§12)."""
        for plan in self:
            plan._bagalau_check_actor(plan.direct_manager_id, _(
                "Only the direct manager, %(manager)s, submits the individual work plan of %(employee)s.",
                manager=plan.direct_manager_id.name or "—", employee=plan.employee_id.name))
            plan._bagalau_check_open()
            plan.sudo()._bagalau_lock()
            if plan.state == "submitted":
                raise plan._bagalau_already_done(_("Submit"))
            if plan.state not in EDITABLE_STATES:
                raise UserError(_("Only a draft or returned plan can be submitted."))
            if plan._bagalau_self_approving():
                raise UserError(_("You head the body: approve the plan of %(employee)s yourself "
                                  "(no superior reviews it).", employee=plan.employee_id.name))
            plan._bagalau_check_ready()
            plan._bagalau_write_state({"state": "submitted", "return_reason": False, "resubmission_due": False})
            plan._bagalau_close_todos(plan.direct_manager_id)
            plan._bagalau_schedule(
                plan.approver_id,
                _lt("Approve or return the individual work plan of %(employee)s", employee=plan.employee_id.name),
                plan._bagalau_working_days_after(plan._bagalau_today(), plan.methodology_id.kpi_review_working_days),
                approval=True)
        return True

    def action_approve(self):
        """The superior approves (seed 003 §10); the head of the body approves
        the plans he drafts himself (seed 003 §11)."""
        for plan in self:
            plan._bagalau_check_actor(plan.approver_id, _(
                "Only %(approver)s approves the individual work plan of %(employee)s.",
                approver=plan.approver_id.name or _("the superior manager"), employee=plan.employee_id.name))
            plan._bagalau_check_open()
            plan.sudo()._bagalau_lock()
            if plan.state == "approved":
                raise plan._bagalau_already_done(_("Approve"), plan.sudo().approved_by_id, plan.sudo().approved_on)
            allowed = ("submitted", *EDITABLE_STATES) if plan._bagalau_self_approving() else ("submitted",)
            if plan.state not in allowed:
                raise UserError(_("The plan of %(employee)s is not waiting for approval.",
                                  employee=plan.employee_id.name))
            plan._bagalau_check_ready()
            plan._bagalau_write_state({"state": "approved", "approved_by_id": self.env.user.id,
                                       "approved_on": fields.Datetime.now(), "return_reason": False,
                                       "resubmission_due": False})
            plan._bagalau_close_todos()
            plan.message_post(body=_("Individual work plan approved by %(user)s.", user=self.env.user.name))
        return True

    def action_return(self, reason=None):
        """The superior returns KPIs that are not SMART (seed 003 §12-13); the
        direct manager resubmits within 2 working days (§12)."""
        for plan in self:
            plan._bagalau_check_actor(plan.approver_id, _(
                "Only %(approver)s returns the individual work plan of %(employee)s.",
                approver=plan.approver_id.name or _("the superior manager"), employee=plan.employee_id.name))
            plan._bagalau_check_open()
            plan.sudo()._bagalau_lock()
            if plan.state != "submitted" or plan._bagalau_self_approving():
                raise UserError(_("Only a submitted plan can be returned."))
            why = plan._bagalau_check_text((reason or plan.return_reason or "").strip(), _("Return Reason"))
            if not why:
                raise UserError(_("Say why the plan of %(employee)s goes back: which KPI is not specific, "
                                  "measurable, achievable, time-bound or aligned with the body's goals.",
                                  employee=plan.employee_id.name))
            due = plan._bagalau_working_days_after(plan._bagalau_today(),
                                                   plan.methodology_id.resubmission_working_days)
            plan._bagalau_write_state({"state": "returned", "return_reason": why, "resubmission_due": due})
            plan._bagalau_close_todos(plan.approver_id)
            plan._bagalau_schedule(plan.direct_manager_id, _lt("Correct and resubmit the individual work plan of "
                                                             "%(employee)s", employee=plan.employee_id.name), due)
            plan.message_post(body=_("Returned for revision by %(user)s, to resubmit by %(date)s: %(reason)s",
                                     user=self.env.user.name, date=format_date(self.env, due), reason=why))
        return True

    def action_reset_draft(self):
        """HR puts a plan back in the direct manager's hands (e.g. when the
        body's functions or structure change, seed 004 §26)."""
        if not self.env.user.has_group("hr_bagalau.group_bagalau_hr_officer"):
            raise AccessError(_("Only HR officers reset an individual work plan to draft."))
        for plan in self:
            plan._bagalau_check_open()
            if plan.state == "draft":
                continue
            plan._bagalau_write_state({"state": "draft", "approved_by_id": False, "approved_on": False,
                                       "resubmission_due": False})
            plan._bagalau_close_todos(done=False)
            plan._bagalau_schedule(plan.direct_manager_id, _lt("Draft the individual work plan of %(employee)s",
                                                             employee=plan.employee_id.name),
                                   max(plan.due_date or plan._bagalau_today(), plan._bagalau_today()))
            plan.message_post(body=_("Reset to draft by %(user)s.", user=self.env.user.name))
        return True


class HrBagalauKpiPlanLine(models.Model):
    """One KPI of an individual work plan (Appendix 1 columns)."""

    _name = "hr.bagalau.kpi.plan.line"
    _description = "KPI"
    _inherit = ["hr.bagalau.integrity.mixin"]
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one("hr.bagalau.kpi.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="KPI", required=True)
    source_document = fields.Char(string="Source Planning Document", required=True,
                                  help="The state planning document or the corps A agreement the KPI comes from.")
    unit = fields.Char(string="Unit of Measure", required=True)
    planned_value = fields.Float(string="Planned Value", digits=(16, 2),
                                 help="2018: the year's planned value.")
    deadline = fields.Date(string="Deadline")
    planned_q1 = fields.Float(string="Planned Q1", digits=(16, 2))
    planned_q2 = fields.Float(string="Planned Q2", digits=(16, 2))
    planned_q3 = fields.Float(string="Planned Q3", digits=(16, 2))
    planned_q4 = fields.Float(string="Planned Q4", digits=(16, 2))
    deadline_q1 = fields.Date(string="Deadline Q1")
    deadline_q2 = fields.Date(string="Deadline Q2")
    deadline_q3 = fields.Date(string="Deadline Q3")
    deadline_q4 = fields.Date(string="Deadline Q4")
    expected_result = fields.Text(string="Expected Result",
                                  help="The positive change expected when the KPI is achieved.")

    _bagalau_frozen_when_closed = False  # the plan's year decides (_bagalau_check_open)

    def _bagalau_campaigns(self):
        return self.plan_id._bagalau_campaigns()

    def _planned_for(self, quarter=None):
        """Planned value of the year (2018) or of ``quarter`` (2023)."""
        self.ensure_one()
        return self[f"planned_q{quarter}"] if quarter else self.planned_value

    def _planned_quarters(self):
        """The quarters (1-4) with a planned value (2023)."""
        self.ensure_one()
        return [quarter for quarter in range(1, 5) if self[f"planned_q{quarter}"]]

    def _missing_deadlines(self):
        """Labels of the periods of the KPI that have a value and no deadline."""
        self.ensure_one()
        if self.plan_id.generation == "2023":
            return [_("Q%(quarter)s", quarter=quarter) for quarter in self._planned_quarters()
                    if not self[f"deadline_q{quarter}"]]
        return [] if self.deadline else [_("the year")]

    @api.constrains("planned_value", "planned_q1", "planned_q2", "planned_q3", "planned_q4", "plan_id")
    def _check_planned_values(self):
        for line in self:
            if line.plan_id.generation == "2023":
                # seed 004 Appendix 1: planned values per quarter
                quarters = [line[f"planned_q{quarter}"] for quarter in range(1, 5)]
                if any(value < 0 for value in quarters) or not any(quarters):
                    raise ValidationError(_(
                        "The KPI “%(kpi)s” needs a planned value for at least one quarter, and no quarter "
                        "may be negative.", kpi=line.name))
            elif line.planned_value <= 0:
                # seed 003 Appendix 1: the year's planned value; §13.2 measurable
                raise ValidationError(_("The planned value of the KPI “%(kpi)s” must be above zero.", kpi=line.name))

    @api.constrains("deadline", "deadline_q1", "deadline_q2", "deadline_q3", "deadline_q4", "plan_id")
    def _check_deadlines_in_year(self):
        # seed 003 §13.4, seed 004 §25.4: achieved within the evaluated period.
        for line in self:
            deadlines = [line.deadline] + [line[f"deadline_q{quarter}"] for quarter in range(1, 5)]
            if any(day and day.year != line.plan_id.year for day in deadlines):
                raise ValidationError(_("The deadlines of the KPI “%(kpi)s” must fall within %(year)s, the "
                                        "plan's year.", kpi=line.name, year=line.plan_id.year))

    def _check_plan_editable(self, plans):
        """KPIs change while the direct manager drafts or corrects the plan, by
        his hand or HR's (typing in a plan signed on paper)."""
        plans._bagalau_check_open()
        for plan in plans:
            if plan.state not in EDITABLE_STATES:
                raise UserError(_("The KPIs of %(employee)s can change only while the plan is a draft or returned.",
                                  employee=plan.employee_id.name))
            if not self.env.su and not plan._bagalau_is_user(plan.direct_manager_id) and not \
                    self.env.user.has_group("hr_bagalau.group_bagalau_hr_officer"):
                raise AccessError(_("Only the direct manager, %(manager)s, or HR edits the KPIs of %(employee)s.",
                                    manager=plan.direct_manager_id.name or "—", employee=plan.employee_id.name))

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["hr.bagalau.kpi.plan"].browse({vals["plan_id"] for vals in vals_list if vals.get("plan_id")})
        self._check_plan_editable(plans)
        return super().create(vals_list)

    def write(self, vals):
        plans = self.plan_id
        if vals.get("plan_id"):
            plans |= self.env["hr.bagalau.kpi.plan"].browse(vals["plan_id"])
        self._check_plan_editable(plans)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_while_editable(self):
        self._check_plan_editable(self.plan_id)


class HrBagalauKpiMonitoring(models.Model):
    """The direct manager's quarterly monitoring of a plan with written
    recommendations (seed 003 §16; seed 004 §18.3: the evaluator monitors
    the KPIs and gives feedback)."""

    _name = "hr.bagalau.kpi.monitoring"
    _description = "Quarterly KPI Monitoring"
    _inherit = ["hr.bagalau.integrity.mixin"]
    _order = "plan_id, quarter"

    plan_id = fields.Many2one("hr.bagalau.kpi.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    employee_id = fields.Many2one(related="plan_id.employee_id", store=True)
    quarter = fields.Selection([("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")], required=True)
    date = fields.Date(default=fields.Date.context_today, required=True)
    author_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    recommendations = fields.Text(required=True)

    _sql_constraints = [
        ("plan_quarter_unique", "unique(plan_id, quarter)", "This quarter of the plan is already monitored."),
    ]

    _bagalau_frozen_when_closed = False  # the plan's year decides (_bagalau_check_open)

    def _bagalau_campaigns(self):
        return self.plan_id._bagalau_campaigns()

    def _check_monitoring_allowed(self, plans):
        """seed 003 §16: the direct manager monitors the KPIs of the approved plan."""
        plans._bagalau_check_open()
        for plan in plans:
            if not self.env.su and not plan._bagalau_is_user(plan.direct_manager_id):
                raise AccessError(_("Only the direct manager, %(manager)s, records the quarterly monitoring of "
                                    "%(employee)s.", manager=plan.direct_manager_id.name or "—",
                                    employee=plan.employee_id.name))
            if plan.state != "approved":
                raise UserError(_("The KPIs of %(employee)s are monitored once the plan is approved.",
                                  employee=plan.employee_id.name))

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["hr.bagalau.kpi.plan"].browse({vals["plan_id"] for vals in vals_list if vals.get("plan_id")})
        self._check_monitoring_allowed(plans)
        return super().create(vals_list)

    def write(self, vals):
        self._check_monitoring_allowed(self.plan_id)
        return super().write(vals)
