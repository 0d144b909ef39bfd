"""The client's own view of its deadlines, authorisations and master data on the portal.

Pure rules, no Odoo: how a statutory task reads to the client (planned, in progress, done,
late), how many days an authorisation has left and when the client is warned, which of the
values a client proposes differ from what the firm has, and the checks of those values (an
IBAN by python-stdnum, a КИД-2008 activity code, a number of employees).
"""

from __future__ import annotations

import datetime
import re

from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError as StdnumError

# The client is warned this many days before an authorisation ends (the firm's first alert).
AUTHORISATION_WARNING_DAYS = 60
# ... and gets its e-mail this many days before.
AUTHORISATION_NOTICE_DAYS = 14
# The deadlines page: the coming days and the months back.
DEADLINES_AHEAD_DAYS = 60
DEADLINES_BACK_MONTHS = 12
# The home counter of deadlines.
DEADLINES_SOON_DAYS = 14

PLANNED = "planned"
IN_PROGRESS = "in_progress"
DONE = "done"
LATE = "late"
CANCELLED = "cancelled"

# КИД-2008 (the Bulgarian NACE Rev. 2): a division "69", a group "69.2" or a class "69.20".
_ACTIVITY_CODE = re.compile(r"^\d{2}(\.\d{1,2})?$")


def deadline_status(task_state: str, effective_date, today, started: bool) -> str:
    """The client's word for a statutory task: done, late, in progress or planned.

    ``task_state`` is Odoo's task state ('1_done', '1_canceled', or an open one);
    ``started`` says whether the firm has begun it (time logged, or moved past the first
    state). An open task past its effective date is late, started or not.
    """
    if task_state == "1_done":
        return DONE
    if task_state == "1_canceled":
        return CANCELLED
    if effective_date and effective_date < today:
        return LATE
    return IN_PROGRESS if started else PLANNED


def deadlines_window(today) -> tuple:
    """``(first, last)`` dates of the deadlines page: 12 months back, 60 days ahead."""
    year, month = today.year, today.month - DEADLINES_BACK_MONTHS
    while month < 1:
        month += 12
        year -= 1
    # The same day a year back, or the month's last day when it has fewer days.
    day = today.day
    while True:
        try:
            first = datetime.date(year, month, day)
            break
        except ValueError:
            day -= 1
    return first, today + datetime.timedelta(days=DEADLINES_AHEAD_DAYS)


def days_left(end, today) -> int | None:
    """Days from ``today`` to ``end`` (negative once past), or None without an end."""
    if not end:
        return None
    return (end - today).days


def authorisation_warning(end, today, state: str) -> bool:
    """Whether the client is warned: a valid authorisation that ends within 60 days."""
    left = days_left(end, today)
    return (
        state in ("active", "expiring")
        and left is not None
        and 0 <= left <= AUTHORISATION_WARNING_DAYS
    )


def authorisation_notice_due(end, today, state: str) -> bool:
    """Whether the client's e-mail is due: a valid authorisation ending within 14 days."""
    left = days_left(end, today)
    return (
        state in ("active", "expiring")
        and left is not None
        and 0 <= left <= AUTHORISATION_NOTICE_DAYS
    )


def normalise_iban(value: str) -> str:
    """The IBAN without spaces, in capitals."""
    return stdnum_iban.compact(value or "")


def iban_is_valid(value: str) -> bool:
    """Whether ``value`` is an IBAN with a correct country length and check digits."""
    try:
        stdnum_iban.validate(value or "")
    except StdnumError:
        return False
    return True


def format_iban(value: str) -> str:
    """The IBAN in groups of four, as printed on a bank statement."""
    return stdnum_iban.format(value or "")


def activity_code_is_valid(value: str) -> bool:
    """Whether ``value`` is a КИД-2008 code: "69", "69.2" or "69.20"."""
    return bool(_ACTIVITY_CODE.match((value or "").strip()))


def parse_employee_count(value) -> int | None:
    """The number of employees the client gave, or None when it is not a whole number
    from 0 to 100000."""
    text = str(value if value is not None else "").strip()
    if not text.isdigit():
        return None
    count = int(text)
    return count if count <= 100000 else None


def is_employer(employee_count: int, pays_salaries: bool) -> bool:
    """An employer for the statutory engine: anyone with employees, or who pays salaries
    (a manager's contract without employees is payroll too)."""
    return bool(pays_salaries) or (employee_count or 0) > 0


def _comparable(value):
    if isinstance(value, str):
        value = value.strip()
    return value if value not in ("", None) else False


def changed_values(current: dict, proposed: dict) -> list:
    """``[(key, old, new)]`` of the proposed values that differ from the current ones, in
    the order of ``proposed``; empty strings, None and False count as "no value"."""
    changes = []
    for key, new in proposed.items():
        old = current.get(key)
        if _comparable(old) != _comparable(new):
            changes.append((key, _comparable(old), _comparable(new)))
    return changes
