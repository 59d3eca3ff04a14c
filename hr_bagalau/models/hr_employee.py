from odoo import fields, models


class HrEmployee(models.Model):
    """Corps B data of a civil servant (DESIGN.md, "Employee profile").

    The direct manager is Odoo's manager (parent_id).
    """

    _inherit = "hr.employee"

    bagalau_category_id = fields.Many2one(
        "hr.bagalau.position.category",
        string="Position Category",
        groups="hr.group_hr_user",
        tracking=True,
        help="Category of the register of civil-service positions, e.g. E-4.",
    )
    bagalau_is_unit_head = fields.Boolean(
        string="Head of a Structural Unit",
        groups="hr.group_hr_user",
        tracking=True,
        # seed 004 §22 (KPIs for heads), seed 003 Appendix 4 (indicator levels)
        help="Heads are evaluated on KPIs and sit on the unit-heads level of the "
        "competency indicators.",
    )
    bagalau_renders_public_services = fields.Boolean(
        string="Renders Public Services",
        groups="hr.group_hr_user",
        tracking=True,
        # seed 003 §28
        help="Without public services the two public-service competencies are not evaluated.",
    )
    bagalau_position_date = fields.Date(
        string="Appointed to the Position",
        groups="hr.group_hr_user",
        tracking=True,
        # seed 003 §4, seed 004 §6
        help="The methodology's minimum time in the position is counted from this date.",
    )
    bagalau_probation_end = fields.Date(
        string="Probation Ends",
        groups="hr.group_hr_user",
        tracking=True,
        # seed 003 §4
        help="Employees on probation are not evaluated.",
    )
