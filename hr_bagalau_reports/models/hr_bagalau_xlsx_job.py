"""A large Excel export built in the background.

A workbook of a few thousand rows takes longer than a browser waits for a
request: above ``BACKGROUND_EXPORT_ROWS`` rows the export becomes a job that
the job runner builds as the user who asked, with his rights; the user
follows it on the job's form and finds the file there and in his inbox, and
the campaign's summary also in the campaign's chatter."""

from odoo import _, api, fields, models

from .hr_bagalau_xlsx_export import REPORT_SELECTION, REPORTS


class HrBagalauXlsxJob(models.Model):
    _name = "hr.bagalau.xlsx.job"
    _inherit = ["hr.bagalau.report.job", "mail.thread"]
    _description = "Excel Export in the Background"

    report = fields.Selection(REPORT_SELECTION, string="Document", required=True, readonly=True)
    lang = fields.Selection([("kk", "Kazakh"), ("ru", "Russian")], string="Language of the Document",
                            required=True, readonly=True)
    res_ids = fields.Text(string="Records", required=True, readonly=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    total_count = fields.Integer(string="Rows", readonly=True)
    file_name = fields.Char(related="attachment_id.name", string="File Name")
    file = fields.Binary(related="attachment_id.datas", string="Workbook")

    def _compute_display_name(self):
        labels = dict(self._fields["report"]._description_selection(self.env))
        for job in self:
            job.display_name = _("%(document)s, %(rows)s rows", document=labels.get(job.report, ""),
                                 rows=job.total_count)

    def _bagalau_records(self):
        ids = [int(part) for part in (self.res_ids or "").split(",") if part.strip().isdigit()]
        return self.env[REPORTS[self.report][0]].browse(ids)

    @api.model
    def _bagalau_queue(self, report, records, lang, rows):
        """Queue the export of ``records`` (already checked by the caller) and
        wake the job runner; the job's form, for the user to follow it."""
        job = self.sudo().create({
            "report": report, "lang": lang, "res_ids": ",".join(str(rid) for rid in records.ids),
            "company_id": self.env.company.id, "user_id": self.env.uid, "total_count": rows,
        })
        self.env.ref("hr_bagalau_reports.ir_cron_bagalau_xlsx_export")._trigger()
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": job.id, "view_mode": "form",
                "name": _("Excel Export"), "target": "current"}

    @api.model
    def _cron_bagalau_xlsx_export(self):
        """Job runner: the oldest export still waiting, one workbook a call."""
        self._bagalau_run_jobs(1)

    def _bagalau_run_batch(self, batch_size):
        """Build the workbook as the user who asked, with his rights and in
        his company: what he may no longer read fails the job, with the reason."""
        self.ensure_one()
        user = self.user_id
        Export = self.env["hr.bagalau.xlsx.export"].with_user(user).with_company(self.company_id) \
            .with_context(lang=user.lang)
        records = Export._bagalau_xlsx_check(self.report, self._bagalau_records().with_env(Export.env), self.lang)
        attachment = Export._bagalau_xlsx_attach(self.report, records, self.lang)
        self.sudo().write({"state": "done", "attachment_id": attachment.id, "done_count": self.total_count})
        job = self.sudo().with_context(lang=user.lang)
        job.message_notify(
            partner_ids=user.partner_id.ids, attachment_ids=attachment.ids,
            subject=job.env._("Your Excel export is ready"),
            body=job.env._("%(document)s: the workbook of %(rows)s rows is ready.", document=job.display_name,
                           rows=self.total_count))
        return 0

    def _bagalau_fail(self, message):
        super()._bagalau_fail(message)
        job = self.sudo().with_context(lang=self.user_id.lang)
        job.message_notify(
            partner_ids=self.user_id.partner_id.ids, subject=job.env._("Your Excel export failed"),
            body=job.env._("%(document)s could not be built: %(error)s", document=job.display_name, error=message))
