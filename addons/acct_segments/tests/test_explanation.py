# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from .common import SegmentsCommon


@tagged("post_install", "-at_install")
class TestExplanation(SegmentsCommon):
    """The explanation of a client's segments: numbers in the reader's language, and the
    values the core's rules compared, whatever the rule."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.big = cls._client("Big AD", "EX01")
        cls.tiny = cls._client("Tiny ET", "EX02")
        cls._invoices([(cls.big, date(2026, 6, 5), 1500), (cls.tiny, date(2026, 6, 5), 150)])
        for day in (date(2026, 6, 10), date(2026, 6, 11)):
            cls.env["acct.complaint"].create(
                {"client_id": cls.tiny.id, "name": "Late reply", "date": day}
            )
        cls.env["res.lang"]._activate_lang("bg_BG")
        cls.env["ir.module.module"]._load_module_terms(["acct_segments"], ["bg_BG"])
        cls.Snapshot._compute_month(cls.MONTH)

    def test_numbers_read_with_the_readers_decimal_comma(self):
        never_invoiced = self._snapshot(self.client).with_context(lang="bg_BG")
        self.assertIn("стойност 0,00", never_invoiced.explanation)
        self.assertNotIn("0.00", never_invoiced.explanation)
        tiny = self._snapshot(self.tiny).with_context(lang="bg_BG")
        self.assertIn("Уязвим: оплаквания (оплаквания = 2, праг = 2,00).", tiny.explanation)
        self.assertIn("стойност 150,00", tiny.explanation)
        big = self._snapshot(self.big).with_context(lang="bg_BG")
        self.assertIn("1\N{NO-BREAK SPACE}500,00", big.explanation, "thousands grouped too")
        # the same row read in English keeps the English separators
        self.assertIn(
            "value 150.00", self._snapshot(self.tiny).with_context(lang="en_US").explanation
        )

    def test_a_reason_new_in_the_core_still_reads(self):
        """A rule the addon has no words for yet is named by its code, with its values;
        a month computed before the values were kept names its reasons without them."""
        tiny = self._snapshot(self.tiny)
        tiny.explanation_data = {
            **tiny.explanation_data,
            "flags": {
                "vulnerable": [["seasonal_dip", [["dip_share", 0.4], ["threshold", 0.25]]]],
                "problematic": ["low_value", "complaints"],
            },
        }
        self.assertIn(
            "Vulnerable: seasonal dip (dip share = 0.40, threshold = 0.25).", tiny.explanation
        )
        self.assertIn("Problematic: low value; complaints.", tiny.explanation)

    def test_the_value_weight_counts_in_the_health_score(self):
        """The firm's weight of value counts in the health score, and the explanation names
        its part: the big client, top of the firm by value, scores higher when value weighs
        more, and value's part is gone when its weight is 0."""
        big = self._snapshot(self.big)
        score = big.health_score
        self.assertIn("value quintile", big.explanation)
        value = self.env.ref("acct_segments.metric_value")
        value.weight = 10
        self.Snapshot._compute_month(self.MONTH)
        self.assertGreater(self._snapshot(self.big).health_score, score)
        value.weight = 0
        self.Snapshot._compute_month(self.MONTH)
        big = self._snapshot(self.big)
        self.assertLess(big.health_score, score)
        self.assertNotIn("value quintile", big.explanation)
