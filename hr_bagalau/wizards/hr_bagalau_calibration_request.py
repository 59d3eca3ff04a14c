from odoo import _, api, fields, models
from odoo.exceptions import UserError

# The documents whose result the employee may ask to calibrate (seed 004 §13, §38).
CALIBRATED_MODELS = ("hr.bagalau.kpi.sheet", "hr.bagalau.differentiation.sheet")


class HrBagalauCalibrationRequest(models.TransientModel):
    """The employee's application for a calibration session of a quarter
    result, with his reasons (seed 004 §13: "өтініш", in free form)."""

    _name = "hr.bagalau.calibration.request"
    _description = "Calibration Application"

    res_model = fields.Char(string="Document Model", required=True, readonly=True)
    res_id = fields.Many2oneReference(string="Document ID", model_field="res_model", required=True, readonly=True)
    document_name = fields.Char(compute="_compute_document_name", string="Result")
    application = fields.Text(string="Why I Disagree", required=True,
                              help="What the evaluation did not take into account, in your own words.")

    @api.depends("res_model", "res_id")
    def _compute_document_name(self):
        for request in self:
            document = request._bagalau_document()
            request.document_name = document.display_name if document else False

    def _bagalau_document(self):
        self.ensure_one()
        if self.res_model not in CALIBRATED_MODELS or not self.res_id:
            return None
        return self.env[self.res_model].browse(self.res_id).exists() or None

    def action_apply(self):
        """Apply: the calibration case goes to the authorised person."""
        self.ensure_one()
        document = self._bagalau_document()
        if document is None:
            raise UserError(_("This application names no quarter result to calibrate."))
        application = (self.application or "").strip()
        if not application:
            raise UserError(_("Write why you disagree with the result: the authorised person decides on it."))
        case = self.env["hr.bagalau.calibration"]._bagalau_apply(document, application)
        return {"type": "ir.actions.act_window", "res_model": "hr.bagalau.calibration", "res_id": case.id,
                "view_mode": "form"}
