# SPDX-License-Identifier: EUPL-1.2
"""The demo organisation's services and central catalog, on this machine.

``make run`` (demo.py) starts them next to the test identity provider:

- every service of the Musterstadt tenant is an HTTP server of its own on 127.0.0.1,
  with a page, ``/health`` for the status probes and, for the video service,
  ``/audio-only`` (its low-bandwidth address). Stopping one closes its port: a real
  outage, which the launcher shows as "unreachable";
- the central catalog: ``build/demo/catalog/manifest.json``, served at
  ``/catalog/manifest.json`` with an ETag and read again for every request, so an edit
  of the file reaches the launcher at its next catalog refresh (F5 refreshes at once);
- a control endpoint on the catalog's port: ``POST /control/<id>/stop`` and
  ``/start`` (``<id>`` a service id, or ``catalog`` for the manifest server itself),
  ``POST /control/mail/deliver`` (a new mail arrives) and
  ``POST /control/calendar/meeting`` (a meeting starting in 3 minutes, with a link to
  the video service), ``POST /control/chat/say`` (``{"text", "mention"}``: Max posts
  in Erika's chat room), ``POST /control/files/notify`` (a Nextcloud notification),
  ``POST /control/portal/announce`` (a portal announcement), ``GET /control`` for the
  state (with the file notifications on the server). ``democtl.py`` is its command line.

Given the identity provider (``issuer``), every service signs its visitors in as a
confidential OpenID Connect client of its own (demo_signin.py): a browser with the
provider's session sees "Angemeldet als Erika Mustermann" after a silent redirect. The
mail and calendar services then also answer the OX App Suite HTTP API (a STAND-IN shaped
like OX's documented API, ox_standin.py), to valid bearer tokens with the right
audience and scope only; the demo tenant switches the mail and calendar integrations on.
With ``chat_and_files`` (``make run``), the chat (real Synapse where installed, else a
Matrix stand-in), files (Nextcloud stand-in) and portal (Nubus stand-in) integrations
come on too (demo_integrations.py).

Ports are fixed where free (catalog 47614, services from 47620), so the launcher's
cached catalog still points at the right addresses on the next ``make run``.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import socket
import threading
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from demo_integrations import DemoIntegrations
from demo_signin import CALLBACK, COOKIE, DemoSignIn, SignInError
from ox_standin import API, AUDIENCE, OxApi

ROOT = Path(__file__).resolve().parents[2]
BUILTIN = ROOT / "resources" / "tenants" / "musterstadt.toml"
CATALOG_PORT = 47614
FIRST_SERVICE_PORT = 47620
CATALOG_PATH = "/catalog/manifest.json"
NEXTCLOUD_PATHS = ("/ocs/", "/remote.php/", "/index.php/")
FORWARDED = {"authorization", "ocs-apirequest", "accept", "content-type", "depth",
             "if-none-match"}
FORWARDED_BACK = {"content-type", "etag", "location", "www-authenticate", "cache-control"}

PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{title} – Musterstadt</title>
<style>body{{font-family:system-ui,sans-serif;max-width:40em;margin:4em auto;color:#1b1f24}}
</style></head><body><h1>{title}</h1>
<p>Dies ist ein Demo-Dienst der Stadt Musterstadt.
<span lang="en">This is a demo service of the city of Musterstadt.</span></p>{user}{extra}
</body></html>
"""
SIGNED_IN = ('<p id="user"><strong>Angemeldet als {name}</strong> '
             '<span lang="en">(signed in as {name})</span></p>')


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True  # a stopped service starts again on its port at once
    owner: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.served = False
        self.connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()

    def get_request(self) -> tuple[socket.socket, Any]:
        conn, address = super().get_request()
        with self._connections_lock:
            self.connections.add(conn)
        return conn, address

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def stop(self) -> None:
        """Stop like a crashed service: the port closes and open connections drop too
        (a keep-alive connection would otherwise go on answering)."""
        if self.served:  # shutdown() waits for serve_forever(), which may never have run
            self.shutdown()
        self.server_close()
        with self._connections_lock:
            open_now, self.connections = list(self.connections), set()
        for conn in open_now:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
            conn.close()


