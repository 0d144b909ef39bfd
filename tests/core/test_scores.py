"""Tests of the segmentation maths: RFM, Pareto/ABC, value tiers, loyalty, segments, health."""

import math
import random
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from acct_firm_core.scores import (
    DEFAULT_THRESHOLDS,
    LOYALTY_LEVELS,
    ParetoPoint,
    Reason,
    RFMScore,
    health_score,
    linear_trend,
    linear_trends,
    loyalty_level,
    pareto_abc,
    rfm_scores,
    utility_segments,
    value_cutoffs,
    value_tiers,
)

# ---------------------------------------------------------------------------------------------
# RFM
# ---------------------------------------------------------------------------------------------


def monetary_scores(values):
    """Score one metric by using it as monetary (recency and frequency constant)."""
    same = dict.fromkeys(values, 1)
    return {c: s.monetary for c, s in rfm_scores(same, same, values).items()}


def test_rfm_five_distinct_clients_get_one_to_five():
    recency = {1: 0, 2: 1, 3: 2, 4: 3, 5: 12}  # months since last invoice: fewer is better
    frequency = {1: 12, 2: 9, 3: 6, 4: 3, 5: 1}
    monetary = {1: 500, 2: 400, 3: 300, 4: 200, 5: 100}
    scores = rfm_scores(recency, frequency, monetary)
    assert scores[1] == RFMScore(5, 5, 5)
    assert scores[3] == RFMScore(3, 3, 3)
    assert scores[5] == RFMScore(1, 1, 1)
    assert scores[1].code == "555"


def test_rfm_recency_is_inverse():
    scores = rfm_scores({1: 0, 2: 6}, {1: 1, 2: 1}, {1: 1, 2: 1})
    assert scores[1].recency > scores[2].recency


def test_rfm_ten_clients_two_per_quintile():
    scores = monetary_scores({c: c * 10 for c in range(1, 11)})
    assert [scores[c] for c in range(1, 11)] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_rfm_ties_share_a_score():
    # Mid-rank percentile: 10s -> (0 + 2/2)/5 = 0.2 -> 2; 20 -> 0.5 -> 3; 30s -> 0.8 -> 5.
    scores = monetary_scores({1: 10, 2: 10, 3: 20, 4: 30, 5: 30})
    assert scores == {1: 2, 2: 2, 3: 3, 4: 5, 5: 5}


def test_rfm_tie_result_does_not_depend_on_ids_or_order():
    a = monetary_scores({1: 5, 2: 7, 3: 7, 4: 9})
    b = monetary_scores({9: 7, 3: 9, 1: 7, 4: 5})
    assert sorted(a.values()) == sorted(b.values())
    assert a[2] == a[3] and b[9] == b[1]


def test_rfm_tiny_and_all_equal():
    assert rfm_scores({7: 3}, {7: 2}, {7: 100}) == {7: RFMScore(3, 3, 3)}
    assert monetary_scores({1: 10, 2: 20}) == {1: 2, 2: 4}
    assert set(monetary_scores(dict.fromkeys(range(8), 42)).values()) == {3}


def test_rfm_empty_and_bad_input():
    assert rfm_scores({}, {}, {}) == {}
    with pytest.raises(ValueError):
        rfm_scores({1: 1}, {1: 1, 2: 1}, {1: 1})
    with pytest.raises(ValueError):
        rfm_scores({1: None}, {1: 1}, {1: 1})
    with pytest.raises(ValueError):
        rfm_scores({1: float("nan")}, {1: 1}, {1: 1})


# ---------------------------------------------------------------------------------------------
# Pareto / ABC
# ---------------------------------------------------------------------------------------------


def test_pareto_classes_share_and_curve():
    result = pareto_abc({1: 50, 2: 30, 3: 10, 4: 5, 5: 5})
    # Cumulative share before each: 1: 0, 2: .5 (crosses 80 %) -> A; 3: .8 -> B; 4: .9 -> B;
    # 5: .95 -> C (ties 4 and 5 ordered by id).
    assert result.classes == {1: "A", 2: "A", 3: "B", 4: "B", 5: "C"}
    assert result.a_client_share == 0.4
    assert result.curve == (
        ParetoPoint(None, 0.0, 0.0),
        ParetoPoint(1, 0.2, 0.5),
        ParetoPoint(2, 0.4, 0.8),
        ParetoPoint(3, 0.6, 0.9),
        ParetoPoint(4, 0.8, 0.95),
        ParetoPoint(5, 1.0, 1.0),
    )


