# SPDX-License-Identifier: EUPL-1.2
"""What is waiting, as the window shows it (real windows, offscreen): the count on the
mail tile and what a screen reader reads of it, the "Als Nächstes" strip in the Tab
order, "sign in again" on one tile only, the Notifications settings page, and the
application-password dialog of a CalDAV calendar against a REAL Radicale (its Basic
auth takes the application password; tests/stack/radicale_server.py).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.gui.conftest import GuiFactory, write_preferences
from workplace.integrations.model import Availability, Meeting, Reading
from workplace.ui.tilemodel import WAITING_ROLES, Role
from workplace.ui.tilewaiting import TileWaiting

WAIT_MS = 30_000


def mail(unread: int | None, availability: Availability = Availability.OK) -> Reading:
    return Reading("mail", "mail", availability, unread=unread)


def accessible(gui: Any, service_id: str) -> str:
    model = gui.window.model
    return str(model.find(service_id).data(Qt.ItemDataRole.AccessibleTextRole))


def test_the_count_is_on_the_mail_tile_and_in_its_accessible_name(
    make_gui: GuiFactory, qtbot: Any, isolated_xdg: dict[str, Path]
) -> None:
    write_preferences(isolated_xdg, 'language = "de"\n')
    gui = make_gui()
    model = gui.window.model
    changed: list[tuple[int, list[int]]] = []
    model.dataChanged.connect(lambda top, _bottom, roles: changed.append((top.row(), roles)))

    model.set_waiting({"mail": TileWaiting.of([mail(3)])})
    index = model.find("mail")
    assert index.data(Role.BADGE) == "3"
    assert accessible(gui, "mail") == "E-Mail, 3 ungelesen"
    assert "3 ungelesen" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert changed == [(index.row(), WAITING_ROLES)]  # that tile, with the accessible roles
    assert accessible(gui, "calendar") == "Kalender"

    changed.clear()
    model.set_waiting({"mail": TileWaiting.of([mail(3)])})  # the same number: silent
    assert changed == []
    model.set_waiting({"mail": TileWaiting.of([mail(120)])})
    assert index.data(Role.BADGE) == "99+"
    assert accessible(gui, "mail") == "E-Mail, 120 ungelesen"

    # Not granted to this user: no badge and nothing else, no error.
    model.set_waiting({"mail": TileWaiting.of([mail(None, Availability.NOT_AVAILABLE)])})
    assert index.data(Role.BADGE) == "" and index.data(Role.WAITING_PROBLEM) == ""
    assert accessible(gui, "mail") == "E-Mail"

    # The mail server refused a fresh token: that tile says so, the others do not.
    model.set_waiting({"mail": TileWaiting.of([mail(None, Availability.SIGN_IN_AGAIN)])})
    assert index.data(Role.WAITING_PROBLEM) == "Erneut anmelden"
    assert accessible(gui, "mail") == "E-Mail, bitte erneut anmelden"
    assert "E-Mail: bitte erneut anmelden" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert all(model.find(s).data(Role.WAITING_PROBLEM) == ""
               for s in ("calendar", "chat", "files"))

    # A check that fails keeps the last count (no blinking badge).
    from workplace.integrations.runner import with_failures

    kept = with_failures(mail(None, Availability.FAILING), mail(7))
    model.set_waiting({"mail": TileWaiting.of([kept])})
    assert index.data(Role.BADGE) == "7"
    gui.window.grab().save(str(isolated_xdg["XDG_CACHE_HOME"] / "badge.png"))


def test_the_next_meeting_strip_is_named_and_in_the_tab_order(
    make_gui: GuiFactory, qtbot: Any, isolated_xdg: dict[str, Path]
) -> None:
    write_preferences(isolated_xdg, 'language = "de"\n')
    gui = make_gui()
    window = gui.window
    strip = gui.waiting.strip  # built after the first paint (issue 15), or when asked for
    assert strip is window.next_meeting and strip.isHidden()  # nothing to show yet
    start = time.time() + 5 * 60 + 30
    meeting = Meeting("Teamrunde", start, start + 1800, join_url="https://meet.example/x",
                      join_service="video", uid="a")
    strip.show_meetings((meeting,))
    assert not strip.isHidden()
    assert strip.accessibleName() == "Als Nächstes"
    assert strip.line.text() == "Als Nächstes: Teamrunde, in 6 Min."
    assert strip.join.text() == "Teilnehmen"
    assert strip.join.accessibleName() == "Teilnehmen: Teamrunde"

    # Tab: the header, the banners, the strip's Join, then the tiles.
    chain: list[QWidget] = []
    widget: QWidget = window.header.focus_chain()[-1]
    for _ in range(6):
        widget = widget.nextInFocusChain()
        while not (widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget = widget.nextInFocusChain()
        chain.append(widget)
        if widget is window.view:
            break
    assert chain[-2:] == [strip.join, window.view], chain

    with qtbot.waitSignal(strip.join_requested) as joined:
        strip.join.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(strip.join, Qt.Key.Key_Space)
    assert joined.args == [meeting]
    window.grab().save(str(isolated_xdg["XDG_CACHE_HOME"] / "strip.png"))

    # Without a link: no Join; a meeting over: the strip goes.
    strip.show_meetings((Meeting("Sprechstunde", start, start + 1800, uid="b"),))
    assert strip.join.isHidden()
    strip.show_meetings((Meeting("Vorbei", time.time() - 7200, time.time() - 3600, uid="c"),))
    assert strip.isHidden()


def test_do_not_disturb_and_quiet_hours_are_saved_and_lockable(
    make_gui: GuiFactory, qtbot: Any, isolated_xdg: dict[str, Path], tmp_path: Path
) -> None:
    from tests.gui.test_settings_network import open_settings, preferences_text

    write_preferences(isolated_xdg, 'language = "de"\n')
    gui = make_gui()
    dialog = open_settings(gui, qtbot)
    page = dialog.notify_page
    dialog.tabs.setCurrentWidget(page)
    assert page.do_not_disturb.text() == "&Nicht stören"
    page.do_not_disturb.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(page.do_not_disturb, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "do_not_disturb = true" in preferences_text(isolated_xdg))
    assert gui.waiting.notifier.quiet_now()
    assert gui.waiting.quiet.isChecked()  # the account menu's switch follows

    page.quiet.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(page.quiet, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: 'quiet_hours_start = "18:00"' in preferences_text(isolated_xdg))
    assert 'quiet_hours_end = "07:30"' in preferences_text(isolated_xdg)
    dialog.grab().save(str(isolated_xdg["XDG_CACHE_HOME"] / "settings-notifications.png"))


def test_it_can_lock_do_not_disturb(
    make_gui: GuiFactory, qtbot: Any, tmp_path: Path
) -> None:
    from tests.gui.test_settings_network import open_settings

    root = Path(__file__).resolve().parents[2]
    text = (root / "resources" / "tenants" / "musterstadt.toml").read_text(encoding="utf-8")
    tenant = tmp_path / "tenant.toml"
    tenant.write_text(text + '\n[preferences]\ndo_not_disturb = true\n\n[policy]\n'
                      'locked = ["do_not_disturb"]\n', encoding="utf-8")
    gui = make_gui(tenant)
    dialog = open_settings(gui, qtbot)
    assert dialog.notify_page.do_not_disturb.isChecked()
    assert not dialog.notify_page.do_not_disturb.isEnabled()
    assert gui.waiting.quiet.isChecked() and not gui.waiting.quiet.isEnabled()
    gui.waiting.set_do_not_disturb(False)  # the tray's switch cannot lift IT's lock
    assert gui.window.settings_store.settings.preferences.do_not_disturb
    assert gui.waiting.notifier.quiet_now()


# -- the application password, against a real Radicale --------------------------------------


@pytest.fixture
def radicale(provider: Any) -> Iterator[Any]:
    from radicale_server import TestRadicale, installed

    if not installed():
        pytest.fail("Radicale is not installed: run `make setup`")
    with TestRadicale(provider.issuer) as running:
        yield running


@pytest.mark.integration
def test_the_calendar_asks_once_for_its_application_password(
    make_gui: GuiFactory, qtbot: Any, provider: Any, radicale: Any, tmp_path: Path,
    secret_service: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fake_browser import write_launcher

    from tests.gui.test_signin import sign_in_by_click
    from workplace.auth.keyring_store import SERVICE, KeyringStore

    user = "erika.mustermann@musterstadt.example"
    radicale.set_app_password(user, "anwendungs-passwort-1")
    radicale.add_event(user, "Bauausschuss", time.time() + 3600)
    root = Path(__file__).resolve().parents[2]
    text = (root / "resources" / "tenants" / "musterstadt.toml").read_text(encoding="utf-8")
    text = text.replace(
        'issuer = "https://id.musterstadt.example/realms/opendesk"',
        f'issuer = "{provider.issuer}"\nextra_auth_params = {{ prompt = "consent" }}')
    text += ("\n[integrations.calendar]\nenabled = true\nbackend = \"caldav\"\n"
             f"caldav_url = \"{radicale.calendar_url()}\"\ncaldav_auth = \"app_password\"\n")
    tenant = tmp_path / "tenant.toml"
    tenant.write_text(text, encoding="utf-8")
    monkeypatch.setenv("BROWSER", str(write_launcher(tmp_path)))
    import webbrowser

    monkeypatch.setattr(webbrowser, "_tryorder", None)
    monkeypatch.setattr(webbrowser, "_browsers", {})
    monkeypatch.delenv("DISPLAY", raising=False)
    store = KeyringStore(secret_service, service=SERVICE)
    account = f"arbeitsplatz@{provider.issuer}"
    store.delete(account)
    try:
        gui = make_gui(tenant, synchronous=False, auth=True)
        sign_in_by_click(qtbot, gui)
        controller, strip = gui.waiting.controller, gui.window.next_meeting
        qtbot.waitUntil(lambda: "calendar" in controller.readings, timeout=WAIT_MS)
        assert controller.readings["calendar"].availability == Availability.NEEDS_PASSWORD
        assert not strip.isHidden() and not strip.password.isHidden()
        calendar = gui.window.model.find("calendar")
        assert calendar.data(Role.WAITING_PROBLEM) == "Application password needed"

        strip.password.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(strip.password, Qt.Key.Key_Space)
        dialog = gui.waiting.password_dialog
        assert dialog is not None
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(dialog.field.hasFocus)
        assert dialog.field.accessibleName() == "Application password"
        assert not dialog.save.isEnabled()
        dialog.grab().save(str(tmp_path / "app-password.png"))
        qtbot.keyClicks(dialog.field, "anwendungs-passwort-1")
        with qtbot.waitSignal(controller.password_saved, timeout=WAIT_MS):
            qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: controller.readings["calendar"].availability
                        == Availability.OK, timeout=WAIT_MS)
        assert gui.waiting.password_dialog is None
        assert strip.line.text().startswith("Next: Bauausschuss, ")
        assert strip.password.isHidden()
        assert calendar.data(Role.WAITING_PROBLEM) == ""
        names = json.dumps([c for c in controller.integrations.names()])
        assert names == '["calendar"]'
        # Signed out: the password is forgotten with the session.
        from workplace.auth.app_passwords import AppPasswords

        passwords = AppPasswords(KeyringStore(secret_service, service=SERVICE),
                                 provider.issuer, ("calendar",))
        assert passwords.load("calendar") == "anwendungs-passwort-1"
        with qtbot.waitSignal(controller.cleared, timeout=WAIT_MS):
            gui.window.header.account.trigger_sign_out()
        qtbot.waitUntil(lambda: passwords.load("calendar") is None, timeout=WAIT_MS)
    finally:
        store.delete(account)


@pytest.mark.parametrize("width", [1100, 560])
def test_the_strip_keeps_tab_in_reading_order(
    make_gui: GuiFactory, qtbot: Any, width: int
) -> None:
    """The tab-order check of the layout tests, with the strip shown (Join and the
    application-password button) between the banners and the tiles."""
    from tests.gui.test_layout_a11y import settle, show_banners, tab_through
    from tests.support.layoutcheck import (
        naming_problems,
        order_problems,
        reading_first,
        tabbable,
    )

    gui = make_gui()
    window = gui.window
    strip = gui.waiting.strip  # built after the first paint (issue 15), or when asked for
    assert strip is window.next_meeting
    show_banners(window)
    start = time.time() + 600
    strip.show_meetings((Meeting("Teamrunde mit einem recht langen Titel", start,
                                 start + 1800, join_url="https://meet.example/x", uid="a"),))
    strip.ask_for_password("calendar")
    window.resize(width, 720)
    settle(qtbot, window)
    chain = tab_through(qtbot, window, reading_first(tabbable(window)))
    assert set(chain) == set(tabbable(window)), "Tab does not reach every control"
    assert order_problems(chain) == []
    assert chain.index(strip.password) < chain.index(strip.join) < chain.index(window.view)
    assert chain.index(strip.password) > chain.index(window.banners.message.more)
    assert naming_problems(window) == []
