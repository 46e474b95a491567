# SPDX-License-Identifier: EUPL-1.2
"""The theme applied to Qt: Fusion with the theme's icons, check boxes, combo and spin
boxes and focus rings, the palette and the style sheet, for the whole application."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QTabBar,
    QWidget,
)

from workplace.ui.stylesheet import stylesheet_for
from workplace.ui.theme import Theme, base_point_size, palette_for

STANDARD_ICONS = {
    QStyle.StandardPixmap.SP_DialogCloseButton: "close",
    QStyle.StandardPixmap.SP_DialogCancelButton: "close",
    QStyle.StandardPixmap.SP_DialogNoButton: "close",
    QStyle.StandardPixmap.SP_DialogDiscardButton: "close",
    QStyle.StandardPixmap.SP_LineEditClearButton: "close",
    QStyle.StandardPixmap.SP_TitleBarCloseButton: "close",
    QStyle.StandardPixmap.SP_DialogOkButton: "check",
    QStyle.StandardPixmap.SP_DialogYesButton: "check",
    QStyle.StandardPixmap.SP_DialogApplyButton: "check",
    QStyle.StandardPixmap.SP_DialogSaveButton: "check",
}
"""Qt's built-in icons that are drawn dark whatever the theme, and the bundled line
icon drawn instead in the theme's text colour."""


def _widget(widget: QWidget | None) -> QWidget:
    """Qt takes no widget (nullptr) where PySide's type hints say a widget is needed."""
    return cast(QWidget, widget)


_BUTTON_ICONS = {
    QDialogButtonBox.StandardButton.Close: QStyle.StandardPixmap.SP_DialogCloseButton,
    QDialogButtonBox.StandardButton.Cancel: QStyle.StandardPixmap.SP_DialogCancelButton,
    QDialogButtonBox.StandardButton.No: QStyle.StandardPixmap.SP_DialogNoButton,
    QDialogButtonBox.StandardButton.Discard: QStyle.StandardPixmap.SP_DialogDiscardButton,
    QDialogButtonBox.StandardButton.Ok: QStyle.StandardPixmap.SP_DialogOkButton,
    QDialogButtonBox.StandardButton.Yes: QStyle.StandardPixmap.SP_DialogYesButton,
    QDialogButtonBox.StandardButton.Apply: QStyle.StandardPixmap.SP_DialogApplyButton,
    QDialogButtonBox.StandardButton.Save: QStyle.StandardPixmap.SP_DialogSaveButton,
}


def refresh_button_icons(box: QDialogButtonBox) -> None:
    """Give ``box``'s standard buttons the current theme's icons (after a theme change:
    Qt sets them once, when the button is made). Nothing where the platform shows none."""
    style = box.style()
    if not style.styleHint(QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons, None, box):
        return
    for button in box.buttons():
        pixmap = _BUTTON_ICONS.get(box.standardButton(button))
        if pixmap is not None:
            button.setIcon(style.standardIcon(pixmap, None, button))


