# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo firm's stories, as the readme tells them ("The demo firm's clients" in
readme/USAGE.md): each named client in the segments, tier and loyalty level its story
gives it, for the reasons the story says, on the latest month the demo computed."""

from odoo.tests import TransactionCase, tagged

# client: (module of its xmlid, what its card shows). "value_tier" names the default tiers
# from the lowest, Low, to the highest, High; "flags" lists every utility segment with its
# reason codes, a segment not listed is not the client's.
STORIES = {
    # a steady 1,800 a month for three years, billed by its engagement since six months
    "zora": (
        "acct_firm_crm",
        {
            "value_tier": "High",
            "abc_class": "A",
            "loyalty_level": "partner",
            "flags": {"most_valuable": ["top_value"]},
        },
    ),
    # from 150 to 800 a month, then its two engagements
    "balkan_trade": (
        "acct_firm_crm",
        {
            "loyalty_level": "client",
            "loyalty_rule": "client_engagement",
            "flags": {"highest_potential": ["growing"]},
        },
    ),
    # twice a year, then a monthly subscription; the time spent costs more than he pays
    "ivanov_et": (
        "acct_firm_crm",
        {
            "value_tier": "Low",
            "loyalty_level": "client",
            "loyalty_rule": "client_engagement",
            "flags": {"problematic": ["low_value", "high_cost"]},
        },
    ),
    # 2,600 a month until a year ago, 700 since, and two complaints
    "rodopa": (
        "acct_segments",
        {
            "value_tier": "High",
            "loyalty_level": "partner",
            "flags": {
                "most_valuable": ["top_value"],
                "vulnerable": ["value_falling", "complaints"],
            },
        },
    ),
    # 50 a month, paid 55 days late
    "cherno_more": (
        "acct_segments",
        {"value_tier": "Low", "flags": {"problematic": ["low_value", "high_delay"]}},
    ),
    # left 15 months ago
    "dunav": (
        "acct_segments",
        {
            "is_lost": True,
            "loyalty_level": "occasional",
            "flags": {"vulnerable": ["value_falling"]},
        },
    ),
    # quarterly
    "badeshte": ("acct_segments", {"loyalty_level": "regular", "flags": {}}),
    # every other month, 20 days late, two complaints
    "zanayati": (
        "acct_segments",
        {
            "loyalty_level": "regular",
            "flags": {"vulnerable": ["complaints"], "problematic": ["low_value", "complaints"]},
        },
    ),
    # a yearly tax return
    "petrova": ("acct_segments", {"loyalty_level": "occasional", "flags": {}}),
    # every month since 14 months
    "pirin": (
        "acct_segments",
        {
            "value_tier": "Medium",
            "loyalty_level": "client",
            "flags": {"highest_potential": ["growing"]},
        },
    ),
    # 400 a month for three years
    "trakia": (
        "acct_segments",
        {
            "value_tier": "Medium",
            "loyalty_level": "client",
            "loyalty_rule": "client_months",
            "flags": {},
        },
    ),
    # stopped 8 months ago after two steady years
    "stara_planina": (
        "acct_segments",
        {"is_lost": False, "loyalty_level": "regular", "flags": {"vulnerable": ["value_falling"]}},
    ),
}


@tagged("post_install", "-at_install")
class TestDemoStories(TransactionCase):
    def test_each_named_client_is_where_its_story_puts_it(self):
        clients = {
            name: self.env.ref(f"{module}.demo_client_{name}", raise_if_not_found=False)
            for name, (module, _story) in STORIES.items()
        }
        if not all(clients.values()):
            self.skipTest("the demo data are not installed")
        latest = self.env["acct.segment.month"].search([], order="month desc", limit=1)
        self.assertTrue(latest, "the demo computes its last months")
        Snapshot = self.env["acct.segment.snapshot"]
        # the tiers' names as the snapshots store them: in the firm's language
        firm = self.env["acct.segment.tier"].with_context(lang=self.env.company._acct_lang())
        low, medium, *_others, high = firm._get_tiers()[1]
        tier_names = {"Low": low, "Medium": medium, "High": high}
        for name, (_module, story) in STORIES.items():
            if "value_tier" in story:
                story = {**story, "value_tier": tier_names[story["value_tier"]]}
            snapshot = Snapshot.search(
                [("client_id", "=", clients[name].id), ("month", "=", latest.month)]
            )
            with self.subTest(client=name):
                self.assertEqual(len(snapshot), 1)
                shown = {key: snapshot[key] for key in story if key != "flags"}
                self.assertEqual(shown, {k: v for k, v in story.items() if k != "flags"})
                if "flags" in story:
                    flags = (snapshot.explanation_data or {}).get("flags", {})
                    self.assertEqual(
                        # each reason is stored as [code, [[name, value], ...]]
                        {flag: sorted(r[0] for r in reasons) for flag, reasons in flags.items()},
                        {flag: sorted(reasons) for flag, reasons in story["flags"].items()},
                    )
