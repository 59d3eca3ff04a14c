from odoo import api, fields, models


class HrBagalauResult(models.Model):
    """An employee's evaluation result of a year: the quarters of 2023 and
    their average (seed 004 §5), or the 2018 annual grade; every track feeds it."""

    _name = "hr.bagalau.result"
    _description = "Annual Evaluation Result"
    _inherit = ["mail.thread"]
    _order = "year desc, employee_id"
    _rec_name = "employee_id"

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict")
    company_id = fields.Many2one("res.company", required=True, index=True)
    year = fields.Integer(required=True, index=True)
    methodology_id = fields.Many2one("hr.bagalau.methodology")
    q1_score = fields.Float(digits=(4, 2), string="Q1")
    q2_score = fields.Float(digits=(4, 2), string="Q2")
    q3_score = fields.Float(digits=(4, 2), string="Q3")
    q4_score = fields.Float(digits=(4, 2), string="Q4")
    year_score = fields.Float(digits=(4, 2), string="Year Score", tracking=True)
    result_key = fields.Char(string="Result Key", tracking=True)
    result_label = fields.Char(compute="_compute_result_label", string="Result")
    kpi_sheet_ids = fields.One2many("hr.bagalau.kpi.sheet", "result_id", string="KPI Sheets")

    _sql_constraints = [
        ("employee_year_unique", "unique(employee_id, year, company_id)",
         "The employee already has a result for this year."),
    ]

    @api.depends("result_key", "methodology_id.band_ids")
    @api.depends_context("lang")
    def _compute_result_label(self):
        for result in self:
            band = result.methodology_id._bagalau_band(result.result_key) if result.result_key else False
            result.result_label = band.label if band else False
