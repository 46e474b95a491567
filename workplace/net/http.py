# SPDX-License-Identifier: EUPL-1.2
"""The one HTTP session factory: OS trust store, timeouts, retries, user agent, byte counts.

Every HTTP call in the program goes through a session from :func:`create_session`.
TLS is always verified against the operating system's trust store (truststore);
there is deliberately no way to switch verification off.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import requests
import truststore
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from workplace import __version__
from workplace.net.errors import NetworkError, NetworkErrorKind, classify

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
        counter: ByteCounter,
    ) -> None:
        self._context = context
        self._timeout = timeout
        self._counter = counter
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


def create_session(
    *,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    retries: int = 2,
    backoff: float = 0.5,
    counter: ByteCounter | None = None,
) -> HttpSession:
    """A new session. Retries (with backoff) apply to idempotent methods only."""
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
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    session = HttpSession()
    session.counter = counter or ByteCounter()
    adapter = _Adapter(context=context, timeout=timeout, retry=retry, counter=session.counter)
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
