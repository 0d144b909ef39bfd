# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from acct_firm_core.retention import RETENTION_YEARS

RETENTION_CLASSES = [
    ("payroll", "Payroll (50 years)"),
    ("registers", "Registers and financial statements (10 years)"),
    ("tax", "Tax and insurance control (10 years)"),
    ("other", "Other accounting documents (5 years)"),
]
# The selection above and the core's rule must name the same classes.
assert {code for code, _label in RETENTION_CLASSES} == set(RETENTION_YEARS)


class AcctDocumentCategory(models.Model):
    _name = "acct.document.category"
    _description = "Client document category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="A short stable key, e.g. for billing by document kind.",
    )
    sequence = fields.Integer(default=10)
    retention_class = fields.Selection(
        RETENTION_CLASSES,
        required=True,
        default="other",
        help="How long documents of this category are kept after the year they belong to.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "Another document category already has this code."),
    ]
