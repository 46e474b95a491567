# SPDX-License-Identifier: EUPL-1.2
"""When to refresh the remote catalog next: the interval with jitter, backing off on failure.

Pure functions for the GUI's timer. The jitter (±20 %) spreads 100,000 clients that
started together over a window instead of letting them arrive at the same second.
"""

from __future__ import annotations

import random
from collections.abc import Callable

JITTER = 0.2
FIRST_RETRY_SECONDS = 5 * 60.0


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
    """Seconds until the next refresh. After failures, retry sooner (5, 10, 20 … minutes)
    but never more often than that and never later than the normal interval."""
    base = interval_seconds
    if failures > 0:
        base = min(interval_seconds, FIRST_RETRY_SECONDS * 2 ** min(failures - 1, 16))
    return jittered(base, uniform)


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
    it waits, so a mass start at 8:00 does not fetch what every client already has."""
    if failures > 0:
        return now + next_refresh_delay(interval_seconds, failures=failures, uniform=uniform)
    if last_checked is None:  # nothing to show yet: fetch right after start, a little spread
        return now + jittered(FIRST_FETCH_SECONDS, uniform)
    due = last_checked + next_refresh_delay(interval_seconds, failures=failures, uniform=uniform)
    if due <= now:
        return now + jittered(30.0, uniform)
    return due
