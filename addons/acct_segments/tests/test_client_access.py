# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Complaints and snapshots follow the firm's access levels, tried over JSON-RPC."""

from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.acct_firm_crm.tests.common import AcctFirmCommon


@tagged("post_install", "-at_install")
class TestClientAccess(AcctFirmCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own, cls.mine = cls._own_clients_accountant(
            "acct_segments_own", "SEGOWN1", role="acct_reviewer_id"
        )
        cls.records = {}
        for client in (cls.client, cls.mine):
            complaint = cls.env["acct.complaint"].create(
                {"name": "Late VAT return", "client_id": client.id}
            )
            snapshot = cls.env["acct.segment.snapshot"].create(
                {"client_id": client.id, "month": "2026-06-01", "cutoff_date": "2026-06-30"}
            )
            cls.records[client] = (complaint, snapshot)

    def _call(self, user, model, method, *args, **kwargs):
        self.authenticate(user.login, user.login)
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def test_own_clients_accountant_reaches_only_own_clients(self):
        for record in self.records[self.client]:
            domain = [("id", "=", record.id)]
            self.assertEqual(self._call(self.own, record._name, "search", domain), [])
            groups = self._call(
                self.own, record._name, "read_group", domain, ["client_id"], ["client_id"]
            )
            self.assertEqual(groups, [])
            for method, args in (("read", [["display_name"]]), ("unlink", [])):
                with self.assertRaises(JsonRpcException) as caught:
                    self._call(self.own, record._name, method, record.ids, *args)
                self.assertEqual(str(caught.exception), "odoo.exceptions.AccessError")
            self.assertTrue(record.exists())
        complaint = self.records[self.client][0]
        with self.assertRaises(JsonRpcException):
            self._call(self.own, complaint._name, "write", complaint.ids, {"name": "Forged"})
        self.assertEqual(complaint.name, "Late VAT return")
        for record in self.records[self.mine]:
            self.assertEqual(
                self._call(self.own, record._name, "search", [("id", "=", record.id)]),
                record.ids,
            )
        # "All clients" accountants reach both.
        for records in self.records.values():
            for record in records:
                self.assertEqual(
                    self._call(self.accountant, record._name, "search", [("id", "=", record.id)]),
                    record.ids,
                )

    def test_complaint_only_for_a_firm_client(self):
        outsider = self.env["res.partner"].create({"name": "Not A Client", "is_company": True})
        count = self.env["acct.complaint"].search_count([])
        with self.assertRaises(JsonRpcException) as caught:
            self._call(
                self.accountant,
                "acct.complaint",
                "create",
                {"name": "Complaint", "client_id": outsider.id},
            )
        self.assertEqual(str(caught.exception), "odoo.exceptions.ValidationError")
        self.assertEqual(self.env["acct.complaint"].search_count([]), count)
