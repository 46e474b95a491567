# SPDX-License-Identifier: EUPL-1.2
"""How many Python enums PySide builds before the first paint, and what they cost.

PySide 6 builds every enum of a Qt class, as a Python ``enum`` class, the moment the
class is first touched (``from PySide6.QtCore import Qt`` alone builds 93). This runs a
warm ``workplace selftest`` and the bare window (``benchmarks.baseline_window``), each in
a fresh process that times ``enum.EnumType._create_`` until the program prints its
first-paint line, and prints one JSON line per program::

    python -m benchmarks.enums --config TENANT

Run it twice for a warm start (the first run leaves the start-up snapshot). The times
include the wrapper's own small overhead.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = r"""
import enum, json, runpy, sys, time
spent = [0.0, 0]
create = enum.EnumType._create_
def timed(cls, *args, **kwargs):
    start = time.perf_counter()
    try:
        return create(cls, *args, **kwargs)
    finally:
        spent[0] += time.perf_counter() - start
        spent[1] += 1
enum.EnumType._create_ = timed  # a method of the metaclass: cls is the enum class
write = sys.stdout.write
def first_line(text):
    if text.startswith('{"ok"'):
        sys.stderr.write(json.dumps({"enums": spent[1], "ms": round(spent[0] * 1000, 1)}) + "\n")
    return write(text)
sys.stdout.write = first_line
module = sys.argv[1]
sys.argv = sys.argv[1:]
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""


def measure(module: str, *args: str) -> dict[str, float]:
    """Enums built and seconds spent building them, until ``module``'s first paint."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, module, *args], env=env, capture_output=True,
        text=True, timeout=120, check=False,
    )
    for line in done.stderr.splitlines():
        if line.startswith('{"enums"'):
            result: dict[str, float] = json.loads(line)
            return result
    raise RuntimeError(f"{module}: no first paint ({done.stderr[-2000:]})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.enums")
    parser.add_argument("--config", required=True, help="the tenant file (40 services)")
    args = parser.parse_args(argv)
    measure("workplace", "--config", args.config, "selftest")  # leaves the snapshot
    print(json.dumps({
        "launcher": measure("workplace", "--config", args.config, "selftest"),
        "bare window": measure("benchmarks.baseline_window"),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
