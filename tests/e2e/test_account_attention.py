# SPDX-License-Identifier: EUPL-1.2
"""Issue 11 (the audit): after signing in in the browser, the launcher comes back.

The real ``workplace`` program under Xvfb with the openbox window manager and the test
identity provider. ``$BROWSER`` is a wrapper that first opens a window standing in for
the browser (xmessage), makes it the active window as a browser does when it opens a
page, and then lets tests/stack/fake_browser.py sign in like a person. When the sign-in
has completed, the launcher must be the active window again, or carry the urgency mark
(``_NET_WM_STATE_DEMANDS_ATTENTION``) where the window manager keeps the focus where it
is; and a screen reader hears "Angemeldet als Erika Mustermann" (an AT-SPI
``object:announcement``, read with pyatspi under the system Python, as Orca does).
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import SCREENSHOTS, grab_screen, run_launcher
from tests.support.keyringd import tool, xvfb

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "stack"))

from fake_browser import write_launcher  # noqa: E402
from provider import TestProvider  # noqa: E402

# Its own waits (`workplace login` up to 120 s, waits of up to 60 s for the launcher) add up
# past the suite's 120 s per test.
pytestmark = [pytest.mark.e2e, pytest.mark.integration, pytest.mark.timeout(600)]

DEADLINE_S = 60.0
STAND_IN = "Browser stand-in"
LISTENER = '''
import json, sys
import pyatspi

def on_event(event):
    data = event.any_data
    print(json.dumps({"type": str(event.type), "text": data if isinstance(data, str) else ""},
                     ensure_ascii=False), flush=True)

pyatspi.Registry.registerEventListener(on_event, "object:announcement")
print(json.dumps({"ready": True}), flush=True)
pyatspi.Registry.start()
'''


def wait_until(condition: Callable[[], Any], what: str, timeout: float = DEADLINE_S) -> Any:
    """Poll ``condition`` until it is true (a state read from X or the log, not a delay)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {timeout:.0f} s", pytrace=False)
        time.sleep(0.05)


def x(display: str, *args: str) -> str:
    run = subprocess.run(list(args), env=dict(os.environ, DISPLAY=display),
                         capture_output=True, text=True, timeout=30, check=False)
    return run.stdout.strip()


@pytest.fixture(scope="module")
def provider() -> Iterator[TestProvider]:
    with TestProvider() as running:
        yield running


@pytest.fixture
def desktop() -> Iterator[str]:
    """Xvfb with the openbox window manager (focus and activation as on a desktop)."""
    with xvfb() as display:
        openbox = subprocess.Popen([tool("openbox"), "--sm-disable"],
                                   env=dict(os.environ, DISPLAY=display),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until(lambda: "window id" in x(display, tool("xprop"), "-root",
                                                 "_NET_SUPPORTING_WM_CHECK"),
                       "openbox managing the display")
            yield display
        finally:
            openbox.terminate()
            openbox.wait(timeout=10)


class Announcements:
    """The AT-SPI bus of the test session and a listener for announcements on it."""

    def __init__(self) -> None:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("PYTHON", "VIRTUAL_ENV", "PYTEST")) and k != "DISPLAY"}
        self._bus = subprocess.Popen(
            ["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"], env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        self._proc = subprocess.Popen(
            ["/usr/bin/python3", "-c", LISTENER],  # Debian's pyatspi is for this Python
            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            encoding="utf-8")
        self._lines: queue.Queue[dict[str, Any]] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        threading.Thread(target=self._pump, daemon=True).start()
        ready = self._lines.get(timeout=DEADLINE_S)
        assert ready == {"ready": True}, ready

    def _pump(self) -> None:
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            self._lines.put(json.loads(line))

    def texts(self) -> list[str]:
        while not self._lines.empty():
            self.seen.append(self._lines.get())
        return [e["text"] for e in self.seen if e.get("type") == "object:announcement"]

    def close(self) -> None:
        self._proc.terminate()
        self._proc.wait(timeout=10)
        if self._proc.stdout is not None:
            self._proc.stdout.close()
        os.killpg(self._bus.pid, signal.SIGTERM)  # the launcher, its bus and registry
        self._bus.wait(timeout=10)


def _environment(tmp_path: Path, provider: TestProvider, display: str) -> dict[str, str]:
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
    (tmp_path / "config" / "workplace").mkdir()
    (tmp_path / "config" / "workplace" / "preferences.toml").write_text(
        'version = 1\nlanguage = "de"\n', encoding="utf-8")
    # The browser: a window of its own takes the focus, then the sign-in runs.
    browser = tmp_path / "browser"
    browser.write_text(
        "#!/bin/sh\n"
        # Its own output, not the launcher's (whose log the test reads to the end).
        f'"{tool("xmessage")}" -title "{STAND_IN}" "Anmeldeseite" </dev/null >/dev/null 2>&1 &\n'
        f'echo $! > "{tmp_path / "stand-in.pid"}"\n'
        f'"{tool("xdotool")}" search --sync --onlyvisible --name "{STAND_IN}" '
        "windowactivate --sync\n"
        f'exec "{write_launcher(tmp_path)}" "$@"\n', encoding="utf-8")
    browser.chmod(0o755)
    env.update(
        WORKPLACE_CONFIG=str(tenant), BROWSER=str(browser),
        FAKE_BROWSER_VISITS=str(tmp_path / "visits.txt"), LANG="de_DE.UTF-8",
        DISPLAY=display, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
    )
    return env


def test_after_the_browser_sign_in_the_launcher_comes_back(
    desktop: str, tmp_path: Path, provider: TestProvider
) -> None:
    env = _environment(tmp_path, provider, desktop)
    announcements = Announcements()
    try:
        with run_launcher(env) as launcher:
            assert launcher.wait_for("auth.state")["status"] == "signed_out"
            window = wait_until(lambda: x(desktop, tool("xdotool"), "search",
                                           "--onlyvisible", "--pid", str(launcher.proc.pid)),
                                "the launcher's window").split()[0]
            x(desktop, tool("xdotool"), "windowactivate", "--sync", window)
            # The focus is on "Mit Musterstadt anmelden"; Enter, as a keyboard user.
            x(desktop, tool("xdotool"), "key", "Return")
            assert launcher.wait_for("auth.state")["status"] == "signed_in"

            def back() -> bool:
                active = x(desktop, tool("xdotool"), "getactivewindow")
                state = x(desktop, tool("xprop"), "-id", window, "_NET_WM_STATE")
                return active == window or "_NET_WM_STATE_DEMANDS_ATTENTION" in state

            wait_until(back, "the launcher active again or asking for attention")
            grab_screen(desktop, SCREENSHOTS / "signed-in-launcher-back.png")
            wait_until(lambda: "Angemeldet als Erika Mustermann" in announcements.texts(),
                       "the announcement of who is signed in", timeout=20)
    finally:
        announcements.close()
        stand_in = tmp_path / "stand-in.pid"
        if stand_in.exists():
            os.kill(int(stand_in.read_text()), signal.SIGTERM)
        subprocess.run([sys.executable, "-m", "workplace", "logout"], cwd=ROOT,
                       env=dict(env, BROWSER=str(tmp_path / "fake-browser")), capture_output=True,
                       timeout=120,
                       check=False)
