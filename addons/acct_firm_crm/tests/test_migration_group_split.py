# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The 18.0.1.4.0 upgrade: the accountants of the former single "User" group keep every
client ("User: all clients"); on a database that already has both levels nothing changes."""

from odoo.modules.migration import load_script
from odoo.tests import TransactionCase, new_test_user, tagged

SCRIPTS = "acct_firm_crm/migrations/18.0.1.4.0/%s-migrate.py"


@tagged("post_install", "-at_install")
class TestGroupSplitMigration(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pre = load_script(SCRIPTS % "pre", "acct_firm_crm_pre_18_0_1_4_0")
        cls.post = load_script(SCRIPTS % "post", "acct_firm_crm_post_18_0_1_4_0")
        cls.all_clients = cls.env.ref("acct_firm_crm.group_acct_firm_all_clients")
        cls.accountant = new_test_user(
            cls.env,
            login="acct_pre_split_user",
            name="Accountant Of The Single User Group",
            groups="acct_firm_crm.group_acct_firm_user",
        )

    def _upgrade(self, pre_split):
        cr = self.env.cr
        self.env.flush_all()
        if pre_split:
            # Before the split the "all clients" group did not exist: hide its external id
            # while the pre-migration looks (the transaction is rolled back after the test).
            cr.execute(
                "UPDATE ir_model_data SET name = 'pre_split_hidden' WHERE module = "
                "'acct_firm_crm' AND name = 'group_acct_firm_all_clients'"
            )
        self.pre.migrate(cr, "18.0.1.1.0")
        if pre_split:
            cr.execute(
                "UPDATE ir_model_data SET name = 'group_acct_firm_all_clients' WHERE module = "
                "'acct_firm_crm' AND name = 'pre_split_hidden'"
            )
        self.env.registry.clear_cache()
        self.post.migrate(cr, "18.0.1.1.0")
        self.env.invalidate_all()

    def test_former_users_keep_every_client(self):
        self.assertNotIn(self.all_clients, self.accountant.groups_id)
        self._upgrade(pre_split=True)
        self.assertIn(self.all_clients, self.accountant.groups_id)
        self.assertFalse(
            self.env["ir.config_parameter"].search(
                [("key", "=", "acct_firm_crm.pre_split_user_ids")]
            ),
            "the list of users is not left behind",
        )

    def test_a_database_already_split_keeps_its_choices(self):
        self._upgrade(pre_split=False)
        self.assertNotIn(self.all_clients, self.accountant.groups_id)
