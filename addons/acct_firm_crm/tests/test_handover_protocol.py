# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import AcctFirmCommon


@tagged("post_install", "-at_install")
class TestHandoverProtocol(AcctFirmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoices = cls.env.ref("acct_firm_crm.document_category_issued_invoices")
        cls.bank = cls.env.ref("acct_firm_crm.document_category_bank_statements")
        cls.contact = cls.portal_user.partner_id

    def _protocol(self, lines, client=None, direction="received", user=None):
        Protocol = self.env["acct.handover.protocol"].with_user(user or self.accountant)
        return Protocol.create(
            {
                "client_id": (client or self.client).id,
                "direction": direction,
                "date": "2026-04-03",
                "contact_id": self.contact.id,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "category_id": category.id,
                            "period_year": year,
                            "period_month": str(month),
                            "count": count,
                        },
                    )
                    for category, year, month, count in lines
                ],
            }
        )

    def test_number_from_sequence_and_total(self):
        first = self._protocol([(self.invoices, 2026, 3, 40), (self.bank, 2026, 3, 2)])
        second = self._protocol([(self.invoices, 2026, 3, 1)])
        self.assertTrue(first.name.startswith("HP/"))
        self.assertNotEqual(first.name, second.name)
        self.assertEqual(first.document_count, 42)
        self.assertEqual(first.line_ids[0].period_start, datetime.date(2026, 3, 1))
        self.assertEqual(first.user_id, self.accountant, "received by the current user")

    def test_confirmed_lines_are_read_only(self):
        protocol = self._protocol([(self.invoices, 2026, 3, 40)])
        protocol.action_confirm()
        self.assertEqual(protocol.state, "confirmed")
        line = protocol.line_ids
        with self.assertRaisesRegex(UserError, "no longer be changed"):
            line.count = 41
        with self.assertRaisesRegex(UserError, "no longer be changed"):
            protocol.write(
                {
                    "line_ids": [
                        (0, 0, {"category_id": self.bank.id, "count": 1, "period_year": 2026})
                    ]
                }
            )
        with self.assertRaisesRegex(UserError, "no longer be changed"):
            line.unlink()
        with self.assertRaisesRegex(UserError, "no longer be changed"):
            protocol.date = "2026-04-04"
        with self.assertRaisesRegex(UserError, "no longer be changed"):
            protocol.unlink()
        with self.assertRaisesRegex(UserError, "no longer be changed"):
            protocol.state = "draft"
        self.assertEqual(line.count, 40)
        # Shelving the documents later is still possible.
        folder = self.env["acct.archive.folder"].create({"client_id": self.client.id})
        line.archive_folder_id = folder
        self.assertEqual(folder.protocol_line_ids, line)

    def test_cannot_confirm_empty_or_twice(self):
        with self.assertRaisesRegex(UserError, "no lines"):
            self._protocol([]).action_confirm()
        protocol = self._protocol([(self.invoices, 2026, 3, 1)])
        protocol.action_confirm()
        with self.assertRaisesRegex(UserError, "not possible"):
            protocol.action_confirm()

    def test_bad_count_refused(self):
        with self.assertRaisesRegex(ValidationError, "at least one document"):
            self._protocol([(self.invoices, 2026, 3, 0)])

    def test_cancellation_needs_a_reason(self):
        protocol = self._protocol([(self.invoices, 2026, 3, 5)])
        protocol.action_confirm()
        action = protocol.action_open_cancel_wizard()
        wizard = self.env[action["res_model"]].with_context(**action["context"])
        with self.assertRaisesRegex(UserError, "reason"):
            wizard.create({"protocol_id": protocol.id, "reason": "   "}).action_cancel()
        self.assertEqual(protocol.state, "confirmed")
        form = Form(wizard.with_user(self.accountant))
        form.reason = "Handed over twice by mistake"
        form.save().action_cancel()
        self.assertEqual(protocol.state, "cancelled")
        self.assertEqual(protocol.cancel_reason, "Handed over twice by mistake")
        with self.assertRaisesRegex(UserError, "not possible"):
            protocol._cancel("again")

    def test_confirmed_counts_for_billing(self):
        other = self.env["res.partner"].create(
            {"name": "Other Client", "acct_is_firm_client": True, "acct_client_code": "T0008"}
        )
        confirmed = self._protocol(
            [(self.invoices, 2026, 3, 40), (self.bank, 2026, 3, 2), (self.invoices, 2026, 2, 7)]
        )
        more = self._protocol([(self.invoices, 2026, 3, 5)])
        draft = self._protocol([(self.invoices, 2026, 3, 100)])
        returned = self._protocol([(self.invoices, 2026, 3, 100)], direction="returned")
        cancelled = self._protocol([(self.invoices, 2026, 3, 100)])
        others = self._protocol([(self.bank, 2026, 3, 3)], client=other)
        (confirmed | more | returned | cancelled | others).action_confirm()
        cancelled._cancel("wrong client")
        self.assertEqual(draft.state, "draft")
        Protocol = self.env["acct.handover.protocol"]
        self.env.flush_all()
        # One grouped query per source of received documents: the protocols, and the
        # client portal's uploads where that addon is installed.
        sources = 2 if "acct.portal.log" in self.env else 1
        with self.assertQueryCount(sources):
            counts = Protocol._confirmed_counts(
                [self.client.id, other.id], datetime.date(2026, 3, 1), datetime.date(2026, 3, 31)
            )
        self.assertEqual(
            counts,
            {
                (self.client.id, "issued_invoices"): 45,
                (self.client.id, "bank_statements"): 2,
                (other.id, "bank_statements"): 3,
            },
        )
        self.assertEqual(
            Protocol._confirmed_counts(
                [self.client.id], datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)
            )[(self.client.id, "issued_invoices")],
            52,
        )

    def test_report_prints_in_the_client_language_with_both_signatures(self):
        self.env["res.lang"]._activate_lang("bg_BG")
        protocol = self._protocol([(self.invoices, 2026, 3, 40)])
        protocol.action_confirm()
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "acct_firm_crm.action_report_acct_handover_protocol", protocol.ids
        )
        html = html.decode()
        self.assertIn(protocol.name, html)
        self.assertIn("Handed over by", html)
        self.assertIn("Received by", html)
        self.assertIn(self.accountant.name, html)
        self.assertIn(self.contact.name, html)

    def test_access_by_group(self):
        protocol = self._protocol([(self.invoices, 2026, 3, 1)])
        for user in (self.portal_user, self.employee):
            with self.assertRaises(AccessError):
                protocol.with_user(user).read(["name"])
        self.assertEqual(protocol.with_user(self.manager).document_count, 1)

    def test_report_in_bulgarian_for_a_bulgarian_client(self):
        self.env["res.lang"]._activate_lang("bg_BG")
        self.env["ir.module.module"]._load_module_terms(["acct_firm_crm"], ["bg_BG"])
        self.client.lang = "bg_BG"
        protocol = self._protocol([(self.invoices, 2026, 3, 40)])
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("acct_firm_crm.action_report_acct_handover_protocol", protocol.ids)[
                0
            ]
            .decode()
        )
        self.assertIn("Приемо-предавателен протокол №", html)
        self.assertIn("Предал:", html)
        self.assertIn("Приел:", html)
        self.assertNotIn("Handed over by", html)
