"""Tests for acct_firm_core.deadlines.add_working_days (the deadline of a client's request).

Expected dates are counted by hand on the Bulgarian calendar of bg-statutory.md §1.6.
"""

from datetime import date

import pytest

from acct_firm_core.deadlines import add_working_days


def d(text):
    return date.fromisoformat(text)


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        ("2026-03-02", 1, "2026-03-04"),  # Mon +1: Tue 3 March is a holiday (Liberation Day)
        ("2026-03-02", 3, "2026-03-06"),  # Mon +3: Wed, Thu, Fri
        ("2025-11-14", 1, "2025-11-17"),  # Fri +1: over the weekend to Monday
        ("2025-11-15", 1, "2025-11-17"),  # Sat +1: Monday
        ("2026-04-09", 2, "2026-04-15"),  # Thu +2: Orthodox Easter 10-13 April 2026 off
        ("2025-12-23", 3, "2026-01-05"),  # Christmas, 31.12 and 2.1 off (one-off days)
    ],
)
def test_add_working_days_skips_weekends_and_holidays(start, days, due):
    assert add_working_days(d(start), days, "BG") == d(due)


def test_extra_days_off_and_working_saturdays_count():
    # Wed 2026-06-03 +1 is Thu 4; a one-off day off on the 4th moves it to Fri 5.
    assert add_working_days(d("2026-06-03"), 1, "BG", extra_days_off=[d("2026-06-04")]) == d(
        "2026-06-05"
    )
    # Fri 2026-06-05 +1 is Mon 8; a working Saturday on the 6th makes it Sat 6.
    assert add_working_days(d("2026-06-05"), 1, "BG", extra_working_days=[d("2026-06-06")]) == d(
        "2026-06-06"
    )


@pytest.mark.parametrize("days", [0, -1, 1.5, True, None])
def test_bad_day_counts_are_refused(days):
    with pytest.raises(ValueError):
        add_working_days(d("2026-06-03"), days, "BG")
