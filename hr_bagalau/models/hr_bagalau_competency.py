import uuid

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# seed 003 Appendix 4: the "category" column names codes, and for E-3 and
# E-G-2 whether the position heads a structural unit or not.
UNIT_HEAD = [
    ("any", "Head of a unit or not"),
    ("yes", "Head of a structural unit"),
    ("no", "Not a head of a unit"),
]
# seed 003 Appendix 4: the two columns of behavioural indicators.
INDICATOR_KINDS = [("effective", "Effective behaviour"), ("ineffective", "Ineffective behaviour")]


class HrBagalauCompetency(models.Model):
    """One of the 11 competencies of the 2018 methodology (seed 003 Appendix 3)."""

    _name = "hr.bagalau.competency"
    _description = "Competency"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    key = fields.Char(required=True, help="Technical name, e.g. cooperation.")
    sequence = fields.Integer(default=10, help="Row of the competency on the evaluation sheet.")
    active = fields.Boolean(default=True)
    # seed 003 Appendix 3, footnote (*): servants whose duties include no
    # public services are not evaluated on these competencies.
    public_service = fields.Boolean(
        string="Public Services Only",
        help="Evaluated only for employees who render public services (Appendix 3, footnote).",
    )
    indicator_ids = fields.One2many("hr.bagalau.competency.indicator", "competency_id", string="Indicators")

    _sql_constraints = [
        ("key_unique", "unique(key)", "A competency with this technical name already exists."),
    ]


class HrBagalauCompetencyLevel(models.Model):
    """A level of position of a methodology: which categories it holds and
    the behavioural indicators of each competency for it (seed 003 Appendix 4)."""

    _name = "hr.bagalau.competency.level"
    _description = "Level of Position"
    _order = "methodology_id, sequence, id"

    methodology_id = fields.Many2one("hr.bagalau.methodology", required=True, ondelete="cascade", index=True)
    name = fields.Char(required=True, translate=True)
    key = fields.Char(required=True, default=lambda self: self._bagalau_new_key(), copy=True,
                      help="Technical name of the level, unique in its methodology.")
    sequence = fields.Integer(default=10)
    category_ids = fields.One2many("hr.bagalau.competency.level.category", "level_id", string="Categories",
                                   copy=True)
    indicator_ids = fields.One2many("hr.bagalau.competency.indicator", "level_id", string="Behavioural Indicators",
                                    copy=True)
    category_summary = fields.Char(compute="_compute_category_summary", string="Categories of Positions")
    indicator_count = fields.Integer(compute="_compute_indicator_count", string="Indicators")
    is_locked = fields.Boolean(compute="_compute_is_locked", string="Locked",
                               help="A typical preset, or a methodology used by a campaign: its levels stay.")

    _sql_constraints = [
        ("methodology_key_unique", "unique(methodology_id, key)",
         "Each level of a methodology has its own technical name."),
    ]

    @api.model
    def _bagalau_new_key(self):
        return f"level_{uuid.uuid4().hex[:8]}"

    @api.depends("category_ids.category_id", "category_ids.unit_head")
    def _compute_category_summary(self):
        for level in self:
            level.category_summary = ", ".join(line._bagalau_label() for line in level.category_ids)

    @api.depends("methodology_id.is_preset")
    def _compute_is_locked(self):
        for level in self:
            level.is_locked = level.methodology_id.is_preset or level.methodology_id.is_used

    @api.depends("indicator_ids")
    def _compute_indicator_count(self):
        for level in self:
            level.indicator_count = len(level.indicator_ids)

    def copy(self, default=None):
        # A level copied on its own stays in its methodology: it needs its own
        # key. (A methodology's copy takes its levels' keys along.)
        default = dict(default or {})
        if "key" not in default and "methodology_id" not in default:
            return self.browse().concat(*(level.copy(dict(default, key=self._bagalau_new_key())) for level in self))
        return super().copy(default)

    def _for_employee(self, employee):
        """The level, among ``self``, whose categories hold ``employee``'s
        position category and head-of-unit flag (seed 003 Appendix 4)."""
        employee = employee.sudo()
        category = employee.bagalau_category_id
        if not category:
            return self.browse()
        # _check_one_level_per_position: at most one line matches
        matching = self.category_ids.filtered(
            lambda line: line._bagalau_matches(category, employee.bagalau_is_unit_head))
        return matching[:1].level_id

    def _bagalau_effective_indicators(self, competency):
        """The indicators of ``competency`` the evaluator checks (seed 003 §26-27)."""
        self.ensure_one()
        return self.indicator_ids.filtered(
            lambda indicator: indicator.competency_id == competency and indicator.kind == "effective"
        ).sorted(lambda indicator: (indicator.sequence, indicator.id))

    # --- the typical levels stay as the law wrote them -----------------------

    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        self.env["hr.bagalau.methodology"].browse(
            [vals["methodology_id"] for vals in vals_list if vals.get("methodology_id")]
        )._bagalau_check_levels_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")
        self.methodology_id._bagalau_check_levels_editable()
        if vals.get("methodology_id"):
            self.env["hr.bagalau.methodology"].browse(vals["methodology_id"])._bagalau_check_levels_editable()
        return super().write(vals)

    def unlink(self):
        self.check_access("unlink")
        self.methodology_id._bagalau_check_levels_editable()
        return super().unlink()


