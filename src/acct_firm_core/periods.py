"""Period arithmetic for statutory obligations.

A *period* is identified by its periodicity and its first day (its *start*):

* ``'month'``   - starts on the 1st of a month, e.g. 2026-03-01, code ``'2026-03'``;
* ``'quarter'`` - starts on 1 Jan/Apr/Jul/Oct, e.g. 2026-01-01, code ``'2026-Q1'``;
* ``'year'``    - starts on 1 January, e.g. 2026-01-01, code ``'2026'``;
* ``'event'``   - a one-day "period" that *is* the event (a contract signed, a vehicle
  bought), code ``'2026-03-05'``. Events do not repeat, so they have no next period.

Functions that take a ``start`` insist that it really is a period start: a monthly period
"starting" on the 17th is always a bug upstream, and silently normalising it would hide
that bug until a deadline is computed for the wrong month. Use :func:`period_start` to
normalise an arbitrary date first.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from dateutil.relativedelta import relativedelta

PERIODICITIES = ("month", "quarter", "year", "event")

# How far one period reaches; 'event' is absent on purpose (events do not repeat).
_STEP = {
    "month": relativedelta(months=1),
    "quarter": relativedelta(months=3),
    "year": relativedelta(years=1),
}

_CODE_RE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:Q(?P<quarter>[1-4])|(?P<month>\d{2})(?:-(?P<day>\d{2}))?))?$"
)


def _check_periodicity(periodicity: str) -> None:
    if periodicity not in PERIODICITIES:
        raise ValueError(
            f"Unknown periodicity {periodicity!r}; expected one of {', '.join(PERIODICITIES)}."
        )


def _check_date(value: object, what: str) -> None:
    # datetime is a subclass of date; refuse it so that a UTC timestamp is never silently
    # taken for the local (Europe/Sofia) day - the caller must convert it first.
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise ValueError(f"{what} must be a datetime.date, got {value!r}.")


def _check_start(periodicity: str, start: datetime.date) -> None:
    _check_periodicity(periodicity)
    _check_date(start, "Period start")
    if start != period_start(periodicity, start):
        raise ValueError(
            f"{start.isoformat()} is not the start of a {periodicity} period "
            f"(it would be {period_start(periodicity, start).isoformat()})."
        )


def period_start(periodicity: str, any_date: datetime.date) -> datetime.date:
    """Return the first day of the period of ``periodicity`` that contains ``any_date``.

    For ``'event'`` the period is the day itself.
    """
    _check_periodicity(periodicity)
    _check_date(any_date, "Date")
    if periodicity == "month":
        return any_date.replace(day=1)
    if periodicity == "quarter":
        return datetime.date(any_date.year, 3 * ((any_date.month - 1) // 3) + 1, 1)
    if periodicity == "year":
        return datetime.date(any_date.year, 1, 1)
    return any_date


def period_end(periodicity: str, start: datetime.date) -> datetime.date:
    """Return the last day (inclusive) of the period that starts on ``start``."""
    _check_start(periodicity, start)
    if periodicity == "event":
        return start
    return start + _STEP[periodicity] - datetime.timedelta(days=1)


def next_period(periodicity: str, start: datetime.date) -> datetime.date:
    """Return the start of the period that follows the one starting on ``start``.

    Raises ValueError for ``'event'``: an event has no successor.
    """
    _check_start(periodicity, start)
    if periodicity == "event":
        raise ValueError("Event periods do not repeat; there is no next period.")
    return start + _STEP[periodicity]


def iter_periods(
    periodicity: str, first_start: datetime.date, last_date: datetime.date
) -> Iterator[datetime.date]:
    """Yield period starts from ``first_start`` up to the last period starting on or before
    ``last_date`` (so the period containing ``last_date`` is included).

    Arguments are checked immediately, not on the first ``next()``, so that a bad call
    fails where it is made.
    """
    _check_start(periodicity, first_start)
    _check_date(last_date, "Last date")
    if periodicity == "event":
        raise ValueError("Event periods do not repeat; they cannot be iterated.")
    return _iter_starts(periodicity, first_start, last_date)


def _iter_starts(
    periodicity: str, start: datetime.date, last_date: datetime.date
) -> Iterator[datetime.date]:
    while start <= last_date:
        yield start
        start = start + _STEP[periodicity]


def period_code(periodicity: str, start: datetime.date) -> str:
    """Return the human code of a period: '2026-03', '2026-Q1', '2026' or '2026-03-05'."""
    _check_start(periodicity, start)
    if periodicity == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if periodicity == "quarter":
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if periodicity == "year":
        return f"{start.year:04d}"
    return start.isoformat()


def parse_period_code(code: str) -> tuple[str, datetime.date]:
    """Inverse of :func:`period_code`: return ``(periodicity, start)``.

    The form of the code decides the periodicity ('YYYY-MM-DD' is an event).
    """
    match = _CODE_RE.match(code) if isinstance(code, str) else None
    if not match:
        raise ValueError(
            f"Invalid period code {code!r}; expected 'YYYY', 'YYYY-Qn', 'YYYY-MM' or 'YYYY-MM-DD'."
        )
    year = int(match["year"])
    try:
        if match["quarter"]:
            return "quarter", datetime.date(year, 3 * int(match["quarter"]) - 2, 1)
        if match["day"]:
            return "event", datetime.date(year, int(match["month"]), int(match["day"]))
        if match["month"]:
            return "month", datetime.date(year, int(match["month"]), 1)
        return "year", datetime.date(year, 1, 1)
    except ValueError as exc:  # e.g. '2026-13' or '2026-02-30'
        raise ValueError(f"Invalid period code {code!r}: {exc}.")


def month_start(year, month=None) -> datetime.date | None:
    """First day of a document's period: the month given, or January of a whole-year
    document (``month`` empty). None for a year outside 1900-2999, which forms refuse."""
    if not year or not 1900 <= int(year) <= 2999:
        return None
    return datetime.date(int(year), int(month or 1), 1)
