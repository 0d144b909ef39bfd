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

This is the one definition of a client's metrics: the monthly snapshots (acct_segments) call
:func:`measure` at each month-end, and the client card's figures (acct_firm_crm,
``res_partner_figures.py``) call it at today's date, on rows of the same queries
(``acct.client.metrics`` in acct_firm_crm). So at a month-end both show the same numbers:

* revenue in a window of ``w`` months: net untaxed amount (invoices minus credit notes) of the
  calendar months ``end - w + 1 .. end``, up to the cut-off day;
* frequency: the months with a positive net invoiced amount in the window (a year's window
  gives the invoiced months per year);
* tenure: whole months from the day the client became a client (the earliest of its "client
  since" date, its first engagement and its first invoice) to the end of the cut-off day,
  counted as an age is counted (:func:`tenure_months`);
* days paid late: the average, over the customer invoices due in the window, of the days from
  the due date to the full payment, never below 0; an invoice still open at the cut-off is
  late until the cut-off;
* last invoice: the date of the latest posted customer invoice up to the cut-off.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from .scores import linear_trends


def month_index(day) -> int:
    """Months since year 0 of a date: differences are month counts."""
    return day.year * 12 + day.month - 1


def month_start(index: int) -> date:
    """The first day of the month of a month index (the inverse of :func:`month_index`)."""
    return date(index // 12, index % 12 + 1, 1)


def window_start(end: int, window: int) -> date:
    """The first day of a window of ``window`` months ending with month ``end``."""
    return month_start(end - window + 1)


def month_end(index: int) -> date:
    """The last day of the month of a month index: a month's cut-off."""
    return month_start(index + 1) - timedelta(days=1)


def tenure_months(start: date | None, cutoff: date) -> int:
    """Whole months a client has been with the firm at the end of the ``cutoff`` day, from
    the day it became a client (``start``), counted as an age is: a client since 10 January
    has 17 months on 30 June of the next year and 18 from 10 July. 0 without a start or
    with a start after the cut-off.

    Why whole months from the day, and not calendar months touched: a client taken on at
    the end of a month is not a month old the next morning, and a client taken on the 1st
    counts every month in full at each month-end (the snapshots' cut-off)."""
    if start is None or start > cutoff:
        return 0
    end = cutoff + timedelta(days=1)
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


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
    client_dates: Mapping | None = None,
    cutoff: date | None = None,
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
    :param client_dates: ``{client: (start, last invoice)}``: the day the client became a
        client and the date of its latest invoice up to the cut-off (either None). A client
        left out starts on the first day of its first invoiced month and its last invoice is
        in its last invoiced month.
    :param cutoff: the day measured, in month ``end``; the month's last day by default.

    Returns ``(metrics, history)``: ``{client: {metric: value}}`` for the scores (plus
    ``invoiced_months``, ``past_value``, ``active_engagement`` and ``engagement_ended``) and
    the :class:`InvoiceHistory` for the models.
    """
    ids = np.asarray(sorted(clients), dtype=np.int64)
    n = len(ids)
    if len(set(clients)) != n:
        raise ValueError("each client must be given once")
    costs, complaints, ratings = costs or {}, complaints or {}, ratings or {}
    client_dates = client_dates or {}
    cutoff = cutoff or month_end(end)
    if month_index(cutoff) != end:
        raise ValueError("the cut-off must be a day of the measured month")

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
    known_dates = [client_dates.get(client) for client in ids.tolist()]
    if "recency" in windows:
        last_work = np.array(
            [-1 if day is None else month_index(day) for _cost, day in cost_and_work],
            dtype=np.int64,
        )
        last_invoice = np.array(
            [
                default if dates is None else (-1 if dates[1] is None else month_index(dates[1]))
                for dates, default in zip(known_dates, last.tolist(), strict=True)
            ],
            dtype=np.int64,
        )
        latest = np.maximum(last_invoice, last_work)
        columns["recency"] = np.where(latest >= 0, end - latest, windows["recency"] + 1)
    if "tenure" in windows:
        columns["tenure_months"] = np.array(
            [
                tenure_months(
                    dates[0] if dates else (month_start(start) if start >= 0 else None), cutoff
                )
                for dates, start in zip(known_dates, first.tolist(), strict=True)
            ],
            dtype=np.int64,
        )
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
