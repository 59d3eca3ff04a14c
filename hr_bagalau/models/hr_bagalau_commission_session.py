from fractions import Fraction

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date

from ..engine.commission import has_quorum, vote_result
from ..engine.errors import EngineError
from ..engine.kpi_2018 import GRADES_2018
from .hr_bagalau_engine_messages import engine_error_message

HR_GROUP = "hr_bagalau.group_bagalau_hr_officer"
AUTHORISED_GROUP = "hr_bagalau.group_bagalau_authorised"
TODO = "mail.mail_activity_data_todo"
# Seed 003 §24 (KPI sheets) and §28 (competency sheets): HR brings a signed
# sheet to the commission no later than 2 working days after its signature
# (the methodology's commission_submission_working_days). Seed 003 §29: the
# evaluators are told seven working days ahead (commission_notice_working_days).
GRADE_SELECTION = [
    ("excellent", "Excellent"),
    ("effective", "Effective"),
    ("satisfactory", "Satisfactory"),
    ("unsatisfactory", "Unsatisfactory"),
]
assert tuple(key for key, _label in GRADE_SELECTION) == GRADES_2018


class HrBagalauCommissionSession(models.Model):
    """A session of the evaluation commission and its protocol (seed 003
    §29-39; the protocol is Appendix 5 of seed 001: per employee the
    result, the commission's correction and its recommendations, the
    conclusion, the signatures of the secretary, the chair and the members,
    approved by the authorised person)."""

    _name = "hr.bagalau.commission.session"
    _description = "Commission Session"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.bagalau.integrity.mixin"]
    _order = "date desc, id desc"
    _bagalau_workflow_fields = frozenset({"state", "notified_on", "order_id", "approved_by_id", "approved_on"})

    name = fields.Char(compute="_compute_name", store=True)
    commission_id = fields.Many2one("hr.bagalau.commission", required=True, index=True, ondelete="restrict",
                                    tracking=True)
    company_id = fields.Many2one(related="commission_id.company_id", store=True, index=True)
    campaign_id = fields.Many2one(
        "hr.bagalau.campaign", required=True, index=True, ondelete="restrict", tracking=True,
        domain="[('company_id', '=', company_id), ('methodology_id.generation', '=', '2018')]")
    methodology_id = fields.Many2one(related="campaign_id.methodology_id")
    year = fields.Integer(related="campaign_id.year", store=True)
    date = fields.Date(string="Session Date", required=True, tracking=True,
                       help="Agreed with the chair (paragraphs 29 and 35 of the typical methodology of 2018).")
    notify_by = fields.Date(compute="_compute_notify_by", store=True, string="Notify Evaluators By",
                            help="Seven working days before the session (paragraph 29 of the typical methodology of "
                            "2018).")
    notified_on = fields.Datetime(readonly=True, copy=False)
    notice_date = fields.Date(
        string="Evaluators Told On", tracking=True, copy=False,
        help="For a session recorded after the fact: the day the evaluators were told of it on paper. Empty: "
             "they are told when HR schedules the session.")
    state = fields.Selection(
        [("draft", "Draft"), ("scheduled", "Scheduled"), ("held", "Held"), ("approved", "Protocol Approved")],
        default="draft", required=True, tracking=True, copy=False)
    order_id = fields.Many2one("hr.bagalau.commission.order", string="Order in Force", readonly=True,
                               ondelete="restrict", copy=False)
    chair_id = fields.Many2one(related="order_id.chair_id", string="Chair")
    secretary_id = fields.Many2one(related="order_id.secretary_id", string="Secretary")
    member_user_ids = fields.Many2many(
        "res.users", "hr_bagalau_commission_session_user_rel", "session_id", "user_id",
        compute="_compute_member_user_ids", store=True, string="Member Users")
    attendance_ids = fields.One2many("hr.bagalau.commission.attendance", "session_id", string="Attendance")
    decision_ids = fields.One2many("hr.bagalau.commission.decision", "session_id", string="Protocol Rows")
    signature_ids = fields.One2many("hr.bagalau.commission.signature", "session_id", string="Signatures")
    voting_total = fields.Integer(compute="_compute_quorum", string="Voting Members")
    voting_present = fields.Integer(compute="_compute_quorum", string="Voting Members Present")
    has_quorum = fields.Boolean(compute="_compute_quorum", string="Quorum")
    protocol_number = fields.Char(tracking=True)
    conclusion = fields.Text(string="Commission's Conclusion")
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False, string="Approved By")
    approved_on = fields.Datetime(readonly=True, copy=False)

    def _bagalau_campaigns(self):
        return self.campaign_id

    @api.depends("commission_id.name", "date")
    def _compute_name(self):
        for session in self:
            session.name = f"{session.commission_id.name or ''} – {session.date or ''}"

    @api.depends("date", "company_id", "commission_id.methodology_id.commission_notice_working_days")
    def _compute_notify_by(self):
        for session in self:
            session.notify_by = session.date and session.company_id and session.company_id._bagalau_add_working_days(
                session.date, -session._bagalau_notice_days())

    @api.depends("order_id.chair_id.user_id", "order_id.member_ids.user_id", "order_id.secretary_id.user_id")
    def _compute_member_user_ids(self):
        for session in self:
            order = session.order_id
            session.member_user_ids = (order.chair_id | order.member_ids | order.secretary_id).user_id

    @api.depends("attendance_ids.present", "attendance_ids.role", "methodology_id.commission_quorum_numerator",
                 "methodology_id.commission_quorum_denominator")
    def _compute_quorum(self):
        for session in self:
            voting = session.attendance_ids.filtered(lambda line: line.role != "secretary")
            session.voting_total = len(voting)
            session.voting_present = len(voting.filtered("present"))
            quorum = session._bagalau_quorum()
            session.has_quorum = bool(voting and quorum) and has_quorum(session.voting_present, session.voting_total,
                                                                        quorum)

    # --- rules -----------------------------------------------------------------

    def _bagalau_check_final(self, vals=None):
        """seed 003 §39, seed 001 Appendix 5: the protocol the authorised
        person approved is what the commission voted; it never changes, and a
        session that was held is never deleted."""
        for session in self:
            if session.state == "approved" or (vals is None and session.state == "held"):
                raise UserError(_("The protocol of “%(session)s” is approved: it can no longer change.",
                                  session=session.name) if session.state == "approved" else
                                _("The session “%(session)s” was held: its protocol is kept.", session=session.name))

    def _bagalau_next_protocol_number(self):
        """The next protocol number of the body, counted per company and year."""
        self.ensure_one()
        Sequence = self.env["ir.sequence"].sudo()
        code = "hr.bagalau.commission.protocol"
        sequence = Sequence.search([("code", "=", code), ("company_id", "=", self.company_id.id)], limit=1)
        if not sequence:
            sequence = Sequence.create({"name": _("Commission Protocols"), "code": code, "padding": 1,
                                        "company_id": self.company_id.id, "use_date_range": True})
        return sequence.with_company(self.company_id).next_by_id(sequence_date=self.date)

    def _bagalau_check_protocol_open(self, what):
        """For the rows of the protocol: nothing changes once it is approved."""
        for session in self:
            if session.state == "approved":
                raise UserError(_("The protocol of “%(session)s” is approved: %(what)s can no longer change.",
                                  session=session.name, what=what))

    def _bagalau_methodology(self):
        """The methodology the session applies: its campaign's, else its commission's."""
        self.ensure_one()
        return self.methodology_id or self.commission_id.methodology_id

    def _bagalau_quorum(self):
        """The share of voting members that makes a quorum (seed 003 §30: two thirds)."""
        methodology = self._bagalau_methodology()
        if not methodology.commission_quorum_denominator:
            return None  # a session not yet tied to a commission
        return Fraction(methodology.commission_quorum_numerator, methodology.commission_quorum_denominator)

    def _bagalau_notice_days(self):
        return self._bagalau_methodology().commission_notice_working_days

    def _bagalau_check_date(self):
        """Seed 003 §29: the evaluators are told seven working days ahead. The
        notice is given when HR schedules the session (today), or was given on
        paper on ``notice_date`` for a session HR records after the fact: the
        rule compares the notice with the session, not with today."""
        today = fields.Date.context_today(self)
        for session in self:
            if session.state != "draft":
                continue
            if session.notice_date and session.notice_date > today:
                raise UserError(_("The evaluators cannot have been told on %(date)s: that day has not come yet. "
                                  "Leave the date empty; they are told when you schedule the session.",
                                  date=format_date(self.env, session.notice_date)))
            told = session.notice_date or today
            days = session._bagalau_notice_days()
            if session.company_id._bagalau_add_working_days(session.date, -days) < told:
                earliest = session.company_id._bagalau_add_working_days(told, days)
                raise UserError(_("The evaluators must be told %(days)s working days before the session "
                                  "(%(methodology)s, paragraph 29): told on %(told)s, the earliest session date is "
                                  "%(earliest)s.", days=days, earliest=format_date(self.env, earliest),
                                  told=format_date(self.env, told),
                                  methodology=session._bagalau_methodology().display_name))

    def _bagalau_check_hr(self):
        if not self.env.su and not self.env.user.has_group(HR_GROUP):
            raise AccessError(_("Only HR, the commission's working body, runs its sessions."))

    def _bagalau_check_quorum(self):
        """Seed 003 §30: no decision without two thirds of the voting members."""
        for session in self:
            try:
                ok = has_quorum(session.voting_present, session.voting_total, session._bagalau_quorum())
            except EngineError as error:
                raise UserError(_("The session “%(session)s” has no members recorded: %(problem)s",
                                  session=session.name, problem=engine_error_message(self.env, error))) from error
            if not ok:
                raise UserError(_("No quorum: %(present)s of %(total)s voting members are present; the commission "
                                  "decides only when at least %(quorum)s of them attend (%(methodology)s, paragraph "
                                  "30).", present=session.voting_present, total=session.voting_total,
                                  quorum=session._bagalau_quorum(),
                                  methodology=session._bagalau_methodology().display_name))

    @api.model_create_multi
    def create(self, vals_list):
        sessions = super().create(vals_list)
        sessions._bagalau_check_date()
        return sessions

    def write(self, vals):
        if "date" in vals and self.filtered(lambda session: session.state in ("held", "approved")):
            raise UserError(_("A session that was held keeps its date."))
        if "notice_date" in vals and self.filtered(lambda session: session.state != "draft"):
            raise UserError(_("The evaluators were told when the session was scheduled: that day no longer "
                              "changes."))
        result = super().write(vals)
        if "date" in vals or "notice_date" in vals:
            self._bagalau_check_date()
        return result

    # --- agenda ---------------------------------------------------------------

    def action_load_agenda(self):
        """The sheets of the campaign ready for the commission: the 2018 KPI
        sheets agreed by the superior manager (seed 003 §24) and the
        competency sheets signed (seed 003 §28), each flagged when HR brings
        it later than 2 working days after its signature."""
        self._bagalau_check_hr()
        Decision = self.env["hr.bagalau.commission.decision"].sudo()
        today = fields.Date.context_today(self)
        for session in self:
            if session.state not in ("draft", "scheduled"):
                raise UserError(_("The agenda of a session that was held does not change."))
            taken = Decision.search([("session_id.campaign_id", "=", session.campaign_id.id)])
            vals_list = []
            sheets = self.env["hr.bagalau.kpi.sheet"].sudo().search([
                ("campaign_id", "=", session.campaign_id.id), ("state", "=", "agreed"),
                ("id", "not in", taken.kpi_sheet_id.ids)])
            for sheet in sheets.filtered(lambda sheet: sheet.generation == "2018"):
                signed = sheet.agreed_on and fields.Date.context_today(self, sheet.agreed_on)
                vals_list.append(session._bagalau_agenda_row("kpi", sheet, signed, today,
                                                              original_grade=sheet.result_key))
            for sheet in session._bagalau_competency_sheets(taken):
                signed = False
                for name in ("signed_on", "signed_date", "sign_date"):
                    if name in sheet._fields and sheet[name]:
                        signed = sheet[name]
                        signed = signed.date() if hasattr(signed, "date") and callable(signed.date) else signed
                        break
                vals_list.append(session._bagalau_agenda_row("competency", sheet, signed, today))
            Decision.create(vals_list)
        return True

    def _bagalau_agenda_row(self, kind, sheet, signed, today, original_grade=False):
        late_after = signed and self.company_id._bagalau_add_working_days(
            signed, self._bagalau_methodology().commission_submission_working_days)
        evaluator = sheet.direct_manager_id if "direct_manager_id" in sheet._fields else False
        return {
            "session_id": self.id,
            "kind": kind,
            "employee_id": sheet.employee_id.id,
            "kpi_sheet_id": sheet.id if kind == "kpi" else False,
            "competency_sheet_id": sheet.id if kind == "competency" else False,
            "evaluator_id": evaluator.id if evaluator else False,
            "signed_on": signed,
            "brought_on": today,
            "brought_late": bool(late_after and today > late_after),
            "original_grade": original_grade,
        }

    def _bagalau_competency_sheets(self, taken):
        """Signed competency sheets of the campaign; none when the model
        lacks what the agenda needs (it is still being written)."""
        Sheet = self.env.get("hr.bagalau.competency.sheet")
        if Sheet is None or not {"campaign_id", "employee_id", "state"} <= set(Sheet._fields):
            return []
        states = [key for key, _label in Sheet._fields["state"]._description_selection(self.env)]
        wanted = [state for state in ("signed", "sent") if state in states]
        if not wanted:
            return []
        return Sheet.sudo().search([("campaign_id", "=", self.campaign_id.id), ("state", "in", wanted),
                                    ("id", "not in", taken.competency_sheet_id.ids)])

    # --- workflow ------------------------------------------------------------

    def _bagalau_sync_attendance(self):
        """One attendance row per person of the order in force on the session date."""
        for session in self:
            order = session.commission_id._bagalau_order_at(session.date) or session.commission_id.current_order_id
            if not order:
                raise UserError(_("The commission “%(commission)s” has no order naming its members yet.",
                                  commission=session.commission_id.name))
            rows = [{"session_id": session.id, "employee_id": order.chair_id.id, "role": "chair"}]
            rows += [{"session_id": session.id, "employee_id": member.id, "role": "member"}
                     for member in order.member_ids - order.chair_id]
            rows.append({"session_id": session.id, "employee_id": order.secretary_id.id, "role": "secretary"})
            session.sudo().attendance_ids.unlink()
            session.sudo().write({"order_id": order.id})
            self.env["hr.bagalau.commission.attendance"].sudo().create(rows)

    def action_schedule(self):
        """HR fixes the date agreed with the chair, loads the agenda and tells
        the evaluators (seed 003 §29): a message and a to-do each."""
        self._bagalau_check_hr()
        for session in self.sudo()._bagalau_lock().with_env(self.env):
            if session.state != "draft":
                raise UserError(_("The session is already scheduled."))
            session._bagalau_check_date()
            session._bagalau_sync_attendance()
            if not session.decision_ids:
                session.action_load_agenda()
            session.sudo().write({"state": "scheduled"})
            session._bagalau_notify_evaluators()
        return True

    def _bagalau_notify_evaluators(self):
        """Seed 003 §29: every evaluator is told of the session, with a to-do.
        Results are confidential (seed 004 §16, §21): each evaluator gets his
        own message naming only the people he evaluates, a message_notify
        (``user_notification``) that only its recipient (and HR, its author)
        reads, never the other readers of the session; it is written in the
        evaluator's language. The session's chatter keeps a note naming nobody."""

        self.ensure_one()
        session = self.sudo()
        methodology = session.methodology_id or session.commission_id.methodology_id
        users = session.decision_ids.evaluator_id.user_id
        for user in users:
            partner = user.partner_id
            lang = partner.lang or self.env.lang or "en_US"
            env = session.with_context(lang=lang).env
            people = session.decision_ids.filtered(lambda row, user=user: row.evaluator_id.user_id == user).employee_id
            date = format_date(env, session.date, lang_code=lang)
            session.with_env(env).message_notify(
                partner_ids=partner.ids,
                subject=env._("Commission session on %(date)s", date=date),
                body=env._("The evaluation commission sits on %(date)s to consider the sheets of the people you "
                           "evaluate (notice due by %(notify_by)s; %(methodology)s, paragraph 29): %(people)s.",
                           date=date, people=", ".join(sorted(people.mapped("name"))),
                           notify_by=format_date(env, session.notify_by, lang_code=lang),
                           methodology=methodology.with_env(env).display_name),
            )
            # The notice above tells him: no second notice for the to-do.
            session.with_context(mail_activity_quick_update=True).activity_schedule(
                TODO, date_deadline=session.date, user_id=user.id,
                summary=env._("Commission session on %(date)s", date=date))
        session.message_post(
            body=_("The evaluators were told of the session of %(date)s, each by a message of his own naming only "
                   "the people he evaluates (%(methodology)s, paragraph 29).",
                   date=format_date(self.env, session.date), methodology=methodology.display_name),
            subtype_xmlid="mail.mt_note")
        session.write({"notified_on": fields.Datetime.now()})

    def action_hold(self):
        """The session took place: every row has its decision; the protocol
        awaits the signatures of the secretary, the chair and the members present."""
        self._bagalau_check_hr()
        for session in self.sudo()._bagalau_lock().with_env(self.env):
            if session.state == "held":
                raise session._bagalau_already_done(_("Hold the Session"))
            if session.state != "scheduled":
                raise UserError(_("Only a scheduled session is held."))
            session._bagalau_check_quorum()
            pending = session.decision_ids.filtered(lambda row: row.state != "decided")
            if pending:
                raise UserError(_("The commission has not decided on %(people)s yet.",
                                  people=", ".join(pending.employee_id.mapped("name"))))
            signers = session.attendance_ids.filtered(lambda line: line.present or line.role == "secretary")
            self.env["hr.bagalau.commission.signature"].sudo().create([
                {"session_id": session.id, "employee_id": line.employee_id.id, "role": line.role}
                for line in signers])
            session.sudo().write({"state": "held"})
            # The evaluators' "session on …" to-dos (seed 003 §29) are over once it sat.
            session.sudo().activity_unlink([TODO])
        return True

    def action_sign(self):
        """The current user signs the protocol as secretary, chair or member."""
        for session in self:
            session.sudo().signature_ids._bagalau_lock()
            rows = session.sudo().signature_ids.filtered(
                lambda row: row.employee_id.user_id == self.env.user and not row.signed_on)
            if not rows:
                raise AccessError(_("You have nothing to sign on the protocol of “%(session)s”.",
                                    session=session.name))
            rows.write({"signed_on": fields.Datetime.now(), "user_id": self.env.uid})
        return True

    def _bagalau_is_authorised(self):
        self.ensure_one()
        authorised = self.commission_id.authorised_id or self.company_id.bagalau_authorised_id
        user = self.env.user
        return bool(authorised) and authorised.user_id == user and user.has_group(AUTHORISED_GROUP)

    def action_approve(self):
        """Seed 003 §39: the authorised person approves the results in the
        protocol; they are final from then on."""
        for session in self:
            if not session._bagalau_is_authorised():
                raise AccessError(_("Only the authorised person approves the protocol of “%(session)s” "
                                    "(%(methodology)s, paragraph 39).", session=session.name,
                                    methodology=session._bagalau_methodology().display_name))
            session.sudo()._bagalau_lock()
            if session.state == "approved":
                raise session._bagalau_already_done(_("Approve the Protocol"), session.sudo().approved_by_id,
                                                    session.sudo().approved_on)
            if session.state != "held":
                raise UserError(_("Only the protocol of a session that was held is approved."))
            unsigned = session.sudo().signature_ids.filtered(lambda row: row.signature_state == "pending")
            if unsigned:
                raise UserError(_("The protocol of “%(session)s” is not signed by %(people)s yet: each signs in "
                                  "Odoo, or HR records the paper signature or why it is missing.",
                                  session=session.name, people=", ".join(unsigned.employee_id.mapped("name"))))
            if not session.protocol_number:
                session.sudo().protocol_number = session._bagalau_next_protocol_number()
            # The results become final first; then the protocol is approved
            # and nothing of it changes any more.
            session.sudo().decision_ids._bagalau_make_final()
            session.sudo().write({"state": "approved", "approved_by_id": self.env.uid,
                                  "approved_on": fields.Datetime.now()})
            session.sudo().message_post(body=_("Protocol approved by %(user)s: the results are final.",
                                        user=self.env.user.name))
        return True


