import io
import zipfile
from unittest.mock import patch

from odoo.addons.hr_bagalau_reports.models import hr_bagalau_xlsx_export
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import XlsxCommissionCase, XlsxMixin

HEADERS_KK = ["№ р/с", "Қызметшінің тегі, аты, әкесінің аты", "Құрылымдық бөлімше", "Лауазымы", "Лауазым санаты",
              "Жыл", "Тоқсан", "Әдістеме", "ҚТКК бойынша нәтиже", "ҚТКК бойынша балл", "Құзыреттер бойынша нәтиже",
              "Саралау парағы бойынша нәтиже", "Саралау парағы бойынша балл", "Жылдық балл", "Бағалау нәтижесі",
              "Комиссияның түзетуі", "Нәтижемен танысу", "Танысқан күні", "Калибрлеу", "Калибрлеуден кейінгі балл"]


@tagged("post_install", "-at_install")
class TestXlsxSummary(XlsxMixin, XlsxCommissionCase):
    """The summary of a campaign: one row per employee, every track, the
    commission's correction, the acknowledgement, filterable in Excel."""

    def _band(self, key, lang):
        band = self.preset_2018._bagalau_band(key)
        return band.label_kk if lang == "kk" else band.label_ru

    def test_summary_rows_headers_formats_and_chatter(self):
        session, sheet = self._revised_approved_session()
        campaign = session.campaign_id
        book, attachment = self._export(campaign, "kk")
        ws = book.worksheets[0]
        self.assertEqual(self._headers(ws, 3), HEADERS_KK)
        rows = {row["Қызметшінің тегі, аты, әкесінің аты"]: row for row in self._rows(ws, 3)}
        self.assertEqual(set(rows), set(campaign.kpi_sheet_ids.employee_id.mapped("name")))
        names = list(rows)
        self.assertLess(names.index("Әбенова Динара"), names.index("Мұхамедияров Ерлан"),
                        "the Kazakh alphabetical order: Ә comes right after А")
        mine = rows["Сұлтанова Әлия"]
        self.assertEqual((mine["Лауазым санаты"], mine["Жыл"]), ("E-4", 2025))
        self.assertEqual(mine["ҚТКК бойынша нәтиже"], self._band(sheet.result_key, "kk"))
        self.assertEqual(mine["Бағалау нәтижесі"], self._band("effective", "kk"))
        self.assertEqual(mine["Комиссияның түзетуі"], self._band("effective", "kk"))
        self.assertEqual(mine["Нәтижемен танысу"], "танысуы күтілуде")
        self.assertIsNone(mine["Жылдық балл"], "a 2018 grade has no score")
        self.assertEqual(rows["Әбенова Динара"]["Нәтижемен танысу"], "басталмаған")
        # Typed cells, number formats, the header frozen, an autofilter over the table.
        year_column = HEADERS_KK.index("Жыл") + 1
        self.assertEqual(ws.cell(4, year_column).number_format, "0")
        self.assertEqual(ws.cell(4, HEADERS_KK.index("ҚТКК бойынша балл") + 1).number_format, "0.00")
        self.assertEqual(ws.cell(4, HEADERS_KK.index("Танысқан күні") + 1).number_format, "dd.mm.yyyy")
        self.assertEqual(ws.freeze_panes, "C4")
        self.assertEqual(ws.auto_filter.ref, f"A3:T{3 + len(rows)}")
        self.assertIn("A1:T1", {str(rng) for rng in ws.merged_cells.ranges})
        self.assertEqual(ws.page_setup.orientation, "landscape")
        self.assertEqual(ws.column_dimensions["B"].width > 30, True)
        # Posted in the campaign's chatter.
        message = campaign.message_ids.filtered(lambda msg: attachment in msg.attachment_ids)
        self.assertEqual(len(message), 1)

    def test_summary_in_russian(self):
        session, _sheet = self._revised_approved_session()
        book, _attachment = self._export(session.campaign_id, "ru")
        ws = book.worksheets[0]
        headers = self._headers(ws, 3)
        self.assertEqual(headers[:6], ["№ п/п", "Фамилия, имя, отчество служащего", "Структурное подразделение",
                                       "Должность", "Категория должности", "Год"])
        self.assertIn("Корректировка комиссии", headers)
        rows = {row["Фамилия, имя, отчество служащего"]: row for row in self._rows(ws, 3)}
        self.assertEqual(rows["Сұлтанова Әлия"]["Корректировка комиссии"], self._band("effective", "ru"))
        self.assertEqual(rows["Сұлтанова Әлия"]["Ознакомление с результатом"], "ожидает ознакомления")

    def test_a_large_export_streams_with_the_same_content(self):
        session, _sheet = self._revised_approved_session()
        campaign = session.campaign_id
        normal, normal_attachment = self._export(campaign, "kk")
        with patch.object(hr_bagalau_xlsx_export, "LARGE_EXPORT_ROWS", 0):
            streamed, attachment = self._export(campaign, "kk")
        # constant_memory writes its strings inline, without the shared table.
        self.assertIn("xl/sharedStrings.xml", zipfile.ZipFile(io.BytesIO(normal_attachment.raw)).namelist())
        self.assertNotIn("xl/sharedStrings.xml", zipfile.ZipFile(io.BytesIO(attachment.raw)).namelist())
        self.assertEqual(self._rows(streamed.worksheets[0], 3), self._rows(normal.worksheets[0], 3))
        self.assertEqual(streamed.worksheets[0].freeze_panes, "C4")
        self.assertEqual(streamed.worksheets[0].auto_filter.ref, normal.worksheets[0].auto_filter.ref)

    def test_an_employee_cannot_export_the_campaign_summary(self):
        campaign = self._bagalau_sheet_campaign(self.preset_2018, 2025)
        action = campaign.with_user(self.user_hr).action_bagalau_xlsx_export()
        for user in (self.user_employee, self.user_evaluator, self.user_plain):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                wizard = self.env["hr.bagalau.xlsx.export.wizard"].with_user(user).with_context(
                    **action["context"]).create({"lang": "kk"})
                wizard.action_export()
        self.assertFalse(campaign.message_ids.attachment_ids)

    def test_an_empty_selection_says_so(self):
        with self.assertRaisesRegex(UserError, "select at least one record"):
            self.env["hr.bagalau.campaign"].with_user(self.user_hr).action_bagalau_xlsx_export()
        wizard = self.env["hr.bagalau.xlsx.export.wizard"].with_user(self.user_hr).create(
            {"report": "summary", "res_ids": "0", "lang": "ru"})
        with self.assertRaisesRegex(UserError, "select at least one record"):
            wizard.action_export()

    def test_the_list_action_exports_the_selected_campaigns(self):
        campaign = self._bagalau_sheet_campaign(self.preset_2018, 2025)
        server_action = self.env.ref("hr_bagalau_reports.hr_bagalau_campaign_action_xlsx_summary")
        action = server_action.with_user(self.user_hr).with_context(
            active_model=campaign._name, active_ids=campaign.ids, active_id=campaign.id).run()
        self.assertEqual(action["res_model"], "hr.bagalau.xlsx.export.wizard")
        self.assertEqual(action["context"]["default_res_ids"], str(campaign.id))
