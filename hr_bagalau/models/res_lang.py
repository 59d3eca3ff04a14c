from odoo import api, models

# Kazakh as Kazakhstan writes it: 21.03.2026, 1 234,50, weeks from Monday.
KAZAKH = {
    "name": "Kazakh / Қазақ тілі",
    "code": "kk_KZ",
    "iso_code": "kk",
    "url_code": "kk",
    "direction": "ltr",
    "date_format": "%d.%m.%Y",
    "time_format": "%H:%M:%S",
    "short_time_format": "%H:%M",
    "grouping": "[3,0]",
    "decimal_point": ",",
    "thousands_sep": "\N{NO-BREAK SPACE}",
    "week_start": "1",
    "active": False,
}


class ResLang(models.Model):
    _inherit = "res.lang"

    @api.model
    def _bagalau_ensure_kazakh(self):
        """Add Kazakh (kk_KZ), which Odoo 18 lacks, for the admin to activate.

        A database where someone already made kk_KZ keeps theirs; either way
        the language gets the xml id hr_bagalau.lang_kk.
        """
        language = self.with_context(active_test=False).search([("code", "=", KAZAKH["code"])], limit=1)
        if not language:
            values = dict(KAZAKH)
            if self.with_context(active_test=False).search_count([("url_code", "=", values["url_code"])]):
                values["url_code"] = values["code"]
            language = self.create(values)
        self.env["ir.model.data"]._update_xmlids(
            [{"xml_id": "hr_bagalau.lang_kk", "record": language, "noupdate": True}]
        )
        return language
