import logging
import re

from lxml import etree

from odoo.tests import HttpCase, tagged
from odoo.tools.translate import code_translations, get_po_paths

from ..core_translations import coverage, read_rows, shipped_addons
from .common import BagalauCase

_logger = logging.getLogger(__name__)

DEMO_LOGINS = ("hr", "hrhead", "manager", "superior", "employee", "chair", "head", "methodadmin")
# The chrome of Odoo's own addons a user of the app meets on every screen:
# the web client's dialogs, control panel, form and date picker, the chatter,
# the activities and the Discuss home.
CHROME = (
    "Confirmation", "Ok", "Cancel", "Confirm", "Close", "Discard", "Save", "New", "Edit", "Delete", "Archive",
    "Unarchive", "Duplicate", "Actions", "Print", "Export", "Search...", "Filters", "Group By", "Favorites",
    "Add Custom Filter", "Save current search", "Add a line", "Search More...", "Create and edit...",
    "Invalid Operation", "Access Error", "Validation Error", "Missing Record", "Access Denied",
    "See technical details", "Discard changes", "Stay here", "Apply", "Previous month", "Next month",
    "Select month", "Select year", "Today", "Log out", "Preferences", "All Apps",
    "Send message", "Log note", "Activities", "Follow", "Following", "Unfollow", "Add Followers",
    "Attach files", "Send", "Log", "Mark Done", "Schedule Activity", "Done & Schedule Next", "Overdue", "Planned",
    "Inbox", "Starred", "History", "Mark all read", "Unstar all", "Congratulations, your inbox is empty",
    "Channels", "Direct messages", "Start a conversation", "Reply", "Mark as Read",
)
# English words of that chrome: a user-visible label containing one of them
# (as a word) is English, whatever the rest of the label is.
ENGLISH = re.compile(
    r"\b(Cancel|Confirm(ation)?|Close|Discard|Save|Edit|Delete|Archived?|Duplicate|Actions?|Print|Export|Search|"
    r"Filters?|Group By|Favorites|Send|Log note|Activit(y|ies)|Followers?|Follow|Messages?|Attachments?|Schedule|"
    r"Mark Done|Done|Inbox|Status|Created (by|on)|Last Updated (by|on)|Display Name|Name|Date|Employee|"
    r"Department|Manager|Company|Description|Notes?|Summary|Due Date|Assigned to|Email|Phone|Job Position|"
    r"Work Information|Private Information|Active|User|Tags|Priority|Today|Yes|No|All|Other|New)\b"
)
# What the user reads in an arch: texts and these attributes.
SHOWN_ATTRIBUTES = ("string", "placeholder", "help", "confirm", "title", "sum", "aria-label")


def english_terms(texts):
    return sorted({text for text in texts if text and ENGLISH.search(text)})


def arch_texts(arch):
    texts = []
    for node in etree.fromstring(arch).iter():
        if not isinstance(node.tag, str):
            continue
        texts.append((node.text or "").strip())
        texts.extend(node.get(attribute, "").strip() for attribute in SHOWN_ATTRIBUTES)
    return [text for text in texts if re.search("[A-Za-z]{2}", text) and "{{" not in text]


