# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every register of another company of the database is out of reach of an accountant who
works for one company only, over JSON-RPC: protocols and their lines, powers of attorney and
their expiry alerts, engagements (documents and folders: test_register_attacks.TestCompanies)."""

from odoo.tests import tagged

from .test_register_attacks import ACCESS_ERROR, AttackCommon


@tagged("post_install", "-at_install")
class TestCompanyRules(AttackCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        other = cls.env["res.company"].create({"name": "Second Office OOD"})
        cls.protocol = cls.env["acct.handover.protocol"].create(
            {
                "client_id": cls.client.id,
                "company_id": other.id,
                "line_ids": [(0, 0, {"category_id": cls.payroll.id, "period_year": 2026})],
            }
        )
        cls.poa = cls.env["acct.power.attorney"].create(
            {"principal_id": cls.client.id, "company_id": other.id}
        )
        cls.alert = cls.env["acct.power.attorney.alert"].create(
            {"power_attorney_id": cls.poa.id, "threshold": 30, "effective_end": "2026-12-31"}
        )
        cls.engagement = cls._engagement(activate=False, company_id=other.id)

    def test_registers_of_another_company_are_out_of_reach(self):
        for records in (
            self.protocol,
            self.protocol.line_ids,
            self.poa,
            self.alert,
            self.engagement,
        ):
            domain = [("id", "in", records.ids)]
            for user in (self.accountant, self.manager):
                self.assertEqual(self._rpc(user, records._name, "search", domain), [], records)
                self._refused(user, records, "read", ["display_name"], error=ACCESS_ERROR)