def test_pareto_crossing_client_is_a():
    # 70 % before client 2, 90 % after it: client 2 makes 80 % reachable, so it is A.
    assert pareto_abc({1: 70, 2: 20, 3: 10}).classes == {1: "A", 2: "A", 3: "B"}


def test_pareto_client_starting_exactly_at_the_line_is_not_a():
    # 80 % before client 2, which is therefore B; 95 % before client 3, which is C. Floats are
    # read exactly as written: in binary 0.8 + 0.15 would be 0.9500000000000001.
    assert pareto_abc({1: 0.8, 2: 0.15, 3: 0.05}).classes == {1: "A", 2: "B", 3: "C"}


def test_pareto_ties_broken_by_client_id():
    assert pareto_abc({1: 60, 2: 20, 3: 20}).classes == {1: "A", 2: "A", 3: "B"}
    assert pareto_abc({3: 60, 1: 20, 2: 20}).classes == {3: "A", 1: "A", 2: "B"}


def test_pareto_zero_and_negative_values_are_c():
    result = pareto_abc({1: 100, 2: 0, 3: -5})
    assert result.classes == {1: "A", 2: "C", 3: "C"}
    assert result.a_client_share == pytest.approx(1 / 3)
    assert result.curve[-1].value_share == 1.0
    assert [p.client_id for p in result.curve] == [None, 1, 2, 3]


def test_pareto_tiny_and_empty():
    single = pareto_abc({9: 10})
    assert single.classes == {9: "A"} and single.a_client_share == 1.0
    empty = pareto_abc({})
    assert empty.classes == {} and empty.a_client_share == 0.0
    assert empty.curve == (ParetoPoint(None, 0.0, 0.0),)
    nothing = pareto_abc({1: 0, 2: 0})
    assert nothing.classes == {1: "C", 2: "C"} and nothing.a_client_share == 0.0


def test_pareto_custom_shares_and_bad_shares():
    assert pareto_abc({1: 50, 2: 30, 3: 20}, a_share=0.5, b_share=0.8).classes == {
        1: "A",
        2: "B",
        3: "C",
    }
    for a, b in [(0, 0.9), (0.9, 0.8), (0.8, 1.1)]:
        with pytest.raises(ValueError):
            pareto_abc({1: 1}, a_share=a, b_share=b)


def exact_pareto(values, a_share=0.80, b_share=0.95):
    """Reference: the classes and value shares in fractions throughout (the original method)."""

    def exact(number):
        return Fraction(repr(number)) if isinstance(number, float) else Fraction(number)

    a_limit, b_limit = exact(a_share), exact(b_share)
    fractions = {c: exact(v) for c, v in values.items()}
    positive = sorted((c for c, v in fractions.items() if v > 0), key=lambda c: (-fractions[c], c))
    total = sum((fractions[c] for c in positive), Fraction(0))
    classes, shares, cumulative = {}, [], Fraction(0)
    for client in positive:
        before = cumulative / total
        classes[client] = "A" if before < a_limit else "B" if before < b_limit else "C"
        cumulative += fractions[client]
        shares.append(float(cumulative / total))
    classes.update((c, "C") for c in fractions if fractions[c] <= 0)
    return classes, shares


def test_pareto_boundary_is_exact_where_float_sums_are_not():
    # 0.45 + 0.45 + 0.3 is exactly 80 % of 1.5, so client 4 starts on the line and is B;
    # a plain float comparison of the binary sums makes it A.
    assert pareto_abc({1: 0.45, 2: 0.45, 3: 0.3, 4: 0.3}).classes == {
        1: "A",
        2: "A",
        3: "A",
        4: "B",
    }
    # The same in a large population: 10,000 clients of 0.1, whose float running sum drifts
    # from the decimal one. Exactly 800 (80 %) is before client 8001, 950 before client 9501.
    classes = pareto_abc(dict.fromkeys(range(1, 10001), 0.1)).classes
    assert (classes[8000], classes[8001], classes[9500], classes[9501]) == ("A", "B", "B", "C")
    assert classes == exact_pareto(dict.fromkeys(range(1, 10001), 0.1))[0]


