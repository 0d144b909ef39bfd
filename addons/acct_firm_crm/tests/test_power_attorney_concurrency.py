# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import tagged
from odoo.tools import mute_logger

from .concurrency import CommittedAuthorisationCase


@tagged("post_install", "-at_install")
class TestPowerAttorneyConcurrentAlerts(CommittedAuthorisationCase):
    """Two overlapping runs of the daily job alert once: the second waits on the first's
    alert key, then skips it."""

    run_context = {"tracking_disable": True}

    def setUp(self):
        super().setUp()
        with freeze_time("2026-03-01"):
            self._commit_authorisation(
                {"name": "Concurrent Client", "acct_client_code": "CONC-1"},
                {"valid_from": "2026-01-01", "certificate_valid_to": "2026-06-30"},
            )

    @mute_logger("odoo.sql_db")  # the second run's refused insert is logged, then skipped
    def test_two_overlapping_runs_alert_once(self):
        with freeze_time("2026-05-02"):
            self._run_twice_at_once(lambda env: env["acct.power.attorney"]._cron_update_states())
        alerts = self._count(
            "SELECT count(*) FROM acct_power_attorney_alert WHERE power_attorney_id = %s"
        )
        self.assertEqual(alerts, [(1,)])
        per_user = dict(
            self._count(
                "SELECT user_id, count(*) FROM mail_activity "
                "WHERE res_model = 'acct.power.attorney' AND res_id = %s GROUP BY user_id"
            )
        )
        self.assertTrue(per_user, "the managers were alerted")
        self.assertEqual(set(per_user.values()), {1}, "one activity per recipient")
