# SPDX-License-Identifier: EUPL-1.2
"""The one HTTP session factory: OS trust store, proxy, timeouts, retries, user agent, bytes.

Every HTTP call in the program goes through a session from :func:`create_session`
(the program builds them through :class:`workplace.net.setup.NetworkSetup`, which
applies the settings). TLS is always verified against the operating system's trust
store (truststore), plus an extra CA bundle IT may name; there is deliberately no way
to switch verification off.

Byte counting: every request is counted by the session's :class:`ByteCounter`. With
``stream=True`` the body is not read by the session, so the caller counts what it
reads (:func:`get_capped` does).
"""

from __future__ import annotations

import os
import ssl
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import requests
import truststore
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from workplace import __version__
from workplace.net.errors import NetworkError, NetworkErrorKind, classify

if TYPE_CHECKING:
    from workplace.net.proxy import ProxyPolicy

USER_AGENT = f"Arbeitsplatz/{__version__}"
DEFAULT_TIMEOUT: tuple[float, float] = (5.0, 15.0)
"""(connect, read) seconds when a call gives none."""


@dataclass
class ByteCounter:
    """Bytes sent and received by the sessions sharing this counter (benchmarks read it)."""

    sent: int = 0
    received: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, sent: int, received: int) -> None:
        with self._lock:
            self.sent += sent
            self.received += received


def _header_bytes(headers: Mapping[str, Any]) -> int:
    return sum(len(str(k)) + len(str(v)) + 4 for k, v in headers.items())


class _Adapter(HTTPAdapter):
    """Mounts the trust-store SSL context, the default timeout and the byte counter."""

    def __init__(
        self, *, context: ssl.SSLContext, timeout: tuple[float, float], retry: Retry,
        counter: ByteCounter, proxy: ProxyPolicy | None = None,
    ) -> None:
        self._context = context
        self._timeout = timeout
        self._counter = counter
        self._proxy = proxy
        super().__init__(max_retries=retry)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        kwargs["ssl_context"] = self._context
        return super().proxy_manager_for(proxy, **kwargs)

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        # The trust-store context does the verifying; requests would otherwise add
        # its bundled CA file next to the OS store.
        if verify is False:
            raise NetworkError(NetworkErrorKind.TLS, "TLS verification cannot be switched off")
        if url.lower().startswith("https"):
            conn.cert_reqs = "CERT_REQUIRED"
            conn.ca_certs = None
            conn.ca_cert_dir = None

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self._timeout
        if self._proxy is not None:
            # Decided here, per request and per redirect hop, after requests merged in
            # the environment: this is the one place every request passes.
            chosen = self._proxy.proxies_for(request.url or "")
            if chosen is not None:
                kwargs["proxies"] = dict(chosen)
        response = super().send(request, **kwargs)
        body = request.body
        sent = len(body) if isinstance(body, bytes | str) else 0
        sent += len(request.method or "") + len(request.url or "") + _header_bytes(request.headers)
        received = _header_bytes(response.headers)
        if not kwargs.get("stream"):
            received += len(response.content)
        self._counter.add(sent, received)
        return response


class HttpSession(requests.Session):
    """A requests session whose failures are :class:`NetworkError`."""

    counter: ByteCounter

    def request(  # type: ignore[override]
        self, method: str, url: str, *args: Any, **kwargs: Any
    ) -> requests.Response:
        try:
            return super().request(method, url, *args, **kwargs)
        except requests.RequestException as exc:
            raise classify(exc, url) from None


def trust_context(ca_bundle: str | os.PathLike[str] | None = None) -> ssl.SSLContext:
    """The OS trust store, plus the certificates of ``ca_bundle`` (PEM) when given.

    Raises NetworkError(TLS) if the bundle cannot be read: a named but missing agency CA
    must be loud, not silently ignored.
    """
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_bundle:
        try:
            context.load_verify_locations(cafile=os.fspath(ca_bundle))
        except (OSError, ssl.SSLError) as exc:
            raise NetworkError(
                NetworkErrorKind.TLS,
                f"the extra CA bundle {os.fspath(ca_bundle)} cannot be loaded ({exc})",
            ) from None
    return context


def create_session(
    *,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    retries: int = 2,
    backoff: float = 0.5,
    counter: ByteCounter | None = None,
    ca_bundle: str | os.PathLike[str] | None = None,
    proxy: ProxyPolicy | None = None,
    context: ssl.SSLContext | None = None,
) -> HttpSession:
    """A new session. Retries (with backoff) apply to idempotent methods only.

    ``ca_bundle`` adds IT's CA certificates to the OS trust store; ``context`` passes a
    ready trust context instead (a :class:`NetworkSetup` builds one and shares it).
    ``proxy`` decides the proxy per request; None keeps requests' default (environment).
    """
    retry = Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        backoff_factor=backoff,
        status_forcelist=(502, 503, 504),
        allowed_methods=Retry.DEFAULT_ALLOWED_METHODS,
        raise_on_status=False,
        respect_retry_after_header=True,
    )
    if context is None:
        context = trust_context(ca_bundle)
    session = HttpSession()
    session.counter = counter or ByteCounter()
    if proxy is not None:
        session.trust_env = proxy.trust_env
    adapter = _Adapter(
        context=context, timeout=timeout, retry=retry, counter=session.counter, proxy=proxy
    )
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.headers["User-Agent"] = USER_AGENT
    session.max_redirects = 5
    return session


def check_status(response: requests.Response) -> requests.Response:
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
    session: requests.Session,
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

    ``deadline`` (a ``clock()`` value) stops reading a slow-dripping body. Raises
    NetworkError on transport failures; any HTTP status is returned, not raised.
    """
    start = clock()
    kwargs: dict[str, Any] = {
        "headers": {"Accept": accept}, "allow_redirects": False, "stream": True,
    }
    if timeout is not None:
        kwargs["timeout"] = timeout
    try:
        response = session.request(method, url, **kwargs)
    except requests.RequestException as exc:  # a plain requests.Session
        raise classify(exc, url) from None
    elapsed = clock() - start
    body = bytearray()
    truncated = False
    try:
        if method != "HEAD":
            for chunk in response.iter_content(8192):
                body += chunk
                if len(body) > max_bytes:
                    truncated = True
                    del body[max_bytes:]
                    break
                if deadline is not None and clock() > deadline:
                    truncated = True
                    break
    except requests.RequestException as exc:
        raise classify(exc, url) from None
    finally:
        response.close()
    counter = getattr(session, "counter", None)
    if isinstance(counter, ByteCounter):
        counter.add(0, len(body))
    return Capped(
        response.status_code, bytes(body), dict(response.headers),
        url.split("?", 1)[0], elapsed, truncated,
    )
