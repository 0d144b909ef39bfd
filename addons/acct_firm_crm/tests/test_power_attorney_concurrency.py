# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import threading

from freezegun import freeze_time

from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestPowerAttorneyConcurrentAlerts(TransactionCase):
    """Two overlapping runs of the daily job alert once: the second waits on the first's
    alert key, then skips it. The records live in committed transactions, removed after."""

    def setUp(self):
        super().setUp()
        with freeze_time("2026-03-01"), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            client = env["res.partner"].create(
                {
                    "name": "Concurrent Client",
                    "acct_is_firm_client": True,
                    "acct_client_code": "CONC-1",
                }
            )
            poa = env["acct.power.attorney"].create(
                {
                    "principal_id": client.id,
                    "scope": "full",
                    "valid_from": "2026-01-01",
                    "certificate_valid_to": "2026-06-30",
                }
            )
            poa.action_activate()
            self.client_id, self.poa_id = client.id, poa.id
        self.addCleanup(self._drop_committed_records)

    def _drop_committed_records(self):
        with self.registry.cursor() as cr:
            for table, model_column in (
                ("mail_activity", "res_model"),
                ("mail_message", "model"),
                ("mail_followers", "res_model"),
            ):
                cr.execute(
                    f"DELETE FROM {table} WHERE {model_column} = 'acct.power.attorney' "  # noqa: S608
                    "AND res_id = %s",
                    [self.poa_id],
                )
            cr.execute("DELETE FROM acct_power_attorney WHERE id = %s", [self.poa_id])
            cr.execute("DELETE FROM res_partner WHERE id = %s", [self.client_id])

    def _env(self, cr):
        # Built in the main thread: a new Environment looks the registry up under a lock
        # that the test runner holds.
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    @mute_logger("odoo.sql_db")  # the second run's refused insert is logged, then skipped
    def test_two_overlapping_runs_alert_once(self):
        errors = []

        def second_run(env):
            try:
                env["acct.power.attorney"]._cron_update_states()
                env.cr.commit()
            except Exception as error:  # noqa: BLE001 - reported to the main thread
                errors.append(error)

        with (
            freeze_time("2026-05-02"),
            self.registry.cursor() as cr1,
            self.registry.cursor() as cr2,
        ):
            env1, env2 = self._env(cr1), self._env(cr2)
            env1["acct.power.attorney"]._cron_update_states()  # key inserted, not committed
            second = threading.Thread(target=second_run, args=(env2,))
            second.start()
            second.join(timeout=3)
            self.assertFalse(errors)
            self.assertTrue(second.is_alive(), "the second run waits for the first")
            cr1.commit()
            second.join(timeout=60)
            self.assertFalse(second.is_alive())
        self.assertFalse(errors)
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM acct_power_attorney_alert WHERE power_attorney_id = %s",
                [self.poa_id],
            )
            self.assertEqual(cr.fetchone()[0], 1)
            cr.execute(
                "SELECT user_id, count(*) FROM mail_activity "
                "WHERE res_model = 'acct.power.attorney' AND res_id = %s GROUP BY user_id",
                [self.poa_id],
            )
            per_user = dict(cr.fetchall())
        self.assertTrue(per_user, "the managers were alerted")
        self.assertEqual(set(per_user.values()), {1}, "one activity per recipient")
