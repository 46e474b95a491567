# SPDX-License-Identifier: EUPL-1.2
"""The one HTTP session factory: OS trust store, proxy, timeouts, retries, user agent, bytes.

Every HTTP call in the program goes through a session from :func:`create_session`
(the program builds them through :class:`workplace.net.setup.NetworkSetup`, which
applies the settings). TLS is always verified against the operating system's trust
store (truststore), plus an extra CA bundle IT may name; there is deliberately no way
to switch verification off.

Byte counting: every byte a session's connections send or receive on their TCP sockets
is counted by its :class:`ByteCounter`: request and status lines, headers, bodies,
proxy CONNECTs and the TLS handshakes and records (TLS runs over the counted socket
through urllib3's ``SSLTransport``, with the same trust context and verification). Not
counted: IP/TCP headers and DNS. A streamed body counts as far as it was read from the
socket.

Connection reuse: a session's adapter keeps a keep-alive pool sized for the probe
workers (:data:`POOL_PER_HOST`). :class:`workplace.net.setup.NetworkSetup` shares one
adapter between all its sessions, so a new session per call still reuses connections
(and TLS handshakes) made by the previous one.
"""

from __future__ import annotations

import logging
import os
import socket
import ssl
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import requests
import truststore
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.util.retry import Retry

from workplace import __version__
from workplace.net.classify import classify
from workplace.net.deadline import bounded, passed, remaining, time_limit
from workplace.net.errors import NetworkError, NetworkErrorKind
from workplace.net.hangup import note as note_held
from workplace.net.proxy import mask_credentials

if TYPE_CHECKING:
    from workplace.net.proxy import ProxyPolicy

log = logging.getLogger("workplace.net")

USER_AGENT = f"Arbeitsplatz/{__version__}"
DEFAULT_TIMEOUT: tuple[float, float] = (5.0, 15.0)
"""(connect, read) seconds when a call gives none."""
REQUEST_DEADLINE = 60.0
"""Seconds a whole request may take at most, however slowly the server keeps sending."""
MAX_RETRY_AFTER = 5.0
"""Seconds a retry waits at most when the server asks for longer (``Retry-After``)."""
POOL_HOSTS = 64
"""Hosts whose idle keep-alive connections an adapter keeps (a tenant's services)."""
POOL_PER_HOST = 32
"""Connections kept per host: as many as probe workers may use at once
(:data:`workplace.status.probe.MAX_WORKERS`), so none is thrown away."""


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


class _CountingSocket(socket.socket):
    """A TCP socket that adds what passes through it to a :class:`ByteCounter`, and
    whose every wait ends by the :func:`~workplace.net.deadline.time_limit` in effect."""

    counter: ByteCounter
    _base_timeout: float | None = None

    def settimeout(self, value: float | None) -> None:
        self._base_timeout = value
        super().settimeout(value)

    @contextmanager
    def _within_deadline(self) -> Iterator[None]:
        """The next wait lasts at most until the deadline (DeadlineExceeded after it),
        and can be cut short by the :class:`~workplace.net.hangup.Hangup` in effect."""
        note_held(self)
        if remaining() is None:
            yield
            return
        super().settimeout(bounded(self._base_timeout))
        try:
            yield
        finally:
            with suppress(OSError):  # closed meanwhile: nothing left to restore
                super().settimeout(self._base_timeout)

    def send(self, data: Any, flags: int = 0) -> int:
        with self._within_deadline():
            sent = super().send(data, flags)
        self.counter.add(sent, 0)
        return sent

    def sendall(self, data: Any, flags: int = 0) -> None:
        with self._within_deadline():
            super().sendall(data, flags)
        self.counter.add(memoryview(data).nbytes, 0)

    def recv(self, bufsize: int, flags: int = 0) -> bytes:
        with self._within_deadline():
            data = super().recv(bufsize, flags)
        self.counter.add(0, len(data))
        return data

    def recv_into(self, buffer: Any, nbytes: int = 0, flags: int = 0) -> int:
        with self._within_deadline():
            got = super().recv_into(buffer, nbytes, flags)
        self.counter.add(0, got)
        return got


def _counted(sock: socket.socket, counter: ByteCounter) -> _CountingSocket:
    """The same connected socket (same descriptor, options and timeout), counted."""
    timeout = sock.gettimeout()
    counted = _CountingSocket(sock.family, sock.type, sock.proto, fileno=sock.detach())
    counted.counter = counter
    counted.settimeout(timeout)
    return counted


