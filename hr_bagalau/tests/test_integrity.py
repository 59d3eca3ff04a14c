"""A final evaluation cannot be changed or erased by anyone, through any
channel (seed 003 §8, §34-40, §42; seed 001 Appendix 5; seed 004 §13, §15,
§38-43). Each test calls what a hostile but authenticated user called over
JSON-RPC — the method, the context key — as that user, and checks the refusal
and that nothing changed."""

import base64
import datetime

import psycopg2
from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL, mute_logger

from .test_calibration import CalibrationCase
from .test_commission import CommissionCase

D = datetime.date
SCAN = base64.b64encode(b"%PDF-1.4 signed result")
# What the probes sent: Odoo's context is client input.
UNLOCK = {"bagalau_sheet_unlock": True, "bagalau_campaign_state": True, "bagalau_preset_load": True,
          "install_mode": True}


@tagged("post_install", "-at_install")
class TestIntegrity2018(CommissionCase):
    """A 2018 year: its sheets, the commission's approved protocol, the final
    result, its acknowledgement and appeal."""

    def _approved(self):
        """The session voted, held, signed and approved: the result is final."""
        session, sheet = self._approved_session()
        self.assertEqual(session.state, "approved")
        return session, sheet, sheet.result_id

    def _closed(self):
        session, sheet, result = self._approved()
        sheet.campaign_id.with_user(self.user_hr).action_close()
        return session, sheet, result

    # --- 1. context keys ---------------------------------------------------------

    def test_context_keys_do_not_reopen_a_closed_year(self):
        session, sheet, result = self._closed()
        campaign = sheet.campaign_id
        retention = campaign.retention_until
        hr_campaign = campaign.with_user(self.user_hr).with_context(**UNLOCK)
        with self.assertRaises(AccessError):
            hr_campaign.write({"state": "draft"})
        with self.assertRaises(AccessError):
            hr_campaign.write({"closed_on": False})
        with self.assertRaisesRegex(UserError, "is closed"):
            hr_campaign.write({"name": "2025 (reopened)"})
        with self.assertRaisesRegex(UserError, "cannot go back to draft"):
            hr_campaign.action_reset_draft()
        for record in (session.decision_ids, sheet, sheet.plan_id, result):
            with self.subTest(model=record._name), self.assertRaises(UserError):
                record.with_user(self.user_hr).with_context(**UNLOCK).unlink()
        line = sheet.line_ids[:1]
        with self.assertRaises(UserError):
            line.with_user(self.sheet_user_superior).with_context(**UNLOCK).write({"evidence": "forged"})
        with self.assertRaises(UserError):
            line.with_user(self.user_hr).with_context(**UNLOCK).write({"actual_value": 0})
        self.assertEqual((campaign.state, campaign.retention_until), ("closed", retention))
        self.assertTrue(session.decision_ids.exists() and sheet.exists() and result.exists())
        self.assertEqual((line.actual_value, line.evidence), (100.0, False))

    def test_context_keys_do_not_unlock_an_agreed_sheet(self):
        _campaign, sheet = self._agreed_sheet()
        line = sheet.line_ids[:1]
        for user, values in ((self.sheet_user_superior, {"evidence": "forged"}),
                             (self.user_hr, {"actual_value": 0}),
                             (self.user_evaluator, {"achieved": False})):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                line.with_user(user).with_context(**UNLOCK).write(values)
        with self.assertRaises(UserError):
            sheet.with_user(self.user_hr).with_context(**UNLOCK).write({"state": "draft"})
        self.assertEqual((sheet.state, sheet.result_key, line.actual_value), ("agreed", "excellent", 100.0))

    def test_context_keys_do_not_unlock_a_preset_or_an_order(self):
        preset = self.preset_2018.with_user(self.user_admin).with_context(**UNLOCK)
        with self.assertRaisesRegex(UserError, "typical methodology"):
            preset.write({"kpi_count_max": 9})
        self.assertEqual(self.preset_2018.kpi_count_max, 5)
        commission = self._commission()
        order = commission.current_order_id
        members = order.member_ids
        with self.assertRaisesRegex(UserError, "new order"):
            order.with_user(self.user_hr).with_context(**UNLOCK).write({"member_ids": [(5, 0, 0)]})
        self.assertEqual(order.member_ids, members)

    def test_refusals_speak_the_users_language(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["base.language.install"].create({
            "lang_ids": [Command.set(self.env.ref("hr_bagalau.lang_kk").ids)]}).lang_install()
        session, _sheet, _result = self._approved()
        vote = session.decision_ids.vote_ids[:1]
        with self.assertRaisesRegex(AccessError, "батырмалары"):
            vote.with_user(self.user_hr).with_context(lang="kk_KZ").write({"vote": "against"})
        with self.assertRaisesRegex(UserError, "утверждён"):
            vote.sudo().with_context(lang="ru_RU").write({"vote": "against"})
        line = session.decision_ids.with_user(self.user_hr).with_context(lang="ru_RU")
        with self.assertRaisesRegex(ValidationError, "слишком длинное"):
            line.write({"recommendations": "x" * 20_000})
        self.assertEqual(vote.vote, "for")

    # --- 2. results change only through a revision -------------------------------

    def test_a_final_result_is_not_written_by_hand(self):
        _session, _sheet, result = self._approved()
        for values in ({"result_key": "unsatisfactory"}, {"bagalau_final": False}, {"year_score": 1.0},
                       {"q1_score": 0.5, "q1_evaluated": True}):
            with self.subTest(values=values), self.assertRaises(AccessError):
                result.with_user(self.user_hr).with_context(**UNLOCK).write(values)
        self.assertEqual((result.result_key, result.bagalau_final), ("excellent", True))
        self.assertFalse(result.bagalau_revision_ids)
        with self.assertRaises(AccessError):
            self.env["hr.bagalau.result"].with_user(self.user_hr).create({
                "employee_id": self.sheet_evaluated.id, "year": 2024, "company_id": self.company.id,
                "result_key": "excellent"})

    def test_an_appeal_revises_and_keeps_the_old_result(self):
        session, _sheet, result = self._approved()
        with freeze_time("2026-04-03 06:00:00"):
            appeal = self.env["hr.bagalau.appeal"].with_user(self.user_hr).create({
                "decision_id": session.decision_ids.id, "grounds": "KPI 3 was reached."})
        appeal.with_user(self.user_hr).write({"outcome": "revise", "new_grade": "effective",
                                              "outcome_note": "The agency recommends a revision."})
        appeal.with_user(self.user_hr).action_record_outcome()
        revision = result.bagalau_revision_ids
        self.assertEqual((result.result_key, revision.old_grade, revision.new_grade, revision.source),
                         ("effective", "excellent", "effective", "appeal"))
        with self.assertRaisesRegex(UserError, "already done by"):
            appeal.with_user(self.user_hr).action_record_outcome()
        with self.assertRaises(AccessError):
            revision.with_user(self.user_hr).write({"old_grade": "effective"})
        with self.assertRaisesRegex(UserError, "history"):
            revision.sudo().write({"old_grade": "effective"})
        with self.assertRaisesRegex(UserError, "history"):
            revision.sudo().unlink()
        self.assertEqual(revision.old_grade, "excellent")

    # --- 3. retention covers the whole evaluation ---------------------------------

    def test_nothing_of_a_closed_year_is_deleted_even_by_the_superuser(self):
        session, sheet, result = self._approved()
        with freeze_time("2026-04-03 06:00:00"):
            appeal = self.env["hr.bagalau.appeal"].with_user(self.user_hr).create({
                "decision_id": session.decision_ids.id, "grounds": "KPI 3 was reached."})
        sheet.campaign_id.with_user(self.user_hr).action_close()
        ack = self.env["hr.bagalau.acknowledgement"].sudo().search([("res_model", "=", result._name),
                                                                     ("res_id", "=", result.id)])
        self.assertTrue(ack)
        kept = {
            "session": session, "decision": session.decision_ids, "vote": session.decision_ids.vote_ids,
            "attendance": session.attendance_ids, "signature": session.signature_ids, "acknowledgement": ack,
            "appeal": appeal, "result": result, "sheet": sheet, "sheet line": sheet.line_ids,
            "plan": sheet.plan_id, "plan line": sheet.plan_id.line_ids, "campaign": sheet.campaign_id,
        }
        for what, records in kept.items():
            with self.subTest(what=what), self.assertRaises(UserError):
                records.sudo().unlink()
        for what, records in kept.items():
            self.assertEqual(records.exists(), records, what)

    # --- 4. the approved protocol is fixed ------------------------------------------

    def test_an_approved_protocol_does_not_change(self):
        session, _sheet, _result = self._approved()
        decision = session.decision_ids
        vote = decision.vote_ids[:1]
        signature = session.signature_ids.filtered("signed_on")[:1]
        with self.assertRaises(AccessError):
            vote.with_user(self.user_hr).write({"vote": "against"})
        for records, values in ((vote, {"vote": "against"}), (signature, {"signed_on": False}),
                                (decision, {"recommendations": "rewritten"}),
                                (decision, {"final_grade": "unsatisfactory"}),
                                (session.attendance_ids[:1], {"present": False}),
                                (session, {"conclusion": "rewritten", "protocol_number": "99"})):
            with self.subTest(model=records._name, values=values), self.assertRaises(UserError):
                records.sudo().write(values)
        with self.assertRaises(AccessError):
            self.env["hr.bagalau.commission.vote"].with_user(self.user_hr).create({
                "decision_id": decision.id, "employee_id": self.emp_member.id, "role": "member", "vote": "against"})
        voting = session.attendance_ids.filtered(lambda line: line.role != "secretary")
        self.assertEqual((vote.vote, decision.final_grade, decision.votes_for), ("for", "excellent", len(voting)))
        self.assertTrue(signature.signed_on)

    def test_a_vote_is_cast_only_with_the_buttons(self):
        session, _sheet = self._session()
        decision = session.decision_ids
        decision.with_user(self.user_commission).action_vote("for")
        vote = decision.vote_ids
        with self.assertRaises(AccessError):
            vote.with_user(self.user_hr).write({"vote": "against"})
        with self.assertRaises(AccessError):
            vote.with_user(self.user_commission).unlink()
        self.assertEqual(vote.vote, "for")

    # --- 5. "I have read it" is the employee's own act -------------------------------

    def test_hr_does_not_acknowledge_for_the_employee(self):
        _session, _sheet, result = self._approved()
        ack = self.env["hr.bagalau.acknowledgement"].sudo().search([("res_model", "=", result._name),
                                                                     ("res_id", "=", result.id)])
        with self.assertRaises(AccessError):
            ack.with_user(self.user_hr).write({"method": "chatter", "state": "acknowledged",
                                               "user_id": self.sheet_user_evaluated.id,
                                               "acknowledged_on": fields.Datetime.now()})
        with self.assertRaises(AccessError):
            self.env["hr.bagalau.acknowledgement"].with_user(self.user_hr).create({
                "res_model": result._name, "res_id": result.id, "employee_id": self.sheet_evaluated.id,
                "company_id": self.company.id, "state": "acknowledged", "method": "chatter"})
        with self.assertRaises(AccessError):
            result.with_user(self.user_hr).action_acknowledge()
        self.assertEqual(ack.state, "pending")
        result.with_user(self.sheet_user_evaluated).action_acknowledge()
        self.assertEqual((ack.state, ack.method, ack.user_id), ("acknowledged", "chatter", self.sheet_user_evaluated))
        with self.assertRaisesRegex(UserError, "already recorded"):
            result.with_user(self.user_hr).action_record_written_acknowledgement(fields.Date.today(), SCAN)
        with self.assertRaises(UserError):
            ack.with_user(self.user_hr).write({"written_date": fields.Date.today()})

    # --- 6. two people, one step ------------------------------------------------------

    def test_the_second_of_two_agreeing_is_told_who_agreed(self):
        _campaign, sheet = self._submitted_sheet()
        stale = sheet.with_user(self.sheet_user_superior)
        sheet.with_user(self.sheet_user_superior).action_agree()
        with self.assertRaisesRegex(UserError, "already done by") as raised:
            stale.action_agree()
        self.assertIn(self.sheet_user_superior.name, str(raised.exception))
        self.assertEqual(len(self.env["hr.bagalau.result"].sudo().search(
            [("employee_id", "=", self.sheet_evaluated.id), ("year", "=", 2025)])), 1)

    # --- 8. bad input gets a clear message, nothing is lost ------------------------------

    def test_paper_acknowledgement_dated_between_the_final_result_and_today(self):
        _session, _sheet, result = self._approved()
        hr_result = result.with_user(self.user_hr)
        today = fields.Date.context_today(result)
        for date in (D(1901, 1, 1), today + datetime.timedelta(days=1), "not a date"):
            with self.subTest(date=date), self.assertRaisesRegex(ValidationError, "between the day the result"):
                hr_result.action_record_written_acknowledgement(date, SCAN)
        self.assertEqual(result.ack_state, "pending")
        hr_result.action_record_written_acknowledgement(today, SCAN)
        self.assertEqual((result.ack_state, result.ack_written_date), ("acknowledged", today))

    def test_numbers_are_numbers(self):
        campaign = self._bagalau_sheet_campaign(self.preset_2018, 2025)
        sheet = self._bagalau_sheet_of(campaign, self.sheet_evaluated)
        self._bagalau_sheet_approve_plan(sheet.plan_id, [100.0] * 5)
        line = sheet.line_ids[:1].with_user(self.user_evaluator)
        line.actual_value = 80.0
        for junk in (float("nan"), float("inf"), float("-inf"), "abc", "NaN", True):
            with self.subTest(value=junk), self.assertRaisesRegex(ValidationError, "takes a number"):
                line.write({"actual_value": junk})
        self.assertEqual(line.actual_value, 80.0)
        methodology = self.preset_2018.copy({"company_id": self.company.id}).with_user(self.user_admin)
        for junk in ("abc", 2**40, 2.5, float("nan")):
            with self.subTest(value=junk), self.assertRaisesRegex(ValidationError, "whole number"):
                methodology.write({"kpi_count_max": junk})
        self.assertEqual(methodology.kpi_count_max, 5)

    def test_free_text_has_a_sensible_length(self):
        session, _sheet = self._session()
        decision = session.decision_ids.with_user(self.user_hr)
        decision.recommendations = "Training in planning."
        with self.assertRaisesRegex(ValidationError, "too long"):
            decision.write({"recommendations": "x" * 1_000_000})
        self.assertEqual(decision.recommendations, "Training in planning.")
        plan_campaign = self._bagalau_sheet_campaign(self.preset_2018, 2024)
        plan = self._bagalau_sheet_of(plan_campaign, self.sheet_evaluated).plan_id
        plan.sudo().write({"line_ids": self._bagalau_kpi_lines("2018", 5, 2024)})
        plan.with_user(self.user_evaluator).action_submit()
        with self.assertRaisesRegex(ValidationError, "too long"):
            plan.with_user(self.sheet_user_superior).action_return(reason="x" * 1_000_000)
        self.assertEqual(plan.state, "submitted")

    def test_a_result_belongs_to_the_employees_own_body(self):
        other = self.env["hr.employee"].create({"name": "Other body", "company_id": self.other_company.id})
        with self.assertRaisesRegex(ValidationError, "belongs to his own body"):
            self.env["hr.bagalau.result"].sudo().create({
                "employee_id": other.id, "year": 2025, "company_id": self.company.id})

    def test_category_codes_with_look_alike_digits(self):
        Category = self.env["hr.bagalau.position.category"].with_user(self.user_admin)
        self.assertEqual(Category.create({"code": "E-1４"}).code, "E-14")
        with self.assertRaises(ValidationError):
            Category.create({"code": "Е-٤"})  # E-4 exists: the same code, however typed
        found = Category.name_search("Е-4")  # Cyrillic Е
        self.assertIn(self.env.ref("hr_bagalau.position_category_e_4").id, [row[0] for row in found])
        found = Category.name_search("Е-Р-٢")  # Cyrillic Е, Р and an Arabic-Indic two
        self.assertIn(self.env.ref("hr_bagalau.position_category_e_r_2").id, [row[0] for row in found])


@tagged("post_install", "-at_install")
class TestIntegrity2023(CalibrationCase):
    """A 2023 quarter: agreed and done sheets, the calibration's proposals and votes."""

    def test_context_keys_do_not_unlock_an_agreed_2023_sheet(self):
        sheet = self._acknowledged_sheet()
        line = sheet.line_ids[:1]
        with self.assertRaises(UserError):
            line.with_user(self.user_hr).with_context(**UNLOCK).write({"actual_value": 0})
        with self.assertRaises(UserError):
            line.with_user(self.sheet_user_superior).with_context(**UNLOCK).write({"evidence": "forged"})
        self.assertEqual((line.actual_value, sheet.score, sheet.result_key), (100.0, 5.0, "effective"))

    def test_context_keys_do_not_unlock_a_done_differentiation_sheet(self):
        unit = self.env["hr.department"].with_company(self.company).create({
            "name": "Unit", "company_id": self.company.id, "manager_id": self.sheet_manager.id})
        self.sheet_manager.department_id = unit
        staff = self._bagalau_employee("Staff", self.sheet_manager, department_id=unit.id, bagalau_is_unit_head=False)
        with freeze_time("2026-03-20 06:00:00"):
            campaign = self._bagalau_sheet_campaign(self.preset_2023, 2026, "1")
        sheet = campaign.differentiation_sheet_ids.filtered(lambda sheet: sheet.employee_id == staff)
        evaluator = sheet.evaluator_id.user_id or self.user_evaluator
        why = "Reports were on time."
        sheet.with_user(evaluator).action_score(
            dict.fromkeys(("quality", "deadlines", "initiative", "discipline"), (3, why)))
        sheet.with_user(evaluator).action_done()
        with self.assertRaises(UserError):
            sheet.with_user(evaluator).with_context(**UNLOCK).write({"quality_score": 5})
        with self.assertRaisesRegex(UserError, "already done by"):
            sheet.with_user(evaluator).action_done()
        self.assertEqual((sheet.quality_score, sheet.score, sheet.result_id.q1_score), (3, 3.0, 3.0))

    def test_a_proposal_with_votes_is_what_was_voted(self):
        _sheet, case = self._planned_case()
        with freeze_time("2026-04-03 06:00:00"):
            Proposal = self.env["hr.bagalau.calibration.proposal"]
            with self.assertRaisesRegex(ValidationError, "between 0.00 and 5.00"):
                Proposal.with_user(self.participant_users[0]).create({
                    "calibration_id": case.id, "participant_id": self.participants[0].id, "proposed_score": 999,
                    "reason": "Out of bounds."})
            proposal = Proposal.with_user(self.participant_users[0]).create({
                "calibration_id": case.id, "participant_id": self.participants[0].id, "proposed_score": 4.0,
                "reason": "Two KPIs were reached late."})
            proposal.with_user(self.participant_users[0]).write({"proposed_score": 4.25})  # no vote yet
            proposal.with_user(self.participant_users[1]).action_vote()
            proposal.with_user(self.participant_users[2]).action_vote()
            author = proposal.with_user(self.participant_users[0])
            with self.assertRaisesRegex(UserError, "has votes"):
                author.write({"proposed_score": 1.0})
            with self.assertRaises(UserError):
                author.write({"participant_id": self.participants[1].id})
            with self.assertRaises(UserError):
                proposal.sudo().unlink()
            with self.assertRaises(AccessError):
                case.with_user(self.user_hr).write({"final_score": 1.0, "state": "held"})
        self.assertEqual((proposal.proposed_score, proposal.participant_id, proposal.vote_count),
                         (4.25, self.participants[0], 2))

    def test_a_calibration_protocol_is_a_revision_of_the_quarter(self):
        sheet, case = self._planned_case()
        self._hold_session(case, [True, True, False])
        result = sheet.result_id
        revision = result.bagalau_revision_ids
        self.assertEqual((result.q1_score, revision.source, revision.old_grade, revision.new_grade),
                         (4.0, "calibration", "5.00", "4.00"))
        with self.assertRaisesRegex(UserError, "already done by"):
            case.with_user(self.user_hr).action_record_protocol()
        with self.assertRaises(UserError):
            case.sudo().write({"protocol_date": D(2026, 4, 4)})

    def test_one_open_calibration_per_sheet_even_in_a_race(self):
        sheet = self._acknowledged_sheet()
        case = self._apply(sheet)
        with freeze_time("2026-03-26 06:00:00"), self.assertRaisesRegex(UserError, "already applied"):
            sheet.with_user(self.sheet_user_evaluated).action_request_calibration()
        # What two requests at the same moment would insert: the database refuses the second.
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.errors.UniqueViolation), self.env.cr.savepoint():
            case.sudo().copy({"kpi_sheet_id": sheet.id, "state": "applied"})
        self.assertEqual(self.env["hr.bagalau.calibration"].sudo().search_count([("kpi_sheet_id", "=", sheet.id)]), 1)


