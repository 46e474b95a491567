# SPDX-License-Identifier: EUPL-1.2
"""How a tile and a section title look: the tile view's painting delegate.

A tile: its icon in a soft square, the name, the description (two lines), and under
it the state in words with its mark: "✓ Erreichbar", "⊗ Nicht erreichbar". A state
is never told by colour alone: each has its own shape, and its words.

The focus frame follows the keyboard focus: it is drawn only while the view has it
(one focus at a time: the header's button and a tile never both look focused).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QTextLayout,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from workplace.ui import icons
from workplace.ui.statustext import (
    AVAILABLE,
    OFFLINE,
    SIGN_IN,
    SLOW,
    TLS_PROBLEM,
    UNREACHABLE,
    status_colour,
    status_icon,
)
from workplace.ui.theme import Theme
from workplace.ui.tilemodel import Kind, Role

if TYPE_CHECKING:
    from workplace.ui.tileview import TileView

Index = QModelIndex | QPersistentModelIndex

TILE_HEIGHT = 92
"""The least height of a tile; larger fonts make every tile taller (never only some)."""
TILE_MIN_WIDTH = 250
TILE_MAX_WIDTH = 360
GAP = 6  # half the gap between tiles
PADDING = 10
"""The least room above and below a tile's text."""
HEADER_HEIGHT = 44
FIRST_HEADER_HEIGHT = 34
ICON_BOX = 46
ICON_SIZE = 26
STAR_SIZE = 20
BADGE_SIZE = 16
COUNT_HEIGHT = 18
DESCRIPTION_LINES = 2
NAME_GAP = 3


def name_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setWeight(QFont.Weight.DemiBold)
    font.setPointSizeF(font.pointSizeF() * 1.12)
    return font


def text_block_height(base: QFont) -> int:
    """The name, two lines of description and the state's line, in ``base``."""
    lines = QFontMetrics(base).lineSpacing() * (DESCRIPTION_LINES + 1)
    return QFontMetrics(name_font(base)).height() + NAME_GAP + lines


