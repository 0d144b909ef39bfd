# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An upgrade that corrects the catalogue corrects what a Bulgarian firm reads, not only the
English note."""

from odoo.tests import tagged

from .test_statutory import StatutoryCommon


@tagged("post_install", "-at_install")
class TestCatalogueTranslations(StatutoryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("bg_BG")

    def _bulgarian_note(self, code):
        return self.obligation_type[code].with_context(lang="bg_BG").note

    def test_refresh_rewrites_the_bulgarian_note(self):
        kinds = self.obligation_type
        # A database installed with an earlier version: an English note and its Bulgarian
        # translation of that time (with the placeholder this version no longer ships).
        kinds["BG_CIT_ADV_Q"].with_context(lang="en_US").note = "Third quarter by 15 December."
        kinds["BG_CIT_ADV_Q"].with_context(lang="bg_BG").note = "Трето тримесечие: VERIFY."
        kinds["BG_VIES"].with_context(lang="bg_BG").note = "Стара бележка."

        self.env["acct.obligation.type"]._refresh_catalogue()

        cit = self._bulgarian_note("BG_CIT_ADV_Q")
        self.assertIn("трето до 1 декември", cit)
        self.assertIn("2023, 2024 и 2025", cit)
        self.assertNotIn("VERIFY", cit)
        self.assertIn("1 December", kinds["BG_CIT_ADV_Q"].with_context(lang="en_US").note)
        self.assertIn("тристранна операция", self._bulgarian_note("BG_VIES"))

    def test_an_outdated_translation_is_not_applied(self):
        kind = self.obligation_type["BG_PIT_RECON"]
        # A note the translation file does not know (here an English note rewritten by
        # hand) keeps its Bulgarian text rather than getting another note's translation.
        refresh = self.env["acct.obligation.type"]._refresh_catalogue_notes_translations
        kind.with_context(lang="en_US").note = "A note of the firm's own."
        kind.with_context(lang="bg_BG").note = "Бележка на фирмата."
        self.assertNotIn(kind, refresh())
        self.assertEqual(self._bulgarian_note("BG_PIT_RECON"), "Бележка на фирмата.")
        self.assertFalse(refresh(), "nothing left to rewrite")

    def test_power_of_attorney_basis_says_what_nap_accepts(self):
        """Issue 17's question on the e-government register, answered where the bookkeeper
        picks the basis of a power of attorney."""
        self.env["ir.module.module"]._load_module_terms(["acct_firm_crm"], ["bg_BG"])
        model = self.env["acct.power.attorney"]
        english = model.with_context(lang="en_US").fields_get(["basis"])["basis"]["help"]
        bulgarian = model.with_context(lang="bg_BG").fields_get(["basis"])["basis"]["help"]
        self.assertIn("register of authorisations is not one of them", english)
        self.assertIn("Регистъра на овластяванията не е сред тях", bulgarian)
