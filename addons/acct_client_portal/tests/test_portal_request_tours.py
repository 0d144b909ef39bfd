# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common_requests import AcctRequestCommon


@tagged("post_install", "-at_install")
class TestPortalRequestTours(AcctRequestCommon):
    """A client asks for a certificate, the accountant replies with a file and closes the
    task, the client finds the file (on the request and among its documents) and rates the
    work: in headless Chromium, end to end — the accountant's part too (Clients > Client
    requests, "Send message" with the file in the chatter, the task marked done)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant.groups_id += cls.env.ref("project.group_project_user")
        cls.owner_x.password = cls.owner_x.login
        cls.accountant.password = cls.accountant.login

    def test_a_certificate_asked_answered_and_rated(self):
        self.start_tour("/my/accounting/requests", "acct_request_ask_certificate", login="owner_x")
        task = self.Task.search([("acct_requested_by_id", "=", self.owner_x.partner_id.id)])
        self.assertEqual(task.name, "TOUR-CERTIFICATE for the bank")
        self.assertEqual(task.user_ids, self.accountant)
        self.start_tour(
            "/odoo", "acct_request_accountant_replies_with_file", login=self.accountant.login
        )
        self.assertEqual(task.state, "1_done")
        reply = task.message_ids.filtered(lambda m: "Here is your certificate" in (m.body or ""))
        self.assertEqual(reply.author_id, self.accountant.partner_id)
        self.assertFalse(reply.is_internal)
        self.assertEqual(reply.attachment_ids.mapped("name"), ["tour-certificate.pdf"])
        self.start_tour(
            "/my/accounting/requests", "acct_request_see_file_and_rate", login="owner_x"
        )
        rating = task.rating_ids.filtered("consumed")
        self.assertEqual((rating.rating, rating.feedback), (5, "Quick and clear, thank you."))
        document = self.env["acct.client.document"].search([("acct_request_task_id", "=", task.id)])
        self.assertEqual(document.file_name, "tour-certificate.pdf")
        downloads = self.env["acct.portal.log"].search(
            [("task_id", "=", task.id), ("event", "=", "request_download")]
        )
        self.assertFalse(downloads.filtered(lambda row: row.result == "refused"))