def _bind(handler: type[BaseHTTPRequestHandler], port: int) -> _Server:
    try:
        return _Server(("127.0.0.1", port), handler)
    except OSError:
        return _Server(("127.0.0.1", 0), handler)  # taken: any free port


def _serve(server: _Server) -> threading.Thread:
    server.served = True
    thread = threading.Thread(target=server.serve_forever, args=(0.1,), daemon=True)
    thread.start()
    return thread


class _ServiceHandler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _redirect(self, location: str, cookie: str | None = None) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        if cookie is not None:
            self.send_header("Set-Cookie", f"{COOKIE}={cookie}; Path=/; HttpOnly; SameSite=Lax")
        self.send_header("Content-Length", "0")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()

    def _forward(self) -> bool:
        """The files service also answers Nextcloud's API (the stand-in behind it), as a
        real files tile's address is Nextcloud's: relayed as it is."""
        service: DemoService = self.server.owner
        if service.nextcloud is None or not self.path.startswith(NEXTCLOUD_PATHS):
            return False
        import requests

        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() in FORWARDED}
        with requests.Session() as session:
            session.trust_env = False
            answer = session.request(self.command, service.nextcloud() + self.path,
                                     headers=headers, data=body, allow_redirects=False,
                                     timeout=30)
        self.send_response(answer.status_code)
        for key, value in answer.headers.items():
            if key.lower() in FORWARDED_BACK:
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(answer.content)))
        self.end_headers()
        if self.command != "HEAD" and answer.content:
            self.wfile.write(answer.content)
        return True

    def do_PROPFIND(self) -> None:
        if not self._forward():
            self._send(405, b"", "text/plain")

    do_SEARCH = do_DELETE = do_PROPFIND

    def do_GET(self) -> None:
        service: DemoService = self.server.owner
        path = self.path.split("?", 1)[0]
        if self._forward():
            return
        if path == "/health":
            self._send(200, b"ok", "text/plain; charset=utf-8")
            return
        if service.ox is not None and OxApi.handles(path):
            status, body, headers = service.ox.answer(
                self.path, self.headers.get("Authorization", ""))
            raw = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(raw)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(raw)
            return
        signin = service.signin
        if signin is not None and path == CALLBACK:
            query = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
            try:
                location, cookie = signin.finish(query)
            except SignInError as exc:
                self._send(400, service.page(f"<p>Anmeldung fehlgeschlagen: "
                                             f"{html.escape(str(exc))}</p>"))
                return
            self._redirect(location, cookie)
            return
        extra = service.content(self.path)
        if extra is None:
            self._send(404, b"not found", "text/plain; charset=utf-8")
            return
        user = signin.user(self.headers.get("Cookie")) if signin is not None else None
        if signin is not None and user is None:
            self._redirect(signin.start(self.path))
            return
        self._send(200, service.page(extra, user))

    do_HEAD = do_GET


def compose_view(request_path: str) -> str:
    """The demo webmail's compose view, filled from ``?to=&cc=&subject=&body=`` (links)."""
    from urllib.parse import parse_qs, urlsplit

    query = parse_qs(urlsplit(request_path).query, keep_blank_values=True)

    def field(name: str) -> str:
        return html.escape(query.get(name, [""])[0])

    return (
        "<h2>Neue E-Mail <span lang='en'>(new e-mail)</span></h2><form>"
        f"<p><label>An: <input id='to' name='to' size='50' value='{field('to')}'></label></p>"
        f"<p><label>Kopie: <input id='cc' name='cc' size='50' value='{field('cc')}'></label></p>"
        "<p><label>Betreff: <input id='subject' name='subject' size='50' "
        f"value='{field('subject')}'></label></p>"
        f"<p><textarea id='body' name='body' rows='8' cols='60'>{field('body')}</textarea></p>"
        "</form>"
    )


