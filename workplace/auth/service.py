# SPDX-License-Identifier: EUPL-1.2
"""AuthService: the one Qt-free facade of sign-in for the window and the command line.

Every method blocks and is meant to run on a worker thread; the window applies the
returned :class:`AuthState` on the GUI thread. Tokens never leave this object except
through :meth:`AuthService.access_token`.

Two refresh plans:

- normal: refresh silently :data:`REFRESH_MARGIN` seconds before the access token
  expires, so a valid token is always at hand (openDesk: 300 s tokens, a refresh every
  240 s);
- low-bandwidth (:meth:`AuthService.set_low_bandwidth`): the launcher itself needs no
  access token, so the token is let lapse and the session is only kept alive, every
  :data:`KEEPALIVE` seconds and never later than halfway to the end the provider
  announces for the session (openDesk: 4 h SSO idle, 30 days offline idle). Whoever
  needs a token calls :meth:`AuthService.access_token`, which refreshes on demand.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
import time
import webbrowser
from collections.abc import Callable
from typing import Any

import requests
from authlib.oauth2.rfc6749.parameters import prepare_grant_uri

from workplace.auth import device
from workplace.auth.callback import looks_like_answer, validate_callback
from workplace.auth.device import DeviceChallenge, Wait, event_wait
from workplace.auth.discovery import Discovery, ProviderMetadata
from workplace.auth.errors import AuthError, AuthErrorKind
from workplace.auth.idtoken import Expectations, check_times, verify_id_token
from workplace.auth.jwks import JwksCache
from workplace.auth.keyring_store import KeyringStore
from workplace.auth.logout import SignedOutPage
from workplace.auth.loopback import LoopbackListener
from workplace.auth.pkce import Attempt
from workplace.auth.state import AuthState, AuthStatus, Profile
from workplace.auth.tokens import (
    OAuthError,
    TokenResponse,
    TokenSet,
    revoke,
    token_request,
    userinfo,
)
from workplace.config.paths import Paths
from workplace.config.schema import IdentityProvider

log = logging.getLogger("workplace.auth")

SIGN_IN_SECONDS = 300.0
REFRESH_MARGIN = 60.0
"""Refresh this many seconds before the access token expires (openDesk: 300 s tokens)."""
BACKOFF_FIRST, BACKOFF_MAX = 5.0, 300.0
KEEPALIVE = 1800.0
"""Low-bandwidth mode: seconds between refreshes that only keep the session alive."""
KEEPALIVE_MIN = 60.0
"""...but never closer together than this, even near the session's announced end."""
TOKEN_SKEW = 30.0
""":meth:`AuthService.access_token` refreshes a token with less than this left."""

SessionFactory = Callable[[], requests.Session]


