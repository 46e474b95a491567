# SPDX-License-Identifier: EUPL-1.2
"""A wrong clock on this computer is reported, never punished with the end of the session.

The provider rotates the refresh token on every refresh, whatever the launcher's clock
says; the launcher must keep the new one even when the new ID token looks expired or
issued in the future by its own clock (issue 9, item 7). The real test provider, the
real keyring, and the launcher's clock moved through its own seam (``clock=``).
"""

from __future__ import annotations

import json

import pytest
from harness import FakeClock, Harness

from workplace.auth import AuthErrorKind, AuthStatus

pytestmark = pytest.mark.integration

DAY = 24 * 3600.0
WRONG_CLOCKS = pytest.mark.parametrize(
    "shift", [-3 * DAY, 40 * DAY], ids=["three-days-behind", "forty-days-ahead"])


def _stored_refresh_token(harness: Harness) -> str:
    return str(json.loads(harness.stored() or "{}")["refresh_token"])


@WRONG_CLOCKS
def test_a_start_with_a_wrong_clock_keeps_the_session(harness: Harness, shift: float) -> None:
    """``workplace login``, one start with the clock off, then one with it right."""
    signed_in = harness.service().sign_in()
    remembered = _stored_refresh_token(harness)

    wrong = harness.service(clock=FakeClock(shift)).restore()

    assert wrong.status == AuthStatus.SIGNED_IN
    assert wrong.reason == AuthErrorKind.CLOCK_SKEW  # reported as what it is
    rotated = _stored_refresh_token(harness)
    assert rotated != remembered  # the provider's new refresh token was saved
    # The session's end is not moved by the wrong clock: "holds until" stays true.
    assert wrong.session_until == signed_in.session_until
    assert json.loads(harness.stored() or "{}")["session_until"] == signed_in.session_until

    right = harness.service()
    state = right.restore()

    assert state.status == AuthStatus.SIGNED_IN and state.reason is None
    assert state.display_name == "Erika Mustermann"
    assert right.access_token()
    # Last, as a reuse makes the provider revoke the whole grant: the old one was dead.
    dead = harness.token_request(grant_type="refresh_token", refresh_token=remembered)
    assert dead.json()["error"] == "invalid_grant"


@WRONG_CLOCKS
def test_a_running_launcher_whose_clock_goes_wrong_keeps_the_session(
    harness: Harness, shift: float,
) -> None:
    service = harness.service()
    service.sign_in()
    before = service.access_token()

    harness.clock.advance(shift)
    skewed = service.refresh_if_needed(force=True)

    assert skewed.status == AuthStatus.SIGNED_IN
    assert skewed.reason == AuthErrorKind.CLOCK_SKEW
    assert skewed.refresh_due_at is not None  # tried again after the backoff
    assert service.status().expires_at is not None
    # The answer's new tokens are not used: the old access token while it lasts by
    # this clock, then none until a refresh succeeds.
    assert service.access_token() == (before if shift < 0 else None)

    harness.clock.advance(-shift)  # the clock is put right
    state = service.refresh_if_needed(force=True)

    assert state.status == AuthStatus.SIGNED_IN and state.reason is None
    fresh = service.access_token()
    assert fresh and fresh != before
    assert harness.service().restore().status == AuthStatus.SIGNED_IN  # and remembered
