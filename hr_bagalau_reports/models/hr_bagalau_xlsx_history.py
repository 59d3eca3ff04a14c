from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .hr_bagalau_xlsx_labels import label, name_key
from .hr_bagalau_xlsx_protocol import band_label, methodology_name
from .hr_bagalau_xlsx_summary import write_table

HISTORY_COLUMNS = (
    ("employee", 32, "text"), ("category", 10, "text"), ("year", 8, "integer"), ("methodology", 30, "text"),
    ("q1", 10, "number"), ("q2", 10, "number"), ("q3", 10, "number"), ("q4", 10, "number"),
    ("year_score", 10, "number"), ("band", 22, "text"), ("commission_correction", 20, "text"),
    ("ack_state", 18, "text"), ("ack_date", 13, "date"), ("imported", 12, "text"),
)
# Score ranges of the analysis (the 2023 five-point scale, seed 004 §8).
SCORE_RANGES = [("below_2", "Below 2"), ("2", "2 to 2.99"), ("3", "3 to 3.99"), ("4", "4 to 4.99"), ("5", "5")]


class HrBagalauResult(models.Model):
    _inherit = "hr.bagalau.result"

    # A result of an earlier year brought from a workbook: kept as it was
    # recorded then, never recomputed nor changed afterwards.
    bagalau_imported = fields.Boolean(string="Imported", readonly=True, copy=False, index=True,
                                      help="Brought from a workbook of an earlier year: read-only.")
    bagalau_imported_on = fields.Datetime(string="Imported On", readonly=True, copy=False)
    bagalau_imported_by_id = fields.Many2one("res.users", string="Imported By", readonly=True, copy=False)
    bagalau_import_file = fields.Char(string="Imported From", readonly=True, copy=False)
    bagalau_category_id = fields.Many2one("hr.bagalau.position.category", string="Category Then", readonly=True,
                                          help="The position category of the employee in the imported year.")
    bagalau_score_range = fields.Selection(SCORE_RANGES, compute="_compute_bagalau_score_range", store=True,
                                           string="Score Range")

    @api.depends("year_score", "result_key")
    def _compute_bagalau_score_range(self):
        for result in self:
            score = result.year_score
            if not result.result_key or not score:
                result.bagalau_score_range = False
            elif score < 2:
                result.bagalau_score_range = "below_2"
            else:
                result.bagalau_score_range = str(min(int(score), 5))

    def _bagalau_check_final(self, vals=None):
        """An imported result is the record of a year evaluated elsewhere:
        nobody changes it, and only the retention job (superuser) deletes it."""
        super()._bagalau_check_final(vals)
        imported = self.filtered("bagalau_imported")
        if imported and (vals is not None or not self.env.su):
            raise UserError(_("The %(year)s result of %(employee)s was imported from an earlier year's workbook: it "
                              "is read-only.", year=imported[0].year, employee=imported[0].employee_id.name))

    @api.model
    def _bagalau_xlsx_import_create(self, rows, company, filename):
        """Record the accepted rows of an import as imported results (as
        superuser: a result is never written by hand). The caller checked who
        imports and validated every row."""
        now = fields.Datetime.now()
        values = []
        for row in rows:
            vals = {
                "employee_id": row["employee"].id, "company_id": company.id, "year": row["year"],
                "methodology_id": row["methodology"].id, "bagalau_category_id": row["category"].id,
                "year_score": row["year_score"] or 0.0, "result_key": row["result_key"],
                "bagalau_imported": True, "bagalau_imported_on": now, "bagalau_imported_by_id": self.env.uid,
                "bagalau_import_file": filename,
            }
            for quarter, score in row["quarters"].items():
                vals.update({f"q{quarter}_score": score, f"q{quarter}_evaluated": True})
            values.append(vals)
        results = self.sudo().create(values)
        for result in results:
            result.message_post(body=_("Imported from the workbook “%(file)s” by %(user)s.", file=filename,
                                       user=self.env.user.name), subtype_xmlid="mail.mt_note")
        return results.with_env(self.env)


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    def action_bagalau_xlsx_export(self):
        """Export the evaluation history of these employees to Excel."""
        return self.env["hr.bagalau.xlsx.export.wizard"]._bagalau_open("history", self)

    def _bagalau_xlsx_history_parts(self, lang):
        results = self.env["hr.bagalau.result"].search([("employee_id", "in", self.ids)])
        if not results:
            raise UserError(_("These employees have no evaluation result yet: there is no history to export."))
        acks = {ack.res_id: ack for ack in self.env["hr.bagalau.acknowledgement"].search(
            [("res_model", "=", "hr.bagalau.result"), ("res_id", "in", results.ids)], order="id desc")}
        rows = []
        for result in results.sorted(lambda result: (name_key(result.employee_id.name), result.year)):
            methodology = result.methodology_id
            ack = acks.get(result.id)
            decision = result.bagalau_decision_id
            row = {
                "employee": result.employee_id.name,
                "category": (result.bagalau_category_id or result.employee_id.bagalau_category_id).code,
                "year": result.year,
                "methodology": methodology_name(methodology, lang),
                "year_score": result.year_score or None,
                "band": band_label(methodology, result.result_key, lang) if result.result_key else None,
                "commission_correction": band_label(methodology, decision.corrected_grade, lang)
                if decision.outcome == "revised" else None,
                "ack_state": label(f"ack_{ack.state}", lang) if ack else
                (None if result.bagalau_imported else label("ack_none", lang)),
                "ack_date": (ack.written_date or (ack.acknowledged_on and ack.acknowledged_on.date()))
                if ack else None,
                "imported": label("yes", lang) if result.bagalau_imported else None,
            }
            for quarter in "1234":
                if result[f"q{quarter}_evaluated"]:
                    row[f"q{quarter}"] = result[f"q{quarter}_score"]
            rows.append(row)
        name = self.name if len(self) == 1 else ""
        return [{"record": self, "sheet": name or label("history_title", lang), "name": name, "rows": rows}]

    def _bagalau_xlsx_history_write(self, book, parts):
        last = len(HISTORY_COLUMNS) - 1
        part = parts[0]
        sheet = book.sheet(part["sheet"])
        sheet.merge_range(0, 0, 0, last, f"{book.label('history_title')} {part['name']}".strip(), book.title)
        sheet.merge_range(1, 0, 1, last, ", ".join(sorted(set(self.company_id.mapped("name")))), book.subtitle)
        write_table(book, sheet, HISTORY_COLUMNS, part["rows"])
        return f"{book.label('history_title')} {part['name']}".strip() + ".xlsx"
