# SPDX-License-Identifier: EUPL-1.2
"""Helpers for the unit tests: paths inside the isolated XDG directories, files, the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.support.logfail import errors_in_output
from workplace.config.paths import Paths

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def paths(isolated_xdg: dict[str, Path]) -> Paths:
    return Paths.from_environment()


@pytest.fixture
def it_dir(paths: Paths) -> Path:
    """The (only) system IT configuration directory, created empty."""
    directory = paths.it_config_dirs[0]
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m workplace`` as a real process with the test's environment."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    result = subprocess.run(
        [sys.executable, "-m", "workplace", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert not errors_in_output(result.stderr), result.stderr  # nor a logged error
    assert "Traceback" not in result.stdout, result.stdout
    return result
