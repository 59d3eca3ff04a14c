from odoo import models


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_template(self, template, values=None):
        """Render a Bagalau form in the language its reader chose, whatever
        the interface's: the template's terms come from that language's
        translation (kk.po, ru.po), and so do dates and the results' wording."""
        lang = (values or {}).get("bagalau_lang")
        report = self.with_context(lang=lang) if lang else self
        return super(IrActionsReport, report)._render_template(template, values)
