import base64
import io

import xlsxwriter

from odoo import _, api, models
from odoo.exceptions import AccessError, UserError

from .hr_bagalau_xlsx_labels import label

# Above this many rows a workbook is streamed row by row (xlsxwriter's
# constant_memory mode) instead of being held in memory: a national summary
# of tens of thousands of civil servants stays within a worker's memory.
LARGE_EXPORT_ROWS = 2000
# Above this many rows the export is built by the job runner
# (hr_bagalau_xlsx_job.py): longer than a browser waits for a request.
BACKGROUND_EXPORT_ROWS = 3000

HR_GROUP = "hr_bagalau.group_bagalau_hr_officer"
COMMISSION_GROUP = "hr_bagalau.group_bagalau_commission"
AUTHORISED_GROUP = "hr_bagalau.group_bagalau_authorised"

# Report → (model of its records, the groups that export it).
REPORTS = {
    "protocol": ("hr.bagalau.commission.session", (HR_GROUP, COMMISSION_GROUP, AUTHORISED_GROUP)),
    "calibration": ("hr.bagalau.calibration", (HR_GROUP, AUTHORISED_GROUP)),
    "summary": ("hr.bagalau.campaign", (HR_GROUP,)),
    "history": ("hr.employee", (HR_GROUP,)),
}
ODOO_LANGS = {"kk": "kk_KZ", "ru": "ru_RU"}
REPORT_SELECTION = [
    ("protocol", "Commission Protocol"),
    ("calibration", "Calibration Protocol"),
    ("summary", "Campaign Summary"),
    ("history", "Evaluation History"),
]


class HrBagalauXlsxExport(models.AbstractModel):
    """Builds the Excel workbooks of the evaluation and hands them over as a
    download (an attachment of the record, posted in the campaign's chatter
    for its summary)."""

    _name = "hr.bagalau.xlsx.export"
    _description = "Excel Export of the Evaluation"

    # --- entry point -----------------------------------------------------------

    @api.model
    def _bagalau_xlsx_export(self, report, records, lang):
        """The download action of the workbook ``report`` of ``records`` in
        ``lang`` ('kk' or 'ru'), or the job that builds a large one."""
        records = self._bagalau_xlsx_check(report, records, lang)
        rows = self._bagalau_xlsx_row_count(report, records)
        if rows > BACKGROUND_EXPORT_ROWS:
            return self.env["hr.bagalau.xlsx.job"]._bagalau_queue(report, records, lang, rows)
        attachment = self._bagalau_xlsx_attach(report, records, lang)
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    @api.model
    def _bagalau_xlsx_check(self, report, records, lang):
        """The records that still exist; AccessError for a user of none of the
        report's groups or without read access to the records."""
        model, groups = REPORTS[report]
        if records._name != model or lang not in ODOO_LANGS:
            raise UserError(_("This export does not apply to these records."))
        if not self.env.su and not any(self.env.user.has_group(group) for group in groups):
            raise AccessError(_("You are not allowed to export this document to Excel."))
        records = records.exists()
        if not records:
            raise UserError(_("Nothing to export: select at least one record."))
        records.check_access("read")
        return records

    @api.model
    def _bagalau_xlsx_row_count(self, report, records):
        """About how many rows the workbook gets, counted without building it."""
        env = self.sudo().env
        if report == "protocol":
            return env["hr.bagalau.commission.decision"].search_count([("session_id", "in", records.ids)])
        if report == "summary":
            return max(env[model].search_count([("campaign_id", "in", records.ids)]) for model in (
                "hr.bagalau.kpi.sheet", "hr.bagalau.competency.sheet", "hr.bagalau.differentiation.sheet"))
        if report == "history":
            return env["hr.bagalau.result"].search_count([("employee_id", "in", records.ids)])
        return len(records)

    # --- building ----------------------------------------------------------------

    @api.model
    def _bagalau_xlsx_build(self, report, records, lang):
        """``(filename, bytes)`` of the workbook. Each report gathers its
        parts first (one worksheet each, UserError when there is nothing to
        put in them), then writes them; a large one is streamed."""
        parts = getattr(records, f"_bagalau_xlsx_{report}_parts")(lang)
        rows = sum(len(part["rows"]) for part in parts)
        output = io.BytesIO()
        book = XlsxBook(output, lang, constant_memory=rows > LARGE_EXPORT_ROWS)
        filename = getattr(records, f"_bagalau_xlsx_{report}_write")(book, parts)
        book.close()
        return filename, output.getvalue()

    @api.model
    def _bagalau_xlsx_attach(self, report, records, lang):
        """The workbook as an attachment of the one exported record (or of
        nobody, for several), posted in the campaign's chatter for its
        summary."""
        filename, data = self._bagalau_xlsx_build(report, records, lang)
        single = records if len(records) == 1 else records.browse()
        attachment = self.env["ir.attachment"].sudo().create({
            "name": filename,
            "datas": base64.b64encode(data),
            "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "res_model": single._name if single else False,
            "res_id": single.id if single else False,
        })
        if report == "summary" and single:
            single.sudo().message_post(
                body=_("Summary of the results exported to Excel by %(user)s.", user=self.env.user.name),
                attachment_ids=attachment.ids, author_id=self.env.user.partner_id.id,
                message_type="comment", subtype_xmlid="mail.mt_note")
        return attachment


