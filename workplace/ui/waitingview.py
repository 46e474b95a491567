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
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction

from workplace.integrations.model import Availability, Document, Meeting, Notice, Reading
from workplace.integrations.notices import Notice as WaitingNotice
from workplace.integrations.notices import NoticeKind
from workplace.ui.apppassword import AppPasswordDialog
from workplace.ui.filespanel import FilesPanel
from workplace.ui.notifications import Notifier
from workplace.ui.tilewaiting import TileWaiting
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
            desktop=gui.desktop_notifications, parent=self)
        self.controller.reading_changed.connect(self._on_controller_reading_changed)
        self.controller.cleared.connect(self._on_controller_cleared)
        self.controller.notice.connect(self.notifier.offer)
        self.notifier.open_requested.connect(self._on_notifier_open_requested)
        self.notifier.join_requested.connect(self.join)
        window.settings_store.changed.connect(self._on_settings_changed)
        if gui.tray is not None:
            gui.tray.do_not_disturb_toggled.connect(self.set_do_not_disturb)
        self.strip = window.attach_waiting()
        self.strip.join_requested.connect(self.join)
        self.strip.password_requested.connect(self.ask_for_password)
        self.strip.sign_in_requested.connect(self.sign_in)
        self.files_panel: FilesPanel | None = None
        """The files tile's panel while it is open (tests drive it)."""
        self._files_service = ""
        self._announced: tuple[str, str] = ("", "")
        """The portal announcement the banner shows (integration, id)."""
        window.banners.dismissed.connect(self._on_banner_dismissed)
        window.banners.action_requested.connect(self._on_banner_action_requested)
        self.controller.notice.connect(self._on_controller_notice)
        self.controller.dismissed.connect(self._on_controller_dismissed)
        self.password_dialog: AppPasswordDialog | None = None
        """The open application-password dialog (tests type into it)."""
        window.tile_actions = self.tile_actions
        window.refresh_waiting = self.controller.refresh_now
        window.open_document = self.open_document
        self.quiet = QAction(window.header.account)
        """"Nicht stören" in the account menu: the window's switch (the tray has one too)."""
        self.quiet.setCheckable(True)
        self.quiet.toggled.connect(self.set_do_not_disturb)
        window.header.account.set_switches([self.quiet])
        self._on_settings_changed(workplace.settings)
        self.controller.password_saved.connect(self._on_controller_password_saved)
        self.controller.password_failed.connect(self._on_controller_password_failed)
        # Built after the sign-in (a test, or IT switching integrations on later): the
        # controller starts from where the account is now.
        self.controller.follow_account()

    def _service_name(self, service_id: str) -> str:
        service = self._gui.workplace.catalog.get(service_id)
        return service.name.get(self._gui.appearance.language) if service else service_id

    # -- readings ----------------------------------------------------------------------

    @Slot(object)
    def _on_controller_reading_changed(self, _reading: Reading) -> None:
        self._show()

    @Slot()
    def _on_controller_cleared(self) -> None:
        self.notifier.forget()
        self._show()
        if self.password_dialog is not None:
            self.password_dialog.reject()

    def _show(self) -> None:
        """Counts and needs on the tiles, the next meeting, the total."""
        readings = list(self.controller.readings.values())
        by_service: dict[str, list[Reading]] = {}
        for reading in readings:
            by_service.setdefault(reading.service_id, []).append(reading)
        model = self._gui.window.model
        model.set_waiting({sid: TileWaiting.of(found) for sid, found in by_service.items()})
        files = self.controller.readings.get("files")
        model.set_documents(files.service_id if files else "", files.documents if files else ())
        meetings = tuple(sorted((m for r in readings for m in r.meetings),
                                key=lambda m: m.start))
        self.strip.show_meetings(meetings)
        needing = [r.name for r in readings if r.availability == Availability.NEEDS_PASSWORD]
        self.strip.ask_for_password(needing[0] if needing else "")
        again = [r.name for r in readings if r.availability == Availability.SIGN_IN_AGAIN
                 and self._can_sign_in(r.name)]
        self.strip.ask_to_sign_in(again[0] if again else "",
                                  busy=bool(again) and self.controller.signing_in(again[0]))
        self._show_announcement()
        self._show_files_panel()
        self._show_total()

    def _show_total(self) -> None:
        total = self.controller.total_unread()
        gui = self._gui
        if gui.tray is not None:
            gui.tray.set_unread(total)
        gui.window.set_unread(total)

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
        self._gui.links.route(meeting.join_url)

    def tile_actions(self, service_id: str) -> tuple[tuple[str, Callable[[], None]], ...]:
        """What a tile's menu offers for its integrations: enter the calendar's
        application password, join the next meeting."""
        found: list[tuple[str, Callable[[], None]]] = []
        for reading in self.controller.reading_for(service_id):
            if reading.availability == Availability.NEEDS_PASSWORD:
                found.append((self.tr("Enter application password…"),
                              partial(self.ask_for_password, reading.name)))
            if reading.availability == Availability.SIGN_IN_AGAIN and \
                    self._can_sign_in(reading.name):
                found.append((self.tr("Sign in to chat again…"),
                              partial(self.sign_in, reading.name)))
            if reading.name == "files" and reading.availability not in (
                    Availability.NOT_AVAILABLE, Availability.SIGNED_OUT):
                found.append((self.tr("Recently edited…"),
                              partial(self.open_files, FilesPanel.DOCUMENTS)))
                found.append((self.tr("Notifications…"),
                              partial(self.open_files, FilesPanel.NOTICES)))
        meeting = self.strip.meeting
        calendar = any(r.meetings for r in self.controller.reading_for(service_id))
        if calendar and meeting is not None and meeting.join_url:
            found.append((self.tr("Join “%1”").replace("%1", meeting.title),
                          partial(self.join, meeting)))
        return tuple(found)

    def _can_sign_in(self, name: str) -> bool:
        integrations = self.controller.integrations
        return integrations is not None and integrations.can_sign_in(name)

    @Slot(str)
    def sign_in(self, name: str) -> None:
        """The chat's "sign in again" (the strip's button, the chat tile's menu): one
        round in the browser; the strip says it runs."""
        self.controller.sign_in(name)
        self._show()

    # -- the files panel: recent documents and notifications ------------------------------

    def open_files(self, page: int = 0) -> None:
        """Open the files tile's panel on ``page`` (recent documents or notifications),
        and ask the server for the recent documents again."""
        reading = self.controller.readings.get("files")
        if reading is None:
            return
        panel = self.files_panel
        if panel is not None:  # open already: to the front, on the page asked for
            from workplace.ui.windowdialogs import present

            present(panel)  # raised where the platform can (offscreen warns)
        else:
            panel = FilesPanel(self._service_name(reading.service_id), self._gui.window,
                               language=lambda: self._gui.appearance.language)
            panel.open_requested.connect(self.open_document)
            panel.dismiss_requested.connect(self._on_files_panel_dismiss_requested)
            panel.finished.connect(self._on_files_panel_finished)
            self.files_panel = panel
            self._show_files_panel()
            panel.open()
            log.info("files panel opened", extra={"event": "waiting.files_panel",
                                                  "page": page})
        panel.show_page(page)
        self.controller.refresh_documents("files")

    def _show_files_panel(self) -> None:
        panel, reading = self.files_panel, self.controller.readings.get("files")
        if panel is None:
            return
        if reading is None:
            panel.reject()  # signed out: nothing of it stays on screen
            return
        integrations = self.controller.integrations
        panel.set_documents(reading.documents)
        panel.set_notices(reading.notices, can_dismiss=integrations is not None
                          and integrations.can_dismiss("files"))

    @Slot(int)
    def _on_files_panel_finished(self, _result: int) -> None:
        panel, self.files_panel = self.files_panel, None
        if panel is not None:
            panel.deleteLater()

    @Slot(object)
    def open_document(self, document: Document) -> None:
        """Open a recent document in the web office through the files service's own
        address (the link path: the service's launch rules apply)."""
        log.info("opening a recent document", extra={"event": "waiting.document"})
        if self.files_panel is not None:
            self.files_panel.accept()
        self._gui.links.route(document.open_url)

    @Slot(str)
    def _on_files_panel_dismiss_requested(self, notice_id: str) -> None:
        self.controller.dismiss("files", notice_id)

    @Slot(str, str, bool)
    def _on_controller_dismissed(self, name: str, _notice_id: str, ok: bool) -> None:
        reading = self.controller.readings.get(name)
        if not ok and reading is not None:
            self._gui.window.banners.show_message(
                self.tr("The notification could not be dismissed"),
                self.tr("%1 did not take it. It is shown again until it can be.").replace(
                    "%1", self._service_name(reading.service_id)))

    # -- portal announcements ------------------------------------------------------------

    def _show_announcement(self) -> None:
        """The portal's announcement still meant to be seen, most severe and newest
        first, as a banner above the tiles (the others follow when it is dismissed)."""
        banners = self._gui.window.banners
        shown: tuple[str, Notice] | None = None
        order = {"error": 0, "warning": 1, "success": 3}
        for reading in self.controller.readings.values():
            if reading.name != "portal" or reading.availability in (
                    Availability.NOT_AVAILABLE, Availability.SIGNED_OUT):
                continue
            waiting = [n for n in reading.notices if n.popup]
            waiting.sort(key=lambda n: (order.get(n.severity, 2), -(n.time or 0)))
            if waiting:
                shown = (reading.name, waiting[0])
                more = len(waiting) - 1
                break
        if shown is None:
            self._announced = ("", "")
            banners.conceal("portal")
            return
        name, notice = shown
        if self._announced != (name, notice.id) or not banners.is_shown("portal"):
            self._announced = (name, notice.id)
            banner = banners.portal
            hint = notice.message
            if more:
                hint = (hint + "\n" if hint else "") + self.tr(
                    "%n more announcement(s) after this one.", "", more)
            banner.set_tone("warning" if notice.severity in ("warning", "error") else "info")
            banner.set_closable(not notice.sticky)
            banner.set_action(self.tr("More…") if notice.link else "",
                              self.tr("Open the announcement in the portal"))
            banner.show_message(notice.title or self.tr("Announcement from your IT"), (),
                                hint)

    @Slot(str)
    def _on_banner_dismissed(self, banner: str) -> None:
        if banner != "portal":
            return
        name, notice_id = self._announced
        if name:
            self.controller.dismiss(name, notice_id)

    @Slot(str)
    def _on_banner_action_requested(self, banner: str) -> None:
        if banner != "portal":
            return
        name, notice_id = self._announced
        reading = self.controller.readings.get(name)
        notice = next((n for n in reading.notices if n.id == notice_id), None) \
            if reading is not None else None
        if notice is not None and notice.link:
            self._gui.links.route(notice.link)

    # -- screen readers ------------------------------------------------------------------

    @Slot(object)
    def _on_controller_notice(self, notice: WaitingNotice) -> None:
        """What the desktop is told, also said politely to a screen reader in the
        window (counts only, like the notification)."""
        from workplace.integrations.notices import Batch

        _title, body = self.notifier.texts(Batch((notice,)))
        if notice.kind != NoticeKind.MEETING and body:
            self._gui.window.view.announce(
                f"{self._service_name(notice.service_id)}: {body.splitlines()[0]}")

    @Slot(str)
    def ask_for_password(self, name: str) -> None:
        """The application-password dialog for integration ``name`` (keyboard: the strip's
        button, or the calendar tile's menu)."""
        if self.password_dialog is not None:
            self.password_dialog.raise_()
            return
        integrations = self.controller.integrations
        service_id = integrations.config(name).service if integrations is not None else name
        dialog = AppPasswordDialog(self._service_name(service_id), self._gui.window)
        dialog.save_requested.connect(lambda password: self.controller.save_password(
            name, password))
        dialog.finished.connect(self._on_password_dialog_finished)
        self.password_dialog = dialog
        dialog.open()
        dialog.field.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(int)
    def _on_password_dialog_finished(self, _result: int) -> None:
        dialog, self.password_dialog = self.password_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    @Slot(str)
    def _on_controller_password_saved(self, _name: str) -> None:
        if self.password_dialog is not None:
            self.password_dialog.saved()

    @Slot(str, str)
    def _on_controller_password_failed(self, _name: str, _reason: str) -> None:
        if self.password_dialog is not None:
            self.password_dialog.failed()

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
        quiet = self.quiet
        quiet.blockSignals(True)
        quiet.setText(self.tr("Do not disturb"))
        quiet.setChecked(settings.preferences.do_not_disturb)
        quiet.setEnabled(not settings.is_locked("do_not_disturb"))
        quiet.blockSignals(False)
        tray = self._gui.tray
        if tray is not None:
            tray.set_do_not_disturb(settings.preferences.do_not_disturb,
                                    settings.is_locked("do_not_disturb"))

    def dispose(self) -> None:
        if self.files_panel is not None:
            self.files_panel.reject()
        self.controller.dispose()
        self.notifier.dispose()
