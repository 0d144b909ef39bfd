"""A month's client segments, from the grouped rows to the snapshot's columns and rules.

:func:`acct_firm_core.portfolio.measure` turns the month's grouped rows into each client's
metrics and invoicing history; this module goes on from there:

* :func:`predict`: the purchase model (BG/BB or BG/NBD) and Gamma-Gamma fitted on the
  history, each client's probability alive, expected invoiced months and lifetime value
  (CLV), and the retention fit (:func:`fit_retention`);
* :func:`segment`: value tiers, RFM, Pareto ABC, loyalty, the utility segments, the health
  score and the lost-client rule (:func:`lost_reason`), as the snapshot's columns, one value
  per client, with the month's rules.

The Odoo layer (addons/acct_segments/models/acct_segment_snapshot.py) runs the queries,
passes the firm's settings as plain values, translates the reasons and stores the result.
A fit's ``note`` and the prediction note's reason are :class:`predictive.FitReason` (or an
error, or ""): the addon puts them in words, in the firm's language.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from . import predictive, scores
from .portfolio import InvoiceHistory

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
# The parameters stored of each fitted model, in order (they are also where the next
# month's fit starts).
PARAMETERS = {
    "bgbb": ("alpha", "beta", "gamma", "delta"),
    "bgnbd": ("r", "alpha", "a", "b"),
    "gamma_gamma": ("p", "q", "v"),
    "sbg": ("alpha", "beta"),
}
# Expected invoiced months are predicted over the next 12 months.
PURCHASES_HORIZON = 12


# ---------------------------------------------------------------------------------------------
# Predictions
# ---------------------------------------------------------------------------------------------


def invoiced_clients(history: InvoiceHistory) -> list:
    """The clients invoiced at least once, in the history's order: the ones predicted (and
    the ones whose engagement fee :func:`predict` takes)."""
    return history.clients[history.buyers].tolist()


def fit_row(kind: str, fit) -> dict:
    """A fitted model as the month keeps it: its parameters, likelihood, the share the
    priors took and, when they had to regularise it, why (``note``)."""
    params = {name: getattr(fit, name) for name in PARAMETERS[kind]}
    regularised = getattr(fit, "regularised", "")
    return {
        "kind": kind,
        "state": "fitted",
        "n": getattr(fit, "n", getattr(fit, "n_periods", 0)),
        "log_likelihood": fit.log_likelihood,
        "parameters": params,
        "parameters_text": ", ".join(f"{k} = {v:.4f}" for k, v in params.items()),
        "prior_share": getattr(fit, "prior_share", 0.0),
        "note": regularised and predictive.FitReason("regularised", reason=regularised),
    }


def refused_row(kind: str, reason, n: int) -> dict:
    """A model the month could not fit on ``n`` clients (or periods), with the reason."""
    return {"kind": kind, "state": "insufficient", "n": n, "note": reason}


def _reason(error):
    """The reason of a failed fit: the core's FitReason, else the error itself."""
    return getattr(error, "reason", error)


def with_engagement_fee(amounts: np.ndarray, fee: np.ndarray) -> np.ndarray:
    """What a client is worth per invoiced month, given what the models or its own invoices
    say (``amounts``) and the fee its running engagements bill per invoiced month (``fee``,
    0.0 without one): a client with an engagement is worth its fee, which is what its
    contract bills each invoiced month; the others what the models or their invoices say."""
    return np.where(fee > 0, fee, np.atleast_1d(amounts))


def fit_retention(history: InvoiceHistory, end_year: int) -> dict:
    """Retention of the clients (shifted-beta-geometric): the cohort of the first year with
    invoices, followed year by year up to ``end_year`` (alive in year k = invoiced in year k
    or later). A fit row (:func:`fit_row` or :func:`refused_row`)."""
    buyers = history.buyers
    if not buyers.any():
        return refused_row("sbg", predictive.FitReason("no_invoiced_client"), 0)
    first_years = history.first[buyers] // 12
    cohort_year = int(first_years.min())
    last_years = history.last[buyers][first_years == cohort_year] // 12
    alive = [int(np.sum(last_years >= year)) for year in range(cohort_year, end_year + 1)]
    try:
        fit = predictive.fit_sbg(alive_counts=alive)
    except (predictive.InsufficientDataError, ValueError) as error:
        return refused_row("sbg", _reason(error), max(0, len(alive) - 1))
    return fit_row("sbg", fit)


