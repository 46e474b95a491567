# SPDX-License-Identifier: EUPL-1.2
"""The threading rule: work on a pool, results and failures on the GUI thread."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QThread

from tests.support.logfail import ExpectError
from workplace.ui.jobs import Jobs


def test_result_arrives_on_the_gui_thread(qtbot: Any) -> None:
    jobs = Jobs()
    gui_thread = QThread.currentThread()
    seen: dict[str, Any] = {}

    def work() -> int:
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["on_gui"] = QThread.currentThread() is gui_thread

    with qtbot.waitSignal(jobs.idle, timeout=5000):
        jobs.run(work, done)
    assert seen == {"worker": True, "value": 42, "on_gui": True}
    assert jobs.pending == 0


def test_failure_arrives_on_the_gui_thread(qtbot: Any) -> None:
    jobs = Jobs()
    errors: list[BaseException] = []

    def work() -> None:
        raise ValueError("boom")

    with qtbot.waitSignal(jobs.idle, timeout=5000):
        jobs.run(work, on_error=errors.append)
    assert [str(e) for e in errors] == ["boom"]


def test_serial_jobs_keep_their_order(qtbot: Any) -> None:
    jobs = Jobs()
    order: list[int] = []
    with qtbot.waitSignal(jobs.idle, timeout=5000):
        for n in range(20):
            jobs.run(lambda n=n: n, order.append, serial=True)
    assert order == list(range(20))


def test_synchronous_mode_runs_inline() -> None:
    jobs = Jobs(synchronous=True)
    out: list[str] = []
    jobs.run(lambda: "now", out.append)
    jobs.run(lambda: 1 / 0, on_error=lambda e: out.append(type(e).__name__))
    assert out == ["now", "ZeroDivisionError"]


def test_a_result_handler_that_raises_is_an_error_with_its_traceback(
    qtbot: Any, expect_error: ExpectError
) -> None:
    """A bug in a handler must not end the GUI, and must not pass quietly either: it is
    logged at ERROR with the traceback (which fails any test that does not expect it)."""
    jobs = Jobs()

    def handler(value: int) -> None:
        raise KeyError(value)

    with (
        expect_error("workplace.ui.jobs", match="job answer: result handler failed") as logged,
        qtbot.waitSignal(jobs.idle, timeout=5000),
    ):
        jobs.run(lambda: 42, handler, name="answer")
    [record] = logged
    assert record.exc_info is not None and isinstance(record.exc_info[1], KeyError)
    assert jobs.pending == 0


def test_an_error_handler_that_raises_is_an_error_too(expect_error: ExpectError) -> None:
    jobs = Jobs(synchronous=True)

    def on_error(exc: BaseException) -> None:
        raise RuntimeError("handler bug") from exc

    with expect_error("workplace.ui.jobs", match="job sum: error handler failed") as logged:
        jobs.run(lambda: 1 / 0, on_error=on_error, name="sum")
    assert "handler bug" in str(logged[0].exc_info[1])  # type: ignore[index]
