"""Statutory due dates: the due-rule notation and the working-day calendar.

Two steps, kept apart because the firm must show both dates (ЗЗД чл. 72, ал. 3):

1. :func:`legal_due_date` reads a *due rule* and gives the date written in the law for a
   period, e.g. ``M+1:14`` -> the 14th of the next month.
2. :func:`effective_date` moves that date forward to the first working day, because "when
   the last day of a period is a non-working day, the period ends on the next working day".

Due-rule notation (anchors are relative to the *period start*; for events, the event date)::

    rule    := date | window | event | split
    date    := anchor ":" day
    anchor  := "M" ["+" n]      month of the period start, plus n months
             | "Q" ["+" n]      first month of the quarter of the period start, plus n quarters
             | "Y" ["+" n]      year of the period start, plus n years
    day     := DD | "EOM"       after M / Q: day of that month, or its last day
             | MM "-" DD        after Y: month and day of that year
    window  := "win[" date ".." date "]"      filing window; the due date is its end
    event   := "ev+" n "d"      n calendar days, counted from the day after the event
             | "ev+" n "m"      n months after the event
    split   := case ("|" case)*                 one case per month (or quarter) of the period
    case    := ("M" | "Q") k ["-" k2] ":" (date | "none")

Examples: ``M+1:25``, ``M:15``, ``Q+1:EOM``, ``Y+1:06-30``, ``win[Y+1:03-01..Y+1:06-30]``,
``ev+7d``, ``ev+2m``, ``M1-3:Y:04-15|M4-11:M:15|M12:Y:12-01``,
``Q1:Y:04-15|Q2:Y:07-15|Q3:Y:12-01|Q4:none``.

Choices worth knowing:

* A day that does not exist in the target month goes to that month's last day (ЗЗД чл. 72):
  ``M+1:31`` in February gives 28/29 Feb, ``Y+1:02-29`` gives 28 Feb in a common year.
  ``MM-DD`` must exist in *some* year, so ``Y:02-30`` or ``Y:04-31`` are rejected as typos.
* Anchors follow the period *start*, so for a quarterly period ``M+1`` is the month after the
  quarter's first month; quarterly rules should use ``Q`` anchors.
* A split must list every month 1-12 (or quarter 1-4) exactly once; ``none`` says on purpose
  that the period has no due date (e.g. no Q4 CIT advance), and then :func:`legal_due_date`
  returns ``None``. Forcing full coverage turns a forgotten month into a validation error.
* Keywords are case-sensitive (``M``, ``EOM``, ``win``, ``ev``, ``none``); spaces around
  ``..``, ``|`` and at the ends are ignored.
"""

from __future__ import annotations

import datetime
import functools
import re

# The stdlib module, not this one: absolute imports never resolve to the current package.
from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import holidays
from dateutil.relativedelta import relativedelta

from acct_firm_core.periods import PERIODICITIES

# --------------------------------------------------------------------------------------
# Parsed rules
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateRule:
    """``anchor:day`` - one date computed from the period start."""

    unit: str  # 'M', 'Q' or 'Y'
    offset: int  # months (M), quarters (Q) or years (Y) after the period start
    month: int | None  # only for Y rules
    day: int | None  # None means the last day of the month ('EOM')


@dataclass(frozen=True)
class EventRule:
    """``ev+Nd`` / ``ev+Nm`` - a term counted from an event date."""

    amount: int
    unit: str  # 'd' (calendar days) or 'm' (months)


@dataclass(frozen=True)
class WindowRule:
    """``win[open..close]`` - a filing window; the due date is ``close``."""

    open: DateRule
    close: DateRule


@dataclass(frozen=True)
class SplitRule:
    """Different rules by the month ('M') or quarter ('Q') in which the period starts."""

    kind: str  # 'M' or 'Q'
    cases: tuple[DateRule | None, ...]  # index 0 = month 1 / quarter 1; None = no due date


