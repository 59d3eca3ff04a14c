from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import BagalauCase


@tagged("post_install", "-at_install")
class TestMenus(BagalauCase):
    """Every entry of the «Бағалау» menu opens something, for whoever sees it."""

    def _entries(self, user):
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(debug=False)
        root = self.env.ref("hr_bagalau.menu_bagalau_root")
        entries, todo = [], list(menus.get(root.id, {}).get("children", []))
        while todo:
            menu = menus[todo.pop()]
            todo.extend(menu["children"])
            entries.append(menu)
        return root.id in menus["root"]["children"], entries

    def test_every_entry_opens_a_view_that_loads(self):
        for user in (self.env.ref("base.user_admin"), self.user_hr, self.user_employee):
            shown, entries = self._entries(user)
            with self.subTest(user=user.login):
                self.assertTrue(shown, "the app is in the user's home menu")
                self.assertTrue(entries)
            for menu in entries:
                if menu["children"]:
                    continue
                with self.subTest(user=user.login, menu=menu["xmlid"]):
                    self.assertTrue(menu["action"], "a leaf entry without action opens nothing")
                    action_model, action_id = menu["action"].split(",")
                    self.assertEqual(action_model, "ir.actions.act_window")
                    action = self.env[action_model].with_user(user).browse(int(action_id))
                    model = self.env[action.res_model].with_user(user)
                    views = [(view.id, view.view_mode) for view in action.view_ids] or [
                        (False, mode) for mode in action.view_mode.split(",")
                    ]
                    model.get_views([*views, (False, "search")])
                    model.search(safe_eval(action.domain or "[]", {"uid": user.id}), limit=1)

    def test_employees_see_their_sheets_and_the_methodologies_only(self):
        _shown, entries = self._entries(self.user_employee)
        xmlids = {menu["xmlid"] for menu in entries}
        self.assertIn("hr_bagalau.menu_bagalau_methodology", xmlids)
        self.assertIn("hr_bagalau.menu_bagalau_kpi_sheet", xmlids)
        for hidden in ("menu_bagalau_position_category", "menu_bagalau_employee", "menu_bagalau_campaign",
                       "menu_bagalau_workday", "menu_bagalau_commission"):
            self.assertNotIn(f"hr_bagalau.{hidden}", xmlids)

    def test_users_outside_the_app_do_not_see_it(self):
        shown, _entries = self._entries(self.user_plain)
        self.assertFalse(shown)

    def test_hr_exports_its_lists_and_the_employee_does_not(self):
        # Odoo's Actions menu offers Export only to the group allowed to export.
        for user in (self.user_hr, self.user_hr_head, self.user_admin):
            with self.subTest(user=user.login):
                self.assertTrue(user.has_group("base.group_allow_export"))
        for user in (self.user_employee, self.user_evaluator, self.user_plain):
            with self.subTest(user=user.login):
                self.assertFalse(user.has_group("base.group_allow_export"))
