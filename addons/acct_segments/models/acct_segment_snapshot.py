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
import re
from contextlib import contextmanager

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import SQL
from odoo.tools.misc import formatLang

from acct_firm_core import backtest, portfolio, predictive, segmentation
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
# The values of the explanation that are counts, shown without decimals (the core's rules
# compare them as floats): complaints, invoiced months, months of tenure and of recency.
COUNTS = frozenset(("complaints", "frequency", "tenure_months", "recency"))
# Arbitrary but fixed key of the advisory lock that serialises computations of a month.
LOCK_KEY = 5_180_001


# A number the core wrote as text in a fit's reason ("0.35", "2.64e+04").
NUMBER_TEXT = re.compile(r"-?\d+(\.\d+)?(e[+-]\d+)?")


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
                "Invoiced months expected in the next 12: %(months)s",
                months=snapshot._number(snapshot.expected_purchases, 1),
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
            "value": self.env._("value quintile"),
            "tenure": self.env._("tenure"),
            "margin": self.env._("margin share"),
        }
        return labels.get(code) or code.replace("_", " ")

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

    def _number(self, value, digits=2):
        """A number in the reader's language: its decimal and thousands separators."""
        return formatLang(self.env, value or 0.0, digits=digits)

    def _explanation_lines(self, rules):
        """The rules that placed the client, with the values they compared, in plain words.
        The values are the ones the core's rules returned (``explanation_data``, written by
        acct_firm_core.segmentation.segment): the thresholds are described there only, and a
        reason or a value the addon has no words for yet is still shown, by its code."""
        thresholds = rules.get("thresholds", {})
        data = self.explanation_data or {}
        number = self._number
        lines = [
            self.env._(
                "Value tier %(tier)s: value %(value)s (tier bounds %(bounds)s).",
                tier=self.value_tier,
                value=number(self.value),
                bounds=", ".join(number(b) for b in rules.get("tier_bounds", ())) or "-",
            ),
            self.env._(
                "RFM %(code)s: %(recency)s months since last activity, %(frequency)s invoiced "
                "months, value %(value)s, scored by quintiles of all clients.",
                code=self.rfm_code,
                recency=self.recency,
                frequency=self.frequency,
                value=number(self.value),
            ),
            self.env._(
                "Pareto class %(cls)s: rank %(rank)s, cumulative value share %(share)s %% "
                "after this client; %(a)s %% of the clients make the A value.",
                cls=self.abc_class,
                rank=self.pareto_rank,
                share=number(100 * self.pareto_value_share, 1),
                a=number(100 * self.pareto_a_share, 1),
            ),
            self.env._(
                "Loyalty %(level)s by rule %(rule)s (%(values)s).",
                level=self._selection_label("loyalty_level"),
                rule=self._selection_label("loyalty_rule"),
                values=self._format_values(data.get("loyalty") or ()) or "-",
            ),
        ]
        for flag, reasons in data.get("flags", {}).items():
            lines.append(
                self.env._(
                    "%(segment)s: %(reasons)s.",
                    segment=self._fields[flag]._description_string(self.env),
                    reasons="; ".join(self._reason_text(reason) for reason in reasons),
                )
            )
        if self.has_prediction:
            lines.append(
                self.env._(
                    "Model: probability alive %(p).0f %%, %(n)s invoiced months expected in "
                    "the next 12.",
                    p=100 * self.probability_alive,
                    n=number(self.expected_purchases, 1),
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

    def _reason_text(self, reason):
        """``[code, [[name, value], ...]]`` (acct_firm_core.segmentation.reason_entry) in words:
        "complaints (complaints = 2, threshold = 2,00)". A month computed before the values
        were kept holds the code alone: its reason is named without them."""
        if isinstance(reason, str):
            return self._words(reason)
        code, values = reason
        return f"{self._words(code)} ({self._format_values(values) or '-'})"

    def _words(self, code):
        """A reason code or a compared value's key of the explanation, in the reader's words;
        a code without words yet (a rule new in the core) as its code reads."""
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
            "client_rule": self.env._("client rule"),
        }
        if code in words:
            return words[code]
        rule_labels = dict(self._fields["loyalty_rule"]._description_selection(self.env))
        return rule_labels.get(code) or str(code).replace("_", " ")

    def _format_values(self, values):
        """``[[name, value], ...]`` as "name = value, ..." in the reader's language: numbers
        with its separators (a count without decimals, another number with two), yes/no,
        codes in words, "-" for an unknown value."""
        yes, no = self.env._("yes"), self.env._("no")

        def text(name, value):
            if value is True:
                return yes
            if value is False:
                return no
            if value is None:
                return "-"
            if isinstance(value, str):
                return self._words(value)
            return self._number(value, 0 if isinstance(value, int) or name in COUNTS else 2)

        return ", ".join(f"{self._words(name)} = {text(name, value)}" for name, value in values)

    def _selection_label(self, name):
        return dict(self._fields[name]._description_selection(self.env)).get(self[name], "")

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
            # the window's first day, as the client card's (acct_firm_core.portfolio)
            return portfolio.window_start(month_index(month), months)

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
        """The month's predictions and fit rows (acct_firm_core.segmentation.predict), with
        the firm's settings: its purchase model, the previous month's parameters where each
        fit starts, the fees of the clients' running engagements (``_engagement_fees``) and
        the value window; the fits' reasons in words. Returns (predictions, fit rows)."""
        result, fits = segmentation.predict(
            history,
            month_index(month),
            thresholds,
            kind=self.env["res.config.settings"]._acct_segments_purchase_model(),
            previous=self._previous_fits(month),
            fees=self._engagement_fees(segmentation.invoiced_clients(history), cutoff),
            value_window=self._windows().get("value", 12),
        )
        code, reason = result["note"]
        result["note"] = [code, reason and self._fit_reason(reason)]
        base = {"month": month, "cutoff_date": cutoff}
        return result, [{**base, **fit, "note": self._fit_reason(fit["note"])} for fit in fits]

    def _fit_reason(self, reason):
        """The reader's text of why a fit was refused or regularised: the core's reasons
        (``acct_firm_core.predictive.MESSAGES``, English) translated here, in the language of
        the environment (the firm's: ``_compute_month`` passes it); other errors as they
        are."""
        if isinstance(reason, predictive.FitReason):
            # the core writes its numbers as text ("2.64e+04"): with the reader's decimal sign
            point = self.env["res.lang"]._get_data(code=self.env.lang or "en_US").decimal_point

            def localized(value):
                if isinstance(value, str) and NUMBER_TEXT.fullmatch(value):
                    return value.replace(".", point)
                return value

            return reason.translate(
                lambda template, **params: self.env._(
                    template, **{name: localized(value) for name, value in params.items()}
                )
            )
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

    @api.model
    def _segment(self, metrics, prediction, thresholds):
        """The month's columns and rules (acct_firm_core.segmentation.segment), with the
        firm's value tiers (their names stored in the firm's language, not the job's) and
        metric weights."""
        bounds, tier_names = (
            self.env["acct.segment.tier"]
            .with_context(lang=self.env.company._acct_lang())
            ._get_tiers()
        )
        return segmentation.segment(
            metrics,
            prediction,
            thresholds,
            tier_bounds=bounds,
            tier_names=tier_names,
            weights=self._metric_weights(),
        )


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
