# Read by `odoo shell` from scripts/run.sh: Kazakh and Russian are activated
# as Settings → Languages does (hr_bagalau then loads its Kazakh for Odoo's own
# screens), and the demo users speak the languages of a Kazakh agency.
languages = env.ref("hr_bagalau.lang_kk") | env.ref("base.lang_ru")
env["base.language.install"].create({"lang_ids": [(6, 0, languages.ids)]}).lang_install()
KAZAKH_LOGINS = ("employee", "head", "chair")
DEMO_LOGINS = ("hr", "hrhead", "manager", "superior", "employee", "chair", "head", "methodadmin")
users = env["res.users"].search([("login", "in", DEMO_LOGINS)])
for user in users:
    user.lang = "kk_KZ" if user.login in KAZAKH_LOGINS else "ru_RU"
env.cr.commit()
print(f"demo languages set for {len(users)} users")
