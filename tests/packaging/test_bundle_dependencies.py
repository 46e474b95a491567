# SPDX-License-Identifier: EUPL-1.2
"""The bundle ships only versions that pyproject.toml allows (PySide6-Essentials 6.12.0 is
excluded there: it makes Python 3.11 abort after ~2,000 repaints)."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _build_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("workplace_build", ROOT / "packaging/build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build = _build_module()
real_version = importlib.metadata.version


def _installed_with(**versions: str):  # type: ignore[no-untyped-def]
    """The real installed versions, with some replaced (FAKE: a broken install)."""

    def version(name: str) -> str:
        key = name.replace("-", "_")
        if key in versions:
            return versions[key]
        return real_version(name)

    return version


def test_this_environment_fits_pyproject() -> None:
    assert build.unfit_dependencies() == []


def test_the_excluded_pyside6_is_refused() -> None:
    problems = build.unfit_dependencies(installed=_installed_with(PySide6_Essentials="6.12.0"))
    assert len(problems) == 1
    assert problems[0].startswith("PySide6-Essentials 6.12.0 is installed")
    assert "!=6.12.0" in problems[0]


def test_the_exclusion_is_read_from_pyproject(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\ndependencies = ["PySide6-Essentials>=6.8,!=6.11.3", "nonexistent-dist>=1"]\n',
        encoding="utf-8",
    )
    problems = build.unfit_dependencies(
        pyproject, installed=_installed_with(PySide6_Essentials="6.11.3")
    )
    assert problems == [
        "PySide6-Essentials 6.11.3 is installed; pyproject.toml wants "
        "'PySide6-Essentials>=6.8,!=6.11.3'",
        "nonexistent-dist is not installed (pyproject.toml wants 'nonexistent-dist>=1')",
    ]


def test_building_the_bundle_stops_before_pyinstaller(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        build.importlib.metadata,
        "version",
        _installed_with(PySide6_Essentials="6.12.0"),
    )

    def no_build(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"the build went on: {args}")

    monkeypatch.setattr(build.subprocess, "run", no_build)
    with pytest.raises(SystemExit, match=r"(?s)refusing.*PySide6-Essentials 6\.12\.0 is installed"):
        build.build_bundle()
