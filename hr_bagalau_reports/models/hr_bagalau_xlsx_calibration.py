from odoo import _, models
from odoo.exceptions import UserError

from .hr_bagalau_xlsx_labels import name_key
from .hr_bagalau_xlsx_protocol import format_day

# The columns of the calibration protocol (seed 004 §42: the evaluator's
# argument, the participants' corrections, the final score by majority).
CALIBRATION_COLUMNS = (("row_number", 6), ("full_name", 28), ("unit", 24), ("evaluator", 24),
                       ("score_calibrated", 12), ("evaluator_argument", 36), ("proposals", 36), ("votes", 16),
                       ("final_score", 12), ("session_decision", 32), ("protocol_signed_on", 14))


class HrBagalauCalibration(models.Model):
    _inherit = "hr.bagalau.calibration"

    def action_bagalau_xlsx_export(self):
        """Export the calibration protocol of these cases to Excel."""
        return self.env["hr.bagalau.xlsx.export.wizard"]._bagalau_open("calibration", self)

    def _bagalau_xlsx_calibration_parts(self, lang):
        """One part per campaign: the sessions whose protocol was signed,
        one row per calibrated person (seed 004 §41-43)."""
        held = self.filtered(lambda case: case.state in ("held", "done"))
        if not held:
            raise UserError(_("None of these calibrations has a signed protocol yet: there is nothing to export."))
        parts = []
        for campaign in held.campaign_id.sorted(lambda campaign: (campaign.year, campaign.quarter or "", campaign.id)):
            cases = held.filtered(lambda case, campaign=campaign: case.campaign_id == campaign).sorted(
                lambda case: (case.protocol_date, name_key(case.employee_id.name)))
            rows = [{
                "name": case.employee_id.name,
                "unit": case.employee_id.department_id.name or "",
                "evaluator": case.evaluator_id.name or "",
                "old_score": case.old_score,
                "argument": case.evaluator_argument or "",
                "proposals": "\n".join(f"{proposal.participant_id.name}: {proposal.proposed_score:.2f} — "
                                       f"{proposal.reason}" for proposal in case.proposal_ids),
                "votes": case.vote_summary or "",
                "final_score": case.final_score,
                "decision": case.protocol_decision or "",
                "protocol_date": case.protocol_date,
            } for case in cases]
            parts.append({
                "record": campaign,
                "sheet": campaign.name,
                "company": campaign.company_id.name,
                "period": campaign.name,
                "dates": ", ".join(sorted({format_day(date) for date in cases.mapped("session_date") if date})),
                "participants": sorted((cases.present_ids or cases.participant_ids).mapped("name"), key=name_key),
                "rows": rows,
            })
        return parts

    def _bagalau_xlsx_calibration_write(self, book, parts):
        last = len(CALIBRATION_COLUMNS) - 1
        for part in parts:
            sheet = book.sheet(part["sheet"])
            for column, (_key, width) in enumerate(CALIBRATION_COLUMNS):
                sheet.set_column(column, column, width)
            sheet.set_row(0, 30)
            sheet.merge_range(0, 0, 0, last, book.label("calibration_title"), book.title)
            sheet.merge_range(1, 0, 1, last, part["company"], book.subtitle)
            sheet.merge_range(2, 0, 2, last, f"{book.label('evaluation_period')}: {part['period']}", book.subtitle)
            sheet.merge_range(3, 0, 3, last, f"{book.label('session_date')}: {part['dates']}", book.subtitle)
            header = 5
            sheet.set_row(header, 45)
            for column, (key, _width) in enumerate(CALIBRATION_COLUMNS):
                sheet.write_string(header, column, book.label(key), book.header)
            row = header
            for number, line in enumerate(part["rows"], start=1):
                row += 1
                sheet.write_string(row, 0, f"{number}.", book.cell)
                sheet.write_string(row, 1, line["name"], book.cell)
                sheet.write_string(row, 2, line["unit"], book.cell)
                sheet.write_string(row, 3, line["evaluator"], book.cell)
                sheet.write_number(row, 4, line["old_score"], book.number)
                sheet.write_string(row, 5, line["argument"], book.cell)
                sheet.write_string(row, 6, line["proposals"], book.cell)
                sheet.write_string(row, 7, line["votes"], book.cell)
                sheet.write_number(row, 8, line["final_score"], book.number)
                sheet.write_string(row, 9, line["decision"], book.cell)
                if line["protocol_date"]:
                    sheet.write_datetime(row, 10, line["protocol_date"], book.date)
                else:
                    sheet.write_blank(row, 10, None, book.date)
            row += 2
            sheet.merge_range(row, 0, row, 3, book.label("participants"), book.bold)
            for name in part["participants"]:
                row += 2
                sheet.merge_range(row, 0, row, 1, book.label("participant"), book.bold)
                sheet.merge_range(row, 2, row, 4, f"{name} {book.label('sign_hint')}", book.text)
                sheet.merge_range(row, 5, row, 6, f"{book.label('date')} ____________", book.text)
            book.print_form(sheet, row, last, repeat_row=header)
        return f"{book.label('calibration_title')}.xlsx"
