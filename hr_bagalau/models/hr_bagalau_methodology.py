from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..engine import presets
from ..engine.errors import EngineError
from ..engine.kpi_2023 import validate_table

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
    _inherit = ["mail.thread", "hr.bagalau.integrity.mixin"]
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
    legal_reference = fields.Char(
        string="Approved By", translate=True, copy=False, tracking=True,
        help="The legal act that approved the methodology: its issuer, date and number.",
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
    band_ids = fields.One2many("hr.bagalau.methodology.band", "methodology_id", string="Results", copy=True)
    kpi_range_ids = fields.One2many(
        "hr.bagalau.methodology.kpi.range", "methodology_id", string="KPI Score Table", copy=True,
        help="Percent of a KPI achieved → the scores the evaluator may give (2023 Appendix 3).",
    )
    campaign_ids = fields.One2many("hr.bagalau.campaign", "methodology_id", string="Campaigns")
    campaign_count = fields.Integer(compute="_compute_campaign_count")
    is_used = fields.Boolean(compute="_compute_campaign_count", string="Used by a Campaign")

    _sql_constraints = [
        ("kpi_count_bounds", "CHECK(kpi_count_min >= 0 AND kpi_count_min <= kpi_count_max)",
         "The minimum number of KPIs cannot exceed the maximum."),
        ("differentiation_bounds", "CHECK(differentiation_min_score < differentiation_max_score)",
         "The lowest differentiation score must be below the highest."),
        ("quarter_deadline_day_range", "CHECK(quarter_deadline_day BETWEEN 1 AND 28)",
         "The quarter deadline day must be between 1 and 28."),
        ("preset_key_unique", "unique(preset_key)", "Each preset exists once."),
    ]

    def _compute_campaign_count(self):
        counts = dict(self.env["hr.bagalau.campaign"].sudo()._read_group(
            [("methodology_id", "in", self.ids)], ["methodology_id"], ["__count"]))
        for methodology in self:
            methodology.campaign_count = counts.get(methodology, 0)
            methodology.is_used = bool(methodology.campaign_count)

    @api.constrains("kpi_range_ids")
    def _check_kpi_ranges(self):
        for methodology in self.filtered("kpi_range_ids"):
            try:
                validate_table(methodology.kpi_range_ids._to_engine())
            except EngineError as error:
                raise ValidationError(_(
                    "The KPI score table of “%(name)s” is not valid at row %(row)s: each row must start "
                    "below the one above it, only the first may be open-ended, and a row's scores must "
                    "not decrease.", name=methodology.display_name, row=error.params.get("row"))) from error

    def _bagalau_engine_preset(self):
        """The engine's preset this methodology follows (its own, or its generation's)."""
        self.ensure_one()
        return presets.preset(self.preset_key or f"typical_{self.generation}")

    def _bagalau_kpi_table(self):
        """The engine's Appendix 3 table of this methodology."""
        self.ensure_one()
        return validate_table(self.kpi_range_ids._to_engine())

    def _bagalau_band(self, key):
        self.ensure_one()
        return self.band_ids.filtered(lambda band: band.key == key)[:1]

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
    def _preset_lines(self, key):
        """One2many commands of a preset's results and KPI score table."""
        data = presets.preset(key)
        bands = []
        if data["grades"]:  # seed 003 §18: grades by the number achieved
            thresholds = dict(data["kpi_grade_thresholds"], unsatisfactory=0)
            for sequence, (grade, labels) in enumerate(data["grades"].items()):
                bands.append({"sequence": sequence, "key": grade, "min_achieved": thresholds[grade],
                              "label_kk": labels["kk"], "label_ru": labels["ru"]})
        for sequence, band in enumerate(data["bands"] or []):  # seed 004 §8
            bands.append({"sequence": sequence, "key": band["key"], "score_low": float(band["low"]),
                          "score_high": float(band["high"]), "label_kk": band["label"]["kk"],
                          "label_ru": band["label"]["ru"]})
        ranges = [
            {"percent_from": float(row[0]), "percent_to": float(row[1]) if row[1] is not None else 0.0,
             "score_from": float(row[2]), "score_to": float(row[3])}
            for row in (data["kpi_table"] or [])
        ]
        return {
            "band_ids": [fields.Command.clear()] + [fields.Command.create(vals) for vals in bands],
            "kpi_range_ids": [fields.Command.clear()] + [fields.Command.create(vals) for vals in ranges],
        }

    @api.model
    def _apply_presets(self):
        """Write the engine's parameters on the preset records (data file)."""
        for methodology in self.with_context(active_test=False).search([("preset_key", "!=", False)]):
            # The presets are the law's: only this loader (superuser) writes them.
            methodology.sudo().write({
                **self._preset_values(methodology.preset_key),
                **self._preset_lines(methodology.preset_key),
            })

    def write(self, vals):
        if not self.env.su:
            locked = set(vals) - {"active"}
            if locked and self.filtered("is_preset"):
                raise UserError(
                    _("“%(name)s” is a typical methodology and stays as the law wrote it: "
                      "copy it into your own methodology and edit the copy.",
                      name=self.filtered("is_preset")[0].display_name)
                )
            if locked and self.filtered("is_used"):
                # Results already computed under it must stay explainable.
                raise UserError(
                    _("“%(name)s” is used by an evaluation campaign and cannot change: "
                      "make a new version of it and use that for the next campaigns.",
                      name=self.filtered("is_used")[0].display_name)
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

    def action_new_version(self):
        """A copy of a methodology in use, to change for the next campaigns."""
        self.ensure_one()
        methodology = self.copy({"name": _("%s (new version)", self.name), "company_id": self.company_id.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": methodology.id,
            "view_mode": "form",
            "target": "current",
        }

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