@dataclass
class DemoService:
    id: str
    name: str
    port: int
    audio_only: bool = False
    issuer: str = ""
    """The demo identity provider: with it, the service signs its visitors in."""
    ox: OxApi | None = None
    """The OX App Suite API this service answers too (mail, calendar)."""
    signin: DemoSignIn | None = field(default=None, repr=False)
    documents: Callable[[str], str | None] | None = field(default=None, repr=False)
    nextcloud: Callable[[], str] | None = field(default=None, repr=False)
    """The files service: the Nextcloud stand-in's base URL, whose API it relays."""
    """The files service's web office: a recent document's page (``/document/<id>``)."""
    _server: _Server | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def running(self) -> bool:
        return self._server is not None

    def page(self, extra: str, user: dict[str, Any] | None = None) -> bytes:
        signed_in = SIGNED_IN.format(name=html.escape(str(user.get("name") or user.get(
            "sub", "")))) if user else ""
        return PAGE.format(title=html.escape(self.name), extra=extra,
                           user=signed_in).encode("utf-8")

    def content(self, request_path: str) -> str | None:
        """What a page of this service shows (None: no such page)."""
        path = request_path.split("?", 1)[0]
        if path == "/":
            return ""
        if path == "/compose" and self.id == "mail":
            return compose_view(request_path)
        if path == "/audio-only" and self.audio_only:
            return ("<p>Nur Ton, für langsame Verbindungen. "
                    "<span lang='en'>Audio only, for slow connections.</span></p>")
        if path.startswith("/document/") and self.documents is not None:
            return self.documents(path.removeprefix("/document/"))
        if path.startswith("/room/") and self.id == "video":
            room = html.escape(path.removeprefix("/room/"))
            return f"<h2>Besprechungsraum {room}</h2><p>Sie sind im Raum. <span lang='en'>" \
                   "You are in the room.</span></p>"
        return None

    def start(self) -> None:
        if self._server is None:
            server = _bind(_ServiceHandler, self.port)
            server.owner = self
            self.port = int(server.server_address[1])
            self._server = server
            if self.issuer and (self.signin is None or self.signin.base_url != self.url):
                self.signin = DemoSignIn(self.id, self.issuer, self.url)
                self.signin.register()
            _serve(server)

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.stop()  # the port refuses connections from now on


class _CatalogHandler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        demo: DemoServices = self.server.owner
        path = self.path.split("?", 1)[0]
        if path == "/control":
            self._send(200, json.dumps(demo.state()).encode(),
                       {"Content-Type": "application/json"})
            return
        if path == CATALOG_PATH and not demo.catalog_running:
            # "Stopped": hang up without an answer, as a server that is gone would.
            self.close_connection = True
            return
        if path != CATALOG_PATH:
            self._send(404, b"not found", {"Content-Type": "text/plain"})
            return
        body = demo.manifest_file.read_bytes()  # read again: edits count at once
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        if self.headers.get("If-None-Match") == etag:
            self._send(304, b"", {"ETag": etag})
            return
        self._send(200, body, {"Content-Type": "application/json", "ETag": etag,
                               "Cache-Control": "no-cache"})

    def do_POST(self) -> None:
        demo: DemoServices = self.server.owner
        parts = self.path.strip("/").split("/")
        if parts in (["control", "mail", "deliver"], ["control", "calendar", "meeting"],
                     ["control", "chat", "say"], ["control", "files", "notify"],
                     ["control", "portal", "announce"]):
            length = int(self.headers.get("Content-Length") or 0)
            options = json.loads(self.rfile.read(length) or b"{}") if length else {}
            try:
                if parts[1] == "mail":
                    done = demo.deliver()
                elif parts[1] == "calendar":
                    done = demo.meeting(**options)
                else:
                    done = demo.act(parts[1], options)
            except (KeyError, TypeError, ValueError) as exc:
                self._send(400, str(exc).encode(), {"Content-Type": "text/plain"})
                return
            self._send(200, json.dumps({**demo.state(), "done": done}).encode(),
                       {"Content-Type": "application/json"})
            return
        if len(parts) == 3 and parts[0] == "control" and parts[2] in ("stop", "start"):
            try:
                demo.control(parts[1], parts[2])
            except KeyError:
                self._send(404, f"no demo service {parts[1]!r}".encode(),
                           {"Content-Type": "text/plain"})
                return
            self._send(200, json.dumps(demo.state()).encode(),
                       {"Content-Type": "application/json"})
            return
        self._send(404, b"not found", {"Content-Type": "text/plain"})


