# SPDX-License-Identifier: EUPL-1.2
"""The window's dialogs: help (with the service desk and diagnostics) and the settings.

Each is built when first opened (the dialogs module loads then, not before the first
paint) and deleted when closed. The settings dialog writes through the
:class:`~workplace.ui.settingsstore.SettingsStore` and follows its announcements, so
it shows what is saved (also after a save failed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from workplace.config.settings import Settings
from workplace.ui.appearance import Appearance
from workplace.ui.settingsstore import SettingsStore

if TYPE_CHECKING:
    from workplace.config.schema import Service
    from workplace.ui.dialogs import Diagnose, HelpDialog, SettingsDialog


def present(widget: QWidget) -> None:
    """Show ``widget`` and, where the platform can, raise it."""
    layout = widget.layout()
    if layout is not None and not widget.isVisible():
        layout.activate()  # size constraints before the native window exists
    widget.show()
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        widget.raise_()  # those plugins warn that they cannot
        widget.activateWindow()


class WindowDialogs(QObject):
    def __init__(
        self,
        window: QWidget,
        store: SettingsStore,
        appearance: Appearance,
        *,
        launch: Callable[[Service], None],
        diagnose: Diagnose,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._store = store
        self._appearance = appearance
        self._launch = launch
        self._diagnose = diagnose
        self.help: HelpDialog | None = None
        self.settings: SettingsDialog | None = None

    @Slot()
    def show_help(self) -> None:
        if self.help is None:
            from workplace.ui.dialogs import HelpDialog

            self.help = HelpDialog(
                self._store.settings.tenant.organisation, self._appearance.language,
                self._window, diagnose=self._diagnose,
            )
            self.help.link_opened.connect(self._on_help_link_opened)
            self.help.finished.connect(self._on_help_finished)
        present(self.help)

    def _on_help_finished(self, _result: int) -> None:
        if self.help is not None:
            self.help.deleteLater()
            self.help = None

    def _on_help_link_opened(self, link: str) -> None:
        if link.startswith("mailto:"):
            # Qt's URL and desktop classes are built on use (not before the first paint).
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl(link))
            return
        from workplace.config.schema import Service

        name = self._store.settings.tenant.organisation.name  # a warm start's may be a record
        support = Service(id="servicedesk", name={"de": name.de, "en": name.en}, url=link)
        self._launch(support)

    @Slot()
    def show_settings(self) -> None:
        if self.settings is None:
            from workplace.ui.dialogs import SettingsDialog

            store = self._store
            dialog = SettingsDialog(store.settings, self._appearance.language, self._window)
            dialog.changed.connect(store.change)
            dialog.changed_many.connect(store.change_many)
            dialog.finished.connect(self._on_settings_finished)
            store.changed.connect(self._on_store_changed)
            store.start_at_login_changed.connect(dialog.show_autostart_result)
            store.mail_links_changed.connect(dialog.show_mail_links_result)
            dialog.show_mail_links_result(store.mail_links_note)
            self.settings = dialog
        present(self.settings)

    @Slot(object)
    def _on_store_changed(self, settings: Settings) -> None:
        if self.settings is not None:
            self.settings.set_settings(settings, self._appearance.language)

    def close_all(self) -> None:
        """Close the open dialogs (the window is torn down). They are windows of their
        own: hiding the main window leaves them on screen."""
        for dialog in (self.help, self.settings):
            if dialog is not None:
                dialog.close()  # rejects: finished deletes it

    def _on_settings_finished(self, _result: int) -> None:
        if self.settings is not None:
            self._store.changed.disconnect(self._on_store_changed)
            self.settings.deleteLater()
            self.settings = None
