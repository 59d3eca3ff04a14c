from odoo import fields, models


class HrBagalauCompetency(models.Model):
    """One of the 11 competencies of the 2018 methodology (seed 003 Appendix 3)."""

    _name = "hr.bagalau.competency"
    _description = "Competency"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    key = fields.Char(required=True)
    sequence = fields.Integer(default=10)


class HrBagalauCompetencyLevel(models.Model):
    """A level of position of a methodology: which categories it holds and
    the behavioural indicators of each competency for it (seed 003 Appendix 4)."""

    _name = "hr.bagalau.competency.level"
    _description = "Level of Position"
    _order = "methodology_id, sequence, id"

    methodology_id = fields.Many2one("hr.bagalau.methodology", required=True, ondelete="cascade", index=True)
    name = fields.Char(required=True, translate=True)
    key = fields.Char(required=True)
    sequence = fields.Integer(default=10)


class HrBagalauCompetencyLevelCategory(models.Model):
    _name = "hr.bagalau.competency.level.category"
    _description = "Category of a Level of Position"

    level_id = fields.Many2one("hr.bagalau.competency.level", required=True, ondelete="cascade", index=True)
    category_id = fields.Many2one("hr.bagalau.position.category", required=True)


class HrBagalauCompetencyIndicator(models.Model):
    _name = "hr.bagalau.competency.indicator"
    _description = "Behavioural Indicator"
    _order = "level_id, competency_id, kind, sequence, id"

    level_id = fields.Many2one("hr.bagalau.competency.level", required=True, ondelete="cascade", index=True)
    competency_id = fields.Many2one("hr.bagalau.competency", required=True, ondelete="cascade", index=True)
    kind = fields.Selection([("effective", "Effective"), ("ineffective", "Ineffective")], required=True)
    sequence = fields.Integer(default=10)
    name = fields.Text(required=True, translate=True)
