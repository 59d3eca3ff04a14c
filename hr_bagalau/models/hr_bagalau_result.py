import datetime
from decimal import Decimal

import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..engine.bands import band_2023, year_result
from ..engine.errors import EngineError
from ..engine.workdays import quarter_deadline
from .hr_bagalau_engine_messages import engine_error_message

QUARTERS = ("1", "2", "3", "4")


class HrBagalauResult(models.Model):
    """An employee's evaluation result of a year: the quarters of 2023 and
    their average (seed 004 §5), or the 2018 annual grade (seed 003 §18);
    every track feeds it.

    A track that evaluates a quarter calls :meth:`_bagalau_set_quarter`; the
    year is then recomputed from the quarters evaluated so far by
    :meth:`_bagalau_update_from_quarters`.
    """

    _name = "hr.bagalau.result"
    _description = "Annual Evaluation Result"
    _inherit = ["mail.thread", "hr.bagalau.band.mixin", "hr.bagalau.integrity.mixin"]
    _order = "year desc, employee_id"
    _rec_name = "employee_id"
    # A result is written by its sheets, the commission's protocol and the
    # revision paths (appeal, calibration), never by hand: nothing to write.
    _bagalau_hand_fields = frozenset()
    # The revision paths change it after its campaign closed.
    _bagalau_frozen_when_closed = False

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict")
    department_id = fields.Many2one(related="employee_id.department_id", store=True, string="Department")
    company_id = fields.Many2one("res.company", required=True, index=True)
    year = fields.Integer(required=True, index=True)
    methodology_id = fields.Many2one("hr.bagalau.methodology")
    generation = fields.Selection(related="methodology_id.generation")
    q1_score = fields.Float(digits=(4, 2), string="Q1", tracking=True)
    q2_score = fields.Float(digits=(4, 2), string="Q2", tracking=True)
    q3_score = fields.Float(digits=(4, 2), string="Q3", tracking=True)
    q4_score = fields.Float(digits=(4, 2), string="Q4", tracking=True)
    # A quarter not evaluated (less than a month in the position, seed 004 §6;
    # appointed or dismissed during the year) is left out of the average; it
    # does not count as 0 (seed 004 §5 "есепті тоқсандардағы орташа бағасы").
    q1_evaluated = fields.Boolean(string="Q1 Evaluated")
    q2_evaluated = fields.Boolean(string="Q2 Evaluated")
    q3_evaluated = fields.Boolean(string="Q3 Evaluated")
    q4_evaluated = fields.Boolean(string="Q4 Evaluated")
    quarter_count = fields.Integer(compute="_compute_quarter_count", string="Quarters Evaluated")
    year_score = fields.Float(digits=(4, 2), string="Year Score", tracking=True)
    year_due_date = fields.Date(
        compute="_compute_year_due_date", store=True, string="Year Result Due",
        help="The day of January by which the methodology forms the year's result from the quarters.")
    # Not tracked: its value is a technical key ("excellent"); the chatter
    # tells the result in words (acknowledgement) and revisions keep its history.
    result_key = fields.Char(string="Result Key", index=True)
    kpi_sheet_ids = fields.One2many("hr.bagalau.kpi.sheet", "result_id", string="KPI Sheets")
    kpi_sheet_count = fields.Integer(compute="_compute_kpi_sheet_count", string="KPI Sheets Count")

    _sql_constraints = [
        ("employee_year_unique", "unique(employee_id, year, company_id)",
         "The employee already has a result for this year."),
    ]


    def _bagalau_campaigns(self):
        """A year result belongs to the campaigns of its company and year."""
        Campaign = self.env["hr.bagalau.campaign"].sudo().with_context(active_test=False)
        return Campaign.search([("company_id", "in", self.company_id.ids), ("year", "in", self.mapped("year"))])

    @api.constrains("employee_id", "company_id")
    def _check_employee_company(self):
        for result in self:
            if result.employee_id.company_id and result.employee_id.company_id != result.company_id:
                raise ValidationError(_("%(employee)s is an employee of %(employee_company)s, not of "
                                        "%(company)s: the result belongs to his own body.",
                                        employee=result.employee_id.name,
                                        employee_company=result.employee_id.company_id.name,
                                        company=result.company_id.name))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(_("An evaluation result is made by the evaluation itself (its sheets and the "
                                "commission), not by hand."))
        return super().create(vals_list)

    @api.depends("year", "company_id", "methodology_id.year_result_day", "methodology_id.deadline_on_day_off")
    def _compute_year_due_date(self):
        """The 2025 orders: the year's result is formed by 30 January of the next
        year (the methodology's year_result_day; none in 2018 and 2023)."""
        for result in self:
            methodology = result.methodology_id
            if not methodology.year_result_day or not result.year:
                result.year_due_date = False
                continue
            january = datetime.date(result.year + 1, 1, 1)
            result.year_due_date = quarter_deadline(
                result.year, 4, day=methodology.year_result_day, shift=methodology.deadline_on_day_off,
                calendar=result.company_id._bagalau_working_calendar(january))

    @api.depends("q1_evaluated", "q2_evaluated", "q3_evaluated", "q4_evaluated")
    def _compute_quarter_count(self):
        for result in self:
            result.quarter_count = len(result._bagalau_quarter_scores())

    @api.depends("kpi_sheet_ids")
    def _compute_kpi_sheet_count(self):
        for result in self:
            result.kpi_sheet_count = len(result.kpi_sheet_ids)

    # --- feeding the result ------------------------------------------------

    @api.model
    def _bagalau_get_or_create(self, employee, year, company, methodology):
        """The employee's result of ``year`` in ``company``, made when missing
        (one per employee, year and company)."""
        return self._bagalau_get_or_create_many([(employee, year, company, methodology)])[
            employee.id, year, company.id]

    @api.model
    def _bagalau_get_or_create_many(self, keys):
        """The results of ``keys`` — ``(employee, year, company,
        methodology)`` — the missing ones made in one create (a batch of
        sheets completed together); ``{(employee id, year, company id):
        result}``."""
        found = {}
        existing = self.search([("employee_id", "in", list({employee.id for employee, *_rest in keys})),
                                ("year", "in", list({year for _employee, year, *_rest in keys})),
                                ("company_id", "in", list({company.id for *_rest, company, _m in keys}))], order="id")
        for result in existing:
            found.setdefault((result.employee_id.id, result.year, result.company_id.id), result)
        missing = {}
        for employee, year, company, methodology in keys:
            key = (employee.id, year, company.id)
            if key not in found and key not in missing:
                missing[key] = {"employee_id": employee.id, "year": year, "company_id": company.id,
                                "methodology_id": methodology.id, "name": employee}
        if missing:
            try:
                with self.env.cr.savepoint():
                    created = self.create([{name: value for name, value in vals.items() if name != "name"}
                                           for vals in missing.values()])
            except psycopg2.errors.UniqueViolation:
                # Another transaction made one at this very moment: its
                # snapshot is not ours, so the step is repeated rather than guessed.
                employee, year = next(iter((vals["name"], vals["year"]) for vals in missing.values()))
                raise UserError(_("The %(year)s result of %(employee)s was being recorded by someone else at this "
                                  "very moment. Reload the page and repeat the step.",
                                  year=year, employee=employee.name)) from None
            found.update(zip(missing, created, strict=True))
        return found

    def _bagalau_set_quarter(self, quarter, score):
        """Record the result of ``quarter`` ('1'..'4') and recompute the year."""
        self.ensure_one()
        quarter = str(quarter)
        self.write({f"q{quarter}_score": score, f"q{quarter}_evaluated": True})
        self._bagalau_update_from_quarters()

    def _bagalau_set_grade(self, result_key):
        """Record the annual grade of a methodology without quarters (seed 003 §18)."""
        self.ensure_one()
        self.write({"result_key": result_key, "year_score": 0.0})

    def _bagalau_quarter_scores(self):
        """``{quarter: score}`` of the quarters evaluated so far."""
        self.ensure_one()
        return {int(quarter): self[f"q{quarter}_score"] for quarter in QUARTERS if self[f"q{quarter}_evaluated"]}

    def _bagalau_update_from_quarters(self):
        """Year score = average of the quarters evaluated so far (seed 004 §5),
        and its band (seed 004 §8). Other tracks (differentiation) reuse it
        after writing their quarter through :meth:`_bagalau_set_quarter`."""
        for result in self:
            quarters = result._bagalau_quarter_scores()
            if not quarters:
                result.write({"year_score": 0.0, "result_key": False})
                continue
            try:
                score = year_result(quarters)
            except EngineError as error:
                raise UserError(_("The year result of %(employee)s cannot be computed: %(problem)s",
                                  employee=result.employee_id.name,
                                  problem=engine_error_message(self.env, error))) from error
            result.write({
                "year_score": float(score),
                "result_key": self._bagalau_band_key(result.methodology_id, score),
            })

    # --- bands ---------------------------------------------------------------

    @api.model
    def _bagalau_band_rows(self, methodology):
        """The methodology's score bands as the engine reads them (seed 004 §8)."""
        return tuple(
            (band.key, Decimal(f"{band.score_low:.2f}"), Decimal(f"{band.score_high:.2f}"))
            for band in methodology.band_ids
        )

    @api.model
    def _bagalau_band_key(self, methodology, score):
        """The key of the methodology's band holding ``score`` (seed 004 §8)."""
        try:
            return band_2023(score, self._bagalau_band_rows(methodology))
        except EngineError as error:
            raise UserError(_("The score %(score)s fits no result band of “%(methodology)s”: %(problem)s",
                              score=score, methodology=methodology.display_name,
                              problem=engine_error_message(self.env, error))) from error

    def action_open_kpi_sheets(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("KPI Sheets"),
            "res_model": "hr.bagalau.kpi.sheet",
            "view_mode": "list,form",
            "domain": [("result_id", "=", self.id)],
            "context": {"create": False},
        }
