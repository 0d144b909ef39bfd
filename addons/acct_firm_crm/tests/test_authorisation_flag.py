# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import freeze_time, tagged

from .common import AcctFirmCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")
class TestAuthorisationFlag(AcctFirmCommon):
    """Statutory tasks of a client without an active power of attorney before the
    obligation's authority are flagged on the task and in the Deadlines filter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        project = cls.env["project.project"].create({"name": "Test Client OOD"})
        vat = cls.env.ref("acct_firm_crm.obligation_bg_vat_return")
        property_tax = cls.env.ref("acct_firm_crm.obligation_bg_local_property")
        Task = cls.env["project.task"]
        cls.vat_task = Task.create(
            {
                "name": "VAT return 2026-02",
                "project_id": project.id,
                "acct_client_id": cls.client.id,
                "acct_obligation_type_id": vat.id,
                "acct_period_code": "2026-02",
            }
        )
        cls.property_task = Task.create(
            {
                "name": "Property tax 2026/1",
                "project_id": project.id,
                "acct_client_id": cls.client.id,
                "acct_obligation_type_id": property_tax.id,
                "acct_period_code": "2026/1",
            }
        )
        cls.ordinary_task = Task.create({"name": "Call the bank", "project_id": project.id})

    def _nap_authorisation(self, **values):
        poa = self.env["acct.power.attorney"].create(
            {
                "principal_id": self.client.id,
                "authority": "nap",
                "scope": "full",
                "valid_from": "2026-01-01",
                "valid_to": "2027-12-31",
                **values,
            }
        )
        poa.action_activate()
        return poa

    def test_catalogue_names_the_authority(self):
        self.assertEqual(self.vat_task.acct_obligation_type_id.authority, "nap")
        self.assertEqual(self.property_task.acct_obligation_type_id.authority, "municipality")
        self.assertEqual(
            self.env.ref("acct_firm_crm.obligation_bg_gfo_publish").authority, "registry"
        )

    def test_without_authorisation_every_statutory_task_is_flagged(self):
        self.assertTrue(self.vat_task.acct_authorisation_missing)
        self.assertTrue(self.property_task.acct_authorisation_missing)
        self.assertFalse(self.ordinary_task.acct_authorisation_missing, "not a statutory task")

    def test_authorisation_covers_only_its_authority(self):
        self._nap_authorisation()
        (self.vat_task | self.property_task).invalidate_recordset()
        self.assertFalse(self.vat_task.acct_authorisation_missing)
        self.assertTrue(
            self.property_task.acct_authorisation_missing, "NAP is not the municipality"
        )

    def test_expired_authorisation_does_not_cover(self):
        self._nap_authorisation(valid_from="2025-01-01", valid_to="2026-02-28")
        self.assertTrue(self.vat_task.acct_authorisation_missing)

    def test_deadlines_filter_finds_the_flagged_open_tasks(self):
        self._nap_authorisation()
        Task = self.env["project.task"].with_user(self.accountant)
        flagged = Task.search([("acct_authorisation_missing", "=", True)])
        self.assertIn(self.property_task, flagged)
        self.assertNotIn(self.vat_task, flagged)
        self.assertNotIn(self.ordinary_task, flagged)
        self.property_task.state = "1_done"
        flagged = Task.search([("acct_authorisation_missing", "=", True)])
        self.assertNotIn(self.property_task, flagged, "done work needs no flag")
