# SPDX-License-Identifier: EUPL-1.2
"""The refresh plan: when to ask the provider for new tokens. Pure functions of plain values.

Two plans:

- normal: refresh silently :data:`REFRESH_MARGIN` seconds before the access token
  expires, so a valid token is always at hand (openDesk: 300 s tokens, a refresh every
  240 s);
- low-bandwidth: the launcher itself needs no access token, so the token is let lapse
  and the session is only kept alive, every :data:`KEEPALIVE` seconds and never later
  than halfway to the end the provider announces for the session (openDesk: 4 h SSO
  idle, 30 days offline idle). Whoever needs a token asks for one, and it is refreshed
  on demand.

A failed refresh backs off: :data:`BACKOFF_FIRST` seconds, doubling up to
:data:`BACKOFF_MAX`.
"""

from __future__ import annotations

from enum import StrEnum

REFRESH_MARGIN = 60.0
"""Refresh this many seconds before the access token expires (openDesk: 300 s tokens)."""
BACKOFF_FIRST, BACKOFF_MAX = 5.0, 300.0
KEEPALIVE = 1800.0
"""Low-bandwidth mode: seconds between refreshes that only keep the session alive."""
KEEPALIVE_MIN = 60.0
"""...but never closer together than this, even near the session's announced end."""
TOKEN_SKEW = 30.0
"""A token with less than this left is not handed out: it is refreshed first."""


class Trigger(StrEnum):
    """Why a refresh is being considered."""

    PLAN = "plan"
    """The timer: refresh when the plan says it is due (backoff included)."""
    FORCE = "force"
    """Wake-up, a network change, a restore: refresh now, backoff or not."""
    DEMAND = "demand"
    """Someone needs a token and the one at hand is stale: refresh unless backing off."""


def backoff(failures: int) -> float:
    """Seconds to wait after ``failures`` failed refreshes in a row."""
    if failures <= 0:
        return 0.0
    return min(BACKOFF_MAX, BACKOFF_FIRST * 2.0 ** (failures - 1))


def planned_at(
    *, expires_at: float, refreshed_at: float, session_until: float | None,
    low_bandwidth: bool, margin: float = REFRESH_MARGIN,
) -> float:
    """When the plan wants the next refresh, backoff aside (epoch seconds)."""
    ahead = expires_at - margin
    if not low_bandwidth:
        return ahead
    every = KEEPALIVE
    if session_until is not None:
        # Halfway to the end the provider announces for the session (its idle
        # timeout), so the next keep-alive still comes in time.
        every = min(every, max(KEEPALIVE_MIN, (session_until - refreshed_at) / 2))
    return max(ahead, refreshed_at + every)  # never more often than the normal plan


def due_at(
    *, expires_at: float | None, refreshed_at: float, session_until: float | None,
    low_bandwidth: bool, retry_at: float, margin: float = REFRESH_MARGIN,
) -> float:
    """When a planned refresh is next due, backoff included; may lie in the past.

    Without an access token (restored from the keyring, or a refresh failed since) it
    is due at once, or when the backoff ends.
    """
    if expires_at is None:
        return retry_at
    return max(planned_at(expires_at=expires_at, refreshed_at=refreshed_at,
                          session_until=session_until, low_bandwidth=low_bandwidth,
                          margin=margin), retry_at)


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
