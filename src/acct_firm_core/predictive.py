"""Probability models of client retention, purchasing and value.

Three classic, well-documented models, each a few closed-form expressions fitted by maximum
likelihood:

* **Shifted-beta-geometric (sBG)** for *contractual* clients (yearly/monthly engagements that
  are renewed or not). Each client churns at the end of a period with a constant probability
  ``theta``; ``theta`` varies across clients as ``Beta(alpha, beta)``. The mixture explains why
  cohort retention rates *rise* over time (the churn-prone leave first).
  Fader, P. S. & Hardie, B. G. S. (2007), "How to project customer retention",
  Journal of Interactive Marketing 21(1), 76-90.
  Fader, P. S. & Hardie, B. G. S. (2010), "Customer-base valuation in a contractual setting:
  the perils of ignoring heterogeneity", Marketing Science 29(1), 85-93 (DERL).
* **BG/NBD** for *non-contractual* clients (ad-hoc work whose end is never announced):
  purchases follow a Poisson process with a gamma-distributed rate ``lambda ~ Gamma(r, alpha)``,
  and after each purchase the client "dies" with probability ``p ~ Beta(a, b)``.
  Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005), "'Counting your customers' the easy way:
  an alternative to the Pareto/NBD model", Marketing Science 24(2), 275-284.
* **Gamma-Gamma** for the value of a purchase: a client's spend per transaction is gamma with a
  client-specific scale that is itself gamma across clients, so a client's mean spend is shrunk
  towards the population mean, less so the more purchases we have seen.
  Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005), "RFM and CLV: using iso-value curves for
  customer base analysis", Journal of Marketing Research 42(4), 415-430;
  Fader, P. S. & Hardie, B. G. S. (2013), "The Gamma-Gamma model of monetary value" (note).

Everything is a plain function over floats / numpy arrays. Scalar inputs give ``float`` outputs,
array inputs give arrays. Log-likelihoods are vectorised with ``scipy.special`` (``gammaln``,
``betaln``, ``logaddexp``) and maximised with ``scipy.optimize.minimize`` (Nelder-Mead) over the
*logarithms* of the parameters, which keeps them positive without constraints. The starting point
is fixed, so two fits on the same data give bit-identical results.

When a fit is not possible (too few periods, clients or repeat purchases), the fit functions raise
:class:`InsufficientDataError`, a ``ValueError``, so callers can fall back to a rule-based score.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, digamma, gammaln, hyp2f1

__all__ = [
    "BGBBFit",
    "BGNBDFit",
    "DegenerateFitError",
    "GammaGammaFit",
    "InsufficientDataError",
    "SBGFit",
    "bgbb_discounted_expected_transactions",
    "bgbb_expected_transactions",
    "bgbb_probability_alive",
    "bgnbd_discounted_expected_purchases",
    "bgnbd_expected_purchases",
    "bgnbd_expected_purchases_new",
    "bgnbd_probability_alive",
    "contract_lifetime_value",
    "customer_lifetime_value",
    "fit_bgbb",
    "fit_bgnbd",
    "fit_gamma_gamma",
    "fit_sbg",
    "gamma_gamma_expected_spend",
    "sbg_churn_probability",
    "sbg_expected_residual_lifetime",
    "sbg_hazard",
    "sbg_survival",
]

# Minimum amounts of data below which a maximum-likelihood fit is not meaningful: the
# likelihood is flat or the optimum sits on the boundary of the parameter space.
MIN_SBG_PERIODS = 2
MIN_BGNBD_CUSTOMERS = 10
MIN_BGBB_CUSTOMERS = 10
MIN_GAMMA_GAMMA_CUSTOMERS = 5


# Weakly informative priors of the maximum a posteriori fits: every parameter's logarithm, in
# scale-free units (time divided by the mean customer age, spend by the mean spend), is
# Normal(0, PRIOR_SD**2). Centred on 1: Beta(1, 1) is the uniform distribution of a purchase
# or dropout probability, and a Gamma(1, 1) rate is one purchase per mean age. A standard
# deviation of 2.5 in log units lets every parameter range over a factor of 150 either way
# (two standard deviations) without resistance to speak of: the prior only stops a parameter
# from running to 0 or infinity when the data cannot place it. Its weight is the same for a
# data set of any size; the priors are used only when the maximum-likelihood fit is
# degenerate (_fit_map), so the CDNOW and donations fits are the published maximum-likelihood
# values (tests/core/test_predictive.py).
PRIOR_SD = 2.5
# A fitted parameter beyond exp(+-LOG_BOUND) in scale-free units is running to 0 or to
# infinity: the data push it there against the prior, the fit is degenerate.
LOG_BOUND = math.log(1e4)


# Why a fit was refused or regularised, written once here in English: the addon translates
# these very strings at the edge (``FitReason.translate(env._)``) and scripts/i18n_bg.py puts
# them in its .pot and bg.po, as for ``pricing.MESSAGES``. A param may be a reason itself.
MESSAGES = {
    "too_few_customers": "the %(model)s model needs at least %(minimum)s customers, got %(count)s",
    "too_few_repeat_customers": (
        "the %(model)s model needs at least %(minimum)s customers with repeat purchases, "
        "got %(count)s"
    ),
    "no_repeat_purchase": "the %(model)s model needs at least one repeat purchase",
    "no_repeat_transaction": "the %(model)s model needs at least one repeat transaction",
    "too_few_periods": "the %(model)s model needs at least %(minimum)s observed periods, "
    "got %(count)s",
    "nobody_churned": "nobody churned: the churn rate cannot be estimated",
    "retention_never_rose": (
        "the retention rate never rose from one period to the next: the data show no "
        "differences between clients for the model to measure"
    ),
    "not_converged": "the fit did not converge; the data do not identify the model",
    "runs_to_infinity": "%(name)s runs to infinity (%(value)s in scale-free units)",
    "runs_to_zero": "%(name)s runs to 0 (%(value)s in scale-free units)",
    "not_evaluable": "the likelihood cannot be evaluated around the fit",
    "flat_likelihood": (
        "the likelihood is flat: %(count)s observations determine the parameters less than "
        "the prior does"
    ),
    "with_priors_too": "%(first)s; with the weak priors too: %(last)s",
    # the month's fits (acct_firm_core.segmentation)
    "too_few_clients": "%(count)s clients invoiced: the models are used from %(minimum)s",
    "no_invoiced_client": "no invoiced client",
    "regularised": "regularised: %(reason)s",
}


class FitReason:
    """Why a fit was refused or regularised: the ``code`` of its message in ``MESSAGES`` and
    the ``params`` that fill it (a param may be a reason itself). ``str()`` is the English
    message; ``translate(gettext)`` the message through ``gettext(template, **params)``."""

    __slots__ = ("code", "params")

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params

    def translate(self, gettext) -> str:
        params = {
            name: value.translate(gettext) if isinstance(value, FitReason) else value
            for name, value in self.params.items()
        }
        return gettext(MESSAGES[self.code], **params)

    def __str__(self) -> str:
        return self.translate(lambda template, **params: template % params)

    def __repr__(self) -> str:
        return f"FitReason({self.code!r}, {self.params!r})"


class InsufficientDataError(ValueError):
    """Too little data to fit a model; the caller should use a rule-based score instead.
    ``reason`` is the :class:`FitReason`, the message its English text."""

    def __init__(self, code: str, **params):
        self.reason = FitReason(code, **params)
        super().__init__(str(self.reason))


class DegenerateFitError(InsufficientDataError):
    """The fit ran to a boundary, did not converge or rests on a flat likelihood: its
    parameters are not the data's, and the caller should use a rule-based score instead."""


