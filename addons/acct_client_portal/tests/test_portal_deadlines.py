# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.tests import tagged
from odoo.tests.common import JsonRpcException

from .client_data_common import AcctClientDataCommon


@tagged("post_install", "-at_install")
class TestPortalDeadlines(AcctClientDataCommon):
    """/my/accounting/deadlines and /my/accounting/authorisations, and the statutory tasks
    and powers of attorney behind them, from the client's and the attacker's side."""

    # ------------------------------------------------------------------ the pages

    def test_owner_sees_own_deadlines_with_status_and_upload_link(self):
        self.login(self.owner_x)
        page = self.url_open("/my/accounting/deadlines")
        self.assertEqual(page.status_code, 200)
        for text in ("2099-01", "2098-12", "2097", "Late", "Planned", "Done"):
            self.assertIn(text, page.text)
        # The firm waits for issued invoices of January 2099: the row links to the upload
        # form with the category and the period chosen.
        self.assertIn(
            f"/my/accounting/upload?category={self.cat_invoices.id}&amp;year=2099&amp;month=1",
            page.text,
        )
        for secret in ("X-TASK-NOTE", "X-LATE-NOTE", "Y-TASK-NOTE"):
            self.assertNotIn(secret, page.text)
        upload = self.url_open(
            f"/my/accounting/upload?category={self.cat_invoices.id}&year=2099&month=1"
        )
        self.assertIn(f'value="{self.cat_invoices.id}" selected', upload.text)

    def test_owner_sees_authorisations_with_days_left_and_warning(self):
        self.login(self.owner_x)
        page = self.url_open("/my/accounting/authorisations")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.x_authorisation.name, page.text)
        self.assertIn(self.x_authorisation_long.name, page.text)
        self.assertNotIn(self.y_authorisation.name, page.text)
        # One warning: the authorisation that ends in 20 days, not the one in 400.
        self.assertEqual(page.text.count("o_acct_authorisation_warning"), 1)
        self.assertIn("<strong>20</strong>", page.text)

    def test_contact_without_the_right_is_refused(self):
        self.login(self.bookkeeper_x)
        for url in ("/my/accounting/deadlines", "/my/accounting/authorisations"):
            page = self.url_open(url)
            self.assertEqual(page.status_code, 403, url)
            self.assertNotIn("2099-01", page.text)
            self.assertNotIn(self.x_authorisation.name, page.text)
        # Nor through JSON-RPC.
        for model in ("project.task", "acct.power.attorney"):
            result = self.call_kw(
                model,
                "search_read",
                [[]],
                {"fields": ["display_name"], "context": {"acct_portal_statutory": True}},
            )
            self.assertEqual(result, [], model)

    def test_client_without_the_feature_is_refused(self):
        self.client_x.acct_portal_deadlines = False
        self.login(self.owner_x)
        self.assertEqual(self.url_open("/my/accounting/deadlines").status_code, 403)

    def test_home_counters(self):
        self.login(self.owner_x)
        page = self.url_open("/my/accounting")
        self.assertIn("o_acct_card_deadlines", page.text)
        home = self.url_open("/my")
        # One open deadline in 14 days, one document asked on a task, one authorisation
        # ending within 60 days.
        self.assertIn("1 deadlines in the next 14 days", home.text)
        self.assertIn("1 documents waiting for you", home.text)
        self.assertIn("1 authorisations ending within 60 days", home.text)
        self.login(self.bookkeeper_x)
        self.assertNotIn("deadlines in the next 14 days", self.url_open("/my").text)

    # ------------------------------------------------------------------ attacks (1, 2)

    def test_other_client_reaches_nothing_by_route(self):
        self.login(self.user_y)
        page = self.url_open("/my/accounting/deadlines")
        self.assertNotIn("2098-12", page.text)
        self.assertNotIn(
            self.x_authorisation.name, self.url_open("/my/accounting/authorisations").text
        )
        # Odoo's own task pages never show a statutory task, even the client's own (they
        # would show its description and time).
        for user in (self.user_y, self.owner_x):
            self.login(user)
            for task in (self.x_task_soon, self.y_task):
                page = self.url_open(f"/my/tasks/{task.id}", allow_redirects=False)
                self.assertNotEqual(page.status_code, 200)
                self.assertNotIn("_NOTE", page.text)
            self.assertNotIn("2099-01", self.url_open("/my/tasks").text)

    def test_other_client_reaches_nothing_by_rpc(self):
        self.login(self.user_y)
        context = {"acct_portal_statutory": True}
        found = self.call_kw(
            "project.task",
            "search_read",
            [[]],
            {"fields": ["acct_period_code"], "context": context},
        )
        self.assertEqual([row["id"] for row in found], [self.y_task.id])
        for model, record in (
            ("project.task", self.x_task_soon),
            ("acct.power.attorney", self.x_authorisation),
        ):
            with self.assertRaises(JsonRpcException, msg=model):
                self.call_kw(model, "read", [record.ids, ["display_name"]])
            with self.assertRaises(JsonRpcException, msg=model):
                self.call_kw(
                    model, "web_read", [record.ids], {"specification": {"display_name": {}}}
                )
        authorisations = self.call_kw(
            "acct.power.attorney", "search_read", [[]], {"fields": ["name"]}
        )
        self.assertEqual([row["id"] for row in authorisations], [self.y_authorisation.id])
        for method, args in (
            ("write", [self.x_task_soon.ids, {"name": "hacked"}]),
            ("unlink", [self.x_task_soon.ids]),
        ):
            with self.assertRaises(JsonRpcException):
                self.call_kw("project.task", method, args)
        with self.assertRaises(JsonRpcException):
            self.call_kw(
                "acct.power.attorney", "write", [self.y_authorisation.ids, {"scope": "partial"}]
            )
        self.assertEqual(self.x_task_soon.name, f"{self.vat.name} 2099-01")

    def test_own_statutory_task_gives_only_its_statutory_fields(self):
        self.login(self.owner_x)
        context = {"acct_portal_statutory": True}
        rows = self.call_kw(
            "project.task",
            "search_read",
            [[("id", "=", self.x_task_soon.id)]],
            {
                "fields": ["acct_period_code", "acct_effective_date", "acct_portal_status"],
                "context": context,
            },
        )
        self.assertEqual(rows[0]["acct_period_code"], "2099-01")
        self.assertEqual(rows[0]["acct_portal_status"], "planned")
        for fields_ in (["description"], ["timesheet_ids"], ["message_ids"], ["user_ids"]):
            with self.assertRaises(JsonRpcException, msg=fields_):
                self.call_kw("project.task", "read", [self.x_task_soon.ids, fields_])
        # A search on the firm's notes never finds a statutory task.
        found = self.call_kw(
            "project.task",
            "search",
            [[("description", "ilike", "X-TASK-NOTE")]],
            {"context": context},
        )
        self.assertEqual(found, [])
        # Without the deadlines page's context, statutory tasks are not listed at all.
        self.assertEqual(self.call_kw("project.task", "search", [[]]), [])

    def test_files_and_notes_of_a_statutory_task_stay_internal(self):
        attachment = self.env["ir.attachment"].create(
            {
                "name": "working-paper.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 X-WORKING-PAPER"),
                "res_model": "project.task",
                "res_id": self.x_task_soon.id,
            }
        )
        self.x_task_soon.message_post(body="X-INTERNAL-NOTE", subtype_xmlid="mail.mt_note")
        self.login(self.owner_x)
        # Portal users read no attachment by RPC at all.
        with self.assertRaises(JsonRpcException):
            self.call_kw(
                "ir.attachment",
                "search_read",
                [[("res_model", "=", "project.task")]],
                {"fields": ["name"]},
            )
        page = self.url_open(f"/web/content/{attachment.id}")
        self.assertNotIn("X-WORKING-PAPER", page.text)
        messages = self.call_kw(
            "mail.message",
            "search_read",
            [[("model", "=", "project.task"), ("res_id", "=", self.x_task_soon.id)]],
            {"fields": ["body"]},
        )
        self.assertNotIn("X-INTERNAL-NOTE", str(messages))
        # Following the task (item 9) opens nothing either.
        with self.assertRaises(JsonRpcException):
            self.call_kw("project.task", "message_subscribe", [self.y_task.ids])
