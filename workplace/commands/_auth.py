# SPDX-License-Identifier: EUPL-1.2
"""What login, logout and status share: the tenant's AuthService and how to show a state."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workplace.app import Workplace
    from workplace.auth.service import AuthService
    from workplace.auth.state import AuthState


def auth_service(workplace: Workplace) -> AuthService | None:
    """The sign-in service the program builds (None: no identity provider configured).

    Configuration problems go to stderr first."""
    from workplace.commands.config import report_problems

    report_problems(workplace.settings)
    return workplace.auth()


def not_configured() -> AuthState:
    """The state without an identity provider."""
    from workplace.auth.errors import AuthErrorKind
    from workplace.auth.state import AuthState

    return AuthState(reason=AuthErrorKind.NOT_CONFIGURED)


def when(epoch: float | None) -> str:
    if epoch is None:
        return ""
    return time.strftime("%Y-%m-%d %H:%M %Z", time.localtime(epoch))


def describe(state: AuthState) -> str:
    """One English line about the state, without any token value."""
    from workplace.auth.errors import MESSAGES
    from workplace.auth.state import AuthStatus

    who = state.display_name + (f" <{state.email}>" if state.email else "")
    reason = MESSAGES[state.reason] if state.reason else ""
    if state.status == AuthStatus.SIGNED_IN:
        line = f"Signed in as {who}"
        line += f", remembered in {state.keyring_backend}" if state.keyring_backend else ""
        if state.session_until:
            line += f"; the session holds until {when(state.session_until)}"
        else:
            line += "; the session holds while it is used (the provider names no end)"
        # Still signed in, but the last refresh failed: why (a network problem, or a
        # wrong clock, which is not "offline"), without implying the session is lost.
        return line + (f". The last refresh did not succeed: {reason}" if reason else "")
    if state.status == AuthStatus.SESSION_ONLY:
        return f"Signed in as {who} for this session only: {reason or 'not remembered'}"
    if state.status == AuthStatus.REAUTH_REQUIRED:
        return "Your session has ended; please sign in again (workplace login)."
    return "Not signed in." + (f" {reason}" if reason else "")
