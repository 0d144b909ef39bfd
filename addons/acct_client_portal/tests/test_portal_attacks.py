# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The portal from the attacker's side: another client's portal user, a contact without a
category, a deleted or hidden document, a token, a forged JSON-RPC call, an archived user.
Each attack is refused and the body holds none of the victim's data."""

import contextlib
import xmlrpc.client

from odoo.tests import get_db_name, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .common import PDF, AcctPortalCommon

ROUTES = (
    "/my/accounting/documents/{id}/download",
    "/my/accounting/documents/{id}/preview",
)


@tagged("post_install", "-at_install")
class TestPortalAttacks(AcctPortalCommon):
    def assertRefused(self, response, *markers):
        self.assertIn(response.status_code, (403, 404))
        for marker in markers:
            self.assertNotIn(marker.encode(), response.content)

    def test_routes_refuse_another_clients_documents(self):
        self.login(self.user_y)
        for route in ROUTES:
            for document, marker in (
                (self.x_balance, "X-BALANCE"),
                (self.x_payroll, "X-PAYROLL"),
            ):
                with self.subTest(route=route, marker=marker):
                    url = route.format(id=document.id)
                    self.assertRefused(self.url_open(url), marker)
                    # A token of any kind opens nothing.
                    self.assertRefused(self.url_open(url + "?access_token=x"), marker)
        self.assertNotIn("X-BALANCE", self.url_open("/my/accounting/documents").text)
        self.assertNotIn("X-BALANCE", self.url_open("/my/accounting/documents?year=2024").text)
        refusals = self.env["acct.portal.log"].search(
            [("user_id", "=", self.user_y.id), ("result", "=", "refused")]
        )
        self.assertEqual(len(refusals), 8)

    def test_hidden_deleted_and_unknown_documents_are_refused(self):
        self.login(self.owner_x)
        deleted = self._document(self.client_x, self.cat_balance, "X-DELETED", 2025)
        deleted_id = deleted.id
        deleted.unlink()
        for document_id, marker in (
            (self.x_hidden.id, "X-HIDDEN"),
            (deleted_id, "X-DELETED"),
            (0, "X-BALANCE"),
            (2**31 - 1, "X-BALANCE"),
        ):
            for route in ROUTES:
                with self.subTest(route=route, document_id=document_id):
                    self.assertRefused(self.url_open(route.format(id=document_id)), marker)

    def test_a_contact_without_the_category_gets_nothing_of_it(self):
        self.login(self.bookkeeper_x)
        page = self.url_open("/my/accounting/documents").text
        self.assertNotIn("X-PAYROLL", page)
        self.assertNotIn("X-BALANCE", page)
        for route in ROUTES:
            self.assertRefused(self.url_open(route.format(id=self.x_payroll.id)), "X-PAYROLL")
        self.assertEqual(
            self.call_kw("acct.client.document", "search_read", [[]], {"fields": ["name"]}),
            [],
        )

    def test_restricted_category_needs_a_grant_by_name(self):
        # Client Y's user is a contact without a payroll grant: payroll stays closed.
        self.login(self.user_y)
        self.assertRefused(
            self.url_open(f"/my/accounting/documents/{self.y_payroll.id}/download"), "Y-PAYROLL"
        )
        self.assertIn("Y-BALANCE", self.url_open("/my/accounting/documents").text)
        self.env["acct.portal.access"].create(
            {
                "client_id": self.client_y.id,
                "contact_id": self.user_y.partner_id.id,
                "category_id": self.cat_payroll.id,
                "access": "download",
            }
        )
        response = self.url_open(f"/my/accounting/documents/{self.y_payroll.id}/download")
        self.assertIn(b"Y-PAYROLL", response.content)
        # The firm closes it for the whole client: the contact's grant cannot exceed that.
        self.client_y.action_acct_portal_reset_access()
        self.env["acct.portal.access"].search(
            [("client_id", "=", self.client_y.id), ("category_id", "=", self.cat_balance.id)]
        ).access = "none"
        self.assertRefused(
            self.url_open(f"/my/accounting/documents/{self.y_balance.id}/download"), "Y-BALANCE"
        )

    def test_json_rpc_reads_nothing_of_another_client(self):
        self.login(self.user_y)
        x_ids = [self.x_balance.id, self.x_payroll.id, self.x_hidden.id]
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "acct.client.document"),
                    ("res_id", "in", x_ids),
                    ("res_field", "=", "file"),
                ]
            )
        )
        self.assertTrue(attachments)
        self.assertEqual(
            self.call_kw(
                "acct.client.document", "search_read", [[("id", "in", x_ids)]], {"fields": ["name"]}
            ),
            [],
        )
        self.assertEqual(
            self.call_kw("acct.client.document", "name_search", [], {"name": "X-"}), []
        )
        groups = self.call_kw(
            "acct.client.document",
            "read_group",
            [[], ["year"], ["year"]],
        )
        self.assertNotIn(2024, [group["year"] for group in groups])
        for model, method, args, kwargs in (
            ("acct.client.document", "read", [x_ids, ["name", "file"]], {}),
            ("acct.client.document", "web_read", [x_ids], {"specification": {"name": {}}}),
            ("acct.client.document", "write", [x_ids, {"name": "pwned"}], {}),
            ("acct.client.document", "unlink", [x_ids], {}),
            (
                "acct.client.document",
                "create",
                [
                    {
                        "name": "planted",
                        "client_id": self.client_x.id,
                        "category_id": self.cat_balance.id,
                        "file": "JVBERi0=",
                    }
                ],
                {},
            ),
            ("ir.attachment", "read", [attachments.ids, ["datas", "name"]], {}),
            ("ir.attachment", "search_read", [[("id", "in", attachments.ids)]], {}),
            ("acct.portal.access", "write", [[1], {"access": "both"}], {}),
            ("acct.portal.log", "unlink", [[1]], {}),
        ):
            with self.subTest(model=model, method=method):
                with self.assertRaises(JsonRpcException) as refused:
                    self.call_kw(model, method, args, kwargs)
                self.assertNotIn("X-BALANCE", str(refused.exception))
        # Following another client's record gives nothing of its messages.
        with contextlib.suppress(JsonRpcException):  # a refusal is as good as a no-op
            self.call_kw("res.partner", "message_subscribe", [[self.client_x.id]])
        self.assertNotIn(self.user_y.partner_id, self.client_x.message_partner_ids)
        self.assertFalse(
            self.call_kw(
                "mail.message",
                "search_read",
                [[("model", "=", "res.partner"), ("res_id", "=", self.client_x.id)]],
                {"fields": ["body"]},
            )
        )
        self.env.invalidate_all()
        self.assertEqual(self.x_balance.name, "X-BALANCE-2025")
        self.assertFalse(self.env["acct.client.document"].search([("name", "=", "planted")]))
        for model in ("acct.portal.log", "acct.portal.access", "acct.upload.request"):
            rows = self.call_kw(model, "search_read", [[]], {"fields": ["client_id"]})
            self.assertEqual(
                {row["client_id"][0] for row in rows if row["client_id"]} - {self.client_y.id},
                set(),
            )

    def test_web_content_serves_no_client_document_to_a_portal_user(self):
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "acct.client.document"),
                    ("res_id", "=", self.x_balance.id),
                    ("res_field", "=", "file"),
                ]
            )
        )
        for user in (self.user_y, self.owner_x):
            self.login(user)
            for url in (
                f"/web/content/acct.client.document/{self.x_balance.id}/file",
                f"/web/content/{attachment.id}",
                f"/web/content/{attachment.id}?access_token=anything",
                f"/web/image/acct.client.document/{self.x_balance.id}/file",
            ):
                with self.subTest(user=user.login, url=url):
                    response = self.url_open(url)
                    self.assertNotIn(b"X-BALANCE", response.content)
                    if url.startswith("/web/image"):
                        # /web/image answers a refusal with its placeholder picture.
                        self.assertTrue(response.headers["Content-Type"].startswith("image/"))
                    else:
                        self.assertIn(response.status_code, (403, 404))

    def test_upload_cannot_target_another_client(self):
        self.login(self.user_y)
        before = self.written_state()
        response = self.url_open(
            "/my/accounting/upload",
            data={
                "csrf_token": self.csrf_token(),
                "client_id": str(self.client_x.id),
                "category_0": str(self.cat_balance.id),
                "year_0": "2026",
            },
            files={"file_0": ("a.pdf", PDF, "application/pdf")},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.written_state()[1], before[1] + 1)
        document = self.env["acct.client.document"].search([], order="id desc", limit=1)
        self.assertEqual(document.client_id, self.client_y, "the form cannot pick the client")

    def test_non_client_and_anonymous_get_no_accounting_area(self):
        outsider_company = self.env["res.partner"].create(
            {"name": "Not A Client Ltd", "is_company": True}
        )
        outsider = self._portal_user("outsider", "Outsider", outsider_company)
        self.login(outsider)
        for url in (
            "/my/accounting",
            "/my/accounting/documents",
            "/my/accounting/upload",
            "/my/accounting/log",
            f"/my/accounting/documents/{self.x_balance.id}/download",
            "/my/accounting/documents/year/2025.zip",
        ):
            with self.subTest(url=url):
                self.assertRefused(self.url_open(url), "X-BALANCE")
        self.authenticate(None, None)
        response = self.url_open("/my/accounting/documents", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])

    def test_an_archived_portal_user_is_logged_out(self):
        self.login(self.owner_x)
        self.assertEqual(self.url_open("/my/accounting/documents").status_code, 200)
        self.owner_x.active = False
        response = self.url_open(
            f"/my/accounting/documents/{self.x_balance.id}/download", allow_redirects=False
        )
        self.assertNotIn(b"X-BALANCE", response.content)
        self.assertNotEqual(response.status_code, 200)

    def test_the_audit_log_cannot_be_changed_even_by_the_firm(self):
        self.login(self.owner_x)
        self.url_open(f"/my/accounting/documents/{self.x_balance.id}/download")
        row = self.env["acct.portal.log"].search([], limit=1)
        manager = self.env.ref("base.user_admin")
        manager.password = "admin_pw_test"
        self.authenticate(manager.login, "admin_pw_test")
        for method, args in (("write", [row.ids, {"result": "refused"}]), ("unlink", [row.ids])):
            with self.subTest(method=method), self.assertRaises(JsonRpcException):
                self.call_kw("acct.portal.log", method, args)
        self.assertTrue(row.exists())
        self.assertEqual(row.result, "done")

    def test_internal_and_portal_groups_stay_apart(self):
        self.assertTrue(self.owner_x._is_portal())
        self.assertFalse(self.owner_x.has_group("base.group_user"))
        self.login(self.owner_x)
        with self.assertRaises(JsonRpcException):
            self.call_kw(
                "res.users",
                "write",
                [[self.owner_x.id], {"groups_id": [(4, self.env.ref("base.group_user").id)]}],
            )
        self.assertFalse(self.owner_x.has_group("base.group_user"))

    def test_a_portal_login_needs_a_second_factor_when_the_firm_requires_it(self):
        self.env["ir.config_parameter"].sudo().set_param("auth_totp.policy", "all_required")
        self.authenticate(None, None)
        page = self.url_open("/web/login").text
        marker = 'name="csrf_token" value="'
        start = page.index(marker) + len(marker)
        response = self.url_open(
            "/web/login",
            data={
                "login": self.owner_x.login,
                "password": self.owner_x.login + "_pw",
                "csrf_token": page[start : page.index('"', start)],
            },
            allow_redirects=False,
        )
        self.assertIn("/web/login/totp", response.headers.get("Location", ""))
        # Half logged in, the documents are still out of reach: back to the login page.
        response = self.url_open(
            f"/my/accounting/documents/{self.x_balance.id}/download", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])
        self.assertNotIn(b"X-BALANCE", response.content)
        # Nor does XML-RPC with the password get in.
        uid = self.owner_x.id
        with self.assertRaises(xmlrpc.client.Fault):
            self.xmlrpc_object.execute_kw(
                get_db_name(), uid, self.owner_x.login + "_pw", "res.users", "read", [uid]
            )

    def test_an_own_clients_accountant_reads_no_portal_rows_of_another_client(self):
        self.login(self.owner_x)
        self.url_open(f"/my/accounting/documents/{self.x_balance.id}/download")
        self.env["acct.upload.request"].create(
            {
                "name": "Y's statements",
                "client_id": self.client_y.id,
                "category_id": self.cat_balance.id,
            }
        )
        other = new_test_user(
            self.env,
            login="acct_other_accountant",
            password="acct_other_accountant_pw",
            groups="acct_firm_crm.group_acct_firm_user",
        )
        self.client_y.sudo().acct_accountant_id = other
        self.authenticate(other.login, other.login + "_pw")
        for model in ("acct.portal.log", "acct.upload.request", "acct.portal.access"):
            with self.subTest(model=model):
                rows = self.call_kw(model, "search_read", [[]], {"fields": ["client_id"]})
                self.assertFalse([row for row in rows if row["client_id"][0] == self.client_x.id])
        self.assertTrue(
            self.call_kw("acct.upload.request", "search_read", [[]], {"fields": ["name"]})
        )
