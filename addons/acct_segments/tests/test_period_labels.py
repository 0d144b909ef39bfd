# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The list and form columns name the period their number covers, from the firm's own
windows, and follow a change of window."""

from lxml import etree

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestPeriodLabels(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("bg_BG")
        cls.env["ir.module.module"]._load_module_terms(["acct_segments"], ["bg_BG"])
        cls.Snapshot = cls.env["acct.segment.snapshot"]

    def _labels(self, lang, view_type="list"):
        view = self.Snapshot.with_context(lang=lang).get_view(view_type=view_type)
        arch = etree.fromstring(view["arch"])
        return {node.get("name"): node.get("string") for node in arch.xpath("//field")}

    def test_columns_carry_their_months(self):
        labels = self._labels("en_US")
        self.assertEqual(labels["value"], "Invoiced in the last 12 months")
        self.assertEqual(labels["clv"], "Value over the next 36 months")
        self.assertEqual(labels["expected_purchases"], "Invoiced months expected in the next 12")
        bulgarian = self._labels("bg_BG")
        self.assertEqual(bulgarian["value"], "Фактурирано, 12 мес.")
        self.assertEqual(bulgarian["clv"], "Стойност за следващите 36 мес.")
        self.assertEqual(self._labels("bg_BG", "form")["value"], bulgarian["value"])

    def test_a_changed_window_changes_the_label(self):
        metric = self.env["acct.segment.metric"].search([("code", "=", "value")])
        metric.window_months = 6
        self.assertEqual(self._labels("en_US")["value"], "Invoiced in the last 6 months")
        rule = self.env["acct.segment.rule"].search([("code", "=", "clv_horizon_months")])
        rule.value = 24
        self.assertEqual(self._labels("en_US")["clv"], "Value over the next 24 months")

    def test_fits_and_backtests_are_named_by_model_and_month(self):
        # a month the demo data does not compute (unique per model, month and company)
        values = {"month": "2020-03-01", "company_id": self.env.company.id}
        backtest = self.env["acct.segment.backtest"].create({**values, "model": "bgbb"})
        fit = self.env["acct.segment.model.fit"].create(
            {**values, "kind": "gamma_gamma", "cutoff_date": "2020-03-31", "state": "fitted"}
        )
        self.assertEqual(backtest.display_name, "BG/BB, 03.2020")
        self.assertEqual(fit.display_name, "Gamma-Gamma (spend), 03.2020")
        self.assertEqual(fit.with_context(lang="bg_BG").display_name, "Гама-Гама (суми), 03.2020")
