"""The printed forms, one report model each: which records it prints, when
a record is final (printed without the draft watermark), and what a record
must hold before it can be printed at all."""

from odoo import _, api, models
from odoo.exceptions import UserError


class ReportKpiPlan(models.AbstractModel):
    """Individual work plan: Appendix 1 of seeds 001/003 (2018) and of seed
    004 (2023, quarters)."""

    _name = "report.hr_bagalau_reports.report_kpi_plan"
    _inherit = "hr.bagalau.report.form"
    _description = "Printed Individual Work Plan"
    _bagalau_model = "hr.bagalau.kpi.plan"


class ReportKpiSheet(models.AbstractModel):
    """KPI evaluation sheet: Appendix 2 of seeds 001/003 (2018, achieved or
    not) and of seed 004 (2023, percent and score)."""

    _name = "report.hr_bagalau_reports.report_kpi_sheet"
    _inherit = "hr.bagalau.report.form"
    _description = "Printed KPI Sheet"
    _bagalau_model = "hr.bagalau.kpi.sheet"


class ReportCompetencySheet(models.AbstractModel):
    """Competency evaluation sheet: Appendix 3 of seeds 001/003."""

    _name = "report.hr_bagalau_reports.report_competency_sheet"
    _inherit = "hr.bagalau.report.form"
    _description = "Printed Competency Sheet"
    _bagalau_model = "hr.bagalau.competency.sheet"


class ReportDifferentiationSheet(models.AbstractModel):
    """Differentiation evaluation sheet: Appendix 4 of seed 004."""

    _name = "report.hr_bagalau_reports.report_differentiation_sheet"
    _inherit = "hr.bagalau.report.form"
    _description = "Printed Differentiation Sheet"
    _bagalau_model = "hr.bagalau.differentiation.sheet"


class ReportCommissionProtocol(models.AbstractModel):
    """Protocol of the evaluation commission: Appendix 5 of seed 001."""

    _name = "report.hr_bagalau_reports.report_commission_protocol"
    _inherit = "hr.bagalau.report.form"
    _description = "Printed Commission Protocol"
    _bagalau_model = "hr.bagalau.commission.session"

    @api.model
    def _bagalau_is_final(self, record):
        # seed 001 §39: the authorised person approves the protocol.
        return record.state == "approved"

    @api.model
    def _bagalau_check_printable(self, records):
        for session in records:
            if not session.decision_ids.filtered(lambda row: row.state == "decided"):
                raise UserError(_(
                    "The session “%(session)s” has decided on nobody yet: its protocol lists the commission's "
                    "decisions, so it can be printed once the commission has voted.", session=session.name))


class ReportCalibrationProtocol(models.AbstractModel):
    """Protocol of a calibration session (seed 004 §41-43)."""

    _name = "report.hr_bagalau_reports.report_calibration_protocol"
    _inherit = "hr.bagalau.report.form"
    _description = "Printed Calibration Protocol"
    _bagalau_model = "hr.bagalau.calibration"

    @api.model
    def _bagalau_is_final(self, record):
        # seed 004 §42: the final score is taken and the protocol signed.
        return record.state in ("held", "done")

    @api.model
    def _bagalau_check_printable(self, records):
        for case in records:
            if case.state in ("applied", "refused") or not case.session_date:
                raise UserError(_(
                    "The calibration of %(employee)s has no session yet: its protocol records the session, "
                    "so it can be printed once the session is planned.", employee=case.employee_id.name))


class ReportRefusalAct(models.AbstractModel):
    """Act of the refusal to acknowledge the result (seed 003 §41, seed 002
    §41-42): drawn up by HR and signed by two other employees."""

    _name = "report.hr_bagalau_reports.report_refusal_act"
    _inherit = "hr.bagalau.report.form"
    _description = "Printed Refusal Act"
    _bagalau_model = "hr.bagalau.refusal.act"

    @api.model
    def _bagalau_is_final(self, record):
        return record.state == "done"