class HrBagalauCommissionAttendance(models.Model):
    _name = "hr.bagalau.commission.attendance"
    _description = "Commission Session Attendance"
    _inherit = ["hr.bagalau.integrity.mixin"]
    _order = "session_id, role, id"
    # HR records who is present; who sits comes from the order in force.
    _bagalau_hand_fields = frozenset({"present"})

    session_id = fields.Many2one("hr.bagalau.commission.session", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="session_id.company_id", store=True, index=True)
    employee_id = fields.Many2one("hr.employee", required=True, ondelete="restrict")
    role = fields.Selection([("chair", "Chair"), ("member", "Member"), ("secretary", "Secretary")], required=True)
    present = fields.Boolean()

    def _bagalau_campaigns(self):
        return self.session_id.campaign_id

    def _bagalau_check_final(self, vals=None):
        self.session_id._bagalau_check_protocol_open(_("its attendance"))
        if self.session_id.filtered(lambda session: session.state == "held"):
            raise UserError(_("The attendance of a session that was held does not change."))


class HrBagalauCommissionDecision(models.Model):
    """One row of the protocol (seed 001 Appendix 5): the employee, the
    result of the evaluation, the commission's correction and its
    recommendations, with the open vote that decided it (seed 003 §32-33, §37-38)."""

    _name = "hr.bagalau.commission.decision"
    _description = "Commission Decision"
    _inherit = ["hr.bagalau.integrity.mixin"]
    # The rows of one person stand together, KPIs first, as in the seed's form.
    _order = "session_id, employee_id, kind desc, id"
    _rec_name = "employee_id"
    # What HR, the commission's working body, writes on a row before the
    # vote; the rest comes from the agenda and the vote (seed 003 §37-38).
    _bagalau_hand_fields = frozenset({"proposal", "corrected_grade", "corrected_result", "recommendations"})

    session_id = fields.Many2one("hr.bagalau.commission.session", required=True, ondelete="cascade", index=True)
    session_state = fields.Selection(related="session_id.state", string="Session Status")
    company_id = fields.Many2one(related="session_id.company_id", store=True, index=True)
    kind = fields.Selection([("kpi", "KPI Sheet"), ("competency", "Competency Sheet")], required=True)
    employee_id = fields.Many2one("hr.employee", required=True, ondelete="restrict", index=True)
    kpi_sheet_id = fields.Many2one("hr.bagalau.kpi.sheet", ondelete="restrict", index=True)
    competency_sheet_id = fields.Many2one("hr.bagalau.competency.sheet", ondelete="restrict", index=True)
    evaluator_id = fields.Many2one("hr.employee", string="Evaluator")
    signed_on = fields.Date(string="Signed On")
    brought_on = fields.Date(string="Brought to the Commission")
    brought_late = fields.Boolean(string="Brought Late",
                                  help="Later than 2 working days after the signature (paragraphs 24 and 28 of the "
                                  "typical methodology of 2018).")
    original_grade = fields.Selection(GRADE_SELECTION, string="Result of the Evaluation")
    proposal = fields.Selection([("approve", "Approve the Result"), ("revise", "Revise the Result")],
                                default="approve", required=True,
                                help="Paragraph 37 of the typical methodology of 2018: approve the results, or revise "
                                "them.")
    corrected_grade = fields.Selection(GRADE_SELECTION, string="Commission's Correction",
                                       help="Paragraph 38 of the typical methodology of 2018: the corrected result, in "
                                            "its column of the protocol.")
    corrected_result = fields.Char(string="Corrected Result (text)")
    recommendations = fields.Text()
    # The votes are for the commission, the authorised person and HR; the
    # evaluator told of the decision (seed 003 §29) sees the counts only.
    vote_ids = fields.One2many("hr.bagalau.commission.vote", "decision_id", string="Votes",
                               groups="hr_bagalau.group_bagalau_commission,hr_bagalau.group_bagalau_authorised,"
                                      "hr_bagalau.group_bagalau_hr_officer")
    votes_for = fields.Integer(compute="_compute_votes", store=True)
    votes_against = fields.Integer(compute="_compute_votes", store=True)
    chair_vote = fields.Selection([("for", "For"), ("against", "Against")], compute="_compute_votes", store=True)
    state = fields.Selection([("pending", "Pending"), ("decided", "Decided"), ("rejected", "Proposal Rejected")],
                             default="pending", required=True)
    outcome = fields.Selection([("approved", "Approved"), ("revised", "Revised")], readonly=True)
    final_grade = fields.Selection(GRADE_SELECTION, readonly=True)
    decided_on = fields.Date(readonly=True)
    decided_by_casting_vote = fields.Boolean(readonly=True, string="Chair's Casting Vote")
    result_id = fields.Many2one("hr.bagalau.result", readonly=True, string="Annual Result")
    # Appendix 5 of seed 001: "information on the results" of each sheet,
    # the KPI grade or the competencies' result, in one readable column.
    result_text = fields.Char(compute="_compute_result_text", string="Information on the Results")
    final_text = fields.Char(compute="_compute_result_text", string="Final Result")

    def _bagalau_campaigns(self):
        return self.session_id.campaign_id

    @api.depends("kind", "original_grade", "final_grade", "corrected_result", "competency_sheet_id.result", "state")
    @api.depends_context("lang")
    def _compute_result_text(self):
        grades = dict(self._fields["original_grade"]._description_selection(self.env))
        for row in self:
            if row.kind == "competency":
                sheet = row.competency_sheet_id.sudo()
                results = dict(sheet._fields["result"]._description_selection(self.env))
                row.result_text = results.get(sheet.result) or ""
                row.final_text = row.corrected_result or (row.result_text if row.state == "decided" else "")
            else:
                row.result_text = grades.get(row.original_grade) or ""
                row.final_text = grades.get(row.final_grade) or ""

    @api.depends("vote_ids.vote", "vote_ids.role")
    def _compute_votes(self):
        for decision in self:
            decision.votes_for = len(decision.vote_ids.filtered(lambda vote: vote.vote == "for"))
            decision.votes_against = len(decision.vote_ids.filtered(lambda vote: vote.vote == "against"))
            chair = decision.vote_ids.filtered(lambda vote: vote.role == "chair")[:1]
            decision.chair_vote = chair.vote or False

    def _bagalau_check_final(self, vals=None):
        self.session_id._bagalau_check_protocol_open(_("its rows"))
        hand = vals is None or set(vals) & self._bagalau_hand_fields
        if hand and self.filtered(lambda row: row.state == "decided" or row.session_state == "held"):
            raise UserError(_("A decision taken by the commission does not change."))

    def _bagalau_voter(self, employee=None):
        """The employee who votes: the current user's, or one HR records."""
        if employee:
            if not self.env.su and employee.user_id != self.env.user and not self.env.user.has_group(HR_GROUP):
                raise AccessError(_("You vote only for yourself."))
            return employee
        employee = self.env.user.employee_ids.filtered(lambda emp: emp.company_id == self.company_id)[:1]
        if not employee:
            raise AccessError(_("You are not a member of this commission."))
        return employee

    def action_vote(self, vote, employee=None):
        """An open vote (seed 003 §32) of a voting member present; the
        secretary does not vote (seed 003 §34)."""
        if vote not in ("for", "against"):
            raise UserError(_("A vote is “for” or “against”."))
        for decision in self:
            decision.sudo()._bagalau_lock()
            session = decision.session_id
            voter = decision._bagalau_voter(employee)
            line = session.attendance_ids.filtered(lambda row, voter=voter: row.employee_id == voter)[:1]
            if not line:
                raise AccessError(_("%(person)s is not a member of the commission.", person=voter.name))
            if line.role == "secretary":
                raise AccessError(_("The secretary of the commission does not vote (%(methodology)s, paragraph 34).",
                                    methodology=session._bagalau_methodology().display_name))
            if session.state != "scheduled" or decision.state == "decided":
                raise UserError(_("The vote on %(employee)s is closed.", employee=decision.employee_id.name))
            if not line.present:
                raise UserError(_("%(person)s is not recorded as present.", person=voter.name))
            session._bagalau_check_quorum()
            if decision.proposal == "revise" and not (decision.corrected_grade or decision.corrected_result):
                raise UserError(_("A revision states the corrected result (%(methodology)s, paragraph 38).",
                                  methodology=session._bagalau_methodology().display_name))
            decision.sudo().vote_ids.filtered(lambda row, voter=voter: row.employee_id == voter).unlink()
            self.env["hr.bagalau.commission.vote"].sudo().create({
                "decision_id": decision.id, "employee_id": voter.id, "role": line.role, "vote": vote})
        return True

    def action_vote_for(self):
        return self.action_vote("for")

    def action_vote_against(self):
        return self.action_vote("against")

    def action_decide(self):
        """Count the open vote: majority, the chair's vote on a tie (seed 003 §33)."""
        self.session_id._bagalau_check_hr()
        for decision in self:
            decision.sudo()._bagalau_lock()
            session = decision.session_id
            if decision.state == "decided":
                raise decision._bagalau_already_done(_("Count the Vote"))
            if session.state != "scheduled":
                raise UserError(_("The commission has already decided on %(employee)s.",
                                  employee=decision.employee_id.name))
            session._bagalau_check_quorum()
            try:
                verdict = vote_result(decision.votes_for, decision.votes_against, decision.chair_vote or None)
            except EngineError as error:
                raise UserError(_("The vote on %(employee)s gives no decision: %(problem)s",
                                  employee=decision.employee_id.name,
                                  problem=engine_error_message(self.env, error))) from error
            values = {"decided_on": session.date, "decided_by_casting_vote":
                      decision.votes_for == decision.votes_against}
            if verdict == "approved":
                revise = decision.proposal == "revise"
                values.update(state="decided", outcome="revised" if revise else "approved",
                              final_grade=decision.corrected_grade if revise and decision.corrected_grade
                              else decision.original_grade)
            else:
                values.update(state="rejected")
            decision.sudo().write(values)
        return True

    def action_reopen(self):
        """A proposal the commission rejected: HR states another one and the members vote again."""
        self.session_id._bagalau_check_hr()
        for decision in self.filtered(lambda row: row.state == "rejected"):
            decision.sudo().vote_ids.unlink()
            decision.sudo().write({"state": "pending"})
        return True

    def _bagalau_make_final(self):
        """After the protocol's approval: the final grade onto the employee's
        result (seed 003 §39), the acknowledgement started (seed 003 §40)."""
        Result = self.env["hr.bagalau.result"].sudo()
        for decision in self:
            session = decision.session_id
            if decision.kind == "kpi" and decision.final_grade:
                result = decision.kpi_sheet_id.result_id or Result._bagalau_get_or_create(
                    decision.employee_id, session.year, session.company_id, session.methodology_id)
                old = result.result_key
                result._bagalau_set_grade(decision.final_grade)
                result.write({"bagalau_final": True, "bagalau_decision_id": decision.id})
                if old != decision.final_grade:
                    self.env["hr.bagalau.result.revision"].sudo().create({
                        "result_id": result.id, "kpi_sheet_id": decision.kpi_sheet_id.id, "source": "commission",
                        "decision_id": decision.id, "old_grade": old, "new_grade": decision.final_grade,
                        "reason": decision.recommendations or _(
                            "Revised by the commission (%(methodology)s, paragraph 38).",
                            methodology=session._bagalau_methodology().display_name),
                    })
                decision.sudo().result_id = result
                # The employee acknowledges the final (possibly corrected)
                # result once, not the evaluator's sheet besides (seed 003 §40).
                records = [result]
            else:
                records = [decision.competency_sheet_id]
            for record in records:
                if record and hasattr(record, "_bagalau_start_acknowledgement"):
                    record._bagalau_start_acknowledgement()


