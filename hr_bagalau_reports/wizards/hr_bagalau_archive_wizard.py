from odoo import _, fields, models
from odoo.exceptions import UserError

from ..report.hr_bagalau_report_form import FORM_LANGS


class HrBagalauCampaignArchiveWizard(models.TransientModel):
    """Build the archive of a closed campaign in Kazakh or Russian, whatever
    the language of the interface, like the printed forms."""

    _name = "hr.bagalau.campaign.archive.wizard"
    _description = "Build the Archive of a Campaign"

    campaign_id = fields.Many2one("hr.bagalau.campaign", required=True, readonly=True, ondelete="cascade")
    lang = fields.Selection([("kk_KZ", "Kazakh"), ("ru_RU", "Russian")], string="Language", required=True,
                            default=lambda self: self.env.lang if self.env.lang in FORM_LANGS else "kk_KZ")

    def action_build(self):
        self.ensure_one()
        if self.lang not in FORM_LANGS:
            raise UserError(_("Choose Kazakh or Russian."))
        self.env["hr.bagalau.report.form"]._bagalau_check_lang(self.lang)
        self.campaign_id._bagalau_archive_start(self.lang)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Campaign Archive"),
                "message": _("The archive is being built in the background: the campaign shows its progress, and "
                             "the ZIP appears in its chatter when it is done."),
                "type": "success",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }
