from odoo import api, fields, models

SHEET_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("returned", "Returned"),
    ("agreed", "Agreed"),
]


class HrBagalauKpiSheet(models.Model):
    """KPI evaluation sheet (Appendix 2 of seed 003: annual, achieved or not;
    Appendix 2 of seed 004: quarterly, percent achieved and a score).

    Filled by the direct manager (the evaluator), agreed by the superior or
    returned for lack of evidence (seed 003 §19-23).
    """

    _name = "hr.bagalau.kpi.sheet"
    _description = "KPI Evaluation Sheet"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, quarter desc, employee_id"
    _rec_name = "employee_id"

    campaign_id = fields.Many2one("hr.bagalau.campaign", required=True, index=True, ondelete="restrict")
    methodology_id = fields.Many2one(related="campaign_id.methodology_id", store=True)
    generation = fields.Selection(related="methodology_id.generation")
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    year = fields.Integer(related="campaign_id.year", store=True)
    quarter = fields.Selection(related="campaign_id.quarter", store=True)
    plan_id = fields.Many2one("hr.bagalau.kpi.plan", required=True, ondelete="restrict", index=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict")
    department_id = fields.Many2one("hr.department", string="Department")
    direct_manager_id = fields.Many2one("hr.employee", string="Evaluator", tracking=True, index=True)
    superior_id = fields.Many2one("hr.employee", string="Superior Manager", tracking=True, index=True)
    state = fields.Selection(SHEET_STATES, default="draft", required=True, tracking=True, copy=False)
    line_ids = fields.One2many("hr.bagalau.kpi.sheet.line", "sheet_id", string="KPIs")
    due_date = fields.Date(string="Due", tracking=True)
    actuals_by_id = fields.Many2one("res.users", string="Actuals Pre-filled By", readonly=True, copy=False)
    actuals_on = fields.Datetime(string="Actuals Pre-filled On", readonly=True, copy=False)
    achieved_count = fields.Integer(compute="_compute_result", store=True, string="KPIs Achieved")
    score = fields.Float(compute="_compute_result", store=True, digits=(4, 2), tracking=True)
    result_key = fields.Char(compute="_compute_result", store=True, string="Result Key",
                             help="Grade (2018) or band (2023) key of the methodology.")
    result_label = fields.Char(compute="_compute_result_label", string="Result")
    return_reason = fields.Text(tracking=True, copy=False)
    resubmission_due = fields.Date(string="Resubmit By", tracking=True, copy=False)
    agreed_by_id = fields.Many2one("res.users", string="Agreed By", readonly=True, copy=False)
    agreed_on = fields.Datetime(string="Agreed On", readonly=True, copy=False)
    result_id = fields.Many2one("hr.bagalau.result", string="Annual Result", readonly=True, index=True)

    _sql_constraints = [
        ("campaign_employee_unique", "unique(campaign_id, employee_id)",
         "The employee already has a KPI sheet in this campaign."),
    ]

    @api.depends("line_ids.achieved", "line_ids.score", "methodology_id")
    def _compute_result(self):
        """Filled in by the sheet's workflow from the engine."""
        for sheet in self:
            sheet.achieved_count = len(sheet.line_ids.filtered("achieved"))
            sheet.score = 0.0
            sheet.result_key = False

    @api.depends("result_key", "methodology_id.band_ids")
    @api.depends_context("lang")
    def _compute_result_label(self):
        for sheet in self:
            band = sheet.methodology_id._bagalau_band(sheet.result_key) if sheet.result_key else False
            sheet.result_label = band.label if band else False

    @api.model
    def _bagalau_ensure_sheet(self, campaign, employee, plan, due_date=None):
        """The employee's sheet in the campaign, made when missing, one line per KPI of the plan."""
        sheet = self.search([("campaign_id", "=", campaign.id), ("employee_id", "=", employee.id)], limit=1)
        if sheet:
            return sheet
        return self.create({
            "campaign_id": campaign.id,
            "plan_id": plan.id,
            "employee_id": employee.id,
            "department_id": employee.department_id.id,
            "direct_manager_id": employee.parent_id.id,
            "superior_id": employee.bagalau_superior_id.id,
            "due_date": due_date,
        })


class HrBagalauKpiSheetLine(models.Model):
    """One KPI on a sheet: plan against actual."""

    _name = "hr.bagalau.kpi.sheet.line"
    _description = "KPI Evaluation"
    _order = "sheet_id, sequence, id"

    sheet_id = fields.Many2one("hr.bagalau.kpi.sheet", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="sheet_id.company_id", store=True)
    plan_line_id = fields.Many2one("hr.bagalau.kpi.plan.line", required=True, ondelete="restrict")
    sequence = fields.Integer(related="plan_line_id.sequence", store=True)
    name = fields.Char(related="plan_line_id.name")
    unit = fields.Char(related="plan_line_id.unit")
    planned_value = fields.Float(digits=(16, 2), readonly=True)
    actual_value = fields.Float(digits=(16, 2))
    achieved = fields.Boolean(help="2018: the KPI was achieved (seed 003 §18).")
    percent = fields.Float(digits=(6, 2), readonly=True, help="2023: percent of the planned value achieved.")
    score_low = fields.Float(digits=(4, 2), readonly=True, string="Lowest Allowed Score")
    score_high = fields.Float(digits=(4, 2), readonly=True, string="Highest Allowed Score")
    score = fields.Float(digits=(4, 2))
    evidence = fields.Text()
