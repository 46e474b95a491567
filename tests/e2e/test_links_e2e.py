# SPDX-License-Identifier: EUPL-1.2
"""Links as a new user meets them, on the demo under Xvfb, with the real xdg-utils.

The packaged desktop file is installed in an isolated XDG_DATA_HOME (its cache built
by update-desktop-database, as the package does), ``workplace`` is on PATH as
/usr/bin/workplace would be, and $BROWSER is a program that writes down what it is
asked to open. ``xdg-open`` then runs ``workplace URL``, which hands the link to the
running launcher (or starts it); the launcher opens the demo services.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.e2e.conftest import Launcher, run_launcher

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
DESKTOP_FILE = "de.arbeitsplatz.Workplace.desktop"


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Any]:
    from tests.stack.demo_services import DemoServices

    services = DemoServices(tmp_path / "demo", fixed_ports=False).start()
    yield services
    services.close()


@pytest.fixture
def desktop_env(xvfb_display: str, tmp_path: Path, demo: Any) -> dict[str, str]:
    """The environment of a user session whose desktop knows the installed launcher."""
    tenant = tmp_path / "tenant.json"
    tenant.write_text(json.dumps(demo.tenant()), encoding="utf-8")
    browser_log = tmp_path / "browser.log"
    browser = tmp_path / "browser"
    browser.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{browser_log}"\n', encoding="utf-8")
    browser.chmod(browser.stat().st_mode | stat.S_IXUSR)
    env = {k: v for k, v in os.environ.items()
           if k not in ("XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
                        "GNOME_DESKTOP_SESSION_ID", "XDG_SESSION_DESKTOP")}
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        assert var in env  # the isolated directories of tests/conftest.py
    applications = Path(env["XDG_DATA_HOME"]) / "applications"
    applications.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "packaging" / "linux" / DESKTOP_FILE, applications / DESKTOP_FILE)
    tool = shutil.which("update-desktop-database")
    assert tool, "update-desktop-database is missing: run scripts/bootstrap.sh"
    subprocess.run([tool, str(applications)], check=True)
    env.update(
        DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb", LANG="de_DE.UTF-8",
        XDG_DATA_DIRS=str(tmp_path / "no-system-data"),
        WORKPLACE_CONFIG=str(tenant), BROWSER=str(browser),
        BROWSER_LOG=str(browser_log),
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}",
    )
    return env


def xdg_open(env: dict[str, str], link: str) -> None:
    tool = shutil.which("xdg-open")
    assert tool, "xdg-open is missing: run scripts/bootstrap.sh (xdg-utils)"
    run = subprocess.run([tool, link], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr


def opened(env: dict[str, str], count: int | None = None) -> list[str]:
    """What $BROWSER was asked to open; with ``count``, wait until that many (the launch
    runs in a job after the launcher logged the link as followed)."""
    log = Path(env["BROWSER_LOG"])
    deadline = time.monotonic() + 30
    while True:
        seen = log.read_text(encoding="utf-8").split() if log.exists() else []
        if count is None or len(seen) >= count:
            return seen
        if time.monotonic() > deadline:
            pytest.fail(f"the browser was asked to open {seen}, expected {count} addresses")
        time.sleep(0.05)  # a condition on another process's file: polled, with a deadline


def followed(launcher: Launcher) -> dict[str, Any]:
    return launcher.wait_for("links.followed", timeout=60)


def page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as answer:  # the demo, on loopback
        return str(answer.read().decode("utf-8"))


def test_links_from_the_desktop_reach_the_running_launcher(
    desktop_env: dict[str, str], demo: Any, screenshot: Any
) -> None:
    env = desktop_env
    query = subprocess.run(
        [shutil.which("xdg-mime") or "xdg-mime", "query", "default", "x-scheme-handler/mailto"],
        env=env, capture_output=True, text=True, check=True)
    assert query.stdout.strip() == DESKTOP_FILE

    with run_launcher(env) as launcher:
        launcher.wait_for("window.first_paint")  # the central catalog has arrived

        xdg_open(env, "mailto:erika@musterstadt.example?subject=Test")
        assert followed(launcher)["kind"] == "mail"
        [compose] = opened(env, 1)
        assert compose.startswith(demo.services["mail"].url + "compose?")
        view = page(compose)
        assert "value='erika@musterstadt.example'" in view
        assert "value='Test'" in view

        xdg_open(env, "arbeitsplatz://open/calendar")
        assert followed(launcher)["service"] == "calendar"
        assert opened(env, 2)[-1] == demo.services["calendar"].url

        xdg_open(env, "matrix:r/rathaus:musterstadt.example")
        assert followed(launcher)["kind"] == "chat"
        chat = opened(env, 3)[-1]
        assert chat == demo.services["chat"].url + "#/room/#rathaus:musterstadt.example"
        assert "<h1>Chat</h1>" in page(chat.split("#", 1)[0])  # the fragment stays in the browser

        xdg_open(env, "arbeitsplatz://open/reisekosten")
        assert followed(launcher)["reason"] == "unknown-service"
        screenshot(env["DISPLAY"], "links-unknown-service.png")
        assert len(opened(env)) == 3

        # No link's content in the log: a mail's recipients stay private.
        assert not [e for e in launcher.seen if "erika@" in json.dumps(e)]


def test_a_link_starts_the_launcher_when_none_runs(
    desktop_env: dict[str, str], demo: Any
) -> None:
    """The first start ever (no copy of the central catalog): the link waits for it."""
    env = desktop_env
    with run_launcher(env, "arbeitsplatz://open/calendar") as launcher:
        launcher.wait_for("links.waiting")
        assert followed(launcher)["service"] == "calendar"
        assert opened(env, 1) == [demo.services["calendar"].url]
        assert urlsplit(opened(env)[0]).hostname == "127.0.0.1"
