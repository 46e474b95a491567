# SPDX-License-Identifier: EUPL-1.2
"""Real loopback servers for the network tests: a scriptable HTTP(S) server and a
recording forward proxy that only ever connects to 127.0.0.1."""

from __future__ import annotations

import contextlib
import select
import socket
import ssl
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit


@dataclass
class Route:
    status: int = 200
    body: bytes = b"ok"
    headers: dict[str, str] = field(default_factory=dict)
    hang: bool = False
    """Never answer (until the server closes)."""
    delay: float = 0.0
    """Answer after this many seconds (a slow service)."""
    drip: float = 0.0
    """Send the body one byte per this many seconds (a slow-drip server)."""
    drip_head: bool = False
    """With ``drip``: the status line and headers drip too."""


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _serve(self, with_body: bool) -> None:
        owner = self.server.owner
        path = urlsplit(self.path).path
        owner.seen.append((self.command, path))
        owner.received.append((self.command, path, {k.lower(): v for k, v in self.headers.items()}))
        route = owner.routes.get(path)
        if route is None:
            route = Route(404, b"not found")
        if route.hang:
            owner.release.wait(30)
            return
        if route.delay:
            owner.release.wait(route.delay)  # a slow server; released early on close
        if route.drip:
            self._drip(route, with_body)
            return
        self.send_response(route.status)
        for key, value in route.headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        if with_body:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError, ssl.SSLError):
                self.wfile.write(route.body)

    def _drip(self, route: Route, with_body: bool) -> None:
        """The answer byte by byte, until it is sent (``dripped``) or the client hangs up
        (``hung_up``); the server closing stops it too."""
        owner = self.server.owner
        head = [f"HTTP/1.1 {route.status} Dripping"]
        head += [f"{key}: {value}" for key, value in route.headers.items()]
        head += [f"Content-Length: {len(route.body)}", "", ""]
        slow = route.body if with_body else b""
        fast = "\r\n".join(head).encode("latin-1")
        if route.drip_head:
            fast, slow = b"", fast + slow
        try:
            self.wfile.write(fast)
            for index in range(len(slow)):
                if owner.release.wait(route.drip):
                    return
                self.wfile.write(slow[index:index + 1])
        except OSError:  # broken pipe, reset, a TLS error: the client hung up
            owner.hung_up.set()
            return
        owner.dripped.set()

    def do_GET(self) -> None:
        self._serve(True)

    def do_HEAD(self) -> None:
        self._serve(False)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.server.owner.bodies.append(self.rfile.read(length))
        self._serve(True)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 128  # a round of probes connects at once; the default is 5
    owner: LoopbackServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that hang up or reject the certificate are part of the tests


class LoopbackServer:
    """A scriptable HTTP(S) server on 127.0.0.1: ``routes`` maps a path to a Route."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[tuple[str, str]] = []
        self.received: list[tuple[str, str, dict[str, str]]] = []
        """Method, path and headers (names in lower case) of every request, in order."""
        self.bodies: list[bytes] = []
        """Bodies of POST requests, in order."""
        self.release = threading.Event()
        self.hung_up = threading.Event()
        """A client hung up while an answer was dripping."""
        self.dripped = threading.Event()
        """A dripping answer was sent to its end."""
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self.scheme = "https" if tls is not None else "http"
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )
        self._thread.start()

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"

    def close(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)
        assert not self._thread.is_alive()


class _ProxyHandler(BaseHTTPRequestHandler):
    server: _ProxyServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        """A plain-http proxy request: recorded and answered by the proxy itself."""
        self.server.owner.requests.append(("GET", self.path))
        self.server.owner.credentials.append(self.headers.get("Proxy-Authorization"))
        body = b"via proxy"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def do_CONNECT(self) -> None:
        """A tunnel: recorded, then always to 127.0.0.1 on the named port."""
        self.server.owner.requests.append(("CONNECT", self.path))
        self.server.owner.credentials.append(self.headers.get("Proxy-Authorization"))
        _host, _, port = self.path.rpartition(":")
        try:
            upstream = socket.create_connection(("127.0.0.1", int(port)), timeout=5)
        except (OSError, ValueError):
            self.send_error(502)
            return
        self.send_response(200, "Connection established")
        self.end_headers()
        sockets = [self.connection, upstream]
        try:
            for _round in range(10_000):  # bounded: a test exchange needs a handful
                readable, _w, _x = select.select(sockets, [], [], 5)
                if not readable:
                    break
                done = False
                for source in readable:
                    data = source.recv(65536)
                    if not data:
                        done = True
                        break
                    (upstream if source is self.connection else self.connection).sendall(data)
                if done:
                    break
        except OSError:
            pass
        finally:
            upstream.close()


class _ProxyServer(ThreadingHTTPServer):
    daemon_threads = True
    owner: RecordingProxy

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


class RecordingProxy:
    """A small forward proxy on 127.0.0.1 that records what it was asked for."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []
        self.credentials: list[str | None] = []
        """The Proxy-Authorization header of each request (None without one)."""
        self._server = _ProxyServer(("127.0.0.1", 0), _ProxyHandler)
        self._server.owner = self
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)


def closed_port() -> int:
    """A loopback port nobody listens on (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
