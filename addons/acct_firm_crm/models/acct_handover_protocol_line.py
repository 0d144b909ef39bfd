# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from acct_firm_core.periods import month_start

from .acct_client_document import MONTHS


def _previous_month(env):
    return fields.Date.context_today(env["acct.handover.protocol.line"]) - relativedelta(months=1)


class AcctHandoverProtocolLine(models.Model):
    _name = "acct.handover.protocol.line"
    _description = "Handover protocol line"
    _order = "protocol_id, sequence, id"

    protocol_id = fields.Many2one(
        "acct.handover.protocol", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    client_id = fields.Many2one(related="protocol_id.client_id", store=True, index=True)
    company_id = fields.Many2one(related="protocol_id.company_id", store=True, index=True)
    state = fields.Selection(related="protocol_id.state")
    category_id = fields.Many2one("acct.document.category", string="Document kind", required=True)
    # Stored so that billing counts per kind code in one grouped query.
    kind_code = fields.Char(related="category_id.code", store=True, string="Document kind code")
    # Documents are usually handed over the month after the one they belong to.
    period_year = fields.Integer(
        string="Year",
        required=True,
        default=lambda self: _previous_month(self.env).year,
        aggregator=None,
    )
    period_month = fields.Selection(
        MONTHS,
        string="Month",
        default=lambda self: str(_previous_month(self.env).month),
        help="Leave empty for documents of the whole year.",
    )
    period_start = fields.Date(
        compute="_compute_period_start",
        store=True,
        index=True,
        help="First day of the period the documents belong to: billing counts by it.",
    )
    count = fields.Integer(required=True, default=1)
    note = fields.Char()
    document_ids = fields.Many2many(
        "acct.client.document",
        string="Document entries",
        domain="[('client_id', '=', client_id)]",
    )
    archive_folder_id = fields.Many2one(
        "acct.archive.folder",
        string="Archive folder",
        index="btree_not_null",
        domain="[('client_id', '=', client_id)]",
    )

    @api.depends("period_year", "period_month")
    def _compute_period_start(self):
        for line in self:
            line.period_start = month_start(line.period_year, line.period_month)

    @api.constrains("count", "period_year")
    def _check_count_and_year(self):
        for line in self:
            if line.count <= 0:
                raise ValidationError(
                    self.env._("A protocol line hands over at least one document.")
                )
            if not 1900 <= line.period_year <= 2999:
                raise ValidationError(
                    self.env._("%(year)s is not a valid year.", year=line.period_year)
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.protocol_id.filtered(lambda p: p.state != "draft")._raise_not_draft()
        return lines

    def write(self, vals):
        # The archive folder may still be filled in once the documents are shelved.
        if set(vals) - {"archive_folder_id"}:
            self.protocol_id.filtered(lambda p: p.state != "draft")._raise_not_draft()
        res = super().write(vals)
        if "protocol_id" in vals:
            # Nor can a draft line be moved into a confirmed protocol.
            self.protocol_id.filtered(lambda p: p.state != "draft")._raise_not_draft()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self.protocol_id.filtered(lambda p: p.state != "draft")._raise_not_draft()
