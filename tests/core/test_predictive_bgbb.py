"""The discrete-time BG/BB model (acct_firm_core.predictive) against the published donations fit
of Fader, Hardie & Shang (2010) and against brute-force sums of its own definitions."""

from pathlib import Path

import numpy as np
import pytest
from scipy.special import betaln

from acct_firm_core.predictive import (
    BGBBFit,
    InsufficientDataError,
    bgbb_discounted_expected_transactions,
    bgbb_expected_transactions,
    bgbb_probability_alive,
    fit_bgbb,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "donations_bgbb.csv"

# Fader, Hardie & Shang (2010), "Customer-base analysis in a discrete-time noncontractual
# setting", Marketing Science 29(6): the 1995 cohort of donors, 6 yearly opportunities.
PUBLISHED_BGBB = (1.204, 0.750, 0.657, 2.783)


@pytest.fixture(scope="module")
def donations():
    data = np.genfromtxt(DATA, delimiter=",", names=True)
    return data["frequency"], data["recency"], data["periods"], data["weights"]


@pytest.fixture(scope="module")
def bgbb(donations):
    return fit_bgbb(*donations)


def test_bgbb_reproduces_published_donations_estimates(bgbb):
    assert isinstance(bgbb, BGBBFit)
    assert bgbb.n == 11104
    fitted = (bgbb.alpha, bgbb.beta, bgbb.gamma, bgbb.delta)
    for got, published in zip(fitted, PUBLISHED_BGBB, strict=True):
        assert round(got, 3) == published
    assert bgbb.log_likelihood == pytest.approx(-33225.58, abs=5e-3)
    # identified by the data: plain maximum likelihood, no prior
    assert bgbb.regularised == "" and bgbb.prior_share == 0.0


def test_bgbb_summary_and_per_customer_data_give_the_same_fit(donations):
    frequency, recency, periods, weights = donations
    # one row per donor of a tenth of the cohort, against the same rows weighted
    counts = np.maximum(1, np.round(weights / 10)).astype(int)
    expanded = [np.repeat(column, counts) for column in (frequency, recency, periods)]
    weighted = fit_bgbb(frequency, recency, periods, counts)
    one_by_one = fit_bgbb(*expanded)
    assert one_by_one.n == weighted.n == counts.sum()
    assert (one_by_one.alpha, one_by_one.delta) == pytest.approx(
        (weighted.alpha, weighted.delta), rel=1e-6
    )
    assert one_by_one.log_likelihood == pytest.approx(weighted.log_likelihood, rel=1e-9)


def brute_likelihood(params, x, t_x, n):
    alpha, beta, gamma, delta = params
    total = np.exp(
        betaln(alpha + x, beta + n - x)
        - betaln(alpha, beta)
        + betaln(gamma, delta + n)
        - betaln(gamma, delta)
    )
    for i in range(n - t_x):
        total += np.exp(
            betaln(alpha + x, beta + t_x - x + i)
            - betaln(alpha, beta)
            + betaln(gamma + 1, delta + t_x + i)
            - betaln(gamma, delta)
        )
    return total


HISTORIES = [(0, 0, 6), (1, 1, 6), (2, 5, 6), (6, 6, 6), (3, 10, 24), (20, 30, 36)]


@pytest.mark.parametrize(("x", "t_x", "n"), HISTORIES)
def test_bgbb_conditional_expectations_match_their_definitions(x, t_x, n):
    """P(alive), E[X(n, n + k)] and DERT against sums over the future opportunities of
    P(alive at n + t) * E[p | data, alive]."""
    alpha, beta, gamma, delta = params = PUBLISHED_BGBB
    likelihood = brute_likelihood(params, x, t_x, n)
    buy = np.exp(betaln(alpha + x + 1, beta + n - x) - betaln(alpha, beta))
    t = np.arange(1, 4001)
    alive_at = np.exp(betaln(gamma, delta + n + t) - betaln(gamma, delta))
    per_period = buy * alive_at / likelihood
    alive = np.exp(
        betaln(alpha + x, beta + n - x)
        - betaln(alpha, beta)
        + betaln(gamma, delta + n + 1)
        - betaln(gamma, delta)
    )
    assert bgbb_probability_alive(params, x, t_x, n) == pytest.approx(alive / likelihood)
    for k in (1, 12, 36):
        assert bgbb_expected_transactions(params, k, x, t_x, n) == pytest.approx(
            per_period[:k].sum(), rel=1e-9
        )
    d = 0.01
    discounted = per_period / (1 + d) ** t
    assert bgbb_discounted_expected_transactions(params, d, x, t_x, n) == pytest.approx(
        discounted.sum(), rel=1e-6
    )
    assert bgbb_discounted_expected_transactions(params, d, x, t_x, n, horizon=36) == (
        pytest.approx(discounted[:36].sum(), rel=1e-9)
    )
    # without discounting: the expected transactions of the horizon
    assert bgbb_discounted_expected_transactions(params, 0.0, x, t_x, n, horizon=36) == (
        pytest.approx(per_period[:36].sum(), rel=1e-9)
    )


def test_bgbb_expected_transactions_at_gamma_one_is_the_limit():
    near = bgbb_expected_transactions((1.2, 0.75, 1.0 + 1e-7, 2.8), 12, 3, 5, 6)
    at = bgbb_expected_transactions((1.2, 0.75, 1.0, 2.8), 12, 3, 5, 6)
    assert at == pytest.approx(near, rel=1e-6)


def test_bgbb_vectorised_over_histories_and_horizons(bgbb):
    x, t_x, n = (np.array(column) for column in zip(*HISTORIES, strict=True))
    many = bgbb_expected_transactions(bgbb, 12, x, t_x, n)
    single = [bgbb_expected_transactions(bgbb, 12, *h) for h in HISTORIES]
    assert all(isinstance(value, float) for value in single)
    np.testing.assert_allclose(many, single, rtol=1e-12)
    grid = bgbb_expected_transactions(bgbb, [1, 12, 36], x, t_x, n)
    assert grid.shape == (len(HISTORIES), 3)
    np.testing.assert_allclose(grid[:, 1], many, rtol=1e-12)
    assert np.all(np.diff(grid, axis=1) > 0)
    alive = bgbb_probability_alive(bgbb, x, t_x, n)
    assert alive.shape == x.shape and np.all((alive > 0) & (alive <= 1))


def test_bgbb_recency_and_frequency_move_the_predictions_the_right_way(bgbb):
    # same frequency, more recent last transaction: more likely alive
    alive = bgbb_probability_alive(bgbb, [3, 3, 3], [3, 4, 6], 6)
    assert np.all(np.diff(alive) > 0)
    # transacting at every opportunity: alive unless died after the last one
    assert bgbb_probability_alive(bgbb, 6, 6, 6) > 0.9
    # more frequent and as recent: more transactions expected
    expected = bgbb_expected_transactions(bgbb, 5, [1, 3, 6], [6, 6, 6], 6)
    assert np.all(np.diff(expected) > 0)


def test_bgbb_input_validation():
    with pytest.raises(ValueError, match="x <= t_x <= n"):
        bgbb_probability_alive(PUBLISHED_BGBB, 3, 2, 6)
    with pytest.raises(ValueError, match="x <= t_x <= n"):
        bgbb_probability_alive(PUBLISHED_BGBB, 1, 7, 6)
    with pytest.raises(ValueError, match="t_x must be 0 exactly"):
        bgbb_probability_alive(PUBLISHED_BGBB, 0, 2, 6)
    with pytest.raises(ValueError, match="integer"):
        fit_bgbb([1.5] * 10, [2] * 10, [6] * 10)
    with pytest.raises(ValueError, match="BG/BB parameters"):
        bgbb_probability_alive((1.0, 2.0), 1, 1, 6)
    with pytest.raises(ValueError, match="give a horizon"):
        bgbb_discounted_expected_transactions(PUBLISHED_BGBB, 0.0, 1, 1, 6)
    with pytest.raises(InsufficientDataError, match="at least 10 customers"):
        fit_bgbb([1, 0, 2], [3, 0, 5], [6, 6, 6])
    with pytest.raises(InsufficientDataError, match="repeat transaction"):
        fit_bgbb(np.zeros(20), np.zeros(20), np.full(20, 6))
