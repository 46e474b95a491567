# SPDX-License-Identifier: EUPL-1.2
"""The transport under every session: urllib3's keep-alive pools with the OS trust
store, byte-counting sockets, deadlines, retries and the proxy chosen per request.

TLS is always verified against the operating system's trust store (truststore), plus
an extra CA bundle IT may name; there is deliberately no way to switch it off.

Byte counting: every byte a transport's connections send or receive on their TCP
sockets is counted by its :class:`ByteCounter`: request and status lines, headers,
bodies, proxy CONNECTs and the TLS handshakes and records (TLS runs over the counted
socket through urllib3's ``SSLTransport``, with the same trust context and
verification). Not counted: IP/TCP headers and DNS. A streamed body counts as far as
it was read from the socket.

Connection reuse: a transport keeps a keep-alive pool per proxy (and one for direct
connections) sized for the probe workers (:data:`POOL_PER_HOST`).
:class:`workplace.net.setup.NetworkSetup` shares one transport between all its
sessions, so a new session per call still reuses connections (and TLS handshakes)
made by the previous one.
"""

from __future__ import annotations

import base64
import logging
import os
import socket
import ssl
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import truststore
from urllib3 import BaseHTTPResponse, PoolManager, ProxyManager, Timeout
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import MaxRetryError, ProxyError
from urllib3.util.retry import Retry

from workplace.net.deadline import bounded, remaining
from workplace.net.errors import NetworkError, NetworkErrorKind
from workplace.net.hangup import note as note_held
from workplace.net.proxy import environment_proxy, mask_credentials

if TYPE_CHECKING:
    from workplace.net.proxy import ProxyPolicy

log = logging.getLogger("workplace.net")

DEFAULT_TIMEOUT: tuple[float, float] = (5.0, 15.0)
"""(connect, read) seconds when a call gives none."""
MAX_RETRY_AFTER = 5.0
"""Seconds a retry waits at most when the server asks for longer (``Retry-After``)."""
POOL_HOSTS = 64
"""Hosts whose idle keep-alive connections a transport keeps (a tenant's services)."""
POOL_PER_HOST = 32
"""Connections kept per host: as many as probe workers may use at once
(:data:`workplace.status.probe.MAX_WORKERS`), so none is thrown away."""

Timeouts = float | tuple[float, float] | None
"""What a call may give: (connect, read) seconds, one number for both, or the default."""


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


