# SPDX-License-Identifier: EUPL-1.2
"""Full ID token validation (OpenID Connect Core §3.1.3.7, the RP conformance tests).

joserfc checks the signature; every claim is checked here, explicitly, because the
libraries' defaults do not (security checklist: "authlib pitfall").
"""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from joserfc import jws, jwt
from joserfc.errors import JoseError

from workplace.auth.errors import AuthError, AuthErrorKind
from workplace.auth.jwks import JwksCache

if TYPE_CHECKING:
    from workplace.net.http import HttpSession

DEFAULT_LEEWAY = 120.0
"""Seconds of clock difference tolerated for exp and iat."""


@dataclass(frozen=True)
class Expectations:
    issuer: str
    client_id: str
    algorithms: tuple[str, ...]
    nonce: str | None = None
    """The nonce sent; None where none was sent (refresh, device grant)."""
    subject: str | None = None
    """After a refresh: the sub of the first ID token (Core §12.2)."""


def _invalid(detail: str) -> AuthError:
    return AuthError(AuthErrorKind.INVALID_TOKEN, detail)


def read_header(raw: str) -> dict[str, Any]:
    try:
        compact = jws.extract_compact(raw.encode("ascii"))
    except (JoseError, ValueError, UnicodeError):
        raise _invalid("not a signed token") from None
    return dict(compact.protected)


def verify_id_token(
    raw: str, expect: Expectations, keys: JwksCache, session: HttpSession, *,
    redeemed: bool,
) -> dict[str, Any]:
    """The claims of an ID token whose signature, issuer, audience, party, subject and
    nonce are right, or AuthError; its times are :func:`check_times`'s job.

    Apart, because a refresh answer whose ID token fails only on time still carries
    the rotated refresh token, which must be kept (the old one is dead at the provider).
    ``redeemed``: the token is the token endpoint's answer to the launcher (see
    :meth:`JwksCache.key_for`).
    """
    header = read_header(raw)
    alg = header.get("alg")
    if not isinstance(alg, str) or alg not in expect.algorithms:
        raise _invalid(f"signature algorithm {alg!r} is not accepted")
    kid = header.get("kid")
    key = keys.key_for(kid if isinstance(kid, str) else None, alg, session,
                       redeemed=redeemed)
    try:
        token = jwt.decode(raw, key, algorithms=[alg])
    except JoseError:
        raise _invalid("the signature is not valid") from None
    except (ValueError, json.JSONDecodeError):
        raise _invalid("the token is malformed") from None
    claims = dict(token.claims)

    if claims.get("iss") != expect.issuer:
        raise AuthError(AuthErrorKind.ISSUER_MISMATCH, "the ID token names another issuer")
    aud = claims.get("aud")
    audiences = [aud] if isinstance(aud, str) else aud if isinstance(aud, list) else []
    if expect.client_id not in audiences:
        raise _invalid("the ID token is not meant for this app (aud)")
    azp = claims.get("azp")
    if len(audiences) > 1 and azp != expect.client_id:
        raise _invalid("the ID token has several audiences but another azp")
    if azp is not None and azp != expect.client_id:  # issued to another party
        raise _invalid("the ID token was issued to another party (azp)")
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub:
        raise _invalid("the ID token has no subject")
    if expect.subject is not None and sub != expect.subject:
        raise _invalid("the refreshed ID token is for another user")
    exp, iat = claims.get("exp"), claims.get("iat")
    if not isinstance(exp, int | float) or isinstance(exp, bool):
        raise _invalid("the ID token has no expiry")
    if not isinstance(iat, int | float) or isinstance(iat, bool):
        raise _invalid("the ID token has no issue time")

    nonce = claims.get("nonce")
    if expect.nonce is not None and (
        not isinstance(nonce, str)
        or not hmac.compare_digest(nonce.encode(), expect.nonce.encode())
    ):
        raise _invalid("the ID token's nonce does not match")
    return claims


def check_times(
    claims: dict[str, Any], *, now: float, server_time: float | None = None,
    leeway: float = DEFAULT_LEEWAY,
) -> None:
    """AuthError unless ``exp``, ``iat`` and ``nbf`` of verified claims fit ``now``.

    ``server_time`` (the Date header of the token response) tells a wrong local clock
    (CLOCK_SKEW) apart from a wrong token (INVALID_TOKEN).
    """
    skewed = server_time is not None and abs(now - server_time) > leeway
    exp, iat = float(claims["exp"]), float(claims["iat"])
    if now > exp + leeway:
        if skewed:
            raise AuthError(AuthErrorKind.CLOCK_SKEW, "the ID token looks expired")
        raise _invalid("the ID token has expired")
    if iat > now + leeway:
        if skewed:
            raise AuthError(AuthErrorKind.CLOCK_SKEW, "the ID token looks issued in the future")
        raise _invalid("the ID token is issued in the future")
    nbf = claims.get("nbf")
    if isinstance(nbf, int | float) and nbf > now + leeway:
        raise _invalid("the ID token is not valid yet")
