# SPDX-License-Identifier: EUPL-1.2
"""The window as a keyboard, low-vision and screen-reader user meets it (issue 11).

Real widgets offscreen; names, roles and states through ``QAccessible``, as the AT-SPI
bridge reads them. Zoom (200 %, 300 %) runs under Xvfb in tests/e2e/test_zoom_e2e.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtWidgets import QApplication, QLabel, QToolButton, QWidget, QWidgetAction

from tests.gui.conftest import GuiFactory, write_preferences
from tests.support.layoutcheck import (
    layout_problems,
    naming_problems,
    order_problems,
    reading_first,
    tabbable,
)
from workplace.ui.account import Phase


def show_banners(window: Any) -> None:
    """Every kind of banner, as the window shows them, with buttons."""
    banners = window.banners
    banners.config.show_message(
        "Die Konfiguration enthält Warnungen", ["Feld „proxy.url“: keine gültige Adresse"],
        "Der Arbeitsplatz funktioniert normal.", ["ValueError: bad url"])
    banners.network.show_message("WLAN-Anmeldung nötig", [], "Melden Sie sich im WLAN an.")
    banners.network.set_action("Anmeldeseite öffnen", "Öffnet die Anmeldeseite")
    banners.message.show_message("Öffnen fehlgeschlagen", [], "Bitte erneut versuchen.",
                                 ["OSError: no browser"])


def tab_through(qtbot: Any, window: QWidget, start: QWidget) -> list[QWidget]:
    """Press Tab from ``start`` until the focus comes back to it: the chain as seen."""
    window.activateWindow()
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    chain = [start]
    for _ in range(80):
        current = QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        following = QApplication.focusWidget()
        assert following is not None and following is not current, f"Tab stuck on {current}"
        if following is start:
            return chain
        chain.append(following)
    pytest.fail(f"Tab never came back to the start: {chain}")


def settle(qtbot: Any, window: QWidget) -> None:
    """Let the posted layout requests run (the header reflows in one of them)."""
    qtbot.wait(0)
    QApplication.processEvents()
    layout = window.layout()
    if layout is not None:
        layout.activate()
    QApplication.processEvents()


# -- finding 2: no focus stop that is nothing -------------------------------------------


def test_the_sign_in_page_has_no_empty_focus_stop(make_gui: GuiFactory, qtbot: Any) -> None:
    gui = make_gui()
    window = gui.window
    window.want_sign_in(True)
    settle(qtbot, window)
    assert window.signin_visible
    chain = tab_through(qtbot, window, window.signin.primary)
    assert window.signin not in chain and window.signin.viewport() not in chain
    for widget in chain:
        iface = QAccessible.queryAccessibleInterface(widget)
        assert iface is not None
        assert iface.text(QAccessible.Text.Name).strip(), f"{widget} has no name"
        assert iface.role() in (QAccessible.Role.PushButton, QAccessible.Role.Button,
                                QAccessible.Role.EditableText, QAccessible.Role.CheckBox), (
            f"{widget} is a Tab stop with role {iface.role()}")
    assert naming_problems(window) == []


# -- finding 5: what is covered is hidden --------------------------------------------------


def descendants(node: Any) -> list[Any]:
    """Every object under ``node`` (the tiles sit in one list per section)."""
    found = []
    for i in range(node.childCount()):
        child = node.child(i)
        found += [child, *descendants(child)]
    return found


def test_tiles_behind_the_sign_in_card_are_not_showing(make_gui: GuiFactory, qtbot: Any) -> None:
    gui = make_gui()
    window = gui.window
    view = QAccessible.queryAccessibleInterface(window.view)
    assert view is not None and len(descendants(view)) > 10
    showing = [c for c in descendants(view) if not c.state().invisible]
    assert len(showing) > 10  # the tiles page: they are there

    window.want_sign_in(True)
    settle(qtbot, window)
    assert window.signin_visible and not window.view.isVisible()
    still = [c.text(QAccessible.Text.Name) for c in descendants(view)
             if not c.state().invisible]
    assert still == [], f"covered tiles report themselves showing: {still}"
    assert window.view not in tab_through(qtbot, window, window.signin.primary)
    assert naming_problems(window) == []

    window.browse_without_sign_in()  # and back: the tiles are there again
    settle(qtbot, window)
    back = [c for c in descendants(view) if not c.state().invisible]
    assert len(back) == len(showing)


# -- finding 6: every control has a name ------------------------------------------------


def search_buttons(window: Any) -> list[str]:
    """The names of the search field's own buttons that say they are showing."""
    search = window.header.search
    found = []
    for child in search.findChildren(QWidget):
        iface = QAccessible.queryAccessibleInterface(child)
        if child.parentWidget() is search and iface is not None \
                and iface.role() == QAccessible.Role.Button and not iface.state().invisible:
            found.append(iface.text(QAccessible.Text.Name))
    return sorted(found)


