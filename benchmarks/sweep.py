# SPDX-License-Identifier: EUPL-1.2
"""Figure 4: a health sweep of 100 loopback services, a tenth of which never answer.

The runner (:func:`bench_sweep`) starts the servers in its own process, so the
measured program shares its GIL with nothing but itself, then starts
``python -m benchmarks.sweep`` with their addresses. That program opens a
QApplication (offscreen), ticks a 5 ms QTimer and, per repeat:

1. baseline: the timer alone for as long as a sweep takes: the longest gap;
2. the sweep as a :class:`workplace.ui.jobs.Jobs` job, exactly as the window runs
   background work: its duration (inside the job) and the longest gap between
   ticks from the job's start to the delivery of its result on the GUI thread.

It prints one JSON line. Everything is bounded by the probe budget.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.loopback import BlackHole, HttpFixture, Route

SERVICES = 100
HANGING_EVERY = 10  # services 9, 19, ... 99 never answer
TICK_MS = 5


def tenant_services(ok_base: str, hole_base: str) -> list[dict[str, Any]]:
    services = []
    for n in range(SERVICES):
        hanging = n % HANGING_EVERY == HANGING_EVERY - 1
        base = hole_base if hanging else ok_base
        services.append({
            "id": f"svc{n:03d}",
            "name": f"Service {n}",
            "url": f"{base}/svc/{n}/",
        })
    return services


class _Ticker:
    """Measures the longest gap between ticks of a 5 ms timer on the GUI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.max_gap = 0.0
        self.ticks = 0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_gap = max(self.max_gap, now - self.last)
        self.last = now
        self.ticks += 1

    def start(self) -> None:
        self.max_gap, self.ticks = 0.0, 0
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self._tick()  # the gap up to now counts too
        self.timer.stop()
        return self.max_gap * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.sweep")
    parser.add_argument("--ok-base", required=True)
    parser.add_argument("--hole-base", required=True)
    parser.add_argument("--budget", type=float, default=5.0)
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from workplace.config.schema import Tenant
    from workplace.config.settings import Settings
    from workplace.net.profile import UNKNOWN_PROFILE
    from workplace.net.setup import NetworkSetup
    from workplace.status.model import ServiceState
    from workplace.status.probe import ProbeOptions, probe_services
    from workplace.ui.jobs import Jobs

    app = QApplication([sys.argv[0]])
    settings = Settings(
        tenant=Tenant.model_validate(
            {"services": tenant_services(args.ok_base, args.hole_base)}
        )
    )
    services = list(settings.tenant.services)
    setup = NetworkSetup.from_settings(settings)
    factory = setup.factory(retries=0)
    options = ProbeOptions(budget=args.budget)
    jobs = Jobs()
    ticker = _Ticker()
    out: dict[str, Any] = {
        "ok": True, "budget_s": args.budget, "services": len(services),
        "duration_s": [], "stall_ms": [], "idle_stall_ms": [],
        "available": [], "unreachable_hanging": [], "unreachable_healthy": [],
        "workers": options.max_workers,
    }
    hanging = {s.id for i, s in enumerate(services) if i % HANGING_EVERY == HANGING_EVERY - 1}
    safety_ms = int(args.budget * 3000) + 5000

    def run_loop(loop: QEventLoop, ms: int) -> None:
        guard = QTimer()
        guard.setSingleShot(True)
        guard.timeout.connect(loop.quit)
        guard.start(ms)
        loop.exec()
        guard.stop()

    for _ in range(args.repeats):
        # 1. the same timer with nothing running, for as long as a sweep lasts
        loop = QEventLoop()
        ticker.start()
        run_loop(loop, int(args.budget * 1000))
        out["idle_stall_ms"].append(ticker.stop())

        # 2. the sweep as a background job
        result: dict[str, Any] = {}
        loop = QEventLoop()

        def sweep() -> tuple[float, Any]:
            start = time.perf_counter()
            statuses = probe_services(services, UNKNOWN_PROFILE, factory, options)
            return time.perf_counter() - start, statuses

        def done(
            value: tuple[float, Any], loop: QEventLoop = loop, result: dict[str, Any] = result
        ) -> None:
            result["value"] = value
            loop.quit()

        def failed(
            exc: BaseException, loop: QEventLoop = loop, result: dict[str, Any] = result
        ) -> None:
            result["error"] = repr(exc)
            loop.quit()

        ticker.start()
        jobs.run(sweep, done, failed, name="bench-sweep")
        run_loop(loop, safety_ms)
        stall = ticker.stop()
        if "value" not in result:
            print(json.dumps({"ok": False, "error": result.get("error", "the sweep never ended")}))
            return 1
        duration, statuses = result["value"]
        out["duration_s"].append(duration)
        out["stall_ms"].append(stall)
        out["available"].append(
            sum(1 for sid, s in statuses.items() if sid not in hanging and s.state.usable))
        out["unreachable_hanging"].append(
            sum(1 for sid, s in statuses.items()
                if sid in hanging and s.state == ServiceState.UNREACHABLE))
        out["unreachable_healthy"].append(
            sum(1 for sid, s in statuses.items()
                if sid not in hanging and s.state == ServiceState.UNREACHABLE))
        # let the timed-out probe threads end (their timeouts never exceed the budget)
        loop = QEventLoop()
        run_loop(loop, 200)
    jobs.wait(int(args.budget * 1000) + 2000)
    print(json.dumps(out))
    sys.stdout.flush()
    app.quit()
    return 0


def bench_sweep(repeats: int, tmp: Path, *, quick: bool = False) -> list[Any]:
    from benchmarks.run import _env, _figure, spawn_and_measure

    budget = 1.0 if quick else 5.0
    routes = {"/svc/": Route(200, b"ok\n")}
    with HttpFixture(routes) as ok, BlackHole() as hole:
        cmd = [
            sys.executable, "-m", "benchmarks.sweep",
            "--ok-base", ok.url(""), "--hole-base", hole.url(""),
            "--budget", str(budget), "--repeats", str(repeats),
        ]
        data = spawn_and_measure(cmd, _env(tmp)).reported
    healthy = SERVICES - SERVICES // HANGING_EVERY
    label = f"{budget:g} s budget"
    return [
        _figure(
            f"health sweep, 100 services, 10 hang ({label})", "s",
            data["duration_s"], [budget] * len(data["duration_s"]), "ratio <= 1.10",
        ),
        _figure(
            "GUI stall during the sweep (5 ms timer)", "ms",
            data["stall_ms"], data["idle_stall_ms"], "<= 50 ms",
        ),
        _figure(
            f"healthy services found usable (of {healthy})", "svc",
            [float(v) for v in data["available"]], [float(healthy)] * len(data["available"]),
            f"{healthy} of {healthy}",
        ),
    ]


if __name__ == "__main__":
    sys.exit(main())
