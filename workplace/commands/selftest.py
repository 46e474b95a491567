# SPDX-License-Identifier: EUPL-1.2
"""``workplace selftest``: start the full window, wait for its first paint, print one JSON line.

IT uses it to verify an installation and the benchmarks to measure start-up.
Output (one line on stdout), all times in milliseconds since the process started:

    {"ok": true, "services": 10, "language": "de", "platform": "offscreen",
     "t_main_ms": 41.0, "t_qt_ms": 96.2, "t_config_ms": 152.3,
     "t_window_ms": 171.9, "t_first_paint_ms": 190.4, "origin": "proc",
     "warm_start": true, "early_imports": []}

``origin`` says how the process start was found: ``proc`` (the kernel's start
time of this process) or ``main`` (no /proc: timed from the command's start).
``warm_start``: the first paint came from the start-up snapshot (unchanged files);
``early_imports``: which of the libraries that belong after the first paint
(``workplace.ui.gui.LOADED_AFTER_FIRST_PAINT``) were loaded when it was drawn;
``cpu_first_paint_ms``: the CPU time the process had used by then (all threads; it
varies far less than wall time on a busy machine); ``rss_first_paint_mib``: its peak
resident size by then (VmHWM; absent without /proc). Without ``--ready`` the line is
written at the first paint itself.
On failure: ``{"ok": false, "error": "...", ...}`` and exit status 1. The self
test never takes the single-instance lock, shows no tray icon and writes no
preferences or window state, so it is safe next to a running launcher.

Without ``--ready`` it ends right after the first paint: the sign-in restore and
the status round (both started after the first paint) never begin. ``--ready``
keeps the window running as users get it until the remembered sign-in has been
looked up (signed in, signed out or no identity provider) and one status round
(connection profile, then the probes) has finished, and adds::

    "t_ready_ms": 812.4, "signed_in": true, "account": "signed_in",
    "probed": 40, "peak_rss_mib": 71.3,
    "resident_mib": {"[anonymous]": 40.2, "libQt6Widgets.so.6": 6.1, ...},
    "libraries": ["cryptography", "keyring", ...]

``probed`` counts the services whose status is anything but "not checked";
``peak_rss_mib`` is the process's VmHWM (/proc/self/status; absent without /proc);
``resident_mib`` where the resident memory is then (anonymous, the largest mapped
files; /proc/self/smaps); ``libraries`` which of the heavy libraries are loaded.
Both waits end on the controllers' signals; ``--timeout`` bounds the whole run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any

TIMEOUT_MS = 30_000
HEAVY_NAMES = (
    "pydantic", "requests", "charset_normalizer", "idna", "urllib3", "truststore", "authlib",
    "joserfc", "cryptography", "keyring", "secretstorage", "jeepney", "icu", "PySide6.QtNetwork",
)
"""Libraries ``--ready`` names when they are loaded (the memory benchmark prints them)."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "selftest",
        help="start the window, wait for its first paint, print one JSON line with timings",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
    )
    parser.add_argument(
        "--timeout", type=float, default=TIMEOUT_MS / 1000, help="seconds to wait (default 30)"
    )
    parser.add_argument(
        "--ready",
        action="store_true",
        help="after the first paint, also wait for the sign-in restore and one status round",
    )
    parser.set_defaults(handler=run, standalone=True)


