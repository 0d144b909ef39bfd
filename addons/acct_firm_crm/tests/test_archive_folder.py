# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import AcctFirmCommon


@tagged("post_install", "-at_install")
class TestArchiveFolder(AcctFirmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Location = cls.env["acct.archive.location"]
        cls.room = Location.create({"name": "Room 2", "kind": "room"})
        cls.cabinet = Location.create(
            {"name": "Cabinet B", "kind": "cabinet", "parent_id": cls.room.id}
        )
        cls.shelf = Location.create(
            {"name": "Shelf 3", "kind": "shelf", "parent_id": cls.cabinet.id}
        )
        cls.payroll = cls.env.ref("acct_firm_crm.document_category_payroll")
        cls.contracts = cls.env.ref("acct_firm_crm.document_category_contracts")
        cls.statements = cls.env.ref("acct_firm_crm.document_category_financial_statements")

    def _folder(self, **values):
        return (
            self.env["acct.archive.folder"]
            .with_user(self.accountant)
            .create(
                {
                    "client_id": self.client.id,
                    "year_from": 2019,
                    "year_to": 2020,
                    "location_id": self.shelf.id,
                    **values,
                }
            )
        )

    def test_location_hierarchy(self):
        self.assertEqual(self.shelf.complete_name, "Room 2 / Cabinet B / Shelf 3")
        self.room.name = "Room 1"
        self.assertEqual(self.shelf.complete_name, "Room 1 / Cabinet B / Shelf 3")
        with self.assertRaises(UserError):
            self.room.parent_id = self.shelf
        with self.assertRaises(AccessError):
            self.env["acct.archive.location"].with_user(self.accountant).create({"name": "X"})

    def test_retention_end_from_the_content(self):
        folder = self._folder(category_ids=[(6, 0, self.contracts.ids)])
        self.assertEqual(folder.retention_end, datetime.date(2025, 12, 31))
        folder.category_ids |= self.statements
        self.assertEqual(folder.retention_end, datetime.date(2030, 12, 31))
        # A protocol line of payroll shelved in the folder makes it a 50-year folder.
        protocol = self.env["acct.handover.protocol"].create(
            {
                "client_id": self.client.id,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "category_id": self.payroll.id,
                            "period_year": 2021,
                            "period_month": "12",
                            "count": 1,
                            "archive_folder_id": folder.id,
                        },
                    )
                ],
            }
        )
        self.assertEqual(folder.protocol_line_ids, protocol.line_ids)
        self.assertEqual(folder.retention_end, datetime.date(2071, 12, 31))

    def test_destruction_refused_before_retention_end_and_logged_after(self):
        folder = self._folder(category_ids=[(6, 0, self.statements.ids)])
        with freeze_time("2030-12-31"):
            with self.assertRaisesRegex(UserError, "must be kept until"):
                folder.action_destroy()
            self.assertEqual(folder.state, "archived")
        with freeze_time("2031-01-01"):
            folder.action_destroy()
        self.assertEqual(folder.state, "destroyed")
        self.assertEqual(folder.destroyed_on, datetime.date(2031, 1, 1))
        self.assertIn("Destroyed on", folder.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "not possible"):
            folder.action_lend()

    def test_lending_and_return(self):
        folder = self._folder()
        with self.assertRaisesRegex(UserError, "to whom"):
            folder._lend(self.manager.partner_id, False)
        action = folder.action_lend()
        form = Form(self.env[action["res_model"]].with_context(**action["context"]))
        form.lent_to_id = self.manager.partner_id
        form.due_back = datetime.date(2026, 5, 1)
        form.save().action_lend()
        self.assertEqual(folder.state, "lent")
        self.assertEqual(folder.lent_to_id, self.manager.partner_id)
        with self.assertRaisesRegex(UserError, "not possible"):
            folder.action_destroy()
        folder.action_back_in_archive()
        self.assertEqual(folder.state, "archived")
        self.assertFalse(folder.lent_to_id)
        folder.action_return_to_client()
        self.assertEqual(folder.state, "returned")

    def test_code_from_sequence_and_found_by_code(self):
        folder = self._folder(name="Purchase invoices")
        other = self._folder()
        self.assertTrue(folder.code.startswith("AF-"))
        Folder = self.env["acct.archive.folder"].with_user(self.accountant)
        self.assertEqual(Folder.name_search(folder.code), [(folder.id, folder.display_name)])
        self.assertNotIn(other.id, [rid for rid, _name in Folder.name_search(folder.code)])
        self.assertIn(folder.code, folder.display_name)

    def test_never_deleted(self):
        folder = self._folder()
        for user in (self.accountant, self.manager):
            with self.assertRaisesRegex(UserError, "not deleted"):
                folder.with_user(user).unlink()

    def test_label_has_a_qr_code_of_the_code(self):
        folder = self._folder()
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "acct_firm_crm.action_report_acct_archive_folder_label", folder.ids
        )
        self.assertIn(f"/report/barcode/QR/{folder.code}", html.decode())

    def test_portal_and_outsiders_have_no_access(self):
        folder = self._folder()
        for user in (self.portal_user, self.employee):
            with self.assertRaises(AccessError):
                folder.with_user(user).read(["code"])
