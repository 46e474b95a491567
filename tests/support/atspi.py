# SPDX-License-Identifier: EUPL-1.2
"""The real window read over AT-SPI, the interface Orca uses, under Xvfb.

What runs, inside the test session's D-Bus (scripts/test.sh):
- the accessibility bus (``at-spi-bus-launcher --launch-immediately``), one per test
  module (:class:`AccessibilityBus`);
- a reader (:class:`Reader`): ``tests/support/atspi_reader.py`` under the system
  ``/usr/bin/python3``, where Debian's pyatspi is; it answers in JSON;
- per window: Xvfb, the openbox window manager (without one, keyboard focus and window
  activation behave differently) and the real ``python -m workplace`` with
  ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1`` (Qt bridges to AT-SPI only while a screen
  reader is registered, otherwise) (:class:`Desktop`, :class:`AccessibleWindow`);
- keys are pressed with ``xdotool``, as a keyboard would.

The tree itself is tests/support/atspi_tree.py. Everything waits on a condition read
from the tree (:meth:`AccessibleWindow.wait_for`), never for a fixed time; a condition
that does not come fails with the tree as Orca sees it.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

from tests.support.atspi_tree import Node, Rect, same_tree
from tests.support.xvfb import xvfb

__all__ = ["DEADLINE", "AccessibilityBus", "AccessibleWindow", "Desktop", "Node", "Reader",
           "Rect", "poll_until", "require_tools"]

ROOT = Path(__file__).resolve().parents[2]
READER = Path(__file__).with_name("atspi_reader.py")
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
DEADLINE = 60.0
"""Seconds a condition may take on a slow, shared CI machine before the check fails."""
POLL = 0.05
SETUP_HINT = ("run `make setup` (scripts/bootstrap.sh installs at-spi2-core, python3-pyatspi, "
              "openbox and xdotool) and the tests through scripts/test.sh (make test)")

T = TypeVar("T")


def tool(name: str) -> str:
    """The full path of a program (:func:`require_tools` made sure it is there)."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: {SETUP_HINT}", pytrace=False)
    return path


def require_tools() -> None:
    """Fail (never skip) with what is missing and how to get it."""
    missing = [tool for tool in ("Xvfb", "openbox", "xdotool", "dbus-send")
               if shutil.which(tool) is None]
    if not Path(BUS_LAUNCHER).exists():
        missing.append(BUS_LAUNCHER + " (at-spi2-core)")
    if not Path(SYSTEM_PYTHON).exists():
        missing.append(SYSTEM_PYTHON)
    elif subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], env=_clean_env(),
                        capture_output=True, check=False).returncode != 0:
        missing.append("pyatspi for " + SYSTEM_PYTHON + " (python3-pyatspi)")
    if missing:
        pytest.fail(f"the AT-SPI checks need {', '.join(missing)}: {SETUP_HINT}", pytrace=False)
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        pytest.fail("the AT-SPI checks need the test session's D-Bus: " + SETUP_HINT,
                    pytrace=False)


def _clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without the virtual environment's Python settings;
    ``extra`` set on top (an empty value removes the variable)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "PYTEST"))}
    env.update(extra)
    return {k: v for k, v in env.items() if v}


def poll_until(condition: Callable[[], T | None], timeout: float) -> T | None:
    """``condition()`` until it returns something true, or None after ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > end:
            return None
        time.sleep(POLL)  # the interval between two readings, not a wait for time to pass


def _wait(condition: Callable[[], T | None], what: str, timeout: float = DEADLINE,
          detail: Callable[[], str] = lambda: "") -> T:
    value = poll_until(condition, timeout)
    if not value:
        pytest.fail(f"{what}: not within {timeout:.0f} s. {detail()}", pytrace=False)
    return value


def _stop(proc: subprocess.Popen[Any], group: bool = False) -> None:
    """End a process this harness started (its own process group when ``group``)."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            if group:
                os.killpg(proc.pid, signal.SIGTERM)
            else:
                proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL) if group else proc.kill()
            proc.wait(timeout=15)


# --- the processes -----------------------------------------------------------------------

