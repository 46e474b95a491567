# SPDX-License-Identifier: EUPL-1.2
"""Start-up of the GUI: application object, look, window, tray and single instance.

The window (``workplace`` without a command) and ``workplace selftest`` both start
the GUI through :func:`create_app` and :class:`Gui`, so the self test measures
exactly what users get.

Order after the first paint: once the first frame is drawn, the first job reads the
configuration from the IT sources and the cached central catalog
(:meth:`Workplace.load_trusted`); its result replaces what a warm start's snapshot
showed (without a visible change when both agree). Only then do sign-in, the status
round, the central catalog and start at login begin. Launches and preference saves
asked for before that wait for the same load inside their jobs (the core looks the
service up again in the trusted catalog), so nothing runs on what the snapshot said.

Nothing heavy stands before the first paint of a warm start: the libraries in
:data:`LOADED_AFTER_FIRST_PAINT` are imported by the work after it, and
:attr:`Gui.early_imports` records which of them were loaded when the first frame was
drawn (the window's log event and the self test report it; the tests check it is
empty).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSocketNotifier, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication

from workplace import APP_ID, APP_NAME, __version__
from workplace.app import TrustedView, Workplace
from workplace.ui import icons
from workplace.ui.account import AccountController
from workplace.ui.appearance import Appearance
from workplace.ui.jobs import Jobs
from workplace.ui.netwatch import NetworkWatch
from workplace.ui.status import StatusController
from workplace.ui.statustext import USABLE, StatusTexts
from workplace.ui.window import MainWindow

if TYPE_CHECKING:
    from workplace.ui.linkrouting import LinkRouter
    from workplace.ui.waitingview import Waiting

log = logging.getLogger("workplace.ui")

DEFAULT_SIZE = (1160, 760)
AUTH_START_DELAY_MS = 150
"""After the first paint, let the frame reach the screen before the sign-in job starts."""
STATUS_START_DELAY_MS = 250
"""Then the connection profile, the status probes and the catalog plan."""
LOADED_AFTER_FIRST_PAINT = (
    "pydantic", "requests", "urllib3", "authlib", "joserfc", "cryptography", "keyring",
    "secretstorage", "PySide6.QtNetwork", "workplace.ui.settingsdialog",
    "workplace.ui.linkrouting", "workplace.links.action", "workplace.ui.waitingview",
    "workplace.ui.notifications",
    "subprocess", "datetime", "workplace.integrations.model", "workplace.ui.signin",
    "workplace.ui.qr", "workplace.ui.banner",
)
"""Libraries that only the work after the first paint needs (validation, HTTP,
sign-in, keyring, Qt's network module), and parts of the window the first frame does
not show (the settings dialog, the routing of incoming links, what is waiting for the
signed-in user and its notifications, the integrations' values and ``datetime``
for their times, the sign-in screen with its QR code, the banners), and what only
starts programs (``subprocess``: the settings check's child, launching): none of them
may stand between a warm start and its first paint. (A cold start validates the files
first: it needs pydantic; a start with a link routes it at once; a configuration with
warnings shows its banner.)"""


def early_imports() -> list[str]:
    """Those of :data:`LOADED_AFTER_FIRST_PAINT` imported now."""
    return [name for name in LOADED_AFTER_FIRST_PAINT if name in sys.modules]


def imported_before_first_paint(gui: Gui) -> list[str]:
    """:func:`early_imports` as the first frame left them: ask it at the tiles' first
    paint (the work after the paint may have begun if the header was painted in an
    earlier frame; then the list taken at that frame counts)."""
    return gui.early_imports if gui.early_imports is not None else early_imports()


def ensure_platform() -> None:
    """Offscreen where there is no display (else Qt aborts); used by selftest."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def create_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setApplicationName("workplace")
    QApplication.setApplicationDisplayName(APP_NAME)
    QApplication.setApplicationVersion(__version__)
    QApplication.setOrganizationName("Arbeitsplatz")
    QApplication.setDesktopFileName(APP_ID)
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv or [sys.argv[0]])
    app.setWindowIcon(icons.app_icon())
    return app


class PaintWatch(QObject):
    """Reports the first real paint of the tile view with its catalog populated.

    Signals:
        painted(float): time.perf_counter() at the paint event.
    """

    painted = Signal(float)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.done = False
        window.view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.done
            and event.type() == QEvent.Type.Paint
            and self._window.model.tile_count > 0
        ):
            self.done = True
            now = time.perf_counter()
            self._window.view.viewport().removeEventFilter(self)
            self.painted.emit(now)
        return False


