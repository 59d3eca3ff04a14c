from odoo import api, fields, models


class HrBagalauMethodologyBand(models.Model):
    """A result of the methodology with its wording in Kazakh and Russian:
    the 2018 grades by the number of KPIs achieved (seed 003 §18) or the 2023
    bands by score (seed 004 §8)."""

    _name = "hr.bagalau.methodology.band"
    _description = "Result Band"
    _order = "methodology_id, sequence, id"

    methodology_id = fields.Many2one("hr.bagalau.methodology", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    key = fields.Char(required=True, help="Stable key of the result, e.g. effective.")
    min_achieved = fields.Integer(
        string="KPIs Achieved At Least",
        help="2018 grades: the fewest KPIs achieved that give this grade.",
    )
    score_low = fields.Float(string="Score From", digits=(4, 2))
    score_high = fields.Float(string="Score To", digits=(4, 2))
    label_kk = fields.Char(string="Wording (Kazakh)", required=True)
    label_ru = fields.Char(string="Wording (Russian)", required=True)
    label = fields.Char(compute="_compute_label", string="Wording")

    @api.depends_context("lang")
    @api.depends("label_kk", "label_ru")
    def _compute_label(self):
        lang = (self.env.lang or "").split("_")[0]
        for band in self:
            band.label = band.label_kk if lang == "kk" else band.label_ru


class HrBagalauBandMixin(models.AbstractModel):
    """A record whose result is a grade or band of its methodology (a sheet,
    an annual result), worded in the reader's language."""

    _name = "hr.bagalau.band.mixin"
    _description = "Result Worded by the Methodology"

    methodology_id = fields.Many2one("hr.bagalau.methodology")
    result_key = fields.Char(string="Result Key")
    result_label = fields.Char(compute="_compute_result_label", string="Result")

    @api.depends("result_key", "methodology_id.band_ids")
    @api.depends_context("lang")
    def _compute_result_label(self):
        # A band is looked up once per methodology and key: the records read
        # together (a list, a batch of sheets completed) share a few.
        labels = {}
        for record in self:
            key = (record.methodology_id, record.result_key)
            if key not in labels:
                band = record.methodology_id._bagalau_band(record.result_key) if record.result_key else False
                labels[key] = band.label if band else False
            record.result_label = labels[key]
