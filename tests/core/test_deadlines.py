"""Tests for acct_firm_core.deadlines and the BG_DUE_RULES catalogue.

Expected dates are written by hand, not produced by the code under test: from the due rules
of the catalogue (the table in addons/acct_firm_crm/readme/CONFIGURE.md, which cites each
article), the move of a deadline to the next working day (ЗЗД чл. 72, ал. 3) and the official
holidays (Кодекс на труда чл. 154, with the days the Council of Ministers declares).
"""

from datetime import date, datetime, timedelta

import pytest
from dateutil.easter import EASTER_ORTHODOX, easter

from acct_firm_core.catalogs import BG_DUE_RULES
from acct_firm_core.deadlines import (
    effective_date,
    filing_window,
    legal_due_date,
    nonworking_days,
    parse_rule,
    validate_rule,
)


def is_working_day(day, country, **extra):
    """A working day is its own effective date (the core answers through ``effective_date``)."""
    return effective_date(day, country, **extra) == day


def d(text):
    return date.fromisoformat(text)


# --------------------------------------------------------------------------------------
# Legal date -> effective date (ЗЗД чл. 72, ал. 3)
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("legal", "effective"),
    [
        # Cross-checked against NAP's published calendars of those years.
        ("2025-11-15", "2025-11-17"),  # Sat -> Mon, change of CIT advances
        ("2022-04-30", "2022-05-03"),  # Sat; 1 May (Sun) observed Mon 2 May
        ("2016-04-30", "2016-05-03"),  # PIT return 2016, extended because of Easter
        ("2021-11-14", "2021-11-15"),  # VAT, Sun -> Mon
        ("2018-06-30", "2018-07-02"),  # ГФО, Sat -> Mon
        ("2020-10-31", "2020-11-02"),  # 2nd local-tax instalment, Sat -> Mon
        # Computed by hand for 2026 and 2027 from the holidays below.
        ("2026-01-25", "2026-01-26"),
        ("2026-01-31", "2026-02-02"),
        ("2026-02-14", "2026-02-16"),
        ("2026-02-28", "2026-03-02"),
        ("2026-03-14", "2026-03-16"),
        ("2026-04-25", "2026-04-27"),
        ("2026-05-25", "2026-05-26"),
        ("2026-06-14", "2026-06-15"),
        ("2026-08-15", "2026-08-17"),
        ("2026-10-31", "2026-11-02"),
        ("2026-11-14", "2026-11-16"),
        ("2026-11-15", "2026-11-16"),
        ("2026-12-25", "2026-12-29"),
        ("2027-04-30", "2027-05-05"),
    ],
)
def test_effective_date_vectors(legal, effective):
    assert effective_date(d(legal), "BG") == d(effective)


def test_effective_date_keeps_a_working_day():
    assert effective_date(d("2026-07-15"), "BG") == d("2026-07-15")


# --------------------------------------------------------------------------------------
# Non-working days (Кодекс на труда чл. 154)
# --------------------------------------------------------------------------------------

# The official holidays falling on weekdays (a holiday on a weekend is replaced by the next
# working day, КТ чл. 154, ал. 2), plus the whole Easter block, as the government lists them.
NONWORKING_WEEKDAYS = {
    2025: "01.01; 03.03; 18–21.04; 01.05; 06.05; 26.05; 08.09; 22.09; 24–26.12; 31.12",
    2026: "01.01; 02.01; 03.03; 10–13.04; 01.05; 06.05; 25.05; 07.09; 22.09; 24–25.12; 28.12",
    2027: "01.01; 03.03; 30.04–03.05; 04.05; 06.05; 24.05; 06.09; 22.09; 24.12; 27–28.12",
}


def _expand(year, text):
    """'18–21.04' -> four dates; '30.04–03.05' -> 30 Apr to 3 May."""
    days = []
    for item in text.split("; "):
        first, _, last = item.partition("–")
        end = date(year, *reversed([int(x) for x in last.split(".")])) if last else None
        if end is None:
            days.append(date(year, *reversed([int(x) for x in first.split(".")])))
            continue
        parts = first.split(".")
        start = date(year, int(parts[1]) if len(parts) == 2 else end.month, int(parts[0]))
        days += [start + timedelta(n) for n in range((end - start).days + 1)]
    return days


