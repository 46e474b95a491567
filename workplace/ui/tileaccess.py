# SPDX-License-Identifier: EUPL-1.2
"""The tile grid as a screen reader reads it (AT-SPI on Linux, through Qt's bridge).

Qt's own interface for a QListView makes every row a list item whose only action is
"Toggle" (selection), reports the current row as focused even while the focus is
elsewhere, and lists the section titles as items. This module gives the view its own
tree instead, installed through ``QAccessible.installFactory``::

    Dienste                      grouping (the view itself)
    ├─ Kommunikation             heading
    ├─ Kommunikation             list: the section's tiles only
    │  ├─ E-Mail                 list item: "Press" opens it, "ShowMenu", "SetFocus"
    │  └─ …
    ├─ Dateien und Office        heading
    └─ …

A tile reports ``focused`` only while the view has the keyboard focus, and nothing
reports ``showing`` while the view is hidden (the sign-in screen in its place).

Lifetime: the objects are Python, handed to Qt's accessibility cache. The cache owns
the view's interface (it is deleted with the view); the items are registered here
and deleted from the cache whenever the model's rows change and when the view goes.
Every override returns exactly the type Qt expects: PySide aborts on a wrong one.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleAttributesInterface,
    QAccessibleEvent,
    QAccessibleInterface,
    QColor,
    QWindow,
)
from PySide6.QtWidgets import QAccessibleWidget

from workplace.ui.tilemodel import Kind, Role

if TYPE_CHECKING:
    from workplace.ui.tileview import TileView

HEADING_LEVEL = 2
_NULL = shiboken6.VoidPtr(0)
"""``interface_cast``'s "no such interface": PySide needs a VoidPtr, not None or 0."""


class Section(NamedTuple):
    """One section of the grid: its header row (if any) and its tile rows (filled in
    as they are found)."""

    title: str
    header: int | None
    tiles: list[int]


def sections_of(view: TileView) -> list[Section]:
    """The model's rows grouped by section, in order."""
    model = view.model()
    out: list[Section] = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(Role.KIND) == Kind.HEADER:
            out.append(Section(str(index.data() or ""), row, []))
        else:
            if not out:
                out.append(Section("", None, []))
            out[-1].tiles.append(row)
    return out


def _global_rect(view: TileView, row: int) -> QRect:
    model = view.model()
    rect = view.visualRect(model.index(row, 0))
    return QRect(view.viewport().mapToGlobal(rect.topLeft()), rect.size())


def _shown(view: TileView, row: int) -> bool:
    """Whether any part of ``row`` is on screen: the view visible, the row in its viewport."""
    if not view.isVisible():
        return False
    return view.viewport().rect().intersects(view.visualRect(view.model().index(row, 0)))


class _Base(QAccessibleInterface):
    """What every part of the tree shares: no children, no own object, Qt's window."""

    def __init__(self, tree: TileTree) -> None:
        super().__init__()
        self.tree = tree

    def isValid(self) -> bool:
        return self.tree.alive

    def object(self) -> QObject | None:  # type: ignore[override]
        return None

    def window(self) -> QWindow | None:  # type: ignore[override]
        return self.tree.view.window().windowHandle()  # None before the window is shown

    def setText(self, t: QAccessible.Text, text: str) -> None:
        pass

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childCount(self) -> int:
        return 0

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def relations(self, match: Any = None) -> list[Any]:
        return []

    def backgroundColor(self) -> QColor:
        return QColor()

    def foregroundColor(self) -> QColor:
        return QColor()

    def interface_cast(self, t: QAccessible.InterfaceType) -> Any:
        return _NULL


class _Level(QAccessibleAttributesInterface):
    """A heading's level: the sections are the second level under the window's title."""

    def attributeKeys(self) -> list[QAccessible.Attribute]:
        return [QAccessible.Attribute.Level]

    def attributeValue(self, key: QAccessible.Attribute) -> Any:
        return HEADING_LEVEL if key == QAccessible.Attribute.Level else None


class HeadingItem(_Base):
    """A section title: a heading, not a list item."""

    def __init__(self, tree: TileTree, number: int) -> None:
        super().__init__(tree)
        self.number = number
        self._level = _Level()

    def interface_cast(self, t: QAccessible.InterfaceType) -> Any:
        if t == QAccessible.InterfaceType.AttributesInterface:
            return shiboken6.VoidPtr(shiboken6.getCppPointer(self._level)[0])
        return _NULL

    def _section(self) -> Section | None:
        sections = self.tree.sections()
        return sections[self.number] if self.number < len(sections) else None

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.Heading

    def text(self, t: QAccessible.Text) -> str:
        section = self._section()
        if section is None or t != QAccessible.Text.Name:
            return ""
        return section.title

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        section = self._section()
        if section is None or section.header is None or not _shown(self.tree.view, section.header):
            state.invisible = True
            state.offscreen = True
        return state

    def rect(self) -> QRect:
        section = self._section()
        if section is None or section.header is None:
            return QRect()
        return _global_rect(self.tree.view, section.header)

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return self.tree.root()


