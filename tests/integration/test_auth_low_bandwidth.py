# SPDX-License-Identifier: EUPL-1.2
"""The refresh plan against the real test provider: the session is kept alive, the
access token lapses and is fetched on demand, with or without the data saver."""

from __future__ import annotations

import json

import pytest
from harness import Harness

from workplace.auth import AuthService, AuthStatus
from workplace.auth.plan import KEEPALIVE, KEEPALIVE_MIN, KEEPALIVE_SPREAD, TOKEN_SKEW
from workplace.net.http import HttpSession, Response

pytestmark = pytest.mark.integration


FIRST = KEEPALIVE * (1 - KEEPALIVE_SPREAD * 0.999)
"""The harness puts each plan at the start of its window (draw 0.999)."""


def _token_calls(harness: Harness) -> int:
    return harness.recorder.paths().count("/token")


def test_the_token_lapses_and_the_session_is_kept_alive(harness: Harness) -> None:
    harness.provider.set_behaviour(no_refresh_expiry=True)  # a provider that names no end
    service = harness.service()
    state = service.sign_in()
    assert state.expires_at is not None and state.session_until is None  # not said
    assert not state.low_bandwidth
    assert state.refresh_due_at == pytest.approx(harness.clock() + FIRST, abs=5)
    before = service.access_token()
    calls = _token_calls(harness)

    # Past the token's expiry, still before the keep-alive: nothing is sent, and the
    # state says so honestly: signed in, token expired, session as it was.
    harness.clock.advance(state.expires_at - harness.clock() + 120)
    idle = service.refresh_if_needed()
    assert _token_calls(harness) == calls
    assert idle.status == AuthStatus.SIGNED_IN and idle.reason is None
    assert idle.expires_at == state.expires_at < harness.clock()
    assert idle.session_until == state.session_until
    assert idle.refresh_due_at == state.refresh_due_at

    # Whoever needs a token gets a fresh one, on demand.
    fresh = service.access_token()
    assert fresh and fresh != before
    assert _token_calls(harness) == calls + 1
    after = service.status()
    assert after.expires_at is not None and after.expires_at > harness.clock() + TOKEN_SKEW
    assert after.refresh_due_at == pytest.approx(harness.clock() + FIRST, abs=5)
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
    assert kept.refresh_due_at == pytest.approx(harness.clock() + FIRST, abs=5)
    assert json.loads(harness.stored() or "{}")["refresh_token"]  # rotation saved

    # The data saver has no early refresh left to save: the plan stays, no network.
    saver = service.set_low_bandwidth(True)
    assert saver.low_bandwidth and saver.refresh_due_at == kept.refresh_due_at
    assert not service.set_low_bandwidth(False).low_bandwidth
    assert _token_calls(harness) == calls + 2


def test_each_keep_alive_falls_at_a_random_point_of_its_window(harness: Harness) -> None:
    draws = iter([0.3, 0.0, 0.5, 0.999])
    service = harness.service(draw=lambda: next(draws))
    service.sign_in()  # the provider keeps the session 14 days: the hour is the bound
    seen = []
    for _ in range(3):
        state = service.refresh_if_needed(force=True)
        assert state.refresh_due_at is not None
        seen.append(state.refresh_due_at - harness.clock())
    assert seen[0] == pytest.approx(KEEPALIVE, abs=5)
    assert seen[1] == pytest.approx(KEEPALIVE * 0.75, abs=5)
    assert seen[2] == pytest.approx(KEEPALIVE * 0.5, abs=5)


def test_keep_alive_comes_halfway_to_the_announced_session_end(harness: Harness) -> None:
    announced = [7200]  # what the provider says the session has left (idle timeout)

    def factory() -> HttpSession:
        session = harness.session_factory()

        def announce(response: Response) -> None:
            if response.url.endswith("/token") and response.status_code == 200:
                data = response.json()
                data["refresh_expires_in"] = announced[0]
                response._content = json.dumps(data).encode()

        session.hooks["response"].append(announce)
        return session

    service = AuthService(harness.config, harness.paths, factory, harness.keyring,
                          open_browser=harness.browser, clock=harness.clock,
                          draw=lambda: 0.0)  # each plan at the end of its window
    harness.services.append(service)
    state = service.sign_in()
    assert state.session_until == pytest.approx(harness.clock() + 7200, abs=5)
    assert state.refresh_due_at == pytest.approx(harness.clock() + KEEPALIVE, abs=5)

    announced[0] = 1200  # e.g. a 20-minute idle timeout: keep-alive after 10 minutes
    state = service.refresh_if_needed(force=True)
    assert state.session_until == pytest.approx(harness.clock() + 1200, abs=5)
    assert state.refresh_due_at == pytest.approx(harness.clock() + 600, abs=5)

    announced[0] = 30  # the session's end is near: never more often than once a minute
    state = service.refresh_if_needed(force=True)
    assert state.refresh_due_at == pytest.approx(harness.clock() + KEEPALIVE_MIN, abs=5)


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
