"""Calibration sessions of the 2023 generation (seed 004 §13, §38-43).

The employee who disagrees with a quarter result applies, within five working
days of the acquaintance, to the official who appoints and dismisses him (the
authorised person, seed 004 §13). The authorised person decides within three
working days and names the participants (§39); the session is held within ten
working days of the application (§40); HR organises it (§41); the evaluator
argues his score, participants support it or argue corrections, the final score
is taken by the participants' majority and recorded in a protocol that HR posts
within three working days of its signature (§42); then the evaluator gives the
employee feedback in a meeting (§43).

The calibrated documents (an agreed 2023 KPI sheet, a done differentiation
sheet) are frozen: the calibration keeps the old score and writes the final one
into the employee's annual result only.

Results are strictly confidential (§16) and known only to the evaluated
person, the evaluator, the head of HR and the calibration participants (§21):
participants see the case, never the sheet itself.
"""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, format_date

from ..engine.calibration import calibration_final_score
from ..engine.errors import EngineError
from .hr_bagalau_engine_messages import engine_error_message

HR_GROUP = "hr_bagalau.group_bagalau_hr_officer"
AUTHORISED_GROUP = "hr_bagalau.group_bagalau_authorised"
TODO = "mail.mail_activity_data_todo"

# The terms are the methodology's: seed 004 §13 "бес жұмыс күні ішінде"
# (calibration_apply_working_days); §39 "үш жұмыс күн ішінде калибрлеу
# сессиясын өткізу туралы шешім қабылдайды" (calibration_decision_working_days);
# §40 "қызметшінің өтініші түскен уақыттан бастап он жұмыс күн ішінде", counted
# from the application like the decision (calibration_session_working_days);
# §42 "хаттамаға қол қойылған күннен бастап үш жұмыс күн ішінде"
# (calibration_protocol_working_days).

STATES = [
    ("applied", "Pending Decision"),
    ("refused", "Refused"),
    ("planned", "Session Planned"),
    ("held", "Protocol Signed"),
    ("done", "Feedback Given"),
]
OPEN_STATES = ("applied", "planned", "held")
# Fields each role writes on a case (the rest goes through the buttons).
AUTHORISED_FIELDS = frozenset({"participant_ids", "session_date", "refusal_reason", "decision_note"})
EVALUATOR_FIELDS = frozenset({"evaluator_argument", "feedback_date", "feedback_achievements", "feedback_skills",
                              "feedback_potential"})
# HR, who organises the session (seed 004 §41), records who came and the protocol.
HR_FIELDS = frozenset({"present_ids", "protocol_date", "protocol_decision"})
# The feedback meeting follows the protocol (seed 004 §43): all that still changes then.
FEEDBACK_FIELDS = frozenset({"feedback_date", "feedback_achievements", "feedback_skills", "feedback_potential"})


