# SPDX-License-Identifier: EUPL-1.2
"""Run the benchmarks: ``python -m benchmarks.run [--quick] [startup catalog sweep signin idle
fleet peer libraries]``.

Every figure is a ratio against a baseline measured in the same run on the same
machine. Prints a table and writes build/bench/results.json. These are
measurements, not assertions: the exit status only says whether they ran. A bench
that cannot run here (no node, no D-Bus keyring) is reported as skipped, with why.

Figures 1 and 3: this module (start-up at 40 and at 1,000 services: wall time, CPU
time and peak RSS at the first paint of a warm start); 2 memory (signed in, probes
done): memory.py, run with ``startup`` (or alone as ``memory``); 4 health sweep:
sweep.py; 5 sign-in: signin.py; 6 idle traffic: idle.py (loopback servers and the
test provider: loopback.py, tests/stack); 7 the fleet at eight o'clock, 50,000
launchers in virtual time: fleet.py (prints its before/after table; ``--quick``:
5,000 launchers); the peer (Debian's Nextcloud desktop client beside the launcher and
the bare window, skipped where it is not installed): peer.py; what each library costs
once loaded: libcost.py; how many enums PySide builds before the first paint, and
their time, beside the bare window's (the largest part of what start-up costs over
it): enums.py (``python -m benchmarks.enums --config TENANT``, not part of the table).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.tenants import write_tenant

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "bench"


@dataclass
class Sample:
    wall_ms: float
    peak_rss_mib: float
    reported: dict


@dataclass
class Figure:
    name: str
    unit: str
    median: float
    spread: tuple[float, float]
    baseline: float | None = None
    target: str = ""
    runs: list[float] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)
    """Breakdowns and context, printed under the table and kept in the JSON."""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.median / self.baseline


class Skipped(Exception):
    """A benchmark that cannot run here (a missing tool); the reason is reported."""


SPAWN_TIMEOUT = 180.0
"""A measured program still running after this long is killed and reported as failed."""


def spawn_and_measure(cmd: list[str], env: dict[str, str]) -> Sample:
    """Start ``cmd``; wall time to its JSON line, and its own peak RSS (reaped with wait4).

    stderr is drained on a thread (a chatty program never blocks on a full pipe), and a
    watchdog kills a program that hangs, so ``make test`` cannot hang on a benchmark.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    stderr_chunks: list[bytes] = []
    drain = threading.Thread(target=lambda: stderr_chunks.append(proc.stderr.read()),
                             daemon=True)
    drain.start()
    watchdog = threading.Timer(SPAWN_TIMEOUT, proc.kill)
    watchdog.start()
    try:
        line = proc.stdout.readline()
        wall = (time.perf_counter() - start) * 1000
        proc.stdout.read()
        _pid, status, usage = os.wait4(proc.pid, 0)
    finally:
        watchdog.cancel()
    drain.join()
    err = b"".join(stderr_chunks)
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    proc.stderr.close()
    try:
        reported = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RuntimeError(
            f"{' '.join(cmd)}: no JSON line (stderr: {err.decode(errors='replace')[-2000:]})"
        ) from exc
    if not reported.get("ok", False) or proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: failed: {reported} exit {proc.returncode}")
    return Sample(wall, usage.ru_maxrss / 1024, reported)


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
        path = tmp / var.lower()
        path.mkdir(exist_ok=True)
        env[var] = str(path)
    env["XDG_CONFIG_DIRS"] = str(tmp / "etc-xdg")
    return env


def _figure(
    name: str, unit: str, values: list[float], baseline: list[float] | None, target: str,
    notes: dict[str, Any] | None = None,
) -> Figure:
    base = statistics.median(baseline) if baseline else None
    return Figure(
        name=name,
        unit=unit,
        median=statistics.median(values),
        spread=(min(values), max(values)),
        baseline=base,
        target=target,
        runs=values,
        notes=notes or {},
    )


