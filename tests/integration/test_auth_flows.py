# SPDX-License-Identifier: EUPL-1.2
"""The sign-in flows of issue 3 against the real test provider and the real keyring."""

from __future__ import annotations

import json
import threading

import pytest
import requests
from harness import Harness, StillClock
from keyring.backends import null

from workplace.auth import AuthError, AuthErrorKind, AuthStatus, KeyringStore
from workplace.auth.client import Grant, TokenClient
from workplace.auth.plan import KEEPALIVE, KEEPALIVE_SPREAD, retry_delay
from workplace.auth.tokens import TokenSet

pytestmark = pytest.mark.integration


def test_sign_in_end_to_end(harness: Harness) -> None:
    service = harness.service()
    assert service.restore().status == AuthStatus.SIGNED_OUT

    state = service.sign_in()

    assert state.status == AuthStatus.SIGNED_IN
    assert (state.display_name, state.initials) == ("Erika Mustermann", "EM")
    assert state.email == "erika.mustermann@musterstadt.example"
    assert state.keyring_backend == "SecretService.Keyring"
    assert state.expires_at is not None
    params = harness.browser.params(0)
    assert params["code_challenge_method"] == "S256"
    assert len(params["code_challenge"]) == 43
    assert params["redirect_uri"].startswith("http://127.0.0.1:")
    assert params["redirect_uri"].endswith("/callback")
    assert params["prompt"] == "consent"  # the tenant setting, not code
    assert params["nonce"] and params["state"]
    # Only the refresh token is remembered; access and ID token stay in memory.
    entry = json.loads(harness.stored() or "{}")
    assert entry["refresh_token"]
    access = service.access_token()
    assert access and access not in json.dumps(entry)
    assert "eyJ" not in json.dumps(entry)


def test_every_attempt_has_new_secrets(harness: Harness) -> None:
    service = harness.service()
    service.sign_in()
    service.sign_in()
    first, second = harness.browser.params(0), harness.browser.params(1)
    for name in ("state", "nonce", "code_challenge"):
        assert first[name] != second[name]


def test_restart_restores_without_browser(harness: Harness) -> None:
    harness.service().sign_in()
    visits = len(harness.browser.visits)

    restarted = harness.service()
    state = restarted.restore()

    assert state.status == AuthStatus.SIGNED_IN
    assert state.display_name == "Erika Mustermann"
    assert restarted.access_token()
    assert len(harness.browser.visits) == visits


def test_the_keep_alive_rotates(harness: Harness) -> None:
    service = harness.service()
    due = service.sign_in().refresh_due_at
    assert due is not None
    old = json.loads(harness.stored() or "{}")["refresh_token"]
    old_access = service.access_token()

    harness.recorder.calls.clear()
    assert service.refresh_if_needed().status == AuthStatus.SIGNED_IN
    assert "/token" not in harness.recorder.paths()  # not due yet

    harness.clock.advance(due - harness.clock() + 1)
    state = service.refresh_if_needed()

    assert state.status == AuthStatus.SIGNED_IN
    new = json.loads(harness.stored() or "{}")["refresh_token"]
    assert new != old
    assert service.access_token() != old_access
    # Rotation: the old refresh token is dead at the provider.
    reuse = harness.token_request(grant_type="refresh_token", refresh_token=old)
    assert reuse.json()["error"] == "invalid_grant"


def test_refresh_due_at_follows_the_keep_alive_backoff_and_sign_out(harness: Harness) -> None:
    service = harness.service()  # each plan at the start of its window (the harness)
    first = KEEPALIVE * (1 - KEEPALIVE_SPREAD * 0.999)
    assert service.status().refresh_due_at is None  # signed out

    state = service.sign_in()
    assert state.expires_at is not None
    # The keep-alive, not the 300 s token's expiry (the provider keeps the session 14 days).
    assert state.refresh_due_at == pytest.approx(harness.clock() + first, abs=5)

    # The fake clock runs with real time; 10 s of margin survive a stalled machine.
    harness.clock.advance(state.refresh_due_at - harness.clock() - 10)
    harness.recorder.calls.clear()
    service.refresh_if_needed()
    assert "/token" not in harness.recorder.paths()  # ten seconds early: not yet
    harness.clock.advance(11)
    refreshed = service.refresh_if_needed()
    assert "/token" in harness.recorder.paths()  # due: refreshed
    assert refreshed.expires_at is not None and refreshed.expires_at > state.expires_at
    assert refreshed.refresh_due_at == pytest.approx(harness.clock() + first, abs=5)

    # A failed refresh backs off: the due time moves to the next try.
    harness.timeout = (2.0, 0.5)
    harness.provider.set_behaviour(delay_ms=3000, delay_paths=["/token"])
    harness.clock.advance(first + 1)
    failed = service.refresh_if_needed()
    harness.provider.set_behaviour()
    assert failed.reason == AuthErrorKind.TIMEOUT
    assert failed.refresh_due_at == pytest.approx(harness.clock() + retry_delay(1, 0.999),
                                                  abs=2)

    service.sign_out()
    assert service.status().refresh_due_at is None


