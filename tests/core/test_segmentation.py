"""A month's segments and predictions from the grouped rows (acct_firm_core.segmentation),
without Odoo: which client lands in which segment and why, who is lost, what each client is
worth."""

import json
import random
from datetime import date

import numpy as np
import pytest

from acct_firm_core import predictive, segmentation
from acct_firm_core.portfolio import measure, month_index

END = month_index(date(2026, 6, 1))
WINDOWS = {
    "value": 12,
    "frequency": 12,
    "recency": 12,
    "tenure": 120,
    "payment_delay": 12,
    "complaints": 12,
    "satisfaction": 12,
    "growth": 24,
    "margin": 12,
}
# The firm's rules as the addon's default data sets them (acct_segment_rule_data.xml).
THRESHOLDS = {
    "most_valuable_top_share": 0.2,
    "potential_min_growth": 0.2,
    "vulnerable_churn_risk": 0.5,
    "vulnerable_growth": -0.2,
    "vulnerable_delay_trend": 2.0,
    "vulnerable_complaints": 2,
    "problematic_low_value_share": 0.3,
    "problematic_cost_ratio": 0.8,
    "problematic_payment_delay": 30,
    "problematic_complaints": 2,
    "pareto_a_share": 0.8,
    "pareto_b_share": 0.95,
    "regular_min_months": 3,
    "client_min_months": 10,
    "partner_min_tenure_months": 36,
    "lost_probability_alive": 0.3,
    "lost_recency_months": 12,
    "clv_horizon_months": 36,
    "clv_discount_annual": 0.12,
    "models_min_clients": 50,
}
WEIGHTS = {
    "value": 2.0,
    "frequency": 1.0,
    "recency": 1.0,
    "tenure": 0.5,
    "payment_delay": 1.0,
    "complaints": 1.0,
    "satisfaction": 1.0,
    "growth": 0.5,
    "margin": 1.0,
}
TIERS = {"tier_bounds": (1000.0, 5000.0), "tier_names": ("Low", "Medium", "High")}
NO_PREDICTION = {"predictions": {}, "note": ["insufficient", ""], "clv": {}}


def _monthly(client, amount, months, last=END):
    """Rows of a client invoiced ``amount`` in each of its last ``months`` months."""
    return [(client, last - k, amount) for k in range(months)]


def _portfolio():
    """Five clients of a small firm, each with a story:

    1 Big: 3,000 a month for four years, pays on time (most valuable, partner);
    2 Rising: invoiced 100 a month a year ago, 400 a month now (growing);
    3 Costly: 50 a month, with hours costing more than that and two complaints (problematic);
    4 Gone: invoiced until two years ago (lost: no invoice for 12 months and more);
    5 Ended: invoiced, but its engagement has ended (lost).
    """
    invoices = [
        *_monthly(1, 3000.0, 48),
        *[(2, END - 12 - k, 100.0) for k in range(12)],
        *_monthly(2, 400.0, 12),
        *_monthly(3, 50.0, 12),
        *_monthly(4, 500.0, 6, last=END - 24),
        *_monthly(5, 800.0, 6),
    ]
    costs = {3: (900.0, date(2026, 6, 2))}
    delays = [(3, END - 1, 45.0, 1), (1, END - 1, 0.0, 1)]
    return measure(
        [1, 2, 3, 4, 5],
        END,
        WINDOWS,
        invoices,
        delays,
        costs=costs,
        complaints={3: 2},
        engaged={1},
        ended={5},
    )


def _segmented(weights=WEIGHTS, prediction=NO_PREDICTION):
    metrics, _history = _portfolio()
    columns, rules = segmentation.segment(metrics, prediction, THRESHOLDS, weights=weights, **TIERS)
    return {
        client: {name: values[i] for name, values in columns.items()}
        for i, client in enumerate(columns["client_id"])
    }, rules


def _flags(row):
    return {flag: [code for code, _values in reasons] for flag, reasons in _reasons(row).items()}


def _reasons(row):
    return row["explanation_data"]["flags"]


