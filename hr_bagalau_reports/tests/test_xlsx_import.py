import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import XlsxCommissionCase, XlsxMixin

HEADERS_RU = ("Фамилия, имя, отчество служащего", "Категория должности", "Год", "Методика", "1 квартал",
              "2 квартал", "3 квартал", "4 квартал", "Годовой балл", "Результат оценки")


@tagged("post_install", "-at_install")
class TestXlsxImport(XlsxMixin, XlsxCommissionCase):
    """Results of earlier years from a workbook: a preview with every row's
    fate, nothing written before the confirmation, read-only afterwards."""

    def _workbook(self, rows, headers=HEADERS_RU):
        book = openpyxl.Workbook()
        ws = book.active
        ws.append(["Сводные результаты оценки"])
        ws.append([])
        ws.append(list(headers))
        for row in rows:
            ws.append(row)
        return self._save(book)

    def _results(self):
        return self.env["hr.bagalau.result"].sudo().search([("company_id", "=", self.company.id)])

    def test_preview_refuses_bad_rows_with_reasons_and_writes_nothing(self):
        effective = self.preset_2018._bagalau_band("effective").label_ru
        name_2023, name_2018 = self.preset_2023.name, self.preset_2018.name
        data = self._workbook([
            ["Сұлтанова Әлия", "E-4", 2024, name_2023, 4.5, 4, 5, 4.5, 4.5, None],
            ["Иванов Иван", "E-4", 2024, name_2023, None, None, None, None, 4, None],
            ["Мұхамедияров Ерлан", "Z-9", 2024, name_2023, None, None, None, None, 4, None],
            ["Мұхамедияров Ерлан", "E-3", 2099, name_2023, None, None, None, None, 4, None],
            ["Әбенова Динара", "E-2", 2024, name_2023, 7.5, None, None, None, 7.5, None],
            ["Әбенова Динара", "E-2", 2023, "Methodology of nowhere", None, None, None, None, 4, None],
            ["Мұхамедияров Ерлан", "E-3", 2023, name_2018, None, None, None, None, None, effective],
            ["Сұлтанова Әлия", "E-4", 2024, name_2023, None, None, None, None, 3, None],
            [],
        ])
        before = self._results()
        wizard = self._import_wizard(data)
        wizard.action_preview()
        lines = wizard.line_ids.sorted("row")
        self.assertEqual(lines.mapped("row"), [4, 5, 6, 7, 8, 9, 10, 11])
        self.assertEqual(lines.mapped("status"), ["accepted", "refused", "refused", "refused", "refused", "refused",
                                                  "accepted", "refused"])
        reasons = lines.mapped("reason")
        self.assertIn("Unknown employee “Иванов Иван”", reasons[1])
        self.assertIn("Unknown position category “Z-9”", reasons[2])
        self.assertIn("“2099” is not an earlier year", reasons[3])
        self.assertIn("7.50 is out of the bounds", reasons[4])
        self.assertIn("Unknown methodology “Methodology of nowhere”", reasons[5])
        self.assertIn("appear twice", reasons[7])
        self.assertEqual((wizard.accepted_count, wizard.refused_count), (2, 6))
        self.assertEqual(self._results(), before, "the preview records nothing")

        action = wizard.action_confirm()
        imported = self.env["hr.bagalau.result"].browse(action["domain"][0][2])
        self.assertEqual(self._results() - before, imported)
        by_employee = {result.employee_id.name: result for result in imported}
        aliya = by_employee["Сұлтанова Әлия"]
        self.assertEqual((aliya.year, aliya.methodology_id, aliya.year_score, aliya.q2_score, aliya.q2_evaluated),
                         (2024, self.preset_2023, 4.5, 4.0, True))
        self.assertTrue(aliya.result_key)
        erlan = by_employee["Мұхамедияров Ерлан"]
        self.assertEqual((erlan.result_key, erlan.bagalau_category_id.code), ("effective", "E-3"))
        self.assertTrue(all(imported.mapped("bagalau_imported")))
        self.assertEqual(imported.bagalau_imported_by_id, self.user_hr)

        # Read-only: nobody writes or deletes it, the superuser's code neither.
        with self.assertRaisesRegex(UserError, "read-only"):
            aliya.sudo()._bagalau_set_quarter("1", 2.0)
        with self.assertRaises(UserError):
            aliya.with_user(self.user_hr).unlink()
        with self.assertRaises(AccessError):
            aliya.with_user(self.user_hr).write({"year_score": 1.0})

        # The same workbook again: every row already recorded.
        again = self._import_wizard(data)
        again.action_preview()
        self.assertIn("already has a result for 2024", again.line_ids.sorted("row")[0].reason)
        with self.assertRaisesRegex(UserError, "No row"):
            again.action_confirm()

    def test_the_preview_is_not_trusted(self):
        data = self._workbook([["Иванов Иван", "E-4", 2024, self.preset_2023.name, None, None, None, None, 4, None]])
        wizard = self._import_wizard(data)
        with self.assertRaisesRegex(UserError, "Preview"):
            wizard.action_confirm()
        wizard.action_preview()
        wizard.line_ids.sudo().write({"status": "accepted", "reason": False})
        before = self._results()
        with self.assertRaisesRegex(UserError, "No row"):
            wizard.action_confirm()
        self.assertEqual(self._results(), before)

    def test_a_file_that_is_no_workbook_or_has_no_table(self):
        with self.assertRaisesRegex(UserError, "not an Excel workbook"):
            self._import_wizard(b"plain text").action_preview()
        with self.assertRaisesRegex(UserError, "No table of results"):
            self._import_wizard(self._workbook([["x"]], headers=["Name", "Year"])).action_preview()

    def test_only_hr_imports(self):
        data = self._workbook([])
        for user in (self.user_employee, self.user_evaluator):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._import_wizard(data, user=user)

    def test_the_import_round_trips_the_history_export(self):
        """The evaluated employee's 2025 history, exported, its year changed to
        2021 and imported back: the same result, marked imported, in the history."""
        _session, sheet = self._revised_approved_session()
        employee = sheet.employee_id
        original = sheet.result_id
        book, _attachment = self._export(employee, "kk")
        ws = book.worksheets[0]
        headers = self._headers(ws, 3)
        self.assertEqual(headers[:4], ["Қызметшінің тегі, аты, әкесінің аты", "Лауазым санаты", "Жыл", "Әдістеме"])
        self.assertEqual(ws.cell(4, 3).value, 2025)
        ws.cell(4, 3).value = 2021
        wizard = self._import_wizard(self._save(book))
        wizard.action_preview()
        self.assertEqual(wizard.line_ids.mapped("status"), ["accepted"], wizard.line_ids.mapped("reason"))
        wizard.action_confirm()
        copy = self.env["hr.bagalau.result"].search([("employee_id", "=", employee.id), ("year", "=", 2021)])
        self.assertEqual((copy.result_key, copy.methodology_id, copy.bagalau_category_id),
                         (original.result_key, original.methodology_id, employee.bagalau_category_id))
        self.assertTrue(copy.bagalau_imported)

        book, _attachment = self._export(employee, "ru")
        rows = self._rows(book.worksheets[0], 3)
        self.assertEqual([(row["Год"], row["Импортировано"]) for row in rows], [(2021, "да"), (2025, None)])
        self.assertEqual(rows[0]["Результат оценки"], rows[1]["Результат оценки"])
