"""Time reporting maths: how long a stopped timer reports.

A timer measures seconds; the firm reports time in steps of a few minutes (a setting, 15 by
default), always rounding *up*: two minutes spent on a client's VAT return are one step of
work for the firm, not zero. A step of 0 or 1 minute means "exact to the minute" (rounded up
to the next whole minute so that a started timer never reports nothing).
"""

import math


class TimerError(ValueError):
    """Bad input for the timer maths; ``code`` names the problem for callers to translate."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def rounded_minutes(elapsed_seconds, step_minutes=15):
    """Minutes to report for ``elapsed_seconds`` of work, rounded up to ``step_minutes``.

    >>> rounded_minutes(60, 15), rounded_minutes(15 * 60, 15), rounded_minutes(15 * 60 + 1, 15)
    (15, 15, 30)
    >>> rounded_minutes(0, 15), rounded_minutes(61, 0)
    (15, 2)
    """
    if elapsed_seconds is None or elapsed_seconds < 0:
        raise TimerError(
            "negative_elapsed", f"elapsed time must not be negative: {elapsed_seconds}"
        )
    if step_minutes is None or step_minutes < 0 or int(step_minutes) != step_minutes:
        raise TimerError(
            "bad_step", f"the rounding step must be a whole number of minutes >= 0: {step_minutes}"
        )
    step = max(int(step_minutes), 1)
    minutes = max(math.ceil(elapsed_seconds / 60), 1)
    return math.ceil(minutes / step) * step


def minutes_to_hours(minutes):
    """Hours as Odoo's timesheets store them (a float, ``unit_amount``)."""
    return round(minutes / 60.0, 6)