def test_each_client_lands_in_its_segment_for_its_reason():
    rows, rules = _segmented()
    big, rising, costly = rows[1], rows[2], rows[3]
    assert big["most_valuable"] and big["value_tier"] == "High" and big["abc_class"] == "A"
    assert _flags(big)["most_valuable"] == ["top_value"]
    assert big["loyalty_level"] == "partner", "four years, running engagement, top tier"
    assert rising["highest_potential"] and _flags(rising)["highest_potential"] == ["growing"]
    assert costly["problematic"]
    assert _flags(costly)["problematic"] == ["low_value", "high_cost", "high_delay", "complaints"]
    assert costly["vulnerable"] and _flags(costly)["vulnerable"] == ["complaints"]
    assert not big["problematic"] and not big["vulnerable"]
    assert rules["tier_bounds"] == [1000.0, 5000.0]
    assert rules["value_cutoffs"]["top_value"] == big["value"]


def test_the_explanation_quotes_the_values_the_rule_compared():
    """The reasons carry the very numbers of the core's rules, in their order, as JSON keeps
    them: the addon words them and holds no copy of the thresholds."""
    rows, _rules = _segmented()
    complaints = dict(_reasons(rows[3])["vulnerable"][0][1])
    assert complaints == {"complaints": 2.0, "threshold": 2}
    growing = _reasons(rows[2])["highest_potential"][0][1]
    assert [name for name, _value in growing] == ["growth", "threshold"]
    assert growing[0][1] == pytest.approx(3.0)  # 400 a month against 100 a year before
    loyalty = rows[1]["explanation_data"]["loyalty"]
    assert dict(loyalty)["partner_min_tenure_months"] == 36
    json.dumps(rows[1]["explanation_data"], allow_nan=False)  # storable as it is


def test_lost_clients():
    rows, _rules = _segmented()
    assert rows[4]["is_lost"] and rows[4]["lost_reason"] == "recency"
    assert rows[5]["is_lost"] and rows[5]["lost_reason"] == "engagement_ended"
    assert not any(rows[client]["is_lost"] for client in (1, 2, 3))


def test_lost_client_rule_by_hand():
    lost = segmentation.lost_reason
    invoiced = {"engagement_ended": False, "invoiced_months": 5, "recency": 12}
    assert lost(invoiced, None, THRESHOLDS) == "recency", "12 months without activity"
    assert lost({**invoiced, "recency": 11}, None, THRESHOLDS) is None
    assert lost({**invoiced, "engagement_ended": True}, None, THRESHOLDS) == "engagement_ended"
    never = {"engagement_ended": False, "invoiced_months": 0, "recency": 13}
    assert lost(never, None, THRESHOLDS) is None, "never invoiced: never a client to lose"
    # with a prediction, the probability alive decides, not the recency
    assert lost(invoiced, {"probability_alive": 0.29}, THRESHOLDS) == "probability_alive"
    assert lost(invoiced, {"probability_alive": 0.3}, THRESHOLDS) is None


def test_changing_a_weight_changes_the_health_score():
    """Value, tenure and margin count in the health score, as their weights' help says."""
    rows, rules = _segmented()
    assert {"value", "tenure", "margin"} <= set(rules["health_components"])
    for metric in ("value", "tenure", "margin"):
        heavier, _rules = _segmented({**WEIGHTS, metric: WEIGHTS[metric] * 4})
        changed = [c for c in rows if heavier[c]["health_score"] != rows[c]["health_score"]]
        assert changed, f"the weight of {metric} changes no score"
    without, rules = _segmented({**WEIGHTS, "value": 0})
    assert "value" not in rules["health_components"]
    # the big client's value is the best there is: giving it more weight raises its score
    more_value, _rules = _segmented({**WEIGHTS, "value": 10})
    assert more_value[1]["health_score"] > rows[1]["health_score"] > without[1]["health_score"]


