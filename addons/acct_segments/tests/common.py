# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import Command
from odoo.tests import new_test_user
from odoo.tests.common import JsonRpcException

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.acct_firm_crm.tests.common import AcctFirmCommon


class SegmentsCommon(AcctFirmCommon, AccountTestInvoicingCommon):
    """Firm users and clients, a company with a chart of accounts, and invoice helpers."""

    MONTH = date(2026, 6, 1)  # the snapshot month of most tests

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.groups_id |= cls.env.ref("acct_firm_crm.group_acct_firm_manager")
        cls.Snapshot = cls.env["acct.segment.snapshot"]
        cls.journal = cls.company_data["default_journal_sale"]
        # The segments rank clients against each other: keep the demo firm's clients out.
        cls.env["res.partner"].search(
            [("acct_is_firm_client", "=", True), ("id", "!=", cls.client.id)]
        ).acct_is_firm_client = False

    @classmethod
    def _client(cls, name, code):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "acct_is_firm_client": True,
                "acct_client_code": code,
            }
        )

    @classmethod
    def _invoice(cls, client, day, amount, move_type="out_invoice", due_days=10):
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": client.id,
                "invoice_date": day,
                "invoice_date_due": day + timedelta(days=due_days),
                "journal_id": cls.journal.id,
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Bookkeeping", "price_unit": amount, "tax_ids": [Command.clear()]}
                    )
                ],
            }
        )
        move.action_post()
        return move

    @classmethod
    def _invoices(cls, rows):
        """Create and post many invoices at once: rows of (client, day, amount)."""
        moves = cls.env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": client.id,
                    "invoice_date": day,
                    "invoice_date_due": day + timedelta(days=10),
                    "journal_id": cls.journal.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": "Bookkeeping",
                                "price_unit": amount,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
                for client, day, amount in rows
            ]
        )
        moves.action_post()
        return moves

    @classmethod
    def _pay(cls, invoice, day):
        cls.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"payment_date": day})._create_payments()

    def _snapshot(self, client, month=None):
        return self.Snapshot.search(
            [("client_id", "=", client.id), ("month", "=", month or self.MONTH)]
        )


class JsonRpcAttacks:
    """Calls of an HttpCase over JSON-RPC as a given user (password = login), the way the
    web client or a script would make them."""

    ACCESS_ERROR = "odoo.exceptions.AccessError"

    @classmethod
    def _manager_of(cls, company, login, name):
        """A firm manager who works in ``company`` only (password = login)."""
        return new_test_user(
            cls.env,
            login=login,
            name=name,
            groups="acct_firm_crm.group_acct_firm_manager",
            company_id=company.id,
            company_ids=[(6, 0, company.ids)],
        )

    def _rpc(self, user, model, method, *args, **kwargs):
        self.authenticate(user.login, user.login)
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def _refused(self, user, model, method, *args, **kwargs):
        with self.assertRaises(JsonRpcException) as caught:
            self._rpc(user, model, method, *args, **kwargs)
        self.assertEqual(str(caught.exception), self.ACCESS_ERROR, f"{model}.{method}{args}")
