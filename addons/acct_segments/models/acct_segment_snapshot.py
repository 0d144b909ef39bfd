# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Monthly client snapshots: metrics, segments, predictions and the reason for each.

History rule: one row per client and month (``UNIQUE(client_id, month)``); a month is
computed as a whole. Computing a month again deletes that month's rows (and that month's
fits) and writes them anew in the same transaction; other months are never touched. Two
computations of the same month at once are serialised by a transaction-level advisory lock:
the second one waits and then replaces the first one's rows, so the result is one full set.
"""

import logging
from collections import defaultdict

import numpy as np
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from acct_firm_core import models as pm
from acct_firm_core import scores

_logger = logging.getLogger(__name__)

LOYALTY = [
    ("occasional", "Occasional"),
    ("regular", "Regular"),
    ("client", "Client"),
    ("partner", "Partner"),
]
ABC = [("A", "A"), ("B", "B"), ("C", "C")]
# Arbitrary but fixed key of the advisory lock that serialises computations of a month.
LOCK_KEY = 5_180_001


def month_index(day):
    """Months since year 0: differences are month counts."""
    return day.year * 12 + day.month - 1


class AcctSegmentSnapshot(models.Model):
    _name = "acct.segment.snapshot"
    _description = "Client segment snapshot"
    _order = "month desc, value desc, id"
    _rec_name = "client_id"

    client_id = fields.Many2one("res.partner", required=True, index=True, ondelete="cascade")
    month = fields.Date(required=True, index=True, help="First day of the month.")
    cutoff_date = fields.Date(string="Cut-off", required=True, help="Last day of the month.")
    preferred_channel = fields.Selection(related="client_id.acct_preferred_channel")
    currency_id = fields.Many2one("res.currency", default=lambda s: s.env.company.currency_id)

    # metrics (empty when the metric is switched off)
    value = fields.Monetary(aggregator="sum")
    frequency = fields.Integer(string="Invoiced months", aggregator="avg")
    recency = fields.Integer(string="Months since last activity", aggregator="avg")
    tenure_months = fields.Integer(string="Tenure (months)", aggregator="avg")
    payment_delay = fields.Float(string="Days late (avg)", digits=(16, 1), aggregator="avg")
    delay_trend = fields.Float(string="Delay trend (days/month)", digits=(16, 2), aggregator="avg")
    complaints = fields.Integer(aggregator="sum")
    satisfaction = fields.Float(digits=(16, 2), aggregator="avg")
    growth = fields.Float(digits=(16, 4), aggregator="avg", help="0.25 = value up 25 %.")
    cost = fields.Monetary(string="Cost to serve", aggregator="sum")
    margin = fields.Monetary(aggregator="sum")
    past_value = fields.Monetary(
        string="Value to date", aggregator="sum", help="Everything invoiced up to the cut-off."
    )

    # segments
    value_tier = fields.Char()
    rfm_recency = fields.Integer(string="R")
    rfm_frequency = fields.Integer(string="F")
    rfm_monetary = fields.Integer(string="M")
    rfm_code = fields.Char(string="RFM")
    abc_class = fields.Selection(ABC, string="ABC")
    pareto_rank = fields.Integer(help="Position by value, 1 = highest.")
    pareto_client_share = fields.Float(digits=(16, 4), aggregator="max")
    pareto_value_share = fields.Float(
        string="Cumulative value share", digits=(16, 4), aggregator="max"
    )
    pareto_a_share = fields.Float(
        string="Share of clients making the A value", digits=(16, 4), aggregator="max"
    )
    loyalty_level = fields.Selection(LOYALTY, string="Loyalty")
    most_valuable = fields.Boolean()
    highest_potential = fields.Boolean()
    vulnerable = fields.Boolean()
    problematic = fields.Boolean()
    is_lost = fields.Boolean(string="Lost")

    # predictions
    has_prediction = fields.Boolean(help="The predictive model had enough data this month.")
    probability_alive = fields.Float(digits=(16, 4), aggregator="avg")
    expected_purchases = fields.Float(
        string="Expected invoiced months", digits=(16, 2), aggregator="sum"
    )
    expected_spend = fields.Monetary(string="Expected spend per month", aggregator="avg")
    clv = fields.Monetary(string="Lifetime value", aggregator="sum")
    health_score = fields.Float(digits=(16, 1), aggregator="avg")
    prediction_note = fields.Char()
    explanation = fields.Text()

    _sql_constraints = [
        ("client_month_unique", "UNIQUE(client_id, month)", "One snapshot per client and month."),
    ]

    # ------------------------------------------------------------------------------------
    # actions

    def action_start_reactivation(self):
        """Plan a reactivation call with each lost client, for its salesperson or the user."""
        activity_type = self.env.ref("mail.mail_activity_data_call")
        for snapshot in self:
            client = snapshot.client_id
            client.activity_schedule(
                activity_type_id=activity_type.id,
                summary=self.env._("Reactivate %(client)s", client=client.name),
                note=self.env._(
                    "Lost client, value to date %(value)s. Preferred channel: %(channel)s.",
                    value=snapshot.past_value,
                    channel=dict(
                        client._fields["acct_preferred_channel"]._description_selection(self.env)
                    ).get(client.acct_preferred_channel, "-"),
                ),
                user_id=(client.user_id or self.env.user).id,
            )
        return True

    # ------------------------------------------------------------------------------------
    # computation

    @api.model
    def _cron_compute_last_month(self):
        """Monthly job: the month that just ended."""
        first_of_this_month = fields.Date.context_today(self).replace(day=1)
        self._compute_month(first_of_this_month - relativedelta(months=1))

    @api.model
    def _compute_month(self, month):
        """Compute (or recompute) the snapshot of ``month`` for every firm client."""
        month = fields.Date.to_date(month).replace(day=1)
        cutoff = month + relativedelta(months=1, days=-1)
        if cutoff > fields.Date.context_today(self) + relativedelta(months=1):
            raise UserError(
                self.env._("%(month)s is in the future: nothing to measure yet.", month=month)
            )
        self.env.cr.execute(SQL("SELECT pg_advisory_xact_lock(%s)", LOCK_KEY))
        cron = self.env["ir.cron"]
        cron._notify_progress(done=0, remaining=4)
        clients = self.env["res.partner"].search([("acct_is_firm_client", "=", True)]).ids
        thresholds = self.env["acct.segment.rule"]._get_thresholds()
        metrics = self._measure(clients, month, cutoff)
        cron._notify_progress(done=1, remaining=3)
        predictions, fits = self._predict(metrics, month, cutoff, thresholds)
        cron._notify_progress(done=2, remaining=2)
        rows = self._segment(metrics, predictions, thresholds)
        cron._notify_progress(done=3, remaining=1)
        self.env["acct.segment.model.fit"].search([("month", "=", month)]).unlink()
        self.env["acct.segment.model.fit"].create(fits)
        currency = self.env.company.currency_id.id
        for row in rows:
            row.update(month=month, cutoff_date=cutoff, currency_id=currency)
        created = self._replace_month(month, rows)
        cron._notify_progress(done=4, remaining=0)
        _logger.info("Client segments of %s: %s clients", month, len(created))
        return created

    def _replace_month(self, month, rows):
        """Delete the month's rows and insert the new ones with plain SQL, in batches.

        The snapshot is a computed report that nothing else references and that has no
        business logic on create: writing 10,000 rows through the ORM took most of the
        recompute, so they go straight to the table (the ORM cache is invalidated)."""
        self.env.cr.execute(SQL("DELETE FROM acct_segment_snapshot WHERE month = %s", month))
        self.invalidate_model()
        if not rows:
            return self.browse()
        columns = sorted({column for row in rows for column in row})
        uid, now = self.env.uid, fields.Datetime.now()
        meta = ["create_uid", "create_date", "write_uid", "write_date"]
        ids = []
        for start in range(0, len(rows), 1000):
            batch = rows[start : start + 1000]
            values = SQL(", ").join(
                SQL(
                    "(%s)",
                    SQL(", ").join(
                        [
                            *(SQL("%s", row.get(c)) for c in columns),
                            SQL("%s, %s, %s, %s", uid, now, uid, now),
                        ]
                    ),
                )
                for row in batch
            )
            self.env.cr.execute(
                SQL(
                    "INSERT INTO acct_segment_snapshot (%s) VALUES %s RETURNING id",
                    SQL(", ").join(SQL.identifier(c) for c in [*columns, *meta]),
                    values,
                )
            )
            ids.extend(row[0] for row in self.env.cr.fetchall())
        return self.browse(ids)

    def _windows(self):
        """Window in months of each active metric of the portfolio, by code."""
        return {m.code: m.window_months for m in self.env["acct.segment.metric"].search([])}

    def _metric_weights(self):
        return {m.code: m.weight for m in self.env["acct.segment.metric"].search([])}

    @api.model
    def _measure(self, clients, month, cutoff):
        """Every metric of every client at once: one grouped query per family of data."""
        windows = self._windows()
        end = month_index(month)
        longest = max([*windows.values(), 1])

        def start_of(months):
            return month - relativedelta(months=months - 1)

        data = {c: {"months": {}, "first": None, "last": None} for c in clients}
        # invoices: net amount per client and invoice month, over the whole history
        for client, inv_month, amount in self._query_invoices(clients, cutoff):
            data[client]["months"][month_index(inv_month)] = float(amount)
        # payments: average days late per client and due month, inside the longest window
        delays = defaultdict(dict)
        for client, due_month, days, count in self._query_payment_delays(
            clients, start_of(longest), cutoff
        ):
            delays[client][month_index(due_month)] = (float(days), count)
        # timesheets: cost of costed hours in the margin window, last logged work ever
        cost_start = start_of(windows.get("margin", 12))
        costs = {
            c: (cost, last) for c, cost, last in self._query_timesheets(clients, cost_start, cutoff)
        }
        complaints = dict(
            self._query_complaints(clients, start_of(windows.get("complaints", 12)), cutoff)
        )
        ratings = dict(
            self._query_ratings(clients, start_of(windows.get("satisfaction", 12)), cutoff)
        )
        engaged, ended = self._engagements(clients, cutoff)

        result = {}
        for client in clients:
            months = data[client]["months"]
            invoiced = sorted(m for m, amount in months.items() if amount > 0)

            def total(window, months=months):
                return sum(a for m, a in months.items() if end - window < m <= end)

            last_work = costs.get(client, (None, None))[1]
            activity = invoiced[-1:] + ([month_index(last_work)] if last_work else [])
            m = {
                "invoiced": invoiced,
                "months": months,
                "past_value": sum(months.values()),
                "active_engagement": client in engaged,
                "engagement_ended": client in ended,
            }
            if "value" in windows:
                m["value"] = total(windows["value"])
            if "frequency" in windows:
                m["frequency"] = sum(1 for x in invoiced if end - windows["frequency"] < x)
            if "recency" in windows:
                m["recency"] = end - max(activity) if activity else windows["recency"] + 1
            if "tenure" in windows:
                m["tenure_months"] = end - invoiced[0] + 1 if invoiced else 0
            if "payment_delay" in windows:
                window = windows["payment_delay"]
                series = [delays[client].get(x) for x in range(end - window + 1, end + 1)]
                known = [s for s in series if s]
                if known:
                    m["payment_delay"] = sum(d * n for d, n in known) / sum(n for _d, n in known)
                    m["delay_trend"] = scores.linear_trend([s[0] if s else None for s in series])
            if "complaints" in windows:
                m["complaints"] = complaints.get(client, 0)
            if "satisfaction" in windows and client in ratings:
                m["satisfaction"] = float(ratings[client])
            if "growth" in windows:
                half = max(1, windows["growth"] // 2)
                recent = total(half)
                before = total(2 * half) - recent
                m["growth"] = (recent - before) / before if before > 0 else None
            if "margin" in windows:
                cost = costs.get(client, (None, None))[0]
                m["cost"] = float(cost) if cost else None
                m["margin"] = total(windows["margin"]) - (m["cost"] or 0.0)
            result[client] = m
        return result

    def _query_invoices(self, clients, cutoff):
        self.env["account.move.line"].flush_model()
        self.env["account.move"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT am.commercial_partner_id,
                       date_trunc('month', am.invoice_date)::date,
                       SUM(-aml.balance)
                  FROM account_move_line aml
                  JOIN account_move am ON am.id = aml.move_id
                 WHERE am.move_type IN ('out_invoice', 'out_refund')
                   AND am.state = 'posted'
                   AND aml.display_type = 'product'
                   AND am.invoice_date <= %(cutoff)s
                   AND am.commercial_partner_id = ANY(%(clients)s)
              GROUP BY 1, 2
                """,
                cutoff=cutoff,
                clients=clients,
            )
        )
        return self.env.cr.fetchall()

    def _query_payment_delays(self, clients, start, cutoff):
        """Days late per invoice due in the window: full payment (the last reconciliation
        date) minus the due date, never below 0; an invoice still open at the cut-off counts
        as late until the cut-off."""
        self.env["account.partial.reconcile"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                WITH paid AS (
                    SELECT aml.move_id, MAX(apr.max_date) AS paid_date
                      FROM account_move_line aml
                      JOIN account_account aa ON aa.id = aml.account_id
                      JOIN account_partial_reconcile apr ON apr.debit_move_id = aml.id
                     WHERE aa.account_type = 'asset_receivable'
                  GROUP BY aml.move_id
                )
                SELECT am.commercial_partner_id,
                       date_trunc('month', am.invoice_date_due)::date,
                       AVG(GREATEST(0, (CASE
                           WHEN am.payment_state IN ('paid', 'in_payment')
                           THEN LEAST(paid.paid_date, %(cutoff)s)
                           ELSE %(cutoff)s END) - am.invoice_date_due)),
                       COUNT(*)
                  FROM account_move am
             LEFT JOIN paid ON paid.move_id = am.id
                 WHERE am.move_type = 'out_invoice'
                   AND am.state = 'posted'
                   AND am.invoice_date_due BETWEEN %(start)s AND %(cutoff)s
                   AND am.commercial_partner_id = ANY(%(clients)s)
              GROUP BY 1, 2
                """,
                start=start,
                cutoff=cutoff,
                clients=clients,
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
                   AND rp.commercial_partner_id = ANY(%(clients)s)
              GROUP BY 1
                """,
                start=start,
                cutoff=cutoff,
                clients=clients,
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
                   AND rp.commercial_partner_id = ANY(%(clients)s)
              GROUP BY 1
                """,
                start=start,
                cutoff=cutoff,
                clients=clients,
            )
        )
        return self.env.cr.fetchall()

    def _engagements(self, clients, cutoff):
        """(clients with an engagement running at the cut-off, clients whose engagements all
        ended), when the engagement model is installed; two empty sets otherwise."""
        if "acct.engagement" not in self.env:
            return set(), set()
        Engagement = self.env["acct.engagement"].sudo().with_context(active_test=False)
        running = Engagement._read_group(
            [
                ("client_id", "in", clients),
                ("state", "in", ("active", "suspended")),
                ("date_start", "<=", cutoff),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", cutoff),
            ],
            ["client_id"],
        )
        engaged = {client.id for (client,) in running}
        ever = Engagement._read_group(
            [("client_id", "in", clients), ("state", "!=", "draft")], ["client_id"]
        )
        ended = {client.id for (client,) in ever} - engaged
        return engaged, ended

    @api.model
    def _predict(self, metrics, month, cutoff, thresholds):
        """Fit the models on the history up to the cut-off (time unit: month; a purchase is
        an invoiced month) and predict per client. Returns (predictions, fit rows)."""
        end = month_index(month)
        buyers = [c for c, m in metrics.items() if m["invoiced"]]
        x = np.array([len(metrics[c]["invoiced"]) - 1 for c in buyers], dtype=float)
        t_x = np.array([metrics[c]["invoiced"][-1] - metrics[c]["invoiced"][0] for c in buyers])
        big_t = np.array([end - metrics[c]["invoiced"][0] for c in buyers], dtype=float)
        spend = []
        for c in buyers:
            repeat = metrics[c]["invoiced"][1:]
            amounts = [metrics[c]["months"][m] for m in repeat]
            spend.append(sum(amounts) / len(amounts) if amounts else 0.0)
        spend = np.array(spend, dtype=float)
        fits, predictions = [], {}
        base = {"month": month, "cutoff_date": cutoff}

        def stored(kind, fit, names):
            params = {name: getattr(fit, name) for name in names}
            return {
                **base,
                "kind": kind,
                "state": "fitted",
                "n": getattr(fit, "n", getattr(fit, "n_periods", 0)),
                "log_likelihood": fit.log_likelihood,
                "parameters": params,
                "parameters_text": ", ".join(f"{k} = {v:.4f}" for k, v in params.items()),
            }

        def failed(kind, error, n):
            return {**base, "kind": kind, "state": "insufficient", "n": n, "note": str(error)}

        try:
            bgnbd = pm.fit_bgnbd(x, t_x, big_t)
            fits.append(stored("bgnbd", bgnbd, ("r", "alpha", "a", "b")))
        except (pm.InsufficientDataError, FloatingPointError) as error:
            bgnbd = None
            note = str(error)
            fits.append(failed("bgnbd", error, len(buyers)))
        # Spend is modelled on clients whose repeat months have a positive mean.
        gg_x = np.where(spend > 0, x, 0).astype(int)
        try:
            gamma = pm.fit_gamma_gamma(gg_x, np.where(spend > 0, spend, 0.0))
            fits.append(stored("gamma_gamma", gamma, ("p", "q", "v")))
        except pm.InsufficientDataError as error:
            gamma = None
            fits.append(failed("gamma_gamma", error, int(np.sum(gg_x > 0))))
        fits.append(self._fit_sbg(metrics, month, base, stored, failed))

        if bgnbd is not None:
            alive = np.atleast_1d(pm.bgnbd_probability_alive(bgnbd, x, t_x, big_t))
            horizon = int(thresholds["clv_horizon_months"])
            purchases = np.atleast_1d(pm.bgnbd_expected_purchases(bgnbd, 12, x, t_x, big_t))
            if gamma is not None:
                m_used = np.where(gg_x > 0, spend, 0.0)
                expected = np.atleast_1d(pm.gamma_gamma_expected_spend(gamma, gg_x, m_used))
                clv = np.atleast_1d(
                    pm.customer_lifetime_value(
                        bgnbd,
                        gamma,
                        gg_x,
                        t_x,
                        big_t,
                        m_used,
                        horizon,
                        thresholds["clv_discount_monthly"],
                    )
                )
            for i, client in enumerate(buyers):
                predictions[client] = {
                    "probability_alive": float(alive[i]),
                    "expected_purchases": float(purchases[i]),
                    "expected_spend": float(expected[i]) if gamma is not None else 0.0,
                    "clv": float(clv[i]) if gamma is not None else 0.0,
                }
            note = "" if gamma is not None else self.env._("No spend model: too little data.")
        else:
            note = self.env._(
                "Too little data for the predictive model (%(reason)s): the health score "
                "stands in.",
                reason=note,
            )
        return {"predictions": predictions, "note": note}, fits

    def _fit_sbg(self, metrics, month, base, stored, failed):
        """Retention of the clients: the cohort of the first year with invoices, followed year
        by year (alive in year k = invoiced in year k or later)."""
        end_year = month.year if month.month == 12 else month.year - 1
        first_years = defaultdict(list)
        for m in metrics.values():
            if m["invoiced"]:
                first_years[m["invoiced"][0] // 12].append(m["invoiced"][-1] // 12)
        if not first_years:
            return failed("sbg", self.env._("no invoiced client"), 0)
        cohort_year = min(first_years)
        last_years = first_years[cohort_year]
        alive = [
            sum(1 for last in last_years if last >= year)
            for year in range(cohort_year, end_year + 1)
        ]
        try:
            fit = pm.fit_sbg(alive_counts=alive)
        except (pm.InsufficientDataError, ValueError) as error:
            return failed("sbg", error, max(0, len(alive) - 1))
        return stored("sbg", fit, ("alpha", "beta"))

    @api.model
    def _segment(self, metrics, prediction, thresholds):
        """Segments from the metrics; one row dict per client with its explanation."""
        predictions = prediction["predictions"]
        values = {c: m.get("value") or 0.0 for c, m in metrics.items()}
        bounds, tier_names = self.env["acct.segment.tier"]._get_tiers()
        tiers = scores.value_tiers(values, bounds=bounds)
        top_tier = len(tiers.bounds)
        rfm = scores.rfm_scores(
            {c: m.get("recency", 0) for c, m in metrics.items()},
            {c: m.get("frequency", 0) for c, m in metrics.items()},
            values,
        )
        pareto = scores.pareto_abc(
            values, thresholds["pareto_a_share"], thresholds["pareto_b_share"]
        )
        points = {p.client_id: (rank, p) for rank, p in enumerate(pareto.curve) if rank}
        for client, m in metrics.items():
            m["top_value_tier"] = tiers.tiers[client] == top_tier
            if client in predictions:
                m["churn_risk"] = 1.0 - predictions[client]["probability_alive"]
        loyalty = scores.loyalty_level(
            metrics,
            regular_min_months=thresholds["regular_min_months"],
            client_min_months=thresholds["client_min_months"],
            partner_min_tenure_months=thresholds["partner_min_tenure_months"],
        )
        utility = scores.utility_segments(
            metrics, {k: thresholds[k] for k in scores.DEFAULT_THRESHOLDS}
        )
        weights = self._metric_weights()
        health = scores.health_score(
            metrics, {k: weights[k] for k in scores.HEALTH_ANCHORS if k in weights}
        )
        rows = []
        for client, m in metrics.items():
            rank, point = points[client]
            prediction_row = predictions.get(client, {})
            lost, lost_reason = self._lost(m, prediction_row, thresholds)
            row = {
                "client_id": client,
                "value": m.get("value"),
                "frequency": m.get("frequency"),
                "recency": m.get("recency"),
                "tenure_months": m.get("tenure_months"),
                "payment_delay": m.get("payment_delay"),
                "delay_trend": m.get("delay_trend"),
                "complaints": m.get("complaints"),
                "satisfaction": m.get("satisfaction"),
                "growth": m.get("growth"),
                "cost": m.get("cost"),
                "margin": m.get("margin"),
                "past_value": m["past_value"],
                "value_tier": tier_names[tiers.tiers[client]],
                "rfm_recency": rfm[client].recency,
                "rfm_frequency": rfm[client].frequency,
                "rfm_monetary": rfm[client].monetary,
                "rfm_code": rfm[client].code,
                "abc_class": pareto.classes[client],
                "pareto_rank": rank,
                "pareto_client_share": point.client_share,
                "pareto_value_share": point.value_share,
                "pareto_a_share": pareto.a_client_share,
                "loyalty_level": loyalty[client].level,
                "health_score": health[client].score,
                "has_prediction": bool(prediction_row),
                "prediction_note": prediction["note"] if not prediction_row else False,
                "is_lost": lost,
                **{flag: flag in utility[client] for flag in scores.SEGMENT_FLAGS},
                **prediction_row,
            }
            row["explanation"] = self._explain(
                row, loyalty[client], utility[client], health[client], tiers, lost_reason
            )
            rows.append(row)
        return rows

    def _lost(self, m, prediction, thresholds):
        """(lost?, why): the last engagement ended, else the probability alive is below the
        threshold, else (no model) no invoice for ``lost_recency_months`` after having some."""
        if m["engagement_ended"]:
            return True, self.env._("the client's last engagement has ended")
        if prediction:
            p_alive = prediction["probability_alive"]
            if p_alive < thresholds["lost_probability_alive"]:
                return True, self.env._(
                    "probability alive %(p).0f %% is below %(t).0f %%",
                    p=100 * p_alive,
                    t=100 * thresholds["lost_probability_alive"],
                )
            return False, ""
        recency = m.get("recency")
        if m["invoiced"] and recency is not None and recency >= thresholds["lost_recency_months"]:
            return True, self.env._(
                "no invoice or logged work for %(months)s months (limit %(limit)s)",
                months=recency,
                limit=int(thresholds["lost_recency_months"]),
            )
        return False, ""

    def _explain(self, row, loyalty, flags, health, tiers, lost_reason):
        """The rules that placed the client, with the values they used, in plain words."""
        lines = [
            self.env._(
                "Value tier %(tier)s: value %(value).2f (tier bounds %(bounds)s).",
                tier=row["value_tier"],
                value=row["value"] or 0.0,
                bounds=", ".join(f"{b:.2f}" for b in tiers.bounds) or "-",
            ),
            self.env._(
                "RFM %(code)s: %(recency)s months since last activity, %(frequency)s invoiced "
                "months, value %(value).2f, scored by quintiles of all clients.",
                code=row["rfm_code"],
                recency=row["recency"] if row["recency"] is not None else "-",
                frequency=row["frequency"] if row["frequency"] is not None else "-",
                value=row["value"] or 0.0,
            ),
            self.env._(
                "Pareto class %(cls)s: rank %(rank)s, cumulative value share %(share).1f %% "
                "after this client; %(a).1f %% of the clients make the A value.",
                cls=row["abc_class"],
                rank=row["pareto_rank"],
                share=100 * row["pareto_value_share"],
                a=100 * row["pareto_a_share"],
            ),
            self.env._(
                "Loyalty %(level)s by rule %(rule)s (%(values)s).",
                level=dict(LOYALTY)[loyalty.level],
                rule=loyalty.reason.code,
                values=_format_values(loyalty.reason.values),
            ),
        ]
        for flag, reasons in flags.items():
            lines.append(
                self.env._(
                    "%(segment)s: %(reasons)s.",
                    segment=self._fields[flag]._description_string(self.env),
                    reasons="; ".join(
                        f"{reason.code} ({_format_values(reason.values)})" for reason in reasons
                    ),
                )
            )
        if row["has_prediction"]:
            lines.append(
                self.env._(
                    "Model: probability alive %(p).0f %%, %(n).1f invoiced months expected in "
                    "the next 12, lifetime value %(clv).2f.",
                    p=100 * row["probability_alive"],
                    n=row["expected_purchases"],
                    clv=row.get("clv") or 0.0,
                )
            )
        else:
            lines.append(row["prediction_note"] or self.env._("No prediction for this client."))
        if health.score is not None:
            lines.append(
                self.env._(
                    "Health %(score).0f/100 = %(parts)s.",
                    score=health.score,
                    parts=" + ".join(f"{c.code} {c.contribution:.0f}" for c in health.components),
                )
            )
        if lost_reason:
            lines.append(self.env._("Lost: %(reason)s.", reason=lost_reason))
        return "\n".join(lines)


def _format_values(values):
    return ", ".join(
        f"{key} = {value:.2f}" if isinstance(value, float) else f"{key} = {value}"
        for key, value in values.items()
    )
