"""Tests for acct_firm_core.periods."""

from datetime import date, datetime

import pytest

from acct_firm_core.periods import (
    iter_periods,
    next_period,
    parse_period_code,
    period_code,
    period_end,
    period_start,
)


@pytest.mark.parametrize(
    ("periodicity", "day", "start"),
    [
        ("month", date(2026, 3, 17), date(2026, 3, 1)),
        ("month", date(2026, 3, 1), date(2026, 3, 1)),
        ("quarter", date(2026, 1, 1), date(2026, 1, 1)),
        ("quarter", date(2026, 3, 31), date(2026, 1, 1)),
        ("quarter", date(2026, 5, 20), date(2026, 4, 1)),
        ("quarter", date(2026, 9, 30), date(2026, 7, 1)),
        ("quarter", date(2026, 12, 31), date(2026, 10, 1)),
        ("year", date(2026, 7, 4), date(2026, 1, 1)),
        ("event", date(2026, 3, 5), date(2026, 3, 5)),
    ],
)
def test_period_start(periodicity, day, start):
    assert period_start(periodicity, day) == start


@pytest.mark.parametrize(
    ("periodicity", "start", "end"),
    [
        ("month", date(2026, 1, 1), date(2026, 1, 31)),
        ("month", date(2026, 2, 1), date(2026, 2, 28)),
        ("month", date(2028, 2, 1), date(2028, 2, 29)),
        ("month", date(2026, 12, 1), date(2026, 12, 31)),
        ("quarter", date(2026, 1, 1), date(2026, 3, 31)),
        ("quarter", date(2026, 4, 1), date(2026, 6, 30)),
        ("quarter", date(2026, 10, 1), date(2026, 12, 31)),
        ("year", date(2026, 1, 1), date(2026, 12, 31)),
        ("event", date(2026, 3, 5), date(2026, 3, 5)),
    ],
)
def test_period_end(periodicity, start, end):
    assert period_end(periodicity, start) == end


@pytest.mark.parametrize(
    ("periodicity", "start", "following"),
    [
        ("month", date(2026, 1, 1), date(2026, 2, 1)),
        ("month", date(2026, 12, 1), date(2027, 1, 1)),
        ("quarter", date(2026, 10, 1), date(2027, 1, 1)),
        ("year", date(2026, 1, 1), date(2027, 1, 1)),
    ],
)
def test_next_period(periodicity, start, following):
    assert next_period(periodicity, start) == following


def test_iter_periods_includes_the_period_containing_last_date():
    assert list(iter_periods("month", date(2025, 11, 1), date(2026, 2, 15))) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]
    assert list(iter_periods("quarter", date(2025, 7, 1), date(2026, 1, 1))) == [
        date(2025, 7, 1),
        date(2025, 10, 1),
        date(2026, 1, 1),
    ]
    assert list(iter_periods("year", date(2025, 1, 1), date(2027, 12, 31))) == [
        date(2025, 1, 1),
        date(2026, 1, 1),
        date(2027, 1, 1),
    ]


def test_iter_periods_empty_when_last_date_is_before_first_start():
    assert list(iter_periods("month", date(2026, 3, 1), date(2026, 2, 28))) == []


def test_iter_periods_validates_eagerly():
    # No next() needed: a bad call fails where it is made.
    with pytest.raises(ValueError, match="not the start of a month period"):
        iter_periods("month", date(2026, 3, 2), date(2026, 12, 31))
    with pytest.raises(ValueError, match="do not repeat"):
        iter_periods("event", date(2026, 3, 2), date(2026, 12, 31))


@pytest.mark.parametrize(
    ("periodicity", "start", "code"),
    [
        ("month", date(2026, 3, 1), "2026-03"),
        ("quarter", date(2026, 1, 1), "2026-Q1"),
        ("quarter", date(2026, 10, 1), "2026-Q4"),
        ("year", date(2026, 1, 1), "2026"),
        ("event", date(2026, 3, 5), "2026-03-05"),
    ],
)
def test_period_code_round_trip(periodicity, start, code):
    assert period_code(periodicity, start) == code
    assert parse_period_code(code) == (periodicity, start)


@pytest.mark.parametrize(
    "code", ["", "26", "2026-3", "2026-13", "2026-Q5", "2026-Q0", "2026-02-30", "2026/03", None]
)
def test_parse_period_code_rejects_bad_codes(code):
    with pytest.raises(ValueError, match="Invalid period code"):
        parse_period_code(code)


def test_bad_input_raises_value_error():
    with pytest.raises(ValueError, match="Unknown periodicity 'week'"):
        period_start("week", date(2026, 1, 1))
    with pytest.raises(ValueError, match="must be a datetime.date"):
        period_start("month", "2026-01-01")
    with pytest.raises(ValueError, match="must be a datetime.date"):
        period_start("month", datetime(2026, 1, 1, 12, 0))
    with pytest.raises(ValueError, match="not the start of a quarter period"):
        period_end("quarter", date(2026, 2, 1))
    with pytest.raises(ValueError, match="not the start of a year period"):
        period_code("year", date(2026, 2, 1))
    with pytest.raises(ValueError, match="do not repeat"):
        next_period("event", date(2026, 2, 1))


def test_month_start_of_a_document_period():
    from acct_firm_core.periods import month_start

    assert month_start(2026, "3") == date(2026, 3, 1)
    assert month_start(2026, None) == date(2026, 1, 1)
    assert month_start(1800, "1") is None
    assert month_start(0) is None
