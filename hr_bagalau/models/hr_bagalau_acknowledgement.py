"""Acknowledgement of an evaluation result (DESIGN.md, "Acknowledgement").

HR acquaints the evaluated employee with the result within two working days
after it becomes final (seed 003 §40, seed 004 §12), in writing (seed 003
§41, seed 002 §41). When the employee refuses, HR draws up an act in free
form signed by HR and two other employees of the body, and the result is
delivered all the same through the intranet or the e-document system
(seed 003 §41, seed 002 §41-42). Employees without an Odoo user sign on
paper and HR records the date and a scan (DESIGN.md, "Users and delivery").

The acknowledgement of a document is its own record
(``hr.bagalau.acknowledgement``), not fields stored on the document: an agreed
sheet, a done sheet and everything of a closed campaign are frozen, and
acknowledging them changes nothing of what was signed. The mixin shows it on
the document (``ack_*`` fields, searchable) and runs its steps in the
document's chatter.
"""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date, format_datetime

HR_GROUP = "hr_bagalau.group_bagalau_hr_officer"
ACK_ACTIVITY = "hr_bagalau.mail_activity_type_bagalau_acknowledgement"
# seed 003 §40, seed 004 §12: "в течение двух рабочих дней" / "екі жұмыс күні
# ішінде" (the methodology's acknowledgement_working_days); seed 003 §41: the
# act is signed by HR "и двумя другими служащими" (refusal_witnesses).

ACK_STATES = [
    ("pending", "To Acknowledge"),
    ("acknowledged", "Acknowledged"),
    ("refused", "Refused"),
]
ACK_METHODS = [
    ("chatter", "Read in Odoo"),
    ("written", "Signed on Paper"),
    ("refusal", "Refusal Act"),
]
# The list shows what waits first, the oldest due date first: the overdue ones.
STATE_PRIORITY = {"pending": 0, "refused": 1, "acknowledged": 2}


