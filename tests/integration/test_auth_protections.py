# SPDX-License-Identifier: EUPL-1.2
"""Every checklist case the test provider can provoke (reference/security-checklist.md).

Each test turns on one bad behaviour in the provider (tests/stack/tamper.mjs) and
checks that sign-in stops with the right error, before any further request.
"""

from __future__ import annotations

import json
import socket
import threading
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from harness import Harness, tenant_config

from workplace.auth import AuthError, AuthErrorKind, AuthStatus
from workplace.auth.plan import RETRY_FIRST

pytestmark = pytest.mark.integration


def _fails(harness: Harness, kind: AuthErrorKind, **service_options: object) -> AuthError:
    service = harness.service(**service_options)
    with pytest.raises(AuthError) as failure:
        service.sign_in()
    assert failure.value.kind == kind, str(failure.value)
    assert service.status().status == AuthStatus.SIGNED_OUT
    assert service.access_token() is None
    assert harness.stored() is None
    return failure.value


def _token_requests(harness: Harness) -> int:
    return harness.recorder.paths().count("/token")


def test_wrong_state_is_rejected_before_a_token_request(harness: Harness) -> None:
    harness.provider.set_behaviour(callback_state="forged-state")
    _fails(harness, AuthErrorKind.STATE_MISMATCH)
    assert _token_requests(harness) == 0


@pytest.mark.parametrize("change", [
    {"code_challenge_methods_supported": ["plain"]},
    {"code_challenge_methods_supported": None},
    {"token_endpoint": "http://provider.example/token"},  # http off loopback
    {"authorization_endpoint": "javascript:alert(1)"},
    {"end_session_endpoint": "file:///etc/passwd"},
    {"id_token_signing_alg_values_supported": ["none", "HS256"]},
])
def test_an_insecure_provider_is_refused_before_the_browser_opens(
    harness: Harness, change: dict[str, object]
) -> None:
    harness.provider.set_behaviour(discovery=change)
    _fails(harness, AuthErrorKind.INSECURE_PROVIDER)
    assert harness.browser.visits == []
    assert _token_requests(harness) == 0


def test_access_denied_is_reported(harness: Harness) -> None:
    harness.browser.action = "deny"
    error = _fails(harness, AuthErrorKind.DENIED)
    assert "access_denied" in str(error)
    assert _token_requests(harness) == 0


def test_callback_iss_mismatch(harness: Harness) -> None:
    harness.provider.set_behaviour(callback_iss="http://127.0.0.1:1")
    _fails(harness, AuthErrorKind.ISSUER_MISMATCH)
    assert _token_requests(harness) == 0


def test_callback_without_iss_when_provider_promises_it(harness: Harness) -> None:
    harness.provider.set_behaviour(callback_iss=None)
    _fails(harness, AuthErrorKind.ISSUER_MISMATCH)
    assert _token_requests(harness) == 0


@pytest.mark.parametrize(("forgery", "kind"), [
    ("bad_sig", AuthErrorKind.INVALID_TOKEN),          # rp-id_token-bad-sig-rs256
    ("alg_none", AuthErrorKind.INVALID_TOKEN),         # rp-id_token-sig-none
    ("wrong_iss", AuthErrorKind.ISSUER_MISMATCH),      # rp-id_token-issuer-mismatch
    ("wrong_aud", AuthErrorKind.INVALID_TOKEN),        # rp-id_token-aud
    ("no_aud", AuthErrorKind.INVALID_TOKEN),
    ("wrong_nonce", AuthErrorKind.INVALID_TOKEN),      # rp-nonce-invalid
    ("no_nonce", AuthErrorKind.INVALID_TOKEN),
    ("expired", AuthErrorKind.INVALID_TOKEN),          # rp-id_token-iat / exp
    ("no_iat", AuthErrorKind.INVALID_TOKEN),
    ("no_sub", AuthErrorKind.INVALID_TOKEN),           # rp-id_token-sub
    ("other_azp", AuthErrorKind.INVALID_TOKEN),        # issued to another party
])
def test_forged_id_token_is_rejected(harness: Harness, forgery: str,
                                     kind: AuthErrorKind) -> None:
    harness.provider.set_behaviour(id_token=forgery)
    _fails(harness, kind)
    assert "/me" not in harness.recorder.paths()  # no userinfo call follows


