# SPDX-License-Identifier: EUPL-1.2
"""A STAND-IN for the OX App Suite HTTP API: OX cannot run here.

It answers two requests shaped like OX's documented HTTP API and nothing else:

- ``GET /appsuite/api/folders?action=get&id=default0/INBOX&columns=…`` -> ``{"data":
  {"id", "title", "total", "unread", …}}`` (column 309 total, 311 unread);
- ``GET /appsuite/api/chronos?action=all&rangeStart=…&rangeEnd=…`` -> ``{"data":
  [EventData…]}`` with ``summary``, ``startDate``/``endDate`` (``{"value", "tzid"}``),
  ``location``, ``description`` and ``conferences[].uri``.

Like OX in openDesk (``expect_jwt`` mode), it accepts only a bearer JWT signed by the
identity provider's key (its JWKS), from that issuer, not expired, whose ``aud`` names
``opendesk-oxappsuite`` and which carries ``opendesk_objectid`` and ``context``; the
folders need the scope ``read_mail``, the calendar ``read_calendar``. Anything else
is 401 ``invalid_token`` or 403 ``insufficient_scope`` (RFC 6750). Every request is
recorded, so a test can count them.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

AUDIENCE = "opendesk-oxappsuite"
API = "/appsuite/api"


@dataclass
class OxState:
    unread: int = 0
    total: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    """(path, outcome) of every request: "ok", "invalid_token", "insufficient_scope"."""
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
              ) -> None:
        raw = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(raw)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(raw)

    def _deny(self, path: str, status: int, error: str, scope: str = "") -> None:
        with self.server.state.lock:
            self.server.state.requests.append((path, error))
        challenge = f'Bearer realm="OX", error="{error}"' + (f', scope="{scope}"' if scope else "")
        self._send(status, {"error": error, "code": "OAUTH-0001" if status == 401
                            else "OAUTH-0003"}, {"WWW-Authenticate": challenge})

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        scope = {f"{API}/folders": "read_mail", f"{API}/chronos": "read_calendar"}.get(parts.path)
        if scope is None:
            self._send(404, {"error": "not found"})
            return
        auth = self.headers.get("Authorization", "")
        claims = self.server.verify(auth[7:]) if auth.startswith("Bearer ") else None
        if claims is None:
            self._deny(parts.path, 401, "invalid_token")
            return
        if scope not in str(claims.get("scope", "")).split():
            self._deny(parts.path, 403, "insufficient_scope", scope)
            return
        state = self.server.state
        with state.lock:
            state.requests.append((parts.path, "ok"))
            if scope == "read_mail":
                if query.get("action") != "get" or query.get("id") != "default0/INBOX":
                    body: dict[str, Any] = {"error": "unknown folder", "code": "FLD-0008"}
                else:
                    body = {"data": {"id": "default0/INBOX", "title": "INBOX",
                                     "total": max(state.total, state.unread),
                                     "unread": state.unread},
                            "timestamp": int(time.time() * 1000)}
            else:
                body = {"data": list(state.events), "timestamp": int(time.time() * 1000)}
        self._send(200, body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: OxState
    verify: Callable[[str], dict[str, Any] | None]


class OxStandIn:
    """The stand-in on 127.0.0.1; ``api_url`` is what the tenant names as ``api_url``."""

    def __init__(self, issuer: str) -> None:
        self.issuer = issuer
        self.state = OxState()
        self._keys: KeySet | None = None
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.state = self.state
        self._server.verify = self._verify
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{API}"

    def _key_set(self) -> KeySet:
        if self._keys is None:
            with requests.Session() as session:
                session.trust_env = False
                jwks = session.get(f"{self.issuer}/jwks", timeout=10).json()
            self._keys = KeySet.import_key_set(jwks)
        return self._keys

    def _verify(self, token: str) -> dict[str, Any] | None:
        """OX's expect_jwt check: signature, issuer, expiry, audience, user claims."""
        try:
            claims = dict(jwt.decode(token, self._key_set(), algorithms=["RS256"]).claims)
        except (JoseError, ValueError):
            return None
        aud = claims.get("aud")
        audiences = aud if isinstance(aud, list) else [aud]
        if (claims.get("iss") != self.issuer or float(claims.get("exp", 0)) <= time.time()
                or AUDIENCE not in audiences or not claims.get("opendesk_objectid")
                or not claims.get("context")):
            return None
        return claims

    def set_unread(self, count: int) -> None:
        with self.state.lock:
            self.state.unread = count

    def add_event(self, summary: str, start: float, minutes: int = 30, *,
                  location: str = "", description: str = "",
                  conference: str | None = None) -> None:
        def stamp(epoch: float) -> dict[str, str]:
            return {"value": time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(epoch)), "tzid": "UTC"}

        event: dict[str, Any] = {
            "id": str(len(self.state.events) + 1), "folder": "cal://0/31",
            "summary": summary, "startDate": stamp(start), "endDate": stamp(start + minutes * 60),
            "location": location, "description": description,
        }
        if conference:
            event["conferences"] = [{"uri": conference, "label": "Video", "features": ["VIDEO"]}]
        with self.state.lock:
            self.state.events.append(event)

    def outcomes(self, path_end: str) -> list[str]:
        with self.state.lock:
            return [outcome for path, outcome in self.state.requests if path.endswith(path_end)]

    def start(self) -> OxStandIn:
        self._thread.start()
        return self

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> OxStandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
