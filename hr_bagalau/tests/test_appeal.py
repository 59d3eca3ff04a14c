import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_commission import CommissionCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestAppeal(CommissionCase):
    """Appeals of the commission's decision (seed 003 §42-43)."""

    def _final(self):
        session, sheet = self._approved_session()
        return session.decision_ids, sheet

    def _appeal(self, decision, filed_on, **values):
        return self.env["hr.bagalau.appeal"].with_user(self.user_hr).create({
            "decision_id": decision.id, "filed_on": filed_on, "grounds": "KPI 3 was achieved.", **values})

    def test_appeal_after_its_deadline_is_refused_with_the_date(self):
        decision, _sheet = self._final()
        # Decision of Wed 1 April 2026 + 10 working days = Wed 15 April.
        with self.assertRaisesRegex(UserError, "2026-04-15"):
            self._appeal(decision, D(2026, 4, 16))
        appeal = self._appeal(decision, D(2026, 4, 15))
        self.assertEqual(appeal.deadline, D(2026, 4, 15))

    def test_appeal_that_revises_keeps_the_old_result(self):
        decision, sheet = self._final()
        result = sheet.result_id
        appeal = self._appeal(decision, D(2026, 4, 10))
        appeal.write({"outcome": "revise", "outcome_note": "The agency recommends a revision."})
        with self.assertRaises(UserError):
            appeal.action_record_outcome()  # the revised result is missing
        appeal.new_grade = "effective"
        with freeze_time("2026-05-05 06:00:00"):
            appeal.action_record_outcome()
        self.assertEqual(result.result_key, "effective")
        revision = appeal.revision_id
        self.assertEqual((revision.old_grade, revision.new_grade, revision.source), ("excellent", "effective",
                                                                                      "appeal"))
        self.assertEqual(revision.user_id, self.user_hr)
        self.assertIn(revision, result.bagalau_revision_ids)
        self.assertIn(revision, sheet.bagalau_revision_ids)
        self.assertEqual(decision.final_grade, "excellent", "the commission's decision stays on record")
        self.assertEqual(appeal.outcome_date, D(2026, 5, 5))

    def test_appeal_left_without_revision_keeps_the_result(self):
        decision, sheet = self._final()
        appeal = self._appeal(decision, D(2026, 4, 2))
        appeal.outcome = "keep"
        appeal.action_record_outcome()
        self.assertEqual(sheet.result_id.result_key, "excellent")
        self.assertFalse(sheet.result_id.bagalau_revision_ids)
        # seed 003 §43: the court is noted.
        appeal.write({"court_appeal": True, "court_date": D(2026, 5, 20), "court_outcome": "Claim dismissed."})
        self.assertTrue(appeal.court_appeal)

    def test_employee_reads_only_his_appeal(self):
        decision, _sheet = self._final()
        appeal = self._appeal(decision, D(2026, 4, 2))
        Appeal = self.env["hr.bagalau.appeal"]
        self.assertEqual(Appeal.with_user(self.sheet_user_evaluated).search([]), appeal)
        self.assertFalse(Appeal.with_user(self.user_member).search([]))
        with self.assertRaises(AccessError):
            appeal.with_user(self.sheet_user_evaluated).outcome = "revise"
        with self.assertRaises(AccessError):
            self._appeal_as(decision, self.sheet_user_evaluated)

    def _appeal_as(self, decision, user):
        return self.env["hr.bagalau.appeal"].with_user(user).create({"decision_id": decision.id})
