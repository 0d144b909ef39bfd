import pytest

from acct_firm_core.timesheets import TimerError, minutes_to_hours, rounded_minutes


@pytest.mark.parametrize(
    ("seconds", "step", "expected"),
    [
        (0, 15, 15),  # a started timer always reports one step
        (1, 15, 15),
        (15 * 60, 15, 15),  # exactly one step stays one step
        (15 * 60 + 1, 15, 30),  # one second over is the next step
        (59 * 60, 30, 60),
        (61, 0, 2),  # step 0: to the minute, rounded up
        (60, 1, 1),
        (3 * 3600 + 20 * 60, 6, 204),
    ],
)
def test_rounded_minutes_rounds_up_to_the_step(seconds, step, expected):
    assert rounded_minutes(seconds, step) == expected


@pytest.mark.parametrize(
    ("seconds", "step", "code"),
    [(-1, 15, "negative_elapsed"), (60, -5, "bad_step"), (60, 2.5, "bad_step")],
)
def test_rounded_minutes_refuses_bad_input(seconds, step, code):
    with pytest.raises(TimerError) as err:
        rounded_minutes(seconds, step)
    assert err.value.code == code


def test_minutes_to_hours():
    assert minutes_to_hours(90) == 1.5
    assert minutes_to_hours(20) == pytest.approx(1 / 3, abs=1e-6)
