# SPDX-License-Identifier: EUPL-1.2
"""Opening services: the one way every launch request of the window goes.

:class:`LaunchController` takes a launch from the tiles, the search, the tile menu,
the tray and the help dialog's links, and

- asks first when the service needs the intranet and the connection has none
  (the data saver picks the low-bandwidth URL, see :attr:`low_bandwidth`);
- does not open a service twice on a double click or a key repeat;
- opens it in a job; a failure says why (in the user's language, the launcher's
  own detail behind "Details"); a success clears that message and is remembered
  in "Recently used".

Signals:
    recent_changed(list): the recently used ids (read at start, and after a launch).
    launched(str): a service was opened (its id).
    message(str, str, list): title, hint and technical details of a failed launch.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from workplace.app import Workplace
from workplace.catalog.launch import LaunchError, LaunchErrorKind
from workplace.ui.appearance import Appearance
from workplace.ui.errortext import technical
from workplace.ui.jobs import Jobs
from workplace.ui.statustext import StatusTexts

if TYPE_CHECKING:
    from workplace.config.schema import Service
    from workplace.ui.dialogs import IntranetWarning
    from workplace.ui.status import StatusController

log = logging.getLogger("workplace.ui")

RELAUNCH_GUARD_S = 1.0  # a double click or key repeat must not open a service twice


class LaunchController(QObject):
    recent_changed = Signal(list)
    launched = Signal(str)
    message = Signal(str, str, list)

    def __init__(
        self, workplace: Workplace, jobs: Jobs, appearance: Appearance, window: QWidget
    ) -> None:
        super().__init__(window)
        self._workplace = workplace
        self._jobs = jobs
        self._appearance = appearance
        self._window = window
        self._texts = StatusTexts()
        self._last_launch: tuple[str, float] = ("", 0.0)
        self.status: StatusController | None = None
        """Set once the status controller exists: the profile and the data saver."""
        self.vpn_dialog: IntranetWarning | None = None
        """The open "only in the intranet" question (tests press its buttons)."""

    @property
    def low_bandwidth(self) -> bool:
        """Data saver in effect: services open their low-bandwidth URL where one is set."""
        if self.status is not None:
            return self.status.low_bandwidth
        return self._workplace.settings.preferences.low_bandwidth == "on"

    def load_recent(self) -> None:
        self._jobs.run(
            self._workplace.recent, self.recent_changed.emit, name="recent", serial=True
        )

    def launch(
        self, service: Service, low_bandwidth: bool | None = None, link: str | None = None
    ) -> None:
        """Open ``service`` (asking first if it needs the intranet and there is none).

        ``link``: at the address a link leads to (a meeting, a chat room, the compose
        view); the core routes the link again on the trusted settings.
        """
        low = self.low_bandwidth if low_bandwidth is None else low_bandwidth
        profile = self.status.profile if self.status is not None else None
        if profile is not None and service.zone == "intranet":
            from workplace.status.decide import needs_vpn_warning

            if needs_vpn_warning(service, profile):
                self._ask_before_intranet(service, low, link)
                return
        self._launch(service, low, link)

    def _ask_before_intranet(
        self, service: Service, low_bandwidth: bool, link: str | None = None
    ) -> None:
        if self.vpn_dialog is not None:
            return
        title, text = self._texts.vpn_warning(service.name.get(self._appearance.language))
        from workplace.ui.dialogs import IntranetWarning  # dialogs load when first used

        box = IntranetWarning(title, text, self._window)

        def finished(result: int) -> None:
            self.vpn_dialog = None
            box.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                self._launch(service, low_bandwidth, link)

        box.finished.connect(finished)
        self.vpn_dialog = box
        box.open()
        box.cancel.setFocus(Qt.FocusReason.OtherFocusReason)

    def _launch(self, service: Service, low_bandwidth: bool, link: str | None = None) -> None:
        now = time.monotonic()
        last_id, last_time = self._last_launch
        key = service.id if link is None else f"{service.id} {link}"
        if last_id == key and now - last_time < RELAUNCH_GUARD_S:
            return
        self._last_launch = (key, now)
        workplace = self._workplace
        self._jobs.run(
            lambda: workplace.launch(service, low_bandwidth, link),
            lambda _result: self._on_launched(service),
            lambda exc: self._on_launch_failed(service, exc),
            name=f"launch-{service.id}",
        )

    def _on_launched(self, service: Service) -> None:
        self.launched.emit(service.id)
        workplace = self._workplace
        self._jobs.run(
            lambda: workplace.record_launch(service.id),
            self.recent_changed.emit,
            name="record-launch",
            serial=True,
        )

    def _on_launch_failed(self, service: Service, exc: BaseException) -> None:
        self._last_launch = ("", 0.0)
        name = service.name.get(self._appearance.language)
        title = self.tr("%1 could not be opened").replace("%1", name)
        if isinstance(exc, LaunchError):
            hint = self.error_text(exc.kind)
            details = [exc.detail] if exc.detail else []
        else:
            log.exception("launch of %s failed", service.id, exc_info=exc)
            hint = self.tr("An unexpected error occurred.")
            details = technical(exc)
        self.message.emit(title, hint, details)

    def error_text(self, kind: LaunchErrorKind) -> str:
        """Why a launch failed, in the user's language (the link router says it too)."""
        texts = {
            LaunchErrorKind.UNSAFE_URL: self.tr(
                "Its address is not a safe web address, so it was not opened. "
                "Please tell your IT department."
            ),
            LaunchErrorKind.NO_BROWSER: self.tr(
                "No web browser could be started. Please check that a default browser is set."
            ),
            LaunchErrorKind.NATIVE_MISSING: self.tr(
                "The application is not installed on this computer. "
                "Please contact the service desk."
            ),
            LaunchErrorKind.NATIVE_FAILED: self.tr(
                "The application could not be started. "
                "Please try again or contact the service desk."
            ),
        }
        return texts.get(kind, self.tr("The service could not be opened."))
