# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The snapshot's source queries: one grouped query per family of data (invoices, payment
delays, timesheets, complaints, ratings, engagements), each returning plain rows for
acct_firm_core.portfolio.measure."""

from dateutil.relativedelta import relativedelta

from odoo import api, models
from odoo.tools import SQL


class AcctSegmentSnapshotQueries(models.AbstractModel):
    # The snapshot's source queries, in a model of their own that acct.segment.snapshot inherits
    # (``_inherit``), the form Odoo gives a part of a model kept apart (mail.thread): the
    # methods stay the snapshot's own (``self._fields``, ``self.env.company``, overridable by
    # name), with no ``env`` passed around as plain functions would need, and one model per
    # file (several ``_inherit`` of the same model are what pylint-odoo asks to merge).
    _name = "acct.segment.snapshot.queries"
    _description = "Client segment snapshot: source queries"

    def _firm_clients(self):
        """The firm's clients, as a query to use in a domain or as a sub-query."""
        return self.env["res.partner"]._search([("acct_is_firm_client", "=", True)])

    def _query_invoices(self, clients, cutoff):
        """Net invoiced per client and month index, up to the cut-off, over the whole
        history: the invoices' untaxed totals in company currency, which Odoo keeps on each
        invoice (``amount_untaxed_signed``: its product and rounding lines, negative for a
        credit note), so the invoice lines need not be read again."""
        self.env["account.move"].flush_model(
            ["commercial_partner_id", "invoice_date", "move_type", "state", "amount_untaxed_signed"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT am.commercial_partner_id,
                       %(month)s,
                       SUM(am.amount_untaxed_signed)::float8
                  FROM account_move am
                 WHERE am.move_type IN ('out_invoice', 'out_refund')
                   AND am.state = 'posted'
                   AND am.invoice_date <= %(cutoff)s
                   AND am.commercial_partner_id IN %(clients)s
              GROUP BY 1, 2
                """,
                month=_sql_month_index("am.invoice_date"),
                cutoff=cutoff,
                clients=clients.subselect(),
            )
        )
        return self.env.cr.fetchall()

    def _query_payment_delays(self, clients, start, cutoff):
        """Days late per invoice due in the window: full payment (the last reconciliation
        date) minus the due date, never below 0; an invoice still open at the cut-off counts
        as late until the cut-off. Rows (client, due month index, average days, invoices)."""
        self.env["account.partial.reconcile"].flush_model()
        self.env["account.move.line"].flush_model(["move_id", "account_id"])
        self.env["account.move"].flush_model(
            ["commercial_partner_id", "invoice_date_due", "move_type", "state", "payment_state"]
        )
        self.env.cr.execute(
            SQL(
                """
                WITH due AS (
                    SELECT am.id, am.commercial_partner_id, am.invoice_date_due, am.payment_state
                      FROM account_move am
                     WHERE am.move_type = 'out_invoice'
                       AND am.state = 'posted'
                       AND am.invoice_date_due BETWEEN %(start)s AND %(cutoff)s
                       AND am.commercial_partner_id IN %(clients)s
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
                month=_sql_month_index("am.invoice_date_due"),
                start=start,
                cutoff=cutoff,
                clients=clients.subselect(),
            )
        )
        return self.env.cr.fetchall()

    def _query_timesheets(self, clients, start, cutoff):
        """Cost of the hours logged on the client's projects in the window, at the employee's
        hourly cost (hours of employees without a cost count nothing), and the last day any
        work was logged for the client."""
        self.env["account.analytic.line"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT rp.commercial_partner_id,
                       SUM(aal.unit_amount * he.hourly_cost) FILTER (
                           WHERE aal.date >= %(start)s AND he.hourly_cost > 0),
                       MAX(aal.date)
                  FROM account_analytic_line aal
                  JOIN project_project pp ON pp.id = aal.project_id
                  JOIN res_partner rp ON rp.id = pp.partner_id
             LEFT JOIN hr_employee he ON he.id = aal.employee_id
                 WHERE aal.date <= %(cutoff)s
                   AND rp.commercial_partner_id IN %(clients)s
              GROUP BY 1
                """,
                start=start,
                cutoff=cutoff,
                clients=clients.subselect(),
            )
        )
        return self.env.cr.fetchall()

    def _query_complaints(self, clients, start, cutoff):
        rows = self.env["acct.complaint"]._read_group(
            [("client_id", "in", clients), ("date", ">=", start), ("date", "<=", cutoff)],
            ["client_id"],
            ["__count"],
        )
        return [(client.id, count) for client, count in rows]

    def _query_ratings(self, clients, start, cutoff):
        """Average rating the client gave on done tasks of its projects in the window."""
        self.env["rating.rating"].flush_model()
        self.env["project.task"].flush_model(["state", "project_id"])
        self.env.cr.execute(
            SQL(
                """
                SELECT rp.commercial_partner_id, AVG(rr.rating)
                  FROM rating_rating rr
                  JOIN project_task pt ON rr.res_model = 'project.task' AND pt.id = rr.res_id
                  JOIN project_project pp ON pp.id = pt.project_id
                  JOIN res_partner rp ON rp.id = pp.partner_id
                 WHERE pt.state = '1_done'
                   AND rr.consumed
                   AND rr.rating > 0
                   AND rr.write_date::date BETWEEN %(start)s AND %(cutoff)s
                   AND rp.commercial_partner_id IN %(clients)s
              GROUP BY 1
                """,
                start=start,
                cutoff=cutoff,
                clients=clients.subselect(),
            )
        )
        return self.env.cr.fetchall()

    def _engagements(self, clients, cutoff):
        """(clients with an engagement running at the cut-off, clients whose engagements all
        ended), when the engagement model is installed; two empty sets otherwise."""
        if "acct.engagement" not in self.env:
            return set(), set()
        Engagement = self.env["acct.engagement"].sudo().with_context(active_test=False)
        running = Engagement._read_group(self._running_engagements(clients, cutoff), ["client_id"])
        engaged = {client.id for (client,) in running}
        ever = Engagement._read_group(
            [("client_id", "in", clients), ("state", "!=", "draft")], ["client_id"]
        )
        ended = {client.id for (client,) in ever} - engaged
        return engaged, ended

    @api.model
    def _running_engagements(self, clients, cutoff):
        """Domain of the engagements of ``clients`` running at the cut-off."""
        return [
            ("client_id", "in", clients),
            ("state", "in", ("active", "suspended")),
            ("date_start", "<=", cutoff),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", cutoff),
        ]

    @api.model
    def _engagement_fees(self, client_ids, cutoff):
        """{client id: what its engagements running at the cut-off bill per invoiced month},
        for the clients that have one (two queries, whatever the number of clients).

        An invoiced month is a month with an invoice, so an engagement's amount per invoiced
        month is its fee of a period (a quarterly engagement is invoiced in one month of
        three). A fixed fee is the contract's own amount: it already holds the latest price.
        A per-document or hybrid fee varies with the documents: it is the average fee of the
        engagement's full (not prorated) invoiced periods that ended in the 12 months up to
        the cut-off; without such a period yet, the part the contract bills whatever the
        documents (the hybrid's fixed part, else the minimum fee), else nothing: the
        client's amount then comes from Gamma-Gamma like a client without an engagement.
        The fee is a floor (``_predict``): a client invoiced more than its contract (work
        billed besides it) is worth what Gamma-Gamma makes of its invoices. A client's
        engagements running together add up (their invoices fall in the same months)."""
        if "acct.engagement" not in self.env or not client_ids:
            return {}
        Engagement = self.env["acct.engagement"].sudo().with_context(active_test=False)
        engagements = Engagement.search_fetch(
            self._running_engagements(client_ids, cutoff),
            ["client_id", "fee_model", "fixed_amount", "minimum_amount"],
        )
        varying = engagements.filtered(lambda engagement: engagement.fee_model != "fixed")
        billed = {}
        if varying:
            periods = (
                self.env["acct.engagement.period"]
                .sudo()
                ._read_group(
                    [
                        ("engagement_id", "in", varying.ids),
                        ("invoice_id", "!=", False),
                        ("proration_factor", ">=", 1.0),
                        ("period_end", ">", cutoff - relativedelta(months=12)),
                        ("period_end", "<=", cutoff),
                    ],
                    ["engagement_id"],
                    ["amount_total:avg"],
                )
            )
            billed = {engagement.id: average for engagement, average in periods}
        fees = {}
        for engagement in engagements:
            if engagement.fee_model == "fixed":
                fee = engagement.fixed_amount
            else:
                fee = (
                    billed.get(engagement.id)
                    or (engagement.fee_model == "hybrid" and engagement.fixed_amount)
                    or engagement.minimum_amount
                )
            if fee and fee > 0:
                client = engagement.client_id.id
                fees[client] = fees.get(client, 0.0) + fee
        return fees


def _sql_month_index(column):
    """SQL of a date column's month index (year * 12 + month - 1, as month_index)."""
    return SQL(
        # date_part is a float: EXTRACT (numeric since PostgreSQL 14) is slower here.
        "(date_part('year', %(day)s) * 12 + date_part('month', %(day)s) - 1)::int",
        day=SQL(column),
    )