class HrBagalauCompetencyLevelPart(models.AbstractModel):
    """What belongs to a level of position (its categories, its indicators)
    changes only where the level may: not in a preset, nor once a campaign
    uses the methodology."""

    _name = "hr.bagalau.competency.level.part"
    _description = "Part of a Level of Position"

    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        self.env["hr.bagalau.competency.level"].browse(
            [vals["level_id"] for vals in vals_list if vals.get("level_id")]
        ).methodology_id._bagalau_check_levels_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")
        self.methodology_id._bagalau_check_levels_editable()
        if vals.get("level_id"):
            self.env["hr.bagalau.competency.level"].browse(vals["level_id"]).methodology_id \
                ._bagalau_check_levels_editable()
        return super().write(vals)

    def unlink(self):
        self.check_access("unlink")
        self.methodology_id._bagalau_check_levels_editable()
        return super().unlink()


class HrBagalauCompetencyLevelCategory(models.Model):
    """A category of positions on a level, e.g. E-3 heads of a unit (seed 003 Appendix 4)."""

    _name = "hr.bagalau.competency.level.category"
    _inherit = ["hr.bagalau.competency.level.part"]
    _description = "Category of a Level of Position"
    _order = "level_id, id"

    level_id = fields.Many2one("hr.bagalau.competency.level", required=True, ondelete="cascade", index=True)
    methodology_id = fields.Many2one(related="level_id.methodology_id", store=True, index=True)
    category_id = fields.Many2one("hr.bagalau.position.category", required=True, ondelete="restrict")
    unit_head = fields.Selection(
        UNIT_HEAD, string="Heads of a Unit", required=True, default="any",
        help="Appendix 4 of the methodology puts E-3 and E-G-2 on the unit-heads level when the position heads a "
        "structural unit, on the staff level otherwise.",
    )

    def _bagalau_matches(self, category, is_unit_head):
        self.ensure_one()
        return self.category_id == category and (
            self.unit_head == "any" or (self.unit_head == "yes") == bool(is_unit_head))

    def _bagalau_overlaps(self, other):
        """Whether a position can match both lines."""
        self.ensure_one()
        return self.category_id == other.category_id and (
            "any" in (self.unit_head, other.unit_head) or self.unit_head == other.unit_head)

    def _bagalau_label(self):
        self.ensure_one()
        if self.unit_head == "any":
            return self.category_id.code
        flag = _("head of a unit") if self.unit_head == "yes" else _("not a head of a unit")
        return f"{self.category_id.code} ({flag})"

    @api.constrains("level_id", "category_id", "unit_head")
    def _check_one_level_per_position(self):
        """A position sits on one level of a methodology, or the sheet could not choose."""
        for line in self:
            others = line.methodology_id.competency_level_ids.category_ids.filtered(
                lambda other, line=line: other != line and other._bagalau_overlaps(line))
            if others:
                raise ValidationError(_(
                    "The category %(category)s is on the levels “%(level)s” and “%(other)s” of “%(methodology)s”: "
                    "a position belongs to one level (or name for each whether it heads a unit).",
                    category=line.category_id.code, level=line.level_id.name, other=others[0].level_id.name,
                    methodology=line.methodology_id.name))


