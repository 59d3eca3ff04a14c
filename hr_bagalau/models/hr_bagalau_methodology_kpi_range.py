from decimal import Decimal

from odoo import fields, models

from ..engine.kpi_2023 import KpiScoreRange


class HrBagalauMethodologyKpiRange(models.Model):
    """A row of the table that turns a KPI's percent achieved into the score
    range the evaluator picks from (seed 004 Appendix 3)."""

    _name = "hr.bagalau.methodology.kpi.range"
    _description = "KPI Score Range"
    _order = "methodology_id, percent_from desc"

    methodology_id = fields.Many2one("hr.bagalau.methodology", required=True, ondelete="cascade", index=True)
    percent_from = fields.Float(string="Percent From", digits=(6, 2), required=True)
    percent_to = fields.Float(string="Percent To", digits=(6, 2), help="Empty: and above.")
    score_from = fields.Float(string="Score From", digits=(4, 2), required=True)
    score_to = fields.Float(string="Score To", digits=(4, 2), required=True)

    def _to_engine(self):
        def dec(value):
            return Decimal(f"{value:.2f}")

        return tuple(
            KpiScoreRange(dec(row.percent_from), dec(row.percent_to) if row.percent_to else None,
                          dec(row.score_from), dec(row.score_to))
            for row in self.sorted("percent_from", reverse=True)
        )