class DemoServices:
    """Every demo service, the catalog and the control endpoint; see the module doc."""

    def __init__(self, out: Path, *, catalog: bool = True, fixed_ports: bool = True,
                 issuer: str = "", chat_and_files: bool = False,
                 real_synapse: bool | None = None) -> None:
        self.out = out
        self.manifest_file = out / "catalog" / "manifest.json"
        builtin = tomllib.loads(BUILTIN.read_text(encoding="utf-8"))
        self._builtin = builtin
        self.issuer = issuer
        self.ox = OxApi(issuer) if issuer else None
        """The OX App Suite API of the mail and calendar services (one OX, as in openDesk)."""
        if self.ox is not None:
            self.ox.set_unread(3)
        first = FIRST_SERVICE_PORT if fixed_ports else 0
        self.services = {
            s["id"]: DemoService(s["id"], s["name"]["de"], first + i if first else 0,
                                 audio_only=s["id"] == "video", issuer=issuer,
                                 ox=self.ox if s["id"] in ("mail", "calendar") else None)
            for i, s in enumerate(builtin["services"])
        }
        self.more: DemoIntegrations | None = None
        """Chat, files and portal (demo_integrations.py), with ``chat_and_files``."""
        if issuer and chat_and_files:
            self.more = DemoIntegrations(issuer, real_synapse=real_synapse)
            self.services["files"].documents = self.more.document_page
            more = self.more
            self.services["files"].nextcloud = lambda: more.files.base_url
        self.catalog_running = catalog
        self._control = _bind(_CatalogHandler, CATALOG_PORT if fixed_ports else 0)
        self._control.owner = self
        self._lock = threading.Lock()

    @property
    def catalog_url(self) -> str:
        return f"http://127.0.0.1:{self._control.server_address[1]}{CATALOG_PATH}"

    @property
    def control_url(self) -> str:
        return f"http://127.0.0.1:{self._control.server_address[1]}/control"

    def start(self) -> DemoServices:
        for service in self.services.values():
            service.start()
        if self.more is not None:
            self.more.start(files_web_url=self.services["files"].url)
        self.write_manifest()
        _serve(self._control)
        (self.out / "control.json").write_text(
            json.dumps({"control": self.control_url}), encoding="utf-8")
        return self

    def manifest(self) -> dict[str, Any]:
        """The central catalog: the Musterstadt services at their demo addresses."""
        services = []
        for entry in self._builtin["services"]:
            service = self.services[entry["id"]]
            item = {k: v for k, v in entry.items() if k not in ("low_bandwidth_url",)}
            item["url"] = service.url
            item["health_url"] = service.url + "health"
            if service.audio_only:
                item["low_bandwidth_url"] = service.url + "audio-only"
            services.append(item)
        return {
            "version": int(time.time()),
            "generated": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "categories": self._builtin["categories"],
            "services": services,
        }

    def write_manifest(self) -> None:
        self.manifest_file.parent.mkdir(parents=True, exist_ok=True)
        self.manifest_file.write_text(
            json.dumps(self.manifest(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def tenant(self, issuer: str = "") -> dict[str, Any]:
        """The IT configuration of the demo: organisation, sign-in, the central catalog."""
        tenant = {k: v for k, v in self._builtin.items() if k not in ("services", "categories")}
        identity = dict(tenant.get("identity_provider", {}))
        if issuer:
            identity.update(issuer=issuer, extra_auth_params={"prompt": "consent"})
        else:
            identity.pop("issuer", None)
        tenant["identity_provider"] = identity
        tenant["catalog"] = {"manifest_url": self.catalog_url, "refresh_minutes": 5}
        mail, video = self.services["mail"], self.services["video"]
        tenant["links"] = {
            **tenant.get("links", {}),
            "mail_compose_url": f"{mail.url}compose?to={{to}}&cc={{cc}}&subject={{subject}}"
            "&body={body}",
            "meeting_low_bandwidth_url": f"{video.url}audio-only?room={{path}}",
        }
        if issuer and self.ox is not None:
            tenant["integrations"] = self.integrations()
            # Keycloak grants an app's client scope only when asked: the sign-in asks for
            # the integrations' scopes (app.build_auth adds them).
        return tenant

    def deliver(self) -> dict[str, Any]:
        """A new mail arrives in the demo inbox."""
        if self.ox is None:
            raise ValueError("the demo runs without its identity provider: no mail API")
        return {"unread": self.ox.deliver()}

    def meeting(self, minutes: float = 3, title: str = "Abstimmung Haushalt") -> dict[str, Any]:
        """A meeting starting in ``minutes``, with a link to the video service's room."""
        if self.ox is None:
            raise ValueError("the demo runs without its identity provider: no calendar API")
        start = time.time() + float(minutes) * 60
        room = f"{self.services['video'].url}room/haushalt-{int(start) % 10000}"
        self.ox.add_event(str(title), start, 30, conference=room,
                          location="Videokonferenz")
        return {"title": title, "start": start, "join_url": room}

    def act(self, name: str, options: dict[str, Any]) -> dict[str, Any]:
        """A chat message (``mention``: naming Erika), a file notification or a portal
        announcement."""
        if self.more is None:
            raise ValueError("the demo runs without chat, files and portal")
        if name == "chat":
            mention = bool(options.get("mention"))
            text = str(options.get("text") or (
                "Erika Mustermann, kannst du bitte kurz auf den Dienstplan schauen?"
                if mention else "Die Unterlagen für Montag liegen in der Ablage."))
            self.more.chat.say(text, mention=mention)
            return {"room": self.more.chat.team, "text": text, "mention": mention}
        if name == "files":
            subject = str(options.get("subject") or
                          "Max Mustermann hat „Dienstplan Januar.odt“ kommentiert")
            return {"id": self.more.file_notification(subject), "subject": subject}
        title = str(options.get("title") or "Wartung am Samstag, 8 bis 12 Uhr")
        details = str(options.get("details") or
                      "Die Dateiablage ist in dieser Zeit nicht erreichbar.")
        return {"id": self.more.portal.announce(title, details), "title": title}

    def control(self, name: str, action: str) -> None:
        with self._lock:
            if name == "catalog":
                self.catalog_running = action == "start"
                return
            service = self.services[name]
            if action == "stop":
                service.stop()
            else:
                port = service.port
                service.start()
                if service.port != port:  # its port was taken meanwhile: tell the catalog
                    self.write_manifest()

    def integrations(self) -> dict[str, Any]:
        """Unread mail and the next meeting from the demo's OX API, as IT would set them."""
        # Every minute in the demo (a real tenant keeps the defaults: 2, 5 and 15
        # minutes), so a delivered mail shows soon without pressing F5.
        common = {"enabled": True, "audience": AUDIENCE,
                  "claims": ["opendesk_objectid", "context"], "minutes_office": 1,
                  "minutes_home": 1}
        more = self.more.settings({k: v for k, v in common.items()
                                   if k not in ("audience", "claims")},
                                  files_url=self.services["files"].url.rstrip("/")
                                  ) if self.more else {}
        return {
            **more,
            "mail": {**common, "service": "mail", "backend": "ox", "scopes": ["read_mail"],
                     "api_url": self.services["mail"].url.rstrip("/") + API},
            "calendar": {**common, "service": "calendar", "backend": "ox",
                         "scopes": ["read_calendar"],
                         "api_url": self.services["calendar"].url.rstrip("/") + API},
        }

    def state(self) -> dict[str, Any]:
        with self._lock:
            state: dict[str, Any] = {
                "catalog": {"url": self.catalog_url, "running": self.catalog_running},
                "services": {sid: {"url": s.url, "running": s.running}
                             for sid, s in self.services.items()},
            }
        if self.more is not None:
            state["integrations"] = self.more.state()
        return state

    def close(self) -> None:
        for service in self.services.values():
            service.stop()
        self._control.stop()
        if self.more is not None:
            self.more.close()

    def __enter__(self) -> DemoServices:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
