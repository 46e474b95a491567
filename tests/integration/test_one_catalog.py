# SPDX-License-Identifier: EUPL-1.2
"""The command line, the window and ``services`` share one effective catalog (issue 10 §1),
and ``services --refresh`` says so in its exit status when the refresh failed."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.manifest_server import ManifestServer, Route

REPO = Path(__file__).resolve().parents[2]

MANIFEST = {
    "version": 2,
    "services": [
        {"id": "remoteonly", "name": "Nur zentral", "url": "https://remote.example.org/"},
    ],
}


@pytest.fixture
def server() -> Iterator[ManifestServer]:
    srv = ManifestServer()
    yield srv
    srv.close()


def fake_browser(tmp_path: Path) -> tuple[Path, Path]:
    """A real $BROWSER program that appends its arguments to a file."""
    log = tmp_path / "browser.log"
    script = tmp_path / "fake-browser"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" >> "{log}"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, log


def cli(*args: str, browser: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    if browser is not None:
        env["BROWSER"] = str(browser)
    result = subprocess.run(
        [sys.executable, "-m", "workplace", *args],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=60, check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def config_for(tmp_path: Path, server: ManifestServer) -> Path:
    config = tmp_path / "t.toml"
    config.write_text(
        '[[services]]\nid = "mail"\nname = "E-Mail"\nurl = "https://mail.example.org/"\n\n'
        f'[catalog]\nmanifest_url = "{server.url("/m.json")}"\n',
        encoding="utf-8",
    )
    return config


def test_open_launches_every_service_that_services_lists(
    tmp_path: Path, server: ManifestServer
) -> None:
    server.routes["/m.json"] = Route(body=json.dumps(MANIFEST).encode())
    config = config_for(tmp_path, server)
    browser, log = fake_browser(tmp_path)

    listed = cli("--config", str(config), "services", "--refresh")
    assert listed.returncode == 0, listed.stderr
    assert " remoteonly " in listed.stdout and " mail " in listed.stdout

    opened = cli("--config", str(config), "open", "remoteonly", browser=browser)
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout == "opened remoteonly: https://remote.example.org/\n"
    assert log.read_text(encoding="utf-8").split() == ["https://remote.example.org/"]
    assert len(server.seen) == 1  # open used the cached copy, no network


def test_services_refresh_exits_1_when_the_refresh_failed(
    tmp_path: Path, server: ManifestServer
) -> None:
    server.routes["/m.json"] = Route(body=json.dumps(MANIFEST).encode())
    config = config_for(tmp_path, server)
    assert cli("--config", str(config), "services", "--refresh").returncode == 0

    server.routes["/m.json"] = Route(500)
    for extra in ((), ("--json",)):
        failed = cli("--config", str(config), "services", "--refresh", *extra)
        assert failed.returncode == 1, failed.stdout
        assert "catalog refresh failed (http_status)" in failed.stderr
        assert "remoteonly" in failed.stdout  # the last good copy is still listed

    # A 304 to a request that named no copy (a broken proxy or captive portal) is no
    # confirmation: the refresh failed, and the exit status says so.
    server.routes["/m.json"] = Route(304)
    stale = cli("--config", str(config), "services", "--refresh")
    assert stale.returncode == 1, stale.stdout + stale.stderr
    assert "catalog refresh failed" in stale.stderr

    server.close()  # nothing listens any more
    down = cli("--config", str(config), "services", "--refresh")
    assert down.returncode == 1
    assert "catalog refresh failed (unreachable)" in down.stderr
    # Without --refresh, the cached copy is listed and nothing failed now.
    assert cli("--config", str(config), "services").returncode == 0
