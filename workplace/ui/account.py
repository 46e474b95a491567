# SPDX-License-Identifier: EUPL-1.2
"""The sign-in as the window sees it: runs AuthService calls as jobs, keeps the session fresh.

:class:`AccountController` owns the tenant's ``AuthService`` (built in a job after
the first paint, so no auth, HTTP or keyring import stands before it) and turns
its blocking calls into jobs. Results are applied on the GUI thread; widgets
listen to :attr:`AccountController.changed` and read :attr:`phase`,
:attr:`state`, :attr:`error`, :attr:`challenge` and :attr:`browser_url`.

There is always a definite phase to show: :attr:`Phase.STARTING` ("checking")
from the start until the keyring has answered, but at most
:data:`CHECK_PATIENCE_MS` once the service is built; a keyring that is slow, or
waits for the user to unlock it, then leaves the sign-in offered (SIGNED_OUT)
while :attr:`AccountController.checking` stays True. A session found later still
signs the user in, unless they started a sign-in of their own meanwhile.

Silent refresh: a single-shot timer fires at ``AuthState.refresh_due_at``, the
core's plan (``workplace.auth.plan``: the session's keep-alive at a random point,
the backoff after a failure). The window's one
:class:`~workplace.ui.netwatch.NetworkWatch` calls
:meth:`AccountController.on_wake_or_network` after a wake-up or a network change;
the service then plans an overdue or failing refresh for a random point in the next
few minutes. A rejected refresh token ends in one "please sign in again" state;
nothing here ever opens the browser unless the user asked for it.

This module never imports ``workplace.auth`` at import time: kinds and statuses
are string enums and are compared by value.

Signals:
    changed(): phase, state, error or challenge changed.
"""

from __future__ import annotations

import logging
import threading
import time
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from workplace.app import Workplace
from workplace.ui.jobs import Jobs

if TYPE_CHECKING:
    from workplace.auth.device import DeviceChallenge
    from workplace.auth.service import AuthService
    from workplace.auth.state import AuthState

log = logging.getLogger("workplace.ui")

CHECK_PATIENCE_MS = 1000
"""The longest "checking": then the sign-in is offered while the keyring lookup goes on."""
MAX_TIMER_S = 24 * 3600


class Phase(StrEnum):
    STARTING = "starting"
    """Checking: the remembered session is being looked up (at most
    :data:`CHECK_PATIENCE_MS` after the service is built). The window says so; the
    tiles show, the sign-in screen not yet."""
    DISABLED = "disabled"
    """The tenant has no identity provider: no account area at all."""
    SIGNED_OUT = "signed_out"
    BROWSER = "browser"
    """The sign-in page is open in the system browser."""
    DEVICE = "device"
    """The device grant: a code is being requested (challenge None) or shown."""
    SIGNED_IN = "signed_in"
    REAUTH = "reauth"
    """The provider rejected the remembered session: one "please sign in again"."""


