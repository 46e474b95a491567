# SPDX-License-Identifier: EUPL-1.2
"""Where what is waiting shows: the wiring of :class:`~workplace.ui.waiting.WaitingController`
to the window, the tray and the desktop's notifications.

- badges and states on the tiles (the tile model), the next meeting ("Als Nächstes"
  strip, with Join), the application-password dialog of a CalDAV calendar;
- the unread total in the window title and the tray (tooltip and icon);
- notifications (:class:`~workplace.ui.notifications.Notifier`): a click opens the
  service, Join opens the meeting through the normal link path (data saver, intranet
  warning); do-not-disturb from the tray menu and the settings.

The :class:`~workplace.ui.gui.Gui` builds one :class:`Waiting` after the window, the
sign-in and the status controller.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from workplace.integrations.model import Meeting, Reading
from workplace.ui.notifications import Notifier
from workplace.ui.waiting import WaitingController

if TYPE_CHECKING:
    from workplace.config.settings import Settings
    from workplace.ui.gui import Gui

log = logging.getLogger("workplace.ui.waiting")


class Waiting(QObject):
    """The controller, the notifier, and what follows them in the window and the tray."""

    def __init__(self, gui: Gui) -> None:
        super().__init__(gui)
        self._gui = gui
        window = gui.window
        workplace = gui.workplace
        self.controller = WaitingController(
            workplace, gui.jobs, gui.account, gui.status if gui.status_enabled else None,
            gui.watch, parent=self)
        self.notifier = Notifier(
            gui.jobs, lambda: workplace.settings, tray=gui.tray,
            service_name=self._service_name, language=lambda: gui.appearance.language,
            desktop=gui.tray is not None, parent=self)
        self.controller.reading_changed.connect(self._on_controller_reading_changed)
        self.controller.cleared.connect(self._on_controller_cleared)
        self.controller.notice.connect(self.notifier.offer)
        self.notifier.open_requested.connect(self._on_notifier_open_requested)
        self.notifier.join_requested.connect(self.join)
        window.settings_store.changed.connect(self._on_settings_changed)
        if gui.tray is not None:
            gui.tray.do_not_disturb_toggled.connect(self.set_do_not_disturb)
        self._on_settings_changed(workplace.settings)
        attach = getattr(window, "attach_waiting", None)
        if attach is not None:
            attach(self)

    def _service_name(self, service_id: str) -> str:
        service = self._gui.workplace.catalog.get(service_id)
        return service.name.get(self._gui.appearance.language) if service else service_id

    # -- readings ----------------------------------------------------------------------

    @Slot(object)
    def _on_controller_reading_changed(self, _reading: Reading) -> None:
        self._show_total()

    @Slot()
    def _on_controller_cleared(self) -> None:
        self.notifier.forget()
        self._show_total()

    def _show_total(self) -> None:
        total = self.controller.total_unread()
        gui = self._gui
        if gui.tray is not None:
            gui.tray.set_unread(total)
        set_unread = getattr(gui.window, "set_unread", None)
        if set_unread is not None:
            set_unread(total)

    # -- actions -------------------------------------------------------------------------

    @Slot(str)
    def _on_notifier_open_requested(self, service_id: str) -> None:
        service = self._gui.workplace.catalog.get(service_id)
        if service is not None:
            self._gui.window.launch(service)

    @Slot(object)
    def join(self, meeting: Meeting) -> None:
        """Open a meeting's link through the link router: as the service at that address
        (data saver, intranet warning), or asked first when it is elsewhere."""
        if not meeting.join_url:
            return
        log.info("joining a meeting", extra={"event": "waiting.join",
                                             "service": meeting.join_service})
        links = getattr(self._gui, "links", None)
        if links is not None:
            links.route(meeting.join_url)
            return
        service = self._gui.workplace.catalog.get(meeting.join_service or "")
        if service is not None:
            self._gui.window.launch(service)

    @Slot(bool)
    def set_do_not_disturb(self, on: bool) -> None:
        store = self._gui.window.settings_store
        if store.settings.is_locked("do_not_disturb"):
            self._on_settings_changed(store.settings)  # the switch goes back
            return
        store.change("do_not_disturb", on)

    @Slot(object)
    def _on_settings_changed(self, settings: Settings) -> None:
        self.notifier.settings_changed()
        tray = self._gui.tray
        if tray is not None:
            tray.set_do_not_disturb(settings.preferences.do_not_disturb,
                                    settings.is_locked("do_not_disturb"))

    def dispose(self) -> None:
        self.controller.dispose()
        self.notifier.dispose()