class SectionList(_Base):
    """The tiles of one section, as a list named like its heading."""

    def __init__(self, tree: TileTree, number: int) -> None:
        super().__init__(tree)
        self.number = number

    def _section(self) -> Section | None:
        sections = self.tree.sections()
        return sections[self.number] if self.number < len(sections) else None

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.List

    def text(self, t: QAccessible.Text) -> str:
        section = self._section()
        if section is None or t != QAccessible.Text.Name:
            return ""
        return section.title

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        section = self._section()
        view = self.tree.view
        if section is None or not any(_shown(view, row) for row in section.tiles):
            state.invisible = True
            state.offscreen = True
        return state

    def rect(self) -> QRect:
        section = self._section()
        if section is None or not section.tiles:
            return QRect()
        view = self.tree.view
        return _global_rect(view, section.tiles[0]).united(_global_rect(view, section.tiles[-1]))

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return self.tree.root()

    def childCount(self) -> int:
        section = self._section()
        return len(section.tiles) if section is not None else 0

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        section = self._section()
        if section is None or not 0 <= index < len(section.tiles):
            return None
        return self.tree.tile(section.tiles[index])

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        section = self._section()
        if section is None or not isinstance(child, TileItem):
            return -1
        row = child.row()
        return section.tiles.index(row) if row in section.tiles else -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        item = self.tree.item_at(x, y)
        return item if isinstance(item, TileItem) and item.parent() is self else None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        focus = self.tree.focused_tile()
        return focus if focus is not None and focus.parent() is self else None


class TileActions(QAccessibleActionInterface):
    """A tile's actions. The first is what Enter does: open the service."""

    def __init__(self, item: TileItem) -> None:
        super().__init__()
        self._item = item

    def actionNames(self) -> list[str]:
        return [self.pressAction(), self.showMenuAction(), self.setFocusAction()]

    def localizedActionName(self, name: str) -> str:
        names = {
            self.pressAction(): QCoreApplication.translate("TileActions", "Open"),
            self.showMenuAction(): QCoreApplication.translate("TileActions", "Show menu"),
            self.setFocusAction(): QCoreApplication.translate("TileActions", "Focus"),
        }
        return names.get(name, name)

    def localizedActionDescription(self, name: str) -> str:
        texts = {
            self.pressAction(): QCoreApplication.translate(
                "TileActions", "Opens the service"
            ),
            self.showMenuAction(): QCoreApplication.translate(
                "TileActions", "Shows the service's menu: open, favourite, copy the address"
            ),
            self.setFocusAction(): QCoreApplication.translate(
                "TileActions", "Moves the keyboard focus to the service"
            ),
        }
        return texts.get(name, "")

    def keyBindingsForAction(self, name: str) -> list[str]:
        keys = {self.pressAction(): ["Return"], self.showMenuAction(): ["Shift+F10"]}
        return keys.get(name, [])

    def doAction(self, name: str) -> None:
        # Later, not inside the screen reader's call: opening a service changes the rows
        # ("Recently used"), which deletes this very item while Qt's bridge still uses it.
        row = self._item.row()
        if row >= 0:
            self._item.tree.act(name, row)


class TileItem(_Base):
    """One service tile."""

    def __init__(self, tree: TileTree, index: QModelIndex) -> None:
        super().__init__(tree)
        self.index = QPersistentModelIndex(index)
        self._actions = TileActions(self)

    def row(self) -> int:
        return self.index.row() if self.index.isValid() else -1

    def isValid(self) -> bool:
        return self.tree.alive and self.index.isValid()

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def text(self, t: QAccessible.Text) -> str:
        if t == QAccessible.Text.Name:
            return str(self.index.data(Qt.ItemDataRole.AccessibleTextRole) or "")
        if t == QAccessible.Text.Description:
            return str(self.index.data(Qt.ItemDataRole.AccessibleDescriptionRole) or "")
        return ""

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        view = self.tree.view
        row = self.row()
        state.focusable = True
        if row < 0 or not _shown(view, row):
            state.invisible = True
            state.offscreen = True
        if row >= 0 and view.hasFocus() and view.currentIndex().row() == row:
            state.focused = True
        return state

    def rect(self) -> QRect:
        row = self.row()
        return _global_rect(self.tree.view, row) if row >= 0 else QRect()

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return self.tree.list_of(self.row())

    def interface_cast(self, t: QAccessible.InterfaceType) -> Any:
        if t == QAccessible.InterfaceType.ActionInterface:
            return shiboken6.VoidPtr(shiboken6.getCppPointer(self._actions)[0])
        return _NULL


