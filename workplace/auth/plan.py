# SPDX-License-Identifier: EUPL-1.2
"""The refresh plan: when to ask the provider for new tokens. Pure functions of plain values.

The launcher itself needs no access token. Whoever needs one asks for it and a lapsed
one is refreshed on demand (:meth:`AuthService.access_token`); in the background the
session is only kept alive, about once per :data:`KEEPALIVE` seconds and never later
than halfway to the end the provider announces for the session (openDesk: 4 h SSO
idle; an offline session announces none and idles out after 30 days). Keeping a 300 s
token fresh ahead of expiry instead sent every launcher to the token endpoint every
four minutes: a quarter of a fleet of 50,000 in every minute (benchmarks/fleet.py).

Nothing is planned for the same second on many computers:

- each keep-alive falls at a random point in the later part of its interval
  (:data:`KEEPALIVE_SPREAD`), so launchers that woke together drift apart;
- a failed refresh backs off exponentially with full jitter (:func:`retry_delay`), over
  minutes, not seconds;
- after a wake-up or a network change (a whole office may change networks in the same
  second) a refresh that is overdue or backing off runs at a random point within
  :data:`WAKE_SPREAD` seconds (:func:`after_wake`), not at once.

The random points are drawn by the caller (``draw``, uniform in [0, 1)) and kept in
the :class:`~workplace.auth.session.Session`, so the plan is a function of its state.
"""

from __future__ import annotations

from enum import StrEnum

KEEPALIVE = 3600.0
"""Seconds between refreshes that keep the session alive, at most."""
KEEPALIVE_SPREAD = 0.5
"""The keep-alive falls at a random point in the last half of its interval."""
KEEPALIVE_MIN = 60.0
"""...but never closer together than this, even near the session's announced end."""
RETRY_FIRST, RETRY_WINDOW, RETRY_MAX = 30.0, 1200.0, 3600.0
"""A failed refresh is retried at a random point between :data:`RETRY_FIRST` seconds
and a ceiling that starts at :data:`RETRY_WINDOW` and doubles up to :data:`RETRY_MAX`:
the keep-alive is not urgent (the session holds for hours or days), and everyone who
failed during an outage must not come back in the same minute after it."""
WAKE_SPREAD = 300.0
"""After a wake-up or a network change, an overdue refresh runs within this many seconds."""
BACKOFF_FIRST, BACKOFF_MAX = 5.0, 300.0
""":func:`backoff`: for calls someone is waiting for (the integrations)."""
TOKEN_SKEW = 30.0
"""A token with less than this left is not handed out: it is refreshed first."""


class Trigger(StrEnum):
    """Why a refresh is being considered."""

    PLAN = "plan"
    """The timer: refresh when the plan says it is due (backoff included)."""
    FORCE = "force"
    """A restore from the keyring: refresh now, backoff or not."""
    DEMAND = "demand"
    """Someone needs a token and the one at hand is stale: refresh unless backing off."""


def backoff(failures: int) -> float:
    """Seconds to wait after ``failures`` failed calls in a row: 5 s doubling to 5 min."""
    if failures <= 0:
        return 0.0
    return min(BACKOFF_MAX, BACKOFF_FIRST * 2.0 ** (failures - 1))


def retry_delay(failures: int, draw: float) -> float:
    """Seconds until a failed refresh is tried again: full jitter between
    :data:`RETRY_FIRST` and a ceiling of 20, 40, 60, 60 … minutes (``draw`` in [0, 1)
    picks the point)."""
    if failures <= 0:
        return 0.0
    ceiling = min(RETRY_MAX, RETRY_WINDOW * 2.0 ** (failures - 1))
    return RETRY_FIRST + draw * (ceiling - RETRY_FIRST)


def planned_at(*, refreshed_at: float, session_until: float | None, draw: float) -> float:
    """When the next keep-alive is planned, backoff aside (epoch seconds)."""
    every = KEEPALIVE
    if session_until is not None:
        # Halfway to the end the provider announces for the session (its idle
        # timeout), so the next keep-alive still comes in time.
        every = min(every, max(KEEPALIVE_MIN, (session_until - refreshed_at) / 2))
    return refreshed_at + max(KEEPALIVE_MIN, every * (1.0 - KEEPALIVE_SPREAD * draw))


def due_at(
    *, has_tokens: bool, failing: bool, refreshed_at: float, session_until: float | None,
    retry_at: float, deferred_to: float, draw: float,
) -> float:
    """When a planned refresh is next due, backoff and spread included; may lie in the past.

    Without an access token (restored from the keyring) it is due at once; after a
    failed refresh (``failing``) when the backoff ends, whatever the keep-alive said.
    """
    if not has_tokens or failing:
        return max(retry_at, deferred_to)
    planned = planned_at(refreshed_at=refreshed_at, session_until=session_until, draw=draw)
    return max(planned, retry_at, deferred_to)


def after_wake(*, due: float, failing: bool, now: float, draw: float) -> float | None:
    """After a wake-up or a network change: the random point ``now`` .. ``now`` +
    :data:`WAKE_SPREAD` for a refresh that is overdue or backing off (the failure may
    have been this computer's network); None when the plan stands (it is spread
    already, and moving it would bunch it up)."""
    if failing or due <= now:
        return now + WAKE_SPREAD * draw
    return None


def should_refresh(trigger: Trigger, *, now: float, due: float, retry_at: float) -> bool:
    """Whether to ask the provider now (the caller knows there is a refresh token)."""
    if trigger == Trigger.FORCE:
        return True
    if trigger == Trigger.DEMAND:
        return now >= retry_at
    return now >= due


def fresh(expires_at: float | None, now: float) -> bool:
    """Whether a token expiring at ``expires_at`` may still be handed out."""
    return expires_at is not None and expires_at - now > TOKEN_SKEW
