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


class OxApi:
    """The answers, apart from any server: :class:`OxStandIn` serves them alone, the
    demo's mail and calendar services (demo_services.py) next to their pages."""

    def __init__(self, issuer: str, state: OxState | None = None) -> None:
        self.issuer = issuer
        self.state = state or OxState()
        self._keys: KeySet | None = None

    @staticmethod
    def handles(path: str) -> bool:
        return path in (f"{API}/folders", f"{API}/chronos")

    def _key_set(self) -> KeySet:
        if self._keys is None:
            with requests.Session() as session:
                session.trust_env = False
                jwks = session.get(f"{self.issuer}/jwks", timeout=10).json()
            self._keys = KeySet.import_key_set(jwks)
        return self._keys

    def verify(self, token: str) -> dict[str, Any] | None:
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

    def answer(self, raw_path: str, authorization: str
               ) -> tuple[int, dict[str, Any], dict[str, str]]:
        """(status, JSON body, headers) for a GET of ``raw_path``."""
        parts = urlsplit(raw_path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        scope = {f"{API}/folders": "read_mail", f"{API}/chronos": "read_calendar"}.get(parts.path)
        if scope is None:
            return 404, {"error": "not found"}, {}
        claims = self.verify(authorization[7:]) if authorization.startswith("Bearer ") else None
        if claims is None:
            return self._deny(parts.path, 401, "invalid_token")
        if scope not in str(claims.get("scope", "")).split():
            return self._deny(parts.path, 403, "insufficient_scope", scope)
        state = self.state
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
        return 200, body, {}

    def _deny(self, path: str, status: int, error: str, scope: str = ""
              ) -> tuple[int, dict[str, Any], dict[str, str]]:
        with self.state.lock:
            self.state.requests.append((path, error))
        challenge = f'Bearer realm="OX", error="{error}"' + (f', scope="{scope}"' if scope else "")
        return status, {"error": error, "code": "OAUTH-0001" if status == 401
                        else "OAUTH-0003"}, {"WWW-Authenticate": challenge}

    def set_unread(self, count: int) -> None:
        with self.state.lock:
            self.state.unread = count

    def deliver(self, count: int = 1) -> int:
        """New mail arrives: the unread (and total) count rises; the new unread count."""
        with self.state.lock:
            self.state.unread += count
            self.state.total = max(self.state.total, self.state.unread) + count
            return self.state.unread

    def add_event(self, summary: str, start: float, minutes: int = 30, *,
                  location: str = "", description: str = "",
                  conference: str | None = None) -> None:
        def stamp(epoch: float) -> dict[str, str]:
            return {"value": time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(epoch)), "tzid": "UTC"}

        with self.state.lock:
            number = len(self.state.events) + 1
            event: dict[str, Any] = {
                "id": str(number), "uid": f"demo-{number}-{int(start)}",
                "folder": "cal://0/31", "summary": summary, "startDate": stamp(start),
                "endDate": stamp(start + minutes * 60), "location": location,
                "description": description,
            }
            if conference:
                event["conferences"] = [{"uri": conference, "label": "Video",
                                         "features": ["VIDEO"]}]
            self.state.events.append(event)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        status, body, headers = self.server.api.answer(
            self.path, self.headers.get("Authorization", ""))
        raw = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(raw)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(raw)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    api: OxApi


class OxStandIn:
    """The stand-in on 127.0.0.1; ``api_url`` is what the tenant names as ``api_url``."""

    def __init__(self, issuer: str) -> None:
        self.issuer = issuer
        self.api = OxApi(issuer)
        self.state = self.api.state
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.api = self.api
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{API}"

    def set_unread(self, count: int) -> None:
        self.api.set_unread(count)

    def add_event(self, summary: str, start: float, minutes: int = 30, *,
                  location: str = "", description: str = "",
                  conference: str | None = None) -> None:
        self.api.add_event(summary, start, minutes, location=location,
                           description=description, conference=conference)

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
