# SPDX-License-Identifier: EUPL-1.2
"""HTTP with a bearer token: JSON answers, conditional requests, refusals told apart.

The session comes from the program's one network setup (proxy, trust store, byte
counter). Redirects are not followed: a token must never travel to another address.
"""

from __future__ import annotations

import base64
import json
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workplace.integrations.errors import CheckError, CheckErrorKind
from workplace.net.errors import NetworkError

if TYPE_CHECKING:
    from workplace.net.http import HttpSession
    from workplace.net.response import Response

MAX_BYTES = 512 * 1024


@dataclass
class Validators:
    """ETag / Last-Modified per URL and the body they validate (memory only), so a
    repeated request can be conditional where the server offers it."""

    _seen: dict[str, tuple[str, str, bytes]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def headers(self, url: str) -> dict[str, str]:
        with self._lock:
            seen = self._seen.get(url)
        if seen is None:
            return {}
        etag, modified, _ = seen
        out = {}
        if etag:
            out["If-None-Match"] = etag
        if modified:
            out["If-Modified-Since"] = modified
        return out

    def remember(self, url: str, response: Response, body: bytes) -> None:
        etag = response.headers.get("ETag", "")
        modified = response.headers.get("Last-Modified", "")
        with self._lock:
            if etag or modified:
                self._seen[url] = (etag, modified, body)
            else:
                self._seen.pop(url, None)

    def body(self, url: str) -> bytes | None:
        with self._lock:
            seen = self._seen.get(url)
        return seen[2] if seen else None

    def clear(self) -> None:
        with self._lock:
            self._seen.clear()


def refusal(response: Response) -> CheckError | None:
    """A 401/403 as REFUSED or NOT_GRANTED (RFC 6750 §3.1), else None."""
    if response.status_code not in (401, 403):
        return None
    challenge = response.headers.get("WWW-Authenticate", "").lower()
    if "insufficient_scope" in challenge or (
            response.status_code == 403 and "invalid_token" not in challenge):
        return CheckError(CheckErrorKind.NOT_GRANTED,
                          f"the service answered {response.status_code}: insufficient scope")
    return CheckError(CheckErrorKind.REFUSED,
                      f"the service refused the token ({response.status_code})")


def bearer(token: str) -> str:
    """The Authorization header value for a bearer token (RFC 6750)."""
    return f"Bearer {token}"


def basic(user: str, password: str) -> str:
    """The Authorization header value for Basic (an application password)."""
    raw = f"{user}:{password}".encode()
    return "Basic " + base64.b64encode(raw).decode("ascii")


def request(session: HttpSession, method: str, url: str, authorization: str, *,
            validators: Validators | None = None, headers: dict[str, str] | None = None,
            data: bytes | None = None, accept: str = "application/json") -> bytes:
    """One request with ``authorization`` (:func:`bearer` or :func:`basic`); the body
    (the remembered one on 304).

    Raises :class:`CheckError`: REFUSED / NOT_GRANTED for 401/403, FAILED otherwise.
    """
    sent = {"Authorization": authorization, "Accept": accept, **(headers or {})}
    if validators is not None:
        sent.update(validators.headers(url))
    try:
        with session.request(method, url, headers=sent, data=data,
                             allow_redirects=False, stream=True) as response:
            body = response.read(MAX_BYTES + 1)
    except NetworkError as exc:
        raise CheckError(CheckErrorKind.FAILED, f"{exc.kind.value}: {exc.detail}") from None
    refused = refusal(response)
    if refused is not None:
        raise refused
    if response.status_code == 304 and validators is not None:
        kept = validators.body(url)
        if kept is not None:
            return kept
    if response.status_code >= 300 or len(body) > MAX_BYTES:
        raise CheckError(CheckErrorKind.FAILED, f"the service answered {response.status_code}"
                         if len(body) <= MAX_BYTES else "the answer is too large")
    if validators is not None:
        validators.remember(url, response, body)
    return bytes(body)


def json_answer(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        raise CheckError(CheckErrorKind.FAILED, "the answer is not JSON") from None
