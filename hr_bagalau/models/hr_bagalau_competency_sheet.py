from odoo import fields, models


class HrBagalauCompetencySheet(models.Model):
    """Competency evaluation sheet (seed 003 §25-28, Appendix 3)."""

    _name = "hr.bagalau.competency.sheet"
    _description = "Competency Evaluation Sheet"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _rec_name = "employee_id"

    campaign_id = fields.Many2one("hr.bagalau.campaign", required=True, index=True, ondelete="restrict")
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict")
    direct_manager_id = fields.Many2one("hr.employee", string="Direct Manager", index=True)
    superior_id = fields.Many2one("hr.employee", string="Superior Manager", index=True)
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed"), ("sent", "Sent to the Commission")],
        default="draft", required=True, tracking=True, copy=False,
    )


class HrBagalauCompetencySheetLine(models.Model):
    _name = "hr.bagalau.competency.sheet.line"
    _description = "Competency Evaluation"

    sheet_id = fields.Many2one("hr.bagalau.competency.sheet", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="sheet_id.company_id", store=True)


class HrBagalauCompetencySheetIndicator(models.Model):
    _name = "hr.bagalau.competency.sheet.indicator"
    _description = "Indicator Shown"

    line_id = fields.Many2one("hr.bagalau.competency.sheet.line", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="line_id.company_id", store=True)
