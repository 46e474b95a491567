# SPDX-License-Identifier: EUPL-1.2
"""Many launchers, one moment: the scheduling decisions spread what happens together.

A city's laptops wake within the same hour, change networks in the same second (the VPN
gateway fails over) and see the identity provider or the catalog server go away at the
same moment. These tests give the core's decisions 10,000 such clients at once and
check where the next requests fall: within their bounds, and spread out rather than in
one second. (benchmarks/fleet.py drives the same decisions for a whole morning.)
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable

from workplace.auth import plan
from workplace.auth.errors import AuthError, AuthErrorKind
from workplace.auth.session import Session
from workplace.auth.state import Profile
from workplace.auth.tokens import TokenSet
from workplace.catalog import schedule as catalog
from workplace.status import schedule as status

T = 1_750_000_000.0
N = 10_000
ERIKA = Profile("sub-erika", "Erika Mustermann")


def _busiest(times: Iterable[float], width: float) -> float:
    """The largest share of ``times`` that falls in one bucket ``width`` seconds wide."""
    counts = Counter(int(t // width) for t in times)
    return max(counts.values()) / sum(counts.values())


def _signed_in(rng: random.Random, at: float = T) -> Session:
    tokens = TokenSet("access", "id", "refresh", expires_at=at + 300)
    return Session().signed_in_as(ERIKA, tokens, at, remembered=True).refreshed(
        tokens, at, rng.random())


def test_keep_alives_of_launchers_that_refreshed_together_drift_apart() -> None:
    rng = random.Random(1)
    due = [s.due_at() or 0.0 for s in (_signed_in(rng) for _ in range(N))]
    assert min(due) >= T + plan.KEEPALIVE * (1 - plan.KEEPALIVE_SPREAD)
    assert max(due) <= T + plan.KEEPALIVE
    assert _busiest(due, 60) < 0.05  # a half-hour window: about 3 % a minute


def test_an_outage_does_not_bring_everyone_back_in_the_same_minute() -> None:
    """10,000 refreshes fail in the same second: the retries fall over the next 20
    minutes, never sooner than 30 s, and no minute holds more than a few percent."""
    rng = random.Random(2)
    down = AuthError(AuthErrorKind.PROVIDER_UNREACHABLE)
    failed = [_signed_in(rng).failed(down, T + 3600, rng.random()) for _ in range(N)]
    retry = [s.retry_at for s in failed]
    assert min(retry) >= T + 3600 + plan.RETRY_FIRST
    assert max(retry) <= T + 3600 + plan.RETRY_WINDOW
    assert _busiest(retry, 60) < 0.08
    again = [s.failed(down, s.retry_at, rng.random()).retry_at - s.retry_at for s in failed]
    assert max(again) > plan.RETRY_WINDOW  # the window grows with each failure
    assert max(again) <= 2 * plan.RETRY_WINDOW


def test_a_fleet_waking_in_the_same_second_refreshes_over_minutes() -> None:
    """After a night's sleep every keep-alive is overdue; the wake-up (or a network change
    the whole office sees) plans each for a random point, not for the same second."""
    rng = random.Random(3)
    yesterday = T - 15 * 3600
    woken = [_signed_in(rng, yesterday).woken(T, rng.random()) for _ in range(N)]
    due = [s.due_at() or 0.0 for s in woken]
    assert min(due) >= T and max(due) <= T + plan.WAKE_SPREAD
    assert _busiest(due, 1) < 0.01
    assert _busiest(due, 60) < 0.25  # five minutes: about a fifth in each
    assert all(s.should_refresh(plan.Trigger.DEMAND, T) for s in woken)  # a token: at once


def test_a_network_change_leaves_a_healthy_plan_alone() -> None:
    rng = random.Random(4)
    fresh = [_signed_in(rng, T - 60) for _ in range(N)]
    assert all(s.woken(T, rng.random()) is s for s in fresh)


def test_catalog_retries_after_an_outage_are_spread_and_bounded() -> None:
    rng = random.Random(5)
    for failures, ceiling in ((1, 1200.0), (2, 2400.0), (5, 3600.0)):
        delays = [catalog.next_refresh_delay(3600, failures=failures, uniform=rng.uniform)
                  for _ in range(N)]
        assert min(delays) >= catalog.FIRST_RETRY_SECONDS and max(delays) <= ceiling
        assert _busiest(delays, 60) < 0.1


def test_an_overdue_catalog_is_fetched_within_minutes_not_in_one_second() -> None:
    rng = random.Random(6)
    due = [catalog.next_refresh_due(T - 86_400, T, 3600, uniform=rng.uniform)
           for _ in range(N)]
    assert min(due) >= T + 1 and max(due) <= T + catalog.OVERDUE_SPREAD_SECONDS
    assert _busiest(due, 1) < 0.01
    fresh = [catalog.next_refresh_due(T - 60, T, 3600, uniform=rng.uniform) for _ in range(N)]
    assert min(fresh) >= T - 60 + 3600 * 0.8  # a fresh copy waits for its interval


def test_status_rounds_after_a_network_change_and_between_rounds_are_spread() -> None:
    rng = random.Random(7)
    first = [status.first_round_delay(rng.uniform) for _ in range(N)]
    assert min(first) >= 0 and max(first) <= status.ROUND_SPREAD
    assert _busiest(first, 1) < 0.05
    # Rounds that once started together: after a few intervals they are apart.
    starts = [0.0] * N
    for _ in range(5):
        starts = [t + status.next_round_delay(300, rng.uniform) for t in starts]
    assert min(starts) >= 5 * 240 and max(starts) <= 5 * 360
    assert _busiest(starts, 1) < 0.01