@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_nonworking_days_match_the_official_list(year):
    # The list leaves out holidays that fall on a weekend (their observed day is listed
    # instead) but writes the Easter block as a whole range.
    rows = nonworking_days("BG", year)
    listed = [day for day, kind, _ in rows if day.weekday() < 5 or kind == "easter"]
    assert listed == _expand(year, NONWORKING_WEEKDAYS[year])


FULL_LISTS = {
    2025: [
        ("2025-01-01", "official"),
        ("2025-03-03", "official"),
        ("2025-04-18", "easter"),
        ("2025-04-19", "easter"),
        ("2025-04-20", "easter"),
        ("2025-04-21", "easter"),
        ("2025-05-01", "official"),
        ("2025-05-06", "official"),
        ("2025-05-24", "official"),
        ("2025-05-26", "observed"),
        ("2025-09-06", "official"),
        ("2025-09-08", "observed"),
        ("2025-09-22", "official"),
        ("2025-12-24", "official"),
        ("2025-12-25", "official"),
        ("2025-12-26", "official"),
        ("2025-12-31", "one_off"),
    ],
    2026: [
        ("2026-01-01", "official"),
        ("2026-01-02", "one_off"),
        ("2026-03-03", "official"),
        ("2026-04-10", "easter"),
        ("2026-04-11", "easter"),
        ("2026-04-12", "easter"),
        ("2026-04-13", "easter"),
        ("2026-05-01", "official"),
        ("2026-05-06", "official"),
        ("2026-05-24", "official"),
        ("2026-05-25", "observed"),
        ("2026-09-06", "official"),
        ("2026-09-07", "observed"),
        ("2026-09-22", "official"),
        ("2026-12-24", "official"),
        ("2026-12-25", "official"),
        ("2026-12-26", "official"),
        ("2026-12-28", "observed"),
    ],
    2027: [
        ("2027-01-01", "official"),
        ("2027-03-03", "official"),
        ("2027-04-30", "easter"),
        ("2027-05-01", "easter"),  # Holy Saturday and Labour Day on the same day
        ("2027-05-02", "easter"),
        ("2027-05-03", "easter"),
        ("2027-05-04", "observed"),  # Labour Day, since Mon 3 May is Easter Monday
        ("2027-05-06", "official"),
        ("2027-05-24", "official"),
        ("2027-09-06", "official"),
        ("2027-09-22", "official"),
        ("2027-12-24", "official"),
        ("2027-12-25", "official"),
        ("2027-12-26", "official"),
        ("2027-12-27", "observed"),
        ("2027-12-28", "observed"),
    ],
}


@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_nonworking_days_full_list_with_kinds(year):
    rows = nonworking_days("BG", year)
    assert [(day.isoformat(), kind) for day, kind, _ in rows] == FULL_LISTS[year]
    assert all(isinstance(name, str) and name for _, _, name in rows)


def test_nonworking_day_names_are_english():
    names = {day: name for day, _, name in nonworking_days("BG", 2027)}
    assert names[d("2027-01-01")] == "New Year's Day"
    assert names[d("2027-04-30")] == "Good Friday"
    assert "Holy Saturday" in names[d("2027-05-01")]
    assert "Labor Day" in names[d("2027-05-01")]
    assert names[d("2027-05-04")].endswith("(observed)")
    one_offs = {day: name for day, kind, name in nonworking_days("BG", 2025) if kind == "one_off"}
    assert one_offs == {d("2025-12-31"): "Non-working day"}


@pytest.mark.parametrize("year", range(2017, 2041))
def test_orthodox_easter_block_and_no_easter_substitution(year):
    sunday = easter(year, EASTER_ORTHODOX)
    rows = nonworking_days("BG", year)
    kinds = {day: kind for day, kind, _ in rows}
    # Good Friday, Holy Saturday, Easter Sunday and Easter Monday, by the Orthodox date.
    for offset in (-2, -1, 0, 1):
        assert kinds.get(sunday + timedelta(offset)) == "easter"
    # Holy Saturday and Easter Sunday are weekend days by nature and never substituted.
    assert not [name for _, kind, name in rows if kind == "observed" and "Easter" in name]
    assert not [name for _, kind, name in rows if kind == "observed" and "Holy" in name]


