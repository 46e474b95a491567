# SPDX-License-Identifier: EUPL-1.2
"""Service icons given as URLs: downloaded after the first paint, shown on the tile;
nothing downloaded while the data saver is on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from tests.gui.conftest import GuiFactory, write_preferences
from tests.gui.test_status import index_of, service, tenant, wait_round
from tests.support.servers import LoopbackServer, Route
from tests.unit.test_icon_cache import SVG, tiny_png
from workplace.ui.tilemodel import Role

WAIT_MS = 15_000



@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    srv = LoopbackServer()
    srv.routes["/ok"] = Route(200, b"<html>")
    srv.routes["/logo.svg"] = Route(200, SVG, {"Content-Type": "image/svg+xml"})
    srv.routes["/logo.png"] = Route(200, tiny_png(b"\x00\x80\x00"), {"Content-Type": "image/png"})
    srv.routes["/broken.png"] = Route(200, b"\x89PNG\r\n\x1a\nnot really", {
        "Content-Type": "image/png"})
    yield srv
    srv.close()


def config_with_icons(tmp_path: Path, server: LoopbackServer) -> Path:
    return tenant(
        tmp_path,
        service("mail", server.url("/ok"), icon=server.url("/logo.svg")),
        service("chat", server.url("/ok"), icon=server.url("/logo.png")),
        service("wiki", server.url("/ok"), icon=server.url("/broken.png")),
        service("files", server.url("/ok"), icon="files"),
    )


def icon_paths(server: LoopbackServer) -> list[str]:
    return [path for _method, path in server.seen if path.endswith((".svg", ".png"))]


def test_downloaded_icons_replace_the_generic_one(
    make_gui: GuiFactory, qtbot: Any, server: LoopbackServer, tmp_path: Path
) -> None:
    gui = make_gui(config_with_icons(tmp_path, server), status=True)
    mail = index_of(gui, "mail")
    assert mail.data(Role.ICON_IMAGE) is None  # first paint: nothing on disk yet
    assert mail.data(Role.ICON_NAME) == "generic"

    qtbot.waitUntil(lambda: gui.status.icon_fetches >= 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: index_of(gui, "mail").data(Role.ICON_IMAGE) is not None,
                    timeout=WAIT_MS)
    svg = index_of(gui, "mail").data(Role.ICON_IMAGE)
    assert isinstance(svg, QImage) and not svg.isNull()
    assert svg.pixelColor(svg.width() // 2, svg.height() // 2) == QColor("#cc0000")
    png = index_of(gui, "chat").data(Role.ICON_IMAGE)
    assert isinstance(png, QImage) and png.pixelColor(0, 0) == QColor(0, 0x80, 0)
    # Undecodable: the generic icon stays; a bundled name never asks the network.
    assert index_of(gui, "wiki").data(Role.ICON_IMAGE) is None
    assert index_of(gui, "files").data(Role.ICON_IMAGE) is None
    assert sorted(icon_paths(server)) == ["/broken.png", "/logo.png", "/logo.svg"]
    gui.window.view.viewport().repaint()  # the delegate paints the downloaded icons

    # A second window (a new start) paints the cached copies with no download.
    server.seen.clear()
    gui.dispose()
    again = make_gui(config_with_icons(tmp_path, server), status=False)
    assert index_of(again, "mail").data(Role.ICON_IMAGE) is not None
    assert icon_paths(server) == []


def test_data_saver_downloads_no_icons(
    make_gui: GuiFactory, qtbot: Any, server: LoopbackServer, tmp_path: Path,
    isolated_xdg: Any,
) -> None:
    write_preferences(isolated_xdg, 'low_bandwidth = "on"\n')
    gui = make_gui(config_with_icons(tmp_path, server), status=True)
    wait_round(gui, qtbot)
    assert gui.status.policy is not None and not gui.status.policy.download_icons
    assert gui.status.icon_fetches == 0
    assert icon_paths(server) == []
    assert index_of(gui, "mail").data(Role.ICON_IMAGE) is None
