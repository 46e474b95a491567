# SPDX-License-Identifier: EUPL-1.2
"""A STAND-IN for Nextcloud: Nextcloud (PHP, a database, its apps) cannot run here.

It answers only the requests the launcher makes, shaped like Nextcloud's documented
APIs, and nothing else:

- OCS (``OCS-APIRequest: true`` required, JSON envelope ``{"ocs": {"meta", "data"}}``):
  ``GET /ocs/v2.php/apps/notifications/api/v2/notifications`` (200 with the list and an
  ``ETag``, 304 for a matching ``If-None-Match``, 204 when no app uses notifications),
  ``DELETE …/notifications/<id>`` (200, 404 for an unknown id),
  ``GET /ocs/v2.php/cloud/user`` (the user's id);
- WebDAV: ``PROPFIND /remote.php/dav/files/<user>/`` (Depth 0: the folder's ``getetag``,
  which changes with any file below), ``SEARCH /remote.php/dav/`` (``basicsearch``
  ordered by ``getlastmodified`` descending, ``nresults``), multistatus answers;
- in the demo only (``web_url`` set): ``GET /index.php/f/<id>`` redirects the browser to
  the demo web office's page of the file.

Like Nextcloud's ``user_oidc`` with bearer validation, it accepts only a JWT signed by
the identity provider's key (its JWKS), from that issuer, not expired, whose ``aud``
names ``opendesk-nextcloud``; the user is the one the claim ``opendesk_username`` names
(openDesk's mapping). Anything else is 401. Every request is recorded.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import requests
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

AUDIENCE = "opendesk-nextcloud"
USER_CLAIM = "opendesk_username"
NOTIFICATIONS = "/ocs/v2.php/apps/notifications/api/v2/notifications"
DAV = "DAV:"
WEB_FILE = "/index.php/f/"


@dataclass
class StoredFile:
    path: str
    modified: float
    content_type: str
    file_id: int


@dataclass
class NextcloudState:
    notifications: dict[int, dict[str, Any]] = field(default_factory=dict)
    apps_use_notifications: bool = True
    files: dict[str, StoredFile] = field(default_factory=dict)
    next_id: int = 100
    requests: list[tuple[str, str, str]] = field(default_factory=list)
    """(method, path, outcome) of every request."""
    lock: threading.Lock = field(default_factory=threading.Lock)


def _ocs(data: Any, status: int = 200, message: str = "OK") -> dict[str, Any]:
    return {"ocs": {"meta": {"status": "ok" if status < 300 else "failure",
                             "statuscode": status, "message": message}, "data": data}}


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _record(self, outcome: str) -> None:
        with self.server.state.lock:
            self.server.state.requests.append((self.command, urlsplit(self.path).path, outcome))

    def _send(self, status: int, body: bytes = b"", content_type: str = "application/json",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if body or status not in (204, 304):
            self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if body:
            self.wfile.write(body)

    def _json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(data).encode(), headers=headers)

    def _user(self) -> str | None:
        auth = self.headers.get("Authorization", "")
        claims = self.server.verify(auth[7:]) if auth.startswith("Bearer ") else None
        if claims is None:
            self._record("invalid_token")
            self._json(401, _ocs(None, 401, "Current user is not logged in"),
                       {"WWW-Authenticate": 'Bearer realm="Nextcloud", error="invalid_token"'})
            return None
        return str(claims[USER_CLAIM])

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _ocs_request(self) -> bool:
        if self.headers.get("OCS-APIRequest", "").lower() != "true":
            self._record("no_ocs_header")
            self._json(401, _ocs(None, 997, "Current user is not logged in"))
            return False
        return True

    # -- OCS ------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._body()
        path = urlsplit(self.path).path
        if path == "/status.php":  # public in Nextcloud too: what a status probe asks
            self._json(200, {"installed": True, "maintenance": False,
                             "needsDbUpgrade": False, "version": "29.0.0.19",
                             "versionstring": "29.0.0", "edition": "",
                             "productname": "Nextcloud", "extendedSupport": False})
            return
        file_id = path.removeprefix(WEB_FILE)
        if path.startswith(WEB_FILE) and file_id.isdigit() and self.server.owner.web_url:
            # Nextcloud's file link (the launcher's default open_url): in the demo, the
            # demo web office's page of the document.
            self._record("web")
            self._send(302, headers={"Location": f"{self.server.owner.web_url}document/"
                                                 f"{file_id}"})
            return
        if path not in (NOTIFICATIONS, "/ocs/v2.php/cloud/user"):
            self._json(404, {"message": "not found"})
            return
        user = self._user()
        if user is None or not self._ocs_request():
            return
        state = self.server.state
        if path == "/ocs/v2.php/cloud/user":
            self._record("ok")
            self._json(200, _ocs({"id": user, "display-name": "Erika Mustermann",
                                  "email": "erika.mustermann@musterstadt.example"}))
            return
        with state.lock:
            if not state.apps_use_notifications:
                state.requests.append(("GET", path, "no_content"))
                self._send(204)
                return
            listed = sorted(state.notifications.values(), key=lambda n: -n["notification_id"])
        etag = '"' + hashlib.md5(  # noqa: S324 (an ETag, as Nextcloud makes it)
            ",".join(str(n["notification_id"]) for n in listed).encode()).hexdigest() + '"'
        if self.headers.get("If-None-Match") == etag:
            self._record("not_modified")
            self._send(304, headers={"ETag": etag})
            return
        self._record("ok")
        self._json(200, _ocs([{**n, "user": user} for n in listed]), {"ETag": etag})

    def do_DELETE(self) -> None:
        self._body()
        path = urlsplit(self.path).path
        prefix = NOTIFICATIONS + "/"
        if not path.startswith(prefix) or not path[len(prefix):].isdigit():
            self._json(404, {"message": "not found"})
            return
        if self._user() is None or not self._ocs_request():
            return
        with self.server.state.lock:
            gone = self.server.state.notifications.pop(int(path[len(prefix):]), None)
        self._record("deleted" if gone else "not_found")
        if gone is None:
            self._json(404, _ocs([], 404, "Not Found"))
        else:
            self._json(200, _ocs([]))

    # -- WebDAV ---------------------------------------------------------------------

    def _multistatus(self, responses: list[str]) -> None:
        body = ('<?xml version="1.0"?>\n<d:multistatus xmlns:d="DAV:" '
                'xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns">'
                + "".join(responses) + "</d:multistatus>").encode()
        self._send(207, body, "application/xml")

    def do_PROPFIND(self) -> None:
        self._body()
        path = unquote(urlsplit(self.path).path)
        user = self._user()
        if user is None:
            return
        home = f"/remote.php/dav/files/{user}/"
        if path != home or self.headers.get("Depth") != "0":
            self._record("not_found")
            self._send(404)
            return
        with self.server.state.lock:
            tag = hashlib.md5(json.dumps(  # noqa: S324 (an ETag)
                sorted((f.path, f.modified) for f in self.server.state.files.values())
            ).encode()).hexdigest()
        self._record("ok")
        self._multistatus([f"<d:response><d:href>{quote(home)}</d:href><d:propstat><d:prop>"
                           f'<d:getetag>"{tag}"</d:getetag></d:prop>'
                           "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"])

    def do_SEARCH(self) -> None:
        body = self._body()
        if urlsplit(self.path).path != "/remote.php/dav/":
            self._send(404)
            return
        user = self._user()
        if user is None:
            return
        try:
            tree = ET.fromstring(body)  # noqa: S314 (test input of the launcher's own)
        except ET.ParseError:
            self._record("bad_request")
            self._send(400)
            return
        scope = tree.findtext(f".//{{{DAV}}}scope/{{{DAV}}}href")
        order = tree.find(f".//{{{DAV}}}orderby/{{{DAV}}}order")
        limit = tree.findtext(f".//{{{DAV}}}limit/{{{DAV}}}nresults")
        if scope != f"/files/{user}" or order is None \
                or order.find(f"{{{DAV}}}prop/{{{DAV}}}getlastmodified") is None \
                or order.find(f"{{{DAV}}}descending") is None \
                or tree.find(f".//{{{DAV}}}where//{{{DAV}}}is-collection") is None:
            self._record("unexpected_query")
            self._send(400)
            return
        with self.server.state.lock:
            files = sorted(self.server.state.files.values(), key=lambda f: -f.modified)
        files = files[:int(limit)] if limit and limit.isdigit() else files
        self._record("ok")
        self._multistatus([
            f"<d:response><d:href>{quote(f'/remote.php/dav/files/{user}{f.path}')}</d:href>"
            "<d:propstat><d:prop>"
            f"<d:displayname>{_escape(f.path.rsplit('/', 1)[-1])}</d:displayname>"
            f"<d:getlastmodified>{email.utils.formatdate(f.modified, usegmt=True)}"
            "</d:getlastmodified>"
            f"<d:getcontenttype>{f.content_type}</d:getcontenttype>"
            f"<oc:fileid>{f.file_id}</oc:fileid>"
            "</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
            for f in files])


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: NextcloudState
    owner: NextcloudStandIn
    verify: Callable[[str], dict[str, Any] | None]


class NextcloudStandIn:
    """The stand-in on 127.0.0.1; ``base_url`` is what the tenant names as base_url."""

    def __init__(self, issuer: str) -> None:
        self.issuer = issuer
        self.state = NextcloudState()
        self._keys: KeySet | None = None
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.state = self.state
        self._server.owner = self
        self._server.verify = self._verify
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self.web_url = ""
        """Where ``/index.php/f/<id>`` sends a browser (the demo's web office), if set."""

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def _key_set(self) -> KeySet:
        if self._keys is None:
            with requests.Session() as session:
                session.trust_env = False
                jwks = session.get(f"{self.issuer}/jwks", timeout=10).json()
            self._keys = KeySet.import_key_set(jwks)
        return self._keys

    def _verify(self, token: str) -> dict[str, Any] | None:
        """user_oidc's bearer check: signature, issuer, expiry, audience, the user claim."""
        try:
            claims = dict(jwt.decode(token, self._key_set(), algorithms=["RS256"]).claims)
        except (JoseError, ValueError):
            return None
        aud = claims.get("aud")
        audiences = aud if isinstance(aud, list) else [aud]
        if (claims.get("iss") != self.issuer or float(claims.get("exp", 0)) <= time.time()
                or AUDIENCE not in audiences or not claims.get(USER_CLAIM)):
            return None
        return claims

    def notify(self, subject: str, *, app: str = "files_sharing", message: str = "",
               link: str = "") -> int:
        """A new notification for the user, as an app would make it."""
        with self.state.lock:
            self.state.next_id += 1
            number = self.state.next_id
            self.state.notifications[number] = {
                "notification_id": number, "app": app,
                "datetime": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()),
                "object_type": "share", "object_id": str(number), "subject": subject,
                "subjectRich": subject, "subjectRichParameters": {}, "message": message,
                "messageRich": message, "messageRichParameters": {}, "link": link,
                "icon": "", "shouldNotify": True, "actions": [],
            }
            return number

    def add_file(self, path: str, modified: float,
                 content_type: str = "application/vnd.oasis.opendocument.text") -> int:
        with self.state.lock:
            self.state.next_id += 1
            self.state.files[path] = StoredFile(path, modified, content_type, self.state.next_id)
            return self.state.next_id

    def outcomes(self, method: str, path_end: str = "") -> list[str]:
        with self.state.lock:
            return [o for m, p, o in self.state.requests if m == method and p.endswith(path_end)]

    def start(self) -> NextcloudStandIn:
        self._thread.start()
        return self

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> NextcloudStandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
