# SPDX-License-Identifier: EUPL-1.2
"""How a service answered a check that did not give a value."""

from __future__ import annotations

from enum import StrEnum


class CheckErrorKind(StrEnum):
    REFUSED = "refused"
    """The service refused the token (expired, revoked, unknown): refresh once, retry."""
    NOT_GRANTED = "not_granted"
    """The token is valid but lacks the scope or audience: not available for this user."""
    FAILED = "failed"
    """Network, server or an answer that makes no sense: try again later."""
    SIGN_IN = "sign_in"
    """The service's own sign-in (the chat's single sign-on round) did not finish: the
    user has to sign in again for this integration."""


class CheckError(Exception):
    """A failed check. ``detail`` is plain English and never holds a token."""

    def __init__(self, kind: CheckErrorKind, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