class AccountController(QObject):
    changed = Signal()
    _browser_opened = Signal(str)

    def __init__(self, workplace: Workplace, jobs: Jobs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workplace = workplace
        self._jobs = jobs
        self.service: AuthService | None = None
        self.phase = Phase.STARTING
        self.state: AuthState | None = None
        self.error: tuple[str, str] | None = None
        """(kind, detail) of the last failed attempt, shown on the sign-in screen."""
        self.challenge: DeviceChallenge | None = None
        self.browser_url = ""
        self._cancel: threading.Event | None = None
        self._attempt = 0
        self._disposed = False
        self._low_bandwidth = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self._on_refresh_timer_timeout)
        self._browser_opened.connect(self._on_browser_opened)
        self.checking = False
        """The keyring lookup is under way (also after the patience ran out)."""
        self._patience = QTimer(self)
        self._patience.setSingleShot(True)
        self._patience.timeout.connect(self._on_patience_timeout)

    # -- start-up -------------------------------------------------------------------

    def start(self) -> None:
        """Build the service, then look for the remembered session, in jobs (after the
        first paint). Only the lookup may wait for the keyring."""
        workplace = self._workplace
        low_bandwidth = self._low_bandwidth
        self.checking = True

        def build() -> AuthService | None:
            service = workplace.auth_factory(workplace, self._open_browser)
            if service is not None:
                service.set_low_bandwidth(low_bandwidth)  # no I/O: plans the first refresh
            return service

        self._jobs.run(build, self._on_built, self._on_build_failed, name="auth-build")

    def _on_built(self, service: AuthService | None) -> None:
        if self._disposed:
            if service is not None:
                service.close()
            return
        if service is None:
            self.checking = False
            self._set_phase(Phase.DISABLED)
            return
        self.service = service
        self._patience.start(CHECK_PATIENCE_MS)
        self._jobs.run(service.recall, self._on_recalled, self._on_recall_failed,
                       name="auth-recall")

    def _on_build_failed(self, exc: BaseException) -> None:
        log.warning("the sign-in service could not be started: %s", exc)
        self.checking = False
        self._set_phase(Phase.DISABLED)

    @Slot()
    def _on_patience_timeout(self) -> None:
        if self.phase == Phase.STARTING and not self._disposed:
            log.info("the keyring has not answered yet; offering the sign-in meanwhile",
                     extra={"event": "auth.checking_slow"})
            self._set_phase(Phase.SIGNED_OUT)

    def _on_recalled(self, state: AuthState) -> None:
        self.checking = False
        self._patience.stop()
        if self._disposed or self.busy or self.phase == Phase.SIGNED_IN:
            return  # the user's own sign-in came first
        self._apply(state)
        if state.signed_in:
            self.refresh(force=True)  # remembered: get a fresh access token

    def _on_recall_failed(self, exc: BaseException) -> None:
        log.warning("the remembered sign-in could not be looked up: %s", exc)
        self.checking = False
        self._patience.stop()
        if self.phase == Phase.STARTING and not self._disposed:
            self.error = _error_of(exc)
            self._set_phase(Phase.SIGNED_OUT)

    # -- applying states ------------------------------------------------------------

    def _apply(self, state: AuthState) -> None:
        """Show ``state`` (a job's result) and plan the next refresh."""
        self.state = state
        status = state.status.value
        if status in ("signed_in", "session_only"):
            self.error = None
            self.challenge = None
            self.phase = Phase.SIGNED_IN
            self._plan_refresh(state)
        elif status == "reauth_required":
            self._refresh_timer.stop()
            self.phase = Phase.REAUTH
        else:
            self._refresh_timer.stop()
            self.phase = Phase.SIGNED_OUT
        log.info(
            "sign-in state: %s", status,
            extra={"event": "auth.state", "status": status,
                   "reason": state.reason.value if state.reason is not None else None},
        )
        self.changed.emit()

    def _set_phase(self, phase: Phase) -> None:
        self.phase = phase
        self.changed.emit()

    @property
    def configured(self) -> bool:
        return self.phase != Phase.DISABLED

    @property
    def busy(self) -> bool:
        return self.phase in (Phase.BROWSER, Phase.DEVICE)

    # -- sign-in through the browser ------------------------------------------------

    def sign_in(self) -> None:
        """Open the system browser for sign-in (only ever on the user's request)."""
        service = self.service
        if service is None or self.busy:
            return
        cancel = self._new_attempt()
        attempt = self._attempt
        self.error = None
        self.browser_url = ""
        self._set_phase(Phase.BROWSER)
        self._jobs.run(
            lambda: service.sign_in(cancel),
            lambda state: self._on_attempt_done(attempt, state),
            lambda exc: self._on_attempt_failed(attempt, exc),
            name="auth-sign-in",
        )

    def _open_browser(self, url: str) -> bool:
        """The system browser; runs on the service's thread. Remembers the sign-in URL."""
        if self.phase == Phase.BROWSER:
            self._browser_opened.emit(url)
        opener = self._workplace.open_url
        return bool(opener(url))

    @Slot(str)
    def _on_browser_opened(self, url: str) -> None:
        if self.phase == Phase.BROWSER:
            self.browser_url = url
            self.changed.emit()

    def reopen_browser(self) -> None:
        """Open the same sign-in page again (the user closed the tab)."""
        url = self.browser_url
        if self.phase != Phase.BROWSER or not url:
            return
        opener = self._workplace.open_url
        self._jobs.run(lambda: opener(url), name="auth-reopen-browser")

    # -- sign-in with a code (device grant) ----------------------------------------

    def sign_in_with_code(self) -> None:
        service = self.service
        if service is None or self.busy:
            return
        cancel = self._new_attempt()
        attempt = self._attempt
        self.error = None
        self.challenge = None
        self._set_phase(Phase.DEVICE)
        self._jobs.run(
            service.start_device,
            lambda challenge: self._on_device_started(attempt, cancel, challenge),
            lambda exc: self._on_attempt_failed(attempt, exc),
            name="auth-device-start",
        )

    def _on_device_started(
        self, attempt: int, cancel: threading.Event, challenge: DeviceChallenge
    ) -> None:
        service = self.service
        if attempt != self._attempt or cancel.is_set() or service is None:
            return
        self.challenge = challenge
        self.changed.emit()
        self._jobs.run(
            lambda: service.poll_device(challenge, cancel),
            lambda state: self._on_attempt_done(attempt, state),
            lambda exc: self._on_attempt_failed(attempt, exc),
            name="auth-device-poll",
        )

    # -- attempts ------------------------------------------------------------------

    def _new_attempt(self) -> threading.Event:
        if self._cancel is not None:
            self._cancel.set()
        self._cancel = threading.Event()
        self._attempt += 1
        return self._cancel

    def cancel(self) -> None:
        """Stop the running attempt; back to the sign-in screen at once."""
        if self._cancel is not None:
            self._cancel.set()
        self._attempt += 1  # late results of the cancelled attempt are ignored
        self.challenge = None
        self.browser_url = ""
        if self.busy:
            self.error = None
            self._apply_current()

    def _apply_current(self) -> None:
        if self.service is not None:
            self._apply(self.service.status())
        else:
            self._set_phase(Phase.SIGNED_OUT)

    def _on_attempt_done(self, attempt: int, state: AuthState) -> None:
        if attempt != self._attempt or self._disposed:
            return
        self.browser_url = ""
        self._apply(state)

    def _on_attempt_failed(self, attempt: int, exc: BaseException) -> None:
        if attempt != self._attempt or self._disposed:
            return
        kind, detail = _error_of(exc)
        log.info("sign-in did not complete: %s", kind)
        self.challenge = None
        self.browser_url = ""
        self.error = None if kind == "cancelled" else (kind, detail)
        self._apply_current()

    # -- sign-out ------------------------------------------------------------------

    def sign_out(self) -> None:
        """Back to the sign-in screen at once; revocation and the keyring wipe run in a job."""
        service = self.service
        if service is None:
            return
        if self._cancel is not None:
            self._cancel.set()
        self._attempt += 1
        self._refresh_timer.stop()
        self.error = None
        self.challenge = None
        self.state = None
        self._set_phase(Phase.SIGNED_OUT)
        self._jobs.run(service.sign_out, self._on_signed_out, self._on_sign_out_failed,
                       name="auth-sign-out")

    def _on_signed_out(self, _result: object) -> None:
        if self.service is not None and self.phase == Phase.SIGNED_OUT:
            self.state = self.service.status()
            self.changed.emit()

    def _on_sign_out_failed(self, exc: BaseException) -> None:
        log.warning("sign-out did not complete: %s", exc)

    # -- silent refresh ------------------------------------------------------------

    def set_low_bandwidth(self, on: bool) -> None:
        """Data saver: told to the service (the refresh plan is the keep-alive either way)."""
        self._low_bandwidth = on
        service = self.service
        if service is None:
            return
        state = service.set_low_bandwidth(on)  # brief lock, no network or keyring
        if self.phase == Phase.SIGNED_IN:
            self._plan_refresh(state)

    def _plan_refresh(self, state: AuthState) -> None:
        """The timer at ``refresh_due_at`` (keep-alive, backoff and spread are the
        core's); none when there is nothing to refresh."""
        due = state.refresh_due_at
        if due is None:
            self._refresh_timer.stop()
            return
        delay = max(1.0, due - time.time())
        self._refresh_timer.start(int(min(delay, MAX_TIMER_S) * 1000))

    @Slot()
    def _on_refresh_timer_timeout(self) -> None:
        self.refresh()

    def refresh(self, *, force: bool = False) -> None:
        """Refresh in a job if due (``force``: now, e.g. after wake-up); never a browser."""
        service = self.service
        if service is None or self.phase != Phase.SIGNED_IN:
            return
        attempt = self._attempt
        self._jobs.run(
            lambda: service.refresh_if_needed(force=force),
            lambda state: self._on_refreshed(attempt, state),
            self._on_refresh_failed,
            name="auth-refresh",
        )

    def _on_refreshed(self, attempt: int, state: AuthState) -> None:
        if attempt != self._attempt or self._disposed or self.phase != Phase.SIGNED_IN:
            return  # a sign-out or sign-in happened meanwhile
        self._apply(state)

    def _on_refresh_failed(self, exc: BaseException) -> None:
        log.warning("refresh failed unexpectedly: %s", exc)
        if self.state is not None and self.phase == Phase.SIGNED_IN:
            self._plan_refresh(self.state)

    # -- wake-up and network changes (from the window's NetworkWatch) ---------------

    def on_wake_or_network(self) -> None:
        """After a wake-up or a network change: a refresh that is overdue or backing off
        is planned again, for a random point in the next few minutes (brief lock, no
        network or keyring), so a whole office changing networks does not ask the
        provider in the same second."""
        service = self.service
        if service is None or self.phase != Phase.SIGNED_IN or self._disposed:
            return
        self._plan_refresh(service.woke())

    # -- teardown ------------------------------------------------------------------

    def dispose(self) -> None:
        """Cancel running attempts, stop timers and waiting for the keyring (the window
        closes)."""
        self._disposed = True
        if self._cancel is not None:
            self._cancel.set()
        self._refresh_timer.stop()
        self._patience.stop()
        if self.service is not None:
            self.service.close()


def _error_of(exc: BaseException) -> tuple[str, str]:
    """(kind, detail) of an AuthError, by value; anything else is "unexpected"."""
    kind = getattr(exc, "kind", None)
    value = getattr(kind, "value", None)
    if isinstance(value, str):
        return value, str(getattr(exc, "detail", "") or "")
    log.warning("unexpected sign-in failure", exc_info=exc)
    return "unexpected", type(exc).__name__
