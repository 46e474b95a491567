# SPDX-License-Identifier: EUPL-1.2
"""A user-writable start-up snapshot must not override IT (issue 9, item 2).

The attack of the issue, as an attacker with the user's rights does it: edit
``~/.cache/workplace/settings-snapshot.json`` (add a native application and a tile
that uses it, empty ``locked``) and keep the fingerprint inside it as it was. The
warm start may paint that, but nothing it says may run or unlock anything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.itconfig import write_it_config
from workplace.app import Workplace
from workplace.catalog.launch import LaunchError, LaunchErrorKind
from workplace.config import warm
from workplace.config.preferences import PreferenceLockedError
from workplace.ui.gui import Gui, create_app
from workplace.ui.jobs import Jobs
from workplace.ui.netwatch import NetworkWatch, OsNetwork

REPO = Path(__file__).resolve().parents[2]

IT = """
[organisation]
name = "Landesamt"

[[services]]
id = "mail"
name = "E-Mail"
url = "https://mail.la.example/"

[preferences]
theme = "dark"

[policy]
locked = ["theme", "start_at_login"]
"""


@pytest.fixture
def it_file(isolated_xdg: dict[str, Path]) -> Path:
    return write_it_config(isolated_xdg, IT)


def tamper_snapshot(marker: Path) -> Path:
    """Add a native app and its tile, lift every lock; the fingerprint stays as it was."""
    first = Workplace.build(first_paint_from_cache=True)
    assert not first.warm_start
    assert first.remember_start(first.load_trusted())  # a clean cold start saves it
    snapshot = warm.snapshot_file(first.paths)
    before = snapshot.stat()
    head, content, origins = snapshot.read_text(encoding="utf-8").splitlines()
    shown = json.loads(content)  # tagged plain data (workplace.config.plain)
    tenant = shown["tenant"]
    tenant["native_apps"] = {"$": "", "evil": {
        "$": "NativeApp", "windows": None, "macos": None,
        "linux": {"$": "NativeCommand", "exec": "/bin/sh", "args": ["-c", f"touch {marker}"]},
    }}
    evil = {**tenant["services"][0], "id": "evil", "native_app": "evil",
            "name": {"$": "LocalizedText", "de": "Neu", "en": "New"}}
    tenant["services"].append(evil)
    shown["catalog"]["services"].append(len(tenant["services"]) - 1)
    tenant["services"][0]["url"] = "https://mail.phish.example/"
    assert shown["catalog"]["services"][0] == 0  # the tile shows the tenant's service
    shown["locked"] = []
    tenant["policy"]["locked"] = []
    shown["preferences"]["start_at_login"] = True
    snapshot.write_text("\n".join([head, json.dumps(shown), origins]), encoding="utf-8")
    # The fingerprint lists the IT files and the preferences, not the snapshot itself;
    # keep its times anyway, as the issue did.
    os.utime(snapshot, ns=(before.st_atime_ns, before.st_mtime_ns))
    return snapshot


def test_the_snapshot_paints_but_nothing_it_says_runs(it_file: Path, tmp_path: Path) -> None:
    marker = tmp_path / "the-injected-program-ran"
    tamper_snapshot(marker)
    workplace = Workplace.build(first_paint_from_cache=True, open_url=lambda _url: True)
    assert workplace.warm_start and not workplace.verified
    evil = workplace.catalog.get("evil")
    assert evil is not None  # the first paint shows it ...

    with pytest.raises(LaunchError) as refused:  # ... a click on it runs nothing
        workplace.launch(evil)
    assert refused.value.kind is LaunchErrorKind.NOT_ALLOWED
    assert not marker.exists()
    assert workplace.verified  # the launch waited for the IT sources themselves
    assert workplace.trusted().locked == {"theme", "start_at_login"}
    assert workplace.trusted().tenant.native_apps == {}
    with pytest.raises(PreferenceLockedError):  # IT's lock holds for saving too
        workplace.save_preferences(workplace.settings, theme="light")
    # The IT-configured service opens as IT defines it, not at the snapshot's address.
    shown = workplace.catalog.get("mail")
    assert shown is not None and shown.url == "https://mail.phish.example/"
    assert workplace.launch(shown).target == "https://mail.la.example/"


def _warm_gui(qtbot: Any, jobs: Jobs, opened: list[str]) -> Gui:
    workplace = Workplace.build(first_paint_from_cache=True, open_url=lambda url: bool(
        opened.append(url) or True))
    workplace.auth_factory = lambda _w, _o: None
    watch = NetworkWatch(use_os=False)
    watch.forced = OsNetwork("online")
    gui = Gui(create_app(), workplace, jobs=jobs, use_tray=False, save_state=False,
              status=False, watch=watch)
    qtbot.addWidget(gui.window)
    return gui


def test_a_click_before_the_trusted_load_is_refused_and_the_window_corrects_itself(
    qtbot: Any, it_file: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "the-injected-program-ran"
    tamper_snapshot(marker)
    opened: list[str] = []
    gui = _warm_gui(qtbot, Jobs(synchronous=True), opened)
    try:
        window = gui.window
        index = window.model.find("evil")
        assert index.isValid()  # painted from the snapshot
        window.view.launch_requested.emit(index)  # the click, before the trusted load
        assert not marker.exists()
        assert "could not be opened" in window.banners.message.title

        with qtbot.waitSignal(gui.window.view.model().modelReset, timeout=10_000):
            gui.show()  # the first paint starts the trusted load; the tiles follow it
        assert not window.model.find("evil").isValid()
        assert gui.workplace.settings.locked == {"theme", "start_at_login"}
        assert gui.workplace.settings.tenant.native_apps == {}
        assert gui.workplace.settings.preferences.start_at_login is False

        shown = subprocess.run(
            [sys.executable, "-m", "workplace", "config", "show", "--json"],
            capture_output=True, text=True, cwd=REPO, env=dict(os.environ), timeout=60,
            check=False,
        )
        assert shown.returncode == 0, shown.stderr
        document = json.loads(shown.stdout)
        assert document["locked"] == sorted(gui.workplace.settings.locked)
        assert document["configuration"]["native_apps"] == {}
        assert [s["id"] for s in document["configuration"]["services"]] == ["mail"]
    finally:
        gui.dispose()
        assert gui.jobs.wait(30_000)
    assert not marker.exists()


def test_a_click_while_the_trusted_load_runs_on_the_pool_never_runs_the_program(
    qtbot: Any, it_file: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "the-injected-program-ran"
    tamper_snapshot(marker)
    gui = _warm_gui(qtbot, Jobs(), [])
    try:
        index = gui.window.model.find("evil")
        gui.show()
        gui.window.view.launch_requested.emit(index)  # whichever comes first
        qtbot.waitUntil(lambda: gui.workplace.verified, timeout=10_000)
        qtbot.waitUntil(lambda: not gui.window.model.find("evil").isValid(), timeout=10_000)
        assert gui.jobs.wait(30_000)
    finally:
        gui.dispose()
        assert gui.jobs.wait(30_000)
    assert not marker.exists()


def test_the_service_desk_page_of_the_help_still_opens(
    make_gui: Any, qtbot: Any, tmp_path: Path, browser: Path
) -> None:
    """Not a catalog service, but IT's own support address: the launch check lets it
    through (an address that is neither is refused: see the tests above)."""
    from tests.gui.conftest import opened_urls

    config = tmp_path / "it.toml"
    config.write_text(
        '[organisation]\nname = "Landesamt"\nsupport = { url = "https://it.la.example/help" }\n'
        '\n[[services]]\nid = "mail"\nname = "E-Mail"\nurl = "https://mail.la.example/"\n',
        encoding="utf-8",
    )
    gui = make_gui(config)
    gui.window.show_help()
    help_dialog = gui.window.dialogs.help
    assert help_dialog is not None
    help_dialog.link_opened.emit("https://it.la.example/help")
    qtbot.waitUntil(lambda: opened_urls(browser) == ["https://it.la.example/help"])
    help_dialog.close()