@tagged("post_install", "-at_install")
class TestIntegrityRaces(TransactionCase):
    """Two sessions at once, with two database cursors, on the demo agency
    (its data is committed: a second cursor sees it)."""

    def _held_by_another_session(self, record):
        """A second transaction that holds ``record``'s row, as a concurrent
        request in the middle of the same step would."""
        cursor = self.registry.cursor()
        self.addCleanup(cursor.close)
        self.addCleanup(cursor.rollback)
        cursor.execute(SQL("SELECT id FROM %s WHERE id = %s FOR UPDATE NOWAIT", SQL.identifier(record._table),
                           record.id))
        return cursor

    def test_a_step_under_way_elsewhere_is_refused_clearly(self):
        sheet = self.env["hr.bagalau.kpi.sheet"].search([("state", "=", "submitted")], limit=1)
        approver = sheet.approver_id.user_id
        self.assertTrue(sheet and approver, "the demo has a submitted KPI sheet waiting for its approver")
        self._held_by_another_session(sheet)
        with self.assertRaisesRegex(UserError, "someone else at this very moment"):
            sheet.with_user(approver).action_agree()
        sheet.invalidate_recordset()
        self.assertEqual(sheet.state, "submitted")
        self.assertFalse(sheet.agreed_by_id)

    def test_two_calibration_requests_at_once_make_one_case(self):
        sheet = self.env["hr.bagalau.differentiation.sheet"].search(
            [("state", "=", "done"), ("employee_id.user_id", "!=", False)], limit=1)
        self.assertTrue(sheet, "the demo has a done differentiation sheet of an employee with a user")
        employee_user = sheet.employee_id.user_id
        before = self.env["hr.bagalau.calibration"].sudo().search_count([("differentiation_sheet_id", "=", sheet.id)])
        self._held_by_another_session(sheet)
        with self.assertRaisesRegex(UserError, "someone else at this very moment"):
            sheet.with_user(employee_user).action_request_calibration()
        self.assertEqual(
            self.env["hr.bagalau.calibration"].sudo().search_count([("differentiation_sheet_id", "=", sheet.id)]),
            before)