@pytest.mark.parametrize(("a_share", "b_share"), [(0.80, 0.95), (0.5, 0.8), (0.7, 0.7)])
def test_pareto_large_population_matches_the_exact_method(a_share, b_share):
    rng = random.Random(7)
    values = {}
    for client in rng.sample(range(1, 100000), 10000):
        kind = rng.random()
        if kind < 0.05:
            values[client] = rng.choice([0, 0.0, -12.5, -3])  # C whatever the shares
        elif kind < 0.25:
            values[client] = rng.choice([100, 250, 1000, 1200.5])  # many ties
        else:
            values[client] = round(rng.lognormvariate(7, 1.5), 2)  # invoiced cents
    result = pareto_abc(values, a_share, b_share)
    classes, shares = exact_pareto(values, a_share, b_share)
    assert result.classes == classes
    assert result.a_client_share == sum(1 for c in classes.values() if c == "A") / 10000
    positive = [p for p in result.curve[1:] if values[p.client_id] > 0]
    np.testing.assert_allclose([p.value_share for p in positive], shares, rtol=1e-12)
    assert [p.client_share for p in result.curve] == [i / 10000 for i in range(10001)]


def test_pareto_other_number_types_and_bad_values():
    # Decimals, fractions and ints beyond 2**53 are computed in fractions throughout.
    exact = pareto_abc({1: Decimal("0.45"), 2: Fraction(9, 20), 3: 0.3, 4: np.float64(0.3)})
    assert exact.classes == {1: "A", 2: "A", 3: "A", 4: "B"}
    _, shares = exact_pareto({1: 0.45, 2: 0.45, 3: 0.3, 4: 0.3})
    assert [p.value_share for p in exact.curve[1:]] == shares
    assert pareto_abc({1: 10**30, 2: 1}).classes == {1: "A", 2: "C"}
    with pytest.raises(ValueError, match="value of 2 must be a number"):
        pareto_abc({1: 10, 2: None})
    with pytest.raises(ValueError, match="value of 2 must be finite"):
        pareto_abc({1: 10, 2: float("inf")})


# ---------------------------------------------------------------------------------------------
# Value tiers
# ---------------------------------------------------------------------------------------------


def test_value_tiers_firm_bounds_are_inclusive_lower_bounds():
    result = value_tiers({1: 999, 2: 1000, 3: 4999.99, 4: 5000, 5: 100000}, bounds=(1000, 5000))
    assert result.tiers == {1: 0, 2: 1, 3: 1, 4: 2, 5: 2}
    assert result.bounds == (1000.0, 5000.0)


def test_value_tiers_quantile_defaults():
    # Values 10..100: 50 % quantile 55, 80 % quantile 82 (numpy linear).
    result = value_tiers({c: c * 10 for c in range(1, 11)})
    assert result.bounds == pytest.approx((55.0, 82.0))
    assert [result.tiers[c] for c in range(1, 11)] == [0, 0, 0, 0, 0, 1, 1, 1, 2, 2]


def test_value_tiers_ties_tiny_empty():
    tied = value_tiers({1: 10, 2: 50, 3: 50, 4: 90})
    assert tied.tiers[2] == tied.tiers[3]
    assert value_tiers({1: 7}).tiers == {1: 2}  # a single client sits on every quantile
    assert set(value_tiers({1: 5, 2: 5, 3: 5}).tiers.values()) == {2}
    assert value_tiers({}).tiers == {}
    assert value_tiers({}, bounds=(10,)).bounds == (10.0,)


