# SPDX-License-Identifier: EUPL-1.2
"""What ``make run`` shows, with the same demo services and catalog (tests/stack/
demo_services.py) and the real window, its status probes and catalog refresh on
worker threads:

- stopping one demo service turns its tile "unreachable" at the next status round;
- editing the demo manifest changes the catalog at the next refresh (F5 does both);
- with the manifest server gone, a new start shows the cached catalog.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from tests.gui.conftest import GuiFactory
from tests.stack.demo_services import DemoServices
from workplace.ui.tilemodel import Role

WAIT_MS = 30_000


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[DemoServices]:
    services = DemoServices(tmp_path / "demo", fixed_ports=False).start()
    yield services
    services.close()


def status_of(gui: Any, service_id: str) -> Any:
    index = gui.window.model.find(service_id)
    return index.data(Role.STATUS) if index.isValid() else None


def press_f5(gui: Any, qtbot: Any) -> int:
    """F5 in the window, as a user would; returns the round count before it."""
    before = gui.status.rounds
    gui.window.activateWindow()
    qtbot.waitUntil(gui.window.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(gui.window, Qt.Key.Key_F5)
    return int(before)


def test_the_demo_organisation_as_make_run_shows_it(
    make_gui: GuiFactory, qtbot: Any, demo: DemoServices, tmp_path: Path
) -> None:
    config = tmp_path / "demo-tenant.json"
    tenant = demo.tenant()
    # Slowness is not the point: a stall cannot turn "available" into "slow" here.
    tenant["network"] = {**tenant.get("network", {}), "slow_threshold_ms": 60_000,
                         "probe_budget_seconds": 60}
    config.write_text(json.dumps(tenant), encoding="utf-8")
    gui = make_gui(config, status=True, synchronous=False)
    assert QKeySequence(Qt.Key.Key_F5).matches(QKeySequence(QKeySequence.StandardKey.Refresh))

    # The central catalog arrives right after the first paint (no cached copy yet).
    qtbot.waitUntil(lambda: gui.window.model.find("mail").isValid(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: status_of(gui, "mail") == "available", timeout=WAIT_MS)
    assert status_of(gui, "video") == "available"

    # Stop one demo service: F5 (or the next round) shows it unreachable; the rest stay.
    demo.control("mail", "stop")
    before = press_f5(gui, qtbot)
    qtbot.waitUntil(lambda: gui.status.rounds > before, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: status_of(gui, "mail") == "unreachable", timeout=WAIT_MS)
    assert status_of(gui, "calendar") == "available"
    demo.control("mail", "start")
    before = press_f5(gui, qtbot)
    qtbot.waitUntil(lambda: status_of(gui, "mail") == "available", timeout=WAIT_MS)

    # Edit the demo manifest: F5 fetches it, the new tile appears.
    manifest = json.loads(demo.manifest_file.read_text(encoding="utf-8"))
    manifest["version"] += 1
    manifest["services"].append({
        "id": "tickets", "name": {"de": "Tickets", "en": "Tickets"},
        "category": "organisation", "url": demo.services["wiki"].url,
    })
    demo.manifest_file.write_text(json.dumps(manifest), encoding="utf-8")
    press_f5(gui, qtbot)
    qtbot.waitUntil(lambda: gui.window.model.find("tickets").isValid(), timeout=WAIT_MS)

    # The manifest server goes away: the next start shows the cached catalog at once.
    demo.control("catalog", "stop")
    gui.status.dispose()  # the first window goes quiet; the fixture closes it
    again = make_gui(config, status=True, synchronous=False)
    assert again.window.model.find("tickets").isValid()  # before any network
    assert again.window.model.find("mail").isValid()
    press_f5(again, qtbot)
    qtbot.waitUntil(lambda: not again.window.banners.catalog.isHidden(), timeout=WAIT_MS)
    assert again.window.model.find("tickets").isValid()  # the failure keeps the copy


def test_the_first_start_says_the_services_are_loading_then_why_not(
    make_gui: GuiFactory, qtbot: Any, tmp_path: Path
) -> None:
    """No cached catalog yet: not "IT has configured no services", but "loading", and
    when the central list cannot be fetched, that it could not be loaded yet."""
    demo = DemoServices(tmp_path / "demo", catalog=False, fixed_ports=False).start()
    try:
        config = tmp_path / "demo-tenant.json"
        config.write_text(json.dumps(demo.tenant()), encoding="utf-8")
        quiet = make_gui(config)  # no status controller: no fetch is ever tried
        assert quiet.window.stack.currentWidget() is quiet.window.empty
        assert quiet.window.empty.title.text() == "Loading your organisation's services …"
        quiet.window.hide()

        gui = make_gui(config, status=True, synchronous=False)
        qtbot.waitUntil(
            lambda: gui.window.empty.title.text() == "The services could not be loaded yet",
            timeout=WAIT_MS)
        assert "press F5" in gui.window.empty.accessibleDescription()
        assert not gui.window.banners.catalog.isHidden()
    finally:
        demo.close()
