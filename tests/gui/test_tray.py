# SPDX-License-Identifier: EUPL-1.2
"""The tray: its menu (favourites, open, quit), its summary line, and the status
notifications the window sends through it.

The Tray object is real; only its *display* needs a desktop with a tray, which an
offscreen test has not. For the notifications, RecordingTray is a FAKE standing in for
the tray on such a desktop: it records what would be shown instead of showing it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSystemTrayIcon

from tests.gui.conftest import GuiFactory, write_preferences
from tests.stack.demo_services import DemoServices
from workplace.config.schema import Service
from workplace.ui.tray import Tray

WAIT_MS = 30_000


def test_the_tray_menu_offers_the_favourites_the_window_and_quit(qtbot: Any) -> None:
    tray = Tray()
    tray.set_favourites([
        Service(id="mail", name={"de": "E-Mail", "en": "Mail"}, url="https://mail.example/"),
        Service(id="files", name={"de": "Dateien", "en": "Files"}, url="https://f.example/"),
    ], "de")
    menu = tray._menu
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Open window", "Favourites", "E-Mail", "Dateien", "Do not disturb", "Quit"]
    assert not menu.actions()[2].isEnabled()  # the heading

    with qtbot.waitSignal(tray.launch_requested) as launched:
        next(a for a in menu.actions() if a.text() == "Dateien").trigger()
    assert launched.args == ["files"]
    with qtbot.waitSignal(tray.open_window):
        menu.actions()[0].trigger()
    with qtbot.waitSignal(tray.quit_requested):
        menu.actions()[-1].trigger()
    with qtbot.waitSignal(tray.open_window):  # a click on the icon itself
        tray._on_icon_activated(QSystemTrayIcon.ActivationReason.Trigger)

    tray.set_summary("8 von 10 Diensten erreichbar")
    assert tray.tooltip == "Arbeitsplatz\n8 von 10 Diensten erreichbar"
    tray.set_favourites([], "de")
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "Open window", "Do not disturb", "Quit"]

    # Do not disturb: a switch; IT's lock greys it out.
    quiet = next(a for a in menu.actions() if a.text() == "Do not disturb")
    assert quiet.isCheckable() and not quiet.isChecked()
    with qtbot.waitSignal(tray.do_not_disturb_toggled) as toggled:
        quiet.trigger()
    assert toggled.args == [True]
    tray.set_do_not_disturb(False, locked=True)
    assert not quiet.isChecked() and not quiet.isEnabled()

    # The unread total: in the tooltip (and on the icon), above the status line.
    tray.set_unread(3)
    from workplace.ui.waitingtext import unread_mail

    assert unread_mail(3).startswith("3 unread e-mail")  # no translator here: the source
    assert tray.tooltip == f"Arbeitsplatz\n{unread_mail(3)}\n8 von 10 Diensten erreichbar"
    tray.set_unread(0)
    assert tray.tooltip == "Arbeitsplatz\n8 von 10 Diensten erreichbar"
    tray.dispose()


class RecordingTray(QObject):
    """A FAKE of the tray on a desktop that has one: records summaries and notices."""

    def __init__(self) -> None:
        super().__init__()
        self.summaries: list[str] = []
        self.notices: list[tuple[str, str]] = []

    def set_summary(self, line: str) -> None:
        self.summaries.append(line)

    def notify(self, title: str, text: str) -> None:
        self.notices.append((title, text))

    def set_favourites(self, *args: object) -> None:
        pass

    def dispose(self) -> None:
        pass


def test_a_service_going_down_and_back_is_notified(
    make_gui: GuiFactory, qtbot: Any, tmp_path: Path, isolated_xdg: dict[str, Path]
) -> None:
    demo = DemoServices(tmp_path / "demo", fixed_ports=False).start()
    try:
        config = tmp_path / "tenant.json"
        config.write_text(json.dumps(demo.tenant()), encoding="utf-8")
        write_preferences(isolated_xdg, 'language = "en"\nnotifications = true\n')
        gui = make_gui(config, status=True, synchronous=False)
        # What is waiting and its notifications are built without a tray (as make_gui's
        # Gui has none): the stand-in only records the status summary and notices.
        assert gui.waiting.notifier is not None
        tray = RecordingTray()
        gui.tray = tray
        qtbot.waitUntil(lambda: gui.summary == "10 of 10 services available", timeout=WAIT_MS)
        assert tray.notices == []  # the first round is no change

        demo.control("mail", "stop")
        gui.window.refresh_now()
        qtbot.waitUntil(lambda: tray.notices != [], timeout=WAIT_MS)
        assert tray.notices == [("9 of 10 services available", "Mail is now unreachable")]

        demo.control("mail", "start")
        gui.window.refresh_now()
        qtbot.waitUntil(lambda: len(tray.notices) == 2, timeout=WAIT_MS)
        assert tray.notices[1][1] == "Mail is now available"
        assert tray.summaries[-1] == "10 of 10 services available"
    finally:
        demo.close()


# Offscreen, the icon's show() looks for a platform tray window that is not there.
@pytest.mark.qt_log_ignore(
    r"No such signal QPlatformNativeInterface::systemTrayWindowChanged")
def test_the_tray_icon_comes_right_after_the_first_paint(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, isolated_xdg: dict[str, Path]
) -> None:
    """Issue 15: asking the desktop for its tray and building the icon and its menu wait
    until the window's first frame is drawn; from then on, closing the window keeps the
    launcher in the tray. The desktop's answer "there is a tray" is a stand-in (offscreen
    has none); the Tray and its QSystemTrayIcon are real."""
    from workplace.app import Workplace, no_auth
    from workplace.ui import tray as tray_module
    from workplace.ui.gui import Gui, create_app
    from workplace.ui.jobs import Jobs
    from workplace.ui.netwatch import NetworkWatch, OsNetwork

    write_preferences(isolated_xdg, 'language = "en"\nfavourites = ["mail"]\n')
    monkeypatch.setattr(tray_module, "tray_available", lambda: True)
    workplace = Workplace.build()
    workplace.auth_factory = no_auth
    watch = NetworkWatch(use_os=False)
    watch.forced = OsNetwork("online")
    gui = Gui(create_app(), workplace, jobs=Jobs(synchronous=True), use_tray=True,
              save_state=False, status=False, watch=watch)
    qtbot.addWidget(gui.window)
    try:
        assert gui.tray is None and not gui.window.tray_available
        gui.show()
        qtbot.waitUntil(lambda: gui.tray is not None)
        assert gui.window.tray_available
        entries = [action.text() for action in gui.tray._menu.actions()]
        assert entries[0] == "Open window" and "Mail" in entries and entries[-1] == "Quit"
        with qtbot.assertNotEmitted(gui.window.quit_requested):
            gui.window.close()
        assert gui.window.isHidden()  # closed to the tray, still running
        with qtbot.waitSignal(gui.tray.open_window):
            gui.tray._on_icon_activated(QSystemTrayIcon.ActivationReason.Trigger)
        assert gui.window.isVisible()
    finally:
        gui.dispose()