def test_wrong_clock_is_told_apart(harness: Harness) -> None:
    harness.clock.advance(3 * 3600)  # this computer's clock is three hours ahead
    _fails(harness, AuthErrorKind.CLOCK_SKEW)


def test_unknown_kid_from_the_token_endpoint_refetches_once_per_token(
    harness: Harness,
) -> None:
    """rp-key-rotation-op-sign-key: a token the launcher itself redeemed names a kid the
    key set lacks. One refetch for it, at once, never two; still refused if the new set
    lacks the kid too."""
    harness.provider.set_behaviour(id_token="unknown_kid")
    _fails(harness, AuthErrorKind.INVALID_TOKEN)
    assert harness.recorder.paths().count("/jwks") == 1  # fetched for this token: enough
    service = harness.services[0]
    for fetches in (2, 3):  # a second later, not a minute: no rate limit for these
        with pytest.raises(AuthError) as failure:
            service.sign_in()
        assert failure.value.kind == AuthErrorKind.INVALID_TOKEN
        assert harness.recorder.paths().count("/jwks") == fetches


def test_unknown_kid_of_a_token_handed_in_refetches_rate_limited(harness: Harness) -> None:
    """A token from anywhere but the launcher's own token request: the key set is
    fetched again for an unknown kid at most once a minute."""
    from workplace.auth.jwks import JwksCache

    keys = JwksCache(f"{harness.provider.issuer}/jwks", harness.clock)
    with harness.session_factory() as session:
        def refused() -> None:
            with pytest.raises(AuthError) as failure:
                keys.key_for("not-in-the-jwks", "RS256", session)
            assert failure.value.kind == AuthErrorKind.INVALID_TOKEN

        refused()
        assert harness.recorder.paths().count("/jwks") == 1
        refused()
        assert harness.recorder.paths().count("/jwks") == 1  # rate-limited
        harness.clock.advance(61)
        refused()
        assert harness.recorder.paths().count("/jwks") == 2  # once more after a minute
        assert keys.key_for(harness.provider.kid, "RS256", session)  # the real one


def test_signing_keys_are_fetched_again_after_a_day(harness: Harness) -> None:
    service = harness.service()
    service.sign_in()
    assert harness.recorder.paths().count("/jwks") == 1
    service.refresh_if_needed(force=True)
    assert harness.recorder.paths().count("/jwks") == 1  # still fresh
    # A day later (by the launcher's clock; the provider's tokens then look expired,
    # which does not matter here): the keys are fetched before they verify anything.
    harness.clock.advance(24 * 3600 + 1)
    service.refresh_if_needed(force=True)
    assert harness.recorder.paths().count("/jwks") == 2  # a withdrawn key is not kept


def test_userinfo_about_another_user_is_rejected(harness: Harness) -> None:
    harness.provider.set_behaviour(userinfo_sub="someone-else")
    _fails(harness, AuthErrorKind.INVALID_TOKEN)  # rp-userinfo-bad-sub-claim


def test_refreshed_id_token_for_another_user_is_rejected(harness: Harness) -> None:
    service = harness.service()
    service.sign_in()
    before = service.access_token()
    harness.provider.set_behaviour(id_token="other_sub")

    state = service.refresh_if_needed(force=True)

    assert state.reason == AuthErrorKind.INVALID_TOKEN
    assert service.access_token() == before


def test_discovery_issuer_mismatch_stops_before_any_request(harness: Harness) -> None:
    harness.provider.set_behaviour(discovery_issuer="http://127.0.0.1:1")
    _fails(harness, AuthErrorKind.ISSUER_MISMATCH)
    assert harness.recorder.paths() == ["/.well-known/openid-configuration"]
    assert harness.browser.visits == []


def test_provider_down(harness: Harness) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = tenant_config(f"http://127.0.0.1:{port}")
    _fails(harness, AuthErrorKind.PROVIDER_UNREACHABLE, config=config)
    assert harness.browser.visits == []


