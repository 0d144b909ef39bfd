# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class ReportAcctWorkStatement(models.AbstractModel):
    """The PDF of the statement of work: ``data['period']`` is the period's code (see
    ``acct_firm_core.statement``); each client's statement in the client's language."""

    _name = "report.acct_firm_crm.report_work_statement"
    _description = "Statement of work (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        code = (data or {}).get("period")
        if not code:
            raise UserError(self.env._("Print the statement of work from its period wizard."))
        Statement = self.env["acct.work.statement"]
        period = Statement._acct_period_from_code(code)
        clients = self.env["res.partner"].browse(docids)
        statements = {}
        for client in clients:
            reader = Statement.with_context(lang=client.sudo()._acct_reader_lang())
            statements[client.id] = reader._acct_statement(client, period, data.get("kinds"))
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": clients.sudo(),
            "statements": statements,
        }
