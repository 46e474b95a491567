# SPDX-License-Identifier: EUPL-1.2
"""The Windows wheels are pinned, hashed and what pyproject.toml asks for (no Wine needed):
a dependency added for Linux without a Windows pin would be missing from the bundle."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.windows.conftest import ROOT

REQUIREMENTS = ROOT / "packaging" / "windows" / "requirements.txt"
NO_WINDOWS_WHEEL = {"pyicu"}  # refused non-ASCII host names instead (docs/deployment.md)


def _pins() -> dict[str, tuple[str, list[str]]]:
    text = REQUIREMENTS.read_text(encoding="utf-8")
    pins = {}
    for match in re.finditer(r"^([A-Za-z0-9_.-]+)==(\S+)((?: \\\n\s+--hash=\S+)+)", text, re.M):
        hashes = re.findall(r"--hash=(\S+)", match.group(3))
        pins[canonicalize_name(match.group(1))] = (match.group(2), hashes)
    return pins


def test_every_runtime_dependency_is_pinned_for_windows_with_its_hash() -> None:
    pins = _pins()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for line in project["dependencies"]:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        if name in NO_WINDOWS_WHEEL:
            assert name not in pins
            continue
        assert name in pins, f"{line}: not in {REQUIREMENTS.name}; run prefix.py lock"
        version, _hashes = pins[name]
        assert requirement.specifier.contains(version, prereleases=True), (line, version)
    for name in ("pyinstaller", "pywin32-ctypes", "pefile", "pip"):  # the build's own
        assert name in pins, name
    for name, (_version, hashes) in pins.items():
        assert hashes and all(h.startswith("sha256:") for h in hashes), name
    assert "secretstorage" not in pins  # keyring's Linux backend
