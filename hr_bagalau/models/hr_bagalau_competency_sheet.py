from fractions import Fraction

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, LazyTranslate, format_date

from ..engine.competency import competency_meets, indicators_not_shown
from .bulk_insert import bulk_insert, bulk_insertable
from .hr_bagalau_integrity import MAIL_FIELDS

_lt = LazyTranslate(__name__)

HR_GROUP = "hr_bagalau.group_bagalau_hr_officer"
# seed 003 §27, Appendix 3: the result of one competency.
COMPETENCY_RESULTS = [("meets", "Meets expectations"), ("does_not_meet", "Does not meet expectations")]
# The sheet's own summary, to find who needs development: the law gives
# each competency its result, not the sheet (seed 003 §27).
# The stored columns the launch's bulk insert fills (``_bagalau_make_structure``),
# besides id and the create/write user and date.
LINE_COLUMNS = frozenset({"sheet_id", "company_id", "competency_id", "sequence", "indicator_count", "shown_count",
                          "result", "not_shown"})
INDICATOR_COLUMNS = frozenset({"line_id", "company_id", "sheet_id", "competency_sequence", "indicator_id", "sequence",
                               "shown"})

SHEET_RESULTS = [
    ("meets", "Meets expectations in every competency"),
    ("does_not_meet", "Does not meet expectations in some competency"),
]
# seed 003 §28: HR takes the signed sheet to the commission "не позднее 2
# рабочих дней" (the methodology's commission_submission_working_days).
# seed 003 gives the competency evaluation no date: HR sets the schedule of
# the evaluation (§29); the methodology's competency_sheet_due_working_days
# decides, and HR moves it on the sheet when its schedule says otherwise.
# Set by the buttons only, once they checked who acts.
WORKFLOW_FIELDS = frozenset({"state", "signed_by_id", "signed_on", "commission_due", "sent_by_id", "sent_on"})
# Whose sheet it is, on which level, who signs it and by when: HR's business.
HR_FIELDS = frozenset({"campaign_id", "employee_id", "department_id", "job_title", "category_id", "is_unit_head",
                       "renders_public_services", "level_id", "direct_manager_id", "superior_id", "due_date"})