def test_2027_labour_day_observed_after_easter_monday():
    assert not is_working_day(d("2027-05-04"), "BG")
    assert is_working_day(d("2027-05-05"), "BG")


@pytest.mark.parametrize("year", [2025, 2026, 2027, 2028, 2029])
def test_first_of_november_is_not_a_day_off(year):
    # Ден на народните будители is a school holiday only (КТ does not list it).
    assert date(year, 11, 1) not in {day for day, _, _ in nonworking_days("BG", year)}


def test_first_of_november_on_a_weekday_is_working():
    assert is_working_day(d("2027-11-01"), "BG")  # Monday
    assert effective_date(d("2027-10-31"), "BG") == d("2027-11-01")


def test_is_working_day_basics():
    assert is_working_day(d("2026-07-15"), "BG")  # Wednesday
    assert not is_working_day(d("2026-07-18"), "BG")  # Saturday
    assert not is_working_day(d("2026-07-19"), "BG")  # Sunday
    assert not is_working_day(d("2026-03-03"), "BG")  # Liberation Day
    assert not is_working_day(d("2026-01-02"), "BG")  # one-off, РМС 808/2025


def test_extra_days_off():
    extra = [d("2026-07-15")]
    assert not is_working_day(d("2026-07-15"), "BG", extra_days_off=extra)
    assert effective_date(d("2026-07-15"), "BG", extra_days_off=extra) == d("2026-07-16")
    rows = nonworking_days("BG", 2026, extra_days_off=extra + [d("2027-07-15")])
    assert (d("2026-07-15"), "one_off", "Extra day off") in rows
    assert d("2027-07-15") not in {day for day, _, _ in rows}  # other years are ignored


def test_extra_working_days():
    saturday = d("2026-03-07")
    assert not is_working_day(saturday, "BG")
    assert is_working_day(saturday, "BG", extra_working_days=[saturday])
    assert effective_date(saturday, "BG", extra_working_days=(saturday,)) == saturday
    # A working Saturday inside a shift stops the shift there.
    assert effective_date(d("2026-03-06"), "BG", extra_days_off=[d("2026-03-06")]) == d(
        "2026-03-09"
    )
    assert (
        effective_date(
            d("2026-03-06"), "BG", extra_days_off=[d("2026-03-06")], extra_working_days=[saturday]
        )
        == saturday
    )
    # An extra working day also cancels a listed non-working day.
    rows = nonworking_days("BG", 2026, extra_working_days=[d("2026-01-02")])
    assert d("2026-01-02") not in {day for day, _, _ in rows}
    assert effective_date(d("2026-01-02"), "BG", extra_working_days=[d("2026-01-02")]) == d(
        "2026-01-02"
    )


def test_pre_2017_moved_days_from_the_package():
    # 2016: Fri 4 Mar was a day off, worked back on Sat 12 Mar ("отработване").
    kinds = {day: kind for day, kind, _ in nonworking_days("BG", 2016)}
    assert kinds[d("2016-03-04")] == "one_off"
    assert not is_working_day(d("2016-03-04"), "BG")
    assert is_working_day(d("2016-03-12"), "BG")
    assert effective_date(d("2016-03-12"), "BG") == d("2016-03-12")


def test_country_and_argument_validation():
    assert is_working_day(d("2026-07-15"), "bg")
    with pytest.raises(ValueError, match="No holiday rules for country 'ZZ'"):
        effective_date(d("2026-07-15"), "ZZ")
    with pytest.raises(ValueError, match="Country must be"):
        nonworking_days("", 2026)
    with pytest.raises(ValueError, match="Year must be"):
        nonworking_days("BG", "2026")
    with pytest.raises(ValueError, match="must be a datetime.date"):
        effective_date(datetime(2026, 7, 15, 10, 0), "BG")
    with pytest.raises(ValueError, match="must be a datetime.date"):
        is_working_day("2026-07-15", "BG")


def test_holiday_sets_are_cached():
    from acct_firm_core.deadlines import _year

    effective_date(d("2026-12-25"), "BG")
    before = _year.cache_info().hits
    effective_date(d("2026-12-25"), "BG")
    assert _year.cache_info().hits > before


