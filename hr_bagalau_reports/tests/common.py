import re

from odoo.addons.hr_bagalau.tests.test_calibration import CalibrationCase
from odoo.addons.hr_bagalau.tests.test_commission import CommissionCase

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
