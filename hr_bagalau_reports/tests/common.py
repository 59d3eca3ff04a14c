import base64
import io

import openpyxl

from odoo.addons.hr_bagalau.tests.common import BagalauCase
from odoo.addons.hr_bagalau.tests.test_calibration import CalibrationCase
from odoo.addons.hr_bagalau.tests.test_commission import CommissionCase

__all__ = ["BagalauCase", "CalibrationCase", "XlsxCommissionCase", "XlsxMixin"]


class XlsxCommissionCase(CommissionCase):
    """The 2025 campaign of the test agency under Typical 2018: the
    commission revised the evaluated employee's grade, the protocol approved."""

    def _revised_approved_session(self):
        session, sheet = self._session()
        decision = session.decision_ids.with_user(self.user_hr)
        decision.write({"proposal": "revise", "corrected_grade": "effective",
                        "recommendations": "Training in project management."})
        self._all_for(decision)
        decision.action_decide()
        session.with_user(self.user_hr).conclusion = "The results are approved as corrected."
        session.with_user(self.user_hr).action_hold()
        self._sign_protocol(session)
        session.with_user(self.sheet_user_head).action_approve()
        return session, sheet


class XlsxMixin:
    """Export through the wizard as a user, and read the workbook back with openpyxl."""

    def _export(self, records, lang, user=None, method="action_bagalau_xlsx_export"):
        """The workbook of ``records`` in ``lang``, exported with the button
        ``method`` and the wizard by ``user`` (HR by default):
        ``(openpyxl workbook, attachment)``."""
        user = user or self.user_hr
        action = getattr(records.with_user(user), method)()
        wizard = self.env["hr.bagalau.xlsx.export.wizard"].with_user(user).with_context(
            **action["context"]).create({"lang": lang})
        download = wizard.action_export()
        attachment_id = int(download["url"].split("/web/content/")[1].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        return self._book(attachment.raw), attachment

    @staticmethod
    def _book(data):
        return openpyxl.load_workbook(io.BytesIO(data))

    @staticmethod
    def _print_area(sheet):
        """The print area without the sheet's name (openpyxl's versions differ)."""
        area = sheet.print_area
        return (area[0] if isinstance(area, list) else area).split("!")[-1]

    @staticmethod
    def _headers(sheet, row):
        return [cell.value for cell in sheet[row] if cell.value is not None]

    @staticmethod
    def _rows(sheet, header_row):
        """The table's rows below ``header_row`` as dicts by header."""
        headers = [cell.value for cell in sheet[header_row]]
        return [dict(zip(headers, values, strict=False))
                for values in sheet.iter_rows(min_row=header_row + 1, values_only=True) if any(values)]

    def _import_wizard(self, data, user=None, filename="results.xlsx"):
        return self.env["hr.bagalau.xlsx.import.wizard"].with_user(user or self.user_hr).with_company(
            self.company).create({"file": base64.b64encode(data), "filename": filename})

    @staticmethod
    def _save(book):
        output = io.BytesIO()
        book.save(output)
        return output.getvalue()
