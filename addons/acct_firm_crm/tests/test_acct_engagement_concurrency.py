# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import SUPERUSER_ID, Command, api
from odoo.tests import TransactionCase, tagged

from odoo.addons.acct_firm_crm.models.acct_state_machine_mixin import action_writes

APRIL_10 = datetime.date(2026, 4, 10)


@tagged("post_install", "-at_install")
class TestAcctEngagementConcurrency(TransactionCase):
    """Two billing runs in two transactions at once invoice each period once.

    The data is committed (each run needs its own cursor), then removed again.
    """

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            client = env["res.partner"].create(
                {
                    "name": "Concurrent Client EOOD",
                    "is_company": True,
                    "acct_is_firm_client": True,
                    "acct_client_code": "CONC-0001",
                }
            )
            product = env["product.product"].create(
                {"name": "Concurrency fee", "type": "service", "taxes_id": [Command.clear()]}
            )
            engagement = env["acct.engagement"].create(
                {
                    "name": "CONCURRENT",
                    "client_id": client.id,
                    "date_start": datetime.date(2026, 1, 1),
                    "fixed_amount": 100.0,
                    "product_id": product.id,
                }
            )
            engagement.action_activate()
            self.ids = {"client": client.id, "product": product.id, "engagement": engagement.id}
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            periods = env["acct.engagement.period"].search(
                [("engagement_id", "=", self.ids["engagement"])]
            )
            invoices = periods.invoice_id
            # Only the billing run deletes billed periods: the cleanup stands in for it.
            with action_writes(periods):
                periods.unlink()
            invoices.unlink()
            env["acct.engagement"].browse(self.ids["engagement"]).unlink()
            env["product.product"].browse(self.ids["product"]).unlink()
            env["res.partner"].browse(self.ids["client"]).unlink()

    def test_two_overlapping_runs(self):
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            engagement1 = env1["acct.engagement"].browse(self.ids["engagement"])
            engagement2 = env2["acct.engagement"].browse(self.ids["engagement"])
            # Both runs see the same three unbilled periods ...
            due2 = engagement2._due_periods(APRIL_10)
            self.assertEqual(len(due2), 3)
            # ... the first one bills them and commits while the second is under way ...
            first = env1["acct.engagement"]._run_billing(engagements=engagement1, today=APRIL_10)
            self.assertEqual(len(first), 3)
            cr1.commit()
            # ... and the second one, whose snapshot still shows nothing billed, bills nothing.
            second = env2["acct.engagement"]._bill_periods(due2, today=APRIL_10)
            self.assertFalse(second)
            cr2.commit()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            periods = env["acct.engagement.period"].search(
                [("engagement_id", "=", self.ids["engagement"])]
            )
            self.assertEqual(sorted(periods.mapped("name")), ["2026-01", "2026-02", "2026-03"])
            invoices = env["account.move"].search([("partner_id", "=", self.ids["client"])])
            self.assertEqual(invoices, periods.invoice_id)
            # A third, later run finds everything billed.
            engagement = env["acct.engagement"].browse(self.ids["engagement"])
            self.assertFalse(
                env["acct.engagement"]._run_billing(engagements=engagement, today=APRIL_10)
            )
