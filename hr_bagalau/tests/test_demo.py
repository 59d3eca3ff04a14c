from odoo import fields
from odoo.tests import tagged

from .common import BagalauCase

DEMO_ROLES = ("hr", "hrhead", "manager", "superior", "employee", "chair", "head")


@tagged("post_install", "-at_install")
class TestDemoAgency(BagalauCase):
    """`make run` shows a newcomer every step of the cycle: the demo agency's
    campaigns are made by the real workflows, so they break when the code does."""

    def setUp(self):
        super().setUp()
        self.agency = self.env.ref("hr_bagalau.demo_company_agency", raise_if_not_found=False)
        if not self.agency:
            self.skipTest("installed without demo data")

    def _campaign(self, methodology):
        campaigns = self.env["hr.bagalau.campaign"].search(
            [("company_id", "=", self.agency.id), ("methodology_id", "=", methodology.id)])
        self.assertEqual(len(campaigns), 1, methodology.name)
        return campaigns

    def test_the_demo_is_dated_from_the_day_it_was_installed(self):
        """The previous year closed, the current quarter running: nothing of the
        running quarter is overdue, whatever the year the demo was written in."""
        installed = fields.Date.to_date(self.env.ref("hr_bagalau.demo_company_agency").create_date)
        closed, running, previous = (self._campaign(self.preset_2018), self._campaign(self.preset_2023),
                                     self._campaign(self.env.ref("hr_bagalau.methodology_typical_2025")))
        quarter = (installed.month - 1) // 3 + 1
        self.assertEqual((running.year, running.quarter), (installed.year, str(quarter)))
        self.assertIn(closed.year, (installed.year - 1, installed.year - 2))
        self.assertEqual((previous.year, int(previous.quarter)),
                         (installed.year, quarter - 1) if quarter > 1 else (installed.year - 1, 4))
        session = self.env["hr.bagalau.commission.session"].search([("campaign_id", "=", closed.id)])
        self.assertEqual(session.date.year, closed.year + 1)
        self.assertLessEqual(session.date, installed)
        if fields.Date.today() == installed:
            for records in (running.kpi_sheet_ids, running.differentiation_sheet_ids):
                self.assertFalse(records.filtered("is_overdue"), f"nothing overdue in {records._description}")
        # The quarter before: what is still open waits for the manager or the acting evaluator.
        waiting = previous.differentiation_sheet_ids.filtered(lambda sheet: sheet.state != "done")
        self.assertTrue(waiting)
        self.assertLess(len(waiting), len(previous.differentiation_sheet_ids) / 4)
        evaluators = {(sheet.evaluator_id or sheet.direct_manager_id).user_id.login for sheet in waiting}
        self.assertLessEqual({"manager", "chair"}, evaluators)
        self.assertLessEqual(evaluators, {"manager", "chair", "superior"}, "the chair's own sheet stays with her")

    def test_every_demo_role_has_something_waiting(self):
        users = self.env["res.users"].search([("login", "in", DEMO_ROLES)])
        self.assertEqual(len(users), len(DEMO_ROLES))
        for user in users:
            with self.subTest(login=user.login):
                self.assertTrue(self.env["mail.activity"].search_count([("user_id", "=", user.id)]),
                                f"{user.login} has a to-do")

    def test_the_chair_votes_in_a_calibration_session(self):
        running = self._campaign(self.preset_2023)
        session = self.env["hr.bagalau.calibration"].search(
            [("campaign_id", "=", running.id), ("state", "=", "planned")])
        self.assertEqual(len(session), 1)
        chair = self.env.ref("hr_bagalau.user_bagalau_chair")
        self.assertTrue(session.with_user(chair).can_propose)
        self.assertTrue(session.proposal_ids, "a proposal to vote on")
        self.assertTrue(session.activity_ids.filtered(lambda activity: activity.user_id == chair))
        self.assertFalse(session.vote_ids.filtered(lambda vote: vote.participant_id.user_id == chair))

    def test_the_closed_year_under_typical_2018_has_every_grade(self):
        campaign = self._campaign(self.preset_2018)
        self.assertEqual(campaign.state, "closed")
        self.assertEqual(set(campaign.kpi_sheet_ids.mapped("state")), {"agreed"})
        self.assertEqual(set(campaign.kpi_sheet_ids.mapped("result_key")),
                         {"excellent", "effective", "satisfactory", "unsatisfactory"})
        self.assertIn("tenure", campaign.exclusion_ids.mapped("reason"), "the late joiner of November")

    def test_the_running_quarter_under_typical_2023_has_every_state(self):
        campaign = self._campaign(self.preset_2023)
        self.assertEqual(campaign.state, "running")
        self.assertEqual(campaign.methodology_id, self.preset_2023)
        self.assertEqual(set(campaign.plan_ids.mapped("state")), {"draft", "submitted", "returned", "approved"})
        self.assertEqual(set(campaign.kpi_sheet_ids.mapped("state")), {"draft", "submitted", "returned", "agreed"})
        absent = self.env.ref("hr_bagalau.employee_ivanova_olga")
        deferral = campaign.exclusion_ids.filtered(lambda line: line.employee_id == absent)
        self.assertEqual((deferral.status, deferral.reason), ("deferred", "absent"))

    def test_the_closed_year_competency_sheets_and_commission(self):
        campaign = self._campaign(self.preset_2018)
        self.assertEqual(set(campaign.competency_sheet_ids.mapped("state")), {"draft", "signed", "sent"})
        session = self.env["hr.bagalau.commission.session"].search([("campaign_id", "=", campaign.id)])
        self.assertEqual(session.state, "approved", "a held session with an approved protocol")
        self.assertTrue(session.protocol_number, "numbered on approval")
        self.assertEqual(set(session.signature_ids.mapped("signature_state")), {"signed", "paper", "not_signed"},
                         "signed in Odoo, on paper, and one absence explained")
        self.assertIn("revised", session.decision_ids.mapped("outcome"))
        self.assertTrue(self.env["hr.bagalau.refusal.act"].search([("company_id", "=", self.agency.id)]))
        self.assertTrue(self.env["hr.bagalau.appeal"].search([("company_id", "=", self.agency.id)]))

    def test_the_running_quarter_differentiation_and_calibration(self):
        campaign = self._campaign(self.preset_2023)
        sheets = campaign.differentiation_sheet_ids
        self.assertEqual(set(sheets.mapped("state")), {"draft", "done"})
        delegated = sheets.filtered(lambda sheet: sheet.evaluator_id != sheet.direct_manager_id)
        self.assertEqual(len(delegated), 1, "one delegated evaluator in the large centre (seed 004 §32)")
        self.assertGreater(delegated.unit_staff_count, 50)
        pending = self.env["hr.bagalau.calibration"].search([("campaign_id", "=", campaign.id)])
        self.assertEqual(sorted(pending.mapped("state")), ["applied", "planned"],
                         "a calibration for the authorised person to decide, a session for the chair")
