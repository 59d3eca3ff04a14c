"""The launch of a campaign at scale (issue 13): a batch costs the same
number of queries whatever its size, makes no e-mail and no message per
sheet, and neither a crash nor a second worker launches an employee twice.
The wall-clock figures are `make bench`'s, never a unit test's."""

import datetime
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools import SQL

from ..models import hr_bagalau_competency_sheet
from ..models.hr_bagalau_differentiation_sheet import PARAMETERS
from .common import BagalauCase

STAFF = 90


@tagged("post_install", "-at_install")
class TestLaunchScale(BagalauCase):
    """A unit of two departments, each with a head who has a user, and their staff."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_head_a = cls._bagalau_user("t_scale_head_a", "hr_bagalau.group_bagalau_evaluator")
        cls.user_head_b = cls._bagalau_user("t_scale_head_b", "hr_bagalau.group_bagalau_evaluator")
        Department = cls.env["hr.department"].with_company(cls.company)
        cls.head_a = cls._bagalau_employee("Head A", user=cls.user_head_a, category="e_3", bagalau_is_unit_head=True)
        cls.head_b = cls._bagalau_employee("Head B", user=cls.user_head_b, category="e_3", bagalau_is_unit_head=True)
        departments = Department.create([
            {"name": "Unit A", "company_id": cls.company.id, "manager_id": cls.head_a.id},
            {"name": "Unit B", "company_id": cls.company.id, "manager_id": cls.head_b.id},
        ])
        (cls.head_a | cls.head_b).write({"department_id": False})
        heads = [cls.head_a, cls.head_b]
        cls.staff = cls.env["hr.employee"].with_company(cls.company).create([{
            "name": f"Servant {index:03d}",
            "company_id": cls.company.id,
            "department_id": departments[index % 2].id,
            "parent_id": heads[index % 2].id,
            "bagalau_category_id": cls.env.ref("hr_bagalau.position_category_e_4").id,
            "bagalau_position_date": "2015-03-02",
        } for index in range(STAFF)])
        cls.methodology_2023 = cls.preset_2023.with_company(cls.company).copy({"name": "Scale 2023"})
        cls.methodology_2018 = cls.preset_2018.with_company(cls.company).copy({"name": "Scale 2018"})
        # The calendar's public holidays are loaded once for good: not part of a batch.
        cls.company._bagalau_working_calendar(datetime.date(2025, 12, 31))

    def _campaign(self, methodology, year=2025, quarter=False):
        return self.env["hr.bagalau.campaign"].with_company(self.company).create({
            "methodology_id": methodology.id, "year": year, "quarter": quarter, "company_id": self.company.id,
            "state": "launching",
        })

    def _batch_queries(self, campaign, size):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        campaign._launch_batch(size)
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def _assert_batches_cost_the_same(self, methodology, quarter=False):
        # A first batch of each size warms what is read once per transaction (ir.model, activity types).
        self._batch_queries(self._campaign(methodology, quarter=quarter), 5)
        small = self._batch_queries(self._campaign(methodology, quarter=quarter), 20)
        large = self._batch_queries(self._campaign(methodology, quarter=quarter), 40)
        # The ORM inserts and recomputes rows in chunks of 100 (INSERT_BATCH_SIZE): the 2018 lines and
        # indicators add a query per hundred rows, not one per employee. Twenty more servants cost fewer
        # queries than there are of them, or the launch does per employee what it should do per batch.
        self.assertLess(large - small, 20, f"a batch of 40 took {large} queries, one of 20 took {small}")
        return large, small

    def test_a_2023_batch_costs_the_same_queries_for_20_or_40_servants(self):
        large, small = self._assert_batches_cost_the_same(self.methodology_2023, quarter="4")
        self.assertLessEqual(large - small, 1, "a differentiation sheet and its to-do: nothing per servant")

    def test_a_2018_batch_costs_the_same_queries_for_20_or_40_servants(self):
        large, small = self._assert_batches_cost_the_same(self.methodology_2018)
        # The ~35 competency lines and indicators of each servant go in one INSERT per table and batch.
        self.assertLessEqual(large - small, 3, f"a batch of 40 took {large} queries, one of 20 took {small}")
        self.assertLess(large / 40, 2, "plans, KPI and competency sheets, lines and to-dos: created per batch")

    def _competency_structure(self, campaign):
        self.env.invalidate_all()
        return {sheet.employee_id.id: (
            sheet.competency_count, sheet.met_count, sheet.result, sheet.company_id,
            [(line.competency_id, line.sequence, line.indicator_count, line.shown_count, line.result, line.not_shown,
              line.company_id, [(indicator.indicator_id, indicator.sequence, indicator.competency_sequence,
                                 indicator.sheet_id == sheet, indicator.company_id, indicator.shown)
                                for indicator in line.indicator_ids])
             for line in sheet.line_ids],
            sheet.indicator_ids.indicator_id.ids,
        ) for sheet in campaign.competency_sheet_ids}

    def test_the_bulk_competency_lines_are_those_the_orm_makes(self):
        bulk = self._campaign(self.methodology_2018)
        while bulk._launch_batch(50):
            pass
        orm = self._campaign(self.methodology_2018, year=2024)
        with patch.object(hr_bagalau_competency_sheet, "bulk_insertable", return_value=False):
            while orm._launch_batch(50):
                pass
        made = self._competency_structure(bulk)
        self.assertEqual(len(made), STAFF + 2)
        self.assertEqual(made, self._competency_structure(orm), "the same rows and results, by SQL or by the ORM")
        line = bulk.competency_sheet_ids.filtered(lambda sheet: sheet.employee_id == self.staff[0]).line_ids[0]
        self.assertEqual((line.shown_count, line.result), (0, "does_not_meet"))
        self.assertIn(line.indicator_ids[0].name, line.not_shown, "Appendix 3 lists the indicators not shown")
        # The direct manager checks them: the ORM recomputes the line from the rows the launch inserted.
        line.indicator_ids.with_user(self.user_head_a).write({"shown": True})
        self.assertEqual((line.shown_count, line.result, line.not_shown), (line.indicator_count, "meets", False))

    def test_an_addon_column_makes_the_launch_use_the_orm(self):
        Line = self.env["hr.bagalau.competency.sheet.line"]
        self.assertTrue(hr_bagalau_competency_sheet.bulk_insertable(Line, hr_bagalau_competency_sheet.LINE_COLUMNS))
        self.assertFalse(hr_bagalau_competency_sheet.bulk_insertable(
            Line, hr_bagalau_competency_sheet.LINE_COLUMNS - {"not_shown"}), "a column it does not fill: the ORM")

    def test_only_the_server_inserts_competency_lines(self):
        campaign = self._campaign(self.methodology_2018)
        campaign._launch_batch(5)
        sheet = campaign.competency_sheet_ids[:1]
        lines = sheet.line_ids
        competency = self.env["hr.bagalau.competency"].search([], limit=1)
        structure = [[(competency, self.env["hr.bagalau.competency.indicator"])]]
        for user in (self.user_hr, self.user_head_a):
            with self.assertRaises(AccessError):
                sheet.with_user(user).with_context(bagalau_quiet_todos=True)._bagalau_make_structure(structure)
        self.assertEqual(sheet.line_ids, lines)

    def test_the_assignees_follow_their_sheets_once(self):
        campaign = self._campaign(self.methodology_2018)
        while campaign._launch_batch(40):
            pass
        for sheets in (campaign.plan_ids, campaign.kpi_sheet_ids, campaign.competency_sheet_ids):
            followers = self.env["mail.followers"].sudo().search([("res_model", "=", sheets._name),
                                                                  ("res_id", "in", sheets.ids)])
            for sheet in sheets.filtered(lambda sheet: sheet.direct_manager_id.user_id):
                mine = followers.filtered(lambda follower, sheet=sheet: follower.res_id == sheet.id)
                self.assertEqual(mine.partner_id, sheet.direct_manager_id.user_id.partner_id,
                                 "the direct manager follows the sheet of his to-do, once")
                self.assertEqual(mine.subtype_ids, self.env["mail.message.subtype"].default_subtypes(sheets._name)[0])
        self.assertFalse(self.env.cr.cache.get("bagalau_subscribed_followers"), "nothing left for later calls")
        # Outside the launch, message_subscribe works as in Odoo.
        sheet = campaign.competency_sheet_ids[0]
        sheet.message_subscribe(partner_ids=self.user_hr.partner_id.ids)
        self.assertIn(self.user_hr.partner_id, sheet.message_partner_ids)

    def test_the_launch_makes_to_dos_but_no_mail_per_sheet_and_one_summary(self):
        campaign = self._campaign(self.methodology_2023, quarter="4")
        mails = self.env["mail.mail"].sudo().search_count([])
        while campaign._launch_batch(40):
            pass
        sheets = campaign.differentiation_sheet_ids
        self.assertEqual(sheets.employee_id, self.staff, "every servant once, none of the heads (seed 004 §29)")
        todos = self.env["mail.activity"].sudo().search([("res_model", "=", sheets._name),
                                                         ("res_id", "in", sheets.ids)])
        self.assertEqual(len(todos), STAFF)
        self.assertEqual(set(todos.user_id.ids), {self.user_head_a.id, self.user_head_b.id})
        self.assertEqual(set(todos.mapped("date_deadline")), {sheets[0].due_date})
        self.assertEqual(todos.activity_type_id, self.env.ref("hr_bagalau.mail_activity_type_bagalau_evaluate"))
        self.assertEqual(self.env["mail.mail"].sudo().search_count([]), mails, "no e-mail per to-do at launch")
        self.assertFalse(self.env["mail.message"].sudo().search_count([("model", "=", sheets._name),
                                                                       ("res_id", "in", sheets.ids)]),
                         "no message per sheet")
        summary = campaign.message_ids.filtered(lambda message: "Launch completed" in str(message.body))
        self.assertEqual(len(summary), 1, "one summary message on the campaign")
        self.assertIn(f"differentiation sheets: {STAFF}", str(summary.body))
        self.assertIn(self.user_head_a.partner_id, sheets[0].message_partner_ids | sheets[1].message_partner_ids)

    def test_a_client_cannot_silence_the_plan_to_do_with_the_context(self):
        # The quiet to-dos are the launch's (superuser code): HR making a plan
        # by hand and sending the key still notifies the direct manager.
        campaign = self._campaign(self.methodology_2023, quarter="4")
        head = self.head_a.with_user(self.user_hr)
        plan = self.env["hr.bagalau.kpi.plan"].with_user(self.user_hr).with_context(bagalau_quiet_todos=True).create({
            "campaign_id": campaign.id, "employee_id": head.id, "direct_manager_id": self.head_b.id})
        self.assertEqual(plan.activity_ids.user_id, self.user_head_b)
        notices = self.env["mail.message"].sudo().search([
            ("message_type", "=", "user_notification"), ("model", "=", plan._name), ("res_id", "=", plan.id)])
        self.assertEqual(notices.partner_ids, self.user_head_b.partner_id, "the assignee is told, key or not")

    def _score_and_complete(self, sheets, score=3):
        sheets.write({**{f"{parameter}_score": score for parameter in PARAMETERS},
                      **{f"{parameter}_justification": "Seen in the quarter" for parameter in PARAMETERS}})
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        sheets.action_done()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_completing_many_quarter_sheets_at_once(self):
        campaign = self._campaign(self.methodology_2023, quarter="4")
        while campaign._launch_batch(100):
            pass
        sheets = campaign.differentiation_sheet_ids.sorted("id")
        small = self._score_and_complete(sheets[:10])
        large = self._score_and_complete(sheets[10:30], score=4)
        # Each sheet keeps its own messages and to-dos (seed 004 §12, §31): a constant cost per sheet.
        self.assertLessEqual(large / 20, small / 10 * 1.1, f"20 sheets took {large} queries, 10 took {small}: the "
                                                           "cost of a sheet does not grow with the selection")
        done = sheets[:30]
        self.assertEqual(set(done.mapped("state")), {"done"})
        results = done.result_id
        self.assertEqual(len(results), 30, "one year result per servant")
        self.assertEqual(results.employee_id, done.employee_id)
        self.assertEqual(set(sheets[:10].result_id.mapped("q4_score")), {3.0})
        self.assertEqual(set(sheets[10:30].result_id.mapped("q4_score")), {4.0})
        for sheet in done:
            self.assertFalse(sheet._bagalau_steps(), "the evaluator's to-do is done")
            self.assertTrue(sheet.message_ids.filtered(lambda message: "is done" in str(message.body)),
                            "the servant is told (seed 004 §31)")
        # One sheet already done in the selection: nothing of it is completed, no result made.
        pending = sheets[30]
        pending.write({**{f"{parameter}_score": 3 for parameter in PARAMETERS},
                       **{f"{parameter}_justification": "Seen" for parameter in PARAMETERS}})
        with self.assertRaisesRegex(UserError, "already done"), self.env.cr.savepoint():
            (pending | sheets[0]).action_done()
        self.assertEqual(pending.state, "draft")
        self.assertFalse(self.env["hr.bagalau.result"].search([("employee_id", "=", pending.employee_id.id),
                                                               ("year", "=", 2025)]))
        # Nor does a client complete another head's sheets.
        other = sheets[31:33]
        with self.assertRaises(AccessError):
            other.with_user(self.user_hr).action_done()
        self.assertEqual(set(other.mapped("state")), {"draft"})

    def test_the_summary_speaks_the_language_of_hr(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.user_hr.sudo().lang = "ru_RU"
        campaign = self.env["hr.bagalau.campaign"].with_user(self.user_hr).with_company(self.company).create({
            "methodology_id": self.methodology_2023.id, "year": 2025, "quarter": "4",
            "company_id": self.company.id})
        campaign.sudo().state = "launching"
        while campaign.sudo()._launch_batch(50):
            pass
        self.assertTrue(campaign.message_ids.filtered(lambda message: "Запуск завершён" in str(message.body)))

    def test_an_interrupted_batch_resumes_without_duplicates(self):
        campaign = self._campaign(self.methodology_2018)
        campaign._launch_batch(30)
        with self.assertRaises(ZeroDivisionError), self.env.cr.savepoint():
            campaign._launch_batch(30)
            raise ZeroDivisionError  # the worker dies before its commit
        self.env.invalidate_all()
        everyone = self.staff | self.head_a | self.head_b
        self.assertEqual(campaign.launch_cursor, sorted(everyone.ids)[29], "the cursor rolled back with the batch")
        while campaign._launch_batch(30):
            pass
        self.assertEqual(campaign.competency_sheet_ids.employee_id, everyone)
        self.assertEqual(len(campaign.competency_sheet_ids), len(everyone), "no employee launched twice")
        self.assertEqual(len(campaign.plan_ids), len(everyone))
        self.assertEqual((campaign.state, campaign.launch_done, campaign.launch_total),
                         ("running", len(everyone), len(everyone)))
        line = campaign.competency_sheet_ids[0].line_ids[0]
        self.assertTrue(line.indicator_ids, "the lines come with their indicators (seed 003 Appendix 4)")

    def test_picking_up_a_newcomer_with_a_smaller_id_than_the_cursor(self):
        campaign = self._campaign(self.methodology_2023, quarter="4")
        outsider = self.staff[0]
        outsider.bagalau_category_id = False
        while campaign._launch_batch(40):
            pass
        outsider.bagalau_category_id = self.env.ref("hr_bagalau.position_category_e_4")
        campaign.with_user(self.user_hr).action_launch()
        self.assertIn(outsider, campaign.differentiation_sheet_ids.employee_id)
        self.assertEqual(len(campaign.differentiation_sheet_ids), STAFF)


@tagged("post_install", "-at_install")
class TestLaunchRaces(TransactionCase):
    """Two workers on one campaign, with two database cursors, on the demo
    agency (its data is committed: a second cursor sees it)."""

    def test_a_campaign_another_worker_holds_is_not_launched_twice(self):
        campaign = self.env["hr.bagalau.campaign"].search([], limit=1)
        self.assertTrue(campaign, "the demo has a campaign")
        other = self.registry.cursor()
        self.addCleanup(other.close)
        self.addCleanup(other.rollback)
        other.execute(SQL("SELECT id FROM %s WHERE id = %s FOR UPDATE NOWAIT", SQL.identifier(campaign._table),
                          campaign.id))
        before = self.env["hr.bagalau.campaign.exclusion"].search_count([("campaign_id", "=", campaign.id)])
        with self.assertRaisesRegex(UserError, "someone else at this very moment"):
            campaign._launch_batch(10)
        self.assertEqual(
            self.env["hr.bagalau.campaign.exclusion"].search_count([("campaign_id", "=", campaign.id)]), before)
        # The job runner skips it instead of waiting for the other worker.
        self.env.cr.execute(SQL("SELECT id FROM %s WHERE id = %s FOR UPDATE SKIP LOCKED",
                                SQL.identifier(campaign._table), campaign.id))
        self.assertFalse(self.env.cr.fetchall())

