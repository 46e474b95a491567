# SPDX-License-Identifier: EUPL-1.2
"""The tile grid: one QListView with a painting delegate, not one widget per tile.

Layout: a wrapping left-to-right list whose header rows are as wide as the
viewport, so every section starts on its own line while arrows, Home/End and
Page Up/Down move through all tiles of all sections in one view. (IconMode with
a fixed grid cannot give a header row the full width, hence ListMode + wrapping.)

Keys: arrows move, Enter/Return launches, Ctrl+D toggles the favourite star,
the menu key (or Shift+F10) opens the tile's menu, and any printable key starts
a search with that character.

Signals:
    launch_requested(QModelIndex): Enter/Return or a click on a tile.
    favourite_toggled(str): the star was clicked or Ctrl+D pressed; the service id.
    menu_requested(QModelIndex, QPoint): context menu for a tile at a global position.
    typed(str): a printable key was pressed; the text, for the search field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QResizeEvent,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from workplace.ui import icons
from workplace.ui.statustext import SLOW, TLS_PROBLEM, UNREACHABLE, status_colour, status_icon
from workplace.ui.theme import Theme
from workplace.ui.tilemodel import Kind, Role

Index = QModelIndex | QPersistentModelIndex

TILE_HEIGHT = 92
TILE_MIN_WIDTH = 250
TILE_MAX_WIDTH = 360
GAP = 6  # half the gap between tiles
HEADER_HEIGHT = 44
FIRST_HEADER_HEIGHT = 34
ICON_BOX = 46
ICON_SIZE = 26
STAR_SIZE = 20
BADGE_SIZE = 16
FAVOURITE_SHORTCUT = QKeySequence("Ctrl+D")


class TileDelegate(QStyledItemDelegate):
    """Paints tiles and section headers.

    Signals:
        favourite_clicked(str): the star of a tile was clicked; the service id.
    """

    favourite_clicked = Signal(str)

    def __init__(self, view: TileView, theme: Theme) -> None:
        super().__init__(view)
        self._view = view
        self.theme = theme

    # -- geometry -----------------------------------------------------------

    @staticmethod
    def card_rect(option_rect: QRect) -> QRect:
        return option_rect.adjusted(GAP, GAP, -GAP, -GAP)

    @classmethod
    def star_rect(cls, option_rect: QRect) -> QRect:
        card = cls.card_rect(option_rect)
        return QRect(card.right() - STAR_SIZE - 11, card.top() + 11, STAR_SIZE, STAR_SIZE)

    @classmethod
    def badge_rect(cls, option_rect: QRect) -> QRect:
        card = cls.card_rect(option_rect)
        return QRect(
            card.right() - BADGE_SIZE - 13, card.bottom() - BADGE_SIZE - 12, BADGE_SIZE, BADGE_SIZE
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if index.data(Role.KIND) == Kind.HEADER:
            height = FIRST_HEADER_HEIGHT if index.data(Role.FIRST_SECTION) else HEADER_HEIGHT
            return QSize(self._view.section_width(), height)
        return QSize(self._view.tile_width(), TILE_HEIGHT)

    # -- painting -----------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if index.data(Role.KIND) == Kind.HEADER:
            self._paint_header(painter, option, index)
        else:
            self._paint_tile(painter, option, index)
        painter.restore()

    def _paint_header(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        theme = self.theme
        rect = option.rect.adjusted(GAP + 2, 0, -GAP, -4)
        font = QFont(option.font)
        font.setWeight(QFont.Weight.DemiBold)
        font.setPointSizeF(font.pointSizeF() * 1.05)
        painter.setFont(font)
        painter.setPen(theme.text if theme.high_contrast else theme.secondary_text)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        metrics = QFontMetrics(font)
        text_rect = QRect(
            rect.left(), rect.bottom() - metrics.height(), rect.width(), metrics.height()
        )
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title
        )
        line_x = rect.left() + metrics.horizontalAdvance(title) + 12
        line_y = text_rect.center().y() + 1
        if line_x < rect.right():
            painter.setPen(QPen(theme.border, 1))
            painter.drawLine(line_x, line_y, rect.right(), line_y)

    def _paint_tile(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        theme = self.theme
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        focused = bool(state & QStyle.StateFlag.State_HasFocus) and self._view.hasFocus()
        card = QRectF(self.card_rect(option.rect))
        radius = 10.0

        background = theme.selection_background if (selected or focused) else theme.surface
        state = index.data(Role.STATUS)
        if focused:
            pen = QPen(theme.focus, 3 if theme.high_contrast else 2)
        elif hovered or selected:
            pen = QPen(theme.hover_border, theme.border_width + (1 if theme.high_contrast else 0))
        elif state == TLS_PROBLEM:
            pen = QPen(status_colour(theme, TLS_PROBLEM), 1.5 + theme.border_width)
        else:
            pen = QPen(theme.border, theme.border_width)
        inset = pen.widthF() / 2
        path = QPainterPath()
        path.addRoundedRect(card.adjusted(inset, inset, -inset, -inset), radius, radius)
        if not theme.dark and not theme.high_contrast:
            shadow = QPainterPath()
            shadow.addRoundedRect(card.adjusted(0.5, 1.5, -0.5, 1.5), radius, radius)
            painter.fillPath(shadow, theme.border.darker(104))
        painter.fillPath(path, background)
        painter.setPen(pen)
        painter.drawPath(path)

        # Icon in a soft accent square.
        box = QRectF(card.left() + 16, card.center().y() - ICON_BOX / 2, ICON_BOX, ICON_BOX)
        box_path = QPainterPath()
        box_path.addRoundedRect(box, 11, 11)
        painter.fillPath(box_path, theme.icon_background)
        if theme.high_contrast:
            painter.setPen(QPen(theme.border, 1.5))
            painter.drawPath(box_path)
        dpr = painter.device().devicePixelRatioF()
        remote = index.data(Role.ICON_IMAGE)
        if isinstance(remote, QImage) and not remote.isNull():
            pix = icons.remote_pixmap(remote, ICON_SIZE, dpr)  # the service's own colours
        else:
            pix = icons.pixmap(str(index.data(Role.ICON_NAME)), theme.accent, ICON_SIZE, dpr)
        painter.drawPixmap(
            int(box.center().x() - ICON_SIZE / 2), int(box.center().y() - ICON_SIZE / 2), pix
        )

        # Name and description.
        text_left = int(box.right()) + 14
        text_right = int(card.right()) - STAR_SIZE - 18
        width = max(10, text_right - text_left)
        name_font = QFont(option.font)
        name_font.setWeight(QFont.Weight.DemiBold)
        name_font.setPointSizeF(name_font.pointSizeF() * 1.12)
        desc_font = QFont(option.font)
        name_metrics = QFontMetrics(name_font)
        desc_metrics = QFontMetrics(desc_font)
        name = name_metrics.elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""), Qt.TextElideMode.ElideRight, width
        )
        description = str(index.data(Role.DESCRIPTION) or "")
        label = str(index.data(Role.STATUS_LABEL) or "") if state else ""
        lines = self._wrap(description, desc_font, width, 1 if label else 2)
        block = name_metrics.height() + 3 + (len(lines) + bool(label)) * desc_metrics.lineSpacing()
        top = int(card.center().y() - block / 2)
        painter.setFont(name_font)
        painter.setPen(theme.text)
        painter.drawText(
            QRect(text_left, top, width, name_metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            name,
        )
        painter.setFont(desc_font)
        painter.setPen(theme.secondary_text)
        y = top + name_metrics.height() + 3
        for line in lines:
            painter.drawText(
                QRect(text_left, y, width, desc_metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                line,
            )
            y += desc_metrics.lineSpacing()
        if label:
            # A problem says so in words under the description, with its mark in front.
            mark = QRect(text_left, y + (desc_metrics.height() - BADGE_SIZE + 2) // 2,
                         BADGE_SIZE - 2, BADGE_SIZE - 2)
            self._paint_badge(painter, mark, str(state), dpr)
            status_font = QFont(desc_font)
            status_font.setWeight(QFont.Weight.DemiBold)
            painter.setFont(status_font)
            painter.setPen(status_colour(theme, str(state), text=True))
            room = int(card.right()) - 14 - (text_left + BADGE_SIZE + 3)  # below the star
            painter.drawText(
                QRect(text_left + BADGE_SIZE + 3, y, room, desc_metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                QFontMetrics(status_font).elidedText(label, Qt.TextElideMode.ElideRight, room),
            )

        # Favourite star: always when pinned, on hover/selection as an invitation.
        favourite = bool(index.data(Role.FAVOURITE))
        if favourite or hovered or selected or focused or theme.high_contrast:
            star = self.star_rect(option.rect)
            colour = theme.accent if favourite else theme.secondary_text
            pix = icons.pixmap("star-on" if favourite else "star-off", colour, STAR_SIZE, dpr)
            painter.drawPixmap(star.topLeft(), pix)

        if state in ("available", "offline"):
            self._paint_badge(painter, self.badge_rect(option.rect), str(state), dpr)

    def _paint_badge(self, painter: QPainter, rect: QRect, state: str, dpr: float) -> None:
        """The status mark: a dot for available/slow, a ring with a cross for unreachable,
        an icon for the states a colour alone cannot tell (certificate, VPN, sign-in)."""
        colour = status_colour(self.theme, state)
        name = status_icon(state)
        if name is not None:
            painter.drawPixmap(rect.topLeft(), icons.pixmap(name, colour, rect.width(), dpr))
            return
        centre = QRectF(rect).center()
        if state == UNREACHABLE:
            radius = 6.0
            painter.setPen(QPen(colour, 1.8))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, radius, radius)
            arm = 2.6
            cross = QRectF(centre.x() - arm, centre.y() - arm, 2 * arm, 2 * arm)
            painter.drawLine(cross.topLeft(), cross.bottomRight())
            painter.drawLine(cross.topRight(), cross.bottomLeft())
            return
        if state in ("available", SLOW):
            radius = 5.0 if state == "available" else 5.5
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(centre, radius, radius)
            if state == SLOW:  # a notch: slow differs from available by shape too
                painter.setBrush(self.theme.surface)
                painter.drawEllipse(centre, 2.0, 2.0)

    @staticmethod
    def _wrap(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
        if not text:
            return []
        layout = QTextLayout(text, font)
        layout.beginLayout()
        lines: list[str] = []
        last_start = 0
        rest = 0
        while len(lines) < max_lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            last_start, length = line.textStart(), line.textLength()
            lines.append(text[last_start : last_start + length].rstrip())
            rest = last_start + length
        layout.endLayout()
        if lines and rest < len(text):
            metrics = QFontMetrics(font)
            lines[-1] = metrics.elidedText(text[last_start:], Qt.TextElideMode.ElideRight, width)
        return lines

    # -- mouse on the star --------------------------------------------------

    def editorEvent(
        self, event: QEvent, model: Any, option: QStyleOptionViewItem, index: Index
    ) -> bool:
        if index.data(Role.KIND) != Kind.TILE:
            return False
        if event.type() in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
        ):
            assert isinstance(event, QMouseEvent)
            on_star = (
                self.star_rect(option.rect)
                .adjusted(-6, -6, 6, 6)
                .contains(event.position().toPoint())
            )
            if on_star and event.button() == Qt.MouseButton.LeftButton:
                if event.type() == QEvent.Type.MouseButtonRelease:
                    self.favourite_clicked.emit(str(index.data(Role.SERVICE_ID)))
                return True
        return False


class TileView(QListView):
    """The tile grid; see the module docstring for keys and signals."""

    launch_requested = Signal(QModelIndex)
    favourite_toggled = Signal(str)
    menu_requested = Signal(QModelIndex, QPoint)
    typed = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tiles")
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(False)
        self.setSpacing(0)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setViewportMargins(22, 10, 22, 22)
        self.setFrameShape(QListView.Shape.NoFrame)
        self._widths: tuple[int, int] | None = None
        self.delegate = TileDelegate(self, theme)
        self.setItemDelegate(self.delegate)
        self.delegate.favourite_clicked.connect(self.favourite_toggled)
        self.clicked.connect(self._on_self_clicked)

    def set_theme(self, theme: Theme) -> None:
        self.delegate.theme = theme
        self.viewport().update()

    # -- geometry used by the delegate -------------------------------------

    def _available(self) -> int:
        # What QListView lays out into: the viewport without margins, always minus
        # the scroll bar (the layout reserves it whenever it might appear).
        extent = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        width = self.maximumViewportSize().width() - extent - 2
        return max(TILE_MIN_WIDTH, width)

    def _compute_widths(self) -> tuple[int, int]:
        available = self._available()
        columns = max(1, available // TILE_MIN_WIDTH)
        return available, min(TILE_MAX_WIDTH, available // columns)

    def section_width(self) -> int:
        return (self._widths or self._compute_widths())[0]

    def tile_width(self) -> int:
        return (self._widths or self._compute_widths())[1]

    def doItemsLayout(self) -> None:
        # Computed once per layout, not once per item: 1,000 tiles stay cheap.
        self._widths = self._compute_widths()
        super().doItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.doItemsLayout()

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

    def focusInEvent(self, event: Any) -> None:
        if not self._is_tile(self.currentIndex()):
            first = self._tile_near(0, 1)
            if first.isValid():
                self.setCurrentIndex(first)
        super().focusInEvent(event)

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
