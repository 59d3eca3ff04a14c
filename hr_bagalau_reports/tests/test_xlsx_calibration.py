import datetime

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CalibrationCase, XlsxMixin


@tagged("post_install", "-at_install")
class TestXlsxCalibration(XlsxMixin, CalibrationCase):
    """The protocol of the calibration sessions of a 2023 campaign (seed 004 §41-43)."""

    def test_calibration_protocol_from_the_campaign_in_both_languages(self):
        sheet, case = self._planned_case()
        self._hold_session(case, [True, True, False])
        self.assertEqual(case.state, "held")
        book, attachment = self._export(sheet.campaign_id, "kk", method="action_bagalau_xlsx_calibration")
        self.assertEqual((attachment.res_model, attachment.res_id), (case._name, case.id))
        ws = book.worksheets[0]
        self.assertEqual(ws["A1"].value, "Калибрлеу сессиясының хаттамасы")
        self.assertEqual(self._headers(ws, 6)[:5], ["№ р/с", "Қызметшілердің тегі, аты, әкесінің аты (болған "
                                                   "жағдайда)", "Құрылымдық бөлімше", "Бағалаушы адам",
                                                   "Калибрлеуге дейінгі балл"])
        self.assertEqual((ws["B7"].value, ws["E7"].value, ws["I7"].value), ("Сұлтанова Әлия", 5.0, 4.0))
        self.assertEqual(ws["E7"].number_format, "0.00")
        self.assertEqual(ws["F7"].value, "All KPIs reached in time.")
        self.assertIn("Participant 1: 4.00 — Two KPIs were reached late.", ws["G7"].value)
        self.assertEqual(ws["K7"].value, datetime.datetime(2026, 4, 3))
        self.assertEqual(ws["K7"].number_format, "dd.mm.yyyy")
        self.assertIn("A1:K1", {str(rng) for rng in ws.merged_cells.ranges})
        self.assertEqual(ws.page_setup.orientation, "landscape")
        self.assertEqual(self._print_area(ws), f"$A$1:$K${ws.max_row}")
        participants = [ws.cell(row, 3).value for row in range(8, ws.max_row + 1)
                        if ws.cell(row, 1).value == "Қатысушы:"]
        self.assertEqual(len(participants), 3)

        book, _attachment = self._export(case, "ru")
        ws = book.worksheets[0]
        self.assertEqual(ws["A1"].value, "Протокол калибровочной сессии")
        self.assertEqual(ws["I6"].value, "Итоговый балл")

    def test_a_calibration_without_its_protocol_has_nothing_to_export(self):
        _sheet, case = self._planned_case()
        with self.assertRaisesRegex(UserError, "signed protocol"):
            self._export(case, "kk")

    def test_a_campaign_without_calibrations_says_so(self):
        campaign = self._bagalau_sheet_campaign(self.preset_2023, 2026, "1")
        with self.assertRaisesRegex(UserError, "Nobody asked for a calibration"):
            campaign.with_user(self.user_hr).action_bagalau_xlsx_calibration()
