# SPDX-License-Identifier: EUPL-1.2
"""The launcher window with real widgets: search, favourites, keys, launching, banners."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from tests.gui.conftest import GuiFactory, opened_urls, write_preferences
from workplace.ui.banners import STRIPS
from workplace.ui.tilemodel import Kind, Role
from workplace.ui.tileview import TileDelegate

BUILTIN = Path(__file__).resolve().parents[2] / "resources" / "tenants" / "musterstadt.toml"


def tile_ids(gui: Any, section: str | None = None) -> list[str]:
    model = gui.window.model
    ids = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(Role.KIND) == Kind.TILE and (
            section is None or index.data(Role.SECTION) == section
        ):
            ids.append(index.data(Role.SERVICE_ID))
    return ids


def headers(gui: Any) -> list[str]:
    model = gui.window.model
    return [
        model.index(r, 0).data()
        for r in range(model.rowCount())
        if model.index(r, 0).data(Role.KIND) == Kind.HEADER
    ]


def test_shows_all_demo_services_grouped(make_gui: GuiFactory) -> None:
    gui = make_gui()
    assert sorted(set(tile_ids(gui))) == sorted(
        [
            "portal",
            "mail",
            "calendar",
            "chat",
            "video",
            "files",
            "office",
            "projects",
            "wiki",
            "notes",
        ]
    )
    assert headers(gui) == ["Communication", "Files and office", "Organisation and knowledge"]
    assert gui.window.header.org_name.text() == "City of Musterstadt"
    assert gui.window.banners.config.isHidden()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Post", "mail"),  # German keyword
        ("webmail", "mail"),  # English keyword
        ("Termine", "calendar"),
        ("spreadsheet", "office"),
        ("Dateien", "files"),  # German name
        ("Knowledge", "wiki"),  # English name
    ],
)
def test_search_finds_by_keyword_in_both_languages(
    make_gui: GuiFactory, qtbot: Any, query: str, expected: str
) -> None:
    gui = make_gui()
    search = gui.window.header.search
    qtbot.keyClicks(search, query)
    assert gui.window.model.query == query
    assert expected in tile_ids(gui)
    assert len(tile_ids(gui)) < 10
    assert gui.window.stack.currentWidget() is gui.window.view


def test_typing_on_the_tiles_starts_a_search_and_esc_clears(
    make_gui: GuiFactory, qtbot: Any
) -> None:
    gui = make_gui()
    view, search = gui.window.view, gui.window.header.search
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClicks(view, "chat")
    assert search.text() == "chat"
    assert search.hasFocus()
    assert tile_ids(gui) == ["chat"]
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""
    assert len(set(tile_ids(gui))) == 10
    qtbot.keyClick(search, Qt.Key.Key_Escape)  # a second Esc goes back to the tiles
    qtbot.waitUntil(view.hasFocus)


def test_ctrl_f_focuses_the_search(make_gui: GuiFactory, qtbot: Any) -> None:
    gui = make_gui()
    gui.window.view.setFocus()
    qtbot.waitUntil(gui.window.view.hasFocus)
    qtbot.keyClick(gui.window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(gui.window.header.search.hasFocus)


def test_no_result_shows_a_friendly_message(make_gui: GuiFactory, qtbot: Any) -> None:
    gui = make_gui()
    qtbot.keyClicks(gui.window.header.search, "xyzzy")
    assert gui.window.model.tile_count == 0
    assert gui.window.stack.currentWidget() is gui.window.empty
    assert "xyzzy" in gui.window.empty.title.text()
    assert gui.window.empty.hint.text()


def test_favourite_by_keyboard_persists_across_a_new_window(
    make_gui: GuiFactory, qtbot: Any, isolated_xdg: dict[str, Path]
) -> None:
    gui = make_gui()
    view = gui.window.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    first = gui.window.model.first_tile()
    view.setCurrentIndex(first)
    service_id = first.data(Role.SERVICE_ID)
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert tile_ids(gui, "favourites") == [service_id]
    assert headers(gui)[0] == "Favourites"
    prefs = (isolated_xdg["XDG_CONFIG_HOME"] / "workplace" / "preferences.toml").read_text()
    assert service_id in prefs
    # The current tile stays where the user is.
    assert gui.window.current_service_id() == service_id

    again = make_gui()
    assert tile_ids(again, "favourites") == [service_id]
    assert again.window.model.index(1, 0).data(Role.FAVOURITE) is True


def test_star_click_toggles_favourite(make_gui: GuiFactory, qtbot: Any) -> None:
    gui = make_gui()
    view = gui.window.view
    index = gui.window.model.find("video")
    rect = view.visualRect(index)
    star = TileDelegate.star_rect(rect).center()
    launched: list[QModelIndex] = []
    view.launch_requested.connect(launched.append)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=star)
    assert tile_ids(gui, "favourites") == ["video"]
    assert launched == [], "a click on the star must not open the service"
    index = gui.window.model.find("video", "favourites")
    star = TileDelegate.star_rect(view.visualRect(index)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=star)
    assert tile_ids(gui, "favourites") == []


def test_locked_favourites_are_not_changed(
    make_gui: GuiFactory, qtbot: Any, tmp_path: Path
) -> None:
    config = tmp_path / "it.toml"
    config.write_text(
        BUILTIN.read_text(encoding="utf-8")
        + '\n[policy]\nlocked = ["favourites"]\nreason = "Vorgabe der IT"\n',
        encoding="utf-8",
    )
    gui = make_gui(config)
    gui.window.settings_store.toggle_favourite("mail")
    assert tile_ids(gui, "favourites") == []
    assert gui.window.banners.message.isVisible()


def test_arrows_move_and_enter_launches_in_the_browser(
    make_gui: GuiFactory, qtbot: Any, browser: Path
) -> None:
    gui = make_gui()
    view = gui.window.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    model = gui.window.model
    assert gui.window.current_service_id() == "mail"  # first tile of the first section
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert gui.window.current_service_id() == "calendar"
    qtbot.keyClick(view, Qt.Key.Key_Down)  # across the "Files and office" header
    assert model.section_of(view.currentIndex()) == "cat:productivity"
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert model.section_of(view.currentIndex()) == "cat:communication"
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert gui.window.current_service_id() == "notes"
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert gui.window.current_service_id() == "mail"
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened_urls(browser) == [
        "https://webmail.musterstadt.example/appsuite/#!!&app=io.ox/calendar"
    ]
    # The launch is remembered: "Recently used" now leads.
    assert headers(gui)[0] == "Recently used"
    assert tile_ids(gui, "recent") == ["calendar"]


def test_search_then_enter_launches_the_first_result(
    make_gui: GuiFactory, qtbot: Any, browser: Path
) -> None:
    gui = make_gui()
    qtbot.keyClicks(gui.window.header.search, "Jitsi")
    qtbot.keyClick(gui.window.header.search, Qt.Key.Key_Return)
    assert opened_urls(browser) == ["https://meet.musterstadt.example/"]


def test_launch_in_a_background_job(make_gui: GuiFactory, qtbot: Any, browser: Path) -> None:
    gui = make_gui(synchronous=False)
    service = gui.workplace.catalog.get("files")
    # The start-up's own jobs (reading "Recently used") are delivered first, so what
    # follows is the launch's doing.
    qtbot.waitUntil(lambda: gui.jobs.pending == 0, timeout=10_000)
    gui.window.launch(service)
    assert gui.jobs.pending == 1, "the launch runs in a job, not on the GUI thread"
    qtbot.waitUntil(lambda: tile_ids(gui, "recent") == ["files"], timeout=10_000)
    assert opened_urls(browser) == ["https://files.musterstadt.example/"]


def test_failed_launch_says_why(
    make_gui: GuiFactory, qtbot: Any, browser: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_BROWSER_EXIT", "1")
    gui = make_gui()
    gui.window.launch(gui.workplace.catalog.get("wiki"))
    banner = gui.window.banners.message
    assert banner.isVisible()
    assert "Knowledge" in banner.title
    assert "browser" in banner._body.text()
    # The launcher's own (English) detail is folded behind "Details".
    assert banner.technical and banner.technical[0] not in banner.text
    assert banner.more.isVisible() and not banner.technical_text.isVisible()
    assert tile_ids(gui, "recent") == []


def test_broken_it_file_shows_a_banner_and_keeps_running(
    make_gui: GuiFactory, tmp_path: Path
) -> None:
    config = tmp_path / "workplace.toml"
    config.write_text(BUILTIN.read_text(encoding="utf-8"), encoding="utf-8")
    good = make_gui(config)
    assert good.window.banners.config.isHidden()
    good.dispose()
    config.write_text('[organisation]\naccent_colour = "blue"\nname = \n', encoding="utf-8")
    gui = make_gui(config)
    banner = gui.window.banners.config
    assert banner.isVisible()
    assert any(str(config) in line for line in banner.details)
    assert gui.window.model.tile_count >= 10  # still running on the last good configuration
    banner._close.click()
    assert banner.isHidden()


def test_broken_it_file_without_a_last_good_one_shows_the_empty_state(
    make_gui: GuiFactory, tmp_path: Path
) -> None:
    config = tmp_path / "workplace.toml"
    config.write_text("[[services]]\nid = 3\n", encoding="utf-8")
    gui = make_gui(config)
    assert gui.window.banners.config.isVisible()
    assert gui.window.stack.currentWidget() in (gui.window.empty, gui.window.view)


def test_german_strings_with_language_de(
    make_gui: GuiFactory, isolated_xdg: dict[str, Path]
) -> None:
    write_preferences(isolated_xdg, 'language = "de"\nfavourites = ["chat"]\n')
    gui = make_gui()
    assert gui.appearance.language == "de"
    assert headers(gui)[:2] == ["Favoriten", "Kommunikation"]
    assert gui.window.header.org_name.text() == "Stadtverwaltung Musterstadt"
    assert gui.window.header.search.placeholderText() == "Dienste durchsuchen (Strg+F)"
    index = gui.window.model.find("chat")
    assert index.data(Role.DESCRIPTION) == "Nachrichten im Team, sicher über Matrix"
    assert "Favorit" in index.data(Qt.ItemDataRole.AccessibleDescriptionRole)


def test_language_switch_at_run_time(make_gui: GuiFactory, isolated_xdg: dict[str, Path]) -> None:
    write_preferences(isolated_xdg, 'language = "en"\n')
    gui = make_gui()
    assert headers(gui)[0] == "Communication"
    gui.window.settings_store.change("language", "de")
    assert headers(gui)[0] == "Kommunikation"
    assert gui.window.header.settings_button.accessibleName() == "Einstellungen"


def test_everything_has_an_accessible_name(make_gui: GuiFactory) -> None:
    gui = make_gui()
    header = gui.window.header
    for widget in (header.search, header.help_button, header.settings_button, gui.window.view):
        assert widget.accessibleName(), widget
        assert widget.accessibleDescription(), widget
    model = gui.window.model
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        assert index.data(Qt.ItemDataRole.AccessibleTextRole)
        if index.data(Role.KIND) == Kind.TILE:
            description = index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
            assert "Not a favourite" in description or "Favourite" in description


def test_help_shows_the_service_desk(make_gui: GuiFactory, qtbot: Any) -> None:
    gui = make_gui()
    gui.window.view.setFocus()
    qtbot.waitUntil(gui.window.view.hasFocus)
    qtbot.keyClick(gui.window.view, Qt.Key.Key_F1)
    dialog = gui.window.dialogs.help
    assert dialog is not None and dialog.isVisible()
    texts = " ".join(label.text() for label in dialog.contact_labels)
    assert "+49 30 1234567-0" in texts
    assert "servicedesk@musterstadt.example" in texts
    dialog.reject()


def test_copy_diagnostics_puts_the_doctor_report_on_the_clipboard(
    make_gui: GuiFactory, qtbot: Any
) -> None:
    from PySide6.QtGui import QGuiApplication

    gui = make_gui()
    gui.window.show_help()
    dialog = gui.window.dialogs.help
    assert dialog is not None and dialog.copy_diagnostics.isVisible()
    assert "no passwords or tokens" in dialog.copy_diagnostics.accessibleDescription()
    with qtbot.waitSignal(dialog.diagnostics_copied, timeout=60_000) as copied:
        qtbot.mouseClick(dialog.copy_diagnostics, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert text == copied.args[0]
    assert text.startswith("Arbeitsplatz ")
    for section in ("Configuration:", "Connection:", "Proxy:", "Sign-in:", "Services:"):
        assert section in text
    assert "Diagnostics copied" in dialog.diagnostics_state.text()
    assert dialog.copy_diagnostics.isEnabled()
    dialog.reject()


def test_settings_dialog_shows_locked_keys_read_only(make_gui: GuiFactory, tmp_path: Path) -> None:
    config = tmp_path / "it.toml"
    config.write_text(
        BUILTIN.read_text(encoding="utf-8")
        + '\n[policy]\nlocked = ["theme"]\nreason = { de = "IT-Vorgabe", en = "IT policy" }\n',
        encoding="utf-8",
    )
    gui = make_gui(config)
    gui.window.show_settings()
    dialog = gui.window.dialogs.settings
    assert dialog is not None
    assert not dialog.theme.isEnabled()
    assert dialog.language.isEnabled()
    # The keyboard skips the disabled field; the note naming it and the reason does not.
    assert dialog.locked_note.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert "IT policy" in dialog.locked_note.text() and "Colours" in dialog.locked_note.text()
    assert dialog.locked_note.accessibleName() == "Settings managed by IT"
    assert "IT policy" in dialog.locked_note.text()
    dialog.high_contrast.setChecked(True)
    assert gui.appearance.theme.high_contrast
    dialog.reject()


def test_the_banner_area_shows_only_while_a_banner_does(make_gui: GuiFactory, qtbot: Any) -> None:
    gui = make_gui()
    banners = gui.window.banners
    assert banners.isHidden() and all(b.isHidden() for b in banners.banners)
    banners.show_message("One", "first")
    banners.catalog.show_message("Two")
    assert banners.isVisible()
    qtbot.mouseClick(banners.message._close, Qt.MouseButton.LeftButton)
    assert banners.isVisible(), "the catalog banner is still shown"
    banners.catalog.hide()
    assert banners.isHidden()
    banners.show_message("Again")
    assert banners.isVisible() and banners.message.isVisible()


def test_a_banner_is_built_when_it_is_first_needed(make_gui: GuiFactory, qtbot: Any) -> None:
    """Issue 15: a start with nothing to say paints without any banner, not even a
    hidden one (six strips of labels and buttons, their scroll area); hiding one that
    was never shown builds nothing; the first message builds its strip, in its place
    above or below the others."""
    from PySide6.QtWidgets import QApplication, QScrollArea

    from workplace.ui.banner import Banner

    gui = make_gui()
    banners = gui.window.banners
    assert banners.findChildren(Banner) == []
    assert banners.findChildren(QScrollArea) == []
    banners.conceal("network")
    banners.hide_message()
    assert banners.banners == () and banners.isHidden()
    banners.show_message("Later")
    banners.config.show_message("Earlier")
    assert banners.banners == (banners.config, banners.message)
    QApplication.processEvents()
    assert banners.isVisible()
    assert banners.config.y() < banners.message.y()


def test_the_window_gives_the_banners_the_same_room_built_or_not(
    make_gui: GuiFactory, qtbot: Any
) -> None:
    """A window too short for everything scrolls as a whole from the same height (the
    page keeps the same room), whether a banner was ever built or not."""
    from PySide6.QtWidgets import QApplication

    window = make_gui().window
    content = window.scroller.widget()
    before = content.heightForWidth(400)
    window.banners.show_message("Shown once")
    QApplication.processEvents()
    window.banners.message.hide()
    assert window.banners.isHidden()
    assert content.heightForWidth(400) == before


def test_the_sign_in_screen_is_built_when_it_is_first_wanted(
    make_gui: GuiFactory, qtbot: Any
) -> None:
    """Issue 15: the tiles paint without the sign-in screen behind them; it is built
    when it is first wanted (signed out, signing in), with the organisation and the
    colours that came before it, its buttons wired (its Tab order: test_layout_a11y)."""
    from workplace.ui.signin import SignInPage

    gui = make_gui()
    window = gui.window
    assert window.findChildren(SignInPage) == []
    assert not window.signin_visible
    gui.window.show_settings()
    dialog = gui.window.dialogs.settings
    assert dialog is not None
    dialog.high_contrast.setChecked(True)
    dialog.reject()
    assert window.findChildren(SignInPage) == []

    window.want_sign_in(True)
    assert window.findChildren(SignInPage) == [window.signin] and window.signin_visible
    page = window.signin
    assert page.primary.text() == "Sign in with Musterstadt"
    assert page.logo.accessibleName() == "Logo of City of Musterstadt"
    assert page._theme is gui.appearance.theme and page._theme.high_contrast
    qtbot.mouseClick(page.browse_link, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.view  # wired to the account view


def test_the_empty_page_is_built_when_there_are_no_tiles(make_gui: GuiFactory) -> None:
    """Issue 15: a start with tiles paints without the page that says there are none;
    a search that finds nothing builds it, named and in the window's colours."""
    from workplace.ui.emptystate import EmptyState

    gui = make_gui()
    window = gui.window
    assert window.findChildren(EmptyState) == []
    window.header.search.setText("xyzzy")
    assert window.findChildren(EmptyState) == [window.empty]
    assert window.stack.currentWidget() is window.empty
    assert window.empty.accessibleName() == "No services found"
    assert not window.empty._icon.pixmap().isNull()
    window.header.search.clear()
    assert window.stack.currentWidget() is window.view


