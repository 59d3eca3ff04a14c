from odoo import fields, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    bagalau_authorised_id = fields.Many2one(
        "hr.employee",
        string="Authorised Person",
        groups="hr.group_hr_user",
        help="The official who appoints and dismisses the staff of this department "
        "(for the evaluation: names the commission, approves its protocol). "
        "Empty: the parent department's, else the company's.",
    )
