# SPDX-License-Identifier: EUPL-1.2
"""The menu of one tile (right click, the Menu key, Shift+F10)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

if TYPE_CHECKING:
    from workplace.config.schema import Service


class TileMenu(QMenu):
    """Open, the other version (data saver), favourite on or off, copy the address;
    ``extra`` entries after "Open" (e.g. "Enter application password…" for a calendar
    that needs one, or "Join" for its next meeting).

    ``low_bandwidth``: the data saver is on, so "Open" opens the low-bandwidth URL.
    The menu deletes itself when closed.
    """

    def __init__(
        self,
        parent: QWidget,
        service: Service,
        *,
        favourite: bool,
        low_bandwidth: bool,
        launch: Callable[[Service, bool | None], None],
        toggle_favourite: Callable[[str], None],
        extra: tuple[tuple[str, Callable[[], None]], ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.addAction(self.tr("Open")).triggered.connect(lambda: launch(service, None))
        for text, act in extra:  # what the tile's integration asks of the user
            self.addAction(text).triggered.connect(act)
        if service.low_bandwidth_url and low_bandwidth:
            full = self.addAction(self.tr("Open the full version"))
            full.triggered.connect(lambda: launch(service, False))
        elif service.low_bandwidth_url:
            low = self.addAction(self.tr("Open the low-bandwidth version"))
            low.triggered.connect(lambda: launch(service, True))
        toggle = self.addAction(
            self.tr("Remove from favourites") if favourite else self.tr("Add to favourites")
        )
        toggle.setShortcut(QKeySequence("Ctrl+D"))
        toggle.triggered.connect(lambda: toggle_favourite(service.id))
        self.addSeparator()
        copy = self.addAction(self.tr("Copy address"))
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(service.url))