def test_refresh_due_at_is_none_when_reauth_is_required(harness: Harness) -> None:
    service = harness.service()
    service.sign_in()
    token = json.loads(harness.stored() or "{}")["refresh_token"]
    harness.provider.revoke(token)
    state = service.refresh_if_needed(force=True)
    assert state.status == AuthStatus.REAUTH_REQUIRED
    assert state.refresh_due_at is None


def test_session_only_sign_in_refreshes_in_memory(harness: Harness) -> None:
    service = harness.service(keyring_store=KeyringStore(null.Keyring()))
    state = service.sign_in()
    assert state.status == AuthStatus.SESSION_ONLY and state.expires_at is not None
    assert state.refresh_due_at is not None
    before = service.access_token()

    harness.clock.advance(state.refresh_due_at - harness.clock() + 1)
    refreshed = service.refresh_if_needed()

    assert refreshed.status == AuthStatus.SESSION_ONLY
    assert service.access_token() != before  # really refreshed, not just left alone
    assert refreshed.reason == AuthErrorKind.NO_KEYRING  # and still says why not saved
    assert harness.stored() is None


def test_on_url_gets_the_authorization_url_before_the_browser(harness: Harness) -> None:
    seen: list[tuple[str, int]] = []
    service = harness.service()

    state = service.sign_in(None, on_url=lambda url: seen.append(
        (url, len(harness.browser.visits))))

    assert state.status == AuthStatus.SIGNED_IN
    assert seen == [(harness.browser.visits[0], 0)]  # the same URL, before the browser ran
    params = harness.browser.params(0)
    assert params["code_challenge"] and params["state"]
    assert "code_verifier" not in seen[0][0]

    def broken(url: str) -> None:
        raise RuntimeError("the window's callback is broken")

    assert service.sign_in(on_url=broken).status == AuthStatus.SIGNED_IN  # no harm done
    assert service.sign_in(threading.Event()).status == AuthStatus.SIGNED_IN  # as before


def test_failed_save_is_a_failed_refresh(harness: Harness) -> None:
    service = harness.service()
    service.sign_in()
    before = service.access_token()

    def broken_save(account: str, secret: str) -> None:
        raise RuntimeError("keyring went away")

    harness.keyring.save = broken_save  # type: ignore[method-assign]
    state = service.refresh_if_needed(force=True)

    assert state.reason == AuthErrorKind.KEYRING_FAILED
    assert service.access_token() == before  # the new access token is not used


def test_provider_restart_with_new_signing_key(own_harness: Harness) -> None:
    service = own_harness.service()
    due = service.sign_in().refresh_due_at
    assert due is not None
    old_kid = own_harness.provider.kid

    own_harness.provider.restart()  # same port and grants, new signing key
    assert own_harness.provider.kid != old_kid
    own_harness.clock.advance(due - own_harness.clock() + 1)
    own_harness.recorder.calls.clear()
    state = service.refresh_if_needed()

    assert state.status == AuthStatus.SIGNED_IN and state.reason is None
    assert own_harness.recorder.paths().count("/jwks") == 1  # refetched once


def test_a_key_rotated_just_after_the_keys_were_fetched_is_fetched_at_once(
    own_harness: Harness,
) -> None:
    """The provider rotates its signing key seconds after the launcher fetched the key
    set: the ID token it then issues is checked against a set fetched once more at
    once (issue 9, item 11), on a refresh and on a sign-in."""
    service = own_harness.service()
    service.sign_in()  # the key set is fetched now
    for again in (lambda: service.refresh_if_needed(force=True), service.sign_in):
        old_kid = own_harness.provider.kid
        own_harness.provider.restart()  # same port and grants, new signing key
        assert own_harness.provider.kid != old_kid
        own_harness.recorder.calls.clear()

        state = again()

        assert state.status == AuthStatus.SIGNED_IN and state.reason is None
        assert own_harness.recorder.paths().count("/jwks") == 1  # refetched once