# --------------------------------------------------------------------------------------
# Due-rule notation
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "start", "legal"),
    [
        ("M+1:14", "2026-01-01", "2026-02-14"),
        ("M+1:14", "2026-12-01", "2027-01-14"),
        ("M+1:25", "2026-03-01", "2026-04-25"),
        ("M:15", "2026-05-01", "2026-05-15"),
        ("M+1:EOM", "2026-01-01", "2026-02-28"),
        ("M+1:31", "2026-03-01", "2026-04-30"),  # missing day -> month end (ЗЗД чл. 72)
        ("M+1:31", "2028-01-01", "2028-02-29"),
        ("M+2:10", "2026-11-01", "2027-01-10"),
        ("Q+1:EOM", "2026-01-01", "2026-04-30"),
        ("Q+1:EOM", "2026-04-01", "2026-07-31"),
        ("Q+1:EOM", "2026-07-01", "2026-10-31"),
        ("Q+1:EOM", "2025-10-01", "2026-01-31"),
        ("Q+1:25", "2026-10-01", "2027-01-25"),
        ("Q:EOM", "2026-04-01", "2026-04-30"),
        ("Y+1:06-30", "2025-01-01", "2026-06-30"),
        ("Y+1:01-31", "2026-01-01", "2027-01-31"),
        ("Y:04-15", "2026-01-01", "2026-04-15"),
        ("Y:04-15", "2026-02-01", "2026-04-15"),  # Y is the year of any period start
        ("Y+1:02-28", "2027-01-01", "2028-02-28"),  # literal 28, also in a leap year
        ("Y+1:02-29", "2027-01-01", "2028-02-29"),
        ("Y+1:02-29", "2025-01-01", "2026-02-28"),  # 29 Feb missing -> 28 Feb
        ("Y+2:12-31", "2025-01-01", "2027-12-31"),
        ("ev+3d", "2026-03-05", "2026-03-08"),
        ("ev+7d", "2026-12-28", "2027-01-04"),
        ("ev+0d", "2026-03-05", "2026-03-05"),
        ("ev+2m", "2026-03-05", "2026-05-05"),
        ("ev+2m", "2025-12-31", "2026-02-28"),  # ЗЗД чл. 72 clamp
        ("ev+1m", "2028-01-31", "2028-02-29"),
        ("ev+12m", "2028-02-29", "2029-02-28"),
        ("M+1:10", "2026-03-19", "2026-04-10"),  # anchors also work on an event date
        (" M+1:14 ", "2026-01-01", "2026-02-14"),
    ],
)
def test_legal_due_date_simple_forms(rule, start, legal):
    assert legal_due_date(rule, d(start)) == d(legal)
    assert filing_window(rule, d(start)) is None


def test_windows():
    rule = "win[Y+1:03-01..Y+1:06-30]"
    assert filing_window(rule, d("2025-01-01")) == (d("2026-03-01"), d("2026-06-30"))
    assert legal_due_date(rule, d("2025-01-01")) == d("2026-06-30")
    # Spaces around '..' as the reference writes them.
    spaced = "win[Y:03-01 .. Y:04-15]"
    assert filing_window(spaced, d("2026-01-01")) == (d("2026-03-01"), d("2026-04-15"))
    assert filing_window("win[Y+1:01-10..Y+1:04-30]", d("2021-01-01")) == (
        d("2022-01-10"),
        d("2022-04-30"),
    )
    # Month-anchored window (open from the 1st to the 14th of the next month).
    assert filing_window("win[M+1:01..M+1:14]", d("2026-01-01")) == (
        d("2026-02-01"),
        d("2026-02-14"),
    )


CIT_MONTHLY = "M1-3:Y:04-15|M4-11:M:15|M12:Y:12-01"


@pytest.mark.parametrize(
    ("month", "legal"),
    [
        (1, "2026-04-15"),
        (2, "2026-04-15"),
        (3, "2026-04-15"),
        (4, "2026-04-15"),
        (5, "2026-05-15"),
        (6, "2026-06-15"),
        (7, "2026-07-15"),
        (8, "2026-08-15"),
        (9, "2026-09-15"),
        (10, "2026-10-15"),
        (11, "2026-11-15"),
        (12, "2026-12-01"),
    ],
)
def test_monthly_cit_advances(month, legal):
    assert legal_due_date(CIT_MONTHLY, date(2026, month, 1)) == d(legal)


CIT_QUARTERLY = "Q1:Y:04-15|Q2:Y:07-15|Q3:Y:12-01|Q4:none"


