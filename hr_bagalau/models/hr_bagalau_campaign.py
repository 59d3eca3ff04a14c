import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..engine.eligibility import evaluate_eligibility
from ..engine.errors import EngineError
from ..engine.kpi_2023 import kpi_plan_required
from .hr_bagalau_engine_messages import engine_error_message

# Employees processed per call of the launch job: a 30-person apparatus is
# launched at once, a national deployment in batches by ir.cron.
LAUNCH_BATCH_SIZE = 200

QUARTERS = [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")]


class HrBagalauCampaign(models.Model):
    """An evaluation period (a year, or a quarter of a year) under one
    methodology, for a company or some of its departments."""

    _name = "hr.bagalau.campaign"
    _description = "Evaluation Campaign"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.bagalau.integrity.mixin"]
    _order = "date_start desc, id desc"
    # The launch, the closing and the retention job set these.
    _bagalau_workflow_fields = frozenset({"state", "launch_done", "launch_total", "launch_cursor",
                                          "closed_on",
                                          "retention_listed_on"})
    # A closed campaign is only archived (seed 003 §8): the retention job notes it listed it.
    _bagalau_closed_writable = frozenset({"active", "retention_listed_on"})

    name = fields.Char(compute="_compute_name", store=True, readonly=False, required=True, precompute=True,
                       tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    methodology_id = fields.Many2one(
        "hr.bagalau.methodology", required=True, tracking=True,
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
    )
    generation = fields.Selection(related="methodology_id.generation")
    period = fields.Selection(related="methodology_id.period")
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year, tracking=True)
    quarter = fields.Selection(QUARTERS, tracking=True)
    date_start = fields.Date(compute="_compute_dates", store=True)
    date_end = fields.Date(compute="_compute_dates", store=True)
    department_ids = fields.Many2many(
        "hr.department", string="Departments",
        help="Empty: the whole agency. Sub-departments are included.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("launching", "Launching"), ("running", "Running"), ("closed", "Closed")],
        default="draft", required=True, tracking=True, copy=False,
    )
    plan_ids = fields.One2many("hr.bagalau.kpi.plan", "campaign_id", string="KPI Plans")
    kpi_sheet_ids = fields.One2many("hr.bagalau.kpi.sheet", "campaign_id", string="KPI Sheets")
    exclusion_ids = fields.One2many("hr.bagalau.campaign.exclusion", "campaign_id", string="Not Evaluated Now")
    plan_count = fields.Integer(compute="_compute_counts")
    kpi_sheet_count = fields.Integer(compute="_compute_counts")
    excluded_count = fields.Integer(compute="_compute_counts")
    deferred_count = fields.Integer(compute="_compute_counts")
    # Every line of "Not Evaluated Now", the list its smart button opens:
    # the excluded and the deferred (seed 003 §4, seed 004 §6-7).
    exclusion_count = fields.Integer(compute="_compute_counts", string="Number Not Evaluated Now")
    launch_done = fields.Integer(readonly=True, copy=False, help="Employees processed by the launch.")
    launch_total = fields.Integer(readonly=True, copy=False, help="Employees the launch considers.")
    launch_cursor = fields.Integer(readonly=True, copy=False,
                                   help="The last employee (by id) the launch processed: the next batch starts after.")

    _sql_constraints = [
        ("year_range", "CHECK(year BETWEEN 2000 AND 2100)", "The year of a campaign must be between 2000 and 2100."),
    ]

    @api.depends("year", "quarter", "methodology_id.period")
    def _compute_name(self):
        for campaign in self:
            campaign.name = campaign._bagalau_period_label(self.env.lang)

    def _bagalau_period_label(self, lang):
        """The period in ``lang``: «Q1 2026», «1-тоқсан 2026», «1 квартал 2026»."""
        self.ensure_one()
        if self.methodology_id.period == "quarter" and self.quarter:
            return self.with_context(lang=lang or "en_US").env._(
                "Q%(quarter)s %(year)s", quarter=self.quarter, year=self.year)
        return str(self.year or "")

    @api.depends("name", "year", "quarter", "methodology_id.period")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # The stored name is the period in its creator's language; a name HR
        # left as it was made reads in each reader's language.
        languages = [code for code, _name in self.env["res.lang"].get_installed()]
        for campaign in self:
            automatic = {campaign._bagalau_period_label(code) for code in languages}
            campaign.display_name = campaign._bagalau_period_label(self.env.lang) \
                if campaign.name in automatic else campaign.name

    @api.depends("year", "quarter", "methodology_id.period")
    def _compute_dates(self):
        for campaign in self:
            if not campaign.year:
                campaign.date_start = campaign.date_end = False
            elif campaign.methodology_id.period == "quarter" and campaign.quarter:
                first_month = (int(campaign.quarter) - 1) * 3 + 1
                campaign.date_start = datetime.date(campaign.year, first_month, 1)
                next_start = (datetime.date(campaign.year + 1, 1, 1) if first_month == 10
                              else datetime.date(campaign.year, first_month + 3, 1))
                campaign.date_end = next_start - datetime.timedelta(days=1)
            else:
                campaign.date_start = datetime.date(campaign.year, 1, 1)
                campaign.date_end = datetime.date(campaign.year, 12, 31)

    def _compute_counts(self):
        for campaign in self:
            campaign.plan_count = len(campaign.plan_ids)
            campaign.kpi_sheet_count = len(campaign.kpi_sheet_ids)
            campaign.excluded_count = len(campaign.exclusion_ids.filtered(lambda line: line.status == "excluded"))
            campaign.deferred_count = len(campaign.exclusion_ids.filtered(lambda line: line.status == "deferred"))
            campaign.exclusion_count = len(campaign.exclusion_ids)

    @api.constrains("methodology_id", "quarter")
    def _check_quarter(self):
        for campaign in self:
            if campaign.methodology_id.period == "quarter" and not campaign.quarter:
                raise ValidationError(_("“%(methodology)s” evaluates by quarter: choose the quarter of the campaign.",
                                        methodology=campaign.methodology_id.display_name))

    def _bagalau_campaigns(self):
        return self

    def _bagalau_record_label(self):
        self.ensure_one()
        return _("the campaign “%(name)s”", name=self.name)

    def write(self, vals):
        if {"methodology_id", "year", "quarter", "department_ids", "company_id"} & set(vals) and self.filtered(
                lambda campaign: campaign.state != "draft"):
            raise UserError(_("A launched campaign keeps its methodology, period and departments."))
        return super().write(vals)

    # --- launch ---------------------------------------------------------

    def _candidate_domain(self):
        domain = [("company_id", "=", self.company_id.id), ("bagalau_category_id", "!=", False)]
        if self.department_ids:
            domain.append(("department_id", "child_of", self.department_ids.ids))
        return domain

    def _candidates(self):
        """Corps B employees of the campaign's company and departments."""
        self.ensure_one()
        return self.env["hr.employee"].sudo().with_context(active_test=True).search(self._candidate_domain(),
                                                                                   order="id")

    def _processed_employees(self):
        self.ensure_one()
        return (self.plan_ids.employee_id | self.kpi_sheet_ids.employee_id | self.exclusion_ids.employee_id
                | self._extra_processed_employees())

    def _extra_processed_employees(self):
        """Hook: employees that other sheets (competency, differentiation…) of
        the campaign already cover."""
        return self.env["hr.employee"]

    def _processed_models(self):
        """Hook: the models whose records (``campaign_id``, ``employee_id``)
        mean that the launch processed the employee."""
        return ["hr.bagalau.kpi.plan", "hr.bagalau.kpi.sheet", "hr.bagalau.campaign.exclusion"]

    def _launch_query(self, after_id, limit=None, order="id"):
        """The candidates after ``after_id`` that the campaign has not
        processed yet, in the order of their ids: one query, whatever the size
        of the agency and of what is done."""
        Employee = self.env["hr.employee"].sudo().with_context(active_test=True)
        query = Employee._search([*self._candidate_domain(), ("id", ">", after_id)], order=order, limit=limit)
        employee_id = SQL.identifier(query.table, "id")
        for model in self._processed_models():
            done = self.env[model].sudo().with_context(active_test=False)._search([("campaign_id", "=", self.id)])
            query.add_where(SQL("%s NOT IN %s", employee_id, done.subselect("employee_id")))
        return query

    def _eligibility(self, employee):
        """The engine's decision for ``employee`` in this campaign
        (seed 003 §4, seed 004 §6-7)."""
        methodology = self.methodology_id
        return evaluate_eligibility(
            period_end=self.date_end,
            position_date=employee.bagalau_position_date,
            probation_end=employee.bagalau_probation_end or None,
            absence_from=employee.bagalau_absence_from or None,
            absence_to=employee.bagalau_absence_to or None,
            dismissal_date=employee.bagalau_dismissal_date or None,
            min_tenure_months=methodology.min_tenure_months,
            deferral_working_days=methodology.absence_deferral_working_days,
            calendar=self.company_id._bagalau_working_calendar(self.date_end),
            exclude_probation=methodology.exclude_probation,
            evaluate_dismissed=methodology.evaluate_dismissed,
        )

    def _needs_kpi_plan(self, employee):
        """KPIs for everyone (2018, seed 003 §9) or for heads (2023, seed 004 §22),
        none for a head appointed with less than 3 months left (seed 004 §23)."""
        methodology = self.methodology_id
        if not methodology.use_kpi_plan:
            return False
        if methodology.kpi_applies_to == "heads":
            if not employee.bagalau_is_unit_head:
                return False
            year_end = datetime.date(self.year, 12, 31)
            return kpi_plan_required(employee.bagalau_position_date, year_end,
                                     min_months=methodology.kpi_min_months_remaining)
        return True

    def _launch_employee(self, employee):
        """Create what the methodology asks for ``employee``, or say why not."""
        self._launch_employees(employee)

    def _launch_employees(self, employees):
        """Create what the methodology asks for each of ``employees``, or say
        why not: one ``create`` per model for all of them, the working
        calendar built once."""
        self.ensure_one()
        employees = employees.sudo()
        exclusions, entries = [], []
        with self.company_id._bagalau_calendar_memo():
            for employee in employees:
                exclusion = {"campaign_id": self.id, "employee_id": employee.id, "status": "excluded"}
                if not employee.bagalau_position_date:
                    exclusions.append(dict(exclusion, reason="no_position_date"))
                    continue
                try:
                    decision = self._eligibility(employee)
                except EngineError as error:
                    exclusions.append(dict(exclusion, reason="invalid_data",
                                           note=engine_error_message(self.env, error)))
                    continue
                if decision.status == "excluded":
                    exclusions.append(dict(exclusion, reason=decision.reason))
                    continue
                if decision.status == "deferred":
                    exclusions.append(dict(exclusion, status="deferred", reason=decision.reason,
                                           due_date=decision.due_date))
                entries.append((employee, decision))
            created = self._create_documents_batch([(employee, decision.due_date) for employee, decision in entries])
        exclusions += [
            {"campaign_id": self.id, "employee_id": employee.id, "status": "excluded",
             "reason": "nothing_to_evaluate"}
            for employee, decision in entries if decision.status == "eligible" and employee.id not in created
        ]
        self.env["hr.bagalau.campaign.exclusion"].sudo().create(exclusions)

    def _create_documents(self, employee, due_date=None):
        """The sheets of one employee. Returns whether any was made."""
        self.ensure_one()
        return employee.id in self._create_documents_batch([(employee, due_date)])

    def _create_documents_batch(self, entries):
        """Hook: the sheets of each building block for ``entries`` —
        ``(employee, deferral due date or None)`` — each model in one create.
        Returns the ids of the employees who got any."""
        self.ensure_one()
        created = set()
        methodology = self.methodology_id
        needing = [(employee, due_date) for employee, due_date in entries if self._needs_kpi_plan(employee)]
        if not needing:
            return created
        plans = self.env["hr.bagalau.kpi.plan"].sudo()._bagalau_ensure_plans(
            self, self.env["hr.employee"].browse([employee.id for employee, _due in needing]))
        created |= set(plans)
        if methodology.use_kpi_sheet:
            self.env["hr.bagalau.kpi.sheet"].sudo()._bagalau_ensure_sheets(
                self, [(employee, plans[employee.id], due_date) for employee, due_date in needing])
        return created

    def _launch_batch(self, limit=LAUNCH_BATCH_SIZE):
        """Process the next ``limit`` employees not yet processed; return how many are left.

        The campaign's row is locked first (NOWAIT): a second worker on the same
        campaign is refused at once, and one that waited behind a committed
        batch fails to serialize in Odoo's repeatable-read transaction and is
        retried; so no employee is launched twice. The cursor (the last employee id
        done) moves in the same transaction as the sheets: a crash rolls both
        back and the next call resumes there."""
        self.ensure_one()
        self._bagalau_lock()
        after_id = self.launch_cursor
        Employee = self.env["hr.employee"].sudo().with_context(active_test=True)
        todo = Employee.browse(self._launch_query(after_id, limit))
        self._launch_employees(todo)
        cursor = max(todo.ids, default=after_id)
        self.env.cr.execute(self._launch_query(cursor, order=None).select(SQL("count(*)")))
        left = self.env.cr.fetchone()[0]
        total = Employee.search_count(self._candidate_domain())
        self.sudo().write({
            "launch_cursor": cursor,
            "launch_total": total,
            "launch_done": total - left,
            **({"state": "running"} if not left else {}),
        })
        if not left:
            # In the language of the HR officer who made the campaign, not of the job runner.
            self.with_context(lang=self.create_uid.lang or self.env.lang)._bagalau_post_launch_summary()
        return left

    def _bagalau_launch_counts(self):
        """What the launch made, by kind, for the summary message."""
        self.ensure_one()
        return [
            (_("KPI plans"), len(self.sudo().plan_ids)),
            (_("KPI sheets"), len(self.sudo().kpi_sheet_ids)),
        ]

    def _bagalau_post_launch_summary(self):
        """One message on the campaign when the launch is done, instead of one per sheet."""
        self.ensure_one()
        counts = ", ".join(f"{label}: {count}" for label, count in self._bagalau_launch_counts() if count)
        excluded = len(self.exclusion_ids)
        self.message_post(body=_(
            "Launch completed: %(total)s employees considered; made: %(made)s; not evaluated now: %(excluded)s. "
            "The evaluators have their to-dos.",
            total=self.launch_total, made=counts or "0", excluded=excluded))

    def action_launch(self):
        """Launch, or launch again to pick up late joiners: no duplicates."""
        # The steps write the state as superuser: the caller must be one who
        # may change the campaign (HR).
        self.check_access("write")
        picked_up = []
        for campaign in self._bagalau_lock():
            if campaign.state == "closed":
                raise UserError(_("The campaign “%(name)s” is closed.", name=campaign.name))
            if not campaign._candidates():
                raise UserError(_("No corps B employee in “%(name)s”: give the employees a position category "
                                  "first.", name=campaign.name))
            relaunch = campaign.state == "running"
            processed = campaign._processed_employees()
            todo = campaign._candidates() - processed
            # A re-launch looks at every candidate again (late joiners may have
            # smaller ids); the batches skip the processed ones in SQL.
            campaign.sudo().write({"state": "launching", "launch_cursor": 0})
            if not relaunch:
                campaign.message_post(body=_("Launch started by %(user)s.", user=self.env.user.name))
            batch = self.env.context.get("bagalau_launch_batch", LAUNCH_BATCH_SIZE)
            if len(todo) <= batch:
                campaign._launch_batch(batch)
            else:
                self.env.ref("hr_bagalau.ir_cron_bagalau_campaign_launch")._trigger()
            if relaunch:
                picked_up.append(campaign._bagalau_report_newcomers(processed, todo))
        if picked_up:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "title": _("Pick Up Newcomers"),
                    "message": " ".join(picked_up),
                    "type": "success",
                    "next": {"type": "ir.actions.client", "tag": "soft_reload"},
                },
            }
        return True

    def _bagalau_report_newcomers(self, processed, todo):
        """Say in the chatter, in the language of the user who pressed *Pick
        Up Newcomers*, whom the re-launch added; return the same for his
        notification."""
        self.ensure_one()
        # Not named ``user``: _() takes a local of that name for the user whose language it speaks.
        author = self.env.user.name
        if not todo:
            message = _("%(user)s picked up the newcomers of “%(campaign)s”: no employee added, everyone is "
                        "already in the campaign.", user=author, campaign=self.name)
        elif self.state == "launching":
            message = _("%(user)s picked up the newcomers of “%(campaign)s”. Employees to add: %(count)s; the "
                        "job goes on in the background.", user=author, campaign=self.name, count=len(todo))
        else:
            added = self._processed_employees() - processed
            message = _("%(user)s picked up the newcomers of “%(campaign)s”. Employees added: %(count)s "
                        "(%(names)s).", user=author, campaign=self.name, count=len(added),
                        names=", ".join(added.sudo().mapped("name")))
        self.message_post(body=message)
        return message

    @api.model
    def _cron_launch(self, batch_size=LAUNCH_BATCH_SIZE):
        """Job runner: one batch of one launching campaign per call, with
        progress, so several Odoo servers share it and a crash resumes."""
        self.flush_model(["state"])
        # A campaign another worker is launching right now is skipped, not waited for.
        self.env.cr.execute(SQL("SELECT id FROM %s WHERE state = 'launching' ORDER BY id LIMIT 1 "
                                "FOR UPDATE SKIP LOCKED", SQL.identifier(self._table)))
        campaign = self.browse([row[0] for row in self.env.cr.fetchall()])
        if not campaign:
            self.env["ir.cron"]._notify_progress(done=0, remaining=0)
            return
        left = campaign._launch_batch(batch_size)
        remaining = left + self.search_count([("state", "=", "launching"), ("id", "!=", campaign.id)])
        self.env["ir.cron"]._notify_progress(done=min(batch_size, campaign.launch_done), remaining=remaining)

    def action_close(self):
        self.check_access("write")
        for campaign in self._bagalau_lock():
            if campaign.state == "closed":
                raise campaign._bagalau_already_done(_("Close"))
            if campaign.state != "running":
                raise UserError(_("Only a running campaign can be closed."))
            campaign.sudo().write(campaign._bagalau_closing_values())
            self.env["hr.bagalau.sheet.workflow"]._bagalau_cancel_steps_of(campaign)
            campaign.message_post(body=_("Campaign closed by %(user)s: its plans and sheets are frozen.",
                                         user=self.env.user.name))
        return True

    def _bagalau_closing_values(self):
        """What closing writes, in one write: the state (and, with the
        retention, the day the evaluation was completed)."""
        return {"state": "closed"}

    def action_reset_draft(self):
        self.check_access("write")
        for campaign in self._bagalau_lock():
            if campaign.state == "closed" or (
                    campaign.state != "launching" and (campaign.plan_ids or campaign.kpi_sheet_ids)):
                raise UserError(_("A closed campaign, or one with plans or sheets, cannot go back to draft."))
            campaign.sudo().state = "draft"
        return True

    def _action_open(self, model, name):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,kanban,form",
            "domain": [("campaign_id", "=", self.id)],
            "context": {"default_campaign_id": self.id},
        }

    def action_open_plans(self):
        return self._action_open("hr.bagalau.kpi.plan", _("KPI Plans"))

    def action_open_kpi_sheets(self):
        return self._action_open("hr.bagalau.kpi.sheet", _("KPI Sheets"))

    def action_open_exclusions(self):
        return self._action_open("hr.bagalau.campaign.exclusion", _("Not Evaluated Now"))


