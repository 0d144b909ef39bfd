"""Tests of acct_firm_core.predictive against the published CDNOW and sBG estimates."""

import math
from pathlib import Path

import numpy as np
import pytest

from acct_firm_core.predictive import (
    BGNBDFit,
    GammaGammaFit,
    InsufficientDataError,
    SBGFit,
    _bgnbd_log_likelihood,
    _gg_log_likelihood,
    _maximise,
    bgnbd_expected_purchases,
    bgnbd_expected_purchases_new,
    bgnbd_probability_alive,
    contract_lifetime_value,
    customer_lifetime_value,
    fit_bgnbd,
    fit_gamma_gamma,
    fit_sbg,
    gamma_gamma_expected_spend,
    sbg_churn_probability,
    sbg_expected_residual_lifetime,
    sbg_hazard,
    sbg_survival,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "cdnow_customers_summary.csv"

# Fader & Hardie (2007), "How to project customer retention": survival over years 1-7.
HIGH_END = [0.869, 0.743, 0.653, 0.593, 0.551, 0.517, 0.491]
REGULAR = [0.631, 0.468, 0.382, 0.326, 0.289, 0.262, 0.241]

# Fader, Hardie & Lee (2005), "Counting your customers the easy way" (CDNOW, weeks).
PUBLISHED_BGNBD = (0.2426, 4.4135, 0.7929, 2.4258)


@pytest.fixture(scope="module")
def cdnow():
    data = np.genfromtxt(DATA, delimiter=",", names=True)
    return data["x"], data["t_x"], data["T"], data["zbar"]


@pytest.fixture(scope="module")
def bgnbd(cdnow):
    x, t_x, T, _ = cdnow
    return fit_bgnbd(x, t_x, T)


@pytest.fixture(scope="module")
def gamma_gamma(cdnow):
    x, _, _, zbar = cdnow
    return fit_gamma_gamma(x, zbar)


# ---------------------------------------------------------------------------------------------
# published estimates


def test_bgnbd_reproduces_published_cdnow_estimates(bgnbd):
    assert isinstance(bgnbd, BGNBDFit)
    assert bgnbd.n == 2357
    fitted = (bgnbd.r, bgnbd.alpha, bgnbd.a, bgnbd.b)
    for got, published in zip(fitted, PUBLISHED_BGNBD, strict=True):
        assert abs(got - published) < 5e-4
    assert bgnbd.log_likelihood == pytest.approx(-9582.43, abs=5e-3)


def test_gamma_gamma_reproduces_published_cdnow_estimates(gamma_gamma):
    assert isinstance(gamma_gamma, GammaGammaFit)
    assert gamma_gamma.n == 946
    # published (Fader, Hardie & Lee 2005, "RFM and CLV"): p = 6.25, q = 3.74, gamma = 15.44
    assert abs(gamma_gamma.p - 6.25) < 5e-3
    assert abs(gamma_gamma.q - 3.745) < 5e-3
    assert abs(gamma_gamma.v - 15.445) < 5e-3
    # maximum-likelihood values to three decimals
    assert abs(gamma_gamma.p - 6.249) < 5e-4
    assert abs(gamma_gamma.q - 3.745) < 5e-4
    assert abs(gamma_gamma.v - 15.448) < 5e-4
    assert gamma_gamma.log_likelihood == pytest.approx(-4055.92, abs=5e-3)


@pytest.mark.parametrize(
    ("survival", "alpha", "beta"),
    [(HIGH_END, 0.668, 3.806), (REGULAR, 0.704, 1.182)],
    ids=["high_end", "regular"],
)
def test_sbg_reproduces_published_estimates(survival, alpha, beta):
    fit = fit_sbg(survival)
    assert isinstance(fit, SBGFit)
    assert fit.n_periods == 7
    assert abs(fit.alpha - alpha) < 5e-4
    assert abs(fit.beta - beta) < 5e-4


def test_sbg_counts_give_same_parameters_and_cohort_log_likelihood():
    shares = fit_sbg(HIGH_END)
    counts = fit_sbg(alive_counts=[1000] + [round(1000 * s) for s in HIGH_END])
    assert counts.alpha == pytest.approx(shares.alpha, rel=1e-6)
    assert counts.beta == pytest.approx(shares.beta, rel=1e-6)
    assert counts.log_likelihood == pytest.approx(1000 * shares.log_likelihood, rel=1e-9)
    assert counts.log_likelihood == pytest.approx(-1611.16, abs=0.01)


# ---------------------------------------------------------------------------------------------
# BG/NBD behaviour


def test_probability_alive_is_one_without_repeat_purchases():
    assert bgnbd_probability_alive(PUBLISHED_BGNBD, 0, 0.0, 38.86) == 1.0
    assert np.all(bgnbd_probability_alive(PUBLISHED_BGNBD, [0, 0], [0, 0], [1, 50]) == 1.0)


def test_probability_alive_falls_with_gap_since_last_purchase(bgnbd):
    t_x = np.array([30.0, 20.0, 10.0, 1.0])
    p_alive = bgnbd_probability_alive(bgnbd, np.full(4, 3), t_x, np.full(4, 38.0))
    assert np.all(np.diff(p_alive) < 0)
    assert np.all((p_alive > 0) & (p_alive < 1))
    # a fit object and a plain tuple are interchangeable
    as_tuple = (bgnbd.r, bgnbd.alpha, bgnbd.a, bgnbd.b)
    assert bgnbd_probability_alive(as_tuple, 3, 10.0, 38.0) == p_alive[2]


def test_expected_purchases_increase_with_horizon(bgnbd):
    t = np.arange(0.0, 105.0, 1.0)
    conditional = bgnbd_expected_purchases(bgnbd, t, 2, 30.43, 38.86)
    new = bgnbd_expected_purchases_new(bgnbd, t)
    assert conditional[0] == pytest.approx(0.0, abs=1e-12)
    assert new[0] == pytest.approx(0.0, abs=1e-12)
    assert np.all(np.diff(conditional) > 0)
    assert np.all(np.diff(new) > 0)


def test_expected_purchases_worked_example():
    # Customer ID 1 of CDNOW (x = 2, t_x = 30.43, T = 38.86): 1.226 expected purchases in the
    # next 39 weeks, as in Fader, Hardie & Lee's note on implementing the BG/NBD in Excel.
    assert bgnbd_expected_purchases(PUBLISHED_BGNBD, 39, 2, 30.43, 38.86) == pytest.approx(
        1.226, abs=5e-4
    )


def test_expected_purchases_small_horizon_matches_rate_times_alive():
    # For a tiny horizon t, E[Y(t)] ~ P(alive) * E[lambda | data] * t, E[lambda] = (r+x)/(alpha+T)
    r, alpha, _, _ = PUBLISHED_BGNBD
    x, t_x, T, t = 4, 20.0, 35.0, 1e-4
    expected = bgnbd_expected_purchases(PUBLISHED_BGNBD, t, x, t_x, T)
    p_alive = bgnbd_probability_alive(PUBLISHED_BGNBD, x, t_x, T)
    assert expected == pytest.approx(p_alive * (r + x) / (alpha + T) * t, rel=1e-3)
    assert bgnbd_expected_purchases_new(PUBLISHED_BGNBD, t) == pytest.approx(
        r / alpha * t, rel=1e-3
    )


def test_bgnbd_vectorised_matches_scalar(cdnow):
    x, t_x, T, _ = (col[:10] for col in cdnow)
    many = bgnbd_expected_purchases(PUBLISHED_BGNBD, 39, x, t_x, T)
    single = [
        bgnbd_expected_purchases(PUBLISHED_BGNBD, 39, *c) for c in zip(x, t_x, T, strict=True)
    ]
    assert all(isinstance(value, float) for value in single)
    np.testing.assert_allclose(many, single, rtol=1e-12)


# ---------------------------------------------------------------------------------------------
# Gamma-Gamma and CLV


def test_expected_spend_shrinks_towards_population_mean(gamma_gamma):
    p, q, v = gamma_gamma.p, gamma_gamma.q, gamma_gamma.v
    population_mean = v * p / (q - 1)
    assert gamma_gamma_expected_spend(gamma_gamma, 0, 0.0) == pytest.approx(population_mean)
    spend = gamma_gamma_expected_spend(gamma_gamma, [1, 5, 50], [100.0, 100.0, 100.0])
    assert np.all(spend < 100.0) and np.all(spend > population_mean)
    assert np.all(np.diff(spend) > 0)  # more purchases, more weight on the client's own mean


def test_customer_lifetime_value_positive_and_increasing_with_horizon(bgnbd, gamma_gamma):
    values = [
        customer_lifetime_value(bgnbd, gamma_gamma, 2, 30.43, 38.86, 22.35, h, 0.002)
        for h in (0, 4, 13, 52, 104)
    ]
    assert values[0] == 0.0
    assert all(v > 0 for v in values[1:])
    assert np.all(np.diff(values) > 0)


def test_customer_lifetime_value_undiscounted_equals_expected_purchases_times_spend(
    bgnbd, gamma_gamma, cdnow
):
    x, t_x, T, zbar = (col[:20] for col in cdnow)
    clv = customer_lifetime_value(bgnbd, gamma_gamma, x, t_x, T, zbar, 39, 0.0)
    expected = bgnbd_expected_purchases(bgnbd, 39, x, t_x, T) * gamma_gamma_expected_spend(
        gamma_gamma, x, zbar
    )
    np.testing.assert_allclose(clv, expected, rtol=1e-9)
    discounted = customer_lifetime_value(bgnbd, gamma_gamma, x, t_x, T, zbar, 39, 0.01)
    assert np.all(discounted < clv)


# ---------------------------------------------------------------------------------------------
# sBG identities, DERL


def test_survival_churn_hazard_identities():
    alpha, beta = 0.668, 3.806
    t = np.arange(1, 30)
    survival = sbg_survival(alpha, beta, t)
    previous = sbg_survival(alpha, beta, t - 1)
    churn = sbg_churn_probability(alpha, beta, t)
    hazard = sbg_hazard(alpha, beta, t)
    assert sbg_survival(alpha, beta, 0) == 1.0
    np.testing.assert_allclose(previous - survival, churn, rtol=1e-10)
    np.testing.assert_allclose(survival, previous * (1 - hazard), rtol=1e-10)
    assert np.all(np.diff(hazard) < 0)  # cohort retention rises as churn-prone clients leave
    assert sbg_hazard(alpha, beta, 1) == pytest.approx(alpha / (alpha + beta))


def test_derl_matches_brute_force_sum():
    alpha, beta, n_renewals, d = 0.704, 1.182, 3, 0.1
    t = np.arange(n_renewals + 1, 2000)
    terms = sbg_survival(alpha, beta, t) / sbg_survival(alpha, beta, n_renewals)
    brute = np.sum(terms / (1 + d) ** (t - n_renewals - 1))
    assert sbg_expected_residual_lifetime(alpha, beta, n_renewals, d) == pytest.approx(brute)


def test_derl_finite_and_infinite_cases():
    # alpha > 1: E[1/theta] finite, undiscounted DERL = (beta + n_renewals) / (alpha - 1)
    assert sbg_expected_residual_lifetime(2.0, 3.0, 0) == pytest.approx(3.0)
    assert sbg_expected_residual_lifetime(2.0, 3.0, 4) == pytest.approx(7.0)
    # alpha <= 1: infinite without discounting, finite with it (whatever beta is)
    assert sbg_expected_residual_lifetime(0.668, 3.806, 0) == math.inf
    assert sbg_expected_residual_lifetime(1.0, 0.5, 2) == math.inf
    finite = sbg_expected_residual_lifetime(0.668, 3.806, 0, 0.1)
    assert math.isfinite(finite) and finite > 0
    # a client who has renewed more often is expected to stay longer
    assert sbg_expected_residual_lifetime(0.668, 3.806, 5, 0.1) > finite


def test_contract_lifetime_value():
    derl = sbg_expected_residual_lifetime(0.704, 1.182, 2, 0.1)
    assert contract_lifetime_value(0.704, 1.182, 2, 1200.0, 0.1) == pytest.approx(1200.0 * derl)
    assert contract_lifetime_value(0.704, 1.182, 2, 0.0, 0.0) == 0.0
    assert contract_lifetime_value(0.704, 1.182, 2, 1200.0, 0.0) == math.inf


# ---------------------------------------------------------------------------------------------
# fits on grouped data against the plain per-customer likelihood


def monthly_customers(n, seed):
    """Synthetic BG/NBD customers in months (age T <= 36) with Gamma-Gamma spend, as the Odoo
    layer has them: few distinct x, t_x and T, many customers sharing each history."""
    rng = np.random.default_rng(seed)
    T = rng.integers(1, 37, n)
    buy_probability = 1.0 - np.exp(-rng.gamma(0.8, 1.0 / 1.5, n))
    dropout = rng.beta(1.0, 4.0, n)
    alive = np.ones(n, dtype=bool)
    x, t_x = np.zeros(n), np.zeros(n)
    for month in range(1, 37):
        buy = alive & (month <= T) & (rng.random(n) < buy_probability)
        x += buy
        t_x[buy] = month
        alive &= ~(buy & (rng.random(n) < dropout))
    # the mean of x purchases of Gamma(6, nu) is Gamma(6 x, nu x), nu varying by customer
    nu, repeat = rng.gamma(4.0, 1.0 / 15.0, n), np.maximum(x, 1)
    m = np.where(x > 0, rng.gamma(6.0 * repeat, 1.0 / (nu * repeat)), 0.0)
    return x, t_x, T.astype(float), m


def test_gamma_gamma_fit_matches_the_per_customer_likelihood():
    x, _, _, m = monthly_customers(3000, seed=5)
    fit = fit_gamma_gamma(x, m)
    buyers = x > 0

    def neg_ll(log_params):
        return -np.mean(_gg_log_likelihood(*np.exp(log_params), x[buyers], m[buyers]))

    p, q, v = np.exp(_maximise(neg_ll, 3))
    assert fit.n == int(buyers.sum())
    assert (fit.p, fit.q, fit.v) == pytest.approx((p, q, v), rel=1e-5)
    assert fit.log_likelihood == pytest.approx(
        np.sum(_gg_log_likelihood(fit.p, fit.q, fit.v, x[buyers], m[buyers])), rel=1e-12
    )
    assert fit_gamma_gamma(x, m) == fit


def test_bgnbd_fit_matches_the_per_customer_likelihood():
    x, t_x, T, _ = monthly_customers(1500, seed=6)
    fit = fit_bgnbd(x, t_x, T)

    def neg_ll(log_params):
        return -np.mean(_bgnbd_log_likelihood(*np.exp(log_params), x, t_x, T))

    expected = np.exp(_maximise(neg_ll, 4))
    assert (fit.r, fit.alpha, fit.a, fit.b) == pytest.approx(tuple(expected), rel=1e-5)
    assert fit_bgnbd(x, t_x, T) == fit


# ---------------------------------------------------------------------------------------------
# determinism and validation


def test_fits_are_deterministic(cdnow, bgnbd, gamma_gamma):
    x, t_x, T, zbar = cdnow
    assert fit_bgnbd(x, t_x, T) == bgnbd
    assert fit_gamma_gamma(x, zbar) == gamma_gamma
    assert fit_sbg(REGULAR) == fit_sbg(REGULAR)


@pytest.mark.parametrize(
    ("x", "t_x", "T", "message"),
    [
        ([1, 2], [1.0], [2.0, 3.0], "same length"),
        ([1, -2], [1.0, 1.0], [2.0, 3.0], "non-negative"),
        ([1, 2.5], [1.0, 1.0], [2.0, 3.0], "integer"),
        ([1, 2], [1.0, 4.0], [2.0, 3.0], "must not exceed"),
        ([1, 2], [1.0, np.nan], [2.0, 3.0], "finite"),
    ],
)
def test_bgnbd_input_validation(x, t_x, T, message):
    with pytest.raises(ValueError, match=message):
        fit_bgnbd(x, t_x, T)
    with pytest.raises(ValueError, match=message):
        bgnbd_probability_alive(PUBLISHED_BGNBD, x, t_x, T)


def test_other_input_validation():
    with pytest.raises(ValueError, match="same length"):
        fit_gamma_gamma([1, 2, 3], [1.0, 2.0])
    with pytest.raises(ValueError, match="positive"):
        fit_gamma_gamma([1, 2, 3, 1, 1, 1], [1.0, 0.0, 3.0, 1.0, 1.0, 1.0])
    with pytest.raises(ValueError, match="non-increasing"):
        fit_sbg([0.8, 0.9, 0.7])
    with pytest.raises(ValueError, match="between 0 and 1"):
        fit_sbg([1.2, 0.9, 0.7])
    with pytest.raises(ValueError, match="exactly one"):
        fit_sbg(HIGH_END, alive_counts=[1000, 869, 743])
    with pytest.raises(ValueError, match="alpha"):
        sbg_survival(-1.0, 1.0, 3)
    with pytest.raises(ValueError, match=">= 1"):
        sbg_hazard(1.0, 1.0, 0)
    with pytest.raises(ValueError, match="n_renewals"):
        sbg_expected_residual_lifetime(1.0, 1.0, -1, 0.1)
    with pytest.raises(ValueError, match="BG/NBD parameters"):
        bgnbd_expected_purchases_new((1.0, 2.0), 10)
    with pytest.raises(ValueError, match="horizon_periods"):
        customer_lifetime_value(PUBLISHED_BGNBD, (6.25, 3.74, 15.44), 1, 1, 2, 10.0, 2.5, 0.0)


def test_insufficient_data():
    with pytest.raises(InsufficientDataError, match="at least 2 observed periods"):
        fit_sbg([0.8])
    with pytest.raises(InsufficientDataError, match="at least 2 observed periods"):
        fit_sbg(alive_counts=[100, 80])
    with pytest.raises(InsufficientDataError, match="nobody churned"):
        fit_sbg([1.0, 1.0, 1.0])
    # Retention falling (0.914 then 0.666) or constant: no finite alpha and beta fit it.
    with pytest.raises(InsufficientDataError, match="retention rate never rose"):
        fit_sbg(alive_counts=[1027, 939, 625])
    with pytest.raises(InsufficientDataError, match="retention rate never rose"):
        fit_sbg([0.9, 0.81, 0.729])
    with pytest.raises(InsufficientDataError, match="at least 10 customers"):
        fit_bgnbd([1, 0, 2], [3.0, 0.0, 5.0], [10.0, 10.0, 10.0])
    with pytest.raises(InsufficientDataError, match="repeat purchase"):
        fit_bgnbd(np.zeros(20), np.zeros(20), np.full(20, 30.0))
    with pytest.raises(InsufficientDataError, match="at least 5 customers"):
        fit_gamma_gamma([0, 0, 1, 2, 3, 4], [0.0, 0.0, 10.0, 12.0, 9.0, 11.0])
    # it is a ValueError, so callers may catch either
    assert issubclass(InsufficientDataError, ValueError)
