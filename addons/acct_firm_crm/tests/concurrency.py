# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two runs of a daily job at once, as two cron workers would run it: each run needs its own
cursor, so the records it works on are committed first and removed after the test."""

import threading

from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase


class CommittedAuthorisationCase(TransactionCase):
    """A firm client and its active authorisation, committed for the two runs to see."""

    #: the context of each run's environment
    run_context = {}

    def _commit_authorisation(self, client_values, authorisation_values):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            client = env["res.partner"].create({"acct_is_firm_client": True, **client_values})
            authorisation = env["acct.power.attorney"].create(
                {"principal_id": client.id, "scope": "full", **authorisation_values}
            )
            authorisation.action_activate()
            self.client_id, self.poa_id = client.id, authorisation.id
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

    def _run_twice_at_once(self, job):
        """Run ``job(env)`` in a first transaction, then again on another thread while the
        first is still open: the second must wait for the first, and finish without error
        once the first commits. Returns what the first run returned."""
        errors = []

        def second_run(env):
            try:
                job(env)
                env.cr.commit()
            except Exception as error:  # noqa: BLE001 - reported to the main thread
                errors.append(error)

        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            # Both environments are built in the main thread: a new Environment looks the
            # registry up under a lock that the test runner holds.
            env1 = api.Environment(cr1, SUPERUSER_ID, dict(self.run_context))
            env2 = api.Environment(cr2, SUPERUSER_ID, dict(self.run_context))
            result = job(env1)
            second = threading.Thread(target=second_run, args=(env2,))
            second.start()
            second.join(timeout=3)
            self.assertFalse(errors)
            self.assertTrue(second.is_alive(), "the second run waits for the first")
            cr1.commit()
            second.join(timeout=60)
            self.assertFalse(second.is_alive())
        self.assertFalse(errors)
        return result

    def _count(self, query):
        with self.registry.cursor() as cr:
            cr.execute(query, [self.poa_id])
            return cr.fetchall()
