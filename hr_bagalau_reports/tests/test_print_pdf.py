import shutil
import subprocess
import tempfile

from odoo.tests import HttpCase, tagged

from .common import Forms2018Case


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