ParsedRule = DateRule | EventRule | WindowRule | SplitRule

_DATE_RE = re.compile(r"(?P<unit>[MQY])(?:\+(?P<offset>\d{1,3}))?:(?P<day>.+)")
_DAY_RE = re.compile(r"\d{1,2}")
_MONTH_DAY_RE = re.compile(r"(?P<month>\d{2})-(?P<day>\d{2})")
_EVENT_RE = re.compile(r"ev\+(?P<amount>\d{1,4})(?P<unit>[dm])")
_WINDOW_RE = re.compile(r"win\[(?P<open>.*)\.\.(?P<close>.*)\]")
_CASE_RE = re.compile(r"(?P<kind>[MQ])(?P<first>\d{1,2})(?:-(?P<last>\d{1,2}))?:(?P<rule>.*)")

_HINT = (
    "expected e.g. 'M+1:14', 'Q+1:EOM', 'Y+1:06-30', 'win[Y+1:03-01..Y+1:06-30]', "
    "'ev+3d', 'ev+2m' or 'M1-3:Y:04-15|M4-11:M:15|M12:Y:12-01'"
)


def _error(rule: str, reason: str) -> ValueError:
    return ValueError(f"Invalid due rule {rule!r}: {reason}.")


def parse_rule(rule: str) -> ParsedRule:
    """Parse a due-rule string (see the module docstring) or raise ValueError.

    Results are cached: the scheduled job evaluates the same few dozen rules many times.
    """
    if not isinstance(rule, str):
        raise ValueError(f"A due rule must be a string, got {rule!r}.")
    return _parse_cached(rule.strip())


@functools.lru_cache(maxsize=1024)
def _parse_cached(rule: str) -> ParsedRule:
    if not rule:
        raise _error(rule, "it is empty")
    if rule.startswith("win"):
        match = _WINDOW_RE.fullmatch(rule)
        if not match:
            raise _error(rule, "a window is written 'win[<date rule>..<date rule>]'")
        window = WindowRule(
            _parse_date(rule, match["open"].strip()), _parse_date(rule, match["close"].strip())
        )
        # Both ends in the same (Y) terms can be compared without a period: catch a reversed
        # window at validation time. Mixed anchors are checked when evaluated.
        if window.open.unit == window.close.unit == "Y":
            open_key = (window.open.offset, window.open.month, window.open.day)
            close_key = (window.close.offset, window.close.month, window.close.day)
            if open_key > close_key:
                raise _error(rule, "the window closes before it opens")
        return window
    if rule.startswith("ev"):
        match = _EVENT_RE.fullmatch(rule)
        if not match:
            raise _error(rule, "an event rule is written 'ev+<n>d' or 'ev+<n>m'")
        return EventRule(int(match["amount"]), match["unit"])
    if "|" in rule or _CASE_RE.fullmatch(rule):
        return _parse_split(rule)
    return _parse_date(rule, rule)


def _parse_date(rule: str, text: str) -> DateRule:
    """Parse ``anchor:day``; ``rule`` is the whole string, for error messages."""
    match = _DATE_RE.fullmatch(text)
    if not match:
        raise _error(rule, f"cannot read {text!r}; {_HINT}")
    unit, day_text = match["unit"], match["day"]
    offset = int(match["offset"] or 0)
    if unit == "Y":
        md = _MONTH_DAY_RE.fullmatch(day_text)
        if not md:
            raise _error(rule, f"after 'Y' the day is written MM-DD, got {day_text!r}")
        month, day = int(md["month"]), int(md["day"])
        try:
            # 2000 is a leap year: 02-29 is accepted (and clamped in common years), while
            # dates that never exist (02-30, 04-31, 13-01) are refused as typos.
            datetime.date(2000, month, day)
        except ValueError:
            raise _error(rule, f"{day_text!r} is not a calendar date")
        return DateRule(unit, offset, month, day)
    if day_text == "EOM":
        return DateRule(unit, offset, None, None)
    if not _DAY_RE.fullmatch(day_text) or not 1 <= int(day_text) <= 31:
        raise _error(rule, f"after '{unit}' the day is 1-31 or EOM, got {day_text!r}")
    return DateRule(unit, offset, None, int(day_text))