class AccessibilityBus:
    """The AT-SPI bus of the test session's D-Bus (started here unless one runs)."""

    def __init__(self, runtime_dir: Path) -> None:
        self._proc: subprocess.Popen[bytes] | None = None
        self._runtime = runtime_dir
        self._log = runtime_dir / "at-spi-bus-launcher.log"

    @staticmethod
    def _owned() -> bool:
        answer = subprocess.run(
            [tool("dbus-send"), "--session", "--print-reply", "--dest=org.freedesktop.DBus",
             "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "string:org.a11y.Bus"],
            capture_output=True, text=True, check=False, timeout=30)
        return "boolean true" in answer.stdout

    def start(self) -> AccessibilityBus:
        if self._owned():
            return self  # someone's bus is up already: use it, leave it running
        self._runtime.mkdir(parents=True, exist_ok=True)
        self._runtime.chmod(0o700)
        env = _clean_env(XDG_RUNTIME_DIR=str(self._runtime))
        env.pop("DISPLAY", None)  # found through the session bus, as Qt finds it
        with self._log.open("wb") as log:
            self._proc = subprocess.Popen([BUS_LAUNCHER, "--launch-immediately"], env=env,
                                          stdout=log, stderr=subprocess.STDOUT,
                                          start_new_session=True)
        # NameHasOwner, not GetAddress: asking the name before it is taken would have
        # D-Bus start a second launcher of its own (org.a11y.Bus.service).
        _wait(lambda: self._proc is not None and (self._proc.poll() is not None or self._owned()),
              "the AT-SPI bus (at-spi-bus-launcher) taking its name",
              detail=lambda: self._log.read_text(errors="replace"))
        if self._proc.poll() is not None:
            pytest.fail("at-spi-bus-launcher ended at once: "
                        + self._log.read_text(errors="replace"), pytrace=False)
        return self

    def stop(self) -> None:
        if self._proc is not None:
            _stop(self._proc, group=True)  # the launcher, its bus daemon and the registry
            self._proc = None


class Reader:
    """``atspi_reader.py`` under the system Python: asks the AT-SPI bus, answers in JSON."""

    EVENTS = ("object:announcement", "object:property-change:accessible-name",
              "object:property-change:accessible-description", "object:visible-data-changed")
    """Registered before any window starts: Qt sends only events someone listens for."""

    def __init__(self) -> None:
        self._proc = subprocess.Popen(
            [SYSTEM_PYTHON, str(READER), *self.EVENTS], env=_clean_env(DISPLAY=""),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            encoding="utf-8")
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._errors: list[str] = []
        self._threads = [threading.Thread(target=self._pump_out, daemon=True),
                         threading.Thread(target=self._pump_err, daemon=True)]
        for thread in self._threads:
            thread.start()
        self._lock = threading.Lock()
        self._events: dict[int, list[dict[str, Any]]] = {}
        ready = self._next_line(DEADLINE, "the AT-SPI reader starting")
        if json.loads(ready) != {"ready": True}:
            pytest.fail(f"the AT-SPI reader said {ready!r}", pytrace=False)

    def _pump_out(self) -> None:
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            self._lines.put(line)
        self._lines.put(None)

    def _pump_err(self) -> None:
        assert self._proc.stderr is not None
        for line in self._proc.stderr:
            self._errors.append(line.rstrip())

    def _next_line(self, timeout: float, what: str) -> str:
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            pytest.fail(f"{what}: the AT-SPI reader gave no answer within {timeout:.0f} s; "
                        f"its errors: {self._errors[-20:]}", pytrace=False)
        if line is None:
            pytest.fail(f"{what}: the AT-SPI reader ended; its errors: {self._errors[-20:]}",
                        pytrace=False)
        return line

    def ask(self, request: dict[str, Any], timeout: float = DEADLINE) -> dict[str, Any]:
        """The reader's answer: ``{"ok": True, "result": ...}`` or ``{"ok": False, "error"}``."""
        with self._lock:
            assert self._proc.stdin is not None
            self._proc.stdin.write(json.dumps(request) + "\n")
            self._proc.stdin.flush()
            answer: dict[str, Any] = json.loads(self._next_line(timeout, f"{request['cmd']}"))
        return answer

    def result(self, request: dict[str, Any]) -> Any:
        answer = self.ask(request)
        if not answer["ok"]:
            pytest.fail(f"AT-SPI {request['cmd']}: {answer['error']}", pytrace=False)
        return answer["result"]

    def events(self, pid: int) -> list[dict[str, Any]]:
        """The events from the program ``pid`` since the last call (others' are kept)."""
        for event in self.result({"cmd": "events"}):
            source = event.get("source") or {}
            self._events.setdefault(source.get("pid") or 0, []).append(event)
        return self._events.pop(pid, [])

    def close(self) -> None:
        if self._proc.stdin is not None:
            with contextlib.suppress(OSError):
                self._proc.stdin.close()
        _stop(self._proc)
        for thread in self._threads:
            thread.join(timeout=15)
        for stream in (self._proc.stdout, self._proc.stderr):
            if stream is not None:
                stream.close()


class Desktop:
    """One X display with a window manager: Xvfb and openbox."""

    def __init__(self, base: Path, size: str = "1280x800") -> None:
        self.base = base
        base.mkdir(parents=True, exist_ok=True)
        self._xvfb = contextlib.ExitStack()
        self.display = self._xvfb.enter_context(xvfb(size))  # -noreset: see there
        ready = base / "openbox-ready"
        config = base / "openbox-config"
        config.mkdir(exist_ok=True)
        with (base / "openbox.log").open("wb") as log:
            self._wm = subprocess.Popen(
                [tool("openbox"), "--sm-disable", "--startup", f"touch {ready}"],
                env=_clean_env(DISPLAY=self.display, XDG_CONFIG_HOME=str(config)),
                stdout=log, stderr=subprocess.STDOUT)
        _wait(lambda: ready.exists() or self._wm.poll() is not None,
              "the window manager (openbox) starting",
              detail=lambda: (base / "openbox.log").read_text(errors="replace"))
        if self._wm.poll() is not None:
            pytest.fail("openbox ended: " + (base / "openbox.log").read_text(errors="replace"),
                        pytrace=False)

    def xdotool(self, *args: str) -> str:
        done = subprocess.run([tool("xdotool"), *args], env=_clean_env(DISPLAY=self.display),
                              capture_output=True, text=True, timeout=60, check=False)
        if done.returncode != 0:
            pytest.fail(f"xdotool {' '.join(args)}: {done.stderr.strip()}", pytrace=False)
        return done.stdout

    def close(self) -> None:
        _stop(self._wm)
        self._xvfb.close()


class AccessibleWindow:
    """The launcher's process, read over AT-SPI and driven with keys."""

    def __init__(self, launcher: Any, reader: Reader, desktop: Desktop) -> None:
        self.launcher = launcher  # tests.e2e.conftest.Launcher
        self.pid: int = launcher.proc.pid
        self.reader = reader
        self.desktop = desktop
        self._last_error = ""
        self.last: Node | None = None

    def read(self, detail: str = "full") -> Node | None:
        """The application's tree now, or None while it is not on the bus (or changing).
        ``detail="focus"``: only states, and the rest of focused objects (quicker)."""
        if self.launcher.proc.poll() is not None:
            pytest.fail(f"the launcher ended (exit {self.launcher.proc.returncode}) "
                        f"while being read; its log: {self.launcher.seen[-20:]}", pytrace=False)
        answer = self.reader.ask({"cmd": "tree", "pid": self.pid, "detail": detail})
        if not answer["ok"]:
            self._last_error = answer["error"]
            return None
        return None if answer["result"] is None else Node.parse(answer["result"])

    def tree(self) -> Node:
        """The tree once it can be read."""
        return self.wait_for(lambda tree: tree, "the launcher's accessible tree")

    def poll(self, condition: Callable[[Node], T | None], timeout: float = DEADLINE,
             detail: str = "full") -> T | None:
        """Read the tree until ``condition`` returns something true (that value), or None
        after ``timeout``; :attr:`last` is the last tree read."""

        def attempt() -> T | None:
            tree = self.read(detail)
            if tree is None:
                return None
            self.last = tree
            return condition(tree)

        return poll_until(attempt, timeout)

    def wait_for(self, condition: Callable[[Node], T | None], what: str,
                 timeout: float = DEADLINE) -> T:
        """Read the tree until ``condition`` returns something true; else fail, showing it."""
        value = self.poll(condition, timeout)
        if not value:
            pytest.fail(f"{what}: not within {timeout:.0f} s. {self.describe()}", pytrace=False)
        return value

    def describe(self) -> str:
        """The last tree read, for a failure message."""
        if self.last is None:
            return f"The launcher never showed up on the AT-SPI bus ({self._last_error})."
        return "The tree as Orca reads it:\n" + self.last.render()

    def settled(self, condition: Callable[[Node], bool], timeout: float = DEADLINE,
                detail: str = "full") -> Node | None:
        """The first tree for which ``condition`` holds and which the next reading
        confirms (the same objects, names, states and extents): the program is done
        reacting. None if that does not come within ``timeout``."""
        previous: list[Node | None] = [None]

        def check(tree: Node) -> Node | None:
            if not condition(tree):
                previous[0] = None
                return None
            before, previous[0] = previous[0], tree
            return tree if before is not None and same_tree(before, tree) else None

        return self.poll(check, timeout, detail)

    def activate(self) -> Node:
        """Give the window the keyboard (as clicking on it would) and wait until it has it."""
        found = self.desktop.xdotool("search", "--sync", "--onlyvisible", "--pid", str(self.pid))
        window = found.split()[0]
        self.desktop.xdotool("windowactivate", "--sync", window)
        def active(tree: Node) -> Node | None:
            frames = [c for c in tree.children if c.role == "frame" and c.has("active")]
            return tree if frames else None

        return self.wait_for(active, "the launcher's window becoming active")

    def key(self, *keys: str) -> None:
        self.desktop.xdotool("key", "--clearmodifiers", *keys)

    def act(self, node: Node, action: str) -> bool:
        """Do ``action`` on ``node`` as Orca would. The reader checks it is still that
        object (role and name) or finds it again; an object replaced while being asked
        (the list was rebuilt) is looked up once more."""
        request = {"cmd": "action", "pid": self.pid, "path": list(node.path),
                   "role": node.role, "name": node.name, "action": action}
        answer = self.reader.ask(request)
        for _ in range(3):
            if answer["ok"]:
                break
            answer = self.reader.ask(request)
        if not answer["ok"]:
            pytest.fail(f"AT-SPI action {action!r} on {node.label()}: {answer['error']}",
                        pytrace=False)
        return bool(answer["result"]["done"])

    def events(self) -> list[dict[str, Any]]:
        """The AT-SPI events from this program since the last call."""
        return self.reader.events(self.pid)
