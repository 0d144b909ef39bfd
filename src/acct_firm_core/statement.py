"""The statement of work: the period a client picks and the sections built from grouped rows.

The Odoo side runs one grouped query per family (time, documents, filings, requests,
invoices) and hands the rows here; everything below is plain arithmetic on them, so the
page, the PDF and the tests read the same figures.

A period is picked as a month (``2026-03``), a quarter (``2026-Q1``), a year (``2026``) or a
range of days (from, to: both included).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from .periods import period_end, period_start

PERIOD_KINDS = ("month", "quarter", "year", "range")
# A statement covers at most this many days: ten years of history on one page is a report
# for the back office, not a statement.
MAX_DAYS = 3660


class PeriodError(ValueError):
    """A period that cannot be read; ``reason`` is one of REASONS, for a translated message."""

    REASONS = ("kind", "value", "order", "length")

    def __init__(self, reason: str, value: object = None):
        if reason not in self.REASONS:
            raise ValueError(reason)
        self.reason = reason
        self.value = value
        super().__init__(f"{reason}: {value!r}")


@dataclass(frozen=True)
class StatementPeriod:
    kind: str
    date_from: datetime.date
    date_to: datetime.date

    @property
    def code(self) -> str:
        """What the period picker sends back: ``2026-03``, ``2026-Q1``, ``2026`` or
        ``2026-01-05..2026-02-10``."""
        start = self.date_from
        if self.kind == "month":
            return f"{start.year}-{start.month:02d}"
        if self.kind == "quarter":
            return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(start.year)
        return f"{start.isoformat()}..{self.date_to.isoformat()}"

    @property
    def year(self) -> int:
        return self.date_from.year

    @property
    def month(self) -> int:
        return self.date_from.month

    @property
    def quarter(self) -> int:
        return (self.date_from.month - 1) // 3 + 1


def _year(text) -> int:
    text = str(text).strip()
    if len(text) != 4 or not text.isdigit() or not 1900 <= int(text) <= 2999:
        raise PeriodError("value", text)
    return int(text)


def _date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        raise PeriodError("value", value)
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        raise PeriodError("value", value) from None


def parse_period(kind: str, value=None, date_from=None, date_to=None) -> StatementPeriod:
    """The period picked: ``kind`` with ``value`` (month ``YYYY-MM``, quarter ``YYYY-Qn``,
    year ``YYYY``), or ``kind='range'`` with ``date_from`` and ``date_to`` (ISO dates or
    dates). Raises :class:`PeriodError` for anything else."""
    if kind not in PERIOD_KINDS:
        raise PeriodError("kind", kind)
    if kind == "range":
        if not date_from or not date_to:
            raise PeriodError("value", (date_from, date_to))
        start, end = _date(date_from), _date(date_to)
        if end < start:
            raise PeriodError("order", (start, end))
        if (end - start).days >= MAX_DAYS:
            raise PeriodError("length", (start, end))
        if not (1900 <= start.year and end.year <= 2999):
            raise PeriodError("value", (start, end))
        return StatementPeriod("range", start, end)
    text = str(value or "").strip()
    if kind == "year":
        start = datetime.date(_year(text), 1, 1)
    elif kind == "quarter":
        year, _sep, quarter = text.upper().partition("-Q")
        if quarter not in ("1", "2", "3", "4"):
            raise PeriodError("value", text)
        start = datetime.date(_year(year), 3 * int(quarter) - 2, 1)
    else:
        year, _sep, month = text.partition("-")
        if len(month) != 2 or not month.isdigit() or not 1 <= int(month) <= 12:
            raise PeriodError("value", text)
        start = datetime.date(_year(year), int(month), 1)
    return StatementPeriod(kind, start, period_end(kind, start))


def period_from_code(code: str) -> StatementPeriod:
    """The inverse of :attr:`StatementPeriod.code`."""
    code = str(code or "").strip()
    if ".." in code:
        date_from, _sep, date_to = code.partition("..")
        return parse_period("range", date_from=date_from, date_to=date_to)
    if "-Q" in code.upper():
        return parse_period("quarter", code)
    if "-" in code:
        return parse_period("month", code)
    return parse_period("year", code)


def default_period(today: datetime.date) -> StatementPeriod:
    """The month before ``today``: the last one the firm has finished working on."""
    start = period_start("month", today.replace(day=1) - datetime.timedelta(days=1))
    return StatementPeriod("month", start, period_end("month", start))


def recent_years(today: datetime.date, count: int = 6) -> list[int]:
    """The years the period picker offers, newest first."""
    return list(range(today.year, today.year - count, -1))


# ---------------------------------------------------------------------------- sections


def hours_section(rows) -> dict:
    """Time by work type from ``[(label, hours)]`` (one row per work type, label None for
    time without a work type). Rows keep their order; empty ones are dropped; the rows
    without a work type come last, summed."""
    kept, unclassified = [], 0.0
    for label, hours in rows:
        hours = float(hours or 0.0)
        if not hours:
            continue
        if label:
            kept.append((label, round(hours, 2)))
        else:
            unclassified += hours
    if unclassified:
        kept.append((None, round(unclassified, 2)))
    return {"rows": kept, "total": round(sum(hours for _label, hours in kept), 2)}


def counts_by_kind(counts_by_period: dict) -> dict:
    """``{kind: count}`` from ``{(client, kind, period_start): count}`` (one client)."""
    totals = defaultdict(int)
    for (_client, kind, _period), count in counts_by_period.items():
        totals[kind] += count
    return dict(totals)


def documents_section(received: dict, returned: dict, labels: dict) -> dict:
    """Documents per kind: ``received`` and ``returned`` are ``{kind code: count}``,
    ``labels`` ``{kind code: name}``. Rows ``(code, label, received, returned)`` sorted by
    label, with the totals."""
    codes = {code for code, count in (*received.items(), *returned.items()) if count}
    rows = sorted(
        (
            (code, labels.get(code) or code or "", received.get(code, 0), returned.get(code, 0))
            for code in codes
        ),
        key=lambda row: (row[1].casefold(), row[0] or ""),
    )
    return {
        "rows": rows,
        "received": sum(row[2] for row in rows),
        "returned": sum(row[3] for row in rows),
    }


def documents_of_kinds(section: dict, kinds) -> dict:
    """``section`` (from :func:`documents_section`) keeping only the rows of ``kinds``: a
    contact reads the counts of the kinds of documents it may see, no others."""
    rows = [row for row in section["rows"] if row[0] in set(kinds)]
    return {
        "rows": rows,
        "received": sum(row[2] for row in rows),
        "returned": sum(row[3] for row in rows),
    }


def requests_section(rows) -> dict:
    """Requests handled from ``[(kind label, count)]``: rows by count, then label."""
    kept = sorted(
        ((label or "", count) for label, count in rows if count),
        key=lambda row: (-row[1], row[0].casefold()),
    )
    return {"rows": kept, "total": sum(count for _label, count in kept)}


def invoices_section(rows) -> dict:
    """Invoices from ``[dict(amount=..., ...)]``: the rows as given (by date) and the
    total of their signed amounts (a credit note reduces it)."""
    rows = list(rows)
    return {"rows": rows, "total": round(sum(row["amount"] for row in rows), 2)}


def format_hours(hours: float) -> str:
    """``H:MM`` of a number of hours (the way timesheets show time)."""
    minutes = round((hours or 0.0) * 60)
    return f"{minutes // 60}:{minutes % 60:02d}"
