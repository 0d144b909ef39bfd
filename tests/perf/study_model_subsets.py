#!/usr/bin/env python3
"""How many clients do the purchase models need? Fit BG/NBD and BG/BB on random subsets of
CDNOW (25, 50, 100, 200, 500 customers, 40 subsets each) and measure how far each subset
fit's predictions, for all 2,357 customers, are from the full-sample fit's.

    python3 tests/perf/study_model_subsets.py [--repeats 40]

(with ``src`` on PYTHONPATH; no Odoo, no database). It is not a benchmark (``bench.sh``
runs ``bench_*.py`` only); its output is quoted in addons/acct_segments/readme/CONFIGURE.md.

Units are days (CDNOW's repeat purchases are distinct days: one opportunity a day for the
BG/BB); the prediction is the purchases of the 39 holdout weeks (273 days). Per size and
model it prints: how the fits ended (maximum likelihood, regularised by the weak priors,
refused as degenerate), and over the fits made, the median and 90th percentile of the
relative error of the total forecast against the full-sample forecast, the median mean
absolute deviation of each customer's forecast (as a share of the mean forecast) and of the
probability alive (percentage points), and the share of subset fits whose forecast beats
the naive one (calibration rate carried forward) on the real holdout.
"""

import argparse
import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from acct_firm_core import predictive  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data" / "cdnow_calibration_holdout.csv"
SIZES = (25, 50, 100, 200, 500)
HORIZON = 39 * 7


def fit(model, x, t_x, T):
    if model == "bgbb":
        return predictive.fit_bgbb(x, t_x, T)
    return predictive.fit_bgnbd(x, t_x, T)


def predict(model, fitted, x, t_x, T):
    if model == "bgbb":
        return (
            predictive.bgbb_expected_transactions(fitted, HORIZON, x, t_x, T),
            predictive.bgbb_probability_alive(fitted, x, t_x, T),
        )
    return (
        predictive.bgnbd_expected_purchases(fitted, HORIZON, x, t_x, T),
        predictive.bgnbd_probability_alive(fitted, x, t_x, T),
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=40)
    args = parser.parse_args()
    data = np.genfromtxt(DATA, delimiter=",", names=True)
    x, holdout = data["x"], data["x_holdout"]
    t_x, T = np.round(data["t_x"] * 7), np.round(data["T"] * 7)
    naive_mae = np.mean(np.abs(np.where(T > 0, x / T, 0) * HORIZON - holdout))
    print(f"CDNOW, {x.size} customers, naive holdout MAE {naive_mae:.4f}")
    print(
        "| Clients | Model | ML / regularised / refused | Total error median (p90) "
        "| Per-client deviation | P(alive) deviation | Beats naive |"
    )
    print("|---|---|---|---|---|---|---|")
    for model in ("bgbb", "bgnbd"):
        full_forecast, full_alive = predict(model, fit(model, x, t_x, T), x, t_x, T)
        for size in SIZES:
            ended = {"ml": 0, "map": 0, "refused": 0}
            total_errors, deviations, alive_deviations, beats = [], [], [], []
            for repeat in range(args.repeats):
                rng = np.random.default_rng(1000 * size + repeat)
                chosen = rng.choice(x.size, size, replace=False)
                try:
                    fitted = fit(model, x[chosen], t_x[chosen], T[chosen])
                except predictive.InsufficientDataError:
                    ended["refused"] += 1
                    continue
                ended["map" if fitted.regularised else "ml"] += 1
                forecast, alive = predict(model, fitted, x, t_x, T)
                total_errors.append(abs(forecast.sum() / full_forecast.sum() - 1))
                deviations.append(np.mean(np.abs(forecast - full_forecast)) / full_forecast.mean())
                alive_deviations.append(100 * np.mean(np.abs(alive - full_alive)))
                beats.append(np.mean(np.abs(forecast - holdout)) < naive_mae)
            made = len(total_errors)
            if made:
                cells = (
                    f"{np.median(total_errors):.1%} ({np.percentile(total_errors, 90):.1%})",
                    f"{np.median(deviations):.1%}",
                    f"{np.median(alive_deviations):.1f} pp",
                    f"{np.mean(beats):.0%}",
                )
            else:
                cells = ("-",) * 4
            label = "BG/BB" if model == "bgbb" else "BG/NBD"
            print(
                f"| {size} | {label} | {ended['ml']} / {ended['map']} / {ended['refused']} | "
                + " | ".join(cells)
                + " |"
            )
            sys.stdout.flush()
    return os.EX_OK


if __name__ == "__main__":
    sys.exit(main())
