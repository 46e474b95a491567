# SPDX-License-Identifier: EUPL-1.2
"""What each library costs once loaded: resident memory (MiB) and CPU time (ms).

``python -m benchmarks.libcost [--repeats N]`` measures every entry of
:data:`LIBRARIES` in fresh processes that first import what the bare Qt window has
(PySide6.QtWidgets and a QApplication), so a figure is what the library adds to a Qt
program, shared dependencies included (``ssl`` is counted by each HTTP entry that
pulls it in). A second column loads them one after another in the order a signed-in
launcher does, so each figure there is what that step adds on top of the ones before
(the sum is what the libraries cost the launcher together).

It prints one JSON line; :func:`bench_libraries` turns it into figures for the table.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

LIBRARIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("pydantic (the library)", ("pydantic",)),
    ("the schema (pydantic models)", ("workplace.config.schema",)),
    ("configuration loader (+ schema, TOML)", ("workplace.config.loader",)),
    ("urllib3 (+ ssl)", ("urllib3",)),
    ("requests (+ urllib3, idna, charset_normalizer): only with a PAC file (pypac)",
     ("requests",)),
    ("truststore (OS trust store)", ("truststore",)),
    ("the network stack (urllib3, truststore, proxy: workplace.net.http)",
     ("workplace.net.http",)),
    ("cryptography (Rust bindings)", ("cryptography.hazmat.bindings._rust",)),
    ("joserfc (+ cryptography)", ("joserfc.jws", "joserfc.jwt", "joserfc.jwk")),
    ("keyring (+ SecretStorage, jeepney, cryptography)", ("keyring", "@keyring")),
    ("SecretStorage (+ jeepney, cryptography): the Linux keyring", ("secretstorage",)),
    ("QtNetwork", ("PySide6.QtNetwork",)),
    ("PyICU (URL rules)", ("icu",)),
)
"""Name -> modules to import (``@keyring``: also resolve the keyring backend)."""

ORDER: tuple[str, ...] = (
    "workplace.net.http", "secretstorage",
    "workplace.auth.service", "workplace.status.probe",
)
"""What a warm signed-in start loads after its first paint, step by step: the
configuration is confirmed in a child process (:mod:`workplace.config.trustcheck`), so
no loader, and the central catalog's copy the child checked comes with it (no schema
for ``workplace.catalog.remote``); on Linux the Secret Service without keyring
(:mod:`workplace.auth.keyring_store`). A cold start adds ``workplace.config.loader``
and the catalog's check (both pydantic)."""

PROBE = r"""
import json, sys, time
def rss():
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
from workplace.ui.pysidesource import install
install()  # as the launcher: PySide6's import hook keeps no copy of each library's source
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
out = []
for step in json.loads(sys.argv[1]):
    before, t = rss(), time.process_time()
    for name in step:
        if name == "@keyring":
            import keyring
            keyring.get_keyring()
        else:
            __import__(name)
    out.append([rss() - before, (time.process_time() - t) * 1000])
print(json.dumps(out))
"""


def _measure(steps: list[list[str]], env: dict[str, str]) -> list[list[float]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(steps)], env=env, capture_output=True,
        text=True, timeout=120, check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip()[-500:])
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.libcost")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    alone: dict[str, list[list[float]]] = {name: [] for name, _ in LIBRARIES}
    chain: list[list[list[float]]] = []
    out: dict[str, Any] = {"ok": True}
    try:
        for _ in range(args.repeats):
            for name, modules in LIBRARIES:
                alone[name].append(_measure([list(modules)], env)[0])
            chain.append(_measure([[m] for m in ORDER], env))
    except (RuntimeError, subprocess.TimeoutExpired, ValueError) as exc:
        print(json.dumps({"ok": False, "error": str(exc)}))
        return 1

    def med(values: list[list[float]], i: int) -> float:
        return round(statistics.median(v[i] for v in values), 1)

    out["alone"] = {name: [med(v, 0), med(v, 1)] for name, v in alone.items()}
    out["in_order"] = {
        step: [med([run[i] for run in chain], 0), med([run[i] for run in chain], 1)]
        for i, step in enumerate(ORDER)
    }
    print(json.dumps(out))
    return 0


def bench_libraries(repeats: int, tmp: Path, *, quick: bool = False) -> list[Any]:
    from benchmarks.run import Figure

    del tmp
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.libcost", "--repeats", str(1 if quick else 3)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    data = json.loads(done.stdout.strip().splitlines()[-1]) if done.stdout.strip() else {}
    if not data.get("ok"):
        raise RuntimeError(data.get("error") or done.stderr.strip()[-500:])
    del repeats
    total = sum(mib for mib, _ in data["in_order"].values())
    notes: dict[str, Any] = {
        f"{name}": f"{mib:5.1f} MiB {ms:6.1f} ms" for name, (mib, ms) in data["alone"].items()
    }
    notes["-- loaded in the launcher's order (what each adds)"] = ""
    notes.update({
        f"  then {step}": f"{mib:5.1f} MiB {ms:6.1f} ms"
        for step, (mib, ms) in data["in_order"].items()
    })
    return [
        Figure(
            name="libraries after the first paint, together",
            unit="MiB",
            median=round(total, 1),
            spread=(round(total, 1), round(total, 1)),
            target="(see the table: module -> MiB, ms on top of a bare Qt program)",
            notes=notes,
        )
    ]


if __name__ == "__main__":
    sys.exit(main())
