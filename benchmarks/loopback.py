# SPDX-License-Identifier: EUPL-1.2
"""Small servers on 127.0.0.1 for the benchmarks: a threaded HTTP server with fixed
routes (conditional GET with an ETag), a black hole that accepts connections but
never answers, and access to the test identity provider in tests/stack.

Everything binds to 127.0.0.1 on a free port and stops on ``close()``.
"""

from __future__ import annotations

import socket
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
STACK = ROOT / "tests" / "stack"


def node_missing() -> bool:
    """No Node.js for the test provider: neither on PATH nor bootstrap's .tools/node."""
    import shutil

    return shutil.which("node") is None and not (
        ROOT / ".tools" / "node" / "node_modules" / ".bin" / "node").exists()


def use_stack() -> None:
    """Make tests/stack importable (provider, fake_browser, harness, demo)."""
    if str(STACK) not in sys.path:
        sys.path.insert(0, str(STACK))


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/plain"
    etag: str | None = None


@dataclass
class Hits:
    count: int = 0
    not_modified: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _answer(self, with_body: bool) -> None:
        owner = self.server.owner
        route = owner.route_for(urlsplit(self.path).path)
        with owner.hits.lock:
            owner.hits.count += 1
        if route is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if route.etag is not None and self.headers.get("If-None-Match") == route.etag:
            with owner.hits.lock:
                owner.hits.not_modified += 1
            self.send_response(304)
            self.send_header("ETag", route.etag)
            self.end_headers()
            return
        self.send_response(route.status)
        if route.etag is not None:
            self.send_header("ETag", route.etag)
        self.send_header("Content-Type", route.content_type)
        self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        if with_body:
            self.wfile.write(route.body)

    def do_GET(self) -> None:
        self._answer(True)

    def do_HEAD(self) -> None:
        self._answer(False)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # 100 probes at once must not overflow the backlog
    owner: HttpFixture

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that hang up at the budget are part of the benchmark


class HttpFixture:
    """Serves ``routes`` (exact path -> Route; a prefix ending in ``/`` matches below it)."""

    def __init__(self, routes: dict[str, Route] | None = None) -> None:
        self.routes: dict[str, Route] = dict(routes or {})
        self.hits = Hits()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="bench-http", daemon=True
        )
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route_for(self, path: str) -> Route | None:
        if path in self.routes:
            return self.routes[path]
        for prefix, route in self.routes.items():
            if prefix.endswith("/") and path.startswith(prefix):
                return route
        return None

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)

    def __enter__(self) -> HttpFixture:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class BlackHole:
    """A listening socket nobody ever reads from: the kernel completes the handshake
    (up to the backlog), the request is sent, and no answer ever comes. Closing it
    resets every waiting connection, so the clients stop at once."""

    def __init__(self, backlog: int = 256) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(backlog)
        self.port = int(self._sock.getsockname()[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self._sock.close()

    def __enter__(self) -> BlackHole:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class MemoryKeyring:
    """An in-memory keyring backend, for figures where the keyring is not measured
    (bytes on the wire do not depend on where the refresh token is kept)."""

    def __init__(self) -> None:
        self._items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, account: str) -> str | None:
        return self._items.get((service, account))

    def set_password(self, service: str, account: str, value: str) -> None:
        self._items[(service, account)] = value

    def delete_password(self, service: str, account: str) -> None:
        from keyring.errors import PasswordDeleteError

        if (service, account) not in self._items:
            raise PasswordDeleteError(account)
        del self._items[(service, account)]
