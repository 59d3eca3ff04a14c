from odoo import api, fields, models

ABSENCE_KINDS = [
    ("leave", "Leave"),
    ("sick", "Sick leave"),
    ("trip", "Business trip"),
    ("training", "Training or internship"),
    ("social", "Social leave"),
]


class HrEmployee(models.Model):
    """Corps B data of a civil servant (DESIGN.md, "Employee profile").

    The direct manager is Odoo's manager (parent_id); the superior manager is
    the manager's manager unless HR names another one.
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
    # seed 003 §4, seed 004 §6: absent servants are evaluated after they return.
    bagalau_absence_kind = fields.Selection(ABSENCE_KINDS, string="Absence", groups="hr.group_hr_user", tracking=True)
    bagalau_absence_from = fields.Date(string="Absent From", groups="hr.group_hr_user", tracking=True)
    bagalau_absence_to = fields.Date(
        string="Absent Until", groups="hr.group_hr_user", tracking=True,
        help="Last day of the absence: the evaluation is due within five working days after it.",
    )
    # seed 004 §7: dismissed servants are evaluated without them.
    bagalau_dismissal_date = fields.Date(string="Dismissed On", groups="hr.group_hr_user", tracking=True)
    bagalau_superior_id = fields.Many2one(
        "hr.employee",
        string="Superior Manager",
        compute="_compute_bagalau_superior_id",
        store=True,
        readonly=False,
        groups="hr.group_hr_user",
        tracking=True,
        help="Approves KPI plans and agrees KPI sheets: the manager's manager unless changed here.",
    )
    bagalau_authorised_id = fields.Many2one(
        "hr.employee",
        string="Authorised Person",
        compute="_compute_bagalau_authorised_id",
        groups="hr.group_hr_user",
        help="The official who appoints and dismisses this employee: set on the department, "
        "else on the company.",
    )

    @api.depends("parent_id.parent_id")
    def _compute_bagalau_superior_id(self):
        for employee in self:
            employee.bagalau_superior_id = employee.parent_id.parent_id

    @api.depends("department_id.bagalau_authorised_id", "company_id.bagalau_authorised_id")
    def _compute_bagalau_authorised_id(self):
        for employee in self:
            department = employee.department_id
            authorised = self.env["hr.employee"]
            while department and not authorised:
                authorised = department.bagalau_authorised_id
                department = department.parent_id
            employee.bagalau_authorised_id = authorised or employee.company_id.bagalau_authorised_id

    def _bagalau_is_head_of_body(self):
        """The head of the body: the authorised person, or an employee with no
        manager (seed 003 §15: when the direct manager heads the body, he
        approves himself)."""
        self.ensure_one()
        return self == self.sudo().bagalau_authorised_id or not self.parent_id
