from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_admin_opens_the_evaluation_app(self):
        # /web: the web client in every Odoo 18 tree (official 18 redirects it to /odoo).
        self.start_tour("/web", "hr_bagalau_open_app_tour", login="admin")
