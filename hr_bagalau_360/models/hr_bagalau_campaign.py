from odoo import _, api, fields, models
from odoo.addons.hr_bagalau.models.hr_bagalau_campaign import HrBagalauCampaign as CoreCampaign
from odoo.exceptions import UserError

# People given a 360 per call: an apparatus at once, a large agency in
# batches by the job runner, as the campaign's launch.
START_360_BATCH_SIZE = 200


class HrBagalauCampaign(models.Model):
    """The yearly 360 round of a 2023 campaign (seed 004 §5, §34-37)."""

    _inherit = "hr.bagalau.campaign"
    _bagalau_workflow_fields = CoreCampaign._bagalau_workflow_fields | {"survey360_starting"}

    survey360_ids = fields.One2many("hr.bagalau.survey360", "campaign_id", string="360 Evaluations")
    survey360_count = fields.Integer(compute="_compute_survey360_count", string="Number of 360 Evaluations")
    use_survey_360 = fields.Boolean(related="methodology_id.use_survey_360")
    survey360_starting = fields.Boolean(
        "360 Starting", readonly=True, copy=False,
        help="The 360 evaluations are being created in the background, a batch at a time.")

    def _compute_survey360_count(self):
        counts = dict(self.env["hr.bagalau.survey360"]._read_group(
            [("campaign_id", "in", self.ids)], ["campaign_id"], ["__count"]))
        for campaign in self:
            campaign.survey360_count = counts.get(campaign, 0)

    def _bagalau_360_survey(self, employee):
        """The form for ``employee``: Appendix 5 for heads, 6 for staff (seed 004 §34)."""
        audience = "head" if employee.sudo().bagalau_is_unit_head else "staff"
        return self.env["survey.survey"].sudo().search(
            [("survey_type", "=", "bagalau_360"), ("bagalau_360_audience", "=", audience)], order="id", limit=1)

    def action_start_360(self):
        """One 360 evaluation per person evaluated by the campaign, with the
        respondents the org chart proposes; HR then adjusts and invites. A
        large campaign is left to the job runner, a batch at a time."""
        self.check_access("write")
        for campaign in self._bagalau_lock():
            if not campaign.methodology_id.use_survey_360:
                raise UserError(_("The methodology “%(methodology)s” has no 360 evaluation.",
                                  methodology=campaign.methodology_id.display_name))
            if campaign.state != "running":
                raise UserError(_("Launch the campaign “%(name)s” first.", name=campaign.name))
            campaign.sudo()._bagalau_start_360_begin()
        return self.action_open_survey360()

    def _bagalau_start_360_begin(self, batch_size=START_360_BATCH_SIZE):
        self.ensure_one()
        todo = self._bagalau_360_todo()
        if len(todo) <= batch_size:
            created = self._bagalau_start_360(batch_size)
            self._bagalau_start_360_done(len(created))
            return
        if not self.survey360_starting:
            self.survey360_starting = True
            self.message_post(body=_("%(user)s started the 360 of %(year)s: %(count)s people to evaluate. The "
                                     "evaluations are created in the background; the list fills as they come.",
                                     user=self.env.user.name, year=self.year, count=len(todo)))
        self.env.ref("hr_bagalau_360.ir_cron_bagalau_360_start")._trigger()

    def _bagalau_360_todo(self):
        """The people of the campaign without a 360 this year (seed 004 §34:
        once a year), the excluded left out."""
        self.ensure_one()
        Evaluation = self.env["hr.bagalau.survey360"]
        done = Evaluation.search([("company_id", "=", self.company_id.id), ("year", "=", self.year)]).employee_id
        excluded = self.exclusion_ids.filtered(lambda line: line.status == "excluded").employee_id
        return self._candidates() - done - excluded

    def _bagalau_start_360(self, limit=START_360_BATCH_SIZE):
        """Create up to ``limit`` 360 evaluations; return them."""
        self.ensure_one()
        Evaluation = self.env["hr.bagalau.survey360"]
        created = Evaluation
        for employee in self._bagalau_360_todo()[:limit]:
            survey = self._bagalau_360_survey(employee)
            if not survey:
                raise UserError(_("The 360 questionnaires are missing: update the 360 addon."))
            evaluation = Evaluation.create({"campaign_id": self.id, "employee_id": employee.id,
                                            "survey_id": survey.id})
            evaluation._bagalau_propose_respondents()
            created |= evaluation
        return created

    def _bagalau_start_360_done(self, count):
        self.message_post(body=_("%(user)s started the 360 of %(year)s: %(count)s people to evaluate.",
                                 user=self.env.user.name, year=self.year, count=count))

    @api.model
    def _cron_start_360(self, batch_size=START_360_BATCH_SIZE):
        """Job runner: one batch of one campaign whose 360 is starting, with
        progress, so several Odoo servers share it and a crash resumes."""
        campaign = self.search([("survey360_starting", "=", True)], limit=1, order="id")
        if not campaign:
            self.env["ir.cron"]._notify_progress(done=0, remaining=0)
            return
        created = campaign._bagalau_start_360(batch_size)
        left = len(campaign._bagalau_360_todo())
        if not left:
            campaign.survey360_starting = False
            campaign.message_post(body=_("The 360 of %(year)s is ready: %(count)s people to evaluate. Choose "
                                         "their respondents and send the questionnaires.",
                                         year=campaign.year, count=self.env["hr.bagalau.survey360"].search_count(
                                             [("campaign_id", "=", campaign.id)])))
        others = self.search_count([("survey360_starting", "=", True), ("id", "!=", campaign.id)])
        self.env["ir.cron"]._notify_progress(done=len(created), remaining=left + others)

    def action_open_survey360(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("360 Evaluations"),
            "res_model": "hr.bagalau.survey360",
            "view_mode": "list,form",
            "domain": [("campaign_id", "=", self.id)],
            "context": {"default_campaign_id": self.id},
        }