def test_revoked_refresh_token_asks_once_for_sign_in(harness: Harness) -> None:
    service = harness.service()
    service.sign_in()
    token = json.loads(harness.stored() or "{}")["refresh_token"]
    harness.provider.revoke(token)
    visits = len(harness.browser.visits)

    state = service.refresh_if_needed(force=True)

    assert state.status == AuthStatus.REAUTH_REQUIRED
    assert state.reason == AuthErrorKind.REJECTED_REFRESH
    assert state.display_name == "Erika Mustermann"  # "please sign in again, Erika"
    assert harness.stored() is None and service.access_token() is None
    harness.recorder.calls.clear()
    assert service.refresh_if_needed(force=True).status == AuthStatus.REAUTH_REQUIRED
    assert harness.recorder.calls == []  # no loop: no further request
    assert len(harness.browser.visits) == visits  # and no browser window
    assert harness.service().restore().status == AuthStatus.SIGNED_OUT


def test_sign_out_wipes_everything(harness: Harness) -> None:
    service = harness.service()
    service.sign_in()
    token = json.loads(harness.stored() or "{}")["refresh_token"]

    service.sign_out()

    assert service.status().status == AuthStatus.SIGNED_OUT
    assert service.status().display_name == ""
    assert service.access_token() is None
    assert harness.stored() is None
    reuse = harness.token_request(grant_type="refresh_token", refresh_token=token)
    assert reuse.json()["error"] == "invalid_grant"  # revoked (RFC 7009)
    # The browser is started with a one-time loopback address, not with the ID token:
    # it redirects to the provider's end-session URL.
    start = harness.browser.visits[-1]
    assert start.startswith("http://127.0.0.1:") and "/once/" in start
    assert "eyJ" not in start and "id_token" not in start
    logout = harness.browser.landed(f"{harness.provider.issuer}/session/end?")
    assert logout["id_token_hint"].count(".") == 2
    assert logout["post_logout_redirect_uri"].startswith("http://127.0.0.1:")
    assert logout["state"] and logout["client_id"] == "arbeitsplatz"
    assert "Abgemeldet" in harness.browser.pages[-1]  # the provider ended it, came back
    with pytest.raises(requests.ConnectionError):  # the page's listener is gone
        requests.get(start, timeout=5)
    revocation = [c for c in harness.recorder.calls if c[1] == "/token/revocation"]
    assert revocation == [("POST", "/token/revocation")]


def test_sign_out_offline_wipes_locally(own_harness: Harness) -> None:
    service = own_harness.service()
    service.sign_in()
    own_harness.provider.stop()

    service.sign_out()  # no exception, no retry

    assert service.status().status == AuthStatus.SIGNED_OUT
    assert own_harness.stored() is None
    assert service.access_token() is None


def test_device_grant(harness: Harness) -> None:
    waits: list[float] = []

    def wait(seconds: float, cancel: threading.Event) -> bool:
        waits.append(seconds)
        if len(waits) == 3:  # the user enters the code on another device meanwhile
            harness.browser(challenge.verification_uri_complete or "")
        harness.clock.advance(seconds)
        return cancel.is_set()

    # The test's clock, no real waiting.
    service = harness.service(open_browser=lambda url: False, wait=wait)
    challenge = service.start_device()
    assert challenge.user_code and challenge.verification_uri.startswith(harness.provider.issuer)
    state = service.poll_device(challenge, threading.Event())

    assert state.status == AuthStatus.SIGNED_IN
    assert state.display_name == "Erika Mustermann"
    assert waits[0] == 5.0  # RFC 8628 default interval
    assert harness.stored() is not None


def test_device_grant_slow_down_and_expiry(harness: Harness) -> None:
    harness.provider.set_behaviour(device_slow_down=2)
    waits: list[float] = []
    clock = StillClock()  # moves by the waits only, however long the polls take

    def wait(seconds: float, cancel: threading.Event) -> bool:
        waits.append(seconds)
        clock.advance(seconds)
        return False

    service = harness.service(wait=wait, clock=clock)
    challenge = service.start_device()
    with pytest.raises(AuthError) as failure:
        service.poll_device(challenge, threading.Event())

    assert failure.value.kind == AuthErrorKind.DEVICE_CODE_EXPIRED
    assert waits[:4] == [5.0, 10.0, 15.0, 15.0]  # +5 s after each of two slow_down
    # Waited up to expires_in (600 s) and not a poll past it: the last wait ends there.
    assert sum(waits) == pytest.approx(600)
    assert harness.recorder.paths().count("/token") == len(waits) - 1


