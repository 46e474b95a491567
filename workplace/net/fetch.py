# SPDX-License-Identifier: EUPL-1.2
"""One careful GET for documents from elsewhere (the central catalog, its signature,
service icons), on top of the program's HTTP session.

Redirects are followed here, not by the session: at most a few, and only within the
origin (scheme, host and port) of the first URL, so a manifest can never be served
from another host or downgraded to ``http:``. Conditional headers make a 304 cheap,
and the size limit is enforced while the body streams in, not after. Every failure is
a :class:`~workplace.net.errors.NetworkError`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from workplace.config.urls import UnsafeUrlError, check_url
from workplace.net.deadline import passed, time_limit
from workplace.net.errors import NetworkError, NetworkErrorKind

if TYPE_CHECKING:
    from workplace.net.http import HttpSession
    from workplace.net.response import Response

log = logging.getLogger("workplace.net")

MAX_REDIRECTS = 5
DEADLINE_SECONDS = 60.0
"""The whole download, redirects included, must finish within this (slow-drip servers)."""
CHUNK = 64 * 1024
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class Fetched:
    """A successful answer: 200 with ``body``, or 304 (``body`` empty, keep the cache)."""

    status: int
    body: bytes
    url: str
    """The URL that answered (after same-origin redirects), without its query."""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def shown(url: str) -> str:
    """``url`` without query and fragment: safe for logs and messages."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or (443 if scheme == "https" else 80)
    return scheme, (parts.hostname or "").lower(), port


def fetch(
    session: HttpSession,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int,
    accept: str = "application/json",
    extra_headers: Mapping[str, str] | None = None,
    clock: Callable[[], float] = time.monotonic,
    deadline_seconds: float = DEADLINE_SECONDS,
) -> Fetched:
    """GET ``url`` (already URL-checked) or raise :class:`NetworkError` saying why.

    The whole download (connecting, redirects, headers and every read of the body) ends
    within ``deadline_seconds``: each wait on the socket is cut to the time left.
    """
    with time_limit(deadline_seconds):
        try:
            return _fetch(
                session, url, etag=etag, last_modified=last_modified, max_bytes=max_bytes,
                accept=accept, extra_headers=extra_headers, clock=clock,
                deadline=clock() + deadline_seconds,
            )
        except NetworkError as exc:
            if exc.kind is NetworkErrorKind.TIMEOUT and passed():
                raise NetworkError(
                    NetworkErrorKind.TIMEOUT,
                    f"the download did not finish within {deadline_seconds:g} s",
                    url=exc.url,
                ) from None
            raise


def _fetch(
    session: HttpSession,
    url: str,
    *,
    etag: str | None,
    last_modified: str | None,
    max_bytes: int,
    accept: str,
    extra_headers: Mapping[str, str] | None,
    clock: Callable[[], float],
    deadline: float,
) -> Fetched:
    start = origin(url)
    current = url
    headers = {"Accept": accept, **(extra_headers or {})}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    for _hop in range(MAX_REDIRECTS + 1):
        response = session.get(current, headers=headers, allow_redirects=False, stream=True)
        try:
            if response.status_code in REDIRECT_CODES:
                current = _next_hop(current, response.headers.get("Location"), start)
                continue
            conditional = "If-None-Match" in headers or "If-Modified-Since" in headers
            return _answer(response, current, max_bytes, deadline, clock, conditional)
        finally:
            response.close()
    raise NetworkError(
        NetworkErrorKind.REDIRECT_REFUSED,
        f"more than {MAX_REDIRECTS} redirects",
        url=shown(url),
    )


def _next_hop(current: str, location: str | None, start: tuple[str, str, int]) -> str:
    if not location:
        raise NetworkError(
            NetworkErrorKind.HTTP_STATUS, "a redirect without a Location", url=shown(current)
        )
    target = urljoin(current, location.strip())
    try:
        target = check_url(target)
    except UnsafeUrlError as exc:
        raise NetworkError(
            NetworkErrorKind.REDIRECT_REFUSED,
            f"refused a redirect to an unsafe address: {exc}",
            url=shown(current),
            target=target.split("?", 1)[0],
        ) from None
    hop = origin(target)
    if hop[0] != start[0]:
        raise NetworkError(
            NetworkErrorKind.REDIRECT_REFUSED,
            f"refused a redirect from {start[0]}: to {hop[0]}: ({shown(target)})",
            url=shown(current),
            target=shown(target),
        )
    if hop != start:
        raise NetworkError(
            NetworkErrorKind.REDIRECT_REFUSED,
            f"refused a redirect to another host ({shown(target)})",
            url=shown(current),
            target=shown(target),
        )
    log.debug("following a same-origin redirect to %s", shown(target))
    return target


def _answer(
    response: Response,
    url: str,
    max_bytes: int,
    deadline: float,
    clock: Callable[[], float],
    conditional: bool,
) -> Fetched:
    status = response.status_code
    if status == 304 and not conditional:
        # "Not modified" since nothing: a broken proxy or a captive portal. Accepting it
        # would make a stale copy look freshly confirmed.
        raise NetworkError(
            NetworkErrorKind.HTTP_STATUS, "304 to an unconditional request", url=shown(url),
            status=status,
        )
    if status == 304:
        return Fetched(304, b"", shown(url), response.headers.get("ETag"),
                       response.headers.get("Last-Modified"))
    if status in (401, 403):
        raise NetworkError(
            NetworkErrorKind.AUTH_REQUIRED,
            f"the server requires sign-in (HTTP {status})",
            url=shown(url),
            status=status,
        )
    if status in (404, 410):
        raise NetworkError(
            NetworkErrorKind.NOT_FOUND, f"not found (HTTP {status})", url=shown(url), status=status
        )
    if status != 200:
        raise NetworkError(
            NetworkErrorKind.HTTP_STATUS,
            f"the server answered HTTP {status}",
            url=shown(url),
            status=status,
        )
    declared = response.headers.get("Content-Length", "")
    if declared.strip().isdigit() and int(declared) > max_bytes:
        raise NetworkError(
            NetworkErrorKind.TOO_LARGE,
            f"the document is larger than {_size(max_bytes)} ({_size(int(declared))})",
            url=shown(url),
        )
    body = bytearray()
    for chunk in response.iter_content(CHUNK):
        body += chunk
        if len(body) > max_bytes:
            raise NetworkError(
                NetworkErrorKind.TOO_LARGE,
                f"the document is larger than {_size(max_bytes)}; download stopped",
                url=shown(url),
            )
        if clock() > deadline:
            raise NetworkError(
                NetworkErrorKind.TIMEOUT, "the download took too long", url=shown(url)
            )
    return Fetched(
        200,
        bytes(body),
        shown(url),
        response.headers.get("ETag"),
        response.headers.get("Last-Modified"),
        response.headers.get("Content-Type", ""),
    )


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MiB"
    return f"{count / 1024:.0f} KiB"
