# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import fields
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.acct_firm_crm.tests.concurrency import CommittedAuthorisationCase

from .client_data_common import AcctClientDataCommon


@tagged("post_install", "-at_install")
class TestPortalNotifications(AcctClientDataCommon):
    """The client's e-mails: a document the firm needs (a request or a task naming a
    category) and an authorisation that ends in 14 days; the contact's switches decide."""

    def _mails_to(self, user):
        return self.env["mail.mail"].sudo().search([("recipient_ids", "in", user.partner_id.ids)])

    def test_document_asked_emails_who_may_upload_and_wants_it(self):
        before = {
            user: len(self._mails_to(user))
            for user in (self.owner_x, self.bookkeeper_x, self.user_y)
        }
        self.bookkeeper_x.partner_id.acct_notify_document_needed = False
        self.env["acct.upload.request"].create(
            {
                "name": "Sales invoices of March",
                "client_id": self.client_x.id,
                "category_id": self.cat_invoices.id,
                "year": 2099,
                "month": "3",
            }
        )
        mails = self._mails_to(self.owner_x)
        self.assertEqual(len(mails), before[self.owner_x] + 1)
        self.assertIn("Sales invoices of March", mails[0].body_html)
        self.assertIn(f"/my/accounting/upload?category={self.cat_invoices.id}", mails[0].body_html)
        self.assertEqual(len(self._mails_to(self.bookkeeper_x)), before[self.bookkeeper_x])
        self.assertEqual(len(self._mails_to(self.user_y)), before[self.user_y])

    def test_task_naming_a_category_emails_who_sees_deadlines(self):
        before_owner = len(self._mails_to(self.owner_x))
        before_bookkeeper = len(self._mails_to(self.bookkeeper_x))
        self.x_task_late.acct_portal_category_id = self.cat_invoices
        mails = self._mails_to(self.owner_x)
        self.assertEqual(len(mails), before_owner + 1)
        self.assertIn("2098-12", mails[0].body_html)
        self.assertNotIn("X-LATE-NOTE", mails[0].body_html)
        # The bookkeeper may not see the deadlines: no e-mail about them.
        self.assertEqual(len(self._mails_to(self.bookkeeper_x)), before_bookkeeper)
        # The same category again is no news.
        self.x_task_late.acct_portal_category_id = self.cat_invoices
        self.assertEqual(len(self._mails_to(self.owner_x)), before_owner + 1)

    def test_authorisation_notice_once_and_only_to_who_wants_it(self):
        ending = self._authorisation(self.client_x, self.today + datetime.timedelta(days=14))
        Notice = self.env["acct.authorisation.notice"]
        before = len(self._mails_to(self.owner_x))
        Notice._cron_send_notices()
        Notice._cron_send_notices()
        notices = Notice.search([("power_attorney_id", "=", ending.id)])
        self.assertEqual(len(notices), 1)
        self.assertEqual(notices.recipient_count, 1)
        mails = self._mails_to(self.owner_x)
        self.assertEqual(len(mails), before + 1)
        self.assertIn(ending.name, mails[0].subject)
        # 20 days before the end is not yet the time; Y's notice goes to Y only.
        self.assertFalse(Notice.search([("power_attorney_id", "=", self.x_authorisation.id)]))
        self.assertTrue(Notice.search([("power_attorney_id", "=", self.y_authorisation.id)]))
        # A contact who switched it off gets nothing.
        self.owner_x.partner_id.acct_notify_authorisation_end = False
        other = self._authorisation(self.client_x, self.today + datetime.timedelta(days=3))
        Notice._cron_send_notices()
        self.assertEqual(Notice.search([("power_attorney_id", "=", other.id)]).recipient_count, 0)
        self.assertEqual(len(self._mails_to(self.owner_x)), before + 1)


@tagged("post_install", "-at_install")
class TestAuthorisationNoticeConcurrency(CommittedAuthorisationCase):
    """Two overlapping runs of the daily job send one notice: the second waits on the
    first's key, then skips it."""

    def setUp(self):
        super().setUp()
        today = fields.Date.today()
        self._commit_authorisation(
            {"name": "Notice Client", "acct_client_code": "NOT-1"},
            {
                "valid_from": today - datetime.timedelta(days=100),
                "valid_to": today + datetime.timedelta(days=10),
            },
        )

    @mute_logger("odoo.sql_db")
    def test_two_overlapping_runs_send_once(self):
        sent = self._run_twice_at_once(
            lambda env: env["acct.authorisation.notice"]._cron_send_notices()
        )
        self.assertEqual(sent, 1)
        notices = self._count(
            "SELECT count(*) FROM acct_authorisation_notice WHERE power_attorney_id = %s"
        )
        self.assertEqual(notices, [(1,)])