class HrBagalauCompetencySheet(models.Model):
    """Competency evaluation sheet (seed 003 §25-28, Appendix 3).

    The direct manager checks, for each competency, which behavioural
    indicators of the employee's level of position (Appendix 4) the employee
    showed during the period; the engine gives each competency its result
    (3/4 rule, §27). The manager signs; HR sends the sheet to the commission
    within two working days (§28). The results serve the development of the
    servant's competencies only, never bonuses (§7).
    """

    _name = "hr.bagalau.competency.sheet"
    _description = "Competency Evaluation Sheet"
    _inherit = ["hr.bagalau.sheet.workflow"]
    # A signed sheet is final: its indicators and results no longer change (seed 003 §28).
    _bagalau_final_states = ("signed", "sent")
    _order = "year desc, employee_id, id"
    _rec_name = "employee_id"

    campaign_id = fields.Many2one("hr.bagalau.campaign", required=True, index=True, ondelete="restrict")
    campaign_state = fields.Selection(related="campaign_id.state", string="Campaign Status")
    methodology_id = fields.Many2one(related="campaign_id.methodology_id", store=True)
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    year = fields.Integer(related="campaign_id.year", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict")
    # Appendix 3 heading: the position and the unit of the evaluated servant,
    # as they were when the sheet was made.
    job_title = fields.Char(string="Position")
    department_id = fields.Many2one("hr.department", string="Structural Unit")
    category_id = fields.Many2one("hr.bagalau.position.category", string="Position Category")
    is_unit_head = fields.Boolean(string="Head of a Structural Unit")
    renders_public_services = fields.Boolean(
        help="Without public services the two public-service competencies are not evaluated (Appendix 3, "
        "footnote).",
    )
    level_id = fields.Many2one("hr.bagalau.competency.level", string="Level of Position", ondelete="restrict")
    direct_manager_id = fields.Many2one("hr.employee", string="Direct Manager", index=True, tracking=True)
    superior_id = fields.Many2one("hr.employee", string="Superior Manager", index=True)
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed"), ("sent", "Sent to the Commission")],
        default="draft", required=True, tracking=True, copy=False,
    )
    line_ids = fields.One2many("hr.bagalau.competency.sheet.line", "sheet_id", string="Competencies")
    indicator_ids = fields.One2many("hr.bagalau.competency.sheet.indicator", "sheet_id",
                                    string="Behavioural Indicators")
    skipped_competencies = fields.Char(
        compute="_compute_skipped_competencies", string="Not Evaluated",
        help="Competencies of public services, not evaluated for an employee who renders none "
        "(Appendix 3, footnote).",
    )
    competency_count = fields.Integer(compute="_compute_result", store=True, string="Competencies Evaluated")
    met_count = fields.Integer(compute="_compute_result", store=True, string="Meet Expectations")
    result = fields.Selection(
        SHEET_RESULTS, compute="_compute_result", store=True, tracking=True,
        help="Once signed: meets expectations when every competency does; otherwise the competencies to "
        "develop are on the sheet.",
    )
    due_date = fields.Date(string="Due", tracking=True)
    signed_by_id = fields.Many2one("res.users", string="Signed By", readonly=True, copy=False)
    signed_on = fields.Date(readonly=True, copy=False, tracking=True)
    commission_due = fields.Date(
        string="To the Commission By", readonly=True, copy=False, tracking=True,
        help="HR sends the signed sheet to the commission within two working days of the signature.",
    )
    sent_by_id = fields.Many2one("res.users", string="Sent By", readonly=True, copy=False)
    sent_on = fields.Date(readonly=True, copy=False, tracking=True)
    is_overdue = fields.Boolean(compute="_compute_is_overdue", string="Overdue")
    can_sign = fields.Boolean(compute="_compute_user_permissions")
    can_send = fields.Boolean(compute="_compute_user_permissions")
    can_check = fields.Boolean(compute="_compute_user_permissions")
    can_manage = fields.Boolean(compute="_compute_user_permissions")

    _sql_constraints = [
        ("campaign_employee_unique", "unique(campaign_id, employee_id)",
         "The employee already has a competency sheet in this campaign."),
    ]

    # --- computes ----------------------------------------------------------

    @api.depends("renders_public_services")
    @api.depends_context("lang")
    def _compute_skipped_competencies(self):
        public = self.env["hr.bagalau.competency"].search([("public_service", "=", True)])
        for sheet in self:
            sheet.skipped_competencies = False if sheet.renders_public_services \
                else ", ".join(public.mapped("name"))

    @api.depends("line_ids.result", "state")
    def _compute_result(self):
        for sheet in self:
            sheet.competency_count = len(sheet.line_ids)
            sheet.met_count = len(sheet.line_ids.filtered(lambda line: line.result == "meets"))
            if not sheet.line_ids or sheet.state == "draft":
                # the evaluation is the one the direct manager signs
                sheet.result = False
            else:
                sheet.result = "meets" if sheet.met_count == sheet.competency_count else "does_not_meet"

    @api.depends("state", "due_date", "commission_due")
    @api.depends_context("tz")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for sheet in self:
            deadline = {"draft": sheet.due_date, "signed": sheet.commission_due}.get(sheet.state)
            sheet.is_overdue = bool(deadline) and deadline < today

    @api.depends("state", "direct_manager_id", "campaign_id.state")
    @api.depends_context("uid")
    def _compute_user_permissions(self):
        is_hr = self.env.user.has_group(HR_GROUP)
        for sheet in self:
            open_campaign = sheet.campaign_id.state != "closed"
            sheet.can_check = sheet.can_sign = open_campaign and sheet.state == "draft" \
                and sheet._bagalau_acts_as(sheet.direct_manager_id)
            sheet.can_send = open_campaign and sheet.state == "signed" and is_hr
            sheet.can_manage = open_campaign and sheet.state != "sent" and is_hr

    # --- creation ------------------------------------------------------------

    @api.model
    def _bagalau_due_date(self, campaign):
        return campaign.company_id._bagalau_add_working_days(
            campaign.date_end, campaign.methodology_id.competency_sheet_due_working_days)

    @api.model
    def _bagalau_ensure_sheet(self, campaign, employee, due_date=None):
        """The employee's sheet in the campaign, made when missing: per
        competency, the effective indicators of his level of position to check
        (seed 003 §26, Appendix 4).

        ``due_date`` is the deferral of an absent employee (seed 003 §4): never
        earlier than the campaign's own deadline. UserError when the
        methodology has no level, or no indicators, for the employee.
        """
        return self._bagalau_ensure_sheets(campaign, [(employee, due_date)])[employee.id]

    @api.model
    def _bagalau_ensure_sheets(self, campaign, entries):
        """The sheets of ``entries`` — ``(employee, deferral or None)`` — in
        the campaign, the missing ones made with one create per model (sheets,
        lines, indicators), their to-dos in one batch without an e-mail each;
        ``{employee id: sheet}``."""
        sheets, missing = self._bagalau_existing_and_missing(campaign, entries)
        if not missing:
            return sheets
        methodology = campaign.methodology_id
        all_competencies = self.env["hr.bagalau.competency"].search([])
        effective = {}  # (level, competency) → indicators, read once per batch

        def indicators_of(level, competency):
            if (level, competency) not in effective:
                effective[level, competency] = level._bagalau_effective_indicators(competency)
            return effective[level, competency]

        deadline = self._bagalau_due_date(campaign)
        sheet_values, structures = [], []
        for employee, due_date in missing:
            level = methodology._bagalau_competency_level(employee)
            position = employee.bagalau_category_id.code or _("(no category)")
            if employee.bagalau_is_unit_head:
                position = _("%(category)s, head of a unit", category=position)
            if not level:
                raise UserError(_(
                    "No level of position of “%(methodology)s” holds the category %(category)s of %(employee)s: "
                    "add the category to a level (Methodologies → Levels of Position) before the competency sheets "
                    "are made.", methodology=methodology.name, category=position, employee=employee.name))
            competencies = all_competencies
            if not employee.bagalau_renders_public_services:
                # seed 003 Appendix 3, footnote (*)
                competencies = competencies.filtered(lambda competency: not competency.public_service)
            missing_indicators = competencies.filtered(lambda competency, level=level: not indicators_of(level,
                                                                                                        competency))
            if missing_indicators:
                raise UserError(_(
                    "The level of position “%(level)s” (category %(category)s) of “%(methodology)s” has no "
                    "behavioural indicators for %(competencies)s: the competency sheet of %(employee)s cannot be "
                    "made. Add them to the level (%(methodology)s, Appendix 4).",
                    level=level.name, category=position, methodology=methodology.name,
                    competencies=", ".join(f"“{name}”" for name in missing_indicators.mapped("name")),
                    employee=employee.name))
            sheet_values.append({
                "campaign_id": campaign.id,
                "employee_id": employee.id,
                "job_title": employee.job_title or employee.job_id.name or False,
                "department_id": employee.department_id.id,
                "category_id": employee.bagalau_category_id.id,
                "is_unit_head": employee.bagalau_is_unit_head,
                "renders_public_services": employee.bagalau_renders_public_services,
                "level_id": level.id,
                "direct_manager_id": employee.parent_id.id,
                "superior_id": employee.bagalau_superior_id.id,
                "due_date": max(deadline, due_date) if due_date else deadline,
            })
            structures.append([(competency, indicators_of(level, competency)) for competency in competencies])
        created = self.browse(self.with_context(tracking_disable=True).create(sheet_values).ids)
        created._bagalau_make_structure(structures)
        summary = _lt("Evaluate the competencies")
        self._bagalau_schedule_many([(sheet, sheet.direct_manager_id, summary, sheet.due_date, False)
                                     for sheet in created], notify=False)
        sheets.update({sheet.employee_id.id: sheet for sheet in created})
        return sheets

    def _bagalau_make_structure(self, structures):
        """The lines and indicators of the sheets ``self``, just made:
        ``structures`` gives, per sheet, ``[(competency, indicators)]``.

        About 35 rows per servant (seed 003 Appendix 3-4): a launch of 10,000
        makes 350,000 of them. They go in one ``INSERT … SELECT FROM unnest``
        per table, with the values the ORM would store (the related columns,
        the result of each line by ``_bagalau_result_values``), and the caches
        are invalidated. The ORM's ``create`` is used instead as soon as the
        tables hold a stored column this method does not know (an addon added
        one): nothing is left without its default or its computation.
        Superuser only, on sheets of a campaign still open, like the lines'
        own ``create``."""
        Line = self.env["hr.bagalau.competency.sheet.line"]
        Indicator = self.env["hr.bagalau.competency.sheet.indicator"]
        Line._bagalau_check_structure()
        self._bagalau_check_can_change()
        if not self:
            return
        if not (bulk_insertable(Line, LINE_COLUMNS) and bulk_insertable(Indicator, INDICATOR_COLUMNS)):
            line_values, line_indicators = [], []
            for sheet, structure in zip(self, structures, strict=True):
                for competency, indicators in structure:
                    line_values.append({"sheet_id": sheet.id, "competency_id": competency.id})
                    line_indicators.append(indicators)
            lines = Line.sudo().create(line_values)
            Indicator.sudo().create([
                {"line_id": line.id, "indicator_id": indicator.id}
                for line, indicators in zip(lines, line_indicators, strict=True) for indicator in indicators
            ])
            return
        self.flush_recordset()
        rows, values_of = [], {}
        for sheet, structure in zip(self, structures, strict=True):
            for competency, indicators in structure:
                key = (sheet.methodology_id.id, competency.id, tuple(indicators.ids))
                if key not in values_of:
                    # The ORM's order of the indicators on the sheet, none shown yet.
                    ordered = indicators.sorted(lambda indicator: (indicator.sequence, indicator.id))
                    values_of[key] = Line._bagalau_result_values(
                        sheet.methodology_id, [(indicator.name, False) for indicator in ordered])
                values = values_of[key]
                rows.append((sheet, competency, indicators, values))
        line_ids = {(sheet_id, competency_id): line_id for line_id, sheet_id, competency_id in bulk_insert(Line, {
            "sheet_id": [sheet.id for sheet, *_rest in rows],
            "company_id": [sheet.company_id.id or None for sheet, *_rest in rows],
            "competency_id": [competency.id for _sheet, competency, *_rest in rows],
            "sequence": [competency.sequence for _sheet, competency, *_rest in rows],
            "indicator_count": [values["indicator_count"] for *_rest, values in rows],
            "shown_count": [values["shown_count"] for *_rest, values in rows],
            "result": [values["result"] or None for *_rest, values in rows],
            "not_shown": [values["not_shown"] or None for *_rest, values in rows],
        }, returning=("id", "sheet_id", "competency_id"))}
        indicator_rows = [
            (line_ids[sheet.id, competency.id], sheet.id, sheet.company_id.id or None, competency.sequence,
             indicator.id, indicator.sequence)
            for sheet, competency, indicators, _values in rows for indicator in indicators
        ]
        names = ("line_id", "sheet_id", "company_id", "competency_sequence", "indicator_id", "sequence")
        bulk_insert(Indicator, {
            **{name: [row[index] for row in indicator_rows] for index, name in enumerate(names)},
            "shown": [False] * len(indicator_rows),
        })
        # The sheets' own counts and result by ``_compute_result``'s rule
        # (a draft has no result yet), without reading the lines back.
        counts = {}
        for sheet, _competency, _indicators, values in rows:
            total, met = counts.get(sheet.id, (0, 0))
            counts[sheet.id] = (total + 1, met + (values["result"] == "meets"))
        self.env.cr.execute(SQL(
            "UPDATE %s SET competency_count = counts.total, met_count = counts.met, "
            "result = CASE WHEN state = 'draft' OR counts.total = 0 THEN NULL "
            "WHEN counts.met = counts.total THEN 'meets' ELSE 'does_not_meet' END "
            "FROM unnest(%s::int4[], %s::int4[], %s::int4[]) AS counts(id, total, met) WHERE %s.id = counts.id",
            SQL.identifier(self._table), list(counts), [total for total, _met in counts.values()],
            [met for _total, met in counts.values()], SQL.identifier(self._table)))
        self.invalidate_recordset(["line_ids", "indicator_ids", "competency_count", "met_count", "result"])

    # --- guards --------------------------------------------------------------

    def _bagalau_check_checker(self):
        """seed 003 §25: the direct manager evaluates the competencies."""
        if self.env.su:
            return
        for sheet in self:
            if not sheet._bagalau_acts_as(sheet.direct_manager_id):
                raise AccessError(_("Only the direct manager %(manager)s evaluates the competencies of %(employee)s.",
                                    manager=sheet.direct_manager_id.name or _("(none)"),
                                    employee=sheet.employee_id.name))

    def write(self, vals):
        if set(vals) - MAIL_FIELDS and not self.env.su:
            if WORKFLOW_FIELDS & set(vals):
                raise AccessError(_("A competency sheet is signed and sent only through its buttons."))
            if HR_FIELDS & set(vals) and not self.env.user.has_group(HR_GROUP):
                raise AccessError(_("Only HR officers change whose competency sheet it is, its level, who signs it "
                                    "and its due date."))
            if {"due_date", "direct_manager_id", "superior_id"} >= set(vals) - MAIL_FIELDS:
                # HR reschedules or hands the sheet to another manager until it is sent.
                for sheet in self:
                    if sheet.campaign_id.state == "closed" or sheet.state == "sent":
                        sheet._bagalau_check_can_change()
            else:
                self._bagalau_check_can_change()
        return super().write(vals)

    def unlink(self):
        self._bagalau_check_can_change()
        return super().unlink()

    # --- workflow -----------------------------------------------------------

    def action_sign(self):
        """The direct manager signs the sheet (seed 003 §25, §28, Appendix 3)."""
        for sheet in self:
            if not self.env.su and not sheet._bagalau_acts_as(sheet.direct_manager_id):
                raise AccessError(_("Only the direct manager %(manager)s signs the competency sheet of "
                                    "%(employee)s.", manager=sheet.direct_manager_id.name or _("(none)"),
                                    employee=sheet.employee_id.name))
            sheet.sudo()._bagalau_lock()
            if sheet.state != "draft":
                raise sheet._bagalau_already_done(_("Sign"), sheet.sudo().signed_by_id)
            sheet._bagalau_check_can_change()
            if not sheet.line_ids:
                raise UserError(_("The competency sheet of %(employee)s has no competency to evaluate.",
                                  employee=sheet.employee_id.name))
            sheet._bagalau_write_not_shown()
            today = fields.Date.context_today(self)
            days = sheet.methodology_id.commission_submission_working_days
            commission_due = sheet.company_id._bagalau_add_working_days(today, days)
            sheet.sudo().write({"state": "signed", "signed_by_id": self.env.uid, "signed_on": today,
                                "commission_due": commission_due})
            sheet._bagalau_close_activities()
            hr_user = sheet._bagalau_hr_user()
            if hr_user:
                sheet._bagalau_schedule(hr_user, _lt("Send the competency sheet to the commission"), commission_due)
            sheet.message_post(body=_("Signed by %(user)s. HR sends it to the commission by %(date)s.",
                                      user=self.env.user.name, date=format_date(self.env, commission_due)),
                               subtype_xmlid="mail.mt_note")
        return True

    def _bagalau_write_not_shown(self):
        """The names of the indicators not shown, as the signer reads them: in his language."""
        lines = self.line_ids.sudo()
        names = ("indicator_count", "shown_count", "result", "not_shown")
        for name in names:
            self.env.add_to_compute(lines._fields[name], lines)
        lines._recompute_recordset(names)

    def action_send_to_commission(self):
        """HR, the commission's working body, sends the signed sheet to the
        commission (seed 003 §28)."""
        if not self.env.su and not self.env.user.has_group(HR_GROUP):
            raise AccessError(_("Only HR sends competency sheets to the evaluation commission."))
        for sheet in self:
            sheet.sudo()._bagalau_lock()
            if sheet.state == "sent":
                raise sheet._bagalau_already_done(_("Send to the Commission"), sheet.sudo().sent_by_id)
            if sheet.state != "signed":
                raise UserError(_("Only a signed competency sheet goes to the commission: the direct manager has not "
                                  "signed the sheet of %(employee)s yet.", employee=sheet.employee_id.name))
            sheet._bagalau_check_campaign_open()
            sheet.sudo().write({"state": "sent", "sent_by_id": self.env.uid,
                                "sent_on": fields.Date.context_today(self)})
            sheet._bagalau_close_activities()
            sheet.message_post(body=_("Sent to the evaluation commission by %(user)s.", user=self.env.user.name),
                               subtype_xmlid="mail.mt_note")
        return True


