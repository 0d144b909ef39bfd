# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AcctWorkType(models.Model):
    """What an accountant did in a time report: bookkeeping, a VAT return, payroll ..."""

    _name = "acct.work.type"
    _description = "Work type of a time report"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    default_minutes = fields.Integer(
        string="Default minutes",
        default=30,
        help="Time proposed when this work type is chosen on a new time report.",
    )
    billable = fields.Boolean(
        default=True,
        help="Time of this kind is work for the client that the firm may bill; internal work "
        "(training, administration) is not.",
    )
    company_id = fields.Many2one("res.company", help="Leave empty to share across companies.")

    _sql_constraints = [
        (
            "default_minutes_positive",
            "CHECK(default_minutes >= 0)",
            "The default minutes of a work type cannot be negative.",
        ),
    ]

    @api.constrains("default_minutes")
    def _check_default_minutes(self):
        for work_type in self:
            if work_type.default_minutes > 24 * 60:
                raise ValidationError(
                    self.env._(
                        "%(name)s: a default of %(minutes)s minutes is more than a day.",
                        name=work_type.name,
                        minutes=work_type.default_minutes,
                    )
                )
