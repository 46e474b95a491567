# SPDX-License-Identifier: EUPL-1.2
"""Chat, files and portal, as a new user of ``make run`` sees them: the real program in
German under Xvfb (with openbox), the real test identity provider, a REAL Synapse (its
own venv under build/) whose single sign-on runs in the fake browser, a real
freedesktop notification service (dunst), and STAND-INS for Nextcloud and the Nubus
portal (tests/stack/nextcloud_standin.py, portal_standin.py: they cannot run here;
they answer like the documented APIs and take only bearer tokens with their audience).

Max writes Erika and mentions her: the chat tile shows the rooms with "@"; a file
notification raises the files badge and comes as a desktop notification without its
content; the portal's maintenance announcement is a banner and a notification ("Neue
Mitteilung …", no title: previews are off); by keyboard only (search, Menu key), the
files tile's notifications (Entf dismisses one, on the stand-in too) and "Zuletzt
bearbeitet" (Enter opens a document in the web office); the search finds a document.
Screenshots: build/screenshots/waiting-more-*.png.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from demo_services import DemoServices
from nextcloud_standin import NextcloudStandIn
from portal_standin import PortalStandIn
from provider import TestProvider
from synapse import ERIKA, TestSynapse

from tests.e2e.conftest import run_launcher
from tests.e2e.test_waiting_e2e import (  # the same desktop, dunst and demo set-up
    ROOT,
    WAIT_S,
    _environment,
    _preferences,
    _press,
    _shot,
    _shown,
    demo,
    desktop,
    dunst,
)
from tests.support.atspi import Desktop, poll_until

# Its own waits (Synapse's start, `workplace login` up to 120 s, 60 s waits) add up
# past the suite's 120 s per test.
pytestmark = [pytest.mark.e2e, pytest.mark.integration, pytest.mark.timeout(600)]

__all__ = ["demo", "desktop", "dunst"]  # fixtures used by name


@pytest.fixture
def servers(demo: tuple[TestProvider, DemoServices]
            ) -> Iterator[tuple[TestSynapse, NextcloudStandIn, PortalStandIn]]:
    provider, _services = demo
    with TestSynapse(provider.issuer) as synapse, NextcloudStandIn(provider.issuer) as files, \
            PortalStandIn(provider.issuer) as portal:
        yield synapse, files, portal


def _tenant(env: dict[str, str], services: DemoServices, synapse: TestSynapse,
            files: NextcloudStandIn, portal: PortalStandIn) -> None:
    """The demo tenant with chat, files and portal; the files tile is at the Nextcloud
    stand-in, so a document opens as the files service."""
    tenant = services.tenant(services.issuer)
    manifest = services.manifest()
    tenant.pop("catalog")
    tenant["categories"] = manifest["categories"]
    tenant["services"] = [
        {**s, "url": files.base_url + "/", "health_url": files.base_url + "/status.php"}
        if s["id"] == "files" else s for s in manifest["services"]]
    tenant["integrations"].update({
        "chat": {"enabled": True, "homeserver_url": synapse.url, "audience": "opendesk-matrix",
                 "scopes": ["matrix"], "minutes_office": 1, "minutes_home": 1},
        "files": {"enabled": True, "base_url": files.base_url, "audience": "opendesk-nextcloud",
                  "scopes": ["nextcloud"], "minutes_office": 1, "minutes_home": 1},
        "portal": {"enabled": True, "api_url": portal.api_url, "audience": "opendesk-portal",
                   "scopes": ["portal"], "minutes_office": 1, "minutes_home": 1},
    })
    Path(env["WORKPLACE_CONFIG"]).write_text(json.dumps(tenant), encoding="utf-8")


def _reading(launcher: Any, integration: str, check: Any = None) -> dict[str, Any]:
    while True:
        entry = launcher.wait_for("waiting.reading", timeout=WAIT_S)
        if entry.get("integration") == integration and (check is None or check(entry)):
            return entry


def _windows(desktop: Desktop, launcher: Any) -> list[str]:
    """The launcher's windows on screen now."""
    return desktop.xdotool("search", "--onlyvisible", "--pid", str(launcher.proc.pid)).split()


def _activate_panel(desktop: Desktop, launcher: Any, title: str) -> str:
    """Wait until openbox has mapped the files panel (a dialog titled with the files
    service's name: WM_NAME; _NET_WM_NAME adds " — Arbeitsplatz") and it has the focus,
    so keys go to it; its window id."""
    found = desktop.xdotool("search", "--sync", "--all", "--onlyvisible", "--pid",
                            str(launcher.proc.pid), "--name", f"^{re.escape(title)}( — .*)?$")
    panel = found.split()[-1]
    desktop.xdotool("windowactivate", "--sync", panel)
    return panel


