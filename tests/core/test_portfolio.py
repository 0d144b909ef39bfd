"""Client metrics from grouped monthly rows (acct_firm_core.portfolio)."""

import random
from datetime import date

import numpy as np
import pytest

from acct_firm_core.portfolio import (
    measure,
    month_end,
    month_index,
    month_start,
    tenure_months,
    window_start,
)
from acct_firm_core.scores import linear_trend

WINDOWS = {
    "value": 12,
    "frequency": 12,
    "recency": 12,
    "tenure": 12,
    "payment_delay": 12,
    "complaints": 12,
    "satisfaction": 12,
    "growth": 12,
    "margin": 12,
}
END = month_index(date(2026, 6, 1))


def test_month_index_differences_are_months():
    assert month_index(date(2026, 1, 31)) - month_index(date(2025, 12, 1)) == 1
    assert month_index(date(2026, 6, 15)) - month_index(date(2024, 6, 1)) == 24


def test_month_bounds():
    assert month_start(END) == date(2026, 6, 1)
    assert month_end(END) == date(2026, 6, 30)
    assert month_end(month_index(date(2024, 2, 10))) == date(2024, 2, 29)
    assert month_end(month_index(date(2025, 12, 10))) == date(2025, 12, 31)
    # the 12 months ending in June 2026 start in July 2025
    assert window_start(END, 12) == date(2025, 7, 1)


def test_tenure_counts_whole_months_as_an_age():
    cutoff = date(2026, 6, 30)
    assert tenure_months(date(2025, 1, 10), cutoff) == 17
    assert tenure_months(date(2025, 1, 10), date(2026, 7, 10)) == 18
    # a client taken on the 1st has every month in full at a month-end
    assert tenure_months(date(2025, 1, 1), cutoff) == 18
    assert tenure_months(date(2026, 6, 1), cutoff) == 1
    assert tenure_months(date(2026, 6, 30), cutoff) == 0
    # the end of a longer month: one month once the shorter one is over
    assert tenure_months(date(2026, 1, 31), date(2026, 2, 27)) == 0
    assert tenure_months(date(2026, 1, 31), date(2026, 2, 28)) == 1
    assert tenure_months(None, cutoff) == 0
    assert tenure_months(date(2026, 7, 1), cutoff) == 0


def test_client_dates_give_tenure_and_recency():
    """The day the client became a client counts for tenure, not only its first invoiced
    month; its last invoice counts for recency even if a credit note netted its month."""
    invoices = [(1, END - 5, 100.0), (1, END - 1, 0.0), (2, END - 3, 50.0)]
    windows = {"tenure": 120, "recency": 12}
    metrics, _history = measure(
        [1, 2, 3],
        END,
        windows,
        invoices,
        client_dates={1: (date(2024, 6, 15), date(2026, 5, 20)), 3: (date(2026, 3, 1), None)},
    )
    assert metrics[1]["tenure_months"] == 24 and metrics[1]["recency"] == 1
    # without dates: from the first day of the first invoiced month, as before
    assert metrics[2]["tenure_months"] == 4 and metrics[2]["recency"] == 3
    # a client with an engagement but no invoice yet has a tenure
    assert metrics[3]["tenure_months"] == 4 and metrics[3]["recency"] == 13


def test_measured_on_a_day_of_the_month():
    """The client card measures on today's date: tenure to that day."""
    metrics, _history = measure(
        [1],
        END,
        {"tenure": 120},
        [(1, END, 10.0)],
        client_dates={1: (date(2025, 6, 20), date(2026, 6, 1))},
        cutoff=date(2026, 6, 15),
    )
    assert metrics[1]["tenure_months"] == 11
    with pytest.raises(ValueError, match="cut-off"):
        measure([1], END, {"tenure": 120}, [], cutoff=date(2026, 7, 1))


def test_one_client_by_hand():
    invoices = [
        (7, END - 13, 100.0),  # outside the 12-month window: tenure and past value only
        (7, END - 5, 200.0),
        (7, END - 2, -50.0),  # a credit note month: nets the value, is no invoiced month
        (7, END - 1, 300.0),
    ]
    delays = [(7, END - 3, 10.0, 2), (7, END - 1, 20.0, 1)]
    costs = {7: (120.0, date(2026, 6, 3))}  # logged work this month: recency 0
    metrics, history = measure(
        [7, 8],
        END,
        WINDOWS,
        invoices,
        delays,
        costs=costs,
        complaints={7: 2},
        ratings={7: 4.5},
        engaged={7},
        ended={8},
    )
    m = metrics[7]
    assert m["value"] == 450.0
    assert m["past_value"] == 550.0
    assert m["frequency"] == 2
    assert m["invoiced_months"] == 3
    assert m["recency"] == 0
    assert m["tenure_months"] == 14
    assert m["payment_delay"] == pytest.approx((10 * 2 + 20) / 3)
    assert m["delay_trend"] == pytest.approx(5.0)  # 10 two months before 20
    assert m["complaints"] == 2 and m["satisfaction"] == 4.5
    # growth: last 6 months 450 against the 6 before: nothing (before) -> unknown
    assert m["growth"] is None
    assert m["cost"] == 120.0 and m["margin"] == 330.0
    assert m["active_engagement"] and not m["engagement_ended"]
    never = metrics[8]
    assert never["value"] == 0.0 and never["invoiced_months"] == 0
    assert never["recency"] == 13  # never active: longer than the window
    assert never["tenure_months"] == 0 and never["payment_delay"] is None
    assert never["complaints"] == 0 and "satisfaction" not in never
    assert never["engagement_ended"]
    assert history.clients.tolist() == [7, 8]
    assert history.first.tolist() == [END - 13, -1]
    assert history.last.tolist() == [END - 1, -1]
    assert history.repeat_spend.tolist() == [250.0, 0.0]