class HrBagalauCalibration(models.Model):
    """The calibration of one quarter result of the 2023 generation."""

    _name = "hr.bagalau.calibration"
    _description = "Calibration Session"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.bagalau.integrity.mixin"]
    _order = "applied_on desc, id desc"
    # What anyone writes by hand (each field by its role, see write); the
    # rest is the application's and the buttons' (seed 004 §13, §39-43).
    _bagalau_hand_fields = AUTHORISED_FIELDS | EVALUATOR_FIELDS | HR_FIELDS
    # The calibration comes after the quarter's campaign, even once it closed.
    _bagalau_frozen_when_closed = False
    _rec_name = "employee_id"

    kpi_sheet_id = fields.Many2one("hr.bagalau.kpi.sheet", string="KPI Sheet", index=True, readonly=True,
                                   ondelete="restrict")
    differentiation_sheet_id = fields.Many2one("hr.bagalau.differentiation.sheet", string="Differentiation Sheet",
                                               index=True, readonly=True, ondelete="restrict")
    document_name = fields.Char(compute="_compute_document_name", string="Calibrated Result")
    employee_id = fields.Many2one("hr.employee", required=True, index=True, readonly=True, ondelete="restrict")
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    campaign_id = fields.Many2one("hr.bagalau.campaign", required=True, index=True, readonly=True,
                                  ondelete="restrict")
    methodology_id = fields.Many2one(related="campaign_id.methodology_id", string="Methodology")
    year = fields.Integer(readonly=True)
    quarter = fields.Selection([("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")], readonly=True)
    result_id = fields.Many2one("hr.bagalau.result", string="Annual Result", readonly=True, index=True)
    evaluator_id = fields.Many2one("hr.employee", string="Evaluator", readonly=True, index=True)
    authorised_id = fields.Many2one("hr.employee", string="Authorised Person", readonly=True, index=True,
                                    help="The official who appoints and dismisses the employee "
                                    "(paragraph 13 of the methodology).")
    state = fields.Selection(STATES, default="applied", required=True, readonly=True, tracking=True)

    # --- application (seed 004 §13) ---
    acquainted_on = fields.Date(string="Acquainted On", readonly=True)
    apply_deadline = fields.Date(string="Apply By", readonly=True)
    applied_on = fields.Date(string="Applied On", readonly=True, tracking=True)
    application = fields.Text(string="Application", readonly=True,
                              help="The employee's application in free form (paragraph 13 of the methodology).")
    old_score = fields.Float(string="Score Calibrated", digits=(4, 2), readonly=True,
                             help="The quarter score before the calibration, kept as history.")

    # --- decision (seed 004 §39) ---
    decision_due = fields.Date(string="Decide By", readonly=True)
    decided_on = fields.Date(string="Decided On", readonly=True, tracking=True)
    decided_by_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    refusal_reason = fields.Text(tracking=True)
    decision_note = fields.Text(string="Decision")
    participant_ids = fields.Many2many("hr.employee", "hr_bagalau_calibration_participant_rel", "calibration_id",
                                       "employee_id", string="Participants",
                                       help="Named by the authorised person (paragraph 39 of the methodology).")
    session_due = fields.Date(string="Session By", readonly=True)
    session_date = fields.Date(string="Session Date", tracking=True)

    # --- session and protocol (seed 004 §41-42) ---
    evaluator_argument = fields.Text(string="Evaluator's Argument",
                                     help="The evaluator describes the work and argues his score "
                                     "(paragraph 42 of the methodology).")
    proposal_ids = fields.One2many("hr.bagalau.calibration.proposal", "calibration_id", string="Proposals")
    vote_ids = fields.One2many("hr.bagalau.calibration.vote", "calibration_id", string="Votes", readonly=True)
    present_ids = fields.Many2many("hr.employee", "hr_bagalau_calibration_present_rel", "calibration_id",
                                   "employee_id", string="Participants Present")
    protocol_date = fields.Date(string="Protocol Signed On", tracking=True)
    protocol_decision = fields.Text(string="Decision of the Session")
    final_score = fields.Float(digits=(4, 2), readonly=True, tracking=True)
    vote_summary = fields.Char(readonly=True, string="Votes Counted")
    protocol_due = fields.Date(string="Post Protocol By", compute="_compute_protocol_due", store=True)
    posted_on = fields.Date(string="Protocol Posted On", readonly=True, tracking=True)
    is_protocol_late = fields.Boolean(compute="_compute_is_protocol_late", search="_search_is_protocol_late",
                                      string="Protocol Late")

    # --- feedback meeting (seed 004 §43) ---
    feedback_date = fields.Date(string="Feedback Meeting On")
    feedback_achievements = fields.Text(string="Achievements of the Period")
    feedback_skills = fields.Text(string="Skills and Competencies")
    feedback_potential = fields.Text(string="Potential and Career Goals")

    can_decide = fields.Boolean(compute="_compute_permissions")
    can_propose = fields.Boolean(compute="_compute_permissions")
    can_record_protocol = fields.Boolean(compute="_compute_permissions")
    can_post = fields.Boolean(compute="_compute_permissions")
    can_feedback = fields.Boolean(compute="_compute_permissions")

    _sql_constraints = [
        ("one_document", "CHECK((kpi_sheet_id IS NULL) != (differentiation_sheet_id IS NULL))",
         "A calibration concerns exactly one KPI sheet or one differentiation sheet."),
    ]

    # --- computes --------------------------------------------------------------

    def _bagalau_campaigns(self):
        return self.campaign_id

    def _bagalau_check_final(self, vals=None):
        """seed 004 §42: the protocol's score is final; afterwards only the
        feedback meeting is written (§43), and a case is never deleted."""
        if vals is None:
            if self and not self.env.su:
                raise UserError(_("A calibration is part of the evaluation's record: it is not deleted."))
            return
        for case in self:
            if case.state in ("done", "refused") or (
                    case.state == "held" and set(vals) - FEEDBACK_FIELDS - {"state", "posted_on"}):
                raise UserError(_("The calibration of %(employee)s is decided: it no longer changes.",
                                  employee=case.employee_id.name))

    def init(self):
        # One open calibration per sheet, even when two requests race (seed 004 §13).
        for column in ("kpi_sheet_id", "differentiation_sheet_id"):
            self.env.cr.execute(SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS %s ON %s (%s) WHERE state IN %s",
                SQL.identifier(f"hr_bagalau_calibration_open_{column}"), SQL.identifier(self._table),
                SQL.identifier(column), OPEN_STATES))

    @api.depends("kpi_sheet_id", "differentiation_sheet_id")
    def _compute_document_name(self):
        for case in self:
            document = case._bagalau_document().sudo()
            case.document_name = document.display_name if document else False

    @api.depends("protocol_date", "company_id", "methodology_id.calibration_protocol_working_days")
    def _compute_protocol_due(self):
        for case in self:
            case.protocol_due = case.protocol_date and case.company_id._bagalau_add_working_days(
                case.protocol_date, case.methodology_id.calibration_protocol_working_days)

    @api.depends("protocol_due", "posted_on")
    @api.depends_context("tz")
    def _compute_is_protocol_late(self):
        today = fields.Date.context_today(self)
        for case in self:
            case.is_protocol_late = bool(case.protocol_due) and (case.posted_on or today) > case.protocol_due

    def _search_is_protocol_late(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Unsupported search on late protocols."))
        today = fields.Date.context_today(self)
        cases = self.sudo().search([("protocol_due", "!=", False)]).filtered(
            lambda case: (case.posted_on or today) > case.protocol_due)
        domain = [("id", "in", cases.ids)]
        return domain if (operator == "=") == bool(value) else ["!", *domain]

    @api.depends("state", "participant_ids", "authorised_id", "evaluator_id", "feedback_date")
    @api.depends_context("uid")
    def _compute_permissions(self):
        user = self.env.user
        is_hr = user.has_group(HR_GROUP)
        for case in self:
            case.can_decide = case.state == "applied" and case._bagalau_is_authorised(user)
            case.can_propose = case.state == "planned" and user in case.participant_ids.sudo().user_id
            case.can_record_protocol = case.state == "planned" and is_hr
            case.can_post = case.state in ("held", "done") and is_hr and not case.posted_on
            case.can_feedback = case.state == "held" and (is_hr or user == case.evaluator_id.sudo().user_id)

    # --- helpers ---------------------------------------------------------------

    def _bagalau_document(self):
        self.ensure_one()
        return self.kpi_sheet_id or self.differentiation_sheet_id

    def _bagalau_is_authorised(self, user):
        self.ensure_one()
        return bool(user) and user == self.authorised_id.sudo().user_id and user.has_group(AUTHORISED_GROUP)

    def _bagalau_hr_user(self):
        """Who organises the session (seed 004 §41): HR acting now, else the
        HR officer who launched the campaign."""
        self.ensure_one()
        if self.env.user.has_group(HR_GROUP):
            return self.env.user
        user = self.campaign_id.sudo().create_uid
        return user if user.active and user.has_group(HR_GROUP) else self.env["res.users"]

    def _bagalau_schedule(self, users, summary, deadline):
        for user in users.filtered("active"):
            if self.with_user(user).has_access("read"):
                self.sudo().with_context(mail_activity_quick_update=True).activity_schedule(
                    TODO, date_deadline=deadline or fields.Date.context_today(self), user_id=user.id,
                    summary=summary)

    def _bagalau_close_activities(self):
        self.sudo().activity_ids.filtered(lambda activity: activity.activity_type_id == self.env.ref(TODO)) \
            .action_feedback()

    def _bagalau_check_hr(self, message):
        if not self.env.su and not self.env.user.has_group(HR_GROUP):
            raise AccessError(message)

    def _bagalau_score_bounds(self):
        """The scores the calibrated sheet takes: a differentiation parameter's
        (seed 004 §32) or a KPI's (seed 004 Appendix 3)."""
        self.ensure_one()
        methodology = self.sudo().methodology_id
        if self.differentiation_sheet_id:
            return float(methodology.differentiation_min_score), float(methodology.differentiation_max_score)
        ranges = methodology.kpi_range_ids
        return (min(ranges.mapped("score_from")) if ranges else 0.0,
                max(ranges.mapped("score_to")) if ranges else 5.0)

    def _bagalau_participant(self):
        """The calling user's employee among the participants (seed 004 §39)."""
        self.ensure_one()
        participant = self.participant_ids.sudo().filtered(lambda employee: employee.user_id == self.env.user)
        if not participant:
            raise AccessError(_("Only the participants of the calibration session of %(employee)s propose "
                                "corrections and vote.", employee=self.employee_id.name))
        if self.state != "planned":
            raise UserError(_("The calibration session of %(employee)s is not open for proposals and votes.",
                              employee=self.employee_id.name))
        return participant[:1]

    # --- write guard -----------------------------------------------------------

    def write(self, vals):
        if not self.env.su and not self.env.user.has_group(HR_GROUP):
            for case in self:
                allowed = set()
                if case.state == "applied" and case._bagalau_is_authorised(self.env.user):
                    allowed |= AUTHORISED_FIELDS
                if case.state in ("planned", "held") and self.env.user == case.evaluator_id.sudo().user_id:
                    allowed |= EVALUATOR_FIELDS
                if set(vals) - allowed:
                    raise AccessError(_("The calibration of %(employee)s changes through its buttons.",
                                        employee=case.employee_id.name))
        return super().write(vals)

    @api.constrains("session_date", "decided_on", "session_due")
    def _check_session_date(self):
        """seed 004 §40: the session within ten working days of the application."""
        for case in self.filtered("session_date"):
            if case.session_due and case.session_date > case.session_due:
                raise ValidationError(_(
                    "The calibration session of %(employee)s must be held by %(date)s: ten working days from the "
                    "application (%(methodology)s, paragraph 40).", employee=case.employee_id.name,
                    methodology=case.sudo().methodology_id.display_name,
                    date=format_date(self.env, case.session_due)))
            if case.session_date < (case.decided_on or case.applied_on):
                raise ValidationError(_("The calibration session of %(employee)s cannot precede the decision.",
                                        employee=case.employee_id.name))

    @api.constrains("participant_ids", "employee_id")
    def _check_participants(self):
        for case in self:
            if case.employee_id in case.participant_ids:
                raise ValidationError(_("%(employee)s applied for the calibration: he is not a participant.",
                                        employee=case.employee_id.name))
            foreign = case.participant_ids.filtered(lambda employee, case=case: employee.company_id != case.company_id)
            if foreign:
                raise ValidationError(_("The participants are employees of the same body: %(names)s is not.",
                                        names=", ".join(foreign.mapped("name"))))

    # --- application (seed 004 §13) ------------------------------------------

    @api.model
    def _bagalau_apply(self, document, application=None):
        """The evaluated employee applies from his own quarter result."""
        document.ensure_one()
        if document.employee_id.sudo().user_id != self.env.user:
            raise AccessError(_("Only %(employee)s applies for the calibration of his own result.",
                                employee=document.employee_id.name))
        self._bagalau_check_text(application, _("Application"))
        # Two requests at once (two sessions of the employee): one case.
        document.sudo()._bagalau_lock()
        methodology = document.methodology_id
        if not document._bagalau_calibration_final() or not methodology.use_calibration:
            raise UserError(_("Only a final quarter result of a methodology with calibration sessions is "
                              "calibrated."))
        field = document._bagalau_calibration_field()
        if self.sudo().search_count([(field, "=", document.id), ("state", "in", OPEN_STATES)]):
            raise UserError(_("%(employee)s already applied for the calibration of this result.",
                              employee=document.employee_id.name))
        acquainted = document._bagalau_acquainted_on()
        if not acquainted:
            raise UserError(_("Read your evaluation result first: the five working days to apply for a calibration "
                              "run from the acquaintance (%(methodology)s, paragraph 13).",
                              methodology=methodology.sudo().display_name))
        company = document.company_id
        days = methodology.calibration_apply_working_days
        deadline = company._bagalau_add_working_days(acquainted, days)
        today = fields.Date.context_today(self)
        if today > deadline:
            raise UserError(_(
                "The application comes too late: the %(days)s working days to apply for a calibration after the "
                "acquaintance of %(acquainted)s ran out on %(deadline)s (%(methodology)s, paragraph 13).", days=days,
                methodology=methodology.sudo().display_name,
                acquainted=format_date(self.env, acquainted), deadline=format_date(self.env, deadline)))
        employee = document.employee_id.sudo()
        authorised = employee.bagalau_authorised_id
        if not authorised.user_id:
            raise UserError(_("%(employee)s has no authorised person with a user to decide on the calibration: "
                              "ask HR.", employee=employee.name))
        result = document.sudo().result_id
        case = self.sudo().create({
            field: document.id,
            "employee_id": employee.id,
            "company_id": company.id,
            "campaign_id": document.campaign_id.id,
            "year": document.year,
            "quarter": document.quarter,
            "result_id": result.id,
            "evaluator_id": (document.direct_manager_id if field == "kpi_sheet_id" else document.evaluator_id).id,
            "authorised_id": authorised.id,
            "acquainted_on": acquainted,
            "apply_deadline": deadline,
            "applied_on": today,
            "application": application,
            "old_score": result[f"q{document.quarter}_score"] if result and document.quarter else document.score,
            "decision_due": company._bagalau_add_working_days(today, methodology.calibration_decision_working_days),
            "session_due": company._bagalau_add_working_days(today, methodology.calibration_session_working_days),
        })
        case.message_subscribe(partner_ids=(self.env.user.partner_id | authorised.user_id.partner_id).ids)
        case.message_post(
            body=_("%(employee)s applies for a calibration session on %(document)s. %(authorised)s decides by "
                   "%(date)s (%(methodology)s, paragraph 39).", employee=employee.name, document=case.document_name,
                   methodology=methodology.sudo().display_name,
                   authorised=authorised.name, date=format_date(self.env, case.decision_due)),
            partner_ids=authorised.user_id.partner_id.ids, message_type="comment", subtype_xmlid="mail.mt_comment")
        case._bagalau_schedule(authorised.user_id, _("Decide on the calibration of %(employee)s",
                                                     employee=employee.name), case.decision_due)
        return case

    # --- decision (seed 004 §39-40) ------------------------------------------

    def _bagalau_check_decision(self):
        self.ensure_one()
        if not self.env.su and not self._bagalau_is_authorised(self.env.user):
            raise AccessError(_("Only %(authorised)s, the authorised person of %(employee)s, decides on the "
                                "calibration.", authorised=self.authorised_id.name, employee=self.employee_id.name))
        self.sudo()._bagalau_lock()
        if self.state != "applied":
            raise self._bagalau_already_done(_("Decide"), self.sudo().decided_by_id)
        today = fields.Date.context_today(self)
        if today > self.decision_due:
            raise UserError(_("The decision on the calibration of %(employee)s was due by %(date)s "
                              "(%(methodology)s, paragraph 39).",
                              employee=self.employee_id.name, date=format_date(self.env, self.decision_due),
                              methodology=self.sudo().methodology_id.display_name))
        return today

    def action_decide_hold(self):
        """The authorised person holds the session: participants and date (seed 004 §39-40)."""
        for case in self:
            today = case._bagalau_check_decision()
            if not case.participant_ids or not case.session_date:
                raise UserError(_("Name the participants and the date of the calibration session of "
                                  "%(employee)s.", employee=case.employee_id.name))
            case.sudo().write({"state": "planned", "decided_on": today, "decided_by_id": self.env.uid})
            case._bagalau_close_activities()
            users = case.participant_ids.sudo().user_id
            case.sudo().message_subscribe(partner_ids=users.partner_id.ids)
            case.sudo().message_post(
                body=_("%(authorised)s holds a calibration session on %(date)s with %(participants)s.",
                       authorised=self.env.user.name, date=format_date(self.env, case.session_date),
                       participants=", ".join(case.participant_ids.mapped("name"))),
                partner_ids=(users | case.employee_id.sudo().user_id).partner_id.ids,
                message_type="comment", subtype_xmlid="mail.mt_comment")
            summary = _("Calibration session of %(employee)s", employee=case.employee_id.name)
            case._bagalau_schedule(users | case.evaluator_id.sudo().user_id | case._bagalau_hr_user(), summary,
                                   case.session_date)
        return True

    def action_decide_refuse(self):
        """The authorised person refuses the session, with the reason."""
        for case in self:
            case._bagalau_check_decision()
            if not (case.refusal_reason or "").strip():
                raise UserError(_("Give the reason for refusing the calibration of %(employee)s.",
                                  employee=case.employee_id.name))
            case.sudo().write({"state": "refused", "decided_on": fields.Date.context_today(self),
                               "decided_by_id": self.env.uid})
            case._bagalau_close_activities()
            case.sudo().message_post(
                body=_("%(authorised)s refuses the calibration session: %(reason)s", authorised=self.env.user.name,
                       reason=case.refusal_reason),
                partner_ids=case.employee_id.sudo().user_id.partner_id.ids, message_type="comment",
                subtype_xmlid="mail.mt_comment")
        return True

    # --- session (seed 004 §42) ------------------------------------------------

    def action_propose(self):
        """A participant argues a correction: a proposal form."""
        self.ensure_one()
        self._bagalau_participant()
        return {"type": "ir.actions.act_window", "res_model": "hr.bagalau.calibration.proposal",
                "view_mode": "form", "target": "new", "name": _("Propose a Correction"),
                "context": {"default_calibration_id": self.id}}

    def _bagalau_vote(self, proposal=None):
        """The calling participant's vote: a proposal, or keep the evaluator's score."""
        self.ensure_one()
        participant = self._bagalau_participant()
        self.sudo()._bagalau_lock()
        if self.state != "planned":
            raise UserError(_("The calibration session of %(employee)s is not open for votes.",
                              employee=self.employee_id.name))
        Vote = self.env["hr.bagalau.calibration.vote"].sudo()
        Vote.search([("calibration_id", "=", self.id), ("participant_id", "=", participant.id)]).unlink()
        return Vote.create({"calibration_id": self.id, "participant_id": participant.id,
                            "proposal_id": proposal.id if proposal else False})

    def action_vote_keep(self):
        for case in self:
            case._bagalau_vote()
        return True

    def action_record_protocol(self):
        """HR records the protocol (seed 004 §41-42): the final score by the
        participants' majority replaces the quarter score of the annual result;
        the old score stays on the case, the sheets stay frozen."""
        self._bagalau_check_hr(_("HR records the protocol of a calibration session (%(methodology)s, paragraph 41).",
                                  methodology=self[:1].sudo().methodology_id.display_name))
        for case in self:
            case.sudo()._bagalau_lock()
            if case.state in ("held", "done"):
                raise case._bagalau_already_done(_("Record the Protocol"))
            if case.state != "planned":
                raise UserError(_("Only a planned calibration session gets a protocol."))
            if not case.protocol_date:
                raise UserError(_("Give the day the protocol was signed."))
            if case.session_date and case.protocol_date < case.session_date:
                raise UserError(_("The protocol cannot precede the session of %(date)s.",
                                  date=format_date(self.env, case.session_date)))
            present = case.present_ids or case.participant_ids
            votes = case.vote_ids.filtered(lambda vote, present=present: vote.participant_id in present)
            try:
                # seed 004 §42: the final score by the participants' majority (engine).
                final, tally = calibration_final_score(
                    case.old_score, [vote.proposal_id.proposed_score if vote.proposal_id else None for vote in votes])
            except EngineError as error:
                raise case._bagalau_engine_error(error) from error
            score = float(final)
            summary = ", ".join(f"{value:.2f}: {count}" for value, count in sorted(tally.items()))
            case.sudo().write({"state": "held", "final_score": score, "vote_summary": summary,
                               "present_ids": [(6, 0, present.ids)]})
            # Plain variables in _(): Odoo's term extractor cannot read f-strings there.
            old_score, new_score = f"{case.old_score:.2f}", f"{score:.2f}"
            result = case.result_id.sudo()
            if result and case.quarter:
                # The revision path of a 2023 quarter (seed 004 §42): the old
                # score stays in the result's history.
                self.env["hr.bagalau.result.revision"].sudo().create({
                    "result_id": result.id, "kpi_sheet_id": case.kpi_sheet_id.id, "source": "calibration",
                    "old_grade": old_score, "new_grade": new_score,
                    "reason": case.protocol_decision or _("Calibration protocol of %(date)s.",
                                                          date=format_date(self.env, case.protocol_date)),
                })
                result._bagalau_set_quarter(case.quarter, score)
                result.message_post(
                    body=_("Q%(quarter)s score calibrated from %(old)s to %(new)s (%(methodology)s, paragraph 42).",
                           quarter=case.quarter, old=old_score, new=new_score,
                           methodology=case.sudo().methodology_id.display_name),
                    subtype_xmlid="mail.mt_note")
            case._bagalau_close_activities()
            case.sudo().message_post(
                body=_("Protocol of %(date)s: final score %(score)s (was %(old)s; votes %(votes)s). HR posts it by "
                       "%(due)s (%(methodology)s, paragraph 42).", date=format_date(self.env, case.protocol_date),
                       score=new_score, old=old_score, votes=summary,
                       due=format_date(self.env, case.protocol_due),
                       methodology=case.sudo().methodology_id.display_name),
                partner_ids=case.employee_id.sudo().user_id.partner_id.ids, message_type="comment",
                subtype_xmlid="mail.mt_comment")
            case._bagalau_schedule(self.env.user, _("Post the calibration protocol of %(employee)s",
                                                    employee=case.employee_id.name), case.protocol_due)
            case._bagalau_schedule(case.evaluator_id.sudo().user_id,
                                   _("Feedback meeting with %(employee)s (%(methodology)s, paragraph 43)",
                                     employee=case.employee_id.name,
                                     methodology=case.sudo().methodology_id.display_name), case.protocol_due)
        return True

    def _bagalau_engine_error(self, error):
        """The engine's refusal of the session's votes as a UserError in the user's language."""
        self.ensure_one()
        if error.code == "calibration_no_votes":
            return UserError(_("No participant present has voted in the calibration of %(employee)s.",
                               employee=self.employee_id.name))
        return UserError(_("The votes of the calibration of %(employee)s cannot be counted: %(problem)s",
                           employee=self.employee_id.name, problem=engine_error_message(self.env, error)))

    def action_post_protocol(self):
        """HR posts the signed protocol in the information system (seed 004 §42)."""
        self._bagalau_check_hr(_("HR posts the protocol of a calibration session (%(methodology)s, paragraph 42).",
                                  methodology=self[:1].sudo().methodology_id.display_name))
        for case in self:
            if case.state not in ("held", "done") or case.posted_on:
                raise UserError(_("Only a signed protocol not yet posted can be posted."))
            case.sudo().write({"posted_on": fields.Date.context_today(self)})
            hr_todo = case.sudo().activity_ids.filtered(
                lambda activity: activity.user_id == self.env.user and activity.activity_type_id == self.env.ref(TODO))
            hr_todo.action_feedback()
            due = format_date(self.env, case.protocol_due)
            body = (_("Protocol posted late: it was due by %(date)s.", date=due) if case.is_protocol_late
                    else _("Protocol posted."))
            case.message_post(body=body, subtype_xmlid="mail.mt_note")
        return True

    def action_record_feedback(self):
        """The evaluator's feedback meeting with the employee (seed 004 §43)."""
        for case in self:
            if not self.env.su and not (self.env.user.has_group(HR_GROUP)
                                        or self.env.user == case.evaluator_id.sudo().user_id):
                raise AccessError(_("The evaluator or HR records the feedback meeting with %(employee)s.",
                                    employee=case.employee_id.name))
            if case.state != "held":
                raise UserError(_("The feedback meeting follows the calibration session's protocol."))
            if not case.feedback_date or not all((case.feedback_achievements, case.feedback_skills,
                                                  case.feedback_potential)):
                raise UserError(_("Give the date of the meeting and what was discussed: achievements, skills and "
                                  "competencies, potential and career goals (%(methodology)s, paragraph 43).",
                                  methodology=case.sudo().methodology_id.display_name))
            case.sudo().write({"state": "done"})
            evaluator_todo = case.sudo().activity_ids.filtered(
                lambda activity, case=case: activity.user_id == case.evaluator_id.user_id)
            evaluator_todo.action_feedback()
            case.sudo().message_post(
                body=_("Feedback meeting held on %(date)s (%(methodology)s, paragraph 43).",
                       date=format_date(self.env, case.feedback_date),
                       methodology=case.sudo().methodology_id.display_name),
                partner_ids=case.employee_id.sudo().user_id.partner_id.ids, message_type="comment",
                subtype_xmlid="mail.mt_comment")
        return True

    def action_open_document(self):
        """The calibrated sheet, for whom may read it (not the participants, seed 004 §21)."""
        self.ensure_one()
        document = self._bagalau_document()
        document.check_access("read")
        return {"type": "ir.actions.act_window", "res_model": document._name, "res_id": document.id,
                "view_mode": "form"}


class HrBagalauCalibrationProposal(models.Model):
    """A correction a participant argues at the session (seed 004 §42)."""

    _name = "hr.bagalau.calibration.proposal"
    _description = "Calibration Proposal"
    _inherit = ["hr.bagalau.integrity.mixin"]
    _bagalau_frozen_when_closed = False
    _order = "calibration_id, id"

    calibration_id = fields.Many2one("hr.bagalau.calibration", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="calibration_id.company_id", store=True, index=True)
    participant_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict",
                                     default=lambda self: self.env.user.employee_id)
    proposed_score = fields.Float(digits=(4, 2), required=True)
    reason = fields.Text(required=True)
    vote_count = fields.Integer(compute="_compute_vote_count", string="Votes")

    def _bagalau_campaigns(self):
        return self.calibration_id._bagalau_campaigns()

    @api.depends("calibration_id.vote_ids")
    def _compute_vote_count(self):
        for proposal in self:
            proposal.vote_count = len(proposal.calibration_id.sudo().vote_ids.filtered(
                lambda vote, proposal=proposal: vote.proposal_id == proposal))

    @api.depends("participant_id", "proposed_score")
    def _compute_display_name(self):
        for proposal in self:
            proposal.display_name = f"{proposal.participant_id.name}: {proposal.proposed_score:.2f}"

    @api.constrains("calibration_id", "participant_id", "proposed_score")
    def _check_participant(self):
        for proposal in self:
            case = proposal.calibration_id.sudo()
            if proposal.participant_id not in case.participant_ids:
                raise ValidationError(_("%(name)s does not take part in the calibration of %(employee)s.",
                                        name=proposal.participant_id.name, employee=case.employee_id.name))
            if case.state != "planned" and not self.env.su:
                raise ValidationError(_("The calibration session of %(employee)s is not open for proposals.",
                                        employee=case.employee_id.name))
            low, high = case._bagalau_score_bounds()
            if not low <= proposal.proposed_score <= high:
                # Plain variables in _(): Odoo's term extractor cannot read f-strings there.
                lowest, highest = f"{low:.2f}", f"{high:.2f}"
                raise ValidationError(_("A proposed score lies between %(low)s and %(high)s, the bounds of the "
                                        "methodology “%(methodology)s”.", low=lowest, high=highest,
                                        methodology=case.methodology_id.display_name))

    @api.model_create_multi
    def create(self, vals_list):
        proposals = super().create(vals_list)
        for proposal in proposals:
            if not self.env.su and not self.env.user.has_group(HR_GROUP) \
                    and proposal.participant_id.user_id != self.env.user:
                raise AccessError(_("A participant proposes in his own name."))
            proposed = f"{proposal.proposed_score:.2f}"
            proposal.calibration_id.sudo().message_post(
                body=_("%(participant)s proposes %(score)s: %(reason)s", participant=proposal.participant_id.name,
                       score=proposed, reason=proposal.reason),
                subtype_xmlid="mail.mt_note")
        return proposals

    def _bagalau_check_final(self, vals=None):
        """seed 004 §42: a proposal someone voted for is what they voted for."""
        if vals and {"calibration_id", "participant_id"} & set(vals):
            raise UserError(_("A proposal stays in its author's name and in its calibration."))
        voted = self.filtered(lambda proposal: proposal.sudo().calibration_id.vote_ids.filtered(
            lambda vote, proposal=proposal: vote.proposal_id == proposal))
        if voted:
            raise UserError(_("The proposal %(proposal)s has votes: it no longer changes.",
                              proposal=voted[0].sudo().display_name))
        if self.filtered(lambda proposal: proposal.sudo().calibration_id.state != "planned"):
            raise UserError(_("The calibration session is closed: its proposals no longer change."))

    def action_vote(self):
        """The calling participant votes for this proposal."""
        for proposal in self:
            proposal.calibration_id._bagalau_vote(proposal)
        return True


