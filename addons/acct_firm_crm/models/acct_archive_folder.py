# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from acct_firm_core.retention import RetentionError, retention_end


class AcctArchiveFolder(models.Model):
    """A physical folder (папка) of a client's documents in the firm's archive."""

    _name = "acct.archive.folder"
    _description = "Archive folder"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "code desc"
    _rec_name = "code"
    # Typing or scanning the code on the label finds the folder.
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, readonly=True, copy=False, default="/", index=True)
    name = fields.Char(string="Title", tracking=True)
    client_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain=[("acct_is_firm_client", "=", True)],
    )
    year_from = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year, aggregator=None
    )
    year_to = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        aggregator=None,
        tracking=True,
        help="The latest year of the documents in the folder: retention counts from it.",
    )
    category_ids = fields.Many2many("acct.document.category", string="Categories")
    content = fields.Text()
    protocol_line_ids = fields.One2many(
        "acct.handover.protocol.line", "archive_folder_id", string="Protocol lines"
    )
    location_id = fields.Many2one("acct.archive.location", tracking=True)
    state = fields.Selection(
        [
            ("archived", "In archive"),
            ("lent", "Lent"),
            ("returned", "Returned to the client"),
            ("destroyed", "Destroyed"),
        ],
        required=True,
        default="archived",
        readonly=True,
        copy=False,
        tracking=True,
    )
    lent_to_id = fields.Many2one("res.partner", string="Lent to", tracking=True)
    due_back = fields.Date(tracking=True)
    retention_end = fields.Date(
        compute="_compute_retention_end",
        store=True,
        help="The last day the content must be kept (ЗСч чл. 12, ДОПК чл. 38); "
        "destruction is allowed only after it.",
    )
    destroyed_on = fields.Date(readonly=True, copy=False)

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "Another archive folder already has this code."),
    ]

    @api.depends(
        "year_to",
        "category_ids.retention_class",
        "protocol_line_ids.category_id.retention_class",
        "protocol_line_ids.period_year",
    )
    def _compute_retention_end(self):
        for folder in self:
            classes = folder.category_ids.mapped(
                "retention_class"
            ) + folder.protocol_line_ids.mapped("category_id.retention_class")
            latest = max([folder.year_to, *folder.protocol_line_ids.mapped("period_year")])
            try:
                folder.retention_end = retention_end(latest, classes)
            except RetentionError:
                folder.retention_end = False

    @api.depends("code", "client_id")
    def _compute_display_name(self):
        for folder in self:
            parts = [folder.code, folder.client_id.name, folder.name]
            folder.display_name = " - ".join(part for part in parts if part)

    @api.constrains("year_from", "year_to")
    def _check_years(self):
        for folder in self:
            if not 1900 <= folder.year_from <= folder.year_to <= 2999:
                raise ValidationError(
                    self.env._(
                        "Folder %(code)s: the years %(start)s-%(end)s are not a valid range.",
                        code=folder.code,
                        start=folder.year_from,
                        end=folder.year_to,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("code", "/") == "/":
                vals["code"] = self.env["ir.sequence"].next_by_code("acct.archive.folder")
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if self:
            raise UserError(
                self.env._(
                    "Archive folders are not deleted: mark %(code)s destroyed once its retention "
                    "has ended, or returned to the client.",
                    code=self[0].code,
                )
            )

    def _check_state(self, allowed):
        for folder in self:
            if folder.state not in allowed:
                raise UserError(
                    self.env._(
                        "Folder %(code)s is %(state)s: this action is not possible.",
                        code=folder.code,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            folder.state
                        ],
                    )
                )

    def action_lend(self):
        self._check_state(("archived",))
        for folder in self:
            if not folder.lent_to_id or not folder.due_back:
                raise UserError(
                    self.env._(
                        "Fill in to whom folder %(code)s is lent and when it is due back.",
                        code=folder.code,
                    )
                )
        self.state = "lent"

    def action_back_in_archive(self):
        self._check_state(("lent",))
        self.write({"state": "archived", "lent_to_id": False, "due_back": False})

    def action_return_to_client(self):
        self._check_state(("archived", "lent"))
        self.write({"state": "returned", "lent_to_id": False, "due_back": False})

    def action_destroy(self):
        """Destroy folders whose retention has ended; refuse, changing nothing, otherwise."""
        self._check_state(("archived",))
        today = fields.Date.context_today(self)
        for folder in self:
            if not folder.retention_end or today <= folder.retention_end:
                raise UserError(
                    self.env._(
                        "Folder %(code)s must be kept until %(end)s: it cannot be destroyed "
                        "before then.",
                        code=folder.code,
                        end=folder.retention_end or "?",
                    )
                )
        for folder in self:
            folder.write({"state": "destroyed", "destroyed_on": today})
            # The chatter is the firm's record: in the firm's language, not the user's.
            env = self.with_context(lang=self.env.company._acct_lang()).env
            folder.message_post(
                body=env._(
                    "Destroyed on %(date)s by %(user)s; retention had ended on %(end)s.",
                    date=format_date(env, today),
                    user=self.env.user.name,
                    end=format_date(env, folder.retention_end),
                )
            )
