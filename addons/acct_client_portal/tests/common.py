# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import os
import zipfile

from odoo.tests import HttpCase, new_test_user
from odoo.tools import config

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def pdf(text):
    """A small PDF whose bytes carry ``text``, so a test can look for it in a body."""
    return PDF + f"% {text}\n".encode()


def xlsx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


class AcctPortalCommon(HttpCase):
    """Two firm clients with portal users, their documents, and the firm's people.

    Client X (Алфа ООД): the owner (granted payroll by name) and a bookkeeper who may only
    upload issued invoices. Client Y (Бета ЕООД): one portal user, the attacker of most
    tests. Every file carries its owner's marker, so a body can be searched for a leak.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        Partner = env["res.partner"]
        cls.accountant = new_test_user(
            env,
            login="acct_portal_accountant",
            name="Accountant",
            groups="acct_firm_crm.group_acct_firm_user",
        )
        cls.ref_category = lambda self_or_cls, code: env.ref(
            f"acct_firm_crm.document_category_{code}"
        )
        cls.cat_balance = env.ref("acct_firm_crm.document_category_balance_sheet")
        cls.cat_invoices = env.ref("acct_firm_crm.document_category_issued_invoices")
        cls.cat_payroll = env.ref("acct_firm_crm.document_category_payroll")
        cls.cat_contracts = env.ref("acct_firm_crm.document_category_contracts")
        cls.client_x = Partner.create(
            {
                "name": "Алфа ООД",
                "is_company": True,
                "acct_is_firm_client": True,
                "acct_client_code": "X0001",
                "acct_accountant_id": cls.accountant.id,
            }
        )
        cls.client_y = Partner.create(
            {
                "name": "Бета ЕООД",
                "is_company": True,
                "acct_is_firm_client": True,
                "acct_client_code": "Y0001",
            }
        )
        cls.owner_x = cls._portal_user("owner_x", "Owner X", cls.client_x)
        cls.bookkeeper_x = cls._portal_user("bookkeeper_x", "Bookkeeper X", cls.client_x)
        cls.user_y = cls._portal_user("user_y", "User Y", cls.client_y)
        Access = env["acct.portal.access"]
        Access.create(
            {
                "client_id": cls.client_x.id,
                "contact_id": cls.owner_x.partner_id.id,
                "category_id": cls.cat_payroll.id,
                "access": "both",
            }
        )
        Access.create(
            [
                {
                    "client_id": cls.client_x.id,
                    "contact_id": cls.bookkeeper_x.partner_id.id,
                    "category_id": category.id,
                    "access": "upload" if category == cls.cat_invoices else "none",
                }
                for category in env["acct.document.category"].search([])
            ]
        )
        cls.year = 2025
        cls.x_balance = cls._document(cls.client_x, cls.cat_balance, "X-BALANCE-2025", 2025)
        cls.x_balance_old = cls._document(cls.client_x, cls.cat_balance, "X-BALANCE-2024", 2024)
        cls.x_payroll = cls._document(cls.client_x, cls.cat_payroll, "X-PAYROLL-2025", 2025)
        cls.x_hidden = cls._document(
            cls.client_x, cls.cat_contracts, "X-HIDDEN-2025", 2025, visible=False
        )
        cls.y_balance = cls._document(cls.client_y, cls.cat_balance, "Y-BALANCE-2025", 2025)
        cls.y_payroll = cls._document(cls.client_y, cls.cat_payroll, "Y-PAYROLL-2025", 2025)

    @classmethod
    def _portal_user(cls, login, name, company):
        partner = cls.env["res.partner"].create({"name": name, "parent_id": company.id})
        return new_test_user(
            cls.env,
            login=login,
            password=login + "_pw",
            groups="base.group_portal",
            partner_id=partner.id,
        )

    @classmethod
    def _document(cls, client, category, marker, year, visible=True):
        return cls.env["acct.client.document"].create(
            {
                "name": marker,
                "client_id": client.id,
                "category_id": category.id,
                "year": year,
                "origin": "firm",
                "visible_to_client": visible,
                "file": base64.b64encode(pdf(marker)),
                "file_name": marker.lower() + ".pdf",
            }
        )

    def login(self, user):
        self.authenticate(user.login, user.login + "_pw")

    def call_kw(self, model, method, args, kwargs=None):
        """A JSON-RPC call as the browser makes it; returns the result or the error."""
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def written_state(self):
        """What an upload may leave behind: attachments, documents, messages, files."""
        env = self.env
        env.invalidate_all()
        filestore = config.filestore(env.cr.dbname)
        files = sum(len(names) for _dir, _sub, names in os.walk(filestore))
        return (
            env["ir.attachment"].sudo().search_count([]),
            env["acct.client.document"].sudo().search_count([]),
            env["mail.message"].sudo().search_count([]),
            files,
        )

    def upload(self, rows, note="", csrf=True):
        """POSTs the upload form: ``rows`` are (file name, bytes, category, year, month)."""
        data = {"note": note}
        if csrf:
            data["csrf_token"] = self.csrf_token()
        files = {}
        for index, (name, content, category, year, month) in enumerate(rows):
            files[f"file_{index}"] = (name, content, "application/pdf")
            data[f"category_{index}"] = str(category.id if hasattr(category, "id") else category)
            data[f"year_{index}"] = str(year)
            data[f"month_{index}"] = str(month or "")
        return self.url_open("/my/accounting/upload", data=data, files=files, allow_redirects=False)

    def csrf_token(self):
        page = self.url_open("/my/accounting/upload")
        marker = 'name="csrf_token" value="'
        start = page.text.index(marker) + len(marker)
        return page.text[start : page.text.index('"', start)]