class AuthService:
    """Sign-in, silent refresh, device grant and sign-out for one tenant."""

    def __init__(
        self,
        provider: IdentityProvider,
        paths: Paths,
        http_session_factory: SessionFactory,
        keyring_store: KeyringStore,
        *,
        open_browser: Callable[[str], bool] = webbrowser.open,
        clock: Callable[[], float] = time.time,
        wait: Wait = event_wait,
        sign_in_seconds: float = SIGN_IN_SECONDS,
        refresh_margin: float = REFRESH_MARGIN,
    ) -> None:
        self._config = provider
        self._new_session = http_session_factory
        self._keyring = keyring_store
        self._open_browser = open_browser
        self._clock = clock
        self._wait = wait
        self._sign_in_seconds = sign_in_seconds
        self._margin = refresh_margin
        self._issuer = provider.issuer or ""
        self._discovery = (
            Discovery(self._issuer, paths.cache_dir, clock) if self._issuer else None
        )
        self._jwks: JwksCache | None = None
        self._jwks_uri = ""
        self._lock = threading.RLock()
        self._attempt = threading.Lock()
        self._refreshing = threading.Lock()
        self._persist = threading.Lock()
        """Held around a keyring write or delete together with the state it belongs to,
        so a sign-out cannot interleave with a refresh saving its rotated token."""
        self._signed_out_page: SignedOutPage | None = None
        # Everything below is guarded by _lock.
        self._generation = 0
        """Counts sign-ins and sign-outs: a refresh that began in another generation
        (the user signed out or in meanwhile) drops its result instead of storing it."""
        self._status = AuthStatus.SIGNED_OUT
        self._profile: Profile | None = None
        self._tokens: TokenSet | None = None
        self._refresh_token: str | None = None
        self._session_until: float | None = None
        self._reason: AuthErrorKind | None = None
        self._detail = ""
        self._limitation: tuple[AuthErrorKind, str] | None = None
        """Why a SESSION_ONLY sign-in is not remembered; the reason between failures."""
        self._failures = 0
        self._retry_at = 0.0
        self._low_bandwidth = False
        self._refreshed_at = 0.0
        """When the current tokens were obtained (the service's clock)."""

    # -- the state ----------------------------------------------------------------

    @property
    def _account(self) -> str:
        return f"{self._config.client_id}@{self._issuer}"

    def _signed_in(self) -> bool:
        return self._status in (AuthStatus.SIGNED_IN, AuthStatus.SESSION_ONLY)

    def set_low_bandwidth(self, on: bool) -> AuthState:
        """Switch the refresh plan: keep-alive only (``on``) or ahead of expiry.

        No network. The returned state's ``refresh_due_at`` is the new plan (after
        switching off it may lie in the past: refresh now).
        """
        with self._lock:
            if self._low_bandwidth != on:
                log.info("refresh plan: %s", "keep-alive only" if on else "ahead of expiry")
            self._low_bandwidth = on
        return self.status()

    @property
    def low_bandwidth(self) -> bool:
        return self._low_bandwidth

    def _due(self) -> float:
        """When the plan wants the next refresh, backoff aside (``_lock`` held, tokens set)."""
        assert self._tokens is not None
        ahead = self._tokens.expires_at - self._margin
        if not self._low_bandwidth:
            return ahead
        base = self._refreshed_at
        every = KEEPALIVE
        if self._session_until is not None:
            # Halfway to the end the provider announces for the session (its idle
            # timeout), so the next keep-alive still comes in time.
            every = min(every, max(KEEPALIVE_MIN, (self._session_until - base) / 2))
        return max(ahead, base + every)  # never more often than the normal plan

    def _refresh_due_at(self) -> float | None:
        """When :meth:`refresh_if_needed` will next ask the provider (mirrors its checks)."""
        if not self._signed_in() or not self._refresh_token:
            return None
        if self._tokens is None:
            return self._retry_at  # restored without an access token: due now or after backoff
        return max(self._due(), self._retry_at)

    def status(self) -> AuthState:
        """The current state; no network, no keyring."""
        with self._lock:
            profile = self._profile
            return AuthState(
                status=self._status,
                display_name=profile.display_name if profile else "",
                email=profile.email if profile else "",
                initials=profile.initials if profile else "",
                subject=profile.subject if profile else "",
                expires_at=self._tokens.expires_at if self._tokens else None,
                refresh_due_at=self._refresh_due_at(),
                session_until=self._session_until if self._status != AuthStatus.SIGNED_OUT
                else None,
                keyring_backend=self._keyring.backend_name,
                reason=self._reason,
                detail=self._detail,
                low_bandwidth=self._low_bandwidth,
            )

    def access_token(self) -> str | None:
        """A valid access token for calls to the organisation's services, or None.

        A token with less than :data:`TOKEN_SKEW` seconds left (it lapses on purpose in
        low-bandwidth mode, or after a sleep) is refreshed first: blocking, network. No
        refresh while a failed one backs off, and never a browser; None when signed out
        or when no fresh token could be had (the state says why).
        """
        with self._lock:
            tokens = self._tokens
            if tokens is not None and tokens.expires_at - self._clock() > TOKEN_SKEW:
                return tokens.access_token
            if not self._signed_in() or not self._refresh_token:
                return None
            if self._clock() < self._retry_at:
                return None
            refresh_token, profile = self._refresh_token, self._profile
        with self._refreshing:
            self._refresh(refresh_token, profile)
        with self._lock:
            tokens = self._tokens
            if tokens is not None and tokens.expires_at > self._clock():
                return tokens.access_token
            return None

    def _set_reason(self, reason: AuthErrorKind | None, detail: str = "") -> None:
        self._reason, self._detail = reason, detail

    def _require_config(self) -> Discovery:
        if self._discovery is None:
            raise AuthError(AuthErrorKind.NOT_CONFIGURED)
        return self._discovery

    def _metadata(self, session: requests.Session, *, fresh: bool = False) -> ProviderMetadata:
        metadata = self._require_config().get(session, fresh=fresh)
        if self._jwks is None or self._jwks_uri != metadata.jwks_uri:
            self._jwks = JwksCache(metadata.jwks_uri, self._clock)
            self._jwks_uri = metadata.jwks_uri
        return metadata

    def _verify(self, session: requests.Session, metadata: ProviderMetadata,
                response: TokenResponse, nonce: str | None,
                subject: str | None) -> dict[str, Any]:
        """The ID token's claims, everything checked but its times."""
        raw = response.data.get("id_token")
        if not isinstance(raw, str):
            raise AuthError(AuthErrorKind.INVALID_TOKEN, "the answer has no ID token")
        assert self._jwks is not None
        return verify_id_token(
            raw,
            Expectations(issuer=metadata.issuer, client_id=self._config.client_id,
                         algorithms=metadata.signing_algs, nonce=nonce, subject=subject),
            self._jwks, session, redeemed=True,  # every one is the token endpoint's answer
        )

    def _validate(self, session: requests.Session, metadata: ProviderMetadata,
                  response: TokenResponse, nonce: str | None,
                  subject: str | None) -> dict[str, Any]:
        claims = self._verify(session, metadata, response, nonce, subject)
        check_times(claims, now=self._clock(), server_time=response.server_time)
        return claims

    # -- restore and refresh ------------------------------------------------------

    def restore(self) -> AuthState:
        """Pick up the remembered session from the keyring and refresh it (no browser)."""
        if self._discovery is None:
            with self._lock:
                self._set_reason(AuthErrorKind.NOT_CONFIGURED)
            return self.status()
        if not self._keyring.available:
            with self._lock:
                if not self._signed_in():
                    self._set_reason(AuthErrorKind.NO_KEYRING, self._keyring.reason)
            return self.status()
        try:
            raw = self._keyring.load(self._account)
        except Exception as exc:
            with self._lock:
                self._set_reason(AuthErrorKind.KEYRING_FAILED, type(exc).__name__)
            return self.status()
        entry = _parse_entry(raw)
        if entry is None:
            return self.status()
        with self._lock:
            self._refresh_token = entry["refresh_token"]
            self._profile = Profile(entry["sub"], entry.get("name", ""), entry.get("email", ""))
            self._session_until = entry.get("session_until")
            self._status = AuthStatus.SIGNED_IN
            self._limitation = None
            self._tokens = None
        log.info("restored the remembered session from %s", self._keyring.backend_name)
        return self.refresh_if_needed(force=True)

    def refresh_if_needed(self, *, force: bool = False) -> AuthState:
        """Refresh silently when the plan says so (``AuthState.refresh_due_at``).

        Normal: when the access token is about to expire. Low-bandwidth: when the
        session's keep-alive is due. ``force`` refreshes now and ignores the backoff
        (after wake-up or a network change, or to get a fresh token). Never opens a
        browser; never retries a rejected refresh token.
        """
        with self._lock:
            # SESSION_ONLY refreshes too: in memory, never saved.
            if not self._signed_in() or not self._refresh_token:
                return self.status()
            now = self._clock()
            if not force:
                if self._tokens and now < self._due():
                    return self.status()
                if now < self._retry_at:
                    return self.status()
            refresh_token, profile = self._refresh_token, self._profile
        with self._refreshing:  # one refresh at a time; a second one finds it done
            return self._refresh(refresh_token, profile)

    def _refresh(self, refresh_token: str, profile: Profile | None) -> AuthState:
        with self._lock:
            if self._refresh_token != refresh_token:  # someone else refreshed meanwhile
                return self.status()
            generation, previous = self._generation, self._tokens
        try:
            with self._new_session() as session:
                metadata = self._metadata(session)
                response = token_request(
                    session, metadata.token_endpoint, "refresh_token",
                    refresh_token=refresh_token, client_id=self._config.client_id,
                )
                late: AuthError | None = None
                if "id_token" in response.data:
                    claims = self._verify(session, metadata, response, None,
                                          profile.subject if profile else None)
                    try:
                        check_times(claims, now=self._clock(),
                                    server_time=response.server_time)
                    except AuthError as exc:
                        late = exc  # the rotated refresh token is still kept below
        except OAuthError as exc:
            if exc.kind == AuthErrorKind.REJECTED_REFRESH:
                with self._persist:  # the check and the wipe are one step
                    if not self._current(generation):
                        return self.status()  # signed out or in again meanwhile
                    log.info("the provider rejected the remembered session; sign-in needed")
                    self._wipe(AuthStatus.REAUTH_REQUIRED, keep_profile=True)
                    with self._lock:
                        self._set_reason(AuthErrorKind.REJECTED_REFRESH)
                return self.status()
            return self._refresh_failed(exc, generation)
        except AuthError as exc:
            return self._refresh_failed(exc, generation)
        now = self._clock()
        # RFC 6749 §6: an answer without a new refresh token keeps the old one (and the
        # ID token, for the logout hint).
        tokens = response.token_set(now, previous)
        if not tokens.refresh_token:
            tokens = dataclasses.replace(tokens, refresh_token=refresh_token)
        with self._persist:
            with self._lock:
                if self._generation != generation:  # signed out (or in) meanwhile
                    log.info("dropped a refresh that finished after a sign-out")
                    return self.status()
                persistent = self._status == AuthStatus.SIGNED_IN
                until = self._session_until
            new_until = tokens.refresh_expires_at
            moved = new_until is not None and (until is None or abs(new_until - until) > 60)
            if persistent and (tokens.refresh_token != refresh_token or moved):
                # Rotation: the new refresh token is saved before the access token is used
                # (and a session end the provider moved, so "holds until" stays right).
                try:
                    self._save(tokens, profile)
                except Exception as exc:
                    log.warning("could not save the rotated session in the keyring")
                    return self._refresh_failed(
                        AuthError(AuthErrorKind.KEYRING_FAILED, type(exc).__name__),
                        generation)
            if late is not None:
                # Only the ID token's times failed (a wrong clock, as a rule): the
                # provider has rotated the refresh token, the old one is dead. Keep the
                # new one; the answer's tokens are not used, the state says why.
                self._rotated(tokens)
                return self._refresh_failed(late, generation)
            return self._refreshed(tokens, now)

    def _current(self, generation: int) -> bool:
        with self._lock:
            return self._generation == generation

    def _rotated(self, tokens: TokenSet) -> None:
        with self._lock:
            self._refresh_token = tokens.refresh_token
            if tokens.refresh_expires_at is not None:
                self._session_until = tokens.refresh_expires_at

    def _refreshed(self, tokens: TokenSet, now: float) -> AuthState:
        with self._lock:
            self._tokens = tokens
            self._refreshed_at = now
            self._refresh_token = tokens.refresh_token
            if tokens.refresh_expires_at is not None:
                self._session_until = tokens.refresh_expires_at
            self._failures, self._retry_at = 0, 0.0
            if self._limitation is not None:  # still session-only: keep saying why
                self._set_reason(*self._limitation)
            else:
                self._set_reason(None)
        log.info("refreshed the session")
        return self.status()

    def _refresh_failed(self, exc: AuthError, generation: int) -> AuthState:
        with self._lock:
            if self._generation != generation:
                return self.status()
            self._failures += 1
            delay = min(BACKOFF_MAX, BACKOFF_FIRST * 2 ** (self._failures - 1))
            self._retry_at = self._clock() + delay
            self._set_reason(exc.kind, exc.detail)
        log.info("refresh failed (%s); next try in %.0f s", exc.kind.value, delay)
        return self.status()

    # -- sign-in ------------------------------------------------------------------

    def sign_in(self, cancel: threading.Event | None = None,
                on_url: Callable[[str], None] | None = None) -> AuthState:
        """Sign in through the system browser; raises AuthError on any failure.

        The provider is asked for its discovery document first (not the cache), so a
        provider that is down fails at once with PROVIDER_UNREACHABLE, TLS or TIMEOUT
        and no browser opens. Setting ``cancel`` ends the wait with CANCELLED; no answer
        within the time limit (300 s) ends it with TIMEOUT.

        ``on_url`` is called with the authorization URL on the calling thread right
        before the browser opens, e.g. to offer "open again" or "copy link". The URL
        holds state, nonce and the PKCE challenge, never the verifier. An exception in
        it is logged and does not stop the sign-in.
        """
        cancel = cancel or threading.Event()
        with _Held(self._attempt, blocking=False), self._new_session() as session:
            metadata = self._metadata(session, fresh=True)  # also the reachability check
            attempt = Attempt()
            listener = LoopbackListener(
                self._config.redirect_path,
                lambda q: None if not looks_like_answer(q) else "signed_in"
                if q.get("state") == attempt.state and "code" in q else "failed",
            )
            url = self._grant_url(listener, metadata, attempt)
            browser = threading.Thread(
                target=self._browse, args=(listener, url), name="auth-browser", daemon=True,
            )
            try:
                if on_url is not None:
                    try:
                        on_url(url)
                    except Exception:
                        log.warning("the sign-in URL callback failed", exc_info=True)
                browser.start()
                query = listener.wait(
                    cancel, time.monotonic() + self._sign_in_seconds)
            finally:
                listener.close()
                browser.join(timeout=5)
            code = validate_callback(
                query, attempt, metadata.issuer, metadata.iss_parameter_supported)
            response = token_request(
                session, metadata.token_endpoint, "authorization_code",
                code=code, redirect_uri=listener.redirect_uri,
                client_id=self._config.client_id, code_verifier=attempt.code_verifier,
            )
            claims = self._validate(session, metadata, response, attempt.nonce, None)
            return self._complete(session, metadata, response, claims)

    def _grant_url(self, listener: LoopbackListener, metadata: ProviderMetadata,
                   attempt: Attempt) -> str:
        extra = dict(self._config.extra_auth_params)
        return str(prepare_grant_uri(
            metadata.authorization_endpoint, self._config.client_id, "code",
            redirect_uri=listener.redirect_uri, scope=" ".join(self._config.scopes),
            state=attempt.state, nonce=attempt.nonce, code_challenge=attempt.code_challenge,
            code_challenge_method="S256", **extra,
        ))

    def _browse(self, listener: LoopbackListener, url: str) -> None:
        log.info("opening the system browser for sign-in")
        try:
            opened = self._open_browser(url)
        except Exception:
            log.debug("the browser could not be started", exc_info=True)
            opened = False
        if not opened:
            listener.fail(AuthError(AuthErrorKind.BROWSER_UNAVAILABLE))

    def _complete(self, session: requests.Session, metadata: ProviderMetadata,
                  response: TokenResponse, claims: dict[str, Any]) -> AuthState:
        obtained = self._clock()
        tokens = response.token_set(obtained)
        subject = str(claims["sub"])
        info: dict[str, Any] = {}
        if metadata.userinfo_endpoint:
            info = userinfo(session, metadata.userinfo_endpoint, tokens.access_token)
            if info.get("sub") != subject:
                raise AuthError(AuthErrorKind.INVALID_TOKEN, "userinfo is about another user")
        merged = {**claims, **info}
        name = next((str(merged[k]) for k in ("name", "preferred_username", "email")
                     if merged.get(k)), subject)
        profile = Profile(subject, name, str(merged.get("email", "")))
        with self._persist:
            return self._signed_in_as(tokens, profile, obtained)

    def _signed_in_as(self, tokens: TokenSet, profile: Profile, obtained: float) -> AuthState:
        status = AuthStatus.SESSION_ONLY
        reason: AuthErrorKind | None = AuthErrorKind.NO_KEYRING
        detail = ""
        if not self._keyring.available:
            detail = self._keyring.reason
        elif not tokens.refresh_token:
            reason, detail = AuthErrorKind.PROVIDER_ERROR, "the provider issued no refresh token"
        else:
            try:
                self._save(tokens, profile)
                status, reason = AuthStatus.SIGNED_IN, None
            except Exception as exc:
                log.warning("could not save the session in the keyring")
                reason, detail = AuthErrorKind.KEYRING_FAILED, type(exc).__name__
        with self._lock:
            self._generation += 1  # a refresh of an earlier session must not land here
            self._status, self._profile, self._tokens = status, profile, tokens
            self._refreshed_at = obtained
            self._limitation = (reason, detail) if reason is not None else None
            self._refresh_token = tokens.refresh_token
            self._session_until = tokens.refresh_expires_at
            self._failures, self._retry_at = 0, 0.0
            self._set_reason(reason, detail)
        log.info("signed in (%s)", status.value)
        return self.status()

    def _save(self, tokens: TokenSet, profile: Profile | None) -> None:
        assert tokens.refresh_token
        entry = {
            "v": 1, "iss": self._issuer, "client_id": self._config.client_id,
            "refresh_token": tokens.refresh_token,
            "sub": profile.subject if profile else "",
            "name": profile.display_name if profile else "",
            "email": profile.email if profile else "",
            "session_until": tokens.refresh_expires_at,
        }
        self._keyring.save(self._account, json.dumps(entry))

    # -- device grant -------------------------------------------------------------

    def start_device(self) -> DeviceChallenge:
        """Ask the provider for a user code (RFC 8628)."""
        with self._new_session() as session:
            metadata = self._metadata(session)
            if not metadata.device_authorization_endpoint:
                raise AuthError(AuthErrorKind.PROVIDER_ERROR, "the provider offers no code sign-in")
            return device.start(session, metadata.device_authorization_endpoint,
                                self._config.client_id, self._config.scopes, self._clock())

    def poll_device(self, challenge: DeviceChallenge,
                    cancel: threading.Event | None = None) -> AuthState:
        """Wait until the user has entered the code; raises AuthError on failure."""
        cancel = cancel or threading.Event()
        with _Held(self._attempt, blocking=False), self._new_session() as session:
            metadata = self._metadata(session)
            response = device.poll(session, metadata.token_endpoint, self._config.client_id,
                                   challenge, cancel, self._clock, self._wait)
            claims = self._validate(session, metadata, response, None, None)
            return self._complete(session, metadata, response, claims)

    # -- sign-out -----------------------------------------------------------------

    def _forget(self, status: AuthStatus, *, keep_profile: bool = False) -> str | None:
        """Wipe memory and keyring; returns the ID token for the logout hint."""
        with self._persist:
            return self._wipe(status, keep_profile)

    def _wipe(self, status: AuthStatus, keep_profile: bool) -> str | None:
        with self._lock:
            self._generation += 1
            id_token = self._tokens.id_token if self._tokens else None
            self._tokens, self._refresh_token, self._session_until = None, None, None
            self._status = status
            self._limitation = None
            if not keep_profile:
                self._profile = None
            self._failures, self._retry_at = 0, 0.0
            self._set_reason(None)
        if self._keyring.available and self._discovery is not None:
            try:
                self._keyring.delete(self._account)
            except Exception:
                log.warning("could not delete the keyring entry", exc_info=True)
        return id_token

    def sign_out(self) -> None:
        """Wipe locally at once, then revoke and end the provider session (one try each)."""
        with self._lock:
            refresh_token = self._refresh_token
        id_token = self._forget(AuthStatus.SIGNED_OUT)
        log.info("signed out locally")
        if self._discovery is None:
            return
        try:
            with self._new_session() as session:
                metadata = self._metadata(session)
                if refresh_token and metadata.revocation_endpoint:
                    try:
                        revoke(session, metadata.revocation_endpoint, refresh_token,
                               self._config.client_id)
                        log.info("revoked the refresh token")
                    except AuthError as exc:  # the provider session still ends below
                        log.info("could not revoke the refresh token (%s); not retried",
                                 exc.kind.value)
        except AuthError as exc:
            log.info("the provider is not reachable for the sign-out (%s)", exc.kind.value)
            return
        if metadata.end_session_endpoint:
            self._end_session(metadata.end_session_endpoint, id_token)

    def _end_session(self, endpoint: str, id_token: str | None) -> None:
        if self._signed_out_page is not None:
            self._signed_out_page.close()
        page = SignedOutPage()
        self._signed_out_page = page
        url = page.start_url(endpoint, id_token, self._config.client_id)
        try:
            opened = self._open_browser(url)
        except Exception:
            opened = False
        if not opened:
            log.info("no browser for ending the provider session")
            page.close()
            self._signed_out_page = None

    def finish_sign_out(self, timeout: float) -> bool | None:
        """Wait for the browser to finish ending the provider session (the command line
        must not exit before: its loopback page would be gone when a browser that
        starts in the background gets there). None if no browser was involved."""
        page = self._signed_out_page
        if page is None:
            return None
        return page.wait(timeout)

    def close(self) -> None:
        """Stop background listeners (the signed-out page)."""
        if self._signed_out_page is not None:
            self._signed_out_page.close()
            self._signed_out_page = None


class _Held:
    """A lock held for one attempt; a second attempt at once gets AuthError(BUSY)."""

    def __init__(self, lock: threading.Lock, *, blocking: bool) -> None:
        self._lock, self._blocking = lock, blocking

    def __enter__(self) -> None:
        if not self._lock.acquire(blocking=self._blocking):
            raise AuthError(AuthErrorKind.BUSY)

    def __exit__(self, *exc: object) -> None:
        self._lock.release()


def _parse_entry(raw: str | None) -> dict[str, Any] | None:
    if raw is None:
        return None
    try:
        entry = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(entry, dict) or entry.get("v") != 1:
        return None
    if not isinstance(entry.get("refresh_token"), str) or not isinstance(entry.get("sub"), str):
        return None
    return entry
