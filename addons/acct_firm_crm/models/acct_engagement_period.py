# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from decimal import Decimal

from psycopg2.extras import Json

from odoo import api, fields, models, tools
from odoo.exceptions import UserError

from acct_firm_core import pricing

from .acct_state_machine_mixin import action_writes, in_action

_logger = logging.getLogger(__name__)


class AcctEngagementPeriod(models.Model):
    """A billed period of an engagement: the proof that it was invoiced, exactly once.

    The billing run inserts this record *before* it creates the invoice, in a savepoint: the
    unique key on (engagement, period start) makes a rerun, or a run overlapping another one in
    a second transaction, fail on the insert and skip the period instead of invoicing it twice.
    """

    _name = "acct.engagement.period"
    _description = "Billed period of an engagement"
    _order = "period_start desc, id desc"
    _rec_name = "name"

    engagement_id = fields.Many2one(
        "acct.engagement", required=True, ondelete="restrict", index=True, readonly=True
    )
    client_id = fields.Many2one(
        related="engagement_id.client_id", store=True, index=True, string="Client"
    )
    company_id = fields.Many2one(related="engagement_id.company_id", store=True)
    currency_id = fields.Many2one(related="engagement_id.currency_id")
    name = fields.Char(string="Period", required=True, readonly=True)
    period_start = fields.Date(required=True, readonly=True)
    period_end = fields.Date(required=True, readonly=True)
    invoice_id = fields.Many2one("account.move", readonly=True, index="btree_not_null", copy=False)
    invoice_state = fields.Selection(related="invoice_id.state", string="Invoice status")
    fee_model = fields.Selection(
        # The engagement's fee models, with their labels in the reader's language.
        selection=lambda self: (
            self.env["acct.engagement"]._fields["fee_model"]._description_selection(self.env)
        ),
        readonly=True,
    )
    quantity = fields.Integer(string="Documents", readonly=True)
    quantity_by_kind = fields.Json(
        readonly=True, help="Documents processed in the period, per document kind."
    )
    proration_factor = fields.Float(digits=(16, 6), readonly=True, default=1.0)
    days_covered = fields.Integer(readonly=True)
    days_in_period = fields.Integer(readonly=True)
    fee_lines = fields.Json(
        readonly=True,
        help="The lines of the usage statement: label, tier, quantity, price and amount.",
    )
    amount_total = fields.Monetary(
        string="Fee (untaxed)", currency_field="currency_id", readonly=True
    )
    statement_attachment_id = fields.Many2one(
        "ir.attachment", string="Usage statement file", readonly=True, copy=False
    )
    minimum_applied = fields.Boolean(readonly=True)
    cap_applied = fields.Boolean(readonly=True)

    _sql_constraints = [
        (
            "engagement_period_unique",
            "UNIQUE(engagement_id, period_start)",
            "This period of the engagement is already billed.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        self._raise_billing_only()
        return super().create(vals_list)

    def write(self, vals):
        if not in_action(self):
            self.check_access("write")
            self._raise_billing_only()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_billing_only(self):
        if not in_action(self):
            self._raise_billing_only()

    @api.model
    def _raise_billing_only(self):
        """A billed period proves an invoice: only the billing run writes it."""
        raise UserError(
            self.env._(
                "Billed periods are written by the billing run only: they prove what was "
                "invoiced and cannot be created, changed or deleted by hand."
            )
        )

    @api.model
    def _statement_kind_label(self, kind):
        """Readable label of a document kind code of the quantity sources."""
        if kind == "documents":
            return self.env._("Posted documents")
        return kind

    @api.model
    def _cron_attach_usage_statements(self, batch_size=100):
        """Scheduled job, triggered by the billing run: render the usage statements of the
        invoiced periods and attach them to their invoices, a batch per call.

        Rendering PDFs is kept out of the billing run on purpose: it is slow, and a failing
        PDF renderer must never stop invoices from being created.
        """
        domain = [("invoice_id", "!=", False), ("statement_attachment_id", "=", False)]
        periods = self.search(domain, limit=batch_size, order="id")
        attached = periods._attach_usage_statements()
        # On a rendering failure, stop here: the next scheduled run retries.
        remaining = self.search_count(domain) if attached == periods else 0
        self.env["ir.cron"]._notify_progress(done=len(attached), remaining=remaining)
        return attached

    def _attach_usage_statements(self):
        """Render the usage statements of the invoiced periods in one report call and attach
        each to its invoice, where the accountant finds it; returns the periods done."""
        periods = self.filtered(
            lambda period: period.invoice_id and not period.statement_attachment_id
        )
        if not periods:
            return periods
        report = self.env.ref("acct_firm_crm.action_report_usage_statement")
        reports = self.env["ir.actions.report"].sudo()
        testing = tools.config["test_enable"] or tools.config["test_file"]
        try:
            if testing and not self.env.context.get("force_report_rendering"):
                # Odoo's own reports render HTML under test unless asked otherwise: wkhtmltopdf
                # fetches the styles from the running server, which a plain TransactionCase
                # does not start (tests/test_reports_pdf.py prints the real PDF).
                contents = {
                    period.id: (reports._render_qweb_html(report, period.ids)[0], "text/html")
                    for period in periods
                }
            else:
                contents = periods._usage_statement_pdfs(report)
        except Exception as error:  # pylint: disable=broad-except
            _logger.warning("Usage statements not rendered, retried later: %s", error)
            return self.browse()
        done = self.browse()
        for period in periods:
            if period.id not in contents:
                continue
            raw, mimetype = contents[period.id]
            extension = "pdf" if mimetype == "application/pdf" else "html"
            attachment = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": period.with_context(
                            lang=period.client_id._acct_reader_lang()
                        ).env._(
                            "Usage statement %(period)s.%(ext)s",
                            period=period.name,
                            ext=extension,
                        ),
                        "raw": raw,
                        "mimetype": mimetype,
                        "res_model": "account.move",
                        "res_id": period.invoice_id.id,
                    }
                )
            )
            with action_writes(period):
                period.statement_attachment_id = attachment
            done |= period
        return done

    def _usage_statement_pdfs(self, report):
        """``{period id: (pdf bytes, "application/pdf")}``, in one wkhtmltopdf call.

        wkhtmltopdf built on an unpatched Qt (Debian's package) cannot print several
        documents in one call and fails: the periods are then printed one at a time, so that
        the statements are attached whichever build the server has."""
        reports = self.env["ir.actions.report"].sudo()
        try:
            streams = reports._render_qweb_pdf_prepare_streams(report, {}, res_ids=self.ids)
        except Exception:
            if len(self) == 1:
                raise
            streams = {}
            for period in self:
                streams.update(
                    reports._render_qweb_pdf_prepare_streams(report, {}, res_ids=period.ids)
                )
        return {
            res_id: (data["stream"].getvalue(), "application/pdf")
            for res_id, data in streams.items()
            if res_id and data["stream"]
        }

    def action_print_usage_statement(self):
        return self.env.ref("acct_firm_crm.action_report_usage_statement").report_action(self)

    # ----------------------------------------------------------------------------------
    # Migration 18.0.1.1.0: labels written in the client's language
    # ----------------------------------------------------------------------------------

    @api.model
    def _translate_english_labels(self):
        """Rewrite the fee labels that earlier versions wrote in English, in the usage
        statements and on the invoice lines, in the client's language. A label that is not
        the English one (already translated, or edited by hand) is left alone. Returns the
        number of invoice lines rewritten."""
        periods = self.search([("invoice_id", "!=", False)])
        rewritten = 0
        for period in periods:
            lang = period.client_id._acct_reader_lang()
            if lang == "en_US" or not period.fee_lines:
                continue
            engagement = period.engagement_id
            english = engagement.with_context(lang="en_US")
            local = engagement.with_context(lang=lang)
            fee_lines = []
            renames = []
            for line in period.fee_lines:
                fee_line = pricing.FeeLine(
                    label_code=line["code"],
                    quantity=Decimal(str(line["quantity"])),
                    unit_price=Decimal(str(line["unit_price"])),
                    amount=Decimal(str(line["amount"])),
                    tier_index=None if line.get("tier") is None else line["tier"] - 1,
                )
                if line.get("tier") and line["tier"] > len(engagement.tier_ids):
                    fee_lines.append(line)
                    continue
                label = line["label"]
                if label == english._fee_line_label(fee_line):
                    label = local._fee_line_label(fee_line)
                    prefix = f"{engagement.name} {period.name}: "
                    renames.append((prefix + line["label"], prefix + label))
                fee_lines.append(dict(line, label=label))
            if not renames:
                continue
            self.env.cr.execute(
                "UPDATE acct_engagement_period SET fee_lines = %s WHERE id = %s",
                [Json(fee_lines), period.id],
            )
            for old, new in renames:
                # Posted invoices included: only the label changes, never an amount.
                self.env.cr.execute(
                    "UPDATE account_move_line SET name = %s WHERE move_id = %s AND name = %s",
                    [new, period.invoice_id.id, old],
                )
                rewritten += self.env.cr.rowcount
        self.env["account.move.line"].invalidate_model(["name"])
        self.invalidate_model(["fee_lines"])
        return rewritten