def test_quarterly_cit_advances_and_no_q4():
    assert legal_due_date(CIT_QUARTERLY, d("2026-01-01")) == d("2026-04-15")
    assert legal_due_date(CIT_QUARTERLY, d("2026-04-01")) == d("2026-07-15")
    assert legal_due_date(CIT_QUARTERLY, d("2026-07-01")) == d("2026-12-01")
    assert legal_due_date(CIT_QUARTERLY, d("2026-10-01")) is None
    assert filing_window(CIT_QUARTERLY, d("2026-10-01")) is None


def test_split_with_spaces_and_ranges():
    rule = " Q1-3:Q+1:EOM | Q4:none "
    assert legal_due_date(rule, d("2026-07-01")) == d("2026-10-31")
    assert legal_due_date(rule, d("2026-10-01")) is None


def test_parse_rule_returns_cached_equal_objects():
    assert parse_rule("M+1:14") is parse_rule("M+1:14")
    assert parse_rule(" M+1:14") == parse_rule("M+1:14")


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("", "it is empty"),
        ("   ", "it is empty"),
        ("M+1", "cannot read"),
        ("M+1:", "cannot read"),
        ("m+1:14", "cannot read"),  # keywords are case-sensitive
        ("M-1:14", "cannot read"),
        ("X+1:14", "cannot read"),
        ("M+1:32", "day is 1-31 or EOM"),
        ("M+1:0", "day is 1-31 or EOM"),
        ("M+1:eom", "day is 1-31 or EOM"),
        ("M+1:06-30", "day is 1-31 or EOM"),
        ("Q+1:LAST", "day is 1-31 or EOM"),
        ("Y+1:6-30", "day is written MM-DD"),
        ("Y+1:30", "day is written MM-DD"),
        ("Y+1:EOM", "day is written MM-DD"),
        ("Y+1:02-30", "not a calendar date"),
        ("Y+1:04-31", "not a calendar date"),
        ("Y+1:13-01", "not a calendar date"),
        ("win[Y+1:03-01]", "a window is written"),
        ("win[Y+1:03-01..Y+1:06-30", "a window is written"),
        ("win[Y+1:06-30..Y+1:03-01]", "closes before it opens"),
        ("win[Y+1:03-01..ev+3d]", "cannot read"),
        ("ev+3", "an event rule is written"),
        ("ev+3w", "an event rule is written"),
        ("ev-3d", "an event rule is written"),
        ("ev+d", "an event rule is written"),
        ("M1-3:Y:04-15|M4-11:M:15", "no case for M12"),
        ("M1-3:Y:04-15|M3-12:M:15", "M3 is given twice"),
        ("M1-3:Y:04-15|Q2-4:none", "do not mix"),
        ("M3-1:Y:04-15|M4-12:M:15", "bad range"),
        ("Q1-5:none", "bad range"),
        ("Q0:none|Q1-4:none", "bad range"),
        ("Q1:Y:04-15|Q2-4:never", "cannot read"),
        ("Q1:Y:04-15|foo|Q2-4:none", "cannot read case"),
        ("Q1-4:Y:04-15|", "cannot read case"),
        ("Q1-4:ev+3d", "cannot read"),
        ("none", "cannot read"),
    ],
)
def test_bad_rules_raise_value_error(rule, message):
    with pytest.raises(ValueError, match=message):
        parse_rule(rule)
    with pytest.raises(ValueError, match="Invalid due rule"):
        validate_rule(rule)


def test_non_string_rule():
    with pytest.raises(ValueError, match="must be a string"):
        parse_rule(None)
    with pytest.raises(ValueError, match="must be a string"):
        legal_due_date(14, d("2026-01-01"))


def test_legal_due_date_rejects_non_dates():
    with pytest.raises(ValueError, match="must be a datetime.date"):
        legal_due_date("M+1:14", "2026-01-01")
    with pytest.raises(ValueError, match="must be a datetime.date"):
        filing_window("win[Y:03-01..Y:04-15]", datetime(2026, 1, 1))


