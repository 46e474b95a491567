# SPDX-License-Identifier: EUPL-1.2
"""The tiles as a screen reader, a switch user and a keyboard user meet them (issue 11).

Real window, offscreen. The accessible tree is read through
``QAccessible.queryAccessibleInterface``: the objects Qt's AT-SPI bridge hands to Orca.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QColor, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from tests.gui.conftest import GuiFactory, opened_urls
from workplace.status.model import ServiceState, ServiceStatus
from workplace.ui.statustext import (
    AVAILABLE,
    NEEDS_VPN,
    OFFLINE,
    SIGN_IN,
    SLOW,
    TLS_PROBLEM,
    UNREACHABLE,
    status_colour,
)
from workplace.ui.theme import make_theme
from workplace.ui.tilemodel import Kind, Role

Role_ = QAccessible.Role


# -- helpers -------------------------------------------------------------------------


def tree(view: Any) -> QAccessibleInterface:
    root = QAccessible.queryAccessibleInterface(view)
    assert root is not None
    return root


def children(node: QAccessibleInterface) -> list[QAccessibleInterface]:
    return [node.child(i) for i in range(node.childCount())]


def walk(node: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    for child in children(node):
        yield child
        yield from walk(child)


def tiles(view: Any) -> list[QAccessibleInterface]:
    return [n for n in walk(tree(view)) if n.role() == Role_.ListItem]


def tile_named(view: Any, prefix: str) -> QAccessibleInterface:
    found = [t for t in tiles(view) if t.text(QAccessible.Text.Name).startswith(prefix)]
    assert found, f"no tile {prefix!r} in {[t.text(QAccessible.Text.Name) for t in tiles(view)]}"
    return found[0]


def focused(view: Any) -> list[str]:
    return [n.text(QAccessible.Text.Name) for n in walk(tree(view)) if n.state().focused]


def index_of(gui: Any, service_id: str, section: str | None = None) -> QModelIndex:
    index = gui.window.model.find(service_id, section)
    assert index.isValid(), service_id
    return index


def under(gui: Any, point: QPoint) -> str:
    """The tile at a viewport point: ``service@section``, or "nothing"."""
    index = gui.window.view.indexAt(point)
    if not index.isValid() or index.data(Role.KIND) != Kind.TILE:
        return "nothing"
    return f"{index.data(Role.SERVICE_ID)}@{index.data(Role.SECTION)}"


def headers(gui: Any) -> list[str]:
    model = gui.window.model
    return [
        model.index(r, 0).data()
        for r in range(model.rowCount())
        if model.index(r, 0).data(Role.KIND) == Kind.HEADER
    ]


def every_state(gui: Any, chat: ServiceState = ServiceState.AVAILABLE) -> dict[str, Any]:
    catalog = gui.workplace.catalog
    statuses = {s.id: ServiceStatus(s.id, ServiceState.AVAILABLE, latency_ms=80)
                for s in catalog.services}
    statuses["chat"] = ServiceStatus("chat", chat)
    return statuses


def active(gui: Any, qtbot: Any) -> None:
    gui.window.activateWindow()
    qtbot.waitUntil(gui.window.isActiveWindow)


# -- finding 3: one focus at a time ------------------------------------------------


def test_only_the_widget_with_the_focus_reports_and_shows_it(
    make_gui: GuiFactory, qtbot: Any
) -> None:
    gui = make_gui()
    window, view = gui.window, gui.window.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    assert focused(view) == ["Mail"]
    current = view.visualRect(view.currentIndex())
    plain = view.visualRect(index_of(gui, "files"))
    focus_colour = QColor(view.delegate.theme.focus)
    assert near(edge_colour(view, current), focus_colour)

    window.header.search.setFocus()
    qtbot.waitUntil(window.header.search.hasFocus)
    assert focused(view) == [], "a tile still says focused while the search field has it"
    # The current tile now looks like any other: no frame, no tint.
    qtbot.waitUntil(lambda: looks_alike(view, current, plain))


def edge_colour(view: Any, rect: QRect) -> QColor:
    image = view.viewport().grab().toImage()
    return image.pixelColor(rect.left() + 7, rect.center().y())  # GAP + 1: the card's edge


def looks_alike(view: Any, one: QRect, other: QRect) -> bool:
    """The frame and the background of two tiles have the same colours."""
    image = view.viewport().grab().toImage()
    middle = one.height() // 2
    points = [(7, middle), (12, middle), (one.width() // 2, 7), (one.width() // 2, 9)]
    return all(
        image.pixelColor(one.topLeft() + QPoint(x, y))
        == image.pixelColor(other.topLeft() + QPoint(x, y))
        for x, y in points
    )


def near(one: QColor, other: QColor, slack: int = 40) -> bool:
    pairs = zip(one.getRgb()[:3], other.getRgb()[:3], strict=True)
    return all(abs(a - b) <= slack for a, b in pairs)


# -- finding 4: open through an accessible action; headings --------------------------


def test_every_tile_opens_through_its_first_accessible_action(
    make_gui: GuiFactory, qtbot: Any, browser: Path
) -> None:
    gui = make_gui()
    view = gui.window.view
    for tile in tiles(view):
        actions = tile.actionInterface()
        assert actions is not None, tile.text(QAccessible.Text.Name)
        names = actions.actionNames()
        assert names[0] == actions.pressAction(), names  # what Enter does: open
        assert actions.toggleAction() not in names, names  # no selection to toggle
        assert actions.localizedActionName(names[0]) == "Open"
    wiki = tile_named(view, "Knowledge")
    with qtbot.waitSignal(view.launch_requested):
        wiki.actionInterface().doAction(wiki.actionInterface().pressAction())
    assert opened_urls(browser) == ["https://wiki.musterstadt.example/"]


def test_section_titles_are_headings_and_each_list_holds_only_its_tiles(
    make_gui: GuiFactory,
) -> None:
    gui = make_gui()
    view, model = gui.window.view, gui.window.model
    parts = children(tree(view))
    assert tree(view).role() == Role_.Grouping
    assert [p.role() for p in parts] == [Role_.Heading, Role_.List] * 3
    titles = [p.text(QAccessible.Text.Name) for p in parts[::2]]
    assert titles == ["Communication", "Files and office", "Organisation and knowledge"]
    levels = {p.attributesInterface().attributeValue(QAccessible.Attribute.Level)
              for p in parts[::2]}
    assert levels == {2}
    for heading, section in itertools.pairwise(parts):
        if heading.role() != Role_.Heading:
            continue
        assert section.text(QAccessible.Text.Name) == heading.text(QAccessible.Text.Name)
        items = children(section)
        assert {i.role() for i in items} == {Role_.ListItem}
        assert all(i.parent() is section for i in items)
        assert [section.indexOfChild(i) for i in items] == list(range(len(items)))
    assert sum(len(children(p)) for p in parts[1::2]) == model.tile_count == 10
    # The focus event of the current tile and a point on screen find the same object.
    current = tile_named(view, "Mail")
    centre = current.rect().center()
    assert tree(view).childAt(centre.x(), centre.y()) is current.parent()


def test_hidden_tiles_do_not_report_showing(make_gui: GuiFactory, qtbot: Any) -> None:
    gui = make_gui()
    window, view = gui.window, gui.window.view
    assert not any(t.state().invisible for t in tiles(view))
    window.want_sign_in(True)  # the sign-in screen takes the tiles' place
    qtbot.waitUntil(lambda: not view.isVisible())
    assert tiles(view), "the tiles are still in the tree, just not showing"
    assert all(t.state().invisible for t in tiles(view))
    assert all(p.state().invisible for p in children(tree(view)))


# -- item 5: status in the accessible texts, changes announced ------------------------


def test_state_is_read_with_the_name_and_changes_are_announced(
    make_gui: GuiFactory, qtbot: Any
) -> None:
    gui = make_gui()
    view, model = gui.window.view, gui.window.model
    said: list[str] = []
    view.announced.connect(said.append)
    model.set_statuses(every_state(gui))  # the first round: nothing to announce
    chat = index_of(gui, "chat")
    assert chat.data(Qt.ItemDataRole.AccessibleTextRole) == "Chat, available"
    assert "Status: available" in chat.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert said == []

    rows: list[tuple[int, list[int]]] = []
    model.dataChanged.connect(lambda top, _bottom, roles: rows.append((top.row(), list(roles))))
    model.set_statuses(every_state(gui, ServiceState.UNREACHABLE))
    assert chat.data(Qt.ItemDataRole.AccessibleTextRole) == "Chat, unreachable"
    description = chat.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert "Status: unreachable" in description
    assert "did not answer" in description
    assert [row for row, _ in rows] == [chat.row()], "only the changed tile"
    assert {int(Qt.ItemDataRole.AccessibleTextRole),
            int(Qt.ItemDataRole.AccessibleDescriptionRole)} <= set(rows[0][1])
    assert said == ["Chat is now unreachable"]
    assert tile_named(view, "Chat").text(QAccessible.Text.Name) == "Chat, unreachable"

    model.set_statuses(every_state(gui, ServiceState.UNREACHABLE))  # the same again
    assert said == ["Chat is now unreachable"]
    model.set_statuses(every_state(gui, ServiceState.SLOW))  # usable again
    assert said == ["Chat is now unreachable", "Chat is now slow"]
    model.set_statuses(every_state(gui, ServiceState.AVAILABLE))  # still usable: no news
    model.set_statuses(every_state(gui, ServiceState.UNREACHABLE), offline=True)
    assert len(said) == 2, "offline: the banner says it, once, not each tile"


def test_many_changes_are_announced_in_one_short_sentence(make_gui: GuiFactory) -> None:
    gui = make_gui()
    view, model = gui.window.view, gui.window.model
    said: list[str] = []
    view.announced.connect(said.append)
    model.set_statuses(every_state(gui))
    down = {s.id: ServiceStatus(s.id, ServiceState.UNREACHABLE)
            for s in gui.workplace.catalog.services}
    model.set_statuses(down)
    assert said == ["Mail is now unreachable. Calendar is now unreachable. 8 more services changed"]


def test_accessibility_events_with_a_screen_reader_active(
    make_gui: GuiFactory, qtbot: Any, browser: Path
) -> None:
    """With assistive technology on, focus, data and row changes send their events
    through the tree without a crash or a warning (a wrong type from Python aborts)."""
    gui = make_gui()
    view, model = gui.window.view, gui.window.model
    QAccessible.setActive(True)
    try:
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        for part in walk(tree(view)):  # every object made and registered
            part.rect()
            part.state()
        qtbot.keyClick(view, Qt.Key.Key_Right)
        assert focused(view) == ["Calendar"]
        model.set_statuses(every_state(gui))
        model.set_statuses(every_state(gui, ServiceState.UNREACHABLE))
        qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # new rows
        qtbot.waitUntil(lambda: "Favourites" in headers(gui))
        assert focused(view) == ["Calendar, available"]
        calendar = tile_named(view, "Calendar")
        with qtbot.waitSignal(view.launch_requested):
            calendar.actionInterface().doAction(calendar.actionInterface().pressAction())
        gui.window.header.search.setFocus()
        qtbot.waitUntil(lambda: focused(view) == [])
    finally:
        QAccessible.setActive(False)


# -- finding 8: nothing moves under the pointer ----------------------------------------


def test_opening_a_service_and_a_new_favourite_move_nothing_under_the_pointer(
    make_gui: GuiFactory, qtbot: Any, browser: Path
) -> None:
    gui = make_gui()
    window, view = gui.window, gui.window.view
    active(gui, qtbot)
    point = view.visualRect(index_of(gui, "wiki")).center()
    QTest.mouseMove(view.viewport(), point)
    qtbot.waitUntil(lambda: window.model.layout_held)
    assert under(gui, point) == "wiki@cat:organisation"

    window.launch(gui.workplace.catalog.get("calendar"))  # adds "Recently used"
    assert opened_urls(browser)
    assert under(gui, point) == "wiki@cat:organisation"
    view.setFocus()
    view.setCurrentIndex(index_of(gui, "wiki"))
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # a favourite
    assert index_of(gui, "wiki").data(Role.FAVOURITE), "the star changes at once"
    assert under(gui, point) == "wiki@cat:organisation"
    assert "Favourites" not in headers(gui)

    # The pointer leaves the tiles: now the sections appear, the focus stays on Wiki.
    QTest.mouseMove(window.header.search, window.header.search.rect().center())
    qtbot.waitUntil(lambda: "Favourites" in headers(gui))
    assert headers(gui)[:2] == ["Favourites", "Recently used"]
    assert view.currentIndex().data(Role.SERVICE_ID) == "wiki"
    assert view.currentIndex().data(Role.SECTION) == "cat:organisation"


def test_rows_added_above_keep_the_focused_tile_in_place(
    make_gui: GuiFactory, qtbot: Any
) -> None:
    """Scrolled down, the pointer elsewhere: a new favourite on top does not push the
    tiles in sight down; the focused tile stays where it was on screen."""
    gui = make_gui()
    window, view = gui.window, gui.window.view
    window.resize(560, 420)  # one column: the tiles do not fit, the view scrolls
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: view.tile_width() * 3 > view.viewport().width())  # laid out again
    view.setFocus()
    calendar = index_of(gui, "calendar")
    view.setCurrentIndex(calendar)
    view.scrollTo(calendar, view.ScrollHint.PositionAtTop)  # more tiles below it
    assert 0 < bar.value() < bar.maximum()
    top = view.visualRect(calendar).top()
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "Favourites" in headers(gui)
    assert view.currentIndex().data(Role.SECTION) == "cat:communication"
    assert view.visualRect(view.currentIndex()).top() == top


# -- the audit: Up and Down keep the column ---------------------------------------------


def test_up_and_down_keep_the_column_across_shorter_sections(
    make_gui: GuiFactory, qtbot: Any
) -> None:
    gui = make_gui()
    view = gui.window.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(index_of(gui, "chat"))  # third column; the next section has two

    def walk_keys(*keys: Qt.Key) -> list[str]:
        seen = []
        for key in keys:
            qtbot.keyClick(view, key)
            seen.append(str(view.currentIndex().data(Role.SERVICE_ID)))
        return seen

    down, up = Qt.Key.Key_Down, Qt.Key.Key_Up
    assert walk_keys(down, down, up, up) == ["office", "wiki", "office", "chat"]
    qtbot.keyClick(view, Qt.Key.Key_Left)  # a new column: calendar's
    assert walk_keys(down, down) == ["office", "projects"]


# -- finding 11 and the description: the state in shape and words ------------------------


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("high_contrast", [False, True])
def test_every_state_has_its_own_shape_even_in_one_colour(
    make_gui: GuiFactory, dark: bool, high_contrast: bool
) -> None:
    gui = make_gui()
    delegate = gui.window.view.delegate
    theme = make_theme("#0b5cad", dark=dark, high_contrast=high_contrast)
    delegate.theme = theme
    marks = {}
    for state in (AVAILABLE, SLOW, UNREACHABLE, TLS_PROBLEM, SIGN_IN, NEEDS_VPN, OFFLINE):
        image = QImage(16, 16, QImage.Format.Format_ARGB32)
        image.fill(theme.surface)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        delegate._paint_badge(painter, QRect(1, 1, 14, 14), state, 1.0)
        painter.end()
        assert image != blank(theme.surface), f"{state} has no mark"
        marks[state] = image
    for one, other in itertools.combinations(marks, 2):
        assert marks[one] != marks[other], f"{one} and {other} look the same"
    # "Available" is not just a dot: a tick is cut out of its disc.
    disc = [(x, y) for x in range(4, 13) for y in range(4, 13) if (x - 8) ** 2 + (y - 8) ** 2 <= 16]
    tick = [p for p in disc if near(marks[AVAILABLE].pixelColor(*p), theme.surface, 60)]
    assert len(tick) >= 4, tick


def blank(colour: QColor) -> QImage:
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    image.fill(colour)
    return image


def test_available_is_said_in_words_like_a_problem(make_gui: GuiFactory) -> None:
    gui = make_gui()
    model = gui.window.model
    model.set_statuses(every_state(gui, ServiceState.UNREACHABLE))
    assert index_of(gui, "mail").data(Role.STATUS_LABEL) == "Available"
    assert index_of(gui, "chat").data(Role.STATUS_LABEL) == "Unreachable"


def test_a_problem_keeps_the_whole_description_in_view(make_gui: GuiFactory) -> None:
    """With "Nicht erreichbar" under it, the description still has its two lines, at the
    same place as without (it was cut to one line)."""
    gui = make_gui()
    view, model = gui.window.view, gui.window.model
    mail = index_of(gui, "mail")  # its description takes two lines
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = QRect(0, 0, view.tile_width(), view.tile_height())
    option.state = QStyle.StateFlag.State_Enabled
    lines = view.delegate._wrap(
        str(mail.data(Role.DESCRIPTION)), option.font, view.tile_width() - 120
    )
    assert len(lines) == 2, lines
    model.set_statuses({})
    before = render(view, option, mail)
    model.set_statuses({"mail": ServiceStatus("mail", ServiceState.UNREACHABLE)})
    after = render(view, option, mail)
    text = QRect(70, 8, view.tile_width() - 110, view.tile_height() - 38)  # name + 2 lines
    assert before.copy(text) == after.copy(text)
    assert before != after, "the state is painted under it"


def render(view: Any, option: QStyleOptionViewItem, index: QModelIndex) -> QImage:
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    view.delegate.paint(painter, option, index)
    painter.end()
    return image


def contrast(one: QColor, other: QColor) -> float:
    """WCAG 2: (L1 + 0.05) / (L2 + 0.05) of the relative luminances."""

    def luminance(colour: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in colour.getRgbF()[:3])
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("high_contrast", [False, True])
def test_state_words_and_marks_have_enough_contrast(dark: bool, high_contrast: bool) -> None:
    theme = make_theme("#0b5cad", dark=dark, high_contrast=high_contrast)
    for state in (AVAILABLE, SLOW, UNREACHABLE, TLS_PROBLEM, SIGN_IN, NEEDS_VPN, OFFLINE):
        for background in (theme.surface, theme.selection_background):
            words = contrast(status_colour(theme, state, text=True), background)
            mark = contrast(status_colour(theme, state), background)
            assert words >= 4.5, (state, background.name(), words)
            assert mark >= 3.0, (state, background.name(), mark)
    for background in (theme.surface, theme.selection_background):  # the calm "Available"
        assert contrast(theme.secondary_text, background) >= 4.5, background.name()


def test_the_tree_of_a_view_never_shown(qtbot: Any, make_gui: GuiFactory) -> None:
    """Asked before its window exists (a screen reader walks everything), nothing breaks."""
    from workplace.ui.tilemodel import TileModel
    from workplace.ui.tileview import TileView

    gui = make_gui()
    view = TileView(gui.window.view.delegate.theme)
    qtbot.addWidget(view)
    view.setModel(TileModel(gui.workplace.catalog, "en"))
    parts = list(walk(tree(view)))
    assert len(parts) == 16  # three headings, three lists, ten tiles
    for part in parts:
        assert part.window() is None
        assert part.state().invisible
        part.rect()