class ThemedStyle(QProxyStyle):
    """Fusion with the theme's icons, check boxes and focus rings.

    The style sheet covers most widgets; this covers what Fusion draws itself:
    standard icons (the "Close" button's ✕ was dark on dark), the check box
    (its border must stand out 3:1) and the focus rectangle of check boxes and tabs
    (a 2 px ring in the focus colour instead of Fusion's faint one).
    """

    def __init__(self, theme: Theme) -> None:
        super().__init__("Fusion")
        self.theme = theme

    def standardIcon(
        self, standardIcon: QStyle.StandardPixmap, option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        name = STANDARD_ICONS.get(standardIcon)
        if name is None:
            return super().standardIcon(standardIcon, option, widget)
        from workplace.ui import icons

        return icons.icon(name, self.theme.text, 16)

    def drawPrimitive(
        self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            rect = option.rect
            if isinstance(widget, QTabBar):  # Qt gives the text's rectangle: ring the tab
                index = widget.tabAt(rect.center())
                if index >= 0:
                    rect = widget.tabRect(index).adjusted(1, 1, -1, -4)
            elif widget is not None and widget.objectName() == "panelList":
                # The stylesheet pads its rows (6 px) and Qt gives the text's rectangle:
                # ring the row, not through the text.
                rect = rect.adjusted(-5, -5, 5, 5)
            self._focus_ring(rect, painter)
            return
        if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            self._check_box(option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)

    def sizeFromContents(
        self, type: QStyle.ContentsType, option: QStyleOption, size: QSize,
        widget: QWidget | None = None,
    ) -> QSize:
        result = super().sizeFromContents(type, option, size, _widget(widget))
        if type in (QStyle.ContentsType.CT_ComboBox, QStyle.ContentsType.CT_SpinBox):
            result.setHeight(result.height() + 8)  # as tall as a line edit of the theme
        return result

    def drawComplexControl(
        self, control: QStyle.ComplexControl, option: QStyleOptionComplex, painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        cc = QStyle.ComplexControl
        if control not in (cc.CC_ComboBox, cc.CC_SpinBox):
            super().drawComplexControl(control, option, painter, widget)
            return
        theme = self.theme
        state = option.state
        enabled = bool(state & QStyle.StateFlag.State_Enabled)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        width = theme.focus_width if focused else theme.border_width
        frame = QRectF(option.rect).adjusted(width / 2, width / 2, -width / 2, -width / 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(frame, 6, 6)
        painter.fillPath(path, theme.surface if enabled else theme.window)
        painter.setPen(QPen(theme.focus if focused else theme.border, width))
        painter.drawPath(path)
        colour = theme.text if enabled else theme.disabled_text
        if control == cc.CC_ComboBox:
            arrow = self.subControlRect(
                control, option, QStyle.SubControl.SC_ComboBoxArrow, _widget(widget))
            self._chevron(painter, QRectF(arrow), colour, down=True)
        else:
            for sub, down in ((QStyle.SubControl.SC_SpinBoxUp, False),
                              (QStyle.SubControl.SC_SpinBoxDown, True)):
                rect = self.subControlRect(control, option, sub, _widget(widget))
                self._chevron(painter, QRectF(rect), colour, down=down)
        painter.restore()

    @staticmethod
    def _chevron(painter: QPainter, rect: QRectF, colour: QColor, *, down: bool) -> None:
        size = min(8.0, rect.width() * 0.5, rect.height() * 0.7)
        if size <= 1:
            return
        centre = rect.center()
        half, rise = size / 2, size / 4 if down else -size / 4
        pen = QPen(colour, 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        mark = QPainterPath()
        mark.moveTo(centre.x() - half, centre.y() - rise)
        mark.lineTo(centre.x(), centre.y() + rise)
        mark.lineTo(centre.x() + half, centre.y() - rise)
        painter.drawPath(mark)

    def _focus_ring(self, rect: QRect, painter: QPainter) -> None:
        width = self.theme.focus_width
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.theme.focus, width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = width / 2
        painter.drawRoundedRect(QRectF(rect).adjusted(inset, inset, -inset, -inset), 4, 4)
        painter.restore()

    def _check_box(self, option: QStyleOption, painter: QPainter) -> None:
        theme = self.theme
        state = option.state
        enabled = bool(state & QStyle.StateFlag.State_Enabled)
        checked = bool(state & (QStyle.StateFlag.State_On | QStyle.StateFlag.State_NoChange))
        box = QRectF(option.rect).adjusted(1, 1, -1, -1)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(box, 3, 3)
        edge = theme.border if enabled else theme.disabled_text
        if checked:
            fill = theme.accent if enabled else theme.disabled_text
            painter.fillPath(path, fill)
            painter.setPen(QPen(fill, 1.5))
            painter.drawPath(path)
            pen = QPen(theme.on_accent if enabled else theme.surface, 2)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            w, h, x, y = box.width(), box.height(), box.left(), box.top()
            if state & QStyle.StateFlag.State_NoChange:
                painter.drawLine(QRectF(x + w * 0.25, y + h / 2, w * 0.5, 0).topLeft(),
                                 QRectF(x + w * 0.25, y + h / 2, w * 0.5, 0).topRight())
            else:
                mark = QPainterPath()
                mark.moveTo(x + w * 0.22, y + h * 0.52)
                mark.lineTo(x + w * 0.42, y + h * 0.72)
                mark.lineTo(x + w * 0.78, y + h * 0.30)
                painter.drawPath(mark)
        else:
            painter.fillPath(path, theme.surface)
            painter.setPen(QPen(edge, max(1.5, theme.border_width)))
            painter.drawPath(path)
        painter.restore()


def apply(app: QApplication, theme: Theme) -> None:
    """The theme's style, palette and style sheet, for the whole application.

    Font sizes follow the application font as the platform set it.
    """
    style = app.findChild(ThemedStyle)  # QApplication owns (parents) its style
    if isinstance(style, ThemedStyle):
        style.theme = theme
    else:
        app.setStyle(ThemedStyle(theme))
    app.setPalette(palette_for(theme))
    app.setStyleSheet(stylesheet_for(theme, base_point_size(app)))
