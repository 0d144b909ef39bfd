# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import AcctFirmCommon


@tagged("post_install", "-at_install")
class TestClientDeletion(AcctFirmCommon):
    def _new_client(self, code):
        return self.env["res.partner"].create(
            {"name": f"Client {code}", "acct_is_firm_client": True, "acct_client_code": code}
        )

    def test_client_without_registers_can_be_deleted(self):
        client = self._new_client("D0001")
        client.unlink()
        self.assertFalse(client.exists())

    def test_client_with_registers_can_only_be_archived(self):
        category = self.env.ref("acct_firm_crm.document_category_other")
        registers = {
            "acct.client.document": lambda c: {
                "name": "Doc",
                "client_id": c.id,
                "category_id": category.id,
                "file": "dGVzdA==",
            },
            "acct.handover.protocol": lambda c: {"client_id": c.id},
            "acct.power.attorney": lambda c: {"principal_id": c.id},
            "acct.archive.folder": lambda c: {"client_id": c.id},
        }
        for index, (model, values) in enumerate(registers.items()):
            with self.subTest(model=model):
                client = self._new_client(f"D01{index}")
                self.env[model].create(values(client))
                with self.assertRaisesRegex(UserError, "Archive the client instead"):
                    client.unlink()
                self.assertTrue(client.exists())
                client.action_archive()
                self.assertFalse(client.active)

    def test_register_counts_and_buttons_on_the_client(self):
        client = self._new_client("D0200")
        self.env["acct.archive.folder"].create([{"client_id": client.id} for _i in range(2)])
        self.env["acct.handover.protocol"].create({"client_id": client.id})
        clients = (client | self.client).with_user(self.accountant)
        self.assertEqual(
            [(c.acct_archive_folder_count, c.acct_protocol_count) for c in clients],
            [(2, 1), (0, 0)],
        )
        # The counts of a list cost the same number of queries for 2 clients or 7.
        more = clients | self.env["res.partner"].create(
            [{"name": f"Extra {i}"} for i in range(5)]
        ).with_user(self.accountant)
        queries = []
        for partners in (clients, more):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            partners.mapped("acct_document_count")
            queries.append(self.env.cr.sql_log_count - before)
        self.assertEqual(queries[0], queries[1])
        action = (
            client.with_user(self.accountant)
            .with_context(acct_register="acct.archive.folder")
            .action_acct_open_register()
        )
        self.assertEqual(action["res_model"], "acct.archive.folder")
        self.assertEqual(len(self.env["acct.archive.folder"].search(action["domain"])), 2)
