# SPDX-License-Identifier: EUPL-1.2
"""The settings dialog: per-profile values saved, IT locks read-only, proxy validated by the
schema, start at login written to the (isolated) XDG autostart directory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.gui.conftest import GuiFactory
from workplace.ui.settingsdialog import SettingsDialog

LOCKED = """
[organisation]
name = { de = "Testamt", en = "Test office" }
[[services]]
id = "mail"
name = "Mail"
url = "https://mail.example.org/"
[preferences]
proxy_mode = "pac"
proxy_pac_url = "https://proxy.example.org/proxy.pac"
status_minutes_office = 2
[policy]
locked = ["proxy_mode", "proxy_pac_url", "status_minutes_office"]
reason = { de = "Vorgabe des ITZ", en = "Set by the IT centre" }
"""


def open_settings(gui: Any, qtbot: Any) -> SettingsDialog:
    gui.window.show_settings()
    dialog = gui.window.dialogs.settings
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def preferences_text(isolated_xdg: dict[str, Path]) -> str:
    path = isolated_xdg["XDG_CONFIG_HOME"] / "workplace" / "preferences.toml"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def type_into(qtbot: Any, widget: Any, text: str) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_per_profile_values_are_saved(
    make_gui: GuiFactory, qtbot: Any, isolated_xdg: dict[str, Path]
) -> None:
    gui = make_gui()
    dialog = open_settings(gui, qtbot)
    dialog.tabs.setCurrentWidget(dialog.connection_page)
    home = dialog.intervals["status_minutes_home"]
    assert home.value() == 10 and home.accessibleName() == "Check the services in the home office"
    assert dialog._labels["status_minutes_home"].buddy() is home
    home.setFocus(Qt.FocusReason.TabFocusReason)
    home.selectAll()
    qtbot.keyClicks(home, "25")
    qtbot.keyClick(home, Qt.Key.Key_Return)  # Enter (or leaving the field) saves it
    qtbot.waitUntil(lambda: gui.workplace.settings.preferences.status_minutes_home == 25)
    assert dialog.isVisible()

    dialog.low_bandwidth.setCurrentIndex(dialog.low_bandwidth.findData("on"))
    qtbot.waitUntil(lambda: gui.workplace.settings.preferences.low_bandwidth == "on")
    qtbot.mouseClick(dialog.notifications_metered, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gui.workplace.settings.preferences.notifications_metered)
    text = preferences_text(isolated_xdg)
    assert "status_minutes_home = 25" in text
    assert 'low_bandwidth = "on"' in text and "notifications_metered = true" in text
    # The data saver shows in the header at once (before any detection).
    assert gui.window.header.saver.isHidden()  # shown by the status round, off in this test
    assert gui.window.launcher.low_bandwidth


def test_locked_options_are_read_only_with_the_reason(
    make_gui: GuiFactory, qtbot: Any, tmp_path: Path
) -> None:
    config = tmp_path / "workplace.toml"
    config.write_text(LOCKED, encoding="utf-8")
    gui = make_gui(config)
    dialog = open_settings(gui, qtbot)
    office = dialog.intervals["status_minutes_office"]
    assert office.value() == 2 and not office.isEnabled()
    assert office.toolTip() == "Set by the IT centre"
    assert office.accessibleDescription() == "Locked by IT: Set by the IT centre"
    assert not dialog.proxy_mode.isEnabled()
    assert not dialog.proxy_fields["proxy_pac_url"].isEnabled()
    assert dialog.proxy_fields["proxy_pac_url"].text() == "https://proxy.example.org/proxy.pac"
    assert dialog.intervals["status_minutes_home"].isEnabled()
    assert not dialog.locked_note.isHidden()
    assert "In the office" in dialog.locked_note.text()
    assert "Set by the IT centre" in dialog.locked_note.text()


def test_invalid_proxy_shows_the_error_next_to_the_field(
    make_gui: GuiFactory, qtbot: Any, isolated_xdg: dict[str, Path]
) -> None:
    gui = make_gui()
    dialog = open_settings(gui, qtbot)
    dialog.tabs.setCurrentWidget(dialog.proxy_page)
    http = dialog.proxy_fields["proxy_http"]
    assert not http.isEnabled()  # only for manual
    dialog.proxy_mode.setCurrentIndex(dialog.proxy_mode.findData("manual"))
    assert http.isEnabled()
    error = dialog.errors["proxy_http"]
    assert not error.isHidden() and "Enter the proxy" in error.text()  # manual needs one

    type_into(qtbot, http, "proxy.example.org")
    assert not error.isHidden() and "port" in error.text()
    assert "Error:" in http.accessibleDescription()
    assert "proxy_mode" not in preferences_text(isolated_xdg)  # nothing saved

    type_into(qtbot, http, "http://user:secret@proxy.example.org:3128")
    assert "No user name or password" in error.text()

    type_into(qtbot, http, "http://proxy.example.org:3128")
    assert error.isHidden() and dialog.isVisible()  # Enter saved, and did not close
    qtbot.waitUntil(lambda: gui.workplace.settings.preferences.proxy_mode == "manual")
    prefs = gui.workplace.settings.preferences
    assert prefs.proxy_http == "http://proxy.example.org:3128"
    text = preferences_text(isolated_xdg)
    assert 'proxy_mode = "manual"' in text and "proxy.example.org:3128" in text
    # The next session follows the new proxy.
    assert gui.workplace.network().proxy.mode == "manual"


def test_start_at_login_writes_the_xdg_autostart_file(
    make_gui: GuiFactory, qtbot: Any, isolated_xdg: dict[str, Path]
) -> None:
    desktop = isolated_xdg["XDG_CONFIG_HOME"] / "autostart" / "de.arbeitsplatz.Workplace.desktop"
    gui = make_gui()
    dialog = open_settings(gui, qtbot)
    assert not desktop.exists()
    dialog.start_at_login.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(dialog.start_at_login, Qt.Key.Key_Space)
    qtbot.waitUntil(desktop.exists)
    text = desktop.read_text(encoding="utf-8")
    assert "[Desktop Entry]" in text and "Exec=" in text
    qtbot.waitUntil(lambda: not dialog.autostart_note.isHidden())
    assert "starts when you sign in" in dialog.autostart_note.text()
    assert "start_at_login = true" in preferences_text(isolated_xdg)

    qtbot.keyClick(dialog.start_at_login, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "no longer" in dialog.autostart_note.text())
    assert not desktop.exists() or "Hidden=true" in desktop.read_text(encoding="utf-8")


def test_dialog_in_german_with_tabs_and_mnemonics(
    make_gui: GuiFactory, qtbot: Any, isolated_xdg: dict[str, Path]
) -> None:
    from tests.gui.conftest import write_preferences

    write_preferences(isolated_xdg, 'language = "de"\n')
    gui = make_gui()
    dialog = open_settings(gui, qtbot)
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == ["Allgemein", "Verbindung", "Proxy", "Benachrichtigungen"]
    assert dialog._labels["low_bandwidth"].text() == "&Sparmodus"
    assert dialog.low_bandwidth.accessibleName() == "Sparmodus"
    # "Dienste prüfen / Unterwegs: alle 30 Minuten", not a template with "…" in it.
    mobile = dialog.intervals["status_minutes_mobile"]
    assert dialog.intervals_group.title() == "Dienste prüfen"
    assert "…" not in dialog.intervals_group.title()
    assert mobile.text() == "alle 30 Minuten"
    assert mobile.accessibleName() == "Dienste unterwegs prüfen"
    mobile.setValue(1)
    assert mobile.text() == "alle 1 Minute"


def test_mail_links_switch_makes_the_launcher_the_users_mail_program(
    make_gui: GuiFactory, qtbot: Any, isolated_xdg: dict[str, Path]
) -> None:
    """The switch runs the real xdg-mime in the isolated XDG directories."""
    import shutil

    root = Path(__file__).resolve().parents[2]
    applications = isolated_xdg["XDG_DATA_HOME"] / "applications"
    applications.mkdir(parents=True)
    shutil.copy(root / "packaging/linux/de.arbeitsplatz.Workplace.desktop", applications)
    mimeapps = isolated_xdg["XDG_CONFIG_HOME"] / "mimeapps.list"

    gui = make_gui()
    dialog = open_settings(gui, qtbot)
    assert not dialog.mail_links.isChecked()
    assert dialog.mail_links.text().replace("&", "") == "Open e-mail links with Arbeitsplatz"
    dialog.mail_links.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(dialog.mail_links, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.mail_links_note.isHidden())
    assert dialog.mail_links_note.text() == "E-mail links now open with Arbeitsplatz."
    assert dialog.mail_links.accessibleDescription() == dialog.mail_links_note.text()
    assert "x-scheme-handler/mailto=de.arbeitsplatz.Workplace.desktop" in mimeapps.read_text()
    assert "mail_links = true" in preferences_text(isolated_xdg)

    qtbot.keyClick(dialog.mail_links, Qt.Key.Key_Space)
    # The user's choice is taken back; with no other mail program on this desktop the
    # note says honestly that links still come to the launcher.
    qtbot.waitUntil(lambda: "still open with" in dialog.mail_links_note.text())
    assert "de.arbeitsplatz.Workplace.desktop" not in mimeapps.read_text()


def test_mail_links_switch_locked_by_it(
    make_gui: GuiFactory, qtbot: Any, isolated_xdg: dict[str, Path], tmp_path: Path
) -> None:
    path = tmp_path / "locked.toml"
    path.write_text(LOCKED.replace('"status_minutes_office"]', '"mail_links"]'), encoding="utf-8")
    gui = make_gui(path)
    dialog = open_settings(gui, qtbot)
    assert not dialog.mail_links.isEnabled()
    assert "Locked by IT" in dialog.mail_links.accessibleDescription()


def test_tearing_the_window_down_closes_its_dialogs(make_gui: GuiFactory, qtbot: Any) -> None:
    """The dialogs are windows of their own: hiding the main window left them on screen
    (and alive into the next tests, where a font change made them resize)."""
    gui = make_gui()
    gui.window.show_help()
    settings = open_settings(gui, qtbot)
    help_dialog = gui.window.dialogs.help
    assert help_dialog is not None and help_dialog.isVisible()
    gui.dispose()
    assert not settings.isVisible() and not help_dialog.isVisible()
    assert gui.window.dialogs.settings is None and gui.window.dialogs.help is None
