from odoo import _, models
from odoo.exceptions import UserError

from .hr_bagalau_xlsx_labels import label, name_key
from .hr_bagalau_xlsx_protocol import band_label, methodology_name

# The columns of the campaign summary: (label key, width, kind). The import
# of earlier years reads a workbook by these headers (either language).
SUMMARY_COLUMNS = (
    ("row_number", 6, "integer"), ("employee", 32, "text"), ("unit", 26, "text"), ("position", 24, "text"),
    ("category", 10, "text"), ("year", 8, "integer"), ("quarter", 9, "integer"), ("methodology", 28, "text"),
    ("kpi_result", 20, "text"), ("kpi_score", 10, "number"), ("competency_result", 24, "text"),
    ("differentiation_result", 20, "text"), ("differentiation_score", 12, "number"),
    ("year_score", 10, "number"), ("band", 20, "text"), ("commission_correction", 20, "text"),
    ("ack_state", 18, "text"), ("ack_date", 13, "date"), ("calibration", 18, "text"),
    ("calibration_score", 12, "number"),
)
HEADER_ROW = 2


def write_table(book, sheet, columns, rows, header_row=HEADER_ROW):
    """A filterable table: headers in ``header_row``, then ``rows`` (dicts
    keyed by the column's label key), typed cells and number formats, the
    header frozen and an autofilter over it."""
    formats = {"text": book.cell, "number": book.number, "integer": book.integer, "date": book.date}
    for column, (_key, width, _kind) in enumerate(columns):
        sheet.set_column(column, column, width)
    sheet.set_row(header_row, 45)
    for column, (key, _width, _kind) in enumerate(columns):
        sheet.write_string(header_row, column, book.label(key), book.header)
    row = header_row
    for line in rows:
        row += 1
        for column, (key, _width, kind) in enumerate(columns):
            value = line.get(key)
            if value in (None, False, ""):
                sheet.write_blank(row, column, None, formats[kind])
            elif kind == "date":
                sheet.write_datetime(row, column, value, formats[kind])
            elif kind in ("number", "integer"):
                sheet.write_number(row, column, value, formats[kind])
            else:
                sheet.write_string(row, column, str(value), formats[kind])
    sheet.freeze_panes(header_row + 1, 2)
    sheet.autofilter(header_row, 0, max(row, header_row), len(columns) - 1)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(header_row)
    sheet.print_area(0, 0, max(row, header_row), len(columns) - 1)
    return row


