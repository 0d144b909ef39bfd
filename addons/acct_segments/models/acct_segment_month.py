# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import format_date


def name_with_month(records, selection_field):
    """Name each record by its ``selection_field``'s label and its month ("BG/BB, 11.2026"),
    in the breadcrumbs and links of the month's fits and backtests."""
    labels = dict(records._fields[selection_field]._description_selection(records.env))
    for record in records:
        month = format_date(records.env, record.month, date_format="MM.yyyy")
        record.display_name = f"{labels.get(record[selection_field], '')}, {month}"


class AcctSegmentMonth(models.Model):
    """One computed month of client segments: when it was computed, by whom, for how many
    clients, and the rules it applied.

    The rules are kept as they were at the computation (the firm may change its thresholds,
    tiers and weights later), so that each snapshot's explanation quotes the thresholds that
    placed the client then. Each snapshot keeps only its own values and the codes of the
    rules that matched; the numbers shared by the whole month are kept here once.
    """

    _name = "acct.segment.month"
    _description = "Computed segment month"
    _order = "month desc"
    _rec_name = "month"

    month = fields.Date(required=True, readonly=True, help="First day of the month.")
    # The firm's company the month was computed for (the computation's company; multi-company:
    # the company rule): each company computes its own months, over its own invoices. A month
    # holds the firm's rules and counts, no client's data: every accountant of the company
    # reads it, "own clients" ones too (they read their clients'
    # explanations, which quote these rules).
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    cutoff_date = fields.Date(string="Cut-off", required=True, readonly=True)
    client_count = fields.Integer(string="Clients", readonly=True)
    # {"thresholds": {rule code: value}, "tier_bounds": [...], "top_value_cutoff": x,
    #  "low_value_cutoff": y, "health_weights": {component: weight},
    #  "prediction_note": [code, reason]}
    rules = fields.Json(readonly=True)
    rules_text = fields.Text(string="Rules applied", compute="_compute_rules_text")

    _sql_constraints = [
        (
            "month_unique",
            "UNIQUE(month, company_id)",
            "Each month is computed once per company (a new run replaces it).",
        ),
    ]

    @api.depends("rules")
    def _compute_rules_text(self):
        names = dict(self.env["acct.segment.rule"]._fields["code"]._description_selection(self.env))
        snapshots = self.env["acct.segment.snapshot"]
        for record in self:
            rules = record.rules or {}
            lines = [
                f"{names.get(code, code)}: {value:g}"
                for code, value in sorted(rules.get("thresholds", {}).items())
            ]
            lines.append(
                self.env._(
                    "Value tier bounds: %(bounds)s",
                    bounds=", ".join(f"{b:.2f}" for b in rules.get("tier_bounds", ())) or "-",
                )
            )
            lines.append(
                self.env._(
                    "Health weights: %(weights)s",
                    weights=", ".join(
                        f"{snapshots._health_component_label(code)} {weight:g}"
                        for code, weight in rules.get("health_weights", {}).items()
                    )
                    or "-",
                )
            )
            record.rules_text = "\n".join(lines)

    def action_open_segments(self):
        """The client segments of this month (the month selector of the computed months)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acct_segments.action_acct_segment_snapshot"
        )
        action["domain"] = [("month", "=", self.month)]
        action["context"] = {}
        return action
