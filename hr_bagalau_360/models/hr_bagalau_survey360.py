import datetime
import random

import pytz

from odoo import _, api, fields, models
from odoo.addons.hr_bagalau.engine.errors import EngineError
from odoo.addons.hr_bagalau.engine.survey_360 import (
    check_respondent_count,
    competency_averages,
    weakest_competencies,
)
from odoo.addons.hr_bagalau.engine.workdays import month_after_year
from odoo.addons.hr_bagalau.models.bulk_insert import bulk_insert, bulk_insertable
from odoo.exceptions import UserError, ValidationError

OTHER_ROLES = ("manager", "subordinate", "peer")
# The stored columns of a result line that publishing fills in bulk: its
# own and the evaluation's (the related ones).
RESULT_COLUMNS = ("assignment_id", "company_id", "employee_id", "department_id", "year", "sequence",
                  "question_id", "average", "self_score", "is_weakest")


class HrBagalauSurvey360(models.Model):
    """The yearly 360 evaluation of one person (seed 004 §34-37): the
    respondents HR chose, their anonymous questionnaires, the results.

    The results are the average per competency over the respondents, the
    self-assessment left out (§36), with the self-assessment beside them; the
    weakest competencies are the person's training needs (§37). The 360
    feeds training only (§10): it never changes the annual result.
    """

    _name = "hr.bagalau.survey360"
    _description = "360 Evaluation"
    _inherit = ["mail.thread", "hr.bagalau.integrity.mixin"]
    _order = "year desc, department_id, employee_id"
    _bagalau_workflow_fields = frozenset({"state", "invited_on", "deadline", "published_on", "survey_id",
                                          "below_threshold"})
    # The 360 runs until the 10th of January (seed 004 §5), after a quarter's campaign may close.
    _bagalau_frozen_when_closed = False

    campaign_id = fields.Many2one("hr.bagalau.campaign", required=True, ondelete="cascade", index=True,
                                  readonly=True)
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    methodology_id = fields.Many2one(related="campaign_id.methodology_id")
    year = fields.Integer(related="campaign_id.year", store=True)
    employee_id = fields.Many2one("hr.employee", string="Evaluated Person", required=True, readonly=True,
                                  index=True)
    department_id = fields.Many2one("hr.department", related="employee_id.department_id", store=True,
                                    string="Department")
    audience = fields.Selection(related="survey_id.bagalau_360_audience", string="Form")
    survey_id = fields.Many2one("survey.survey", string="Questionnaire", required=True, readonly=True,
                                domain="[('survey_type', '=', 'bagalau_360')]")
    state = fields.Selection(
        [("draft", "Choosing Respondents"), ("running", "Answering"), ("done", "Results")],
        default="draft", required=True, tracking=True, copy=False, readonly=True,
    )
    deadline = fields.Date(readonly=True, tracking=True,
                           help="The questionnaires are answered by this day: the 10th of January after the year, "
                           "or the working day before it.")
    invited_on = fields.Datetime(readonly=True, copy=False)
    published_on = fields.Datetime("Results On", readonly=True, copy=False)
    respondent_ids = fields.One2many("hr.bagalau.survey360.respondent", "assignment_id", string="Respondents")
    # Counts only, for whoever reads the evaluation: never who answered what.
    respondent_count = fields.Integer(compute="_compute_progress", compute_sudo=True,
                                      string="Respondents (without self)")
    answered_count = fields.Integer(compute="_compute_progress", compute_sudo=True, string="Answered")
    self_answered = fields.Boolean(compute="_compute_progress", compute_sudo=True, string="Self-Assessment Done")
    progress = fields.Char(compute="_compute_progress", compute_sudo=True,
                           help="Respondents who answered, of those invited.")
    result_ids = fields.One2many("hr.bagalau.survey360.result", "assignment_id", string="Results")
    below_threshold = fields.Boolean(
        "Too Few Answers", readonly=True, copy=False,
        help="Fewer respondents answered than the methodology needs: the results stay hidden.")
    training_needs = fields.Text(compute="_compute_training_needs",
                                 help="The weakest competencies: themes for the person's training.")
    radar_data = fields.Json(compute="_compute_radar_data", string="Radar")

    _sql_constraints = [
        ("campaign_employee_unique", "unique(campaign_id, employee_id)",
         "A person has one 360 evaluation per campaign."),
    ]

    @api.depends("respondent_ids.state", "respondent_ids.role")
    def _compute_progress(self):
        for evaluation in self:
            others = evaluation.respondent_ids.filtered(lambda line: line.role != "self")
            evaluation.respondent_count = len(others)
            evaluation.answered_count = len(others.filtered(lambda line: line.state == "answered"))
            evaluation.self_answered = any(line.role == "self" and line.state == "answered"
                                           for line in evaluation.respondent_ids)
            evaluation.progress = _("%(answered)s of %(count)s", answered=evaluation.answered_count,
                                    count=evaluation.respondent_count)

    @api.depends("result_ids.is_weakest")
    def _compute_training_needs(self):
        for evaluation in self:
            weakest = evaluation.result_ids.filtered("is_weakest").sorted(lambda result: (result.average,
                                                                                          result.sequence))
            evaluation.training_needs = "\n".join(weakest.mapped("name")) or False

    @api.depends("result_ids.average", "result_ids.self_score")
    def _compute_radar_data(self):
        for evaluation in self:
            results = evaluation.result_ids.sorted("sequence")
            evaluation.radar_data = {
                "labels": [result.name for result in results],
                "datasets": [
                    {"label": _("Respondents' average"), "data": [result.average for result in results]},
                    {"label": _("Self-assessment"), "data": [result.self_score or None for result in results]},
                ],
                "max": evaluation.methodology_id.survey_360_score_always or 5,
            } if results else False

    def _compute_display_name(self):
        for evaluation in self:
            evaluation.display_name = _("360: %(person)s, %(year)s", person=evaluation.sudo().employee_id.name,
                                        year=evaluation.year)

    def _bagalau_campaigns(self):
        return self.campaign_id

    # --- respondents (seed 004 §36) -------------------------------------------

    def _bagalau_propose_respondents(self):
        """The direct manager, the subordinates, then the peers of the same
        unit under the same manager, up to the methodology's maximum; and the
        person himself for the self-assessment."""
        self.ensure_one()
        employee = self.employee_id.sudo()
        limit = self.methodology_id.survey_360_respondents_max
        Employee = self.env["hr.employee"].sudo()
        candidates = []
        if employee.parent_id:
            candidates.append((employee.parent_id, "manager"))
        candidates += [(sub, "subordinate") for sub in Employee.search([("parent_id", "=", employee.id)], order="id")]
        if employee.department_id:
            peers = Employee.search([("department_id", "=", employee.department_id.id), ("id", "!=", employee.id),
                                     ("parent_id", "=", employee.parent_id.id),
                                     ("bagalau_is_unit_head", "=", employee.bagalau_is_unit_head)], order="id")
            candidates += [(peer, "peer") for peer in peers]
        lines = [{"employee_id": employee.id, "role": "self"}]
        seen = {employee}
        for person, role in candidates:
            if person in seen or person.company_id != self.company_id or not person.user_id:
                continue
            seen.add(person)
            lines.append({"employee_id": person.id, "role": role})
            if len(lines) > limit:
                break
        self.env["hr.bagalau.survey360.respondent"].sudo().create(
            [dict(line, assignment_id=self.id) for line in lines])

    def _bagalau_check_respondents(self):
        """seed 004 §36: 3 to 7 respondents besides the person, of his agency."""
        self.ensure_one()
        methodology = self.methodology_id
        others = self.respondent_ids.filtered(lambda line: line.role != "self")
        try:
            check_respondent_count(len(others), methodology.survey_360_respondents_min,
                                   methodology.survey_360_respondents_max)
        except EngineError:
            raise ValidationError(_(
                "%(person)s has %(count)s respondents; the methodology “%(methodology)s” asks for %(min)s to "
                "%(max)s besides the self-assessment. Add or remove respondents.",
                person=self.employee_id.sudo().name, count=len(others), methodology=methodology.display_name,
                min=methodology.survey_360_respondents_min, max=methodology.survey_360_respondents_max)) from None
        for line in self.respondent_ids.sudo():
            if not line.employee_id.user_id:
                raise ValidationError(_("%(respondent)s has no user: he cannot answer the 360 questionnaire. "
                                        "Give him a user or choose another respondent.",
                                        respondent=line.employee_id.name))

    # --- invitations ------------------------------------------------------------

    def _bagalau_deadline(self):
        """The 10th of January after the year (seed 004 §5), on a day off the
        working day before it, as for the quarter deadlines."""
        self.ensure_one()
        methodology = self.methodology_id
        day = month_after_year(self.year, methodology.survey_360_deadline_day)
        calendar = self.company_id._bagalau_working_calendar(datetime.date(self.year, 12, 31))
        shift = methodology.deadline_on_day_off
        if shift == "next":
            return calendar.working_day_on_or_after(day)
        if shift == "none":
            return day
        return calendar.working_day_on_or_before(day)

    def _bagalau_deadline_datetime(self):
        """The end of the deadline day in the person's time zone, in UTC as Odoo stores it."""
        zone = pytz.timezone(self.employee_id.sudo().tz or self.env.user.tz or "Asia/Almaty")
        end = zone.localize(datetime.datetime.combine(self.deadline, datetime.time(23, 59, 59)))
        return end.astimezone(pytz.utc).replace(tzinfo=None)

    def action_invite(self):
        """Send the questionnaires through survey's own invitation (HR)."""
        self.check_access("write")
        for evaluation in self._bagalau_lock():
            if evaluation.state != "draft":
                raise UserError(_("The questionnaires of %(person)s are already sent.",
                                  person=evaluation.employee_id.sudo().name))
            evaluation._bagalau_check_respondents()
            evaluation.sudo()._bagalau_send_invitations()
            evaluation.message_post(body=_("%(user)s sent the 360 questionnaires: %(count)s respondents and the "
                                           "self-assessment, to be answered by %(deadline)s.",
                                           user=self.env.user.name, count=evaluation.respondent_count,
                                           deadline=fields.Date.to_string(evaluation.deadline)))
        return True

    def _bagalau_send_invitations(self):
        self.ensure_one()
        deadline = self._bagalau_deadline()
        if deadline < fields.Date.context_today(self):
            raise UserError(_("The 360 of %(year)s had to be answered by %(deadline)s: too late to invite.",
                              year=self.year, deadline=fields.Date.to_string(deadline)))
        now = fields.Datetime.now()
        self.write({"deadline": deadline, "invited_on": now, "state": "running"})
        lines = list(self.respondent_ids.filtered(lambda line: line.state == "proposed"))
        # Created in random order: the order of the answers does not follow the list of respondents.
        random.SystemRandom().shuffle(lines)
        answers = self.env["survey.user_input"]
        for line in lines:
            partner = line.employee_id.user_id.partner_id
            answer = self.survey_id._create_answer(
                partner=partner, check_attempts=False, deadline=self._bagalau_deadline_datetime(),
                bagalau_360_id=self.id, bagalau_360_self=line.role == "self",
            )
            line.write({"user_input_id": answer.id, "state": "invited"})
            answers |= answer
        self._bagalau_send(answers, "hr_bagalau_360.mail_template_360_invite")

    @api.model
    def _cron_remind(self):
        """Job runner: remind, once, the respondents who have not answered,
        from three working days before the deadline."""
        today = fields.Date.context_today(self)
        for evaluation in self.sudo().search([("state", "=", "running"), ("deadline", ">=", today)]):
            calendar = evaluation.company_id._bagalau_working_calendar(today, evaluation.deadline)
            if calendar.working_days_between(today, evaluation.deadline) \
                    > evaluation.methodology_id.survey_360_reminder_working_days:
                continue
            waiting = evaluation.respondent_ids.filtered(lambda line: line.state == "invited" and not line.reminded)
            if waiting:
                evaluation._bagalau_send(waiting.user_input_id, "hr_bagalau_360.mail_template_360_reminder")
                waiting.write({"reminded": True})

    def _bagalau_send(self, answers, template_xmlid):
        """Mail ``answers`` their questionnaire through survey's own invitation."""
        self.ensure_one()
        invite = self.env["survey.invite"].sudo().create({
            "survey_id": self.survey_id.id, "template_id": self.env.ref(template_xmlid).id,
            "deadline": self._bagalau_deadline_datetime(),
        })
        for answer in answers:
            invite._send_mail(answer)

    def _bagalau_check_answer_accepted(self, answer):
        """An answer counts only from an invited respondent, once, in time."""
        self.ensure_one()
        line = self.env["hr.bagalau.survey360.respondent"].sudo().search([("user_input_id", "=", answer.id)])
        if not line or line.state != "invited":
            raise UserError(_("Only the respondents invited to this 360 evaluation answer it, once each."))
        if self.state != "running":
            raise UserError(_("The 360 evaluation of %(person)s is closed: no more answers.",
                              person=self.employee_id.sudo().name))
        today = datetime.datetime.now(pytz.timezone(self.employee_id.sudo().tz or "Asia/Almaty")).date()
        if self.deadline and today > self.deadline:
            raise UserError(_("The 360 questionnaires had to be answered by %(deadline)s.",
                              deadline=fields.Date.to_string(self.deadline)))

    # --- results (seed 004 §36-37, Appendices 7-8) -------------------------------

    def action_publish(self):
        """Close the answering and publish the results (HR): no answer comes
        after, so no single answer can be read from a change of the averages."""
        self.check_access("write")
        evaluations = self._bagalau_lock()
        for evaluation in evaluations:
            if evaluation.state != "running":
                raise UserError(_("Only a 360 evaluation whose questionnaires are out can be closed."))
        evaluations.sudo()._bagalau_publish()
        for evaluation in evaluations:
            if evaluation.below_threshold:
                evaluation.message_post(body=_(
                    "%(user)s closed the 360: only %(count)s respondents answered, the methodology needs %(min)s. "
                    "The results stay hidden.", user=self.env.user.name, count=evaluation.answered_count,
                    min=evaluation.methodology_id.survey_360_min_answers))
            else:
                evaluation.message_post(body=_("%(user)s closed the 360 and published the results. They serve the "
                                               "person's training only; the annual result does not change.",
                                               user=self.env.user.name))
        return True

    def _bagalau_publish(self):
        """Results of these evaluations: the answers still awaited expire;
        below the methodology's minimum of answers nothing is shown. All the
        answers are read at once and the results created at once."""
        pending = self.respondent_ids.filtered(lambda line: line.state == "invited")
        pending_answers = pending.user_input_id
        pending.write({"state": "expired", "user_input_id": False})
        pending_answers.unlink()
        self.result_ids.unlink()
        now = fields.Datetime.now()
        below = self.filtered(lambda evaluation: evaluation.answered_count
                              < evaluation.methodology_id.survey_360_min_answers)
        above = self - below
        answers = self.env["survey.user_input"]._bagalau_360_answer_rows(above)
        points_of, questions_of, values = {}, {}, []
        for evaluation in above:
            methodology = evaluation.methodology_id
            if methodology not in points_of:
                points_of[methodology] = methodology._bagalau_360_points()
            if evaluation.survey_id not in questions_of:
                questions_of[evaluation.survey_id] = evaluation.survey_id.question_ids.filtered(
                    "bagalau_competency_key")
            points = points_of[methodology]
            rows = [(key, role, points[answer_key])
                    for key, role, answer_key, count in answers.get(evaluation.id, ()) for _index in range(count)]
            bounds = {"min_points": min(points.values()), "max_points": max(points.values())}
            averages = competency_averages(rows, **bounds)
            own = competency_averages(rows, exclude_roles=OTHER_ROLES, **bounds)
            weakest = weakest_competencies(averages, methodology.survey_360_weakest_count)
            values += [{
                "assignment_id": evaluation.id,
                "sequence": question.sequence,
                "question_id": question.id,
                "average": float(averages[question.bagalau_competency_key]),
                "self_score": float(own.get(question.bagalau_competency_key, 0)),
                "is_weakest": question.bagalau_competency_key in weakest,
            } for question in questions_of[evaluation.survey_id] if question.bagalau_competency_key in averages]
        self._bagalau_create_results(values)
        if below:
            below.write({"state": "done", "published_on": now, "below_threshold": True})
        if above:
            above.write({"state": "done", "published_on": now, "below_threshold": False})

    def _bagalau_create_results(self, values):
        """The result lines ``values`` of these evaluations (seed 004
        Appendices 7-8): 8,000 for 1,000 people, inserted in one statement
        with the evaluation's company, person, unit and year as their related
        columns would hold them (``bulk_insert``); by ``create`` when an addon
        added a column."""
        Result = self.env["hr.bagalau.survey360.result"].sudo()
        if not bulk_insertable(Result, RESULT_COLUMNS):
            Result.create(values)
            return
        self.flush_recordset()
        rows = []
        for vals in values:
            evaluation = self.browse(vals["assignment_id"])
            rows.append({**vals, "company_id": evaluation.company_id.id or None,
                         "employee_id": evaluation.employee_id.id or None,
                         "department_id": evaluation.department_id.id or None, "year": evaluation.year or None})
        bulk_insert(Result, {name: [row[name] for row in rows] for name in RESULT_COLUMNS})
        self.invalidate_recordset(["result_ids"])
