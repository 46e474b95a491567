# SPDX-License-Identifier: EUPL-1.2
"""Chat, files and the portal in the running window (real windows, offscreen; the real
sign-in at the test provider with the fake browser):

- the chat tile's count and mention marker from a REAL Synapse (its JWT login takes
  the launcher's own token; tests/stack/synapse.py), and the strip's "sign in to chat"
  bringing the count back;
- the files tile's count, panel, two-way dismissal and recent documents, against a
  STAND-IN for Nextcloud (tests/stack/nextcloud_standin.py: Nextcloud cannot run here;
  it answers like its OCS notifications API and WebDAV SEARCH and checks the bearer
  token's audience as user_oidc does);
- the portal's announcement as a banner, against a STAND-IN for the Nubus portal's
  notifications API (tests/stack/portal_standin.py, same reason).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from demo_services import DemoServices
from nextcloud_standin import NextcloudStandIn
from portal_standin import PortalStandIn
from provider import TestProvider
from PySide6.QtCore import Qt
from synapse import ERIKA, TestSynapse
from synapse import installed as synapse_installed

from tests.gui.conftest import GuiFactory
from tests.gui.test_signin import Visits, fake_browser, sign_in_by_click  # noqa: F401
from workplace.integrations.model import Availability, Reading
from workplace.integrations.notices import Batch, NoticeKind
from workplace.ui.filespanel import FilesPanel
from workplace.ui.tilemodel import Role

pytestmark = pytest.mark.integration

WAIT_MS = 30_000


@pytest.fixture
def demo(provider: TestProvider, tmp_path: Path) -> Iterator[DemoServices]:
    services = DemoServices(tmp_path / "demo", fixed_ports=False, issuer=provider.issuer)
    services.start()
    try:
        yield services
    finally:
        services.close()


@pytest.fixture
def nextcloud(provider: TestProvider) -> Iterator[NextcloudStandIn]:
    with NextcloudStandIn(provider.issuer) as running:
        yield running


@pytest.fixture
def nubus(provider: TestProvider) -> Iterator[PortalStandIn]:
    running = PortalStandIn(provider.issuer).start()
    try:
        yield running
    finally:
        running.close()


def window_for(make_gui: GuiFactory, demo: DemoServices, tmp_path: Path, qtbot: Any,
               secret_service: Any, integrations: dict[str, Any],
               urls: dict[str, str]) -> Any:
    """The demo tenant with ``integrations`` added and the catalog's ``urls`` replaced
    (the files tile is the Nextcloud the documents open in), signed in."""
    from workplace.auth.keyring_store import SERVICE, KeyringStore

    store = KeyringStore(secret_service, service=SERVICE)
    store.delete(f"arbeitsplatz@{demo.issuer}")
    tenant = demo.tenant(demo.issuer)
    tenant["integrations"] = {**tenant["integrations"], **integrations}
    manifest = demo.manifest()  # the catalog in the tenant: no catalog round needed here
    for item in manifest["services"]:
        item["url"] = urls.get(item["id"], item["url"])
    tenant.update(services=manifest["services"], categories=manifest["categories"])
    path = tmp_path / "tenant.json"
    path.write_text(json.dumps(tenant), encoding="utf-8")
    gui = make_gui(path, synchronous=False, auth=True)
    sign_in_by_click(qtbot, gui)
    return gui


def reading(gui: Any, name: str) -> Reading | None:
    found: Reading | None = gui.waiting.controller.readings.get(name)
    return found


def tile(gui: Any, service_id: str) -> Any:
    return gui.window.model.find(service_id)


def accessible(gui: Any, service_id: str) -> str:
    return str(tile(gui, service_id).data(Qt.ItemDataRole.AccessibleTextRole))


# -- chat, with a real Synapse ---------------------------------------------------------


@pytest.fixture
def synapse(provider: TestProvider) -> Iterator[TestSynapse]:
    if not synapse_installed():
        pytest.fail("Synapse is not installed: the test set-up installs it "
                    "(tests/stack/synapse.py --install)")
    with TestSynapse(provider.issuer, jwt=True) as running:
        yield running


def test_the_chat_tile_counts_rooms_marks_mentions_and_signs_in_again(
    make_gui: GuiFactory, demo: DemoServices, synapse: TestSynapse, tmp_path: Path,
    qtbot: Any, secret_service: Any, fake_browser: Visits,  # noqa: F811
) -> None:
    chat = {"chat": {"enabled": True, "homeserver_url": synapse.url, "login": "jwt",
                     "audience": "opendesk-matrix", "scopes": ["matrix"],
                     "minutes_office": 1, "minutes_home": 1}}
    gui = window_for(make_gui, demo, tmp_path, qtbot, secret_service, chat, {})
    controller = gui.waiting.controller
    qtbot.waitUntil(lambda: (r := reading(gui, "chat")) is not None
                    and r.availability == Availability.OK, timeout=WAIT_MS)
    assert tile(gui, "chat").data(Role.BADGE) == ""  # Erika's first sign-in: nothing yet
    room = synapse.room_with_erika("Bürgeramt")  # Max's room, Erika joined
    chat = controller.integrations._chat
    # The invitation counts as waiting until it is joined (then nothing is unread).
    qtbot.waitUntil(lambda: room in chat.unread.rooms and chat.unread.counts() == (0, 0),
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tile(gui, "chat").data(Role.BADGE) == "", timeout=WAIT_MS)
    told: list[Any] = []
    controller.notice.connect(lambda n: told.append(n) if n.kind == NoticeKind.CHAT else None)

    synapse.say(room, "Die Akte liegt bereit.")
    qtbot.waitUntil(lambda: tile(gui, "chat").data(Role.BADGE) == "1", timeout=WAIT_MS)
    assert [(n.count, n.mentions) for n in told] == [(1, 0)]
    assert accessible(gui, "chat") == "Chat, 1 room with unread messages"
    synapse.say(room, "Noch eine Frage")  # the same room: still one
    synapse.say(room, "Bitte einmal ansehen", mention=ERIKA)
    # Still one room, now with a mention: "@" in front of the count, and in words.
    qtbot.waitUntil(lambda: tile(gui, "chat").data(Role.BADGE) == "@1", timeout=WAIT_MS)
    assert accessible(gui, "chat") == "Chat, 1 room with unread messages, 1 mention"
    assert told[-1].mentions == 1
    _title, body = gui.waiting.notifier.texts(Batch((told[-1],)))
    assert body == "1 new mention" and "ansehen" not in body  # counts, never the message

    # The chat was refused twice (its tile says so): the strip offers the sign-in, and
    # the click brings the count back; the other tiles go on.
    controller._apply(Reading("chat", "chat", Availability.SIGN_IN_AGAIN))
    gui.waiting._show()
    strip = gui.window.next_meeting
    assert strip is not None and strip.sign_in.isVisible()
    assert tile(gui, "chat").data(Role.WAITING_PROBLEM) == "Please sign in again"
    assert tile(gui, "mail").data(Role.WAITING_PROBLEM) == ""
    assert [text for text, _ in gui.waiting.tile_actions("chat")] == ["Sign in to chat again…"]
    qtbot.mouseClick(strip.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (r := reading(gui, "chat")) is not None
                    and r.availability == Availability.OK, timeout=WAIT_MS)
    assert tile(gui, "chat").data(Role.BADGE) == "@1"
    assert strip.sign_in.isHidden()


# -- files, against the Nextcloud stand-in ---------------------------------------------


def files_config(nextcloud: NextcloudStandIn) -> dict[str, Any]:
    return {"files": {"enabled": True, "base_url": nextcloud.base_url,
                      "audience": "opendesk-nextcloud", "scopes": ["nextcloud"],
                      "minutes_office": 1, "minutes_home": 1}}


def test_file_notifications_are_dismissed_on_the_server_and_documents_open(
    make_gui: GuiFactory, demo: DemoServices, nextcloud: NextcloudStandIn, tmp_path: Path,
    qtbot: Any, secret_service: Any, fake_browser: Visits,  # noqa: F811
) -> None:
    first = nextcloud.notify("Max hat „Haushalt 2025.odt“ mit Ihnen geteilt")
    nextcloud.notify("Kommentar zu „Protokoll.odt“", app="comments")
    now = time.time()
    nextcloud.add_file("/Projekte/Haushalt 2025.odt", now - 600)
    nextcloud.add_file("/Protokoll Mai.odt", now - 7200)
    gui = window_for(make_gui, demo, tmp_path, qtbot, secret_service, files_config(nextcloud),
                     {"files": nextcloud.base_url + "/"})
    controller = gui.waiting.controller
    qtbot.waitUntil(lambda: tile(gui, "files").data(Role.BADGE) == "2", timeout=WAIT_MS)
    assert accessible(gui, "files") == "Files, 2 notifications"

    # A new one on the server: a desktop notification with a count, not its words.
    nextcloud.notify("Neue Freigabe „Geheim.odt“")
    with qtbot.waitSignal(controller.notice, timeout=WAIT_MS,
                          check_params_cb=lambda n: n.kind == NoticeKind.FILES) as told:
        controller.refresh_now()
    title, body = gui.waiting.notifier.texts(
        Batch(told.args))
    assert body == "1 new file notification" and "Geheim" not in title + body
    qtbot.waitUntil(lambda: tile(gui, "files").data(Role.BADGE) == "3", timeout=WAIT_MS)

    # The tile's menu opens the panel on the notifications; Delete dismisses the current
    # one here and on the server, and the badge drops.
    actions = dict(gui.waiting.tile_actions("files"))
    assert list(actions) == ["Recently edited…", "Notifications…"]
    actions["Notifications…"]()
    panel = gui.waiting.files_panel
    assert isinstance(panel, FilesPanel) and panel.tabs.currentIndex() == FilesPanel.NOTICES
    qtbot.waitUntil(lambda: panel.notices.hasFocus(), timeout=WAIT_MS)
    assert panel.notices.count() == 3
    oldest = panel.notices.item(2)
    panel.notices.setCurrentItem(oldest)
    assert oldest.text().startswith("Max hat „Haushalt 2025.odt“")  # in the window: words
    with qtbot.waitSignal(controller.dismissed, timeout=WAIT_MS) as dismissed:
        qtbot.keyClick(panel.notices, Qt.Key.Key_Delete)
    assert dismissed.args == ["files", str(first), True]
    assert first not in nextcloud.state.notifications  # gone for every Nextcloud client
    assert tile(gui, "files").data(Role.BADGE) == "2"
    checks = controller.checks
    controller.refresh_now()
    qtbot.waitUntil(lambda: controller.checks > checks, timeout=WAIT_MS)
    assert tile(gui, "files").data(Role.BADGE) == "2"  # it does not come back

    # "Zuletzt bearbeitet": newest first; Enter opens the document in the files service.
    panel.show_page(FilesPanel.DOCUMENTS)
    qtbot.waitUntil(lambda: panel.documents.count() == 2, timeout=WAIT_MS)
    assert panel.documents.item(0).text().startswith("Haushalt 2025.odt · in /Projekte · ")
    assert panel.documents.currentRow() == 0 and panel.documents.hasFocus()
    opened = len(fake_browser())
    qtbot.keyClick(panel.documents, Qt.Key.Key_Return)
    url = next(d.open_url for d in reading(gui, "files").documents  # type: ignore[union-attr]
               if d.name == "Haushalt 2025.odt")
    assert url.startswith(nextcloud.base_url + "/index.php/f/")  # the files service's own
    expected = urlsplit(url).path  # what the fake browser visited (on the stand-in)
    qtbot.waitUntil(lambda: expected in fake_browser()[opened:], timeout=WAIT_MS)
    assert gui.waiting.files_panel is None  # it closed on opening

    # The window's search finds documents too (by name, below the services); Enter
    # opens one. No star, no menu: it is not a service.
    window = gui.window
    window.header.search.setText("protokoll")
    index = window.model.find("doc:/Protokoll Mai.odt")
    assert index.isValid() and index.data(Role.DOCUMENT) is not None
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == \
        "Protokoll Mai.odt, recently edited document"
    assert index.data(Role.FAVOURITE) is False and index.data(Role.BADGE) == ""
    assert not window.model.find("doc:/Projekte/Haushalt 2025.odt").isValid()
    expected = urlsplit(next(d.open_url for d in reading(gui, "files").documents  # type: ignore[union-attr]
                             if d.name == "Protokoll Mai.odt")).path
    opened = len(fake_browser())
    window.view.setCurrentIndex(index)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: expected in fake_browser()[opened:], timeout=WAIT_MS)
    window.header.search.clear()


# -- portal announcements, against the Nubus stand-in -------------------------------------


def test_a_portal_announcement_is_a_banner_that_can_be_hidden(
    make_gui: GuiFactory, demo: DemoServices, nubus: PortalStandIn, tmp_path: Path,
    qtbot: Any, secret_service: Any, fake_browser: Visits,  # noqa: F811
) -> None:
    nubus.announce("Wartung am Samstag", "Die E-Mail ist von 8 bis 12 Uhr nicht erreichbar.")
    portal = {"portal": {"enabled": True, "api_url": nubus.api_url, "event_stream": False,
                         "audience": "opendesk-portal", "scopes": ["portal"],
                         "minutes_office": 1, "minutes_home": 1}}
    gui = window_for(make_gui, demo, tmp_path, qtbot, secret_service, portal, {})
    banner = gui.window.banners.portal
    qtbot.waitUntil(lambda: not banner.isHidden(), timeout=WAIT_MS)
    assert banner.title == "Wartung am Samstag"
    assert "8 bis 12 Uhr" in banner.text
    assert banner.property("tone") == "warning"
    assert banner.accessibleName() == "Wartung am Samstag"

    # A new one while running: a notification that counts it (no previews by default).
    controller = gui.waiting.controller
    nubus.announce("Neue Version des Portals", severity="info")
    with qtbot.waitSignal(controller.notice, timeout=WAIT_MS,
                          check_params_cb=lambda n: n.kind == NoticeKind.ANNOUNCEMENT) as told:
        controller.refresh_now()
    _title, body = gui.waiting.notifier.texts(
        Batch(told.args))
    assert body == "1 new announcement"

    # Closing the banner hides the announcement on the server; the next one follows.
    shown = banner.title
    with qtbot.waitSignal(controller.dismissed, timeout=WAIT_MS) as dismissed:
        banner._close.click()
    assert dismissed.args[2] is True
    qtbot.waitUntil(lambda: not banner.isHidden() and banner.title != shown, timeout=WAIT_MS)
    hidden = [item for item in nubus.state.notifications.values() if not item["popup"]]
    assert [item["title"] for item in hidden] == [shown]
