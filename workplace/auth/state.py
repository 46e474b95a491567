# SPDX-License-Identifier: EUPL-1.2
"""AuthState: the immutable picture of the sign-in that the window and the CLI show."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from workplace.auth.errors import AuthErrorKind


class AuthStatus(StrEnum):
    SIGNED_OUT = "signed_out"
    SIGNED_IN = "signed_in"
    SESSION_ONLY = "session_only"
    """Signed in, but not remembered: no secure keyring (see ``reason``)."""
    REAUTH_REQUIRED = "reauth_required"
    """The provider rejected the remembered session: show one "please sign in again"."""


@dataclass(frozen=True)
class Profile:
    """Who is signed in: from the ID token and userinfo. Not secret, no tokens."""

    subject: str
    display_name: str
    email: str = ""

    @property
    def initials(self) -> str:
        parts = [p for p in self.display_name.replace("-", " ").split() if p[:1].isalpha()]
        if not parts:
            return (self.email[:1] or "?").upper()
        if len(parts) == 1:
            return parts[0][:1].upper()
        return (parts[0][:1] + parts[-1][:1]).upper()


@dataclass(frozen=True)
class AuthState:
    """What the sign-in looks like now. Carries no token values."""

    status: AuthStatus = AuthStatus.SIGNED_OUT
    display_name: str = ""
    email: str = ""
    initials: str = ""
    subject: str = ""
    expires_at: float | None = None
    """When the current access token expires (epoch seconds); None if there is none.
    It may lie in the past: the token lapses on purpose, the session does not
    (``AuthService.access_token`` refreshes on demand)."""
    refresh_due_at: float | None = None
    """When :meth:`AuthService.refresh_if_needed` will next refresh (epoch seconds, the
    service's clock): the session's keep-alive, or later while a failed refresh backs
    off or after a wake-up (:mod:`workplace.auth.plan`); may lie in the past (due
    now). None when signed out, when re-authentication is required, or when there is
    no refresh token to use."""
    session_until: float | None = None
    """Until when the provider keeps the session, if it says (epoch seconds)."""
    keyring_backend: str = ""
    """The keyring in use, e.g. ``SecretService.Keyring``; empty if none."""
    reason: AuthErrorKind | None = None
    """Why the state is as it is: a failure or a limitation (e.g. no_keyring, offline)."""
    detail: str = ""
    low_bandwidth: bool = False
    """The window's data saver is on (``AuthService.set_low_bandwidth``); the refresh
    plan is the same keep-alive."""

    @property
    def signed_in(self) -> bool:
        return self.status in (AuthStatus.SIGNED_IN, AuthStatus.SESSION_ONLY)

    @property
    def offline(self) -> bool:
        """Signed in from the remembered session, but the provider cannot be reached now."""
        return self.signed_in and self.expires_at is None and self.reason is not None