class HrBagalauCompetencySheetLine(models.Model):
    """One competency of the sheet and its result (seed 003 §27, Appendix 3)."""

    _name = "hr.bagalau.competency.sheet.line"
    _description = "Competency Evaluation"
    _inherit = ["hr.bagalau.integrity.mixin"]
    _order = "sheet_id, sequence, id"
    _rec_name = "competency_id"

    sheet_id = fields.Many2one("hr.bagalau.competency.sheet", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="sheet_id.company_id", store=True)
    competency_id = fields.Many2one("hr.bagalau.competency", required=True, ondelete="restrict", index=True)
    sequence = fields.Integer(related="competency_id.sequence", store=True)
    indicator_ids = fields.One2many("hr.bagalau.competency.sheet.indicator", "line_id",
                                    string="Behavioural Indicators")
    indicator_count = fields.Integer(compute="_compute_result", store=True, string="Number of Indicators")
    shown_count = fields.Integer(compute="_compute_result", store=True, string="Shown")
    result = fields.Selection(COMPETENCY_RESULTS, compute="_compute_result", store=True)
    not_shown = fields.Text(
        compute="_compute_result", store=True, string="Indicators Not Shown",
        help="Listed on the sheet when the competency does not meet expectations (Appendix 3).",
    )

    _sql_constraints = [
        ("sheet_competency_unique", "unique(sheet_id, competency_id)", "A competency is once on a sheet."),
    ]

    def _bagalau_campaigns(self):
        return self.sheet_id.campaign_id

    @api.depends("indicator_ids.shown", "indicator_ids.indicator_id", "sheet_id.methodology_id",
                 "sheet_id.methodology_id.competency_threshold_numerator",
                 "sheet_id.methodology_id.competency_threshold_denominator",
                 "sheet_id.methodology_id.competency_max_indicators")
    def _compute_result(self):
        for line in self:
            indicators = line.indicator_ids.sorted(lambda indicator: (indicator.sequence, indicator.id))
            line.update(self._bagalau_result_values(
                line.sheet_id.methodology_id, [(indicator.indicator_id.name, indicator.shown)
                                               for indicator in indicators]))

    @api.model
    def _bagalau_result_values(self, methodology, indicators):
        """The stored result of a line from its ``indicators`` — ``(name,
        shown)`` in the sheet's order — under ``methodology``: the compute's
        and the launch's bulk insert's one rule."""
        shown_count = sum(1 for _name, shown in indicators if shown)
        values = {"indicator_count": len(indicators), "shown_count": shown_count, "result": False,
                  "not_shown": False}
        if not indicators:
            return values
        threshold = Fraction(methodology.competency_threshold_numerator,
                             methodology.competency_threshold_denominator)
        # seed 003 §27: 3/4 and more of the indicators shown, compared exactly
        meets = competency_meets(shown_count, len(indicators), threshold=threshold,
                                 max_indicators=methodology.competency_max_indicators)
        values["result"] = "meets" if meets else "does_not_meet"
        # Appendix 3: the indicators not shown, for "does not meet expectations"
        values["not_shown"] = False if meets else "\n".join(indicators_not_shown(indicators))
        return values

    def _bagalau_check_structure(self):
        if not self.env.su:
            raise AccessError(_("The competencies of a sheet come from the methodology's level of position."))

    @api.model_create_multi
    def create(self, vals_list):
        self._bagalau_check_structure()
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - {"indicator_ids"}:
            self._bagalau_check_structure()
        self.sheet_id._bagalau_check_can_change()
        return super().write(vals)

    def unlink(self):
        self._bagalau_check_structure()
        self.sheet_id._bagalau_check_can_change()
        return super().unlink()


