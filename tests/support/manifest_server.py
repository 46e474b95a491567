# SPDX-License-Identifier: EUPL-1.2
"""A scriptable HTTP(S) server on 127.0.0.1 for the central-catalog tests."""

from __future__ import annotations

import ssl
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    declare_length: bool = True


@dataclass
class Seen:
    path: str
    query: str
    headers: dict[str, str]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        self.server.owner.seen.append(Seen(parts.path, parts.query, dict(self.headers)))
        route = self.server.owner.route_for(parts.path, parts.query)
        if route is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        not_modified = (
            route.etag is not None and self.headers.get("If-None-Match") == route.etag
        ) or (
            route.etag is None
            and route.last_modified is not None
            and self.headers.get("If-Modified-Since") == route.last_modified
        )
        self.send_response(304 if not_modified else route.status)
        if route.etag:
            self.send_header("ETag", route.etag)
        if route.last_modified:
            self.send_header("Last-Modified", route.last_modified)
        for key, value in route.headers.items():
            self.send_header(key, value)
        if not_modified:
            self.end_headers()
            return
        if route.declare_length:
            self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        try:
            for start in range(0, len(route.body), 65536):
                self.wfile.write(route.body[start : start + 65536])
                self.server.owner.sent += min(65536, len(route.body) - start)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            self.server.owner.aborted = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = True
    owner: ManifestServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hangs up or rejects our certificate is part of the tests


class ManifestServer:
    """Serves ``routes`` (path -> Route, or path?query -> Route) on 127.0.0.1."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self.sent = 0
        self.aborted = False
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

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"

    def route_for(self, path: str, query: str) -> Route | None:
        return self.routes.get(f"{path}?{query}") or self.routes.get(path)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)
