# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from acct_firm_core.pricing import received_quantities


class AcctHandoverProtocol(models.Model):
    _inherit = "acct.handover.protocol"

    @api.model
    def _received_counts_by_period(self, client_ids, date_from, date_to):
        """Adds the documents clients uploaded on the portal in billable categories; where a
        confirmed protocol counts the same client, kind and period, the protocol wins."""
        protocol_counts = super()._received_counts_by_period(client_ids, date_from, date_to)
        groups = (
            self.env["acct.client.document"]
            .sudo()
            ._read_group(
                [
                    ("client_id", "in", list(client_ids)),
                    ("origin", "=", "client"),
                    ("uploaded_by_id", "!=", False),
                    ("category_id.portal_billable", "=", True),
                    ("period_start", ">=", date_from),
                    ("period_start", "<=", date_to),
                ],
                ["client_id", "category_id", "period_start:day"],
                ["__count"],
            )
        )
        upload_counts = {
            (client.id, category.code, period_start): count
            for client, category, period_start, count in groups
        }
        return received_quantities(protocol_counts, upload_counts)