def test_value_tiers_custom_quantiles_and_errors():
    result = value_tiers({c: c for c in range(1, 101)}, quantiles=(0.25, 0.5, 0.75))
    assert len(result.bounds) == 3 and result.tiers[1] == 0 and result.tiers[100] == 3
    with pytest.raises(ValueError):
        value_tiers({1: 1}, bounds=(10, 10))
    with pytest.raises(ValueError):
        value_tiers({1: 1}, quantiles=(0.8, 0.5))
    with pytest.raises(ValueError):
        value_tiers({1: 1}, quantiles=(0.5, 1.0))
    with pytest.raises(ValueError):
        value_tiers({1: None})


# ---------------------------------------------------------------------------------------------
# Loyalty ladder
# ---------------------------------------------------------------------------------------------


def test_loyalty_ladder_rungs_and_reasons():
    levels = loyalty_level(
        {
            1: {"frequency": 2},
            2: {"frequency": 3},
            3: {"frequency": 10},
            4: {"frequency": 1, "active_engagement": True},
            5: {
                "frequency": 12,
                "active_engagement": True,
                "tenure_months": 36,
                "top_value_tier": True,
            },
            6: {},
        }
    )
    assert {c: lv.level for c, lv in levels.items()} == {
        1: "occasional",
        2: "regular",
        3: "client",
        4: "client",
        5: "partner",
        6: "occasional",
    }
    assert levels[1].reason == Reason(
        "occasional_months", {"frequency": 2, "regular_min_months": 3}
    )
    assert levels[2].reason.code == "regular_months"
    assert levels[3].reason == Reason("client_months", {"frequency": 10, "client_min_months": 10})
    assert levels[4].reason == Reason("client_engagement", {"active_engagement": True})
    assert levels[5].reason.code == "partner"
    assert levels[5].reason.values["client_rule"] == "client_engagement"
    assert levels[5].reason.values["tenure_months"] == 36
    assert levels[6].reason.values["frequency"] == 0
    assert all(lv.level in LOYALTY_LEVELS for lv in levels.values())


def test_loyalty_partner_needs_every_condition():
    base = {"frequency": 12, "tenure_months": 40, "top_value_tier": True}
    assert loyalty_level({1: base})[1].level == "partner"  # client by months
    assert loyalty_level({1: {**base, "tenure_months": 35}})[1].level == "client"
    assert loyalty_level({1: {**base, "top_value_tier": False}})[1].level == "client"
    # Long tenure and top value without being a client (9 months, no contract): regular.
    assert loyalty_level({1: {**base, "frequency": 9}})[1].level == "regular"


def test_loyalty_custom_thresholds_and_empty():
    levels = loyalty_level({1: {"frequency": 2}}, regular_min_months=2)
    assert levels[1].level == "regular"
    assert levels[1].reason.values["regular_min_months"] == 2
    assert loyalty_level({}) == {}


# ---------------------------------------------------------------------------------------------
# Utility segments
# ---------------------------------------------------------------------------------------------


def population():
    """Ten clients valued 100..1000: top 20 % = 900 and 1000, bottom 30 % = 100..300."""
    metrics = {c: {"value": c * 100} for c in range(1, 11)}
    metrics[10].update(growth=0.5)  # most valuable and growing: not "potential"
    metrics[5].update(growth=0.2)  # exactly the potential threshold
    metrics[6].update(churn_risk=0.6, growth=-0.25, delay_trend=3, complaints=2)
    metrics[1].update(cost=90)  # costs 90 % of its value
    metrics[2].update(payment_delay=45)
    metrics[3].update(complaints=3)
    metrics[4].update(cost=400, payment_delay=60)  # costly, but not low value
    return metrics


def test_utility_segments_flags():
    segments = utility_segments(population())
    assert {c: set(flags) for c, flags in segments.items()} == {
        1: {"problematic"},
        2: {"problematic"},
        3: {"problematic", "vulnerable"},
        4: set(),
        5: {"highest_potential"},
        6: {"vulnerable"},
        7: set(),
        8: set(),
        9: {"most_valuable"},
        10: {"most_valuable"},
    }


