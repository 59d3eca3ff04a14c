import datetime
import re

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import format_date

from .common import BagalauCase

D = datetime.date


class CommissionCase(BagalauCase):
    """An agency with an agreed 2018 KPI sheet and a commission of the chair,
    five members and the HR secretary."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._bagalau_sheet_agency()
        cls.user_member = cls._bagalau_user("t_comm_member", "hr_bagalau.group_bagalau_commission")
        # Commission members are political or other staff outside the
        # campaign (no corps B category): their own sheets stay out of sight.
        cls.emp_chair = cls._bagalau_employee("Төраға Ахмет", user=cls.user_commission, category=False)
        cls.emp_member = cls._bagalau_employee("Мүше Бақыт", user=cls.user_member, category=False)
        cls.emp_others = cls.env["hr.employee"]
        for number in range(1, 6):
            cls.emp_others |= cls._bagalau_employee(f"Мүше {number}", category=False)
        cls.emp_secretary = cls._bagalau_employee("Хатшы Гүл", user=cls.user_hr, category=False)

    # --- helpers --------------------------------------------------------------

    def _commission(self, member_count=5, date=None):
        commission = self.env["hr.bagalau.commission"].with_user(self.user_hr).create({
            "name": "Evaluation commission", "company_id": self.company.id,
            "authorised_id": self.sheet_head.id, "methodology_id": self.preset_2018.id,
        })
        self._order(commission, "1-к", date or D(2026, 1, 5), (self.emp_member | self.emp_others)[:member_count])
        return commission

    def _order(self, commission, number, date, members, chair=None):
        return self.env["hr.bagalau.commission.order"].with_user(self.user_hr).create({
            "commission_id": commission.id, "number": number, "date": date,
            "chair_id": (chair or self.emp_chair).id, "member_ids": [(6, 0, members.ids)],
            "secretary_id": self.emp_secretary.id,
        })

    def _submitted_sheet(self):
        """The evaluated employee's 2025 annual sheet, 5 of 5 KPIs achieved, submitted to the superior."""
        campaign = self._bagalau_sheet_campaign(self.preset_2018, 2025)
        sheet = self._bagalau_sheet_of(campaign, self.sheet_evaluated)
        self._bagalau_sheet_approve_plan(sheet.plan_id, [100.0] * 5)
        for line in sheet.line_ids.with_user(self.user_evaluator):
            line.actual_value = 100
        sheet.with_user(self.user_evaluator).action_submit()
        return campaign, sheet

    def _agreed_sheet(self):
        """The evaluated employee's 2025 annual sheet, 5 of 5 KPIs achieved, agreed."""
        campaign, sheet = self._submitted_sheet()
        with freeze_time("2026-03-16 06:00:00"):
            sheet.with_user(self.sheet_user_superior).action_agree()
        self.assertEqual(sheet.state, "agreed")
        return campaign, sheet

    def _session(self, present=None, date=None):
        """A session scheduled on 18 March 2026 for ``date``; ``present``
        (default: everybody) attend."""
        campaign, sheet = self._agreed_sheet()
        commission = self._commission()
        with freeze_time("2026-03-18 06:00:00"):
            session = self.env["hr.bagalau.commission.session"].with_user(self.user_hr).create({
                "commission_id": commission.id, "campaign_id": campaign.id, "date": date or D(2026, 4, 1),
            })
            session.action_schedule()
        for line in session.attendance_ids.with_user(self.user_hr):
            line.present = present is None or line.employee_id in present
        return session, sheet

    def _vote(self, decision, votes):
        """``votes``: {employee: 'for'/'against'} recorded by HR (open vote, seed 003 §32)."""
        for employee, vote in votes.items():
            decision.with_user(self.user_hr).action_vote(vote, employee=employee)

    def _all_for(self, decision):
        voting = decision.session_id.attendance_ids.filtered(lambda line: line.role != "secretary").employee_id
        self._vote(decision, dict.fromkeys(voting, "for"))

    def _sign_protocol(self, session):
        """The secretary and the chair sign in Odoo; HR records the paper
        signatures of the members without a user, on the session's day."""
        for user in (self.user_hr, self.user_commission):
            if session.signature_ids.filtered(lambda row, user=user: row.employee_id.user_id == user
                                              and row.signature_state == "pending"):
                session.with_user(user).action_sign()
        paper = session.signature_ids.filtered(lambda row: row.signature_state == "pending")
        paper.with_user(self.user_hr).action_record_paper_signature(signed_on=session.date)

    def _approved_session(self):
        """The session's vote all for, held, signed, its protocol approved by
        the authorised person: the results are final."""
        session, sheet = self._session()
        self._all_for(session.decision_ids)
        session.decision_ids.with_user(self.user_hr).action_decide()
        session.with_user(self.user_hr).action_hold()
        self._sign_protocol(session)
        session.with_user(self.sheet_user_head).action_approve()
        return session, sheet