class HrBagalauCompetencyIndicator(models.Model):
    """A behavioural indicator of a competency for a level of position
    (seed 003 §26, Appendix 4)."""

    _name = "hr.bagalau.competency.indicator"
    _inherit = ["hr.bagalau.competency.level.part"]
    _description = "Behavioural Indicator"
    _order = "level_id, competency_id, kind, sequence, id"

    level_id = fields.Many2one("hr.bagalau.competency.level", required=True, ondelete="cascade", index=True)
    methodology_id = fields.Many2one(related="level_id.methodology_id", store=True, index=True)
    competency_id = fields.Many2one("hr.bagalau.competency", required=True, ondelete="cascade", index=True)
    kind = fields.Selection(
        INDICATOR_KINDS, required=True, default="effective",
        help="Effective indicators are checked on the sheet (shown / not shown); the ineffective ones describe "
        "the opposite behaviour.",
    )
    sequence = fields.Integer(default=10)
    name = fields.Text(required=True, translate=True)

    @api.constrains("level_id", "competency_id", "kind")
    def _check_at_most_ten(self):
        """seed 003 §26: "не более десяти" indicators per competency (and kind)."""
        for indicator in self:
            maximum = indicator.methodology_id.competency_max_indicators
            count = self.search_count([("level_id", "=", indicator.level_id.id),
                                       ("competency_id", "=", indicator.competency_id.id),
                                       ("kind", "=", indicator.kind)])
            if count > maximum:
                raise ValidationError(_(
                    "“%(competency)s” has %(count)s %(kind)s indicators on the level “%(level)s”: at most "
                    "%(maximum)s are allowed.",
                    competency=indicator.competency_id.name, count=count,
                    kind=dict(self._fields["kind"]._description_selection(self.env))[indicator.kind].lower(),
                    level=indicator.level_id.name, maximum=maximum))


class HrBagalauMethodology(models.Model):
    _inherit = "hr.bagalau.methodology"

    competency_level_ids = fields.One2many(
        "hr.bagalau.competency.level", "methodology_id", string="Levels of Position", copy=True,
        help="Appendix 4 of the methodology: the behavioural indicators of each competency by category of positions.",
    )
    competency_level_count = fields.Integer(compute="_compute_competency_level_count", string="Levels")

    @api.depends("competency_level_ids")
    def _compute_competency_level_count(self):
        for methodology in self:
            methodology.competency_level_count = len(methodology.competency_level_ids)

    def _bagalau_competency_level(self, employee):
        """The level of position of ``employee`` in this methodology (seed 003 §26, Appendix 4)."""
        self.ensure_one()
        return self.competency_level_ids._for_employee(employee)

    def _bagalau_check_levels_editable(self):
        """The typical levels stay as the law wrote them and a methodology in
        use keeps its indicators, like its other parameters."""
        if self.env.su:
            return
        # Whether a campaign uses it is read now, not from a cache older than the last launch.
        self.invalidate_recordset(["campaign_count", "is_used"])
        for methodology in self:
            if methodology.is_preset:
                raise UserError(_(
                    "“%(name)s” is a typical methodology: its levels of position and indicators stay as the law "
                    "wrote them. Copy it into your own methodology and edit the copy.", name=methodology.name))
            if methodology.is_used:
                raise UserError(_(
                    "“%(name)s” is used by an evaluation campaign: its levels of position and indicators cannot "
                    "change. Make a new version of it for the next campaigns.", name=methodology.name))
