from odoo import api, models

# The demo agency is a Kazakh body: its users speak Kazakh, else Russian.
DEMO_LANGUAGES = {
    "hr": "ru_RU", "hrhead": "ru_RU", "manager": "ru_RU", "superior": "ru_RU", "methodadmin": "ru_RU",
    "employee": "kk_KZ", "chair": "kk_KZ", "head": "kk_KZ",
}


class HrBagalauDemo(models.AbstractModel):
    """The demo agency written in its users' languages, not the installer's.

    ``make run`` activates Kazakh and Russian before it installs the addons
    (scripts/run.sh). The demo loader then gives each demo user his language
    before its workflows run, and acts as each user in his language, as the
    web client does (``_by``): every note reads in its author's language, every to-do
    in its assignee's, every date in that language's format. On a database
    without those languages (the tests') nothing changes."""

    _inherit = "hr.bagalau.demo"

    @api.model
    def _demo_user_languages(self):
        """Called first by ``_load_demo`` (and by scripts/demo_languages.py on
        a database whose demo was installed before the languages)."""
        active = {code for code, _name in self.env["res.lang"].get_installed()}
        for login, lang in DEMO_LANGUAGES.items():
            user = self.env.ref(f"hr_bagalau.user_bagalau_{login}", raise_if_not_found=False)
            if user and lang in active:
                user.sudo().lang = lang
        # What the superuser writes with no language of its own takes its
        # dates' format from the body's language (odoo.tools.misc.get_lang).
        agency = self.env.ref("hr_bagalau.demo_company_agency", raise_if_not_found=False)
        if agency and "kk_KZ" in active:
            agency.partner_id.sudo().lang = "kk_KZ"

    @api.model
    def _demo_translations(self, module):
        """Odoo loads a module's translations after its demo data: load them
        first, so that the names of activity types, stages and selections in
        the demo's notes read in the users' languages, not in English."""
        langs = [code for code, _name in self.env["res.lang"].get_installed() if code != "en_US"]
        if langs:
            self.env["ir.module.module"].search([("name", "=", module)])._update_translations(filter_lang=langs)
