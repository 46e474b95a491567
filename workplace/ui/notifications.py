# SPDX-License-Identifier: EUPL-1.2
"""Desktop notifications about what is waiting: the one place where do-not-disturb,
quiet hours, bursts and privacy apply.

:class:`Notifier` takes the :class:`~workplace.integrations.notices.Notice` values of
the :class:`~workplace.ui.waiting.WaitingController` and

- gathers what comes within :data:`BATCH_MS` into one notification: a burst becomes
  one summary ("3 neue E-Mails · 2 Termine beginnen gleich"), not a flood;
- keeps everything back while do-not-disturb holds (the user's switch, the quiet
  hours; IT can preset and lock both), and tells it in one summary when it ends;
- says only counts, times and the titles of the user's own meetings, never a mail's
  subject or sender;
- shows it through the freedesktop notification service on Linux, with a Join button
  on a meeting reminder where the service shows buttons; elsewhere, and where there is
  no such service, through the tray's messages.

Signals:
    open_requested(str): a click on a notification: open this service (its id).
    join_requested(object): Join on a meeting reminder: the :class:`Meeting`.
    shown(object): a :class:`~workplace.integrations.notices.Batch` was shown (its
        backend is :attr:`Notifier.backend`); tests and the log follow this.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from workplace import APP_ID, APP_NAME
from workplace.integrations.notices import Batch, Gate, Notice, NoticeKind, QuietHours, quiet
from workplace.ui import waitingtext

if TYPE_CHECKING:
    from workplace.config.settings import Settings
    from workplace.integrations.model import Meeting
    from workplace.system.desktop_notify import FreedesktopNotifications
    from workplace.ui.jobs import Jobs
    from workplace.ui.tray import Tray

log = logging.getLogger("workplace.ui.notify")

BATCH_MS = 1500
"""Notices this close together become one notification."""
MAX_TIMER_S = 6 * 3600.0


class Notifier(QObject):
    open_requested = Signal(str)
    join_requested = Signal(object)
    shown = Signal(object)
    _event = Signal(str, int, str)

    def __init__(
        self,
        jobs: Jobs,
        settings: Callable[[], Settings],
        *,
        tray: Tray | None = None,
        service_name: Callable[[str], str] = str,
        language: Callable[[], str] = lambda: "de",
        desktop: bool = True,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._settings = settings
        self._tray = tray
        self._service_name = service_name
        self._language = language
        self._clock = clock
        self.gate = Gate()
        self.backend = "none"
        """Where notifications go: ``freedesktop``, ``tray`` or ``none`` (logged only)."""
        self._fdo: FreedesktopNotifications | None = None
        self._connecting = False
        self._waiting: list[Batch] = []
        """Batches to show once the notification service answered (or did not)."""
        self._shown: dict[int, Batch] = {}
        """Notification id -> what it said (a click opens its service, Join its link)."""
        self._tray_batch: Batch | None = None
        self._disposed = False
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(BATCH_MS)
        self._batch.timeout.connect(self._on_batch_timeout)
        self._quiet_timer = QTimer(self)
        self._quiet_timer.setSingleShot(True)
        self._quiet_timer.timeout.connect(self._on_quiet_timer_timeout)
        self._event.connect(self._on_event)
        self._was_quiet = self.quiet_now()
        self._desktop = desktop
        """Look for the desktop's notification service (at the first notification: nothing
        of D-Bus stands before the first paint or runs for a user with nothing to tell)."""
        if not desktop:
            self._use_tray()
        if tray is not None:
            tray.message_clicked.connect(self._on_tray_message_clicked)
        self._plan_quiet()

    # -- do not disturb ------------------------------------------------------------------

    def _quiet_hours(self) -> QuietHours | None:
        prefs = self._settings().preferences
        return QuietHours.parse(prefs.quiet_hours_start, prefs.quiet_hours_end)

    def quiet_now(self) -> bool:
        """Do not disturb holds now (the switch, or the quiet hours)."""
        prefs = self._settings().preferences
        return quiet(prefs.do_not_disturb, self._quiet_hours(), self._local_now())

    def _local_now(self) -> datetime:
        return datetime.fromtimestamp(self._clock()).astimezone()

    def _plan_quiet(self) -> None:
        """Wake when the quiet hours begin or end (to hold back, or to tell what was)."""
        self._quiet_timer.stop()
        hours = self._quiet_hours()
        if hours is None or self._disposed:
            return
        local = self._local_now()
        if hours.active(local):
            delay = hours.ends_after(local)
        else:
            minute = local.hour * 60 + local.minute
            delay = ((hours.start - minute) % (24 * 60)) * 60.0 - local.second
        self._quiet_timer.start(int(min(max(delay, 1.0) + 1.0, MAX_TIMER_S) * 1000))

    @Slot()
    def _on_quiet_timer_timeout(self) -> None:
        self.settings_changed()

    def settings_changed(self) -> None:
        """Preferences changed (the switch, the quiet hours), or the quiet hours turned:
        when do-not-disturb ended, what was held back comes as one summary."""
        now_quiet = self.quiet_now()
        if now_quiet != self._was_quiet:
            log.info("do not disturb %s", "on" if now_quiet else "off",
                     extra={"event": "notify.quiet", "quiet": now_quiet})
        self._was_quiet = now_quiet
        if not now_quiet:
            batch = self.gate.release(self._clock())
            if batch is not None:
                self._show(batch)
        self._plan_quiet()

    # -- notices in, batches out -----------------------------------------------------------

    @Slot(object)
    def offer(self, notice: Notice) -> None:
        prefs = self._settings().preferences
        if notice.kind == NoticeKind.MAIL and not prefs.mail_notifications:
            return
        self.gate.offer(notice)
        if not self._batch.isActive():
            self._batch.start()

    @Slot()
    def _on_batch_timeout(self) -> None:
        now_quiet = self.quiet_now()
        held_before = len(self.gate.held)
        batch = self.gate.flush(self._clock(), quiet_now=now_quiet)
        if now_quiet and len(self.gate.held) > held_before:
            log.info("held back by do not disturb: %d", len(self.gate.held) - held_before,
                     extra={"event": "notify.held", "held": len(self.gate.held)})
        if batch is not None:
            self._show(batch)

    def forget(self) -> None:
        """Signed out: nothing of that session is told later; its notifications go."""
        self._batch.stop()
        self.gate.forget()
        shown, self._shown = self._shown, {}
        fdo = self._fdo
        if fdo is not None and shown:
            ids = list(shown)

            def close() -> None:
                for notification in ids:
                    fdo.close_notification(notification)

            self._jobs.run(close, name="notify-close")

    # -- the words ----------------------------------------------------------------------------

    def texts(self, batch: Batch) -> tuple[str, str]:
        """(title, body) of ``batch``: counts, times and the titles of the user's own
        meetings (unless IT turned those off: ``[integrations] meeting_titles``); never a
        mail's subject or sender, a chat message or who wrote it. The titles of file
        notifications and portal announcements only where IT allows previews
        (``[integrations] previews``)."""
        now = self._clock()
        language = self._language()
        meetings = batch.meetings
        integrations = self._settings().tenant.integrations
        titles = integrations.meeting_titles

        def named(meeting: Meeting) -> str:
            if titles:
                return waitingtext.meeting_title(meeting)
            return QCoreApplication.translate("Notifier", "Meeting")

        if not batch.summary and not batch.held:
            if meetings:
                meeting = meetings[0]
                title = named(meeting)
                body = QCoreApplication.translate("Notifier", "Starts %1 (%2)").replace(
                    "%1", waitingtext.relative_start(meeting, now, language)).replace(
                    "%2", waitingtext.clock(meeting.start, language))
                return title, body
            title = self._service_name(batch.service_id)
            return title, "\n".join(self._count_lines(batch, integrations.previews))
        lines = self._count_lines(batch, integrations.previews)
        if len(meetings) == 1:
            meeting = meetings[0]
            lines.append(f"{named(meeting)}: "
                         f"{waitingtext.relative_start(meeting, now, language)}")
        elif meetings:
            count = len(meetings)
            lines.append(self.tr("%n meeting(s) starting soon", "", count))
        if batch.held:
            title = QCoreApplication.translate("Notifier", "While do not disturb was on")
        else:
            title = QCoreApplication.translate("Notifier", "Workplace")
        return title, "\n".join(lines)

    def _count_lines(self, batch: Batch, previews: bool) -> list[str]:
        """One line per kind of news: mail, chat, files, announcements (counts; with
        previews, the files' and announcements' own titles after them)."""
        lines = []
        if batch.new_mail:
            lines.append(self._mail_line(batch))
        rooms, mentions = batch.count(NoticeKind.CHAT), batch.mentions
        if rooms or mentions:
            words = [waitingtext.new_chat(rooms)] if rooms else []
            if mentions:
                words.append(waitingtext.new_mentions(mentions))
            lines.append(" · ".join(words))
        for kind, say in ((NoticeKind.FILES, waitingtext.new_file_notices),
                          (NoticeKind.ANNOUNCEMENT, waitingtext.new_announcements)):
            count = batch.count(kind)
            if count:
                lines.append(say(count))
                if previews:
                    lines.extend(f"• {title}" for title in batch.titles(kind)[:3])
        return lines

    def _mail_line(self, batch: Batch) -> str:
        line = waitingtext.new_mail(batch.new_mail)
        if batch.unread:
            line += " · " + waitingtext.unread_words(batch.unread)
        return line

    # -- showing --------------------------------------------------------------------------------

    def _show(self, batch: Batch) -> None:
        if self._desktop and self.backend == "none" and not self._connecting:
            self._connect_desktop()
        if self._connecting:
            self._waiting.append(batch)
            return
        title, body = self.texts(batch)
        joinable = batch.joinable(self._clock())
        log.info("notification: %d notice(s)%s", len(batch.notices),
                 " held back before" if batch.held else "",
                 extra={"event": "notify.shown", "backend": self.backend,
                        "notices": len(batch.notices), "held": batch.held,
                        "summary": batch.summary or batch.held, "join": joinable is not None})
        if self.backend == "freedesktop" and self._fdo is not None:
            self._show_desktop(self._fdo, batch, title, body, joinable is not None)
        elif self.backend == "tray" and self._tray is not None:
            self._tray_batch = batch
            self._tray.notify(title, body)
        self.shown.emit(batch)

    def _show_desktop(self, fdo: FreedesktopNotifications, batch: Batch, title: str,
                      body: str, join: bool) -> None:
        actions = [("default", QCoreApplication.translate("Notifier", "Open"))]
        if join:
            actions.append(("join", QCoreApplication.translate("Notifier", "Join")))
        kind = "email.arrived" if batch.new_mail and not batch.meetings else ""

        def send() -> int:
            return fdo.notify(title, body, actions=actions, category=kind,
                              desktop_entry=APP_ID)

        def sent(notification: int) -> None:
            self._shown[notification] = batch

        def failed(exc: BaseException) -> None:
            log.info("the notification service refused a notification (%s); the tray "
                     "shows them from now on", type(exc).__name__)
            self._use_tray()
            if self._tray is not None:
                self._tray_batch = batch
                self._tray.notify(title, body)

        self._jobs.run(send, sent, failed, name="notify")

    # -- backends -------------------------------------------------------------------------------

    def _connect_desktop(self) -> None:
        import sys

        if not sys.platform.startswith("linux"):
            self._use_tray()
            return
        from workplace.system.desktop_notify import FreedesktopNotifications

        fdo = FreedesktopNotifications(APP_NAME, self._event.emit)
        self._connecting = True

        def connected(_result: object) -> None:
            self._connecting = False
            if self._disposed:
                fdo.close()
                return
            self._fdo = fdo
            self.backend = "freedesktop"
            log.info("desktop notifications through %s", fdo.server or "the notification service",
                     extra={"event": "notify.backend", "backend": "freedesktop",
                            "actions": fdo.actions})
            self._flush_waiting()

        def missing(exc: BaseException) -> None:
            self._connecting = False
            log.info("no desktop notification service (%s); using the tray", exc)
            self._use_tray()
            self._flush_waiting()

        self._jobs.run(fdo.connect, connected, missing, name="notify-connect")

    def _use_tray(self) -> None:
        self.backend = "tray" if self._tray is not None else "none"
        log.info("desktop notifications through %s", self.backend,
                 extra={"event": "notify.backend", "backend": self.backend})

    def _flush_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for batch in waiting:
            self._show(batch)

    # -- clicks -----------------------------------------------------------------------------------

    @Slot(str, int, str)
    def _on_event(self, kind: str, notification: int, detail: str) -> None:
        if kind == "closed":
            self._shown.pop(notification, None)
            return
        batch = self._shown.pop(notification, None)
        if batch is None:
            return
        self._act(batch, detail)

    def _act(self, batch: Batch, action: str) -> None:
        joinable = batch.joinable(self._clock())
        log.info("notification clicked: %s", action,
                 extra={"event": "notify.clicked", "action": action})
        if action == "join" and joinable is not None and joinable.join_url:
            self.join_requested.emit(joinable)
        else:
            self.open_requested.emit(batch.service_id)

    @Slot()
    def _on_tray_message_clicked(self) -> None:
        batch, self._tray_batch = self._tray_batch, None
        if batch is not None:
            self._act(batch, "default")

    def dispose(self) -> None:
        self._disposed = True
        self._batch.stop()
        self._quiet_timer.stop()
        fdo, self._fdo = self._fdo, None
        if fdo is not None:
            fdo.close()
