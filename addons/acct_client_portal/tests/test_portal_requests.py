# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The requests pages as a client's people use them, and what the firm sees of them."""

import ast
import datetime

from odoo import fields
from odoo.tests import tagged

from odoo.addons.acct_firm_crm.tests.test_odoo_terms_bulgarian import words_read

from acct_firm_core.deadlines import add_working_days

from .common_requests import AcctRequestCommon


@tagged("post_install", "-at_install")
class TestPortalRequests(AcctRequestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant.groups_id += cls.env.ref("project.group_project_user")

    def test_new_form_offers_the_active_kinds_with_their_descriptions(self):
        self.login(self.bookkeeper_x)
        page = self.url_open("/my/accounting/requests/new")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Certificate of no liabilities", page.text)
        self.assertIn("KIND-DESCRIPTION-CERTIFICATE", page.text)
        self.assertIn("Payroll slip", page.text)
        self.assertNotIn("KIND-ARCHIVED", page.text)

    def test_a_request_becomes_a_task_of_the_clients_project(self):
        self.login(self.bookkeeper_x)
        response = self.post_request(
            self.kind_certificate,
            "For the bank",
            "REQUEST-DESCRIPTION",
            files=[("statement.pdf", self.marked_pdf("REQUEST-FILE"))],
        )
        self.assertEqual(response.status_code, 303)
        task = self.Task.search([("acct_requested_by_id", "=", self.bookkeeper_x.partner_id.id)])
        self.assertEqual(len(task), 1)
        self.assertTrue(
            response.headers["Location"].endswith(f"/my/accounting/requests/{task.id}?created=1")
        )
        self.assertEqual(task.project_id.acct_client_id, self.client_x)
        self.assertEqual(task.acct_request_kind_id, self.kind_certificate)
        self.assertEqual(task.user_ids, self.accountant)
        today = fields.Date.context_today(task)
        self.assertEqual(task.date_deadline.date(), add_working_days(today, 3, "BG"))
        self.assertIn(self.bookkeeper_x.partner_id, task.message_partner_ids)
        activity = task.activity_ids
        self.assertEqual(activity.user_id, self.accountant)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("acct_client_portal.mail_activity_client_request"),
        )
        opening = task.message_ids.filtered(lambda m: m.author_id == self.bookkeeper_x.partner_id)
        self.assertIn("REQUEST-DESCRIPTION", opening.body)
        self.assertEqual(opening.attachment_ids.mapped("name"), ["statement.pdf"])
        log = self.env["acct.portal.log"].search([("task_id", "=", task.id)])
        self.assertEqual(log.mapped("event"), ["request_upload"])
        self.assertEqual(log.file_name, "statement.pdf")
        page = self.url_open(response.headers["Location"])
        self.assertIn("For the bank", page.text)
        self.assertIn("Your request was sent", page.text)
        self.assertIn("statement.pdf", page.text)

    def test_the_kinds_role_picks_the_assignee(self):
        payroll = self.env["res.users"].create(
            {
                "name": "Payroll accountant",
                "login": "acct_payroll_x",
                "groups_id": [(6, 0, self.accountant.groups_id.ids)],
            }
        )
        # No payroll accountant yet: the client's accountant gets it.
        first = self._request(self.bookkeeper_x, "Slip 1", kind=self.kind_payslip)
        self.assertEqual(first.user_ids, self.accountant)
        self.client_x.acct_payroll_accountant_id = payroll
        second = self._request(self.bookkeeper_x, "Slip 2", kind=self.kind_payslip)
        self.assertEqual(second.user_ids, payroll)
        today = fields.Date.context_today(second)
        self.assertEqual(second.date_deadline.date(), add_working_days(today, 2, "BG"))

    def test_a_bad_form_is_refused_with_reasons_and_writes_nothing(self):
        self.login(self.bookkeeper_x)
        before = self.written_state()
        response = self.post_request(
            self.kind_certificate, "", files=[("virus.pdf", b"MZ\x90\x00" + b"\x00" * 64)]
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("Write a short subject.", response.text)
        self.assertIn("virus.pdf", response.text)
        response = self.post_request(self.kind_archived, "An archived kind")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Choose what you ask for.", response.text)
        self.assertEqual(self.written_state()[:2], before[:2])
        self.assertFalse(
            self.Task.search([("acct_requested_by_id", "=", self.bookkeeper_x.partner_id.id)])
        )
        refused = self.env["acct.portal.log"].search(
            [("event", "=", "request_upload"), ("result", "=", "refused")]
        )
        self.assertEqual(len(refused), 1)

    def test_a_form_without_its_csrf_token_is_refused(self):
        self.login(self.bookkeeper_x)
        response = self.post_request(self.kind_certificate, "No token", csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(
            self.Task.search([("acct_requested_by_id", "=", self.bookkeeper_x.partner_id.id)])
        )

    def test_the_list_filters_by_status_and_pages(self):
        open_request = self._request(self.bookkeeper_x, "REQ-OPEN")
        done_request = self._request(self.bookkeeper_x, "REQ-DONE")
        done_request.state = "1_done"
        self.login(self.bookkeeper_x)
        page = self.url_open("/my/accounting/requests").text
        self.assertIn("REQ-OPEN", page)
        self.assertIn("REQ-DONE", page)
        page = self.url_open("/my/accounting/requests?filterby=done").text
        self.assertNotIn("REQ-OPEN", page)
        self.assertIn("REQ-DONE", page)
        page = self.url_open("/my/accounting/requests?filterby=open").text
        self.assertIn(f"/my/accounting/requests/{open_request.id}", page)
        self.assertNotIn("REQ-DONE", page)
        for _i in range(21):
            self._request(self.bookkeeper_x, "REQ-MANY")
        page = self.url_open("/my/accounting/requests/page/2").text
        self.assertIn("REQ-OPEN", page)  # the oldest are on the second page

    def test_the_firms_public_reply_shows_and_its_file_lands_in_the_documents(self):
        task = self._request(self.owner_x, "Certificate please")
        self._reply(task, "PUBLIC-REPLY", files=[("cert.pdf", self.marked_pdf("REPLY-FILE"))])
        self._reply(
            task, "INTERNAL-NOTE", files=[("working.pdf", self.marked_pdf("NOTE-FILE"))], note=True
        )
        document = self.env["acct.client.document"].search([("acct_request_task_id", "=", task.id)])
        self.assertEqual(document.file_name, "cert.pdf")
        self.assertEqual((document.origin, document.client_id), ("firm", self.client_x))
        self.assertEqual(
            document.category_id, self.env.ref("acct_firm_crm.document_category_other")
        )
        self.login(self.owner_x)
        page = self.url_open(f"/my/accounting/requests/{task.id}").text
        self.assertIn("cert.pdf", page)
        self.assertNotIn("working.pdf", page)
        self.assertIn("cert.pdf", self.url_open("/my/accounting/documents").text)
        fetched = self.make_jsonrpc_request(
            "/mail/chatter_fetch", {"thread_model": "project.task", "thread_id": task.id}
        )
        bodies = " ".join(m["body"] for m in fetched["data"]["mail.message"])
        self.assertIn("PUBLIC-REPLY", bodies)
        self.assertNotIn("INTERNAL-NOTE", bodies)
        self.assertNotIn("working.pdf", str(fetched))
        attachment = document.acct_request_task_id.message_ids.attachment_ids.filtered(
            lambda a: a.name == "cert.pdf"
        )
        download = self.url_open(f"/my/accounting/requests/{task.id}/files/{attachment.id}")
        self.assertEqual(download.status_code, 200)
        self.assertIn(b"REPLY-FILE", download.content)
        self.assertIn("attachment", download.headers["Content-Disposition"])
        log = self.env["acct.portal.log"].search(
            [("event", "=", "request_download"), ("task_id", "=", task.id)]
        )
        self.assertEqual((log.result, log.file_name), ("done", "cert.pdf"))

    def test_a_payroll_slip_lands_in_the_restricted_payroll_category(self):
        task = self._request(self.owner_x, "Slip", kind=self.kind_payslip)
        self._reply(task, "Here it is", files=[("slip.pdf", self.marked_pdf("SLIP"))])
        document = self.env["acct.client.document"].search([("acct_request_task_id", "=", task.id)])
        self.assertEqual(document.category_id, self.cat_payroll)
        # The bookkeeper has no payroll grant: the documents page does not list it.
        self.login(self.bookkeeper_x)
        self.assertNotIn("slip.pdf", self.url_open("/my/accounting/documents").text)

    def _done_emails(self, task):
        """The e-mails the requester got on ``task`` (the notifications of its messages:
        the mails themselves are sent and removed at once)."""
        return (
            self.env["mail.notification"]
            .search(
                [
                    ("mail_message_id", "in", task.message_ids.ids),
                    ("res_partner_id", "=", task.acct_requested_by_id.id),
                    ("notification_type", "=", "email"),
                ]
            )
            .mail_message_id
        )

    def test_done_sends_the_requester_an_email_unless_switched_off(self):
        task = self._request(self.bookkeeper_x, "REQ-MAIL")
        self.assertFalse(self._done_emails(task))
        task.with_user(self.accountant).state = "1_done"
        message = self._done_emails(task)
        self.assertEqual(len(message), 1)
        self.assertEqual(message.subject, "Your request is done: REQ-MAIL")
        self.assertIn(f"/my/accounting/requests/{task.id}", message.body)
        self.bookkeeper_x.partner_id.acct_notify_request_done = False
        quiet = self._request(self.bookkeeper_x, "REQ-QUIET")
        quiet.with_user(self.accountant).state = "1_done"
        self.assertFalse(self._done_emails(quiet))

    def test_the_email_speaks_the_contacts_language(self):
        self.env["res.lang"]._activate_lang("bg_BG")
        self.env["ir.module.module"]._load_module_terms(["acct_client_portal"], ["bg_BG"])
        self.bookkeeper_x.partner_id.lang = "bg_BG"
        task = self._request(self.bookkeeper_x, "REQ-BG")
        task.with_user(self.accountant).state = "1_done"
        self.assertEqual(self._done_emails(task).subject, "Заявката ви е изпълнена: REQ-BG")

    def test_a_done_request_is_rated_once_with_odoos_rating(self):
        task = self._request(self.bookkeeper_x, "REQ-RATE")
        self.login(self.bookkeeper_x)
        token = self.form_token()
        # Not done yet: a rating is not taken.
        self.url_open(
            f"/my/accounting/requests/{task.id}/rate", data={"rate": "2", "csrf_token": token}
        )
        self.assertFalse(task.rating_ids.filtered("consumed"))
        task.state = "1_done"
        page = self.url_open(f"/my/accounting/requests/{task.id}").text
        self.assertIn("How did we do?", page)
        response = self.url_open(
            f"/my/accounting/requests/{task.id}/rate",
            data={"rate": "4", "feedback": "Quick", "csrf_token": token},
        )
        self.assertEqual(response.status_code, 200)
        rating = task.rating_ids.filtered("consumed")
        self.assertEqual((rating.rating, rating.feedback), (4, "Quick"))
        self.assertEqual(rating.partner_id, self.bookkeeper_x.partner_id)
        self.assertEqual(task.state, "1_done")
        self.assertIn("4 / 5", response.text)
        self.assertNotIn("How did we do?", response.text)

    def test_a_rated_request_shows_its_rating_once(self):
        """The page's own block shows the client's rating; the conversation under it does
        not add portal_rating's summary of the task's ratings (average, stars, comments)."""
        task = self._request(self.bookkeeper_x, "REQ-RATED")
        task.state = "1_done"
        task.with_user(self.bookkeeper_x)._acct_portal_rate(5, "Quick")
        self.authenticate("bookkeeper_x", "bookkeeper_x_pw")
        self.assertIn("5 / 5", self.url_open(f"/my/accounting/requests/{task.id}").text)
        # What the page's chatter asks for its messages (portal_rating adds rating_include).
        result = self.make_jsonrpc_request(
            "/mail/chatter_fetch",
            {"thread_model": "project.task", "thread_id": task.id, "rating_include": True},
        )
        messages = result["data"]["mail.message"]
        self.assertTrue(messages)
        self.assertFalse([message for message in messages if "rating_stats" in message])

    def test_the_portal_reads_odoos_words_in_bulgarian(self):
        """Odoo's words around the client's pages (the footer's "Powered by", empty in
        Odoo's Bulgarian) come from the suite's catalogue of Odoo terms, and those of the
        request's conversation from mail's."""
        self.env["res.lang"]._activate_lang("bg_BG")
        # What an install or upgrade of the suite does: its own terms, then Odoo's.
        self.env["ir.module.module"]._load_module_terms(["acct_client_portal"], ["bg_BG"])
        self.bookkeeper_x.lang = "bg_BG"
        self.authenticate("bookkeeper_x", "bookkeeper_x_pw")
        page = self.url_open("/my/accounting/requests").text
        self.assertIn("Моето счетоводство", page)  # the suite's own words
        self.assertIn("Осъществено от", page)
        self.assertNotIn("Powered by", page)
        # The words of the pages' scripts, the request's conversation (mail's) among them.
        response = self.url_open("/website/translations/1?lang=bg_BG")
        words = words_read(response.json())
        self.assertEqual(words["Attach files"], "Прикачване на файлове")
        self.assertEqual(words["Today at %(time)s"], "Днес в %(time)s")

    def test_home_and_my_accounting_count_open_requests(self):
        self._request(self.bookkeeper_x, "REQ-1")
        self._request(self.bookkeeper_x, "REQ-2").state = "1_done"
        self._request(self.colleague_x, "REQ-OTHER")
        self.login(self.bookkeeper_x)
        home = self.url_open("/my").text
        self.assertRegex(home, r'o_acct_open_requests">\s*1 open requests')
        self.assertIn("o_acct_requests_card", self.url_open("/my/accounting").text)
        # The owner counts every open request of the client.
        self.login(self.owner_x)
        self.assertRegex(self.url_open("/my").text, r'o_acct_open_requests">\s*2 open requests')
        # No right, no counter and no card.
        self.login(self.clerk_x)
        self.assertNotIn("o_acct_open_requests", self.url_open("/my").text)
        self.assertNotIn("o_acct_requests_card", self.url_open("/my/accounting").text)

    def test_odoos_task_pages_do_not_show_requests(self):
        task = self._request(self.bookkeeper_x, "REQ-HIDDEN-FROM-TASKS")
        self.login(self.bookkeeper_x)
        self.assertNotIn("REQ-HIDDEN-FROM-TASKS", self.url_open("/my/tasks").text)
        response = self.url_open(f"/my/tasks/{task.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertNotIn("REQ-HIDDEN-FROM-TASKS", response.text)

    def test_the_back_office_finds_client_requests(self):
        task = self._request(self.bookkeeper_x, "REQ-BACK-OFFICE")
        action = self.env.ref("acct_client_portal.action_acct_client_requests")
        found = self.Task.with_user(self.accountant).search(ast.literal_eval(action.domain))
        self.assertIn(task, found)
        self.assertEqual(task.acct_request_status, "open")
        self.assertEqual(task.access_url, f"/my/accounting/requests/{task.id}")

    def test_the_rating_feeds_the_satisfaction_of_the_segments(self):
        if "acct.segment.snapshot" not in self.env:
            self.skipTest("acct_segments is not installed")
        task = self._request(self.bookkeeper_x, "REQ-SATISFACTION")
        task.state = "1_done"
        task.with_user(self.bookkeeper_x)._acct_portal_rate(2, "Slow")
        month = datetime.date.today().replace(day=1)
        Snapshot = self.env["acct.segment.snapshot"]
        Snapshot._compute_month(month)
        snapshot = Snapshot.search([("client_id", "=", self.client_x.id), ("month", "=", month)])
        self.assertEqual(snapshot.satisfaction, 2)
