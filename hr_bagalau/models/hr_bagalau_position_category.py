from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..engine.categories import GROUPS, category_group, normalise_category_code, transliterate_category_text
from ..engine.errors import EngineError


class HrBagalauPositionCategory(models.Model):
    """A category of the register of civil-service positions (E-4, E-R-2…).

    Data, not code: the seeds' codes ship with the addon and an agency adds
    the codes it has. Codes are kept in Latin letters (engine.categories).
    """

    _name = "hr.bagalau.position.category"
    _description = "Position Category"
    _order = "group, sequence, code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, index=True, help="Code of the register, e.g. E-R-2.")
    name = fields.Char(string="Description", translate=True)
    group = fields.Selection(
        selection=[(group, group) for group in GROUPS],
        compute="_compute_group",
        store=True,
        help="Group of the register the code belongs to.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    employee_count = fields.Integer(compute="_compute_employee_count", string="Employees")

    _sql_constraints = [
        ("code_unique", "unique(code)", "A position category with this code already exists."),
    ]

    @api.depends("code")
    def _compute_group(self):
        for category in self:
            try:
                category.group = category_group(category.code) if category.code else False
            except EngineError:
                category.group = False

    def _compute_employee_count(self):
        counts = dict(
            self.env["hr.employee"]._read_group(
                [("bagalau_category_id", "in", self.ids)], ["bagalau_category_id"], ["__count"]
            )
        )
        for category in self:
            category.employee_count = counts.get(category, 0)

    @api.depends("code", "name")
    def _compute_display_name(self):
        for category in self:
            category.display_name = (
                f"{category.code} — {category.name}" if category.name else category.code or ""
            )

    @api.model
    def _search_display_name(self, operator, value):
        """A code typed in Cyrillic or with other digits finds its Latin code:
        «Е-4» finds E-4 (seed 003 Appendix 4 writes codes in Cyrillic)."""
        domain = super()._search_display_name(operator, value)
        if operator in ("ilike", "like", "=", "=ilike", "=like") and isinstance(value, str) and value.strip():
            code = transliterate_category_text(value)
            if code != value:
                domain = ["|", ("code", operator, code), *domain]
        return domain

    @api.model
    def _normalise_vals(self, vals):
        if "code" in vals:
            typed = vals["code"]
            try:
                vals["code"] = normalise_category_code(typed)
            except EngineError as error:
                raise ValidationError(
                    _(
                        "“%(code)s” is not a position category code of the register: "
                        "write it like E-4, E-R-2 or D-O-1.",
                        code=error.params.get("value"),
                    )
                ) from error
            taken = self.with_context(active_test=False).search(
                [("code", "=", vals["code"]), ("id", "not in", self.ids)], limit=1)
            if taken:
                raise ValidationError(_("The position category %(code)s already exists: “%(typed)s” is the same "
                                        "code.", code=taken.code, typed=typed))
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        # Normalised on entry and on import alike: both go through create.
        return super().create([self._normalise_vals(dict(vals)) for vals in vals_list])

    def write(self, vals):
        return super().write(self._normalise_vals(dict(vals)))

    @api.model
    def _search_by_code(self, code):
        """The category of ``code`` however it is typed (Cyrillic, spaces)."""
        try:
            code = normalise_category_code(code)
        except EngineError:
            return self.browse()
        return self.with_context(active_test=False).search([("code", "=", code)], limit=1)