class HrBagalauCompetencySheetIndicator(models.Model):
    """A behavioural indicator on the sheet: shown during the period or not
    (seed 003 §26-27)."""

    _name = "hr.bagalau.competency.sheet.indicator"
    _description = "Indicator Shown"
    _inherit = ["hr.bagalau.integrity.mixin"]
    _order = "sheet_id, competency_sequence, sequence, id"

    line_id = fields.Many2one("hr.bagalau.competency.sheet.line", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="line_id.company_id", store=True)
    sheet_id = fields.Many2one(related="line_id.sheet_id", store=True, index=True)
    competency_id = fields.Many2one(related="line_id.competency_id", string="Competency")
    competency_sequence = fields.Integer(related="line_id.sequence", store=True, string="Competency Order")
    indicator_id = fields.Many2one("hr.bagalau.competency.indicator", string="Catalogue Indicator", required=True,
                                   ondelete="restrict")
    sequence = fields.Integer(related="indicator_id.sequence", store=True)
    name = fields.Text(related="indicator_id.name", string="Indicator")
    shown = fields.Boolean(help="The employee showed this behaviour during the evaluated period.")

    def _bagalau_campaigns(self):
        return self.line_id.sheet_id.campaign_id

    @api.model_create_multi
    def create(self, vals_list):
        self.env["hr.bagalau.competency.sheet.line"]._bagalau_check_structure()
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - {"shown"}:
            self.env["hr.bagalau.competency.sheet.line"]._bagalau_check_structure()
        sheets = self.sheet_id
        sheets._bagalau_check_can_change()
        sheets._bagalau_check_checker()
        return super().write(vals)

    def unlink(self):
        self.env["hr.bagalau.competency.sheet.line"]._bagalau_check_structure()
        self.sheet_id._bagalau_check_can_change()
        return super().unlink()