def _parse_split(rule: str) -> SplitRule:
    cases: dict[int, DateRule | None] = {}
    kind = None
    for part in (p.strip() for p in rule.split("|")):
        match = _CASE_RE.fullmatch(part)
        if not match:
            raise _error(rule, f"cannot read case {part!r}; a case is 'M1-3:<rule>' or 'Q4:none'")
        if kind is not None and match["kind"] != kind:
            raise _error(rule, "do not mix month (M) and quarter (Q) cases")
        kind = match["kind"]
        size = 12 if kind == "M" else 4
        first = int(match["first"])
        last = int(match["last"] or first)
        if not 1 <= first <= last <= size:
            raise _error(rule, f"bad range in case {part!r} (use 1-{size}, low to high)")
        body = match["rule"].strip()
        target = None if body == "none" else _parse_date(rule, body)
        for key in range(first, last + 1):
            if key in cases:
                raise _error(rule, f"{kind}{key} is given twice")
            cases[key] = target
    size = 12 if kind == "M" else 4
    missing = [f"{kind}{key}" for key in range(1, size + 1) if key not in cases]
    if missing:
        raise _error(rule, f"no case for {', '.join(missing)} (write '<case>:none' on purpose)")
    return SplitRule(kind, tuple(cases[key] for key in range(1, size + 1)))


def validate_rule(rule: str, periodicity: str | None = None) -> ParsedRule:
    """Raise ValueError if ``rule`` is not valid notation, or does not fit ``periodicity``.

    Meant for the Odoo constraint on the task-type record. With ``periodicity`` it also
    refuses combinations that cannot be right: an ``ev+`` rule on a recurring period, a
    month split on a non-monthly period, a quarter split on a non-quarterly one.
    Returns the parsed rule.
    """
    parsed = parse_rule(rule)
    if periodicity is None:
        return parsed
    if periodicity not in PERIODICITIES:
        raise ValueError(
            f"Unknown periodicity {periodicity!r}; expected one of {', '.join(PERIODICITIES)}."
        )
    if isinstance(parsed, EventRule) and periodicity != "event":
        raise _error(rule, f"'ev+' rules need the 'event' periodicity, not {periodicity!r}")
    if isinstance(parsed, SplitRule):
        expected = "month" if parsed.kind == "M" else "quarter"
        if periodicity != expected:
            raise _error(rule, f"{parsed.kind} cases need the {expected!r} periodicity")
    return parsed


# --------------------------------------------------------------------------------------
# Legal (unshifted) dates
# --------------------------------------------------------------------------------------


def _last_day(year: int, month: int) -> int:
    return monthrange(year, month)[1]


