from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.tests.common import TransactionCase


class BagalauCase(TransactionCase):
    """Users of every role of DESIGN.md, "Users and delivery", in a company
    of their own, for the tests of every Bagalau addon."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Test agency"})
        cls.other_company = cls.env["res.company"].create({"name": "Other agency"})

        def user(login, groups, company=None):
            company = company or cls.company
            return mail_new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=company.id,
                company_ids=[(6, 0, company.ids)],
                tz="Asia/Almaty",
            )

        cls.user_employee = user("t_employee", "hr_bagalau.group_bagalau_employee")
        cls.user_evaluator = user("t_evaluator", "hr_bagalau.group_bagalau_evaluator")
        cls.user_hr = user("t_hr", "hr_bagalau.group_bagalau_hr_officer")
        cls.user_hr_head = user("t_hrhead", "hr_bagalau.group_bagalau_hr_head")
        cls.user_admin = user("t_methodadmin", "hr_bagalau.group_bagalau_admin")
        cls.user_commission = user("t_chair", "hr_bagalau.group_bagalau_commission")
        cls.user_authorised = user("t_head", "hr_bagalau.group_bagalau_authorised")
        cls.user_other_admin = user("t_other_admin", "hr_bagalau.group_bagalau_admin", cls.other_company)
        cls.user_plain = user("t_plain", "base.group_user")

        cls.preset_2018 = cls.env.ref("hr_bagalau.methodology_typical_2018")
        cls.preset_2023 = cls.env.ref("hr_bagalau.methodology_typical_2023")
