# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AcctSegmentSnapshot(models.Model):
    """Column labels that name their period: "Invoiced in the last 12 months", "Value over
    the next 36 months". The windows are the firm's settings (metrics, rules), so the labels
    are set on the view when it is loaded, as Odoo's res.currency names its rate columns after
    the company currency (``_get_view`` and a view cache key that holds the numbers: changing
    a window gives the next loaded view its new label). A column's help, shown on hover,
    says what the number is."""

    _inherit = "acct.segment.snapshot"

    @api.model
    def _period_labels_key(self):
        windows = self._windows()
        horizon = self.env["acct.segment.rule"]._get_thresholds()["clv_horizon_months"]
        return (tuple(sorted(windows.items())), int(horizon))

    @api.model
    def _period_labels(self):
        """{field name: its label with the period it covers}, for the active metrics."""
        windows, horizon = self._period_labels_key()
        windows = dict(windows)
        templates = {
            "value": ("value", self.env._("Invoiced in the last %(months)s months")),
            "frequency": ("frequency", self.env._("Invoiced months of the last %(months)s")),
            "payment_delay": (
                "payment_delay",
                self.env._("Days late (avg), last %(months)s months"),
            ),
            "complaints": ("complaints", self.env._("Complaints, last %(months)s months")),
            "satisfaction": ("satisfaction", self.env._("Satisfaction, last %(months)s months")),
            "margin": ("margin", self.env._("Margin, last %(months)s months")),
            "cost": ("margin", self.env._("Cost to serve, last %(months)s months")),
        }
        labels = {
            field: template % {"months": windows[code]}
            for field, (code, template) in templates.items()
            if code in windows
        }
        if "growth" in windows:
            labels["growth"] = self.env._(
                "Growth: last %(months)s months against the %(months)s before",
                months=max(1, windows["growth"] // 2),
            )
        labels["clv"] = self.env._("Value over the next %(months)s months", months=horizon)
        labels["expected_purchases"] = self.env._("Invoiced months expected in the next 12")
        return labels

    @api.model
    def _get_view_cache_key(self, view_id=None, view_type="form", **options):
        key = super()._get_view_cache_key(view_id, view_type, **options)
        return key + self._period_labels_key()

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        arch, view = super()._get_view(view_id, view_type, **options)
        if view_type in ("list", "form"):
            for field, label in self._period_labels().items():
                for node in arch.xpath(f"//field[@name='{field}'][not(@widget='statinfo')]"):
                    node.set("string", label)
        return arch, view
