from odoo import api, fields, models

PLAN_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("returned", "Returned"),
    ("approved", "Approved"),
]


class HrBagalauKpiPlan(models.Model):
    """Individual work plan with the employee's KPIs for a year
    (Appendix 1 of seed 003 and of seed 004; seed 003 §9-15, seed 004 §22-26).

    Drafted by the direct manager, approved by the superior manager (or by
    the direct manager himself when he heads the body), returned with a
    reason when a KPI is not SMART.
    """

    _name = "hr.bagalau.kpi.plan"
    _description = "Individual Work Plan (KPI)"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, employee_id"
    _rec_name = "employee_id"

    campaign_id = fields.Many2one("hr.bagalau.campaign", required=True, index=True, ondelete="restrict",
                                  help="The campaign that created the plan.")
    methodology_id = fields.Many2one(related="campaign_id.methodology_id", store=True)
    generation = fields.Selection(related="methodology_id.generation")
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    year = fields.Integer(required=True, index=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict")
    department_id = fields.Many2one("hr.department", string="Department",
                                    help="The employee's unit when the plan was made.")
    job_title = fields.Char(string="Position")
    direct_manager_id = fields.Many2one("hr.employee", string="Direct Manager", tracking=True, index=True)
    superior_id = fields.Many2one("hr.employee", string="Superior Manager", tracking=True, index=True)
    state = fields.Selection(PLAN_STATES, default="draft", required=True, tracking=True, copy=False)
    line_ids = fields.One2many("hr.bagalau.kpi.plan.line", "plan_id", string="KPIs", copy=True)
    kpi_count = fields.Integer(compute="_compute_kpi_count", string="Number of KPIs")
    due_date = fields.Date(string="Due", tracking=True,
                           help="10 working days after the period starts or the employee is appointed.")
    return_reason = fields.Text(tracking=True, copy=False)
    resubmission_due = fields.Date(string="Resubmit By", tracking=True, copy=False)
    approved_by_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False)
    approved_on = fields.Datetime(string="Approved On", readonly=True, copy=False)
    monitoring_ids = fields.One2many("hr.bagalau.kpi.monitoring", "plan_id", string="Quarterly Monitoring")
    kpi_sheet_ids = fields.One2many("hr.bagalau.kpi.sheet", "plan_id", string="KPI Sheets")

    _sql_constraints = [
        ("employee_year_unique", "unique(employee_id, year, company_id)",
         "The employee already has an individual work plan for this year."),
    ]

    @api.depends("line_ids")
    def _compute_kpi_count(self):
        for plan in self:
            plan.kpi_count = len(plan.line_ids)

    @api.model
    def _bagalau_ensure_plan(self, campaign, employee):
        """The employee's plan for the campaign's year, made when missing."""
        plan = self.search([("employee_id", "=", employee.id), ("year", "=", campaign.year),
                            ("company_id", "=", campaign.company_id.id)], limit=1)
        if plan:
            return plan
        return self.create({
            "campaign_id": campaign.id,
            "year": campaign.year,
            "employee_id": employee.id,
            "department_id": employee.department_id.id,
            "job_title": employee.job_title,
            "direct_manager_id": employee.parent_id.id,
            "superior_id": employee.bagalau_superior_id.id,
        })


class HrBagalauKpiPlanLine(models.Model):
    """One KPI of an individual work plan (Appendix 1 columns)."""

    _name = "hr.bagalau.kpi.plan.line"
    _description = "KPI"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one("hr.bagalau.kpi.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="KPI", required=True)
    source_document = fields.Char(string="Source Planning Document", required=True,
                                  help="The state planning document or the corps A agreement the KPI comes from.")
    unit = fields.Char(string="Unit of Measure", required=True)
    planned_value = fields.Float(string="Planned Value", digits=(16, 2),
                                 help="2018: the year's planned value.")
    deadline = fields.Date(string="Deadline")
    planned_q1 = fields.Float(string="Planned Q1", digits=(16, 2))
    planned_q2 = fields.Float(string="Planned Q2", digits=(16, 2))
    planned_q3 = fields.Float(string="Planned Q3", digits=(16, 2))
    planned_q4 = fields.Float(string="Planned Q4", digits=(16, 2))
    deadline_q1 = fields.Date(string="Deadline Q1")
    deadline_q2 = fields.Date(string="Deadline Q2")
    deadline_q3 = fields.Date(string="Deadline Q3")
    deadline_q4 = fields.Date(string="Deadline Q4")
    expected_result = fields.Text(string="Expected Result",
                                  help="The positive change expected when the KPI is achieved.")

    def _planned_for(self, quarter=None):
        """Planned value of the year (2018) or of ``quarter`` (2023)."""
        self.ensure_one()
        return self[f"planned_q{quarter}"] if quarter else self.planned_value


class HrBagalauKpiMonitoring(models.Model):
    """The direct manager's quarterly monitoring of a plan with written
    recommendations (seed 003 §16)."""

    _name = "hr.bagalau.kpi.monitoring"
    _description = "Quarterly KPI Monitoring"
    _order = "plan_id, quarter"

    plan_id = fields.Many2one("hr.bagalau.kpi.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    employee_id = fields.Many2one(related="plan_id.employee_id", store=True)
    quarter = fields.Selection([("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")], required=True)
    date = fields.Date(default=fields.Date.context_today, required=True)
    author_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    recommendations = fields.Text(required=True)

    _sql_constraints = [
        ("plan_quarter_unique", "unique(plan_id, quarter)", "This quarter of the plan is already monitored."),
    ]
