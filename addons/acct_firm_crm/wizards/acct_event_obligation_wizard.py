# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from acct_firm_core import deadlines


class AcctEventObligationWizard(models.TransientModel):
    """Record an event (an employment contract signed, a vehicle bought ...) and get the
    task of the notice it triggers, with its legal and effective due dates."""

    _name = "acct.event.obligation.wizard"
    _description = "Record an event obligation"

    client_id = fields.Many2one("res.partner", required=True, readonly=True)
    client_obligation_id = fields.Many2one(
        "acct.client.obligation",
        string="Obligation",
        required=True,
        domain="[('client_id', '=', client_id), ('periodicity', '=', 'event'), "
        "('applies', '=', True)]",
    )
    event_date = fields.Date(required=True, default=fields.Date.context_today)
    subject = fields.Char(
        help="Tells apart events of the same day, e.g. the employee's name.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        client_id = values.get("client_id") or self.env.context.get("active_id")
        if client_id and self.env.context.get("active_model") == "res.partner":
            values["client_id"] = client_id
        return values

    def action_create_task(self):
        self.ensure_one()
        obligation = self.client_obligation_id
        if obligation.client_id != self.client_id or obligation.periodicity != "event":
            raise UserError(self.env._("Choose an event obligation of this client."))
        kind = obligation.obligation_type_id
        legal = deadlines.legal_due_date(kind.due_rule, self.event_date)
        effective = (
            self.env["acct.nonworking.day"]._working_calendar().effective(legal, kind.country_id)
        )
        code = self.event_date.isoformat()
        if (self.subject or "").strip():
            code = f"{code} {self.subject.strip()}"
        task = self.env["acct.client.obligation"]._create_tasks(
            [(obligation, code, legal, effective)]
        )
        if not task:
            raise UserError(
                self.env._(
                    "%(client)s already has a task for %(obligation)s on %(period)s. "
                    "Add a subject to tell the events apart.",
                    client=self.client_id.display_name,
                    obligation=kind.name,
                    period=code,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "project.task",
            "res_id": task.id,
            "view_mode": "form",
        }
