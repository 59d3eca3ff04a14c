from odoo import _, fields, models
from odoo.exceptions import AccessError, UserError

from .hr_bagalau_report_job import JOB_STATES

HR_GROUP = "hr_bagalau.group_bagalau_hr_officer"


class HrBagalauCampaign(models.Model):
    """The campaign's archive for the retention: the button, and the
    progress of the archive being built (read from the archive job, so the
    closed campaign itself is not written)."""

    _inherit = "hr.bagalau.campaign"

    # Computed without dependencies: read from the last archive job each time
    # the form is read (the job's progress changes in another transaction).
    bagalau_archive_id = fields.Many2one("hr.bagalau.campaign.archive", compute="_compute_bagalau_archive",
                                         string="Last Archive", groups=HR_GROUP)
    bagalau_archive_state = fields.Selection(JOB_STATES, compute="_compute_bagalau_archive",
                                             string="Archive Status", groups=HR_GROUP)
    bagalau_archive_done = fields.Integer(compute="_compute_bagalau_archive", string="Archived Employees",
                                          groups=HR_GROUP)
    bagalau_archive_total = fields.Integer(compute="_compute_bagalau_archive", string="Employees to Archive",
                                           groups=HR_GROUP)
    bagalau_archive_error = fields.Text(compute="_compute_bagalau_archive", string="Archive Error", groups=HR_GROUP)

    def _compute_bagalau_archive(self):
        Archive = self.env["hr.bagalau.campaign.archive"].sudo()
        for campaign in self:
            archive = Archive.search([("campaign_id", "=", campaign.id)], limit=1, order="id desc")
            campaign.update({
                "bagalau_archive_id": archive.id,
                "bagalau_archive_state": archive.state,
                "bagalau_archive_done": archive.done_count,
                "bagalau_archive_total": archive.total_count,
                "bagalau_archive_error": archive.error,
            })

    def action_bagalau_archive(self):
        """Open the archive wizard (the language) for a closed campaign, HR only."""
        self.ensure_one()
        self._bagalau_archive_check()
        return {
            "type": "ir.actions.act_window",
            "name": _("Campaign Archive"),
            "res_model": "hr.bagalau.campaign.archive.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_campaign_id": self.id},
        }

    def _bagalau_archive_check(self):
        """HR only; a closed campaign, not being archived already; the PDF
        converter installed; something to archive."""
        self.ensure_one()
        if not self.env.su and not self.env.user.has_group(HR_GROUP):
            raise AccessError(_("Only the personnel management service builds the archive of a campaign."))
        self.check_access("read")
        if self.state != "closed":
            raise UserError(_("The campaign “%(name)s” is not closed: its archive is built once it is closed and "
                              "its documents no longer change.", name=self.name))
        Archive = self.env["hr.bagalau.campaign.archive"].sudo()
        if Archive.search_count([("campaign_id", "=", self.id), ("state", "=", "running")]):
            raise UserError(_("The archive of “%(name)s” is already being built: its progress shows on the "
                              "campaign.", name=self.name))
        Archive._bagalau_check_wkhtmltopdf()
        per_employee, sessions = Archive.new({"campaign_id": self.id})._bagalau_documents()
        if not per_employee and not sessions:
            raise UserError(_("Nothing to archive: the campaign “%(name)s” has no plan, sheet, protocol or act.",
                              name=self.name))

    def _bagalau_archive_start(self, lang):
        """Queue the archive of the campaign in ``lang`` and wake the job runner."""
        self._bagalau_archive_check()
        archive = self.env["hr.bagalau.campaign.archive"].sudo().create({
            "campaign_id": self.id, "lang": lang, "user_id": self.env.user.id,
        })
        self.message_post(body=_("Archive of the campaign requested by %(user)s; it is built in the background.",
                                 user=self.env.user.name))
        self.env.ref("hr_bagalau_reports.ir_cron_bagalau_campaign_archive")._trigger()
        return archive

