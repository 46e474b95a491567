# SPDX-License-Identifier: EUPL-1.2
"""Checks the authorization response on the loopback redirect before any token request."""

from __future__ import annotations

import hmac

from workplace.auth.errors import AuthError, AuthErrorKind
from workplace.auth.pkce import Attempt


def looks_like_answer(query: dict[str, str]) -> bool:
    """A request that carries an authorization response at all (else: stray, 404)."""
    return "state" in query or "code" in query or "error" in query


def validate_callback(
    query: dict[str, str], attempt: Attempt, issuer: str, iss_required: bool
) -> str:
    """The authorization code, or AuthError. Order: state, iss (RFC 9207), error, code."""
    state = query.get("state", "")
    if not hmac.compare_digest(state.encode(), attempt.state.encode()):
        raise AuthError(AuthErrorKind.STATE_MISMATCH, "the state does not match")
    iss = query.get("iss")
    if iss is None and iss_required:
        raise AuthError(AuthErrorKind.ISSUER_MISMATCH, "the answer names no issuer")
    if iss is not None and iss != issuer:
        raise AuthError(AuthErrorKind.ISSUER_MISMATCH, "the answer names another issuer")
    error = query.get("error")
    if error is not None:
        safe = "".join(c for c in error if c.isalnum() or c in "_-")[:60]
        if safe in ("access_denied", "consent_required", "login_required"):
            raise AuthError(AuthErrorKind.DENIED, safe)
        raise AuthError(AuthErrorKind.PROVIDER_ERROR, safe)
    code = query.get("code")
    if not code:
        raise AuthError(AuthErrorKind.PROVIDER_ERROR, "the answer carries no code")
    return code
