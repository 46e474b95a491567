# SPDX-License-Identifier: EUPL-1.2
"""What the packages declare for links: the desktop file's schemes, the .deb's
update-desktop-database, the macOS bundle template's CFBundleURLTypes."""

from __future__ import annotations

import os
import plistlib
import re
import stat
import subprocess
from pathlib import Path

import pytest

from workplace import APP_ID

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
SCHEMES = ["mailto", "matrix", "tel", "arbeitsplatz"]


def test_the_desktop_file_declares_the_four_schemes_and_passes_the_link() -> None:
    text = (LINUX / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert re.search(r"^Exec=workplace %u$", text, re.MULTILINE)
    declared = re.search(r"^MimeType=(.*)$", text, re.MULTILINE)
    assert declared is not None
    assert declared.group(1).split(";")[:-1] == [f"x-scheme-handler/{s}" for s in SCHEMES]


def test_the_build_installs_both_maintainer_scripts() -> None:
    build = (ROOT / "packaging" / "build.py").read_text(encoding="utf-8")
    for script in ("postinst", "postrm"):
        assert f'_install(linux / "debian/{script}", debian / "{script}", 0o755)' in build


@pytest.mark.parametrize(
    ("script", "argument", "runs"),
    [("postinst", "configure", True), ("postinst", "abort-upgrade", False),
     ("postrm", "remove", True), ("postrm", "upgrade", False)],
)
def test_maintainer_scripts_run_update_desktop_database(
    tmp_path: Path, script: str, argument: str, runs: bool
) -> None:
    """update-desktop-database here is a stand-in that writes down its arguments: the
    real one would rewrite this machine's /usr/share/applications cache."""
    calls = tmp_path / "calls"
    stand_in = tmp_path / "bin" / "update-desktop-database"
    stand_in.parent.mkdir()
    stand_in.write_text(f'#!/bin/sh\necho "$@" >> "{calls}"\n', encoding="utf-8")
    stand_in.chmod(stand_in.stat().st_mode | stat.S_IXUSR)
    env = {"PATH": f"{stand_in.parent}{os.pathsep}/usr/bin:/bin"}
    run = subprocess.run(["/bin/sh", str(LINUX / "debian" / script), argument], env=env,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    if runs:
        assert calls.read_text(encoding="utf-8").split() == ["-q", "/usr/share/applications"]
    else:
        assert not calls.exists()


def test_the_macos_bundle_template_declares_the_four_schemes() -> None:
    with (ROOT / "packaging" / "macos" / "Info.plist").open("rb") as handle:
        plist = plistlib.load(handle)
    assert plist["CFBundleIdentifier"] == APP_ID
    schemes = [s for entry in plist["CFBundleURLTypes"] for s in entry["CFBundleURLSchemes"]]
    assert schemes == SCHEMES
    assert all(entry["CFBundleTypeRole"] == "Viewer" for entry in plist["CFBundleURLTypes"])
