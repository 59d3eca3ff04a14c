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

    @api.model
    def _bagalau_360_answer_rows(self, evaluations):
        """``{evaluation id: [(competency key, engine role, answer key, count)]}``:
        how many rows of the submitted answers of ``evaluations`` gave each
        answer to each competency, the self-assessment apart (seed 004 §36).
        One grouped read for any number of evaluations: the 360 of a large
        agency publishes in seconds, not one read per answer."""
        if not evaluations:
            return {}
        for model in ("survey.user_input", "survey.user_input.line", "survey.question", "survey.question.answer"):
            self.env[model].flush_model()
        self.env.cr.execute(SQL("""
            SELECT answer.bagalau_360_id, answer.bagalau_360_self, question.bagalau_competency_key,
                   choice.bagalau_answer_key, count(*)
              FROM survey_user_input_line line
              JOIN survey_user_input answer ON answer.id = line.user_input_id
              JOIN survey_question question ON question.id = line.question_id
              JOIN survey_question_answer choice ON choice.id = line.suggested_answer_id
             WHERE answer.bagalau_360_id IN %s AND answer.state = 'done' AND line.matrix_row_id IS NOT NULL
               AND question.bagalau_competency_key IS NOT NULL AND choice.bagalau_answer_key IS NOT NULL
             GROUP BY 1, 2, 3, 4
             ORDER BY 1, 2, 3, 4
        """, tuple(evaluations.ids)))
        rows = {}
        for evaluation_id, is_self, key, answer_key, count in self.env.cr.fetchall():
            rows.setdefault(evaluation_id, []).append((key, "self" if is_self else "peer", answer_key, count))
        return rows

    @api.ondelete(at_uninstall=False)
    def _unlink_except_bagalau_360(self):
        if not self.env.su and self.filtered("bagalau_360_id"):
            raise UserError(_("The answers to a 360 evaluation are kept with the evaluation."))
