# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import api, fields, models
from odoo.tools import SQL


class AcctSegmentTier(models.Model):
    """A value tier of the firm's own: clients whose value reaches ``lower_bound``.

    Without any tier the snapshot uses quantile tiers (lower half, next 30 %, top 20 %), named
    Low, Medium and High. With tiers, a value below the lowest bound still goes to the lowest
    tier, and the highest tier is the "top value tier" of the loyalty ladder.
    """

    _name = "acct.segment.tier"
    _description = "Client value tier"
    _order = "lower_bound, id"

    name = fields.Char(required=True, translate=True)
    lower_bound = fields.Monetary(
        required=True, help="Net invoiced value in the value window from which a client is here."
    )
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id, required=True
    )

    _sql_constraints = [
        ("bound_unique", "UNIQUE(lower_bound)", "Two tiers cannot start at the same value."),
    ]

    @api.model
    def _get_tiers(self):
        """(bounds for the core, names by tier index): bounds of tiers 1..k, names of 0..k."""
        tiers = self.sudo().search([], limit=100)
        if not tiers:
            return None, [self.env._("Low"), self.env._("Medium"), self.env._("High")]
        return tuple(tiers[1:].mapped("lower_bound")), tiers.mapped("name")

    @api.model
    def _rename_stored_tiers(self):
        """Rewrite the tier names stored on the snapshots in the firm's language.

        A snapshot keeps the name of its tier as the month's computation wrote it: earlier
        versions wrote it in the language of whoever ran the job (English for the monthly
        job), so old months read "High" next to new months' "Висок", and the segment movements
        counted the rename as a move. Every name a tier has in an installed language (the
        default Low / Medium / High, or the firm's own tiers) becomes its name in the firm's
        language. Returns the number of snapshots rewritten."""
        firm_names = self.with_context(lang=self.env.company._acct_lang())._get_tiers()[1]
        renames = {}
        for lang, _name in self.env["res.lang"].get_installed():
            names = self.with_context(lang=lang)._get_tiers()[1]
            for name, firm_name in zip(names, firm_names, strict=True):
                # A name that is also a firm's name stays: it may be another tier's.
                if name != firm_name and name not in firm_names:
                    renames[name] = firm_name
        if not renames:
            return 0
        snapshots = self.env["acct.segment.snapshot"]
        snapshots.flush_model(["value_tier"])
        self.env.cr.execute(
            SQL(
                """
                UPDATE acct_segment_snapshot snapshot
                   SET value_tier = renamed.firm_name
                  FROM jsonb_each_text(%s::jsonb) AS renamed(name, firm_name)
                 WHERE snapshot.value_tier = renamed.name
                """,
                json.dumps(renames),
            )
        )
        snapshots.invalidate_model(["value_tier"])
        return self.env.cr.rowcount