def test_every_showing_control_has_a_name_and_role(make_gui: GuiFactory, qtbot: Any) -> None:
    gui = make_gui()
    window = gui.window
    # An empty field: the magnifier, named; no clear button claiming to be there.
    assert search_buttons(window) == ["Search"]
    show_banners(window)
    window.header.search.setText("mail")  # the clear button shows
    settle(qtbot, window)
    assert naming_problems(window) == []
    assert search_buttons(window) == ["Clear search", "Search"]
    window.header.search.clear()
    assert search_buttons(window) == ["Search"]
    # A banner's action button without a text is no Tab stop (it was one, unnamed).
    for banner in window.banners.banners:
        if not banner.action.text():
            assert not banner.action.focusPolicy() & Qt.FocusPolicy.TabFocus
    window.banners.network.set_action("")
    assert not window.banners.network.action.focusPolicy() & Qt.FocusPolicy.TabFocus


# -- finding 7: Tab follows what is seen ------------------------------------------------------


@pytest.mark.parametrize("width", [1100, 560])
def test_tab_order_follows_the_layout(make_gui: GuiFactory, qtbot: Any, width: int) -> None:
    gui = make_gui()
    window = gui.window
    header = window.header
    header.set_connection("Homeoffice · VPN", "Zuhause, mit VPN", "wifi", "ok")
    header.set_saver(True, "Sparmodus", "Weniger Daten")
    show_banners(window)
    window.resize(width, 720)
    settle(qtbot, window)

    def check() -> list[QWidget]:
        settle(qtbot, window)
        chain = tab_through(qtbot, window, reading_first(tabbable(window)))
        assert set(chain) == set(tabbable(window)), "Tab does not reach every control"
        assert order_problems(chain) == []
        return chain

    chain = check()
    # Header, then the banners top to bottom, then the tiles.
    config_close = window.banners.config.findChildren(QToolButton)[-1]
    assert chain.index(config_close) > chain.index(header.settings_button)
    assert chain.index(window.view) > chain.index(window.banners.message.more)
    if width == 560:
        assert header.arrangement != "one_row"
        assert chain.index(header.search) > chain.index(header.help_button)

    # Banners that come and go keep their place in the order.
    window.banners.config.hide()
    window.banners.catalog.show_message("Dienstliste nicht aktuell", [], "Später erneut.",
                                        ["timeout"])
    check()
    window.banners.network.hide()
    window.banners.config.show_message("Wieder da", ["Noch ein Problem"], "", ["detail"])
    check()


# -- finding 9: the narrowest window ----------------------------------------------------------


def test_the_narrowest_window_has_nothing_overlapping_or_cut_off(
    make_gui: GuiFactory, qtbot: Any
) -> None:
    gui = make_gui()
    window = gui.window
    header = window.header
    header.set_connection("Homeoffice · VPN", "Zuhause, mit VPN", "wifi", "ok")
    window.settings_store.change("language", "de")
    window.resize(window.minimumWidth(), 600)
    settle(qtbot, window)
    assert window.width() == 560
    assert layout_problems(window) == []
    name = header.org_name
    assert name.text() == "Stadtverwaltung Musterstadt"  # whole, wrapped, not "Stadtver"
    assert not header.connection.geometry().intersects(header.search.geometry())

    window.want_sign_in(True)
    show_banners(window)
    settle(qtbot, window)
    assert layout_problems(window) == []
    window.resize(1400, 720)
    settle(qtbot, window)
    assert header.arrangement == "one_row"
    assert layout_problems(window) == []


def test_the_minimum_size_fits_a_small_screen(make_gui: GuiFactory, qtbot: Any) -> None:
    """The offscreen screen is 800 × 600: room for the usual minimum of 560 × 420."""
    gui = make_gui()
    window = gui.window
    area = window.screen().availableGeometry()
    assert window.minimumWidth() <= area.width() and window.minimumHeight() <= area.height()
    assert (window.minimumWidth(), window.minimumHeight()) == (560, 420)


# -- finding 10: the account menu informs, it is not disabled -----------------------------


