# SPDX-License-Identifier: EUPL-1.2
"""The tile grid: one QListView with a painting delegate, not one widget per tile.

Layout: a wrapping left-to-right list whose header rows are as wide as the
viewport, so every section starts on its own line while arrows, Home/End and
Page Up/Down move through all tiles of all sections in one view. (IconMode with
a fixed grid cannot give a header row the full width, hence ListMode + wrapping.)

Keys: arrows move (Up and Down keep the column across sections of different
lengths, as a spreadsheet does), Enter/Return launches, Ctrl+D toggles the
favourite star, the menu key (or Shift+F10) opens the tile's menu, and any
printable key starts a search with that character.

Nothing moves under the pointer: while it is over the tiles of the active window,
the model holds its rows (see ``TileModel.set_layout_held``), as a browser's tab
strip waits with its layout until the pointer leaves. When rows change above a
scrolled view, the tile under the pointer (else the focused one, else the first
one in sight) keeps its place on screen (scroll anchoring, as in browsers).

Screen readers read the tree of :mod:`workplace.ui.tileaccess`: headings, one list
per section, tiles whose first action opens them.

Signals:
    launch_requested(QModelIndex): Enter/Return, a click, or a screen reader's "Press".
    favourite_toggled(str): the star was clicked or Ctrl+D pressed; the service id.
    menu_requested(QModelIndex, QPoint): context menu for a tile at a global position.
    typed(str): a printable key was pressed; the text, for the search field.
    announced(str): a polite announcement went to screen readers (a state change).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QContextMenuEvent,
    QCursor,
    QFocusEvent,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QWidget

from workplace.ui import tileaccess
from workplace.ui.theme import Theme
from workplace.ui.tilemodel import Kind, Role, TileModel
from workplace.ui.tilepaint import (
    TILE_MAX_WIDTH,
    TILE_MIN_WIDTH,
    TileDelegate,
    tile_height,
)

Index = QModelIndex | QPersistentModelIndex

FAVOURITE_SHORTCUT = QKeySequence("Ctrl+D")
LAYOUT_BATCH = 120
"""Rows laid out before the first paint: more than a full-screen window shows."""
ACCESSIBLE_ROLES = (
    int(Qt.ItemDataRole.AccessibleTextRole), int(Qt.ItemDataRole.AccessibleDescriptionRole)
)

__all__ = ["FAVOURITE_SHORTCUT", "TileDelegate", "TileView"]


# A NamedTuple, not a dataclass: defining one before the first paint costs about
# 3.5 M instructions (exec of its generated methods); this costs a quarter.
class _Place(NamedTuple):
    """Where a tile was on screen before the rows changed."""

    service_id: str
    section: str
    top: int


class TileView(QListView):
    """The tile grid; see the module docstring for keys and signals."""

    launch_requested = Signal(QModelIndex)
    favourite_toggled = Signal(str)
    menu_requested = Signal(QModelIndex, QPoint)
    typed = Signal(str)
    announced = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tiles")
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(False)
        # Lay out the first screenfuls at once and the rest from the event loop: the
        # first paint of 1,000 services waits for the tiles it shows, not for all.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self.setSpacing(0)
        # No selection: a click opens, the keys move the current tile. A selection
        # would only paint a second "active" tile while the focus is elsewhere.
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setViewportMargins(22, 10, 22, 22)
        self.setFrameShape(QListView.Shape.NoFrame)
        self._sizes: tuple[int, int, int] | None = None
        self._tiles: TileModel | None = None
        self._pointer: QPoint | None = None
        """Where the pointer is over the viewport (viewport coordinates), if it is."""
        self._places: list[_Place] = []
        self._current: tuple[str, str] | None = None
        self._column_x: int | None = None
        """Up/Down: the column (x) to come back to; kept while ``_column_for`` is current."""
        self._column_for = QPersistentModelIndex()
        self.delegate = TileDelegate(self, theme)
        self.setItemDelegate(self.delegate)
        self.delegate.favourite_clicked.connect(self.favourite_toggled)
        self.clicked.connect(self._on_self_clicked)
        self.accessible_tree = tileaccess.TileTree(self, self._on_accessible_action)
        tileaccess.install()

    def set_theme(self, theme: Theme) -> None:
        self.delegate.theme = theme
        self.viewport().update()

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.accessible_tree.watch(model)
        self._tiles = model if isinstance(model, TileModel) else None
        if self._tiles is not None:
            # After the view's own reset handling (connected in setModel above).
            self._tiles.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
            self._tiles.modelReset.connect(self._on_model_reset)
            self._tiles.announcement.connect(self.announce)

    # -- geometry used by the delegate -------------------------------------

    def _available(self) -> int:
        # What QListView lays out into: the viewport without margins, always minus
        # the scroll bar (the layout reserves it whenever it might appear).
        extent = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        width = self.maximumViewportSize().width() - extent - 2
        return max(TILE_MIN_WIDTH, width)

    def _compute_sizes(self) -> tuple[int, int, int]:
        available = self._available()
        columns = max(1, available // TILE_MIN_WIDTH)
        return available, min(TILE_MAX_WIDTH, available // columns), tile_height(self.font())

    def section_width(self) -> int:
        return (self._sizes or self._compute_sizes())[0]

    def tile_width(self) -> int:
        return (self._sizes or self._compute_sizes())[1]

    def tile_height(self) -> int:
        """Every tile's height: room for the name, two lines and the state, in this font."""
        return (self._sizes or self._compute_sizes())[2]

    def doItemsLayout(self) -> None:
        # Computed once per layout, not once per item: 1,000 tiles stay cheap.
        self._sizes = self._compute_sizes()
        super().doItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.doItemsLayout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        kind = event.type()
        if kind == QEvent.Type.FontChange:
            self.doItemsLayout()
        elif kind == QEvent.Type.ActivationChange:
            self._hold_if_pointed()

    # -- nothing moves under the pointer -------------------------------------

    def _hold_if_pointed(self) -> None:
        """Hold the rows while the pointer is over the tiles of the active window."""
        if self._tiles is not None:
            pointed = self._pointer is not None and self.isVisible() and self.isActiveWindow()
            self._tiles.set_layout_held(pointed)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._pointer = event.position().toPoint()
        self._hold_if_pointed()
        super().mouseMoveEvent(event)

    def enterEvent(self, event: Any) -> None:
        super().enterEvent(event)
        self._pointer = self.viewport().mapFromGlobal(event.globalPosition().toPoint())
        self._hold_if_pointed()

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        # A tile's menu (a popup over the tiles) takes the pointer, not its place:
        # choosing "Add to favourites" there must not move the tiles under it.
        if not self.rect().contains(self.mapFromGlobal(QCursor.pos())):
            self._pointer = None
        self._hold_if_pointed()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._pointer = None
        self._hold_if_pointed()

    def _identify(self, index: Index) -> tuple[str, str] | None:
        service_id = index.data(Role.SERVICE_ID) if self._is_tile(index) else None
        return (str(service_id), str(index.data(Role.SECTION))) if service_id else None

    def _on_model_about_to_be_reset(self) -> None:
        """Note what is in sight, in the order it should stay put.

        Not at the very top: there a new section on top is what the user should see
        (and Qt keeps the focused tile in sight by scrolling to it).
        """
        self._current = self._identify(self.currentIndex())
        self._places = []
        if self.verticalScrollBar().value() == 0:
            return
        viewport = self.viewport().rect()
        first: list[QModelIndex] = []
        if self._pointer is not None:
            first.append(self.indexAt(self._pointer))
        if self.hasFocus():
            first.append(self.currentIndex())
        places: list[_Place] = []
        for index in first + self._in_sight():
            rect = self.visualRect(index)
            identity = self._identify(index)
            if identity is not None and rect.intersects(viewport):
                places.append(_Place(*identity, rect.top()))
        self._places = places

    def _in_sight(self) -> list[QModelIndex]:
        """The rows in the viewport, top to bottom (rows are laid out in order)."""
        model, height = self.model(), self.viewport().height()
        low, high = 0, model.rowCount()
        while low < high:  # the first row not wholly above the viewport
            middle = (low + high) // 2
            if self.visualRect(model.index(middle, 0)).bottom() < 0:
                low = middle + 1
            else:
                high = middle
        rows = []
        for row in range(low, model.rowCount()):
            index = model.index(row, 0)
            if self.visualRect(index).top() > height:
                break
            rows.append(index)
        return rows

    def _on_model_reset(self) -> None:
        places, current = self._places, self._current
        self._places, self._current = [], None
        tiles = self._tiles
        if tiles is None:
            return
        if current is not None and not self.currentIndex().isValid():
            index = tiles.find(*current)
            if index.isValid() and index.data(Role.SECTION) == current[1]:
                self.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.NoUpdate
                )
        if not places:
            return
        self.doItemsLayout()  # now, not later: the new rows' places are needed
        for place in places:
            index = tiles.find(place.service_id, place.section)
            if index.isValid() and index.data(Role.SECTION) == place.section:
                bar = self.verticalScrollBar()
                bar.setValue(bar.value() + self.visualRect(index).top() - place.top)
                return

    # -- keyboard -----------------------------------------------------------

    def _is_tile(self, index: Index) -> bool:
        return index.isValid() and index.data(Role.KIND) == Kind.TILE

    def _tile_near(self, row: int, step: int) -> QModelIndex:
        model = self.model()
        while 0 <= row < model.rowCount():
            index = model.index(row, 0)
            if self._is_tile(index):
                return index
            row += step
        return QModelIndex()

    def _vertical(self, current: QModelIndex, step: int) -> QModelIndex:
        """The tile in the next row up or down nearest the remembered column."""
        here = self.visualRect(current)
        if self._column_x is None or self._column_for != current:
            self._column_x = here.center().x()
        model = self.model()
        row_top: int | None = None
        best, distance = QModelIndex(), 0
        row = current.row() + step
        while 0 <= row < model.rowCount():
            index = model.index(row, 0)
            rect = self.visualRect(index)
            row += step
            if not self._is_tile(index) or rect.top() == here.top():
                continue
            if row_top is None:
                row_top = rect.top()
            elif rect.top() != row_top:
                break
            gap = abs(rect.center().x() - self._column_x)
            if not best.isValid() or gap < distance:
                best, distance = index, gap
        if not best.isValid():
            return current
        self._column_for = QPersistentModelIndex(best)
        return best

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return QModelIndex()
        current = self.currentIndex()
        action_type = QAbstractItemView.CursorAction
        if action == action_type.MoveHome:
            return self._tile_near(0, 1)
        if action == action_type.MoveEnd:
            return self._tile_near(model.rowCount() - 1, -1)
        if not self._is_tile(current):
            return self._tile_near(0, 1)
        if action in (action_type.MoveUp, action_type.MoveDown):
            return self._vertical(current, -1 if action == action_type.MoveUp else 1)
        target = super().moveCursor(action, modifiers)
        if self._is_tile(target):
            return target
        step = -1 if action in (action_type.MovePageUp, action_type.MoveUp) else 1
        found = self._tile_near(target.row(), step) if target.isValid() else QModelIndex()
        return found if found.isValid() else current

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        current = self.currentIndex()
        if event.matches(QKeySequence.StandardKey.Find):
            event.ignore()  # the window's Ctrl+F
            return
        if key == Qt.Key.Key_D and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            if self._is_tile(current):
                self.favourite_toggled.emit(str(current.data(Role.SERVICE_ID)))
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._is_tile(current):
                self.launch_requested.emit(current)
            event.accept()
            return
        text = event.text()
        mods = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if (
            text
            and text.isprintable()
            and not text.isspace()
            and mods == Qt.KeyboardModifier.NoModifier
        ):
            self.typed.emit(text)
            event.accept()
            return
        super().keyPressEvent(event)

    # -- focus: one at a time ---------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:
        if not self._is_tile(self.currentIndex()):
            first = self._tile_near(0, 1)
            if first.isValid():
                self.setCurrentIndex(first)
        super().focusInEvent(event)
        if QAccessible.isActive():
            # After Qt's focus event for the view itself (sent once this returns).
            QTimer.singleShot(0, self, self._tell_focus)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()  # the focus frame goes with the focus

    def currentChanged(self, current: Index, previous: Index) -> None:
        # QAbstractItemView's, not QListView's: that one names the tile to screen
        # readers by its row number, and this view's accessible tree has sections.
        QAbstractItemView.currentChanged(self, current, previous)
        if QAccessible.isActive():
            self._tell_focus()

    def selectionChanged(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        # As above: QListView's would name rows this view's tree does not have.
        QAbstractItemView.selectionChanged(self, selected, deselected)

    def _tell_focus(self) -> None:
        tile = self.accessible_tree.focused_tile()
        if tile is not None:
            QAccessible.updateAccessibility(QAccessibleEvent(tile, QAccessible.Event.Focus))

    # -- what a screen reader hears --------------------------------------------

    def dataChanged(
        self, top_left: Index, bottom_right: Index, roles: Sequence[int] = ()
    ) -> None:
        super().dataChanged(top_left, bottom_right, list(roles))
        if not QAccessible.isActive():
            return
        if roles and not any(int(role) in ACCESSIBLE_ROLES for role in roles):
            return
        for row in range(top_left.row(), bottom_right.row() + 1):
            tile = self.accessible_tree.existing_tile(row)
            if tile is not None:
                for kind in (QAccessible.Event.NameChanged, QAccessible.Event.DescriptionChanged):
                    QAccessible.updateAccessibility(QAccessibleEvent(tile, kind))

    def announce(self, text: str) -> None:
        """Say ``text`` politely (after what is being read), e.g. a service's new state."""
        self.announced.emit(text)
        if QAccessible.isActive():
            from PySide6.QtGui import QAccessibleAnnouncementEvent  # built on use

            event = QAccessibleAnnouncementEvent(self, text)
            event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
            QAccessible.updateAccessibility(event)

    def _on_accessible_action(self, name: str, row: int) -> None:
        """A screen reader (or switch or voice control) pressed a tile's action."""
        index = self.model().index(row, 0)
        if not self._is_tile(index):
            return
        actions = tileaccess.TileActions
        if name == actions.pressAction():
            self.setCurrentIndex(index)
            self.launch_requested.emit(index)
        elif name == actions.showMenuAction():
            self.setCurrentIndex(index)
            rect = self.visualRect(index)
            self.menu_requested.emit(index, self.viewport().mapToGlobal(rect.center()))
        elif name == actions.setFocusAction():
            self.setCurrentIndex(index)
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- mouse ------------------------------------------------------------------

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            index = self.indexAt(event.pos())
        else:
            index = self.currentIndex()
            if self._is_tile(index):
                rect = self.visualRect(index)
                event_pos = rect.center()
                self.menu_requested.emit(index, self.viewport().mapToGlobal(event_pos))
                return
        if self._is_tile(index):
            self.setCurrentIndex(index)
            self.menu_requested.emit(index, event.globalPos())

    def _on_self_clicked(self, index: QModelIndex) -> None:
        if self._is_tile(index):
            self.launch_requested.emit(index)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # A double click is two clicks: the first already launched.
        event.accept()
