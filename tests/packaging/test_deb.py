# SPDX-License-Identifier: EUPL-1.2
"""The real thing: build the bundle and the .deb, install it with dpkg, run it, purge it.

The bundle is cached under build/bundle/ keyed on a hash of its sources, so a second
run in the same checkout skips PyInstaller. Installing needs root (CI runs as root).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = [sys.executable, str(ROOT / "packaging" / "build.py")]
PACKAGE = "arbeitsplatz"

pytestmark = pytest.mark.timeout(900)


def _which(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing"
    return found


def _env(tmp_path: Path) -> dict[str, str]:
    """A user environment whose system configuration is the real /etc/xdg."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.pop("WORKPLACE_CONFIG", None)
    for var, name in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_RUNTIME_DIR", "runtime"),
    ):
        path = tmp_path / "home" / name
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        env[var] = str(path)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _run(cmd: list[str], env: dict[str, str] | None = None, timeout: int = 120) -> str:
    run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    assert run.returncode == 0, f"{cmd}: exit {run.returncode}\n{run.stdout}\n{run.stderr}"
    return run.stdout


@pytest.fixture(scope="module")
def bundle() -> Path:
    return Path(_run([*BUILD, "bundle"], timeout=800).strip().splitlines()[-1])


def test_bundle_runs_selftest(bundle: Path, tmp_path: Path) -> None:
    env = _env(tmp_path)
    exe = str(bundle / "workplace")
    assert _run([exe, "--version"], env).startswith("workplace ")
    result = json.loads(_run([exe, "selftest"], env).strip().splitlines()[-1])
    assert result["ok"] is True


def test_bundle_confirms_a_warm_start_in_its_own_child(bundle: Path, tmp_path: Path) -> None:
    """Issue 15: a warm start paints from the snapshot, and a child process (the bundle's
    own executable with ``--confirm-start-snapshot``: config/trustcheck.py) does the
    trusted load. When the child cannot run or answers anything else, the launcher reads
    the settings itself and pydantic is loaded; that must not happen in the bundle."""
    env = _env(tmp_path)
    exe = str(bundle / "workplace")
    cold = json.loads(_run([exe, "selftest"], env).strip().splitlines()[-1])
    assert cold["ok"] is True and cold["warm_start"] is False, cold
    warm = json.loads(_run([exe, "selftest", "--ready"], env).strip().splitlines()[-1])
    assert warm["ok"] is True and warm["warm_start"] is True, warm
    assert warm["early_imports"] == [], warm
    assert "pydantic" not in warm["libraries"], warm  # the child confirmed what was shown


def test_bundle_refuses_look_alike_host_names(bundle: Path, tmp_path: Path) -> None:
    """ICU (the UTS #39 checks) is in the bundle: a look-alike host is refused by name."""
    config = tmp_path / "lookalike.toml"
    config.write_text(
        '[[services]]\nid = "mail"\nname = "Mail"\nurl = "https://\\u0261oogle.example/"\n',
        encoding="utf-8",
    )
    run = subprocess.run(
        [str(bundle / "workplace"), "config", "check", str(config)],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
    )
    assert run.returncode != 0
    assert "services[0].url" in run.stdout + run.stderr
    assert "U+0261 LATIN SMALL LETTER SCRIPT G" in run.stdout + run.stderr


def test_bundle_leaves_out_unused_qt_and_misses_no_library(bundle: Path) -> None:
    names = {p.name for p in bundle.rglob("*")}
    for unused in ("libQt6Qml.so.6", "libQt6Quick.so.6", "libQt6Pdf.so.6", "QtQml.abi3.so"):
        assert unused not in names
    for kept in ("libQt6Network.so.6", "libQt6Svg.so.6", "libqxcb.so", "libqwayland.so"):
        assert kept in names
    lib_dirs = sorted({str(p.parent) for p in bundle.rglob("*.so*")})
    env = dict(os.environ, LD_LIBRARY_PATH=os.pathsep.join(lib_dirs))
    missing = []
    for path in bundle.rglob("*.so*"):
        if path.is_file() and not path.is_symlink():
            out = subprocess.run(
                [_which("ldd"), str(path)], capture_output=True, text=True, env=env
            )
            missing += [
                f"{path.name}: {line.strip()}"
                for line in out.stdout.splitlines()
                if "not found" in line
            ]
    assert missing == []
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < 200 * 1024 * 1024, f"bundle grew to {size // 2**20} MiB"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="installing a .deb with dpkg needs root (CI runs as root)",
)
def test_deb_installs_runs_and_purges_clean(bundle: Path, tmp_path: Path) -> None:
    deb = Path(
        _run([*BUILD, "deb", "--fast", "--out", str(tmp_path / "dist")], timeout=800).split()[-1]
    )
    subprocess.run(
        [_which("dpkg"), "--purge", PACKAGE], capture_output=True
    )  # an earlier broken run
    listing = _run([_which("dpkg-deb"), "-c", str(deb)])
    paths = [
        "/" + line.split(None, 5)[5].split(" -> ")[0].lstrip("./") for line in listing.splitlines()
    ]
    existed = {p for p in paths if os.path.lexists(p)}
    _run([_which("dpkg"), "-i", str(deb)])
    try:
        conffiles = _run([_which("dpkg-query"), "-W", "-f=${Conffiles}", PACKAGE])
        assert "/etc/xdg/workplace/workplace.toml" in conffiles
        assert "/etc/xdg/autostart/de.arbeitsplatz.Workplace.desktop" in conffiles
        assert Path("/usr/bin/workplace").resolve() == Path("/opt/arbeitsplatz/workplace")

        env = _env(tmp_path)
        assert _run(["/usr/bin/workplace", "--version"], env).startswith("workplace ")
        result = json.loads(_run(["workplace", "selftest"], env).strip().splitlines()[-1])
        assert result["ok"] is True
        shown = _run(["workplace", "config", "show", "--origin"], env)
        name_line = next(
            line for line in shown.splitlines() if line.startswith("organisation.name.de")
        )
        assert "/etc/xdg/workplace/workplace.toml" in name_line
        assert "Musterstadt" in name_line
    finally:
        _run([_which("dpkg"), "--purge", PACKAGE])

    status = subprocess.run([_which("dpkg-query"), "-W", PACKAGE], capture_output=True)
    assert status.returncode != 0, "still known to dpkg after purge"
    # Everything the package brought is gone; only directories that were there before stay.
    left = [p for p in paths if p not in existed and os.path.lexists(p)]
    assert left == []
    assert not Path("/opt/arbeitsplatz").exists()
    assert not Path("/etc/xdg/workplace").exists()
    assert not os.path.lexists("/usr/bin/workplace")
