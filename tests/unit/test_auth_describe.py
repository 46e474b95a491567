# SPDX-License-Identifier: EUPL-1.2
"""The one line `workplace status` prints for a sign-in state."""

from __future__ import annotations

from workplace.auth.errors import MESSAGES, AuthErrorKind
from workplace.auth.state import AuthState, AuthStatus
from workplace.commands._auth import describe


def test_a_wrong_clock_is_not_called_offline() -> None:
    state = AuthState(
        status=AuthStatus.SIGNED_IN, display_name="Erika Mustermann",
        reason=AuthErrorKind.CLOCK_SKEW,
    )
    line = describe(state)
    assert line.startswith("Signed in as Erika Mustermann")
    assert MESSAGES[AuthErrorKind.CLOCK_SKEW] in line
    assert "offline" not in line


def test_an_unreachable_provider_keeps_the_session_and_says_why() -> None:
    state = AuthState(
        status=AuthStatus.SIGNED_IN, display_name="Erika Mustermann",
        reason=AuthErrorKind.PROVIDER_UNREACHABLE,
    )
    line = describe(state)
    assert "Signed in as Erika Mustermann" in line
    assert MESSAGES[AuthErrorKind.PROVIDER_UNREACHABLE] in line
