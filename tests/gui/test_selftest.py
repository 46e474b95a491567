# SPDX-License-Identifier: EUPL-1.2
"""``workplace selftest``: the real program paints its window and prints one JSON line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.tenants import write_tenant
from workplace.ui.gui import LOADED_AFTER_FIRST_PAINT

ROOT = Path(__file__).resolve().parents[2]


def _run(env_extra: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, **env_extra)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)  # selftest picks offscreen by itself
    return subprocess.run(
        [sys.executable, "-m", "workplace", *args, "selftest"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_selftest_prints_timings_of_the_first_paint() -> None:
    done = _run({})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    report = json.loads(lines[0])
    assert report["ok"] is True
    assert report["services"] == 10
    assert report["platform"] == "offscreen"
    timings = [
        report[k]
        for k in ("t_main_ms", "t_qt_ms", "t_config_ms", "t_window_ms", "t_first_paint_ms")
    ]
    assert timings == sorted(timings)
    assert all(t > 0 for t in timings)


def test_selftest_fails_with_one_json_line_when_nothing_can_be_shown(tmp_path: Path) -> None:
    empty = tmp_path / "empty.toml"
    empty.write_text('[organisation]\nname = "Leer"\n', encoding="utf-8")
    done = _run({}, "--config", str(empty))
    assert done.returncode == 1
    report = json.loads(done.stdout.strip())
    assert report["ok"] is False
    assert "empty" in report["error"]


def test_a_warm_start_paints_before_any_heavy_library_is_loaded(tmp_path: Path) -> None:
    """Issue 15: validation, HTTP, sign-in, JOSE, keyring and Qt's network module all
    belong after the first paint. The first start reads the files (pydantic) and leaves
    the snapshot; the second paints from it with none of them in ``sys.modules``."""
    tenant = tmp_path / "tenant.json"
    write_tenant(tenant, 1000)
    cold = json.loads(_run({}, "--config", str(tenant)).stdout)
    assert cold["ok"] and not cold["warm_start"], cold
    # A cold start validates first (pydantic, which imports datetime).
    assert cold["early_imports"] == ["pydantic", "datetime"], cold
    for _ in range(2):
        warm = json.loads(_run({}, "--config", str(tenant)).stdout)
        assert warm["ok"] and warm["warm_start"] and warm["services"] == 1000, warm
        assert warm["early_imports"] == [], warm
    assert set(LOADED_AFTER_FIRST_PAINT) == {
        "pydantic", "requests", "urllib3", "authlib", "joserfc", "cryptography", "keyring",
        "secretstorage", "PySide6.QtNetwork", "workplace.ui.settingsdialog",
        "workplace.ui.linkrouting", "workplace.links.action", "workplace.ui.waitingview",
        "workplace.ui.notifications",
        "subprocess", "datetime", "workplace.integrations.model", "workplace.ui.signin",
        "workplace.ui.qr", "workplace.ui.banner",
    }


def test_the_records_the_first_paint_defines_are_named_tuples() -> None:
    """Issue 15: a dataclass costs about 3.5 M instructions to define (its methods are
    generated and compiled), a NamedTuple a quarter of that; the window's own records on
    the way to the first paint are NamedTuples."""
    from workplace.ui.netwatch import OsNetwork
    from workplace.ui.tilemodel import Row
    from workplace.ui.tileview import _Place

    for record in (OsNetwork, Row, _Place):
        assert issubclass(record, tuple) and hasattr(record, "_fields"), record


PROBE = """
import dataclasses, enum, runpy, sys
made = []
process = dataclasses._process_class
def counted(cls, *args, **kwargs):
    made.append(f"{cls.__module__}.{cls.__qualname__}")
    return process(cls, *args, **kwargs)
dataclasses._process_class = counted
write = sys.stdout.write
def at_paint(text):
    if text.startswith('{"ok"'):
        enums = sorted(
            f"{name}.{attr}" for name, module in list(sys.modules.items())
            if name.startswith("workplace") and module is not None
            for attr, value in vars(module).items()
            if isinstance(value, type) and issubclass(value, enum.Enum)
            and value.__module__ == name)
        sys.stderr.write("PROBE " + " ".join(made) + " | " + " ".join(enums) + "\\n")
    return write(text)
sys.stdout.write = at_paint
sys.argv = ["workplace", *sys.argv[1:]]
runpy.run_module("workplace", run_name="__main__")
"""


def test_a_warm_start_defines_few_classes_of_its_own_before_the_first_paint(
    tmp_path: Path,
) -> None:
    """Issue 15: a dataclass costs about 3.5 M instructions to define, an enum class
    about 1 M; the records before a warm start's first paint are NamedTuples, its kinds
    and roles plain numbers, and what only the work after the paint uses is imported
    there. What stays: the theme (its fields' metadata name the contrast pairs), the
    settings (replaced field by field), the catalog, the composition root, the account's
    phase and the launch error's kinds."""
    tenant = tmp_path / "tenant.json"
    write_tenant(tenant, 40)
    for _ in range(2):  # the first start leaves the snapshot
        assert _run({}, "--config", str(tenant)).returncode == 0
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-c", PROBE, "--config", str(tenant), "selftest"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert json.loads(done.stdout)["warm_start"], done.stdout
    line = next(ln for ln in done.stderr.splitlines() if ln.startswith("PROBE "))
    dataclasses, enums = (part.split() for part in line.removeprefix("PROBE ").split("|"))
    assert sorted(dataclasses) == [
        "workplace.app.Workplace", "workplace.catalog.catalog.Catalog",
        "workplace.config.settings.Settings", "workplace.ui.theme.Theme",
    ]
    assert enums == ["workplace.catalog.launch.LaunchErrorKind", "workplace.ui.account.Phase"]