class FirstPaint(QObject):
    """Emits ``painted`` once, at the first paint of ``widget`` (whatever the window shows).

    Signals:
        painted()
    """

    painted = Signal()

    def __init__(self, widget: Any) -> None:
        super().__init__(widget)
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            self.painted.emit()
        return False


def remember_after(result: Any) -> bool:
    """Whether a catalog refresh's ``result`` is worth remembering for the next start:
    any answer that leaves a checked copy in effect (new, or unchanged: a 304)."""
    return bool(result.ok and result.snapshot is not None)


class Gui(QObject):
    """The running GUI: owns the window and, where available, tray and single instance.

    Sign-in: :class:`~workplace.ui.account.AccountController` starts after the first
    paint (restore the remembered session in a job); :class:`AccountView` shows it.

    Status: one :class:`NetworkWatch` (network change, wake-up) drives the sign-in
    refresh and the :class:`StatusController` (profile, probes, central catalog),
    which also starts after the first paint. ``status=False`` leaves it out (tests
    of other parts, which must not probe the demo's internet addresses).
    """

    def __init__(
        self,
        app: QApplication,
        workplace: Workplace,
        *,
        jobs: Jobs | None = None,
        use_tray: bool = True,
        single_instance: Any = None,
        restore_geometry: bool = True,
        save_state: bool = True,
        status: bool = True,
        watch: NetworkWatch | None = None,
    ) -> None:
        super().__init__(app)
        self.app = app
        self.workplace = workplace
        self.jobs = jobs or Jobs(parent=self)
        self.save_state = save_state
        self._disposed = False
        self._painted_at = time.perf_counter()
        self.early_imports: list[str] | None = None
        """:func:`early_imports` when the first frame had been drawn, before the work
        after it began (None until then)."""
        self.status_enabled = status
        self.watch = watch or NetworkWatch(self)
        self._texts = StatusTexts()
        self.summary = ""
        """The status line of the tray tooltip ("8 of 10 services available")."""
        self.appearance = Appearance(app)
        self.appearance.follow(workplace.settings)
        self.tray: Any = None
        """The tray icon, made right after the first paint where the desktop has a tray
        (:meth:`_ensure_tray`); None before that and without one."""
        self._tray_wanted = use_tray
        self.desktop_notifications = use_tray
        """Notifications go to the desktop (tests without a tray keep them in the window)."""
        self.window = MainWindow(workplace, self.jobs, self.appearance)
        geometry = workplace.state.window_geometry if restore_geometry else None
        if not (geometry and self.window.restoreGeometry(geometry)):
            self._place_window()
        self.window.quit_requested.connect(self.quit)
        self._links: LinkRouter | None = None
        if sys.platform == "darwin":  # a launch's link may come as FileOpen before the paint
            self.links.listen_for_file_open()
        self.single = single_instance
        if single_instance is not None:
            single_instance.message_received.connect(self._on_single_message_received)
        self._attach_account()
        self.status = StatusController(workplace, self.jobs, self.watch, parent=self)
        self.window.attach_status(self.status)
        self.status.statuses_changed.connect(self._on_status_statuses_changed)
        self.status.profile_changed.connect(self._on_status_profile_changed)
        self.status.catalog_refreshed.connect(self._on_status_catalog_refreshed)
        self._waiting: Waiting | None = None

    @property
    def waiting(self) -> Waiting:
        """Unread mail, the next meeting, chat, files and the portal (after sign-in), and
        their notifications. Built on first use, at the latest when the trusted
        configuration has integrations switched on, before the sign-in begins: nothing of
        it is in the first frame (its strip and banner show only what a signed-in check
        found), and a tenant without integrations never builds it."""
        return self._ensure_waiting()

    def _ensure_waiting(self) -> Waiting:
        if self._waiting is None:
            from workplace.ui.waitingview import Waiting

            self._ensure_tray()  # what is waiting notifies through it

            self._waiting = Waiting(self)
        return self._waiting

    def _ensure_tray(self) -> None:
        """The tray icon, where the desktop has a tray: made right after the first paint
        (asking the desktop for its tray and building the icon and its menu is no work
        for the first frame), before what is waiting, which notifies through it. From
        then on, closing the window keeps the launcher in the tray."""
        if not self._tray_wanted:
            return
        self._tray_wanted = False
        from workplace.ui.tray import Tray, tray_available

        if not tray_available():
            return
        tray = self.tray = Tray(self)
        self.window.tray_available = True
        tray.open_window.connect(self.window.bring_forward)
        tray.quit_requested.connect(self.window.quit)
        tray.launch_requested.connect(self._on_tray_launch_requested)
        self.window.favourites_changed.connect(self._on_window_favourites_changed)
        self._on_window_favourites_changed(list(self.workplace.settings.preferences.favourites))
        if self.summary:
            tray.set_summary(self.summary)
        tray.show()

    @property
    def links(self) -> LinkRouter:
        """Incoming links (built on first use, at the latest after the first paint: its
        module and its application-wide event filter are not needed for the first frame)."""
        if self._links is None:
            from workplace.ui.linkrouting import LinkRouter

            self._links = LinkRouter(self.workplace, self.window, self.jobs, parent=self)
        return self._links

    def _place_window(self) -> None:
        """The default size, but never larger than the screen, centred on it."""
        # None with no screen at all (Qt's stubs do not say so).
        screen: QScreen | None = self.app.primaryScreen()
        if screen is None:
            self.window.resize(*DEFAULT_SIZE)
            return
        area = screen.availableGeometry()
        width = min(DEFAULT_SIZE[0], int(area.width() * 0.92))
        height = min(DEFAULT_SIZE[1], int(area.height() * 0.92))
        self.window.resize(width, height)
        self.window.move(
            area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2
        )

    def show(self) -> None:
        self.window.show()
        self.window.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _attach_account(self) -> None:
        self.account = AccountController(self.workplace, self.jobs, parent=self)
        self.account_view = self.window.attach_account(self.account)
        self._first_paint = FirstPaint(self.window.header)
        self._first_paint.painted.connect(self._on_first_paint_painted)
        self.watch.changed.connect(self._on_watch_changed)

    @Slot()
    def _on_first_paint_painted(self) -> None:
        self._painted_at = time.perf_counter()
        # The rest of the frame (the tiles) is painted in this same pass: the work
        # after the first paint starts from the event loop, once the frame is done.
        QTimer.singleShot(0, self._after_first_paint)

    @Slot()
    def _after_first_paint(self) -> None:
        if self._disposed:
            return
        self.early_imports = early_imports()
        self._ensure_tray()
        self.links.listen_for_file_open()
        self.jobs.run(
            self.workplace.load_trusted, self._on_trusted_loaded, self._on_trusted_failed,
            name="trusted-settings",
        )
        self.jobs.run(self.workplace.remove_leftovers, name="remove-leftovers")

    def _on_trusted_loaded(self, view: TrustedView) -> None:
        """The configuration from the IT sources: it replaces the snapshot's, then the
        work that uses it (sign-in, status, catalog, start at login) begins."""
        if self._disposed:
            return
        warm = self.workplace.warm_start
        if self.workplace.adopt(view):
            if warm:
                log.info(
                    "the start-up snapshot differed from the configuration; using the "
                    "configuration", extra={"event": "config.snapshot_replaced"},
                )
            self.window.apply_settings(view.settings)
        else:  # the same tiles: only the objects behind them change
            self.window.model.adopt_catalog(self.workplace.catalog)
        if view.settings.tenant.integrations.enabled():
            # What is waiting, only where IT switched integrations on (about 2 MiB
            # otherwise for nothing); built before the sign-in below begins.
            self._ensure_waiting()
        if self.save_state:
            workplace = self.workplace
            self.jobs.run(
                lambda: workplace.remember_start(view), self._on_start_remembered,
                name="remember-start", serial=True,
            )
        self.links.sync_mail_links()
        waited = int((time.perf_counter() - self._painted_at) * 1000)
        QTimer.singleShot(max(0, AUTH_START_DELAY_MS - waited), self._start_account)
        if self.status_enabled:
            QTimer.singleShot(max(0, STATUS_START_DELAY_MS - waited), self._start_status)

    def _on_trusted_failed(self, exc: BaseException) -> None:
        # load_settings never raises; if it did, nothing may start on the snapshot.
        log.error("the configuration could not be read: %s", exc)

    @Slot()
    def _start_account(self) -> None:
        if not self._disposed:
            self.account.start()

    @Slot()
    def _start_status(self) -> None:
        if not self._disposed:
            self.status.start()
            self._sync_start_at_login()

    def _sync_start_at_login(self) -> None:
        """Make the system match ``start_at_login`` (once at start; the dialog does changes)."""
        settings = self.workplace.settings
        wanted = settings.preferences.start_at_login
        if not wanted and not settings.is_locked("start_at_login"):
            return  # never touch the system for a user who did not ask
        workplace = self.workplace
        self.jobs.run(lambda: workplace.sync_start_at_login(wanted), name="start-at-login")

    @Slot(object)
    def _on_status_catalog_refreshed(self, result: Any) -> None:
        """A central catalog answered (new or unchanged): the next start's first paint
        shows it too. An unchanged answer rewrites the cached file the start-up snapshot
        is keyed on, so it is remembered again as well (``remember_start`` writes only
        when something differs); else the next start would be a cold one."""
        if remember_after(result) and self.save_state and not self._disposed:
            self.jobs.run(
                self.workplace.remember_start, self._on_start_remembered,
                name="remember-start", serial=True,
            )

    def _on_start_remembered(self, saved: bool) -> None:
        if saved:
            log.info("start-up snapshot saved", extra={"event": "config.snapshot_saved"})

    @Slot(str)
    def _on_watch_changed(self, _reason: str) -> None:
        self.account.on_wake_or_network()

    # -- tray: summary and notifications ---------------------------------------------

    @Slot()
    def _on_status_profile_changed(self) -> None:
        self.account.set_low_bandwidth(self.status.low_bandwidth)
        self._on_status_statuses_changed(notify=False)

    @Slot()
    def _on_status_statuses_changed(self, notify: bool = True) -> None:
        status = self.status
        statuses = status.statuses
        checked = [s for s in statuses.values() if s.state.value != "not_checked"]
        available = sum(1 for s in checked if s.state.value in USABLE)
        if status.profile is not None and not status.profile.online:
            line = self._texts.profile_label(status.profile)
        else:
            line = self._texts.summary(available, len(checked))
        self.summary = line
        if self.tray is not None:
            self.tray.set_summary(line)
        policy = status.policy
        if not notify or self.tray is None or policy is None or not policy.notifications:
            return
        if not status.previous:
            return  # the first round is no change
        language = self.appearance.language
        changes = []
        for service_id, now in statuses.items():
            before = status.previous.get(service_id)
            if before is None or now.state.value == "not_checked":
                continue
            if (before.state.value in USABLE) != (now.state.value in USABLE):
                service = self.workplace.catalog.get(service_id)
                name = service.name.get(language) if service else service_id
                changes.append(self._texts.changed_notice(name, now.state.value))
        if changes:
            self.tray.notify(line, "\n".join(changes[:4]))

    @Slot(list)
    def _on_window_favourites_changed(self, ids: list[str]) -> None:
        if self.tray is not None:
            self.tray.set_favourites(self.workplace.catalog.pick(ids), self.appearance.language)

    @Slot(str)
    def _on_tray_launch_requested(self, service_id: str) -> None:
        service = self.workplace.catalog.get(service_id)
        if service is not None:
            self.window.launch(service)

    @Slot(dict)
    def _on_single_message_received(self, message: dict[str, Any]) -> None:
        log.info("another start handed over", extra={"event": "single_instance.handover"})
        if not self.links.take_message(message):  # a link: the router shows what it needs
            self.window.bring_forward()

    def dispose(self) -> None:
        """Tear down without quitting the application (tests build many windows)."""
        if self._disposed:
            return
        self._disposed = True
        if self._waiting is not None:
            self._waiting.dispose()
        if self._links is not None:
            self._links.dispose()
        self.account.dispose()
        self.status.dispose()
        self.jobs.wait()
        if self.tray is not None:
            self.tray.dispose()
        if self.single is not None:
            self.single.close()
        self.window.dialogs.close_all()
        self.window.hide()
        self.window.deleteLater()
        self.appearance.dispose()
        self.appearance.deleteLater()
        self.deleteLater()

    @Slot()
    def quit(self) -> None:
        if self.save_state:
            geometry = bytes(self.window.saveGeometry().data())
            self.jobs.run(
                lambda: self.workplace.save_geometry(geometry), name="save-geometry", serial=True
            )
        if self._waiting is not None:
            self._waiting.dispose()
        self.account.dispose()
        self.status.dispose()
        self.jobs.wait()
        if self.single is not None:
            self.single.close()
        if self.tray is not None:
            self.tray.dispose()
        self.app.quit()


def quit_on_signals(app: QApplication, handler: Callable[[], None]) -> object:
    """SIGINT/SIGTERM end the launcher cleanly (the single-instance socket is removed).

    Python runs signal handlers only between bytecodes, not inside Qt's event loop,
    so the wake-up fd turns a signal into a socket event the loop sees.
    """
    if sys.platform == "win32":
        return None
    import socket

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: None)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def _on_notifier_activated() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)
        handler()

    notifier.activated.connect(_on_notifier_activated)
    return (reader, writer, notifier)  # the caller keeps these alive
