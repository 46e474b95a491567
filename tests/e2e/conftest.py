# SPDX-License-Identifier: EUPL-1.2
"""End-to-end fixtures: a real X server (Xvfb) and the real ``workplace`` process."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.xvfb import xvfb

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """Start Xvfb on a free display number (-displayfd: no guessing, no sleeping)."""
    with xvfb() as display:
        yield display


@pytest.fixture
def screenshot() -> object:
    """A function that saves a PNG of a display under build/screenshots/NAME."""

    def take(display: str, name: str) -> Path:
        return grab_screen(display, SCREENSHOTS / name)

    return take


def grab_screen(display: str, target: Path) -> Path:
    """Save a PNG of the whole X screen, taken by a separate Qt process on ``display``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    code = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication(sys.argv[:1])\n"
        "ok = app.primaryScreen().grabWindow(0).save(sys.argv[1], 'PNG')\n"
        "sys.exit(0 if ok else 1)\n"
    )
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    subprocess.run([sys.executable, "-c", code, str(target)], env=env, check=True, timeout=60)
    return target


class Launcher:
    """The real ``workplace --log-json`` process and its JSON log lines (stderr).

    When the process has ended, :attr:`problems` lists every entry at ERROR or above
    and every raw traceback line; :func:`run_launcher` fails the test on any.
    """

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc
        self.seen: list[dict[str, Any]] = []
        self._events: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        with contextlib.suppress(ValueError, OSError):  # closed after a hang (finish)
            for line in self.proc.stderr:
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    entry = None
                self._events.put(entry if isinstance(entry, dict) else {"raw": line.rstrip()})
        self._events.put(None)

    def wait_for(self, name: str, timeout: float = 60) -> dict[str, Any]:
        """The next log entry whose ``event`` is ``name``; fails the test on exit or timeout."""
        while True:
            try:
                entry = self._events.get(timeout=timeout)
            except queue.Empty:
                pytest.fail(f"no {name!r} event within {timeout}s; saw: {self.seen[-20:]}")
            if entry is None:
                pytest.fail(f"the program exited before {name!r}; output: {self.seen[-20:]}")
            self.seen.append(entry)
            if entry.get("event") == name:
                return entry

    def finish(self) -> None:
        """After the process ended: read the rest of its log into :attr:`seen`."""
        # A child it started (a browser) may hold the pipe open: do not wait for ever.
        self._reader.join(timeout=10)
        while True:
            try:
                entry = self._events.get_nowait()
            except queue.Empty:
                return
            if entry is not None:
                self.seen.append(entry)

    @property
    def tracebacks(self) -> list[dict[str, Any]]:
        return [e for e in self.seen if "Traceback" in str(e.get("raw", ""))]

    @property
    def problems(self) -> list[dict[str, Any]]:
        """Entries at ERROR or above, and raw traceback lines."""
        errors = [e for e in self.seen if e.get("level") in ("ERROR", "CRITICAL")]
        return errors + self.tracebacks


@contextlib.contextmanager
def run_launcher(env: dict[str, str], *args: str) -> Iterator[Launcher]:
    """Start ``python -m workplace --log-json ARGS`` with ``env``; ended when the block is.

    The test fails when the program logged an error or printed a traceback.
    """
    proc = subprocess.Popen(
        [sys.executable, "-m", "workplace", "--log-json", *args], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    launcher = Launcher(proc)
    try:
        yield launcher
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        launcher.finish()
        if proc.stderr is not None:
            proc.stderr.close()
    if launcher.problems:
        pytest.fail("the launcher logged errors:\n" + "\n".join(
            json.dumps(e, ensure_ascii=False) for e in launcher.problems), pytrace=False)


@pytest.fixture(scope="module")
def atspi_windows(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The launcher read over AT-SPI (tests/support/atspi.py): the accessibility bus and
    a reader for this test module, and its windows (tests/support/atspi_states.py)."""
    from tests.support.atspi import AccessibilityBus, Reader, require_tools
    from tests.support.atspi_states import Windows

    require_tools()
    base = tmp_path_factory.mktemp("a11y")
    bus = AccessibilityBus(base / "bus").start()
    try:
        reader = Reader()
        try:
            windows = Windows(reader, base)
            try:
                yield windows
            finally:
                windows.close()
        finally:
            reader.close()
    finally:
        bus.stop()
