# SPDX-License-Identifier: EUPL-1.2
"""A non-modal message strip above the tiles: configuration problems, failed launches.

``tone="info"`` gives a calm, accent-coloured variant (e.g. "your sign-in will not
be remembered"); the default is the amber warning.

An optional action button (:meth:`Banner.set_action`) offers the one thing to do,
e.g. "Open the login page" behind a captive portal.

Signals:
    dismissed(): the user closed the banner.
    action_requested(): the action button was pressed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workplace.ui import icons
from workplace.ui.theme import Theme


class Banner(QFrame):
    """Title, an optional list of details, "Copy details" and a close button."""

    dismissed = Signal()
    action_requested = Signal()

    def __init__(
        self, theme: Theme, parent: QWidget | None = None, *, tone: str = "warning"
    ) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self._tone = tone
        self.setProperty("tone", tone)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._details: list[str] = []
        self._icon = QLabel(self)
        self._icon.setFixedSize(22, 22)
        self._title = QLabel(self)
        self._title.setWordWrap(True)
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self._body = QLabel(self)
        self._body.setWordWrap(True)
        self._body.setTextFormat(Qt.TextFormat.RichText)
        self._body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._copy = QToolButton(self)
        self._copy.setProperty("flat", True)
        self._copy.setAutoRaise(True)
        self._copy.clicked.connect(self._on_copy_clicked)
        self.action = QPushButton(self)
        self.action.setObjectName("secondary")
        self.action.hide()
        self.action.clicked.connect(self.action_requested)
        self._close = QToolButton(self)
        self._close.setProperty("flat", True)
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self._on_close_clicked)

        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self._title)
        text.addWidget(self._body)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 8, 10)
        row.setSpacing(12)
        row.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        row.addWidget(self.action, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self._copy, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self._close, 0, Qt.AlignmentFlag.AlignTop)
        self.set_theme(theme)
        self.retranslate()
        self.hide()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        if theme.high_contrast:
            colour = theme.text
        elif self._tone == "info":
            colour = theme.accent
        else:
            colour = QColor("#f0c24b") if theme.dark else QColor("#a86b00")
        name = "info" if self._tone == "info" else "warning"
        self._icon.setPixmap(icons.pixmap(name, colour, 22, self.devicePixelRatioF()))
        self._close.setIcon(icons.icon("close", theme.text, 18))

    def retranslate(self) -> None:
        self._copy.setText(self.tr("Copy details"))
        self._copy.setAccessibleName(self.tr("Copy details"))
        self._copy.setToolTip(
            self.tr("Copy the details to the clipboard, e.g. for the service desk")
        )
        self._close.setAccessibleName(self.tr("Dismiss message"))
        self._close.setToolTip(self.tr("Dismiss"))

    def show_message(self, title: str, details: Sequence[str] = (), hint: str = "") -> None:
        import html  # only when there is a message: keeps it out of the start-up

        self._details = list(details)
        self._title.setText(title)
        parts = []
        if hint:
            parts.append(f"<p style='margin:0'>{html.escape(hint)}</p>")
        if details:
            items = "".join(f"<li>{html.escape(d)}</li>" for d in details[:12])
            more = len(details) - 12
            if more > 0:
                and_more = self.tr("… and %n more", "", more)
                items += f"<li>{html.escape(and_more)}</li>"
            parts.append(f"<ul style='margin:0; -qt-list-indent:1'>{items}</ul>")
        self._body.setText("".join(parts))
        self._body.setVisible(bool(parts))
        self._copy.setVisible(bool(details))
        self.setAccessibleName(title)
        self.setAccessibleDescription("\n".join([hint, *details]).strip())
        self.show()

    def set_action(self, text: str = "", description: str = "") -> None:
        """Show an action button with ``text`` (empty hides it)."""
        self.action.setText(text)
        self.action.setAccessibleDescription(description)
        self.action.setVisible(bool(text))

    @property
    def title(self) -> str:
        return self._title.text()

    @property
    def details(self) -> list[str]:
        return list(self._details)

    @Slot()
    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText("\n".join([self._title.text(), *self._details]))

    @Slot()
    def _on_close_clicked(self) -> None:
        self.hide()
        self.dismissed.emit()
