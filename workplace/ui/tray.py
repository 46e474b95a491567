# SPDX-License-Identifier: EUPL-1.2
"""The tray icon: favourites, "Open window" and "Quit". Only where the desktop has a tray.

Signals:
    open_window(), quit_requested(), launch_requested(str): the service id.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from workplace import APP_NAME
from workplace.config.schema import Service
from workplace.ui import icons


def tray_available() -> bool:
    """False offscreen and on desktops without a tray; checked quietly."""
    return bool(QSystemTrayIcon.isSystemTrayAvailable())


class Tray(QObject):
    open_window = Signal()
    quit_requested = Signal()
    launch_requested = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon = QSystemTrayIcon(icons.app_icon(), self)
        self._menu = QMenu()
        self._icon.setContextMenu(self._menu)
        self._icon.activated.connect(self._on_icon_activated)
        self._favourites: list[Service] = []
        self._language = "en"
        self._summary = ""

    def show(self) -> None:
        self._icon.show()

    def hide(self) -> None:
        self._icon.hide()

    def set_favourites(self, services: Sequence[Service], language: str) -> None:
        self._favourites = list(services)
        self._language = language
        self._rebuild()

    def set_summary(self, line: str) -> None:
        """The status line under the name in the tooltip: "8 von 10 Diensten erreichbar"."""
        self._summary = line
        self._icon.setToolTip(f"{APP_NAME}\n{line}" if line else APP_NAME)

    @property
    def tooltip(self) -> str:
        return self._icon.toolTip()

    def _rebuild(self) -> None:
        self._icon.setToolTip(f"{APP_NAME}\n{self._summary}" if self._summary else APP_NAME)
        menu = self._menu
        menu.clear()
        menu.addAction(self.tr("Open window"), self.open_window.emit)
        if self._favourites:
            menu.addSeparator()
            heading = menu.addAction(self.tr("Favourites"))
            heading.setEnabled(False)
            for service in self._favourites:
                action = menu.addAction(service.name.get(self._language))
                action.triggered.connect(
                    lambda _checked=False, sid=service.id: self.launch_requested.emit(sid)
                )
        menu.addSeparator()
        menu.addAction(self.tr("Quit"), self.quit_requested.emit)

    def notify(self, title: str, text: str) -> None:
        self._icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 4000)

    @Slot(QSystemTrayIcon.ActivationReason)
    def _on_icon_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_window.emit()

    def dispose(self) -> None:
        self._icon.hide()
        self._menu.deleteLater()
