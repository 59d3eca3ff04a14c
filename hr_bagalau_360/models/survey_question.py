from odoo import fields, models


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    # seed 004 Appendices 5-6: one matrix question per competency.
    bagalau_competency_key = fields.Char("360 Competency", readonly=True, copy=False)


class SurveyQuestionAnswer(models.Model):
    _inherit = "survey.question.answer"

    # seed 004 Appendices 5-6: which of the five answers a column is; the
    # methodology gives its points.
    bagalau_answer_key = fields.Selection(
        [("not_shown", "Not shown"), ("rarely", "Rarely shown"), ("half", "Shown half of the time"),
         ("mostly", "Shown most of the time"), ("always", "Always shown")],
        string="360 Answer", readonly=True, copy=False,
    )