def _resolve(rule: DateRule, start: datetime.date) -> datetime.date:
    if rule.unit == "Y":
        year, month = start.year + rule.offset, rule.month
    else:
        first_month = start.month if rule.unit == "M" else 3 * ((start.month - 1) // 3) + 1
        months = first_month - 1 + rule.offset * (1 if rule.unit == "M" else 3)
        year, month = start.year + months // 12, months % 12 + 1
    last = _last_day(year, month)
    # EOM, or a day missing from this month (31 Apr, 29 Feb in a common year): the month's
    # last day, as ЗЗД чл. 72 does for month-counted terms.
    day = last if rule.day is None else min(rule.day, last)
    return datetime.date(year, month, day)


def _check_day(value: object, what: str) -> None:
    # Refuse datetimes: a UTC timestamp is not a Bulgarian calendar day.
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise ValueError(f"{what} must be a datetime.date, got {value!r}.")


def filing_window(
    rule: str, period_start: datetime.date
) -> tuple[datetime.date, datetime.date] | None:
    """Return ``(open_date, close_date)`` of a ``win[..]`` rule, or None for other rules.

    Both dates are legal (unshifted) dates.
    """
    _check_day(period_start, "Period start")
    parsed = parse_rule(rule)
    if not isinstance(parsed, WindowRule):
        return None
    opens, closes = _resolve(parsed.open, period_start), _resolve(parsed.close, period_start)
    if opens > closes:
        raise _error(rule, f"for the period starting {period_start} it closes before it opens")
    return opens, closes


def legal_due_date(rule: str, period_start: datetime.date) -> datetime.date | None:
    """Return the due date written in the law for the period starting ``period_start``.

    For event rules ``period_start`` is the event date. Returns None only when a split rule
    says ``none`` for this period (e.g. the Q4 CIT advance, which does not exist).
    """
    _check_day(period_start, "Period start")
    parsed = parse_rule(rule)
    if isinstance(parsed, DateRule):
        return _resolve(parsed, period_start)
    if isinstance(parsed, WindowRule):
        return filing_window(rule, period_start)[1]
    if isinstance(parsed, EventRule):
        if parsed.unit == "d":
            # Counted from the day after the event (ГПК чл. 60, ал. 1) and ending with the
            # last day (ЗЗД чл. 72, ал. 1), so the end is simply event + n.
            return period_start + datetime.timedelta(days=parsed.amount)
        # relativedelta clamps 31 Jan + 1 month to 28/29 Feb, which is ЗЗД чл. 72.
        return period_start + relativedelta(months=parsed.amount)
    key = period_start.month if parsed.kind == "M" else (period_start.month - 1) // 3 + 1
    case = parsed.cases[key - 1]
    return None if case is None else _resolve(case, period_start)


# --------------------------------------------------------------------------------------
# Non-working days
# --------------------------------------------------------------------------------------

# Labels of holidays 0.109 in 'en_US'. The tests pin the resulting lists, so a relabelling
# in a future release of the package shows up as a failing test, not a silent misfiling.
_EASTER_NAMES = ("Good Friday", "Holy Saturday", "Easter")
# Government-declared days: 'Non-working day' (e.g. РМС 808/2025), the pre-2017 moved days
# 'Day off (substituted from ...)', and the odd 'Official Holiday' (2004, 2007).
_ONE_OFF_PREFIXES = ("Non-working day", "Day off (substituted", "Official Holiday")
_EXTRA_DAY_OFF_NAME = "Extra day off"


class _Year(NamedTuple):
    days: tuple[tuple[datetime.date, str, str], ...]  # (date, kind, name), sorted
    off: frozenset[datetime.date]
    # Saturdays/Sundays the package knows were worked (pre-2017 "отработване").
    working_weekends: frozenset[datetime.date]


def _kind(names: list[str], observed: bool) -> str:
    if observed:
        return "observed"
    if any(name.startswith(_ONE_OFF_PREFIXES) for name in names):
        return "one_off"
    # 1 May 2027 is both Holy Saturday and Labour Day: call it 'easter', as the tests list
    # it inside the Easter block 30.04-03.05 (tests/core/test_deadlines.py).
    if any(name in _EASTER_NAMES for name in names):
        return "easter"
    return "official"


@functools.lru_cache(maxsize=256)
def _year(country: str, year: int) -> _Year:
    """Holidays of one country and year, computed once: the job asks thousands of times."""
    try:
        # Only the PUBLIC category: Bulgaria's 1 Nov is in SCHOOL and must not shift deadlines.
        full = holidays.country_holidays(
            country, years=year, language="en_US", categories=(holidays.PUBLIC,)
        )
        # The same without the weekend rule: whatever is missing here is an observed day.
        plain = holidays.country_holidays(
            country, years=year, language="en_US", categories=(holidays.PUBLIC,), observed=False
        )
    except NotImplementedError:
        raise ValueError(f"No holiday rules for country {country!r}.")
    days = tuple(
        (day, _kind(full.get_list(day), day not in plain), "; ".join(full.get_list(day)))
        for day in sorted(full)
    )
    working_weekends = frozenset(d for d in getattr(full, "weekend_workdays", ()) if d.year == year)
    return _Year(days, frozenset(full), working_weekends)


def _norm_country(country: str) -> str:
    if not isinstance(country, str) or not country.strip():
        raise ValueError(f"Country must be an ISO code such as 'BG', got {country!r}.")
    return country.strip().upper()


def _check_year(year: object) -> int:
    if not isinstance(year, int) or isinstance(year, bool) or not 1 <= year <= 9999:
        raise ValueError(f"Year must be an integer 1-9999, got {year!r}.")
    return year


def nonworking_days(
    country: str,
    year: int,
    extra_days_off: Iterable[datetime.date] = (),
    extra_working_days: Iterable[datetime.date] = (),
) -> list[tuple[datetime.date, str, str]]:
    """Return the sorted ``(date, kind, name)`` non-working days of ``year``.

    ``kind`` is 'official' (fixed holiday), 'easter' (Good Friday to Easter Monday),
    'observed' (the working day that replaces a holiday falling on a weekend, КТ чл. 154(2))
    or 'one_off' (government-declared days, and every date in ``extra_days_off``).
    Holidays that fall on a weekend are listed too (they are real holidays, and the
    observed day next to them only makes sense with them); ``extra_working_days`` are
    removed. Names are in English, from the ``holidays`` package.
    """
    data = _year(_norm_country(country), _check_year(year))
    working = frozenset(extra_working_days)
    days = [row for row in data.days if row[0] not in working]
    days += [
        (day, "one_off", _EXTRA_DAY_OFF_NAME)
        for day in frozenset(extra_days_off)
        if day.year == year and day not in data.off and day not in working
    ]
    return sorted(days)


def _is_working(
    day: datetime.date, country: str, days_off: frozenset, working_days: frozenset
) -> bool:
    """Weekends and the days of :func:`nonworking_days` are off; ``working_days`` wins over
    everything (e.g. a working Saturday), then ``days_off``."""
    if day in working_days:
        return True
    if day in days_off:
        return False
    data = _year(country, day.year)
    if day.weekday() >= 5:  # Saturday, Sunday
        return day in data.working_weekends
    return day not in data.off


def effective_date(
    legal_date: datetime.date,
    country: str,
    extra_days_off: Iterable[datetime.date] = (),
    extra_working_days: Iterable[datetime.date] = (),
) -> datetime.date:
    """Return the first working day on or after ``legal_date`` (ЗЗД чл. 72, ал. 3)."""
    _check_day(legal_date, "Legal date")
    country = _norm_country(country)
    days_off, working_days = frozenset(extra_days_off), frozenset(extra_working_days)
    day = legal_date
    while not _is_working(day, country, days_off, working_days):
        day += datetime.timedelta(days=1)
    return day


def add_working_days(
    start: datetime.date,
    days: int,
    country: str,
    extra_days_off: Iterable[datetime.date] = (),
    extra_working_days: Iterable[datetime.date] = (),
) -> datetime.date:
    """Return the date ``days`` working days after ``start`` (``start`` itself not counted).

    A client's request received on a Friday with 1 working day to do it is due on Monday,
    or on Tuesday when Monday is a holiday. ``days`` must be at least 1.
    """
    _check_day(start, "Start date")
    if not isinstance(days, int) or isinstance(days, bool) or days < 1:
        raise ValueError(f"Working days must be an integer of at least 1, got {days!r}.")
    country = _norm_country(country)
    days_off, working_days = frozenset(extra_days_off), frozenset(extra_working_days)
    day, left = start, days
    while left:
        day += datetime.timedelta(days=1)
        if _is_working(day, country, days_off, working_days):
            left -= 1
    return day
