from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date

from .hr_bagalau_commission_session import GRADE_SELECTION, HR_GROUP

# Seed 003 §42: "в течение десяти рабочих дней со дня вынесения решения"
# (the methodology's appeal_working_days).


class HrBagalauResultRevision(models.Model):
    """A change of a final result: the old grade stays beside the new one,
    with who changed it, when and why (the commission's correction, seed 003
    §38; a revision the agency recommended on appeal, seed 003 §42)."""

    _name = "hr.bagalau.result.revision"
    _description = "Result Revision"
    _inherit = ["hr.bagalau.integrity.mixin"]
    # A revision is the trace of a change of a final result: the revision
    # paths write it, nobody edits it, it goes only with its result.
    _bagalau_hand_fields = frozenset()
    _bagalau_frozen_when_closed = False
    _order = "create_date desc, id desc"

    result_id = fields.Many2one("hr.bagalau.result", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="result_id.company_id", store=True, index=True)
    employee_id = fields.Many2one(related="result_id.employee_id", store=True)
    kpi_sheet_id = fields.Many2one("hr.bagalau.kpi.sheet", ondelete="set null", index=True)
    source = fields.Selection([("commission", "Commission"), ("appeal", "Appeal"), ("court", "Court"),
                               ("calibration", "Calibration")], required=True)
    decision_id = fields.Many2one("hr.bagalau.commission.decision", ondelete="set null")
    appeal_id = fields.Many2one("hr.bagalau.appeal", ondelete="set null")
    old_grade = fields.Char(string="Old Result")
    new_grade = fields.Char(string="New Result", required=True)
    reason = fields.Text(required=True)
    user_id = fields.Many2one("res.users", string="Revised By", default=lambda self: self.env.user, readonly=True)
    revised_on = fields.Datetime(default=fields.Datetime.now, readonly=True)


    def _bagalau_campaigns(self):
        return self.result_id._bagalau_campaigns()

    def _bagalau_check_final(self, vals=None):
        if self:
            raise UserError(_("A revision of a result is its history: it is never changed or deleted."))

class HrBagalauResult(models.Model):
    _inherit = "hr.bagalau.result"

    bagalau_final = fields.Boolean(string="Final", readonly=True, tracking=True,
                                   help="Approved by the authorised person in the commission's protocol.")
    bagalau_decision_id = fields.Many2one("hr.bagalau.commission.decision", string="Commission Decision",
                                          readonly=True)
    bagalau_revision_ids = fields.One2many("hr.bagalau.result.revision", "result_id", string="Revisions")
    bagalau_appeal_ids = fields.One2many("hr.bagalau.appeal", "result_id", string="Appeals")


class HrBagalauKpiSheet(models.Model):
    _inherit = "hr.bagalau.kpi.sheet"

    bagalau_revision_ids = fields.One2many("hr.bagalau.result.revision", "kpi_sheet_id", string="Revisions")


