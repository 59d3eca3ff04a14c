from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..engine import presets

# Fields of the methodology that a preset of engine/presets.py sets, by the
# preset's key of the same name.
PRESET_FIELDS = (
    "generation",
    "period",
    "kpi_applies_to",
    "kpi_count_min",
    "kpi_count_max",
    "min_tenure_months",
    "kpi_plan_due_working_days",
    "resubmission_working_days",
    "acknowledgement_working_days",
    "appeal_working_days",
    "commission_min_members",
    "commission_notice_working_days",
    "differentiation_min_score",
    "differentiation_max_score",
    "quarter_deadline_day",
    "calibration_apply_working_days",
    "retention_years",
)
# Building blocks: preset key → field.
PRESET_BLOCKS = {
    "kpi_plan": "use_kpi_plan",
    "kpi_sheet": "use_kpi_sheet",
    "competency": "use_competency",
    "differentiation": "use_differentiation",
    "survey_360": "use_survey_360",
    "commission": "use_commission",
    "calibration": "use_calibration",
}


class HrBagalauMethodology(models.Model):
    """An agency's evaluation methodology: which building blocks are on and
    their parameters (DESIGN.md: "a methodology is data").

    The typical methodologies ship as presets read from engine/presets.py; an
    agency copies one into its own company and edits the copy.
    """

    _name = "hr.bagalau.methodology"
    _description = "Evaluation Methodology"
    _inherit = ["mail.thread"]
    _order = "is_preset desc, generation desc, name"

    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        help="Empty for the typical presets, which every agency may copy.",
    )
    preset_key = fields.Char(readonly=True, copy=False, index=True)
    is_preset = fields.Boolean(compute="_compute_is_preset", store=True)
    generation = fields.Selection(
        [("2018", "2018 typical methodology"), ("2023", "2023 typical methodology")],
        required=True,
        default="2023",
        tracking=True,
        help="The typical text the methodology follows: it decides the forms of the sheets.",
    )
    period = fields.Selection(
        [("year", "Year"), ("quarter", "Quarter")],
        string="Evaluation Period",
        required=True,
        default="quarter",
        tracking=True,
    )
    use_kpi_plan = fields.Boolean("KPI Plans", tracking=True)
    use_kpi_sheet = fields.Boolean("KPI Sheets", tracking=True)
    use_competency = fields.Boolean("Competency Sheets", tracking=True)
    use_differentiation = fields.Boolean("Differentiation Sheets", tracking=True)
    use_survey_360 = fields.Boolean("360 Survey", tracking=True)
    use_commission = fields.Boolean("Evaluation Commission", tracking=True)
    use_calibration = fields.Boolean("Calibration", tracking=True)
    kpi_applies_to = fields.Selection(
        [("all", "All evaluated employees"), ("heads", "Heads of units and bodies")],
        string="KPIs For",
        default="heads",
        tracking=True,
    )
    kpi_count_min = fields.Integer("Minimum KPIs", default=3, tracking=True)
    kpi_count_max = fields.Integer("Maximum KPIs", default=5, tracking=True)
    min_tenure_months = fields.Integer(
        "Minimum Months in Position", default=1, tracking=True,
        help="Employees with less time in the position are not evaluated.",
    )
    kpi_plan_due_working_days = fields.Integer("KPI Plan Due (working days)", default=10)
    resubmission_working_days = fields.Integer("Resubmission (working days)", default=2)
    acknowledgement_working_days = fields.Integer("Acknowledgement (working days)", default=2)
    appeal_working_days = fields.Integer("Appeal (working days)", default=10)
    commission_min_members = fields.Integer("Minimum Commission Members", default=5)
    commission_notice_working_days = fields.Integer("Commission Notice (working days)", default=7)
    differentiation_min_score = fields.Integer("Lowest Score", default=0)
    differentiation_max_score = fields.Integer("Highest Score", default=5)
    quarter_deadline_day = fields.Integer(
        "Quarter Deadline Day", default=10,
        help="Day of the month after the quarter by which the sheets of the quarter are done.",
    )
    calibration_apply_working_days = fields.Integer("Calibration Application (working days)", default=5)
    retention_years = fields.Integer("Retention (years)", default=3)

    _sql_constraints = [
        ("kpi_count_bounds", "CHECK(kpi_count_min >= 0 AND kpi_count_min <= kpi_count_max)",
         "The minimum number of KPIs cannot exceed the maximum."),
        ("differentiation_bounds", "CHECK(differentiation_min_score < differentiation_max_score)",
         "The lowest differentiation score must be below the highest."),
        ("quarter_deadline_day_range", "CHECK(quarter_deadline_day BETWEEN 1 AND 28)",
         "The quarter deadline day must be between 1 and 28."),
        ("preset_key_unique", "unique(preset_key)", "Each preset exists once."),
    ]

    @api.depends("preset_key")
    def _compute_is_preset(self):
        for methodology in self:
            methodology.is_preset = bool(methodology.preset_key)

    @api.model
    def _preset_values(self, key):
        """Field values of the engine's preset ``key``."""
        data = presets.preset(key)
        # None: the parameter is not in that generation's text (e.g. no
        # commission in 2023); the field keeps its default, unused.
        values = {field: data[field] for field in PRESET_FIELDS if data[field] is not None}
        values.update({field: bool(data["blocks"][block]) for block, field in PRESET_BLOCKS.items()})
        return values

    @api.model
    def _apply_presets(self):
        """Write the engine's parameters on the preset records (data file)."""
        for methodology in self.with_context(active_test=False).search([("preset_key", "!=", False)]):
            methodology.with_context(bagalau_preset_load=True).write(
                self._preset_values(methodology.preset_key)
            )

    def write(self, vals):
        if not self.env.context.get("bagalau_preset_load") and not self.env.is_superuser():
            locked = set(vals) - {"active"}
            if locked and self.filtered("is_preset"):
                raise UserError(
                    _("“%(name)s” is a typical methodology and stays as the law wrote it: "
                      "copy it into your own methodology and edit the copy.",
                      name=self.filtered("is_preset")[0].display_name)
                )
        return super().write(vals)

    def copy_data(self, default=None):
        default = dict(default or {})
        vals_list = super().copy_data(default=default)
        for methodology, vals in zip(self, vals_list, strict=True):
            if "name" not in default:
                vals["name"] = _("%s (copy)", methodology.name)
            if "company_id" not in default:
                vals["company_id"] = self.env.company.id
        return vals_list

    def action_copy_to_company(self):
        """Copy a preset into the current company's own methodology."""
        self.ensure_one()
        methodology = self.copy()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": methodology.id,
            "view_mode": "form",
            "target": "current",
        }
