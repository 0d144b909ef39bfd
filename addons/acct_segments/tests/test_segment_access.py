# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Computed snapshots, segment movements and computed months, tried over JSON-RPC by an
"own clients" accountant and by an accountant of another company of the same database."""

from datetime import date

from odoo.tests import HttpCase, tagged

from odoo.addons.acct_firm_crm.tests.common import AcctFirmCommon

from .common import JsonRpcAttacks


@tagged("post_install", "-at_install")
class TestSegmentAccess(JsonRpcAttacks, AcctFirmCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own, cls.mine = cls._own_clients_accountant("acct_segments_own_rpc", "SEGRPC1")
        # The two clients only: the months are computed over every firm client.
        cls.env["res.partner"].search(
            [("acct_is_firm_client", "=", True), ("id", "not in", (cls.client | cls.mine).ids)]
        ).acct_is_firm_client = False
        Snapshot = cls.env["acct.segment.snapshot"]
        for month in (date(2026, 5, 1), date(2026, 6, 1)):
            Snapshot._compute_month(month)
        cls.env.flush_all()
        cls.snapshots = Snapshot.search([("month", "in", ("2026-05-01", "2026-06-01"))])
        cls.months = cls.env["acct.segment.month"].search(
            [("month", "in", ("2026-05-01", "2026-06-01"))]
        )
        cls.other_company = cls.env["res.company"].create({"name": "Second Office OOD"})
        cls.other_office = cls._manager_of(
            cls.other_company, "acct_segments_other_office", "Accountant Of The Second Office"
        )

    def test_the_computation_stamps_its_company(self):
        self.assertEqual(len(self.snapshots), 4)
        self.assertEqual(self.snapshots.company_id, self.env.company)
        self.assertEqual(len(self.months), 2)
        self.assertEqual(self.months.company_id, self.env.company)
        movements = self.env["acct.segment.migration"].search([("month", "=", "2026-06-01")])
        self.assertEqual(set(movements.client_id.ids), {self.client.id, self.mine.id})
        self.assertEqual(movements.company_id, self.env.company)

    def test_own_clients_accountant_reads_only_own_snapshots_and_movements(self):
        theirs = self.snapshots.filtered(lambda s: s.client_id == self.client)
        mine = self.snapshots - theirs
        self.assertEqual(
            self._rpc(self.own, "acct.segment.snapshot", "search", [("month", ">=", "2026-05-01")]),
            mine.sorted().ids,
        )
        self._refused(self.own, "acct.segment.snapshot", "read", theirs.ids, ["value"])
        self._refused(self.own, "acct.segment.snapshot", "unlink", theirs.ids)
        groups = self._rpc(
            self.own,
            "acct.segment.snapshot",
            "read_group",
            [],
            ["value:sum"],
            ["client_id"],
        )
        self.assertEqual([g["client_id"][0] for g in groups], self.mine.ids)
        for domain in ([], [("client_id", "=", self.client.id)]):
            rows = self._rpc(
                self.own, "acct.segment.migration", "search_read", domain, ["client_id"]
            )
            self.assertEqual(
                {row["client_id"][0] for row in rows}, set() if domain else {self.mine.id}
            )
        groups = self._rpc(
            self.own, "acct.segment.migration", "read_group", [], ["moved"], ["client_id"]
        )
        self.assertEqual([g["client_id"][0] for g in groups], self.mine.ids)
        # A computed month is the firm's: the rules that explain every client's placement.
        rows = self._rpc(
            self.own,
            "acct.segment.month",
            "search_read",
            [("month", "in", ("2026-05-01", "2026-06-01"))],
            ["month"],
        )
        self.assertEqual({row["id"] for row in rows}, set(self.months.ids))
        self.assertTrue(theirs.exists())

    def test_another_company_reaches_no_snapshot_movement_or_month(self):
        user = self.other_office
        for model, records in (
            ("acct.segment.snapshot", self.snapshots),
            ("acct.segment.month", self.months),
        ):
            self.assertEqual(self._rpc(user, model, "search", [("id", "in", records.ids)]), [])
            self._refused(user, model, "read", records[:1].ids, ["month"])
            self._refused(user, model, "unlink", records[:1].ids)
        self.assertEqual(self._rpc(user, "acct.segment.migration", "search_count", []), 0)
        self.assertEqual(len(self.snapshots.exists()), 4)
        self.assertEqual(len(self.months.exists()), 2)