def tile_height(base: QFont) -> int:
    return max(TILE_HEIGHT, text_block_height(base) + 2 * (PADDING + GAP))


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
        return QSize(self._view.tile_width(), self._view.tile_height())

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
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        # QListView marks the current tile only while it has the focus; asking the view
        # as well keeps it so when a style or a caller passes the flag regardless.
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus) and self._view.hasFocus()
        card = QRectF(self.card_rect(option.rect))
        radius = 10.0

        background = theme.selection_background if focused else theme.surface
        state = index.data(Role.STATUS)
        if focused:
            pen = QPen(theme.focus, 3 if theme.high_contrast else 2)
        elif hovered:
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
        count = str(index.data(Role.BADGE) or "")
        if count:
            self._paint_count(painter, box, count, option.font)

        self._paint_texts(painter, option, index, card, int(box.right()) + 14, dpr)

        # Favourite star: always when pinned, on hover/focus as an invitation.
        favourite = bool(index.data(Role.FAVOURITE))
        document = index.data(Role.DOCUMENT) is not None  # no star: not a service
        if not document and (favourite or hovered or focused or theme.high_contrast):
            star = self.star_rect(option.rect)
            colour = theme.accent if favourite else theme.secondary_text
            pix = icons.pixmap("star-on" if favourite else "star-off", colour, STAR_SIZE, dpr)
            painter.drawPixmap(star.topLeft(), pix)

        if state == OFFLINE:  # one banner says it in words; each tile shows the mark
            self._paint_badge(painter, self.badge_rect(option.rect), OFFLINE, dpr)

    def _paint_texts(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Index,
        card: QRectF,
        text_left: int,
        dpr: float,
    ) -> None:
        """The name, the description in full (two lines) and the state in words."""
        theme = self.theme
        text_right = int(card.right()) - STAR_SIZE - 18
        width = max(10, text_right - text_left)
        big = name_font(option.font)
        desc_font = QFont(option.font)
        name_metrics = QFontMetrics(big)
        desc_metrics = QFontMetrics(desc_font)
        name = name_metrics.elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""), Qt.TextElideMode.ElideRight, width
        )
        state = index.data(Role.STATUS)
        label = str(index.data(Role.STATUS_LABEL) or "") if state else ""
        problem = str(index.data(Role.WAITING_PROBLEM) or "")
        if problem:  # the integration needs the user: that comes first, as sign-in does
            state, label = SIGN_IN, problem
        lines = self._wrap(str(index.data(Role.DESCRIPTION) or ""), desc_font, width)
        # Centred as if every line were there: the text stays put when a state arrives.
        top = int(card.center().y() - text_block_height(option.font) / 2)
        painter.setFont(big)
        painter.setPen(theme.text)
        painter.drawText(
            QRect(text_left, top, width, name_metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            name,
        )
        painter.setFont(desc_font)
        painter.setPen(theme.secondary_text)
        y = top + name_metrics.height() + NAME_GAP
        for line in lines:
            painter.drawText(
                QRect(text_left, y, width, desc_metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                line,
            )
            y += desc_metrics.lineSpacing()
        if not label:
            return
        # The state in words under the description, with its mark in front.
        y = top + name_metrics.height() + NAME_GAP + DESCRIPTION_LINES * desc_metrics.lineSpacing()
        mark = QRect(text_left, y + (desc_metrics.height() - BADGE_SIZE + 2) // 2,
                     BADGE_SIZE - 2, BADGE_SIZE - 2)
        self._paint_badge(painter, mark, str(state), dpr)
        status_font = QFont(desc_font)
        if state != AVAILABLE:  # a problem stands out; "available" stays calm
            status_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(status_font)
        calm = state == AVAILABLE and not theme.high_contrast  # the tick says it in colour
        painter.setPen(theme.secondary_text if calm else status_colour(theme, str(state)))
        room = int(card.right()) - 14 - (text_left + BADGE_SIZE + 3)  # below the star
        painter.drawText(
            QRect(text_left + BADGE_SIZE + 3, y, room, desc_metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(status_font).elidedText(label, Qt.TextElideMode.ElideRight, room),
        )

    def _paint_count(self, painter: QPainter, box: QRectF, count: str, base: QFont) -> None:
        """The count on a disc at the icon's upper right corner ("3", "99+"); the number
        is also in the tile's accessible name. Its colours are theme tokens (contrast
        checked: the disc 3:1 on the tile, the number 4.5:1 on the disc)."""
        font = QFont(base)
        font.setWeight(QFont.Weight.Bold)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        metrics = QFontMetrics(font)
        height = max(COUNT_HEIGHT, metrics.height() + 2)
        width = max(float(height), metrics.horizontalAdvance(count) + height * 0.7)
        disc = QRectF(box.right() - width * 0.6, box.top() - height * 0.35, width, height)
        path = QPainterPath()
        path.addRoundedRect(disc, height / 2, height / 2)
        painter.fillPath(path, self.theme.count_badge)
        if self.theme.high_contrast:  # a ring of the tile's colour sets it off the icon
            painter.setPen(QPen(self.theme.surface, 1.5))
            painter.drawPath(path)
        painter.setFont(font)
        painter.setPen(self.theme.on_count_badge)
        painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, count)

    def _paint_badge(self, painter: QPainter, rect: QRect, state: str, dpr: float) -> None:
        """The state's mark, a shape of its own for each: a disc with a tick (available),
        a disc with a notch (slow), a ring with a cross (unreachable), an icon for the
        others (certificate, VPN, sign-in, offline)."""
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
        if state == AVAILABLE:
            radius = 6.5
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(centre, radius, radius)
            tick = QPen(self.theme.surface, 1.8)
            tick.setCapStyle(Qt.PenCapStyle.RoundCap)
            tick.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(tick)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            x, y = centre.x(), centre.y()
            painter.drawPolyline(
                [QPointF(x - 3.2, y + 0.2), QPointF(x - 0.9, y + 2.5), QPointF(x + 3.3, y - 2.3)]
            )
            return
        if state == SLOW:
            radius = 5.5
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(centre, radius, radius)
            painter.setBrush(self.theme.surface)  # a notch: slow differs by shape too
            painter.drawEllipse(centre, 2.0, 2.0)

    @staticmethod
    def _wrap(text: str, font: QFont, width: int, max_lines: int = DESCRIPTION_LINES) -> list[str]:
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
            if on_star and index.data(Role.DOCUMENT) is None and \
                    event.button() == Qt.MouseButton.LeftButton:
                if event.type() == QEvent.Type.MouseButtonRelease:
                    self.favourite_clicked.emit(str(index.data(Role.SERVICE_ID)))
                return True
        return False
