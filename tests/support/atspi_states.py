# SPDX-License-Identifier: EUPL-1.2
"""The launcher in the states the AT-SPI checks read: signed out, signed in; two looks.

:class:`Windows` opens one real launcher per state when a test first asks for it and
keeps it open for the rest of the test module, so each state starts once.

- Signed out: the demo organisation (tests/stack/demo.py ``demo_tenant``) on a test
  identity provider nobody signs in to.
- Signed in: the same on a second provider; ``workplace login`` (the fake browser fills
  the form, tests/stack/fake_browser.py) puts the session into the test session's
  gnome-keyring once, and every signed-in window restores it from there. The provider's
  access tokens last an hour, so no window refreshes (and rotates) the refresh token
  another window holds.
- The services are the provider's ``/demo/<id>`` pages; the fake browser ($BROWSER)
  records each opened path, so a launch is seen as ``/demo/<id>``.
- ``with_outage``: the health addresses are the demo services' own servers
  (tests/stack/demo_services.py), one per service, so a test can stop one.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.support.atspi import AccessibleWindow, Desktop, Node, Reader

ROOT = Path(__file__).resolve().parents[2]
STACK = ROOT / "tests" / "stack"
if str(STACK) not in sys.path:
    sys.path.insert(0, str(STACK))

from demo import demo_tenant  # noqa: E402
from demo_services import DemoServices  # noqa: E402
from fake_browser import write_launcher  # noqa: E402
from provider import TestProvider  # noqa: E402

BUILTIN = tomllib.loads((ROOT / "resources/tenants/musterstadt.toml").read_text(encoding="utf-8"))
FAVOURITE = "chat"
"""A favourite in the signed-in windows: its tile shows a star, and a "Favourites" section."""


@dataclass(frozen=True)
class Look:
    """Language and colours of a window (the user's preferences)."""

    language: str
    theme: str
    high_contrast: bool

    @property
    def id(self) -> str:
        return f"{self.theme}{'-high-contrast' if self.high_contrast else ''}-{self.language}"


LOOKS = (Look("de", "light", False), Look("en", "dark", True))


def service_names(language: str) -> dict[str, str]:
    """Service id -> the name its tile shows in ``language``."""
    return {s["id"]: s["name"][language] for s in BUILTIN["services"]}


def category_names(language: str) -> list[str]:
    return [c["name"][language] for c in BUILTIN["categories"]]


def _clean_environment() -> dict[str, str]:
    """This process's environment without what would reach a user's real desktop
    (as tests/conftest.py ``isolated_xdg`` does for each test)."""
    env = dict(os.environ)
    for var in ("WORKPLACE_CONFIG", "XDG_CURRENT_DESKTOP", "PYTHON_KEYRING_BACKEND",
                "http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        env.pop(var, None)
        env.pop(var.upper(), None)
    return env


class Windows:
    """The launchers of one test module, opened on first use, closed by ``close``."""

    def __init__(self, reader: Reader, base: Path) -> None:
        self.reader = reader
        self.base = base
        self._stack = contextlib.ExitStack()
        self._open: dict[str, AccessibleWindow] = {}
        self._providers: dict[str, TestProvider] = {}
        self.demo: DemoServices | None = None

    def close(self) -> None:
        self._stack.close()

    # -- the stack --------------------------------------------------------------------

    def _provider(self, kind: str) -> TestProvider:
        if kind not in self._providers:
            provider = TestProvider(access_ttl=3600).start()
            self._stack.callback(provider.stop)
            self._providers[kind] = provider
            if kind == "signed_in":
                self._sign_in(provider)
        return self._providers[kind]

    def _sign_in(self, provider: TestProvider) -> None:
        """``workplace login`` once: the session goes to the keyring for every window."""
        home = self.base / "login"
        env = self._environment(home, demo_tenant(provider.issuer), Look("de", "light", False))
        env["FAKE_BROWSER_ACTION"] = "login"
        done = subprocess.run([sys.executable, "-m", "workplace", "login"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=110, check=False)
        if done.returncode != 0 or done.stdout.strip() != "Erika Mustermann":
            pytest.fail(f"workplace login failed ({done.returncode}): {done.stdout} {done.stderr}",
                        pytrace=False)

        def sign_out() -> None:
            subprocess.run([sys.executable, "-m", "workplace", "logout"], cwd=ROOT, env=env,
                           capture_output=True, timeout=110, check=False)

        self._stack.callback(sign_out)

    def _environment(self, home: Path, tenant: dict[str, Any], look: Look) -> dict[str, str]:
        home.mkdir(parents=True, exist_ok=True)
        env = _clean_environment()
        for var, name in (("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"),
                          ("XDG_STATE_HOME", "state"), ("XDG_DATA_HOME", "data"),
                          ("XDG_CONFIG_DIRS", "etc-xdg"), ("XDG_RUNTIME_DIR", "runtime")):
            (home / name).mkdir(exist_ok=True)
            env[var] = str(home / name)
        (home / "runtime").chmod(0o700)
        prefs = home / "config" / "workplace" / "preferences.toml"
        prefs.parent.mkdir(parents=True, exist_ok=True)
        prefs.write_text(
            f'version = 1\nlanguage = "{look.language}"\ntheme = "{look.theme}"\n'
            f"high_contrast = {str(look.high_contrast).lower()}\n"
            f'favourites = ["{FAVOURITE}"]\n', encoding="utf-8")
        tenant_file = home / "tenant.json"
        tenant_file.write_text(json.dumps(tenant, ensure_ascii=False), encoding="utf-8")
        env.update(
            WORKPLACE_CONFIG=str(tenant_file),
            BROWSER=str(write_launcher(home)),
            FAKE_BROWSER_VISITS=str(home / "visits.txt"),
            FAKE_BROWSER_ACTION="ignore",  # a launch is recorded, nothing is fetched
            LANG="de_DE.UTF-8" if look.language == "de" else "en_US.UTF-8",
        )
        return env

    # -- the windows ------------------------------------------------------------------

    def signed_out(self, look: Look) -> AccessibleWindow:
        """The sign-in page."""
        return self._window(f"signed-out-{look.id}", "signed_out", look)

    def signed_in(self, look: Look, purpose: str = "") -> AccessibleWindow:
        """The signed-in window with its tiles. A test that changes the window (opens a
        service) names a ``purpose``: it gets a window of its own."""
        return self._window(f"signed-in-{look.id}{'-' + purpose if purpose else ''}",
                            "signed_in", look)

    def with_outage(self, look: Look) -> tuple[AccessibleWindow, DemoServices]:
        """A signed-in window whose services' health each has a server a test can stop."""
        if self.demo is None:
            demo = DemoServices(self.base / "demo", catalog=False, fixed_ports=False).start()
            self._stack.callback(demo.close)
            self.demo = demo

        def tenant(issuer: str) -> dict[str, Any]:
            assert self.demo is not None
            data = demo_tenant(issuer)
            for service in data["services"]:
                service["health_url"] = self.demo.services[service["id"]].url + "health"
            return data

        return self._window(f"outage-{look.id}", "signed_in", look, tenant), self.demo

    def _window(self, name: str, state: str, look: Look,
                tenant: Callable[[str], dict[str, Any]] = demo_tenant) -> AccessibleWindow:
        if name in self._open:
            return self._open[name]
        from tests.e2e.conftest import run_launcher

        provider = self._provider(state)
        home = self.base / name
        data = tenant(provider.issuer)
        # What the window says of each service is read, not how fast it answered: a
        # stalled machine must not make the one-process demo "unreachable" for a round.
        data["network"] = {**data.get("network", {}),
                           "slow_threshold_ms": 60000, "probe_budget_seconds": 60}
        env = self._environment(home, data, look)
        desktop = Desktop(home / "desktop")
        self._stack.callback(desktop.close)
        env.update(DISPLAY=desktop.display, QT_QPA_PLATFORM="xcb",
                   QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
        launcher = self._stack.enter_context(run_launcher(env))
        window = AccessibleWindow(launcher, self.reader, desktop)
        window.visits_file = Path(env["FAKE_BROWSER_VISITS"])  # type: ignore[attr-defined]
        window.look = look  # type: ignore[attr-defined]
        auth = log_event(launcher, "auth.state", lambda e: True)
        if auth.get("status") != state:
            pytest.fail(f"{name}: the launcher started {auth.get('status')}, not {state}: {auth}",
                        pytrace=False)
        if state == "signed_in":  # the tiles show a status once every service is checked
            services = len(BUILTIN["services"])
            log_event(launcher, "status.round",
                      lambda e: sum(e.get("states", {}).values()) == services
                      and not e["states"].get("not_checked") and not e["states"].get("unreachable"))
        window.activate()
        self._open[name] = window
        return window


def log_event(launcher: Any, name: str, predicate: Callable[[dict[str, Any]], bool],
              timeout: float = 90) -> dict[str, Any]:
    """The first log entry ``name`` of the launcher (already read or still to come) for
    which ``predicate`` holds."""
    for entry in launcher.seen:
        if entry.get("event") == name and predicate(entry):
            return entry
    while True:
        entry = launcher.wait_for(name, timeout)
        if predicate(entry):
            return entry


def visits(window: AccessibleWindow) -> list[str]:
    """The paths the fake browser was asked to open by this window."""
    path: Path = window.visits_file  # type: ignore[attr-defined]
    return path.read_text(encoding="utf-8").split() if path.exists() else []


def tiles(tree: Node, language: str) -> dict[str, list[Node]]:
    """Service id -> the objects that are its tiles: named with the service's name (alone
    or followed by more, e.g. "E-Mail, erreichbar"), not a label or heading."""
    names = service_names(language)
    found: dict[str, list[Node]] = {sid: [] for sid in names}
    for node in tree.walk():
        if node.role in ("label", "heading", "static", "text", "application", "frame"):
            continue
        for sid, name in names.items():
            if node.name == name or node.name.startswith((name + ",", name + ":", name + " –")):
                found[sid].append(node)
    return found
