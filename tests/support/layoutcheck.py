# SPDX-License-Identifier: EUPL-1.2
"""What a person sees, checked from the real widgets: nothing overlaps, nothing is cut off,
Tab follows the reading order, every control has a name (WCAG 1.3.2, 1.4.4, 1.4.10, 2.4.3,
4.1.2).

Used by the window tests (offscreen) and by the zoom probe under Xvfb.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QProgressBar,
    QWidget,
)

ROW_TOLERANCE = 8
"""Centres closer than this (px) count as one row."""


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def _is_viewport(widget: QWidget) -> bool:
    area = widget.parentWidget()
    return isinstance(area, QAbstractScrollArea) and area.viewport() is widget


def visible_part(widget: QWidget) -> QRect:
    """The part of ``widget`` its ancestors (scroll areas' viewports included) let show."""
    return _clipped(widget, by_viewports=True)


def _clipped(widget: QWidget, *, by_viewports: bool) -> QRect:
    """``widget`` clipped by its ancestors; without ``by_viewports`` only by those below
    the nearest scroll area (what lies beyond can be scrolled into sight)."""
    rect = global_rect(widget)
    parent = widget.parentWidget()
    while parent is not None:
        if not by_viewports and _is_viewport(parent):
            break
        rect = rect.intersected(global_rect(parent))
        if parent.isWindow():
            break
        parent = parent.parentWidget()
    return rect


def cut_off(widget: QWidget) -> bool:
    """Clipped by its container: a layout squeezed it (scrolling out of sight is fine)."""
    return _clipped(widget, by_viewports=False) != global_rect(widget)


def scrolls_sideways(window: QWidget) -> list[str]:
    """Scroll areas that need a horizontal scroll bar: the content did not reflow."""
    return [
        f"{type(area).__name__}({area.objectName()!r}) scrolls sideways"
        for area in window.findChildren(QAbstractScrollArea)
        if area.isVisible() and area.window() is window
        and area.horizontalScrollBar().maximum() > 0
    ]


def leaves(window: QWidget) -> list[QWidget]:
    """The visible things a person reads or uses: labels, buttons, fields, bars."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QLabel) and not (widget.text() or widget.pixmap()):
            continue
        if isinstance(widget, QAbstractButton) and isinstance(widget.parentWidget(), QLineEdit):
            continue  # the field's own icons, inside it by design
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit | QProgressBar):
            found.append(widget)
    return found


def layout_problems(window: QWidget) -> list[str]:
    """Overlapping controls, controls cut off by their container, text that does not fit."""
    problems = []
    shown: list[tuple[QWidget, QRect]] = []
    for widget in leaves(window):
        name = _describe(widget)
        whole, part = global_rect(widget), visible_part(widget)
        if cut_off(widget):
            clipped = _clipped(widget, by_viewports=False)
            problems.append(f"{name} is cut off: {whole.getRect()} shows {clipped.getRect()}")
        if part.isEmpty():
            continue  # scrolled out of sight
        shown.append((widget, part))
        problems.extend(_text_problems(widget, name))
    problems.extend(scrolls_sideways(window))
    for (a, ra), (b, rb) in itertools.combinations(shown, 2):
        if a.isAncestorOf(b) or b.isAncestorOf(a):
            continue
        if ra.intersects(rb):
            overlap = ra.intersected(rb)
            problems.append(f"{_describe(a)} and {_describe(b)} overlap at {overlap.getRect()}")
    return problems


def _text_problems(widget: QWidget, name: str) -> list[str]:
    metrics = QFontMetrics(widget.font())
    plain = isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.RichText
    if isinstance(widget, QLabel) and widget.text() and plain:
        room = widget.contentsRect()
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height():
                return [f"{name} needs {needed} px height, has {widget.height()}"]
            words = widget.text().split()
            widest = max((metrics.horizontalAdvance(word) for word in words), default=0)
            if widest > room.width():
                return [f"{name}: a word is {widest} px wide, the label {room.width()}"]
        else:
            lines = widget.text().split("\n")
            widest = max(metrics.horizontalAdvance(line) for line in lines)
            if widest > room.width():
                return [f"{name}: text is {widest} px wide, the label {room.width()}"]
    if isinstance(widget, QAbstractButton):
        hint = widget.sizeHint()
        if hint.width() > widget.width() or hint.height() > widget.height():
            return [f"{name} needs {hint.width()}×{hint.height()}, has "
                    f"{widget.width()}×{widget.height()}"]
    if isinstance(widget, QLineEdit) and widget.placeholderText() \
            and widget.minimumWidth() > widget.width():
        return [f"{name} is narrower ({widget.width()}) than its label needs "
                f"({widget.minimumWidth()})"]
    return []


def _describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()
    label = widget.accessibleName() or text or widget.objectName()
    return f"{type(widget).__name__}({label!r})"


# -- keyboard --------------------------------------------------------------------------


def tabbable(window: QWidget) -> list[QWidget]:
    """Every widget Tab can reach now: shown, enabled, taking Tab focus."""
    return [
        w for w in window.findChildren(QWidget)
        if w.isVisible() and w.isEnabled() and w.window() is window
        and (w.focusPolicy() & Qt.FocusPolicy.TabFocus) == Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
    ]


def reading_first(widgets: list[QWidget]) -> QWidget:
    """The one read first: the topmost row (centres within the tolerance), leftmost in it."""
    top = min(visible_part(w).center().y() for w in widgets)
    row = [w for w in widgets if visible_part(w).center().y() - top <= ROW_TOLERANCE]
    return min(row, key=lambda w: visible_part(w).center().x())


def order_problems(chain: list[QWidget]) -> list[str]:
    """Pairs in ``chain`` that do not follow reading order (top to bottom, then left to
    right; centres within :data:`ROW_TOLERANCE` are one row)."""
    problems = []
    for before, after in itertools.pairwise(chain):
        a, b = visible_part(before).center(), visible_part(after).center()
        if abs(a.y() - b.y()) <= ROW_TOLERANCE:
            if b.x() <= a.x():
                problems.append(f"{_describe(after)} is left of {_describe(before)} "
                                "in the same row but comes after it")
        elif b.y() < a.y():
            problems.append(f"{_describe(after)} is above {_describe(before)} but comes after it")
    return problems


# -- assistive technology --------------------------------------------------------------

UNNAMED_OK = frozenset({
    QAccessible.Role.Client, QAccessible.Role.Pane, QAccessible.Role.Grouping,
    QAccessible.Role.Separator, QAccessible.Role.ScrollBar,
    QAccessible.Role.LayeredPane, QAccessible.Role.Window, QAccessible.Role.Application,
})
CONTAINERS = frozenset({
    QAccessible.Role.Client, QAccessible.Role.Pane, QAccessible.Role.Grouping,
    QAccessible.Role.LayeredPane, QAccessible.Role.Window,
    QAccessible.Role.NoRole,
})


def accessible_nodes(widget: QWidget) -> list[QAccessibleInterface]:
    """The accessibility tree under ``widget``, as a screen reader walks it."""
    root = QAccessible.queryAccessibleInterface(widget)
    nodes: list[QAccessibleInterface] = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        nodes.append(node)
        stack.extend(
            child for child in (node.child(i) for i in range(node.childCount()))
            if child is not None and child.isValid()
        )
    return nodes


def naming_problems(window: QWidget) -> list[str]:
    """Showing objects that take focus, or buttons, without a name or with no real role;
    hidden objects that report themselves showing."""
    problems = []
    for node in accessible_nodes(window):
        state, role = node.state(), node.role()
        name = node.text(QAccessible.Text.Name)
        where = f"{role.name} at {node.rect().getRect()}"
        if state.invisible:
            continue
        owner = node.object()
        if isinstance(owner, QWidget) and not owner.isVisible():
            problems.append(f"{where} ({name!r}) reports itself showing but is hidden")
            continue
        if isinstance(owner, QWidget) is False and not _parent_showing(node):
            problems.append(f"{where} ({name!r}) reports itself showing inside a hidden view")
            continue
        takes_focus = state.focusable and not state.disabled
        is_button = role in (QAccessible.Role.Button, QAccessible.Role.PushButton)
        if (takes_focus or is_button) and not name.strip():
            problems.append(f"{where} takes focus or is a button but has no name")
        if takes_focus and role in CONTAINERS and isinstance(owner, QWidget) \
                and owner.focusPolicy() & Qt.FocusPolicy.TabFocus:
            problems.append(f"{where} ({name!r}) is a Tab stop that is nothing to use")
    return problems


def _parent_showing(node: QAccessibleInterface) -> bool:
    parent = node.parent()
    while parent is not None and parent.isValid():
        owner = parent.object()
        if isinstance(owner, QWidget):
            return owner.isVisible() and owner.width() > 0 and owner.height() > 0
        parent = parent.parent()
    return True


def focus_widget() -> QWidget | None:
    return QApplication.focusWidget()
