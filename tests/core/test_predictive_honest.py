"""Honest fits on small samples (acct_firm_core.predictive._fit_map): a degenerate fit -- a
parameter running to 0 or infinity, a search that does not converge, a flat likelihood --
is never returned as it is. It is fitted again with the weak priors (and says so), or
refused with the reason; on samples large enough the priors have no effect at all."""

import math

import pytest
from test_predictive import monthly_customers

from acct_firm_core import predictive

MODELS = ("bgnbd", "bgbb", "gamma_gamma")
SMALL_FIRMS = [(size, seed) for size in (12, 25, 50) for seed in range(3)]


def fit_one(name, x, t_x, T, m, **kwargs):
    """One model's fit on one sample, or the error that refused it."""
    try:
        if name == "bgnbd":
            return predictive.fit_bgnbd(x, t_x, T, **kwargs)
        if name == "bgbb":
            return predictive.fit_bgbb(x, t_x, T, **kwargs)
        return predictive.fit_gamma_gamma(x, m, **kwargs)
    except predictive.InsufficientDataError as error:
        return error


def fits(x, t_x, T, m, **kwargs):
    """Each model's fit on one sample, or the error that refused it."""
    return {name: fit_one(name, x, t_x, T, m, **kwargs) for name in MODELS}


def parameters(fit):
    names = {
        predictive.BGNBDFit: ("r", "alpha", "a", "b"),
        predictive.BGBBFit: ("alpha", "beta", "gamma", "delta"),
        predictive.GammaGammaFit: ("p", "q", "v"),
    }[type(fit)]
    return [getattr(fit, name) for name in names]


@pytest.fixture(scope="module")
def small_firms():
    """Each model's outcome on each small synthetic firm, by (size, seed)."""
    return {firm: fits(*monthly_customers(*firm)) for firm in SMALL_FIRMS}


@pytest.mark.parametrize("firm", SMALL_FIRMS)
def test_small_firms_get_a_regularised_fit_or_a_reason(small_firms, firm):
    for name, result in small_firms[firm].items():
        if isinstance(result, Exception):
            assert isinstance(result, predictive.DegenerateFitError), (name, result)
            assert str(result)
            continue
        values = parameters(result)
        # never a parameter beyond 1e6 or below 1e-6 (the demo firm's old BG/NBD fit had
        # b = 22,505,725 and Gamma-Gamma p = 2.6e14)
        assert all(1e-6 < value < 1e6 and math.isfinite(value) for value in values), name
        if result.regularised:
            assert 0 < result.prior_share < 0.5
        else:
            assert result.prior_share == 0


def test_degenerate_maximum_likelihood_fits_are_seen_and_explained(small_firms):
    outcomes = list(small_firms.values())
    reasons = [
        str(result.regularised) if not isinstance(result, Exception) else str(result)
        for outcome in outcomes
        for result in outcome.values()
    ]
    # the three kinds of degeneracy all occur on firms of 12 to 50 clients
    assert any("runs to infinity" in reason or "runs to 0" in reason for reason in reasons)
    assert any("did not converge" in reason for reason in reasons)
    assert any("likelihood is flat" in reason for reason in reasons)
    # some are rescued by the priors, some refused
    flat = [result for outcome in outcomes for result in outcome.values()]
    assert any(isinstance(result, predictive.DegenerateFitError) for result in flat)
    assert any(not isinstance(result, Exception) and result.regularised for result in flat)


def test_plain_maximum_likelihood_returns_the_boundary_fit_the_checks_refuse():
    # 12 clients: maximum likelihood alone runs a parameter off (what the demo stored before)
    x, t_x, T, m = monthly_customers(12, 1)
    with pytest.raises(predictive.DegenerateFitError, match="runs to"):
        predictive.fit_gamma_gamma(x, m)
    unchecked = predictive.fit_gamma_gamma(x, m, prior_sd=None)
    assert max(parameters(unchecked)) > 1e4


def test_large_samples_are_plain_maximum_likelihood():
    x, t_x, T, m = monthly_customers(3000, 7)
    for name, result in fits(x, t_x, T, m).items():
        assert not isinstance(result, Exception), name
        assert result.regularised == "" and result.prior_share == 0.0
        unchecked = fits(x, t_x, T, m, prior_sd=None)[name]
        assert parameters(result) == pytest.approx(parameters(unchecked), rel=1e-9)


def test_warm_start_from_last_month_gives_the_same_fit():
    """Each month starts where the previous month's fit ended: the fit is the same as from
    the fixed start (to the tolerances), and from the same start always the same."""
    x, t_x, T, m = monthly_customers(1500, 8)
    last_month = (x, t_x, T - 1.0 * (T > t_x), m)  # one month younger
    for name in MODELS:
        previous = fit_one(name, *last_month)
        cold = fit_one(name, x, t_x, T, m)
        warm = fit_one(name, x, t_x, T, m, start=previous)
        assert parameters(warm) == pytest.approx(parameters(cold), rel=1e-4)
        assert fit_one(name, x, t_x, T, m, start=previous) == warm
        # an unusable start (nothing fitted last month) is no start
        unusable = (0.0, -1.0, 1.0, 1.0)[: len(parameters(cold))]
        assert fit_one(name, x, t_x, T, m, start=unusable) == cold


def test_a_degenerate_start_is_no_start():
    x, t_x, T, _ = monthly_customers(800, 9)
    far = (1e9, 1e-9, 1e9, 1e-9)  # a degenerate fit stored before the checks existed
    assert parameters(predictive.fit_bgnbd(x, t_x, T, start=far)) == pytest.approx(
        parameters(predictive.fit_bgnbd(x, t_x, T)), rel=1e-4
    )


def test_fit_reasons_are_one_message_each_for_the_addon_to_translate():
    """The reason of a refused fit is a code of ``MESSAGES`` and its params, nested reasons
    included: the addon translates each template (scripts/i18n_bg.py puts them in its .pot)."""
    reason = predictive.FitReason(
        "with_priors_too",
        first=predictive.FitReason("runs_to_infinity", name="a", value="2e+05"),
        last=predictive.FitReason("flat_likelihood", count="12"),
    )
    assert str(reason) == (
        "a runs to infinity (2e+05 in scale-free units); with the weak priors too: the "
        "likelihood is flat: 12 observations determine the parameters less than the prior does"
    )
    seen = []

    def gettext(template, **params):
        seen.append(template)
        return "<" + template % params + ">"

    assert reason.translate(gettext).startswith("<<a runs to infinity")
    assert set(seen) <= set(predictive.MESSAGES.values()) and len(seen) == 3
    error = predictive.InsufficientDataError(
        "too_few_customers", model="BG/BB", minimum=10, count=4
    )
    assert str(error) == "the BG/BB model needs at least 10 customers, got 4"
    assert error.reason.code == "too_few_customers"
