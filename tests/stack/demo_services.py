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
  ``GET /control`` for the state. ``democtl.py`` is its command line.

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
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BUILTIN = ROOT / "resources" / "tenants" / "musterstadt.toml"
CATALOG_PORT = 47614
FIRST_SERVICE_PORT = 47620
CATALOG_PATH = "/catalog/manifest.json"

PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{title} – Musterstadt</title>
<style>body{{font-family:system-ui,sans-serif;max-width:40em;margin:4em auto;color:#1b1f24}}
</style></head><body><h1>{title}</h1>
<p>Dies ist ein Demo-Dienst der Stadt Musterstadt.
<span lang="en">This is a demo service of the city of Musterstadt.</span></p>{extra}
</body></html>
"""


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

    def do_GET(self) -> None:
        service: DemoService = self.server.owner
        path = self.path.split("?", 1)[0]
        if path == "/health":
            self._send(200, b"ok", "text/plain; charset=utf-8")
        elif path == "/":
            self._send(200, service.page(""))
        elif path == "/compose" and service.id == "mail":
            self._send(200, service.page(compose_view(self.path)))
        elif path == "/audio-only" and service.audio_only:
            self._send(200, service.page(
                "<p>Nur Ton, für langsame Verbindungen. "
                "<span lang='en'>Audio only, for slow connections.</span></p>"))
        else:
            self._send(404, b"not found", "text/plain; charset=utf-8")

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
    _server: _Server | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def running(self) -> bool:
        return self._server is not None

    def page(self, extra: str) -> bytes:
        return PAGE.format(title=html.escape(self.name), extra=extra).encode("utf-8")

    def start(self) -> None:
        if self._server is None:
            server = _bind(_ServiceHandler, self.port)
            server.owner = self
            self.port = int(server.server_address[1])
            self._server = server
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

    def __init__(self, out: Path, *, catalog: bool = True, fixed_ports: bool = True) -> None:
        self.out = out
        self.manifest_file = out / "catalog" / "manifest.json"
        builtin = tomllib.loads(BUILTIN.read_text(encoding="utf-8"))
        self._builtin = builtin
        first = FIRST_SERVICE_PORT if fixed_ports else 0
        self.services = {
            s["id"]: DemoService(s["id"], s["name"]["de"], first + i if first else 0,
                                 audio_only=s["id"] == "video")
            for i, s in enumerate(builtin["services"])
        }
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
        return tenant

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

    def state(self) -> dict[str, Any]:
        with self._lock:
            return {
                "catalog": {"url": self.catalog_url, "running": self.catalog_running},
                "services": {sid: {"url": s.url, "running": s.running}
                             for sid, s in self.services.items()},
            }

    def close(self) -> None:
        for service in self.services.values():
            service.stop()
        self._control.stop()

    def __enter__(self) -> DemoServices:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
