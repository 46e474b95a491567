# SPDX-License-Identifier: EUPL-1.2
"""The one rule for blocking work: run a core call on a pool, get the result on the GUI thread.

In the spirit of Anki's ``QueryOp`` and Picard's ``run_task``. A job is a plain
callable that returns a value; it never touches widgets. Its result (or the
exception it raised) is delivered to ``on_done`` / ``on_error`` on the GUI thread.
``Jobs(synchronous=True)`` runs everything inline, for tests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger("workplace.ui.jobs")

T = TypeVar("T")


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the slot call to the GUI thread."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self, on_done: Callable[[Any], None], on_failed: Callable[[BaseException], None]
    ) -> None:
        super().__init__()
        self._on_done_cb = on_done
        self._on_failed_cb = on_failed
        # Receiver is this object (GUI thread), so the worker's emit is queued.
        self.done.connect(self._on_done)
        self.failed.connect(self._on_failed)

    @Slot(object)
    def _on_done(self, result: Any) -> None:
        self._on_done_cb(result)

    @Slot(object)
    def _on_failed(self, exc: Any) -> None:
        self._on_failed_cb(exc)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered, never swallowed
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


class Jobs(QObject):
    """Runs blocking calls off the GUI thread.

    Signals:
        idle: emitted on the GUI thread when the last pending job has been delivered.
    """

    idle = Signal()

    def __init__(self, *, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(4)
        # Writes (preferences, state) go through one thread, in submission order.
        self._serial = QThreadPool(self)
        self._serial.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    @property
    def pending(self) -> int:
        return len(self._relays)

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        name: str = "job",
        serial: bool = False,
    ) -> None:
        """Run ``fn()`` on a worker; ``on_done(result)`` or ``on_error(exc)`` run on this thread."""
        if self.synchronous:
            try:
                result = fn()
            except Exception as exc:
                self._deliver_error(name, on_error, exc)
            else:
                self._deliver(name, on_done, result)
            return
        relay: _Relay

        def finish() -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if not self._relays:
                self.idle.emit()

        def done(result: Any) -> None:
            try:
                self._deliver(name, on_done, result)
            finally:
                finish()

        def failed(exc: BaseException) -> None:
            try:
                self._deliver_error(name, on_error, exc)
            finally:
                finish()

        relay = _Relay(done, failed)
        self._relays.add(relay)
        (self._serial if serial else self._pool).start(_Runnable(fn, relay))

    def wait(self, msecs: int = 5000) -> bool:
        """Block until running jobs finished (used at quit so writes are not lost)."""
        ok_pool = self._pool.waitForDone(msecs)
        ok_serial = self._serial.waitForDone(msecs)
        return bool(ok_pool and ok_serial)

    @staticmethod
    def _deliver(name: str, on_done: Callable[[Any], None] | None, result: Any) -> None:
        if on_done is None:
            return
        try:
            on_done(result)
        except Exception:
            log.exception("job %s: result handler failed", name)

    @staticmethod
    def _deliver_error(
        name: str, on_error: Callable[[BaseException], None] | None, exc: BaseException
    ) -> None:
        if on_error is None:
            log.warning("job %s failed: %s", name, exc, exc_info=exc)
            return
        try:
            on_error(exc)
        except Exception:
            log.exception("job %s: error handler failed", name)