class TileViewAccessible(QAccessibleWidget):
    """The view: a named grouping of headings and section lists."""

    def __init__(self, view: TileView, tree: TileTree) -> None:
        super().__init__(view, QAccessible.Role.Grouping)
        self.tree = tree

    def childCount(self) -> int:
        return sum(2 if s.header is not None else 1 for s in self.tree.sections())

    def _parts(self) -> list[QAccessibleInterface]:
        parts: list[QAccessibleInterface] = []
        for number, section in enumerate(self.tree.sections()):
            if section.header is not None:
                parts.append(self.tree.heading(number))
            parts.append(self.tree.section_list(number))
        return parts

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        parts = self._parts()
        return parts[index] if 0 <= index < len(parts) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        for number, part in enumerate(self._parts()):
            if part is child:
                return number
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        item = self.tree.item_at(x, y)
        if isinstance(item, TileItem):
            return item.parent()
        return item

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return self.tree.focused_tile()

    def state(self) -> QAccessible.State:
        state = super().state()
        if any(section.tiles for section in self.tree.sections()):
            # The tiles take the focus (one focused object at a time); the grouping
            # itself is nothing to use, as a table's cells, not the table, are.
            state.focused = False
            state.focusable = False
        return state


class TileTree:
    """The registry of a view's accessible objects, made when first asked for."""

    def __init__(self, view: TileView, act: Callable[[str, int], None]) -> None:
        self.view = view
        self.alive = True
        self._act = act
        self._sections: list[Section] | None = None
        self._parts: dict[tuple[str, int], QAccessibleInterface] = {}
        self._ids: list[int] = []
        self._root: TileViewAccessible | None = None
        view.destroyed.connect(self.close)

    def watch(self, model: QAbstractItemModel | None) -> None:
        """Forget the objects made so far whenever ``model`` (the view's) changes its rows."""
        self.forget()
        if model is not None:
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                           model.rowsMoved, model.layoutChanged):
                signal.connect(self.forget)

    # -- the parts --------------------------------------------------------------

    def root(self) -> QAccessibleInterface | None:
        if self._root is None:
            # Qt's cache owns the view's interface; asking it keeps one per view.
            found = QAccessible.queryAccessibleInterface(self.view)
            if isinstance(found, TileViewAccessible):
                self._root = found
            return found
        return self._root

    def adopt(self, root: TileViewAccessible) -> None:
        self._root = root

    def sections(self) -> list[Section]:
        if self._sections is None:
            self._sections = sections_of(self.view)
        return self._sections

    def _part(self, key: tuple[str, int], make: Callable[[], QAccessibleInterface]) -> Any:
        part = self._parts.get(key)
        if part is None:
            part = make()
            self._parts[key] = part
            self._ids.append(QAccessible.registerAccessibleInterface(part))
        return part

    def heading(self, number: int) -> HeadingItem:
        item: HeadingItem = self._part(("heading", number), lambda: HeadingItem(self, number))
        return item

    def section_list(self, number: int) -> SectionList:
        item: SectionList = self._part(("list", number), lambda: SectionList(self, number))
        return item

    def tile(self, row: int) -> TileItem:
        model = self.view.model()
        item: TileItem = self._part(("tile", row), lambda: TileItem(self, model.index(row, 0)))
        return item

    def existing_tile(self, row: int) -> TileItem | None:
        """The tile's object if a screen reader has asked for it (events go only there)."""
        part = self._parts.get(("tile", row))
        return part if isinstance(part, TileItem) else None

    def list_of(self, row: int) -> SectionList | None:
        for number, section in enumerate(self.sections()):
            if row in section.tiles:
                return self.section_list(number)
        return None

    def tile_for(self, index: QModelIndex | QPersistentModelIndex) -> TileItem | None:
        if not index.isValid() or index.data(Role.KIND) != Kind.TILE:
            return None
        return self.tile(index.row())

    def focused_tile(self) -> TileItem | None:
        if not self.view.hasFocus():
            return None
        return self.tile_for(self.view.currentIndex())

    def item_at(self, x: int, y: int) -> QAccessibleInterface | None:
        view = self.view
        index = view.indexAt(view.viewport().mapFromGlobal(QPoint(x, y)))
        if not index.isValid():
            return None
        if index.data(Role.KIND) == Kind.HEADER:
            for number, section in enumerate(self.sections()):
                if section.header == index.row():
                    return self.heading(number)
            return None
        return self.tile(index.row())

    def act(self, name: str, row: int) -> None:
        QTimer.singleShot(0, self.view, lambda: self._act(name, row))

    # -- change ---------------------------------------------------------------

    def forget(self) -> None:
        """The rows changed: every object made so far is gone (a screen reader asks again)."""
        self._sections = None
        ids, self._ids = self._ids, []
        for uid in ids:  # Qt deletes them, then Python lets go (the other way round crashes)
            QAccessible.deleteAccessibleInterface(uid)
        self._parts = {}
        if ids and QAccessible.isActive() and self.alive:
            QAccessible.updateAccessibility(
                QAccessibleEvent(self.view, QAccessible.Event.ObjectReorder)
            )

    def close(self) -> None:
        self.alive = False
        self.forget()
        self._root = None


@functools.cache
def install() -> None:
    """Let Qt ask :func:`_factory` for every object's interface (it answers for TileView).

    Once per process: Qt's factories are the process's, and PySide cannot remove one.
    """
    QAccessible.installFactory(_factory)


def _factory(_key: str, obj: QObject) -> QAccessibleInterface | None:
    from workplace.ui.tileview import TileView

    if isinstance(obj, TileView):
        root = TileViewAccessible(obj, obj.accessible_tree)
        obj.accessible_tree.adopt(root)
        return root
    return None
