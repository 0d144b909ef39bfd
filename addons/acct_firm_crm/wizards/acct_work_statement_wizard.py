# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import api, fields, models

from acct_firm_core.statement import default_period

from ..models.acct_client_document import MONTHS

REPORT = "acct_firm_crm.action_report_work_statement"


class AcctWorkStatementWizard(models.TransientModel):
    """The period of a client's statement of work, to print it or to e-mail it."""

    _name = "acct.work.statement.wizard"
    _description = "Statement of work: period"

    client_id = fields.Many2one(
        "res.partner",
        required=True,
        domain=[("acct_is_firm_client", "=", True)],
        ondelete="cascade",
    )
    period_kind = fields.Selection(
        [("month", "Month"), ("quarter", "Quarter"), ("year", "Year"), ("range", "From - to")],
        string="Period",
        required=True,
        default="month",
    )
    year = fields.Integer(
        default=lambda self: default_period(fields.Date.context_today(self)).year,
        aggregator=None,
    )
    month = fields.Selection(
        MONTHS, default=lambda self: str(default_period(fields.Date.context_today(self)).month)
    )
    quarter = fields.Selection(
        [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")],
        default=lambda self: str(default_period(fields.Date.context_today(self)).quarter),
    )
    date_from = fields.Date(string="From")
    date_to = fields.Date(string="To")

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        # Refused at once for a client the user may not see, even through JSON-RPC.
        for wizard in wizards:
            self.env["acct.work.statement"]._acct_check_access(wizard.client_id)
        return wizards

    def _acct_period(self):
        self.ensure_one()
        Statement = self.env["acct.work.statement"]
        values = {
            "month": f"{self.year}-{(self.month or '').zfill(2)}",
            "quarter": f"{self.year}-Q{self.quarter}",
            "year": str(self.year),
        }
        if self.period_kind == "range":
            return Statement._acct_period("range", date_from=self.date_from, date_to=self.date_to)
        return Statement._acct_period(self.period_kind, values.get(self.period_kind))

    def _acct_report_data(self):
        """The report's data, after the access and period checks."""
        self.ensure_one()
        self.env["acct.work.statement"]._acct_check_access(self.client_id)
        return {"period": self._acct_period().code}

    def action_print(self):
        data = self._acct_report_data()
        return self.env.ref(REPORT).report_action(self.client_id, data=data)

    def action_send(self):
        """The e-mail composer on the client, with the statement's template and its PDF."""
        data = self._acct_report_data()
        client = self.client_id
        period = self._acct_period()
        pdf, _type = self.env["ir.actions.report"]._render_qweb_pdf(REPORT, client.ids, data=data)
        label = self.env["acct.work.statement"]._acct_period_label(period)
        name = self.env._(
            "Statement of work %(client)s %(period)s.pdf",
            client=client.acct_client_code or client.name,
            period=label.replace(" ", ""),
        )
        attachment = self.env["ir.attachment"].create(
            {
                "name": name,
                "datas": base64.b64encode(pdf),
                "mimetype": "application/pdf",
                "res_model": "mail.compose.message",
                "res_id": 0,
            }
        )
        template = self.env.ref("acct_firm_crm.mail_template_work_statement")
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": "res.partner",
                "default_res_ids": client.ids,
                "default_composition_mode": "comment",
                "default_template_id": template.id,
                "default_attachment_ids": attachment.ids,
                "default_partner_ids": client.ids,
                "acct_statement_period": label,
            },
        }
