from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..engine.errors import EngineError
from ..engine.kpi_2023 import validate_table


class HrBagalauMethodology(models.Model):
    """An agency's evaluation methodology: which building blocks are on and
    their parameters (DESIGN.md: "a methodology is data").

    The typical methodologies ship as presets read from engine/presets.py
    (hr_bagalau_methodology_preset.py loads them on install and update); an
    agency copies one into its own company and edits the copy.

    Every rule's parameter is a field here, declared with
    ``bagalau_parameter="<the seed paragraph>"``: the models read it from the
    methodology record and give it to the engine as an argument, never from
    the preset (tests/test_guards_static.py and test_methodology_parameters.py
    keep it so).
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
    note = fields.Text(
        translate=True, copy=False,
        help="What the user of this methodology must know, shown on top of its form.")
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
        bagalau_parameter="seed 003 §9, seed 004 §22",
    )
    kpi_count_min = fields.Integer("Minimum KPIs", default=3, tracking=True,
                                   bagalau_parameter="seed 003 §14, seed 004 §24")
    kpi_count_max = fields.Integer("Maximum KPIs", default=5, tracking=True,
                                   bagalau_parameter="seed 003 §14, seed 004 §24")
    min_tenure_months = fields.Integer(
        "Minimum Months in Position", default=1, tracking=True,
        help="Employees with less time in the position are not evaluated.",
        bagalau_parameter="seed 003 §4, seed 004 §6",
    )
    kpi_plan_due_working_days = fields.Integer("KPI Plan Due (working days)", default=10,
                                               bagalau_parameter="seed 003 §9, seed 004 §23")
    resubmission_working_days = fields.Integer("Resubmission (working days)", default=2,
                                               bagalau_parameter="seed 003 §12, §23")
    acknowledgement_working_days = fields.Integer("Acknowledgement (working days)", default=2,
                                                  bagalau_parameter="seed 003 §40, seed 004 §12")
    appeal_working_days = fields.Integer("Appeal (working days)", default=10, bagalau_parameter="seed 003 §42")
    commission_min_members = fields.Integer("Minimum Commission Members", default=5,
                                            bagalau_parameter="seed 003 §5")
    commission_notice_working_days = fields.Integer("Commission Notice (working days)", default=7,
                                                    bagalau_parameter="seed 003 §29")
    differentiation_min_score = fields.Integer("Lowest Score", default=0, bagalau_parameter="seed 004 §32")
    differentiation_max_score = fields.Integer("Highest Score", default=5, bagalau_parameter="seed 004 §32")
    quarter_deadline_day = fields.Integer(
        "Quarter Deadline Day", default=10, bagalau_parameter="seed 004 §5",
        help="Day of the month after the quarter by which the sheets of the quarter are done.",
    )
    calibration_apply_working_days = fields.Integer("Calibration Application (working days)", default=5,
                                                    bagalau_parameter="seed 004 §13")
    retention_years = fields.Integer("Retention (years)", default=3,
                                     bagalau_parameter="seed 003 §8, seed 004 §15")
    # --- who is evaluated (seed 003 §4, seed 004 §6-7) -------------------------
    exclude_probation = fields.Boolean(
        "Not During Probation", tracking=True, bagalau_parameter="seed 003 §4",
        help="Employees on probation at the end of the period are not evaluated.")
    evaluate_dismissed = fields.Boolean(
        "Evaluate the Dismissed", tracking=True, bagalau_parameter="seed 004 §7",
        help="Employees dismissed before the evaluation is held are evaluated without them.")
    absence_deferral_working_days = fields.Integer(
        "Absent: Evaluated Within (working days)", default=5, tracking=True,
        bagalau_parameter="seed 003 §4, seed 004 §6",
        help="An employee absent when the evaluation is held is evaluated within this many working days "
             "after returning.")
    absence_defers_differentiation = fields.Boolean(
        "Absence Defers the Differentiation Sheet", tracking=True, bagalau_parameter="seed 004 §6",
        help="Off: the differentiation sheet of an absent employee keeps the quarter's deadline.")
    # --- KPIs (seed 003 §9-24, seed 004 §22-28) ----------------------------------
    kpi_min_months_remaining = fields.Integer(
        "No KPIs With Less Than (months left)", tracking=True, bagalau_parameter="seed 004 §23",
        help="A head appointed with less than this many months to the end of the period gets no KPIs; "
             "0: every head gets them.")
    kpi_review_working_days = fields.Integer(
        "Superior Reviews a Plan Within (working days)", default=2, tracking=True,
        bagalau_parameter="seed 003 §12 (decision: the law gives no term)")
    kpi_sheet_due_working_days = fields.Integer(
        "Annual KPI Sheet Due (working days after the year)", default=10, tracking=True,
        bagalau_parameter="seed 003 §29 (HR's schedule; decision: the term of §9)")
    kpi_actuals_lead_working_days = fields.Integer(
        "HR Enters the Actuals (working days before the deadline)", default=5, tracking=True,
        bagalau_parameter="seed 004 §23")
    deadline_on_day_off = fields.Selection(
        [("previous", "The working day before"), ("next", "The working day after"), ("none", "It does not move")],
        string="A Deadline on a Day Off Moves To", default="previous", required=True, tracking=True,
        bagalau_parameter="seed 004 §5 (decision: the law is silent)")
    # --- competencies and commission, 2018 (seed 003 §25-39) ------------------
    competency_sheet_due_working_days = fields.Integer(
        "Competency Sheet Due (working days after the period)", default=10, tracking=True,
        bagalau_parameter="seed 003 §29 (HR's schedule; decision: the term of §9)")
    competency_max_indicators = fields.Integer(
        "Maximum Indicators per Competency", default=10, tracking=True, bagalau_parameter="seed 003 §26")
    competency_threshold_numerator = fields.Integer(
        "Competency Met From (numerator)", default=3, tracking=True, bagalau_parameter="seed 003 §27")
    competency_threshold_denominator = fields.Integer(
        "Competency Met From (denominator)", default=4, tracking=True, bagalau_parameter="seed 003 §27")
    commission_submission_working_days = fields.Integer(
        "Sheets to the Commission Within (working days)", default=2, tracking=True,
        bagalau_parameter="seed 003 §24, §28")
    commission_quorum_numerator = fields.Integer(
        "Quorum (numerator)", default=2, tracking=True, bagalau_parameter="seed 003 §30")
    commission_quorum_denominator = fields.Integer(
        "Quorum (denominator)", default=3, tracking=True, bagalau_parameter="seed 003 §30")
    refusal_witnesses = fields.Integer(
        "Witnesses of a Refusal", default=2, tracking=True, bagalau_parameter="seed 003 §41")
    # --- differentiation, 2023 and 2025 (seed 004 §29-33) ------------------------
    differentiation_applies_to = fields.Selection(
        [("staff", "Employees who are not heads"), ("all", "All evaluated employees")],
        string="Differentiation For", default="staff", required=True, tracking=True,
        bagalau_parameter="seed 004 §29; 2025: all")
    differentiation_delegation_staff_limit = fields.Integer(
        "Other Evaluators Above (employees in the unit)", default=50, tracking=True,
        bagalau_parameter="seed 004 §32",
        help="The head of a unit with more corps B employees than this may name other evaluators.")
    year_result_day = fields.Integer(
        "Year Result by (day of January)", tracking=True, bagalau_parameter="2025 orders",
        help="Day of January of the next year by which the year's result is formed; 0: no date.")
    # --- calibration, 2023 (seed 004 §38-43) -----------------------------------
    calibration_decision_working_days = fields.Integer(
        "Calibration Decision Within (working days)", default=3, tracking=True, bagalau_parameter="seed 004 §39")
    calibration_session_working_days = fields.Integer(
        "Calibration Session Within (working days)", default=10, tracking=True, bagalau_parameter="seed 004 §40")
    calibration_protocol_working_days = fields.Integer(
        "Calibration Protocol Posted Within (working days)", default=3, tracking=True,
        bagalau_parameter="seed 004 §42")
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
        ("year_result_day_range", "CHECK(year_result_day BETWEEN 0 AND 31)",
         "The day of January for the year result must be between 1 and 31, or 0 for none."),
        ("competency_threshold_fraction",
         "CHECK(competency_threshold_numerator > 0 AND competency_threshold_numerator "
         "<= competency_threshold_denominator)",
         "The share of indicators that meets a competency must be above 0 and at most 1."),
        ("commission_quorum_fraction",
         "CHECK(commission_quorum_numerator > 0 AND commission_quorum_numerator <= commission_quorum_denominator)",
         "The quorum must be above 0 and at most the whole commission."),
        ("refusal_witnesses_positive", "CHECK(refusal_witnesses >= 1)",
         "A refusal needs at least one witness."),
        ("retention_years_positive", "CHECK(retention_years >= 1)",
         "The documents of an evaluation are kept at least one year."),
    ]

    @api.model
    def _valid_field_parameter(self, field, name):
        # bagalau_parameter: the field is a rule's parameter, with its source.
        return name == "bagalau_parameter" or super()._valid_field_parameter(field, name)

    @api.constrains(lambda self: self._bagalau_parameter_fields())
    def _check_parameters_not_negative(self):
        """A term, a count or a bound below zero is a typing error, never a rule."""
        for methodology in self:
            for name in self._bagalau_parameter_fields():
                field = self._fields[name]
                if field.type == "integer" and methodology[name] < 0:
                    raise ValidationError(_("“%(parameter)s” cannot be negative.",
                                            parameter=field._description_string(self.env)))

    @api.model
    def _bagalau_parameter_fields(self):
        """The names of the fields that are a rule's parameter."""
        return [name for name, field in self._fields.items() if getattr(field, "bagalau_parameter", None)]

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
