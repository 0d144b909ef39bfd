import datetime

from acct_firm_core import client_profile as cp

TODAY = datetime.date(2026, 12, 2)


def test_deadline_status():
    past = TODAY - datetime.timedelta(days=1)
    future = TODAY + datetime.timedelta(days=5)
    assert cp.deadline_status("1_done", past, TODAY, True) == cp.DONE
    assert cp.deadline_status("1_canceled", future, TODAY, False) == cp.CANCELLED
    assert cp.deadline_status("01_in_progress", past, TODAY, True) == cp.LATE
    assert cp.deadline_status("01_in_progress", future, TODAY, True) == cp.IN_PROGRESS
    assert cp.deadline_status("01_in_progress", future, TODAY, False) == cp.PLANNED
    assert cp.deadline_status("01_in_progress", TODAY, TODAY, False) == cp.PLANNED


def test_deadlines_window():
    assert cp.deadlines_window(TODAY) == (datetime.date(2025, 12, 2), datetime.date(2027, 1, 31))
    # 29 February back a year is the 28th.
    first, _last = cp.deadlines_window(datetime.date(2028, 2, 29))
    assert first == datetime.date(2027, 2, 28)


def test_authorisation_warning_and_notice():
    end = TODAY + datetime.timedelta(days=60)
    assert cp.days_left(end, TODAY) == 60
    assert cp.days_left(False, TODAY) is None
    assert cp.authorisation_warning(end, TODAY, "expiring")
    assert not cp.authorisation_warning(end + datetime.timedelta(days=1), TODAY, "active")
    assert not cp.authorisation_warning(end, TODAY, "revoked")
    assert not cp.authorisation_warning(TODAY - datetime.timedelta(days=1), TODAY, "active")
    assert cp.authorisation_notice_due(TODAY + datetime.timedelta(days=14), TODAY, "expiring")
    assert not cp.authorisation_notice_due(TODAY + datetime.timedelta(days=15), TODAY, "active")
    assert not cp.authorisation_notice_due(None, TODAY, "active")


def test_iban():
    assert cp.iban_is_valid("BG80 BNBG 9661 1020 3456 78")
    assert cp.normalise_iban("bg80 bnbg 9661 1020 3456 78") == "BG80BNBG96611020345678"
    assert cp.format_iban("BG80BNBG96611020345678") == "BG80 BNBG 9661 1020 3456 78"
    assert not cp.iban_is_valid("BG81 BNBG 9661 1020 3456 78")  # check digits
    assert not cp.iban_is_valid("BG80 BNBG 9661 1020 3456")  # length
    assert not cp.iban_is_valid("")


def test_activity_code():
    for code in ("69", "69.2", "69.20", " 62.01 "):
        assert cp.activity_code_is_valid(code)
    for code in ("", "6920", "69.201", "A69", "69,20"):
        assert not cp.activity_code_is_valid(code)


def test_employees():
    assert cp.parse_employee_count("3") == 3
    assert cp.parse_employee_count(" 0 ") == 0
    assert cp.parse_employee_count("-1") is None
    assert cp.parse_employee_count("2.5") is None
    assert cp.parse_employee_count("1000001") is None
    assert cp.is_employer(3, False)
    assert cp.is_employer(0, True)
    assert not cp.is_employer(0, False)


def test_changed_values():
    current = {"a": "x", "b": False, "c": 0, "d": ""}
    proposed = {"a": " x ", "b": "", "c": 3, "d": "new"}
    assert cp.changed_values(current, proposed) == [("c", False, 3), ("d", False, "new")]
