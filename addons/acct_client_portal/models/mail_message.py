# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailMessage(models.Model):
    _inherit = "mail.message"

    def _portal_message_format(self, properties_names, options=None):
        """A request's conversation without portal_rating's summary of the task's ratings
        (average, stars per level, "comments"): the request page shows the client's rating
        once, in its own block (views/acct_request_templates.xml)."""
        vals_list = super()._portal_message_format(properties_names, options=options)
        requests = {
            task.id
            for task in self.env["project.task"]
            .sudo()
            .browse({m.res_id for m in self if m.model == "project.task"})
            .exists()
            if task.acct_request_kind_id
        }
        for message, values in zip(self, vals_list, strict=True):
            if message.model == "project.task" and message.res_id in requests:
                values.pop("rating_stats", None)
        return vals_list
