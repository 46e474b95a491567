# SPDX-License-Identifier: EUPL-1.2
"""The tray icon: favourites, "Open window", "Do not disturb" and "Quit"; the unread
total in its tooltip and on its icon. Only where the desktop has a tray.

Signals:
    open_window(), quit_requested(), launch_requested(str): the service id.
    do_not_disturb_toggled(bool): the user switched do-not-disturb in the menu.
    message_clicked(): a message the tray showed was clicked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from workplace import APP_NAME
from workplace.ui import icons

if TYPE_CHECKING:
    from workplace.config.schema import Service


def tray_available() -> bool:
    """False offscreen and on desktops without a tray; checked quietly."""
    return bool(QSystemTrayIcon.isSystemTrayAvailable())


class Tray(QObject):
    open_window = Signal()
    quit_requested = Signal()
    launch_requested = Signal(str)
    do_not_disturb_toggled = Signal(bool)
    message_clicked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon = QSystemTrayIcon(icons.app_icon(), self)
        self._menu = QMenu()
        self._icon.setContextMenu(self._menu)
        self._icon.activated.connect(self._on_icon_activated)
        self._icon.messageClicked.connect(self.message_clicked)
        self._favourites: list[Service] = []
        self._language = "en"
        self._summary = ""
        self._unread = 0
        self._quiet = False
        self._quiet_locked = False
        self._quiet_action: QAction | None = None

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
        self._update_tooltip()

    def set_unread(self, total: int) -> None:
        """The unread total of every integration: in the tooltip and on the icon."""
        if total == self._unread:
            return
        self._unread = total
        self._icon.setIcon(icons.app_icon_with_count(total) if total > 0 else icons.app_icon())
        self._update_tooltip()

    def set_do_not_disturb(self, on: bool, locked: bool = False) -> None:
        """Show the do-not-disturb switch as it is (IT's lock greys it out)."""
        self._quiet, self._quiet_locked = on, locked
        action = self._quiet_action
        if action is not None:
            action.blockSignals(True)
            action.setChecked(on)
            action.setEnabled(not locked)
            action.blockSignals(False)

    def _update_tooltip(self) -> None:
        lines = [APP_NAME]
        if self._unread > 0:
            from workplace.ui import waitingtext

            lines.append(waitingtext.unread_mail(self._unread))
        if self._summary:
            lines.append(self._summary)
        self._icon.setToolTip("\n".join(lines))

    @property
    def tooltip(self) -> str:
        return self._icon.toolTip()

    def _rebuild(self) -> None:
        self._update_tooltip()
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
        quiet = menu.addAction(self.tr("Do not disturb"))
        quiet.setCheckable(True)
        quiet.setChecked(self._quiet)
        quiet.setEnabled(not self._quiet_locked)
        quiet.toggled.connect(self.do_not_disturb_toggled)
        self._quiet_action = quiet
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