def test_switched_off_metrics_are_left_out():
    metrics, _history = measure([1], END, {"value": 3}, [(1, END, 10.0)])
    assert metrics[1]["value"] == 10.0
    assert "frequency" not in metrics[1] and "growth" not in metrics[1]


def test_bad_rows_are_refused():
    with pytest.raises(ValueError, match="not in the portfolio"):
        measure([1], END, WINDOWS, [(2, END, 10.0)])
    with pytest.raises(ValueError, match="payment delay rows name clients"):
        measure([1], END, WINDOWS, [], [(2, END, 5.0, 1)])
    with pytest.raises(ValueError, match="later than"):
        measure([1], END, WINDOWS, [(1, END + 1, 10.0)])
    with pytest.raises(ValueError, match="once"):
        measure([1, 1], END, WINDOWS, [])


def _reference(clients, end, windows, invoices, delays, costs):
    """The per-client loop the vectorised code replaced (kept here as the specification)."""
    data = {c: {} for c in clients}
    for client, month, amount in invoices:
        data[client][month] = amount
    by_due = {c: {} for c in clients}
    for client, month, days, count in delays:
        by_due[client][month] = (days, count)
    result = {}
    for client in clients:
        months = data[client]
        invoiced = sorted(m for m, a in months.items() if a > 0)

        def total(window, months=months):
            return sum(a for m, a in months.items() if end - window < m <= end)

        last_work = costs.get(client, (None, None))[1]
        activity = invoiced[-1:] + ([month_index(last_work)] if last_work else [])
        m = {
            "value": total(windows["value"]),
            "frequency": sum(1 for x in invoiced if end - windows["frequency"] < x),
            "recency": end - max(activity) if activity else windows["recency"] + 1,
            "tenure_months": end - invoiced[0] + 1 if invoiced else 0,
            "past_value": sum(months.values()),
        }
        window = windows["payment_delay"]
        series = [by_due[client].get(x) for x in range(end - window + 1, end + 1)]
        known = [s for s in series if s]
        if known:
            m["payment_delay"] = sum(d * n for d, n in known) / sum(n for _d, n in known)
            m["delay_trend"] = linear_trend([s[0] if s else None for s in series])
        half = max(1, windows["growth"] // 2)
        recent, before = total(half), total(2 * half) - total(half)
        m["growth"] = (recent - before) / before if before > 0 else None
        cost = costs.get(client, (None, None))[0]
        m["cost"] = float(cost) if cost else None
        m["margin"] = total(windows["margin"]) - (m["cost"] or 0.0)
        repeat = [months[x] for x in invoiced[1:]]
        spend = sum(repeat) / len(repeat) if repeat else 0.0
        result[client] = (m, len(invoiced), spend)
    return result


def test_matches_the_per_client_loop_on_random_histories():
    rng = random.Random(7)
    clients = rng.sample(range(1, 10_000), 300)
    invoices, delays, costs = [], [], {}
    for client in clients:
        for month in rng.sample(range(END - 40, END + 1), rng.randint(0, 25)):
            invoices.append((client, month, rng.choice([-80.0, 0.0, 50.0, 120.5, 999.0])))
        for month in rng.sample(range(END - 11, END + 1), rng.randint(0, 8)):
            delays.append((client, month, float(rng.randint(0, 60)), rng.randint(1, 3)))
        if rng.random() < 0.5:
            costs[client] = (rng.choice([None, 0, 75.0]), date(2026, rng.randint(1, 6), 1))
    metrics, history = measure(clients, END, WINDOWS, invoices, delays, costs=costs)
    expected = _reference(clients, END, WINDOWS, invoices, delays, costs)
    spend = dict(zip(history.clients.tolist(), history.repeat_spend.tolist(), strict=True))
    count = dict(zip(history.clients.tolist(), history.invoiced_months.tolist(), strict=True))
    for client, (m, invoiced, repeat_spend) in expected.items():
        got = metrics[client]
        for name, value in m.items():
            if value is None:
                assert got.get(name) is None, (client, name)
            else:
                assert got[name] == pytest.approx(value, abs=1e-9), (client, name)
        if "payment_delay" not in m:
            assert got["payment_delay"] is None and got["delay_trend"] is None
        assert count[client] == invoiced
        assert spend[client] == pytest.approx(repeat_spend)
    assert np.all(history.last >= history.first)
