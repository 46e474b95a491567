# SPDX-License-Identifier: EUPL-1.2
"""Token endpoint calls (code, refresh, device code, revocation) and the in-memory token set.

Tokens never appear in a repr, a log line or an error message.
"""

from __future__ import annotations

import email.utils
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from workplace.auth.errors import AuthError, AuthErrorKind
from workplace.net.errors import NetworkError

if TYPE_CHECKING:
    from workplace.net.http import HttpSession
    from workplace.net.response import Response

log = logging.getLogger("workplace.auth")

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


@dataclass(frozen=True)
class TokenSet:
    """Access and ID token in memory, plus the refresh token until it is saved."""

    access_token: str = field(repr=False)
    id_token: str | None = field(repr=False)
    refresh_token: str | None = field(repr=False)
    expires_at: float
    refresh_expires_at: float | None = None


@dataclass(frozen=True)
class TokenResponse:
    data: dict[str, Any] = field(repr=False)
    server_time: float | None = None

    def token_set(self, now: float, previous: TokenSet | None = None) -> TokenSet:
        access = self.data.get("access_token")
        if not isinstance(access, str) or not access:
            raise AuthError(AuthErrorKind.PROVIDER_ERROR, "the answer has no access token")
        expires_in = self.data.get("expires_in")
        lifetime = float(expires_in) if isinstance(expires_in, int | float) else 300.0
        refresh_in = self.data.get("refresh_expires_in")
        id_token = self.data.get("id_token")
        refresh = self.data.get("refresh_token")
        return TokenSet(
            access_token=access,
            id_token=id_token if isinstance(id_token, str) else (
                previous.id_token if previous else None),
            refresh_token=refresh if isinstance(refresh, str) and refresh else (
                previous.refresh_token if previous else None),
            expires_at=now + lifetime,
            refresh_expires_at=(now + float(refresh_in)) if isinstance(
                refresh_in, int | float) and refresh_in > 0 else None,
        )


class OAuthError(AuthError):
    """An error answer of the token endpoint; ``error`` is the OAuth error code."""

    def __init__(self, kind: AuthErrorKind, error: str) -> None:
        super().__init__(kind, error)
        self.error = error


def _server_time(response: Response) -> float | None:
    date = response.headers.get("Date")
    if not date:
        return None
    try:
        return email.utils.parsedate_to_datetime(date).timestamp()
    except (TypeError, ValueError):
        return None


def post_form(session: HttpSession, url: str, body: str) -> Response:
    """POST a form to the provider, never following a redirect; NetworkError -> AuthError."""
    try:
        # Never follow a redirect: a 307/308 would replay the code or refresh token
        # to wherever it points. A redirect is a provider error.
        return session.post(url, data=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
        }, allow_redirects=False)
    except NetworkError as exc:
        raise AuthError.from_network(exc) from None


def token_request(
    session: HttpSession, url: str, grant_type: str, **params: str
) -> TokenResponse:
    """POST to the token endpoint (never retried: POST is not idempotent)."""
    # RFC 6749 4.1.3 / 6: the form body; parameters without a value are left out.
    body = urlencode([("grant_type", grant_type),
                      *((name, value) for name, value in params.items() if value)])
    response = post_form(session, url, body)
    try:
        data = response.json()
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise AuthError(
            AuthErrorKind.PROVIDER_ERROR, f"the token endpoint answered {response.status_code}"
        )
    if response.status_code != 200 or "error" in data:
        error = str(data.get("error", "unknown_error"))
        error = "".join(c for c in error if c.isalnum() or c in "_-")[:60]
        kind = {
            "invalid_grant": AuthErrorKind.REJECTED_REFRESH,
            "access_denied": AuthErrorKind.DENIED,
            "expired_token": AuthErrorKind.DEVICE_CODE_EXPIRED,
        }.get(error, AuthErrorKind.PROVIDER_ERROR)
        raise OAuthError(kind, error)
    token_type = str(data.get("token_type", "")).lower()
    if token_type not in ("bearer", "dpop", ""):
        raise AuthError(AuthErrorKind.PROVIDER_ERROR, "unexpected token type")
    return TokenResponse(data=data, server_time=_server_time(response))


def revoke(
    session: HttpSession, url: str, token: str, client_id: str
) -> None:
    """RFC 7009 revocation of a refresh token. One attempt; failures are the caller's."""
    body = urlencode(
        {"token": token, "token_type_hint": "refresh_token", "client_id": client_id}
    )
    response = post_form(session, url, body)
    if response.status_code != 200:
        raise AuthError(AuthErrorKind.PROVIDER_ERROR, f"revocation answered {response.status_code}")


def userinfo(session: HttpSession, url: str, access_token: str) -> dict[str, Any]:
    try:
        response = session.get(url, headers={
            "Authorization": f"Bearer {access_token}", "Accept": "application/json",
        }, allow_redirects=False)
    except NetworkError as exc:
        raise AuthError.from_network(exc) from None
    return json_object(response, "userinfo")


def json_object(response: Response, what: str) -> dict[str, Any]:
    """A 200 answer's JSON object, or AuthError(PROVIDER_ERROR) naming ``what`` answered."""
    try:
        data = response.json() if response.status_code == 200 else None
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise AuthError(AuthErrorKind.PROVIDER_ERROR, f"{what} answered {response.status_code}")
    return data
