# SPDX-License-Identifier: EUPL-1.2
"""The files tile and the portal's announcements in the running window (real window,
offscreen; the real sign-in at the test provider).

Nextcloud and the Nubus portal cannot run on this machine: the window talks to
STAND-INS shaped exactly like their documented APIs (tests/stack/nextcloud_standin.py:
OCS notifications and WebDAV SEARCH; tests/stack/portal_standin.py: the portal's
notifications API), which accept only bearer tokens from the test provider with the
right audience. Covered: the files badge and the files panel's notifications,
dismissing one by keyboard (deleted on the stand-in, the badge drops), "Zuletzt
bearbeitet" opening a document by keyboard, the window's search finding a document
(Enter opens the document, not the files service), the portal banner and the desktop
notifications under the privacy default (counts, not content).
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from demo_services import DemoServices
from nextcloud_standin import NextcloudStandIn
from portal_standin import PortalStandIn
from provider import TestProvider
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import GuiFactory
from tests.gui.test_signin import Visits, fake_browser, sign_in_by_click  # noqa: F401
from workplace.integrations.model import Availability
from workplace.integrations.notices import NoticeKind
from workplace.ui.filespanel import ID_ROLE
from workplace.ui.tilemodel import Role

pytestmark = pytest.mark.integration

WAIT_MS = 30_000


@pytest.fixture
def stand_ins(provider: TestProvider) -> Iterator[tuple[NextcloudStandIn, PortalStandIn]]:
    with NextcloudStandIn(provider.issuer) as nextcloud, \
            PortalStandIn(provider.issuer) as portal:
        yield nextcloud, portal



def tenant(demo: DemoServices, nextcloud: NextcloudStandIn, portal: PortalStandIn
           ) -> dict[str, Any]:
    """The demo tenant; its files tile is at the Nextcloud stand-in (so a document's
    address is the files service's own), with the files and portal integrations."""
    found = demo.tenant(demo.issuer)
    manifest = demo.manifest()
    found.pop("catalog")
    found["categories"] = manifest["categories"]
    found["services"] = [
        {**s, "url": nextcloud.base_url + "/", "health_url": nextcloud.base_url + "/status.php"}
        if s["id"] == "files" else s for s in manifest["services"]]
    found["integrations"].update({
        "files": {"enabled": True, "base_url": nextcloud.base_url,
                  "audience": "opendesk-nextcloud", "scopes": ["nextcloud"]},
        "portal": {"enabled": True, "api_url": portal.api_url, "event_stream": False,
                   "audience": "opendesk-portal", "scopes": ["portal"]},
    })
    return found


@pytest.fixture
def gui(make_gui: GuiFactory, demo: DemoServices, stand_ins: Any,
        fake_browser: Visits, secret_service: Any, tmp_path: Path,  # noqa: F811
        qtbot: Any) -> Iterator[Any]:
    from workplace.auth.keyring_store import SERVICE, KeyringStore

    nextcloud, portal = stand_ins
    account = f"arbeitsplatz@{demo.issuer}"
    store = KeyringStore(secret_service, service=SERVICE)
    store.delete(account)
    path = tmp_path / "tenant.json"
    path.write_text(json.dumps(tenant(demo, nextcloud, portal)), encoding="utf-8")
    window = make_gui(path, synchronous=False, auth=True)
    sign_in_by_click(qtbot, window)
    yield window
    store.delete(account)


def files_reading(gui: Any) -> Any:
    return gui.waiting.controller.readings.get("files")


def menu(gui: Any, service_id: str) -> dict[str, Any]:
    """The tile menu's extra entries, as the Menu key shows them."""
    return dict(gui.waiting.tile_actions(service_id))


def test_dismissing_a_file_notification_deletes_it_on_the_server_and_lowers_the_badge(
    qtbot: Any, gui: Any, stand_ins: Any
) -> None:
    nextcloud, _portal = stand_ins
    first = nextcloud.notify("Max hat „Haushalt 2025.odt“ mit Ihnen geteilt")
    nextcloud.notify("Kommentar zu „Protokoll.odt“", app="comments")
    controller, waiting = gui.waiting.controller, gui.waiting
    controller.refresh_now()
    qtbot.waitUntil(lambda: getattr(files_reading(gui), "badge", None) == 2, timeout=WAIT_MS)
    index = gui.window.model.find("files")
    assert index.data(Role.BADGE) == "2"
    assert index.data(Qt.ItemDataRole.AccessibleTextRole).startswith(
        "Files, 2 notifications")

    # A new one after the first reading: one desktop notification, a count only.
    nextcloud.notify("Geheimer Vertrag.odt wurde geändert")
    with qtbot.waitSignal(waiting.notifier.shown, timeout=WAIT_MS) as shown:
        controller.refresh_now()
    batch = shown.args[0]
    assert [n.kind for n in batch.notices] == [NoticeKind.FILES]
    title, body = waiting.notifier.texts(batch)
    assert body == "1 new file notification"
    assert "Vertrag" not in title + body  # the privacy default: counts, not content
    assert files_reading(gui).badge == 3

    # The panel from the tile's menu, on its notifications page, the list focused.
    menu(gui, "files")["Notifications…"]()
    panel = waiting.files_panel
    assert panel is not None and panel.isVisible()
    assert panel.tabs.currentIndex() == panel.NOTICES
    qtbot.waitUntil(panel.notices.hasFocus, timeout=WAIT_MS)
    assert panel.notices.count() == 3
    ids = [panel.notices.item(row).data(ID_ROLE) for row in range(3)]
    panel.notices.setCurrentRow(ids.index(str(first)))
    asked_before = files_reading(gui)  # what a check asked before the deletion answers
    with qtbot.waitSignal(controller.dismissed, timeout=WAIT_MS) as done:
        qtbot.keyClick(panel.notices, Qt.Key.Key_Delete)
    assert done.args == ["files", str(first), True]
    assert first not in nextcloud.state.notifications  # two-way: gone on the server
    assert files_reading(gui).badge == 2
    # Such a check answering late (opening the panel asks for the documents; seen under
    # load) does not bring the dismissed one back, not even for a moment.
    controller._on_checked(controller._session, asked_before)
    assert files_reading(gui).badge == 2 and panel.notices.count() == 2
    assert index.data(Role.BADGE) == "2"
    assert panel.notices.count() == 2
    # The next check agrees with the server: it does not come back.
    checks = controller.checks
    controller.refresh_now()
    qtbot.waitUntil(lambda: controller.checks > checks + 2, timeout=WAIT_MS)
    assert files_reading(gui).badge == 2
    assert str(first) not in [n.id for n in files_reading(gui).notices]
    panel.reject()


def test_recent_documents_open_by_keyboard_and_the_search_finds_them(
    qtbot: Any, gui: Any, stand_ins: Any, fake_browser: Visits  # noqa: F811
) -> None:
    nextcloud, _portal = stand_ins
    now = time.time()
    ident = nextcloud.add_file("/Projekte/Haushalt 2025.odt", now - 300)
    other = nextcloud.add_file("/Protokoll Juni.odt", now - 7200)
    third = nextcloud.add_file("/Berichte/Jahresbericht.odt", now - 3 * 86400)
    controller, waiting = gui.waiting.controller, gui.waiting
    controller.refresh_now()
    qtbot.waitUntil(lambda: len(getattr(files_reading(gui), "documents", ())) == 3,
                    timeout=WAIT_MS)

    # The tile's menu opens "Zuletzt bearbeitet", newest first, the list focused.
    menu(gui, "files")["Recently edited…"]()
    panel = waiting.files_panel
    assert panel is not None and panel.isVisible()
    assert panel.tabs.currentIndex() == panel.DOCUMENTS
    qtbot.waitUntil(panel.documents.hasFocus, timeout=WAIT_MS)
    first = panel.documents.item(0)
    assert first.text() == "Haushalt 2025.odt · in /Projekte · changed 5 min ago"
    assert first.data(Qt.ItemDataRole.AccessibleTextRole) == first.text()
    assert panel.documents.item(1).text().startswith("Protokoll Juni.odt · in your files · ")

    # Enter opens it through the files service (the link router: a catalog service).
    followed: list[str] = []
    gui.links.followed.connect(followed.append)
    assert panel.documents.currentRow() == 0
    qtbot.keyClick(panel.documents, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: followed == ["service"], timeout=WAIT_MS)
    assert waiting.files_panel is None or not panel.isVisible()
    qtbot.waitUntil(lambda: any(f"/index.php/f/{ident}" in v for v in fake_browser()),
                    timeout=WAIT_MS)

    # The window's search finds it: typing part of its name shows it as a result, and
    # Enter in the search field opens the document, not the files service.
    window = gui.window
    window.activateWindow()  # back from the panel
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    search = window.header.search
    search.setFocus()
    qtbot.keyClicks(search, "protok")
    rows = [window.model.index(r, 0) for r in range(window.model.rowCount())]
    found = [i for i in rows if i.data(Role.DOCUMENT) is not None]
    assert [i.data(Qt.ItemDataRole.DisplayRole) for i in found] == ["Protokoll Juni.odt"]
    assert found[0].data(Qt.ItemDataRole.AccessibleTextRole) == \
        "Protokoll Juni.odt, recently edited document"
    followed.clear()
    visits = len(fake_browser())
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: followed == ["service"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(fake_browser()) > visits, timeout=WAIT_MS)
    assert f"/index.php/f/{other}" in fake_browser()[-1]
    # From the results by keyboard too: Down to the document row, Enter.
    search.clear()
    qtbot.keyClicks(search, "jahresb")
    qtbot.keyClick(search, Qt.Key.Key_Down)
    view = window.view
    assert view.hasFocus()
    document = view.currentIndex().data(Role.DOCUMENT)
    assert document is not None and document.name == "Jahresbericht.odt"
    followed.clear()
    visits = len(fake_browser())
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: followed == ["service"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(fake_browser()) > visits, timeout=WAIT_MS)
    assert f"/index.php/f/{third}" in fake_browser()[-1]


def test_a_portal_announcement_is_a_banner_and_one_notification(
    qtbot: Any, gui: Any, stand_ins: Any
) -> None:
    _nextcloud, portal = stand_ins
    controller, waiting = gui.waiting.controller, gui.waiting
    banner = gui.window.banners.portal
    controller.refresh_now()
    qtbot.waitUntil(lambda: "portal" in controller.readings, timeout=WAIT_MS)
    assert controller.readings["portal"].availability == Availability.OK
    assert banner.isHidden()

    said: list[str] = []
    gui.window.view.announced.connect(said.append)
    ident = portal.announce("Wartung am Samstag", "Von 8 bis 12 Uhr ist das Portal nicht "
                            "erreichbar.", severity="warning")
    with qtbot.waitSignal(waiting.notifier.shown, timeout=WAIT_MS) as shown:
        controller.refresh_now()
    assert not banner.isHidden()
    assert banner.title == "Wartung am Samstag"
    assert "Von 8 bis 12 Uhr" in banner.text
    assert banner.property("tone") == "warning"
    assert banner.accessibleName() == "Wartung am Samstag"
    batch = shown.args[0]
    assert [n.kind for n in batch.notices] == [NoticeKind.ANNOUNCEMENT]
    title, body = waiting.notifier.texts(batch)
    assert "Wartung" not in title + body  # no preview by default: a count only
    assert said and "Wartung" not in said[-1]
    settings = gui.workplace.settings
    integrations = settings.tenant.integrations.model_copy(update={"previews": True})
    previewing = settings.tenant.model_copy(update={"integrations": integrations})
    waiting.notifier._settings = lambda: dataclasses.replace(settings, tenant=previewing)
    assert "Wartung am Samstag" in "\n".join(waiting.notifier.texts(batch))

    # Closing the banner (keyboard: its close button) hides it on the portal too.
    close = banner.focus_chain()[0]
    close.setFocus()
    with qtbot.waitSignal(controller.dismissed, timeout=WAIT_MS) as done:
        qtbot.keyClick(close, Qt.Key.Key_Space)
    assert done.args == ["portal", ident, True]
    assert portal.state.notifications[ident]["popup"] is False
    assert banner.isHidden()
    checks = controller.checks
    controller.refresh_now()
    qtbot.waitUntil(lambda: controller.checks > checks + 2, timeout=WAIT_MS)
    assert banner.isHidden()  # it does not come back


def test_a_found_document_says_where_it_is_and_when_it_changed_in_one_sentence(
    make_gui: GuiFactory, isolated_xdg: dict[str, Path]
) -> None:
    """German abbreviations end with a period ("vor 3 Std."): the sentence has one."""
    from tests.gui.conftest import write_preferences
    from workplace.integrations.model import Document

    write_preferences(isolated_xdg, 'language = "de"\n')
    gui = make_gui()
    model = gui.window.model
    document = Document("Protokoll Juni.odt", "/Protokolle/Protokoll Juni.odt",
                        time.time() - 3 * 3600 - 60, "https://files.example.org/f/1")
    top = Document("Protokoll Mai.odt", "/Protokoll Mai.odt", time.time() - 3 * 3600 - 60,
                   "https://files.example.org/f/2")
    model.set_documents("files", [document, top])
    model.set_query("protokoll")
    found = [model.index(r, 0) for r in range(model.rowCount())
             if model.index(r, 0).data(Role.DOCUMENT) is not None]
    # A file at the top says so in words, not with a bare "/".
    assert [i.data(Role.DESCRIPTION) for i in found] == [
        "In /Protokolle, geändert vor 3 Std. Öffnet in Dateien.",
        "In Ihren Dateien, geändert vor 3 Std. Öffnet in Dateien."]


def test_the_focus_ring_of_a_panel_row_goes_around_the_row_not_through_its_text(
    make_gui: GuiFactory, isolated_xdg: dict[str, Path]
) -> None:
    """The panel's rows are padded (stylesheet); Qt asks for the focus ring around the
    text only, which in high contrast crossed the letters. It rings the row."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QListWidget, QStyle, QStyleOptionFocusRect

    from tests.gui.conftest import write_preferences

    write_preferences(isolated_xdg, "high_contrast = true\n")
    gui = make_gui()
    style = QApplication.style()
    listed = QListWidget(gui.window)
    listed.setObjectName("panelList")
    image = QImage(200, 60, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    option = QStyleOptionFocusRect()
    option.rect = QRect(40, 20, 100, 16)  # the text's rectangle inside a padded row
    painter = QPainter(image)
    style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, listed)
    painter.end()
    white = QColor("white").rgb()
    assert image.pixel(90, 16) != white  # the ring, above the text
    assert image.pixel(90, 21) == white  # the text's first line of pixels stays clear
    assert image.pixel(41, 28) == white
