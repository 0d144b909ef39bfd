# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

CHANNELS = [
    ("email", "E-mail"),
    ("phone", "Phone"),
    ("portal", "Portal"),
    ("sms", "SMS"),
    ("in_person", "In person"),
]
PROFILE_FLAGS = ("most_valuable", "highest_potential", "vulnerable", "problematic", "is_lost")


class ResPartner(models.Model):
    _inherit = "res.partner"

    acct_preferred_channel = fields.Selection(
        CHANNELS,
        string="Preferred channel",
        tracking=True,
        help="How the client prefers to hear from the firm: reminders and reactivation calls "
        "use it.",
    )
    # The client's profile: its latest snapshot, copied into plain fields by one compute
    # (related fields through a non-stored many2one cannot be kept up to date by the ORM).
    acct_segment_snapshot_id = fields.Many2one(
        "acct.segment.snapshot",
        string="Latest snapshot",
        compute="_compute_acct_profile",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_profile_abc_class = fields.Char(
        string="Pareto class",
        compute="_compute_acct_profile",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_profile_value_tier = fields.Char(
        string="Value tier",
        compute="_compute_acct_profile",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_profile_loyalty_level = fields.Char(
        string="Loyalty",
        compute="_compute_acct_profile",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_profile_rfm_code = fields.Char(
        string="RFM", compute="_compute_acct_profile", groups="acct_firm_crm.group_acct_firm_user"
    )
    acct_profile_flags = fields.Char(
        string="Utility segments",
        compute="_compute_acct_profile",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_profile_has_prediction = fields.Boolean(
        string="Has a prediction",
        compute="_compute_acct_profile",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_profile_probability_alive = fields.Float(
        string="Probability alive",
        compute="_compute_acct_profile",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_profile_clv = fields.Float(
        string="Lifetime value",
        compute="_compute_acct_profile",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_profile_probability_alive_text = fields.Char(
        string="Probability alive (labelled)",
        compute="_compute_acct_profile",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_profile_clv_text = fields.Char(
        string="Lifetime value (labelled)",
        compute="_compute_acct_profile",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_profile_value_text = fields.Char(
        string="Value (labelled)",
        compute="_compute_acct_profile",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_profile_prediction_note = fields.Char(
        string="Prediction",
        compute="_compute_acct_profile",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_profile_health_score = fields.Float(
        string="Health score",
        compute="_compute_acct_profile",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_profile_explanation = fields.Text(
        string="Explanation",
        compute="_compute_acct_profile",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_complaint_count = fields.Integer(
        string="Complaints",
        compute="_compute_acct_complaint_count",
        groups="acct_firm_crm.group_acct_firm_user",
    )

    @api.depends_context("lang", "company")
    def _compute_acct_profile(self):
        """The latest snapshot of each client in the current company (each company measures
        its own clients): two grouped queries for the whole page."""
        Snapshot = self.env["acct.segment.snapshot"]
        mine = [("client_id", "in", self.ids), ("company_id", "=", self.env.company.id)]
        latest_month = dict(Snapshot._read_group(mine, ["client_id"], ["month:max"]))
        snapshots = Snapshot.search([*mine, ("month", "in", list(set(latest_month.values())))])
        by_client = {s.client_id: s for s in snapshots if s.month == latest_month[s.client_id]}
        labels = {
            name: dict(Snapshot._fields[name]._description_selection(self.env))
            for name in ("loyalty_level",)
        }
        for partner in self:
            snapshot = by_client.get(partner, Snapshot)
            partner.acct_segment_snapshot_id = snapshot
            partner.acct_profile_abc_class = snapshot.abc_class or False
            partner.acct_profile_value_tier = snapshot.value_tier
            partner.acct_profile_loyalty_level = labels["loyalty_level"].get(
                snapshot.loyalty_level, False
            )
            partner.acct_profile_rfm_code = snapshot.rfm_code
            partner.acct_profile_flags = ", ".join(
                Snapshot._fields[flag]._description_string(self.env)
                for flag in PROFILE_FLAGS
                if snapshot[flag]
            )
            partner.acct_profile_has_prediction = snapshot.has_prediction
            partner.acct_profile_probability_alive = snapshot.probability_alive
            partner.acct_profile_clv = snapshot.clv
            partner.acct_profile_probability_alive_text = snapshot.probability_alive_text
            partner.acct_profile_clv_text = snapshot.clv_text
            partner.acct_profile_value_text = snapshot.value_text
            partner.acct_profile_prediction_note = snapshot.prediction_note
            partner.acct_profile_health_score = snapshot.health_score
            partner.acct_profile_explanation = snapshot.explanation

    def _compute_acct_complaint_count(self):
        self._acct_set_counts("acct_complaint_count", "acct.complaint")

    def action_acct_segment_trend(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acct_segments.action_acct_segment_trend"
        )
        action["domain"] = [("client_id", "=", self.id)]
        action["name"] = self.env._("Trend of %(client)s", client=self.display_name)
        return action

    def action_acct_segment_alive(self):
        """The client's probability alive, month by month."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acct_segments.action_acct_segment_alive"
        )
        action["domain"] = [("client_id", "=", self.id), ("has_prediction", "=", True)]
        action["name"] = self.env._("Probability alive of %(client)s", client=self.display_name)
        return action

    def action_acct_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acct_segments.action_acct_complaint"
        )
        action["domain"] = [("client_id", "=", self.id)]
        action["context"] = {"default_client_id": self.id}
        return action
