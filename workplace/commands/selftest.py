# SPDX-License-Identifier: EUPL-1.2
"""``workplace selftest``: start the full window, wait for its first paint, print one JSON line.

IT uses it to verify an installation and the benchmarks to measure start-up.
Output (one line on stdout), all times in milliseconds since the process started:

    {"ok": true, "services": 10, "language": "de", "platform": "offscreen",
     "t_main_ms": 41.0, "t_qt_ms": 96.2, "t_config_ms": 152.3,
     "t_window_ms": 171.9, "t_first_paint_ms": 190.4, "origin": "proc"}

``origin`` says how the process start was found: ``proc`` (the kernel's start
time of this process) or ``main`` (no /proc: timed from the command's start).
On failure: ``{"ok": false, "error": "...", ...}`` and exit status 1. The self
test never takes the single-instance lock, shows no tray icon and writes no
preferences or window state, so it is safe next to a running launcher.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any

TIMEOUT_MS = 30_000


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "selftest",
        help="start the window, wait for its first paint, print one JSON line with timings",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
    )
    parser.add_argument(
        "--timeout", type=float, default=TIMEOUT_MS / 1000, help="seconds to wait (default 30)"
    )
    parser.set_defaults(handler=run)


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
        from workplace.ui.gui import Gui, PaintWatch, create_app

        app = create_app([sys.argv[0]])
        result["t_qt_ms"] = ms(time.perf_counter())
        result["platform"] = app.platformName()

        from workplace.app import Workplace
        from workplace.config.paths import resolve_override

        workplace = Workplace.build(resolve_override(getattr(args, "config", None)))
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

        from PySide6.QtCore import QTimer

        def on_painted(at: float) -> None:
            painted.append(at)
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
            return emit(1)
        result["t_first_paint_ms"] = ms(painted[0])
        result["warm_start"] = workplace.warm_start
        result["ok"] = True
        code = emit(0)
        workplace.remember_start()  # after the measurement: the next start can be warm
        return code
    except Exception as exc:  # one JSON line, never a traceback
        result["error"] = f"{type(exc).__name__}: {exc}"
        return emit(1)