def test_the_account_menu_lines_are_information_not_disabled(
    make_gui: GuiFactory, qtbot: Any
) -> None:
    gui = make_gui()
    account = gui.window.header.account
    account.set_user("Erika Mustermann", "erika@musterstadt.example",
                     notes=["Auf diesem Computer nicht gespeichert"])
    account.show()
    menu = account.account_menu
    info = [a for a in menu.actions() if isinstance(a, QWidgetAction)]
    assert [a.text() for a in info] == [
        "Erika Mustermann", "erika@musterstadt.example", "Auf diesem Computer nicht gespeichert"]
    for action in info:
        assert action.isEnabled()
        label = action.defaultWidget()
        assert isinstance(label, QLabel) and label.text() == action.text()
        assert label.isEnabled()
    # (Not popped up: the offscreen platform warns that it cannot grab the keyboard.)
    iface = QAccessible.queryAccessibleInterface(menu)
    assert iface is not None
    items = [iface.child(i) for i in range(iface.childCount())]
    read = [(c.text(QAccessible.Text.Name), c.state().disabled) for c in items
            if c.role() != QAccessible.Role.Separator]
    assert read[:3] == [("Erika Mustermann", False), ("erika@musterstadt.example", False),
                        ("Auf diesem Computer nicht gespeichert", False)]
    # The button says it too, without opening the menu.
    assert "Auf diesem Computer nicht gespeichert" in account.accessibleDescription()


def test_the_account_button_can_be_pressed_by_assistive_technology(
    make_gui: GuiFactory, qtbot: Any
) -> None:
    """Switch and voice users sign in through the button's accessible action, and open
    the account menu through it once signed in."""
    gui = make_gui()
    account = gui.window.header.account
    account.set_user(None)
    account.show()
    iface = QAccessible.queryAccessibleInterface(account)
    assert iface is not None and iface.actionInterface() is not None
    actions = iface.actionInterface()
    assert QAccessibleActionInterface.pressAction() in actions.actionNames()
    with qtbot.waitSignal(account.sign_in_requested):
        actions.doAction(QAccessibleActionInterface.pressAction())

    account.set_user("Erika Mustermann", "erika@musterstadt.example")
    iface = QAccessible.queryAccessibleInterface(account)
    assert iface is not None and iface.actionInterface() is not None
    assert QAccessibleActionInterface.showMenuAction() in iface.actionInterface().actionNames()


# -- finding 12: one language --------------------------------------------------------------


@pytest.mark.parametrize(("language", "product", "subtitle"), [
    ("de", "Arbeitsplatz", "Arbeitsplatz – alle Dienste an einem Ort"),
    ("en", "Workplace", "Workplace – all services in one place"),
])
def test_title_subtitle_and_locale_speak_one_language(
    make_gui: GuiFactory, isolated_xdg: Any, language: str, product: str, subtitle: str
) -> None:
    write_preferences(isolated_xdg, f'language = "{language}"\n')
    gui = make_gui()
    window = gui.window
    organisation = "Stadtverwaltung Musterstadt" if language == "de" else "City of Musterstadt"
    assert window.windowTitle() == f"{organisation} – {product}"
    assert QApplication.applicationDisplayName() == product
    assert window.header.org_sub.text() == subtitle
    expected = QLocale.Language.German if language == "de" else QLocale.Language.English
    assert window.locale().language() == expected
    assert window.header.search.locale().language() == expected
    assert QLocale().language() == expected  # what the AT-SPI bridge reports


# -- finding 13: never neither sign-in nor account ------------------------------------------


def test_while_the_session_is_looked_up_the_header_says_so(
    make_gui: GuiFactory, qtbot: Any
) -> None:
    gui = make_gui(synchronous=False)  # the look-up runs as a job; hold it there
    window = gui.window
    header = window.header
    controller = gui.account

    def shown() -> set[str]:
        return {name for name, widget in (("pending", header.account_pending),
                                          ("account", header.account))
                if not widget.isHidden()}

    # First paint, the trusted-settings job, a 150 ms timer, the auth-build job.
    qtbot.waitUntil(lambda: controller.phase != Phase.STARTING, timeout=30_000)
    assert controller.phase == Phase.DISABLED  # this window has no sign-in at all
    assert shown() == set()

    controller._set_phase(Phase.STARTING)  # as at start-up while the keyring answers
    assert shown() == {"pending"}
    assert header.account_pending.text() == "Checking sign-in …"
    assert header.account_pending.accessibleName() == "Checking sign-in …"
    assert layout_problems(window) == []
    controller._set_phase(Phase.SIGNED_OUT)
    assert shown() == {"account"} and header.account.text() == "Sign in"
    controller._set_phase(Phase.DISABLED)
    assert shown() == set()
