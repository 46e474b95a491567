# SPDX-License-Identifier: EUPL-1.2
"""What is waiting for the user (unread mail, the next meeting), kept current in the window.

:class:`WaitingController` is the one Qt adapter of the core's integrations:

- it builds :class:`~workplace.integrations.runner.Integrations` in a job once the
  user is signed in (``app.build_integrations``), and forgets everything it knew at
  sign-out (``Integrations.forget``: connections, application passwords, validators);
- one single-shot :class:`QTimer` drives the core's
  :class:`~workplace.integrations.schedule.Schedule`: it fires when the next check or
  the next meeting reminder is due, never more often; each check runs as a job;
- an integration that can be kept current over a held connection (IMAP IDLE) gets a
  thread of its own where the connection profile allows one; its readings reach the
  GUI thread as a queued signal;
- the connection profile, data saver, a network change and a wake-up replan the
  schedule (one round now, where the network changed); offline nothing is asked.

Results are plain :class:`~workplace.integrations.model.Reading` values applied on the
GUI thread; nothing of their content is written anywhere.

Signals:
    reading_changed(object): a new :class:`Reading` of one integration.
    cleared(): every reading is gone (signed out).
    notice(object): a :class:`~workplace.integrations.notices.Notice`: new mail, or a
        meeting reminder now due.
    password_saved(str), password_failed(str, str): the application password for an
        integration was stored, or could not be (integration, reason in English).
    dismissed(str, str, bool): a notice was dismissed on the server (integration, the
        notice's id, whether the server took it).
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from workplace.app import Workplace
from workplace.integrations.model import Availability, Reading
from workplace.integrations.notices import (
    Notice,
    NoticeKind,
    new_chat,
    new_mail,
    new_notices,
    next_reminder,
    reminder_key,
    reminders_due,
)
from workplace.ui.jobs import Jobs

if TYPE_CHECKING:
    from workplace.auth.service import AuthService
    from workplace.integrations.runner import Integrations
    from workplace.integrations.schedule import Schedule
    from workplace.net.profile import ConnectionProfile
    from workplace.ui.account import AccountController
    from workplace.ui.netwatch import NetworkWatch
    from workplace.ui.status import StatusController

log = logging.getLogger("workplace.ui.waiting")

MAX_TIMER_S = 6 * 3600.0
WATCH_RETRIES = 3
"""A held connection that ended this often in a row is not opened again until the
network changes (a server without IDLE, a firewall cutting idle connections): the
plain poll goes on."""
JOIN_S = 5.0
"""How long dispose waits for a held connection's thread after closing its socket."""

Build = Callable[[Workplace, "AuthService | None"], "Integrations | None"]


def _build(workplace: Workplace, auth: AuthService | None) -> Integrations | None:
    from workplace.app import build_integrations

    return build_integrations(workplace, auth)


