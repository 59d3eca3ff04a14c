# Read by `odoo shell` from scripts/run.sh. On a new database it runs before
# the addons are installed: Kazakh (made from hr_bagalau's definition, as
# Odoo 18 lacks it; hr_bagalau keeps a kk_KZ it finds) and Russian are
# activated as Settings → Languages does, so that the addons install with
# them, load Odoo's Russian and hr_bagalau's Kazakh for Odoo's own screens,
# and the demo loader gives the demo users their languages before its
# workflows write their messages and to-dos. On a database whose addons are
# already installed it activates the languages and gives the demo users theirs.
from odoo.addons.hr_bagalau.models.res_lang import KAZAKH

Lang = env["res.lang"].with_context(active_test=False)
kazakh = Lang.search([("code", "=", KAZAKH["code"])], limit=1) or Lang.create(dict(KAZAKH))
languages = kazakh | env.ref("base.lang_ru")
env["base.language.install"].create({"lang_ids": [(6, 0, languages.ids)]}).lang_install()
if "hr.bagalau.demo" in env:
    env["hr.bagalau.demo"]._demo_user_languages()
env.cr.commit()
print("Kazakh and Russian active")
