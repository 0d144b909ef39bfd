# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The queries of a client's metrics, one per family of data, shared by the client card's
figures (``res_partner_figures.py``) and the monthly snapshots of acct_segments: both hand
their rows to ``acct_firm_core.portfolio.measure``, where each metric is defined once, so
the card and a month's snapshot cannot disagree at the same cut-off.

Every query reads the posted customer invoices of the given companies only (amounts in
company currency, ``amount_untaxed_signed``), for the commercial partners ``clients``: a list
of ids, or a Query (``_search``) that PostgreSQL plans faster than a list of 10,000 ids.
"""

from odoo import api, models
from odoo.tools import SQL
from odoo.tools.query import Query


def sql_month_index(column):
    """SQL of a date column's month index (year * 12 + month - 1, as
    ``acct_firm_core.portfolio.month_index``)."""
    return SQL(
        # date_part is a float: EXTRACT (numeric since PostgreSQL 14) is slower here.
        "(date_part('year', %(day)s) * 12 + date_part('month', %(day)s) - 1)::int",
        day=SQL(column),
    )


def _among(column, clients):
    """SQL of ``column`` being one of ``clients`` (ids or a Query)."""
    if isinstance(clients, Query):
        return SQL("%s IN %s", SQL(column), clients.subselect())
    return SQL("%s = ANY(%s)", SQL(column), list(clients))


def _customer_moves(clients, companies, cutoff):
    """SQL condition on ``account_move am``: the posted customer invoices and credit notes
    of ``clients`` in ``companies``, dated up to the cut-off."""
    return SQL(
        """am.move_type IN ('out_invoice', 'out_refund')
           AND am.state = 'posted'
           AND am.company_id = ANY(%s)
           AND am.invoice_date <= %s
           AND %s""",
        list(companies),
        cutoff,
        _among("am.commercial_partner_id", clients),
    )


class AcctClientMetrics(models.AbstractModel):
    _name = "acct.client.metrics"
    _description = "Client metric queries"

    @api.model
    def _flush_invoices(self, *fields):
        """Write the pending changes of the invoices' fields a query reads: those that
        select a client's posted customer invoices of a company, and ``fields``."""
        self.env["account.move"].flush_model(
            ["commercial_partner_id", "company_id", "move_type", "state", *fields]
        )

    @api.model
    def _query_invoice_months(self, clients, companies, cutoff):
        """Rows ``(client, month index, net amount)`` up to the cut-off, over the whole
        history: the invoices' untaxed totals in company currency, which Odoo keeps on each
        invoice (``amount_untaxed_signed``: its product and rounding lines, negative for a
        credit note), so the invoice lines need not be read again."""
        self._flush_invoices("invoice_date", "amount_untaxed_signed")
        self.env.cr.execute(
            SQL(
                """
                SELECT am.commercial_partner_id,
                       %(month)s,
                       SUM(am.amount_untaxed_signed)::float8
                  FROM account_move am
                 WHERE %(customer_moves)s
              GROUP BY 1, 2
                """,
                month=sql_month_index("am.invoice_date"),
                customer_moves=_customer_moves(clients, companies, cutoff),
            )
        )
        return self.env.cr.fetchall()

    @api.model
    def _query_payment_delays(self, clients, companies, start, cutoff):
        """Rows ``(client, due month index, average days late, invoices)`` of the customer
        invoices due from ``start`` to the cut-off: full payment (the last reconciliation
        date) minus the due date, never below 0; an invoice still open at the cut-off counts
        as late until the cut-off (a client who does not pay is late, not punctual)."""
        self.env["account.partial.reconcile"].flush_model()
        self.env["account.move.line"].flush_model(["move_id", "account_id"])
        self._flush_invoices("invoice_date_due", "payment_state")
        self.env.cr.execute(
            SQL(
                """
                WITH due AS (
                    SELECT am.id, am.commercial_partner_id, am.invoice_date_due, am.payment_state
                      FROM account_move am
                     WHERE am.move_type = 'out_invoice'
                       AND am.state = 'posted'
                       AND am.company_id = ANY(%(companies)s)
                       AND am.invoice_date_due BETWEEN %(start)s AND %(cutoff)s
                       AND %(clients)s
                ), paid AS (
                    SELECT aml.move_id, MAX(apr.max_date) AS paid_date
                      FROM account_move_line aml
                      JOIN account_account aa ON aa.id = aml.account_id
                      JOIN account_partial_reconcile apr ON apr.debit_move_id = aml.id
                     WHERE aa.account_type = 'asset_receivable'
                       AND aml.move_id IN (SELECT id FROM due)
                  GROUP BY aml.move_id
                )
                SELECT am.commercial_partner_id,
                       %(month)s,
                       AVG(GREATEST(0, (CASE
                           WHEN am.payment_state IN ('paid', 'in_payment')
                           THEN LEAST(paid.paid_date, %(cutoff)s)
                           ELSE %(cutoff)s END) - am.invoice_date_due)::float8),
                       COUNT(*)
                  FROM due am
             LEFT JOIN paid ON paid.move_id = am.id
              GROUP BY 1, 2
                """,
                month=sql_month_index("am.invoice_date_due"),
                companies=list(companies),
                start=start,
                cutoff=cutoff,
                clients=_among("am.commercial_partner_id", clients),
            )
        )
        return self.env.cr.fetchall()

    @api.model
    def _query_client_dates(self, clients, companies, cutoff):
        """Rows ``(client, start, last invoice, open balance)``: the day the client became a
        client (the earliest of its "client since" date, the start of its first engagement
        and its first invoice, up to the cut-off), the date of its latest customer invoice
        up to the cut-off and what its invoices still owe (company currency). Clients with
        none of them are left out."""
        self._flush_invoices("invoice_date", "amount_residual_signed")
        self.env["acct.engagement"].flush_model(["client_id", "company_id", "date_start"])
        self.env["res.partner"].flush_model(["acct_client_since"])
        self.env.cr.execute(
            SQL(
                """
                WITH invoiced AS (
                    SELECT am.commercial_partner_id AS client,
                           MIN(am.invoice_date) AS first_invoice,
                           MAX(am.invoice_date) FILTER (
                               WHERE am.move_type = 'out_invoice') AS last_invoice,
                           SUM(am.amount_residual_signed)::float8 AS open_balance
                      FROM account_move am
                     WHERE %(customer_moves)s
                  GROUP BY 1
                ), engaged AS (
                    SELECT ae.client_id AS client, MIN(ae.date_start) AS first_engagement
                      FROM acct_engagement ae
                     WHERE ae.company_id = ANY(%(companies)s)
                       AND ae.date_start <= %(cutoff)s
                       AND %(engagement_clients)s
                  GROUP BY 1
                ), since AS (
                    SELECT rp.id AS client, rp.acct_client_since
                      FROM res_partner rp
                     WHERE rp.acct_client_since <= %(cutoff)s
                       AND %(partner_clients)s
                )
                SELECT client,
                       LEAST(since.acct_client_since, engaged.first_engagement,
                             invoiced.first_invoice),
                       invoiced.last_invoice,
                       COALESCE(invoiced.open_balance, 0.0)
                  FROM invoiced
             FULL JOIN engaged USING (client)
             FULL JOIN since USING (client)
                """,
                companies=list(companies),
                cutoff=cutoff,
                customer_moves=_customer_moves(clients, companies, cutoff),
                engagement_clients=_among("ae.client_id", clients),
                partner_clients=_among("rp.id", clients),
            )
        )
        return self.env.cr.fetchall()
