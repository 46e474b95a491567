# SPDX-License-Identifier: EUPL-1.2
"""A STAND-IN for a Matrix homeserver, for ``make run`` where Synapse is not installed
(``make synapse`` installs the real one; the tests always use the real one).

It speaks exactly the subset of the Matrix client-server API (``/_matrix/client/v3``)
the launcher uses, shaped like the spec, and nothing else:

- ``GET /login``: the flows ``m.login.sso`` and ``m.login.token``;
- ``GET /login/sso/redirect?redirectUrl=…``: single sign-on at the demo identity
  provider (a confidential client ``demo-matrix``, silent with the provider's session,
  demo_signin.py), then back to ``redirectUrl`` (loopback addresses only, as Synapse's
  ``sso.client_whitelist``) with ``?loginToken=…`` (one use, two minutes);
- ``POST /login`` with ``m.login.token``: a new device and access token;
- ``POST /user/<id>/filter``: a filter id (the filter itself is not applied: the
  answer carries no timeline, state or presence anyway);
- ``GET /sync``: ``next_batch`` and every joined room's ``unread_notifications``
  (``notification_count``, ``highlight_count``); with ``since`` equal to the current
  position and a ``timeout``, held until something changes (a long poll);
- ``POST /logout``: the device and its token end.

Unknown tokens get 401 ``M_UNKNOWN_TOKEN``. The second user ("Max Mustermann") posts
through :meth:`MatrixStandIn.say` (democtl.py chat / mention).
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from demo_signin import CALLBACK, DemoSignIn, SignInError

CLIENT = "/_matrix/client/v3"
SERVER_NAME = "musterstadt.example"
LOGIN_TOKEN_SECONDS = 120.0


@dataclass
class Room:
    name: str
    notifications: int = 0
    highlights: int = 0


@dataclass
class MatrixState:
    rooms: dict[str, Room] = field(default_factory=dict)
    devices: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    """access token -> (user id, device id, device name)."""
    login_tokens: dict[str, tuple[str, float]] = field(default_factory=dict)
    position: int = 1
    changed: threading.Condition = field(default_factory=threading.Condition)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _json(self, status: int, data: Any) -> None:
        raw = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(raw)

    def _error(self, status: int, code: str, text: str) -> None:
        self._json(status, {"errcode": code, "error": text})

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()

    def _body(self) -> dict[str, Any]:
        length = int(self.headers.get("Content-Length") or 0)
        try:
            found = json.loads(self.rfile.read(length) or b"{}") if length else {}
        except ValueError:
            return {}
        return found if isinstance(found, dict) else {}

    def _device(self) -> tuple[str, str, str] | None:
        auth = self.headers.get("Authorization", "")
        token = auth[7:] if auth.startswith("Bearer ") else ""
        with self.server.owner.state.changed:
            found = self.server.owner.state.devices.get(token)
        if found is None:
            self._error(401, "M_UNKNOWN_TOKEN", "Unknown access token")
        return found

    def do_GET(self) -> None:
        split = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(split.query).items()}
        path = split.path
        stand_in: MatrixStandIn = self.server.owner
        if path == "/_matrix/client/versions":
            self._json(200, {"versions": ["v1.1", "v1.11"]})
        elif path == CLIENT + "/login":
            self._json(200, {"flows": [{"type": "m.login.sso"}, {"type": "m.login.token"}]})
        elif path == CLIENT + "/login/sso/redirect":
            back = query.get("redirectUrl", "")
            if not back.startswith("http://127.0.0.1:"):
                self._error(400, "M_INVALID_PARAM", "redirectUrl is not whitelisted")
                return
            self._redirect(stand_in.signin.start(back))
        elif path == CALLBACK:
            try:
                location, session = stand_in.signin.finish(query)
            except SignInError as exc:
                self._error(400, "M_FORBIDDEN", str(exc))
                return
            if session is None:  # no provider session yet: the sign-in form
                self._redirect(location)
                return
            claims = stand_in.signin.claims(session) or {}
            token = stand_in.login_token(f"@{claims.get('sub', '')}:{SERVER_NAME}")
            joiner = "&" if "?" in location else "?"
            self._redirect(f"{location}{joiner}{urlencode({'loginToken': token})}")
        elif path == CLIENT + "/sync":
            if self._device() is not None:
                self._json(200, stand_in.sync(query.get("since"),
                                              float(query.get("timeout") or 0) / 1000))
        else:
            self._error(404, "M_UNRECOGNIZED", "Unrecognized request")

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        body = self._body()
        stand_in: MatrixStandIn = self.server.owner
        if path == CLIENT + "/login":
            if body.get("type") != "m.login.token":
                self._error(400, "M_UNKNOWN", "Unknown login type")
                return
            found = stand_in.device_for(str(body.get("token", "")),
                                        str(body.get("initial_device_display_name", "")))
            if found is None:
                self._error(403, "M_FORBIDDEN", "Invalid login token")
                return
            user_id, device_id, token = found
            self._json(200, {"user_id": user_id, "device_id": device_id,
                             "access_token": token, "home_server": SERVER_NAME})
            return
        if path == CLIENT + "/logout":
            auth = self.headers.get("Authorization", "")
            if self._device() is None:
                return
            with stand_in.state.changed:
                stand_in.state.devices.pop(auth[7:], None)
            self._json(200, {})
            return
        if path.startswith(CLIENT + "/user/") and path.endswith("/filter"):
            if self._device() is not None:
                self._json(200, {"filter_id": "1"})
            return
        self._error(404, "M_UNRECOGNIZED", "Unrecognized request")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    owner: MatrixStandIn


class MatrixStandIn:
    """The stand-in on 127.0.0.1; ``url`` is the homeserver's client API base."""

    def __init__(self, issuer: str, port: int = 0) -> None:
        self.state = MatrixState()
        try:
            self._server = _Server(("127.0.0.1", port), _Handler)
        except OSError:
            self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        self.signin = DemoSignIn("matrix", issuer, self.url)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.1,),
                                        daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def login_token(self, user_id: str) -> str:
        token = secrets.token_urlsafe(24)
        with self.state.changed:
            self.state.login_tokens[token] = (user_id, time.time() + LOGIN_TOKEN_SECONDS)
        return token

    def device_for(self, login_token: str, name: str) -> tuple[str, str, str] | None:
        """A new device for a valid login token (used once): (user, device, token)."""
        with self.state.changed:
            found = self.state.login_tokens.pop(login_token, None)
            if found is None or found[1] < time.time():
                return None
            device, token = secrets.token_hex(5).upper(), "syt_" + secrets.token_urlsafe(24)
            self.state.devices[token] = (found[0], device, name)
            return found[0], device, token

    def sync(self, since: str | None, wait: float) -> dict[str, Any]:
        state = self.state
        with state.changed:
            if since == str(state.position) and wait > 0:
                state.changed.wait_for(lambda: since != str(state.position), timeout=wait)
            return {"next_batch": str(state.position), "rooms": {"join": {
                room_id: {"unread_notifications": {"notification_count": room.notifications,
                                                   "highlight_count": room.highlights}}
                for room_id, room in state.rooms.items()}}}

    def room(self, name: str) -> str:
        room_id = f"!{secrets.token_hex(9)}:{SERVER_NAME}"
        with self.state.changed:
            self.state.rooms[room_id] = Room(name)
            self.state.position += 1
            self.state.changed.notify_all()
        return room_id

    def say(self, room_id: str, text: str, *, mention: bool = False) -> None:
        """Max posts in the room (``mention``: naming Erika): her counts rise."""
        with self.state.changed:
            room = self.state.rooms[room_id]
            room.notifications += 1
            room.highlights += 1 if mention else 0
            self.state.position += 1
            self.state.changed.notify_all()

    def devices(self) -> list[str]:
        with self.state.changed:
            return [name for _, _, name in self.state.devices.values()]

    def start(self) -> MatrixStandIn:
        self.signin.register()
        self._thread.start()
        return self

    def close(self) -> None:
        with self.state.changed:
            self.state.position += 1  # held long polls answer now
            self.state.changed.notify_all()
        self._server.shutdown()
        self._server.server_close()
