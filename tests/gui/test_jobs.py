# SPDX-License-Identifier: EUPL-1.2
"""The threading rule: work on a pool, results and failures on the GUI thread."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QThread

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
