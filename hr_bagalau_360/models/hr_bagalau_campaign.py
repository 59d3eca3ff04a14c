from odoo import _, fields, models
from odoo.exceptions import UserError


class HrBagalauCampaign(models.Model):
    """The yearly 360 round of a 2023 campaign (seed 004 §5, §34-37)."""

    _inherit = "hr.bagalau.campaign"

    survey360_ids = fields.One2many("hr.bagalau.survey360", "campaign_id", string="360 Evaluations")
    survey360_count = fields.Integer(compute="_compute_survey360_count", string="Number of 360 Evaluations")
    use_survey_360 = fields.Boolean(related="methodology_id.use_survey_360")

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
        respondents the org chart proposes; HR then adjusts and invites."""
        self.check_access("write")
        for campaign in self._bagalau_lock():
            if not campaign.methodology_id.use_survey_360:
                raise UserError(_("The methodology “%(methodology)s” has no 360 evaluation.",
                                  methodology=campaign.methodology_id.display_name))
            if campaign.state != "running":
                raise UserError(_("Launch the campaign “%(name)s” first.", name=campaign.name))
            campaign.sudo()._bagalau_start_360()
        return self.action_open_survey360()

    def _bagalau_start_360(self):
        self.ensure_one()
        Evaluation = self.env["hr.bagalau.survey360"]
        # Once a year (seed 004 §34): a person already in a 360 of this year is left alone.
        done = Evaluation.search([("company_id", "=", self.company_id.id), ("year", "=", self.year)]).employee_id
        excluded = self.exclusion_ids.filtered(lambda line: line.status == "excluded").employee_id
        created = Evaluation
        for employee in self._candidates() - done - excluded:
            survey = self._bagalau_360_survey(employee)
            if not survey:
                raise UserError(_("The 360 questionnaires are missing: update the 360 addon."))
            evaluation = Evaluation.create({"campaign_id": self.id, "employee_id": employee.id,
                                            "survey_id": survey.id})
            evaluation._bagalau_propose_respondents()
            created |= evaluation
        self.message_post(body=_("%(user)s started the 360 of %(year)s: %(count)s people to evaluate.",
                                 user=self.env.user.name, year=self.year, count=len(created)))
        return created

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
