import base64
import datetime
import io
import math
import re
import zipfile

import openpyxl

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import escape_psql

from ..models.hr_bagalau_xlsx_export import HR_GROUP
from ..models.hr_bagalau_xlsx_labels import LANGS, header_keys

# The columns an import needs, found by their header in Kazakh or Russian
# (the headers of the campaign summary and of the history).
REQUIRED_COLUMNS = ("employee", "year", "methodology", "category")
# How far down a sheet the header row is looked for (the title rows above it).
HEADER_SEARCH_ROWS = 10
FIRST_YEAR = 2000


def clean(value):
    """A cell's text, spaces collapsed."""
    return re.sub(r"\s+", " ", str(value)).strip() if value is not None else ""


def number(value):
    """A cell's number (Excel's or text with a decimal comma), None when empty;
    ValueError for anything else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    result = float(value.replace(",", ".").strip()) if isinstance(value, str) else float(value)
    if not math.isfinite(result):
        raise ValueError(value)
    return result


class HrBagalauXlsxImportWizard(models.TransientModel):
    """Results of earlier years from a workbook: every row is shown accepted
    or refused with its reason, and nothing is recorded before HR confirms."""

    _name = "hr.bagalau.xlsx.import.wizard"
    _description = "Import of Earlier Years' Results"

    file = fields.Binary(string="Workbook", required=True)
    filename = fields.Char()
    company_id = fields.Many2one("res.company", required=True, readonly=True, default=lambda self: self.env.company)
    state = fields.Selection([("upload", "Upload"), ("preview", "Preview")], default="upload", required=True,
                             readonly=True)
    line_ids = fields.One2many("hr.bagalau.xlsx.import.line", "wizard_id", string="Rows", readonly=True)
    accepted_count = fields.Integer(compute="_compute_counts", string="Accepted")
    refused_count = fields.Integer(compute="_compute_counts", string="Refused")

    @api.depends("line_ids.status")
    def _compute_counts(self):
        for wizard in self:
            wizard.accepted_count = len(wizard.line_ids.filtered(lambda line: line.status == "accepted"))
            wizard.refused_count = len(wizard.line_ids) - wizard.accepted_count

    def _bagalau_check_hr(self):
        if not self.env.su and not self.env.user.has_group(HR_GROUP):
            raise AccessError(_("Only HR imports the results of earlier years."))

    def _bagalau_reopen(self):
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id, "view_mode": "form",
                "target": "new", "name": _("Import Earlier Results")}

    # --- steps ------------------------------------------------------------------

    def action_preview(self):
        """Read the workbook and show every row accepted or refused; nothing is recorded."""
        self.ensure_one()
        self._bagalau_check_hr()
        rows = self._bagalau_parse()
        self.line_ids.unlink()
        self.write({"state": "preview", "line_ids": [(0, 0, {
            "sheet": row["sheet"], "row": row["row"], "employee_name": row["employee_name"],
            "employee_id": row["employee"].id if row.get("employee") else False, "year": row["year_text"],
            "methodology_name": row["methodology_name"], "category_name": row["category_name"],
            "year_score": row["year_score"] or 0.0, "band": row["band_text"],
            "status": "refused" if row["reason"] else "accepted", "reason": row["reason"],
        }) for row in rows]})
        return self._bagalau_reopen()

    def action_back(self):
        self.ensure_one()
        self.line_ids.unlink()
        self.state = "upload"
        return self._bagalau_reopen()

    def action_confirm(self):
        """Record the accepted rows as imported results. The workbook is read
        and checked again: the preview is for the eye, never trusted."""
        self.ensure_one()
        self._bagalau_check_hr()
        if self.state != "preview":
            raise UserError(_("Preview the rows of the workbook before you import them."))
        accepted = [row for row in self._bagalau_parse() if not row["reason"]]
        if not accepted:
            raise UserError(_("No row of the workbook can be imported: see the reasons in the preview."))
        results = self.env["hr.bagalau.result"]._bagalau_xlsx_import_create(accepted, self.company_id,
                                                                             self.filename or "")
        return {
            "type": "ir.actions.act_window",
            "name": _("Imported Results"),
            "res_model": "hr.bagalau.result",
            "view_mode": "list,form",
            "domain": [("id", "in", results.ids)],
        }

    # --- reading ------------------------------------------------------------------

    def _bagalau_workbook(self):
        try:
            return openpyxl.load_workbook(io.BytesIO(base64.b64decode(self.file or b"")), read_only=True,
                                          data_only=True)
        except (zipfile.BadZipFile, OSError, ValueError, KeyError) as error:
            raise UserError(_("“%(file)s” is not an Excel workbook (.xlsx).", file=self.filename or "?")) from error

    def _bagalau_parse(self):
        """Every data row of the workbook, validated: a dict with its
        ``reason`` of refusal (False when accepted) and the records it names."""
        self.ensure_one()
        book = self._bagalau_workbook()
        known = {}
        for lang in LANGS:
            known.update(header_keys(lang))
        rows, found, seen = [], False, set()
        for sheet in book.worksheets:
            lines = sheet.iter_rows(values_only=True)
            columns, number_row = None, 0
            for cells in lines:
                number_row += 1
                if columns is None:
                    if number_row > HEADER_SEARCH_ROWS:
                        break
                    candidate = {known[clean(cell).lower()]: index for index, cell in enumerate(cells)
                                 if clean(cell).lower() in known}
                    if all(key in candidate for key in REQUIRED_COLUMNS):
                        columns, found = candidate, True
                    continue
                values = {key: cells[index] if index < len(cells) else None for key, index in columns.items()}
                if not any(clean(value) for value in values.values()):
                    continue
                row = self._bagalau_check_row(values)
                row.update(sheet=sheet.title, row=number_row)
                key = (row.get("employee") and row["employee"].id, row.get("year"))
                if not row["reason"] and key in seen:
                    row["reason"] = _("The same employee and year appear twice in the workbook.")
                seen.add(key)
                rows.append(row)
        book.close()
        if not found:
            raise UserError(_("No table of results was found in “%(file)s”: its header row needs the columns of "
                              "the employee, the year, the methodology and the category, as in the summary or the "
                              "history exported from here.", file=self.filename or "?"))
        return rows

    def _bagalau_check_row(self, values):
        """The row ``values`` (by column key) checked against the agency's
        employees, the categories, the methodologies and their score bands."""
        row = {
            "employee_name": clean(values.get("employee")),
            "year_text": clean(values.get("year")),
            "methodology_name": clean(values.get("methodology")),
            "category_name": clean(values.get("category")),
            "band_text": clean(values.get("band")),
            "year_score": None, "quarters": {}, "reason": False,
        }
        try:
            row.update(self._bagalau_resolve(values, row))
        except RowRefused as refusal:
            row["reason"] = refusal.reason
        return row

    def _bagalau_resolve(self, values, row):
        Employee = self.env["hr.employee"].with_context(active_test=False)
        employees = Employee.search([("name", "=ilike", escape_psql(row["employee_name"])),
                                     ("company_id", "=", self.company_id.id)]) if row["employee_name"] else Employee
        if not employees:
            raise RowRefused(_("Unknown employee “%(name)s” in %(company)s.", name=row["employee_name"],
                               company=self.company_id.name))
        if len(employees) > 1:
            raise RowRefused(_("Several employees are named “%(name)s”: the row cannot tell which one.",
                               name=row["employee_name"]))
        category = self.env["hr.bagalau.position.category"].search(
            [("code", "=ilike", escape_psql(row["category_name"]))], limit=1) if row["category_name"] else False
        if not category:
            raise RowRefused(_("Unknown position category “%(category)s”.", category=row["category_name"]))
        year = values.get("year")
        try:
            year = int(number(year)) if not isinstance(year, (datetime.date, datetime.datetime)) else None
        except (TypeError, ValueError):
            year = None
        this_year = fields.Date.context_today(self).year
        if year is None or not FIRST_YEAR <= year < this_year:
            raise RowRefused(_("The period “%(year)s” is not an earlier year (from %(first)s to %(last)s).",
                               year=row["year_text"], first=FIRST_YEAR, last=this_year - 1))
        methodology = self._bagalau_methodology(row["methodology_name"])
        if not methodology:
            raise RowRefused(_("Unknown methodology “%(name)s”.", name=row["methodology_name"]))
        if self.env["hr.bagalau.result"].sudo().search_count([
                ("employee_id", "=", employees.id), ("year", "=", year), ("company_id", "=", self.company_id.id)]):
            raise RowRefused(_("%(employee)s already has a result for %(year)s.", employee=employees.name, year=year))
        resolved = {"employee": employees, "category": category, "year": year, "methodology": methodology}
        if methodology.generation == "2023":
            resolved.update(self._bagalau_scores(values, methodology))
        else:
            band = self._bagalau_band(methodology, row["band_text"])
            if not band:
                raise RowRefused(_("Unknown result “%(result)s” for “%(methodology)s”.", result=row["band_text"],
                                   methodology=methodology.name))
            resolved.update(result_key=band.key, year_score=0.0)
        return resolved

    def _bagalau_methodology(self, name):
        Methodology = self.env["hr.bagalau.methodology"].with_context(active_test=False)
        domain = [("name", "=ilike", escape_psql(name)),
                  "|", ("company_id", "=", False), ("company_id", "=", self.company_id.id)]
        # The name as any active language words it (an inactive one is refused by Odoo).
        for lang in dict.fromkeys(["en_US", *dict(self.env["res.lang"].get_installed())]):
            found = Methodology.with_context(lang=lang).search(domain, limit=1) if name else Methodology
            if found:
                return found
        return Methodology

    @staticmethod
    def _bagalau_band(methodology, text):
        text = (text or "").lower()
        return methodology.band_ids.filtered(
            lambda band: text in (band.key.lower(), (band.label_kk or "").lower(), (band.label_ru or "").lower()))[:1]

    def _bagalau_scores(self, values, methodology):
        """The quarter and year scores of a 2023 result, within the
        methodology's bands (seed 004 §8); the band follows from the year score."""
        bands = methodology.band_ids
        low, high = min(bands.mapped("score_low")), max(bands.mapped("score_high"))
        scores = {}
        for key in ("q1", "q2", "q3", "q4", "year_score"):
            try:
                scores[key] = number(values.get(key))
            except (TypeError, ValueError):
                raise RowRefused(_("The score “%(value)s” is not a number.", value=clean(values.get(key)))) from None
            if scores[key] is not None and not low <= scores[key] <= high:
                # Plain variables in _(): Odoo's term extractor cannot read f-strings there.
                shown, lowest, highest = f"{scores[key]:.2f}", f"{low:.2f}", f"{high:.2f}"
                raise RowRefused(_("The score %(score)s is out of the bounds of “%(methodology)s” (%(low)s to "
                                   "%(high)s).", score=shown, methodology=methodology.name, low=lowest,
                                   high=highest))
        quarters = {int(key[1]): scores[key] for key in ("q1", "q2", "q3", "q4") if scores[key] is not None}
        year_score = scores["year_score"]
        if year_score is None and quarters:
            year_score = round(sum(quarters.values()) / len(quarters), 2)
        if year_score is None:
            raise RowRefused(_("The row has no score."))
        try:
            result_key = self.env["hr.bagalau.result"]._bagalau_band_key(methodology, year_score)
        except UserError as error:
            raise RowRefused(error.args[0]) from None
        return {"quarters": quarters, "year_score": year_score, "result_key": result_key}


class RowRefused(Exception):
    """A row of the workbook that cannot be imported, and why."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class HrBagalauXlsxImportLine(models.TransientModel):
    """A row of the workbook as the preview shows it."""

    _name = "hr.bagalau.xlsx.import.line"
    _description = "Row of an Import of Earlier Results"
    _order = "sheet, row"

    wizard_id = fields.Many2one("hr.bagalau.xlsx.import.wizard", required=True, ondelete="cascade")
    sheet = fields.Char()
    row = fields.Integer()
    employee_name = fields.Char(string="Employee (as written)")
    employee_id = fields.Many2one("hr.employee", string="Employee")
    year = fields.Char()
    methodology_name = fields.Char(string="Methodology")
    category_name = fields.Char(string="Category")
    year_score = fields.Float(digits=(4, 2), string="Year Score")
    band = fields.Char(string="Result")
    status = fields.Selection([("accepted", "Accepted"), ("refused", "Refused")], required=True)
    reason = fields.Char(string="Reason of Refusal")
