from odoo import api, fields, models


class HrBagalauSurvey360FeedbackWizard(models.TransientModel):
    """The direct manager or HR records the 360 feedback meeting (seed 004 §37)."""

    _name = "hr.bagalau.survey360.feedback.wizard"
    _description = "Record the 360 Feedback Meeting"

    evaluation_id = fields.Many2one("hr.bagalau.survey360", required=True, ondelete="cascade", readonly=True)
    employee_id = fields.Many2one(related="evaluation_id.employee_id", string="Evaluated Person")
    company_id = fields.Many2one(related="evaluation_id.company_id")
    date = fields.Date("Meeting On", required=True, default=fields.Date.context_today)
    held_by_id = fields.Many2one("hr.employee", string="Held By", required=True,
                                 compute="_compute_held_by_id", store=True, readonly=False, precompute=True,
                                 domain="[('company_id', '=', company_id)]")
    note = fields.Text("Development Plan", required=True,
                       help="The competencies to develop, as the 360 showed them, and how: training, seminars, "
                       "tasks.")

    @api.depends("evaluation_id")
    def _compute_held_by_id(self):
        for wizard in self:
            evaluation = wizard.evaluation_id
            wizard.held_by_id = evaluation.feedback_held_by_id or evaluation.manager_id

    def action_confirm(self):
        self.ensure_one()
        self.evaluation_id._bagalau_record_feedback(self.date, self.held_by_id, self.note)
        return {"type": "ir.actions.act_window_close"}
