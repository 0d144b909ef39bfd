# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AcctFirmCommon


@tagged("post_install", "-at_install")
class TestClientDocument(AcctFirmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_client = cls.env["res.partner"].create(
            {"name": "Other Client AD", "acct_is_firm_client": True, "acct_client_code": "T0009"}
        )
        cls.payroll = cls.env.ref("acct_firm_crm.document_category_payroll")
        cls.statements = cls.env.ref("acct_firm_crm.document_category_financial_statements")
        Document = cls.env["acct.client.document"]
        cls.visible = Document.create(cls._values("Statements 2025", cls.client, cls.statements))
        cls.visible.visible_to_client = True
        cls.hidden = Document.create(cls._values("Payroll 03/2025", cls.client, cls.payroll))
        cls.foreign = Document.create(
            dict(
                cls._values("Other's statements", cls.other_client, cls.statements),
                visible_to_client=True,
            )
        )

    @classmethod
    def _values(cls, name, client, category):
        return {
            "name": name,
            "client_id": client.id,
            "category_id": category.id,
            "year": 2025,
            "file": base64.b64encode(b"%PDF-1.4 test"),
            "file_name": "doc.pdf",
        }

    def test_categories_and_retention_class_follow_the_category(self):
        codes = set(self.env["acct.document.category"].search([]).mapped("code"))
        self.assertLessEqual(
            {
                "financial_statements",
                "profit_loss",
                "balance_sheet",
                "tax_returns",
                "vat_ledgers",
                "payroll",
                "contracts",
                "issued_invoices",
                "bank_statements",
                "other",
            },
            codes,
        )
        self.assertEqual(self.hidden.retention_class, "payroll")
        self.assertEqual(self.visible.retention_class, "registers")

    def test_file_is_an_attachment_bound_to_the_field(self):
        attachment = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "acct.client.document"),
                ("res_id", "=", self.visible.id),
                ("res_field", "=", "file"),
            ]
        )
        self.assertEqual(len(attachment), 1)

    def test_accountant_files_documents_with_tracking(self):
        self.env.cr.precommit.run()  # as if the document had been created earlier
        document = self.hidden.with_user(self.accountant).with_context(
            tracking_disable=False, mail_notrack=False
        )
        document.visible_to_client = True
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = self.hidden.message_ids.sudo().tracking_value_ids
        self.assertEqual(tracked.field_id.name, "visible_to_client")

    def test_portal_user_sees_only_own_visible_documents(self):
        Document = self.env["acct.client.document"].with_user(self.portal_user)
        self.assertEqual(Document.search([]), self.visible)
        with self.assertRaises(AccessError):
            self.hidden.with_user(self.portal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.visible.with_user(self.portal_user).write({"name": "Mine now"})

    def test_employee_outside_the_firm_has_no_access(self):
        with self.assertRaises(AccessError):
            self.env["acct.client.document"].with_user(self.employee).search([])