def test_window_with_mixed_anchors_is_checked_when_evaluated():
    # Mixed anchors cannot be compared without a period, so the check happens on use:
    # this window is fine for the first month of a quarter and reversed for the others.
    rule = "win[M:01..Q:EOM]"
    assert filing_window(rule, d("2026-01-01")) == (d("2026-01-01"), d("2026-01-31"))
    with pytest.raises(ValueError, match="closes before it opens"):
        filing_window(rule, d("2026-02-01"))
    with pytest.raises(ValueError, match="closes before it opens"):
        legal_due_date(rule, d("2026-02-01"))


def test_validate_rule_with_periodicity():
    assert validate_rule("M+1:14", "month") == parse_rule("M+1:14")
    assert validate_rule("M+1:10", "event")
    assert validate_rule(CIT_MONTHLY, "month")
    assert validate_rule(CIT_QUARTERLY, "quarter")
    with pytest.raises(ValueError, match="need the 'event' periodicity"):
        validate_rule("ev+3d", "month")
    with pytest.raises(ValueError, match="need the 'month' periodicity"):
        validate_rule(CIT_MONTHLY, "quarter")
    with pytest.raises(ValueError, match="need the 'quarter' periodicity"):
        validate_rule(CIT_QUARTERLY, "year")
    with pytest.raises(ValueError, match="Unknown periodicity"):
        validate_rule("M+1:14", "weekly")


# --------------------------------------------------------------------------------------
# The catalogue (BG_DUE_RULES)
# --------------------------------------------------------------------------------------

