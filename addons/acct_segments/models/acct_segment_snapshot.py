# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Monthly client snapshots: metrics, segments, predictions and the reason for each.

History rule: one row per client, month and company (``UNIQUE(client_id, month,
company_id)``); a month is computed as a whole for one company (``env.company``), from that
company's invoices, timesheets, complaints and engagements, its amounts in that company's
currency. Computing a month again deletes that company's rows of the month (and its fits,
backtests and acct.segment.month record) and writes them anew in the same transaction; other
months and other companies are never touched. Two computations of the same month and company
at once are serialised by a transaction-level advisory lock: the second one waits and then
replaces the first one's rows, so the result is one full set.
"""

import gc
import logging
from contextlib import contextmanager

import numpy as np
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import SQL
from odoo.tools.misc import formatLang

from acct_firm_core import backtest, portfolio, predictive, scores
from acct_firm_core.portfolio import month_index

_logger = logging.getLogger(__name__)

LOYALTY = [
    ("occasional", "Occasional"),
    ("regular", "Regular"),
    ("client", "Client"),
    ("partner", "Partner"),
]
ABC = [("A", "A"), ("B", "B"), ("C", "C")]
# The rules of acct_firm_core.scores.loyalty_level
LOYALTY_RULES = [
    ("partner", "Client of long tenure in the top value tier"),
    ("client_engagement", "Running engagement"),
    ("client_months", "Invoiced in most months"),
    ("regular_months", "Invoiced in several months"),
    ("occasional_months", "Invoiced in few months"),
]
LOST_REASONS = [
    ("engagement_ended", "Engagement ended"),
    ("probability_alive", "Probably no longer a client"),
    ("recency", "No activity for too long"),
]
# Snapshot columns copied from the metrics and from the predictions, by the same name.
METRIC_COLUMNS = (
    "value",
    "frequency",
    "recency",
    "tenure_months",
    "payment_delay",
    "delay_trend",
    "complaints",
    "satisfaction",
    "growth",
    "cost",
    "margin",
)
PREDICTION_COLUMNS = ("probability_alive", "expected_purchases", "expected_spend")
# The client's value and the threshold each utility rule compared (complaints, cost and the
# value cut-offs are handled apart): acct_firm_core.scores.utility_segments.
REASON_THRESHOLDS = {
    "growing": ("growth", "potential_min_growth"),
    "churn_risk": ("churn_risk", "vulnerable_churn_risk"),
    "value_falling": ("growth", "vulnerable_growth"),
    "delay_rising": ("delay_trend", "vulnerable_delay_trend"),
    "high_delay": ("payment_delay", "problematic_payment_delay"),
}
# Arbitrary but fixed key of the advisory lock that serialises computations of a month.
LOCK_KEY = 5_180_001


class AcctSegmentSnapshot(models.Model):
    _name = "acct.segment.snapshot"
    _inherit = ["acct.segment.snapshot.queries", "acct.segment.snapshot.loader"]
    _description = "Client segment snapshot"
    _order = "month desc, value desc, id"
    _rec_name = "client_id"
    # A computed report written by the monthly job: who computed the month and when is kept
    # once, on its acct.segment.month record; on each of the month's rows an audit column
    # would be one more foreign key to check.
    _log_access = False

    client_id = fields.Many2one("res.partner", required=True, index=True, ondelete="cascade")
    # The firm's company the month was computed for (multi-company: the company rule).
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    month = fields.Date(required=True, index=True, help="First day of the month.")
    cutoff_date = fields.Date(string="Cut-off", required=True, help="Last day of the month.")
    preferred_channel = fields.Selection(related="client_id.acct_preferred_channel")
    # Amounts are in the company's currency (the invoices' signed totals).
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")

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
    rfm_recency = fields.Integer(string="Recency score")
    rfm_frequency = fields.Integer(string="Frequency score")
    rfm_monetary = fields.Integer(string="Monetary score")
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

    # Why: the codes of the rules that matched. The explanation puts them in words when read,
    # in the reader's language (the monthly job runs in nobody's language), with the row's
    # own values and the thresholds the month applied (acct.segment.month).
    loyalty_rule = fields.Selection(LOYALTY_RULES, string="Loyalty rule")
    lost_reason = fields.Selection(LOST_REASONS, string="Why lost")
    # {"flags": {flag: [reason code, ...]}, "health": [contribution per component of the
    # month's health_components, None where the metric is unknown]}
    explanation_data = fields.Json(readonly=True)
    prediction_note = fields.Char(compute="_compute_explanation")
    explanation = fields.Text(compute="_compute_explanation")

    # Each number with its label and period, in the reader's language (cards, profile tab).
    value_text = fields.Char(string="Value (labelled)", compute="_compute_labelled_texts")
    probability_alive_text = fields.Char(
        string="Probability alive (labelled)", compute="_compute_labelled_texts"
    )
    expected_purchases_text = fields.Char(
        string="Expected invoiced months (labelled)", compute="_compute_labelled_texts"
    )
    clv_text = fields.Char(string="Lifetime value (labelled)", compute="_compute_labelled_texts")
    is_latest_month = fields.Boolean(
        string="Latest computed month",
        compute="_compute_is_latest_month",
        search="_search_is_latest_month",
        help="The snapshot belongs to the latest month computed (whatever the calendar says).",
    )

    _sql_constraints = [
        (
            "client_month_unique",
            "UNIQUE(client_id, month, company_id)",
            "One snapshot per client, month and company.",
        ),
    ]

    @api.model
    def _latest_months(self):
        """The latest computed month of each company the user reads, by company id."""
        return {
            company.id: month
            for company, month in self.env["acct.segment.month"]._read_group(
                [], ["company_id"], ["month:max"]
            )
        }

    def _compute_is_latest_month(self):
        latest = self._latest_months()
        for snapshot in self:
            snapshot.is_latest_month = snapshot.month == latest.get(snapshot.company_id.id)

    def _search_is_latest_month(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Filter the latest month with = or != only."))
        latest = [
            [("company_id", "=", company), ("month", "=", month)]
            for company, month in self._latest_months().items()
        ]
        positive = (operator == "=") == bool(value)
        if not latest:
            return [(0, "=", 1)] if positive else []
        domain = expression.OR(latest)
        return domain if positive else ["!", *domain]

    def _month_records(self):
        """The acct.segment.month record of each snapshot's month and company: the rules
        that month applied, by ``(month, company id)``."""
        months = self.env["acct.segment.month"].search(
            [("month", "in", self.mapped("month")), ("company_id", "in", self.company_id.ids)]
        )
        return {(computed.month, computed.company_id.id): computed for computed in months}

    @api.depends("month", "value", "probability_alive", "expected_purchases", "clv")
    @api.depends_context("lang")
    def _compute_labelled_texts(self):
        """'Probability of staying a client: 99 %', 'Value over the next 36 months: 9,000 €':
        every number with what it is and the period it covers."""
        months = self._month_records()
        window = self._windows().get("value", 12)
        for snapshot in self:
            computed = months.get((snapshot.month, snapshot.company_id.id))
            model = ((computed and computed.rules) or {}).get("prediction_model", {})
            horizon = model.get("horizon", 36)
            amount = snapshot._amount_text
            snapshot.value_text = self.env._(
                "Invoiced in the last %(months)s months: %(amount)s",
                months=window,
                amount=amount(snapshot.value),
            )
            snapshot.probability_alive_text = snapshot.has_prediction and self.env._(
                "Probability of staying a client: %(percent)s %%",
                percent=round(100 * snapshot.probability_alive),
            )
            snapshot.expected_purchases_text = snapshot.has_prediction and self.env._(
                "Invoiced months expected in the next 12: %(months).1f",
                months=snapshot.expected_purchases,
            )
            if not snapshot.clv:
                snapshot.clv_text = False
            elif model.get("clv") == "own_rate":
                snapshot.clv_text = self.env._(
                    "Value over the next %(months)s months (at the client's own rate): %(amount)s",
                    months=horizon,
                    amount=amount(snapshot.clv),
                )
            else:
                snapshot.clv_text = self.env._(
                    "Value over the next %(months)s months: %(amount)s",
                    months=horizon,
                    amount=amount(snapshot.clv),
                )

    def _amount_text(self, amount):
        """An amount in the company currency, formatted for the reader (0 decimals)."""
        return formatLang(
            self.env, amount or 0.0, rounding_unit="units", currency_obj=self.currency_id
        )

    # ------------------------------------------------------------------------------------
    # actions

    def action_start_reactivation(self):
        """Plan a reactivation call with each lost client, for its salesperson or the user."""
        activity_type = self.env.ref("mail.mail_activity_data_call")
        # An internal to-do: in the firm's language, whoever clicked.
        env = self.with_context(lang=self.env.company._acct_lang()).env
        for snapshot in self:
            client = snapshot.client_id
            client.activity_schedule(
                activity_type_id=activity_type.id,
                summary=env._("Reactivate %(client)s", client=client.name),
                note=env._(
                    "Lost client, value to date %(value)s. Preferred channel: %(channel)s.",
                    value=snapshot.past_value,
                    channel=dict(
                        client._fields["acct_preferred_channel"]._description_selection(env)
                    ).get(client.acct_preferred_channel, "-"),
                ),
                user_id=(client.user_id or self.env.user).id,
            )
        return True

    @api.model
    def _health_component_label(self, code):
        """The component of the health score ``code`` in the reader's words."""
        labels = {
            "payment_delay": self.env._("payment delay"),
            "recency": self.env._("recency"),
            "frequency": self.env._("frequency"),
            "complaints": self.env._("complaints"),
            "growth": self.env._("growth"),
            "satisfaction": self.env._("satisfaction"),
        }
        return labels.get(code, code)

    @api.depends("company_id")
    def _compute_currency_id(self):
        for snapshot in self:
            snapshot.currency_id = (snapshot.company_id or self.env.company).currency_id

    # ------------------------------------------------------------------------------------
    # explanation, in the reader's language

    @api.depends("month", "loyalty_rule", "lost_reason", "explanation_data", "has_prediction")
    @api.depends_context("lang")
    def _compute_explanation(self):
        months = self._month_records()
        for snapshot in self:
            computed = months.get((snapshot.month, snapshot.company_id.id))
            rules = (computed and computed.rules) or {}
            snapshot.prediction_note = (
                not snapshot.has_prediction
                and snapshot.loyalty_rule
                and snapshot._prediction_note(rules.get("prediction_note"))
            )
            snapshot.explanation = snapshot.loyalty_rule and "\n".join(
                snapshot._explanation_lines(rules)
            )

    def _prediction_note(self, note):
        """Why there is no prediction, from the month's ``[code, reason]``."""
        if not note:
            return False
        code, reason = note
        if code == "no_history":
            return self.env._("No invoiced month yet: nothing to predict from.")
        return self.env._(
            "Too little data for the predictive model (%(reason)s): the health score stands in.",
            reason=reason,
        )

    def _explanation_lines(self, rules):
        """The rules that placed the client, with the values they used, in plain words."""
        thresholds = rules.get("thresholds", {})
        data = self.explanation_data or {}
        lines = [
            self.env._(
                "Value tier %(tier)s: value %(value).2f (tier bounds %(bounds)s).",
                tier=self.value_tier,
                value=self.value,
                bounds=", ".join(f"{b:.2f}" for b in rules.get("tier_bounds", ())) or "-",
            ),
            self.env._(
                "RFM %(code)s: %(recency)s months since last activity, %(frequency)s invoiced "
                "months, value %(value).2f, scored by quintiles of all clients.",
                code=self.rfm_code,
                recency=self.recency,
                frequency=self.frequency,
                value=self.value,
            ),
            self.env._(
                "Pareto class %(cls)s: rank %(rank)s, cumulative value share %(share).1f %% "
                "after this client; %(a).1f %% of the clients make the A value.",
                cls=self.abc_class,
                rank=self.pareto_rank,
                share=100 * self.pareto_value_share,
                a=100 * self.pareto_a_share,
            ),
            self.env._(
                "Loyalty %(level)s by rule %(rule)s (%(values)s).",
                level=self._selection_label("loyalty_level"),
                rule=self._selection_label("loyalty_rule"),
                values=self._format_values(self._loyalty_values(thresholds)),
            ),
        ]
        for flag, codes in data.get("flags", {}).items():
            lines.append(
                self.env._(
                    "%(segment)s: %(reasons)s.",
                    segment=self._fields[flag]._description_string(self.env),
                    reasons="; ".join(
                        f"{self._words(code)} "
                        f"({self._format_values(self._reason_values(flag, code, rules))})"
                        for code in codes
                    ),
                )
            )
        if self.has_prediction:
            lines.append(
                self.env._(
                    "Model: probability alive %(p).0f %%, %(n).1f invoiced months expected in "
                    "the next 12.",
                    p=100 * self.probability_alive,
                    n=self.expected_purchases,
                )
            )
        if self.clv_text:
            lines.append(self.clv_text + ".")
        else:
            lines.append(self.prediction_note or self.env._("No prediction for this client."))
        # the components are named by the month's rules: none if its record is gone
        components = rules.get("health_components", ())
        parts = [
            (code, part)
            for code, part in zip(components, data.get("health", ()), strict=False)
            if part is not None
        ]
        if parts:
            lines.append(
                self.env._(
                    "Health %(score).0f/100 = %(parts)s.",
                    score=self.health_score,
                    parts=" + ".join(
                        f"{self._health_component_label(code)} {part:.0f}" for code, part in parts
                    ),
                )
            )
        if self.lost_reason:
            lines.append(self.env._("Lost: %(reason)s.", reason=self._lost_text(thresholds)))
        return lines

    def _words(self, code):
        """A reason code or a compared value's key of the explanation, in the reader's words."""
        words = {
            # reasons of the utility segments
            "top_value": self.env._("top value"),
            "low_value": self.env._("low value"),
            "complaints": self.env._("complaints"),
            "high_cost": self.env._("high cost"),
            "growing": self.env._("growing"),
            "churn_risk": self.env._("churn risk"),
            "value_falling": self.env._("value falling"),
            "delay_rising": self.env._("payment delay rising"),
            "high_delay": self.env._("high payment delay"),
            # the values they compared
            "value": self.env._("value"),
            "cutoff": self.env._("cutoff"),
            "threshold": self.env._("threshold"),
            "cost": self.env._("cost"),
            "ratio": self.env._("ratio"),
            "growth": self.env._("growth"),
            "delay_trend": self.env._("payment delay trend"),
            "payment_delay": self.env._("payment delay"),
            "frequency": self.env._("invoiced months"),
            "tenure_months": self.env._("tenure (months)"),
            "partner_min_tenure_months": self.env._("minimum tenure (months)"),
            "client_min_months": self.env._("minimum invoiced months"),
            "regular_min_months": self.env._("minimum invoiced months"),
            "top_value_tier": self.env._("top value tier"),
            "active_engagement": self.env._("running engagement"),
        }
        return words.get(code, code)

    def _format_values(self, values):
        yes, no = self.env._("yes"), self.env._("no")
        return ", ".join(
            f"{self._words(key)} = "
            + (
                f"{value:.2f}"
                if isinstance(value, float)
                else (yes if value is True else no if value is False else f"{value}")
            )
            for key, value in values.items()
        )

    def _selection_label(self, name):
        return dict(self._fields[name]._description_selection(self.env)).get(self[name], "")

    def _loyalty_values(self, thresholds):
        """The values the loyalty rule compared (acct_firm_core.scores.loyalty_level)."""
        rule = self.loyalty_rule
        if rule == "partner":
            return {
                "tenure_months": self.tenure_months,
                "partner_min_tenure_months": thresholds.get("partner_min_tenure_months"),
                "top_value_tier": True,
            }
        if rule == "client_engagement":
            return {"active_engagement": True}
        if rule == "client_months":
            return {
                "frequency": self.frequency,
                "client_min_months": thresholds.get("client_min_months"),
            }
        return {
            "frequency": self.frequency,
            "regular_min_months": thresholds.get("regular_min_months"),
        }

    def _reason_values(self, flag, code, rules):
        """The values a utility rule compared (acct_firm_core.scores.utility_segments)."""
        if code in ("top_value", "low_value"):
            return {"value": self.value, "cutoff": rules.get("value_cutoffs", {}).get(code)}
        thresholds = rules.get("thresholds", {})
        if code == "complaints":
            return {
                "complaints": self.complaints,
                "threshold": thresholds.get(f"{flag}_complaints"),
            }
        if code == "high_cost":
            return {
                "cost": self.cost,
                "value": self.value,
                "ratio": self.cost / self.value if self.value > 0 else None,
                "threshold": thresholds.get("problematic_cost_ratio"),
            }
        metric, threshold = REASON_THRESHOLDS[code]
        value = 1.0 - self.probability_alive if metric == "churn_risk" else self[metric]
        return {metric: value, "threshold": thresholds.get(threshold)}

    def _lost_text(self, thresholds):
        if self.lost_reason == "engagement_ended":
            return self.env._("the client's last engagement has ended")
        if self.lost_reason == "probability_alive":
            return self.env._(
                "probability alive %(p).0f %% is below %(t).0f %%",
                p=100 * self.probability_alive,
                t=100 * thresholds.get("lost_probability_alive", 0.0),
            )
        return self.env._(
            "no invoice or logged work for %(months)s months (limit %(limit)s)",
            months=self.recency,
            limit=int(thresholds.get("lost_recency_months", 0)),
        )

    # ------------------------------------------------------------------------------------
    # computation

    @api.model
    def _cron_compute_last_month(self):
        """Monthly job: the month that just ended, for each company (each over its own
        invoices, in its own currency): every company as the job's superuser, the user's own
        companies when a user runs it."""
        first_of_this_month = fields.Date.context_today(self).replace(day=1)
        # A database holds a handful of companies: all of them, without a limit.
        companies = (
            self.env["res.company"].search([])  # pylint: disable=no-search-all
            if self.env.su
            else self.env.user.company_ids
        )
        for company in companies:
            self.with_company(company)._compute_month(first_of_this_month - relativedelta(months=1))

    @api.model
    def _compute_month(self, month):
        """Compute (or recompute) the snapshot of ``month`` for every firm client of the
        current company (``env.company``), from that company's data. Returns the number of
        clients."""
        month = fields.Date.to_date(month).replace(day=1)
        cutoff = month + relativedelta(months=1, days=-1)
        if cutoff > fields.Date.context_today(self) + relativedelta(months=1):
            raise UserError(
                self.env._("%(month)s is in the future: nothing to measure yet.", month=month)
            )
        company = self.env.company
        self.env.cr.execute(SQL("SELECT pg_advisory_xact_lock(%s, %s)", LOCK_KEY, company.id))
        cron = self.env["ir.cron"]
        cron._notify_progress(done=0, remaining=4)
        clients = list(self._firm_clients())
        thresholds = self.env["acct.segment.rule"]._get_thresholds()
        with _without_cyclic_gc():
            invoices = self._query_invoices(self._firm_clients(), cutoff)
            metrics, history = self._measure(clients, month, cutoff, invoices=invoices)
            cron._notify_progress(done=1, remaining=3)
            # The fits' and backtests' notes are the firm's texts: written in its language,
            # whoever computes the month (the demo and the monthly job run in English).
            firm = self.with_context(lang=self.env.company._acct_lang())
            predictions, fits = firm._predict(history, month, cutoff, thresholds)
            # the backtest's fits start from this month's (12 months of data apart)
            starts = {
                fit["kind"]: tuple(fit["parameters"].values())
                for fit in fits
                if fit["state"] == "fitted"
            }
            backtests = firm._backtest(invoices, month, starts)
            cron._notify_progress(done=2, remaining=2)
            columns, rules = self._segment(metrics, predictions, thresholds)
            cron._notify_progress(done=3, remaining=1)
            # The month's records of this company only (UNIQUE(..., month, company_id)): the
            # other companies' months are theirs.
            same_month = [("month", "=", month), ("company_id", "=", company.id)]
            self.env["acct.segment.model.fit"].search(same_month).unlink()
            self.env["acct.segment.model.fit"].create(fits)
            self.env["acct.segment.backtest"].search(same_month).unlink()
            self.env["acct.segment.backtest"].create(backtests)
            self.env["acct.segment.month"].search(same_month).unlink()
            self.env["acct.segment.month"].create(
                {
                    "month": month,
                    "cutoff_date": cutoff,
                    "client_count": len(clients),
                    "rules": rules,
                }
            )
            count = self._replace_month(month, columns, cutoff_date=cutoff)
        cron._notify_progress(done=4, remaining=0)
        _logger.info("Client segments of %s, %s: %s clients", month, company.name, count)
        return count

    def _windows(self):
        """Window in months of each active metric of the portfolio, by code."""
        return {m.code: m.window_months for m in self.env["acct.segment.metric"].search([])}

    def _metric_weights(self):
        return {m.code: m.weight for m in self.env["acct.segment.metric"].search([])}

    @api.model
    def _measure(self, clients, month, cutoff, invoices=None):
        """Every metric of every client at once: one grouped query per family of data, the
        arithmetic in acct_firm_core.portfolio. Returns (metrics by client, history).

        The queries select the firm's clients with a sub-query (the ``clients`` ids are what
        it returns, in the same transaction): PostgreSQL plans that faster than a list of
        10,000 ids."""
        windows = self._windows()
        firm = self._firm_clients()

        def start_of(months):
            return month - relativedelta(months=months - 1)

        costs = {
            client: (cost, last_work)
            for client, cost, last_work in self._query_timesheets(
                firm, start_of(windows.get("margin", 12)), cutoff
            )
        }
        engaged, ended = self._engagements(firm, cutoff)
        delays = ()
        if "payment_delay" in windows:
            delays = self._query_payment_delays(firm, start_of(windows["payment_delay"]), cutoff)
        return portfolio.measure(
            clients,
            month_index(month),
            windows,
            invoices=self._query_invoices(firm, cutoff) if invoices is None else invoices,
            delays=delays,
            client_dates=self._query_client_dates(firm, cutoff),
            cutoff=cutoff,
            costs=costs,
            complaints=dict(
                self._query_complaints(firm, start_of(windows.get("complaints", 12)), cutoff)
            ),
            ratings=dict(
                self._query_ratings(firm, start_of(windows.get("satisfaction", 12)), cutoff)
            ),
            engaged=engaged,
            ended=ended,
        )

    @api.model
    def _predict(self, history, month, cutoff, thresholds):
        """Fit the models on the history up to the cut-off (time unit: month; a purchase is
        an invoiced month) and predict per client. Returns (predictions, fit rows).

        The purchase model is the firm's choice (settings): BG/BB, one chance a month to be
        invoiced, or BG/NBD. Each fit starts from the previous month's parameters, is checked
        for degeneracy (regularised by weak priors, or refused with the reason) and is not
        made with fewer clients than the rule ``models_min_clients``. The lifetime value is
        the expected amount per invoiced month (Gamma-Gamma on the client's invoiced months,
        else the client's own average; at least the fee of the client's running engagement,
        ``_engagement_fees``) times the discounted expected invoiced months over the
        horizon; without a purchase model, the client's own rate of invoiced months carried
        forward stands in for the latter."""
        end = month_index(month)
        buyers = history.buyers
        clients = history.clients[buyers].tolist()
        x = (history.invoiced_months[buyers] - 1).astype(float)
        t_x = (history.last[buyers] - history.first[buyers]).astype(float)
        big_t = (end - history.first[buyers]).astype(float)
        spend = history.repeat_spend[buyers]
        fits, predictions = [], {}
        base = {"month": month, "cutoff_date": cutoff}
        kind = self.env["res.config.settings"]._acct_segments_purchase_model()
        names = {"bgbb": ("alpha", "beta", "gamma", "delta"), "bgnbd": ("r", "alpha", "a", "b")}
        previous = self._previous_fits(month)

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
                "prior_share": getattr(fit, "prior_share", 0.0),
                "note": getattr(fit, "regularised", "")
                and self.env._("regularised: %(reason)s", reason=self._fit_reason(fit.regularised)),
            }

        def failed(kind, error, n):
            note = self._fit_reason(getattr(error, "reason", error))
            return {**base, "kind": kind, "state": "insufficient", "n": n, "note": note}

        min_clients = int(thresholds["models_min_clients"])
        too_few = len(clients) < min_clients and self.env._(
            "%(count)s clients invoiced: the models are used from %(minimum)s",
            count=len(clients),
            minimum=min_clients,
        )
        purchase = None
        note = ["insufficient", too_few]
        if too_few:
            fits.append(failed(kind, too_few, len(clients)))
        else:
            fit_purchase = predictive.fit_bgbb if kind == "bgbb" else predictive.fit_bgnbd
            try:
                purchase = fit_purchase(x, t_x, big_t, start=previous.get(kind))
                fits.append(stored(kind, purchase, names[kind]))
            except (predictive.InsufficientDataError, FloatingPointError) as error:
                note = ["insufficient", self._fit_reason(error.reason)]
                fits.append(failed(kind, error, len(clients)))
        # Spend is modelled on clients whose repeat months have a positive mean.
        gg_x = np.where(spend > 0, x, 0).astype(int)
        gamma = None
        if too_few:
            fits.append(failed("gamma_gamma", too_few, int(np.sum(gg_x > 0))))
        else:
            try:
                gamma = predictive.fit_gamma_gamma(
                    gg_x, np.where(spend > 0, spend, 0.0), start=previous.get("gamma_gamma")
                )
                fits.append(stored("gamma_gamma", gamma, ("p", "q", "v")))
            except predictive.InsufficientDataError as error:
                fits.append(failed("gamma_gamma", error, int(np.sum(gg_x > 0))))
        fits.append(self._fit_sbg(history, month, base, stored, failed))

        horizon = int(thresholds["clv_horizon_months"])
        monthly_discount = (1.0 + thresholds["clv_discount_annual"]) ** (1.0 / 12.0) - 1.0
        # expected amount per invoiced month: Gamma-Gamma, else the client's recent average
        recent_months = history.recent_months[buyers]
        own_mean = np.where(
            recent_months > 0, history.recent_spend[buyers], history.mean_spend[buyers]
        )
        margin = own_mean
        if gamma is not None:
            m_used = np.where(gg_x > 0, spend, 0.0)
            margin = np.atleast_1d(predictive.gamma_gamma_expected_spend(gamma, gg_x, m_used))
        # the fee of the client's engagement is what its contract bills each invoiced month:
        # the amount, unless the client's invoices say more (work billed besides it)
        fees = self._engagement_fees(clients, cutoff)
        if fees:
            fee = np.array([fees.get(client, 0.0) for client in clients], dtype=float)
            margin = np.maximum(fee, np.atleast_1d(margin))
            own_mean = np.maximum(fee, own_mean)
        if purchase is not None:
            note = ["no_history", ""]
            if kind == "bgbb":
                alive = predictive.bgbb_probability_alive(purchase, x, t_x, big_t)
                purchases = predictive.bgbb_expected_transactions(purchase, 12, x, t_x, big_t)
                residual = predictive.bgbb_discounted_expected_transactions(
                    purchase, monthly_discount, x, t_x, big_t, horizon=horizon
                )
            else:
                alive = predictive.bgnbd_probability_alive(purchase, x, t_x, big_t)
                purchases = predictive.bgnbd_expected_purchases(purchase, 12, x, t_x, big_t)
                residual = predictive.bgnbd_discounted_expected_purchases(
                    purchase, monthly_discount, x, t_x, big_t, horizon
                )
            for client, p_alive, n, e in zip(
                clients,
                np.atleast_1d(alive).tolist(),
                np.atleast_1d(purchases).tolist(),
                np.atleast_1d(margin).tolist(),
                strict=True,
            ):
                predictions[client] = {
                    "probability_alive": p_alive,
                    "expected_purchases": n,
                    "expected_spend": e,
                }
        else:
            # the client's own rate of invoiced months in the value window, carried
            # forward: none for a client without an invoice in it
            window = self._windows().get("value", 12)
            rate = recent_months / np.minimum(window, big_t + 1.0)
            factors = (1.0 + monthly_discount) ** -np.arange(1, horizon + 1)
            residual = rate * factors.sum()
        values = np.atleast_1d(margin) * np.atleast_1d(residual)
        # never 0 for a client with invoices, never shown without an amount to value
        clv = {
            client: value
            for client, value, amount in zip(
                clients, values.tolist(), own_mean.tolist(), strict=True
            )
            if amount > 0 and np.isfinite(value) and value > 0
        }
        result = {
            "predictions": predictions,
            "note": note,
            "clv": clv,
            "model": {
                "kind": kind,
                "clv": "model" if purchase is not None else "own_rate",
                "horizon": horizon,
                "annual_discount": thresholds["clv_discount_annual"],
            },
        }
        return result, fits

    def _fit_reason(self, reason):
        """The reader's text of why a fit was refused or regularised: the core's reasons
        (``acct_firm_core.predictive.MESSAGES``, English) translated here, in the language of
        the environment (the firm's: ``_compute_month`` passes it); other errors as they
        are."""
        if isinstance(reason, predictive.FitReason):
            return reason.translate(lambda template, **params: self.env._(template, **params))
        return str(reason or "")

    def _previous_fits(self, month):
        """Parameters of the latest fitted month before ``month``, by kind: where each search
        starts, so that a month does not flip between fitted and failed on a tolerance."""
        previous = {}
        for fit in self.env["acct.segment.model.fit"].search(
            [
                ("month", "<", month),
                ("company_id", "=", self.env.company.id),
                ("state", "=", "fitted"),
            ],
            order="month desc",
            limit=20,
        ):
            if fit.kind not in previous and fit.parameters:
                previous[fit.kind] = tuple(fit.parameters.values())
        return previous

    @api.model
    def _backtest(self, invoices, month, starts=None):
        """Backtest rows of ``month``: both purchase models fitted up to 12 months before its
        end, their forecast of the 12 months after against what happened, and the naive
        baseline (acct_firm_core.backtest.monthly_backtest)."""
        holdout = 12
        results, clients = backtest.monthly_backtest(
            invoices,
            month_index(month),
            holdout,
            starts={**self._previous_fits(month), **(starts or {})},
        )
        first = month - relativedelta(months=holdout - 1)
        naive_mae = results["naive"].mae
        rows = []
        for code, forecast in results.items():
            rows.append(
                {
                    "month": month,
                    "model": code,
                    "holdout_months": holdout,
                    "client_count": clients,
                    "forecast_total": forecast.total or 0.0,
                    "actual_total": forecast.actual,
                    "mae": forecast.mae or 0.0,
                    "naive_mae": naive_mae or 0.0,
                    "beats_naive": forecast.mae is not None
                    and code != "naive"
                    and forecast.mae < naive_mae,
                    "note": self._fit_reason(forecast.error),
                    "line_ids": [
                        Command.create(
                            {
                                "series": code,
                                "period": first + relativedelta(months=k),
                                "invoiced_months": value,
                            }
                        )
                        for k, value in enumerate(forecast.per_period)
                    ],
                }
            )
        # what happened, once, with the naive baseline
        rows[-1]["line_ids"] += [
            Command.create(
                {
                    "series": "actual",
                    "period": first + relativedelta(months=k),
                    "invoiced_months": value,
                }
            )
            for k, value in enumerate(results["naive"].actual_per_period)
        ]
        return rows

    def _fit_sbg(self, history, month, base, stored, failed):
        """Retention of the clients: the cohort of the first year with invoices, followed year
        by year (alive in year k = invoiced in year k or later)."""
        end_year = month.year if month.month == 12 else month.year - 1
        buyers = history.buyers
        if not buyers.any():
            return failed("sbg", self.env._("no invoiced client"), 0)
        first_years = history.first[buyers] // 12
        cohort_year = int(first_years.min())
        last_years = history.last[buyers][first_years == cohort_year] // 12
        alive = [int(np.sum(last_years >= year)) for year in range(cohort_year, end_year + 1)]
        try:
            fit = predictive.fit_sbg(alive_counts=alive)
        except (predictive.InsufficientDataError, ValueError) as error:
            return failed("sbg", error, max(0, len(alive) - 1))
        return stored("sbg", fit, ("alpha", "beta"))

    @api.model
    def _segment(self, metrics, prediction, thresholds):
        """Segments from the metrics. Returns (the snapshot's columns, one value per client
        in each, with the codes of the rules that placed the client; the rules of the month:
        thresholds, tier bounds, value cut-offs, health weights and the prediction note,
        which the clients share)."""
        predictions = prediction["predictions"]
        values = {c: m.get("value") or 0.0 for c, m in metrics.items()}
        # The tier names are stored: in the firm's language, not the job's.
        bounds, tier_names = (
            self.env["acct.segment.tier"]
            .with_context(lang=self.env.company._acct_lang())
            ._get_tiers()
        )
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
        utility_thresholds = {k: thresholds[k] for k in scores.DEFAULT_THRESHOLDS}
        utility = scores.utility_segments(metrics, utility_thresholds)
        top_cut, low_cut = scores.value_cutoffs(metrics, utility_thresholds)
        weights = self._metric_weights()
        health_weights = {k: weights[k] for k in scores.HEALTH_ANCHORS if k in weights}
        health = scores.health_score(metrics, health_weights)
        health_components = [code for code, weight in health_weights.items() if weight > 0]
        rules = {
            "thresholds": thresholds,
            "tier_bounds": [round(bound, 2) for bound in tiers.bounds],
            "value_cutoffs": {"top_value": top_cut, "low_value": low_cut},
            "health_weights": health_weights,
            "health_components": health_components,
            "prediction_note": prediction["note"],
            "prediction_model": prediction.get("model", {}),
        }
        clients = list(metrics)
        lost = [
            self._lost(metrics[client], predictions.get(client), thresholds) for client in clients
        ]
        columns = {
            "client_id": clients,
            **{name: [metrics[client].get(name) for client in clients] for name in METRIC_COLUMNS},
            "past_value": [metrics[client]["past_value"] for client in clients],
            "value_tier": [tier_names[tiers.tiers[client]] for client in clients],
            "rfm_recency": [rfm[client].recency for client in clients],
            "rfm_frequency": [rfm[client].frequency for client in clients],
            "rfm_monetary": [rfm[client].monetary for client in clients],
            "rfm_code": [rfm[client].code for client in clients],
            "abc_class": [pareto.classes[client] for client in clients],
            "pareto_rank": [points[client][0] for client in clients],
            "pareto_client_share": [points[client][1].client_share for client in clients],
            "pareto_value_share": [points[client][1].value_share for client in clients],
            "pareto_a_share": [pareto.a_client_share] * len(clients),
            "loyalty_level": [loyalty[client].level for client in clients],
            "loyalty_rule": [loyalty[client].reason.code for client in clients],
            "health_score": [health[client].score for client in clients],
            "has_prediction": [client in predictions for client in clients],
            "is_lost": [bool(reason) for reason in lost],
            "lost_reason": lost,
            **{
                flag: [flag in utility[client] for client in clients]
                for flag in scores.SEGMENT_FLAGS
            },
            "explanation_data": [
                {
                    "flags": {
                        flag: [reason.code for reason in reasons]
                        for flag, reasons in utility[client].items()
                    },
                    "health": self._health_parts(health[client], health_components),
                }
                for client in clients
            ],
            **{
                name: [predictions.get(client, {}).get(name) for client in clients]
                for name in PREDICTION_COLUMNS
            },
            "clv": [prediction.get("clv", {}).get(client) for client in clients],
        }
        return columns, rules

    def _health_parts(self, health, components):
        """Each component's contribution, in the month's order, None where unknown."""
        parts = {
            component.code: round(component.contribution, 1) for component in health.components
        }
        return [parts.get(code) for code in components]

    def _lost(self, m, prediction, thresholds):
        """Why the client is lost (a lost_reason code), or None: the last engagement ended,
        else the probability alive is below the threshold, else (no model) no invoice for
        ``lost_recency_months`` after having some."""
        if m["engagement_ended"]:
            return "engagement_ended"
        if prediction:
            if prediction["probability_alive"] < thresholds["lost_probability_alive"]:
                return "probability_alive"
            return None
        recency = m.get("recency")
        if m["invoiced_months"] and recency is not None:
            if recency >= thresholds["lost_recency_months"]:
                return "recency"
        return None


@contextmanager
def _without_cyclic_gc():
    """Python's cyclic garbage collector paused for a block, and resumed as it was.

    The computation allocates about a million short-lived objects (numbers, dicts, rows),
    none of them in a reference cycle: reference counting frees them all. Each burst of
    allocations still triggers collections, and a full one walks every object of the Odoo
    process (its registry holds millions): 0.3 to 0.6 s of a 2 s recompute of 10,000 clients
    went there (tests/perf/bench_segments.py). The pause is process-wide: another thread's cycles
    wait the same second or two for the next collection."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
