from odoo import fields, models


class HrBagalauWorkday(models.Model):
    """A weekend day the government made a working day (a decreed transfer).

    The weekday given off in exchange is a public-holiday leave of the working
    calendar; this is the other half, which Odoo's calendars cannot say.
    """

    _name = "hr.bagalau.workday"
    _description = "Decreed Working Day"
    _order = "date desc"

    date = fields.Date(required=True, index=True)
    name = fields.Char(string="Decree", required=True, translate=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    _sql_constraints = [
        ("date_company_unique", "unique(date, company_id)", "This day is already a decreed working day."),
    ]