def test_utility_segments_explanations():
    segments = utility_segments(population())
    assert segments[9]["most_valuable"] == (Reason("top_value", {"value": 900.0, "cutoff": 900.0}),)
    assert segments[5]["highest_potential"] == (
        Reason("growing", {"growth": 0.2, "threshold": 0.2}),
    )
    assert [r.code for r in segments[6]["vulnerable"]] == [
        "churn_risk",
        "value_falling",
        "delay_rising",
        "complaints",
    ]
    assert segments[6]["vulnerable"][0].values == {"churn_risk": 0.6, "threshold": 0.5}
    assert segments[1]["problematic"] == (
        Reason("low_value", {"value": 100.0, "cutoff": 300.0}),
        Reason("high_cost", {"cost": 90.0, "value": 100.0, "ratio": 0.9, "threshold": 0.8}),
    )
    assert [r.code for r in segments[2]["problematic"]] == ["low_value", "high_delay"]
    assert [r.code for r in segments[3]["problematic"]] == ["low_value", "complaints"]


def test_value_cutoffs_are_those_of_the_utility_segments():
    # top 20 % of ten clients valued 100..1000 starts at 900; the bottom 30 % ends at 300
    assert value_cutoffs(population()) == (900.0, 300.0)
    assert value_cutoffs(population(), {"most_valuable_top_share": 0.5}) == (600.0, 300.0)
    assert value_cutoffs({1: {"growth": 0.1}}) == (None, None)
    with pytest.raises(ValueError, match="unknown thresholds"):
        value_cutoffs(population(), {"top_share": 0.5})


def test_utility_segments_ties_at_the_cut_are_included():
    segments = utility_segments({1: {"value": 50}, 2: {"value": 100}, 3: {"value": 100}})
    # Top 20 % of 3 clients = 1 client; its value 100 is shared, so both are most valuable.
    assert "most_valuable" in segments[2] and "most_valuable" in segments[3]
    assert "most_valuable" not in segments[1]


def test_utility_segments_tiny_missing_and_zero_value():
    # A single client is most valuable, so never "low value", whatever its cost.
    assert set(utility_segments({1: {"value": 100, "cost": 500}})[1]) == {"most_valuable"}
    # Unknown metrics trigger nothing; a client without value can still be vulnerable.
    segments = utility_segments({1: {"value": 100}, 2: {"churn_risk": 0.9}, 3: {}})
    assert set(segments[2]) == {"vulnerable"} and segments[3] == {}
    # Any cost with no value is too costly; the ratio is not shown.
    segments = utility_segments({1: {"value": 0, "cost": 10}, 2: {"value": 500}})
    high_cost = segments[1]["problematic"][1]
    assert high_cost.code == "high_cost" and high_cost.values["ratio"] is None
    assert utility_segments({}) == {}


def test_utility_segments_thresholds():
    metrics = {1: {"value": 10, "churn_risk": 0.3}}
    assert "vulnerable" not in utility_segments(metrics)[1]  # 0.3 < default 0.5
    custom = utility_segments(metrics, {"vulnerable_churn_risk": 0.25})
    assert custom[1]["vulnerable"][0].values["threshold"] == 0.25
    with pytest.raises(ValueError):
        utility_segments(metrics, {"vulnerable_churn": 0.25})
    assert DEFAULT_THRESHOLDS["most_valuable_top_share"] == 0.20


# ---------------------------------------------------------------------------------------------
# Health score
# ---------------------------------------------------------------------------------------------

BEST = {
    "payment_delay": 0,
    "recency": 0,
    "frequency": 12,
    "complaints": 0,
    "growth": 0.1,
    "satisfaction": 5,
}
WORST = {
    "payment_delay": 90,
    "recency": 12,
    "frequency": 0,
    "complaints": 5,
    "growth": -0.5,
    "satisfaction": 1,
}


def test_health_best_and_worst():
    scores = health_score({1: BEST, 2: WORST})
    assert scores[1].score == pytest.approx(100)
    assert scores[2].score == 0
    assert [c.code for c in scores[1].components] == list(BEST)


