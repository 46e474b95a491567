# SPDX-License-Identifier: EUPL-1.2
"""What is waiting, as a new user of ``make run`` sees it: the real program under Xvfb
(with openbox), the real test identity provider, the demo services signing in for real,
the demo's OX App Suite API (a STAND-IN shaped like OX's documented API: OX cannot run
here), and a real freedesktop notification service (dunst) on the test's session bus.

Signed in once, the E-Mail tile shows the unread count; a delivered mail raises it and
a notification arrives; a meeting starting in 3 minutes brings its reminder with Join,
and Join opens the meeting room, signed in to the video service without a password;
with do-not-disturb on, the next mail is held back. Screenshots of each step go to
build/screenshots/waiting-*.png.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import SCREENSHOTS, Launcher, grab_screen, run_launcher
from tests.support.atspi import Desktop, poll_until, tool
from tests.support.atspi_states import log_event

ROOT = Path(__file__).resolve().parents[2]
STACK = ROOT / "tests" / "stack"
sys.path.insert(0, str(STACK))

from demo_services import DemoServices  # noqa: E402
from fake_browser import write_launcher  # noqa: E402
from provider import TestProvider  # noqa: E402

# Its own waits (`workplace login` up to 120 s, waits of up to 60 s for the launcher) add up
# past the suite's 120 s per test.
pytestmark = [pytest.mark.e2e, pytest.mark.integration, pytest.mark.timeout(600)]

WAIT_S = 60


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Desktop]:
    for program in ("Xvfb", "openbox", "xdotool", "dunst", "dunstctl"):
        if shutil.which(program) is None:
            pytest.fail(f"{program} is not installed: run `make setup`")
    screen = Desktop(tmp_path / "desktop")
    try:
        yield screen
    finally:
        screen.close()


@pytest.fixture
def dunst(desktop: Desktop, tmp_path: Path) -> Iterator[Path]:
    """A real notification service on the Xvfb screen. Its context menu (where a
    notification's actions are) asks a "dmenu" program: this one picks Join."""
    pick = tmp_path / "pick-join"
    pick.write_text('#!/bin/sh\nexec grep -m1 -i -E "teilnehmen|join"\n', encoding="utf-8")
    pick.chmod(0o755)
    config = tmp_path / "dunstrc"
    config.write_text(
        "[global]\n"
        "    font = DejaVu Sans 11\n"
        "    origin = top-right\n"
        "    offset = 16x60\n"
        "    width = 380\n"
        f"    dmenu = {pick}\n"
        "    show_indicators = yes\n"
        "[urgency_normal]\n"
        "    timeout = 0\n"  # stays until dismissed: the screenshots show it
        "    background = \"#23272e\"\n"
        "    foreground = \"#ffffff\"\n", encoding="utf-8")
    env = dict(os.environ, DISPLAY=desktop.display)
    log = (tmp_path / "dunst.log").open("wb")
    proc = subprocess.Popen([tool("dunst"), "-config", str(config)], env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    try:
        # Asked on the bus, not through dunstctl: a call to the service before dunst
        # owns its name would have D-Bus start another one (without the display).
        running = poll_until(_service_running, WAIT_S)
        assert running, (tmp_path / "dunst.log").read_text(errors="replace")
        yield tmp_path / "dunst.log"
    finally:
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(10)
        log.close()


def _service_running() -> bool:
    done = subprocess.run(
        [tool("dbus-send"), "--session", "--print-reply", "--dest=org.freedesktop.DBus",
         "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
         "string:org.freedesktop.Notifications"],
        capture_output=True, text=True, timeout=30, check=False)
    return "boolean true" in done.stdout


def _dunstctl(desktop: Desktop, *args: str) -> str:
    done = subprocess.run([tool("dunstctl"), *args], env=dict(os.environ, DISPLAY=desktop.display),
                          capture_output=True, text=True, timeout=30, check=False)
    return done.stdout.strip()


def _displayed(desktop: Desktop) -> int:
    """How many notifications are on the screen now."""
    text = _dunstctl(desktop, "count", "displayed")
    return int(text) if text.isdigit() else 0


def _shown(desktop: Desktop) -> list[dict[str, str]]:
    """Every notification dunst showed, newest first (those on screen are closed first:
    dunst's history holds the closed ones)."""
    _dunstctl(desktop, "close-all")
    found = []
    history = json.loads(_dunstctl(desktop, "history") or '{"data": [[]]}')
    for entry in history["data"][0]:
        found.append({key: str(entry[key]["data"]) for key in ("summary", "body", "appname")
                      if key in entry})
    return found


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[TestProvider, DemoServices]]:
    with TestProvider(state_file=tmp_path / "provider-state.json") as provider:
        services = DemoServices(tmp_path / "demo", fixed_ports=False, issuer=provider.issuer)
        services.start()
        try:
            yield provider, services
        finally:
            services.close()


def _environment(tmp_path: Path, services: DemoServices, desktop: Desktop) -> dict[str, str]:
    tenant = tmp_path / "tenant.json"
    tenant.write_text(json.dumps(services.tenant(services.issuer)), encoding="utf-8")
    env = dict(os.environ)
    for var, name in (("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"),
                      ("XDG_STATE_HOME", "state")):
        (tmp_path / name).mkdir(exist_ok=True)
        env[var] = str(tmp_path / name)
    (tmp_path / "config" / "workplace").mkdir(exist_ok=True)
    env.update(
        WORKPLACE_CONFIG=str(tenant), BROWSER=str(write_launcher(tmp_path)),
        FAKE_BROWSER_COOKIES=str(tmp_path / "cookies.txt"),
        FAKE_BROWSER_PAGE=str(tmp_path / "page.html"),
        FAKE_BROWSER_VISITS=str(tmp_path / "visits.txt"),
        LANG="de_DE.UTF-8", DISPLAY=desktop.display, QT_QPA_PLATFORM="xcb")
    return env


def _preferences(env: dict[str, str], text: str = "") -> None:
    path = Path(env["XDG_CONFIG_HOME"]) / "workplace" / "preferences.toml"
    path.write_text('version = 1\nlanguage = "de"\n' + text, encoding="utf-8")


def _reading(launcher: Launcher, integration: str, **wanted: Any) -> dict[str, Any]:
    while True:
        entry = launcher.wait_for("waiting.reading", timeout=WAIT_S)
        if entry.get("integration") == integration and all(
                entry.get(k) == v for k, v in wanted.items()):
            return entry


def _press(desktop: Desktop, launcher: Launcher, key: str) -> None:
    """A key in the launcher's window, as the user presses it (the window has the focus)."""
    found = desktop.xdotool("search", "--sync", "--onlyvisible", "--pid", str(launcher.proc.pid))
    window = found.split()[-1]
    desktop.xdotool("windowactivate", "--sync", window)
    desktop.xdotool("key", "--clearmodifiers", key)


def _open_account_menu(desktop: Desktop, launcher: Launcher) -> None:
    """Click the account button at the header's right end, as the user would."""
    found = desktop.xdotool("search", "--sync", "--onlyvisible", "--pid", str(launcher.proc.pid))
    window = found.split()[-1]
    geometry = desktop.xdotool("getwindowgeometry", "--shell", window)
    values = dict(line.split("=", 1) for line in geometry.split())
    desktop.xdotool("mousemove", "--window", window, str(int(values["WIDTH"]) - 110), "34",
                    "click", "1")


def _shot(desktop: Desktop, name: str) -> Path:
    return grab_screen(desktop.display, SCREENSHOTS / f"waiting-{name}.png")


def test_badge_notification_reminder_join_and_do_not_disturb(
    desktop: Desktop, dunst: Path, demo: tuple[TestProvider, DemoServices], tmp_path: Path,
) -> None:
    _provider, services = demo
    env = _environment(tmp_path, services, desktop)
    _preferences(env)
    login = subprocess.run([sys.executable, "-m", "workplace", "login"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=120)
    assert login.returncode == 0, login.stderr
    try:
        with run_launcher(env) as launcher:
            _reading(launcher, "mail", availability="ok", badge=3)
            # The tiles' status, before the picture: a round over every service (it may
            # have come while the mail reading was awaited: the entries seen count too).
            log_event(launcher, "status.round", lambda e: not e["states"].get("not_checked")
                      and sum(e["states"].values()) == len(services.services), WAIT_S)
            _shot(desktop, "1-badge")

            # A new mail: F5 checks at once (otherwise the next check, within a minute).
            services.deliver()
            _press(desktop, launcher, "F5")
            _reading(launcher, "mail", badge=4)
            # The notification service is looked for when there is first something to say.
            backend = launcher.wait_for("notify.backend", timeout=WAIT_S)
            assert backend["backend"] == "freedesktop" and backend["actions"], backend
            shown = launcher.wait_for("notify.shown", timeout=WAIT_S)
            assert (shown["backend"], shown["held"]) == ("freedesktop", False), shown
            assert poll_until(lambda: _displayed(desktop) == 1, WAIT_S)
            _shot(desktop, "2-new-mail")
            assert any(n.get("body") == "1 neue E-Mail · 4 ungelesen" for n in _shown(desktop))

            # A meeting in 3 minutes: its reminder (5 minutes before) is due at once.
            meeting = services.meeting(minutes=3)
            _press(desktop, launcher, "F5")
            reminder = launcher.wait_for("notify.shown", timeout=WAIT_S)
            assert reminder["join"] is True, reminder
            assert poll_until(lambda: _displayed(desktop) == 1, WAIT_S)
            _shot(desktop, "3-reminder")

            # Join in the notification: the meeting room opens in the browser, signed in
            # to the video service through the provider's session, no password.
            _dunstctl(desktop, "context")
            clicked = launcher.wait_for("notify.clicked", timeout=WAIT_S)
            assert clicked["action"] == "join", clicked
            page = Path(env["FAKE_BROWSER_PAGE"])
            assert poll_until(lambda: page.exists() and "Besprechungsraum" in page.read_text(
                encoding="utf-8"), WAIT_S), "the meeting room did not open"
            text = page.read_text(encoding="utf-8")
            assert "Angemeldet als Erika Mustermann" in text
            assert any(n.get("summary") == meeting["title"] for n in _shown(desktop))
        assert not launcher.problems, launcher.problems

        # The next day the user has switched on do not disturb (the tray, the account
        # menu or the settings keep it): a new mail raises the badge, no notification.
        _preferences(env, "do_not_disturb = true\n")
        before = len(_shown(desktop))
        with run_launcher(env) as launcher:
            _reading(launcher, "mail", availability="ok", badge=4)
            services.deliver()
            _press(desktop, launcher, "F5")
            _reading(launcher, "mail", badge=5)
            # Held back: the new mail, and the meeting's reminder once more (reminders
            # given are remembered in memory only, not across starts).
            held = launcher.wait_for("notify.held", timeout=WAIT_S)
            assert held["held"] >= 1
            _open_account_menu(desktop, launcher)  # "Nicht stören" is ticked there
            _shot(desktop, "4-do-not-disturb")
            desktop.xdotool("key", "Escape")
            assert len(_shown(desktop)) == before
        assert not [e for e in launcher.seen if e.get("event") == "notify.shown"]
        assert not launcher.problems, launcher.problems
    finally:
        subprocess.run([sys.executable, "-m", "workplace", "logout"], cwd=ROOT, env=env,
                       capture_output=True, timeout=120, check=False)