class XlsxBook:
    """An xlsxwriter workbook with the formats of the printed forms."""

    def __init__(self, output, lang, constant_memory=False):
        self.lang = lang
        self.constant_memory = constant_memory
        # in_memory would switch constant_memory off: a large book streams
        # through temporary files.
        self.workbook = xlsxwriter.Workbook(output, {"constant_memory": constant_memory,
                                                     "in_memory": not constant_memory,
                                                     "default_date_format": "dd.mm.yyyy"})
        add = self.workbook.add_format
        self.title = add({"bold": True, "font_size": 14, "align": "center", "valign": "vcenter", "text_wrap": True})
        self.subtitle = add({"align": "center", "valign": "vcenter", "text_wrap": True})
        self.right = add({"align": "right", "valign": "vcenter"})
        self.bold = add({"bold": True, "valign": "top", "text_wrap": True})
        self.text = add({"valign": "top", "text_wrap": True})
        self.header = add({"bold": True, "border": 1, "text_wrap": True, "align": "center", "valign": "vcenter",
                           "bg_color": "#D9E1F2"})
        self.cell = add({"border": 1, "text_wrap": True, "valign": "top"})
        self.number = add({"border": 1, "valign": "top", "num_format": "0.00"})
        self.integer = add({"border": 1, "valign": "top", "num_format": "0"})
        self.date = add({"border": 1, "valign": "top", "num_format": "dd.mm.yyyy"})
        self.plain_date = add({"valign": "top", "num_format": "dd.mm.yyyy"})

    def label(self, key):
        return label(key, self.lang)

    def sheet(self, name):
        """A worksheet named ``name`` (Excel's 31 characters, no []:*?/\\)."""
        clean = "".join(" " if char in "[]:*?/\\" else char for char in name)[:31].strip() or "Sheet"
        existing = {sheet.get_name() for sheet in self.workbook.worksheets()}
        candidate, number = clean, 2
        while candidate in existing:
            suffix = f" ({number})"
            candidate, number = clean[:31 - len(suffix)] + suffix, number + 1
        return self.workbook.add_worksheet(candidate)

    @staticmethod
    def print_form(sheet, last_row, last_col, repeat_row=None):
        """Page setup of a printed form: A4 landscape, one page wide, the form
        as the print area, the header row repeated on every page."""
        sheet.set_landscape()
        sheet.set_paper(9)
        sheet.fit_to_pages(1, 0)
        sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        sheet.print_area(0, 0, last_row, last_col)
        if repeat_row is not None:
            sheet.repeat_rows(repeat_row)

    def close(self):
        self.workbook.close()
