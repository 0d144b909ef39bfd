# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import ast

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import AcctFirmCommon


@tagged("post_install", "-at_install")
class TestFirmClient(AcctFirmCommon):
    def test_client_code_is_unique(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["res.partner"].create(
                {"name": "Copycat", "acct_is_firm_client": True, "acct_client_code": "T0001"}
            )

    def test_firm_client_needs_a_code(self):
        with self.assertRaisesRegex(ValidationError, "needs a client code"):
            self.env["res.partner"].create({"name": "No Code", "acct_is_firm_client": True})

    def test_contact_person_cannot_be_a_firm_client(self):
        contact = self.client.child_ids[:1]
        self.assertEqual(contact.name, "Client Owner")
        with self.assertRaisesRegex(ValidationError, "mark the company"), self.env.cr.savepoint():
            contact.write({"acct_is_firm_client": True, "acct_client_code": "T0002"})
        contact.invalidate_recordset()
        self.assertFalse(contact.acct_is_firm_client, "a refused write changes nothing")

    def test_clients_menu_by_group(self):
        menu = self.env.ref("acct_firm_crm.menu_acct_firm_root")
        config = self.env.ref("acct_firm_crm.menu_acct_firm_config")
        visible = self.env["ir.ui.menu"].with_user(self.accountant)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        self.assertNotIn(config.id, visible, "configuration is for managers")
        visible = self.env["ir.ui.menu"].with_user(self.manager)._visible_menu_ids()
        self.assertIn(config.id, visible)
        visible = self.env["ir.ui.menu"].with_user(self.employee)._visible_menu_ids()
        self.assertNotIn(menu.id, visible, "an employee outside the firm groups sees no app")

    def test_portal_user_is_never_internal(self):
        self.assertTrue(self.portal_user._is_portal())
        self.assertFalse(self.portal_user.has_group("acct_firm_crm.group_acct_firm_user"))

    def test_clients_action_lists_only_firm_clients(self):
        action = self.env.ref("acct_firm_crm.action_acct_firm_clients")
        clients = (
            self.env["res.partner"]
            .with_user(self.accountant)
            .search(ast.literal_eval(action.domain))
        )
        self.assertIn(self.client, clients)
        self.assertNotIn(self.client.child_ids, clients)
