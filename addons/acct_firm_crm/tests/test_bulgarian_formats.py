# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bulgarian reads 15:00 and 1 234,50, not Odoo's shipped "15,00" and "1234,50"."""

from odoo.tests import TransactionCase, tagged

NBSP = "\N{NO-BREAK SPACE}"
SHIPPED = {"time_format": "%H,%M,%S", "short_time_format": "%H,%M", "thousands_sep": False}


@tagged("post_install", "-at_install")
class TestBulgarianFormats(TransactionCase):
    def setUp(self):
        super().setUp()
        self.bulgarian = self.env.ref("base.lang_bg").with_context(active_test=False)

    def test_install_gives_bulgarian_formats(self):
        # set by data/res_lang_data.xml at install and upgrade, Bulgarian active or not
        self.assertEqual(self.bulgarian.time_format, "%H:%M:%S")
        self.assertEqual(self.bulgarian.short_time_format, "%H:%M")
        self.assertEqual(self.bulgarian.thousands_sep, NBSP)
        self.assertEqual(self.bulgarian.decimal_point, ",")

    def test_activation_replaces_odoo_shipped_formats(self):
        if self.bulgarian.active:
            self.env["res.users"].with_context(active_test=False).search(
                [("lang", "=", "bg_BG")]
            ).lang = "en_US"
            self.env["res.partner"].with_context(active_test=False).search(
                [("lang", "=", "bg_BG")]
            ).lang = "en_US"
            self.bulgarian.active = False
        # what an upgrade of base reloads from res.lang.csv
        self.bulgarian.write(SHIPPED)
        self.env["res.lang"]._activate_lang("bg_BG")
        self.assertTrue(self.bulgarian.active)
        self.assertEqual(self.bulgarian.time_format, "%H:%M:%S")
        self.assertEqual(self.bulgarian.short_time_format, "%H:%M")
        self.assertEqual(self.bulgarian.thousands_sep, NBSP)
        # what the firm reads: a time and an amount of the Bulgarian UI
        self.assertEqual(
            self.bulgarian.format("%.2f", 1234567.5, grouping=True), f"1{NBSP}234{NBSP}567,50"
        )

    def test_firm_formats_stay(self):
        self.bulgarian.write({"time_format": "%H.%M ч.", "thousands_sep": "."})
        self.env["res.lang"]._acct_fix_bulgarian_formats()
        self.bulgarian.active = True
        self.assertEqual(self.bulgarian.time_format, "%H.%M ч.")
        self.assertEqual(self.bulgarian.thousands_sep, ".")
        # the field the firm did not touch still gets the Bulgarian value
        self.assertEqual(self.bulgarian.short_time_format, "%H:%M")
