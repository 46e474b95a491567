# SPDX-License-Identifier: EUPL-1.2
"""AuthService: the one Qt-free facade of sign-in for the window and the command line.

Every method but :meth:`AuthService.status`, :attr:`AuthService.low_bandwidth`,
:meth:`AuthService.set_low_bandwidth` and :meth:`AuthService.woke` blocks and is
meant to run on a worker thread; the window applies the returned :class:`AuthState`
on the GUI thread. Tokens never leave this object except through
:meth:`AuthService.access_token`.

The parts: the provider behind a :class:`TokenClient` (passed in, or built from the
tenant), the keyring entry behind a :class:`SessionStore`, the refresh plan in
:mod:`workplace.auth.plan`, the browser's part in :mod:`workplace.auth.authorize`.
What the service knows is one immutable :class:`Session`, replaced whole under one
lock (``_changed``); reading it never waits. A keyring write and the state change it
belongs to are done together under the store's :meth:`SessionStore.writing`, so a
sign-out cannot interleave with a refresh saving its rotated token; the generation
only changes there.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from workplace.auth.client import Grant, SessionFactory, TokenClient
from workplace.auth.device import DeviceChallenge, Wait, event_wait
from workplace.auth.errors import AuthError, AuthErrorKind
from workplace.auth.keyring_store import KeyringStore
from workplace.auth.logout import EndSession
from workplace.auth.plan import Trigger
from workplace.auth.session import Session
from workplace.auth.session_store import SessionStore
from workplace.auth.state import AuthState, AuthStatus
from workplace.auth.tokens import OAuthError
from workplace.config.paths import Paths

if TYPE_CHECKING:
    from workplace.config.schema import IdentityProvider

log = logging.getLogger("workplace.auth")

SIGN_IN_SECONDS = 300.0
NOT_GRANTED = frozenset({"invalid_target", "invalid_scope", "access_denied"})
"""OAuth errors of a token request for a resource that mean: not granted to this user."""


class AuthService:
    """Sign-in, silent refresh, device grant and sign-out for one tenant.

    ``client`` talks to the provider; by default the real one for ``provider``, with
    ``http_session_factory`` and ``clock`` (a client passed in should use the same
    clock). ``keyring_store`` holds the remembered session. ``open_browser`` opens the
    sign-in and sign-out pages (the program's one opener, ``catalog.launch.open_in_browser``
    or the window's wrapper of it).
    """

    def __init__(
        self,
        provider: IdentityProvider,
        paths: Paths,
        http_session_factory: SessionFactory,
        keyring_store: KeyringStore,
        *,
        client: TokenClient | None = None,
        open_browser: Callable[[str], bool],
        clock: Callable[[], float] = time.time,
        wait: Wait = event_wait,
        sign_in_seconds: float = SIGN_IN_SECONDS,
        draw: Callable[[], float] = random.random,
        resources: tuple[str, ...] = (),
    ) -> None:
        self._config = provider
        self._client = client or TokenClient(
            provider, paths.cache_dir, http_session_factory, clock=clock, resources=resources)
        self._store = SessionStore(keyring_store, self._client.issuer, provider.client_id)
        self._open_browser = open_browser
        self._clock = clock
        self._wait = wait
        self._sign_in_seconds = sign_in_seconds
        self._draw = draw
        """Where in its window each keep-alive, retry and post-wake refresh falls."""
        self._end_session = EndSession(self._open_browser)
        self._changed = threading.Condition()
        """The one lock: every change of ``_state`` is a swap under it (and wakes those
        waiting for a refresh under way). Readers take ``_state`` as it is."""
        self._state = Session()

    # -- the state ----------------------------------------------------------------

    def status(self) -> AuthState:
        """The current state; no network, no keyring, no waiting."""
        return self._state.view(self._store.backend_name)

    @property
    def low_bandwidth(self) -> bool:
        return self._state.low_bandwidth

    def set_low_bandwidth(self, on: bool) -> AuthState:
        """Note the window's data saver. The refresh plan is the keep-alive either way
        (:mod:`workplace.auth.plan`): there is no early refresh left to save. No
        network, no keyring."""
        with self._changed:
            self._swap(self._state.planned(low_bandwidth=on))
        return self.status()

    def woke(self) -> AuthState:
        """After a wake-up or a network change: a refresh that is overdue or backing off
        is planned for a random point in the next few minutes (``refresh_due_at``), so
        a whole office changing networks at once does not ask in the same second. No
        network, no keyring."""
        with self._changed:
            self._swap(self._state.woken(self._clock(), self._draw()))
        return self.status()

    def _swap(self, state: Session) -> None:
        """Replace the state (``_changed`` held)."""
        self._state = state
        self._changed.notify_all()

    def _explain(self, reason: AuthErrorKind | None, detail: str = "") -> AuthState:
        with self._changed:
            self._swap(self._state.explained(reason, detail))
        return self.status()

    def access_token(self) -> str | None:
        """A valid access token for calls to the organisation's services, or None.

        A token with little time left (it lapses on purpose: the plan only keeps the
        session alive) is refreshed first: blocking, network. No refresh while a failed
        one backs off, and never a browser; None when signed out or when no fresh token
        could be had (the state says why).
        """
        token = self._state.fresh_access_token(self._clock())
        if token is not None:
            return token
        started = self._begin_refresh(Trigger.DEMAND)
        if started is not None:
            self._refresh(started)
        tokens = self._state.tokens
        if tokens is not None and tokens.expires_at > self._clock():
            return tokens.access_token
        return None

    # -- tokens for other services ------------------------------------------------

    def token_for(self, resource: str | None = None) -> str | None:
        """An access token for another service: the launcher's own (``resource`` None)
        or one for a resource indicator (RFC 8707), got by a refresh with ``resource=``.

        Blocking, network, like :meth:`access_token`; never a browser. None when signed
        out or when no token could be had (the state says why). Raises
        :class:`~workplace.auth.tokens.OAuthError` when the provider will not issue a
        token for ``resource`` (``invalid_target``, ``invalid_scope``: not granted to
        this user). The refresh token rotates as at any refresh, and is saved first.
        """
        if resource is None:
            return self.access_token()
        for _ in range(2):  # a refresh under way for someone else: then look again
            token = self._state.fresh_resource_token(resource, self._clock())
            if token is not None:
                return token
            started = self._begin_refresh(Trigger.DEMAND)
            if started is not None:
                return self._refresh_resource(started, resource)
        return self._state.fresh_resource_token(resource, self._clock())

    def refused(self, token: str, resource: str | None = None) -> None:
        """A service refused ``token`` ("this token was refused"): it is not handed out
        again, so the next :meth:`token_for` refreshes first. No network."""
        with self._changed:
            self._swap(self._state.refused(token, resource, self._clock()))

    def _refresh_resource(self, start: Session, resource: str) -> str | None:
        try:
            assert start.refresh_token
            try:
                grant = self._client.refresh(
                    start.refresh_token, previous=start.tokens,
                    subject=start.profile.subject if start.profile else None,
                    resource=resource)
            except OAuthError as exc:
                if exc.kind == AuthErrorKind.REJECTED_REFRESH:
                    self._rejected(start.generation)
                    return None
                if exc.error in NOT_GRANTED:
                    raise
                self._failed(exc, start.generation)
                return None
            except AuthError as exc:
                self._failed(exc, start.generation)
                return None
            return self._resource_granted(grant, start, resource)
        finally:
            with self._changed:
                self._swap(self._state.refresh_ended(start.generation))

    def _resource_granted(self, grant: Grant, start: Session, resource: str) -> str | None:
        tokens = grant.tokens
        with self._store.writing():
            state = self._state
            if state.generation != start.generation:
                return None
            if (state.status == AuthStatus.SIGNED_IN
                    and tokens.refresh_token != start.refresh_token):
                assert tokens.refresh_token
                try:  # the rotated refresh token is saved before the new token is used
                    self._store.save(tokens.refresh_token, state.profile, state.session_until)
                except Exception as exc:
                    log.warning("could not save the rotated session in the keyring")
                    self._failed(AuthError(AuthErrorKind.KEYRING_FAILED, type(exc).__name__),
                                 start.generation)
                    return None
            with self._changed:
                rotated = self._state.rotated(tokens.refresh_token)
                if grant.late is not None:
                    self._swap(rotated.failed(grant.late, self._clock()))
                    return None
                self._swap(rotated.for_resource(resource, tokens))
        log.info("got a token for another service")
        return tokens.access_token

    # -- restore and refresh ------------------------------------------------------

    def restore(self) -> AuthState:
        """Pick up the remembered session from the keyring and refresh it (no browser)."""
        state = self.recall()
        if not state.signed_in:
            return state
        return self.refresh_if_needed(force=True)

    def recall(self) -> AuthState:
        """Look for the remembered session in the keyring: no network, no browser.

        Never creates a keyring: where none exists, nothing is remembered (the system's
        "choose a password" may only come with a sign-in that has a token to keep). It
        may wait for the user to unlock an existing keyring. A sign-in that finished
        meanwhile wins over what the keyring held. Signed in from the keyring, the
        session has no access token yet: :meth:`refresh_if_needed` (``force``) gets one.
        """
        if not self._client.configured:
            return self._explain(AuthErrorKind.NOT_CONFIGURED)
        if not self._store.available:
            with self._changed:
                if not self._state.signed_in:
                    self._swap(self._state.explained(
                        AuthErrorKind.NO_KEYRING, self._store.found))
            return self.status()
        generation = self._state.generation
        try:
            remembered = self._store.load()
        except Exception as exc:
            log.info("the keyring could not be read (%s)", type(exc).__name__)
            with self._changed:
                if self._untouched_since(generation):
                    self._swap(self._state.explained(
                        AuthErrorKind.KEYRING_FAILED, type(exc).__name__))
            return self.status()
        if remembered is None:
            return self.status()
        with self._store.writing(), self._changed:
            if not self._untouched_since(generation):
                log.info("a sign-in came first; the remembered session is not used")
                return self.status()
            self._swap(self._state.restored(remembered))
        log.info("restored the remembered session from %s", self._store.backend_name)
        return self.status()

    def _untouched_since(self, generation: int) -> bool:
        """No sign-in, restore or sign-out since ``generation``, none under way
        (``_changed`` held)."""
        state = self._state
        return state.generation == generation and not state.attempting and not state.signed_in

    def refresh_if_needed(self, *, force: bool = False) -> AuthState:
        """Refresh silently when the plan says so (``AuthState.refresh_due_at``).

        When the session's keep-alive is due, or the backoff after a failure is over.
        ``force`` refreshes now and ignores the backoff (a restore). Never opens a
        browser; never retries a rejected refresh token.
        """
        started = self._begin_refresh(Trigger.FORCE if force else Trigger.PLAN)
        if started is None:
            return self.status()
        return self._refresh(started)

    def _begin_refresh(self, trigger: Trigger) -> Session | None:
        """Mark a refresh as under way and return the state it starts from; None if
        the plan says no, or if one was under way (this waits for it: its result is
        the caller's too)."""
        with self._changed:
            state = self._state
            if not state.should_refresh(trigger, self._clock()):
                return None
            if state.refresh_under_way:
                self._changed.wait_for(lambda: not self._state.refresh_under_way)
                return None
            self._swap(state.refresh_begun())
            return state

    def _refresh(self, start: Session) -> AuthState:
        try:
            return self._refresh_from(start)
        finally:
            with self._changed:
                self._swap(self._state.refresh_ended(start.generation))

    def _refresh_from(self, start: Session) -> AuthState:
        assert start.refresh_token
        generation = start.generation
        try:
            grant = self._client.refresh(
                start.refresh_token, previous=start.tokens,
                subject=start.profile.subject if start.profile else None)
        except OAuthError as exc:
            if exc.kind == AuthErrorKind.REJECTED_REFRESH:
                return self._rejected(generation)
            return self._failed(exc, generation)
        except AuthError as exc:
            return self._failed(exc, generation)
        return self._refreshed(grant, start)

    def _refreshed(self, grant: Grant, start: Session) -> AuthState:
        tokens = grant.tokens
        with self._store.writing():
            state = self._state
            if state.generation != start.generation:  # signed out (or in) meanwhile
                log.info("dropped a refresh that finished after a sign-out")
                return self.status()
            until = state.session_until
            # An answer whose times do not fit this computer's clock (``late``) cannot
            # place the session's end either: the one known stays.
            new_until = until if grant.late is not None else tokens.refresh_expires_at
            moved = new_until is not None and (until is None or abs(new_until - until) > 60)
            rotated = tokens.refresh_token != start.refresh_token
            if state.status == AuthStatus.SIGNED_IN and (rotated or moved):
                # Rotation: the new refresh token is saved before the access token is used
                # (and a session end the provider moved, so "holds until" stays right).
                assert tokens.refresh_token
                try:
                    self._store.save(tokens.refresh_token, state.profile, new_until)
                except Exception as exc:
                    log.warning("could not save the rotated session in the keyring")
                    return self._failed(
                        AuthError(AuthErrorKind.KEYRING_FAILED, type(exc).__name__),
                        start.generation)
            with self._changed:
                if grant.late is None:
                    self._swap(self._state.refreshed(tokens, self._clock(), self._draw()))
                else:
                    # Only the ID token's times failed (a wrong clock, as a rule): the
                    # provider has rotated the refresh token, the old one is dead. Keep
                    # the new one; the answer's tokens are not used, the state says why.
                    self._swap(self._state.rotated(tokens.refresh_token)
                               .failed(grant.late, self._clock(), self._draw()))
        if grant.late is not None:
            log.info("kept the rotated session, but not its tokens (%s)", grant.late.kind.value)
        else:
            log.info("refreshed the session")
        return self.status()

    def _failed(self, exc: AuthError, generation: int) -> AuthState:
        with self._changed:
            if self._state.generation != generation:
                return self.status()
            now = self._clock()
            self._swap(self._state.failed(exc, now, self._draw()))
            delay = self._state.retry_at - now
        log.info("refresh failed (%s); next try in %.0f s", exc.kind.value, delay)
        return self.status()

    def _rejected(self, generation: int) -> AuthState:
        """The provider refused the refresh token: forget it, keep the name for the
        "please sign in again". The check and the wipe are one step."""
        with self._store.writing():
            if self._state.generation != generation:  # signed out or in again meanwhile
                return self.status()
            log.info("the provider rejected the remembered session; sign-in needed")
            with self._changed:
                self._swap(self._state.forgotten(AuthStatus.REAUTH_REQUIRED, keep_profile=True)
                           .explained(AuthErrorKind.REJECTED_REFRESH))
            self._store.delete()
        return self.status()

    # -- sign-in ------------------------------------------------------------------

    @contextmanager
    def _attempt(self) -> Iterator[None]:
        """One interactive sign-in at a time; a second one at once gets BUSY."""
        with self._changed:
            if self._state.attempting:
                raise AuthError(AuthErrorKind.BUSY)
            self._swap(self._state.attempt(under_way=True))
        try:
            yield
        finally:
            with self._changed:
                self._swap(self._state.attempt(under_way=False))

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
        # Only an interactive sign-in loads the browser round (the loopback server).
        from workplace.auth.authorize import authorize

        with self._attempt():
            metadata = self._client.metadata(fresh=True)  # also the reachability check
            answer = authorize(self._config, metadata, self._open_browser,
                               cancel=cancel or threading.Event(),
                               seconds=self._sign_in_seconds, on_url=on_url,
                               resources=self._client.resources)
            grant = self._client.redeem_code(answer.code, answer.redirect_uri, answer.attempt)
            return self._signed_in(grant)

    def start_device(self) -> DeviceChallenge:
        """Ask the provider for a user code (RFC 8628)."""
        return self._client.start_device()

    def poll_device(self, challenge: DeviceChallenge,
                    cancel: threading.Event | None = None) -> AuthState:
        """Wait until the user has entered the code; raises AuthError on failure."""
        with self._attempt():
            grant = self._client.poll_device(
                challenge, cancel or threading.Event(), self._wait)
            return self._signed_in(grant)

    def _signed_in(self, grant: Grant) -> AuthState:
        tokens, profile = grant.tokens, grant.profile
        assert profile is not None
        obtained = self._clock()
        with self._store.writing():
            remembered = False
            reason: AuthErrorKind | None = AuthErrorKind.NO_KEYRING
            detail = ""
            if not self._store.available:
                detail = self._store.found
            elif not tokens.refresh_token:
                reason = AuthErrorKind.PROVIDER_ERROR
                detail = "the provider issued no refresh token"
            else:
                try:
                    self._store.save(tokens.refresh_token, profile, tokens.refresh_expires_at)
                    remembered, reason = True, None
                except Exception as exc:
                    log.warning("could not save the session in the keyring")
                    reason, detail = AuthErrorKind.KEYRING_FAILED, type(exc).__name__
            with self._changed:  # a refresh of an earlier session must not land here
                self._swap(self._state.signed_in_as(
                    profile, tokens, obtained, remembered=remembered, reason=reason,
                    detail=detail).drawn(self._draw()))
        log.info("signed in (%s)", self._state.status.value)
        return self.status()

    # -- sign-out -----------------------------------------------------------------

    def sign_out(self) -> None:
        """Wipe locally at once, then revoke and end the provider session (one try each)."""
        with self._store.writing():
            with self._changed:
                before = self._state
                self._swap(before.forgotten(AuthStatus.SIGNED_OUT))
            if self._client.configured:
                self._store.delete()
        log.info("signed out locally")
        if not self._client.configured:
            return
        try:
            metadata = self._client.metadata()
        except AuthError as exc:
            log.info("the provider is not reachable for the sign-out (%s)", exc.kind.value)
            return
        if before.refresh_token and metadata.revocation_endpoint:
            try:
                self._client.revoke(metadata, before.refresh_token)
                log.info("revoked the refresh token")
            except AuthError as exc:  # the provider session still ends below
                log.info("could not revoke the refresh token (%s); not retried",
                         exc.kind.value)
        if metadata.end_session_endpoint:
            self._end_session.start(metadata.end_session_endpoint,
                                    before.tokens.id_token if before.tokens else None,
                                    self._config.client_id)

    def finish_sign_out(self, timeout: float) -> bool | None:
        """Wait for the browser to finish ending the provider session (the command line
        must not exit before: its loopback page would be gone when a browser that
        starts in the background gets there). None if no browser was involved."""
        return self._end_session.wait(timeout)

    def close(self) -> None:
        """Stop background listeners (the signed-out page) and give up keyring prompts
        (an unlock or "choose a password" dialog the user has not answered)."""
        self._store.close()
        self._end_session.close()