def peak_rss_mib() -> float | None:
    """The process's peak resident set size (VmHWM) in MiB, or None without /proc."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)  # kB
    except (OSError, ValueError, IndexError):
        pass
    return None


def resident_by_mapping(top: int = 12) -> dict[str, float] | None:
    """Where the resident memory is now (MiB), from /proc/self/smaps: anonymous memory
    (the Python heap, Qt's allocations) and the ``top`` files mapped (shared libraries
    and extension modules); None without /proc."""
    sizes: dict[str, float] = {}
    name = ""
    try:
        with open("/proc/self/smaps", encoding="utf-8", errors="replace") as smaps:
            for line in smaps:
                first = line.split(None, 1)[0]
                if not first.endswith(":"):  # a mapping's header: address perms ... path
                    parts = line.split()
                    path = parts[5] if len(parts) > 5 else ""
                    name = os.path.basename(path) if path.startswith("/") else "[anonymous]"
                elif first == "Rss:":
                    sizes[name] = sizes.get(name, 0.0) + int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    anonymous = sizes.pop("[anonymous]", 0.0)
    files = sorted(sizes.items(), key=lambda item: -item[1])
    out = {"[anonymous]": round(anonymous, 1)}
    out.update((file, round(mib, 1)) for file, mib in files[:top])
    out["[other files]"] = round(sum(mib for _, mib in files[top:]), 1)
    return out


def process_start() -> tuple[float, str]:
    """The process start as a ``time.perf_counter()`` value, and how it was found."""
    now_perf = time.perf_counter()
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 overall: starttime, in clock ticks
        since_boot = time.clock_gettime(time.CLOCK_BOOTTIME)
        age = since_boot - start_ticks / os.sysconf("SC_CLK_TCK")
        if 0 <= age < 3600:
            return now_perf - age, "proc"
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return now_perf, "main"


def run(args: argparse.Namespace) -> int:
    origin, how = process_start()
    t_main = time.perf_counter()
    result: dict[str, Any] = {"ok": False}

    def ms(at: float) -> float:
        return round((at - origin) * 1000, 1)

    def emit(code: int) -> int:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return code

    result["t_main_ms"] = ms(t_main)
    result["origin"] = how
    try:
        from workplace.ui.gui import ensure_platform

        ensure_platform()
        from workplace.ui.gui import Gui, PaintWatch, create_app, imported_before_first_paint

        app = create_app([sys.argv[0]])
        result["t_qt_ms"] = ms(time.perf_counter())
        result["platform"] = app.platformName()

        from workplace.app import Workplace
        from workplace.config.paths import resolve_override

        workplace = Workplace.build(
            resolve_override(getattr(args, "config", None)), first_paint_from_cache=True
        )
        result["t_config_ms"] = ms(time.perf_counter())
        result["services"] = len(workplace.catalog.services)
        result["config_problems"] = len(workplace.settings.problems)
        if not workplace.catalog.services:
            result["error"] = "the catalog is empty: no service to show"
            if workplace.settings.problems:
                result["error"] += f" ({workplace.settings.problems[0]})"
            return emit(1)
        gui = Gui(app, workplace, use_tray=False, restore_geometry=False, save_state=False)
        result["language"] = gui.appearance.language
        result["t_window_ms"] = ms(time.perf_counter())
        watch = PaintWatch(gui.window)
        painted: list[float] = []
        emitted: list[bool] = []
        ready = bool(getattr(args, "ready", False))

        from PySide6.QtCore import QTimer

        readiness = _Readiness(gui, app.quit) if ready else None

        def on_painted(at: float) -> None:
            painted.append(at)
            result["t_first_paint_ms"] = ms(at)
            result["cpu_first_paint_ms"] = round(time.process_time() * 1000, 1)
            first_peak = peak_rss_mib()
            if first_peak is not None:
                result["rss_first_paint_mib"] = first_peak
            result["warm_start"] = workplace.warm_start
            result["early_imports"] = imported_before_first_paint(gui)
            if readiness is None:
                # The line goes out at the paint, as the bare window's does: what the
                # work after the paint does until the loop ends is not start-up.
                result["ok"] = True
                emit(0)
                emitted.append(True)
                QTimer.singleShot(0, app.quit)  # let the paint finish and flush first

        watch.painted.connect(on_painted)
        timeout = QTimer()
        timeout.setSingleShot(True)
        timeout.timeout.connect(app.quit)
        timeout.start(int(args.timeout * 1000))
        gui.show()
        app.exec()
        timeout.stop()
        if not painted:
            result["error"] = f"no paint of the tile view within {args.timeout:g} s"
            return _finish(gui, emit(1), ready)
        if readiness is not None:
            result.update(readiness.report())
            if readiness.ready_at is not None:
                result["t_ready_ms"] = ms(readiness.ready_at)
            peak = peak_rss_mib()
            if peak is not None:
                result["peak_rss_mib"] = peak
            mapped = resident_by_mapping()
            if mapped is not None:
                result["resident_mib"] = mapped
            result["libraries"] = sorted(name for name in HEAVY_NAMES if name in sys.modules)
            if readiness.ready_at is None:
                result["error"] = f"{readiness.missing()} within {args.timeout:g} s"
                return _finish(gui, emit(1), ready)
        result["ok"] = True
        code = 0 if emitted else emit(0)
        # After the measurement: the trusted load (if the paint came from the snapshot)
        # and the snapshot for the next warm start.
        workplace.remember_start(workplace.load_trusted())
        return _finish(gui, code, ready)
    except Exception as exc:  # one JSON line, never a traceback
        result["error"] = f"{type(exc).__name__}: {exc}"
        return emit(1)


def _finish(gui: Any, code: int, ready: bool) -> int:
    """After ``--ready``: stop the sign-in and status work cleanly (the line is out)."""
    if ready:
        gui.account.dispose()
        gui.status.dispose()
        gui.jobs.wait()
    return code


class _Readiness:
    """Listens to the window's signals for the sign-in restore and one status round;
    calls ``on_ready`` once when both have finished."""

    def __init__(self, gui: Any, on_ready: Any) -> None:
        self._gui = gui
        self._on_ready = on_ready
        self.account_done = False
        self.status_done = False
        self.ready_at: float | None = None
        gui.account.changed.connect(self._on_account_changed)
        gui.status.statuses_changed.connect(self._on_status_statuses_changed)

    def _on_account_changed(self) -> None:
        if self._gui.account.phase.value != "starting":  # Phase.STARTING
            self.account_done = True
            self._check()

    def _on_status_statuses_changed(self) -> None:
        self.status_done = True
        self._check()

    def _check(self) -> None:
        if self.ready_at is None and self.account_done and self.status_done:
            self.ready_at = time.perf_counter()
            self._on_ready()

    def missing(self) -> str:
        waits = []
        if not self.account_done:
            waits.append("the sign-in restore did not finish")
        if not self.status_done:
            waits.append("no status round finished")
        return " and ".join(waits) or "not ready"

    def report(self) -> dict[str, Any]:
        phase = self._gui.account.phase.value
        statuses = self._gui.status.statuses
        return {
            "account": phase,
            "signed_in": phase == "signed_in",
            "probed": sum(1 for s in statuses.values() if s.state.value != "not_checked"),
        }
