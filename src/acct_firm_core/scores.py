"""Client segmentation maths: RFM, Pareto/ABC, value tiers, loyalty, utility segments, health.

One shape everywhere: a population is a dict keyed by client id (the ``res.partner`` id in
Odoo). Functions over one metric take ``{client_id: number}``; functions over several metrics
take ``{client_id: {metric_name: value}}``. Results are dicts keyed by the same client ids.
Client ids must be orderable among themselves (ints in Odoo), because ties are broken by id.

Metric names used by the multi-metric functions (a missing or None metric is "unknown": it
never triggers a rule and never promotes a client):

* ``value``: invoiced value in the window (currency)
* ``frequency``: invoiced months in the window (0..12 for a 12-month window)
* ``recency``: months since the last invoice (0 = invoiced this month)
* ``tenure_months``: months since the client started with the firm
* ``active_engagement``: True when the client has an active engagement (contract)
* ``top_value_tier``: True when the client is in the top tier of :func:`value_tiers`
* ``growth``: relative change of value against the previous window (0.25 = +25 %)
* ``payment_delay``: average days late of payments in the window
* ``delay_trend``: slope of the monthly average days late, days per month (:func:`linear_trend`)
* ``complaints``: complaints in the window
* ``satisfaction``: average rating, 1 (bad) .. 5 (good)
* ``churn_risk``: probability 0..1 of leaving, from the predictive model
* ``cost``: cost to serve in the window (logged time at cost rate, currency)

Everything is deterministic: no randomness, ties resolved by documented rules.
"""

from __future__ import annotations

import bisect
import itertools
import math
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

# ---------------------------------------------------------------------------------------------
# Result types
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """Why a rule fired: a machine ``code`` (translated by the Odoo layer) and the values used."""

    code: str
    values: dict = field(default_factory=dict)


@dataclass(frozen=True)
class RFMScore:
    """Recency, frequency and monetary scores, each 1 (worst) .. 5 (best)."""

    recency: int
    frequency: int
    monetary: int

    @property
    def code(self) -> str:
        """The usual three-digit RFM cell, e.g. ``'545'``."""
        return f"{self.recency}{self.frequency}{self.monetary}"


@dataclass(frozen=True)
class ParetoPoint:
    """One point of the Pareto curve: shares of clients and of value after ``client_id``."""

    client_id: object
    client_share: float
    value_share: float


@dataclass(frozen=True)
class ParetoResult:
    """ABC classes per client, the share of clients in class A, and the curve to draw.

    ``curve`` starts at (0, 0) (``client_id`` None) and has one point per client in ABC order.
    """

    classes: dict
    a_client_share: float
    curve: tuple[ParetoPoint, ...]


@dataclass(frozen=True)
class ValueTiers:
    """Tier index per client (0 = lowest) and the lower bounds that were used."""

    tiers: dict
    bounds: tuple[float, ...]


@dataclass(frozen=True)
class Loyalty:
    """A client's rung on the loyalty ladder and the rule that put it there."""

    level: str
    reason: Reason


@dataclass(frozen=True)
class HealthComponent:
    """One part of the health score: ``contribution`` = 100 * ``weight`` * ``subscore``.

    ``weight`` is the component's share of the weights used for this client (they sum to 1).
    """

    code: str
    value: float
    subscore: float
    weight: float
    contribution: float