def test_health_components_explain_the_score():
    # Known: on time (subscore 1, weight .25) and 3 complaints (subscore 0, weight .15).
    result = health_score({1: {"payment_delay": 0, "complaints": 3}})[1]
    assert result.score == pytest.approx(62.5)
    on_time, complaints = result.components
    assert on_time.code == "payment_delay" and on_time.subscore == 1.0
    assert on_time.weight == pytest.approx(0.625) and on_time.contribution == pytest.approx(62.5)
    assert complaints.contribution == 0.0
    assert sum(c.contribution for c in result.components) == pytest.approx(result.score)


def test_health_linear_subscore_and_missing():
    assert health_score({1: {"payment_delay": 30}})[1].score == pytest.approx(50)
    assert health_score({1: {"satisfaction": 4}})[1].score == pytest.approx(75)
    empty = health_score({1: {}, 2: {"payment_delay": None}})
    assert empty[1].score is None and empty[1].components == ()
    assert empty[2].score is None
    assert health_score({}) == {}


def test_health_weights():
    metrics = {1: {"payment_delay": 0, "complaints": 3}}
    only_delay = health_score(metrics, weights={"payment_delay": 1})[1]
    assert only_delay.score == 100 and len(only_delay.components) == 1
    assert health_score(metrics, weights={"payment_delay": 1, "complaints": 0})[1].score == 100
    with pytest.raises(ValueError):
        health_score(metrics, weights={"speed": 1})
    with pytest.raises(ValueError):
        health_score(metrics, weights={"complaints": -1})


def test_health_components_show_each_clients_own_value():
    # equal components may be one shared (immutable) object, yet each shows its client's value
    scores = health_score({1: {"complaints": 1}, 2: {"complaints": 1.0}, 3: {"complaints": 1}})
    assert scores[1] == scores[2] == scores[3]
    # -0.0 == 0.0 as a key, but keeps its sign
    signs = health_score({1: {"growth": 0.0}, 2: {"growth": -0.0}, 3: {"growth": 0.0}})
    assert [math.copysign(1.0, s.components[0].value) for s in signs.values()] == [1, -1, 1]


# ---------------------------------------------------------------------------------------------
# Plain and other numbers, bad data (fast paths against value-by-value checks)
# ---------------------------------------------------------------------------------------------


def random_population(size, seed):
    """Metrics as the Odoo layer builds them: ~15 keys, None, ints, floats and booleans."""
    rng = random.Random(seed)

    def maybe(value):
        return None if rng.random() < 0.3 else value

    population = {}
    for client in rng.sample(range(1, 10 * size), size):
        population[client] = {
            "invoiced": [1, 2],
            "past_value": rng.uniform(0, 5000),
            "active_engagement": rng.random() < 0.3,
            "engagement_ended": rng.random() < 0.1,
            "top_value_tier": rng.random() < 0.2,
            "value": maybe(round(rng.lognormvariate(6, 1.5), 2)),
            "frequency": rng.randint(0, 12),
            "recency": rng.randint(0, 24),
            "tenure_months": rng.randint(0, 120),
            "payment_delay": maybe(rng.uniform(0, 90)),
            "delay_trend": maybe(rng.uniform(-5, 5)),
            "complaints": rng.choice([0, 0, 1, 2, 3]),
            "satisfaction": maybe(float(rng.randint(1, 5))),
            "growth": maybe(rng.uniform(-0.6, 0.6)),
            "cost": maybe(rng.uniform(0, 3000)),
            "churn_risk": maybe(rng.random()),
        }
    return population


def as_decimals(population):
    """The same numbers as Decimals, which take the value-by-value path."""
    return {
        client: {
            key: Decimal(repr(v)) if type(v) in (int, float) else v for key, v in metrics.items()
        }
        for client, metrics in population.items()
    }


def test_plain_and_other_numbers_give_the_same_results():
    population = random_population(500, seed=3)
    decimals = as_decimals(population)
    assert health_score(decimals) == health_score(population)
    assert utility_segments(decimals) == utility_segments(population)
    assert loyalty_level(decimals) == loyalty_level(population)
    values = {c: m["past_value"] for c, m in population.items()}
    decimal_values = {c: Decimal(repr(v)) for c, v in values.items()}
    assert value_tiers(decimal_values) == value_tiers(values)
    recency = {c: m["recency"] for c, m in population.items()}
    assert rfm_scores(recency, recency, decimal_values) == rfm_scores(recency, recency, values)