class HrBagalauCampaign(models.Model):
    _inherit = "hr.bagalau.campaign"

    competency_sheet_ids = fields.One2many("hr.bagalau.competency.sheet", "campaign_id", string="Competency Sheets")
    competency_sheet_count = fields.Integer(compute="_compute_competency_sheet_count")

    @api.depends("competency_sheet_ids")
    def _compute_competency_sheet_count(self):
        for campaign in self:
            campaign.competency_sheet_count = len(campaign.competency_sheet_ids)

    def _create_documents_batch(self, entries):
        """2018: a competency sheet for every evaluated employee (seed 003 §6, §25)."""
        created = super()._create_documents_batch(entries)
        if self.methodology_id.use_competency and entries:
            self.env["hr.bagalau.competency.sheet"].sudo()._bagalau_ensure_sheets(self, entries)
            created |= {employee.id for employee, _due in entries}
        return created

    def _processed_models(self):
        return [*super()._processed_models(), "hr.bagalau.competency.sheet"]

    def _bagalau_launch_counts(self):
        return [*super()._bagalau_launch_counts(), (_("competency sheets"), len(self.sudo().competency_sheet_ids))]

    def _extra_processed_employees(self):
        return super()._extra_processed_employees() | self.competency_sheet_ids.employee_id

    def action_reset_draft(self):
        if self.filtered(lambda campaign: campaign.state != "launching" and campaign.competency_sheet_ids):
            raise UserError(_("A campaign with competency sheets cannot go back to draft."))
        return super().action_reset_draft()

    def action_open_competency_sheets(self):
        return self._action_open("hr.bagalau.competency.sheet", _("Competency Sheets"))