class WaitingController(QObject):
    reading_changed = Signal(object)
    cleared = Signal()
    notice = Signal(object)
    password_saved = Signal(str)
    password_failed = Signal(str, str)
    dismissed = Signal(str, str, bool)
    _watched = Signal(object)
    _watch_ended = Signal(str, object)

    def __init__(
        self,
        workplace: Workplace,
        jobs: Jobs,
        account: AccountController,
        status: StatusController | None,
        watch: NetworkWatch | None,
        *,
        clock: Callable[[], float] = time.time,
        build: Build = _build,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._workplace = workplace
        self._jobs = jobs
        self._account = account
        self._status = status
        self._clock = clock
        self._build = build
        self.integrations: Integrations | None = None
        self.schedule: Schedule | None = None
        self.readings: dict[str, Reading] = {}
        self.checks = 0
        """Finished checks (tests wait for this to grow)."""
        self._told: set[str] = set()
        """Reminders given in this session (meeting uid and start)."""
        self._building = False
        self._signed_in = False
        self._was_signed_in = False
        self._disposed = False
        self._round_pending = False
        self._watches: dict[str, tuple[threading.Thread, threading.Event]] = {}
        self._dismissing: dict[str, set[str]] = {}
        """Notices dismissed here that a reading may still show (asked before the
        server deleted them), per integration."""
        self._asking: set[str] = set()
        """Integrations whose sign-in round runs now."""
        self._watch_failures: dict[str, int] = {}
        self._session = 0
        """Bumped at sign-out: results of checks started before are dropped."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._watched.connect(self._on_watched)
        self._watch_ended.connect(self._on_watch_ended)
        account.changed.connect(self._on_account_changed)
        if status is not None:
            status.profile_changed.connect(self._on_status_profile_changed)
        if watch is not None:
            watch.changed.connect(self._on_watch_changed)

    # -- what the window reads -------------------------------------------------------

    @property
    def active(self) -> bool:
        """Signed in with integrations configured and built."""
        return self.integrations is not None and self._signed_in

    def reading_for(self, service_id: str) -> list[Reading]:
        return [r for r in self.readings.values() if r.service_id == service_id]

    def total_unread(self) -> int:
        return sum(r.badge or 0 for r in self.readings.values())

    def needs_password(self, name: str) -> bool:
        integrations = self.integrations
        return integrations is not None and integrations.needs_app_password(name)

    # -- sign-in and sign-out ----------------------------------------------------------

    def follow_account(self) -> None:
        """Take up the account's state now (signed in already: the checks start)."""
        self._on_account_changed()

    @Slot()
    def _on_account_changed(self) -> None:
        from workplace.ui.account import Phase

        signed_in = self._account.phase == Phase.SIGNED_IN
        if signed_in == self._signed_in:
            return
        self._signed_in = signed_in
        if signed_in:
            self._was_signed_in = True
            self._start()
        else:
            self._stop(forget=self._account.phase == Phase.SIGNED_OUT and self._was_signed_in)

    def _start(self) -> None:
        if self._disposed:
            return
        if self.integrations is not None:
            self._replan(round_now=True)
            return
        if self._building:
            return
        self._building = True
        workplace, auth, build = self._workplace, self._account.service, self._build
        self._jobs.run(lambda: build(workplace, auth), self._on_built, self._on_build_failed,
                       name="integrations-build")

    def _on_built(self, integrations: Integrations | None) -> None:
        self._building = False
        if self._disposed or integrations is None:
            return
        from workplace.integrations.schedule import Schedule
        from workplace.net.profile import UNKNOWN_PROFILE

        self.integrations = integrations
        self.schedule = Schedule(integrations.configs(), UNKNOWN_PROFILE)
        log.info("integrations: %s", ", ".join(integrations.names()),
                 extra={"event": "waiting.started", "integrations": list(integrations.names())})
        if self._signed_in:
            self._replan(round_now=True)

    def _on_build_failed(self, exc: BaseException) -> None:
        self._building = False
        log.warning("the integrations could not be set up: %s", exc, exc_info=exc)

    def _stop(self, *, forget: bool) -> None:
        """Signed out (``forget``: by the user) or asked to sign in again: nothing more is
        asked; what was shown goes."""
        self._session += 1
        self._timer.stop()
        self._stop_watches()
        self._told.clear()
        self._dismissing.clear()
        if self.schedule is not None:
            self.schedule.running.clear()
            self.schedule.held.clear()
        had = bool(self.readings)
        self.readings.clear()
        if had:
            self.cleared.emit()
        integrations = self.integrations
        if forget and integrations is not None:
            self._jobs.run(integrations.forget, name="integrations-forget")
            log.info("integrations forgotten at sign-out", extra={"event": "waiting.forgotten"})

    # -- the connection profile, data saver, network changes ----------------------------

    def _profile(self) -> tuple[ConnectionProfile, bool]:
        from workplace.net.profile import UNKNOWN_PROFILE

        status = self._status
        if status is None:
            return UNKNOWN_PROFILE, self._workplace.settings.preferences.low_bandwidth == "on"
        return status.profile or UNKNOWN_PROFILE, status.low_bandwidth

    @Slot(str)
    def _on_watch_changed(self, _reason: str) -> None:
        """A network change or a wake-up: the status controller detects the profile
        again; its answer (profile_changed) brings one round. Held connections may be
        dead without knowing it: they are opened again after that round."""
        self._round_pending = True
        self._watch_failures.clear()
        self._stop_watches()
        if self._status is None:
            self._on_status_profile_changed()

    @Slot()
    def _on_status_profile_changed(self) -> None:
        schedule = self.schedule
        if schedule is None or not self.active:
            return
        profile, low = self._profile()
        changed = (profile.kind, profile.metered, low) != (
            schedule.profile.kind, schedule.profile.metered, schedule.low_bandwidth)
        came_online = profile.online and not schedule.profile.online
        round_now = self._round_pending or came_online
        self._round_pending = False
        if changed or round_now:
            self._replan(round_now=round_now)

    def _replan(self, *, round_now: bool) -> None:
        schedule = self.schedule
        if schedule is None or not self.active:
            return
        if self._status is not None and self._status.profile is None:
            # The connection is still being detected: its answer brings the first round
            # (offline at start, nothing is asked at all).
            self._round_pending = self._round_pending or round_now
            return
        profile, low = self._profile()
        schedule.replan(profile, low, self._clock(), round_now=round_now)
        log.info("integrations planned for %s%s", profile.kind.value,
                 " (data saver)" if low else "",
                 extra={"event": "waiting.planned", "profile": profile.kind.value,
                        "low_bandwidth": low, "round": round_now})
        self._sync_watches()
        self._arm()

    def refresh_now(self) -> None:
        """F5: check every integration now (held connections are current already)."""
        self._replan(round_now=True)

    # -- the one timer -------------------------------------------------------------------

    def _arm(self) -> None:
        self._timer.stop()
        schedule = self.schedule
        if schedule is None or not self.active or self._disposed:
            return
        now = self._clock()
        times = [t for t in (schedule.next_wakeup(), self._next_reminder(now)) if t is not None]
        if not times:
            return
        delay = min(max(0.0, min(times) - now), MAX_TIMER_S)
        self._timer.start(int(delay * 1000))

    @Slot()
    def _on_timer_timeout(self) -> None:
        schedule, integrations = self.schedule, self.integrations
        if schedule is None or integrations is None or not self.active:
            return
        now = self._clock()
        for name in schedule.take_due(now):
            self._check(integrations, name)
        self._remind(now)
        self._arm()

    def _check(self, integrations: Integrations, name: str) -> None:
        session = self._session
        self._jobs.run(lambda: integrations.check(name),
                       lambda reading: self._on_checked(session, reading),
                       lambda exc: self._on_check_failed(session, name, exc),
                       name=f"integration-{name}")

    def _on_checked(self, session: int, reading: Reading) -> None:
        self.checks += 1
        if session != self._session or self._disposed:
            return
        reading = self._apply(reading)
        if self.schedule is not None:
            self.schedule.done(reading, self._clock())
        self._sync_watches()
        self._arm()

    def _on_check_failed(self, session: int, name: str, exc: BaseException) -> None:
        # Integrations.check never raises; a job that did is a bug: go on, back off.
        log.warning("the %s check failed: %s", name, exc, exc_info=exc)
        self._on_checked(session, Reading(name, self._service_of(name), Availability.FAILING,
                                          checked_at=self._clock(), detail="check failed"))

    def _service_of(self, name: str) -> str:
        integrations = self.integrations
        return integrations.config(name).service if integrations is not None else name

    def _apply(self, reading: Reading) -> Reading:
        from workplace.integrations.runner import with_failures

        previous = self.readings.get(reading.name)
        reading = self._without_dismissed(with_failures(reading, previous))
        self.readings[reading.name] = reading
        log.info(
            "%s: %s", reading.name, reading.availability.value,
            extra={"event": "waiting.reading", "integration": reading.name,
                   "availability": reading.availability.value, "badge": reading.badge,
                   "meetings": len(reading.meetings), "failures": reading.failures},
        )
        self.reading_changed.emit(reading)
        now = self._clock()
        count = new_mail(previous, reading) if reading.name == "mail" else 0
        if count:
            self.notice.emit(Notice(NoticeKind.MAIL, reading.service_id, now,
                                    count=count, unread=reading.unread or 0))
        if reading.name == "chat":
            rooms, mentions = new_chat(previous, reading)
            if rooms or mentions:
                self.notice.emit(Notice(NoticeKind.CHAT, reading.service_id, now,
                                        count=rooms, mentions=mentions))
        elif reading.name in ("files", "portal"):
            fresh = new_notices(previous, reading)
            if fresh:
                kind = NoticeKind.FILES if reading.name == "files" else NoticeKind.ANNOUNCEMENT
                self.notice.emit(Notice(kind, reading.service_id, now, count=len(fresh),
                                        titles=tuple(n.title for n in fresh)))
        if reading.meetings:
            self._remind(self._clock())
        return reading

    # -- reminders -------------------------------------------------------------------------

    def _meetings(self) -> list[tuple[str, Any]]:
        return [(r.service_id, m) for r in self.readings.values() for m in r.meetings]

    def _next_reminder(self, now: float) -> float | None:
        return next_reminder([m for _, m in self._meetings()], now, self._told)

    def _remind(self, now: float) -> None:
        for service_id, meeting in self._meetings():
            if reminders_due([meeting], now, self._told):
                self._told.add(reminder_key(meeting))
                self.notice.emit(Notice(NoticeKind.MEETING, service_id, now, meeting=meeting))

    # -- held connections (IMAP IDLE) ------------------------------------------------------

    def _watch_wanted(self, name: str) -> bool:
        from workplace.integrations.schedule import held_connection_allowed

        integrations, schedule = self.integrations, self.schedule
        if integrations is None or schedule is None or not self.active or self._disposed:
            return False
        if not integrations.can_hold(name) or self._watch_failures.get(name, 0) >= WATCH_RETRIES:
            return False
        profile, low = self._profile()
        last = self.readings.get(name)
        return (held_connection_allowed(profile, low) and profile.online
                and last is not None and last.availability == Availability.OK)

    def _sync_watches(self) -> None:
        integrations = self.integrations
        if integrations is None:
            return
        for name in integrations.names():
            wanted, running = self._watch_wanted(name), name in self._watches
            if wanted and not running and name not in (self.schedule.running if self.schedule
                                                       else set()):
                self._start_watch(integrations, name)
            elif running and not wanted:
                self._end_watch(name)

    def _start_watch(self, integrations: Integrations, name: str) -> None:
        stop = threading.Event()
        emit, ended = self._watched.emit, self._watch_ended.emit

        def hold() -> None:
            try:
                result = integrations.watch(name, emit, stop)
            except Exception as exc:  # watch never raises; if it did, poll again
                log.warning("the held connection for %s failed: %s", name, exc, exc_info=exc)
                result = None
            if not stop.is_set():
                ended(name, result)

        thread = threading.Thread(target=hold, name=f"integration-watch-{name}", daemon=True)
        self._watches[name] = (thread, stop)
        assert self.schedule is not None
        self.schedule.hold(name, True)
        log.info("%s: held connection opened", name,
                 extra={"event": "waiting.held", "integration": name})
        thread.start()

    def _end_watch(self, name: str) -> None:
        found = self._watches.pop(name, None)
        if found is None:
            return
        _thread, stop = found
        stop.set()
        if self.integrations is not None:
            self.integrations.stop_watch(name)  # closes the socket: the thread ends
        if self.schedule is not None:
            self.schedule.hold(name, False)
            self._arm()

    def _stop_watches(self) -> None:
        for name in list(self._watches):
            self._end_watch(name)

    @Slot(object)
    def _on_watched(self, reading: Reading) -> None:
        if reading.name not in self._watches or not self.active:
            return  # a count that crossed a sign-out or the end of the watch
        self._watch_failures.pop(reading.name, None)
        self._apply(reading)

    @Slot(str, object)
    def _on_watch_ended(self, name: str, result: Reading | None) -> None:
        if self._watches.pop(name, None) is None:
            return
        schedule = self.schedule
        if schedule is not None:
            schedule.hold(name, False)
        self._watch_failures[name] = self._watch_failures.get(name, 0) + 1
        detail = result.detail if result is not None else "ended"
        log.info("%s: held connection ended (%s)", name, detail,
                 extra={"event": "waiting.held_ended", "integration": name})
        if result is not None and self.active:
            reading = self._apply(result)
            if schedule is not None:
                schedule.done(reading, self._clock())
        elif schedule is not None and self.active:
            schedule.due[name] = self._clock()  # ended without a word: poll at once
        self._arm()

    # -- application passwords -------------------------------------------------------------

    def save_password(self, name: str, password: str) -> None:
        """Keep the application password the user typed (keyring, in a job), then check."""
        integrations = self.integrations
        if integrations is None:
            self.password_failed.emit(name, "not signed in")
            return

        def saved(_result: object) -> None:
            self.password_saved.emit(name)
            if self.schedule is not None and self.active:
                self.schedule.due[name] = self._clock()
                self._arm()

        def failed(exc: BaseException) -> None:
            log.warning("the application password could not be kept: %s", type(exc).__name__)
            self.password_failed.emit(name, type(exc).__name__)

        self._jobs.run(lambda: integrations.save_app_password(name, password), saved, failed,
                       name="app-password-save")

    # -- what the user does: sign in again, dismiss, the recent documents ----------------

    def sign_in(self, name: str) -> None:
        """The chat's "sign in again": one sign-in round in the browser (a job), then
        its reading as usual. Asked twice while one runs, it runs once."""
        integrations = self.integrations
        if integrations is None or not self.active or name in self._asking:
            return
        self._asking.add(name)
        session = self._session
        log.info("%s: signing in again", name,
                 extra={"event": "waiting.sign_in", "integration": name})

        def done(reading: Reading) -> None:
            self._asking.discard(name)
            self._on_checked(session, reading)

        def failed(exc: BaseException) -> None:
            self._asking.discard(name)
            self._on_check_failed(session, name, exc)

        self._jobs.run(lambda: integrations.sign_in(name), done, failed,
                       name=f"integration-sign-in-{name}")

    def signing_in(self, name: str) -> bool:
        return name in self._asking

    def dismiss(self, name: str, notice_id: str) -> None:
        """Dismiss one file notification or portal announcement on the server (a job).
        It leaves the window at once; ``dismissed`` says how it went (when the server
        refused, the next check brings it back)."""
        integrations = self.integrations
        reading = self.readings.get(name)
        if integrations is None or reading is None or not self.active:
            return
        self._dismissing.setdefault(name, set()).add(notice_id)
        changed = self._without_dismissed(reading)
        self.readings[name] = changed
        self.reading_changed.emit(changed)
        session = self._session

        def done(ok: bool) -> None:
            if session != self._session or self._disposed:
                return
            self.dismissed.emit(name, notice_id, bool(ok))
            if not ok:
                self._dismissing.get(name, set()).discard(notice_id)
            if not ok and self.schedule is not None and self.active:
                self.schedule.due[name] = self._clock()  # the server's word wins
                self._arm()

        def failed(exc: BaseException) -> None:
            log.warning("dismissing a %s notice failed: %s", name, exc, exc_info=exc)
            done(False)

        self._jobs.run(lambda: integrations.dismiss(name, notice_id), done, failed,
                       name=f"integration-dismiss-{name}")

    def _without_dismissed(self, reading: Reading) -> Reading:
        """``reading`` without what the user dismissed here. A check that was asked
        before the server deleted it still has it: it must not come back for a moment
        (the badge rose again). An id is let go once a reading no longer has it."""
        hidden = self._dismissing.get(reading.name)
        if not hidden or reading.availability != Availability.OK:
            return reading
        hidden &= {n.id for n in reading.notices}
        if not hidden:
            return reading
        if reading.name == "files":
            kept = tuple(n for n in reading.notices if n.id not in hidden)
            return dataclasses.replace(reading, notices=kept, unread=len(kept))
        return dataclasses.replace(reading, notices=tuple(
            dataclasses.replace(n, popup=False) if n.id in hidden else n
            for n in reading.notices))

    def refresh_documents(self, name: str = "files") -> None:
        """The "Zuletzt bearbeitet" list was opened: ask the server again (a job)."""
        integrations = self.integrations
        if integrations is None or not self.active or name not in integrations.names():
            return
        session = self._session
        self._jobs.run(lambda: integrations.documents(name),
                       lambda reading: self._on_checked(session, reading),
                       lambda exc: self._on_check_failed(session, name, exc),
                       name=f"integration-documents-{name}")

    # -- teardown ----------------------------------------------------------------------------

    def dispose(self) -> None:
        if self._disposed:
            return
        self._disposed = True
        self._timer.stop()
        threads = [thread for thread, _stop in self._watches.values()]
        self._stop_watches()
        for thread in threads:
            thread.join(JOIN_S)
