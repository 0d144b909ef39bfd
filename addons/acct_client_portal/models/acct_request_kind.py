# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

ASSIGNEE_ROLES = [
    ("accountant", "The client's accountant"),
    ("reviewer", "The client's reviewer"),
    ("payroll", "The client's payroll accountant"),
]


class AcctRequestKind(models.Model):
    """What a client may ask the firm for on the portal (a certificate, a consultation...).

    The firm keeps a short list; each kind says who gets the task, in how many working days
    it is due and whether it is billed apart.
    """

    _name = "acct.request.kind"
    _description = "Kind of client request"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    request_type = fields.Selection(
        [("document", "A document"), ("task", "A task")],
        string="The client asks for",
        required=True,
        default="document",
    )
    assignee_role = fields.Selection(
        ASSIGNEE_ROLES,
        string="Assigned to",
        required=True,
        default="accountant",
        help="Who in the firm gets the task: the client's accountant, reviewer or payroll "
        "accountant (the client's accountant when the client has none of the latter).",
    )
    target_days = fields.Integer(
        string="Target (working days)",
        required=True,
        default=3,
        help="The task's deadline, counted in working days of the statutory engine's calendar.",
    )
    billable = fields.Boolean(help="Billed apart from the engagement's fee.")
    description = fields.Text(translate=True, help="Shown to the client under the kind's name.")
    document_category_id = fields.Many2one(
        "acct.document.category",
        string="Files sent back go to",
        help="The category of the client's documents where the files the firm sends back in "
        "a reply land (Other when empty). Payroll slips belong in a restricted category.",
    )

    _sql_constraints = [
        (
            "target_days_positive",
            "CHECK(target_days > 0)",
            "The target time of a request kind is at least one working day.",
        ),
    ]