def retry_policy(retries: int, backoff: float) -> Retry:
    """Retries (with backoff) for idempotent methods only, on connection failures and on
    502/503/504; the last answer is returned when they run out."""
    return _Retry(
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


def _timeout(value: Timeouts, default: tuple[float, float]) -> Timeout:
    connect, read = default if value is None else (
        value if isinstance(value, tuple) else (value, value))
    return Timeout(connect=connect, read=read)


def _proxy_headers(proxy: str) -> dict[str, str] | None:
    """``Proxy-Authorization`` for a proxy URL with credentials (percent-decoded): Basic
    in Latin-1 as requests sent it, UTF-8 (as browsers send it) for what Latin-1 lacks."""
    parts = urlsplit(proxy)
    if parts.username is None:
        return None
    login = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
    try:
        raw = login.encode("latin-1")
    except UnicodeEncodeError:
        raw = login.encode("utf-8")
    return {"Proxy-Authorization": "Basic " + base64.b64encode(raw).decode("ascii")}


def _proxy_failed(exc: Exception) -> bool:
    """Whether ``exc`` says the proxy itself could not be reached (so the next may be)."""
    reason = exc.reason if isinstance(exc, MaxRetryError) else exc
    return isinstance(reason, ProxyError)


class Transport:
    """Trust-store TLS, the default timeout, retries, the byte counter, the proxy per
    request and keep-alive pools sized for the probe workers.

    A ``shared`` transport (one per :class:`NetworkSetup` and setting) outlives the
    sessions using it: their ``close()`` leaves its pools alone; :meth:`dispose`
    empties them.
    """

    def __init__(
        self, *, context: ssl.SSLContext, timeout: tuple[float, float], retry: Retry,
        counter: ByteCounter, proxy: ProxyPolicy | None = None, shared: bool = False,
    ) -> None:
        self.context = context
        self.timeout = timeout
        self.retry = retry
        self.counter = counter
        self.proxy = proxy
        self.shared = shared
        self._pools = _counting_pools(counter)
        self._lock = threading.Lock()
        self._direct: PoolManager | None = None
        self._proxied: dict[str, ProxyManager] = {}

    @property
    def trust_env(self) -> bool:
        """Whether the environment's proxies apply (no policy, or the system's)."""
        return self.proxy is None or self.proxy.trust_env

    def _manager(self, proxy: str | None) -> PoolManager:
        options: dict[str, Any] = {
            "num_pools": POOL_HOSTS, "maxsize": POOL_PER_HOST, "block": False,
            "ssl_context": self.context, "cert_reqs": "CERT_REQUIRED",
        }
        with self._lock:
            manager: PoolManager | None
            if proxy is None:
                manager = self._direct
                if manager is None:
                    manager = self._direct = PoolManager(**options)
                    manager.pool_classes_by_scheme = dict(self._pools)
                return manager
            manager = self._proxied.get(proxy)
            if manager is None:
                manager = ProxyManager(
                    proxy, proxy_headers=_proxy_headers(proxy), proxy_ssl_context=self.context,
                    **options,
                )
                manager.pool_classes_by_scheme = dict(self._pools)
                self._proxied[proxy] = manager
            return manager

    def send(
        self, method: str, url: str, *, body: bytes | None, headers: Mapping[str, str],
        timeout: Timeouts = None, trust_env: bool | None = None,
    ) -> BaseHTTPResponse:
        """One exchange without following redirects; the body is left to stream.

        The proxy is decided here, per request (and so per redirect hop). A PAC file
        may name several proxies; when one cannot be reached, the next one is tried.
        Raises urllib3's exceptions (the session classifies them).
        """
        env = self.trust_env if trust_env is None else trust_env
        choices = [None] if self.proxy is None else self.proxy.choices_for(url)
        for index, chosen in enumerate(choices):
            proxy = _proxy_for(url, chosen, env)
            try:
                return self._manager(proxy).urlopen(
                    method, url, body=body, headers=dict(headers), redirect=False,
                    assert_same_host=False, preload_content=False, decode_content=False,
                    retries=self.retry, timeout=_timeout(timeout, self.timeout),
                )
            except (ProxyError, MaxRetryError) as exc:
                if not _proxy_failed(exc) or index == len(choices) - 1 or self.proxy is None:
                    raise
                self.proxy.failed(chosen)
                log.info("proxy %s cannot be reached; trying the next one",
                         mask_credentials(proxy or ""))
        raise AssertionError("unreachable: choices_for() is never empty")

    def close(self) -> None:
        """What a session's ``close()`` does: nothing to a shared transport."""
        if not self.shared:
            self.dispose()

    def dispose(self) -> None:
        """Close every pooled connection, shared or not (later requests open new ones)."""
        with self._lock:
            managers: list[PoolManager] = list(self._proxied.values())
            if self._direct is not None:
                managers.append(self._direct)
        for manager in managers:
            manager.clear()


def _proxy_for(url: str, chosen: Mapping[str, str] | None, trust_env: bool) -> str | None:
    """The proxy URL for ``url``: the policy's choice (a ``{scheme: proxy}`` mapping,
    empty for direct) or, with None, the environment's when it may be read."""
    if chosen is None:
        found = environment_proxy(url) if trust_env else None
    else:
        found = chosen.get(urlsplit(url).scheme.lower()) or None
    if found and "://" not in found:
        found = f"http://{found}"
    return found
