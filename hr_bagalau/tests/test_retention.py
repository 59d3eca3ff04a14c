import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import BagalauCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestRetention(BagalauCase):
    """The documents of a completed evaluation are kept three years after it
    (seed 003 §8, seed 004 §15)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._bagalau_sheet_agency()

    def _closed_campaign(self):
        with freeze_time("2026-01-20 06:00:00"):
            campaign = self._bagalau_sheet_campaign(self.preset_2018, 2025)
            campaign.with_user(self.user_hr).action_close()
        return campaign

    def _closed_empty_campaign(self, closed_on):
        campaign = self.env["hr.bagalau.campaign"].with_user(self.user_hr).create({
            "methodology_id": self.preset_2018.id, "year": 2024, "company_id": self.company.id,
        })
        campaign.sudo().write({"state": "closed", "closed_on": closed_on})
        return campaign

    def test_closing_starts_the_three_years(self):
        campaign = self._closed_campaign()
        self.assertEqual(campaign.closed_on, D(2026, 1, 20))
        self.assertEqual(campaign.retention_until, D(2029, 1, 20))

    def test_nothing_of_a_completed_evaluation_is_deleted_inside_retention(self):
        campaign = self._closed_campaign()
        sheet = self._bagalau_sheet_of(campaign, self.sheet_evaluated)
        with freeze_time("2027-06-01"):
            with self.assertRaisesRegex(UserError, "kept until 01/20/2029"):
                campaign.with_user(self.user_hr).unlink()
            with self.assertRaisesRegex(UserError, "kept until 01/20/2029"):
                sheet.plan_id.sudo().unlink()
            result = self.env["hr.bagalau.result"].sudo()._bagalau_get_or_create(
                self.sheet_evaluated, 2025, self.company, self.preset_2018)
            with self.assertRaisesRegex(UserError, "kept until 01/20/2029"):
                result.with_user(self.user_hr).unlink()
            with self.assertRaisesRegex(UserError, "kept until"):
                sheet.sudo()._unlink_except_kept()
        self.assertTrue(campaign.exists())

    def test_a_closed_campaign_is_archived_instead(self):
        campaign = self._closed_campaign()
        campaign.with_user(self.user_hr).action_archive()
        self.assertFalse(campaign.active)
        campaign.with_user(self.user_hr).action_unarchive()
        self.assertTrue(campaign.active)

    def test_after_retention_deletion_allowed_and_listed(self):
        campaign = self._closed_empty_campaign(D(2026, 1, 20))
        with freeze_time("2029-01-20"), self.assertRaises(UserError):
            campaign.with_user(self.user_hr).unlink()
        with freeze_time("2029-02-01"):
            listed = self.env["hr.bagalau.campaign"]._cron_bagalau_retention()
            self.assertIn(campaign, listed)
            self.assertEqual(campaign.retention_listed_on, D(2029, 2, 1))
            self.assertIn(self.user_hr_head, campaign.activity_ids.user_id)
            self.assertFalse(self.env["hr.bagalau.campaign"]._cron_bagalau_retention() & campaign, "listed once")
            self.assertIn(campaign, self.env["hr.bagalau.campaign"].search([
                ("retention_until", "<", "2029-02-01")]))
            campaign.with_user(self.user_hr).unlink()
        self.assertFalse(campaign.exists())

    def test_a_running_campaign_is_not_retained(self):
        campaign = self.env["hr.bagalau.campaign"].with_user(self.user_hr).create({
            "methodology_id": self.preset_2018.id, "year": 2024, "company_id": self.company.id,
        })
        self.assertFalse(campaign.retention_until)
        campaign.unlink()
