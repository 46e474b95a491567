# SPDX-License-Identifier: EUPL-1.2
"""A STAND-IN for the Nubus (Univention) portal's notifications API: Nubus cannot run
here.

It answers like the API's OpenAPI description (``/v1/notifications/``, the client part
the portal's own front end calls), and nothing else:

- ``GET /v1/notifications/``: the user's notifications (``id``, ``sourceUid``,
  ``targetUid``, ``title``, ``details``, ``severity``, ``notificationType``, ``sticky``,
  ``needsConfirmation``, ``popup``, ``receiveTime``, ``expireTime``, ``link``);
- ``GET /v1/notifications/stream``: server-sent events ``new_notification``,
  ``updated_notification`` and ``deleted_notification``, JSON ``data``;
- ``POST /v1/notifications/<id>/hide`` (``popup`` false), ``DELETE …/<id>``.

It accepts only a bearer JWT signed by the identity provider's key, from that issuer,
not expired, whose ``aud`` names ``opendesk-portal`` (whether current Nubus enforces
the bearer is to be checked against a deployment; the launcher sends it either way).
Every request is recorded.
"""

from __future__ import annotations

import json
import queue
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import requests
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

AUDIENCE = "opendesk-portal"
PREFIX = "/univention/portal/notifications-api"
BASE = f"{PREFIX}/v1/notifications"


@dataclass
class PortalState:
    notifications: dict[str, dict[str, Any]] = field(default_factory=dict)
    streams: list[queue.Queue[tuple[str, dict[str, Any]] | None]] = field(default_factory=list)
    requests: list[tuple[str, str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def publish(self, event: str, data: dict[str, Any]) -> None:
        with self.lock:
            for stream in self.streams:
                stream.put((event, data))


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _record(self, outcome: str) -> None:
        with self.server.state.lock:
            self.server.state.requests.append((self.command, urlsplit(self.path).path, outcome))

    def _json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        raw = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(raw)

    def _authorized(self) -> bool:
        auth = self.headers.get("Authorization", "")
        if auth.startswith("Bearer ") and self.server.verify(auth[7:]) is not None:
            return True
        self._record("invalid_token")
        self._json(401, {"detail": "Not authenticated"},
                   {"WWW-Authenticate": 'Bearer error="invalid_token"'})
        return False

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path not in (BASE + "/", BASE + "/stream"):
            self._json(404, {"detail": "Not Found"})
            return
        if not self._authorized():
            return
        state = self.server.state
        if path == BASE + "/":
            with state.lock:
                listed = list(state.notifications.values())
            self._record("ok")
            self._json(200, listed)
            return
        self._stream()

    def _stream(self) -> None:
        state = self.server.state
        events: queue.Queue[tuple[str, dict[str, Any]] | None] = queue.Queue()
        with state.lock:
            state.streams.append(events)
        self._record("stream")
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            self.wfile.write(b": connected\n\n")
            self.wfile.flush()
            while True:
                item = events.get()
                if item is None:
                    return
                event, data = item
                self.wfile.write(f"event: {event}\ndata: {json.dumps(data)}\n\n".encode())
                self.wfile.flush()
        except OSError:
            return
        finally:
            with state.lock:
                if events in state.streams:
                    state.streams.remove(events)

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        parts = path[len(BASE) + 1:].split("/") if path.startswith(BASE + "/") else []
        if len(parts) != 2 or parts[1] != "hide":
            self._json(404, {"detail": "Not Found"})
            return
        if not self._authorized():
            return
        state = self.server.state
        with state.lock:
            found = state.notifications.get(parts[0])
            if found is not None:
                found["popup"] = False
        if found is None:
            self._record("not_found")
            self._json(404, {"detail": "Not Found"})
            return
        self._record("hidden")
        state.publish("updated_notification", dict(found))
        self._json(200, None)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: PortalState
    verify: Callable[[str], dict[str, Any] | None]


class PortalStandIn:
    """The stand-in on 127.0.0.1; ``api_url`` is what the tenant names as api_url."""

    def __init__(self, issuer: str) -> None:
        self.issuer = issuer
        self.state = PortalState()
        self._keys: KeySet | None = None
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.state = self.state
        self._server.verify = self._verify
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{PREFIX}"

    def _verify(self, token: str) -> dict[str, Any] | None:
        if self._keys is None:
            with requests.Session() as session:
                session.trust_env = False
                self._keys = KeySet.import_key_set(
                    session.get(f"{self.issuer}/jwks", timeout=10).json())
        try:
            claims = dict(jwt.decode(token, self._keys, algorithms=["RS256"]).claims)
        except (JoseError, ValueError):
            return None
        aud = claims.get("aud")
        audiences = aud if isinstance(aud, list) else [aud]
        if claims.get("iss") != self.issuer or float(claims.get("exp", 0)) <= time.time() \
                or AUDIENCE not in audiences:
            return None
        return claims

    def announce(self, title: str, details: str = "", *, severity: str = "warning",
                 expires_in: float | None = None, link: str | None = None) -> str:
        """A new announcement (as a sender would POST it); pushed to open streams."""
        ident = str(uuid.uuid4())
        now = time.time()
        item: dict[str, Any] = {
            "id": ident, "sourceUid": "portal-admin", "targetUid": "erika.mustermann",
            "title": title, "details": details, "severity": severity,
            "notificationType": "announcement", "sticky": False, "needsConfirmation": False,
            "popup": True, "data": {},
            "receiveTime": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + "Z",
        }
        if expires_in is not None:
            item["expireTime"] = time.strftime("%Y-%m-%dT%H:%M:%S",
                                               time.gmtime(now + expires_in)) + "Z"
        if link:
            item["link"] = {"url": link, "text": "Mehr", "target": "_blank"}
        with self.state.lock:
            self.state.notifications[ident] = item
        self.state.publish("new_notification", dict(item))
        return ident

    def withdraw(self, ident: str) -> None:
        with self.state.lock:
            self.state.notifications.pop(ident, None)
        self.state.publish("deleted_notification", {"id": ident})

    def outcomes(self, method: str, path_end: str = "") -> list[str]:
        with self.state.lock:
            return [o for m, p, o in self.state.requests if m == method and p.endswith(path_end)]

    def start(self) -> PortalStandIn:
        self._thread.start()
        return self

    def close(self) -> None:
        with self.state.lock:
            for stream in self.state.streams:
                stream.put(None)
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> PortalStandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
