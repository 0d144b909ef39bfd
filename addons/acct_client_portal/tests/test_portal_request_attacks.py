# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Requests from the attacker's side (security.md items 1-16 applied to requests): another
client's portal user, a contact without the right, a contact reading a colleague's request,
an accountant of another client. Each attack is refused and shows none of the victim's data.
"""

from odoo.tests import tagged
from odoo.tests.common import JsonRpcException

from .common_requests import AcctRequestCommon

REQUEST_ROUTES = (
    "/my/accounting/requests/{id}",
    "/my/accounting/requests/{id}/files/{file}",
)


@tagged("post_install", "-at_install")
class TestPortalRequestAttacks(AcctRequestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant.groups_id += cls.env.ref("project.group_project_user")
        cls.victim = cls._request(
            cls.bookkeeper_x,
            "X-REQUEST-SUBJECT",
            description="X-REQUEST-DESCRIPTION",
            files=[("x-request.pdf", cls.marked_pdf("X-REQUEST-FILE"))],
        )
        cls._reply(cls.victim, "X-PUBLIC-REPLY", files=[("x-reply.pdf", cls.marked_pdf("X-REPLY"))])
        cls._reply(cls.victim, "X-INTERNAL-NOTE", note=True)
        cls.victim_file = cls.victim.message_ids.attachment_ids.filtered(
            lambda a: a.name == "x-reply.pdf"
        )
        cls.markers = ("X-REQUEST-SUBJECT", "X-REQUEST-DESCRIPTION", "X-PUBLIC-REPLY", "X-REPLY")

    def assertRefused(self, response, markers=None):
        self.assertIn(response.status_code, (303, 400, 403, 404))
        for marker in markers or self.markers:
            self.assertNotIn(marker.encode(), response.content)

    def assertNoRpcAccess(self):
        """Item 2: JSON-RPC reads of the victim's task, messages and files."""
        task_ids = self.call_kw("project.task", "search", [[("id", "=", self.victim.id)]])
        self.assertEqual(task_ids, [])
        with self.assertRaises(JsonRpcException):
            self.call_kw("project.task", "read", [[self.victim.id], ["name"]])
        with self.assertRaises(JsonRpcException):
            self.call_kw(
                "project.task", "web_read", [[self.victim.id]], {"specification": {"name": {}}}
            )
        messages = self.call_kw(
            "mail.message",
            "search_read",
            [[("model", "=", "project.task"), ("res_id", "=", self.victim.id)]],
            {"fields": ["body"]},
        )
        self.assertEqual(messages, [])
        with self.assertRaises(JsonRpcException):
            self.call_kw("ir.attachment", "read", [[self.victim_file.id], ["datas"]])

    def assertRoutesRefused(self):
        """Items 1, 10: every route of the request, by id, without and with a token."""
        self.victim._portal_ensure_token()
        for route in REQUEST_ROUTES:
            url = route.format(id=self.victim.id, file=self.victim_file.id)
            with self.subTest(route=route):
                self.assertRefused(self.url_open(url))
                self.assertRefused(self.url_open(f"{url}?access_token={self.victim.access_token}"))
        response = self.url_open(
            f"/my/accounting/requests/{self.victim.id}/rate",
            data={"rate": "1", "csrf_token": self.form_token()},
        )
        self.assertRefused(response)
        self.assertFalse(self.victim.rating_ids.filtered("consumed"))
        # Item 4: Odoo's own task page and chatter, even with the task's leaked token.
        token = self.victim.access_token
        self.assertRefused(
            self.url_open(f"/my/tasks/{self.victim.id}?access_token={token}", allow_redirects=False)
        )
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/mail/chatter_fetch",
                {"thread_model": "project.task", "thread_id": self.victim.id, "token": token},
            )
        fetched = self.make_jsonrpc_request(
            "/mail/chatter_fetch", {"thread_model": "project.task", "thread_id": self.victim.id}
        )
        self.assertEqual(fetched["data"]["mail.message"], [])
        # Item 3: the reply's file by /web/content, without, with a wrong and with its own token.
        self.victim_file.generate_access_token()
        for query in ("", "?access_token=wrong", f"?access_token={self.victim_file.access_token}"):
            with self.subTest(query=query):
                self.assertRefused(
                    self.url_open(f"/web/content/{self.victim_file.id}{query}"), ["X-REPLY"]
                )

    def assertNoWrites(self):
        """Items 9, 14: following, posting and uploading on the victim's request."""
        partner = self.env.user.partner_id.id
        with self.assertRaises(JsonRpcException):
            self.call_kw(
                "project.task", "message_subscribe", [[self.victim.id]], {"partner_ids": [partner]}
            )
        before = len(self.victim.message_ids)
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/mail/message/post",
                {
                    "thread_model": "project.task",
                    "thread_id": self.victim.id,
                    "post_data": {"body": "ATTACKER", "message_type": "comment"},
                },
            )
        response = self.url_open(
            "/mail/attachment/upload",
            data={
                "thread_model": "project.task",
                "thread_id": str(self.victim.id),
                "csrf_token": self.form_token(),
            },
            files={"ufile": ("attack.pdf", self.marked_pdf("ATTACK"), "application/pdf")},
        )
        self.assertIn(response.status_code, (400, 403, 404))
        self.victim.invalidate_recordset()
        self.assertEqual(len(self.victim.message_ids), before)
        self.assertFalse(self.env["ir.attachment"].sudo().search([("name", "=", "attack.pdf")]))

    def test_another_clients_portal_user(self):
        self.login(self.user_y)
        self.assertRoutesRefused()
        self.assertNoRpcAccess()
        self.assertNoWrites()
        self.assertNotIn("X-REQUEST-SUBJECT", self.url_open("/my/accounting/requests").text)
        refused = self.env["acct.portal.log"].search(
            [("user_id", "=", self.user_y.id), ("event", "=", "request_download")]
        )
        self.assertTrue(refused)
        self.assertEqual(set(refused.mapped("result")), {"refused"})

    def test_a_contact_without_the_right_to_ask(self):
        own = self._request(self.clerk_x, "CLERK-OLD-REQUEST")  # made before the right was taken
        self.login(self.clerk_x)
        for url in (
            "/my/accounting/requests",
            "/my/accounting/requests/new",
            f"/my/accounting/requests/{own.id}",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertRefused(response, ["CLERK-OLD-REQUEST", *self.markers])
                # the same refusal as the other "My accounting" pages the firm has not opened
                self.assertEqual(response.status_code, 403)
                self.assertIn("Not available to you", response.text)
        self.assertEqual(self.call_kw("project.task", "search", [[("id", "=", own.id)]]), [])
        self.assertNoRpcAccess()

    def test_taking_the_right_away_closes_the_requests_at_once(self):
        own = self._request(self.colleague_x, "COLLEAGUE-REQUEST")
        self.login(self.colleague_x)
        self.assertEqual(self.call_kw("project.task", "search", [[("id", "=", own.id)]]), [own.id])
        # The record rules' cached domains follow the contact's flag, and the client's.
        self.colleague_x.partner_id.acct_portal_requests = False
        self.assertEqual(self.call_kw("project.task", "search", [[("id", "=", own.id)]]), [])
        self.assertRefused(
            self.url_open(f"/my/accounting/requests/{own.id}"), ["COLLEAGUE-REQUEST"]
        )
        self.colleague_x.partner_id.acct_portal_requests = True
        self.assertEqual(self.call_kw("project.task", "search", [[("id", "=", own.id)]]), [own.id])
        self.client_x.acct_portal_requests = False
        self.assertEqual(self.call_kw("project.task", "search", [[("id", "=", own.id)]]), [])

    def test_a_contact_does_not_see_a_colleagues_request(self):
        self.login(self.colleague_x)
        self.assertRoutesRefused()
        self.assertNoRpcAccess()
        self.assertNoWrites()
        self.assertNotIn("X-REQUEST-SUBJECT", self.url_open("/my/accounting/requests").text)
        # The owner sees every request of the client.
        self.login(self.owner_x)
        self.assertIn("X-REQUEST-SUBJECT", self.url_open("/my/accounting/requests").text)
        self.assertIn(
            "X-PUBLIC-REPLY",
            str(
                self.make_jsonrpc_request(
                    "/mail/chatter_fetch",
                    {"thread_model": "project.task", "thread_id": self.victim.id},
                )
            ),
        )

    def test_the_requesters_own_view_holds_no_internal_note(self):
        self.login(self.bookkeeper_x)
        fetched = str(
            self.make_jsonrpc_request(
                "/mail/chatter_fetch", {"thread_model": "project.task", "thread_id": self.victim.id}
            )
        )
        self.assertIn("X-PUBLIC-REPLY", fetched)
        self.assertNotIn("X-INTERNAL-NOTE", fetched)
        # Item 6: no timesheet line of the request is readable (who worked on it, when).
        timesheet = self.env["account.analytic.line"].create(
            {
                "name": "X-TIMESHEET-LINE",
                "project_id": self.victim.project_id.id,
                "task_id": self.victim.id,
                "unit_amount": 1.5,
                "employee_id": self.env["hr.employee"].create({"name": "Worker"}).id,
            }
        )
        try:
            lines = self.call_kw(
                "account.analytic.line",
                "search_read",
                [[("task_id", "=", self.victim.id)]],
                {"fields": ["name"]},
            )
        except JsonRpcException:
            lines = []
        self.assertEqual(lines, [])
        page = self.url_open(f"/my/accounting/requests/{self.victim.id}").text
        self.assertNotIn(timesheet.name, page)

    def test_an_accountant_of_another_client(self):
        self.authenticate("acct_portal_accountant_y", "acct_portal_accountant_y_pw")
        self.assertEqual(
            self.call_kw("project.task", "search", [[("id", "=", self.victim.id)]]), []
        )
        with self.assertRaises(JsonRpcException):
            self.call_kw("project.task", "read", [[self.victim.id], ["name"]])
        with self.assertRaises(JsonRpcException):
            self.call_kw("ir.attachment", "read", [[self.victim_file.id], ["datas"]])
        self.assertEqual(
            self.call_kw(
                "mail.message",
                "search_read",
                [[("model", "=", "project.task"), ("res_id", "=", self.victim.id)]],
                {"fields": ["body"]},
            ),
            [],
        )
        # Its own client's requests stay in reach.
        own = self._request(self.user_y, "Y-REQUEST")
        self.assertEqual(self.call_kw("project.task", "search", [[("id", "=", own.id)]]), [own.id])

    def test_uploads_in_the_conversation_pass_the_upload_checks(self):
        """Items 11-13 in the request's conversation: the requester's own files."""
        self.login(self.bookkeeper_x)
        token = self.form_token()
        for name, content in (
            ("setup.pdf", b"MZ\x90\x00" + b"\x00" * 64),
            ("page.pdf", b"<html><script>alert(1)</script></html>"),
            ("invoice.pdf.exe", self.marked_pdf("DOUBLE")),
        ):
            with self.subTest(name=name):
                response = self.url_open(
                    "/mail/attachment/upload",
                    data={
                        "thread_model": "project.task",
                        "thread_id": str(self.victim.id),
                        "is_pending": "true",
                        "csrf_token": token,
                    },
                    files={"ufile": (name, content, "application/pdf")},
                )
                self.assertEqual(response.status_code, 400)
                self.assertFalse(self.env["ir.attachment"].sudo().search([("name", "=", name)]))
        response = self.url_open(
            "/mail/attachment/upload",
            data={
                "thread_model": "project.task",
                "thread_id": str(self.victim.id),
                "is_pending": "true",
                "csrf_token": token,
            },
            files={"ufile": ("fine.pdf", self.marked_pdf("FINE"), "application/pdf")},
        )
        self.assertEqual(response.status_code, 200)
        refused = self.env["acct.portal.log"].search(
            [("event", "=", "request_upload"), ("result", "=", "refused")]
        )
        self.assertEqual(len(refused), 3)

    def test_a_request_over_the_size_limit_writes_nothing(self):
        self.env.company.acct_portal_batch_limit_mb = 1
        self.login(self.bookkeeper_x)
        before = self.written_state()
        big = self.marked_pdf("BIG") + b"0" * (2 * 1024 * 1024)
        response = self.post_request(self.kind_certificate, "Big", files=[("big.pdf", big)])
        self.assertEqual(response.status_code, 400)
        self.assertIn("over the limit", response.text)
        self.assertEqual(self.written_state()[:3], before[:3])
