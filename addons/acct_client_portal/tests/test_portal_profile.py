# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.acct_firm_crm.models.acct_state_machine_mixin import action_writes

from .client_data_common import AcctClientDataCommon

IBAN = "BG80 BNBG 9661 1020 3456 78"


@tagged("post_install", "-at_install")
class TestPortalProfile(AcctClientDataCommon):
    """/my/accounting/profile: the client proposes, the firm approves or refuses; the
    change requests from the attacker's side (security.md items 1, 2, 8, 9, 10)."""

    def _payroll_obligations(self):
        return self.env["acct.client.obligation"].search(
            [
                ("client_id", "=", self.client_x.id),
                ("applies", "=", True),
                ("obligation_type_id.code", "in", ["BG_PIT_PAYROLL", "BG_SSC_D1_D6"]),
            ]
        )

    def test_first_employees_become_payroll_obligations_on_approval_only(self):
        self.assertFalse(self._payroll_obligations())
        self.login(self.owner_x)
        response = self.propose(employee_count=3, new_iban=IBAN, new_bank_name="БНБ")
        self.assertEqual(response.status_code, 303)
        change = self.env["acct.profile.change"].search([("client_id", "=", self.client_x.id)])
        self.assertEqual(change.state, "pending")
        self.assertEqual(change.contact_id, self.owner_x.partner_id)
        self.assertEqual(
            sorted(change.line_ids.mapped(lambda line: line.field_key or line.kind)),
            ["bank", "employee_count", "pays_salaries"],
        )
        counts = change.line_ids.filtered(lambda line: line.field_key == "employee_count")
        self.assertEqual((counts.old_value, counts.new_value), ("0", "3"))
        # Nothing applied yet; the accountant has an activity.
        self.assertFalse(self.client_x.acct_employer)
        self.assertFalse(self.client_x.bank_ids)
        self.assertEqual(change.activity_ids.user_id, self.accountant)
        # The accountant approves through the web client's RPC.
        self.authenticate("acct_portal_accountant", "acct_portal_accountant_pw")
        self.call_kw("acct.profile.change", "action_approve", [change.ids])
        self.env.invalidate_all()
        self.assertEqual(change.state, "approved")
        self.assertEqual(change.decided_by_id, self.accountant)
        self.assertFalse(change.activity_ids)
        self.assertEqual(self.client_x.acct_employee_count, 3)
        self.assertTrue(self.client_x.acct_employer)
        self.assertEqual(self.client_x.bank_ids.sanitized_acc_number, "BG80BNBG96611020345678")
        self.assertEqual(len(self._payroll_obligations()), 2)
        # The client sees the decision.
        self.login(self.owner_x)
        page = self.url_open("/my/accounting/profile")
        self.assertIn("o_acct_profile_change_approved", page.text)

    def test_refusal_needs_a_reason_and_the_client_reads_it(self):
        self.login(self.owner_x)
        self.propose(activity_code="62.01")
        change = self.env["acct.profile.change"].search([("client_id", "=", self.client_x.id)])
        with self.assertRaises(UserError):
            change.with_user(self.accountant).action_refuse()
        change.with_user(self.accountant).refusal_reason = "CODE-REFUSED: the register says 69.20"
        change.with_user(self.accountant).action_refuse()
        self.assertEqual(change.state, "refused")
        self.assertFalse(self.client_x.acct_activity_code)
        with self.assertRaises(UserError):
            change.with_user(self.accountant).refusal_reason = "changed afterwards"
        page = self.url_open("/my/accounting/profile")
        self.assertIn("CODE-REFUSED", page.text)

    def test_bad_values_are_refused_and_nothing_is_written(self):
        self.login(self.owner_x)
        Change = self.env["acct.profile.change"]
        for values, message in (
            ({"new_iban": "BG81 BNBG 9661 1020 3456 78"}, "is not a valid IBAN"),
            ({"activity_code": "6920"}, "is not a КИД-2008 code"),
            ({"employee_count": "-2"}, "whole number"),
            ({"vat_registration_date": "2026-02-30", "vat_registered": "1"}, "not a date"),
            ({"event_type": "new_employee"}, "needs its date"),
            ({"event_type": "spaceship", "event_date": "2027-01-01"}, "from the list"),
            ({}, "Nothing differs"),
        ):
            response = self.propose(**values)
            self.assertEqual(response.status_code, 400, values)
            self.assertIn(message, response.text)
            self.assertFalse(Change.search_count([("client_id", "=", self.client_x.id)]), values)

    def test_planned_employee_creates_the_notice_task(self):
        self.login(self.owner_x)
        self.propose(employee_count=1, event_type="new_employee", event_date="2099-03-02")
        change = self.env["acct.profile.change"].search([("client_id", "=", self.client_x.id)])
        change.with_user(self.accountant).action_approve()
        task = self.env["project.task"].search(
            [
                ("acct_client_id", "=", self.client_x.id),
                ("acct_obligation_type_id.code", "=", "EV_EMPL_CONTRACT"),
            ]
        )
        self.assertEqual(len(task), 1)
        self.assertTrue(task.acct_period_code.startswith("2099-03-02"))

    def test_contact_and_client_without_the_right_are_refused(self):
        self.login(self.bookkeeper_x)
        self.assertEqual(self.url_open("/my/accounting/profile").status_code, 403)
        # A POST with a stolen form changes nothing either.
        self.login(self.owner_x)
        token = self.page_csrf("/my/accounting/profile")
        self.login(self.bookkeeper_x)
        response = self.url_open(
            "/my/accounting/profile",
            data={"csrf_token": token, "employee_count": "9"},
            allow_redirects=False,
        )
        self.assertIn(response.status_code, (400, 403))
        self.assertFalse(
            self.env["acct.profile.change"].search_count([("client_id", "=", self.client_x.id)])
        )
        self.client_x.acct_portal_profile = False
        self.login(self.owner_x)
        self.assertEqual(self.url_open("/my/accounting/profile").status_code, 403)

    def test_attackers_reach_no_change_request(self):
        self.login(self.owner_x)
        self.propose(employee_count=2, street="X-STREET 1")
        change = self.env["acct.profile.change"].search([("client_id", "=", self.client_x.id)])
        # A portal user of another client: nothing on the page, nothing by RPC (1, 2).
        self.login(self.user_y)
        self.assertNotIn("X-STREET", self.url_open("/my/accounting/profile").text)
        self.assertEqual(
            self.call_kw("acct.profile.change", "search_read", [[]], {"fields": ["name"]}), []
        )
        self.assertEqual(
            self.call_kw(
                "acct.profile.change.line", "search_read", [[]], {"fields": ["new_value"]}
            ),
            [],
        )
        for method, args in (
            ("read", [change.ids, ["name"]]),
            ("action_approve", [change.ids]),
            ("write", [change.ids, {"state": "approved"}]),
            ("unlink", [change.ids]),
            ("create", [{"client_id": self.client_y.id}]),
        ):
            with self.assertRaises(JsonRpcException, msg=method):
                self.call_kw("acct.profile.change", method, args)
        # Following it (9) is refused, or at least follows nothing.
        with contextlib.suppress(JsonRpcException):
            self.call_kw(
                "acct.profile.change", "message_subscribe", [change.ids, self.user_y.partner_id.ids]
            )
        self.assertNotIn(self.user_y.partner_id, change.sudo().message_partner_ids)
        # The client's own contact cannot approve its own change either (8, 10).
        self.login(self.owner_x)
        for method, args in (
            ("action_approve", [change.ids]),
            ("write", [change.ids, {"refusal_reason": "x"}]),
        ):
            with self.assertRaises(JsonRpcException, msg=method):
                self.call_kw("acct.profile.change", method, args)
        # An accountant of another client, by JSON-RPC.
        self.authenticate("acct_other_accountant", "acct_other_accountant_pw")
        for method in ("action_approve", "read"):
            with self.assertRaises(JsonRpcException, msg=method):
                self.call_kw("acct.profile.change", method, [change.ids])
        self.env.invalidate_all()
        self.assertEqual(change.state, "pending")
        self.assertFalse(self.client_x.acct_employer)
        self.assertNotEqual(self.client_x.street, "X-STREET 1")

    def test_change_requests_are_kept_as_sent(self):
        self.login(self.owner_x)
        self.propose(zip="1000")
        change = self.env["acct.profile.change"].search([("client_id", "=", self.client_x.id)])
        as_accountant = change.with_user(self.accountant)
        for values in ({"state": "approved"}, {"client_id": self.client_y.id}, {"note": "x"}):
            with self.assertRaises(UserError, msg=values):
                as_accountant.write(values)
        with self.assertRaises(UserError):
            change.line_ids.write({"new_value": "2000"})
        with self.assertRaises(UserError):
            change.unlink()
        with self.assertRaises(UserError):
            change.line_ids.unlink()
        # Even the actions' own door does not reopen a decided request.
        as_accountant.action_approve()
        with self.assertRaises(UserError):
            as_accountant.action_approve()
        with action_writes(change), self.assertRaises(UserError):
            change._acct_transition("refuse", "refused")
        self.assertEqual(self.client_x.zip, "1000")

    def test_contact_switches_off_its_emails(self):
        self.login(self.bookkeeper_x)
        token = self.page_csrf("/my/accounting/notifications")
        response = self.url_open(
            "/my/accounting/notifications",
            data={"csrf_token": token, "acct_notify_request_done": "1"},
        )
        self.assertIn("o_acct_notifications_saved", response.text)
        partner = self.bookkeeper_x.partner_id
        self.assertTrue(partner.acct_notify_request_done)
        self.assertFalse(partner.acct_notify_document_needed)
        self.assertFalse(partner.acct_notify_authorisation_end)
        # Only the three switches are written, whatever else is posted.
        self.url_open(
            "/my/accounting/notifications",
            data={"csrf_token": token, "name": "HACKED", "acct_portal_owner": "1"},
        )
        self.assertNotEqual(partner.name, "HACKED")
        self.assertFalse(partner.acct_portal_owner)
