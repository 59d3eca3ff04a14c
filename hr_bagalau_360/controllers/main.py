from odoo import http
from odoo.addons.survey.controllers.main import Survey
from odoo.http import request


class Survey360(Survey):
    """Survey's own pages show no 360 answer (seed 004 §34 "жасырын"): no
    results page, no printed answers; and a 360 questionnaire is answered
    only through its invitation, while the evaluation runs."""

    def _check_validity(self, survey_token, answer_token, ensure_token=True, check_partner=True):
        validity = super()._check_validity(survey_token, answer_token, ensure_token=ensure_token,
                                           check_partner=check_partner)
        survey_sudo, answer_sudo = self._fetch_from_access_token(survey_token, answer_token)
        if survey_sudo.survey_type != "bagalau_360":
            return validity
        if validity == "token_required":
            # Said plainly: only the invitation's own link opens a 360 questionnaire.
            return "token_wrong"
        if validity is not True:
            return validity
        if not (answer_sudo and answer_sudo.test_entry):
            if not answer_sudo or not answer_sudo.bagalau_360_id or answer_sudo.state == "done":
                return "token_wrong"
            if answer_sudo.bagalau_360_id.state != "running":
                return "answer_deadline"
        return True

    @http.route()
    def survey_report(self, survey, answer_token=None, **post):
        if survey.sudo().survey_type == "bagalau_360":
            return request.render("survey.survey_403_page", {"survey": survey.sudo()})
        return super().survey_report(survey, answer_token=answer_token, **post)

    @http.route()
    def survey_print(self, survey_token, review=False, answer_token=None, **post):
        survey_sudo, answer_sudo = self._fetch_from_access_token(survey_token, answer_token)
        if survey_sudo.survey_type == "bagalau_360" and answer_token and not answer_sudo.test_entry:
            return request.render("survey.survey_403_page", {"survey": survey_sudo})
        return super().survey_print(survey_token, review=review, answer_token=answer_token, **post)
