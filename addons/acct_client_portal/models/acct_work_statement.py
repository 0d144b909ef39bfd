# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from acct_firm_core import statement as core


class AcctWorkStatement(models.AbstractModel):
    """Adds the requests the client asked for on the portal and the firm completed."""

    _inherit = "acct.work.statement"

    def _acct_requests_enabled(self):
        return True

    def _acct_requests(self, client, period):
        """The client's requests done in the period, in one query: tasks of the client's
        projects that carry a request kind, done (by their date done) in the period."""
        tasks = self.env["project.task"].search_fetch(
            [
                ("acct_request_kind_id", "!=", False),
                "|",
                ("project_id.acct_client_id", "=", client.id),
                ("project_id.partner_id.commercial_partner_id", "=", client.id),
                ("state", "=", "1_done"),
                ("acct_date_done", ">=", period.date_from),
                ("acct_date_done", "<=", period.date_to),
            ],
            ["name", "acct_request_kind_id", "acct_date_done"],
            order="acct_date_done, id",
        )
        rows = [
            {
                "name": task.name,
                "kind": task.acct_request_kind_id.name,
                "date_done": task.acct_date_done,
            }
            for task in tasks
        ]
        counts = {}
        for row in rows:
            counts[row["kind"]] = counts.get(row["kind"], 0) + 1
        return {**core.requests_section(counts.items()), "tasks": rows}