def _close_panel(desktop: Desktop, launcher: Any, panel: str, main: str) -> None:
    """Escape closes the panel; the main window has the focus again before the next key
    (focus comes back asynchronously, through openbox)."""
    desktop.xdotool("key", "Escape")
    assert poll_until(lambda: panel not in _windows(desktop, launcher), WAIT_S), \
        "the files panel did not close"
    desktop.xdotool("windowactivate", "--sync", main)


def test_chat_mention_file_notice_announcement_and_recent_documents(
    desktop: Desktop, dunst: Path, demo: tuple[TestProvider, DemoServices],
    servers: tuple[TestSynapse, NextcloudStandIn, PortalStandIn], tmp_path: Path,
) -> None:
    _provider, services = demo
    synapse, files, portal = servers
    env = _environment(tmp_path, services, desktop)
    _tenant(env, services, synapse, files, portal)
    files_name = next(s["name"]["de"] for s in services.manifest()["services"]
                      if s["id"] == "files")  # the files panel's title
    _preferences(env)
    now = time.time()
    document = files.add_file("/Projekte/Haushalt 2025.odt", now - 600)
    files.add_file("/Protokoll Juni.odt", now - 3 * 3600)
    files.notify("Max hat „Haushalt 2025.odt“ mit Ihnen geteilt")
    login = subprocess.run([sys.executable, "-m", "workplace", "login"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=120)
    assert login.returncode == 0, login.stderr
    try:
        with run_launcher(env) as launcher:
            _reading(launcher, "chat", lambda e: e["availability"] == "ok")
            room = synapse.room_with_erika()
            synapse.say(room, "Guten Morgen, Erika")
            synapse.say(room, "@Erika: kannst du den Haushalt prüfen?", mention=ERIKA)
            files.notify("Vertraulich: Personalakte.odt wurde geändert")
            _press(desktop, launcher, "F5")
            _reading(launcher, "chat", lambda e: e["badge"] == 1)
            _reading(launcher, "files", lambda e: e["badge"] == 2)
            assert poll_until(lambda: any(
                "Erwähnung" in n.get("body", "") for n in _shown(desktop)), WAIT_S)
            shown = _shown(desktop)
            assert any("1 neue Dateibenachrichtigung" in n.get("body", "") for n in shown), shown
            assert not any("Personalakte" in json.dumps(n) for n in shown)  # no content
            _shot(desktop, "more-1-badges")

            # The portal's maintenance announcement: a banner and a notification.
            portal.announce("Wartung am Samstag", "Von 8 bis 12 Uhr sind E-Mail und "
                            "Dateien nicht erreichbar.", severity="warning")
            _press(desktop, launcher, "F5")
            _reading(launcher, "portal")
            assert poll_until(lambda: any(
                "Wartung" not in json.dumps(n) and "Mitteilung" in json.dumps(n)
                for n in _shown(desktop)), WAIT_S), _shown(desktop)
            _shot(desktop, "more-2-announcement")

            # By keyboard: search the files tile, its menu (Menu key), "Benachrichtigungen…":
            # Entf dismisses the newest notification, on the server too.
            _press(desktop, launcher, "ctrl+f")
            main = desktop.xdotool("getactivewindow").strip()  # what _press activated
            desktop.xdotool("type", "--delay", "40", "Dateien")
            desktop.xdotool("key", "Down", "Menu", "Down", "Down", "Down", "Return")
            opened = launcher.wait_for("waiting.files_panel", timeout=WAIT_S)
            assert opened["page"] == 1, opened
            panel = _activate_panel(desktop, launcher, files_name)
            _shot(desktop, "more-3-notifications")
            desktop.xdotool("key", "Delete")
            assert poll_until(lambda: len(files.state.notifications) == 1, WAIT_S)
            assert [n["subject"] for n in files.state.notifications.values()] == [
                "Max hat „Haushalt 2025.odt“ mit Ihnen geteilt"]
            _close_panel(desktop, launcher, panel, main)

            # ... "Zuletzt bearbeitet…": Enter opens the first document in the web office.
            desktop.xdotool("key", "Menu", "Down", "Down", "Return")
            opened = launcher.wait_for("waiting.files_panel", timeout=WAIT_S)
            assert opened["page"] == 0, opened
            _activate_panel(desktop, launcher, files_name)
            _shot(desktop, "more-4-recent-documents")
            desktop.xdotool("key", "Return")
            launcher.wait_for("waiting.document", timeout=WAIT_S)
            visits = Path(env["FAKE_BROWSER_VISITS"])
            assert poll_until(lambda: visits.exists() and f"/index.php/f/{document}" in
                              visits.read_text(encoding="utf-8"), WAIT_S)

            # The window's search finds documents too.
            _press(desktop, launcher, "ctrl+f")
            desktop.xdotool("type", "--delay", "40", "Protokoll")
            _shot(desktop, "more-5-search")
        assert not launcher.problems, launcher.problems
    finally:
        subprocess.run([sys.executable, "-m", "workplace", "logout"], cwd=ROOT, env=env,
                       capture_output=True, timeout=120, check=False)
