# SPDX-License-Identifier: EUPL-1.2
"""Session: everything the sign-in knows at one moment, as one immutable value.

:class:`~workplace.auth.service.AuthService` holds exactly one ``Session`` and replaces
it whole, under one lock; readers take the current value without locking. Every change
is a method here that returns the next value, so the rules read in one place:

- "this token is stale" (:meth:`Session.failed`, :meth:`Session.rotated`): the session
  goes on, the next refresh is planned;
- "forget everything" (:meth:`Session.forgotten`): sign-out, or the provider rejected
  the remembered session.

Tokens for other audiences (mail, chat, files: "a token for X", "this token was
refused") live in this value too: :attr:`Session.resources` maps a resource indicator
(RFC 8707) to its token set, replaced under the same lock, and a refresh for one of
them is the same one-at-a-time refresh (it rotates the same refresh token).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from workplace.auth import plan
from workplace.auth.errors import AuthError, AuthErrorKind
from workplace.auth.state import AuthState, AuthStatus, Profile
from workplace.auth.tokens import TokenSet


@dataclass(frozen=True)
class Remembered:
    """What the keyring holds about a session: the refresh token and whose it is."""

    refresh_token: str = field(repr=False)
    profile: Profile
    session_until: float | None = None


@dataclass(frozen=True)
class Session:
    """The sign-in's state. Carries tokens: never logged (they are left out of the repr)."""

    generation: int = 0
    """Counts sign-ins, restores and sign-outs: a refresh that began in another
    generation (the user signed out or in meanwhile) drops its result."""
    status: AuthStatus = AuthStatus.SIGNED_OUT
    profile: Profile | None = None
    tokens: TokenSet | None = None
    refresh_token: str | None = field(default=None, repr=False)
    session_until: float | None = None
    """Until when the provider keeps the session, if it says (epoch seconds)."""
    refreshed_at: float = 0.0
    """When the current tokens were obtained (the service's clock)."""
    reason: AuthErrorKind | None = None
    detail: str = ""
    limitation: tuple[AuthErrorKind, str] | None = None
    """Why a SESSION_ONLY sign-in is not remembered; the reason between failures."""
    failures: int = 0
    """Failed refreshes in a row."""
    retry_at: float = 0.0
    """No refresh before this, unless forced (backoff)."""
    low_bandwidth: bool = False
    """The window's data saver is on (the refresh plan is the same keep-alive)."""
    draw: float = 0.0
    """Where in its window the next keep-alive or retry falls, in [0, 1): drawn at
    random when the last refresh ended (see :mod:`workplace.auth.plan`)."""
    deferred_to: float = 0.0
    """A planned refresh waits until then: the random point after a wake-up or a
    network change. A token asked for does not wait."""
    refreshing: int | None = None
    """The generation of the refresh under way, if one is."""
    attempting: bool = False
    """An interactive sign-in (browser or device code) is under way."""
    resources: Mapping[str, TokenSet] = field(
        default_factory=lambda: MappingProxyType({}), repr=False)
    """Access tokens for resource indicators (RFC 8707), in memory only."""

    # -- reading ------------------------------------------------------------------

    @property
    def signed_in(self) -> bool:
        return self.status in (AuthStatus.SIGNED_IN, AuthStatus.SESSION_ONLY)

    @property
    def can_refresh(self) -> bool:
        """Signed in with a refresh token (SESSION_ONLY too: in memory, never saved)."""
        return self.signed_in and bool(self.refresh_token)

    @property
    def refresh_under_way(self) -> bool:
        return self.refreshing == self.generation

    def due_at(self) -> float | None:
        """When a planned refresh is next due; None with nothing to refresh."""
        if not self.can_refresh:
            return None
        return plan.due_at(
            has_tokens=self.tokens is not None, failing=self.failures > 0,
            refreshed_at=self.refreshed_at,
            session_until=self.session_until, retry_at=self.retry_at,
            deferred_to=self.deferred_to, draw=self.draw)

    def should_refresh(self, trigger: plan.Trigger, now: float) -> bool:
        due = self.due_at()
        if due is None:
            return False
        return plan.should_refresh(trigger, now=now, due=due, retry_at=self.retry_at)

    def fresh_access_token(self, now: float) -> str | None:
        """The access token if it may be handed out as it is."""
        if self.tokens is not None and plan.fresh(self.tokens.expires_at, now):
            return self.tokens.access_token
        return None

    def fresh_resource_token(self, resource: str, now: float) -> str | None:
        """The token for ``resource`` if it may be handed out as it is."""
        tokens = self.resources.get(resource)
        if tokens is not None and plan.fresh(tokens.expires_at, now):
            return tokens.access_token
        return None

    def view(self, keyring_backend: str) -> AuthState:
        """The picture for the window and the command line: no token values."""
        profile = self.profile
        return AuthState(
            status=self.status,
            display_name=profile.display_name if profile else "",
            email=profile.email if profile else "",
            initials=profile.initials if profile else "",
            subject=profile.subject if profile else "",
            expires_at=self.tokens.expires_at if self.tokens else None,
            refresh_due_at=self.due_at(),
            session_until=self.session_until if self.status != AuthStatus.SIGNED_OUT
            else None,
            keyring_backend=keyring_backend,
            reason=self.reason,
            detail=self.detail,
            low_bandwidth=self.low_bandwidth,
        )

    # -- changes ------------------------------------------------------------------

    def explained(self, reason: AuthErrorKind | None, detail: str = "") -> Session:
        return dataclasses.replace(self, reason=reason, detail=detail)

    def planned(self, *, low_bandwidth: bool) -> Session:
        """The other refresh plan; the next due time follows from it."""
        return dataclasses.replace(self, low_bandwidth=low_bandwidth)

    def refresh_begun(self) -> Session:
        return dataclasses.replace(self, refreshing=self.generation)

    def refresh_ended(self, generation: int) -> Session:
        """The refresh begun in ``generation`` is over (whatever became of its result)."""
        if self.refreshing != generation:
            return self
        return dataclasses.replace(self, refreshing=None)

    def drawn(self, draw: float) -> Session:
        """The same state, its next plan at the point ``draw`` of its window."""
        return dataclasses.replace(self, draw=draw)

    def attempt(self, *, under_way: bool) -> Session:
        return dataclasses.replace(self, attempting=under_way)

    def signed_in_as(self, profile: Profile, tokens: TokenSet, obtained: float, *,
                     remembered: bool, reason: AuthErrorKind | None = None,
                     detail: str = "") -> Session:
        """A new sign-in: SIGNED_IN if ``remembered`` in the keyring, else SESSION_ONLY
        with the ``reason`` why not."""
        return dataclasses.replace(
            self,
            generation=self.generation + 1,
            status=AuthStatus.SIGNED_IN if remembered else AuthStatus.SESSION_ONLY,
            profile=profile, tokens=tokens, refresh_token=tokens.refresh_token,
            session_until=tokens.refresh_expires_at, refreshed_at=obtained,
            limitation=(reason, detail) if reason is not None else None,
            failures=0, retry_at=0.0, reason=reason, detail=detail,
            resources=MappingProxyType({}),
        )

    def restored(self, remembered: Remembered) -> Session:
        """The session from the keyring: signed in, no access token yet."""
        return dataclasses.replace(
            self,
            generation=self.generation + 1, status=AuthStatus.SIGNED_IN,
            profile=remembered.profile, tokens=None, refresh_token=remembered.refresh_token,
            session_until=remembered.session_until, limitation=None,
            failures=0, retry_at=0.0, resources=MappingProxyType({}),
        )

    def rotated(self, refresh_token: str | None,
                session_until: float | None = None) -> Session:
        """The provider's new refresh token (and the session end it names, if it does).

        Alone, for an answer whose access token is not used: the provider has rotated
        the refresh token all the same, the old one is dead."""
        return dataclasses.replace(
            self, refresh_token=refresh_token,
            session_until=session_until if session_until is not None else self.session_until,
        )

    def refreshed(self, tokens: TokenSet, now: float, draw: float = 0.0) -> Session:
        """New tokens; the next keep-alive falls at the point ``draw`` of its window."""
        limitation = self.limitation  # still session-only: keep saying why
        return dataclasses.replace(
            self.rotated(tokens.refresh_token, tokens.refresh_expires_at),
            tokens=tokens, refreshed_at=now, failures=0, retry_at=0.0,
            draw=draw, deferred_to=0.0,
            reason=limitation[0] if limitation else None,
            detail=limitation[1] if limitation else "",
        )

    def for_resource(self, resource: str, tokens: TokenSet) -> Session:
        """A token for ``resource`` (its answer's refresh token is rotated separately)."""
        resources = dict(self.resources)
        resources[resource] = dataclasses.replace(tokens, refresh_token=None)
        return dataclasses.replace(self, resources=MappingProxyType(resources))

    def refused(self, token: str, resource: str | None, now: float) -> Session:
        """A service refused ``token``: if it is still the one at hand, it is not
        handed out again (the next request refreshes first). Another token (already
        refreshed meanwhile) is left alone."""
        if resource is None:
            tokens = self.tokens
            if tokens is None or tokens.access_token != token:
                return self
            return dataclasses.replace(
                self, tokens=dataclasses.replace(tokens, expires_at=min(tokens.expires_at, now)))
        held = self.resources.get(resource)
        if held is None or held.access_token != token:
            return self
        resources = {k: v for k, v in self.resources.items() if k != resource}
        return dataclasses.replace(self, resources=MappingProxyType(resources))

    def failed(self, error: AuthError, now: float, draw: float = 0.0) -> Session:
        """A refresh failed (not rejected): back off (to the point ``draw`` of the
        backoff's window), say why, keep the session."""
        failures = self.failures + 1
        return dataclasses.replace(
            self, failures=failures, retry_at=now + plan.retry_delay(failures, draw),
            reason=error.kind, detail=error.detail)

    def woken(self, now: float, draw: float) -> Session:
        """After a wake-up or a network change: a refresh that is overdue or backing
        off runs at the random point ``draw`` of the next few minutes, and a token
        asked for meanwhile need not wait for the backoff."""
        due = self.due_at()
        if due is None:
            return self
        at = plan.after_wake(due=due, failing=self.failures > 0, now=now, draw=draw)
        if at is None:
            return self
        return dataclasses.replace(self, retry_at=min(self.retry_at, now), deferred_to=at)

    def forgotten(self, status: AuthStatus, *, keep_profile: bool = False) -> Session:
        """No tokens, no session: signed out, or REAUTH_REQUIRED (``keep_profile``, for
        "please sign in again, Erika")."""
        return dataclasses.replace(
            self,
            generation=self.generation + 1, status=status,
            profile=self.profile if keep_profile else None,
            tokens=None, refresh_token=None, session_until=None, limitation=None,
            failures=0, retry_at=0.0, reason=None, detail="", resources=MappingProxyType({}),
        )
