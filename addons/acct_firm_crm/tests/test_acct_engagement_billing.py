# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .billing_common import AcctBillingCommon

APRIL_10 = datetime.date(2026, 4, 10)


@tagged("post_install", "-at_install")
class TestAcctEngagementBilling(AcctBillingCommon):
    def _run(self, engagements, today=APRIL_10, **kwargs):
        return self.env["acct.engagement"]._run_billing(
            engagements=engagements, today=today, **kwargs
        )

    def _amounts(self, periods):
        return [(p.name, p.amount_total) for p in periods.sorted("period_start")]

    # ------------------------------------------------------------ fee models

    def test_fixed_monthly_prorated_first_period(self):
        engagement = self._engagement(date_start=datetime.date(2026, 1, 16))
        periods = self._run(engagement)
        # January 16-31 is 16 of 31 days; February and March are due on April 5 at the latest.
        self.assertEqual(
            self._amounts(periods), [("2026-01", 51.61), ("2026-02", 100.0), ("2026-03", 100.0)]
        )
        january = periods.sorted("period_start")[0]
        self.assertEqual((january.days_covered, january.days_in_period), (16, 31))
        self.assertEqual(january.invoice_id.amount_untaxed, 51.61)
        self.assertEqual(january.invoice_id.state, "draft")
        self.assertEqual(january.invoice_id.partner_id, self.client)
        self.assertEqual(january.invoice_id.invoice_date, datetime.date(2026, 2, 5))

    def test_invoicing_day_not_reached(self):
        engagement = self._engagement(invoicing_day=15)
        # March is due on April 15: on April 10 only January and February are.
        periods = self._run(engagement)
        self.assertEqual(periods.sorted("period_start").mapped("name"), ["2026-01", "2026-02"])

    def test_prorated_last_period_and_no_proration(self):
        engagement = self._engagement(date_end=datetime.date(2026, 2, 14))
        self.assertEqual(
            self._amounts(self._run(engagement)), [("2026-01", 100.0), ("2026-02", 50.0)]
        )
        whole = self._engagement(date_start=datetime.date(2026, 1, 16), prorate=False)
        self.assertEqual(self._run(whole).mapped("amount_total"), [100.0, 100.0, 100.0])

    def test_quarterly_and_annual(self):
        quarterly = self._engagement(periodicity="quarterly", fixed_amount=300.0)
        self.assertEqual(self._amounts(self._run(quarterly)), [("2026-Q1", 300.0)])
        annual = self._engagement(periodicity="annual", date_start=datetime.date(2025, 7, 1))
        # 2025 from July 1st: 184 of 365 days, invoiced on January 5, 2026.
        self.assertEqual(self._amounts(self._run(annual)), [("2025", 50.41)])

    def test_per_document_graduated_with_minimum(self):
        engagement = self._engagement(
            fee_model="per_document",
            fixed_amount=0,
            tiers=[(0, 100, 2.0), (100, None, 1.5)],
            minimum_amount=100.0,
        )
        self._receive_documents(2026, 1, {"issued_invoices": 130, "bank_statements": 20})
        # Documents of other months, and of another client, are not January's work.
        self._receive_documents(2025, 12, {"issued_invoices": 500})
        other = self.env["res.partner"].create(
            {"name": "Other Client", "acct_is_firm_client": True, "acct_client_code": "T0009"}
        )
        self._receive_documents(2026, 1, {"issued_invoices": 700}, client=other)
        periods = self._run(engagement, today=datetime.date(2026, 2, 5))
        # 150 documents: 100 x 2.00 + 50 x 1.50 = 275.00.
        self.assertEqual(periods.amount_total, 275.0)
        self.assertEqual(periods.quantity, 150)
        self.assertEqual(periods.quantity_by_kind, {"issued_invoices": 130, "bank_statements": 20})
        lines = periods.invoice_id.invoice_line_ids.sorted("sequence")
        self.assertEqual(lines.mapped("quantity"), [100.0, 50.0])
        self.assertEqual(lines.mapped("price_unit"), [2.0, 1.5])
        self.assertIn("tier 2 (101-", lines[1].name)
        self._receive_documents(2026, 2, {"issued_invoices": 10})
        february = self._run(engagement, today=datetime.date(2026, 3, 5))
        self.assertTrue(february.minimum_applied)
        self.assertEqual(february.amount_total, 100.0)

    def test_per_document_volume_with_cap(self):
        engagement = self._engagement(
            fee_model="per_document",
            fixed_amount=0,
            tier_mode="volume",
            tiers=[(0, 100, 2.0), (100, None, 1.5)],
            cap_amount=200.0,
        )
        self._receive_documents(2026, 1, {"issued_invoices": 120})
        period = self._run(engagement, today=datetime.date(2026, 2, 5))
        # Volume: 120 x 1.50 = 180.00, under the cap.
        self.assertEqual((period.amount_total, period.cap_applied), (180.0, False))
        self._receive_documents(2026, 2, {"issued_invoices": 200})
        period = self._run(engagement, today=datetime.date(2026, 3, 5))
        self.assertEqual((period.amount_total, period.cap_applied), (200.0, True))
        self.assertEqual(period.invoice_id.amount_untaxed, 200.0)

    def test_hybrid_flat_overage(self):
        engagement = self._engagement(
            fee_model="hybrid", fixed_amount=200.0, included_quantity=50, unit_price=1.2
        )
        self._receive_documents(2026, 1, {"issued_invoices": 80})
        period = self._run(engagement, today=datetime.date(2026, 2, 5))
        # 200.00 + 30 x 1.20 above the 50 included.
        self.assertEqual(period.amount_total, 236.0)
        self.assertEqual(period.invoice_id.amount_untaxed, 236.0)
        codes = [line["code"] for line in period.fee_lines]
        self.assertEqual(codes, ["fixed_fee", "included_documents", "overage_documents"])

    def test_hybrid_tiers_prorated(self):
        engagement = self._engagement(
            fee_model="hybrid",
            fixed_amount=300.0,
            included_quantity=60,
            date_start=datetime.date(2026, 4, 16),
            tiers=[(0, 10, 2.0), (10, None, 1.0)],
        )
        self._receive_documents(2026, 4, {"issued_invoices": 45})
        period = self._run(engagement, today=datetime.date(2026, 5, 5))
        # April 16-30: half the month, 150.00 including 30 documents; 15 above: 10 x 2 + 5 x 1.
        self.assertEqual(period.amount_total, 175.0)

    def test_only_confirmed_receptions_count(self):
        engagement = self._engagement(fee_model="per_document", fixed_amount=0, unit_price=3)
        # A draft protocol, documents given back and a cancelled protocol are no work done:
        # the period is billed with 0 documents.
        self._receive_documents(2026, 1, {"issued_invoices": 40}, confirm=False)
        self._receive_documents(2026, 1, {"issued_invoices": 50}, direction="returned")
        self._receive_documents(2026, 1, {"issued_invoices": 60})._cancel("Wrong client")
        period = self._run(engagement, today=datetime.date(2026, 2, 5))
        self.assertEqual((period.quantity, period.amount_total), (0, 0.0))
        self.assertEqual(period.invoice_id.amount_untaxed, 0.0)

    def test_client_books_count_posted_documents(self):
        company = self.env.company
        # The client's own company keeps its books in this database.
        company.partner_id.write({"acct_is_firm_client": True, "acct_client_code": "OWNBOOKS"})
        engagement = self._engagement(
            client_id=company.partner_id.id,
            fee_model="per_document",
            fixed_amount=0,
            unit_price=1.0,
            quantity_source="client_books",
        )
        january = [("company_id", "=", company.id), ("state", "=", "posted")]
        january += [("date", ">=", "2026-01-01"), ("date", "<=", "2026-01-31")]
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.client.id,
                "invoice_date": datetime.date(2026, 1, 20),
                "invoice_line_ids": [
                    Command.create({"product_id": self.product.id, "price_unit": 5})
                ],
            }
        )
        invoice.action_post()
        expected = self.env["account.move"].search_count(january)
        self.assertGreaterEqual(expected, 1)
        period = self._run(engagement, today=datetime.date(2026, 2, 5))
        self.assertEqual(period.quantity_by_kind, {"documents": expected})
        self.assertEqual(period.amount_total, float(expected))

    # ------------------------------------------------------- run behaviour

    def test_rerun_creates_nothing(self):
        engagement = self._engagement()
        first = self._run(engagement)
        self.assertEqual(len(first), 3)
        invoices = self.env["account.move"].search_count([("partner_id", "=", self.client.id)])
        self.assertFalse(self._run(engagement))
        self.assertFalse(self.env["acct.engagement"]._run_billing(today=APRIL_10) & first)
        self.assertEqual(
            self.env["account.move"].search_count([("partner_id", "=", self.client.id)]), invoices
        )
        self.assertEqual(engagement.period_count, 3)

    def test_posted_setting(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "acct_firm_crm.billing_post_invoices", "True"
        )
        periods = self._run(self._engagement())
        self.assertEqual(set(periods.invoice_id.mapped("state")), {"posted"})
        settings = Form(self.env["res.config.settings"])
        self.assertTrue(settings.acct_billing_post_invoices)

    def test_usage_statement_attached(self):
        period = self._run(self._engagement(), today=datetime.date(2026, 2, 5))
        self.assertFalse(period.statement_attachment_id)
        with patch.object(type(self.env["ir.cron"]), "_notify_progress") as progress:
            self.env["acct.engagement.period"]._cron_attach_usage_statements()
        progress.assert_called_once()
        self.assertTrue(period.statement_attachment_id)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "account.move"), ("res_id", "=", period.invoice_id.id)]
        )
        self.assertEqual(len(attachment), 1)
        self.assertIn("Usage statement 2026-01", attachment.name)
        self.assertIn(b"Fixed fee", attachment.raw)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "acct_firm_crm.action_report_usage_statement", period.ids
        )[0]
        self.assertIn(b"Documents processed", html)

    def test_statement_rendering_failure_does_not_stop_billing(self):
        period = self._run(self._engagement(), today=datetime.date(2026, 2, 5))
        reports = type(self.env["ir.actions.report"])
        with (
            patch.object(reports, "_render_qweb_html", side_effect=OSError("renderer down")),
            self.assertLogs("odoo.addons.acct_firm_crm.models.acct_engagement_period", "WARNING"),
        ):
            self.assertFalse(period._attach_usage_statements())
        self.assertTrue(period.invoice_id)
        self.assertFalse(period.statement_attachment_id)

    def test_batches(self):
        engagements = self._engagement() | self._engagement(name="ENG2")
        periods = self._run(engagements, batch_size=2)
        self.assertEqual(len(periods), 6)
        self.assertEqual(len(periods.invoice_id), 6)

    def test_cron_one_batch_per_call(self):
        self._engagement()
        cron = self.env.ref("acct_firm_crm.ir_cron_engagement_billing")
        self.assertEqual(cron.model_id.model, "acct.engagement")
        model = self.env["acct.engagement"]
        with (
            freeze_time("2026-04-10"),
            patch.object(type(self.env["ir.cron"]), "_notify_progress") as progress,
        ):
            first = model._cron_billing_run(batch_size=2)
            progress.assert_called_with(done=2, remaining=1)
            second = model._cron_billing_run(batch_size=2)
            progress.assert_called_with(done=1, remaining=0)
        self.assertEqual(len(first | second), 3)

    def test_invoice_now_ignores_invoicing_day(self):
        engagement = self._engagement(invoicing_day=20)
        with freeze_time("2026-02-03"):
            engagement.with_user(self.manager).action_invoice_now()
            self.assertEqual(engagement.period_ids.mapped("name"), ["2026-01"])
            self.assertTrue(engagement.period_ids.statement_attachment_id)
            with self.assertRaises(UserError):
                engagement.with_user(self.manager).action_invoice_now()

    def test_states(self):
        engagement = self._engagement()
        engagement.action_suspend()
        self.assertFalse(
            self.env["acct.engagement"]._run_billing(today=APRIL_10) & engagement.period_ids
        )
        self.assertFalse(engagement.period_ids)
        engagement.action_activate()
        engagement.action_end()
        self.assertEqual(engagement.state, "ended")
        self.assertTrue(engagement.date_end)

    # ------------------------------------------------- bad configurations

    def test_bad_configurations_refused_on_activation(self):
        bad = {
            "no product": {"product_id": False},
            "no fixed amount": {"fixed_amount": 0},
            "no price": {"fee_model": "per_document", "unit_price": 0},
            "gap": {"fee_model": "per_document", "tiers": [(0, 100, 2), (120, None, 1)]},
            "overlap": {"fee_model": "per_document", "tiers": [(0, 100, 2), (80, None, 1)]},
            "closed": {"fee_model": "per_document", "tiers": [(0, 100, 2), (100, 200, 1)]},
            "min above cap": {"minimum_amount": 300, "cap_amount": 200},
        }
        for label, values in bad.items():
            with self.subTest(label), self.assertRaises(ValidationError) as caught:
                self._engagement(**values)
            self.assertIn("ENG", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            self._engagement(fee_model="per_document", tiers=[(0, 100, 2), (120, None, 1)])
        self.assertIn("must start where the previous tier ends (100)", str(caught.exception))

    def test_active_engagement_keeps_valid_configuration(self):
        engagement = self._engagement()
        with self.assertRaises(ValidationError):
            engagement.fixed_amount = 0
        tiered = self._engagement(fee_model="per_document", tiers=[(0, 100, 2), (100, None, 1)])
        with self.assertRaises(ValidationError):
            tiered.tier_ids[1].from_qty = 120

    def test_bad_configuration_refuses_run_before_writing(self):
        good = self._engagement(name="GOOD")
        bad = self._engagement(name="BAD")
        # Broken behind the ORM's back (an import, a migration): the run must still refuse.
        self.env.cr.execute("UPDATE acct_engagement SET product_id = NULL WHERE id = %s", [bad.id])
        bad.invalidate_recordset()
        invoices = self.env["account.move"].search_count([])
        with self.assertRaises(ValidationError) as caught:
            self._run(good | bad)
        self.assertIn("BAD", str(caught.exception))
        self.assertFalse((good | bad).period_ids)
        self.assertEqual(self.env["account.move"].search_count([]), invoices)
        # The scheduled run skips the bad one and bills the others.
        with (
            freeze_time("2026-04-10"),
            self.assertLogs(
                "odoo.addons.acct_firm_crm.models.acct_engagement_billing", "WARNING"
            ) as logs,
        ):
            billed = self.env["acct.engagement"]._cron_billing_run()
        self.assertIn("BAD: choose the product", logs.output[0])
        self.assertFalse(bad.period_ids)
        self.assertEqual(len(billed & good.period_ids), 3)

    # --------------------------------------------------------------- access

    def test_access(self):
        engagement = self._engagement()
        self._run(engagement)
        as_accountant = engagement.with_user(self.accountant)
        self.assertEqual(as_accountant.period_ids.mapped("amount_total"), [100.0] * 3)
        with self.assertRaises(AccessError):
            as_accountant.write({"fixed_amount": 200})
        with self.assertRaises(AccessError):
            as_accountant.action_run_billing()
        with self.assertRaises(AccessError):
            self.env["acct.engagement"].with_user(self.portal_user).search([])
        with self.assertRaises(AccessError):
            self.env["acct.engagement.period"].with_user(self.portal_user).search([])
        with self.assertRaises(AccessError):
            self.env["acct.engagement"].with_user(self.employee).search([])
        with freeze_time("2026-05-10"):
            engagement.with_user(self.manager).action_run_billing()
        self.assertEqual(engagement.period_count, 4)
