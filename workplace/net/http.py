# SPDX-License-Identifier: EUPL-1.2
"""The one HTTP session: OS trust store, proxy, timeouts, retries, user agent, bytes.

Every HTTP call in the program goes through an :class:`HttpSession` from
:func:`create_session` (the program builds them through
:class:`workplace.net.setup.NetworkSetup`, which applies the settings). It runs on
urllib3 alone (:mod:`workplace.net.transport`: trust, byte counts, deadlines, retries,
the proxy per request and hop, keep-alive pools); the session adds what a caller
expects of one: default headers, form and JSON bodies, redirects, and answers
(:class:`~workplace.net.response.Response`) whose failures are all
:class:`~workplace.net.errors.NetworkError`.

Redirects, when followed (``allow_redirects``, the default), follow requests' rules:
at most :data:`MAX_REDIRECTS`; 301 (for POST), 302 and 303 become a GET without body;
the Authorization header is dropped when a hop leaves the host (or its scheme or port,
except http to https on the standard ports). Most callers follow none: tokens must
never travel to another address. Sessions keep no cookies: nothing the program asks
sets or needs one (a browser's sign-in has its own).
"""

from __future__ import annotations

import json as jsonlib
import os
import ssl
import time
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from http.client import HTTPException
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urljoin, urlsplit

from urllib3 import HTTPHeaderDict
from urllib3.exceptions import HTTPError
from urllib3.util import make_headers

from workplace import __version__
from workplace.net.classify import classify
from workplace.net.deadline import passed, time_limit
from workplace.net.errors import NetworkError, NetworkErrorKind
from workplace.net.response import Response
from workplace.net.transport import (
    DEFAULT_TIMEOUT,
    MAX_RETRY_AFTER,
    POOL_HOSTS,
    POOL_PER_HOST,
    ByteCounter,
    Timeouts,
    Transport,
    retry_policy,
    trust_context,
)

if TYPE_CHECKING:
    from workplace.net.proxy import ProxyPolicy

__all__ = [
    "DEFAULT_TIMEOUT", "MAX_REDIRECTS", "MAX_RETRY_AFTER", "POOL_HOSTS", "POOL_PER_HOST",
    "REQUEST_DEADLINE", "USER_AGENT", "ByteCounter", "Capped", "HttpSession", "Response",
    "Transport", "check_status", "create_session", "create_transport", "get_capped",
    "trust_context",
]

USER_AGENT = f"Arbeitsplatz/{__version__}"
REQUEST_DEADLINE = 60.0
"""Seconds a whole request may take at most, however slowly the server keeps sending."""
MAX_REDIRECTS = 5
"""Redirects a request follows at most (when it follows any)."""
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
ACCEPT_ENCODING = ", ".join(
    part.strip() for part in make_headers(accept_encoding=True)["accept-encoding"].split(",")
)
"""What urllib3 can decode (gzip, deflate; br and zstd when their modules are there)."""
_ERRORS = (HTTPError, HTTPException, OSError)
"""What urllib3 and the socket raise; :func:`classify` turns them into NetworkError."""
_BODY_HEADERS = ("Content-Length", "Content-Type", "Transfer-Encoding")

Hook = Callable[[Response], Any]


