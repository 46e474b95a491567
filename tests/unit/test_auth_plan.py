# SPDX-License-Identifier: EUPL-1.2
"""The refresh plan (workplace.auth.plan) as a table: when, how often, how long to back off.

The random points (``draw``) are given here; their spread is in test_fleet_spread.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from workplace.auth import plan
from workplace.auth.plan import KEEPALIVE, Trigger

T = 10_000.0  # when the current tokens were obtained

# (case, arguments of plan.due_at, expected due time)
DUE: list[tuple[str, dict[str, Any], float]] = [
    ("the keep-alive, at the end of its window",
     {}, T + KEEPALIVE),
    ("the keep-alive, halfway into its window",
     {"draw": 0.5}, T + KEEPALIVE * 0.75),
    ("no session end named: never later than an hour, never sooner than half an hour",
     {"draw": 0.999}, T + KEEPALIVE * 0.5005),
    ("2 h left of the session: still within the hour",
     {"session_until": T + 7200}, T + 3600),
    ("20 minutes idle timeout: halfway, after 10 minutes",
     {"session_until": T + 1200}, T + 600),
    ("100 s left: not more often than once a minute",
     {"session_until": T + 100}, T + 60),
    ("100 s left, early in the window: still not more often than once a minute",
     {"session_until": T + 100, "draw": 0.9}, T + 60),
    ("backing off past the plan",
     {"failing": True, "retry_at": T + 4000}, T + 4000),
    ("a failed refresh is tried again when its backoff ends, before the keep-alive",
     {"failing": True, "retry_at": T + 45}, T + 45),
    ("a backoff already over does not delay",
     {"retry_at": T + 5}, T + KEEPALIVE),
    ("after a wake-up, not before the random point",
     {"deferred_to": T + 3700}, T + 3700),
    ("no access token (restored): due at once",
     {"has_tokens": False}, 0.0),
    ("no access token, backing off",
     {"has_tokens": False, "retry_at": T + 20}, T + 20),
    ("no access token, after a wake-up",
     {"has_tokens": False, "deferred_to": T + 40}, T + 40),
]


@pytest.mark.parametrize(("arguments", "due"), [row[1:] for row in DUE],
                         ids=[row[0] for row in DUE])
def test_due_at(arguments: dict[str, Any], due: float) -> None:
    values: dict[str, Any] = {"has_tokens": True, "failing": False, "refreshed_at": T,
                              "session_until": None, "retry_at": 0.0, "deferred_to": 0.0,
                              "draw": 0.0}
    values.update(arguments)
    assert plan.due_at(**values) == pytest.approx(due)


def test_no_refresh_ahead_of_a_300_s_token() -> None:
    """The launcher needs no token of its own: a 300 s token lapses, and the next
    refresh is the keep-alive, at least half an hour away (not 240 s)."""
    for draw in (0.0, 0.5, 0.999):
        due = plan.due_at(has_tokens=True, failing=False, refreshed_at=T,
                          session_until=None, retry_at=0.0, deferred_to=0.0, draw=draw)
        assert due >= T + KEEPALIVE / 2 > T + 300


@pytest.mark.parametrize(("failures", "seconds"), [
    (0, 0.0), (1, 5.0), (2, 10.0), (3, 20.0), (6, 160.0), (7, 300.0), (60, 300.0),
])
def test_backoff_doubles_up_to_five_minutes(failures: int, seconds: float) -> None:
    assert plan.backoff(failures) == seconds


@pytest.mark.parametrize(("failures", "low", "high"), [
    (1, 30.0, 1200.0), (2, 30.0, 2400.0), (3, 30.0, 3600.0), (60, 30.0, 3600.0),
])
def test_a_failed_refresh_is_retried_within_a_growing_window(
    failures: int, low: float, high: float,
) -> None:
    assert plan.retry_delay(failures, 0.0) == low
    assert plan.retry_delay(failures, 0.5) == pytest.approx((low + high) / 2)
    assert plan.retry_delay(failures, 0.999999) == pytest.approx(high)
    assert plan.retry_delay(0, 0.5) == 0.0


# (case, due, failing, now, draw, the new due time or None)
WAKE: list[tuple[str, float, bool, float, float, float | None]] = [
    ("overdue after a night: at a random point of the next minutes",
     T - 50_000, False, T, 0.5, T + plan.WAKE_SPREAD / 2),
    ("overdue, the first point", T - 1, False, T, 0.0, T),
    ("backing off: tried again soon, the network may have been the trouble",
     T + 3000, True, T, 0.2, T + plan.WAKE_SPREAD * 0.2),
    ("planned later: the plan stands", T + 600, False, T, 0.9, None),
    ("planned within the spread: the plan stands (moving it would bunch it up)",
     T + 10, False, T, 0.9, None),
]


@pytest.mark.parametrize(("due", "failing", "now", "draw", "expected"),
                         [row[1:] for row in WAKE], ids=[row[0] for row in WAKE])
def test_after_wake(due: float, failing: bool, now: float, draw: float,
                    expected: float | None) -> None:
    assert plan.after_wake(due=due, failing=failing, now=now, draw=draw) == expected


# (case, trigger, now, due, retry_at, refresh?)
SHOULD: list[tuple[str, Trigger, float, float, float, bool]] = [
    ("timer, before due", Trigger.PLAN, T + 239, T + 240, 0.0, False),
    ("timer, due", Trigger.PLAN, T + 240, T + 240, 0.0, True),
    ("timer, overdue", Trigger.PLAN, T + 999, T + 240, 0.0, True),
    ("forced, not due and backing off", Trigger.FORCE, T, T + 240, T + 5, True),
    ("on demand, backing off", Trigger.DEMAND, T, T + 240, T + 5, False),
    ("on demand, backoff over, before the plan", Trigger.DEMAND, T + 5, T + 240, T + 5, True),
]


@pytest.mark.parametrize(("trigger", "now", "due", "retry_at", "refresh"),
                         [row[1:] for row in SHOULD], ids=[row[0] for row in SHOULD])
def test_should_refresh(trigger: Trigger, now: float, due: float, retry_at: float,
                        refresh: bool) -> None:
    assert plan.should_refresh(trigger, now=now, due=due, retry_at=retry_at) is refresh


@pytest.mark.parametrize(("expires_at", "fresh"), [
    (None, False), (T + 31, True), (T + 30, False), (T - 1, False),
])
def test_a_token_with_less_than_the_skew_left_is_not_handed_out(
    expires_at: float | None, fresh: bool,
) -> None:
    assert plan.fresh(expires_at, T) is fresh