def _startup_figures(
    services: int, base: list[Sample], app: list[Sample], *, rss: bool
) -> list[Figure]:
    """Wall time to the first paint, the CPU time by then and (``rss``) the peak RSS by
    then, each against the bare window of the same alternating runs."""
    cold = [s for s in app if not s.reported.get("warm_start")]
    if cold:
        raise RuntimeError(f"{len(cold)} of {len(app)} measured starts were not warm")
    heavy = sorted({m for s in app for m in s.reported.get("early_imports", [])})
    notes = {
        "load average (1 min) during the runs": f"{os.getloadavg()[0]:.1f} on "
                                                f"{os.cpu_count()} CPUs",
        "heavy modules at the first paint (warm start)": heavy or "none",
    }
    label = f"{services:,} services"
    figures = [
        _figure(f"start-up to first paint ({label})", "ms", [s.wall_ms for s in app],
                [s.wall_ms for s in base], "ratio <= 1.5", notes),
        _figure(f"CPU time to first paint ({label})", "ms",
                [s.reported["cpu_first_paint_ms"] for s in app],
                [s.reported["cpu_first_paint_ms"] for s in base], "(steadier than wall)"),
    ]
    if rss:
        figures.append(_figure(  # figure 2 proper is memory.py: signed in, probes done
            f"peak RSS at first paint, signed out ({label})", "MiB",
            [s.reported["rss_first_paint_mib"] for s in app],
            [s.reported["rss_first_paint_mib"] for s in base], "(reference)",
        ))
    return figures


def bench_startup_and_memory(repeats: int, tmp: Path, quick: bool = False) -> list[Figure]:
    env = _env(tmp)
    tenant = write_tenant(tmp / "tenant-40.json", 40)
    baseline_cmd = [sys.executable, "-m", "benchmarks.baseline_window"]
    launcher_cmd = [sys.executable, "-m", "workplace", "--config", str(tenant), "selftest"]
    base_samples: list[Sample] = []
    app_samples: list[Sample] = []
    spawn_and_measure(baseline_cmd, env)  # warm the file cache for both
    spawn_and_measure(launcher_cmd, env)  # and leave the start-up snapshot
    for _ in range(repeats):  # interleaved, so drift hits both alike
        base_samples.append(spawn_and_measure(baseline_cmd, env))
        app_samples.append(spawn_and_measure(launcher_cmd, env))
    return _startup_figures(40, base_samples, app_samples, rss=True)


def bench_catalog_scale(repeats: int, tmp: Path, quick: bool = False) -> list[Figure]:
    env = _env(tmp)
    tenant = write_tenant(tmp / "tenant-1000.json", 1000)
    baseline_cmd = [sys.executable, "-m", "benchmarks.baseline_window"]
    launcher_cmd = [sys.executable, "-m", "workplace", "--config", str(tenant), "selftest"]
    keystroke_cmd = [sys.executable, "-m", "benchmarks.search_keystroke", str(tenant)]
    base: list[Sample] = []
    app: list[Sample] = []
    keys: list[float] = []
    spawn_and_measure(launcher_cmd, env)  # the start-up snapshot
    for _ in range(repeats):
        base.append(spawn_and_measure(baseline_cmd, env))
        app.append(spawn_and_measure(launcher_cmd, env))
        keys.extend(spawn_and_measure(keystroke_cmd, env).reported["keystroke_ms"])
    return [
        *_startup_figures(1000, base, app, rss=True),
        _figure(
            "search keystroke, filter + repaint (1,000 services)",
            "ms",
            keys,
            None,
            "<= 16 ms (one frame)",
        ),
    ]


def bench_memory(repeats: int, tmp: Path, quick: bool = False) -> list[Figure]:
    from benchmarks.memory import bench_memory as run

    return run(repeats, tmp, quick=quick)


def bench_sweep(repeats: int, tmp: Path, quick: bool = False) -> list[Figure]:
    from benchmarks.sweep import bench_sweep as run

    return run(repeats, tmp, quick=quick)


def bench_signin(repeats: int, tmp: Path, quick: bool = False) -> list[Figure]:
    from benchmarks.signin import bench_signin as run

    return run(repeats, tmp, quick=quick)


def bench_peer(repeats: int, tmp: Path, quick: bool = False) -> list[Figure]:
    from benchmarks.peer import bench_peer as run

    return run(repeats, tmp, quick=quick)


