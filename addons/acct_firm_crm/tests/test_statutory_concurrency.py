# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import uuid
from datetime import date

from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestOverlappingRuns(TransactionCase):
    """Two runs of the job in two transactions, as two cron workers (or a cron and a
    'Run now') would be. Data is committed in real cursors, and removed afterwards."""

    today = date(2026, 3, 10)

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            client = env["res.partner"].create(
                {
                    "name": "Concurrency ООД",
                    "is_company": True,
                    "acct_is_firm_client": True,
                    "acct_client_code": f"CC-{uuid.uuid4().hex[:8]}",
                    "acct_vat_registered": True,
                    "acct_employer": True,
                    "acct_cit_payer": True,
                    "acct_cit_advance_regime": "monthly",
                }
            )
            client.acct_obligation_ids.date_start = date(2026, 1, 1)
            self.client_id = client.id
        self.addCleanup(self._remove_committed_data)

    def _remove_committed_data(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
            client = env["res.partner"].browse(self.client_id)
            projects = env["project.project"].search([("acct_client_id", "=", client.id)])
            env["project.task"].search([("acct_client_id", "=", client.id)]).unlink()
            accounts = projects.account_id
            projects.unlink()
            accounts.unlink()
            client.unlink()

    def _obligations(self, cr):
        env = api.Environment(cr, SUPERUSER_ID, {})
        return env["res.partner"].browse(self.client_id).acct_obligation_ids

    def _count(self):
        with self.registry.cursor() as cr:
            cr.execute(
                """SELECT count(*), count(DISTINCT (acct_obligation_type_id, acct_period_code))
                     FROM project_task WHERE acct_client_id = %s""",
                [self.client_id],
            )
            return cr.fetchone()

    @mute_logger("odoo.sql_db", "odoo.addons.acct_firm_crm.models.acct_client_obligation")
    def test_two_overlapping_runs(self):
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            # Run 2 reads the database first: it sees no task and no project ...
            pending = self._obligations(cr2)._pending_deadlines(self.today)
            self.assertTrue(pending)
            # ... run 1 does all the work and commits ...
            created = self._obligations(cr1)._generate_tasks(today=self.today)
            self.assertEqual(len(created), len(pending))
            cr1.commit()
            # ... and run 2, still on its old snapshot, creates what it thinks is missing.
            again = self._obligations(cr2)._create_tasks(pending)
            self.assertFalse(again, "the client's project exists: run 2 skips the client")
            cr2.commit()
        total, distinct = self._count()
        self.assertEqual(total, len(pending))
        self.assertEqual(distinct, total)

    @mute_logger("odoo.sql_db", "odoo.addons.acct_firm_crm.models.acct_client_obligation")
    def test_overlapping_runs_on_an_existing_project(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["project.project"]._acct_client_projects(env["res.partner"].browse(self.client_id))
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            pending = self._obligations(cr2)._pending_deadlines(self.today)
            first = self._obligations(cr1)._generate_tasks(today=self.today)
            self.assertEqual(len(first), len(pending))
            cr1.commit()
            # The batch hits the unique key, is redone task by task, and skips them all.
            again = self._obligations(cr2)._create_tasks(pending)
            self.assertFalse(again)
            cr2.commit()
        total, distinct = self._count()
        self.assertEqual((total, distinct), (len(pending), len(pending)))
        # A third run, later, finds nothing to do.
        with self.registry.cursor() as cr3:
            self.assertFalse(self._obligations(cr3)._generate_tasks(today=self.today))
