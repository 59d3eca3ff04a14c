from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import XlsxCommissionCase, XlsxMixin


@tagged("post_install", "-at_install")
class TestXlsxProtocol(XlsxMixin, XlsxCommissionCase):
    """The commission's protocol as a workbook that prints like the form of
    the typical methodology of 2018 (seed 001 Appendix 5)."""

    def _band(self, key, lang):
        band = self.preset_2018._bagalau_band(key)
        return band.label_kk if lang == "kk" else band.label_ru

    def test_protocol_in_kazakh_is_laid_out_like_the_printed_form(self):
        session, _sheet = self._revised_approved_session()
        book, attachment = self._export(session, "kk")
        self.assertEqual((attachment.res_model, attachment.res_id), (session._name, session.id))
        ws = book.worksheets[0]
        self.assertEqual(ws["D1"].value, "«БЕКІТЕМІН»")
        self.assertEqual(ws["D2"].value, f"Уәкілетті тұлға: {self.sheet_user_head.name}")
        self.assertRegex(ws["D3"].value, r"^Күні: \d\d\.\d\d\.\d{4}  қолы _+$")
        self.assertEqual(ws["A5"].value, "Бағалау жөніндегі комиссия отырысының хаттамасы")
        self.assertEqual(ws["A6"].value, "Test agency")
        self.assertEqual(self._headers(ws, 10), [
            "№ р/с", "Қызметшілердің тегі, аты, әкесінің аты (болған жағдайда)", "Бағалау нәтижелері туралы мәлімет",
            "Бағалау нәтижелері комиссиямен түзетілуі (бар болған жағдайда)", "Комиссияның ұсыныстары"])
        # One row per evaluated person: the result, the correction, the recommendations.
        self.assertEqual([ws.cell(11, column).value for column in (1, 2)], ["1.", "Сұлтанова Әлия"])
        self.assertIn(self._band(session.decision_ids.original_grade, "kk"), ws["C11"].value)
        self.assertIn("ҚТКК бойынша бағалау парағы", ws["C11"].value)
        self.assertEqual(ws["D11"].value, self._band("effective", "kk"))
        self.assertEqual(ws["E11"].value, "Training in project management.")
        self.assertIsNone(ws["A12"].value, "a single evaluated person")
        self.assertEqual((ws["A13"].value, ws["C13"].value),
                         ("Комиссия қорытындысы:", "The results are approved as corrected."))
        labels = [ws.cell(row, 1).value for row in range(14, ws.max_row + 1) if ws.cell(row, 1).value]
        self.assertEqual(labels[:2], ["Тексерілді: Комиссияның хатшысы:", "Комиссияның төрағасы:"])
        self.assertEqual(labels.count("Комиссияның мүшесі:"), 5)
        secretary_row = next(row for row in range(14, ws.max_row + 1)
                             if ws.cell(row, 1).value == "Тексерілді: Комиссияның хатшысы:")
        self.assertIn("Хатшы Гүл", ws.cell(secretary_row, 3).value)
        self.assertRegex(ws.cell(secretary_row, 4).value, r"^Күні: \d\d\.\d\d\.\d{4}$")
        # The members without a user signed the paper protocol on the session's day.
        self.assertEqual(ws.cell(ws.max_row, 4).value, "Күні: 01.04.2026")
        merged = {str(rng) for rng in ws.merged_cells.ranges}
        self.assertTrue({"D1:E1", "A5:E5", "A6:E6", "A9:E9", "A13:B13", "C13:E13"} <= merged, merged)
        self.assertTrue(ws["B10"].alignment.wrap_text)
        # The row is as high as its longest wrapped cell: the text never runs under the next row.
        lines = -(-len(ws["C11"].value) // 42)
        self.assertGreater(lines, 1)
        self.assertEqual(ws.row_dimensions[11].height, 15 * lines)
        self.assertEqual(ws["B11"].border.left.style, "thin")
        # Printing gives the form: A4 landscape, one page wide, the form as print area.
        self.assertEqual(ws.page_setup.orientation, "landscape")
        self.assertEqual(ws.page_setup.paperSize, 9)
        self.assertTrue(ws.sheet_properties.pageSetUpPr.fitToPage)
        # One page wide (Excel's default width of 1 is left unwritten), as many pages high as needed.
        self.assertIn(ws.page_setup.fitToWidth, (None, 1))
        self.assertEqual(ws.page_setup.fitToHeight, 0)
        self.assertEqual(self._print_area(ws), f"$A$1:$E${ws.max_row}")
        self.assertEqual(ws.print_title_rows, "$10:$10")

    def test_protocol_in_russian_whatever_the_interface_language(self):
        session, _sheet = self._revised_approved_session()
        self.user_hr.lang = "en_US"
        book, _attachment = self._export(session, "ru")
        ws = book.worksheets[0]
        self.assertEqual(ws["A5"].value, "Протокол заседания Комиссии по оценке")
        self.assertEqual(self._headers(ws, 10), [
            "№ п/п", "Фамилия, имя, отчество (при его наличии) служащих", "Сведения о результатах оценки",
            "Корректировка Комиссией результатов оценки (в случае наличия)", "Рекомендации Комиссии"])
        self.assertEqual(ws["D11"].value, self._band("effective", "ru"))
        self.assertEqual(ws["A13"].value, "Заключение Комиссии:")

    def test_a_session_without_decisions_has_no_protocol(self):
        session, _sheet = self._session()
        wizard_action = session.with_user(self.user_hr).action_bagalau_xlsx_export()
        wizard = self.env["hr.bagalau.xlsx.export.wizard"].with_user(self.user_hr).with_context(
            **wizard_action["context"]).create({"lang": "kk"})
        attachments = self.env["ir.attachment"].search_count([])
        with self.assertRaisesRegex(UserError, "has not decided on anybody"):
            wizard.action_export()
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments)

    def test_an_empty_selection_says_so(self):
        with self.assertRaisesRegex(UserError, "select at least one record"):
            self.env["hr.bagalau.commission.session"].with_user(self.user_hr).action_bagalau_xlsx_export()

    def test_the_commission_chair_exports_the_protocol_an_employee_does_not(self):
        session, _sheet = self._revised_approved_session()
        book, _attachment = self._export(session, "kk", user=self.user_commission)
        self.assertEqual(book.worksheets[0]["B11"].value, "Сұлтанова Әлия")
        action = session.with_user(self.user_hr).action_bagalau_xlsx_export()
        wizard = self.env["hr.bagalau.xlsx.export.wizard"].with_user(self.user_employee).with_context(
            **action["context"]).create({"lang": "kk"})
        with self.assertRaises(AccessError):
            wizard.action_export()

    def _decided_rows(self, session, sheet, first, count):
        """``count`` more people decided in ``session``, every other one revised."""
        employees = self.env["hr.employee"].create([{"name": f"Қызметші {number:03d}", "company_id": self.company.id}
                                                    for number in range(first, first + count)])
        self.env["hr.bagalau.commission.decision"].create([{
            "session_id": session.id, "kind": "kpi", "employee_id": employee.id, "kpi_sheet_id": sheet.id,
            "original_grade": "satisfactory", "proposal": "revise" if index % 2 else "approve",
            "corrected_grade": "effective" if index % 2 else False,
            "recommendations": "Training." if index % 2 else False, "state": "decided",
            "outcome": "revised" if index % 2 else "approved",
            "final_grade": "effective" if index % 2 else "satisfactory",
        } for index, employee in enumerate(employees)])

    def _build_queries(self, session):
        """The queries of building the protocol's workbook, from a cold cache."""
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        _filename, data = self.env["hr.bagalau.xlsx.export"]._bagalau_xlsx_build("protocol", session, "kk")
        return self.env.cr.sql_log_count - before, self._book(data).worksheets[0]

    def test_the_protocol_costs_the_same_queries_for_twice_the_people(self):
        """A protocol of thousands of people is read in one pass: its
        queries do not grow with its rows (10 people cost what 20 cost)."""
        session, sheet = self._session()
        self._decided_rows(session, sheet, 0, 10)
        self._build_queries(session)  # the access rules and groups, once per process
        queries_10, ws = self._build_queries(session)
        self.assertEqual(ws["B20"].value, "Қызметші 009")
        self._decided_rows(session, sheet, 10, 10)
        queries_20, ws = self._build_queries(session)
        self.assertEqual([ws.cell(row, 2).value for row in (11, 30)], ["Қызметші 000", "Қызметші 019"])
        self.assertEqual(ws["D12"].value, self._band("effective", "kk"))
        self.assertEqual(queries_20, queries_10)