class HttpSession:
    """Requests over one :class:`~workplace.net.transport.Transport`, with failures as
    :class:`NetworkError`.

    Each request (connect, TLS, headers and, unless streamed, the body) ends within
    :data:`REQUEST_DEADLINE` seconds, or the :func:`~workplace.net.deadline.time_limit`
    the caller set, whichever is earlier: a server that drips its answer is cut off.
    A streamed body is read after :meth:`request` returns; its reader sets the limit.
    TLS is always verified; there is no argument to switch that off.
    """

    def __init__(self, transport: Transport) -> None:
        self.transport = transport
        self.headers = HTTPHeaderDict({
            "User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING, "Accept": "*/*",
        })
        """Sent with every request; a request's own headers win (None removes one)."""
        self.trust_env = transport.trust_env
        """Whether the environment's proxies apply where the policy leaves it open."""
        self.max_redirects = MAX_REDIRECTS
        self.hooks: dict[str, list[Hook]] = {"response": []}
        """``"response"``: called with every answer, redirect hops included."""

    @property
    def socket_counter(self) -> ByteCounter:
        """Counts every byte on this session's sockets. Callers must not add what they
        read (that was the old ``counter`` contract; it would count bodies twice)."""
        return self.transport.counter

    def __enter__(self) -> HttpSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections, unless the transport is shared (a NetworkSetup's)."""
        self.transport.close()

    def request(
        self, method: str, url: str, *, headers: Mapping[str, str | None] | None = None,
        data: bytes | str | Mapping[str, str] | None = None, json: Any = None,
        timeout: Timeouts = None, allow_redirects: bool = True, stream: bool = False,
    ) -> Response:
        """One request; ``data`` (bytes, text or a form) or ``json`` is the body.

        Any HTTP status is returned, not raised; transport failures raise NetworkError.
        """
        sent = HTTPHeaderDict(self.headers)
        for name, value in (headers or {}).items():
            if value is None:
                sent.discard(name)
            else:
                sent[name] = value
        body = _body(data, json, sent)
        with time_limit(REQUEST_DEADLINE):
            try:
                response = self._send(method.upper(), url, body, sent, timeout, allow_redirects)
                if not stream:
                    response.content  # noqa: B018 - read within the deadline
                return response
            except _ERRORS as exc:
                raise classify(exc, url) from None

    def get(self, url: str, **kwargs: Any) -> Response:
        return self.request("GET", url, **kwargs)

    def head(self, url: str, **kwargs: Any) -> Response:
        kwargs.setdefault("allow_redirects", False)
        return self.request("HEAD", url, **kwargs)

    def post(self, url: str, data: bytes | str | Mapping[str, str] | None = None,
             **kwargs: Any) -> Response:
        return self.request("POST", url, data=data, **kwargs)

    def _send(
        self, method: str, url: str, body: bytes | None, headers: HTTPHeaderDict,
        timeout: Timeouts, allow_redirects: bool,
    ) -> Response:
        hops = 0
        while True:
            raw = self.transport.send(method, url, body=body, headers=headers,
                                      timeout=timeout, trust_env=self.trust_env)
            response = Response(raw, url, method)
            for hook in self.hooks.get("response", ()):
                hook(response)
            location = _location(response)
            if not allow_redirects or location is None:
                return response
            hops += 1
            if hops > self.max_redirects:
                response.close()
                raise NetworkError(
                    NetworkErrorKind.REDIRECT_REFUSED,
                    f"more than {self.max_redirects} redirects", url=url.split("?", 1)[0],
                )
            _drain(response)
            target = urljoin(url, location)
            status = response.status_code
            if (status in (302, 303) and method != "HEAD") or (status == 301 and method == "POST"):
                method = "GET"
            if status not in (307, 308):
                body = None
                for name in _BODY_HEADERS:
                    headers.discard(name)
            headers.discard("Cookie")
            if "Authorization" in headers and _leaves_origin(url, target):
                headers.discard("Authorization")
            url = target


def _body(data: Any, json: Any, headers: HTTPHeaderDict) -> bytes | None:
    """The encoded body; a form or JSON sets its Content-Type unless one is given."""
    if json is not None:
        headers.setdefault("Content-Type", "application/json")
        return jsonlib.dumps(json, allow_nan=False).encode("utf-8")
    if isinstance(data, Mapping):
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        return urlencode(data, doseq=True).encode("ascii")
    if isinstance(data, str):
        return data.encode("utf-8")
    return data if data is None else bytes(data)


def _location(response: Response) -> str | None:
    """Where a redirect points (None: not a redirect)."""
    if response.status_code not in REDIRECT_CODES:
        return None
    location = response.headers.get("Location")
    if not location:
        return None
    with suppress(UnicodeError):  # http.client read it as Latin-1; servers send UTF-8
        location = location.encode("latin-1").decode("utf-8")
    return location.strip()


def _drain(response: Response) -> None:
    """Read a redirect's body away, so its connection goes back to the pool."""
    with suppress(NetworkError):
        response.content  # noqa: B018
    response.close()


def _leaves_origin(old: str, new: str) -> bool:
    """Whether a redirect from ``old`` to ``new`` must drop the Authorization header:
    another host, or another scheme or port (http to https on the standard ports is
    the one upgrade that keeps it), as requests decides."""
    before, after = urlsplit(old), urlsplit(new)
    if before.hostname != after.hostname:
        return True
    if (before.scheme == "http" and before.port in (80, None)
            and after.scheme == "https" and after.port in (443, None)):
        return False
    standard = ({"http": 80, "https": 443}.get(before.scheme), None)
    if before.scheme == after.scheme and before.port in standard and after.port in standard:
        return False
    return before.port != after.port or before.scheme != after.scheme


def create_session(
    *,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    retries: int = 2,
    backoff: float = 0.5,
    counter: ByteCounter | None = None,
    ca_bundle: str | os.PathLike[str] | None = None,
    proxy: ProxyPolicy | None = None,
    context: ssl.SSLContext | None = None,
    transport: Transport | None = None,
) -> HttpSession:
    """A new session. Retries (with backoff) apply to idempotent methods only.

    ``ca_bundle`` adds IT's CA certificates to the OS trust store; ``context`` passes a
    ready trust context instead (a :class:`NetworkSetup` builds one and shares it).
    ``proxy`` decides the proxy per request; None takes the environment's.
    ``transport`` uses a ready (shared) one from :func:`create_transport` instead of
    a new one; its counter and proxy then apply and the other arguments are ignored.
    """
    if transport is None:
        transport = create_transport(
            timeout=timeout, retries=retries, backoff=backoff, counter=counter,
            ca_bundle=ca_bundle, proxy=proxy, context=context,
        )
    return HttpSession(transport)


def create_transport(
    *,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    retries: int = 2,
    backoff: float = 0.5,
    counter: ByteCounter | None = None,
    ca_bundle: str | os.PathLike[str] | None = None,
    proxy: ProxyPolicy | None = None,
    context: ssl.SSLContext | None = None,
    shared: bool = False,
) -> Transport:
    """The transport of :func:`create_session`: trust, timeouts, retries, proxy, bytes and
    keep-alive pools. ``shared``: sessions closing do not close its pools."""
    if context is None:
        context = trust_context(ca_bundle)
    return Transport(
        context=context, timeout=timeout, retry=retry_policy(retries, backoff),
        counter=counter or ByteCounter(), proxy=proxy, shared=shared,
    )


def check_status(response: Response) -> Response:
    """Raise NetworkError(HTTP_STATUS) for a 4xx/5xx answer."""
    if response.status_code >= 400:
        raise NetworkError(
            NetworkErrorKind.HTTP_STATUS,
            f"the server answered {response.status_code}",
            url=response.url.split("?", 1)[0],
            status=response.status_code,
        )
    return response


@dataclass(frozen=True)
class Capped:
    """An answer whose body was read up to a limit."""

    status: int
    body: bytes
    headers: Mapping[str, str]
    url: str
    elapsed: float
    """Seconds until the response headers arrived."""
    truncated: bool = False


def get_capped(
    session: HttpSession,
    url: str,
    *,
    max_bytes: int,
    method: str = "GET",
    accept: str = "*/*",
    timeout: tuple[float, float] | None = None,
    deadline: float | None = None,
    clock: Any = time.monotonic,
) -> Capped:
    """One request without following redirects, reading at most ``max_bytes`` of the body.

    ``deadline`` (a ``clock()`` value; :data:`REQUEST_DEADLINE` seconds when None) ends
    the whole exchange: a body still dripping in then is cut short (``truncated``), an
    answer whose headers did not arrive by then is a TIMEOUT. Raises NetworkError on
    transport failures; any HTTP status is returned, not raised.
    """
    start = clock()
    with time_limit(REQUEST_DEADLINE if deadline is None else deadline - start):
        response = session.request(method, url, headers={"Accept": accept},
                                   allow_redirects=False, stream=True, timeout=timeout)
        elapsed = clock() - start
        body = bytearray()
        truncated = False
        try:
            for chunk in response.iter_content(8192):
                body += chunk
                if len(body) > max_bytes:
                    truncated = True
                    del body[max_bytes:]
                    break
                if deadline is not None and clock() > deadline:
                    truncated = True
                    break
        except NetworkError:
            if not passed():
                raise
            truncated = True  # the deadline cut a dripping body short; the answer stands
        finally:
            # A body read to its end (a HEAD's empty one too) has already given the
            # connection back to the keep-alive pool; one with bytes left unread is closed.
            response.close()
    return Capped(
        response.status_code, bytes(body), dict(response.headers),
        url.split("?", 1)[0], elapsed, truncated,
    )
