import uuid

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class SurveyUserInput(models.Model):
    """A 360 answer keeps the evaluation it is about and whether it is the
    self-assessment (seed 004 §36), never who gave it once it is given."""

    _inherit = "survey.user_input"

    bagalau_360_id = fields.Many2one("hr.bagalau.survey360", string="360 Evaluation", readonly=True, index=True,
                                     ondelete="cascade")
    bagalau_360_self = fields.Boolean("Self-Assessment", readonly=True)

    def _mark_done(self):
        for answer in self.filtered("bagalau_360_id"):
            answer.bagalau_360_id._bagalau_check_answer_accepted(answer)
        result = super()._mark_done()
        self.filtered("bagalau_360_id")._bagalau_360_detach()
        return result

    def _notify_new_participation_subscribers(self):
        # The followers of a 360 questionnaire are not told who just answered.
        return super(SurveyUserInput, self.filtered(lambda answer: not answer.bagalau_360_id))\
            ._notify_new_participation_subscribers()

    def _bagalau_360_detach(self):
        """Cut every link from the respondent to his submitted answer (seed 004
        §34 "жасырын"): the invitation keeps only "answered"; the answer loses
        its partner, e-mail, name, tokens and times; its rows and the
        invitations of the evaluation all carry the evaluation's own date and
        the superuser as author, so that neither order nor time tells them apart."""
        answers_sudo = self.sudo()
        Respondent = self.env["hr.bagalau.survey360.respondent"].sudo()
        for answer in answers_sudo:
            Respondent.search([("user_input_id", "=", answer.id)])._bagalau_mark_answered()
            answer.write({
                "partner_id": False, "email": False, "nickname": False, "invite_token": False,
                "access_token": str(uuid.uuid4()), "start_datetime": False, "end_datetime": False,
                "deadline": False, "last_displayed_page_id": False,
            })
            answer.message_unsubscribe(answer.message_partner_ids.ids)
            self.env["mail.message"].sudo().search([("model", "=", answer._name), ("res_id", "=", answer.id)]).unlink()
        self.env.flush_all()
        for evaluation in answers_sudo.bagalau_360_id:
            stamp = evaluation.invited_on or evaluation.create_date
            answers = answers_sudo.filtered(lambda a, evaluation=evaluation: a.bagalau_360_id == evaluation)
            self.env.cr.execute(SQL(
                "UPDATE survey_user_input SET create_date = %s, write_date = %s, create_uid = %s, write_uid = %s "
                "WHERE id IN %s", stamp, stamp, SUPERUSER_ID, SUPERUSER_ID, tuple(answers.ids)))
            self.env.cr.execute(SQL(
                "UPDATE survey_user_input_line SET create_date = %s, write_date = %s, create_uid = %s, "
                "write_uid = %s WHERE user_input_id IN %s", stamp, stamp, SUPERUSER_ID, SUPERUSER_ID,
                tuple(answers.ids)))
            self.env.cr.execute(SQL(
                "UPDATE hr_bagalau_survey360_respondent SET write_date = %s, write_uid = %s "
                "WHERE assignment_id = %s", stamp, SUPERUSER_ID, evaluation.id))
        self.invalidate_model(["create_date", "write_date", "create_uid", "write_uid"])
        self.env["survey.user_input.line"].invalidate_model(["create_date", "write_date", "create_uid", "write_uid"])
        Respondent.invalidate_model(["write_date", "write_uid"])

    def _bagalau_360_points(self, methodology):
        """(competency key, engine role, points) of every answered row."""
        points = methodology._bagalau_360_points()
        role = "self" if self.bagalau_360_self else "peer"
        rows = []
        for line in self.sudo().user_input_line_ids:
            key = line.question_id.bagalau_competency_key
            answer_key = line.suggested_answer_id.bagalau_answer_key
            if key and answer_key and line.matrix_row_id:
                rows.append((key, role, points[answer_key]))
        return rows

    @api.ondelete(at_uninstall=False)
    def _unlink_except_bagalau_360(self):
        if not self.env.su and self.filtered("bagalau_360_id"):
            raise UserError(_("The answers to a 360 evaluation are kept with the evaluation."))