class HrBagalauCampaignExclusion(models.Model):
    """An employee the campaign does not evaluate now, and why
    (seed 003 §4, seed 004 §6-7)."""

    _name = "hr.bagalau.campaign.exclusion"
    _description = "Employee Not Evaluated Now"
    _inherit = ["hr.bagalau.integrity.mixin"]
    _order = "campaign_id, status, employee_id"

    campaign_id = fields.Many2one("hr.bagalau.campaign", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True)
    department_id = fields.Many2one(related="employee_id.department_id", string="Department")
    status = fields.Selection([("excluded", "Not evaluated"), ("deferred", "Evaluated later")], required=True)
    reason = fields.Selection([
        ("tenure", "Too short in the position"),
        ("probation", "On probation"),
        ("absent", "Absent"),
        ("dismissed", "Dismissed"),
        ("no_position_date", "Date of appointment missing"),
        ("invalid_data", "Inconsistent data"),
        ("nothing_to_evaluate", "No sheet under this methodology"),
    ], required=True)
    due_date = fields.Date(help="Deferred: the evaluation is due by this day, five working days after the return.")
    note = fields.Char()

    _sql_constraints = [
        ("campaign_employee_unique", "unique(campaign_id, employee_id)", "The employee is listed once per campaign."),
    ]
    def _bagalau_campaigns(self):
        return self.campaign_id

