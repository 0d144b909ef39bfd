# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class ResPartner(models.Model):
    _inherit = "res.partner"

    acct_is_firm_client = fields.Boolean(
        string="Firm client",
        tracking=True,
        help="The firm keeps this company's or person's books: it carries a tax profile, "
        "statutory obligations and a client code.",
    )
    acct_client_code = fields.Char(
        string="Client code",
        copy=False,
        index="btree_not_null",
        tracking=True,
        help="The firm's own short reference of the client, unique across clients.",
    )

    _sql_constraints = [
        (
            "acct_client_code_unique",
            "UNIQUE(acct_client_code)",
            "Another client already has this client code.",
        ),
    ]

    @api.constrains("acct_is_firm_client", "acct_client_code", "is_company", "parent_id")
    def _check_acct_firm_client(self):
        for partner in self:
            if not partner.acct_is_firm_client:
                continue
            if partner.parent_id:
                # A contact person works *for* a client; the profile lives on the client itself.
                raise ValidationError(
                    self.env._(
                        "%(name)s is a contact of %(parent)s: mark the company as the firm "
                        "client instead.",
                        name=partner.name,
                        parent=partner.parent_id.display_name,
                    )
                )
            if not (partner.acct_client_code or "").strip():
                raise ValidationError(
                    self.env._(
                        "A firm client needs a client code: %(name)s has none.", name=partner.name
                    )
                )

    # Also added by the statutory-profile work; same name, same meaning (merge keeps one).
    acct_accountant_id = fields.Many2one(
        "res.users",
        string="Responsible accountant",
        tracking=True,
        domain=[("share", "=", False)],
    )

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
        if "acct_client_id" in Task._fields:
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
        string="Client documents", compute="_compute_acct_register_counts"
    )
    acct_protocol_count = fields.Integer(
        string="Handover protocols", compute="_compute_acct_register_counts"
    )
    acct_power_attorney_count = fields.Integer(
        string="Powers of attorney", compute="_compute_acct_register_counts"
    )
    acct_archive_folder_count = fields.Integer(
        string="Archive folders", compute="_compute_acct_register_counts"
    )

    def _compute_acct_register_counts(self):
        # One grouped query per register for the whole recordset.
        counts = {}
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
            Register = self.env[model]
            if not Register.has_access("read"):
                counts[target] = {}
                continue
            groups = Register._read_group([(field, "in", self.ids)], [field], ["__count"])
            counts[target] = {partner.id: count for partner, count in groups}
        for partner in self:
            for target, by_partner in counts.items():
                partner[target] = by_partner.get(partner.id, 0)

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
