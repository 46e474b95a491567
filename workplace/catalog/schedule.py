# SPDX-License-Identifier: EUPL-1.2
"""When to refresh the remote catalog next: the interval with jitter, backing off on failure.

Pure functions for the GUI's timer and the fleet benchmark (benchmarks/fleet.py). The
jitter (±20 %) spreads 100,000 clients that started together over a window instead of
letting them arrive at the same second. A failed refresh is tried again after a random
time between :data:`FIRST_RETRY_SECONDS` and a ceiling that doubles with each failure
(full jitter), never later than the normal interval. A copy that is overdue (after a
wake-up, or when the network comes back) is fetched at a random point within
:data:`OVERDUE_SPREAD_SECONDS`; a copy that is not overdue waits for its plan.
"""

from __future__ import annotations

import random
from collections.abc import Callable

JITTER = 0.2
FIRST_RETRY_SECONDS = 5 * 60.0
OVERDUE_SPREAD_SECONDS = 5 * 60.0
"""An overdue copy is checked at a random point this soon (a whole fleet may wake or
come back online in the same minute)."""


FIRST_FETCH_SECONDS = 2.0
"""Without any cached copy: the first fetch this long after start (±20 %)."""


def jittered(seconds: float, uniform: Callable[[float, float], float] = random.uniform) -> float:
    """``seconds`` changed by up to ±20 %, never below one second."""
    return max(1.0, seconds * uniform(1.0 - JITTER, 1.0 + JITTER))


def next_refresh_delay(
    interval_seconds: float,
    *,
    failures: int = 0,
    uniform: Callable[[float, float], float] = random.uniform,
) -> float:
    """Seconds until the next refresh. After failures, retry sooner: at a random point
    between 5 minutes and a ceiling of 20, 40, 80 … minutes, never later than the
    normal interval."""
    if failures > 0:
        ceiling = min(interval_seconds, FIRST_RETRY_SECONDS * 2.0 ** min(failures + 1, 16))
        low = min(FIRST_RETRY_SECONDS, ceiling)
        return max(1.0, uniform(low, ceiling))
    return jittered(interval_seconds, uniform)


def next_refresh_due(
    last_checked: float | None,
    now: float,
    interval_seconds: float,
    *,
    failures: int = 0,
    uniform: Callable[[float, float], float] = random.uniform,
) -> float:
    """The epoch time of the next refresh. After a failure it counts from ``now`` with
    back-off; without a cached copy (``last_checked`` None) it is right after start (a
    few jittered seconds: the window has no central services yet); with a fresh copy
    it waits, so a mass start at 8:00 does not fetch what every client already has; an
    overdue copy is fetched within the next few minutes, at a random point."""
    if failures > 0:
        return now + next_refresh_delay(interval_seconds, failures=failures, uniform=uniform)
    if last_checked is None:  # nothing to show yet: fetch right after start, a little spread
        return now + jittered(FIRST_FETCH_SECONDS, uniform)
    due = last_checked + next_refresh_delay(interval_seconds, failures=failures, uniform=uniform)
    if due <= now:
        return now + max(1.0, uniform(0.0, OVERDUE_SPREAD_SECONDS))
    return due