@tagged("post_install", "-at_install")
class TestCommission(CommissionCase):
    """The 2018 evaluation commission: composition, sessions, votes and the
    protocol (seed 003 §5, §24, §29-39; seed 001 Appendix 5)."""

    # --- composition ------------------------------------------------------------

    def test_commission_of_four_is_refused(self):
        # seed 003 §5: at least 5 members; the secretary does not count (§34).
        with self.assertRaisesRegex(UserError, "at least 5"):
            self._commission(member_count=3)  # chair + 3 members + the secretary
        commission = self._commission(member_count=4)
        self.assertEqual(commission.voting_count, 5)
        self.assertEqual(commission.secretary_id, self.emp_secretary)

    def test_secretary_cannot_be_a_voting_member(self):
        commission = self._commission()
        with self.assertRaises(UserError):
            self._order(commission, "2-к", D(2026, 2, 1), self.emp_others | self.emp_secretary)

    def test_membership_history_is_kept(self):
        commission = self._commission(member_count=5, date=D(2026, 1, 5))
        first = commission.current_order_id
        # seed 003 §31: a replacement is a change of the order, a new order.
        new_members = (commission.member_ids - self.emp_member) | self._bagalau_employee("Жаңа мүше", category=False)
        second = self._order(commission, "7-к", D(2026, 2, 1), new_members)
        self.assertEqual(commission.current_order_id, second)
        self.assertEqual(commission.member_ids, new_members)
        self.assertEqual(len(commission.order_ids), 2)
        self.assertIn(self.emp_member, first.member_ids, "the first order keeps its members")
        self.assertEqual(commission._bagalau_order_at(D(2026, 1, 20)), first)
        with self.assertRaises(UserError):
            first.with_user(self.user_hr).member_ids = [(6, 0, new_members.ids)]
        self.assertIn(self.emp_member, first.member_ids)

    def test_only_the_authorised_person_or_hr_names_the_commission(self):
        commission = self._commission()
        with self.assertRaises(AccessError):
            self._order_as(commission, self.user_authorised)  # authorised elsewhere, not this body's
        self._order_as(commission, self.sheet_user_head)

    def _order_as(self, commission, user):
        return self.env["hr.bagalau.commission.order"].with_user(user).create({
            "commission_id": commission.id, "number": "9-к", "date": D(2026, 3, 1),
            "chair_id": self.emp_chair.id, "member_ids": [(6, 0, self.emp_others.ids)],
            "secretary_id": self.emp_secretary.id,
        })

    # --- the session ------------------------------------------------------------------

    def test_session_date_seven_working_days_across_nauryz(self):
        # seed 003 §29: evaluators told seven working days ahead. From Wed 18
        # March 2026: 19, 20, (Nauryz 21-25 March), 26, 27, 30, 31 March, 1 April.
        campaign, _sheet = self._agreed_sheet()
        commission = self._commission()
        Session = self.env["hr.bagalau.commission.session"].with_user(self.user_hr)
        with freeze_time("2026-03-18 06:00:00"):
            earliest = re.escape(format_date(self.env, D(2026, 4, 1)))  # in the user's format
            with self.assertRaisesRegex(UserError, earliest):
                Session.create({"commission_id": commission.id, "campaign_id": campaign.id,
                                "date": D(2026, 3, 31)})
            session = Session.create({"commission_id": commission.id, "campaign_id": campaign.id,
                                      "date": D(2026, 4, 1)})
            self.assertEqual(session.notify_by, D(2026, 3, 18))
            with self.assertRaisesRegex(UserError, earliest):
                session.date = D(2026, 3, 26)
        with self.assertRaises(AccessError):
            Session.with_user(self.user_commission).create({
                "commission_id": commission.id, "campaign_id": campaign.id, "date": D(2026, 6, 1)})

    def test_a_session_recorded_after_the_fact_checks_the_notice_it_had(self):
        # The session sat on Wed 1 April 2026; HR records it in May with the
        # day the evaluators were told on paper (seed 003 §29 counts from it).
        campaign, _sheet = self._agreed_sheet()
        commission = self._commission()
        Session = self.env["hr.bagalau.commission.session"].with_user(self.user_hr)
        values = {"commission_id": commission.id, "campaign_id": campaign.id, "date": D(2026, 4, 1)}
        with freeze_time("2026-05-11 06:00:00"):
            with self.assertRaisesRegex(UserError, "earliest session date"):
                Session.create(values)  # no notice recorded: it would be given today, too late
            with self.assertRaisesRegex(UserError, re.escape(format_date(self.env, D(2026, 4, 2)))):
                Session.create(dict(values, notice_date=D(2026, 3, 19)))  # six working days only
            with self.assertRaisesRegex(UserError, "has not come yet"):
                Session.create(dict(values, date=D(2026, 6, 1), notice_date=D(2026, 5, 12)))
            session = Session.create(dict(values, notice_date=D(2026, 3, 18)))
            session.action_schedule()
        self.assertEqual(session.state, "scheduled")
        self.assertTrue(session.decision_ids)
        with self.assertRaises(UserError):
            session.notice_date = D(2026, 3, 17)

    def test_the_protocol_reads_one_person_at_a_time(self):
        # Seed 001 Appendix 5: each person's "information on the results" —
        # his KPI grade, then his competencies — next to each other, readable.
        campaign, _sheet = self._agreed_sheet()
        competency = campaign.competency_sheet_ids.filtered(lambda sheet: sheet.employee_id == self.sheet_evaluated)
        competency.line_ids.indicator_ids.with_user(self.user_evaluator).write({"shown": True})
        with freeze_time("2026-03-16 06:00:00"):
            competency.with_user(self.user_evaluator).action_sign()
        commission = self._commission()
        with freeze_time("2026-03-18 06:00:00"):
            session = self.env["hr.bagalau.commission.session"].with_user(self.user_hr).create({
                "commission_id": commission.id, "campaign_id": campaign.id, "date": D(2026, 4, 1)})
            session.action_schedule()
        rows = session.decision_ids.filtered(lambda row: row.employee_id == self.sheet_evaluated)
        self.assertEqual(rows.mapped("kind"), ["kpi", "competency"])
        self.assertEqual(rows[0].result_text, "Excellent")
        self.assertEqual(rows[1].result_text, "Meets expectations in every competency")
        self.assertFalse(rows.mapped("final_text")[0], "no final result before the vote")
        arch = session.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="result_text"', arch)

    def test_schedule_loads_the_agenda_and_notifies_the_evaluators(self):
        session, sheet = self._session()
        self.assertEqual(session.state, "scheduled")
        self.assertEqual(session.decision_ids.kpi_sheet_id, sheet)
        decision = session.decision_ids
        self.assertEqual(decision.original_grade, "excellent")
        self.assertEqual(decision.evaluator_id, self.sheet_manager)
        # Agreed Mon 16 March, brought Wed 18 March: within 2 working days (seed 003 §24).
        self.assertEqual(decision.signed_on, D(2026, 3, 16))
        self.assertFalse(decision.brought_late)
        activity = session.activity_ids.filtered(lambda act: act.user_id == self.user_evaluator)
        self.assertEqual(activity.date_deadline, D(2026, 4, 1))
        # Told by a message of his own, that the other readers of the session do not read (seed 004 §16, §21).
        notice = self.env["mail.message"].search([("model", "=", session._name), ("res_id", "=", session.id),
                                                  ("message_type", "=", "user_notification")])
        self.assertEqual(notice.partner_ids, self.user_evaluator.partner_id)
        self.assertEqual(len(session.attendance_ids), 7)  # chair + 5 members + secretary
        self.assertEqual(session.voting_total, 6)
        # The evaluator sees the session of his people.
        self.assertTrue(session.with_user(self.user_evaluator).has_access("read"))

    def test_the_evaluators_to_dos_end_when_the_session_sits(self):
        session, _sheet = self._session()
        self.assertTrue(session.activity_ids.filtered(lambda act: act.user_id == self.user_evaluator))
        self._all_for(session.decision_ids)
        session.decision_ids.with_user(self.user_hr).action_decide()
        session.with_user(self.user_hr).action_hold()
        self.assertFalse(self.env["mail.activity"].search(
            [("res_model", "=", session._name), ("res_id", "=", session.id)]), "no to-do left on a session held")

    def test_late_agenda_is_flagged(self):
        campaign, _sheet = self._agreed_sheet()
        commission = self._commission()
        with freeze_time("2026-03-20 06:00:00"):  # Fri: 17, 18 March were the two days
            session = self.env["hr.bagalau.commission.session"].with_user(self.user_hr).create({
                "commission_id": commission.id, "campaign_id": campaign.id, "date": D(2026, 4, 15)})
            session.action_load_agenda()
        self.assertTrue(session.decision_ids.brought_late)

    def test_no_decision_without_quorum(self):
        # seed 003 §30: two thirds of 6 voting members is 4; 3 present are too few.
        present = self.emp_chair | self.emp_member | self.emp_others[0] | self.emp_secretary
        session, _sheet = self._session(present=present)
        self.assertFalse(session.has_quorum)
        decision = session.decision_ids
        with self.assertRaisesRegex(UserError, "quorum"):
            self._vote(decision, {self.emp_chair: "for"})
        with self.assertRaisesRegex(UserError, "quorum"):
            decision.with_user(self.user_hr).action_decide()
        # A fourth arrives: 4 of 6 is two thirds.
        session.attendance_ids.filtered(lambda line: line.employee_id == self.emp_others[1]) \
            .with_user(self.user_hr).present = True
        self.assertTrue(session.has_quorum)
        self._vote(decision, dict.fromkeys(present - self.emp_secretary, "for"))
        decision.with_user(self.user_hr).action_decide()
        self.assertEqual(decision.state, "decided")

    def test_secretary_cannot_vote(self):
        session, _sheet = self._session()
        decision = session.decision_ids
        with self.assertRaises(AccessError):
            decision.with_user(self.user_hr).action_vote("for")  # HR's user is the secretary
        with self.assertRaises(AccessError):
            decision.with_user(self.user_hr).action_vote("for", employee=self.emp_secretary)
        self.assertFalse(decision.vote_ids)

    def test_tie_is_decided_by_the_chair(self):
        # seed 003 §33: on a tie the chair's vote decides.
        session, _sheet = self._session()
        decision = session.decision_ids
        decision.with_user(self.user_commission).action_vote("for")  # the chair himself
        self._vote(decision, {self.emp_member: "for", self.emp_others[0]: "for",
                              self.emp_others[1]: "against", self.emp_others[2]: "against",
                              self.emp_others[3]: "against"})
        self.assertEqual((decision.votes_for, decision.votes_against, decision.chair_vote), (3, 3, "for"))
        decision.with_user(self.user_hr).action_decide()
        self.assertEqual((decision.state, decision.outcome), ("decided", "approved"))
        self.assertTrue(decision.decided_by_casting_vote)

    def test_chair_against_on_a_tie_rejects_the_proposal(self):
        session, _sheet = self._session()
        decision = session.decision_ids
        self._vote(decision, {self.emp_chair: "against", self.emp_member: "against", self.emp_others[0]: "against",
                              self.emp_others[1]: "for", self.emp_others[2]: "for", self.emp_others[3]: "for"})
        decision.with_user(self.user_hr).action_decide()
        self.assertEqual(decision.state, "rejected")
        decision.with_user(self.user_hr).action_reopen()
        self.assertEqual((decision.state, len(decision.vote_ids)), ("pending", 0))

    def test_revision_with_a_corrected_grade_and_the_protocol(self):
        # seed 003 §37-39: the commission revises; the authorised person approves.
        session, sheet = self._session()
        decision = session.decision_ids.with_user(self.user_hr)
        decision.write({"proposal": "revise", "recommendations": "KPI 5 evidence is weak: training."})
        with self.assertRaisesRegex(UserError, "corrected"):
            self._all_for(decision)
        decision.corrected_grade = "effective"
        self._all_for(decision)
        decision.action_decide()
        self.assertEqual((decision.outcome, decision.final_grade), ("revised", "effective"))
        with self.assertRaises(UserError):
            decision.corrected_grade = "satisfactory"  # decided

        session.with_user(self.user_hr).conclusion = "The results are approved as corrected."
        session.with_user(self.user_hr).action_hold()
        self.assertEqual(session.signature_ids.mapped("role").count("member"), 5)
        session.with_user(self.user_hr).action_sign()  # the secretary checked it
        session.with_user(self.user_commission).action_sign()  # the chair
        with self.assertRaises(AccessError):
            session.with_user(self.user_evaluator).action_sign()
        signed = session.signature_ids.filtered("signed_on")
        self.assertEqual(set(signed.mapped("role")), {"secretary", "chair"})
        self.assertEqual(signed.filtered(lambda row: row.role == "chair").user_id, self.user_commission)

        for intruder in (self.user_hr, self.user_commission, self.user_authorised):
            with self.subTest(user=intruder.login), self.assertRaises(AccessError):
                session.with_user(intruder).action_approve()
        self.assertEqual(session.state, "held")
        result = sheet.result_id
        self.assertFalse(result.bagalau_final)

        self._sign_protocol(session)
        session.with_user(self.sheet_user_head).action_approve()
        self.assertEqual(session.state, "approved")
        self.assertEqual(session.approved_by_id, self.sheet_user_head)
        self.assertTrue(result.bagalau_final)
        self.assertEqual(result.result_key, "effective")
        self.assertEqual(decision.result_id, result)
        revision = result.bagalau_revision_ids
        self.assertEqual((revision.old_grade, revision.new_grade, revision.source), ("excellent", "effective",
                                                                                      "commission"))
        self.assertEqual(sheet.bagalau_revision_ids, revision)
        self.assertEqual(sheet.result_key, "excellent", "the sheet keeps what the evaluator gave")

    def test_every_signer_signs_or_his_absence_is_explained(self):
        # seed 001 Appendix 5: the secretary, the chair and each member present sign; seed 003 §39.
        session, _sheet = self._session()
        self._all_for(session.decision_ids)
        session.decision_ids.with_user(self.user_hr).action_decide()
        session.with_user(self.user_hr).action_hold()
        session.with_user(self.user_hr).action_sign()
        session.with_user(self.user_commission).action_sign()
        unsigned = session.signature_ids.filtered(lambda row: row.signature_state == "pending")
        self.assertEqual(len(unsigned), 5)
        with self.assertRaisesRegex(UserError, "not signed by .*Мүше Бақыт"):
            session.with_user(self.sheet_user_head).action_approve()
        with self.assertRaises(AccessError):
            unsigned[:1].with_user(self.user_commission).action_record_paper_signature(signed_on=session.date)
        with self.assertRaisesRegex(ValidationError, "from the session on"):
            unsigned[:1].with_user(self.user_hr).action_record_paper_signature(signed_on=D(2026, 3, 1))
        unsigned[:1].with_user(self.user_hr).action_record_paper_signature(reason="On sick leave since the session.")
        unsigned[1:].with_user(self.user_hr).action_record_paper_signature(signed_on=session.date)
        self.assertEqual(set(unsigned.mapped("signature_state")), {"not_signed", "paper"})
        self.assertEqual(unsigned.recorded_by_id, self.user_hr)
        with self.assertRaises(UserError):
            unsigned[:1].with_user(self.user_hr).write({"not_signed_reason": "rewritten"})
        self.assertFalse(session.protocol_number)
        session.with_user(self.sheet_user_head).action_approve()
        self.assertEqual(session.protocol_number, "1", "numbered on approval, the body's first of the year")

    def test_approved_result_is_final(self):
        _session, sheet = self._approved_session()
        self.assertTrue(sheet.result_id.bagalau_final)
        self.assertEqual(sheet.result_id.result_key, "excellent")
        self.assertFalse(sheet.result_id.bagalau_revision_ids)
        # seed 003 §40: the acquaintance with the final result starts, once.
        result = sheet.result_id
        if "ack_state" in result._fields:
            self.assertNotEqual(result.ack_state, "none")
            self.assertEqual(sheet.ack_state, "none", "the employee acknowledges the result, not the sheet too")

    # --- confidentiality ------------------------------------------------------------

    def test_member_sees_only_the_sheets_of_his_sessions(self):
        Sheet = self.env["hr.bagalau.kpi.sheet"]
        campaign, sheet = self._agreed_sheet()
        self.assertGreater(len(campaign.kpi_sheet_ids), 1)
        self.assertFalse(Sheet.with_user(self.user_member).search([]))
        commission = self._commission()
        with freeze_time("2026-03-18 06:00:00"):
            session = self.env["hr.bagalau.commission.session"].with_user(self.user_hr).create({
                "commission_id": commission.id, "campaign_id": campaign.id, "date": D(2026, 4, 1)})
            session.action_schedule()
        self.assertEqual(Sheet.with_user(self.user_member).search([]), sheet)
        lines = self.env["hr.bagalau.kpi.sheet.line"].with_user(self.user_member).search([])
        self.assertEqual(lines, sheet.line_ids)
        self.assertEqual(self.env["hr.bagalau.commission.session"].with_user(self.user_member).search([]), session)
        # Someone who does not sit on it sees neither the session nor the sheet.
        outsider = self._bagalau_user("t_comm_outsider", "hr_bagalau.group_bagalau_commission")
        self.assertFalse(Sheet.with_user(outsider).search([]))
        self.assertFalse(self.env["hr.bagalau.commission.session"].with_user(outsider).search([]))
