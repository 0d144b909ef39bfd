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
        """The firm's clients of the computing company (``env.company``): its own and those
        shared by all companies, as a query to use in a domain or as a sub-query."""
        return self.env["res.partner"]._search(
            [("acct_is_firm_client", "=", True), ("company_id", "in", [False, self.env.company.id])]
        )

    # The invoice families are the client card's too: one query each, in acct_firm_crm
    # (acct.client.metrics), restricted to the computing company's invoices.

    def _query_invoices(self, clients, cutoff):
        """Rows (client, month index, net invoiced) up to the cut-off, over the whole history
        (``acct.client.metrics._query_invoice_months``)."""
        return self.env["acct.client.metrics"]._query_invoice_months(
            clients, self.env.company.ids, cutoff
        )

    def _query_payment_delays(self, clients, start, cutoff):
        """Rows (client, due month index, average days late, invoices) of the invoices due in
        the window (``acct.client.metrics._query_payment_delays``)."""
        return self.env["acct.client.metrics"]._query_payment_delays(
            clients, self.env.company.ids, start, cutoff
        )

    def _query_client_dates(self, clients, cutoff):
        """{client: (the day it became a client, its last invoice)} at the cut-off
        (``acct.client.metrics._query_client_dates``)."""
        return {
            client: (start, last_invoice)
            for client, start, last_invoice, _open in self.env[
                "acct.client.metrics"
            ]._query_client_dates(clients, self.env.company.ids, cutoff)
        }

    def _window_parameters(self, clients, start, cutoff):
        """The parameters of a query over a window of the computing company's data."""
        return {
            "company": self.env.company.id,
            "start": start,
            "cutoff": cutoff,
            "clients": clients.subselect(),
        }

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
                   AND aal.company_id = %(company)s
                   AND rp.commercial_partner_id IN %(clients)s
              GROUP BY 1
                """,
                **self._window_parameters(clients, start, cutoff),
            )
        )
        return self.env.cr.fetchall()

    def _query_complaints(self, clients, start, cutoff):
        rows = self.env["acct.complaint"]._read_group(
            [
                ("client_id", "in", clients),
                ("company_id", "=", self.env.company.id),
                ("date", ">=", start),
                ("date", "<=", cutoff),
            ],
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
                   AND (pp.company_id = %(company)s OR pp.company_id IS NULL)
                   AND rp.commercial_partner_id IN %(clients)s
              GROUP BY 1
                """,
                **self._window_parameters(clients, start, cutoff),
            )
        )
        return self.env.cr.fetchall()

    def _engagements(self, clients, cutoff):
        """(clients with an engagement running at the cut-off, clients whose engagements all
        ended)."""
        Engagement = self.env["acct.engagement"].sudo().with_context(active_test=False)
        running = Engagement._read_group(self._running_engagements(clients, cutoff), ["client_id"])
        engaged = {client.id for (client,) in running}
        ever = Engagement._read_group(
            [
                ("client_id", "in", clients),
                ("company_id", "=", self.env.company.id),
                ("state", "!=", "draft"),
            ],
            ["client_id"],
        )
        ended = {client.id for (client,) in ever} - engaged
        return engaged, ended

    @api.model
    def _running_engagements(self, clients, cutoff):
        """Domain of the engagements of ``clients`` running at the cut-off in the computing
        company."""
        return [
            ("client_id", "in", clients),
            ("company_id", "=", self.env.company.id),
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
        How the fee and the invoices combine is acct_firm_core.segmentation's
        ``with_engagement_fee``. A client's engagements running together add up (their
        invoices fall in the same months)."""
        if not client_ids:
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