def predict(
    history: InvoiceHistory,
    end: int,
    thresholds: Mapping,
    *,
    kind: str = "bgbb",
    previous: Mapping | None = None,
    fees: Mapping | None = None,
    value_window: int = 12,
) -> tuple[dict, list[dict]]:
    """Fit the models on the history up to month index ``end`` (time unit: month; a purchase
    is an invoiced month) and predict per client. Returns (predictions, fit rows).

    ``kind`` is the purchase model, the firm's choice: ``bgbb`` (one chance a month to be
    invoiced) or ``bgnbd``. Each fit starts from ``previous`` (the parameters of the latest
    fitted month, by kind), is checked for degeneracy (regularised by weak priors, or refused
    with the reason) and is not made with fewer clients than ``models_min_clients``. The
    lifetime value is the expected amount per invoiced month (Gamma-Gamma on the client's
    invoiced months, else the client's own average; combined with the fee of the client's
    running engagements, ``fees``, by :func:`with_engagement_fee`) times the discounted
    expected invoiced months over ``clv_horizon_months``; without a purchase model, the
    client's own rate of invoiced months in the last ``value_window`` months carried forward
    stands in for the latter. The CLV is never 0 for a client with invoices, and left out
    for a client without an amount to value.

    The predictions: ``{"predictions": {client: {probability_alive, expected_purchases,
    expected_spend}}, "note": [code, reason], "clv": {client: value}, "model": {...}}``."""
    previous = previous or {}
    buyers = history.buyers
    clients = invoiced_clients(history)
    x = (history.invoiced_months[buyers] - 1).astype(float)
    t_x = (history.last[buyers] - history.first[buyers]).astype(float)
    big_t = (end - history.first[buyers]).astype(float)
    spend = history.repeat_spend[buyers]
    fits, predictions = [], {}

    min_clients = int(thresholds["models_min_clients"])
    too_few = len(clients) < min_clients and predictive.FitReason(
        "too_few_clients", count=len(clients), minimum=min_clients
    )
    purchase = None
    note = ["insufficient", too_few]
    if too_few:
        fits.append(refused_row(kind, too_few, len(clients)))
    else:
        fit_purchase = predictive.fit_bgbb if kind == "bgbb" else predictive.fit_bgnbd
        try:
            purchase = fit_purchase(x, t_x, big_t, start=previous.get(kind))
            fits.append(fit_row(kind, purchase))
        except (predictive.InsufficientDataError, FloatingPointError) as error:
            note = ["insufficient", _reason(error)]
            fits.append(refused_row(kind, _reason(error), len(clients)))
    # Spend is modelled on clients whose repeat months have a positive mean.
    gg_x = np.where(spend > 0, x, 0).astype(int)
    gamma = None
    if too_few:
        fits.append(refused_row("gamma_gamma", too_few, int(np.sum(gg_x > 0))))
    else:
        try:
            gamma = predictive.fit_gamma_gamma(
                gg_x, np.where(spend > 0, spend, 0.0), start=previous.get("gamma_gamma")
            )
            fits.append(fit_row("gamma_gamma", gamma))
        except predictive.InsufficientDataError as error:
            fits.append(refused_row("gamma_gamma", _reason(error), int(np.sum(gg_x > 0))))
    # the retention fit follows whole years: up to the last December at or before ``end``
    fits.append(fit_retention(history, (end - 11) // 12))

    horizon = int(thresholds["clv_horizon_months"])
    monthly_discount = (1.0 + thresholds["clv_discount_annual"]) ** (1.0 / 12.0) - 1.0
    # expected amount per invoiced month: Gamma-Gamma, else the client's recent average
    recent_months = history.recent_months[buyers]
    own_mean = np.where(recent_months > 0, history.recent_spend[buyers], history.mean_spend[buyers])
    amount = own_mean
    if gamma is not None:
        m_used = np.where(gg_x > 0, spend, 0.0)
        amount = np.atleast_1d(predictive.gamma_gamma_expected_spend(gamma, gg_x, m_used))
    if fees:
        fee = np.array([fees.get(client, 0.0) for client in clients], dtype=float)
        amount = with_engagement_fee(amount, fee)
        own_mean = with_engagement_fee(own_mean, fee)
    if purchase is not None:
        note = ["no_history", ""]
        if kind == "bgbb":
            alive = predictive.bgbb_probability_alive(purchase, x, t_x, big_t)
            purchases = predictive.bgbb_expected_transactions(
                purchase, PURCHASES_HORIZON, x, t_x, big_t
            )
            residual = predictive.bgbb_discounted_expected_transactions(
                purchase, monthly_discount, x, t_x, big_t, horizon=horizon
            )
        else:
            alive = predictive.bgnbd_probability_alive(purchase, x, t_x, big_t)
            purchases = predictive.bgnbd_expected_purchases(
                purchase, PURCHASES_HORIZON, x, t_x, big_t
            )
            residual = predictive.bgnbd_discounted_expected_purchases(
                purchase, monthly_discount, x, t_x, big_t, horizon
            )
        for client, p_alive, n, e in zip(
            clients,
            np.atleast_1d(alive).tolist(),
            np.atleast_1d(purchases).tolist(),
            np.atleast_1d(amount).tolist(),
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
        rate = recent_months / np.minimum(value_window, big_t + 1.0)
        factors = (1.0 + monthly_discount) ** -np.arange(1, horizon + 1)
        residual = rate * factors.sum()
    values = np.atleast_1d(amount) * np.atleast_1d(residual)
    # never 0 for a client with invoices, never shown without an amount to value
    clv = {
        client: value
        for client, value, own in zip(clients, values.tolist(), own_mean.tolist(), strict=True)
        if own > 0 and np.isfinite(value) and value > 0
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


# ---------------------------------------------------------------------------------------------
# Segments
# ---------------------------------------------------------------------------------------------


def lost_reason(metrics: Mapping, prediction: Mapping | None, thresholds: Mapping) -> str | None:
    """Why the client is lost (a code), or None: its last engagement ended
    (``engagement_ended``), else the probability alive is below ``lost_probability_alive``
    (``probability_alive``), else, with no prediction, no invoice nor logged work for
    ``lost_recency_months`` after having been invoiced (``recency``)."""
    if metrics["engagement_ended"]:
        return "engagement_ended"
    if prediction:
        if prediction["probability_alive"] < thresholds["lost_probability_alive"]:
            return "probability_alive"
        return None
    recency = metrics.get("recency")
    if metrics["invoiced_months"] and recency is not None:
        if recency >= thresholds["lost_recency_months"]:
            return "recency"
    return None


def health_parts(health: scores.HealthScore, components: Sequence[str]) -> list:
    """Each component's contribution, in the month's order, None where unknown."""
    parts = {component.code: round(component.contribution, 1) for component in health.components}
    return [parts.get(code) for code in components]


def _plain(value):
    """A reason's value as JSON keeps it: numpy numbers as Python's, no infinity nor NaN."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def reason_entry(reason: scores.Reason) -> list:
    """A rule's reason as the explanation reads it: ``[code, [[name, value], ...]]``, with the
    very values the rule compared, in the rule's order (a JSON object in PostgreSQL would
    sort them); the Odoo layer words them, whatever the code."""
    return [reason.code, [[name, _plain(value)] for name, value in reason.values.items()]]


def segment(
    metrics: Mapping,
    prediction: Mapping,
    thresholds: Mapping,
    *,
    tier_bounds=None,
    tier_names: Sequence[str] = (),
    weights: Mapping | None = None,
) -> tuple[dict, dict]:
    """Segments from the metrics (of :func:`acct_firm_core.portfolio.measure`) and the
    predictions (of :func:`predict`). Returns (the snapshot's columns, one value per client
    in each, with the rules that placed the client and the values they compared; the rules
    of the month: thresholds, tier bounds, value cut-offs, health weights and the prediction
    note, which the clients share).

    ``tier_bounds`` and ``tier_names`` are the firm's value tiers (lowest first; computed
    from the values without bounds), ``weights`` the firm's metric weights by code: those of
    :data:`scores.HEALTH_ANCHORS` weigh the health score. ``metrics`` gain ``top_value_tier``
    and ``churn_risk`` (the rules read them)."""
    predictions = prediction["predictions"]
    values = {c: m.get("value") or 0.0 for c, m in metrics.items()}
    tiers = scores.value_tiers(values, bounds=tier_bounds)
    top_tier = len(tiers.bounds)
    rfm = scores.rfm_scores(
        {c: m.get("recency", 0) for c, m in metrics.items()},
        {c: m.get("frequency", 0) for c, m in metrics.items()},
        values,
    )
    pareto = scores.pareto_abc(values, thresholds["pareto_a_share"], thresholds["pareto_b_share"])
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
    weights = weights or {}
    health_weights = {k: weights[k] for k in scores.HEALTH_ANCHORS if k in weights}
    health = scores.health_score(scores.health_inputs(metrics, rfm), health_weights)
    health_components = [code for code, weight in health_weights.items() if weight > 0]
    rules = {
        "thresholds": dict(thresholds),
        "tier_bounds": [round(bound, 2) for bound in tiers.bounds],
        "value_cutoffs": {"top_value": top_cut, "low_value": low_cut},
        "health_weights": health_weights,
        "health_components": health_components,
        "prediction_note": prediction["note"],
        "prediction_model": prediction.get("model", {}),
    }
    clients = list(metrics)
    lost = [lost_reason(metrics[client], predictions.get(client), thresholds) for client in clients]
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
        **{flag: [flag in utility[client] for client in clients] for flag in scores.SEGMENT_FLAGS},
        "explanation_data": [
            {
                "flags": {
                    flag: [reason_entry(reason) for reason in reasons]
                    for flag, reasons in utility[client].items()
                },
                "loyalty": reason_entry(loyalty[client].reason)[1],
                "health": health_parts(health[client], health_components),
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