class HrBagalauCommissionVote(models.Model):
    _name = "hr.bagalau.commission.vote"
    _description = "Commission Vote"
    _inherit = ["hr.bagalau.integrity.mixin"]
    # A member casts his own vote with the buttons of the row (seed 003 §32).
    _bagalau_hand_fields = frozenset()
    _order = "decision_id, id"

    decision_id = fields.Many2one("hr.bagalau.commission.decision", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="decision_id.company_id", store=True, index=True)
    employee_id = fields.Many2one("hr.employee", required=True, ondelete="restrict", string="Member")
    role = fields.Selection([("chair", "Chair"), ("member", "Member")], required=True)
    vote = fields.Selection([("for", "For"), ("against", "Against")], required=True)


    def _bagalau_campaigns(self):
        return self.decision_id.session_id.campaign_id

    def _bagalau_check_final(self, vals=None):
        self.decision_id.session_id._bagalau_check_protocol_open(_("its votes"))
        if self.decision_id.filtered(lambda row: row.state == "decided"):
            raise UserError(_("The vote on %(employee)s is closed: the commission has decided.",
                              employee=self.decision_id.filtered(lambda row: row.state == "decided")[0]
                              .employee_id.name))

class HrBagalauCommissionSignature(models.Model):
    """A signature of the protocol: who and when (seed 001 Appendix 5)."""

    _name = "hr.bagalau.commission.signature"
    _description = "Protocol Signature"
    _inherit = ["hr.bagalau.integrity.mixin"]
    # Each signs for himself with "Sign" (seed 001 Appendix 5); HR records,
    # once, a paper signature or why a member did not sign (see write).
    _bagalau_hand_fields = frozenset({"paper_signed_on", "not_signed_reason", "recorded_by_id"})
    _order = "session_id, role desc, id"

    session_id = fields.Many2one("hr.bagalau.commission.session", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="session_id.company_id", store=True, index=True)
    employee_id = fields.Many2one("hr.employee", required=True, ondelete="restrict")
    role = fields.Selection([("chair", "Chair"), ("member", "Member"), ("secretary", "Secretary (checked)")],
                            required=True)
    user_id = fields.Many2one("res.users", readonly=True, string="Signed By")
    signed_on = fields.Datetime(readonly=True)
    # Who has no Odoo user signs the paper protocol: HR records the day, or
    # why he did not sign (seed 001 Appendix 5: each member's signature and date).
    paper_signed_on = fields.Date(string="Signed on Paper On")
    not_signed_reason = fields.Char(string="Not Signed Because")
    recorded_by_id = fields.Many2one("res.users", string="Recorded By", readonly=True)
    signature_state = fields.Selection(
        [("pending", "To Sign"), ("signed", "Signed in Odoo"), ("paper", "Signed on Paper"),
         ("not_signed", "Not Signed")], compute="_compute_signature_state", string="Signature")

    @api.depends("signed_on", "paper_signed_on", "not_signed_reason")
    def _compute_signature_state(self):
        for row in self:
            row.signature_state = ("signed" if row.signed_on else "paper" if row.paper_signed_on
                                   else "not_signed" if row.not_signed_reason else "pending")


    def _bagalau_campaigns(self):
        return self.session_id.campaign_id

    def _bagalau_check_final(self, vals=None):
        self.session_id._bagalau_check_protocol_open(_("its signatures"))
        if self.filtered(lambda row: row.signature_state != "pending"):
            raise UserError(_("A signature given on the protocol stays as it was given."))

    def write(self, vals):
        if "recorded_by_id" in vals:
            raise AccessError(_("Who recorded a signature is noted by Odoo, not written by hand."))
        if {"paper_signed_on", "not_signed_reason"} & set(vals):
            self._bagalau_check_paper_signature(vals)
            vals = dict(vals, recorded_by_id=self.env.uid)
        return super().write(vals)

    def _bagalau_check_paper_signature(self, vals):
        """HR records the paper protocol's signature of a member, or why he
        did not sign: the protocol is approved only when every signer has
        signed or his missing signature is explained (seed 003 §39, seed 001
        Appendix 5)."""
        self.session_id._bagalau_check_hr()
        reason = self._bagalau_check_text((vals.get("not_signed_reason") or "").strip(), _("Not Signed Because"))
        try:
            signed_on = fields.Date.to_date(vals.get("paper_signed_on")) if vals.get("paper_signed_on") else False
        except (TypeError, ValueError):
            signed_on = None
        if signed_on is False and not reason:
            raise UserError(_("Give the day the member signed the paper protocol, or why he did not sign."))
        today = fields.Date.context_today(self)
        for row in self:
            session = row.session_id
            if session.state != "held":
                raise UserError(_("Signatures are recorded on the protocol of a session that was held and is not "
                                  "approved yet."))
            # Not before the session, not after today (or the session's own day).
            if signed_on is None or (signed_on and not session.date <= signed_on <= max(today, session.date)):
                raise ValidationError(_("%(member)s signed the protocol of %(date)s: give a day from the session "
                                        "on, not in the future.", member=row.employee_id.name,
                                        date=format_date(self.env, session.date)))

    def action_record_paper_signature(self, signed_on=None, reason=None):
        """HR: the member signed the paper protocol on ``signed_on``, or did
        not sign because of ``reason``."""
        for row in self.sudo()._bagalau_lock().with_env(self.env):
            if row.signature_state != "pending":
                raise row._bagalau_already_done(_("Record the Signature"),
                                                row.sudo().recorded_by_id or row.sudo().user_id)
            row.write({"paper_signed_on": signed_on or False, "not_signed_reason": False if signed_on else reason})
        return True


class HrBagalauKpiSheet(models.Model):
    _inherit = "hr.bagalau.kpi.sheet"

    # Only the roles with access to the decisions (the evaluated employee has none).
    bagalau_decision_ids = fields.One2many("hr.bagalau.commission.decision", "kpi_sheet_id",
                                           string="Commission Decisions",
                                           groups="hr_bagalau.group_bagalau_evaluator,hr_bagalau.group_bagalau_commission,"
                                                  "hr_bagalau.group_bagalau_authorised")


class HrBagalauCompetencySheet(models.Model):
    _inherit = "hr.bagalau.competency.sheet"

    # The agenda rows of the sheet (seed 003 §28), for the record rule that lets
    # the members of those sessions read it. Only the roles with access to the
    # decisions (the evaluated employee has none).
    bagalau_decision_ids = fields.One2many("hr.bagalau.commission.decision", "competency_sheet_id",
                                           string="Commission Decisions",
                                           groups="hr_bagalau.group_bagalau_evaluator,hr_bagalau.group_bagalau_commission,"
                                                  "hr_bagalau.group_bagalau_authorised")
