from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date

HR_GROUP = "hr_bagalau.group_bagalau_hr_officer"
ACTIVITY_EVALUATE = "hr_bagalau.mail_activity_type_bagalau_evaluate"


class HrBagalauSurvey360(models.Model):
    """The feedback meeting on the 360 results (seed 004 §37: HR organises
    the feedback on the individual reports of Appendices 7-8; the direct
    manager holds it, as after a calibration, §43).

    Once HR publishes the results above the threshold, the direct manager
    gets a to-do; he or HR records the meeting: its day, who held it and the
    note on the person's development plan."""

    _inherit = "hr.bagalau.survey360"
    _bagalau_workflow_fields = frozenset({"state", "invited_on", "deadline", "published_on", "survey_id",
                                          "below_threshold", "feedback_date", "feedback_held_by_id",
                                          "feedback_note", "feedback_recorded_by_id"})

    manager_id = fields.Many2one("hr.employee", compute="_compute_manager", compute_sudo=True,
                                 string="Direct Manager")
    feedback_date = fields.Date("Feedback Meeting On", readonly=True, copy=False, tracking=True)
    feedback_held_by_id = fields.Many2one("hr.employee", string="Meeting Held By", readonly=True, copy=False,
                                          tracking=True)
    feedback_note = fields.Text("Development Plan", readonly=True, copy=False,
                                help="What the person and his manager agreed on at the meeting: the competencies "
                                "to develop and how.")
    feedback_recorded_by_id = fields.Many2one("res.users", string="Meeting Recorded By", readonly=True, copy=False)
    can_record_feedback = fields.Boolean(compute="_compute_can_record_feedback")

    @api.depends("employee_id.parent_id")
    def _compute_manager(self):
        for evaluation in self:
            evaluation.manager_id = evaluation.employee_id.parent_id

    @api.depends_context("uid")
    @api.depends("state", "below_threshold", "employee_id.parent_id.user_id")
    def _compute_can_record_feedback(self):
        for evaluation in self:
            evaluation.can_record_feedback = evaluation._bagalau_feedback_open() \
                and evaluation._bagalau_may_record_feedback()

    def _bagalau_feedback_open(self):
        self.ensure_one()
        return self.state == "done" and not self.below_threshold

    def _bagalau_may_record_feedback(self):
        """HR, or the person's direct manager."""
        self.ensure_one()
        user = self.env.user
        return user.has_group(HR_GROUP) or (bool(user) and self.employee_id.sudo().parent_id.user_id == user)

    def _bagalau_check_feedback_recorder(self):
        for evaluation in self:
            if not evaluation._bagalau_may_record_feedback():
                raise AccessError(_("Only HR or the direct manager of %(person)s records the 360 feedback meeting.",
                                    person=evaluation.employee_id.sudo().name))
            if not evaluation._bagalau_feedback_open():
                raise UserError(_("The feedback meeting follows the published 360 results of %(person)s: there "
                                  "are none yet.", person=evaluation.employee_id.sudo().name))

    # --- the manager's to-do --------------------------------------------------

    def action_publish(self):
        result = super().action_publish()
        self.filtered(lambda evaluation: evaluation._bagalau_feedback_open())._bagalau_schedule_feedback()
        return result

    def _bagalau_schedule_feedback(self):
        """A to-do for the direct manager, in his language, due the
        methodology's working days after publication; HR gets it when the
        manager has no user."""
        today = fields.Date.context_today(self)
        # The company's working calendar is built once per company, not per person.
        due_dates = {}
        for evaluation in self:
            days = evaluation.methodology_id.survey_360_feedback_working_days
            if (evaluation.company_id, days) not in due_dates:
                due_dates[evaluation.company_id, days] = evaluation.company_id._bagalau_add_working_days(today, days)
            due = due_dates[evaluation.company_id, days]
            user = evaluation.manager_id.user_id
            if not user or not evaluation.with_user(user).has_access("read"):
                user = self.env.user
            lang = user.lang or self.env.lang or "en_US"
            env = self.with_context(lang=lang).env
            evaluation.sudo().activity_schedule(
                ACTIVITY_EVALUATE, date_deadline=due, user_id=user.id,
                summary=env._("Hold the 360 feedback meeting with %(person)s",
                              person=evaluation.employee_id.sudo().name),
                note=env._("Go through the 360 results with %(person)s and agree on the development plan; then "
                           "record the meeting on the 360 evaluation.", person=evaluation.employee_id.sudo().name))

    # --- recording ------------------------------------------------------------

    def action_open_feedback_wizard(self):
        self.ensure_one()
        self._bagalau_check_feedback_recorder()
        return {
            "type": "ir.actions.act_window",
            "name": _("Feedback Meeting"),
            "res_model": "hr.bagalau.survey360.feedback.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_evaluation_id": self.id},
        }

    def _bagalau_record_feedback(self, date, held_by, note):
        """Record the meeting (as the workflow, once the recorder is checked)."""
        self._bagalau_check_feedback_recorder()
        self._bagalau_check_text(note, _("Development Plan"))
        today = fields.Date.context_today(self)
        for evaluation in self._bagalau_lock():
            evaluation._bagalau_check_feedback_recorder()
            published = fields.Date.context_today(self, evaluation.published_on)
            if not date or date < published or date > today:
                raise ValidationError(_(
                    "The feedback meeting is dated %(date)s: it lies between the publication of the 360 results, "
                    "%(published)s, and today.", date=format_date(self.env, date) if date else "—",
                    published=format_date(self.env, published)))
            if not held_by:
                raise ValidationError(_("Say who held the feedback meeting: the direct manager of %(person)s.",
                                        person=evaluation.employee_id.sudo().name))
            if held_by == evaluation.employee_id:
                raise ValidationError(_("%(person)s does not hold his own feedback meeting.",
                                        person=held_by.sudo().name))
            if held_by.sudo().company_id != evaluation.company_id:
                raise ValidationError(_("%(employee)s is not an employee of the agency of %(person)s.",
                                        employee=held_by.sudo().name, person=evaluation.employee_id.sudo().name))
            if not (note or "").strip():
                raise ValidationError(_("Write down the development plan agreed at the meeting."))
            evaluation.sudo().write({"feedback_date": date, "feedback_held_by_id": held_by.id,
                                     "feedback_note": note.strip(), "feedback_recorded_by_id": self.env.uid})
            evaluation.sudo().activity_feedback([ACTIVITY_EVALUATE])
            evaluation.sudo().message_post(
                body=_("%(user)s recorded the 360 feedback meeting of %(date)s held by %(manager)s with %(person)s.",
                       user=self.env.user.name, date=format_date(self.env, date), manager=held_by.sudo().name,
                       person=evaluation.employee_id.sudo().name),
                subtype_xmlid="mail.mt_note")
        return True
