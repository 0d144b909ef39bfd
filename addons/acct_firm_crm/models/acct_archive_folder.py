# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from acct_firm_core.retention import RetentionError, retention_end

from .acct_register_mixin import firm_client_field


class AcctArchiveFolder(models.Model):
    """A physical folder (папка) of a client's documents in the firm's archive."""

    _name = "acct.archive.folder"
    _description = "Archive folder"
    _inherit = [
        "acct.register.mixin",
        "acct.state.machine.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _acct_number_field = "code"
    _acct_never_deleted = True
    _order = "code desc"
    _check_company_auto = True
    _acct_transitions = {
        "lend": (("archived",), ("lent",)),
        "back": (("lent",), ("archived",)),
        "return_client": (("archived", "lent"), ("returned",)),
        "destroy": (("archived",), ("destroyed",)),
    }
    _acct_action_fields = ("lent_to_id", "due_back", "destroyed_on")
    _rec_name = "code"
    # Typing or scanning the code on the label finds the folder.
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, readonly=True, copy=False, default="/", index=True)
    name = fields.Char(string="Title", tracking=True)
    # The firm's company that keeps the register entry (multi-company: the company rule).
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    client_id = firm_client_field()
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
    lent_to_id = fields.Many2one("res.partner", string="Lent to", readonly=True, tracking=True)
    due_back = fields.Date(readonly=True, tracking=True)
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

    def _acct_register_label(self):
        return self.env._("an archive folder")

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

    def _acct_never_deleted_message(self):
        return self.env._(
            "Archive folders are not deleted: mark %(code)s destroyed once its retention "
            "has ended, or returned to the client.",
            code=self[0].code,
        )

    @api.constrains("state", "lent_to_id", "due_back")
    def _check_lending(self):
        for folder in self:
            lent = folder.state == "lent"
            if (lent and not (folder.lent_to_id and folder.due_back)) or (
                not lent and (folder.lent_to_id or folder.due_back)
            ):
                raise ValidationError(
                    self.env._(
                        "Folder %(code)s: a lent folder needs to whom it is lent and when it is "
                        "due back, and only a lent folder has them.",
                        code=folder.code,
                    )
                )

    def action_lend(self):
        """Open the dialog that asks to whom and until when the folder is lent."""
        self.ensure_one()
        self._acct_check_transition("lend")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Lend folder"),
            "res_model": "acct.archive.folder.lend.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_folder_id": self.id},
        }

    def _lend(self, borrower, due_back):
        """Lend the folders to ``borrower`` (a partner or its id) until ``due_back``."""
        if not borrower or not due_back:
            raise UserError(
                self.env._("Fill in to whom the folder is lent and when it is due back.")
            )
        borrower = self.env["res.partner"].browse(getattr(borrower, "id", borrower))
        # The chatter is the firm's record: in the firm's language, not the user's.
        env = self.with_context(lang=self.env.company._acct_lang()).env
        self._acct_transition(
            "lend",
            "lent",
            {"lent_to_id": borrower.id, "due_back": due_back},
            reason=env._(
                "Lent to %(borrower)s until %(date)s.",
                borrower=borrower.display_name,
                date=format_date(env, due_back),
            ),
        )

    def action_back_in_archive(self):
        self._acct_transition("back", "archived", {"lent_to_id": False, "due_back": False})

    def action_return_to_client(self):
        self._acct_transition("return_client", "returned", {"lent_to_id": False, "due_back": False})

    def action_destroy(self):
        """Destroy folders whose retention has ended; refuse, changing nothing, otherwise."""
        self._acct_check_transition("destroy")
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
            # The chatter is the firm's record: in the firm's language, not the user's.
            env = self.with_context(lang=self.env.company._acct_lang()).env
            folder._acct_transition(
                "destroy",
                "destroyed",
                {"destroyed_on": today},
                reason=env._(
                    "Destroyed on %(date)s by %(user)s; retention had ended on %(end)s.",
                    date=format_date(env, today),
                    user=self.env.user.name,
                    end=format_date(env, folder.retention_end),
                ),
            )