def test_a_provider_whose_certificate_is_not_trusted_is_a_tls_error(
    harness: Harness, ca: Any
) -> None:
    """The agency's provider behind a certificate of a CA this machine does not trust
    (and IT named no extra bundle): "TLS", before any browser opens."""
    from tests.support.servers import LoopbackServer, Route

    server = LoopbackServer(ca.server_context)
    try:
        issuer = server.url("/realms/agency")
        server.routes["/realms/agency/.well-known/openid-configuration"] = Route(
            body=json.dumps({"issuer": issuer}).encode())
        error = _fails(harness, AuthErrorKind.TLS, config=tenant_config(issuer))
        assert "certificate" in str(error) or "TLS" in str(error)
        assert harness.browser.visits == []
        assert server.seen == []  # the handshake failed: no request was ever sent
    finally:
        server.close()


def test_provider_too_slow(harness: Harness) -> None:
    harness.timeout = (2.0, 0.5)
    harness.provider.set_behaviour(delay_ms=3000)
    _fails(harness, AuthErrorKind.TIMEOUT)


def test_refresh_timeout_backs_off(harness: Harness) -> None:
    service = harness.service()
    planned = service.sign_in().refresh_due_at
    assert planned is not None
    harness.timeout = (2.0, 0.5)
    harness.provider.set_behaviour(delay_ms=3000, delay_paths=["/token"])

    harness.clock.advance(planned - harness.clock() + 1)
    state = service.refresh_if_needed()
    assert state.reason == AuthErrorKind.TIMEOUT
    assert state.status == AuthStatus.SIGNED_IN  # still signed in, just not refreshed
    harness.recorder.calls.clear()
    harness.clock.advance(RETRY_FIRST - 10)  # due by the plan, but within the backoff
    service.refresh_if_needed()
    assert harness.recorder.calls == []


def test_stray_requests_get_404_and_the_port_closes(harness: Harness) -> None:
    answers: list[int] = []
    redirect: list[str] = []

    def stray(url: str) -> None:
        target = parse_qs(urlsplit(url).query)["redirect_uri"][0]
        redirect.append(target)
        base = target.rsplit("/", 1)[0]
        with requests.Session() as session:
            session.trust_env = False
            for probe in (f"{base}/", f"{base}/favicon.ico", target, f"{target}?foo=1"):
                response = session.get(probe, timeout=5, allow_redirects=False)
                answers.append(response.status_code)
                assert "location" not in response.headers

    harness.browser.before = stray
    state = harness.service().sign_in()

    assert state.status == AuthStatus.SIGNED_IN  # stray requests did not disturb it
    assert answers == [404, 404, 404, 404]
    with pytest.raises(requests.ConnectionError), requests.Session() as session:
        session.get(redirect[0], timeout=5)  # closed after the first valid callback


def test_cancel_is_cancelled(harness: Harness) -> None:
    cancel = threading.Event()
    harness.browser.action = "ignore"
    harness.browser.before = lambda url: cancel.set()
    with pytest.raises(AuthError) as failure:
        harness.service().sign_in(cancel)
    assert failure.value.kind == AuthErrorKind.CANCELLED  # the window says nothing
    assert failure.value.detail == ""


def test_time_limit_is_a_timeout_not_a_cancel(harness: Harness) -> None:
    harness.browser.action = "ignore"  # the user never finishes in the browser
    hurried = harness.service(sign_in_seconds=0.3)
    with pytest.raises(AuthError) as failure:
        hurried.sign_in(threading.Event())
    assert failure.value.kind == AuthErrorKind.TIMEOUT  # the window explains it
    assert "time limit" in str(failure.value)
    assert hurried.status().status == AuthStatus.SIGNED_OUT
    assert len(harness.browser.visits) == 1


def test_provider_down_after_discovery_was_cached_opens_no_browser(
    own_harness: Harness,
) -> None:
    service = own_harness.service()
    service.sign_in()  # discovery is now cached in memory and on disk
    service.sign_out()
    visits = len(own_harness.browser.visits)
    own_harness.provider.stop()

    for attempt in (service, own_harness.service()):  # memory cache, disk cache
        with pytest.raises(AuthError) as failure:
            attempt.sign_in()
        assert failure.value.kind == AuthErrorKind.PROVIDER_UNREACHABLE, str(failure.value)
        assert attempt.status().status == AuthStatus.SIGNED_OUT
    assert len(own_harness.browser.visits) == visits  # no dead sign-in page


