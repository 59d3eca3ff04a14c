from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..report.hr_bagalau_report_form import FORM_LANGS

# The printed forms of each evaluation document (the first is the default;
# the methodology's generation picks the layout inside the template).
FORM_REPORTS = {
    "hr.bagalau.kpi.plan": "hr_bagalau_reports.action_report_kpi_plan",
    "hr.bagalau.kpi.sheet": "hr_bagalau_reports.action_report_kpi_sheet",
    "hr.bagalau.competency.sheet": "hr_bagalau_reports.action_report_competency_sheet",
    "hr.bagalau.differentiation.sheet": "hr_bagalau_reports.action_report_differentiation_sheet",
    "hr.bagalau.commission.session": "hr_bagalau_reports.action_report_commission_protocol",
    "hr.bagalau.calibration": "hr_bagalau_reports.action_report_calibration_protocol",
    "hr.bagalau.refusal.act": "hr_bagalau_reports.action_report_refusal_act",
    "hr.bagalau.survey360": ("hr_bagalau_reports.action_report_survey360_result",
                             "hr_bagalau_reports.action_report_survey360_answers"),
    "survey.survey": "hr_bagalau_reports.action_report_survey360_questionnaire",
}


def form_reports(model):
    """The xml ids of the forms of ``model``, the default first."""
    xmlids = FORM_REPORTS.get(model) or ()
    return (xmlids,) if isinstance(xmlids, str) else xmlids


class HrBagalauPrintForm(models.TransientModel):
    """Print an evaluation form in Kazakh or Russian, whatever the language
    of the interface: the methodology's forms exist in both."""

    _name = "hr.bagalau.print.form"
    _description = "Print an Evaluation Form"

    res_model = fields.Char(string="Document Model", required=True, readonly=True)
    res_ids = fields.Json(string="Documents", required=True, readonly=True)
    # The Print menu entry of a second form of the same documents sets it
    # (default_report_id); action_print accepts only the forms of res_model.
    report_id = fields.Many2one("ir.actions.report", string="Form", readonly=True,
                                compute="_compute_report_id", store=True)
    lang = fields.Selection([("kk_KZ", "Kazakh"), ("ru_RU", "Russian")], string="Language", required=True,
                            default=lambda self: self.env.lang if self.env.lang in FORM_LANGS else "kk_KZ")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        model = self.env.context.get("active_model")
        ids = self.env.context.get("active_ids") or []
        if model in FORM_REPORTS and ids:
            values.update(res_model=model, res_ids=[int(record_id) for record_id in ids])
        return values

    @api.depends("res_model")
    def _compute_report_id(self):
        for wizard in self:
            if wizard.report_id and wizard.report_id in wizard._allowed_reports():
                continue
            wizard.report_id = wizard._allowed_reports()[:1]

    def _allowed_reports(self):
        self.ensure_one()
        reports = self.env["ir.actions.report"]
        for xmlid in form_reports(self.res_model):
            reports |= self.env.ref(xmlid)
        return reports

    def action_print(self):
        self.ensure_one()
        if self.res_model not in FORM_REPORTS or not self.res_ids:
            raise UserError(_("Open the document to print, then choose Print › Print Form."))
        report = self.report_id
        if report not in self._allowed_reports():
            raise UserError(_("Open the document to print, then choose Print › Print Form."))
        self.env["hr.bagalau.report.form"]._bagalau_check_lang(self.lang)
        records = self.env[self.res_model].browse(self.res_ids).exists()
        # Only what the user may read is printed (the report checks it again).
        records.check_access("read")
        return report.report_action(records, data={"bagalau_lang": self.lang, "bagalau_doc_ids": records.ids})