class HrBagalauAppeal(models.Model):
    """An appeal of the commission's decision to the civil-service agency
    (seed 003 §42) and, besides, to a court (seed 003 §43)."""

    _name = "hr.bagalau.appeal"
    _description = "Appeal of an Evaluation Result"
    _inherit = ["mail.thread", "hr.bagalau.integrity.mixin"]
    # "Record the Outcome" decides the appeal and makes the revision.
    _bagalau_workflow_fields = frozenset({"state", "revision_id"})
    # An appeal comes after the evaluation closed (seed 003 §42).
    _bagalau_frozen_when_closed = False
    _order = "filed_on desc, id desc"
    _rec_name = "employee_id"

    decision_id = fields.Many2one("hr.bagalau.commission.decision", required=True, ondelete="restrict",
                                  index=True, string="Commission Decision")
    employee_id = fields.Many2one(related="decision_id.employee_id", store=True, index=True)
    company_id = fields.Many2one(related="decision_id.company_id", store=True, index=True)
    result_id = fields.Many2one(related="decision_id.result_id", store=True, string="Annual Result")
    kpi_sheet_id = fields.Many2one(related="decision_id.kpi_sheet_id", store=True)
    decision_date = fields.Date(related="decision_id.decided_on", store=True, string="Decision Date")
    deadline = fields.Date(compute="_compute_deadline", store=True, string="Appeal Deadline")
    filed_on = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    body = fields.Char(string="Appealed To", default="Agency for Civil Service Affairs", required=True)
    grounds = fields.Text()
    state = fields.Selection([("filed", "Filed"), ("decided", "Decided")], default="filed", required=True,
                             tracking=True)
    outcome = fields.Selection(
        [("revise", "Recommends a Revision"), ("keep", "Leaves the Result")], tracking=True,
        help="Paragraph 42 of the methodology: the agency recommends cancelling the decision and revising the result, "
        "or leaves it.")
    outcome_date = fields.Date()
    outcome_note = fields.Text()
    new_grade = fields.Selection(GRADE_SELECTION, string="Revised Result")
    revision_id = fields.Many2one("hr.bagalau.result.revision", readonly=True)
    court_appeal = fields.Boolean(string="Appealed to a Court", tracking=True, help="Paragraph 43 of the methodology.")
    court_date = fields.Date()
    court_outcome = fields.Text()

    def _bagalau_campaigns(self):
        return self.decision_id.session_id.campaign_id

    def _bagalau_check_final(self, vals=None):
        if vals is None and self.filtered(lambda appeal: appeal.state == "decided"):
            raise UserError(_("A decided appeal is part of the result's history: it is kept."))

    @api.depends("decision_date", "company_id", "decision_id.session_id.methodology_id.appeal_working_days")
    def _compute_deadline(self):
        for appeal in self:
            days = appeal.decision_id.session_id.methodology_id.appeal_working_days
            appeal.deadline = appeal.decision_date and appeal.company_id._bagalau_add_working_days(
                appeal.decision_date, days)

    def _bagalau_check_filing(self):
        for appeal in self:
            if appeal.decision_id.state != "decided":
                raise UserError(_("Only a decision the commission took is appealed."))
            if appeal.decision_date and appeal.filed_on < appeal.decision_date:
                raise ValidationError(_("The appeal of %(employee)s is dated %(date)s: an appeal is filed after the "
                                        "commission's decision.",
                                        employee=appeal.employee_id.name,
                                        date=format_date(self.env, appeal.filed_on)))
            if appeal.deadline and appeal.filed_on > appeal.deadline:
                raise UserError(_("The appeal of %(employee)s comes too late: the %(days)s working days to appeal "
                                  "the commission's decision of %(decided)s ran out on %(deadline)s (%(methodology)s, "
                                  "paragraph 42).",
                                  employee=appeal.employee_id.name,
                                  methodology=appeal.decision_id.session_id.methodology_id.sudo().display_name,
                                  days=appeal.decision_id.session_id.methodology_id.appeal_working_days,
                                  decided=appeal.decision_date, deadline=appeal.deadline))

    def _bagalau_check_hr(self):
        if not self.env.su and not self.env.user.has_group(HR_GROUP):
            raise AccessError(_("Only HR records appeals and their outcome."))

    @api.model_create_multi
    def create(self, vals_list):
        appeals = super().create(vals_list)
        appeals._bagalau_check_hr()
        appeals._bagalau_check_filing()
        return appeals

    def write(self, vals):
        if "decided" in self.mapped("state") and set(vals) & {"outcome", "new_grade", "decision_id"}:
            raise UserError(_("The outcome of a decided appeal stays; a court's outcome is noted apart."))
        result = super().write(vals)
        if set(vals) & {"filed_on", "decision_id"}:
            self._bagalau_check_filing()
        return result

    def action_record_outcome(self):
        """The agency's answer (seed 003 §42): a recommended revision reopens
        the result as a new revision that keeps the old one; otherwise it stays."""
        self._bagalau_check_hr()
        for appeal in self:
            appeal.sudo()._bagalau_lock()
            if appeal.state != "filed":
                raise appeal._bagalau_already_done(_("Record the Outcome"))
            if not appeal.outcome:
                raise UserError(_("State the outcome of the appeal."))
            values = {"state": "decided", "outcome_date": appeal.outcome_date or fields.Date.context_today(self)}
            if appeal.outcome == "revise":
                if not appeal.new_grade:
                    raise UserError(_("A revision recommended on appeal states the revised result."))
                result = appeal.result_id.sudo()
                if not result:
                    raise UserError(_("The decision has no final result to revise yet."))
                revision = self.env["hr.bagalau.result.revision"].sudo().create({
                    "result_id": result.id, "kpi_sheet_id": appeal.kpi_sheet_id.id, "source": "appeal",
                    "appeal_id": appeal.id, "decision_id": appeal.decision_id.id,
                    "old_grade": result.result_key, "new_grade": appeal.new_grade,
                    "reason": appeal.outcome_note or _(
                        "Revision recommended on appeal (%(methodology)s, paragraph 42).",
                        methodology=appeal.decision_id.session_id.methodology_id.sudo().display_name),
                })
                result._bagalau_set_grade(appeal.new_grade)
                values["revision_id"] = revision.id
            appeal.sudo().write(values)
            appeal.message_post(body=_("Outcome of the appeal: %(outcome)s.", outcome=dict(
                self._fields["outcome"]._description_selection(self.env))[appeal.outcome]))
        return True
