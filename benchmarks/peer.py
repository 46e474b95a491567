# SPDX-License-Identifier: EUPL-1.2
"""The peer on the same run: Debian's Nextcloud desktop client beside the launcher.

All three programs (the bare Qt window, the launcher with 40 services at a warm start,
``nextcloud`` on a fresh profile: its account wizard) are started the same way, on
one Xvfb server, in alternating runs:

- **time to a mapped window**: from the start of the process until the X server
  reports the first top-level window mapped (``MapNotify`` on the root window, read
  with Xlib through ctypes; menus and tooltips, which are override-redirect, do not
  count);
- **peak RSS**: the process's own ``ru_maxrss`` (``wait4``), after it has had
  :data:`SETTLE_S` seconds to finish what it does at start, then ended with SIGTERM.
  Helper processes a program starts are not counted.

Without ``nextcloud`` on the PATH the benchmark reports "skipped: not installed"
(the bootstrap does not install it: ``apt-get install --no-install-recommends
nextcloud-desktop``).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SETTLE_S = 1.5
"""How long each program runs after its window is mapped before it is ended."""
MAP_TIMEOUT_S = 60.0
SUBSTRUCTURE_NOTIFY = 1 << 19
MAP_NOTIFY = 19


class _MapEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    ]


class _Event(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("map", _MapEvent), ("pad", ctypes.c_long * 24)]


class MapWatch:
    """Waits for the first top-level window mapped on one X display."""

    def __init__(self, display: str) -> None:
        name = ctypes.util.find_library("X11")
        if name is None:
            raise RuntimeError("libX11 is not installed")
        x = self._x = ctypes.CDLL(name)
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        x.XFlush.argtypes = [ctypes.c_void_p]
        x.XPending.argtypes = [ctypes.c_void_p]
        x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_Event)]
        x.XConnectionNumber.argtypes = [ctypes.c_void_p]
        x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._dpy = x.XOpenDisplay(display.encode())
        if not self._dpy:
            raise RuntimeError(f"cannot open display {display}")
        x.XSelectInput(self._dpy, x.XDefaultRootWindow(self._dpy), SUBSTRUCTURE_NOTIFY)
        x.XFlush(self._dpy)
        self._fd = x.XConnectionNumber(self._dpy)

    def drain(self) -> None:
        """Forget what was mapped before (the previous program's windows)."""
        event = _Event()
        while self._x.XPending(self._dpy):
            self._x.XNextEvent(self._dpy, ctypes.byref(event))

    def wait_mapped(self, deadline: float) -> float | None:
        """``time.perf_counter()`` when a top-level window was mapped, or None."""
        event = _Event()
        while True:
            while self._x.XPending(self._dpy):
                self._x.XNextEvent(self._dpy, ctypes.byref(event))
                if event.type == MAP_NOTIFY and not event.map.override_redirect:
                    return time.perf_counter()
            left = deadline - time.perf_counter()
            if left <= 0:
                return None
            select.select([self._fd], [], [], left)

    def close(self) -> None:
        self._x.XCloseDisplay(self._dpy)


@contextlib.contextmanager
def xvfb() -> Iterator[str]:
    """A fresh Xvfb (-displayfd: no guessing, no sleeping)."""
    binary = shutil.which("Xvfb")
    if binary is None:
        raise RuntimeError("Xvfb is not installed")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [binary, "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    try:
        if not number:
            raise RuntimeError("Xvfb did not report a display number")
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@contextlib.contextmanager
def session_bus() -> Iterator[str]:
    """A private D-Bus session bus for the run; its address."""
    proc = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    try:
        if not address:
            raise RuntimeError("dbus-daemon did not print its address")
        yield address
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stdout.close()


@dataclass
class Run:
    map_ms: float
    peak_rss_mib: float


def run_once(cmd: list[str], env: dict[str, str], watch: MapWatch) -> Run:
    """Start ``cmd``, time its first mapped window, let it settle, end it, reap it."""
    watch.drain()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        mapped = watch.wait_mapped(start + MAP_TIMEOUT_S)
        if mapped is not None:
            time.sleep(SETTLE_S)
    finally:
        usage = _end(proc)
    if mapped is None:
        raise RuntimeError(f"{cmd[0]}: no window within {MAP_TIMEOUT_S:g} s")
    return Run((mapped - start) * 1000, usage.ru_maxrss / 1024)


def _end(proc: subprocess.Popen[bytes]) -> Any:
    """SIGTERM to the program's process group, SIGKILL after 20 s; its rusage."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    deadline = time.monotonic() + 20
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    with contextlib.suppress(ProcessLookupError):  # helpers it left behind
        os.killpg(proc.pid, signal.SIGKILL)
    return usage


def nextcloud_version(binary: str) -> str:
    try:
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30,
                             env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    for line in (out.stdout + out.stderr).splitlines():
        if "version" in line.lower():
            return line.strip()
    return "?"


def bench_peer(repeats: int, tmp: Path, *, quick: bool = False) -> list[Any]:
    from benchmarks.run import Skipped, _env, _figure
    from benchmarks.tenants import write_tenant

    nextcloud = shutil.which("nextcloud")
    if nextcloud is None:
        raise Skipped("not installed (Debian's nextcloud-desktop; the bootstrap does not "
                      "install it)")
    if shutil.which("dbus-daemon") is None:
        raise Skipped("dbus-daemon is not installed")
    tenant = write_tenant(tmp / "tenant-40.json", 40)
    base_env = _env(tmp)
    base_env.pop("QT_QPA_PLATFORM", None)
    runtime = tmp / "runtime"
    runtime.mkdir(mode=0o700)
    programs = {
        "bare Qt window": [sys.executable, "-m", "benchmarks.baseline_window", "--stay"],
        "Arbeitsplatz (40 services)": [sys.executable, "-m", "workplace", "--config",
                                       str(tenant)],
        "Nextcloud desktop": [nextcloud],
    }
    results: dict[str, list[Run]] = {name: [] for name in programs}
    with xvfb() as display, session_bus() as bus:
        env = dict(base_env, DISPLAY=display, QT_QPA_PLATFORM="xcb",
                   XDG_RUNTIME_DIR=str(runtime), HOME=str(tmp / "home"),
                   DBUS_SESSION_BUS_ADDRESS=bus)  # Nextcloud's keychain asks the bus
        (tmp / "home").mkdir()
        watch = MapWatch(display)
        try:
            def start(name: str) -> Run:
                return run_once(programs[name], env, watch)

            for name in programs:  # file cache, and the launcher's start-up snapshot
                start(name)
            for _ in range(repeats):  # alternating, so drift hits all alike
                for name in programs:
                    results[name].append(start(name))
        finally:
            watch.close()
    version = nextcloud_version(nextcloud)
    bare = results["bare Qt window"]
    ours = results["Arbeitsplatz (40 services)"]
    peer = results["Nextcloud desktop"]

    def med(runs: list[Run], attr: str) -> float:
        return statistics.median(getattr(r, attr) for r in runs)

    notes = {
        "peer": f"{version} ({nextcloud}), fresh profile: its account wizard",
        "Arbeitsplatz / Nextcloud, time to window":
            f"{med(ours, 'map_ms') / med(peer, 'map_ms'):.2f}",
        "Arbeitsplatz / Nextcloud, peak RSS":
            f"{med(ours, 'peak_rss_mib') / med(peer, 'peak_rss_mib'):.2f}",
        "measured": f"Xvfb, MapNotify; RSS after {SETTLE_S:g} s, then SIGTERM; load "
                    f"{os.getloadavg()[0]:.1f}",
    }
    figures = []
    for name, runs in (("Arbeitsplatz (40 services)", ours), ("Nextcloud desktop", peer)):
        figures.append(_figure(
            f"peer: time to a mapped window, {name}", "ms", [r.map_ms for r in runs],
            [r.map_ms for r in bare], "(vs the bare window)",
            notes if name == "Nextcloud desktop" else None,
        ))
        figures.append(_figure(
            f"peer: peak RSS, {name}", "MiB", [r.peak_rss_mib for r in runs],
            [r.peak_rss_mib for r in bare], "(vs the bare window)",
        ))
    return figures
