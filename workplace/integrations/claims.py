# SPDX-License-Identifier: EUPL-1.2
"""Does a token carry what a service needs? Decoded locally, never printed.

The token's payload is read without checking its signature: the service checks that.
This only answers "would the service even accept it" (audience, scopes, the claims IT
names), so a missing scope is "not available for this user" instead of a failed call,
and doctor can say in words what IT must change. Nothing here logs or returns a token
or a claim's value.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Need:
    """What one integration needs in its token."""

    audience: str = ""
    scopes: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fit:
    """How a token fits a :class:`Need`."""

    readable: bool
    """False for an opaque token (not a JWT): it cannot be checked here."""
    missing_audience: str = ""
    missing_scopes: tuple[str, ...] = ()
    missing_claims: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Nothing known to be missing (an unreadable token counts as ok: try it)."""
        return not (self.missing_audience or self.missing_scopes or self.missing_claims)

    def problems(self) -> list[str]:
        """What is missing, in words an IT administrator can act on (English)."""
        out = []
        if self.missing_audience:
            out.append(f"the token is not for {self.missing_audience} (its aud does not name "
                       f"it): add an audience mapper for {self.missing_audience} to the "
                       "launcher's client scope")
        if self.missing_scopes:
            names = ", ".join(self.missing_scopes)
            out.append(f"the scope {names} is not granted: assign the client scope to the "
                       "launcher's client and the user's group to its role")
        if self.missing_claims:
            names = ", ".join(self.missing_claims)
            out.append(f"the token lacks the claim {names}: add a protocol mapper for it")
        return out


def payload(token: str) -> dict[str, Any] | None:
    """The claims of a JWT (JWS compact form), unverified; None if it is not one."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        raw = base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4))
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


def granted_scopes(claims: dict[str, Any]) -> set[str]:
    scope = claims.get("scope", claims.get("scp", ""))
    if isinstance(scope, list):
        return {str(s) for s in scope}
    return set(str(scope).split())


def audiences(claims: dict[str, Any]) -> set[str]:
    aud = claims.get("aud")
    if isinstance(aud, list):
        return {str(a) for a in aud}
    return {str(aud)} if aud else set()


def fit(token: str, need: Need, *, scope_hint: str | None = None) -> Fit:
    """How ``token`` fits ``need``. ``scope_hint``: the scope the token answer named
    (RFC 6749 §5.1), used for an opaque token."""
    claims = payload(token)
    if claims is None:
        if scope_hint is None:
            return Fit(readable=False)
        have = set(scope_hint.split())
        return Fit(readable=False,
                   missing_scopes=tuple(s for s in need.scopes if s not in have))
    have = granted_scopes(claims)
    return Fit(
        readable=True,
        missing_audience=need.audience if need.audience and need.audience not in audiences(
            claims) else "",
        missing_scopes=tuple(s for s in need.scopes if s not in have),
        missing_claims=tuple(c for c in need.claims if claims.get(c) in (None, "")),
    )


def claim(token: str, name: str) -> str | None:
    """One claim's value as text (for the IMAP user name), or None."""
    claims = payload(token)
    if claims is None:
        return None
    value = claims.get(name)
    return str(value) if isinstance(value, str | int) and value != "" else None
