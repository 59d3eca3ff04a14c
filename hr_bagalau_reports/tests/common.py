import base64
import io
import re

import openpyxl

from odoo.addons.hr_bagalau.tests.common import BagalauCase
from odoo.addons.hr_bagalau.tests.test_calibration import CalibrationCase
from odoo.addons.hr_bagalau.tests.test_commission import CommissionCase
from odoo.addons.hr_bagalau_360.tests.common import Survey360Case

__all__ = ["BagalauCase", "CalibrationCase", "Forms360Case", "Forms2018Case", "Forms2023Case",
           "PrintedFormsMixin", "XlsxCommissionCase", "XlsxMixin"]


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


TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")


class PrintedFormsMixin:
    """Kazakh and Russian active, as an agency runs them, and the printed
    forms as a reader sees them: the text of the rendered page."""

    @classmethod
    def _bagalau_activate_languages(cls):
        cls.env["base.language.install"].create({
            "lang_ids": [(6, 0, (cls.env.ref("hr_bagalau.lang_kk") | cls.env.ref("base.lang_ru")).ids)],
        }).lang_install()

    def _form_text(self, report, records, lang, user=None):
        """The text of ``report`` printed for ``records`` in ``lang`` (by
        ``user``, default superuser), whitespace collapsed."""
        Report = self.env["ir.actions.report"]
        if user:
            Report = Report.with_user(user)
        html, _kind = Report._render_qweb_html(f"hr_bagalau_reports.{report}", records.ids,
                                               data={"bagalau_lang": lang})
        return SPACE.sub(" ", TAG.sub(" ", html.decode())).replace("&#34;", '"')

    def _watermarked(self, report, records, lang):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            f"hr_bagalau_reports.{report}", records.ids, data={"bagalau_lang": lang})
        return "o_bagalau_watermark" in html.decode()


class Forms2018Case(PrintedFormsMixin, CommissionCase):
    """The 2018 agency of the commission tests (an agreed KPI sheet, a
    commission) with Kazakh and Russian active, and a plain employee of
    another unit."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._bagalau_activate_languages()
        cls.user_colleague = cls._bagalau_user("t_forms_colleague", "hr_bagalau.group_bagalau_employee")
        cls.emp_colleague = cls._bagalau_employee("Омаров Дәурен Серікұлы", cls.sheet_superior, cls.user_colleague,
                                                  "e_4")


class Forms2023Case(PrintedFormsMixin, CalibrationCase):
    """The 2023 agency of the calibration tests, Kazakh and Russian active,
    with a staff member (no head) scored by differentiation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._bagalau_activate_languages()
        cls.user_staff = cls._bagalau_user("t_forms_staff", "hr_bagalau.group_bagalau_employee")
        cls.emp_staff = cls._bagalau_employee("Жұмабаева Айгерім Маратқызы", cls.sheet_manager, cls.user_staff,
                                              "e_4")


class Forms360Case(PrintedFormsMixin, Survey360Case):
    """The control department of the 360 tests (a head, five servants),
    Kazakh and Russian active."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._bagalau_activate_languages()

    def _published_servant_360(self):
        """The 360 of servant 0, published: the manager gives 5 everywhere,
        servant 1 gives 4, servant 2 gives 1, 2, 3 on the rows of "ethics"
        and 3 elsewhere; the self-assessment 1 everywhere; two invitations
        expire. Ethics: 3.67 (rows 3.33, 3.67, 4.00), the others 4.00."""
        evaluation = self.eval_servant
        evaluation.with_user(self.user_hr).action_invite()
        self.answer(self.line_of(evaluation, self.emp_head), 5)
        self.answer(self.line_of(evaluation, self.servants[1]), 4)
        self.answer(self.line_of(evaluation, self.servants[2]), lambda key, row: row + 1 if key == "ethics" else 3)
        self.answer(self.line_of(evaluation, self.emp_servant), 1)
        evaluation.with_user(self.user_hr).action_publish()
        return evaluation