class HrBagalauAcknowledgement(models.Model):
    """The acquaintance of one employee with one final evaluation document."""

    _name = "hr.bagalau.acknowledgement"
    _description = "Acknowledgement of an Evaluation Result"
    _inherit = ["hr.bagalau.integrity.mixin"]
    # HR fills in the paper the employee signed, then records it with its
    # button; "I have read it" is the employee's own act (seed 003 §41).
    _bagalau_hand_fields = frozenset({"written_date", "scan", "scan_name"})
    # The acquaintance follows the final result, after the campaign too.
    _bagalau_frozen_when_closed = False
    _order = "state_priority, due_date, id"

    res_model = fields.Char(string="Document Model", required=True, index=True, readonly=True)
    res_id = fields.Many2oneReference(string="Document ID", model_field="res_model", required=True, index=True,
                                      readonly=True)
    document_name = fields.Char(compute="_compute_document_name", string="Document")
    # The list tells evaluations apart: which kind of document, of which campaign.
    document_kind = fields.Char(compute="_compute_document_name", string="Kind of Document")
    campaign_id = fields.Many2one("hr.bagalau.campaign", compute="_compute_document_name", string="Campaign")
    employee_id = fields.Many2one("hr.employee", required=True, index=True, readonly=True, ondelete="restrict")
    department_id = fields.Many2one(related="employee_id.department_id", string="Department")
    has_user = fields.Boolean(compute="_compute_has_user", string="Has a User")
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    final_date = fields.Date(string="Result Final On", readonly=True)
    due_date = fields.Date(string="Acknowledge By", readonly=True)
    state = fields.Selection(ACK_STATES, default="pending", required=True, readonly=True)
    state_priority = fields.Integer(compute="_compute_state_priority", store=True)
    method = fields.Selection(ACK_METHODS, readonly=True)
    acknowledged_on = fields.Datetime(readonly=True)
    user_id = fields.Many2one("res.users", string="Recorded By", readonly=True)
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue", string="Overdue")
    written_date = fields.Date(string="Signed On", help="The day the employee signed the printed result.")
    scan = fields.Binary(string="Signed Sheet (Scan)", attachment=True)
    scan_name = fields.Char()
    refusal_act_id = fields.Many2one("hr.bagalau.refusal.act", readonly=True, ondelete="restrict")

    _sql_constraints = [
        ("document_unique", "unique(res_model, res_id)", "A document is acknowledged once."),
    ]

    def _bagalau_campaigns(self):
        campaigns = self.env["hr.bagalau.campaign"]
        for ack in self:
            document = ack.sudo()._bagalau_document()
            if document is not None:
                campaigns |= document._bagalau_campaigns()
        return campaigns

    def _bagalau_check_final(self, vals=None):
        if self.filtered(lambda ack: ack.state != "pending"):
            raise UserError(_("The acquaintance of %(employee)s with the result is recorded: it no longer changes.",
                              employee=self.filtered(lambda ack: ack.state != "pending")[0].employee_id.name))
        if vals is None and not self.env.su:
            raise UserError(_("An acknowledgement is part of the evaluation's record: it is not deleted."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(_("An acknowledgement is started by the final result itself, not by hand."))
        return super().create(vals_list)

    @api.depends("res_model", "res_id")
    def _compute_document_name(self):
        for ack in self:
            document = ack._bagalau_document()
            ack.document_name = document.sudo().display_name if document else False
            ack.document_kind = document._bagalau_model_label() if document else False
            # A year result belongs to the campaigns of its year: the last one names it.
            campaigns = document.sudo()._bagalau_campaigns() if document else False
            ack.campaign_id = campaigns.sorted("date_end")[-1:] if campaigns else False

    @api.depends("employee_id.user_id")
    def _compute_has_user(self):
        for ack in self:
            ack.has_user = bool(ack.employee_id.sudo().user_id)

    @api.depends("state")
    def _compute_state_priority(self):
        for ack in self:
            ack.state_priority = STATE_PRIORITY.get(ack.state, 9)

    @api.depends("state", "due_date")
    @api.depends_context("tz")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for ack in self:
            ack.is_overdue = ack.state == "pending" and bool(ack.due_date) and ack.due_date < today

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Unsupported search on overdue acknowledgements."))
        overdue = [("state", "=", "pending"), ("due_date", "<", fields.Date.context_today(self))]
        return overdue if (operator == "=") == bool(value) else ["!", "&", *overdue]

    @api.depends("employee_id", "document_name")
    def _compute_display_name(self):
        for ack in self:
            ack.display_name = ack.document_name or ack.employee_id.name

    def _bagalau_document(self):
        self.ensure_one()
        if not self.res_model or self.res_model not in self.env or not self.res_id:
            return None
        return self.env[self.res_model].browse(self.res_id).exists()

    def action_open_document(self):
        self.ensure_one()
        return {"type": "ir.actions.act_window", "res_model": self.res_model, "res_id": self.res_id,
                "view_mode": "form"}

    def action_record_written(self):
        """HR records the paper the employee signed (date and scan)."""
        for ack in self:
            ack._bagalau_document().action_record_written_acknowledgement(ack.written_date, ack.scan,
                                                                           ack.scan_name)
        return True

    def action_new_refusal_act(self):
        self.ensure_one()
        return self._bagalau_document().action_record_refusal()


class HrBagalauRefusalAct(models.Model):
    """Act of refusal to acknowledge, free form, signed by HR and at least two
    other employees of the body (seed 003 §41, seed 002 §41)."""

    _name = "hr.bagalau.refusal.act"
    _description = "Act of Refusal to Acknowledge"
    _inherit = ["hr.bagalau.integrity.mixin"]
    _bagalau_workflow_fields = frozenset({"state"})
    _bagalau_frozen_when_closed = False
    _order = "date desc, id desc"

    acknowledgement_id = fields.Many2one("hr.bagalau.acknowledgement", required=True, index=True,
                                         ondelete="restrict")
    employee_id = fields.Many2one(related="acknowledgement_id.employee_id", store=True, index=True,
                                  string="Employee Who Refused")
    company_id = fields.Many2one(related="acknowledgement_id.company_id", store=True, index=True)
    document_name = fields.Char(related="acknowledgement_id.document_name")
    date = fields.Date(required=True, default=fields.Date.context_today)
    drawn_up_by_id = fields.Many2one("res.users", string="Drawn Up By (HR)", required=True,
                                     default=lambda self: self.env.user)
    note = fields.Text(string="Act", help="The act in free form: what was offered, how the employee refused.")
    witness_ids = fields.One2many("hr.bagalau.refusal.act.witness", "act_id", string="Witnesses")
    state = fields.Selection([("draft", "Draft"), ("done", "Recorded")], default="draft", required=True,
                             readonly=True)

    def _bagalau_campaigns(self):
        return self.acknowledgement_id._bagalau_campaigns()

    def _bagalau_check_final(self, vals=None):
        if self.filtered(lambda act: act.state == "done"):
            raise UserError(_("A recorded refusal act is signed: it no longer changes."))

    @api.depends("employee_id", "date")
    def _compute_display_name(self):
        for act in self:
            act.display_name = _("Refusal act of %(employee)s, %(date)s", employee=act.employee_id.name or "",
                                 date=format_date(self.env, act.date) if act.date else "")

    @api.constrains("witness_ids", "drawn_up_by_id", "employee_id")
    def _check_witnesses(self):
        for act in self:
            witnesses = act.witness_ids.employee_id
            needed = act.sudo().acknowledgement_id.campaign_id.methodology_id.refusal_witnesses or 1
            if len(act.witness_ids) < needed or len(witnesses) != len(act.witness_ids):
                raise ValidationError(_(
                    "The refusal act must be signed by at least %(count)s different employees besides HR.",
                    count=needed))
            if act.employee_id in witnesses:
                raise ValidationError(_("%(employee)s refused to acknowledge: he cannot witness his own refusal.",
                                        employee=act.employee_id.name))
            if act.drawn_up_by_id in witnesses.sudo().user_id:
                raise ValidationError(_("The witnesses are two employees other than the HR officer who draws up "
                                        "the act."))
            if not act.drawn_up_by_id.has_group(HR_GROUP):
                raise ValidationError(_("A refusal act is drawn up by HR."))
            foreign = witnesses.filtered(lambda employee, act=act: employee.company_id != act.company_id)
            if foreign:
                raise ValidationError(_("The witnesses are employees of the same body: %(names)s is not.",
                                        names=", ".join(foreign.mapped("name"))))

    def action_confirm(self):
        """Record the act on the document: the result is still delivered."""
        for act in self.filtered(lambda act: act.state == "draft"):
            act.acknowledgement_id._bagalau_document().action_record_refusal(act=act)
        return True


class HrBagalauRefusalActWitness(models.Model):
    """An employee who signed the refusal act: chosen, named, dated."""

    _name = "hr.bagalau.refusal.act.witness"
    _description = "Witness of a Refusal Act"
    _inherit = ["hr.bagalau.integrity.mixin"]
    _bagalau_frozen_when_closed = False
    _order = "act_id, id"

    act_id = fields.Many2one("hr.bagalau.refusal.act", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="act_id.company_id", store=True, index=True)
    employee_id = fields.Many2one("hr.employee", string="Witness", required=True, ondelete="restrict")
    name = fields.Char(string="Name as Signed", compute="_compute_name", store=True, readonly=False, required=True,
                       precompute=True)
    job_title = fields.Char(compute="_compute_name", store=True, readonly=False, string="Position", precompute=True)
    signed_on = fields.Date(string="Signed On", required=True, default=fields.Date.context_today)

    def _bagalau_campaigns(self):
        return self.act_id._bagalau_campaigns()

    def _bagalau_check_final(self, vals=None):
        self.act_id._bagalau_check_final(vals)

    @api.model_create_multi
    def create(self, vals_list):
        witnesses = super().create(vals_list)
        witnesses.act_id._bagalau_check_final({})
        return witnesses

    @api.depends("employee_id")
    def _compute_name(self):
        for witness in self:
            witness.name = witness.employee_id.name
            witness.job_title = witness.employee_id.job_title


class HrBagalauAcknowledgementMixin(models.AbstractModel):
    """The acknowledgement of a final evaluation document, in its chatter.

    The document inherits ``mail.thread`` and ``mail.activity.mixin`` and has
    ``employee_id`` and ``company_id``, and a methodology (``methodology_id``
    or ``campaign_id.methodology_id``).
    """

    _name = "hr.bagalau.acknowledgement.mixin"
    _description = "Acknowledgement of an Evaluation Result (mixin)"

    ack_id = fields.Many2one("hr.bagalau.acknowledgement", compute="_compute_ack", string="Acknowledgement",
                             groups=HR_GROUP)
    ack_state = fields.Selection([("none", "Not Started"), *ACK_STATES], compute="_compute_ack",
                                 search="_search_ack_state", string="Acknowledgement Status")
    ack_due = fields.Date(compute="_compute_ack", string="Acknowledge By")
    ack_on = fields.Datetime(compute="_compute_ack", string="Acknowledged On")
    ack_user_id = fields.Many2one("res.users", compute="_compute_ack", string="Acknowledgement Recorded By")
    ack_method = fields.Selection(ACK_METHODS, compute="_compute_ack", string="Acknowledged How")
    ack_written_date = fields.Date(compute="_compute_ack", string="Signed On")
    ack_refusal_act_id = fields.Many2one("hr.bagalau.refusal.act", compute="_compute_ack", string="Refusal Act",
                                         groups=HR_GROUP)
    is_ack_overdue = fields.Boolean(compute="_compute_ack", search="_search_is_ack_overdue",
                                    string="Acknowledgement Overdue")
    can_acknowledge = fields.Boolean(compute="_compute_ack")
    can_record_ack = fields.Boolean(compute="_compute_ack")

    @api.depends_context("uid", "tz")
    def _compute_ack(self):
        acks = self._bagalau_acks()
        is_hr = self.env.user.has_group(HR_GROUP)
        today = fields.Date.context_today(self)
        for record in self:
            ack = acks.get(record._origin.id) or self.env["hr.bagalau.acknowledgement"].sudo()
            values = {
                "ack_state": ack.state or "none",
                "ack_due": ack.due_date,
                "ack_on": ack.acknowledged_on,
                "ack_user_id": ack.user_id,
                "ack_method": ack.method,
                "ack_written_date": ack.written_date,
                "is_ack_overdue": ack.state == "pending" and bool(ack.due_date) and ack.due_date < today,
                "can_acknowledge": ack.state == "pending" and bool(ack.employee_id)
                and ack.employee_id.user_id == self.env.user,
                "can_record_ack": is_hr and ack.state == "pending",
            }
            if is_hr:
                values.update(ack_id=ack, ack_refusal_act_id=ack.refusal_act_id)
            record.update(values)

    def _bagalau_acks(self):
        """``{document id: acknowledgement}`` as superuser: the document's own
        access rules already decided who sees it."""
        ids = [record_id for record_id in self._origin.ids if record_id]
        acks = self.env["hr.bagalau.acknowledgement"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", ids)]) if ids else []
        return {ack.res_id: ack for ack in acks}

    def _bagalau_ack(self):
        self.ensure_one()
        return self._bagalau_acks().get(self.id) or self.env["hr.bagalau.acknowledgement"].sudo()

    def _search_ack_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(_("Unsupported search on the acknowledgement."))
        states = set(value if isinstance(value, (list, tuple, set)) else [value])
        Ack = self.env["hr.bagalau.acknowledgement"].sudo()
        matching = Ack.search([("res_model", "=", self._name), ("state", "in", list(states - {"none", False}))])
        domain = [("id", "in", matching.mapped("res_id"))]
        if states & {"none", False}:
            started = Ack.search([("res_model", "=", self._name)]).mapped("res_id")
            domain = ["|", ("id", "not in", started), *domain]
        return domain if operator in ("=", "in") else ["!", *domain]

    def _search_is_ack_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Unsupported search on overdue acknowledgements."))
        overdue = self.env["hr.bagalau.acknowledgement"].sudo().search(
            [("res_model", "=", self._name), ("is_overdue", "=", True)])
        domain = [("id", "in", overdue.mapped("res_id"))]
        return domain if (operator == "=") == bool(value) else ["!", *domain]

    # --- hooks ---------------------------------------------------------------

    def _bagalau_ack_methodology(self):
        self.ensure_one()
        if "methodology_id" in self._fields:
            return self.methodology_id
        return self.campaign_id.methodology_id if "campaign_id" in self._fields else None

    def _bagalau_ack_hr_user(self):
        """Who collects the signed paper of an employee without a user: the HR
        officer acting now, else the one who launched the campaign."""
        self.ensure_one()
        if self.env.user.has_group(HR_GROUP):
            return self.env.user
        if "campaign_id" in self._fields:
            user = self.campaign_id.sudo().create_uid
            if user.active and user.has_group(HR_GROUP):
                return user
        return self.env["res.users"]

    def _bagalau_ack_employee_user(self):
        """The evaluated employee's user, when he has one that can open the document."""
        self.ensure_one()
        user = self.employee_id.sudo().user_id
        if user and self.with_user(user).has_access("read"):
            return user
        return self.env["res.users"]

    def _bagalau_check_ack_hr(self):
        if not self.env.su and not self.env.user.has_group(HR_GROUP):
            raise AccessError(_("Only HR records how an employee was acquainted with the result."))

    def _bagalau_ack_close_activities(self, feedback=None):
        self.sudo().activity_feedback([ACK_ACTIVITY], feedback=feedback)

    # --- steps ---------------------------------------------------------------

    def _bagalau_start_acknowledgement(self, final_date=None):
        """The result is final: HR acquaints the employee within the
        methodology's working days (seed 003 §40, seed 004 §12).

        The employee is told in the chatter and gets a to-do due on that day;
        one without a user is acquainted on paper: HR gets the to-do.
        Called once per document; a second call changes nothing."""
        Ack = self.env["hr.bagalau.acknowledgement"].sudo()
        final_date = final_date or fields.Date.context_today(self)
        acks = self._bagalau_acks()
        records = self.filtered(lambda record: record.id not in acks)
        # The due days first, each company's calendar built once (many
        # sheets completed at once), and the records in one create.
        due_of = {}
        with self.env["res.company"]._bagalau_calendar_memo():
            for record in records:
                methodology = record._bagalau_ack_methodology()
                days = methodology.acknowledgement_working_days if methodology else 0
                due_of[record.id] = record.company_id._bagalau_add_working_days(final_date, days)
        Ack.create([{
            "res_model": record._name, "res_id": record.id, "employee_id": record.employee_id.id,
            "company_id": record.company_id.id, "final_date": final_date, "due_date": due_of[record.id],
        } for record in records])
        # Who may open each record, asked before anything is posted: an access
        # check after each message would flush that message's work first.
        user_of = {record.id: record._bagalau_ack_employee_user() for record in records}
        hr_user_of = {}
        for record in records.filtered(lambda record: not user_of[record.id]):
            hr_user = record._bagalau_ack_hr_user()
            hr_user_of[record.id] = hr_user if hr_user and record.with_user(hr_user).has_access("read") \
                else hr_user.browse()
        for each in records:
            record = each.with_prefetch()
            due = due_of[record.id]
            user = user_of[record.id]
            # The message below tells the employee: no second notice for the to-do.
            thread = record.sudo().with_context(mail_activity_quick_update=True)
            if user:
                # Written for the employee: in his language, the date in its format.
                lang = user.partner_id.lang or self.env.lang or "en_US"
                env = self.with_context(lang=lang).env
                thread.message_subscribe(partner_ids=user.partner_id.ids)
                thread.message_post(
                    body=record._bagalau_with_notice(lang, env._(
                        "%(employee)s, your evaluation result is final. Read it and press “I have read it” by "
                        "%(date)s.", employee=record.employee_id.name, date=format_date(env, due, lang_code=lang))),
                    partner_ids=user.partner_id.ids, message_type="comment", subtype_xmlid="mail.mt_comment")
                thread.activity_schedule(ACK_ACTIVITY, date_deadline=due, user_id=user.id,
                                         summary=env._("Read your evaluation result"))
                continue
            thread.message_post(
                body=record._bagalau_with_notice(self.env.lang, _(
                    "The evaluation result of %(employee)s is final. %(employee)s has no Odoo user: HR acquaints "
                    "him on paper and records the signed sheet by %(date)s.",
                    employee=record.employee_id.name, date=format_date(self.env, due))),
                subtype_xmlid="mail.mt_note")
            hr_user = hr_user_of[record.id]
            if hr_user:
                hr_env = self.with_context(lang=hr_user.lang or self.env.lang or "en_US").env
                thread.activity_schedule(ACK_ACTIVITY, date_deadline=due, user_id=hr_user.id,
                                         summary=hr_env._("Collect the signed acknowledgement of %(employee)s",
                                                          employee=record.employee_id.name))
        return True

    def _bagalau_result_notice(self, lang):
        """Hook: what the employee is told of the result itself, in ``lang``,
        before the acquaintance request; nothing by default."""
        return ""

    def _bagalau_with_notice(self, lang, request):
        """The acquaintance ``request`` after the result's notice, in one message."""
        notice = self._bagalau_result_notice(lang)
        return f"{notice} {request}" if notice else request

    def _bagalau_pending_ack(self):
        ack = self._bagalau_ack()
        if not ack:
            raise UserError(_("The result of %(employee)s is not final yet: there is nothing to acknowledge.",
                              employee=self.employee_id.name))
        ack._bagalau_lock()
        if ack.state != "pending":
            raise UserError(_("The acquaintance of %(employee)s with this result is already recorded, by %(user)s "
                              "on %(date)s.", employee=self.employee_id.name, user=ack.user_id.name or "?",
                              date=format_datetime(self.env, ack.acknowledged_on) if ack.acknowledged_on else "?"))
        return ack

    def _bagalau_check_ack_date(self, ack, date, what):
        """A paper signed, or an act drawn up, between the day the result
        became final and today."""
        today = fields.Date.context_today(self)
        earliest = ack.final_date or today
        if not date or date < earliest or date > today:
            raise ValidationError(_("%(what)s of %(employee)s is dated %(date)s: it must lie between the day the "
                                    "result became final, %(final)s, and today.", what=what,
                                    employee=self.employee_id.name,
                                    date=format_date(self.env, date) if date else "—",
                                    final=format_date(self.env, earliest)))

    def action_acknowledge(self):
        """“I have read it”: the evaluated employee himself, in the chatter
        with the date and time (seed 003 §41)."""
        for record in self:
            if record.employee_id.sudo().user_id != self.env.user:
                raise AccessError(_("Only %(employee)s acknowledges his own evaluation result.",
                                    employee=record.employee_id.name))
            ack = record._bagalau_pending_ack()
            now = fields.Datetime.now()
            ack.write({"state": "acknowledged", "method": "chatter", "acknowledged_on": now,
                       "user_id": self.env.uid})
            record._bagalau_ack_close_activities()
            record.sudo().message_post(
                body=_("%(employee)s has read the evaluation result on %(datetime)s.",
                       employee=record.employee_id.name, datetime=format_datetime(self.env, now)),
                subtype_xmlid="mail.mt_note")
        return True

    def action_record_written_acknowledgement(self, signed_on, scan, scan_name=None):
        """HR records the result the employee signed on paper: the date and a
        scan (seed 003 §41 "в письменной форме"; DESIGN.md, "Users and delivery")."""
        self._bagalau_check_ack_hr()
        for record in self:
            ack = record._bagalau_pending_ack()
            if not signed_on or not scan:
                raise UserError(_("Give the day %(employee)s signed the result and attach the scan of the signed "
                                  "sheet.", employee=record.employee_id.name))
            try:
                signed_on = fields.Date.to_date(signed_on)
            except (TypeError, ValueError):
                signed_on = None
            record._bagalau_check_ack_date(ack, signed_on, _("The signed paper"))
            ack.write({"state": "acknowledged", "method": "written", "acknowledged_on": fields.Datetime.now(),
                       "user_id": self.env.uid, "written_date": signed_on, "scan": scan,
                       "scan_name": scan_name or _("Signed result.pdf")})
            record._bagalau_ack_close_activities()
            record.sudo().message_post(
                body=_("%(employee)s signed the evaluation result on paper on %(date)s; %(user)s recorded the "
                       "scan of the signed sheet.", employee=record.employee_id.name,
                       date=format_date(self.env, signed_on), user=self.env.user.name),
                subtype_xmlid="mail.mt_note")
        return True

    def action_record_refusal(self, witnesses=None, date=None, note=None, act=None):
        """The employee refuses: HR draws up the act with two or more
        witnesses; the result is delivered all the same (seed 003 §41, seed 002
        §41-42). Without an act or witnesses, opens a new act to fill in."""
        self._bagalau_check_ack_hr()
        if act is None and witnesses is None:
            self.ensure_one()
            ack = self._bagalau_pending_ack()
            return {
                "type": "ir.actions.act_window",
                "name": _("Refusal Act"),
                "res_model": "hr.bagalau.refusal.act",
                "view_mode": "form",
                "target": "new",
                "context": {"default_acknowledgement_id": ack.id},
            }
        for record in self:
            ack = record._bagalau_pending_ack()
            if act is None:
                date = date or fields.Date.context_today(self)
                act = self.env["hr.bagalau.refusal.act"].create({
                    "acknowledgement_id": ack.id, "date": date, "note": note,
                    "witness_ids": [(0, 0, {"employee_id": employee.id, "signed_on": date})
                                    for employee in witnesses],
                })
            elif act.acknowledgement_id != ack:
                raise UserError(_("This refusal act belongs to another result."))
            record._bagalau_check_ack_date(ack, act.date, _("The refusal act"))
            act._bagalau_check_text(act.note, _("Act"))
            act.sudo().state = "done"
            ack.write({"state": "refused", "method": "refusal", "acknowledged_on": fields.Datetime.now(),
                       "user_id": self.env.uid, "refusal_act_id": act.id})
            record._bagalau_ack_close_activities()
            user = record.employee_id.sudo().user_id
            record.sudo().message_post(
                body=_("%(employee)s refused to acknowledge the evaluation result. Act of %(date)s drawn up by "
                       "%(hr)s and signed by %(witnesses)s. The result is delivered to %(employee)s all the same.",
                       employee=record.employee_id.name, date=format_date(self.env, act.date),
                       hr=act.drawn_up_by_id.name, witnesses=", ".join(act.witness_ids.mapped("name"))),
                partner_ids=user.partner_id.ids, message_type="comment",
                subtype_xmlid="mail.mt_comment" if user else "mail.mt_note")
        return True

    def action_open_acknowledgement(self):
        """HR: the acknowledgement, to record the signed paper."""
        self.ensure_one()
        self._bagalau_check_ack_hr()
        ack = self._bagalau_ack()
        if not ack:
            raise UserError(_("The result of %(employee)s is not final yet: there is nothing to acknowledge.",
                              employee=self.employee_id.name))
        return {"type": "ir.actions.act_window", "res_model": "hr.bagalau.acknowledgement", "res_id": ack.id,
                "view_mode": "form"}


class HrBagalauKpiSheet(models.Model):
    _name = "hr.bagalau.kpi.sheet"
    _inherit = ["hr.bagalau.kpi.sheet", "hr.bagalau.acknowledgement.mixin"]

    def action_agree(self):
        """A 2023 quarterly sheet is final once agreed (seed 004 §12, §28):
        the acquaintance starts. The 2018 sheets become final with the
        commission's protocol (seed 003 §39-40)."""
        result = super().action_agree()
        self.filtered(lambda sheet: sheet.state == "agreed" and sheet.generation == "2023") \
            ._bagalau_start_acknowledgement()
        return result


class HrBagalauDifferentiationSheet(models.Model):
    _name = "hr.bagalau.differentiation.sheet"
    _inherit = ["hr.bagalau.differentiation.sheet", "hr.bagalau.acknowledgement.mixin"]

    def action_done(self):
        """A differentiation sheet is final when done (seed 004 §12, §31)."""
        result = super().action_done()
        self.filtered(lambda sheet: sheet.state == "done")._bagalau_start_acknowledgement()
        return result


class HrBagalauResult(models.Model):
    """The 2018 year result: its acquaintance is started by the commission's
    approved protocol (seed 003 §39-40)."""

    _name = "hr.bagalau.result"
    _inherit = ["hr.bagalau.result", "mail.activity.mixin", "hr.bagalau.acknowledgement.mixin"]
