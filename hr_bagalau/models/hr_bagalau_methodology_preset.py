"""The loader of the typical methodologies: engine/presets.py → records.

The only place where Odoo reads the engine's presets, on install and update
(data/hr_bagalau_methodology_data.xml calls ``_apply_presets``). Every other
model reads a rule's parameter from the methodology record, so that an
agency's copy decides (DESIGN.md: "a methodology is data").
"""

from odoo import api, fields, models

from ..engine import presets

# Preset keys that are not one field of the same name: key → (field, convert).
_CONVERTED = {
    "deferred_blocks_when_absent": (
        ("absence_defers_differentiation", lambda blocks: "differentiation" in (blocks or ())),),
    "competency_threshold": (
        ("competency_threshold_numerator", lambda fraction: fraction[0]),
        ("competency_threshold_denominator", lambda fraction: fraction[1])),
    "commission_quorum": (
        ("commission_quorum_numerator", lambda fraction: fraction[0]),
        ("commission_quorum_denominator", lambda fraction: fraction[1])),
}
# Building blocks: preset key → field.
_BLOCKS = {
    "kpi_plan": "use_kpi_plan",
    "kpi_sheet": "use_kpi_sheet",
    "competency": "use_competency",
    "differentiation": "use_differentiation",
    "survey_360": "use_survey_360",
    "commission": "use_commission",
    "calibration": "use_calibration",
}


class HrBagalauMethodology(models.Model):
    _inherit = "hr.bagalau.methodology"

    @api.model
    def _preset_values(self, key):
        """Field values of the engine's preset ``key``: every parameter field,
        the building blocks and the generation's form."""
        data = presets.preset(key)
        values = {"generation": data["generation"], "period": data["period"]}
        values.update({field: bool(data["blocks"][block]) for block, field in _BLOCKS.items()})
        for name in self._bagalau_parameter_fields():
            # None: the parameter is not in that generation's text (e.g. no
            # commission in 2023); the field keeps its default, unused.
            if data.get(name) is not None:
                values[name] = data[name]
        for key_name, targets in _CONVERTED.items():
            if data[key_name] is not None:
                values.update({field: convert(data[key_name]) for field, convert in targets})
        return values

    @api.model
    def _preset_lines(self, key):
        """One2many commands of a preset's results and KPI score table."""
        data = presets.preset(key)
        bands = []
        if data["grades"]:  # seed 003 §18: grades by the number achieved
            thresholds = dict(data["kpi_grade_thresholds"], unsatisfactory=0)
            for sequence, (grade, labels) in enumerate(data["grades"].items()):
                bands.append({"sequence": sequence, "key": grade, "min_achieved": thresholds[grade],
                              "label_kk": labels["kk"], "label_ru": labels["ru"]})
        for sequence, band in enumerate(data["bands"] or []):  # seed 004 §8
            bands.append({"sequence": sequence, "key": band["key"], "score_low": float(band["low"]),
                          "score_high": float(band["high"]), "label_kk": band["label"]["kk"],
                          "label_ru": band["label"]["ru"]})
        ranges = [
            {"percent_from": float(row[0]), "percent_to": float(row[1]) if row[1] is not None else 0.0,
             "score_from": float(row[2]), "score_to": float(row[3])}
            for row in (data["kpi_table"] or [])
        ]
        return {
            "band_ids": [fields.Command.clear()] + [fields.Command.create(vals) for vals in bands],
            "kpi_range_ids": [fields.Command.clear()] + [fields.Command.create(vals) for vals in ranges],
        }

    @api.model
    def _apply_presets(self):
        """Write the engine's parameters on the preset records (data file)."""
        for methodology in self.with_context(active_test=False).search([("preset_key", "!=", False)]):
            # The presets are the law's: only this loader (superuser) writes them.
            methodology.sudo().write({
                **self._preset_values(methodology.preset_key),
                **self._preset_lines(methodology.preset_key),
            })
