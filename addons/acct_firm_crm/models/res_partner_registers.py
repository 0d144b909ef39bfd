# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A firm client's registers: their counts and buttons on the client, and the rule that a
client with entries in them is archived, never deleted."""

from odoo import api, fields, models
from odoo.exceptions import UserError


# One feature of the firm client per file (profile, registers, figures), by design.
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    # Registers that prove the firm's work for a client: the client may be archived, never
    # deleted, once one of them exists (ЗСч retention, GDPR Art. 17(3)(b)).
    _ACCT_REGISTERS = (
        ("acct.client.document", "client_id"),
        ("acct.handover.protocol", "client_id"),
        ("acct.power.attorney", "principal_id"),
        ("acct.archive.folder", "client_id"),
    )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_acct_registers(self):
        # Existence checks across every record, whoever deletes: sudo for a count only.
        checks = [
            (self.env[model].sudo().with_context(active_test=False), [(field, "in", self.ids)])
            for model, field in self._ACCT_REGISTERS
        ]
        Task = self.env["project.task"].sudo().with_context(active_test=False)
        checks.append((Task, [("acct_client_id", "in", self.ids), ("state", "=", "1_done")]))
        for model, domain in checks:
            if model.search_count(domain, limit=1):
                raise UserError(
                    self.env._(
                        "%(clients)s cannot be deleted: the firm must keep its %(register)s. "
                        "Archive the client instead.",
                        clients=", ".join(self.mapped("display_name")),
                        register=self.env["ir.model"]._get(model._name).name,
                    )
                )

    acct_document_count = fields.Integer(
        string="Client documents",
        compute="_compute_acct_register_counts",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_protocol_count = fields.Integer(
        string="Handover protocols",
        compute="_compute_acct_register_counts",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_power_attorney_count = fields.Integer(
        string="Powers of attorney",
        compute="_compute_acct_register_counts",
        groups="acct_firm_crm.group_acct_firm_user",
    )
    acct_archive_folder_count = fields.Integer(
        string="Archive folders",
        compute="_compute_acct_register_counts",
        groups="acct_firm_crm.group_acct_firm_user",
    )

    def _compute_acct_register_counts(self):
        # One grouped query per register the user may read, for the whole recordset.
        for (model, field), target in zip(
            self._ACCT_REGISTERS,
            (
                "acct_document_count",
                "acct_protocol_count",
                "acct_power_attorney_count",
                "acct_archive_folder_count",
            ),
            strict=True,
        ):
            if self.env[model].has_access("read"):
                self._acct_set_counts(target, model, field)
            else:
                self[target] = 0

    def action_acct_open_register(self):
        """Open one register (the model in the context) filtered on this client."""
        self.ensure_one()
        model = self.env.context.get("acct_register")
        field = dict(self._ACCT_REGISTERS).get(model)
        if not field:
            raise UserError(self.env._("Unknown register."))
        action = self.env["ir.actions.act_window"]._for_xml_id(
            f"acct_firm_crm.action_{model.replace('.', '_')}"
        )
        action["domain"] = [(field, "=", self.id)]
        action["context"] = {f"default_{field}": self.id}
        return action
