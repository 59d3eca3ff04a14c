from odoo.tests import tagged

from .common import BagalauCase, XlsxMixin


@tagged("post_install", "-at_install")
class TestXlsxDemo(XlsxMixin, BagalauCase):
    """The demo agency shows the Excel documents: the protocol of its closed
    year, and its results of the two years before imported."""

    def setUp(self):
        super().setUp()
        self.agency = self.env.ref("hr_bagalau.demo_company_agency", raise_if_not_found=False)
        if not self.agency:
            self.skipTest("installed without demo data")

    def _closed_year(self):
        campaign = self.env["hr.bagalau.campaign"].search([
            ("company_id", "=", self.agency.id), ("state", "=", "closed"),
            ("methodology_id", "=", self.preset_2018.id)], order="year desc", limit=1)
        self.assertTrue(campaign, "the demo's closed year")
        return campaign

    def test_the_closed_year_exports_its_approved_protocol(self):
        session = self.env["hr.bagalau.commission.session"].search(
            [("company_id", "=", self.agency.id), ("campaign_id", "=", self._closed_year().id),
             ("state", "=", "approved")])
        self.assertEqual(len(session), 1)
        self.assertTrue(self.env["ir.attachment"].search_count(
            [("res_model", "=", session._name), ("res_id", "=", session.id), ("name", "like", "%.xlsx")]))
        hr_user = self.env.ref("hr_bagalau.user_bagalau_hr")
        book, _attachment = self._export(session.with_company(self.agency), "ru", user=hr_user)
        ws = book.worksheets[0]
        self.assertEqual(ws["A5"].value, "Протокол заседания Комиссии по оценке")
        decided = session.decision_ids.filtered(lambda row: row.state == "decided").employee_id
        names = [ws.cell(row, 2).value for row in range(11, 11 + len(decided))]
        self.assertEqual(sorted(names), sorted(decided.mapped("name")))

    def test_earlier_results_were_imported(self):
        imported = self.env["hr.bagalau.result"].search(
            [("company_id", "=", self.agency.id), ("bagalau_imported", "=", True)])
        closed = self._closed_year().year
        self.assertEqual(sorted(imported.mapped("year")), [closed - 2, closed - 1, closed - 1, closed - 1])
        aigerim = self.env.ref("hr_bagalau.employee_tokhtarova_aigerim")
        self.assertEqual(imported.filtered(lambda result: result.employee_id == aigerim).mapped("result_key"),
                         ["excellent", "effective"])
