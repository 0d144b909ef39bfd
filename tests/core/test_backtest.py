"""The holdout backtest on CDNOW: calibration up to 1997-09-30, the 39 weeks after it held
out. The BG/NBD and BG/BB forecasts must beat the naive one (the calibration rate carried
forward) in mean absolute error per customer; the totals are printed beside the actual
(``pytest -s`` shows them)."""

from pathlib import Path

import numpy as np
import pytest

from acct_firm_core.backtest import backtest, monthly_backtest

DATA = Path(__file__).resolve().parents[1] / "data" / "cdnow_calibration_holdout.csv"
HOLDOUT_DAYS = 39 * 7


@pytest.fixture(scope="module")
def cdnow_backtest():
    data = np.genfromtxt(DATA, delimiter=",", names=True)
    # Repeat purchases are counted as distinct days: in days, each day is one opportunity of
    # the discrete-time BG/BB, and the BG/NBD is the same model in any time unit.
    days = [np.round(data[name] * 7) for name in ("t_x", "T")]
    return backtest(data["x"], days[0], days[1], data["x_holdout"], HOLDOUT_DAYS)


def test_models_beat_the_naive_forecast_on_the_cdnow_holdout(cdnow_backtest):
    naive = cdnow_backtest["naive"]
    print()
    for code in ("bgnbd", "bgbb", "naive"):
        forecast = cdnow_backtest[code]
        print(
            f"CDNOW 39-week holdout, {code:5}: forecast {forecast.total:7.1f} purchases, "
            f"actual {forecast.actual:.0f}, MAE per customer {forecast.mae:.4f}"
        )
    for code in ("bgnbd", "bgbb"):
        forecast = cdnow_backtest[code]
        assert forecast.error == ""
        assert forecast.mae < naive.mae
        # the model forecast is closer to the actual total than the naive one
        assert abs(forecast.total - forecast.actual) < abs(naive.total - naive.actual)
    assert naive.actual == 1882


def test_backtest_figures_on_cdnow(cdnow_backtest):
    bgnbd, bgbb, naive = (cdnow_backtest[code] for code in ("bgnbd", "bgbb", "naive"))
    # BG/NBD in days: the published CDNOW fit in weeks, alpha scaled by 7
    assert bgnbd.parameters["r"] == pytest.approx(0.2426, abs=5e-4)
    assert bgnbd.parameters["alpha"] / 7 == pytest.approx(4.4135, abs=5e-3)
    assert (bgnbd.total, bgnbd.mae) == pytest.approx((1653.4, 0.7855), abs=0.05)
    assert (bgbb.total, bgbb.mae) == pytest.approx((1648.7, 0.7519), abs=0.05)
    assert (naive.total, naive.mae) == pytest.approx((2930.1, 1.0237), abs=0.05)
    # per holdout day: the totals add up, and the forecast falls as customers drop out
    assert sum(bgbb.per_period) == pytest.approx(bgbb.total)
    assert len(bgbb.per_period) == HOLDOUT_DAYS
    assert bgbb.per_period[0] > bgbb.per_period[-1]


def test_backtest_reports_a_degenerate_fit_instead_of_a_forecast():
    # ten customers who never came back: no model, the naive forecast of 0 stays
    result = backtest(np.zeros(10), np.zeros(10), np.full(10, 12), np.ones(10), 12)
    assert result["bgbb"].total is None and "repeat" in str(result["bgbb"].error)
    assert result["bgnbd"].mae is None
    assert result["naive"].total == 0 and result["naive"].mae == 1.0
    # nobody to backtest: no error of the naive forecast either
    empty = backtest([], [], [], [], 12)
    assert empty["naive"].mae is None and "at least 10" in str(empty["bgbb"].error)


def test_monthly_backtest_on_invoice_rows():
    # 150 clients from months 100-111, each invoiced in a month with its own probability
    # until it leaves (with its own monthly probability); up to month 135
    rng = np.random.default_rng(3)
    rows = []
    for client in range(150):
        buy, leave = rng.beta(3, 1), rng.beta(1, 20)
        for month in range(100 + client % 12, 136):
            if month == 100 + client % 12 or rng.random() < buy:
                rows.append((client, month, float(rng.integers(50, 500))))
            if rng.random() < leave:
                break
    rows.append((999, 130, 50.0))  # a client first invoiced in the holdout is not counted
    rows.append((998, 110, -20.0))  # a credit note alone is no invoiced month
    results, clients = monthly_backtest(rows, end=135, holdout=12)
    assert clients == 150
    naive = results["naive"]
    actual = sum(1 for c, m, a in rows if a > 0 and 124 <= m <= 135 and c < 150)
    assert naive.actual == actual
    assert sum(naive.actual_per_period) == actual and len(naive.actual_per_period) == 12
    for code in ("bgbb", "bgnbd"):
        forecast = results[code]
        assert forecast.error == "", forecast.error
        assert len(forecast.per_period) == 12
        assert sum(forecast.per_period) == pytest.approx(forecast.total)
        # the stopped clients are seen as probably gone: the models beat the naive rate
        assert forecast.mae < naive.mae
