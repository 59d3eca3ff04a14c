from odoo import api, models

from ..core_translations import KAZAKH, OWN_ADDONS, fill_inherited_selections, load_kazakh_terms, shipped_addons


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    @api.model
    def _load_module_terms(self, modules, langs, overwrite=False, imported_module=False):
        """After Odoo's own files, the Kazakh this addon ships for the core
        addons and the Russian stand-in for the rest (see core_translations).

        Runs whenever Kazakh is activated or reloaded and whenever a module is
        installed or updated while Kazakh is active; installing or updating
        hr_bagalau itself reloads the shipped core addons too, which may have
        been installed before it.  Then, in every language loaded, the
        selection values models inherit from a mixin get the translation of
        the mixin's label (see fill_inherited_selections).
        """
        result = super()._load_module_terms(modules, langs, overwrite=overwrite, imported_module=imported_module)
        langs = [lang for lang in langs or () if lang != "en_US"]
        if KAZAKH in langs and not imported_module:
            addons = list(modules)
            if OWN_ADDONS & set(addons):
                installed = self.sudo().search([("name", "in", shipped_addons()), ("state", "=", "installed")])
                addons += [name for name in installed.mapped("name") if name not in addons]
            load_kazakh_terms(self.env, addons)
        for lang in langs:
            fill_inherited_selections(self.env, lang)
        return result