@tagged("post_install", "-at_install")
class TestCoreKazakh(BagalauCase):
    """A Kazakh user reads Kazakh in Odoo's own screens too (the web client,
    the chatter, the activities, the Discuss home, the employee form, the
    survey pages), Russian where Odoo's term has no Kazakh yet, never English."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["base.language.install"].create(
            {"lang_ids": [(6, 0, (cls.env.ref("hr_bagalau.lang_kk") | cls.env.ref("base.lang_ru")).ids)]}
        ).lang_install()
        cls.installed = cls.env["ir.module.module"].search([("state", "=", "installed")]).mapped("name")

    def _web_terms(self, lang):
        """The dictionary the web client builds (every addon's terms merged)."""
        modules, _lang_params = self.env["ir.http"].get_translations_for_webclient(self.installed, lang)
        return {message["id"]: message["string"] for module in modules.values() for message in module["messages"]}

    def test_the_web_client_chrome_is_kazakh(self):
        kazakh, russian = self._web_terms("kk_KZ"), self._web_terms("ru_RU")
        for term in CHROME:
            with self.subTest(term=term):
                self.assertIn(term, kazakh, "the web client shows the English source")
                self.assertRegex(kazakh[term], "[А-яӘәҒғҚқҢңӨөҰұҮүҺһІі]")
                self.assertNotEqual(kazakh[term], russian.get(term), "Russian where Kazakh is shipped")
        self.assertEqual(kazakh["Send message"], "Хабар жіберу")
        self.assertEqual(kazakh["Mark all read"], "Барлығын оқылды деп белгілеу")
        self.assertEqual(kazakh["Cancel"], "Бас тарту")

    def test_a_term_without_kazakh_shows_russian_not_english(self):
        kazakh, russian = self._web_terms("kk_KZ"), self._web_terms("ru_RU")
        # The kanban column examples: a screen an evaluation user never opens.
        self.assertTrue(russian.get("Kanban Examples"))
        self.assertEqual(kazakh["Kanban Examples"], russian["Kanban Examples"])
        self.assertEqual(self.env["ir.model.fields"]._get("hr.employee", "visa_no")
                         .with_context(lang="kk_KZ").field_description,
                         self.env["ir.model.fields"]._get("hr.employee", "visa_no")
                         .with_context(lang="ru_RU").field_description)

    def test_server_messages_of_core_addons_speak_kazakh(self):
        # mail's Python: the title of a confirmation; web's: a new record's name.
        self.assertEqual(code_translations.get_python_translations("mail", "kk_KZ").get("Confirmation"), "Растау")
        self.assertEqual(code_translations.get_python_translations("web", "kk_KZ").get("New"), "Жаңа")

    def test_record_terms_of_core_addons_are_kazakh(self):
        employee = self.env["hr.employee"].with_context(lang="kk_KZ")
        labels = employee.fields_get(["job_id", "department_id", "parent_id", "work_email"], ["string"])
        self.assertEqual(labels["job_id"]["string"], "Лауазымы")
        self.assertEqual(labels["department_id"]["string"], "Бөлімше")
        self.assertEqual(labels["work_email"]["string"], "Жұмыс электрондық поштасы")
        arch = self.env.ref("hr.view_employee_form").with_context(lang="kk_KZ").arch_db
        self.assertIn("Жұмыс туралы ақпарат", arch)
        assigned = self.env.ref("mail.message_activity_assigned").with_context(lang="kk_KZ").arch_db
        self.assertIn("сізге келесі әрекетті тағайындады", assigned)
        if "survey" in self.installed:
            start = self.env.ref("survey.survey_fill_form_start").with_context(lang="kk_KZ").arch_db
            self.assertIn("Сауалнаманы бастау", start)

    def test_updating_the_addon_keeps_the_kazakh_of_the_core(self):
        """Updating hr_bagalau (or Kazakh) loads the shipped terms again: a
        Russian stand-in stored earlier gives way to the Kazakh."""
        field = self.env["ir.model.fields"]._get("hr.employee", "job_id")
        field.with_context(lang="kk_KZ").field_description = "Должность"
        self.env["ir.module.module"]._load_module_terms(["hr_bagalau"], ["kk_KZ"])
        self.assertEqual(field.with_context(lang="kk_KZ").field_description, "Лауазымы")

    def test_demo_roles_see_no_english_chrome(self):
        """Every screen of the demo roles' menus, the activity dialog and the
        preferences, as each role reads them in Kazakh."""
        users = self.env["res.users"].search([("login", "in", DEMO_LOGINS)])
        if not users:
            self.skipTest("installed without demo data")
        self.assertEqual(len(users), len(DEMO_LOGINS))
        found = {}
        for user in users:
            env = self.env(user=user, context={"lang": "kk_KZ"})
            menus = env["ir.ui.menu"].load_menus(debug=False)
            screens = [("mail.activity", [(self.env.ref("mail.mail_activity_view_form_popup").id, "form")]),
                       ("res.users", [(self.env.ref("base.view_users_form_simple_modif").id, "form")])]
            texts = []
            for menu in menus.values():
                texts.append(menu.get("name") or "")
                model, _sep, action_id = (menu.get("action") or "").partition(",")
                if model != "ir.actions.act_window":
                    continue
                action = env[model].sudo().browse(int(action_id))  # as /web/action/load reads it
                texts.append(action.name)
                views = [(view.view_id.id, view.view_mode) for view in action.view_ids] or [
                    (False, mode) for mode in action.view_mode.split(",") if mode != "calendar"]
                screens.append((action.res_model, views))
            for model, views in screens:
                result = env[model].get_views([*views, (False, "search")], {"toolbar": True})
                for view in result["views"].values():
                    texts.extend(arch_texts(view["arch"]))
                    texts.extend(item["name"] for items in (view.get("toolbar") or {}).values() for item in items)
                for fields in result["models"].values():
                    for description in fields["fields"].values():
                        texts.append(description.get("string") or "")
                        texts.extend(label for _value, label in description.get("selection") or ())
            english = english_terms(texts)
            if english:
                found[user.login] = english
        self.assertFalse(found, "English chrome in the Kazakh screens of the demo roles")

    def test_share_of_kazakh_per_core_addon(self):
        """The log says how much of each core addon reads Kazakh and how much
        Russian; the chrome addons have their most visible terms in Kazakh."""
        shares = {}
        for addon in shipped_addons():
            total, kazakh, russian = coverage(addon)
            shares[addon] = kazakh
            _logger.info("Kazakh for Odoo's %s: %d of %d terms in Kazakh (%.1f%%), %d in Russian (%.1f%%), "
                         "%d in English", addon, kazakh, total, 100.0 * kazakh / total, russian,
                         100.0 * russian / total, total - kazakh - russian)
        for addon in ("web", "mail", "hr", "survey"):
            self.assertGreaterEqual(shares[addon], 70, addon)

    def test_share_of_russian_per_core_addon(self):
        """The same count for Russian, which Odoo ships itself (its ru.po):
        the chrome addons read mostly Russian."""
        shares = {}
        for addon in shipped_addons():
            rows = [row for path in get_po_paths(addon, "ru_RU") for row in read_rows(path)]
            total = len({row["src"] for row in rows})
            russian = len({row["src"] for row in rows if row.get("value")})
            shares[addon] = 100.0 * russian / total if total else 100.0
            _logger.info("Russian for Odoo's %s: %d of %d terms in Russian (%.1f%%), %d in English",
                         addon, russian, total, shares[addon], total - russian)
        for addon in ("web", "mail", "hr", "survey"):
            self.assertGreaterEqual(shares[addon], 80, addon)


class ChromeTours:
    """In the browser, as the demo employee and the demo head of the body in
    ``LANG``: the Discuss home, a sheet with its chatter and the activity
    dialog, a confirmation dialog; no English chrome anywhere. The tours are
    the same in every language (hr_bagalau_chrome_tour.js): they run in the
    language of the user who takes them."""

    LANG = None
    # Odoo's loader takes inherited test methods only when told to.
    allow_inherited_tests_method = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {user.login: user for user in cls.env["res.users"].search([("login", "in", ("employee", "head"))])}
        if len(cls.users) < 2:
            return
        cls.env["base.language.install"].create(
            {"lang_ids": [(6, 0, (cls.env.ref("hr_bagalau.lang_kk") | cls.env.ref("base.lang_ru")).ids)]}
        ).lang_install()
        for user in cls.users.values():
            user.lang = cls.LANG

    def setUp(self):
        super().setUp()
        if len(self.users) < 2:
            self.skipTest("installed without demo data")

    def _sheet(self, login, **domain):
        sheets = self.env["hr.bagalau.kpi.sheet"].with_user(self.users[login]).search(
            [(field, "=", value) for field, value in domain.items()], limit=1)
        self.assertTrue(sheets, f"the demo gives {login} a KPI sheet")
        return f"/web#model=hr.bagalau.kpi.sheet&id={sheets.id}&view_type=form"

    def test_discuss_home(self):
        for login in self.users:
            with self.subTest(login=login):
                self.start_tour("/web#action=mail.action_discuss", "hr_bagalau_chrome_discuss_tour", login=login)

    def test_sheet_chatter_and_activity_dialog(self):
        for login in self.users:
            with self.subTest(login=login):
                self.start_tour(self._sheet(login), "hr_bagalau_chrome_sheet_tour", login=login)

    def test_confirmation_dialog(self):
        # The head of the body writes on the sheets he approves; the employee reads his.
        self.start_tour(self._sheet("head", state="submitted"), "hr_bagalau_chrome_confirm_tour", login="head")


@tagged("post_install", "-at_install")
class TestCoreKazakhUi(ChromeTours, HttpCase):
    LANG = "kk_KZ"


@tagged("post_install", "-at_install")
class TestCoreRussianUi(ChromeTours, HttpCase):
    LANG = "ru_RU"