@dataclass(frozen=True)
class SBGFit:
    """Fitted shifted-beta-geometric model.

    ``log_likelihood`` is in the units of the input: per initial customer when fitted on
    survival shares, for the whole cohort when fitted on ``alive_counts``.
    """

    alpha: float
    beta: float
    log_likelihood: float
    n_periods: int


@dataclass(frozen=True)
class BGNBDFit:
    """Fitted BG/NBD model (``r``, ``alpha``: gamma purchase rate; ``a``, ``b``: beta dropout)."""

    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float
    n: int
    # the largest share of the prior in the curvature of the fit (0 for plain maximum
    # likelihood; small when the data, not the prior, place the parameters)
    prior_share: float = 0.0
    # "" for a maximum-likelihood fit; else why it was degenerate and the priors were used
    regularised: FitReason | str = ""


@dataclass(frozen=True)
class GammaGammaFit:
    """Fitted Gamma-Gamma spend model; ``v`` is the paper's ``gamma`` (scale of the scale)."""

    p: float
    q: float
    v: float
    log_likelihood: float
    n: int
    prior_share: float = 0.0  # as in BGNBDFit
    regularised: FitReason | str = ""


# ----------------------------------------------------------------------------------------------
# helpers


def _out(value):
    """Return a ``float`` for 0-d results and an array otherwise."""
    arr = np.asarray(value, dtype=float)
    return float(arr) if arr.ndim == 0 else arr


def _positive(name: str, value: float) -> float:
    value = float(value)
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be a finite positive number, got {value!r}")
    return value


def _non_negative_rate(name: str, value: float) -> float:
    value = float(value)
    if not (math.isfinite(value) and value >= 0):
        raise ValueError(f"{name} must be a finite non-negative number, got {value!r}")
    return value


def _array(name: str, values, *, integer: bool = False) -> np.ndarray:
    """Finite, non-negative float array (integer-valued if asked)."""
    arr = np.asarray(values, dtype=float)
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must contain only finite numbers")
    if np.any(arr < 0):
        raise ValueError(f"{name} must be non-negative")
    if integer and np.any(arr != np.round(arr)):
        raise ValueError(f"{name} must be integer-valued")
    return arr


