# SPDX-License-Identifier: EUPL-1.2
"""The demo's chat, files and portal behind the launcher's integrations (``make run``).

- **Chat**: the real Synapse (synapse.py) where it is installed (``make synapse``, or
  after ``make test``), its single sign-on at the demo identity provider; otherwise
  the Matrix STAND-IN (matrix_standin.py), which speaks the client-server subset the
  launcher uses and signs in at the same provider. Either way Erika is in two rooms:
  "Bürgeramt" with one unread message from Max Mustermann, and "Team Digitalisierung",
  read, where democtl.py chat / mention post (so the badge, which counts rooms with
  unread messages, rises from 1 to 2). The chat sign-in is silent with the browser's
  provider session, like the other demo services.
- **Files**: the Nextcloud STAND-IN (nextcloud_standin.py: OCS notifications, WebDAV
  SEARCH), which takes only the provider's bearer tokens for ``opendesk-nextcloud``;
  one notification and five recent documents at the start. The demo files service
  relays Nextcloud's paths to it (one address for the tile and the API, as in
  openDesk, so a document's link is the organisation's own); a recent document
  (``/index.php/f/<id>``) opens on the demo files service (``/document/<id>``, signed
  in).
- **Portal**: the Nubus notifications API STAND-IN (portal_standin.py), bearer tokens
  for ``opendesk-portal``; no announcement at the start.
"""

from __future__ import annotations

import html
import time
from typing import Any

from matrix_standin import MatrixStandIn
from nextcloud_standin import AUDIENCE as FILES_AUDIENCE
from nextcloud_standin import NextcloudStandIn
from portal_standin import AUDIENCE as PORTAL_AUDIENCE
from portal_standin import PortalStandIn

ROOM = "Bürgeramt"
TEAM_ROOM = "Team Digitalisierung"
DOCUMENTS = (
    ("/Haushalt/Haushaltsplan 2027.ods", "application/vnd.oasis.opendocument.spreadsheet"),
    ("/Bürgeramt/Dienstplan Januar.odt", "application/vnd.oasis.opendocument.text"),
    ("/Protokolle/Amtsleitung 2026-12-03.odt", "application/vnd.oasis.opendocument.text"),
    ("/Vorlagen/Bescheid Wohngeld.odt", "application/vnd.oasis.opendocument.text"),
    ("/Präsentationen/Digitalisierung.odp",
     "application/vnd.oasis.opendocument.presentation"),
)


class DemoChat:
    """The demo's homeserver (real Synapse or the stand-in) and Erika's room in it."""

    def __init__(self, issuer: str, *, real: bool | None = None) -> None:
        import synapse

        self.real = synapse.installed() if real is None else real
        self.kind = f"Synapse {synapse.VERSION}" if self.real else "Matrix-Stand-in"
        self._synapse: Any = synapse.TestSynapse(issuer) if self.real else None
        self._stand_in = None if self.real else MatrixStandIn(issuer)
        self.room = ""
        self.team = ""

    @property
    def url(self) -> str:
        return str(self._synapse.url) if self._synapse is not None else \
            self._stand_in.url  # type: ignore[union-attr]

    def start(self) -> DemoChat:
        if self._synapse is not None:
            import synapse

            self._synapse.start()
            # Erika exists before her first sign-in, so Max can add her to the room; her
            # single sign-on then reaches this account (allow_existing_users).
            self._synapse.register("erika.mustermann", display_name="Erika Mustermann")
            self.room = self._synapse.room_with_erika(ROOM)
            self.team = self._synapse.room_with_erika(TEAM_ROOM)
            self._erika = synapse.ERIKA
        else:
            assert self._stand_in is not None
            self._stand_in.start()
            self.room = self._stand_in.room(ROOM)
            self.team = self._stand_in.room(TEAM_ROOM)
        self.say("Guten Morgen! Die Sprechzeiten am Freitag ändern sich.", room=self.room)
        return self

    def say(self, text: str, *, mention: bool = False, room: str = "") -> None:
        """Max Mustermann posts in ``room`` (the team room; ``mention``: naming Erika)."""
        room = room or self.team
        if self._synapse is not None:
            self._synapse.say(room, text, mention=self._erika if mention else None)
        else:
            assert self._stand_in is not None
            self._stand_in.say(room, text, mention=mention)

    def devices(self) -> list[str]:
        """The names of Erika's named devices on the homeserver (not the registration's)."""
        if self._synapse is not None:
            return sorted(name for name in self._synapse.devices(self._erika).values() if name)
        assert self._stand_in is not None
        return sorted(self._stand_in.devices())

    def close(self) -> None:
        if self._synapse is not None:
            self._synapse.close()
        elif self._stand_in is not None:
            self._stand_in.close()


