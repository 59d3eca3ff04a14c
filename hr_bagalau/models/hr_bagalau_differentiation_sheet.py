from odoo import fields, models


class HrBagalauDifferentiationSheet(models.Model):
    """Differentiation sheet of corps B staff who are not heads (seed 004 §29-33, Appendix 4)."""

    _name = "hr.bagalau.differentiation.sheet"
    _description = "Differentiation Sheet"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _rec_name = "employee_id"

    campaign_id = fields.Many2one("hr.bagalau.campaign", required=True, index=True, ondelete="restrict")
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict")
    evaluator_id = fields.Many2one("hr.employee", string="Evaluator", index=True)
    direct_manager_id = fields.Many2one("hr.employee", string="Head of Unit", index=True)
    superior_id = fields.Many2one("hr.employee", string="Superior Manager", index=True)
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft", required=True,
                             tracking=True, copy=False)
