import io
import shutil
import subprocess
import tempfile
import zipfile
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import Forms2018Case


class ArchiveCase(Forms2018Case):
    """The 2018 agency of the printed forms, its employees in two units."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Department = cls.env["hr.department"].with_company(cls.company)
        cls.dept_control = Department.create({"name": "Бақылау бөлімі", "company_id": cls.company.id})
        cls.dept_legal = Department.create({"name": "Заң/құқық бөлімі", "company_id": cls.company.id})
        (cls.sheet_evaluated | cls.sheet_manager).department_id = cls.dept_control
        (cls.sheet_superior | cls.emp_colleague).department_id = cls.dept_legal

    def _closed_campaign(self, refusal=False):
        """The 2025 campaign, its protocol approved, closed by HR; with
        ``refusal`` the evaluated employee refused to acknowledge her result."""
        session, _sheet = self._approved_session()
        if refusal:
            session.decision_ids.result_id.with_user(self.user_hr).action_record_refusal(
                witnesses=self.emp_colleague | self.sheet_manager, note="Танысудан ауызша бас тартты.")
        campaign = session.campaign_id
        campaign.with_user(self.user_hr).action_close()
        self.assertEqual(campaign.state, "closed")
        return campaign, session

    def _empty_campaign(self, state):
        campaign = self.env["hr.bagalau.campaign"].with_user(self.user_hr).create({
            "methodology_id": self.preset_2018.id, "year": 2024, "company_id": self.company.id,
        })
        campaign.sudo().state = state
        return campaign


@tagged("post_install", "-at_install")
class TestCampaignArchiveGuards(ArchiveCase):
    """Who may archive which campaign: HR, a closed campaign, something to
    archive, the PDF converter installed."""

    def test_an_open_campaign_is_refused_in_the_users_language(self):
        campaign = self._empty_campaign("running")
        # The web client sends the user's language in the context.
        with self.assertRaisesRegex(UserError, "не закрыта"):
            campaign.with_user(self.user_hr).with_context(lang="ru_RU").action_bagalau_archive()
        with self.assertRaisesRegex(UserError, "жабылмаған"):
            campaign.with_user(self.user_hr).with_context(lang="kk_KZ").action_bagalau_archive()

    def test_a_campaign_without_documents_has_nothing_to_archive(self):
        campaign = self._empty_campaign("closed")
        with self.assertRaisesRegex(UserError, "Nothing to archive"):
            campaign.with_user(self.user_hr).action_bagalau_archive()

    def test_without_wkhtmltopdf_the_user_is_told(self):
        campaign = self._empty_campaign("closed")
        Report = type(self.env["ir.actions.report"])
        with patch.object(Report, "get_wkhtmltopdf_state", return_value="install"), \
                self.assertRaisesRegex(UserError, "wkhtmltopdf is not installed"):
            campaign.with_user(self.user_hr).action_bagalau_archive()

    def test_only_hr_archives(self):
        campaign = self._empty_campaign("closed")
        for user in (self.user_employee, self.sheet_user_head):
            with self.assertRaises(AccessError):
                campaign.with_user(user).action_bagalau_archive()
            with self.assertRaises(AccessError):
                campaign.with_user(user)._bagalau_archive_start("kk_KZ")
        self.assertFalse(self.env["hr.bagalau.campaign.archive"].search([("campaign_id", "=", campaign.id)]))


@tagged("post_install", "-at_install")
class TestCampaignArchivePdf(ArchiveCase, HttpCase):
    """The archive of a closed campaign through the job runner, real PDFs
    through wkhtmltopdf. An HttpCase: the converter fetches the report's
    styles from this server, which must see the test's transaction."""

    def test_zip_has_one_pdf_per_employee_by_unit_and_the_protocol(self):
        if not shutil.which("wkhtmltopdf"):
            self.skipTest("wkhtmltopdf is not installed")
        campaign, _session = self._closed_campaign(refusal=True)
        action = campaign.with_user(self.user_hr).action_bagalau_archive()
        wizard = self.env[action["res_model"]].with_user(self.user_hr).with_context(
            **action["context"], lang="en_US").create({"lang": "kk_KZ"})
        wizard.action_build()
        archive = self.env["hr.bagalau.campaign.archive"].search([("campaign_id", "=", campaign.id)])
        self.assertEqual((archive.state, archive.lang, archive.user_id), ("running", "kk_KZ", self.user_hr))
        with self.assertRaisesRegex(UserError, "already being built"):
            campaign.with_user(self.user_hr).action_bagalau_archive()

        # The job runner, two employees a call: the campaign shows the progress.
        Archive = self.env["hr.bagalau.campaign.archive"]
        Archive._cron_bagalau_archive(batch_size=2)
        employees = (campaign.plan_ids.employee_id | campaign.kpi_sheet_ids.employee_id)
        self.assertGreaterEqual(len(employees), 3)
        campaign.invalidate_recordset()
        campaign_hr = campaign.with_user(self.user_hr)
        self.assertEqual((campaign_hr.bagalau_archive_state, campaign_hr.bagalau_archive_done,
                          campaign_hr.bagalau_archive_total), ("running", 2, len(employees)))
        for _call in range(len(employees)):
            if archive.state != "running":
                break
            Archive._cron_bagalau_archive(batch_size=2)
        self.assertEqual(archive.state, "done", archive.error)

        zip_file = archive.attachment_id
        self.assertEqual((zip_file.res_model, zip_file.res_id, zip_file.mimetype),
                         (campaign._name, campaign.id, "application/zip"))
        self.assertIn(zip_file, campaign.message_ids.attachment_ids, "the ZIP is posted in the chatter")
        self.assertFalse(self.env["ir.attachment"].search([("res_model", "=", archive._name)]),
                         "the employees' parts are gone once zipped")
        with zipfile.ZipFile(io.BytesIO(zip_file.raw)) as bundle:
            names = bundle.namelist()
            contents = {name: bundle.read(name) for name in names}
        expected = {f"{employee.department_id.name.replace('/', ' ')}/{employee.name}.pdf" for employee in employees}
        self.assertIn("Бақылау бөлімі/Сұлтанова Әлия.pdf", expected)
        self.assertIn("Заң құқық бөлімі/Омаров Дәурен Серікұлы.pdf", expected, "no slash inside a folder name")
        protocols = [name for name in names if "/" not in name]
        self.assertEqual(set(names) - set(protocols), expected)
        self.assertEqual(len(protocols), 1)
        self.assertTrue(protocols[0].startswith("Комиссия хаттамасы"), protocols)
        for name, data in contents.items():
            self.assertTrue(data.startswith(b"%PDF"), name)

        if not shutil.which("pdftotext"):
            return
        text = self._pdf_text(contents["Бақылау бөлімі/Сұлтанова Әлия.pdf"])
        # Her sheets, her extract of the protocol, her refusal act, in Kazakh.
        self.assertIn("бағалау парағы", text)
        self.assertIn("хаттамасынан үзінді", text)
        self.assertIn("бас тарту туралы акт", text)
        colleague = self._pdf_text(contents["Заң құқық бөлімі/Омаров Дәурен Серікұлы.pdf"])
        self.assertNotIn("Сұлтанова", colleague, "an employee's PDF holds his documents only")
        protocol = self._pdf_text(contents[protocols[0]])
        self.assertIn("Бағалау жөніндегі комиссия отырысының хаттамасы", protocol)
        self.assertIn("Сұлтанова Әлия", protocol)

    @staticmethod
    def _pdf_text(data):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(data)
            handle.flush()
            text = subprocess.run(["pdftotext", "-layout", handle.name, "-"], capture_output=True, check=True,
                                  text=True).stdout
        return " ".join(text.split())
