from unittest.mock import patch

from odoo.addons.hr_bagalau_reports.models import hr_bagalau_xlsx_export
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import XlsxCommissionCase, XlsxMixin


@tagged("post_install", "-at_install")
class TestXlsxBackgroundExport(XlsxMixin, XlsxCommissionCase):
    """An export over a few thousand rows is built by the job runner, as the
    user who asked: he follows it on its form and finds the workbook there,
    in his inbox and, for a campaign's summary, in the campaign's chatter."""

    def _ask(self, records, lang="ru", user=None, method="action_bagalau_xlsx_export"):
        user = user or self.user_hr
        action = getattr(records.with_user(user), method)()
        wizard = self.env["hr.bagalau.xlsx.export.wizard"].with_user(user).with_context(
            **action["context"]).create({"lang": lang})
        with patch.object(hr_bagalau_xlsx_export, "BACKGROUND_EXPORT_ROWS", 0):
            return wizard.action_export()

    def _job(self, action):
        self.assertEqual(action["res_model"], "hr.bagalau.xlsx.job", "a large export becomes a job")
        return self.env["hr.bagalau.xlsx.job"].browse(action["res_id"])

    def test_a_large_summary_is_built_by_the_job_runner(self):
        session, _sheet = self._revised_approved_session()
        campaign = session.campaign_id
        job = self._job(self._ask(campaign))
        self.assertEqual((job.state, job.user_id, job.report), ("running", self.user_hr, "summary"))
        self.assertFalse(job.attachment_id, "nothing is built while the user waits")
        self.assertEqual(job.total_count, len(campaign.kpi_sheet_ids))
        self.env["hr.bagalau.xlsx.job"]._cron_bagalau_xlsx_export()
        self.assertEqual(job.state, "done")
        book = self._book(job.attachment_id.raw)
        names = {row["Фамилия, имя, отчество служащего"] for row in self._rows(book.worksheets[0], 3)}
        self.assertEqual(names, set(campaign.kpi_sheet_ids.employee_id.mapped("name")))
        # In the campaign's chatter, and in the requester's inbox.
        self.assertTrue(campaign.message_ids.filtered(lambda msg: job.attachment_id in msg.attachment_ids))
        notice = self.env["mail.message"].search([("model", "=", job._name), ("res_id", "=", job.id),
                                                  ("message_type", "=", "user_notification")])
        self.assertEqual(notice.partner_ids, self.user_hr.partner_id)
        self.assertEqual(notice.attachment_ids, job.attachment_id)
        # The requester reads his job and downloads the file; another HR officer does not.
        self.assertTrue(job.with_user(self.user_hr).file)
        other = self._bagalau_user("t_hr_other", "hr_bagalau.group_bagalau_hr_officer")
        with self.assertRaises(AccessError):
            job.with_user(other).read(["state"])
        self.assertFalse(self.env["hr.bagalau.xlsx.job"].with_user(other).search([]))

    def test_a_small_export_downloads_at_once(self):
        session, _sheet = self._revised_approved_session()
        action = session.campaign_id.with_user(self.user_hr).action_bagalau_xlsx_export()
        wizard = self.env["hr.bagalau.xlsx.export.wizard"].with_user(self.user_hr).with_context(
            **action["context"]).create({"lang": "kk"})
        self.assertEqual(wizard.action_export()["type"], "ir.actions.act_url")
        self.assertFalse(self.env["hr.bagalau.xlsx.job"].search([("user_id", "=", self.user_hr.id)]))

    def test_a_requester_who_lost_the_right_gets_the_reason_not_the_file(self):
        session, _sheet = self._revised_approved_session()
        job = self._job(self._ask(session.campaign_id))
        self.user_hr.write({"groups_id": [(3, self.env.ref("hr_bagalau.group_bagalau_hr_officer").id)]})
        self.env["hr.bagalau.xlsx.job"]._cron_bagalau_xlsx_export()
        self.assertEqual(job.state, "failed")
        self.assertFalse(job.attachment_id)
        self.assertTrue(job.error)
        notice = self.env["mail.message"].search([("model", "=", job._name), ("res_id", "=", job.id),
                                                  ("message_type", "=", "user_notification")])
        self.assertEqual(notice.partner_ids, self.user_hr.partner_id)
        self.assertFalse(notice.attachment_ids)