def _rft(x, t_x, T) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Validate recency/frequency/age triples (BG/NBD notation) and broadcast them."""
    x = _array("x", x, integer=True)
    t_x = _array("t_x", t_x)
    T = _array("T", T)
    # scalars may be mixed with arrays (e.g. one T for a whole cohort); arrays must match
    if len({arr.shape for arr in (x, t_x, T) if arr.ndim > 0}) > 1:
        raise ValueError(
            f"x, t_x and T must have the same length, got shapes {x.shape}, {t_x.shape}, {T.shape}"
        )
    x, t_x, T = np.broadcast_arrays(x, t_x, T)
    if np.any(t_x > T):
        raise ValueError("t_x (time of the last purchase) must not exceed T (customer age)")
    return x, t_x, T


def _bgnbd_params(params) -> tuple[float, float, float, float]:
    if isinstance(params, BGNBDFit):
        params = (params.r, params.alpha, params.a, params.b)
    if len(params) != 4:
        raise ValueError("BG/NBD parameters must be a BGNBDFit or (r, alpha, a, b)")
    return tuple(_positive(n, v) for n, v in zip(("r", "alpha", "a", "b"), params, strict=True))


def _gg_params(params) -> tuple[float, float, float]:
    if isinstance(params, GammaGammaFit):
        params = (params.p, params.q, params.v)
    if len(params) != 3:
        raise ValueError("Gamma-Gamma parameters must be a GammaGammaFit or (p, q, v)")
    return tuple(_positive(n, v) for n, v in zip(("p", "q", "v"), params, strict=True))


# Nelder-Mead tolerances, tight enough to reproduce the published estimates to four
# significant digits. The published fits converge within 800 evaluations; a search still
# running after 4,000 is walking off to a boundary (the data do not identify the model), and
# every evaluation more only delays saying so.
_SEARCH_OPTIONS = {"xatol": 1e-10, "fatol": 1e-12, "maxiter": 2000, "maxfev": 4000}


def _maximise(neg_log_lik, n_params: int, start=None) -> np.ndarray:
    """Minimise ``neg_log_lik`` over log-parameters from ``start``, by default ``log(1) = 0``.

    Nelder-Mead needs no gradients (no finite-difference noise) and, from a given start with
    fixed tolerances, is fully deterministic.
    """
    # The search tries points far out (overflowing to inf or nan): those are simply worse.
    with np.errstate(all="ignore"):
        result = minimize(
            neg_log_lik,
            np.zeros(n_params) if start is None else np.asarray(start, dtype=float),
            method="Nelder-Mead",
            options=_SEARCH_OPTIONS,
        )
    if not (np.all(np.isfinite(result.x)) and np.isfinite(result.fun)) or not result.success:
        raise DegenerateFitError("not_converged")
    return result.x


def _hessian(function, point: np.ndarray, step: float = 1e-3) -> np.ndarray:
    """Central finite-difference Hessian of ``function`` at ``point`` (log-parameters)."""
    size = point.size
    hessian = np.empty((size, size))
    f0 = function(point)
    eye = np.eye(size) * step
    for i in range(size):
        hessian[i, i] = (function(point + eye[i]) - 2.0 * f0 + function(point - eye[i])) / step**2
        for j in range(i):
            hessian[i, j] = hessian[j, i] = (
                function(point + eye[i] + eye[j])
                - function(point + eye[i] - eye[j])
                - function(point - eye[i] + eye[j])
                + function(point - eye[i] - eye[j])
            ) / (4.0 * step**2)
    return hessian


def _degeneracy(neg_ll_mean, names, n_obs: float, u: np.ndarray, precision: float):
    """Why the fit at ``u`` is degenerate, or None; and the largest share of the prior in
    its curvature."""
    for name, value in zip(names, u, strict=True):
        if abs(value) > LOG_BOUND:
            code = "runs_to_infinity" if value > 0 else "runs_to_zero"
            return FitReason(code, name=name, value=f"{math.exp(value):.3g}"), 1.0
    with np.errstate(all="ignore"):
        hessian = _hessian(neg_ll_mean, u) * n_obs
    if not np.all(np.isfinite(hessian)):
        return FitReason("not_evaluable"), 1.0
    curvature = np.linalg.eigvalsh(hessian)
    weakest = float(curvature.min())
    if not weakest > precision:
        return FitReason("flat_likelihood", count=f"{n_obs:g}"), 1.0
    return None, precision / (weakest + precision)


def _fit_map(
    neg_ll_mean, names: Sequence[str], n_obs: float, *, start=None, prior_sd=PRIOR_SD
) -> tuple[np.ndarray, float, str]:
    """Fit the log-parameters ``u`` (in the model's scale-free units) by maximum likelihood,
    and by maximum a posteriori when the maximum-likelihood fit is degenerate. Returns
    (u, prior share, why the priors were used or "").

    ``neg_ll_mean`` is minus the log-likelihood per observation. A fit is degenerate when

    * the search does not converge;
    * a parameter runs to 0 or to infinity (beyond ``exp(+-LOG_BOUND)`` in scale-free units);
    * the likelihood is flat: in some direction the data carry less information (the
      curvature of minus the log-likelihood, summed over the observations) than the prior,
      i.e. the data place the parameters no better than the prior would.

    A degenerate maximum-likelihood fit is fitted again with the prior: independent
    ``u_k ~ Normal(0, prior_sd**2)`` (see :data:`PRIOR_SD`), whose weight per observation is
    ``1 / n_obs``. When that fit is degenerate too, :class:`DegenerateFitError` says why.
    A fit that is not degenerate is the plain maximum-likelihood one: on samples large enough
    to identify the model the priors have no effect at all. ``prior_sd=None`` is maximum
    likelihood with the convergence check only.

    Each search starts from ``start`` (e.g. last month's parameters, already in log units)
    when given, and from ``u = 0`` when that fit is degenerate: two runs on the same data
    from the same start give the same fit, and a month's fit starts where the previous
    month's ended, so a small change of data does not move it across a tolerance.

    The prior share is the largest share of the prior in the curvature of the fit, over all
    directions: ``1 / prior_sd**2 / (data curvature + 1 / prior_sd**2)``; 0 for a
    maximum-likelihood fit.
    """
    size = len(names)
    starts = [] if start is None else [np.asarray(start, dtype=float)]
    starts.append(np.zeros(size))
    if prior_sd is None:
        error = None
        for first in starts:
            try:
                return _maximise(neg_ll_mean, size, first), 0.0, ""
            except DegenerateFitError as failure:
                error = failure
        raise error
    precision = 1.0 / prior_sd**2

    def posterior(v):
        return neg_ll_mean(v) + 0.5 * precision * np.dot(v, v) / n_obs

    # maximum likelihood from each start, then the posterior from each start: the first fit
    # that is not degenerate
    reasons = []
    for objective in (neg_ll_mean, posterior):
        for first in starts:
            try:
                u = _maximise(objective, size, first)
            except DegenerateFitError as error:
                reasons.append(error.reason)
                continue
            why, prior_share = _degeneracy(neg_ll_mean, names, n_obs, u, precision)
            if why is None:
                if objective is neg_ll_mean:
                    return u, 0.0, ""
                return u, prior_share, reasons[0]
            reasons.append(why)
    raise DegenerateFitError("with_priors_too", first=reasons[0], last=reasons[-1])


# ----------------------------------------------------------------------------------------------
# shifted-beta-geometric (contractual clients)


def sbg_survival(alpha: float, beta: float, t):
    """S(t) = P(T > t) = B(alpha, beta + t) / B(alpha, beta), t = 0, 1, 2, ...

    Fader & Hardie (2007): share of a cohort still a client after ``t`` renewal
    opportunities.
    """
    alpha, beta = _positive("alpha", alpha), _positive("beta", beta)
    t = _array("t", t, integer=True)
    return _out(np.exp(betaln(alpha, beta + t) - betaln(alpha, beta)))


def sbg_churn_probability(alpha: float, beta: float, t):
    """P(T = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta), t = 1, 2, ...

    Fader & Hardie (2007): probability that a new client's last period is ``t``
    (that they leave at the end of period ``t``).
    """
    alpha, beta = _positive("alpha", alpha), _positive("beta", beta)
    t = _array("t", t, integer=True)
    if np.any(t < 1):
        raise ValueError("t must be >= 1 (periods are counted from 1)")
    return _out(np.exp(betaln(alpha + 1.0, beta + t - 1.0) - betaln(alpha, beta)))


def sbg_hazard(alpha: float, beta: float, t):
    """Churn rate in period t, 1 - r_t = P(T = t | T >= t) = alpha / (alpha + beta + t - 1).

    Fader & Hardie (2007) gives the retention rate r_t = (beta + t - 1) /
    (alpha + beta + t - 1); this is its complement. It *falls* with t although every client's
    own churn probability is constant: the cohort is sorted, the loyal remain.
    """
    alpha, beta = _positive("alpha", alpha), _positive("beta", beta)
    t = _array("t", t, integer=True)
    if np.any(t < 1):
        raise ValueError("t must be >= 1 (periods are counted from 1)")
    return _out(alpha / (alpha + beta + t - 1.0))


def _sbg_counts(survival, alive_counts) -> np.ndarray:
    """Cohort sizes n_0, n_1, ..., n_T (n_0 = 1 for survival shares)."""
    if (survival is None) == (alive_counts is None):
        raise ValueError("give exactly one of survival (shares) or alive_counts")
    if survival is not None:
        counts = np.concatenate(([1.0], _array("survival", survival)))
        if np.any(counts > 1.0):
            raise ValueError("survival shares must be between 0 and 1")
    else:
        counts = _array("alive_counts", alive_counts)
        if counts.size and counts[0] <= 0:
            raise ValueError("alive_counts must start with a positive cohort size (period 0)")
    if counts.ndim != 1:
        raise ValueError("survival / alive_counts must be one-dimensional")
    if np.any(np.diff(counts) > 0):
        raise ValueError("survival must be non-increasing: clients cannot come back")
    return counts


def _sbg_log_likelihood(alpha: float, beta: float, counts: np.ndarray) -> float:
    """Fader & Hardie (2007): churners in each period weigh ln P(T = t); those still
    alive after the last observed period weigh ln S(n)."""
    t = np.arange(1, counts.size)
    churned = counts[:-1] - counts[1:]
    log_b = betaln(alpha, beta)
    log_p = betaln(alpha + 1.0, beta + t - 1.0) - log_b
    log_s = betaln(alpha, beta + t[-1]) - log_b
    return float(np.sum(churned * log_p) + counts[-1] * log_s)


def _retention_rises(counts: np.ndarray) -> bool:
    """Whether the observed retention rate n_t / n_(t-1) rises in some period.

    The sBG log-likelihood is a sum of binomial terms, one per period, in the model's
    retention rates, and these rise strictly with t for every alpha and beta. When the
    observed rates never rise, the best rising sequence is one constant rate (pooling every
    period), which the model reaches only as alpha and beta go to infinity: the maximum lies
    on the boundary and a search would only walk towards it.
    """
    alive = counts[:-1] > 0
    rates = counts[1:][alive] / counts[:-1][alive]
    return bool(np.any(np.diff(rates) > 0))


def fit_sbg(survival: Sequence[float] | None = None, *, alive_counts=None) -> SBGFit:
    """Fit the sBG model to one cohort's survival curve.

    ``survival`` is the share of the cohort still active at the end of periods 1..n (period 0,
    the start, is implicitly 1), e.g. ``[0.869, 0.743, ...]``. Alternatively pass
    ``alive_counts`` = clients active at periods 0..n, e.g. ``[1000, 869, 743, ...]``. Both give
    the same ``alpha`` and ``beta``; the log-likelihood scales with the cohort size.

    Raises :class:`InsufficientDataError` with fewer than two observed periods (two points
    cannot separate the mean churn rate from its heterogeneity), when nobody ever churned, or
    when the retention rate never rises (clients look alike: no finite fit exists).
    """
    counts = _sbg_counts(survival, alive_counts)
    n_periods = counts.size - 1
    if n_periods < MIN_SBG_PERIODS:
        raise InsufficientDataError(
            "too_few_periods", model="sBG", minimum=MIN_SBG_PERIODS, count=n_periods
        )
    if counts[-1] == counts[0]:
        raise InsufficientDataError("nobody_churned")
    if not _retention_rises(counts):
        raise InsufficientDataError("retention_never_rose")
    # scale to a cohort of one during the search so the tolerances do not depend on its size
    scale = counts[0]
    shares = counts / scale

    def neg_ll(log_params):
        alpha, beta = np.exp(log_params)
        return -_sbg_log_likelihood(alpha, beta, shares)

    alpha, beta = (float(v) for v in np.exp(_maximise(neg_ll, 2)))
    return SBGFit(alpha, beta, _sbg_log_likelihood(alpha, beta, counts), n_periods)


def sbg_expected_residual_lifetime(
    alpha: float, beta: float, n_renewals: int, discount: float = 0.0
) -> float:
    """Discounted expected residual lifetime (DERL), Fader & Hardie (2010).

    For a client who has made ``n_renewals`` renewals (is in period n = n_renewals + 1) and is
    at the end of that period, about to decide on the next renewal, the expected number of
    *future* payments, each discounted by ``1 / (1 + discount)`` per period, the first one
    (due now) undiscounted::

        DERL = sum_{t >= n} S(t) / S(n - 1) / (1 + d)^(t - n)
             = (beta + n - 1) / (alpha + beta + n - 1)
               * 2F1(1, beta + n; alpha + beta + n; 1 / (1 + d))

    It grows with ``n_renewals``: a client who has renewed often is likely a low-churn one.

    Without discounting (``discount == 0``) the hypergeometric series is evaluated at 1 and
    converges only if ``alpha > 1`` (Gauss: c - a - b = alpha - 1 > 0). Then
    DERL = (beta + n - 1) / (alpha - 1). With ``alpha <= 1`` the churn probabilities ``theta``
    have so much mass near zero that E[1/theta] (the mean lifetime) is infinite, and so is the
    undiscounted residual lifetime: the function returns ``math.inf``. Note that it is
    ``alpha``, not ``beta``, that decides: ``theta ~ Beta(alpha, beta)`` is the churn
    probability, and E[1/theta] = (alpha + beta - 1) / (alpha - 1). Both published
    survival cohorts of Fader & Hardie (2007) have alpha < 1; use a positive discount rate for them.
    """
    alpha, beta = _positive("alpha", alpha), _positive("beta", beta)
    discount = _non_negative_rate("discount", discount)
    n_renewals = float(n_renewals)
    if not (n_renewals >= 0 and n_renewals == round(n_renewals)):
        raise ValueError(f"n_renewals must be a non-negative integer, got {n_renewals!r}")
    n = n_renewals + 1.0
    if discount == 0.0 and alpha <= 1.0:
        return math.inf
    retention = (beta + n - 1.0) / (alpha + beta + n - 1.0)
    return float(retention * hyp2f1(1.0, beta + n, alpha + beta + n, 1.0 / (1.0 + discount)))


def contract_lifetime_value(
    alpha: float,
    beta: float,
    n_renewals: int,
    margin_per_period: float,
    discount_rate: float,
) -> float:
    """Expected present value of a contract client's future margin: margin x DERL.

    Fader & Hardie (2010): the residual value of an existing client is the margin per period
    times the discounted expected residual lifetime; see
    :func:`sbg_expected_residual_lifetime` for the timing convention and for why it is
    infinite with ``discount_rate == 0`` and ``alpha <= 1``.
    """
    margin = float(margin_per_period)
    if not math.isfinite(margin):
        raise ValueError("margin_per_period must be a finite number")
    derl = sbg_expected_residual_lifetime(alpha, beta, n_renewals, discount_rate)
    if margin == 0.0:
        return 0.0
    return margin * derl


# ----------------------------------------------------------------------------------------------
# BG/NBD (non-contractual purchasing)


def _bgnbd_log_likelihood(r, alpha, a, b, x, t_x, T) -> np.ndarray:
    """Per-customer log-likelihood, Fader, Hardie & Lee (2005a):

    L = B(a, b + x) / B(a, b) * Gamma(r + x) alpha^r / (Gamma(r) (alpha + T)^(r + x))
      + [x > 0] B(a + 1, b + x - 1) / B(a, b) * Gamma(r + x) alpha^r
                                              / (Gamma(r) (alpha + t_x)^(r + x))

    The first term is "still alive at T", the second "died just after the last purchase";
    they are added in log space (logaddexp) to avoid underflow for heavy buyers.
    """
    log_b = betaln(a, b)
    common = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    alive = betaln(a, b + x) - log_b - (r + x) * np.log(alpha + T)
    repeat = x > 0
    # x = 0 would put b - 1 (possibly negative) into betaln; the term is absent then anyway.
    x_safe = np.where(repeat, x, 1.0)
    dead = betaln(a + 1.0, b + x_safe - 1.0) - log_b - (r + x_safe) * np.log(alpha + t_x)
    dead = np.where(repeat, dead, -np.inf)
    return common + np.logaddexp(alive, dead)


def _start(previous, params_type, names, scales) -> np.ndarray | None:
    """Log-parameters in scale-free units of a previous fit (or of a tuple), as a start."""
    if previous is None:
        return None
    if isinstance(previous, params_type):
        previous = tuple(getattr(previous, name) for name in names)
    values = np.asarray(previous, dtype=float)
    if values.shape != (len(names),) or not np.all(np.isfinite(values) & (values > 0)):
        return None  # an unusable start is no start: the search begins at the prior's centre
    start = np.log(values / np.asarray(scales, dtype=float))
    # a degenerate fit (stored unchecked before this check existed) is no start either
    return start if np.all(np.abs(start) <= LOG_BOUND) else None


def fit_bgnbd(x, t_x, T, *, start=None, prior_sd=PRIOR_SD) -> BGNBDFit:
    """Fit the BG/NBD model by maximum a posteriori with the weak priors of :func:`_fit_map`
    (``prior_sd=None``: maximum likelihood); ``alpha`` is scale-free as ``alpha / mean(T)``.
    ``start`` is a previous fit (or ``(r, alpha, a, b)``) to start the search from.

    ``x`` = number of repeat purchases, ``t_x`` = time of the last purchase, ``T`` = time since
    the first purchase (all measured from the first purchase, in one time unit, e.g. weeks).
    On the CDNOW cohort this reproduces r = 0.2426, alpha = 4.4135, a = 0.7929, b = 2.4258 and
    LL = -9582.43 (Fader, Hardie & Lee 2005a, section 4).

    Raises :class:`InsufficientDataError` with fewer than ten customers or without any repeat
    purchase (then the dropout process is not identified at all), and its subclass
    :class:`DegenerateFitError` when the fit is degenerate.
    """
    x, t_x, T = _rft(x, t_x, T)
    x, t_x, T = x.ravel(), t_x.ravel(), T.ravel()
    n = x.size
    if n < MIN_BGNBD_CUSTOMERS:
        raise InsufficientDataError(
            "too_few_customers", model="BG/NBD", minimum=MIN_BGNBD_CUSTOMERS, count=n
        )
    if not np.any(x > 0):
        raise InsufficientDataError("no_repeat_purchase", model="BG/NBD")

    # Customers with the same history (x, t_x, T) add the same term to the likelihood: fit on
    # the distinct histories weighted by their share. Exact, and with monthly data a firm of
    # thousands of clients has only a few hundred distinct histories to evaluate.
    histories, counts = np.unique(np.column_stack([x, t_x, T]), axis=0, return_counts=True)
    hx, ht_x, hT = histories.T
    shares = counts / n
    # Each history's terms are functions of x, t_x or T alone, which take far fewer distinct
    # values still (months: a few dozen each): evaluate the special functions and logs on
    # those and pick them per history (the same numbers as _bgnbd_log_likelihood).
    ux, ix = np.unique(hx, return_inverse=True)
    ut_x, it_x = np.unique(ht_x, return_inverse=True)
    uT, iT = np.unique(hT, return_inverse=True)
    ix, it_x, iT = ix.ravel(), it_x.ravel(), iT.ravel()
    repeat = ux > 0
    ux_safe = np.where(repeat, ux, 1.0)  # x = 0 has no "dead" term (see _bgnbd_log_likelihood)
    hx_safe = ux_safe[ix]

    scales = np.array([1.0, max(float(np.mean(T)), 1e-9), 1.0, 1.0])

    def neg_ll(log_params):
        r, alpha, a, b = np.exp(log_params) * scales
        log_b = betaln(a, b)
        common = gammaln(r + ux) - gammaln(r) + r * np.log(alpha)
        alive = betaln(a, b + ux) - log_b
        dead = np.where(repeat, betaln(a + 1.0, b + ux_safe - 1.0) - log_b, -np.inf)
        ll = common[ix] + np.logaddexp(
            alive[ix] - (r + hx) * np.log(alpha + uT)[iT],
            dead[ix] - (r + hx_safe) * np.log(alpha + ut_x)[it_x],
        )
        # mean, not sum, so the optimiser tolerances do not depend on the number of customers
        return -np.dot(shares, ll)

    names = ("r", "alpha", "a", "b")
    u, prior_share, regularised = _fit_map(
        neg_ll,
        names,
        n,
        start=_start(start, BGNBDFit, names, scales),
        prior_sd=prior_sd,
    )
    r, alpha, a, b = (float(v) for v in np.exp(u) * scales)
    ll = float(np.sum(_bgnbd_log_likelihood(r, alpha, a, b, x, t_x, T)))
    return BGNBDFit(r, alpha, a, b, ll, n, prior_share, regularised)


def _bgnbd_death_odds(r, alpha, a, b, x, t_x, T) -> np.ndarray:
    """Odds that a customer died after the last purchase rather than being alive at T:
    [x > 0] a / (b + x - 1) * ((alpha + T) / (alpha + t_x))^(r + x)."""
    repeat = x > 0
    x_safe = np.where(repeat, x, 1.0)
    log_odds = np.log(a / (b + x_safe - 1.0)) + (r + x_safe) * (
        np.log(alpha + T) - np.log(alpha + t_x)
    )
    return np.where(repeat, np.exp(log_odds), 0.0)


def bgnbd_probability_alive(fit_or_params, x, t_x, T):
    """P(alive at T | x, t_x, T), Fader, Hardie & Lee (2005a); see also their
    2008 note "Computing P(alive) using the BG/NBD model".

    A customer without repeat purchases is alive with probability 1 (in the BG/NBD story one
    can only drop out right after a purchase). For a given history the probability falls as
    the gap T - t_x since the last purchase grows, faster for frequent buyers.
    """
    r, alpha, a, b = _bgnbd_params(fit_or_params)
    x, t_x, T = _rft(x, t_x, T)
    return _out(1.0 / (1.0 + _bgnbd_death_odds(r, alpha, a, b, x, t_x, T)))


def bgnbd_expected_purchases(params, t, x, t_x, T):
    """E[Y(t) | x, t_x, T]: expected purchases in the next ``t`` periods of a customer with
    history (x, t_x, T). Fader, Hardie & Lee (2005a)::

        (a + b + x - 1) / (a - 1)
        * [1 - ((alpha + T) / (alpha + T + t))^(r + x)
               * 2F1(r + x, b + x; a + b + x - 1; t / (alpha + T + t))]
        / (1 + [x > 0] a / (b + x - 1) * ((alpha + T) / (alpha + t_x))^(r + x))

    (For a < 1 both the leading factor and the bracket are negative; the product is fine.
    a == 1 exactly is a removable singularity that the formula does not handle.)
    """
    r, alpha, a, b = _bgnbd_params(params)
    t = _array("t", t)
    x, t_x, T = _rft(x, t_x, T)
    z = t / (alpha + T + t)
    bracket = 1.0 - np.exp((r + x) * (np.log(alpha + T) - np.log(alpha + T + t))) * hyp2f1(
        r + x, b + x, a + b + x - 1.0, z
    )
    expected = (a + b + x - 1.0) / (a - 1.0) * bracket
    return _out(expected / (1.0 + _bgnbd_death_odds(r, alpha, a, b, x, t_x, T)))


def bgnbd_expected_purchases_new(params, t):
    """E[X(t)] for a customer just acquired, Fader, Hardie & Lee (2005a)::

    (a + b - 1) / (a - 1) * [1 - (alpha / (alpha + t))^r * 2F1(r, b; a + b - 1; t / (alpha + t))]
    """
    r, alpha, a, b = _bgnbd_params(params)
    t = _array("t", t)
    bracket = 1.0 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1.0, t / (alpha + t))
    return _out((a + b - 1.0) / (a - 1.0) * bracket)


def bgnbd_discounted_expected_purchases(params, discount, x, t_x, T, horizon):
    """Discounted expected purchases in the next ``horizon`` periods, the BG/NBD's DERT over
    a horizon: the purchases expected in period i, E[Y(i)] - E[Y(i - 1)], each discounted to
    today at the end of the period, ``1 / (1 + discount)^i``. Periods are in the time unit of
    ``t_x`` and ``T``, and so is the rate.
    """
    horizon = float(horizon)
    if not (horizon >= 0 and horizon == round(horizon)):
        raise ValueError(f"horizon_periods must be a non-negative integer, got {horizon!r}")
    discount = _non_negative_rate("discount", discount)
    x, t_x, T = _rft(x, t_x, T)
    periods = np.arange(int(horizon) + 1, dtype=float)
    # cumulative expectations E[Y(0..H)], one column per period, then first differences
    cumulative = np.asarray(
        bgnbd_expected_purchases(params, periods, x[..., None], t_x[..., None], T[..., None])
    )
    per_period = np.diff(cumulative, axis=-1)
    return _out(per_period @ ((1.0 + discount) ** -periods[1:]))


# ----------------------------------------------------------------------------------------------
# BG/BB (non-contractual purchasing in discrete time)


@dataclass(frozen=True)
class BGBBFit:
    """Fitted BG/BB model (``alpha``, ``beta``: beta purchase probability; ``gamma``,
    ``delta``: beta dropout probability); ``n`` is the number of customers."""

    alpha: float
    beta: float
    gamma: float
    delta: float
    log_likelihood: float
    n: float
    prior_share: float = 0.0  # as in BGNBDFit
    regularised: FitReason | str = ""


def _bgbb_params(params) -> tuple[float, float, float, float]:
    if isinstance(params, BGBBFit):
        params = (params.alpha, params.beta, params.gamma, params.delta)
    if len(params) != 4:
        raise ValueError("BG/BB parameters must be a BGBBFit or (alpha, beta, gamma, delta)")
    names = ("alpha", "beta", "gamma", "delta")
    return tuple(_positive(n, v) for n, v in zip(names, params, strict=True))


def _xtn(x, t_x, n) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Validate BG/BB histories (x transactions in n opportunities, the last in t_x)."""
    x = _array("x", x, integer=True)
    t_x = _array("t_x", t_x, integer=True)
    n = _array("n", n, integer=True)
    if len({arr.shape for arr in (x, t_x, n) if arr.ndim > 0}) > 1:
        raise ValueError(
            f"x, t_x and n must have the same length, got shapes {x.shape}, {t_x.shape}, {n.shape}"
        )
    x, t_x, n = np.broadcast_arrays(x, t_x, n)
    if np.any(x > t_x) or np.any(t_x > n):
        raise ValueError("BG/BB histories need x <= t_x <= n")
    if np.any((x == 0) != (t_x == 0)):
        raise ValueError("t_x must be 0 exactly when x is 0 (no transaction, no recency)")
    return x, t_x, n


class _BGBBTerms:
    """The BG/BB log-likelihood of histories (x, t_x, n), Fader, Hardie & Shang (2010),
    eq. (5)::

        L = B(alpha + x, beta + n - x) / B(alpha, beta) * B(gamma, delta + n) / B(gamma, delta)
          + sum_{j=t_x}^{n - 1} B(alpha + x, beta + j - x) / B(alpha, beta)
                                * B(gamma + 1, delta + j) / B(gamma, delta)

    The first term is "alive through the n opportunities", the j-th "made the last
    transaction at t_x, was still alive at opportunity j without transacting, then died".
    The terms of the sum depend on x and j only: they are computed once on the grid of the
    distinct x by j = 0 .. max(n), summed from the end of each row (each row is decreasing in
    j, so the small terms are added first), and each history's sum is the difference of two
    of those tail sums. A row is scaled by its largest term, so nothing underflows.
    """

    def __init__(self, x, t_x, n):
        ux, ix = np.unique(x, return_inverse=True)
        self.ux, self.ix = ux, ix.ravel()
        self.j = np.arange(int(n.max(initial=0)) + 1, dtype=float)
        rows = np.arange(ux.size)[:, None]
        non_buys = self.j[None, :] - ux[:, None]
        self.valid = non_buys >= 0
        # flat positions in the (distinct x) x (count) grid of each (x, j - x)
        self.grid_index = rows * self.j.size + np.where(self.valid, non_buys, 0).astype(int)
        self.t_x_idx, self.n_idx = t_x.astype(int), n.astype(int)
        self.alive_index = self.ix * self.j.size + (n - x).astype(int)

    def log_likelihood(self, alpha, beta, gamma, delta) -> np.ndarray:
        log_b_ab, log_b_gd = betaln(alpha, beta), betaln(gamma, delta)
        # every special function on the grid only: B(alpha + x, beta + k) for the distinct x
        # and k = 0 .. max(n), B(gamma, delta + j) and B(gamma + 1, delta + j)
        purchase = (betaln(alpha + self.ux[:, None], beta + self.j[None, :]) - log_b_ab).ravel()
        alive = purchase[self.alive_index] + (betaln(gamma, delta + self.j) - log_b_gd)[self.n_idx]
        grid = purchase[self.grid_index] + (betaln(gamma + 1.0, delta + self.j) - log_b_gd)
        grid = np.where(self.valid, grid, -np.inf)
        top = grid.max(axis=1)
        # tail[k, j] = sum of row k's terms from j on; one zero column past the end
        tail = np.zeros((grid.shape[0], grid.shape[1] + 1))
        tail[:, :-1] = np.cumsum(np.exp(grid - top[:, None])[:, ::-1], axis=1)[:, ::-1]
        rows = self.ix
        died = tail[rows, self.t_x_idx] - tail[rows, self.n_idx]
        with np.errstate(divide="ignore"):
            died = np.log(np.maximum(died, 0.0)) + top[rows]
        return np.logaddexp(alive, died)


def fit_bgbb(x, t_x, n, weights=None, *, start=None, prior_sd=PRIOR_SD) -> BGBBFit:
    """Fit the BG/BB model of Fader, Hardie & Shang (2010), "Customer-base analysis in a
    discrete-time noncontractual setting", Marketing Science 29(6), 1086-1108.

    Each customer has ``n`` transaction opportunities after the first transaction (months, for
    a firm that invoices monthly), made ``x`` repeat transactions, the last at opportunity
    ``t_x`` (0 when ``x`` is 0). While alive, a customer transacts at each opportunity with
    probability ``p ~ Beta(alpha, beta)`` and dies after it with probability
    ``theta ~ Beta(gamma, delta)``. ``weights`` counts the customers of each history (the
    summary form of the donations data), 1 each by default.

    Fitted by maximum likelihood, and by maximum a posteriori with the weak priors of
    :func:`_fit_map` when the maximum-likelihood fit is degenerate (``prior_sd=None``:
    maximum likelihood only). ``start`` is a previous fit (or ``(alpha, beta, gamma,
    delta)``) to start the search from. On the 11,104 donors of the paper this gives
    alpha = 1.204, beta = 0.750, gamma = 0.657, delta = 2.783 (LL = -33,225.6).

    Raises :class:`InsufficientDataError` with fewer than ten customers or without any repeat
    transaction, and :class:`DegenerateFitError` when the fit is degenerate.
    """
    x, t_x, n = (arr.ravel() for arr in _xtn(x, t_x, n))
    weights = np.ones(x.size) if weights is None else _array("weights", weights).ravel()
    if weights.shape != x.shape:
        raise ValueError(f"weights must have one value per history, got {weights.size}")
    customers = float(weights.sum())
    if customers < MIN_BGBB_CUSTOMERS:
        raise InsufficientDataError(
            "too_few_customers", model="BG/BB", minimum=MIN_BGBB_CUSTOMERS, count=f"{customers:g}"
        )
    if not np.any((x > 0) & (weights > 0)):
        raise InsufficientDataError("no_repeat_transaction", model="BG/BB")
    # Customers with the same history add the same term: fit on the distinct histories.
    histories, inverse = np.unique(np.column_stack([x, t_x, n]), axis=0, return_inverse=True)
    shares = np.bincount(inverse.ravel(), weights=weights) / customers
    terms = _BGBBTerms(*histories.T)

    def neg_ll(log_params):
        return -np.dot(shares, terms.log_likelihood(*np.exp(log_params)))

    names = ("alpha", "beta", "gamma", "delta")
    u, prior_share, regularised = _fit_map(
        neg_ll,
        names,
        customers,
        start=_start(start, BGBBFit, names, (1, 1, 1, 1)),
        prior_sd=prior_sd,
    )
    alpha, beta, gamma, delta = (float(v) for v in np.exp(u))
    ll = float(customers * np.dot(shares, terms.log_likelihood(alpha, beta, gamma, delta)))
    return BGBBFit(alpha, beta, gamma, delta, ll, customers, prior_share, regularised)


def _bgbb_log_terms(params, x, t_x, n):
    """(parameters, log L, log of B(alpha + x + 1, beta + n - x) / B(alpha, beta), the
    posterior-weighted purchase probability of an alive customer) for each history."""
    alpha, beta, gamma, delta = _bgbb_params(params)
    x, t_x, n = _xtn(x, t_x, n)
    shape = x.shape
    x, t_x, n = (arr.ravel() for arr in (x, t_x, n))
    log_l = _BGBBTerms(x, t_x, n).log_likelihood(alpha, beta, gamma, delta)
    log_buy = betaln(alpha + x + 1.0, beta + n - x) - betaln(alpha, beta)
    return (alpha, beta, gamma, delta), shape, x, n, log_l, log_buy


def bgbb_probability_alive(params, x, t_x, n):
    """P(alive at opportunity n + 1 | x, t_x, n), Fader, Hardie & Shang (2010), eq. (11)::

    B(alpha + x, beta + n - x) / B(alpha, beta) * B(gamma, delta + n + 1) / B(gamma, delta)
    / L(alpha, beta, gamma, delta | x, t_x, n)
    """
    (alpha, beta, gamma, delta), shape, x, n, log_l, _ = _bgbb_log_terms(params, x, t_x, n)
    log_alive = (
        betaln(alpha + x, beta + n - x)
        - betaln(alpha, beta)
        + betaln(gamma, delta + n + 1.0)
        - betaln(gamma, delta)
    )
    return _out(np.exp(log_alive - log_l).reshape(shape))


def _bgbb_survival_sum(gamma, delta, n, periods):
    """sum_{t=1}^{periods} B(gamma, delta + n + t) / B(gamma, delta): the expected number of
    the next ``periods`` opportunities a customer is alive at, per unit of the posterior,
    in closed form (Fader, Hardie & Shang 2010, eq. 13)::

        delta / (gamma - 1) * Gamma(gamma + delta) / Gamma(1 + delta)
        * [Gamma(1 + delta + n) / Gamma(gamma + delta + n)
           - Gamma(1 + delta + n + periods) / Gamma(gamma + delta + n + periods)]

    At gamma = 1 the bracket and gamma - 1 vanish together; the limit is
    delta * (digamma(delta + n + periods + 1) - digamma(delta + n + 1)).
    """
    if abs(gamma - 1.0) < 1e-9:
        return delta * (digamma(delta + n + periods + 1.0) - digamma(delta + n + 1.0))
    head = gammaln(1.0 + delta + n) - gammaln(gamma + delta + n)
    tail = gammaln(1.0 + delta + n + periods) - gammaln(gamma + delta + n + periods)
    constant = np.log(delta) + gammaln(gamma + delta) - gammaln(1.0 + delta)
    # exp(head) - exp(tail), as -exp(head) * expm1(tail - head): exact for small differences
    return -np.exp(constant + head) * np.expm1(tail - head) / (gamma - 1.0)


def bgbb_expected_transactions(params, periods, x, t_x, n):
    """E[X(n, n + periods) | x, t_x, n]: expected transactions in the next ``periods``
    opportunities of a customer with history (x, t_x, n), Fader, Hardie & Shang (2010),
    eq. (13)::

        B(alpha + x + 1, beta + n - x) / B(alpha, beta) / L
        * sum_{t=1}^{periods} B(gamma, delta + n + t) / B(gamma, delta)
    """
    periods = _array("periods", periods, integer=True)
    (alpha, beta, gamma, delta), shape, x, n, log_l, log_buy = _bgbb_log_terms(params, x, t_x, n)
    weight = np.exp(log_buy - log_l)
    if periods.ndim == 0:
        return _out((weight * _bgbb_survival_sum(gamma, delta, n, periods)).reshape(shape))
    # one column per horizon
    alive = _bgbb_survival_sum(gamma, delta, n[:, None], periods.ravel()[None, :])
    return _out((weight[:, None] * alive).reshape(shape + periods.shape))


def bgbb_discounted_expected_transactions(params, discount, x, t_x, n, horizon=None):
    """Discounted expected residual transactions (DERT), Fader, Hardie & Shang (2010),
    eq. (14): the expected transactions at opportunities n + 1, n + 2, ..., the one at
    n + t discounted by ``1 / (1 + discount)^t``::

        B(alpha + x + 1, beta + n - x) / B(alpha, beta) / L
        * B(gamma, delta + n + 1) / (B(gamma, delta) (1 + d))
        * 2F1(1, delta + n + 1; gamma + delta + n + 1; 1 / (1 + d))

    With a ``horizon`` (a number of opportunities), only those up to n + horizon count: the
    tail beyond it is the same series started at n + horizon, discounted by
    ``(1 + d)^-horizon``. Without discounting the horizon is required, and the sum is
    :func:`bgbb_expected_transactions` (the infinite one is finite only for gamma > 1).
    """
    discount = _non_negative_rate("discount", discount)
    if horizon is not None:
        horizon = float(horizon)
        if not (horizon >= 0 and horizon == round(horizon)):
            raise ValueError(f"horizon must be a non-negative integer, got {horizon!r}")
    if discount == 0.0:
        if horizon is None:
            raise ValueError("without discounting, give a horizon: the sum may not converge")
        return bgbb_expected_transactions(params, int(horizon), x, t_x, n)
    (alpha, beta, gamma, delta), shape, x, n, log_l, log_buy = _bgbb_log_terms(params, x, t_x, n)
    z = 1.0 / (1.0 + discount)

    def tail(start):
        # a function of the opportunity count alone: computed once per distinct count
        counts, inverse = np.unique(start, return_inverse=True)
        log_head = betaln(gamma, delta + counts + 1.0) - betaln(gamma, delta)
        series = hyp2f1(1.0, delta + counts + 1.0, gamma + delta + counts + 1.0, z)
        return (np.exp(log_head) * z * series)[inverse.ravel()]

    residual = tail(n)
    if horizon is not None:
        residual = residual - z**horizon * tail(n + horizon)
    return _out((np.exp(log_buy - log_l) * residual).reshape(shape))


# ----------------------------------------------------------------------------------------------
# Gamma-Gamma (value per transaction)


def _gg_log_likelihood(p, q, v, x, m) -> np.ndarray:
    """Per-customer log density of the observed mean spend m over x transactions, Fader &
    Hardie (2013):

    f(m | x) = Gamma(p x + q) / (Gamma(p x) Gamma(q))
               * v^q m^(p x - 1) x^(p x) / (v + m x)^(p x + q)
    """
    px = p * x
    return (
        gammaln(px + q)
        - gammaln(px)
        - gammaln(q)
        + q * np.log(v)
        + (px - 1.0) * np.log(m)
        + px * np.log(x)
        - (px + q) * np.log(v + m * x)
    )


def fit_gamma_gamma(x, m, *, start=None, prior_sd=PRIOR_SD) -> GammaGammaFit:
    """Fit the Gamma-Gamma spend model on customers with repeat purchases, by maximum a
    posteriori with the weak priors of :func:`_fit_map` (``prior_sd=None``: maximum
    likelihood); ``v`` is scale-free as ``v / mean(m)``. ``start`` is a previous fit (or
    ``(p, q, v)``) to start the search from.

    ``x`` = number of repeat transactions, ``m`` = their mean value. Customers with x = 0 carry
    no spend information here and are ignored (so the whole customer table may be passed).
    On the 946 CDNOW repeat buyers this gives p = 6.249, q = 3.745, v = 15.448,
    LL = -4055.92 (Fader, Hardie & Lee 2005b report 6.25, 3.74, 15.44).

    Raises :class:`InsufficientDataError` with fewer than five customers with x > 0, and its
    subclass :class:`DegenerateFitError` when the fit is degenerate.
    """
    x = _array("x", x, integer=True).ravel()
    m = _array("m", m).ravel()
    if x.shape != m.shape:
        raise ValueError(f"x and m must have the same length, got {x.size} and {m.size}")
    buyers = x > 0
    x, m = x[buyers], m[buyers]
    if np.any(m <= 0):
        raise ValueError("m (mean spend) must be positive for customers with x > 0")
    if x.size < MIN_GAMMA_GAMMA_CUSTOMERS:
        raise InsufficientDataError(
            "too_few_repeat_customers",
            model="Gamma-Gamma",
            minimum=MIN_GAMMA_GAMMA_CUSTOMERS,
            count=x.size,
        )

    # The search evaluates the likelihood hundreds of times. Summed over customers, it is
    #   sum_k n_k [gammaln(p u_k + q) - gammaln(p u_k)] - N gammaln(q) + N q log v
    #   + p sum(x log m) - sum(log m) + p sum(x log x) - p sum(x L) - q sum(L)
    # with u_k the distinct x (n_k customers each; a few hundred at most, as x counts
    # purchases) and L = log(v + m x): the gammaln terms are computed once per distinct x, the
    # sums without parameters once, and each evaluation has a single log over customers.
    n = x.size
    distinct, counts = np.unique(x, return_counts=True)
    log_m, mx = np.log(m), m * x
    sum_log_m = np.sum(log_m)
    sum_x_log_mx = np.sum(x * log_m) + np.sum(x * np.log(x))

    scales = np.array([1.0, 1.0, float(np.mean(m))])

    def neg_ll(log_params):
        p, q, v = np.exp(log_params) * scales
        log_v_mx = np.log(v + mx)
        pu = p * distinct
        total = (
            np.dot(counts, gammaln(pu + q) - gammaln(pu))
            - n * (gammaln(q) - q * np.log(v))
            + p * sum_x_log_mx
            - sum_log_m
            - p * np.dot(x, log_v_mx)
            - q * np.sum(log_v_mx)
        )
        # mean, not sum, so the optimiser tolerances do not depend on the number of customers
        return -total / n

    names = ("p", "q", "v")
    u, prior_share, regularised = _fit_map(
        neg_ll, names, n, start=_start(start, GammaGammaFit, names, scales), prior_sd=prior_sd
    )
    p, q, v = (float(val) for val in np.exp(u) * scales)
    ll = float(np.sum(_gg_log_likelihood(p, q, v, x, m)))
    return GammaGammaFit(p, q, v, ll, x.size, prior_share, regularised)


def gamma_gamma_expected_spend(params, x, m):
    """E[M | x, m] = (q - 1) / (p x + q - 1) * v p / (q - 1) + p x / (p x + q - 1) * m.

    Fader, Hardie & Lee (2005b): a weighted average of the population mean spend
    v p / (q - 1) and the client's own mean m, the weight on m growing with x. For x = 0 it is
    the population mean, finite only for q > 1 (``inf`` otherwise).
    """
    p, q, v = _gg_params(params)
    x = _array("x", x, integer=True)
    m = _array("m", m)
    if x.ndim > 0 and m.ndim > 0 and x.shape != m.shape:
        raise ValueError(f"x and m must have the same length, got shapes {x.shape}, {m.shape}")
    x, m = np.broadcast_arrays(x, m)
    denominator = p * x + q - 1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        spend = np.where(denominator > 0, p * (v + m * x) / denominator, np.inf)
    return _out(spend)


# ----------------------------------------------------------------------------------------------
# lifetime value


def customer_lifetime_value(
    bgnbd_params,
    gg_params,
    x,
    t_x,
    T,
    m,
    horizon_periods: int,
    discount_rate_per_period: float,
):
    """Discounted expected value of a non-contract client over the next ``horizon_periods``.

    Expected purchases in period i are the increase of the BG/NBD conditional expectation,
    E[Y(i)] - E[Y(i - 1)]; each is valued at the Gamma-Gamma expected spend and discounted to
    today at the end of the period, 1 / (1 + d)^i (the discrete-time version of Fader, Hardie &
    Lee 2005b; frequency and spend are assumed independent, as the paper checks).
    Periods are in the time unit of ``t_x`` and ``T`` (e.g. weeks), and so is the rate.
    """
    x, t_x, T = _rft(x, t_x, T)
    spend = np.asarray(gamma_gamma_expected_spend(gg_params, x, m))
    purchases = np.asarray(
        bgnbd_discounted_expected_purchases(
            bgnbd_params, discount_rate_per_period, x, t_x, T, horizon_periods
        )
    )
    return _out(spend * purchases)
