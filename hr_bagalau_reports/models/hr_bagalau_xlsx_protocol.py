import math

from odoo import _, fields, models
from odoo.exceptions import UserError

from .hr_bagalau_xlsx_labels import label, name_key

# The columns of the protocol's table (seed 001 Appendix 5) and their widths.
PROTOCOL_COLUMNS = (("row_number", 6), ("full_name", 34), ("result_info", 44), ("correction", 34),
                    ("recommendations", 44))
# Points per line of wrapped text (the book's 10-point font).
LINE_HEIGHT = 15


def wrapped_height(texts):
    """The height of a table row whose cells wrap ``texts`` (one per column
    of PROTOCOL_COLUMNS): as many lines as its longest cell needs. Written
    out, not left to the spreadsheet: LibreOffice keeps the default height of
    a row it reads, and the text of a long cell would run under the next."""
    lines = 1
    for text, (_key, width) in zip(texts, PROTOCOL_COLUMNS, strict=False):
        per_line = max(width - 2, 1)
        lines = max(lines, sum(max(1, math.ceil(len(part) / per_line)) for part in (text or "").split("\n")))
    return lines * LINE_HEIGHT


def band_label(methodology, key, lang):
    """A grade or band of ``methodology`` in ``lang``, as the methodology words it."""
    band = methodology._bagalau_band(key) if key and methodology else False
    if not band:
        return key or ""
    return band.label_kk if lang == "kk" else band.label_ru


def methodology_name(methodology, lang):
    """The methodology's name in the document's language (its own
    translation), when that language is active in the database."""
    code = {"kk": "kk_KZ", "ru": "ru_RU"}[lang]
    if code in dict(methodology.env["res.lang"].get_installed()):
        methodology = methodology.with_context(lang=code)
    return methodology.name or ""


def format_day(value):
    return value.strftime("%d.%m.%Y") if value else ""


