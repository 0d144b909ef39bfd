"""A firm's client metrics at a month-end, from grouped monthly data, for all clients at once.

The Odoo layer runs one grouped query per family of data (net invoiced amount per client and
month, payment delay per client and due month, cost of logged hours, complaints, ratings) and
hands the rows to :func:`measure`, which derives every metric of the portfolio with a few
numpy operations over all clients: a firm of 10,000 clients costs array passes, not 10,000
Python loops over their histories.

Months are integers, ``year * 12 + month - 1`` (:func:`month_index`), so that a difference of
two months is a number of months. A window of ``w`` months ending with month ``end`` holds the
months ``end - w + 1 .. end``.

The metric names are those of :mod:`acct_firm_core.scores`; a metric whose window is not
given is left out (switched off by the firm), and a metric without data is None.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .scores import linear_trends


def month_index(day) -> int:
    """Months since year 0 of a date: differences are month counts."""
    return day.year * 12 + day.month - 1


@dataclass(frozen=True)
class InvoiceHistory:
    """Each client's invoicing history, in the order of ``clients`` (what the predictive
    models need): a purchase is a month with a positive net invoiced amount.

    ``first`` and ``last`` are month indexes, -1 for a client never invoiced;
    ``repeat_spend`` is the mean amount of the invoiced months after the first one (0.0 with
    no repeat month); ``mean_spend`` that of all the invoiced months (0.0 with none);
    ``recent_months`` and ``recent_spend`` the number and mean amount of the invoiced months
    in the value window (the last 12 months by default)."""

    clients: np.ndarray
    invoiced_months: np.ndarray
    first: np.ndarray
    last: np.ndarray
    repeat_spend: np.ndarray
    mean_spend: np.ndarray | None = None
    recent_months: np.ndarray | None = None
    recent_spend: np.ndarray | None = None

    @property
    def buyers(self) -> np.ndarray:
        """Mask of the clients invoiced at least once."""
        return self.invoiced_months > 0


def _rows(rows: Iterable, width: int) -> np.ndarray:
    array = np.array(list(rows), dtype=float)
    return array.reshape(-1, width)


def measure(
    clients: Sequence,
    end: int,
    windows: Mapping[str, int],
    invoices: Iterable,
    delays: Iterable = (),
    costs: Mapping | None = None,
    complaints: Mapping | None = None,
    ratings: Mapping | None = None,
    engaged: Iterable = (),
    ended: Iterable = (),
) -> tuple[dict, InvoiceHistory]:
    """Every metric of every client at the end of month ``end``.

    :param clients: the client ids (ints), each once.
    :param windows: window in months of each active metric, by code (``value``,
        ``frequency``, ``recency``, ``tenure``, ``payment_delay``, ``complaints``,
        ``satisfaction``, ``growth``, ``margin``).
    :param invoices: rows ``(client, month, net amount)``, one per client and month, up to
        ``end`` (credit notes already netted; a month whose net is not positive is not an
        invoiced month but its amount still counts in the values).
    :param delays: rows ``(client, due month, average days late, invoices)``.
    :param costs: ``{client: (cost of the hours in the margin window or None, month of the
        last logged work or None)}``.
    :param complaints: ``{client: complaints in the window}``.
    :param ratings: ``{client: average rating in the window}``.
    :param engaged: clients with an engagement running at the cut-off.
    :param ended: clients whose engagements all ended.

    Returns ``(metrics, history)``: ``{client: {metric: value}}`` for the scores (plus
    ``invoiced_months``, ``past_value``, ``active_engagement`` and ``engagement_ended``) and
    the :class:`InvoiceHistory` for the models.
    """
    ids = np.asarray(sorted(clients), dtype=np.int64)
    n = len(ids)
    if len(set(clients)) != n:
        raise ValueError("each client must be given once")
    costs, complaints, ratings = costs or {}, complaints or {}, ratings or {}

    rows = _rows(invoices, 3)
    position = _positions(ids, rows[:, 0], "invoice")
    month = rows[:, 1].astype(np.int64)
    amount = rows[:, 2]
    if np.any(month > end):
        raise ValueError("invoice rows must not be later than the measured month")

    def total(window, mask=None):
        """Net invoiced per client in the last ``window`` months (and ``mask``)."""
        keep = month > end - window
        if mask is not None:
            keep &= mask
        return np.bincount(position[keep], amount[keep], minlength=n)

    invoiced = amount > 0
    count = np.bincount(position[invoiced], minlength=n)
    first = np.full(n, np.iinfo(np.int64).max)
    last = np.full(n, -1)
    np.minimum.at(first, position[invoiced], month[invoiced])
    np.maximum.at(last, position[invoiced], month[invoiced])
    first[count == 0] = -1
    invoiced_sum = np.bincount(position[invoiced], amount[invoiced], minlength=n)
    first_amount = np.bincount(
        position[invoiced],
        np.where(month[invoiced] == first[position[invoiced]], amount[invoiced], 0.0),
        minlength=n,
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        repeat_spend = np.where(count > 1, (invoiced_sum - first_amount) / (count - 1), 0.0)
        mean_spend = np.where(count > 0, invoiced_sum / count, 0.0)
    recent = invoiced & (month > end - windows.get("value", 12))
    recent_count = np.bincount(position[recent], minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        recent_spend = np.where(
            recent_count > 0,
            np.bincount(position[recent], amount[recent], minlength=n) / recent_count,
            0.0,
        )
    history = InvoiceHistory(
        ids, count, first, last, repeat_spend, mean_spend, recent_count, recent_spend
    )

    columns = {"past_value": np.bincount(position, amount, minlength=n)}
    if "value" in windows:
        columns["value"] = total(windows["value"])
    if "frequency" in windows:
        recent = invoiced & (month > end - windows["frequency"])
        columns["frequency"] = np.bincount(position[recent], minlength=n)
    # cost in the margin window and month of the last logged work, per client
    cost_and_work = [costs.get(client, (None, None)) for client in ids.tolist()]
    if "recency" in windows:
        last_work = np.array(
            [-1 if day is None else month_index(day) for _cost, day in cost_and_work],
            dtype=np.int64,
        )
        latest = np.maximum(last, last_work)
        columns["recency"] = np.where(latest >= 0, end - latest, windows["recency"] + 1)
    if "tenure" in windows:
        columns["tenure_months"] = np.where(count > 0, end - first + 1, 0)
    if "payment_delay" in windows:
        columns.update(_payment_delays(ids, end, windows["payment_delay"], delays))
    if "growth" in windows:
        half = max(1, windows["growth"] // 2)
        recent, both = total(half), total(2 * half)
        before = both - recent
        with np.errstate(invalid="ignore", divide="ignore"):
            columns["growth"] = np.where(before > 0, (recent - before) / before, np.nan)
    if "margin" in windows:
        cost = np.array([amount or np.nan for amount, _day in cost_and_work], dtype=float)
        columns["cost"] = cost
        columns["margin"] = total(windows["margin"]) - np.nan_to_num(cost)

    lists = {name: column.tolist() for name, column in columns.items()}
    engaged, ended = set(engaged), set(ended)
    with_complaints = "complaints" in windows
    with_ratings = "satisfaction" in windows
    counts = count.tolist()
    metrics = {}
    for i, client in enumerate(ids.tolist()):
        m = {name: _none_if_nan(values[i]) for name, values in lists.items()}
        m["invoiced_months"] = counts[i]
        m["active_engagement"] = client in engaged
        m["engagement_ended"] = client in ended
        if with_complaints:
            m["complaints"] = complaints.get(client, 0)
        if with_ratings and ratings.get(client) is not None:
            m["satisfaction"] = float(ratings[client])
        metrics[client] = m
    return metrics, history


def _payment_delays(ids, end, window, delays):
    """Average days late over the window (weighted by invoices) and its monthly trend."""
    rows = _rows(delays, 4)
    slot = rows[:, 1].astype(np.int64) - (end - window + 1)
    inside = (slot >= 0) & (slot < window)
    rows, slot = rows[inside], slot[inside]
    position = _positions(ids, rows[:, 0], "payment delay")
    days, invoices = rows[:, 2], rows[:, 3]
    weight = np.bincount(position, invoices, minlength=len(ids))
    with np.errstate(invalid="ignore", divide="ignore"):
        average = np.bincount(position, days * invoices, minlength=len(ids)) / weight
    series = np.full((len(ids), window), np.nan)
    series[position, slot] = days
    known = weight > 0
    return {
        "payment_delay": np.where(known, average, np.nan),
        "delay_trend": np.where(known, linear_trends(series), np.nan),
    }


def _positions(ids, clients, what):
    """Index in the sorted ``ids`` of each row's client; a client outside them is an error."""
    clients = clients.astype(np.int64)
    position = np.searchsorted(ids, clients)
    if clients.size and (
        np.any(position >= len(ids)) or np.any(ids[np.minimum(position, len(ids) - 1)] != clients)
    ):
        raise ValueError(f"{what} rows name clients that are not in the portfolio")
    return position


def _none_if_nan(value):
    return None if value != value else value  # NaN is the only value not equal to itself
