"""Tests for acct_firm_core.statement."""

from datetime import date, datetime

import pytest

from acct_firm_core.statement import (
    PeriodError,
    counts_by_kind,
    default_period,
    documents_of_kinds,
    documents_section,
    format_hours,
    hours_section,
    invoices_section,
    parse_period,
    period_from_code,
    recent_years,
    requests_section,
)


@pytest.mark.parametrize(
    ("kind", "value", "start", "end", "code"),
    [
        ("month", "2026-02", date(2026, 2, 1), date(2026, 2, 28), "2026-02"),
        ("month", "2024-02", date(2024, 2, 1), date(2024, 2, 29), "2024-02"),
        ("quarter", "2026-Q1", date(2026, 1, 1), date(2026, 3, 31), "2026-Q1"),
        ("quarter", "2026-q4", date(2026, 10, 1), date(2026, 12, 31), "2026-Q4"),
        ("year", "2025", date(2025, 1, 1), date(2025, 12, 31), "2025"),
    ],
)
def test_parse_period(kind, value, start, end, code):
    period = parse_period(kind, value)
    assert (period.date_from, period.date_to, period.code) == (start, end, code)
    assert period_from_code(code) == period


def test_parse_range_both_days_included():
    period = parse_period("range", date_from="2026-01-05", date_to="2026-02-10")
    assert (period.date_from, period.date_to) == (date(2026, 1, 5), date(2026, 2, 10))
    assert period.code == "2026-01-05..2026-02-10"
    assert period_from_code(period.code) == period
    one_day = parse_period("range", date_from=date(2026, 3, 1), date_to=date(2026, 3, 1))
    assert one_day.date_from == one_day.date_to


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("week", "2026-01"), "kind"),
        (("month", "2026-13"), "value"),
        (("month", "2026-1"), "value"),
        (("month", "abcd-01"), "value"),
        (("month", ""), "value"),
        (("month", None), "value"),
        (("quarter", "2026-Q5"), "value"),
        (("quarter", "2026"), "value"),
        (("year", "26"), "value"),
        (("year", "1700"), "value"),
        (("year", "2026; DROP"), "value"),
    ],
)
def test_bad_periods_are_refused(args, reason):
    with pytest.raises(PeriodError) as error:
        parse_period(*args)
    assert error.value.reason == reason


def test_bad_ranges_are_refused():
    with pytest.raises(PeriodError) as error:
        parse_period("range", date_from="2026-02-10", date_to="2026-01-05")
    assert error.value.reason == "order"
    with pytest.raises(PeriodError) as error:
        parse_period("range", date_from="2010-01-01", date_to="2026-01-01")
    assert error.value.reason == "length"
    with pytest.raises(PeriodError) as error:
        parse_period("range", date_from="2026-02-30", date_to="2026-03-01")
    assert error.value.reason == "value"
    with pytest.raises(PeriodError):
        parse_period("range", date_from="2026-01-01")
    with pytest.raises(PeriodError):
        parse_period("range", date_from=datetime(2026, 1, 1), date_to=date(2026, 1, 2))


def test_default_period_is_the_previous_month():
    assert default_period(date(2026, 1, 15)).code == "2025-12"
    assert default_period(date(2026, 3, 1)).code == "2026-02"
    assert recent_years(date(2026, 5, 1), 3) == [2026, 2025, 2024]


def test_hours_section_keeps_order_and_puts_unclassified_last():
    section = hours_section([("Bookkeeping", 3.5), (None, 0.25), ("VAT", 0), ("Payroll", 1)])
    assert section["rows"] == [("Bookkeeping", 3.5), ("Payroll", 1.0), (None, 0.25)]
    assert section["total"] == 4.75
    assert hours_section([]) == {"rows": [], "total": 0}


def test_documents_section_merges_received_and_returned():
    received = counts_by_kind(
        {
            (1, "invoices", date(2026, 1, 1)): 4,
            (1, "invoices", date(2026, 2, 1)): 3,
            (1, "bank", date(2026, 1, 1)): 2,
        }
    )
    assert received == {"invoices": 7, "bank": 2}
    section = documents_section(
        received, {"invoices": 1, "payroll": 0}, {"invoices": "Фактури", "bank": "Банка"}
    )
    assert section["rows"] == [("bank", "Банка", 2, 0), ("invoices", "Фактури", 7, 1)]
    assert (section["received"], section["returned"]) == (9, 1)
    narrowed = documents_of_kinds(section, ["invoices", "payroll"])
    assert narrowed == {"rows": [("invoices", "Фактури", 7, 1)], "received": 7, "returned": 1}
    assert documents_of_kinds(section, [])["rows"] == []


def test_requests_and_invoices_sections():
    section = requests_section([("Certificate", 1), ("Consultation", 3), ("Copy", 0)])
    assert section == {"rows": [("Consultation", 3), ("Certificate", 1)], "total": 4}
    invoices = invoices_section([{"amount": 120.0}, {"amount": -20.5}])
    assert invoices["total"] == 99.5


def test_format_hours():
    assert format_hours(1.5) == "1:30"
    assert format_hours(0) == "0:00"
    assert format_hours(12.26) == "12:16"
