# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

from acct_firm_core import statement as core

ACCOUNTANTS = "acct_firm_crm.group_acct_firm_user"
ALL_CLIENTS = "acct_firm_crm.group_acct_firm_all_clients"


class AcctWorkStatement(models.AbstractModel):
    """The statement of the work the firm did for one client in one period.

    Each family of figures (time, documents, filings, requests, invoices) is read with one
    grouped query whatever the length of the period, and turned into sections by
    ``acct_firm_core.statement``. The page of the portal, the PDF and the e-mail of the back
    office all read :meth:`_acct_statement`.
    """

    _name = "acct.work.statement"
    _description = "Statement of work done for a client"

    # ------------------------------------------------------------------ period and access

    @api.model
    def _acct_period(self, kind, value=None, date_from=None, date_to=None):
        """The period picked, or a translated error."""
        try:
            return core.parse_period(kind, value, date_from, date_to)
        except core.PeriodError as error:
            raise UserError(self._acct_period_error(error)) from None

    @api.model
    def _acct_period_from_code(self, code):
        try:
            return core.period_from_code(code)
        except core.PeriodError as error:
            raise UserError(self._acct_period_error(error)) from None

    @api.model
    def _acct_period_error(self, error):
        if error.reason == "order":
            return self.env._("The end of the period is before its start.")
        if error.reason == "length":
            return self.env._("A statement of work covers at most ten years.")
        return self.env._("Choose a month, a quarter, a year or two dates of the period.")

    @api.model
    def _acct_period_label(self, period):
        """How the period reads in the current language: "03.2026", "Q1 2026", "2026" or
        "05.01.2026 - 10.02.2026"."""
        if period.kind == "month":
            return f"{period.month:02d}.{period.year}"
        if period.kind == "quarter":
            return self.env._("Q%(quarter)s %(year)s", quarter=period.quarter, year=period.year)
        if period.kind == "year":
            return str(period.year)
        return "%s - %s" % (
            format_date(self.env, period.date_from),
            format_date(self.env, period.date_to),
        )

    @api.model
    def _acct_check_access(self, client):
        """The firm's people see the statement of the clients they may see: their own, or
        every client with "all clients". Portal users come through the portal's controller,
        which checks its own rule and calls this as superuser."""
        if self.env.su:
            return
        user = self.env.user
        allowed = user.has_group(ALL_CLIENTS) or (
            user.has_group(ACCOUNTANTS)
            and self.env["res.partner"]
            .sudo()
            .search_count(
                [
                    ("id", "=", client.id),
                    "|",
                    "|",
                    "|",
                    ("acct_accountant_id", "=", user.id),
                    ("acct_reviewer_id", "=", user.id),
                    ("acct_payroll_accountant_id", "=", user.id),
                    ("message_partner_ids", "in", user.partner_id.ids),
                ],
                limit=1,
            )
        )
        if not allowed or not client.sudo().acct_is_firm_client:
            raise AccessError(self.env._("You may not see the statement of work of this client."))

    # ------------------------------------------------------------------ the statement

    @api.model
    def _acct_statement(self, client, period, kinds=None):
        """``{'client', 'period', 'period_label', 'hours', 'documents', 'filings',
        'requests', 'invoices', 'currency'}`` of ``client`` in ``period`` (a
        ``StatementPeriod``); ``kinds``, when given, the document kind codes whose counts
        the reader may see. Checks the caller's access, then reads as superuser: the
        timesheets, protocols and invoices behind the figures are the firm's records."""
        client.ensure_one()
        self._acct_check_access(client)
        statement = self.sudo()
        client = client.sudo()
        documents = statement._acct_documents(client, period)
        if kinds is not None:
            documents = core.documents_of_kinds(documents, kinds)
        return {
            "client": client,
            "period": period,
            "period_label": self._acct_period_label(period),
            "hours": statement._acct_hours(client, period),
            "documents": documents,
            "filings": statement._acct_filings(client, period),
            "requests": statement._acct_requests(client, period),
            "invoices": statement._acct_invoices(client, period),
            "currency": (client.company_id or self.env.company).currency_id,
            "requests_enabled": statement._acct_requests_enabled(),
            "format_hours": core.format_hours,
        }

    def _acct_hours(self, client, period):
        """Hours by work type from the timesheets of the client's projects: its statutory
        project and any project made for it (e.g. its engagement's)."""
        groups = self.env["account.analytic.line"]._read_group(
            [
                "|",
                ("project_id.acct_client_id", "=", client.id),
                ("project_id.partner_id.commercial_partner_id", "=", client.id),
                ("date", ">=", period.date_from),
                ("date", "<=", period.date_to),
            ],
            ["acct_work_type_id"],
            ["unit_amount:sum"],
        )
        return core.hours_section(
            (work_type.name if work_type else None, hours) for work_type, hours in groups
        )

    def _acct_documents(self, client, period):
        """Documents per kind, of the months that start in the period: received as billing
        counts them (confirmed protocols, and what else extends
        ``acct.handover.protocol._received_counts_by_period``), and returned by confirmed
        protocols."""
        received = core.counts_by_kind(
            self.env["acct.handover.protocol"]._received_counts_by_period(
                [client.id], period.date_from, period.date_to
            )
        )
        returned = dict(
            self.env["acct.handover.protocol.line"]._read_group(
                [
                    ("client_id", "=", client.id),
                    ("protocol_id.state", "=", "confirmed"),
                    ("protocol_id.direction", "=", "returned"),
                    ("period_start", ">=", period.date_from),
                    ("period_start", "<=", period.date_to),
                ],
                ["kind_code"],
                ["count:sum"],
            )
        )
        labels = {}
        codes = [code for code in {*received, *returned} if code]
        if codes:
            categories = (
                self.env["acct.document.category"]
                .with_context(active_test=False)
                .search_fetch([("code", "in", codes)], ["code", "name"])
            )
            labels = {category.code: category.name for category in categories}
        return core.documents_section(received, returned, labels)

    def _acct_filings(self, client, period):
        """The statutory tasks done in the period: obligation, period, due dates, date done
        and filing reference, in the order they were done."""
        groups = self.env["project.task"]._read_group(
            [
                ("acct_client_id", "=", client.id),
                ("acct_obligation_type_id", "!=", False),
                ("state", "=", "1_done"),
                ("acct_date_done", ">=", period.date_from),
                ("acct_date_done", "<=", period.date_to),
            ],
            [
                "acct_date_done:day",
                "acct_obligation_type_id",
                "acct_period_code",
                "acct_legal_date:day",
                "acct_effective_date:day",
                "acct_filing_reference",
            ],
            ["__count"],
        )
        return [
            {
                "obligation": obligation.name,
                "period_code": period_code or "",
                "legal_date": legal_date,
                "effective_date": effective_date,
                "date_done": date_done,
                "reference": reference or "",
            }
            for date_done, obligation, period_code, legal_date, effective_date, reference, _n in (
                groups
            )
        ]

    def _acct_requests_enabled(self):
        """Whether clients ask the firm for work (the portal says yes)."""
        return False

    def _acct_requests(self, client, period):
        """The client's requests done in the period; the portal, where clients ask, fills
        this in."""
        return {**core.requests_section([]), "tasks": []}

    def _acct_invoices(self, client, period):
        """The client's posted invoices and credit notes dated in the period, each with the
        usage statements of the engagement periods it bills."""
        moves = self.env["account.move"].search_fetch(
            [
                ("commercial_partner_id", "=", client.id),
                ("move_type", "in", ("out_invoice", "out_refund")),
                ("state", "=", "posted"),
                ("invoice_date", ">=", period.date_from),
                ("invoice_date", "<=", period.date_to),
            ],
            ["name", "invoice_date", "amount_total_signed", "payment_state", "move_type"],
            order="invoice_date, name, id",
        )
        usage = {}
        if moves:
            for billed in self.env["acct.engagement.period"].search_fetch(
                [("invoice_id", "in", moves.ids)], ["name", "invoice_id"]
            ):
                usage.setdefault(billed.invoice_id.id, []).append(billed)
        payment_states = dict(moves._fields["payment_state"]._description_selection(self.env))
        return core.invoices_section(
            {
                "invoice": move,
                "name": move.name,
                "date": move.invoice_date,
                "amount": move.amount_total_signed,
                "state": payment_states.get(move.payment_state, move.payment_state),
                "refund": move.move_type == "out_refund",
                "usage_statements": usage.get(move.id, []),
            }
            for move in moves
        )
