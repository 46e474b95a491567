# SPDX-License-Identifier: EUPL-1.2
"""The two refresh plans against the real test provider: ahead of expiry (normal) and
keep-alive only (low-bandwidth), with the access token fetched on demand."""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests
from harness import Harness

from workplace.auth import AuthService, AuthStatus
from workplace.auth.plan import KEEPALIVE, KEEPALIVE_MIN, REFRESH_MARGIN, TOKEN_SKEW

pytestmark = pytest.mark.integration


def _token_calls(harness: Harness) -> int:
    return harness.recorder.paths().count("/token")


def test_normal_mode_refreshes_ahead_of_expiry(harness: Harness) -> None:
    service = harness.service()
    state = service.sign_in()
    assert not state.low_bandwidth
    assert state.expires_at is not None
    assert state.refresh_due_at == pytest.approx(state.expires_at - REFRESH_MARGIN)
    calls = _token_calls(harness)

    harness.clock.advance(state.refresh_due_at - harness.clock() + 1)
    refreshed = service.refresh_if_needed()

    assert _token_calls(harness) == calls + 1
    assert refreshed.expires_at is not None and refreshed.expires_at > harness.clock() + 60


def test_low_bandwidth_lets_the_token_lapse_and_keeps_the_session(harness: Harness) -> None:
    harness.provider.set_behaviour(no_refresh_expiry=True)  # a provider that names no end
    service = harness.service()
    signed_in = service.sign_in()
    assert signed_in.expires_at is not None and signed_in.session_until is None  # not said
    before = service.access_token()
    calls = _token_calls(harness)

    state = service.set_low_bandwidth(True)

    assert state.low_bandwidth and _token_calls(harness) == calls  # no network
    assert state.refresh_due_at == pytest.approx(harness.clock() + KEEPALIVE, abs=5)

    # Past the token's expiry, still before the keep-alive: nothing is sent, and the
    # state says so honestly: signed in, token expired, session as it was.
    harness.clock.advance(signed_in.expires_at - harness.clock() + 120)
    idle = service.refresh_if_needed()
    assert _token_calls(harness) == calls
    assert idle.status == AuthStatus.SIGNED_IN and idle.reason is None
    assert idle.expires_at == signed_in.expires_at < harness.clock()
    assert idle.session_until == signed_in.session_until
    assert idle.refresh_due_at == state.refresh_due_at

    # Whoever needs a token gets a fresh one, on demand.
    fresh = service.access_token()
    assert fresh and fresh != before
    assert _token_calls(harness) == calls + 1
    after = service.status()
    assert after.expires_at is not None and after.expires_at > harness.clock() + TOKEN_SKEW
    assert after.refresh_due_at == pytest.approx(harness.clock() + KEEPALIVE, abs=5)
    assert service.access_token() == fresh  # still valid: no second request
    assert _token_calls(harness) == calls + 1

    # The keep-alive itself, when due.
    harness.clock.advance(after.refresh_due_at - harness.clock() - 10)  # margin: a stall
    service.refresh_if_needed()
    assert _token_calls(harness) == calls + 1  # ten seconds early: not yet
    harness.clock.advance(11)
    kept = service.refresh_if_needed()
    assert _token_calls(harness) == calls + 2
    assert kept.status == AuthStatus.SIGNED_IN and kept.reason is None
    assert kept.refresh_due_at == pytest.approx(harness.clock() + KEEPALIVE, abs=5)
    assert json.loads(harness.stored() or "{}")["refresh_token"]  # rotation saved

    # Back to normal: due at once if the token has lapsed or is about to.
    back = service.set_low_bandwidth(False)
    assert not back.low_bandwidth and back.expires_at is not None
    assert back.refresh_due_at == pytest.approx(back.expires_at - REFRESH_MARGIN)


def test_keep_alive_comes_halfway_to_the_announced_session_end(harness: Harness) -> None:
    announced = [7200]  # what the provider says the session has left (idle timeout)

    def factory() -> requests.Session:
        session = harness.session_factory()

        def announce(response: requests.Response, *args: Any, **kwargs: Any) -> None:
            if response.url.endswith("/token") and response.status_code == 200:
                data = response.json()
                data["refresh_expires_in"] = announced[0]
                response._content = json.dumps(data).encode()

        session.hooks["response"].append(announce)
        return session

    service = AuthService(harness.config, harness.paths, factory, harness.keyring,
                          open_browser=harness.browser, clock=harness.clock)
    harness.services.append(service)
    service.set_low_bandwidth(True)
    state = service.sign_in()
    assert state.session_until == pytest.approx(harness.clock() + 7200, abs=5)
    assert state.refresh_due_at == pytest.approx(harness.clock() + KEEPALIVE, abs=5)

    announced[0] = 1200  # e.g. a 20-minute idle timeout: keep-alive after 10 minutes
    state = service.refresh_if_needed(force=True)
    assert state.session_until == pytest.approx(harness.clock() + 1200, abs=5)
    assert state.refresh_due_at == pytest.approx(harness.clock() + 600, abs=5)

    announced[0] = 30  # the session's end is near: never more often than normally
    state = service.refresh_if_needed(force=True)
    assert state.refresh_due_at is not None and state.expires_at is not None
    assert state.refresh_due_at == pytest.approx(state.expires_at - REFRESH_MARGIN)
    assert state.refresh_due_at >= harness.clock() + KEEPALIVE_MIN


def test_access_token_is_none_when_signed_out_and_never_opens_a_browser(
    harness: Harness,
) -> None:
    service = harness.service()
    assert service.access_token() is None
    service.sign_in()
    service.set_low_bandwidth(True)
    service.sign_out()
    harness.clock.advance(3600)
    visits = len(harness.browser.visits)
    assert service.access_token() is None
    assert len(harness.browser.visits) == visits
