# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every register of another company of the database is out of reach of an accountant who
works for one company only, over JSON-RPC: protocols and their lines, powers of attorney and
their expiry alerts, engagements (documents and folders: test_register_attacks.TestCompanies)."""

from odoo.tests import new_test_user, tagged

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


@tagged("post_install", "-at_install")
class TestOwnClientsAlertsAndTime(AttackCommon):
    """An "own clients" accountant and another client's authorisation alerts and time."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own = new_test_user(
            cls.env,
            login="acct_own_alerts_time",
            name="Own Clients Accountant",
            groups="acct_firm_crm.group_acct_firm_user",
        )
        poa = cls.env["acct.power.attorney"].create({"principal_id": cls.client.id})
        cls.alert = cls.env["acct.power.attorney.alert"].create(
            {"power_attorney_id": poa.id, "threshold": 30, "effective_end": "2026-12-31"}
        )
        project = cls.env["project.project"].create(
            {"name": "Test Client OOD", "acct_client_id": cls.client.id, "allow_timesheets": True}
        )
        employee = cls.env["hr.employee"].create(
            {"name": "Accountant", "user_id": cls.accountant.id}
        )
        cls.timesheet = cls.env["account.analytic.line"].create(
            {
                "name": "VAT return",
                "project_id": project.id,
                "employee_id": employee.id,
                "unit_amount": 1.5,
            }
        )

    def test_other_clients_alerts_and_time_are_out_of_reach(self):
        for records in (self.alert, self.timesheet):
            domain = [("id", "in", records.ids)]
            self.assertEqual(self._rpc(self.own, records._name, "search", domain), [], records)
            self._refused(self.own, records, "read", ["display_name"], error=ACCESS_ERROR)
        self._refused(self.own, self.timesheet, "write", {"unit_amount": 9}, error=ACCESS_ERROR)
        self._refused(self.own, self.timesheet, "unlink", error=ACCESS_ERROR)
        # The "all clients" accountant reaches the alert; the time stays its author's.
        self.assertEqual(
            self._rpc(
                self.accountant, "acct.power.attorney.alert", "search", [("id", "=", self.alert.id)]
            ),
            self.alert.ids,
        )
