# Read by `odoo shell` from scripts/run.sh: the demo users speak the
# languages of a Kazakh agency.
KAZAKH_LOGINS = ("employee", "head", "chair")
DEMO_LOGINS = ("hr", "hrhead", "manager", "superior", "employee", "chair", "head", "methodadmin")
users = env["res.users"].search([("login", "in", DEMO_LOGINS)])
for user in users:
    user.lang = "kk_KZ" if user.login in KAZAKH_LOGINS else "ru_RU"
env.cr.commit()
print(f"demo languages set for {len(users)} users")
