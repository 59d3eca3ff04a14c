"""The archive of a closed campaign: one PDF per employee (all his sheets,
his extract of the commission's protocol, his refusal act) and the full
protocols, in one ZIP that HR files for the three-year retention (seed 003
§8, seed 004 §15).

Rendering runs through wkhtmltopdf, a few seconds a document: the archive is
a job (one record here) that the job runner (ir.cron) builds a few employees
per call, each employee's PDF kept as an attachment of the job, so that a
crash resumes where it stopped and the campaign's form shows the progress.
The last call zips the parts, attaches the ZIP to the campaign and posts it
in the campaign's chatter."""

import io
import re
import zipfile

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.pdf import merge_pdf

# Employees rendered per call of the job: four or five forms each.
ARCHIVE_BATCH_SIZE = 10

REPORT = "hr_bagalau_reports.report_%s"
# Characters no file system accepts in a name, and control characters.
UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')


def safe_name(name, default="_"):
    """``name`` usable as a file or folder name on every system: no
    separators or reserved characters, no leading dots, at most 100
    characters (Cyrillic kept)."""
    clean = " ".join(UNSAFE.sub(" ", name or "").split()).strip(" .")
    return clean[:100].strip(" .") or default


class HrBagalauCampaignArchive(models.Model):
    """One archive of one closed campaign, built in the background."""

    _name = "hr.bagalau.campaign.archive"
    _inherit = ["hr.bagalau.report.job"]
    _description = "Archive of an Evaluation Campaign"
    _order = "id desc"

    campaign_id = fields.Many2one("hr.bagalau.campaign", required=True, index=True, readonly=True,
                                  ondelete="cascade")
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    lang = fields.Selection([("kk_KZ", "Kazakh"), ("ru_RU", "Russian")], string="Language", required=True,
                            readonly=True)
    done_count = fields.Integer(string="Employees Done", readonly=True)
    total_count = fields.Integer(string="Employees", readonly=True)
    attachment_id = fields.Many2one("ir.attachment", string="Archive", readonly=True, ondelete="set null")

    def _compute_display_name(self):
        for archive in self:
            archive.display_name = _("Archive of %(campaign)s", campaign=archive.campaign_id.name or "")

    # --- what goes in ------------------------------------------------------------

    def _bagalau_documents(self):
        """Every printable document of the campaign: ``{employee: [(report,
        records, data)]}`` in the order they are bound, and the sessions whose
        full protocol goes in. The sheets the methodology has: plan, KPI
        sheet, competency or differentiation sheet; his protocol rows; his 360
        result; his calibration; his refusal act."""
        self.ensure_one()
        campaign = self.campaign_id.sudo()
        env = campaign.env
        per_employee = {}

        def add(employee, report, records, data=None):
            per_employee.setdefault(employee, []).append((report, records, data or {}))

        for model, report in (("hr.bagalau.kpi.plan", "kpi_plan"), ("hr.bagalau.kpi.sheet", "kpi_sheet"),
                              ("hr.bagalau.competency.sheet", "competency_sheet"),
                              ("hr.bagalau.differentiation.sheet", "differentiation_sheet")):
            if model not in env:
                continue
            for record in env[model].search([("campaign_id", "=", campaign.id)], order="id"):
                add(record.employee_id, report, record)
        sessions = env["hr.bagalau.commission.session"].search([("campaign_id", "=", campaign.id)], order="id")
        sessions = sessions.filtered(lambda session: session.decision_ids.filtered(
            lambda row: row.state == "decided"))
        for session in sessions:
            decided = session.decision_ids.filtered(lambda row: row.state == "decided")
            for employee in decided.employee_id:
                # His extract: the protocol's header, his row, its conclusion and signatures.
                add(employee, "commission_protocol", session, {"bagalau_extract_employee_ids": employee.ids})
        # His 360 result once HR published it (seed 004 §37, Appendices 7-8).
        for evaluation in env["hr.bagalau.survey360"].search([("campaign_id", "=", campaign.id),
                                                              ("state", "=", "done")], order="id"):
            add(evaluation.employee_id, "survey360_result", evaluation)
        calibrations = env["hr.bagalau.calibration"].search([("campaign_id", "=", campaign.id)], order="id")
        for case in calibrations.filtered(lambda case: case.state not in ("applied", "refused") and case.session_date):
            add(case.employee_id, "calibration_protocol", case)
        if per_employee:
            employees = env["hr.employee"].browse([employee.id for employee in per_employee])
            acts = env["hr.bagalau.refusal.act"].search([("employee_id", "in", employees.ids),
                                                         ("state", "=", "done")], order="id")
            for act in acts.filtered(lambda act: act.acknowledgement_id.campaign_id == campaign):
                add(act.employee_id, "refusal_act", act)
        return per_employee, sessions

    @api.model
    def _bagalau_employees(self, per_employee):
        """The employees of the archive, by unit and name."""
        return sorted(per_employee, key=lambda employee: (self._bagalau_unit(employee, per_employee).lower(),
                                                          (employee.name or "").lower(), employee.id))

    @api.model
    def _bagalau_unit(self, employee, per_employee=None):
        """The unit the employee was evaluated in (the sheet's), else his own."""
        for _report, records, _data in (per_employee or {}).get(employee, []):
            department = records._fields.get("department_id") and records[:1].department_id
            if department:
                return department.name or ""
        return employee.department_id.name or ""

    # --- building ----------------------------------------------------------------

    def _bagalau_render(self, report, records, data):
        """The PDF of ``report`` for ``records`` in the archive's language,
        rendered for the user who asked for the archive."""
        Report = self.env["ir.actions.report"].with_user(self.user_id).with_company(self.company_id)
        # The archive holds PDFs, also when the tests run (Odoo renders HTML then).
        Report = Report.with_context(force_report_rendering=True)
        pdf, _kind = Report._render_qweb_pdf(REPORT % report, records.ids,
                                             data={"bagalau_lang": self.lang, **data})
        return pdf

    def _bagalau_parts(self):
        return self.env["ir.attachment"].sudo().search([("res_model", "=", self._name), ("res_id", "=", self.id)],
                                                       order="id")

    def _bagalau_build_batch(self, limit=ARCHIVE_BATCH_SIZE):
        """Render up to ``limit`` employees not yet done, each into one PDF
        kept as a part; zip everything once all are done. Returns how many
        employees are left."""
        self.ensure_one()
        per_employee, sessions = self._bagalau_documents()
        employees = self._bagalau_employees(per_employee)
        parts = self._bagalau_parts()
        done_ids = {int(part.description) for part in parts if (part.description or "").isdigit()}
        todo = [employee for employee in employees if employee.id not in done_ids]
        env = self.with_context(lang=self.lang).env
        Attachment = self.env["ir.attachment"].sudo()
        for employee in todo[:limit]:
            pdfs = [self._bagalau_render(report, records, data) for report, records, data in per_employee[employee]]
            unit = safe_name(self._bagalau_unit(employee, per_employee), env._("No unit"))
            Attachment.create({
                "name": f"{unit}/{safe_name(employee.name)}.pdf",
                "description": str(employee.id),
                "raw": merge_pdf(pdfs) if len(pdfs) > 1 else pdfs[0],
                "mimetype": "application/pdf",
                "res_model": self._name,
                "res_id": self.id,
            })
        left = max(len(todo) - limit, 0)
        self.sudo().write({"total_count": len(employees), "done_count": len(employees) - left})
        if not left:
            self._bagalau_finish(sessions)
        return left

    def _bagalau_finish(self, sessions):
        """Zip the employees' PDFs and the full protocols, attach the ZIP to
        the campaign and post it in its chatter."""
        env = self.with_context(lang=self.lang).env
        campaign = self.campaign_id.sudo()
        output = io.BytesIO()
        names = set()

        def unique(name):
            stem, dot, ext = name.rpartition(".")
            candidate, number = name, 2
            while candidate.lower() in names:
                candidate, number = f"{stem} ({number}){dot}{ext}", number + 1
            names.add(candidate.lower())
            return candidate

        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
            for session in sessions:
                title = env._("Commission protocol %(number)s %(date)s", number=session.protocol_number or "",
                              date=fields.Date.to_string(session.date) if session.date else "")
                archive.writestr(unique(f"{safe_name(title)}.pdf"),
                                 self._bagalau_render("commission_protocol", session, {}))
            for part in self._bagalau_parts():
                archive.writestr(unique(part.name), part.raw)
        filename = safe_name(env._("Evaluation archive %(campaign)s %(company)s", campaign=campaign.name,
                                   company=campaign.company_id.name)) + ".zip"
        attachment = self.env["ir.attachment"].sudo().create({
            "name": filename,
            "raw": output.getvalue(),
            "mimetype": "application/zip",
            "res_model": campaign._name,
            "res_id": campaign.id,
        })
        self._bagalau_parts().unlink()
        self.sudo().write({"state": "done", "attachment_id": attachment.id})
        campaign.with_context(lang=self.lang).message_post(
            body=env._("Archive of the campaign for the retention: %(count)s employees, built at the request of "
                       "%(user)s.", count=self.total_count, user=self.user_id.name),
            attachment_ids=attachment.ids, author_id=self.user_id.partner_id.id,
            message_type="comment", subtype_xmlid="mail.mt_note")

    @api.model
    def _bagalau_check_wkhtmltopdf(self):
        """The archive is PDFs: say so when the converter is missing."""
        state = self.env["ir.actions.report"].get_wkhtmltopdf_state()
        if state in ("install", "broken"):
            raise UserError(_(
                "The archive cannot be built: the PDF converter wkhtmltopdf is not installed or does not work on "
                "the server. Ask the administrator to install wkhtmltopdf (0.12.x)."))

    # --- job runner --------------------------------------------------------------

    @api.model
    def _cron_bagalau_archive(self, batch_size=ARCHIVE_BATCH_SIZE):
        """Job runner: a batch of employees of the oldest archive being built."""
        self._bagalau_run_jobs(batch_size)

    def _bagalau_run_batch(self, batch_size):
        self._bagalau_check_wkhtmltopdf()
        return self._bagalau_build_batch(batch_size)

    def _bagalau_fail(self, message):
        """A failed archive says why on the campaign."""
        self._bagalau_parts().unlink()
        super()._bagalau_fail(message)
        self.campaign_id.sudo().with_context(lang=self.lang).message_post(
            body=self.with_context(lang=self.lang).env._("The archive of the campaign could not be built: %(error)s",
                                                         error=message),
            message_type="comment", subtype_xmlid="mail.mt_note")

