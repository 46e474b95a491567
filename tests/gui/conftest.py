# SPDX-License-Identifier: EUPL-1.2
"""GUI fixtures: the real window (offscreen) on the isolated XDG dirs of tests/conftest.py."""

from __future__ import annotations

import os
import stat
import webbrowser
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from workplace import i18n_build
from workplace.app import Workplace, no_auth
from workplace.ui.gui import Gui, create_app
from workplace.ui.jobs import Jobs
from workplace.ui.netwatch import NetworkWatch, OsNetwork


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The .qm files, as the install step builds them."""
    assert i18n_build.main() == 0


def write_preferences(xdg: dict[str, Path], text: str) -> Path:
    folder = xdg["XDG_CONFIG_HOME"] / "workplace"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "preferences.toml"
    path.write_text("version = 1\n" + text, encoding="utf-8")
    return path


@pytest.fixture
def browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A real $BROWSER program that appends its arguments to a file; returns that file."""
    log = tmp_path / "browser.log"
    script = tmp_path / "fake-browser"
    script.write_text(
        "#!/bin/sh\n"
        f'for a in "$@"; do printf "%s\\n" "$a" >> "{log}"; done\n'
        'exit "${FAKE_BROWSER_EXIT:-0}"\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("BROWSER", str(script))
    # webbrowser reads $BROWSER once per process; make it read ours.
    monkeypatch.setattr(webbrowser, "_tryorder", None)
    monkeypatch.setattr(webbrowser, "_browsers", {})
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    return log


def opened_urls(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").split() if log.exists() else []


GuiFactory = Callable[..., Gui]


@pytest.fixture(autouse=True)
def no_window_left_on_screen(qapp: Any) -> Iterator[None]:
    """Each test closes the windows it opened. One left on screen lives on into the next
    tests (until an event loop happens to delete it) and follows what they change: when
    a later test changed the application font, the settings dialogs left open resized
    themselves and the offscreen platform warned "This plugin does not support
    propagateSizeHints()" in that other test."""
    yield
    from PySide6.QtWidgets import QApplication

    left = [f"{type(w).__name__} {w.windowTitle()!r}"
            for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not left, f"windows left on screen after the test: {left}"


@pytest.fixture(autouse=True)
def pointer_outside(qapp: Any) -> None:
    """The pointer starts outside every window. Where an earlier test left it, it would
    hover the new window's tiles, and the tiles hold their rows while hovered."""
    from PySide6.QtGui import QCursor

    QCursor.setPos(-1000, -1000)


@pytest.fixture
def make_gui(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[GuiFactory]:
    """Build the real window: ``make_gui(config=Path|None, synchronous=True, auth=False,
    status=False)``.

    ``auth=False`` leaves sign-in out (the tile tests); ``auth=True`` uses the real
    ``app.build_auth`` (see test_signin.py). ``status=False`` leaves the connection
    profile, probes and catalog refresh out (the demo's addresses are not reachable);
    ``status=True`` runs them with the OS's network view replaced by ``os_network``.
    """
    built: list[Gui] = []

    def factory(
        config: Path | None = None,
        *,
        synchronous: bool = True,
        auth: bool = False,
        status: bool = False,
        os_network: OsNetwork | None = None,
    ) -> Gui:
        if config is not None:
            monkeypatch.setenv("WORKPLACE_CONFIG", str(config))
        override = (
            Path(os.environ["WORKPLACE_CONFIG"]) if "WORKPLACE_CONFIG" in os.environ else None
        )
        app = create_app()
        workplace = Workplace.build(override)
        if not auth:
            workplace.auth_factory = no_auth
        watch = NetworkWatch(use_os=False)
        watch.forced = os_network or OsNetwork("online")
        gui = Gui(
            app,
            workplace,
            jobs=Jobs(synchronous=synchronous),
            use_tray=False,
            save_state=False,
            status=status,
            watch=watch,
        )
        qtbot.addWidget(gui.window)
        gui.window.resize(1100, 720)
        gui.show()
        qtbot.waitExposed(gui.window)
        built.append(gui)
        return gui

    yield factory
    for gui in built:
        gui.dispose()
        # A job still running would deliver into the next test (and a Qt warning
        # there would fail the wrong test).
        assert gui.jobs.wait(30_000), "jobs of the GUI still running after the test"