# code -> [(period start, legal date, effective date)] for a period in 2025, 2026, 2027.
# Windows add (open date) checks below. Written by hand from the rules and the holidays above.
CATALOGUE_EXPECTED = {
    "BG_VAT_RETURN": [
        ("2025-10-01", "2025-11-14", "2025-11-14"),
        ("2026-01-01", "2026-02-14", "2026-02-16"),
        ("2027-02-01", "2027-03-14", "2027-03-15"),
    ],
    "BG_VIES": [
        ("2025-05-01", "2025-06-14", "2025-06-16"),
        ("2026-05-01", "2026-06-14", "2026-06-15"),
        ("2027-08-01", "2027-09-14", "2027-09-14"),
    ],
    "BG_INTRASTAT": [
        ("2025-02-01", "2025-03-14", "2025-03-14"),
        ("2026-02-01", "2026-03-14", "2026-03-16"),
        ("2027-11-01", "2027-12-14", "2027-12-14"),
    ],
    "BG_SSC_D1_D6": [
        ("2025-04-01", "2025-05-25", "2025-05-27"),  # Sun, then 26 May observed
        ("2026-04-01", "2026-05-25", "2026-05-26"),
        ("2027-03-01", "2027-04-25", "2027-04-26"),
    ],
    "BG_PIT_PAYROLL": [
        ("2025-12-01", "2026-01-25", "2026-01-26"),
        ("2026-03-01", "2026-04-25", "2026-04-27"),
        ("2027-11-01", "2027-12-25", "2027-12-29"),  # Christmas, weekend, 27-28 observed
    ],
    "BG_SELFINS_D1": [
        ("2025-09-01", "2025-10-25", "2025-10-27"),
        ("2026-09-01", "2026-10-25", "2026-10-26"),
        ("2027-06-01", "2027-07-25", "2027-07-26"),
    ],
    "BG_CIT_ADV_M": [
        ("2025-12-01", "2025-12-01", "2025-12-01"),
        ("2026-08-01", "2026-08-15", "2026-08-17"),
        ("2027-01-01", "2027-04-15", "2027-04-15"),
    ],
    "BG_CIT_ADV_Q": [
        ("2025-07-01", "2025-12-01", "2025-12-01"),
        ("2026-04-01", "2026-07-15", "2026-07-15"),
        ("2027-01-01", "2027-04-15", "2027-04-15"),
    ],
    "BG_CIT_ADV_DECL": [
        ("2025-01-01", "2025-04-15", "2025-04-15"),
        ("2026-01-01", "2026-04-15", "2026-04-15"),
        ("2027-01-01", "2027-04-15", "2027-04-15"),
    ],
    "BG_CIT_ADV_CHANGE": [
        ("2025-01-01", "2025-11-15", "2025-11-17"),
        ("2026-01-01", "2026-11-15", "2026-11-16"),
        ("2027-01-01", "2027-11-15", "2027-11-15"),
    ],
    "BG_WHT_Q": [
        ("2025-10-01", "2026-01-31", "2026-02-02"),
        ("2026-07-01", "2026-10-31", "2026-11-02"),
        ("2027-01-01", "2027-04-30", "2027-05-05"),
    ],
    "BG_PIT_ADV_Q": [
        ("2025-01-01", "2025-04-30", "2025-04-30"),
        ("2026-04-01", "2026-07-31", "2026-07-31"),
        ("2027-07-01", "2027-10-31", "2027-11-01"),  # 1 Nov is a working day
    ],
    "BG_PIT_RECON": [
        ("2025-01-01", "2026-01-31", "2026-02-02"),
        ("2026-01-01", "2027-01-31", "2027-02-01"),
        ("2027-01-01", "2028-01-31", "2028-01-31"),
    ],
    "BG_SELFINS_TYPE": [
        ("2025-01-01", "2025-01-31", "2025-01-31"),
        ("2026-01-01", "2026-01-31", "2026-02-02"),
        ("2027-01-01", "2027-01-31", "2027-02-01"),
    ],
    "BG_PIT_ART73": [
        ("2025-01-01", "2026-02-28", "2026-03-02"),
        ("2026-01-01", "2027-02-28", "2027-03-01"),
        ("2027-01-01", "2028-02-28", "2028-02-28"),
    ],
    "BG_PIT_ANNUAL": [
        ("2025-01-01", "2026-04-30", "2026-04-30"),
        ("2026-01-01", "2027-04-30", "2027-05-05"),
        ("2027-01-01", "2028-04-30", "2028-05-02"),  # Sun, then 1 May (Mon)
    ],
    "BG_PIT_ANNUAL_ET": [
        ("2025-01-01", "2026-06-30", "2026-06-30"),
        ("2026-01-01", "2027-06-30", "2027-06-30"),
        ("2027-01-01", "2028-06-30", "2028-06-30"),
    ],
    "BG_CIT_ANNUAL": [
        ("2025-01-01", "2026-06-30", "2026-06-30"),
        ("2026-01-01", "2027-06-30", "2027-06-30"),
        ("2027-01-01", "2028-06-30", "2028-06-30"),
    ],
    "BG_NSI_GOD": [
        ("2025-01-01", "2026-06-30", "2026-06-30"),
        ("2026-01-01", "2027-06-30", "2027-06-30"),
        ("2027-01-01", "2028-06-30", "2028-06-30"),
    ],
    "BG_GFO_PUBLISH": [
        ("2025-01-01", "2026-09-30", "2026-09-30"),
        ("2026-01-01", "2027-09-30", "2027-09-30"),
        ("2027-01-01", "2028-09-30", "2028-10-02"),
    ],
    "BG_NO_ACTIVITY": [
        ("2025-01-01", "2026-06-30", "2026-06-30"),
        ("2026-01-01", "2027-06-30", "2027-06-30"),
        ("2027-01-01", "2028-06-30", "2028-06-30"),
    ],
    "BG_LOCAL_PROPERTY": [
        ("2025-01-01", "2025-06-30", "2025-06-30"),
        ("2026-01-01", "2026-06-30", "2026-06-30"),
        ("2027-01-01", "2027-06-30", "2027-06-30"),
    ],
    "BG_LOCAL_VEHICLE": [
        ("2025-01-01", "2025-06-30", "2025-06-30"),
        ("2026-01-01", "2026-06-30", "2026-06-30"),
        ("2027-01-01", "2027-06-30", "2027-06-30"),
    ],
    "EV_EMPL_CONTRACT": [
        ("2025-12-28", "2025-12-31", "2026-01-05"),  # 31.12 and 02.01 one-off, 01.01
        ("2026-04-08", "2026-04-11", "2026-04-14"),  # Holy Saturday .. Easter Monday
        ("2027-04-28", "2027-05-01", "2027-05-05"),
    ],
    # КТ чл. 62, ал. 5: 7 days after a termination.
    "EV_EMPL_TERMINATION": [
        ("2025-12-24", "2025-12-31", "2026-01-05"),  # 31.12 and 02.01 one-off, 01.01
        ("2026-04-03", "2026-04-10", "2026-04-14"),  # Good Friday .. Easter Monday
        ("2027-01-15", "2027-01-22", "2027-01-22"),
    ],
    "EV_SELFINS_START": [
        ("2025-09-01", "2025-09-08", "2025-09-09"),  # 6 Sep (Sat) observed on Mon 8 Sep
        ("2026-12-18", "2026-12-25", "2026-12-29"),
        ("2027-02-24", "2027-03-03", "2027-03-04"),
    ],
    "EV_VEHICLE_DECL": [
        ("2025-12-31", "2026-02-28", "2026-03-02"),
        ("2026-07-06", "2026-09-06", "2026-09-08"),
        ("2027-03-24", "2027-05-24", "2027-05-25"),
    ],
    "EV_NOI_SICK": [
        ("2025-04-22", "2025-05-10", "2025-05-12"),
        ("2026-12-03", "2027-01-10", "2027-01-11"),
        ("2027-08-19", "2027-09-10", "2027-09-10"),
    ],
    # Optional rebate reminders: ЗДДФЛ чл. 53, ал. 3 (31 March of the next year) and
    # ЗМДТ чл. 28, ал. 2 / чл. 60, ал. 1 (30 April of the tax year).
    "BG_PIT_REBATE": [
        ("2024-01-01", "2025-03-31", "2025-03-31"),
        ("2025-01-01", "2026-03-31", "2026-03-31"),
        ("2026-01-01", "2027-03-31", "2027-03-31"),
    ],
    "BG_LOCAL_REBATE": [
        ("2025-01-01", "2025-04-30", "2025-04-30"),
        ("2026-01-01", "2026-04-30", "2026-04-30"),
        ("2027-01-01", "2027-04-30", "2027-05-05"),  # Good Friday, then the Easter block
    ],
}