def test_the_account_menu_is_built_when_someone_is_signed_in(make_gui: GuiFactory) -> None:
    """Issue 15: the first paint shows no account (the remembered sign-in is looked up
    after it), so the account button's menu is built with the first signed-in user."""
    from PySide6.QtWidgets import QMenu

    button = make_gui().window.header.account
    assert button.findChildren(QMenu) == [] and button.menu() is None
    button.set_user("Erika Mustermann", "erika@example.org", notes=["Remembered"])
    assert button.findChildren(QMenu) == [button.menu()]
    assert button.menu_texts == [
        "Erika Mustermann", "erika@example.org", "Remembered", "Sign out"]
    button.set_user(None)
    assert button.menu() is None and button.text() == "Sign in"


# The offscreen platform cannot raise a popup or grab the keyboard for it, and says so.
@pytest.mark.qt_log_ignore(
    r"This plugin does not support raise\(\)", "This plugin does not support grabbing"
)
def test_the_tile_menu_opens_pins_and_copies(
    make_gui: GuiFactory, qtbot: Any, browser: Path
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent, QGuiApplication
    from PySide6.QtWidgets import QApplication

    from workplace.ui.tilemenu import TileMenu

    gui = make_gui()
    view = gui.window.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(gui.window.model.find("chat"))
    # What the Menu key sends (QTest's key events skip the window that turns it into this).
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(), view.mapToGlobal(QPoint())
    )
    QApplication.sendEvent(view, event)
    menu = gui.window.findChild(TileMenu)
    assert menu is not None and menu.isVisible()
    actions = {a.text(): a for a in menu.actions() if not a.isSeparator()}
    assert list(actions) == ["Open", "Add to favourites", "Copy address"]
    actions["Add to favourites"].trigger()
    assert tile_ids(gui, "favourites") == ["chat"]
    actions["Copy address"].trigger()
    assert QGuiApplication.clipboard().text() == "https://chat.musterstadt.example/"
    actions["Open"].trigger()
    assert opened_urls(browser) == ["https://chat.musterstadt.example/"]
    menu.close()


@pytest.mark.parametrize("name", [name for name, _object, _tone in STRIPS])
def test_every_message_strip_is_drawn_as_a_box_in_its_tones_colour(
    make_gui: GuiFactory, qtbot: Any, name: str
) -> None:
    """The portal's, network's and catalog's strips have names of their own; each must
    still get the banner's background and border (the portal's maintenance notice was
    plain text on the page)."""
    gui = make_gui()
    window = gui.window
    window.show()
    banner = getattr(window.banners, name)
    banner.show_message("Wartung am Samstag", hint="Von 8 bis 12 Uhr.")
    banner.show()
    qtbot.waitUntil(lambda: banner.isVisible() and banner.height() > 30)
    image = banner.grab().toImage()
    theme = gui.appearance.theme
    tone = banner.property("tone")
    wanted = theme.info_background if tone == "info" else theme.banner_background
    # Inside the border, right of the close button's column, below the text.
    assert image.pixelColor(image.width() - 4, image.height() - 4).name() == wanted.name()
    assert wanted.name() != theme.window.name()