class HrBagalauCampaign(models.Model):
    _inherit = "hr.bagalau.campaign"

    def action_bagalau_xlsx_export(self):
        """Export the summary of these campaigns to Excel."""
        return self.env["hr.bagalau.xlsx.export.wizard"]._bagalau_open("summary", self)

    def action_bagalau_xlsx_calibration(self):
        """Export the calibration protocol of the campaign to Excel."""
        self.ensure_one()
        cases = self.env["hr.bagalau.calibration"].search([("campaign_id", "=", self.id)])
        if not cases:
            raise UserError(_("Nobody asked for a calibration in the campaign “%(campaign)s”: it has no calibration "
                              "protocol to export.", campaign=self.name))
        return self.env["hr.bagalau.xlsx.export.wizard"]._bagalau_open("calibration", cases)

    def _bagalau_xlsx_summary_parts(self, lang):
        return [{"record": campaign, "sheet": campaign.name, "rows": campaign._bagalau_xlsx_summary_rows(lang)}
                for campaign in self.sorted(lambda campaign: (campaign.year, campaign.quarter or "", campaign.id))]

    def _bagalau_xlsx_summary_rows(self, lang):
        """One row per employee of the campaign: every track's result, the
        year's result and band, the commission's correction, the
        acknowledgement and the calibration."""
        self.ensure_one()
        methodology = self.methodology_id
        kpi = {sheet.employee_id: sheet for sheet in self.kpi_sheet_ids}
        competency = {sheet.employee_id: sheet for sheet in self.competency_sheet_ids}
        differentiation = {sheet.employee_id: sheet for sheet in self.differentiation_sheet_ids}
        employees = (self.kpi_sheet_ids.employee_id | self.competency_sheet_ids.employee_id
                     | self.differentiation_sheet_ids.employee_id)
        results = {result.employee_id: result for result in self.env["hr.bagalau.result"].search([
            ("employee_id", "in", employees.ids), ("year", "=", self.year), ("company_id", "=", self.company_id.id)])}
        corrections = {}
        for decision in self.env["hr.bagalau.commission.decision"].search([
                ("session_id.campaign_id", "=", self.id), ("outcome", "=", "revised")]):
            corrections[decision.employee_id] = band_label(methodology, decision.corrected_grade, lang) \
                if decision.corrected_grade else decision.corrected_result
        calibrations = {case.employee_id: case for case in self.env["hr.bagalau.calibration"].search(
            [("campaign_id", "=", self.id)], order="id")}
        acks = self._bagalau_xlsx_acks(results, kpi, competency, differentiation)
        rows = []
        ordered = employees.sorted(lambda emp: (name_key(emp.department_id.name), name_key(emp.name)))
        for number, employee in enumerate(ordered, start=1):
            result = results.get(employee)
            sheet = kpi.get(employee)
            competency_sheet = competency.get(employee)
            differentiation_sheet = differentiation.get(employee)
            case = calibrations.get(employee)
            ack = acks.get(employee)
            rows.append({
                "row_number": number,
                "employee": employee.name,
                "unit": employee.department_id.name,
                "position": employee.job_title or employee.job_id.name,
                "category": employee.bagalau_category_id.code,
                "year": self.year,
                "quarter": int(self.quarter) if self.quarter else None,
                "methodology": methodology_name(methodology, lang),
                "kpi_result": band_label(methodology, sheet.result_key, lang) if sheet else None,
                "kpi_score": sheet.score if sheet and sheet.generation == "2023" and sheet.result_key else None,
                "competency_result": label("competency_meets" if competency_sheet.result == "meets"
                                           else "competency_develop", lang)
                if competency_sheet and competency_sheet.result else None,
                "differentiation_result": band_label(methodology, differentiation_sheet.result_key, lang)
                if differentiation_sheet and differentiation_sheet.result_key else None,
                "differentiation_score": differentiation_sheet.score
                if differentiation_sheet and differentiation_sheet.result_key else None,
                "year_score": result.year_score if result and result.result_key else None,
                "band": band_label(methodology, result.result_key, lang) if result and result.result_key else None,
                "commission_correction": corrections.get(employee),
                "ack_state": label(f"ack_{ack.state}" if ack else "ack_none", lang),
                "ack_date": (ack.written_date or (ack.acknowledged_on and ack.acknowledged_on.date()))
                if ack else None,
                "calibration": label(f"cal_{case.state}", lang) if case else None,
                "calibration_score": case.final_score if case and case.state in ("held", "done") else None,
            })
        return rows

    def _bagalau_xlsx_acks(self, results, kpi, competency, differentiation):
        """``{employee: acknowledgement}``: of the final result where there is
        one (seed 003 §40), else of the sheet the employee read."""
        documents = [("hr.bagalau.result", results), ("hr.bagalau.kpi.sheet", kpi),
                     ("hr.bagalau.differentiation.sheet", differentiation),
                     ("hr.bagalau.competency.sheet", competency)]
        acks = {}
        Ack = self.env["hr.bagalau.acknowledgement"]
        for model, records in documents:
            by_id = {record.id: employee for employee, record in records.items()}
            for ack in Ack.search([("res_model", "=", model), ("res_id", "in", list(by_id))], order="id"):
                acks.setdefault(by_id[ack.res_id], ack)
        return acks

    def _bagalau_xlsx_summary_write(self, book, parts):
        last = len(SUMMARY_COLUMNS) - 1
        for part in parts:
            campaign = part["record"]
            sheet = book.sheet(part["sheet"])
            sheet.merge_range(0, 0, 0, last, f"{book.label('summary_title')}: {campaign.name}", book.title)
            sheet.merge_range(1, 0, 1, last, campaign.company_id.name, book.subtitle)
            write_table(book, sheet, SUMMARY_COLUMNS, part["rows"])
        return f"{book.label('summary_title')} {parts[0]['sheet'] if len(parts) == 1 else ''}".strip() + ".xlsx"