class HrBagalauCalibrationVote(models.Model):
    """A participant's vote at the session: a proposal, or none to keep the
    evaluator's score (seed 004 §42)."""

    _name = "hr.bagalau.calibration.vote"
    _description = "Calibration Vote"
    _inherit = ["hr.bagalau.integrity.mixin"]
    # A participant votes with the buttons, in his own name only.
    _bagalau_hand_fields = frozenset()
    _bagalau_frozen_when_closed = False
    _order = "calibration_id, id"

    calibration_id = fields.Many2one("hr.bagalau.calibration", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="calibration_id.company_id", store=True, index=True)
    participant_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict")
    proposal_id = fields.Many2one("hr.bagalau.calibration.proposal", ondelete="cascade",
                                  string="Supports", help="Empty: keeps the evaluator's score.")

    _sql_constraints = [
        ("participant_unique", "unique(calibration_id, participant_id)", "A participant votes once."),
    ]


    def _bagalau_campaigns(self):
        return self.calibration_id._bagalau_campaigns()

    def _bagalau_check_final(self, vals=None):
        if self.calibration_id.filtered(lambda case: case.state != "planned"):
            raise UserError(_("The calibration session is closed: its votes no longer change."))


class HrBagalauCalibrationDocument(models.AbstractModel):
    """The "Request Calibration" of a final 2023 quarter result (seed 004 §13)."""

    _name = "hr.bagalau.calibration.document"
    _description = "Calibration of an Evaluation Result (mixin)"

    can_request_calibration = fields.Boolean(compute="_compute_can_request_calibration")

    @api.depends_context("uid")
    def _compute_can_request_calibration(self):
        for document in self:
            document.can_request_calibration = (
                document._bagalau_calibration_final() and document.methodology_id.use_calibration
                and document.employee_id.sudo().user_id == self.env.user
                and document.ack_state in ("acknowledged", "refused")
                and not self.env["hr.bagalau.calibration"].sudo().search_count(
                    [(document._bagalau_calibration_field(), "=", document._origin.id),
                     ("state", "in", OPEN_STATES)]))

    def _bagalau_calibration_final(self):
        raise NotImplementedError

    def _bagalau_calibration_field(self):
        raise NotImplementedError

    def _bagalau_acquainted_on(self):
        """The acquaintance date: read in Odoo, signed on paper, or the refusal act (seed 004 §12-13)."""
        self.ensure_one()
        ack = self._bagalau_ack()
        if ack.state == "refused":
            return ack.refusal_act_id.date or fields.Date.context_today(self, ack.acknowledged_on)
        if ack.state == "acknowledged":
            if ack.method == "written" and ack.written_date:
                return ack.written_date
            return fields.Date.context_today(self, ack.acknowledged_on)
        return False

    def action_open_calibration_request(self):
        """The application form: the employee writes why he disagrees (seed 004 §13)."""
        self.ensure_one()
        # The defaults name this document; applying checks again that the
        # caller is its employee (_bagalau_apply): the context is client input.
        return {"type": "ir.actions.act_window", "res_model": "hr.bagalau.calibration.request",
                "view_mode": "form", "target": "new", "name": _("Calibration Application"),
                "context": {"default_res_model": self._name, "default_res_id": self.id}}

    def action_request_calibration(self, application=None):
        """The evaluated employee applies for a calibration session of this result."""
        self.ensure_one()
        case = self.env["hr.bagalau.calibration"]._bagalau_apply(self, application)
        return {"type": "ir.actions.act_window", "res_model": "hr.bagalau.calibration", "res_id": case.id,
                "view_mode": "form"}


class HrBagalauKpiSheet(models.Model):
    _name = "hr.bagalau.kpi.sheet"
    _inherit = ["hr.bagalau.kpi.sheet", "hr.bagalau.calibration.document"]

    def _bagalau_calibration_final(self):
        return self.state == "agreed" and self.generation == "2023" and bool(self.quarter)

    def _bagalau_calibration_field(self):
        return "kpi_sheet_id"


class HrBagalauDifferentiationSheet(models.Model):
    _name = "hr.bagalau.differentiation.sheet"
    _inherit = ["hr.bagalau.differentiation.sheet", "hr.bagalau.calibration.document"]

    def _bagalau_calibration_final(self):
        return self.state == "done" and bool(self.quarter)

    def _bagalau_calibration_field(self):
        return "differentiation_sheet_id"
