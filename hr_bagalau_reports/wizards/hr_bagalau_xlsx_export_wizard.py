from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.hr_bagalau_xlsx_export import REPORT_SELECTION, REPORTS


class HrBagalauXlsxExportWizard(models.TransientModel):
    """Which language the workbook speaks: the form is printed in Kazakh or
    in Russian whatever the language of the user's interface."""

    _name = "hr.bagalau.xlsx.export.wizard"
    _description = "Export to Excel"

    report = fields.Selection(REPORT_SELECTION, required=True, readonly=True, string="Document")
    lang = fields.Selection([("kk", "Kazakh"), ("ru", "Russian")], required=True, string="Language of the Document",
                            default=lambda self: "kk" if (self.env.lang or "").startswith("kk") else "ru")
    res_ids = fields.Char(required=True, readonly=True, string="Records")
    record_count = fields.Integer(compute="_compute_record_count", string="Number of Records")

    @api.depends("res_ids")
    def _compute_record_count(self):
        for wizard in self:
            wizard.record_count = len(wizard._bagalau_records())

    @api.model
    def _bagalau_open(self, report, records):
        """The wizard for ``records``; UserError for an empty selection."""
        if not records:
            raise UserError(_("Nothing to export: select at least one record."))
        return {
            "type": "ir.actions.act_window",
            "name": _("Export to Excel"),
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {"default_report": report, "default_res_ids": ",".join(str(rid) for rid in records.ids)},
        }

    def _bagalau_records(self):
        """The records to export, of the report's own model (never one the client names)."""
        self.ensure_one()
        if not self.report:
            return self.env["hr.employee"].browse()
        ids = [int(part) for part in (self.res_ids or "").split(",") if part.strip().isdigit()]
        return self.env[REPORTS[self.report][0]].browse(ids)

    def action_export(self):
        self.ensure_one()
        return self.env["hr.bagalau.xlsx.export"]._bagalau_xlsx_export(self.report, self._bagalau_records(), self.lang)
