from odoo import api, fields, models


class SurveySurvey(models.Model):
    """The 360 questionnaire is a survey of its own type (seed 004 §34–37),
    as hr_recruitment_survey adds its 'recruitment' type."""

    _inherit = "survey.survey"

    survey_type = fields.Selection(
        selection_add=[("bagalau_360", "360 Evaluation")],
        ondelete={"bagalau_360": "set default"},
    )

    @api.depends("survey_type")
    @api.depends_context("uid")
    def _compute_allowed_survey_types(self):
        super()._compute_allowed_survey_types()
        if self.env.user.has_group("hr_bagalau.group_bagalau_hr_officer"):
            self.allowed_survey_types = (self.allowed_survey_types or []) + ["bagalau_360"]