def bench_libraries(repeats: int, tmp: Path, quick: bool = False) -> list[Figure]:
    from benchmarks.libcost import bench_libraries as run

    return run(repeats, tmp, quick=quick)


def bench_idle(repeats: int, tmp: Path, quick: bool = False) -> list[Figure]:
    from benchmarks.idle import bench_idle as run

    return run(repeats, tmp, quick=quick)


def bench_fleet(repeats: int, tmp: Path, quick: bool = False) -> list[Figure]:
    from benchmarks.fleet import bench_fleet as run

    return run(repeats, tmp, quick=quick)


Bench = Callable[[int, Path, bool], list[Figure]]
BENCHES: dict[str, Bench] = {
    "startup": bench_startup_and_memory,
    "memory": bench_memory,
    "catalog": bench_catalog_scale,
    "sweep": bench_sweep,
    "signin": bench_signin,
    "idle": bench_idle,
    "fleet": bench_fleet,
    "peer": bench_peer,
    "libraries": bench_libraries,
}
WITH = {"startup": ("memory", "catalog", "peer", "libraries")}
"""Asking for ``startup`` also runs the figures that belong with it (memory, 1,000
services, the peer, the libraries)."""


def print_table(figures: list[Figure]) -> None:
    head = f"{'figure':<54} {'median':>10} {'spread':>19} {'baseline':>10} {'ratio':>6}  target"
    print(head)
    print("-" * len(head))
    for f in figures:
        spread = f"{f.spread[0]:.1f}..{f.spread[1]:.1f}"
        base = f"{f.baseline:.1f}" if f.baseline is not None else "-"
        ratio = f"{f.ratio:.2f}" if f.ratio is not None else "-"
        print(
            f"{f.name:<54} {f.median:>7.1f} {f.unit:<2} {spread:>19} "
            f"{base:>10} {ratio:>6}  {f.target}"
        )
    for f in figures:
        if f.notes:
            print(f"\n{f.name}:")
            for key, value in f.notes.items():
                print(f"  {key}: {value}")


def compile_bytecode() -> None:
    """Measure what users run: compiled bytecode, as a pip install or the .deb bundle has.

    The checkout is an editable install without .pyc files, and where
    PYTHONDONTWRITEBYTECODE is set (CI sets it) Python would compile every module of
    workplace from source at every start, which no installed launcher does. Only
    changed files are compiled again; both the launcher and the baseline get theirs.
    """
    import compileall

    for package in ("workplace", "benchmarks"):
        compileall.compile_dir(ROOT / package, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.run")
    parser.add_argument("--quick", action="store_true", help="one run each: keeps the code working")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("only", nargs="*", choices=[*BENCHES, []], help="benchmarks to run")
    args = parser.parse_args(argv)
    repeats = 1 if args.quick else args.repeats
    compile_bytecode()
    wanted = {also for name in args.only for also in WITH.get(name, ())} | set(args.only)
    figures: list[Figure] = []
    errors: list[str] = []
    skipped: list[str] = []
    for name, bench in BENCHES.items():
        if wanted and name not in wanted:
            continue
        with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmp:
            try:
                figures.extend(bench(repeats, Path(tmp), args.quick))
            except Skipped as exc:
                skipped.append(f"{name}: {exc}")
            except Exception as exc:  # report and go on: one broken bench hides no others
                errors.append(f"{name}: {exc}")
    print_table(figures)
    OUT.mkdir(parents=True, exist_ok=True)
    result = {
        "quick": args.quick,
        "repeats": repeats,
        "python": sys.version.split()[0],
        "figures": [dict(asdict(f), ratio=f.ratio) for f in figures],
        "errors": errors,
        "skipped": skipped,
    }
    (OUT / ("results-quick.json" if args.quick else "results.json")).write_text(
        json.dumps(result, indent=2), encoding="utf-8"
    )
    for skip in skipped:
        print(f"skipped: {skip}", file=sys.stderr)
    for err in errors:
        print(f"error: {err}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    # Run the imported module, not this __main__ copy: the bench modules import
    # Figure, Skipped and the helpers from benchmarks.run, and must see the same classes.
    from benchmarks import run as _run

    sys.exit(_run.main())
