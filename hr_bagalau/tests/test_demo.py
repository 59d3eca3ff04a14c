from odoo.tests import tagged

from .common import BagalauCase


@tagged("post_install", "-at_install")
class TestDemoAgency(BagalauCase):
    """`make run` shows a newcomer every step of the cycle: the demo agency's
    campaigns are made by the real workflows, so they break when the code does."""

    def setUp(self):
        super().setUp()
        self.agency = self.env.ref("hr_bagalau.demo_company_agency", raise_if_not_found=False)
        if not self.agency:
            self.skipTest("installed without demo data")

    def _campaign(self, name):
        return self.env["hr.bagalau.campaign"].search([("company_id", "=", self.agency.id), ("name", "=", name)])

    def test_2025_is_closed_under_typical_2018_with_every_grade(self):
        campaign = self._campaign("2025")
        self.assertEqual(campaign.state, "closed")
        self.assertEqual(campaign.methodology_id, self.preset_2018)
        self.assertEqual(set(campaign.kpi_sheet_ids.mapped("state")), {"agreed"})
        self.assertEqual(set(campaign.kpi_sheet_ids.mapped("result_key")),
                         {"excellent", "effective", "satisfactory", "unsatisfactory"})
        self.assertIn("tenure", campaign.exclusion_ids.mapped("reason"), "the late joiner of November 2025")

    def test_q1_2026_runs_under_typical_2023_with_every_state(self):
        campaign = self._campaign("Q1 2026")
        self.assertEqual(campaign.state, "running")
        self.assertEqual(campaign.methodology_id, self.preset_2023)
        self.assertEqual(set(campaign.plan_ids.mapped("state")), {"draft", "submitted", "returned", "approved"})
        self.assertEqual(set(campaign.kpi_sheet_ids.mapped("state")), {"draft", "submitted", "returned", "agreed"})
        absent = self.env.ref("hr_bagalau.employee_ivanova_olga")
        deferral = campaign.exclusion_ids.filtered(lambda line: line.employee_id == absent)
        self.assertEqual((deferral.status, deferral.reason), ("deferred", "absent"))

    def test_2025_competency_sheets_and_commission(self):
        campaign = self._campaign("2025")
        self.assertEqual(set(campaign.competency_sheet_ids.mapped("state")), {"draft", "signed", "sent"})
        session = self.env["hr.bagalau.commission.session"].search([("campaign_id", "=", campaign.id)])
        self.assertEqual(session.state, "approved", "a held session with an approved protocol")
        self.assertTrue(session.protocol_number, "numbered on approval")
        self.assertEqual(set(session.signature_ids.mapped("signature_state")), {"signed", "paper", "not_signed"},
                         "signed in Odoo, on paper, and one absence explained")
        self.assertIn("revised", session.decision_ids.mapped("outcome"))
        self.assertTrue(self.env["hr.bagalau.refusal.act"].search([("company_id", "=", self.agency.id)]))
        self.assertTrue(self.env["hr.bagalau.appeal"].search([("company_id", "=", self.agency.id)]))

    def test_q1_2026_differentiation_and_calibration(self):
        campaign = self._campaign("Q1 2026")
        sheets = campaign.differentiation_sheet_ids
        self.assertEqual(set(sheets.mapped("state")), {"draft", "done"})
        delegated = sheets.filtered(lambda sheet: sheet.evaluator_id != sheet.direct_manager_id)
        self.assertEqual(len(delegated), 1, "one delegated evaluator in the large centre (seed 004 §32)")
        self.assertGreater(delegated.unit_staff_count, 50)
        pending = self.env["hr.bagalau.calibration"].search([("campaign_id", "=", campaign.id)])
        self.assertEqual(pending.mapped("state"), ["applied"], "a pending calibration")
