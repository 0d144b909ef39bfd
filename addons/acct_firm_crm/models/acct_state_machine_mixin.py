# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""State machines and action-only fields, enforced by the model.

A register's ``state`` and the fields that only its actions set (confirmation, revocation,
destruction, lending, ...) are refused by ``write`` and ``create`` unless an action writes
them through :meth:`AcctStateMachineMixin._acct_transition`, which checks the transition in
the model's table first. The permission lives in a Python context variable of the running
action: a JSON-RPC caller controls the request's ``context`` dictionary, never this variable,
so no context key opens a lock.
"""

import contextlib
import contextvars

from odoo import api, fields, models
from odoo.exceptions import UserError

# {(model name, record id or None for a creation)} the running action may write.
_ACTION_WRITES = contextvars.ContextVar("acct_firm_crm_action_writes", default=frozenset())


@contextlib.contextmanager
def action_writes(records, create=False):
    """Let the enclosed code write the action-only fields of ``records`` (and create records
    of their model in a locked state when ``create``)."""
    keys = {(records._name, record_id) for record_id in records.ids}
    if create:
        keys.add((records._name, None))
    token = _ACTION_WRITES.set(_ACTION_WRITES.get() | keys)
    try:
        yield
    finally:
        _ACTION_WRITES.reset(token)


def in_action(records, create=False):
    """Whether an action currently writes ``records`` (or creates records of their model)."""
    allowed = _ACTION_WRITES.get()
    if create:
        return (records._name, None) in allowed
    return all((records._name, record_id) in allowed for record_id in records.ids)


class AcctStateMachineMixin(models.AbstractModel):
    """Registers whose state only their actions change.

    A model lists its transitions once in ``_acct_transitions``:
    ``{action: (states it starts from, states it may lead to)}``. The actions call
    :meth:`_acct_transition`; the form's buttons read ``acct_allowed_actions``, computed from
    the same table, so that a button shows exactly when its action is allowed. The models
    that use it have ``mail.thread``: every state change leaves a chatter line.
    """

    _name = "acct.state.machine.mixin"
    _description = "State machine enforced by the model"

    _acct_transitions = {}
    # Fields only the actions set, besides the state.
    _acct_action_fields = ()

    acct_allowed_actions = fields.Char(
        string="Allowed actions",
        compute="_compute_acct_allowed_actions",
        help="The actions the state allows now, as |action|action|: the form's buttons use it.",
    )

    # The mixin itself has no state: the registers that inherit it do.
    @api.depends(lambda self: ["state"] if "state" in self._fields else [])
    def _compute_acct_allowed_actions(self):
        for record in self:
            allowed = [
                action
                for action, (sources, _targets) in self._acct_transitions.items()
                if record.state in sources
            ]
            record.acct_allowed_actions = "|%s|" % "|".join(allowed)

    @api.model
    def _acct_locked_fields(self):
        return {"state", *self._acct_action_fields}

    def _acct_state_label(self, state):
        return dict(self._fields["state"]._description_selection(self.env)).get(state, state)

    def _acct_refuse_locked(self, names):
        labels = ", ".join(
            sorted(self._fields[name]._description_string(self.env) for name in names)
        )
        raise UserError(
            self.env._(
                "%(fields)s can only be changed by the record's actions (the buttons of the "
                "form), which check that the change is allowed.",
                fields=labels,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not in_action(self, create=True):
            for vals in vals_list:
                # Only the initial state, and no action-only value, may be given.
                locked = {
                    name
                    for name in self._acct_locked_fields() & set(vals)
                    if vals[name] and not (name == "state" and vals[name] == self._acct_initial())
                }
                if locked:
                    self._acct_refuse_locked(locked)
        return super().create(vals_list)

    def write(self, vals):
        locked = self._acct_locked_fields() & set(vals)
        if locked and not in_action(self):
            self._acct_refuse_locked(locked)
        return super().write(vals)

    @api.model
    def _acct_initial(self):
        return self._fields["state"].default(self)

    def _acct_check_transition(self, action):
        """Refuse, naming the record, unless every record may take ``action`` now."""
        sources, _targets = self._acct_transitions[action]
        for record in self:
            if record.state not in sources:
                raise UserError(
                    self.env._(
                        "%(record)s is %(state)s: this action is not possible.",
                        record=record.display_name,
                        state=self._acct_state_label(record.state),
                    )
                )

    def _acct_transition(self, action, target, values=None, reason=None):
        """Move the records to ``target`` by ``action``, writing ``values`` with it, and log
        who did it and why in each record's chatter. The only way to change the state."""
        if not self:
            return
        _sources, targets = self._acct_transitions[action]
        if target not in targets:
            raise UserError(
                self.env._(
                    "%(state)s is not a state this action leads to.",
                    state=self._acct_state_label(target),
                )
            )
        self._acct_check_transition(action)
        previous = {record.id: record.state for record in self}
        with action_writes(self):
            self.write({**(values or {}), "state": target})
        for record in self:
            record._acct_log_transition(previous[record.id], target, reason)

    def _acct_log_transition(self, source, target, reason=None):
        self.ensure_one()
        # The chatter is the firm's record: in the firm's language, whoever clicked.
        record = self.with_context(lang=self.env.company._acct_lang())
        labels = {
            "old": record._acct_state_label(source),
            "new": record._acct_state_label(target),
            "user": self.env.user.name,
        }
        if reason:
            body = record.env._(
                "%(old)s → %(new)s by %(user)s. Reason: %(reason)s", reason=reason, **labels
            )
        else:
            body = record.env._("%(old)s → %(new)s by %(user)s.", **labels)
        self.message_post(body=body, message_type="notification")
