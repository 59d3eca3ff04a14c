from odoo import fields, models


class HrBagalauSurvey360Result(models.Model):
    """One line of the 360 result (seed 004 Appendices 7-8): a competency,
    the respondents' average and the self-assessment beside it."""

    _name = "hr.bagalau.survey360.result"
    _description = "360 Result per Competency"
    _order = "assignment_id, sequence, id"

    assignment_id = fields.Many2one("hr.bagalau.survey360", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="assignment_id.company_id", store=True)
    employee_id = fields.Many2one(related="assignment_id.employee_id", store=True, string="Person")
    department_id = fields.Many2one(related="assignment_id.department_id", store=True, string="Department")
    year = fields.Integer(related="assignment_id.year", store=True)
    sequence = fields.Integer()
    question_id = fields.Many2one("survey.question", required=True, ondelete="restrict")
    name = fields.Char(related="question_id.title", string="Competency")
    average = fields.Float("Average", digits=(4, 2), aggregator="avg",
                           help="Points over answers of the respondents, the self-assessment left out.")
    self_score = fields.Float("Self-Assessment", digits=(4, 2), aggregator="avg")
    is_weakest = fields.Boolean("Training Need")
