# SPDX-License-Identifier: EUPL-1.2
"""The page shown instead of the tiles when there are none: why, and what to do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from workplace.ui import icons
from workplace.ui.scrollcolumn import plain_column
from workplace.ui.theme import Theme


class EmptyState(QScrollArea):
    """A search icon, a title and a hint, centred (``title`` and ``hint`` for tests).

    In a small or zoomed window the text scrolls rather than being cut off; the page
    itself is no focus stop.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        inner = plain_column(self)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        self._icon = QLabel(inner)
        self._icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(inner)
        self.title.setObjectName("emptyTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.hint = QLabel(inner)
        self.hint.setObjectName("orgSub")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        layout.addWidget(self._icon)
        layout.addSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addStretch(2)
        self.setWidget(inner)

    def set_theme(self, theme: Theme) -> None:
        self._icon.setPixmap(
            icons.pixmap("search", theme.secondary_text, 48, self.devicePixelRatioF())
        )

    def say(self, title: str, hint: str) -> None:
        self.title.setText(title)
        self.hint.setText(hint)
        self.setAccessibleDescription(f"{title} {hint}")
