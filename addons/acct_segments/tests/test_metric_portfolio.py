# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.acct_firm_crm.tests.common import AcctFirmCommon


@tagged("post_install", "-at_install")
class TestMetricPortfolio(AcctFirmCommon):
    def test_default_portfolio_has_every_metric_once(self):
        metrics = self.env["acct.segment.metric"].search([])
        self.assertEqual(
            sorted(metrics.mapped("code")),
            sorted(code for code, _label in metrics._fields["code"].selection),
        )

    def test_bad_weight_or_window_is_refused_and_changes_nothing(self):
        value = self.env.ref("acct_segments.metric_value")
        with self.assertRaisesRegex(ValidationError, "cannot be negative"), self.env.cr.savepoint():
            value.write({"weight": -1})
        with self.assertRaisesRegex(ValidationError, "between 1 and 120"), self.env.cr.savepoint():
            value.write({"window_months": 0})
        value.invalidate_recordset()
        self.assertEqual(value.weight, 2.0)
        self.assertEqual(value.window_months, 12)

    def test_only_managers_change_the_portfolio(self):
        value = self.env.ref("acct_segments.metric_value")
        self.assertEqual(value.with_user(self.accountant).weight, 2.0)
        with self.assertRaises(AccessError):
            value.with_user(self.accountant).write({"weight": 3})
        value.with_user(self.manager).write({"weight": 3})
        self.assertEqual(value.weight, 3)
        with self.assertRaises(AccessError):
            value.with_user(self.portal_user).read(["weight"])