class DemoIntegrations:
    """Chat, files and portal for the demo; ``settings`` is what the tenant names."""

    def __init__(self, issuer: str, *, real_synapse: bool | None = None) -> None:
        self.chat = DemoChat(issuer, real=real_synapse)
        self.files = NextcloudStandIn(issuer)
        self.portal = PortalStandIn(issuer)
        self.documents: dict[int, str] = {}

    def start(self, files_web_url: str = "") -> DemoIntegrations:
        self.files.web_url = files_web_url
        self.files.start()
        self.portal.start()
        now = time.time()
        for hours, (path, kind) in enumerate(DOCUMENTS):
            file_id = self.files.add_file(path, now - 3600 * (hours * 5 + 1), kind)
            self.documents[file_id] = path
        self.file_notification("Max Mustermann hat „Haushaltsplan 2027.ods“ mit Ihnen "
                               "geteilt")
        self.chat.start()
        return self

    def file_notification(self, subject: str) -> int:
        """A new Nextcloud notification (as the sharing app makes one)."""
        base = self.files.web_url.rstrip("/") or self.files.base_url
        return self.files.notify(subject, link=f"{base}/index.php/f/{min(self.documents)}")

    def document_page(self, file_id: str) -> str | None:
        """The demo web office's page of a document (None: no such document)."""
        path = self.documents.get(int(file_id)) if file_id.isdigit() else None
        if path is None:
            return None
        name = html.escape(path.rsplit("/", 1)[-1])
        return (f"<h2>{name}</h2><p>Das Dokument ist im Web-Office geöffnet. "
                f"<span lang='en'>The document is open in the web office.</span></p>"
                f"<p><small>{html.escape(path)}</small></p>")

    def settings(self, common: dict[str, Any], *, files_url: str = "") -> dict[str, Any]:
        """The chat, files and portal integrations as IT would set them for the demo.
        ``files_url``: where Nextcloud's API is reached (the demo files service relays
        it, so the files tile and Nextcloud share one address, as in openDesk); the
        stand-in's own address without it."""
        return {
            "chat": {**common, "service": "chat", "homeserver_url": self.chat.url,
                     "audience": "opendesk-matrix", "scopes": ["matrix"], "claims": []},
            "files": {**common, "service": "files",
                      "base_url": files_url or self.files.base_url,
                      "audience": FILES_AUDIENCE, "scopes": ["nextcloud"],
                      "claims": ["opendesk_username"]},
            "portal": {**common, "service": "portal", "api_url": self.portal.api_url,
                       "audience": PORTAL_AUDIENCE, "scopes": ["portal"], "claims": []},
        }

    def state(self) -> dict[str, Any]:
        with self.files.state.lock:
            notes = [n["subject"] for n in self.files.state.notifications.values()]
        with self.portal.state.lock:
            announcements = [a["title"] for a in self.portal.state.notifications.values()
                             if a.get("popup")]
        return {"chat": {"homeserver": self.chat.url, "kind": self.chat.kind,
                         "devices": self.chat.devices()},
                "files": {"url": self.files.base_url, "notifications": notes},
                "portal": {"url": self.portal.api_url, "announcements": announcements}}

    def close(self) -> None:
        self.chat.close()
        self.files.close()
        self.portal.close()
