"""Retention periods of accounting documents (Bulgaria: ЗСч чл. 12, ДОПК чл. 38, ЗДДС чл. 121).

A retention *class* names how long a kind of document must be kept. Every period runs from
1 January of the year after the one the documents belong to, so documents of 2020 kept for
10 years may be destroyed from 1 January 2031 on: their retention ends on 31 December 2030.

Classes (years):

* ``'payroll'``   - 50: payrolls (ведомости за заплати).
* ``'registers'`` - 10: accounting registers and financial statements.
* ``'tax'``       - 10: documents for tax and insurance control (returns, VAT ledgers, VAT
  documents). The law says "5 years after the limitation period of the related public
  obligation expires"; that limitation period is itself 5 years from 1 January of the year
  after the obligation fell due (ДОПК чл. 171), hence 5 + 5.
* ``'other'``     - 5: all other accounting media. ЗСч asks 3 years but ДОПК asks 5, and a firm
  must satisfy both, so the longer one applies.

A folder with documents of several classes is kept as long as its longest-kept class asks.
"""

from __future__ import annotations

import datetime

RETENTION_YEARS = {
    "payroll": 50,
    "registers": 10,
    "tax": 10,
    "other": 5,
}

# The class of documents nobody classified: the general rule for accounting media.
DEFAULT_CLASS = "other"


class RetentionError(ValueError):
    """Bad input to the retention rule (unknown class, impossible year)."""


def retention_years(classes) -> int:
    """The years to keep documents of all the given classes (the longest; default class if none)."""
    classes = set(classes or ()) or {DEFAULT_CLASS}
    unknown = sorted(classes - RETENTION_YEARS.keys())
    if unknown:
        raise RetentionError(
            f"Unknown retention class {', '.join(map(repr, unknown))}; "
            f"expected one of {', '.join(RETENTION_YEARS)}."
        )
    return max(RETENTION_YEARS[code] for code in classes)


def retention_end(latest_year: int, classes=()) -> datetime.date:
    """The last day documents of ``latest_year`` (and earlier) of these classes must be kept.

    >>> retention_end(2020, ["registers", "other"])
    datetime.date(2030, 12, 31)
    """
    if isinstance(latest_year, bool) or not isinstance(latest_year, int):
        raise RetentionError(f"The year must be an integer, got {latest_year!r}.")
    years = retention_years(classes)
    if not 1900 <= latest_year <= 9999 - years:
        raise RetentionError(f"Year {latest_year} is out of range.")
    return datetime.date(latest_year + years, 12, 31)