def test_paying_late_lowers_the_health_score():
    metrics, _history = _portfolio()
    late = {client: dict(m) for client, m in metrics.items()}
    late[1]["payment_delay"] = 40.0
    on_time, _rules = segmentation.segment(
        metrics, NO_PREDICTION, THRESHOLDS, weights=WEIGHTS, **TIERS
    )
    paid_late, _rules = segmentation.segment(
        late, NO_PREDICTION, THRESHOLDS, weights=WEIGHTS, **TIERS
    )
    assert paid_late["health_score"][0] < on_time["health_score"][0]


def _firm(clients, seed=7):
    """A firm of ``clients`` clients invoiced at random over four years."""
    rng = random.Random(seed)
    invoices = []
    for client in range(1, clients + 1):
        amount = rng.choice((150.0, 400.0, 1200.0))
        start = rng.randrange(0, 36)
        stop = rng.randrange(start + 1, 49)
        every = rng.choice((1, 1, 3))
        invoices += [
            (client, END - 48 + month, amount * rng.uniform(0.8, 1.2))
            for month in range(start, stop, every)
        ]
    return measure(list(range(1, clients + 1)), END, WINDOWS, invoices)


@pytest.mark.parametrize("kind", ["bgbb", "bgnbd"])
def test_clv_is_never_0_for_a_client_invoiced_lately(kind):
    metrics, history = _firm(80)
    result, fits = segmentation.predict(history, END, THRESHOLDS, kind=kind)
    assert result["model"]["clv"] == "model", [fit["note"] for fit in fits]
    recent = [c for c, m in metrics.items() if m["value"] and m["value"] > 0]
    assert recent and all(result["clv"].get(client, 0) > 0 for client in recent)
    assert {fit["kind"] for fit in fits} == {kind, "gamma_gamma", "sbg"}
    retention = next(fit for fit in fits if fit["kind"] == "sbg")
    assert retention["n"] == 3, "the cohort of 2022 followed up to December 2025: 3 years on"
    alive = [p["probability_alive"] for p in result["predictions"].values()]
    assert all(0 <= p <= 1 for p in alive)


def test_too_few_clients_use_their_own_rate_and_say_why():
    metrics, history = _firm(10)
    result, fits = segmentation.predict(history, END, THRESHOLDS)
    assert result["model"]["clv"] == "own_rate" and not result["predictions"]
    code, reason = result["note"]
    assert code == "insufficient"
    assert str(reason) == "10 clients invoiced: the models are used from 50"
    assert [fit["state"] for fit in fits[:2]] == ["insufficient", "insufficient"]
    recent = [c for c, m in metrics.items() if m["value"] and m["value"] > 0]
    assert recent and all(result["clv"][client] > 0 for client in recent)


def test_a_client_with_an_engagement_is_worth_its_fee_per_month():
    amounts = np.array([100.0, 900.0, 300.0])
    fee = np.array([500.0, 500.0, 0.0])
    # the fee when the client has one (even below its invoices), the amount otherwise
    assert segmentation.with_engagement_fee(amounts, fee).tolist() == [500.0, 500.0, 300.0]
    metrics, history = _firm(10)
    client = next(client for client, m in metrics.items() if m["value"])
    plain, _fits = segmentation.predict(history, END, THRESHOLDS)
    with_fee, _fits = segmentation.predict(history, END, THRESHOLDS, fees={client: 100_000.0})
    assert with_fee["clv"][client] > plain["clv"].get(client, 0)


def test_retention_fit_needs_an_invoiced_client():
    _metrics, history = measure([1], END, WINDOWS, [])
    row = segmentation.fit_retention(history, 2025)
    assert row["state"] == "insufficient"
    assert isinstance(row["note"], predictive.FitReason) and str(row["note"]) == (
        "no invoiced client"
    )


def test_a_fitted_row_keeps_its_parameters_in_order():
    fit = predictive.fit_sbg(alive_counts=[100, 80, 68, 60, 55])
    row = segmentation.fit_row("sbg", fit)
    assert row["state"] == "fitted" and list(row["parameters"]) == ["alpha", "beta"]
    assert row["parameters_text"].startswith("alpha = ")