class HrBagalauCommissionSession(models.Model):
    _inherit = "hr.bagalau.commission.session"

    def action_bagalau_xlsx_export(self):
        """Export the protocol of these sessions to Excel (a language to pick first)."""
        return self.env["hr.bagalau.xlsx.export.wizard"]._bagalau_open("protocol", self)

    # --- gathering -----------------------------------------------------------

    def _bagalau_xlsx_protocol_parts(self, lang):
        """One part per session: its protocol, one row per evaluated person
        (seed 001 Appendix 5). UserError for a session without a decision."""
        parts = []
        for session in self.sorted(lambda session: (session.date, session.id)):
            decisions = session.decision_ids.filtered(lambda row: row.state == "decided")
            if not decisions:
                raise UserError(_("The commission has not decided on anybody in the session “%(session)s” yet: "
                                  "it has no protocol to export.", session=session.name))
            methodology = session._bagalau_methodology()
            # The rows of each person in one pass (the protocol's order), not
            # a search of the whole protocol per person: 5,000 rows in seconds.
            by_employee = {}
            for row in decisions:
                by_employee.setdefault(row.employee_id, []).append(row)
            rows = []
            for employee in decisions.employee_id.sorted(lambda emp: name_key(emp.name)):
                mine = by_employee[employee]
                rows.append({
                    "name": employee.name,
                    "info": "\n".join(session._bagalau_xlsx_decision_info(row, methodology, lang) for row in mine),
                    "correction": "\n".join(filter(None, (
                        session._bagalau_xlsx_correction(row, methodology, lang) for row in mine))),
                    "recommendations": "\n".join(filter(None, (row.recommendations for row in mine))),
                })
            signatures = []
            for role in ("secretary", "chair", "member"):
                for row in session.signature_ids.filtered(lambda row, role=role: row.role == role):
                    signed = (fields.Datetime.context_timestamp(session, row.signed_on).date() if row.signed_on
                              else row.paper_signed_on)
                    signatures.append({"role": role, "name": row.employee_id.name,
                                       "date": format_day(signed), "note": row.not_signed_reason or ""})
            parts.append({
                "record": session,
                "sheet": f"{session.protocol_number or ''} {format_day(session.date)}".strip(),
                "company": session.company_id.name,
                "year": session.year,
                "number": session.protocol_number or "",
                "date": format_day(session.date),
                "authorised": (session.approved_by_id.name or session.commission_id.authorised_id.name or ""),
                "approved_on": format_day(session.approved_on and session.approved_on.date()),
                "conclusion": session.conclusion or "",
                "rows": rows,
                "signatures": signatures,
            })
        return parts

    def _bagalau_xlsx_decision_info(self, decision, methodology, lang):
        """“Information on the results” of one sheet the commission examined."""
        if decision.kind == "kpi":
            text = f"{label('kpi_sheet', lang)}: {band_label(methodology, decision.original_grade, lang)}"
            sheet = decision.kpi_sheet_id
            if sheet and sheet.kpi_count:
                text += " (" + label("kpi_achieved", lang) % {"achieved": sheet.achieved_count,
                                                              "total": sheet.kpi_count} + ")"
            return text
        result = decision.competency_sheet_id.result
        wording = label("competency_meets" if result == "meets" else "competency_develop", lang) if result else ""
        return f"{label('competency_sheet', lang)}: {wording}"

    def _bagalau_xlsx_correction(self, decision, methodology, lang):
        """The commission's correction, where it revised the result (seed 003 §38)."""
        if decision.outcome != "revised":
            return ""
        return band_label(methodology, decision.corrected_grade, lang) if decision.corrected_grade \
            else decision.corrected_result or ""

    # --- writing ---------------------------------------------------------------

    def _bagalau_xlsx_protocol_write(self, book, parts):
        """The protocol laid out like the printed form of seed 001 Appendix 5,
        written row after row (a streamed book keeps no row behind)."""
        last = len(PROTOCOL_COLUMNS) - 1
        for part in parts:
            sheet = book.sheet(part["sheet"])
            for column, (_key, width) in enumerate(PROTOCOL_COLUMNS):
                sheet.set_column(column, column, width)
            sheet.merge_range(0, 3, 0, last, book.label("approve"), book.right)
            sheet.merge_range(1, 3, 1, last, f"{book.label('approved_by')}: {part['authorised']}", book.right)
            sheet.merge_range(2, 3, 2, last, f"{book.label('date')} {part['approved_on'] or '____________'}  "
                              f"{book.label('signature')} ____________", book.right)
            sheet.set_row(4, 36)
            sheet.merge_range(4, 0, 4, last, book.label("protocol_title"), book.title)
            sheet.merge_range(5, 0, 5, last, part["company"], book.subtitle)
            sheet.merge_range(6, 0, 6, last, f"{book.label('evaluation_period')}: {part['year']}", book.subtitle)
            sheet.merge_range(7, 0, 7, last, f"{book.label('protocol_number')} {part['number']}, "
                              f"{book.label('session_date').lower()}: {part['date']}", book.subtitle)
            sheet.merge_range(8, 0, 8, last, book.label("results_heading"), book.title)
            header = 9
            sheet.set_row(header, 48)
            for column, (key, _width) in enumerate(PROTOCOL_COLUMNS):
                sheet.write_string(header, column, book.label(key), book.header)
            row = header
            for number, line in enumerate(part["rows"], start=1):
                row += 1
                sheet.set_row(row, wrapped_height(["", line["name"], line["info"], line["correction"],
                                                   line["recommendations"]]))
                sheet.write_string(row, 0, f"{number}.", book.cell)
                sheet.write_string(row, 1, line["name"], book.cell)
                sheet.write_string(row, 2, line["info"], book.cell)
                sheet.write_string(row, 3, line["correction"], book.cell)
                sheet.write_string(row, 4, line["recommendations"], book.cell)
            row += 2
            sheet.set_row(row, 45)
            sheet.merge_range(row, 0, row, 1, book.label("conclusion"), book.bold)
            sheet.merge_range(row, 2, row, last, part["conclusion"], book.text)
            for signature in part["signatures"]:
                row += 2
                role = {"secretary": "checked", "chair": "chair", "member": "member"}[signature["role"]]
                sheet.merge_range(row, 0, row, 1, book.label(role), book.bold)
                sheet.write_string(row, 2, f"{signature['name']} {book.label('sign_hint')}", book.text)
                sheet.write_string(row, 3, f"{book.label('date')} {signature['date']}", book.text)
                sheet.write_string(row, 4, signature["note"] or "____________", book.text)
            book.print_form(sheet, row, last, repeat_row=header)
        if len(parts) == 1:
            return f"{book.label('protocol_title')} {parts[0]['sheet']}.xlsx"
        return f"{book.label('protocol_title')}.xlsx"
