import shutil
import subprocess
import tempfile

from odoo.tests import HttpCase, tagged

from .common import Forms360Case, Forms2018Case


def pdf_text(pdf):
    """The text of ``pdf`` by pdftotext, whitespace collapsed."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        text = subprocess.run(["pdftotext", "-layout", handle.name, "-"], capture_output=True, check=True,
                              text=True).stdout
    return " ".join(text.split())


@tagged("post_install", "-at_install")
class TestPrintedPdf(Forms2018Case, HttpCase):
    """A real PDF through wkhtmltopdf, read back as text. An HttpCase: the
    converter fetches the report's styles from this server, which must see
    the test's transaction."""

    def test_pdf_through_wkhtmltopdf(self):
        """A real PDF, read back as text, when the machine has the tools."""
        if not shutil.which("wkhtmltopdf") or not shutil.which("pdftotext"):
            self.skipTest("wkhtmltopdf or pdftotext (poppler-utils) is not installed")
        session, _sheet = self._approved_session()
        pdf, kind = self.env["ir.actions.report"].with_context(force_report_rendering=True)._render_qweb_pdf(
            "hr_bagalau_reports.report_commission_protocol", session.ids, data={"bagalau_lang": "kk_KZ"})
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(pdf)
            handle.flush()
            text = subprocess.run(["pdftotext", "-layout", handle.name, "-"], capture_output=True, check=True,
                                  text=True).stdout
        text = " ".join(text.split())
        self.assertIn("хаттамасы", text)
        self.assertIn("Сұлтанова Әлия", text)
        self.assertIn("БЕКІТЕМІН", text)


@tagged("post_install", "-at_install")
class TestPrintedPdf360(Forms360Case, HttpCase):
    """The 360 result through wkhtmltopdf: the radar chart is inline SVG,
    so its axes' numbers are text of the PDF."""

    def test_360_result_pdf_with_the_radar(self):
        if not shutil.which("wkhtmltopdf") or not shutil.which("pdftotext"):
            self.skipTest("wkhtmltopdf or pdftotext (poppler-utils) is not installed")
        evaluation = self._published_servant_360()
        pdf, kind = self.env["ir.actions.report"].with_context(force_report_rendering=True)._render_qweb_pdf(
            "hr_bagalau_reports.report_survey360_result", evaluation.ids, data={"bagalau_lang": "ru_RU"})
        self.assertEqual(kind, "pdf")
        text = pdf_text(pdf)
        self.assertIn("Результаты оценки служащего методом 360 градусов", text)
        self.assertIn("Servant 0", text)
        self.assertIn("3,67", text)
        self.assertIn("Паутинка", text)
        self.assertIn("средняя оценка респондентов", text)
        # The SVG is drawn: its axes are numbered like the table's rows, so
        # the last competency's number is printed twice, in the table and on the radar.
        self.assertGreaterEqual(text.split().count("8"), 2)
