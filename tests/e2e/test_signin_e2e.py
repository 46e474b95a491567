# SPDX-License-Identifier: EUPL-1.2
"""The real ``workplace`` program with the test identity provider, under Xvfb.

A new user sees the sign-in screen; after ``workplace login`` (the fake browser
fills the form) a restart shows them signed in without opening a browser.
Screenshots go to build/screenshots/.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import run_launcher

ROOT = Path(__file__).resolve().parents[2]
STACK = ROOT / "tests" / "stack"
sys.path.insert(0, str(STACK))

from fake_browser import write_launcher  # noqa: E402
from provider import TestProvider  # noqa: E402

# Its own waits (`workplace login` up to 120 s, waits of up to 60 s for the launcher) add up
# past the suite's 120 s per test.
pytestmark = [pytest.mark.e2e, pytest.mark.integration, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def provider() -> Iterator[TestProvider]:
    with TestProvider() as running:
        yield running


def _environment(tmp_path: Path, provider: TestProvider, language: str) -> dict[str, str]:
    text = (ROOT / "resources" / "tenants" / "musterstadt.toml").read_text(encoding="utf-8")
    text = text.replace(
        'issuer = "https://id.musterstadt.example/realms/opendesk"',
        f'issuer = "{provider.issuer}"\nextra_auth_params = {{ prompt = "consent" }}',
    )
    tenant = tmp_path / "tenant.toml"
    tenant.write_text(text, encoding="utf-8")
    env = dict(os.environ)
    for var, name in (("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"),
                      ("XDG_STATE_HOME", "state"), ("XDG_DATA_HOME", "data")):
        (tmp_path / name).mkdir(exist_ok=True)
        env[var] = str(tmp_path / name)
    (tmp_path / "config" / "workplace").mkdir(exist_ok=True)
    (tmp_path / "config" / "workplace" / "preferences.toml").write_text(
        f'version = 1\nlanguage = "{language}"\n', encoding="utf-8")
    env.update(
        WORKPLACE_CONFIG=str(tenant),
        BROWSER=str(write_launcher(tmp_path)),
        FAKE_BROWSER_VISITS=str(tmp_path / "visits.txt"),
        LANG="de_DE.UTF-8" if language == "de" else "en_US.UTF-8",
    )
    return env


def _visits(env: dict[str, str]) -> list[str]:
    path = Path(env["FAKE_BROWSER_VISITS"])
    return path.read_text().split() if path.exists() else []


def _run_window_until(
    env: dict[str, str], display: str, status: str, shoot: Any, name: str
) -> list[dict[str, Any]]:
    """Start the window, wait for the sign-in state ``status``, take a screenshot."""
    env = dict(env, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    with run_launcher(env) as launcher:
        entry = launcher.wait_for("auth.state")
        assert entry["status"] == status, entry
        shoot(display, name)
    assert not launcher.tracebacks
    return launcher.seen


@pytest.mark.parametrize("language", ["de", "en"])
def test_new_user_signs_in_once_and_stays_signed_in(
    xvfb_display: str, screenshot: Any, tmp_path: Path, provider: TestProvider, language: str
) -> None:
    env = _environment(tmp_path, provider, language)
    _run_window_until(env, xvfb_display, "signed_out", screenshot, f"signin-{language}.png")
    assert _visits(env) == []  # the sign-in screen opens nothing by itself

    login = subprocess.run([sys.executable, "-m", "workplace", "login"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=120)
    assert login.returncode == 0, login.stderr
    assert login.stdout.strip() == "Erika Mustermann"
    opened = _visits(env)
    try:
        events = _run_window_until(env, xvfb_display, "signed_in", screenshot,
                                   f"signed-in-{language}.png")
        assert _visits(env) == opened  # restored from the keyring, no browser
        assert any(e.get("event") == "window.first_paint" for e in events)
        first_paint = next(i for i, e in enumerate(events)
                           if e.get("event") == "window.first_paint")
        state = next(i for i, e in enumerate(events) if e.get("event") == "auth.state")
        assert first_paint < state  # the tiles paint before the keyring is read
    finally:
        subprocess.run([sys.executable, "-m", "workplace", "logout"], cwd=ROOT, env=env,
                       capture_output=True, timeout=120, check=False)
