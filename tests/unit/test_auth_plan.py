# SPDX-License-Identifier: EUPL-1.2
"""The refresh plan (workplace.auth.plan) as a table: when, how often, how long to back off."""

from __future__ import annotations

from typing import Any

import pytest

from workplace.auth import plan
from workplace.auth.plan import Trigger

T = 10_000.0  # when the current tokens were obtained
TOKEN = T + 300  # openDesk: 300 s access tokens

# (case, arguments of plan.due_at, expected due time)
DUE: list[tuple[str, dict[str, Any], float]] = [
    ("normal: 60 s before expiry",
     {"expires_at": TOKEN}, TOKEN - 60),
    ("normal, another margin",
     {"expires_at": TOKEN, "margin": 30}, TOKEN - 30),
    ("normal, backing off past the plan",
     {"expires_at": TOKEN, "retry_at": TOKEN + 5}, TOKEN + 5),
    ("normal, a backoff already over does not delay",
     {"expires_at": TOKEN, "retry_at": T + 5}, TOKEN - 60),
    ("no access token (restored): due at once",
     {"expires_at": None}, 0.0),
    ("no access token, backing off",
     {"expires_at": None, "retry_at": T + 20}, T + 20),
    ("low bandwidth, no session end named: every 30 minutes",
     {"expires_at": TOKEN, "low_bandwidth": True}, T + 1800),
    ("low bandwidth, 2 h left of the session: still every 30 minutes",
     {"expires_at": TOKEN, "low_bandwidth": True, "session_until": T + 7200}, T + 1800),
    ("low bandwidth, 20 minutes idle timeout: halfway, after 10 minutes",
     {"expires_at": TOKEN, "low_bandwidth": True, "session_until": T + 1200}, T + 600),
    ("low bandwidth, session end near: never more often than normally",
     {"expires_at": TOKEN, "low_bandwidth": True, "session_until": T + 30}, TOKEN - 60),
    ("low bandwidth, 100 s left: not more often than once a minute",
     {"expires_at": T + 40, "low_bandwidth": True, "session_until": T + 100}, T + 60),
    ("low bandwidth, backing off",
     {"expires_at": TOKEN, "low_bandwidth": True, "retry_at": T + 4000}, T + 4000),
]


@pytest.mark.parametrize(("arguments", "due"), [row[1:] for row in DUE],
                         ids=[row[0] for row in DUE])
def test_due_at(arguments: dict[str, Any], due: float) -> None:
    values: dict[str, Any] = {"refreshed_at": T, "session_until": None,
                              "low_bandwidth": False, "retry_at": 0.0}
    values.update(arguments)
    assert plan.due_at(**values) == pytest.approx(due)


@pytest.mark.parametrize(("failures", "seconds"), [
    (0, 0.0), (1, 5.0), (2, 10.0), (3, 20.0), (6, 160.0), (7, 300.0), (60, 300.0),
])
def test_backoff_doubles_up_to_five_minutes(failures: int, seconds: float) -> None:
    assert plan.backoff(failures) == seconds


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
