# SPDX-License-Identifier: EUPL-1.2
"""A plain column that scrolls vertically: the banners above the tiles, the empty page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def plain_column(area: QScrollArea) -> QWidget:
    """Make ``area`` a column with no frame, no focus stop of its own and no horizontal
    scroll bar, the page showing through; the column's widget, for the caller's layout
    (set it with ``area.setWidget`` once laid out)."""
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.viewport().setAutoFillBackground(False)
    return QWidget(area)
