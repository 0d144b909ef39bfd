# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Value tier names stored by earlier versions in the job's language are rewritten in the
firm's (the 18.0.1.1.0 migration)."""

import datetime

from odoo.tests import TransactionCase, tagged

from odoo.addons.acct_firm_crm.tests.common import AcctFirmCommon


@tagged("post_install", "-at_install")
class TestTierNames(AcctFirmCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("bg_BG")
        cls.env["ir.module.module"]._load_module_terms(["acct_segments"], ["bg_BG"])
        cls.env.company.partner_id.lang = "bg_BG"
        cls.env["acct.segment.tier"].search([]).unlink()

    def _snapshot(self, month, tier):
        return self.env["acct.segment.snapshot"].create(
            {
                "client_id": self.client.id,
                "month": month,
                "cutoff_date": month.replace(day=28),
                "value_tier": tier,
            }
        )

    def test_english_default_names_become_the_firm_language(self):
        old = self._snapshot(datetime.date(2025, 11, 1), "High")
        new = self._snapshot(datetime.date(2025, 12, 1), "Висок")
        self.assertGreaterEqual(self.env["acct.segment.tier"]._rename_stored_tiers(), 1)
        self.assertEqual(old.value_tier, "Висок")
        self.assertEqual(new.value_tier, "Висок")
        # A translation is not a move between segments.
        moves = self.env["acct.segment.migration"].search(
            [("client_id", "=", self.client.id), ("family", "=", "tier")]
        )
        self.assertEqual(moves.mapped("moved"), [False])

    def test_the_firm_own_tiers_in_the_firm_language(self):
        Tier = self.env["acct.segment.tier"]
        tier = Tier.with_context(lang="en_US").create({"name": "Gold", "lower_bound": 1000})
        tier.with_context(lang="bg_BG").name = "Златен"
        Tier.create({"name": "Basic", "lower_bound": 0})
        snapshot = self._snapshot(datetime.date(2025, 11, 1), "Gold")
        Tier._rename_stored_tiers()
        self.assertEqual(snapshot.value_tier, "Златен")