class _CountingContext:
    """The trust context, except that TLS on a counted socket runs in Python
    (urllib3's ``SSLTransport`` over ``wrap_bio``), so the handshake and every TLS record
    pass the counted socket's ``sendall``/``recv``. Verification is the trust context's
    own (truststore verifies in the handshake of ``wrap_bio`` objects too)."""

    def __init__(self, inner: ssl.SSLContext) -> None:
        object.__setattr__(self, "_inner", inner)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._inner, name, value)

    def wrap_socket(self, sock: socket.socket, server_hostname: str | None = None,
                    **kwargs: Any) -> Any:
        if isinstance(sock, _CountingSocket) and not kwargs.get("server_side"):
            from urllib3.util.ssltransport import SSLTransport

            return SSLTransport(sock, self._inner, server_hostname)
        return self._inner.wrap_socket(sock, server_hostname=server_hostname, **kwargs)


def _bound_connect(connection: HTTPConnection) -> None:
    """Connecting ends by the deadline in effect too (DeadlineExceeded when it passed)."""
    if remaining() is not None:
        current = connection.timeout
        connection.timeout = bounded(current if isinstance(current, int | float) else None)


def _counting_pools(counter: ByteCounter) -> dict[str, type[HTTPConnectionPool]]:
    """Pool classes whose connections count their socket bytes into ``counter``."""

    class CountedHTTPConnection(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            _bound_connect(self)
            return _counted(super()._new_conn(), counter)

    class CountedHTTPSConnection(HTTPSConnection):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            if self.ssl_context is not None:
                self.ssl_context = _CountingContext(self.ssl_context)  # type: ignore[assignment]

        def _new_conn(self) -> socket.socket:
            _bound_connect(self)
            return _counted(super()._new_conn(), counter)

    class CountedHTTPPool(HTTPConnectionPool):
        ConnectionCls = CountedHTTPConnection

    class CountedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = CountedHTTPSConnection

    return {"http": CountedHTTPPool, "https": CountedHTTPSPool}


class _Retry(Retry):
    """Retries whose waits keep within the deadline, and a server's ``Retry-After`` is
    followed for :data:`MAX_RETRY_AFTER` seconds at most (urllib3 sleeps as long as the
    server asks, so ``Retry-After: 86400`` held a refresh for a day)."""

    def get_retry_after(self, response: Any) -> float | None:
        wanted = super().get_retry_after(response)
        return None if wanted is None else _within_time_left(min(wanted, MAX_RETRY_AFTER))

    def get_backoff_time(self) -> float:
        return _within_time_left(super().get_backoff_time())


def _within_time_left(seconds: float) -> float:
    left = remaining()
    return seconds if left is None else max(0.0, min(seconds, left))


class _Adapter(HTTPAdapter):
    """Mounts the trust-store SSL context, the default timeout, the byte counter and a
    keep-alive pool sized for the probe workers.

    A ``shared`` adapter (one per :class:`NetworkSetup`) outlives the sessions it is
    mounted in: their ``close()`` leaves its pool alone; :meth:`dispose` empties it.
    """

    def __init__(
        self, *, context: ssl.SSLContext, timeout: tuple[float, float], retry: Retry,
        counter: ByteCounter, proxy: ProxyPolicy | None = None, shared: bool = False,
    ) -> None:
        self._context = context
        self._timeout = timeout
        self.counter = counter
        self.proxy = proxy
        self.shared = shared
        self._pools = _counting_pools(counter)
        super().__init__(
            max_retries=retry, pool_connections=POOL_HOSTS, pool_maxsize=POOL_PER_HOST
        )

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(self._pools)

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        kwargs["ssl_context"] = self._context
        known = proxy in self.proxy_manager
        manager = super().proxy_manager_for(proxy, **kwargs)
        if not known and hasattr(manager, "pool_classes_by_scheme"):
            manager.pool_classes_by_scheme = dict(self._pools)
        return manager

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
        if self.proxy is None:
            return super().send(request, **kwargs)
        # Decided here, per request and per redirect hop, after requests merged in the
        # environment: this is the one place every request passes. A PAC file may name
        # several proxies; when one cannot be reached, the next one is tried.
        choices = self.proxy.choices_for(request.url or "")
        for index, chosen in enumerate(choices):
            if chosen is not None:
                kwargs["proxies"] = dict(chosen)
            try:
                return super().send(request, **kwargs)
            except requests.exceptions.ProxyError:
                if index == len(choices) - 1:
                    raise
                self.proxy.failed(chosen)
                log.info("proxy %s cannot be reached; trying the next one",
                         ", ".join(mask_credentials(v) for v in (chosen or {}).values()))
        raise AssertionError("unreachable: choices_for() is never empty")

    def close(self) -> None:
        if not self.shared:
            super().close()

    def dispose(self) -> None:
        """Close every pooled connection, shared or not."""
        super().close()


class HttpSession(requests.Session):
    """A requests session whose failures are :class:`NetworkError`.

    Each request (connect, TLS, headers and, unless streamed, the body) ends within
    :data:`REQUEST_DEADLINE` seconds, or the :func:`~workplace.net.deadline.time_limit`
    the caller set, whichever is earlier: a server that drips its answer is cut off.
    A streamed body is read after :meth:`request` returns; its reader sets the limit.
    """

    socket_counter: ByteCounter
    """Counts every byte on this session's sockets. Callers must not add what they read
    (that was the old ``counter`` contract; it would count bodies twice)."""

    def request(  # type: ignore[override]
        self, method: str, url: str, *args: Any, **kwargs: Any
    ) -> requests.Response:
        with time_limit(REQUEST_DEADLINE):
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
    adapter: HTTPAdapter | None = None,
) -> HttpSession:
    """A new session. Retries (with backoff) apply to idempotent methods only.

    ``ca_bundle`` adds IT's CA certificates to the OS trust store; ``context`` passes a
    ready trust context instead (a :class:`NetworkSetup` builds one and shares it).
    ``proxy`` decides the proxy per request; None keeps requests' default (environment).
    ``adapter`` mounts a ready (shared) adapter from :func:`create_adapter` instead of
    a new one; its counter and proxy then apply and the other arguments are ignored.
    """
    if adapter is None:
        adapter = create_adapter(
            timeout=timeout, retries=retries, backoff=backoff, counter=counter,
            ca_bundle=ca_bundle, proxy=proxy, context=context,
        )
    session = HttpSession()
    session.socket_counter = getattr(adapter, "counter", None) or ByteCounter()
    chosen = getattr(adapter, "proxy", None)
    if chosen is not None:
        session.trust_env = chosen.trust_env
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.headers["User-Agent"] = USER_AGENT
    session.max_redirects = 5
    return session