def test_one_attempt_at_a_time(harness: Harness) -> None:
    service = harness.service()
    second: list[AuthError] = []

    def try_again(url: str) -> None:
        try:
            service.sign_in()
        except AuthError as exc:
            second.append(exc)

    harness.browser.before = try_again
    assert service.sign_in().status == AuthStatus.SIGNED_IN
    assert [e.kind for e in second] == [AuthErrorKind.BUSY]


def test_no_browser_suggests_the_code(harness: Harness) -> None:
    _fails(harness, AuthErrorKind.BROWSER_UNAVAILABLE, open_browser=lambda url: False)


def test_token_requests_never_follow_a_redirect(harness: Harness) -> None:
    """A 307 would replay the code or the refresh token to wherever it points."""
    from tests.support.servers import LoopbackServer

    elsewhere = LoopbackServer()
    try:
        harness.provider.set_behaviour(redirect={"/token": elsewhere.url("/steal")})
        _fails(harness, AuthErrorKind.PROVIDER_ERROR)
        assert elsewhere.seen == []

        harness.provider.set_behaviour()
        service = harness.service()
        service.sign_in()
        harness.provider.set_behaviour(redirect={
            "/token": elsewhere.url("/steal"), "/jwks": elsewhere.url("/keys"),
        })
        state = service.refresh_if_needed(force=True)
        assert state.reason == AuthErrorKind.PROVIDER_ERROR  # transient: kept signed in
        assert state.status == AuthStatus.SIGNED_IN and harness.stored() is not None
        assert elsewhere.seen == []
    finally:
        elsewhere.close()


@pytest.mark.parametrize("field", ["end_session_endpoint", "revocation_endpoint",
                                   "userinfo_endpoint", "token_endpoint"])
def test_a_tampered_discovery_cache_is_not_used(harness: Harness, field: str) -> None:
    """The cache is parsed again like a fresh document: a file: or foreign http: endpoint
    in it makes the launcher ask the provider again instead."""
    import json

    service = harness.service()
    service.sign_in()
    [cache] = list((harness.paths.cache_dir / "auth").glob("discovery-*.json"))
    data = json.loads(cache.read_text(encoding="utf-8"))
    data["document"][field] = "file:///etc/passwd" if field.startswith("end") \
        else "http://evil.example/steal"
    cache.write_text(json.dumps(data), encoding="utf-8")
    harness.recorder.calls.clear()

    restored = harness.service().restore()

    assert restored.status == AuthStatus.SIGNED_IN
    assert "/.well-known/openid-configuration" in harness.recorder.paths()
    assert all("evil" not in path for path in harness.recorder.paths())


def test_a_discovery_cache_that_cannot_be_written_is_harmless(
    harness: Harness, caplog: pytest.LogCaptureFixture,
) -> None:
    """A directory where the cache file belongs: the sign-in works, no temporary file
    is left, and one quiet line names the file, without a traceback (issue 9, item 10)."""
    import hashlib
    import logging

    digest = hashlib.sha256(harness.provider.issuer.encode()).hexdigest()[:16]
    blocked = harness.paths.cache_dir / "auth" / f"discovery-{digest}.json"
    blocked.mkdir(parents=True)
    caplog.set_level(logging.DEBUG, logger="workplace")

    assert harness.service().sign_in().status == AuthStatus.SIGNED_IN

    assert [p.name for p in blocked.parent.iterdir()] == [blocked.name]  # no leftovers
    assert blocked.is_dir() and not any(blocked.iterdir())
    [note] = [r for r in caplog.records if "could not cache" in r.getMessage()]
    assert note.levelno == logging.INFO and str(blocked) in note.getMessage()
    assert all(r.exc_info is None for r in caplog.records)
    assert all(r.levelno < logging.WARNING for r in caplog.records)
