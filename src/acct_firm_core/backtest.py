"""Holdout backtests of the purchase models: fit on the history up to a past cut-off,
forecast the periods after it, compare with what happened.

The firm sees whether to trust a model by how far its forecast of a period it already knows
is from the truth, and whether it does better than the simplest rule: each customer keeps
the rate of the calibration period (``x / T`` purchases per period) -- the naive forecast
the models must beat. Pure functions over numpy arrays (no Odoo), used by ``acct_segments``
and tested on CDNOW's calibration/holdout split in tests/core/test_backtest.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import predictive

__all__ = ["MODELS", "Forecast", "backtest", "monthly_backtest"]

# The purchase models a backtest can compare, by code: how to fit them on (x, t_x, T) and
# how to forecast the cumulative purchases of the next periods 0..horizon.
MODELS = ("bgbb", "bgnbd")


@dataclass(frozen=True)
class Forecast:
    """One model's forecast of the holdout periods against what happened.

    ``per_period`` and ``actual_per_period`` are totals over all customers, one per holdout
    period (when the actual per period is known); ``mae`` is the mean absolute error per
    customer of the whole holdout's purchases. ``error`` says why a model gave no forecast
    (its fit was degenerate); the numbers are then empty.
    """

    model: str
    total: float | None
    actual: float
    mae: float | None
    per_period: tuple[float, ...] = ()
    actual_per_period: tuple[float, ...] = ()
    parameters: dict = field(default_factory=dict)
    error: predictive.FitReason | str = ""


def _cumulative(model: str, fit, horizon: int, x, t_x, T) -> np.ndarray:
    """Cumulative expected purchases after periods 0..horizon, one row per customer."""
    periods = np.arange(horizon + 1)
    if model == "bgbb":
        return np.asarray(predictive.bgbb_expected_transactions(fit, periods, x, t_x, T))
    return np.asarray(
        predictive.bgnbd_expected_purchases(
            fit, periods.astype(float), x[:, None], t_x[:, None], T[:, None]
        )
    )


def _fit(model: str, x, t_x, T, start=None):
    if model == "bgbb":
        fit = predictive.fit_bgbb(x, t_x, T, start=start)
        return fit, {k: getattr(fit, k) for k in ("alpha", "beta", "gamma", "delta")}
    fit = predictive.fit_bgnbd(x, t_x, T, start=start)
    return fit, {k: getattr(fit, k) for k in ("r", "alpha", "a", "b")}


def backtest(
    x, t_x, T, x_holdout, horizon: int, *, actual_per_period=None, models=MODELS, starts=None
) -> dict[str, Forecast]:
    """Fit each model on the calibration histories (x repeat purchases, the last at t_x, age
    T at the cut-off; integers for BG/BB, whose periods are opportunities) and forecast the
    next ``horizon`` periods; compare with ``x_holdout``, the purchases each customer made in
    them. Returns the forecasts by model code, and ``"naive"``: the calibration rate
    ``x / T`` carried forward (0 for a customer of age 0).

    ``actual_per_period`` (optional) is the total purchases of all customers in each holdout
    period, for the chart; ``starts`` the previous fits by model code, to start from.
    """
    x = np.asarray(x, dtype=float).ravel()
    t_x = np.asarray(t_x, dtype=float).ravel()
    T = np.asarray(T, dtype=float).ravel()
    holdout = np.asarray(x_holdout, dtype=float).ravel()
    horizon = int(horizon)
    actual = float(holdout.sum())
    actual_periods = tuple(float(v) for v in (actual_per_period or ()))
    starts = starts or {}
    results = {}
    for model in models:
        try:
            fit, parameters = _fit(model, x, t_x, T, starts.get(model))
        except predictive.InsufficientDataError as error:
            results[model] = Forecast(model, None, actual, None, error=error.reason)
            continue
        cumulative = _cumulative(model, fit, horizon, x, t_x, T).reshape(x.size, horizon + 1)
        forecast = cumulative[:, -1]
        results[model] = Forecast(
            model,
            float(forecast.sum()),
            actual,
            float(np.mean(np.abs(forecast - holdout))),
            tuple(float(v) for v in np.diff(cumulative, axis=1).sum(axis=0)),
            actual_periods,
            parameters,
        )
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(T > 0, x / T, 0.0)
    naive = rate * horizon
    results["naive"] = Forecast(
        "naive",
        float(naive.sum()),
        actual,
        float(np.mean(np.abs(naive - holdout))) if x.size else None,
        (float(rate.sum()),) * horizon,
        actual_periods,
    )
    return results


def monthly_backtest(
    invoices, end: int, holdout: int = 12, *, models=MODELS, starts=None
) -> tuple[dict[str, Forecast], int]:
    """The firm's own backtest: fit on the invoiced months up to ``end - holdout`` and
    forecast the ``holdout`` months after it, up to ``end`` (month indexes, as
    :func:`acct_firm_core.portfolio.month_index`).

    ``invoices`` are rows ``(client, month, net amount)``; a month with a positive amount is
    an invoiced month (a purchase), as in :func:`acct_firm_core.portfolio.measure`. The
    clients are those invoiced by the calibration cut-off; their invoiced months after it are
    the actual. Returns (the forecasts by model code and ``"naive"``, the number of clients).
    """
    rows = np.array(list(invoices), dtype=float).reshape(-1, 3)
    rows = rows[rows[:, 2] > 0]
    cut = end - holdout
    client_ids, position = np.unique(rows[:, 0], return_inverse=True)
    position = position.ravel()
    month = rows[:, 1].astype(np.int64)
    calibration = month <= cut
    size = client_ids.size
    first = np.full(size, np.iinfo(np.int64).max)
    last = np.full(size, -1)
    np.minimum.at(first, position[calibration], month[calibration])
    np.maximum.at(last, position[calibration], month[calibration])
    count = np.bincount(position[calibration], minlength=size)
    known = count > 0
    later = (month > cut) & (month <= end) & known[position]
    holdout_counts = np.bincount(position[later], minlength=size)
    per_month = np.bincount(month[later] - cut - 1, minlength=holdout)[:holdout]
    x = (count - 1)[known].astype(float)
    t_x = (last - first)[known].astype(float)
    T = (cut - first)[known].astype(float)
    results = backtest(
        x,
        t_x,
        T,
        holdout_counts[known],
        holdout,
        actual_per_period=per_month.tolist(),
        models=models,
        starts=starts,
    )
    return results, int(known.sum())