def create_adapter(
    *,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    retries: int = 2,
    backoff: float = 0.5,
    counter: ByteCounter | None = None,
    ca_bundle: str | os.PathLike[str] | None = None,
    proxy: ProxyPolicy | None = None,
    context: ssl.SSLContext | None = None,
    shared: bool = False,
) -> _Adapter:
    """The transport of :func:`create_session`: trust, timeouts, retries, proxy, bytes and
    a keep-alive pool. ``shared``: sessions closing do not close its pool."""
    retry = _Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        backoff_factor=backoff,
        status_forcelist=(502, 503, 504),
        allowed_methods=_Retry.DEFAULT_ALLOWED_METHODS,
        raise_on_status=False,
        respect_retry_after_header=True,
    )
    if context is None:
        context = trust_context(ca_bundle)
    return _Adapter(
        context=context, timeout=timeout, retry=retry, counter=counter or ByteCounter(),
        proxy=proxy, shared=shared,
    )


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

    ``deadline`` (a ``clock()`` value; :data:`REQUEST_DEADLINE` seconds when None) ends
    the whole exchange: a body still dripping in then is cut short (``truncated``), an
    answer whose headers did not arrive by then is a TIMEOUT. Raises NetworkError on
    transport failures; any HTTP status is returned, not raised.
    """
    start = clock()
    kwargs: dict[str, Any] = {
        "headers": {"Accept": accept}, "allow_redirects": False, "stream": True,
    }
    if timeout is not None:
        kwargs["timeout"] = timeout
    with time_limit(REQUEST_DEADLINE if deadline is None else deadline - start):
        try:
            response = session.request(method, url, **kwargs)
        except requests.RequestException as exc:  # a plain requests.Session
            raise classify(exc, url) from None
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
        except requests.RequestException as exc:
            if not passed():
                raise classify(exc, url) from None
            truncated = True  # the deadline cut a dripping body short; the answer stands
        finally:
            # A body read to its end (a HEAD's empty one too) has already given the
            # connection back to the keep-alive pool; one with bytes left unread is closed.
            response.close()
    return Capped(
        response.status_code, bytes(body), dict(response.headers),
        url.split("?", 1)[0], elapsed, truncated,
    )