@dataclass(frozen=True)
class HealthScore:
    """Health 0..100 (None when no component is known) and the components that make it."""

    score: float | None
    components: tuple[HealthComponent, ...]


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def _number(value, what: str) -> float:
    """A finite float, or a clear error: the scores must not silently swallow bad data."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{what} must be a number, got {value!r}")
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be a number, got {value!r}")
    if not math.isfinite(result):
        raise ValueError(f"{what} must be finite, got {value!r}")
    return result


def _exact(value, what: str) -> Fraction:
    """Exact decimal value (floats through ``repr``), so share boundaries like 80 % are exact."""
    _number(value, what)
    if isinstance(value, float):
        # float() first: numpy's float64 is a float whose repr is "np.float64(...)"
        return Fraction(repr(float(value)))
    return Fraction(value)


_INF = math.inf


def _plain_float(value) -> float | None:
    """``value`` as a float when it is a plain finite float or int (the usual case), else
    None: the caller then goes through :func:`_number`, which converts or raises."""
    kind = type(value)
    if kind is float:
        if -_INF < value < _INF:  # False for NaN too
            return value
    elif kind is int:
        return float(value)
    return None


def _float(value, what: str) -> float:
    """:func:`_number` with a fast path for the usual plain finite floats and ints."""
    plain = _plain_float(value)
    return _number(value, what) if plain is None else plain


def _metric(metrics: Mapping, name: str, client) -> float | None:
    """A client's metric as a float, or None when missing: unknown metrics trigger no rule.

    It is called for every metric of every client, so the error text (with the client's
    repr) is only built when the fast path does not apply.
    """
    value = metrics.get(name)
    if value is None:
        return None
    plain = _plain_float(value)
    return _number(value, f"{name} of {client!r}") if plain is None else plain


_PLAIN_TYPES = frozenset((float, int, type(None)))


def _metric_columns(metrics: Mapping, clients: list, names: Sequence[str]) -> list[list]:
    """Per metric name, ``[_metric(metrics[client], name, client) for client in clients]``.

    Built a column at a time: the usual plain ints, finite floats and Nones are checked with
    a few C-speed passes instead of one function call per value. When any value is anything
    else, every value is taken through :func:`_metric` client by client, names in order, so
    odd numbers are converted and bad data raise the same error as one by one.
    """
    rows = [metrics[client] for client in clients]
    columns = []
    for name in names:
        column = [m.get(name) for m in rows]
        kinds = set(map(type, column))
        # The sum is NaN or infinite when some value is (or, harmlessly, when huge ones overflow)
        if not kinds <= _PLAIN_TYPES or not -_INF < sum(filter(None, column)) < _INF:
            pairs = zip(clients, rows, strict=True)
            by_client = [[_metric(m, name, c) for name in names] for c, m in pairs]
            return [list(values) for values in zip(*by_client, strict=True)] or [[] for _n in names]
        if int in kinds:
            column = [None if value is None else float(value) for value in column]
        columns.append(column)
    return columns


def _numbers(values: Mapping, what: str) -> dict:
    """``{client: float}`` of a one-metric population, each value checked as by :func:`_number`
    (``what of client must be ...``), with the same fast path as :func:`_metric`."""
    result = {}
    for client, value in values.items():
        plain = _plain_float(value)
        result[client] = _number(value, f"{what} of {client!r}") if plain is None else plain
    return result


# ---------------------------------------------------------------------------------------------
# RFM
# ---------------------------------------------------------------------------------------------


def _quintile_scores(values: Mapping) -> dict:
    """Score 1..5 per client by mid-rank percentile: ``p = (below + equal / 2) / n``.

    ``below`` counts clients with a strictly smaller value and ``equal`` those with the same
    value (itself included), so equal values always get the same score, and the score is
    ``floor(5 p) + 1``. With 5 distinct values this gives 1, 2, 3, 4, 5; with 10 distinct values
    two clients per score; one client, or all clients equal, get the middle score 3 (nothing
    tells them apart). Integer arithmetic avoids float surprises exactly on a quintile bound.
    """
    ordered = sorted(values.values())
    n = len(ordered)
    # One pass over the sorted values: each run of equal values gets its score once.
    score_of = {}
    below = 0
    for value, run in itertools.groupby(ordered):
        equal = sum(1 for _ in run)
        score_of[value] = (5 * (2 * below + equal)) // (2 * n) + 1
        below += equal
    return {client: score_of[value] for client, value in values.items()}


def rfm_scores(recency: Mapping, frequency: Mapping, monetary: Mapping) -> dict[object, RFMScore]:
    """RFM scores 1..5 per client by quintiles of the population.

    :param recency: months since the last invoice; *fewer* is better, so it is scored on the
        negated value (the most recent clients get 5).
    :param frequency: invoiced months (or invoices) in the window; more is better.
    :param monetary: value in the window; more is better.

    The three dicts must have the same client ids. Ties get equal scores (see
    ``_quintile_scores``); an empty population gives ``{}``. A client never invoiced should be
    given a recency longer than the window by the caller, not None.
    """
    clients = set(recency)
    if set(frequency) != clients or set(monetary) != clients:
        raise ValueError("recency, frequency and monetary must have the same client ids")
    if not clients:
        return {}
    r = _quintile_scores({c: -v for c, v in _numbers(recency, "recency").items()})
    f = _quintile_scores(_numbers(frequency, "frequency"))
    m = _quintile_scores(_numbers(monetary, "monetary"))
    return {c: RFMScore(r[c], f[c], m[c]) for c in sorted(clients)}


# ---------------------------------------------------------------------------------------------
# Pareto / ABC
# ---------------------------------------------------------------------------------------------


# Ints up to 2**53 are exact as floats; beyond, a float cannot stand for them.
_MAX_EXACT_INT = 2**53


def _plain_floats(values: Mapping) -> dict | None:
    """``{client: float}`` when every value is a finite float or an int exact as a float (the
    normal case), else None: the caller then takes the exact path, which also reports bad data.

    For such values float order is the exact order of the decimal values: two floats' reprs
    are in the same order as the floats (each repr rounds to its own float), and an int of at
    most 2**53 is itself a float.
    """
    result = {}
    for client, value in values.items():
        kind = type(value)
        if kind is float and -_INF < value < _INF:
            result[client] = value
        elif kind is int and -_MAX_EXACT_INT <= value <= _MAX_EXACT_INT:
            result[client] = float(value)
        else:
            return None
    return result


def _pareto_exact(values: Mapping, a_limit: Fraction, b_limit: Fraction) -> ParetoResult:
    """:func:`pareto_abc` in exact fractions throughout, for values that are not plain floats
    or ints (decimals, fractions, huge ints) and for bad values (it raises the error)."""
    exact = {client: _exact(value, f"value of {client!r}") for client, value in values.items()}
    positive = sorted((c for c, v in exact.items() if v > 0), key=lambda c: (-exact[c], c))
    rest = sorted(c for c, v in exact.items() if v <= 0)
    total = sum((exact[c] for c in positive), Fraction(0))
    n = len(exact)

    classes = {}
    curve = [ParetoPoint(None, 0.0, 0.0)]
    cumulative = Fraction(0)
    for position, client in enumerate(positive, start=1):
        share_before = cumulative / total
        classes[client] = "A" if share_before < a_limit else "B" if share_before < b_limit else "C"
        cumulative += exact[client]
        curve.append(ParetoPoint(client, position / n, float(cumulative / total)))
    for position, client in enumerate(rest, start=len(positive) + 1):
        classes[client] = "C"
        curve.append(ParetoPoint(client, position / n, 1.0 if total else 0.0))

    a_count = sum(1 for cls in classes.values() if cls == "A")
    return ParetoResult(classes, a_count / n if n else 0.0, tuple(curve))


def pareto_abc(values: Mapping, a_share=0.80, b_share=0.95) -> ParetoResult:
    """ABC classes: A makes the first ``a_share`` of value, B up to ``b_share``, C the rest.

    Clients with a positive value are ordered by value descending, ties by client id
    ascending (so among equal values the lower id comes first, deterministically). Walking
    that order, a client is **A while the cumulative share before it is below** ``a_share``:
    the client that crosses the 80 % line is A (it is the one that makes 80 % reachable), and
    a client starting exactly at 80 % is not. B likewise with ``b_share``. Clients with zero or
    negative value are C and come last on the curve (they add nothing to the value).

    ``a_client_share`` is the number of A clients over the number of all clients: "x % of the
    clients make 80 % of the value". With no positive value at all, everyone is C and the share
    is 0. Shares are compared exactly (fractions; floats read as their decimal ``repr``); the
    curve, which is for drawing, is computed in floats.
    """
    a_limit = _exact(a_share, "a_share")
    b_limit = _exact(b_share, "b_share")
    if not 0 < a_limit <= b_limit <= 1:
        raise ValueError("shares must satisfy 0 < a_share <= b_share <= 1")
    floats = _plain_floats(values)
    if floats is None:
        return _pareto_exact(values, a_limit, b_limit)

    positive = sorted(c for c, v in floats.items() if v > 0)
    # value descending; sort() is stable, even reversed, so equal values keep the id order
    positive.sort(key=floats.__getitem__, reverse=True)
    rest = sorted(c for c, v in floats.items() if v <= 0)
    cumulative = list(itertools.accumulate(floats[c] for c in positive))
    total = cumulative[-1] if cumulative else 0.0
    if positive and not 1e-300 < total < _INF:
        return _pareto_exact(values, a_limit, b_limit)  # overflow or underflow: no error bound
    n = len(floats)

    # Each float prefix sum is within (n + 2) half-epsilons of the total from the exact sum of
    # the decimal values, and so is float(limit) * total from limit * exact total: a float
    # comparison further apart than ``tolerance`` (twice that) is the exact comparison. Closer
    # calls, such as a client starting exactly on the 80 % line, are decided in fractions,
    # with the exact prefix sums computed once, at the first of them.
    tolerance = 2 * (n + 4) * sys.float_info.epsilon * total
    limits = ((a_limit, float(a_limit) * total, "A"), (b_limit, float(b_limit) * total, "B"))
    exact_before = None

    classes = {}
    curve = [ParetoPoint(None, 0.0, 0.0)]
    before = 0.0
    for position, client in enumerate(positive):
        classes[client] = "C"
        for limit, float_limit, cls in limits:
            gap = before - float_limit
            if -tolerance <= gap <= tolerance:
                if exact_before is None:
                    exact_before = _exact_prefix_sums([values[c] for c in positive])
                below = exact_before[position] < limit * exact_before[-1]
            else:
                below = gap < 0
            if below:
                classes[client] = cls
                break
        before = cumulative[position]
        curve.append(ParetoPoint(client, (position + 1) / n, before / total))
    for position, client in enumerate(rest, start=len(positive) + 1):
        classes[client] = "C"
        curve.append(ParetoPoint(client, position / n, 1.0 if total else 0.0))

    a_count = sum(1 for cls in classes.values() if cls == "A")
    return ParetoResult(classes, a_count / n if n else 0.0, tuple(curve))


def _exact_prefix_sums(values: list) -> list[Fraction]:
    """Exact sums of the values before each one, and of all of them last (``n + 1`` items)."""
    sums = [Fraction(0)]
    for value in values:
        sums.append(sums[-1] + _exact(value, "value"))
    return sums


# ---------------------------------------------------------------------------------------------
# Value tiers
# ---------------------------------------------------------------------------------------------


def _ascending(numbers: Sequence[float]) -> bool:
    """True when every number is strictly above the previous one."""
    return all(numbers[i] < numbers[i + 1] for i in range(len(numbers) - 1))


def value_tiers(values: Mapping, bounds=None, quantiles=(0.5, 0.8)) -> ValueTiers:
    """Tier index per client: 0 = lowest, ``len(bounds)`` = top.

    :param bounds: the firm's own ranges as ascending lower bounds of tiers 1..k; a bound is
        inclusive: with ``bounds=(1000, 5000)`` a value of 999 is tier 0, 1000 is tier 1 and
        5000 or more is tier 2.
    :param quantiles: used only when ``bounds`` is None: the bounds are the quantiles of the
        clients' values (numpy's default linear method). The default (0.5, 0.8) makes three
        tiers: the lower half, the next 30 %, the top 20 %.

    The same inclusive rule applies to computed bounds, so equal values always share a tier;
    when many clients share a value a quantile can land on it and lift them all (all equal
    values, or a single client, end in the top tier). The Odoo layer names the tiers.
    """
    values = _numbers(values, "value")
    if bounds is None:
        qs = [_number(q, "quantile") for q in quantiles]
        if any(not 0 < q < 1 for q in qs) or not _ascending(qs):
            raise ValueError("quantiles must be ascending and strictly between 0 and 1")
        if not values:
            return ValueTiers({}, ())
        # the quantiles do not depend on the order of the values
        data = np.fromiter(values.values(), dtype=float, count=len(values))
        used = tuple(float(b) for b in np.quantile(data, qs))
    else:
        used = tuple(_number(b, "bound") for b in bounds)
        if not _ascending(used):
            raise ValueError("bounds must be strictly ascending")
    tiers = {c: bisect.bisect_right(used, values[c]) for c in sorted(values)}
    return ValueTiers(tiers, used)


# ---------------------------------------------------------------------------------------------
# Loyalty ladder
# ---------------------------------------------------------------------------------------------

LOYALTY_LEVELS = ("occasional", "regular", "client", "partner")


def loyalty_level(
    metrics: Mapping,
    *,
    regular_min_months: int = 3,
    client_min_months: int = 10,
    partner_min_tenure_months: int = 36,
) -> dict[object, Loyalty]:
    """The loyalty ladder per client, highest rung first, with the rule that decided it.

    Metrics used: ``frequency`` (invoiced months in the window, 12 months in Odoo),
    ``active_engagement``, ``tenure_months``, ``top_value_tier``. Missing ones count as 0 /
    False, so a client with no data is occasional.

    * partner (``partner``): a *client* (below) with tenure >= ``partner_min_tenure_months``
      (3 years) and value in the top tier.
    * client: an active engagement (``client_engagement``), or invoiced in
      >= ``client_min_months`` months (``client_months``).
    * regular (``regular_months``): invoiced in >= ``regular_min_months`` months.
    * occasional (``occasional_months``): fewer than ``regular_min_months`` invoiced months.
    """
    result = {}
    for client in sorted(metrics):
        m = metrics[client]
        months = _float(m.get("frequency") or 0, "frequency")
        tenure = _float(m.get("tenure_months") or 0, "tenure_months")
        engaged = bool(m.get("active_engagement"))
        top = bool(m.get("top_value_tier"))

        if engaged:
            client_rule = "client_engagement"
        elif months >= client_min_months:
            client_rule = "client_months"
        else:
            client_rule = None

        if client_rule and top and tenure >= partner_min_tenure_months:
            values = {
                "tenure_months": tenure,
                "partner_min_tenure_months": partner_min_tenure_months,
                "top_value_tier": True,
                "client_rule": client_rule,
            }
            result[client] = Loyalty("partner", Reason("partner", values))
        elif client_rule == "client_engagement":
            result[client] = Loyalty("client", Reason(client_rule, {"active_engagement": True}))
        elif client_rule:
            values = {"frequency": months, "client_min_months": client_min_months}
            result[client] = Loyalty("client", Reason(client_rule, values))
        else:
            values = {"frequency": months, "regular_min_months": regular_min_months}
            if months >= regular_min_months:
                result[client] = Loyalty("regular", Reason("regular_months", values))
            else:
                result[client] = Loyalty("occasional", Reason("occasional_months", values))
    return result


# ---------------------------------------------------------------------------------------------
# Utility segments
# ---------------------------------------------------------------------------------------------

SEGMENT_FLAGS = ("most_valuable", "highest_potential", "vulnerable", "problematic")

DEFAULT_THRESHOLDS = {
    # most_valuable: value among the top 20 % of clients by count (ties at the cut included).
    "most_valuable_top_share": 0.20,
    # highest_potential: value grows by 20 %+ and the client is not already most valuable.
    "potential_min_growth": 0.20,
    # vulnerable: any of these (each matching rule is a reason).
    "vulnerable_churn_risk": 0.50,  # churn_risk >= 0.5
    "vulnerable_growth": -0.20,  # value fell by 20 % or more
    "vulnerable_delay_trend": 2.0,  # payment delay rises by 2+ days per month
    "vulnerable_complaints": 2,  # 2+ complaints in the window
    # problematic: low value (bottom 30 % of clients by count, never a most valuable client)
    # and any of: high cost to serve, long payment delay, complaints.
    "problematic_low_value_share": 0.30,
    "problematic_cost_ratio": 0.80,  # cost >= 80 % of value (or any cost with no value)
    "problematic_payment_delay": 30,  # 30+ days late on average
    "problematic_complaints": 2,
}


def _top_cutoff(values: list[float], share: float) -> float | None:
    """Lowest value still in the top ``share`` of clients by count (at least one client)."""
    if not values:
        return None
    k = max(1, math.ceil(share * len(values)))
    return sorted(values, reverse=True)[k - 1]


def _bottom_cutoff(values: list[float], share: float) -> float | None:
    """Highest value still in the bottom ``share`` of clients by count (at least one client)."""
    if not values:
        return None
    k = max(1, math.ceil(share * len(values)))
    return sorted(values)[k - 1]


def _limits(thresholds: Mapping | None) -> dict:
    """The utility thresholds: the defaults, overridden by ``thresholds``; an unknown key is
    an error (a typo must not silently fall back to a default)."""
    limits = dict(DEFAULT_THRESHOLDS)
    if thresholds:
        unknown = set(thresholds) - set(DEFAULT_THRESHOLDS)
        if unknown:
            raise ValueError(f"unknown thresholds: {', '.join(sorted(unknown))}")
        limits.update(thresholds)
    return limits


def _known_values(metrics: Mapping) -> dict:
    return {c: _metric(m, "value", c) for c, m in metrics.items() if m.get("value") is not None}


def _cutoffs(values: list[float], limits: Mapping) -> tuple[float | None, float | None]:
    return (
        _top_cutoff(values, limits["most_valuable_top_share"]),
        _bottom_cutoff(values, limits["problematic_low_value_share"]),
    )


def value_cutoffs(
    metrics: Mapping, thresholds: Mapping | None = None
) -> tuple[float | None, float | None]:
    """The two value cut-offs :func:`utility_segments` uses, as ``(top, low)``: the lowest
    value still among the most valuable clients and the highest value still low (a condition
    of problematic); None when no client has a known value."""
    return _cutoffs(list(_known_values(metrics).values()), _limits(thresholds))


def utility_segments(metrics: Mapping, thresholds: Mapping | None = None) -> dict[object, dict]:
    """Utility flags per client, each with its reasons: ``{client: {flag: (Reason, ...)}}``.

    Flags (a client may have several, or none - then its dict is empty):

    * ``most_valuable`` (``top_value``): value > 0 and among the top
      ``most_valuable_top_share`` of clients with a known value, ties at the cut included.
    * ``highest_potential`` (``growing``): growth >= ``potential_min_growth`` and not most
      valuable (a most valuable client is already there).
    * ``vulnerable``: ``churn_risk``, ``value_falling``, ``delay_rising``, ``complaints``.
    * ``problematic``: ``low_value`` (bottom ``problematic_low_value_share`` by value, not
      most valuable) together with at least one of ``high_cost``, ``high_delay``,
      ``complaints``; the reasons list ``low_value`` first.

    ``thresholds`` overrides some of :data:`DEFAULT_THRESHOLDS`; an unknown key is an error
    (a typo must not silently fall back to a default). Unknown metrics never trigger a rule.
    """
    limits = _limits(thresholds)
    known_values = _known_values(metrics)
    top_cut, low_cut = _cutoffs(list(known_values.values()), limits)
    # the limits as locals: they are read for every client
    potential_min_growth = limits["potential_min_growth"]
    vulnerable_churn_risk = limits["vulnerable_churn_risk"]
    vulnerable_growth = limits["vulnerable_growth"]
    vulnerable_delay_trend = limits["vulnerable_delay_trend"]
    vulnerable_complaints = limits["vulnerable_complaints"]
    problematic_cost_ratio = limits["problematic_cost_ratio"]
    problematic_payment_delay = limits["problematic_payment_delay"]
    problematic_complaints = limits["problematic_complaints"]

    clients = sorted(metrics)
    names = ("growth", "churn_risk", "payment_delay", "delay_trend", "complaints", "cost")
    result = {}
    for client, growth, churn, delay, delay_trend, complaints, cost in zip(
        clients, *_metric_columns(metrics, clients, names), strict=True
    ):
        flags: dict[str, tuple[Reason, ...]] = {}
        value = known_values.get(client)

        most_valuable = value is not None and value > 0 and value >= top_cut
        if most_valuable:
            flags["most_valuable"] = (Reason("top_value", {"value": value, "cutoff": top_cut}),)

        if not most_valuable and growth is not None and growth >= potential_min_growth:
            flags["highest_potential"] = (
                Reason("growing", {"growth": growth, "threshold": potential_min_growth}),
            )

        vulnerable = []
        if churn is not None and churn >= vulnerable_churn_risk:
            vulnerable.append(
                Reason("churn_risk", {"churn_risk": churn, "threshold": vulnerable_churn_risk})
            )
        if growth is not None and growth <= vulnerable_growth:
            vulnerable.append(
                Reason("value_falling", {"growth": growth, "threshold": vulnerable_growth})
            )
        if delay_trend is not None and delay_trend >= vulnerable_delay_trend:
            vulnerable.append(
                Reason(
                    "delay_rising",
                    {"delay_trend": delay_trend, "threshold": vulnerable_delay_trend},
                )
            )
        if complaints is not None and complaints >= vulnerable_complaints:
            vulnerable.append(
                Reason("complaints", {"complaints": complaints, "threshold": vulnerable_complaints})
            )
        if vulnerable:
            flags["vulnerable"] = tuple(vulnerable)

        if value is not None and not most_valuable and value <= low_cut:
            problems = []
            if cost is not None and cost > 0:
                # Any cost with no value is too high; the ratio is None there (nothing to show).
                ratio = cost / value if value > 0 else None
                if ratio is None or ratio >= problematic_cost_ratio:
                    problems.append(
                        Reason(
                            "high_cost",
                            {
                                "cost": cost,
                                "value": value,
                                "ratio": ratio,
                                "threshold": problematic_cost_ratio,
                            },
                        )
                    )
            if delay is not None and delay >= problematic_payment_delay:
                problems.append(
                    Reason(
                        "high_delay",
                        {"payment_delay": delay, "threshold": problematic_payment_delay},
                    )
                )
            if complaints is not None and complaints >= problematic_complaints:
                problems.append(
                    Reason(
                        "complaints",
                        {"complaints": complaints, "threshold": problematic_complaints},
                    )
                )
            if problems:
                low = Reason("low_value", {"value": value, "cutoff": low_cut})
                flags["problematic"] = (low, *problems)

        result[client] = flags
    return result


# ---------------------------------------------------------------------------------------------
# Health score
# ---------------------------------------------------------------------------------------------

# Each component maps its metric linearly from a "bad" anchor (subscore 0) to a "good" anchor
# (subscore 1), clamped outside. Anchors are plain business judgement, kept here in one place.
HEALTH_ANCHORS = {
    "payment_delay": (60.0, 0.0),  # 60+ days late is bad, on time is good
    "recency": (6.0, 1.0),  # no invoice for 6+ months is bad, last month or this one is good
    "frequency": (0.0, 12.0),  # invoiced months in 12
    "complaints": (3.0, 0.0),  # 3+ complaints is bad, none is good
    "growth": (-0.30, 0.10),  # value down 30 % is bad, up 10 % is good
    "satisfaction": (1.0, 5.0),  # rating 1..5
    # Inputs of health_inputs, not the metric of the same name:
    "value": (1.0, 5.0),  # the value's quintile among the clients (an amount has no anchor)
    "tenure": (0.0, 36.0),  # months since the first invoice: 3 years is good
    "margin": (0.0, 0.5),  # share of the invoiced amount left after the cost to serve
}

DEFAULT_HEALTH_WEIGHTS = {
    "payment_delay": 0.25,
    "recency": 0.20,
    "frequency": 0.20,
    "complaints": 0.15,
    "growth": 0.10,
    "satisfaction": 0.10,
}


def health_inputs(metrics: Mapping, rfm: Mapping) -> dict:
    """Each client's inputs of :func:`health_score`, by component of :data:`HEALTH_ANCHORS`:
    the metrics of the same name, and ``value`` as the client's value quintile (its RFM
    monetary score, ``rfm`` of :func:`rfm_scores`), ``tenure`` as ``tenure_months``, ``margin``
    as the share of the margin window's invoiced amount left after the cost (``margin`` over
    ``margin + cost``, None without an amount invoiced)."""
    same = ("payment_delay", "recency", "frequency", "complaints", "growth", "satisfaction")
    inputs = {}
    for client, m in metrics.items():
        row = {code: m.get(code) for code in same}
        row["value"] = rfm[client].monetary if client in rfm else None
        row["tenure"] = m.get("tenure_months")
        margin = m.get("margin")
        invoiced = None if margin is None else margin + (m.get("cost") or 0.0)
        row["margin"] = margin / invoiced if invoiced and invoiced > 0 else None
        inputs[client] = row
    return inputs


def _subscore(value: float, bad: float, good: float) -> float:
    """Linear 0..1 between the bad and the good anchor, clamped; works in either direction."""
    position = (value - bad) / (good - bad)
    return min(1.0, max(0.0, position))


def health_score(metrics: Mapping, weights: Mapping | None = None) -> dict[object, HealthScore]:
    """Rule-based health 0..100 per client, for when a predictive model lacks data.

    Components are the metrics of :data:`HEALTH_ANCHORS`, each turned into a 0..1 subscore
    and weighted by ``weights`` (default :data:`DEFAULT_HEALTH_WEIGHTS`; a component left out
    or weighted 0 is not used). Weights are renormalised over the components *known* for the
    client, so a missing metric neither helps nor hurts; with none known the score is None.
    Each component's ``contribution`` is its share of the score, and they add up to it.
    """
    weights = dict(DEFAULT_HEALTH_WEIGHTS if weights is None else weights)
    unknown = set(weights) - set(HEALTH_ANCHORS)
    if unknown:
        raise ValueError(f"unknown health components: {', '.join(sorted(unknown))}")
    for code, weight in weights.items():
        if _number(weight, f"weight of {code}") < 0:
            raise ValueError(f"weight of {code} must not be negative")

    # (code, weight, bad, good, cache) in the fixed order of HEALTH_ANCHORS: the explanation
    # always reads the same way. Every metric is checked, used or not.
    clients = sorted(metrics)
    anchors, used = [], []
    columns = _metric_columns(metrics, clients, tuple(HEALTH_ANCHORS))
    for (code, (bad, good)), column in zip(HEALTH_ANCHORS.items(), columns, strict=True):
        weight = float(weights.get(code, 0))
        if weight > 0:
            anchors.append((code, weight, bad, good, {}))
            used.append(column)
    rows = zip(*used, strict=True) if used else [()] * len(clients)
    result = {}
    for client, values in zip(clients, rows, strict=True):
        parts = [(v, anchor) for v, anchor in zip(values, anchors, strict=True) if v is not None]
        if not parts:
            result[client] = HealthScore(None, ())
            continue
        total_weight = sum([anchor[1] for _value, anchor in parts])
        components = []
        for value, (code, weight, bad, good, cache) in parts:
            # A component depends only on its value and the total weight, and it is immutable:
            # clients with the same ones (the same complaints, frequency, recency...) share it,
            # which saves building tens of thousands of equal objects. The sign of a zero is
            # in the key, so that -0.0 (== 0.0) still shows as the client's own value.
            key = (value, total_weight) if value else (math.copysign(1.0, value), total_weight, 0)
            component = cache.get(key)
            if component is None:
                sub = _subscore(value, bad, good)
                share = weight / total_weight
                component = HealthComponent(code, value, sub, share, 100.0 * share * sub)
                cache[key] = component
            components.append(component)
        score = sum([component.contribution for component in components])
        result[client] = HealthScore(score, tuple(components))
    return result


# ---------------------------------------------------------------------------------------------
# Trend
# ---------------------------------------------------------------------------------------------


def linear_trend(values: Sequence) -> float:
    """Least-squares slope per period of a series ordered oldest first (value or delay trend).

    ``None`` marks a period without data: it is skipped but keeps its place in time, so a gap
    does not compress the series. Fewer than two known points give 0.0 (no trend to speak of).
    """
    points = [(i, _number(v, f"value {i}")) for i, v in enumerate(values) if v is not None]
    if len(points) < 2:
        return 0.0
    x = np.array([p[0] for p in points], dtype=float)
    y = np.array([p[1] for p in points], dtype=float)
    dx = x - x.mean()
    return float(np.dot(dx, y - y.mean()) / np.dot(dx, dx))


def linear_trends(matrix) -> np.ndarray:
    """:func:`linear_trend` of many series at once: one least-squares slope per row.

    ``matrix`` is 2-D, one row per client and one column per period, oldest first, with NaN
    (or None) for a period without data: it is skipped but keeps its place in time. A row with
    fewer than two known points gives 0.0. Infinite values are an error, like in
    :func:`linear_trend`.
    """
    y = np.asarray(matrix, dtype=float)
    if y.ndim != 2:
        raise ValueError(f"matrix must be two-dimensional (clients x periods), got {y.ndim}-D")
    if np.isinf(y).any():
        raise ValueError("matrix must contain only finite numbers or NaN (no data)")
    known = ~np.isnan(y)
    count = known.sum(axis=1)
    enough = count >= 2
    # Centre on each row's own known points (as linear_trend does), with the unknown ones
    # contributing 0 to every sum; rows with fewer than two points are divided by 1 and
    # then replaced by 0.0.
    divisor = np.where(enough, count, 1)
    x = np.where(known, np.arange(y.shape[1], dtype=float), 0.0)
    y = np.where(known, y, 0.0)
    dx = np.where(known, x - (x.sum(axis=1) / divisor)[:, None], 0.0)
    dy = y - (y.sum(axis=1) / divisor)[:, None]
    sxx = np.einsum("ij,ij->i", dx, dx)
    sxy = np.einsum("ij,ij->i", dx, dy)
    return np.where(enough, sxy / np.where(enough, sxx, 1.0), 0.0)
