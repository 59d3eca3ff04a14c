"""Retention of the evaluation documents (DESIGN.md, "Documents kept 3 years").

seed 003 §8: "Документы, связанные с оценкой, хранятся в службе управления
персоналом в течение трех лет со дня завершения оценки"; seed 004 §15: the
same, "бағалау аяқталған күннен бастап үш жыл ішінде".

Decision: the evaluation is completed the day HR closes its campaign (the
campaign freezes everything it holds then); that day is stored as
``closed_on``. A campaign closed before this field existed counts from the end
of its period (``date_end``). Its documents are kept until ``closed_on`` plus
the methodology's ``retention_years``: until then nothing of it is deleted (a
campaign may be archived); afterwards the monthly job lists it for the head of
HR, who decides on its destruction under the body's archive rules.
"""

import logging

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

_logger = logging.getLogger(__name__)

# seed 003 §8, seed 004 §15: three years; the methodology's retention_years says it.
HR_HEAD_GROUP = "hr_bagalau.group_bagalau_hr_head"


class HrBagalauCampaign(models.Model):
    _inherit = "hr.bagalau.campaign"

    active = fields.Boolean(default=True, tracking=True)
    closed_on = fields.Date(string="Closed On", readonly=True, copy=False, tracking=True,
                            help="The day the evaluation was completed: its documents are kept from it.")
    retention_until = fields.Date(
        string="Kept Until", compute="_compute_retention_until", store=True, index=True,
        help="The documents of a completed evaluation are kept three years after it: nothing of it can be "
        "deleted before this day.")
    retention_listed_on = fields.Date(string="Past Retention Listed On", readonly=True, copy=False)

    @api.depends("state", "closed_on", "date_end", "methodology_id.retention_years")
    def _compute_retention_until(self):
        for campaign in self:
            start = campaign.closed_on or (campaign.date_end if campaign.state == "closed" else False)
            years = campaign.methodology_id.retention_years
            campaign.retention_until = start + relativedelta(years=years) if start else False

    def _bagalau_closing_values(self):
        return dict(super()._bagalau_closing_values(), closed_on=fields.Date.context_today(self))

    def _bagalau_retained(self):
        """The campaigns whose documents are still kept today."""
        today = fields.Date.context_today(self)
        return self.sudo().filtered(lambda campaign: campaign.retention_until and campaign.retention_until >= today)

    def _bagalau_check_retention(self, what):
        """UserError naming the day until which ``what`` is kept."""
        retained = self._bagalau_retained()
        if retained:
            campaign = retained.sorted("retention_until")[-1]
            raise UserError(_("%(what)s belongs to the completed evaluation “%(campaign)s” and is kept until "
                              "%(date)s: the methodology “%(methodology)s” keeps the documents of an evaluation "
                              "%(years)s years after it. It cannot be deleted before; archive it instead where "
                              "possible.", what=what, campaign=campaign.name,
                              methodology=campaign.methodology_id.display_name,
                              years=campaign.methodology_id.retention_years,
                              date=format_date(self.env, campaign.retention_until)))

    @api.model
    def _cron_bagalau_retention(self):
        """Monthly: list the closed campaigns past their retention for the
        head of HR of their company (once each), and in the server log."""
        today = fields.Date.context_today(self)
        campaigns = self.sudo().with_context(active_test=False).search([
            ("state", "=", "closed"), ("retention_until", "<", today), ("retention_listed_on", "=", False),
        ])
        heads = self.env.ref(HR_HEAD_GROUP).sudo().users.filtered(
            lambda user: user.active and not user._is_superuser() and not user.share)
        for campaign in campaigns:
            _logger.info("Evaluation campaign %s (%s) is past its retention since %s.",
                         campaign.name, campaign.company_id.name, campaign.retention_until)
            for head in heads.filtered(lambda head, campaign=campaign: campaign.company_id in head.company_ids):
                campaign.activity_schedule(
                    "mail.mail_activity_data_todo", date_deadline=today, user_id=head.id,
                    summary=_("Past retention: decide on the documents of %(campaign)s", campaign=campaign.name),
                    note=_("Kept until %(date)s (%(methodology)s, paragraph %(paragraph)s).",
                           date=format_date(self.env, campaign.retention_until),
                           methodology=campaign.sudo().methodology_id.display_name,
                           # seed 003 §8 (2018), seed 004 §15 (2023)
                           paragraph=8 if campaign.sudo().methodology_id.generation == "2018" else 15))
            campaign.sudo().write({"retention_listed_on": today})
        return campaigns
