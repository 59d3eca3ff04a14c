from markupsafe import Markup

from odoo.tests import tagged
from odoo.tools.misc import format_date
from odoo.tools.translate import code_translations

from ..models.hr_bagalau_demo_languages import DEMO_LANGUAGES as SPEAKERS
from .common import BagalauCase


@tagged("post_install", "-at_install")
class TestDemoLanguages(BagalauCase):
    """`make run` activates Kazakh and Russian before it installs the demo
    agency, whose loader gives the demo users their languages before its
    workflows run: the messages and to-dos of the demo read in the language
    of their author and of their assignee, not in the installer's English."""

    def setUp(self):
        super().setUp()
        if not self.env.ref("hr_bagalau.demo_company_agency", raise_if_not_found=False):
            self.skipTest("installed without demo data")
        self.users = {login: self.env.ref(f"hr_bagalau.user_bagalau_{login}") for login in SPEAKERS}
        # What the demo loader runs in: data files are loaded without a language.
        self.demo = self.env["hr.bagalau.demo"].with_context(lang=None)

    def _speak(self, lang, source, **values):
        return code_translations.get_python_translations("hr_bagalau", lang)[source] % values

    def test_without_the_languages_the_demo_users_keep_theirs(self):
        self.assertFalse(self.env["res.lang"]._lang_get("kk_KZ"), "the test database installs without Kazakh")
        before = {login: user.lang for login, user in self.users.items()}
        agency = self.env.ref("hr_bagalau.demo_company_agency").partner_id.lang
        self.demo._demo_user_languages()
        self.assertEqual({login: user.lang for login, user in self.users.items()}, before)
        self.assertEqual(self.env.ref("hr_bagalau.demo_company_agency").partner_id.lang, agency)

    def test_the_demo_workflows_write_in_their_users_languages(self):
        for lang in ("kk_KZ", "ru_RU"):
            self.env["res.lang"]._activate_lang(lang)
        self.demo._demo_user_languages()
        self.assertEqual({login: user.lang for login, user in self.users.items()}, SPEAKERS)
        self.assertEqual(self.env.ref("hr_bagalau.demo_company_agency").partner_id.lang, "kk_KZ",
                         "a Kazakh body: its dates are written 22.01.2026")

        # A step of the workflows as the demo loader takes it: the approver
        # returns a submitted plan of the running quarter to its drafter.
        plans = self.env["hr.bagalau.kpi.plan"].search([("state", "=", "submitted")])
        plan = plans.filtered(lambda plan: plan.approver_id.user_id and plan.direct_manager_id.user_id
                              and plan.approver_id.user_id.lang != plan.direct_manager_id.user_id.lang)[:1]
        self.assertTrue(plan, "the demo has a submitted plan whose approver and drafter speak different languages")
        author, assignee = plan.approver_id.user_id, plan.direct_manager_id.user_id
        acting = self.demo._as(plan, plan.approver_id)
        self.assertEqual((acting.env.user, acting.env.lang), (author, author.lang),
                         "the loader acts as each user in his language, as the web client does")
        acting.action_return("Нысаналы көрсеткіш өлшенбейді.")

        message = plan.message_ids[:1]
        self.assertEqual(message.author_id, author.partner_id)
        said = self._speak(author.lang, "Returned for revision by %(user)s, to resubmit by %(date)s: %(reason)s",
                           user="\x00", date="\x00", reason="\x00").split("\x00")[0]
        self.assertTrue(str(message.body).startswith(str(Markup("<p>%s") % said)),
                        f"the note reads in its author's language ({author.lang}): {message.body}")
        self.assertIn(format_date(self.env, plan.resubmission_due, lang_code=author.lang), str(message.body))

        todo = plan.activity_ids.filtered(lambda activity: activity.user_id == assignee)
        self.assertEqual(todo.summary, self._speak(
            assignee.lang, "Correct and resubmit the individual work plan of %(employee)s",
            employee=plan.employee_id.name), "the to-do reads in its assignee's language")