WINDOW_OPENS = {
    "BG_CIT_ADV_DECL": "03-01",
    "BG_SELFINS_TYPE": "01-01",
    "BG_PIT_ANNUAL": "01-10",
    "BG_PIT_ANNUAL_ET": "03-01",
    "BG_CIT_ANNUAL": "03-01",
    "BG_NSI_GOD": "03-01",
}

# Second instalments (31 October of the tax year): legal and effective dates.
SECOND_INSTALMENTS = [
    ("2025-01-01", "2025-10-31", "2025-10-31"),
    ("2026-01-01", "2026-10-31", "2026-11-02"),
    ("2027-01-01", "2027-10-31", "2027-11-01"),
]


def test_bulgarian_catalogue_rules():
    # The 27 rows of the research table, the notice after a termination and the two
    # optional rebate reminders, and nothing else.
    assert set(BG_DUE_RULES) == set(CATALOGUE_EXPECTED)
    assert len(BG_DUE_RULES) == 30
    for code, entry in BG_DUE_RULES.items():
        validate_rule(entry["rule"], entry["periodicity"])
        for start, legal, effective in CATALOGUE_EXPECTED[code]:
            got = legal_due_date(entry["rule"], d(start))
            assert got == d(legal), (code, start)
            assert effective_date(got, "BG") == d(effective), (code, start)
            window = filing_window(entry["rule"], d(start))
            assert (window is not None) is entry["window"], code
            if window:
                assert window == (d(legal[:5] + WINDOW_OPENS[code]), d(legal)), code
    assert {code for code, entry in BG_DUE_RULES.items() if entry["window"]} == set(WINDOW_OPENS)


def test_catalogue_instalments():
    with_instalments = {code for code, entry in BG_DUE_RULES.items() if "instalments" in entry}
    assert with_instalments == {"BG_LOCAL_PROPERTY", "BG_LOCAL_VEHICLE"}
    for code in with_instalments:
        first, second = BG_DUE_RULES[code]["instalments"]
        assert first == BG_DUE_RULES[code]["rule"]
        for start, legal, effective in SECOND_INSTALMENTS:
            got = legal_due_date(second, d(start))
            assert got == d(legal), (code, start)
            assert effective_date(got, "BG") == d(effective), (code, start)


def test_catalogue_periods_without_due_date():
    # No Q4 advances: CIT (settled with the annual return) and PIT Q4.
    assert legal_due_date(BG_DUE_RULES["BG_CIT_ADV_Q"]["rule"], d("2026-10-01")) is None
    assert legal_due_date(BG_DUE_RULES["BG_PIT_ADV_Q"]["rule"], d("2026-10-01")) is None
