"""Tests of the retention rule: periods per class, the longest class wins, day boundaries."""

import datetime

import pytest

from acct_firm_core.retention import (
    DEFAULT_CLASS,
    RETENTION_YEARS,
    RetentionError,
    retention_end,
    retention_years,
)


@pytest.mark.parametrize(
    ("klass", "years"), [("payroll", 50), ("registers", 10), ("tax", 10), ("other", 5)]
)
def test_years_per_class(klass, years):
    assert retention_years([klass]) == years
    # Counted from 1 January of the next year: documents of 2020 end on 31 December 2020 + N.
    assert retention_end(2020, [klass]) == datetime.date(2020 + years, 12, 31)


def test_longest_class_wins():
    assert retention_end(2021, ["other", "payroll", "tax"]) == datetime.date(2071, 12, 31)


def test_no_class_means_the_default_class():
    assert DEFAULT_CLASS in RETENTION_YEARS
    assert retention_end(2020) == datetime.date(2025, 12, 31)
    assert retention_end(2020, []) == retention_end(2020, [DEFAULT_CLASS])


def test_unknown_class_is_refused():
    with pytest.raises(RetentionError, match="Unknown retention class 'forever'"):
        retention_end(2020, ["other", "forever"])


@pytest.mark.parametrize("year", [None, "2020", 2020.0, True, 1800, 9990])
def test_bad_year_is_refused(year):
    with pytest.raises(RetentionError):
        retention_end(year, ["payroll"])
