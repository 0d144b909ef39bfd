# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from .acct_register_mixin import firm_client_field
from .acct_state_machine_mixin import in_action


class AcctHandoverProtocol(models.Model):
    """A handover protocol (приемо-предавателен протокол): what the client handed to the firm
    or the firm returned to the client, signed by both sides."""

    _name = "acct.handover.protocol"
    _description = "Handover protocol"
    _inherit = [
        "acct.register.mixin",
        "acct.state.machine.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _acct_number_field = "name"
    _order = "date desc, id desc"
    _check_company_auto = True
    # Confirmed protocols are what the firm received and bills: cancelling keeps them.
    _acct_transitions = {
        "confirm": (("draft",), ("confirmed",)),
        "cancel": (("draft", "confirmed"), ("cancelled",)),
    }
    _acct_action_fields = ("cancel_reason",)

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index=True
    )
    # The firm's company that keeps the register entry (multi-company: the company rule).
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    client_id = firm_client_field()
    direction = fields.Selection(
        [("received", "Received from the client"), ("returned", "Returned to the client")],
        required=True,
        default="received",
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    contact_id = fields.Many2one(
        "res.partner",
        string="Client representative",
        tracking=True,
        domain="[('id', 'child_of', client_id)]",
        help="The client's person who hands the documents over or takes them back.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Firm representative",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        domain=[("share", "=", False)],
        help="The firm's person who receives the documents or gives them back.",
    )
    line_ids = fields.One2many("acct.handover.protocol.line", "protocol_id", string="Lines")
    document_count = fields.Integer(
        string="Documents", compute="_compute_document_count", store=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancelled", "Cancelled")],
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        tracking=True,
    )
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True)
    note = fields.Text()

    @api.depends("line_ids.count")
    def _compute_document_count(self):
        for protocol in self:
            protocol.document_count = sum(protocol.line_ids.mapped("count"))

    def _acct_register_label(self):
        return self.env._("a handover protocol")

    def write(self, vals):
        # Only the state machine (and the chatter's main attachment) touch a confirmed protocol;
        # the mixin refuses the state and the reason outside the actions below.
        if set(vals) - {"message_main_attachment_id"} and not in_action(self):
            self.filtered(lambda p: p.state != "draft")._raise_not_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self.filtered(lambda p: p.state != "draft")._raise_not_draft()

    def _raise_not_draft(self):
        if self:
            raise UserError(
                self.env._(
                    "Protocol %(name)s is %(state)s: it can no longer be changed or deleted.",
                    name=self[0].name,
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        self[0].state
                    ],
                )
            )

    def action_confirm(self):
        self._acct_check_transition("confirm")
        for protocol in self:
            if not protocol.line_ids:
                raise UserError(
                    self.env._("Protocol %(name)s has no lines to confirm.", name=protocol.name)
                )
        self._acct_transition("confirm", "confirmed")
        return True

    def action_open_cancel_wizard(self):
        self.ensure_one()
        self._acct_check_transition("cancel")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cancel protocol"),
            "res_model": "acct.handover.cancel.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_protocol_id": self.id},
        }

    def _cancel(self, reason):
        """Cancel the protocols, keeping why; a cancelled protocol counts for nothing."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason why the protocol is cancelled."))
        self._acct_transition("cancel", "cancelled", {"cancel_reason": reason}, reason=reason)

    @api.model
    def _confirmed_counts(self, client_ids, date_from, date_to):
        """Documents received from clients, per client and kind, for per-document billing.

        Sums :meth:`_received_counts_by_period` over the periods (the months the documents
        belong to) that start between ``date_from`` and ``date_to``, both included.
        Returns ``{(client_id, document_kind_code): count}``.
        """
        totals = defaultdict(int)
        counts = self._received_counts_by_period(client_ids, date_from, date_to)
        for (client_id, code, _period_start), count in counts.items():
            totals[(client_id, code)] += count
        return dict(totals)

    @api.model
    def _received_counts_by_period(self, client_ids, date_from, date_to):
        """``{(client_id, kind_code, period_start): count}`` from one grouped query over the
        lines of confirmed protocols that received documents from ``client_ids`` (returns to
        the client are not work done). Other sources of received documents extend this."""
        groups = (
            self.env["acct.handover.protocol.line"]
            .sudo()
            ._read_group(
                [
                    ("client_id", "in", list(client_ids)),
                    ("protocol_id.state", "=", "confirmed"),
                    ("protocol_id.direction", "=", "received"),
                    ("period_start", ">=", date_from),
                    ("period_start", "<=", date_to),
                ],
                ["client_id", "kind_code", "period_start:day"],
                ["count:sum"],
            )
        )
        return {
            (client.id, code, period_start): total for client, code, period_start, total in groups
        }