def test_bad_metrics_raise_the_first_error_in_client_order():
    # client 1 comes first whatever the metric order: its churn_risk is the error
    metrics = {2: {"growth": float("nan")}, 1: {"churn_risk": "high"}}
    with pytest.raises(ValueError, match="churn_risk of 1 must be a number, got 'high'"):
        utility_segments(metrics)
    with pytest.raises(ValueError, match="growth of 2 must be finite"):
        health_score(metrics)
    # every health metric is checked, even one weighted 0
    with pytest.raises(ValueError, match="satisfaction of 1 must be a number, got True"):
        health_score({1: {"satisfaction": True}}, weights={"payment_delay": 1})
    with pytest.raises(ValueError, match="frequency must be a number, got True"):
        loyalty_level({1: {"frequency": True}})
    with pytest.raises(ValueError, match="recency of 3 must be finite"):
        rfm_scores({3: float("-inf")}, {3: 1}, {3: 1})
    with pytest.raises(ValueError, match="value of 1 must be a number"):
        value_tiers({1: "lots"})
    # numbers in other types or as text are converted, as before
    assert health_score({1: {"payment_delay": "30"}})[1].score == pytest.approx(50)


# ---------------------------------------------------------------------------------------------
# Trend
# ---------------------------------------------------------------------------------------------


def test_linear_trend():
    assert linear_trend([1, 2, 3]) == pytest.approx(1.0)
    assert linear_trend([3, 1]) == pytest.approx(-2.0)
    assert linear_trend([5, 5, 5, 5]) == 0.0
    assert linear_trend([1, 3, 2, 4]) == pytest.approx(0.8)
    values = [120.0, 80.5, 99.0, 130.25, 140.0, 101.0]
    assert linear_trend(values) == pytest.approx(np.polyfit(range(6), values, 1)[0])


def test_linear_trend_tiny_gaps_and_bad_input():
    assert linear_trend([]) == 0.0
    assert linear_trend([7]) == 0.0
    assert linear_trend([None, 2, None, 6]) == pytest.approx(2.0)  # gap keeps its place
    assert linear_trend([None, 4, None]) == 0.0
    with pytest.raises(ValueError):
        linear_trend([1, float("nan")])


def test_linear_trends_match_linear_trend_row_by_row():
    rng = np.random.default_rng(11)
    matrix = rng.normal(20.0, 10.0, (500, 12)) + np.arange(12) * rng.normal(0, 2, (500, 1))
    matrix[rng.random(matrix.shape) < 0.4] = np.nan  # gaps
    matrix[0] = np.nan  # no data
    matrix[1, 1:] = np.nan  # one point
    matrix[2] = np.nan
    matrix[2, 6], matrix[2, 11] = 3.0, 8.0  # two points with a gap
    expected = [linear_trend([None if np.isnan(v) else v for v in row]) for row in matrix]
    slopes = linear_trends(matrix)
    assert slopes.shape == (500,) and slopes.dtype == float
    assert np.allclose(slopes, expected, rtol=1e-12, atol=1e-12)
    assert slopes[0] == 0.0 and slopes[1] == 0.0
    assert slopes[2] == pytest.approx(1.0)


def test_linear_trends_edge_cases():
    assert linear_trends(np.empty((0, 12))).shape == (0,)
    assert list(linear_trends(np.full((3, 6), np.nan))) == [0.0, 0.0, 0.0]
    assert list(linear_trends(np.empty((2, 0)))) == [0.0, 0.0]
    assert list(linear_trends([[7.0], [np.nan]])) == [0.0, 0.0]
    assert linear_trends([[None, 2, None, 6], [3, 1, None, None]]) == pytest.approx([2.0, -2.0])
    assert list(linear_trends([[5, 5, 5, 5]])) == [0.0]
    with pytest.raises(ValueError, match="two-dimensional"):
        linear_trends([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="finite"):
        linear_trends([[1.0, np.inf]])
