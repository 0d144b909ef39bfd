# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import AcctFirmCommon


@tagged("post_install", "-at_install")
class TestPowerAttorney(AcctFirmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client.acct_accountant_id = cls.accountant
        cls.todo = cls.env.ref("mail.mail_activity_data_todo")

    def _poa(self, **values):
        return (
            self.env["acct.power.attorney"]
            .with_user(self.accountant)
            .create(
                {
                    "principal_id": self.client.id,
                    "authority": "nap",
                    "scope": "partial",
                    "eservice_codes": "VAT returns\nDeclarations 1 and 6",
                    "valid_from": "2026-01-01",
                    "valid_to": "2027-12-31",
                    "certificate_valid_to": "2026-06-30",
                    **values,
                }
            )
        )

    def _alerts(self, poa):
        return self.env["mail.activity"].search(
            [("res_model", "=", "acct.power.attorney"), ("res_id", "=", poa.id)]
        )

    def test_effective_end_is_the_earlier_of_validity_and_certificate(self):
        self.assertEqual(self._poa().effective_end, datetime.date(2026, 6, 30))
        self.assertEqual(
            self._poa(certificate_valid_to=False).effective_end, datetime.date(2027, 12, 31)
        )
        self.assertFalse(self._poa(valid_to=False, certificate_valid_to=False).effective_end)

    def test_activation_checks_the_record(self):
        with self.assertRaisesRegex(UserError, "valid from"):
            self._poa(valid_from=False).action_activate()
        with self.assertRaisesRegex(UserError, "e-services"):
            self._poa(eservice_codes=False).action_activate()

    def test_states_move_with_the_calendar(self):
        Attorney = self.env["acct.power.attorney"]
        with freeze_time("2026-03-01"):
            poa = self._poa()
            poa.action_activate()
            self.assertEqual(poa.state, "active")
            Attorney._cron_update_states()
            self.assertEqual(poa.state, "active")
        with freeze_time("2026-05-01"):  # 60 days before 30 June
            Attorney._cron_update_states()
            self.assertEqual(poa.state, "expiring")
        with freeze_time("2026-06-30"):
            Attorney._cron_update_states()
            self.assertEqual(poa.state, "expiring", "valid on its last day")
        with freeze_time("2026-07-01"):
            Attorney._cron_update_states()
            self.assertEqual(poa.state, "expired")

    def test_alerts_at_60_30_7_days_once_each(self):
        Attorney = self.env["acct.power.attorney"]
        with freeze_time("2026-03-01"):
            poa = self._poa()
            poa.action_activate()
            Attorney._cron_update_states()
            self.assertFalse(self._alerts(poa))
        recipients = self.accountant | self.manager
        with freeze_time("2026-05-02"):  # 59 days left: the 60-day alert
            Attorney._cron_update_states()
            Attorney._cron_update_states()
            alerts = self._alerts(poa)
            self.assertLessEqual(recipients, alerts.user_id)
            self.assertEqual(len(alerts.filtered(lambda a: a.user_id == self.accountant)), 1)
            self.assertEqual(alerts.activity_type_id, self.todo)
            self.assertEqual(poa.alert_ids.mapped("threshold"), [60])
        with freeze_time("2026-05-03"):
            Attorney._cron_update_states()
            self.assertEqual(self._alerts(poa), alerts, "nothing new the next day")
        with freeze_time("2026-06-25"):  # 5 days left: a missed 30-day run sends only the 7
            Attorney._cron_update_states()
            Attorney._cron_update_states()
            self.assertEqual(sorted(poa.alert_ids.mapped("threshold")), [7, 60])
            mine = self._alerts(poa).filtered(lambda a: a.user_id == self.accountant)
            self.assertEqual(len(mine), 2)
            self.assertIn("5 days", (mine - alerts).summary)

    def test_renewed_certificate_rearms_the_alerts(self):
        with freeze_time("2026-05-02"):
            poa = self._poa()
            poa.action_activate()
            self.env["acct.power.attorney"]._cron_update_states()
            self.assertEqual(len(poa.alert_ids), 1)
            poa.certificate_valid_to = "2026-06-29"
            self.env["acct.power.attorney"]._cron_update_states()
            self.assertEqual(len(poa.alert_ids), 2)

    def test_revocation_needs_date_and_reason(self):
        with freeze_time("2026-03-01"):
            poa = self._poa()
            with self.assertRaisesRegex(UserError, "not possible"):
                poa._revoke(datetime.date(2026, 3, 1), "Client left")
            poa.action_activate()
            with self.assertRaisesRegex(UserError, "reason"):
                poa._revoke(datetime.date(2026, 3, 1), "")
            action = poa.action_open_revoke_wizard()
            form = Form(self.env[action["res_model"]].with_context(**action["context"]))
            form.reason = "Client ended the contract"
            form.save().action_revoke()
            self.assertEqual(poa.state, "revoked")
            self.assertEqual(poa.revocation_date, datetime.date(2026, 3, 1))
            self.env["acct.power.attorney"]._cron_update_states()
            self.assertEqual(poa.state, "revoked")

    def test_never_deletable(self):
        poa = self._poa()
        for user in (self.accountant, self.manager):
            with self.assertRaisesRegex(UserError, "never deleted"):
                poa.with_user(user).unlink()
        self.assertTrue(poa.exists())

    def test_active_authorities_on_a_date(self):
        other = self.env["res.partner"].create(
            {"name": "Other", "acct_is_firm_client": True, "acct_client_code": "T0007"}
        )
        with freeze_time("2026-03-01"):
            self._poa().action_activate()
            self._poa(authority="noi", valid_to=False, certificate_valid_to=False).action_activate()
            revoked = self._poa(authority="registry")
            revoked.action_activate()
            revoked._revoke(datetime.date(2026, 4, 1), "Revoked")
            self._poa(principal_id=other.id, authority="municipality")  # a draft never counts
        Attorney = self.env["acct.power.attorney"]
        self.env.flush_all()
        with self.assertQueryCount(1):
            on_march = Attorney._active_authorities(
                [self.client.id, other.id], datetime.date(2026, 3, 15)
            )
        self.assertEqual(on_march, {self.client.id: {"nap", "noi", "registry"}})
        self.assertEqual(
            Attorney._active_authorities([self.client.id], datetime.date(2026, 7, 1)),
            {self.client.id: {"noi"}},
        )
        self.assertEqual(
            Attorney._active_authorities([self.client.id], datetime.date(2025, 12, 31)), {}
        )

    def test_access_by_group(self):
        poa = self._poa()
        for user in (self.portal_user, self.employee):
            with self.assertRaises(AccessError):
                poa.with_user(user).read(["name"])
        self.assertEqual(poa.with_user(self.manager).principal_id, self.client)