def test_device_grant_cancel(harness: Harness) -> None:
    service = harness.service()
    challenge = service.start_device()
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(AuthError) as failure:
        service.poll_device(challenge, cancel)
    assert failure.value.kind == AuthErrorKind.CANCELLED


def test_a_refresh_answer_without_a_new_refresh_token_keeps_the_session(
    harness: Harness,
) -> None:
    service = harness.service()
    service.sign_in()
    stored = json.loads(harness.stored() or "{}")["refresh_token"]
    harness.provider.set_behaviour(drop_refresh_token=True)

    state = service.refresh_if_needed(force=True)

    assert state.status == AuthStatus.SIGNED_IN and state.reason is None
    assert state.refresh_due_at is not None  # still planned
    assert json.loads(harness.stored() or "{}")["refresh_token"] == stored
    assert service.access_token()
    harness.provider.set_behaviour()
    service.sign_out()  # the logout hint is the ID token of the sign-in, kept
    logout = harness.browser.landed(f"{harness.provider.issuer}/session/end?")
    assert logout["id_token_hint"].count(".") == 2


def test_a_sign_out_during_a_refresh_wins(harness: Harness) -> None:
    """The refresh has its answer (a rotated token) when the user signs out: it must
    not store it, nor bring the session back. The provider exchange is real; the
    client passed in only holds the answer until the sign-out is done."""
    answered, proceed = threading.Event(), threading.Event()

    class HeldRefresh(TokenClient):
        def refresh(self, refresh_token: str, *, previous: TokenSet | None,
                    subject: str | None) -> Grant:
            grant = super().refresh(refresh_token, previous=previous, subject=subject)
            answered.set()
            proceed.wait(30)
            return grant

    service = harness.service(client=harness.client(HeldRefresh))
    service.sign_in()
    results: list[object] = []
    refresh = threading.Thread(target=lambda: results.append(
        service.refresh_if_needed(force=True)))
    refresh.start()
    try:
        assert answered.wait(30)
        service.sign_out()
    finally:
        proceed.set()
        refresh.join(30)

    assert results and not refresh.is_alive()
    assert service.status().status == AuthStatus.SIGNED_OUT
    assert service.access_token() is None
    assert harness.stored() is None  # not saved again by the late refresh
    assert harness.service().restore().status == AuthStatus.SIGNED_OUT


def test_a_refresh_rejected_after_a_new_sign_in_leaves_the_new_session(
    harness: Harness,
) -> None:
    """The provider refuses the old refresh token, but its answer comes after the user
    has signed in anew: the new session is neither wiped nor marked as ended."""
    answered, proceed = threading.Event(), threading.Event()

    class HeldRefresh(TokenClient):
        def refresh(self, refresh_token: str, *, previous: TokenSet | None,
                    subject: str | None) -> Grant:
            try:
                return super().refresh(refresh_token, previous=previous, subject=subject)
            finally:
                answered.set()
                proceed.wait(30)

    service = harness.service(client=harness.client(HeldRefresh))
    service.sign_in()
    harness.provider.revoke(json.loads(harness.stored() or "{}")["refresh_token"])
    results: list[object] = []
    refresh = threading.Thread(target=lambda: results.append(
        service.refresh_if_needed(force=True)))
    refresh.start()
    try:
        assert answered.wait(30)
        assert service.sign_in().status == AuthStatus.SIGNED_IN
        signed_in_anew = harness.stored()
    finally:
        proceed.set()
        refresh.join(30)

    assert results and not refresh.is_alive()
    state = service.status()
    assert state.status == AuthStatus.SIGNED_IN and state.reason is None
    assert signed_in_anew is not None and harness.stored() == signed_in_anew
    assert service.access_token()


def test_a_failed_revocation_still_ends_the_provider_session(harness: Harness) -> None:
    service = harness.service()
    service.sign_in()
    harness.provider.set_behaviour(redirect={"/token/revocation": "http://127.0.0.1:9/"})

    service.sign_out()

    assert harness.stored() is None
    assert harness.browser.landed(f"{harness.provider.issuer}/session/end?")["id_token_hint"]
    assert "Abgemeldet" in harness.browser.pages[-1]
