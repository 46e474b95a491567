# SPDX-License-Identifier: EUPL-1.2
"""Links in the real window (offscreen): each kind of action as the user sees it, the
question before a foreign host (Cancel is the default), refusals in German, the
hand-over from a later start, macOS file-open events and the e-mail links switch."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QFileOpenEvent

from tests.gui.conftest import GuiFactory, opened_urls, write_preferences
from tests.support.itconfig import write_it_config
from workplace.app import Workplace
from workplace.links.action import Refusal, Refused
from workplace.ui.single import SingleInstance, server_name

ROOT = Path(__file__).resolve().parents[2]

TENANT = """
[links]
mail_compose_url = "https://webmail.example.org/compose?to={to}&subject={subject}&body={body}"
meeting_low_bandwidth_url = "{url}#config.startAudioOnly=true"

[[services]]
id = "mail"
name = { de = "E-Mail", en = "Mail" }
url = "https://webmail.example.org/"

[[services]]
id = "chat"
name = "Chat"
url = "https://chat.example.org/"

[[services]]
id = "video"
name = { de = "Videokonferenz", en = "Video conference" }
url = "https://meet.example.org/"
keywords = ["Jitsi"]

[[services]]
id = "calendar"
name = { de = "Kalender", en = "Calendar" }
url = "https://webmail.example.org/appsuite/#!!&app=io.ox/calendar"
"""


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "it.toml"
    path.write_text(TENANT, encoding="utf-8")
    return path


def test_mailto_opens_the_compose_view_and_counts_as_recently_used(
    make_gui: GuiFactory, config: Path, browser: Path
) -> None:
    gui = make_gui(config)
    with_signal: list[str] = []
    gui.links.followed.connect(with_signal.append)
    gui.links.route("mailto:erika@musterstadt.example?subject=Test&body=Hallo%0AWelt")
    [url] = opened_urls(browser)
    assert url.startswith("https://webmail.example.org/compose?")
    assert parse_qs(urlsplit(url).query) == {
        "to": ["erika@musterstadt.example"], "subject": ["Test"], "body": ["Hallo\nWelt"]}
    assert with_signal == ["service"]
    assert gui.workplace.recent()[0] == "mail"


def test_a_meeting_link_with_the_data_saver_on_opens_audio_only(
    make_gui: GuiFactory, config: Path, browser: Path, isolated_xdg: dict[str, Path]
) -> None:
    write_preferences(isolated_xdg, 'low_bandwidth = "on"\n')
    gui = make_gui(config)
    gui.links.route("https://meet.example.org/Teamrunde")
    assert opened_urls(browser) == [
        "https://meet.example.org/Teamrunde#config.startAudioOnly=true"]


def test_a_matrix_link_opens_the_chat_at_the_room(
    make_gui: GuiFactory, config: Path, browser: Path
) -> None:
    gui = make_gui(config)
    gui.links.route("matrix:r/team:example.org")
    assert opened_urls(browser) == ["https://chat.example.org/#/room/#team:example.org"]


def test_a_foreign_host_asks_first_and_cancel_is_the_default(
    make_gui: GuiFactory, config: Path, browser: Path, qtbot: Any
) -> None:
    gui = make_gui(config)
    gui.links.route("https://www.example.com/Formular")
    box = gui.links.confirm
    assert box is not None and box.isVisible()
    assert box.cancel.isDefault()
    assert box.focusWidget() is box.cancel  # keyboard focus starts on the safe choice
    assert not box.open_button.isDefault()
    assert "www.example.com" in box.text.text()
    assert box.address.text() == "https://www.example.com/Formular"
    assert box.accessibleName() and "www.example.com" in box.accessibleDescription()
    shot = ROOT / "build" / "screenshots" / "link-confirm.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    assert box.grab().save(str(shot))
    qtbot.keyClick(box.cancel, Qt.Key.Key_Return)  # Enter takes the default: Cancel
    qtbot.waitUntil(lambda: gui.links.confirm is None)
    assert opened_urls(browser) == []

    gui.links.route("https://www.example.com/Formular")
    box = gui.links.confirm
    assert box is not None
    qtbot.mouseClick(box.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opened_urls(browser) == ["https://www.example.com/Formular"])


def test_tearing_the_window_down_closes_an_unanswered_question(
    make_gui: GuiFactory, config: Path, browser: Path
) -> None:
    gui = make_gui(config)
    gui.links.route("https://www.example.com/Formular")
    box = gui.links.confirm
    assert box is not None and box.isVisible()
    gui.dispose()
    assert not box.isVisible() and gui.links.confirm is None
    assert opened_urls(browser) == []  # going away is no "open"


def test_an_unknown_service_shows_the_window_with_a_german_message(
    make_gui: GuiFactory, config: Path, browser: Path, isolated_xdg: dict[str, Path]
) -> None:
    write_preferences(isolated_xdg, 'language = "de"\n')
    gui = make_gui(config)
    gui.window.hide()
    gui.links.route("arbeitsplatz://open/reisekosten")
    banner = gui.window.banners.message
    assert gui.window.isVisible()
    assert banner.isVisible()
    assert banner.title == "Es gibt keinen Dienst „reisekosten“"
    assert "Ihre Dienste sehen Sie unten" in banner.text
    assert banner.technical == []  # the title says it all
    assert opened_urls(browser) == []


@pytest.mark.parametrize(
    ("link", "title"),
    [
        ("mailto:erika@p\u0430ypal.example", "Dieser Link wurde nicht geöffnet"),
        ("mailto:a@b.example?subject=%E2%80%AEexe", "Dieser Link enthält versteckte Zeichen"),
        ("mailto:a@b.example?body=" + "x" * 9000, "Dieser Link ist zu lang"),
        ("file:///etc/passwd", "Diese Art von Link öffnet der Arbeitsplatz nicht"),
        ("arbeitsplatz://settings?proxy=x", "Dieser Link verlangt etwas, das der Arbeitsplatz "
         "nicht tut"),
        ("tel:+49301234", "Telefon-Links können hier nicht geöffnet werden"),
        ("matrix:x/y", "Dieser Chat-Link ist ungültig"),
    ],
)
def test_refusals_say_why_in_german(
    make_gui: GuiFactory, config: Path, browser: Path, isolated_xdg: dict[str, Path],
    link: str, title: str,
) -> None:
    write_preferences(isolated_xdg, 'language = "de"\n')
    gui = make_gui(config)
    gui.links.route(link)
    assert gui.window.banners.message.title == title
    assert opened_urls(browser) == []


def test_every_refusal_has_its_own_words(make_gui: GuiFactory, config: Path) -> None:
    router = make_gui(config).links
    titles = {router.refusal_text(Refused(reason))[0] for reason in Refusal}
    assert len(titles) == len(Refusal)


def test_a_search_link_shows_the_window_with_the_search(
    make_gui: GuiFactory, config: Path, browser: Path
) -> None:
    gui = make_gui(config)
    gui.window.hide()
    gui.links.route("arbeitsplatz://search?q=Kalender")
    assert gui.window.isVisible()
    assert gui.window.header.search.text() == "Kalender"
    assert gui.window.model.tile_count == 1
    assert opened_urls(browser) == []


def test_open_link_goes_through_the_launch_path(
    make_gui: GuiFactory, config: Path, browser: Path
) -> None:
    gui = make_gui(config)
    gui.links.route("arbeitsplatz://open/calendar")
    assert opened_urls(browser) == ["https://webmail.example.org/appsuite/#!!&app=io.ox/calendar"]
    assert gui.workplace.recent()[0] == "calendar"


def test_a_macos_file_open_event_is_a_link(
    make_gui: GuiFactory, config: Path, browser: Path, qtbot: Any
) -> None:
    gui = make_gui(config)  # its link router listens to the application's events
    # ... from the first paint on (issue 15: not the cost of the first frame)
    qtbot.waitUntil(lambda: gui.links.listening_for_file_open)
    QCoreApplication.sendEvent(QCoreApplication.instance(),
                               QFileOpenEvent(QUrl("matrix:u/erika:example.org")))
    assert opened_urls(browser) == ["https://chat.example.org/#/user/@erika:example.org"]
    # A file is not a link: left to whoever else wants it.
    QCoreApplication.sendEvent(QCoreApplication.instance(), QFileOpenEvent("/tmp/x.pdf"))
    assert len(opened_urls(browser)) == 1


HAND_OVER = (
    "import sys\n"
    "from PySide6.QtCore import QCoreApplication\n"
    "app = QCoreApplication(sys.argv[:1])\n"
    "from workplace.ui.single import hand_over\n"
    "sys.exit(0 if hand_over(sys.argv[1], [], timeout_ms=15_000, url=sys.argv[2]) else 3)\n"
)


def test_a_later_start_hands_its_link_to_the_running_window(
    make_gui: GuiFactory, config: Path, browser: Path, qtbot: Any,
    isolated_xdg: dict[str, Path],
) -> None:
    name = server_name(isolated_xdg["XDG_CONFIG_HOME"] / "workplace")
    first = SingleInstance(name)
    assert first.listen()
    gui = make_gui(config)
    gui.single = first
    first.message_received.connect(gui._on_single_message_received)
    link = "mailto:erika@musterstadt.example?subject=%C3%9Cbergabe"
    proc = subprocess.Popen([sys.executable, "-c", HAND_OVER, name, link])
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=15_000)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0
    qtbot.waitUntil(lambda: len(opened_urls(browser)) == 1, timeout=15_000)
    assert parse_qs(urlsplit(opened_urls(browser)[0]).query)["subject"] == ["Übergabe"]
    first.close()


def test_a_hand_over_with_an_over_long_link_is_refused_not_lost(
    make_gui: GuiFactory, config: Path, browser: Path, qtbot: Any,
    isolated_xdg: dict[str, Path],
) -> None:
    name = server_name(isolated_xdg["XDG_CONFIG_HOME"] / "workplace")
    first = SingleInstance(name)
    assert first.listen()
    gui = make_gui(config)
    first.message_received.connect(gui._on_single_message_received)
    proc = subprocess.Popen(
        [sys.executable, "-c", HAND_OVER, name, "mailto:a@b.example?body=" + "ä" * 20_000])
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=15_000)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0
    qtbot.waitUntil(lambda: gui.window.banners.message.isVisible(), timeout=15_000)
    assert gui.window.banners.message.title == "This link is too long"
    assert opened_urls(browser) == []
    first.close()


def test_links_use_the_trusted_catalog_not_the_snapshot(
    isolated_xdg: dict[str, Path], tmp_path: Path
) -> None:
    """A warm start's snapshot (user-writable) may paint tiles; a link never opens one."""
    from tests.gui.test_snapshot_trust import IT, tamper_snapshot

    write_it_config(isolated_xdg, IT)
    tamper_snapshot(tmp_path / "marker")
    workplace = Workplace.build(first_paint_from_cache=True, open_url=lambda _url: True)
    assert workplace.warm_start and workplace.catalog.get("evil") is not None
    refused = workplace.route_link("arbeitsplatz://open/evil")
    assert isinstance(refused, Refused) and refused.reason is Refusal.UNKNOWN_SERVICE
    assert workplace.launch(workplace.catalog.get("mail"),  # type: ignore[arg-type]
                            link="arbeitsplatz://open/mail").target == "https://mail.la.example/"


# --------------------------------------------------------------------------- the switch


@pytest.fixture
def desktop(isolated_xdg: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """The packaged desktop file in an isolated applications folder (real xdg-mime)."""
    if shutil.which("xdg-mime") is None:
        pytest.fail("xdg-mime is missing: run scripts/bootstrap.sh (xdg-utils)")
    data = isolated_xdg["XDG_DATA_HOME"]
    monkeypatch.setenv("XDG_DATA_DIRS", str(data.parent / "system-data"))
    # xdg-mime skips a default whose program is not installed: ``workplace`` is on PATH.
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    applications = data / "applications"
    applications.mkdir(parents=True)
    shutil.copyfile(ROOT / "packaging/linux/de.arbeitsplatz.Workplace.desktop",
                    applications / "de.arbeitsplatz.Workplace.desktop")
    return applications


def test_the_switch_makes_the_launcher_the_mail_program_and_says_so(
    make_gui: GuiFactory, config: Path, desktop: Path, isolated_xdg: dict[str, Path],
) -> None:
    write_preferences(isolated_xdg, 'language = "de"\n')
    gui = make_gui(config)
    store = gui.window.settings_store
    notes: list[str] = []
    store.mail_links_changed.connect(notes.append)
    store.change("mail_links", True)
    assert notes == ["E-Mail-Links öffnen sich jetzt mit Arbeitsplatz."]
    assert gui.workplace.settings.preferences.mail_links is True
    listed = (isolated_xdg["XDG_CONFIG_HOME"] / "mimeapps.list").read_text(encoding="utf-8")
    assert "x-scheme-handler/mailto=de.arbeitsplatz.Workplace.desktop" in listed
    store.change("mail_links", False)
    assert notes[-1] == ("Für E-Mail-Links ist kein anderes Programm eingerichtet, deshalb "
                         "öffnen sie sich weiter mit Arbeitsplatz.")


def test_the_switch_says_plainly_when_the_launcher_is_not_installed(
    make_gui: GuiFactory, config: Path, isolated_xdg: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_DATA_DIRS", str(isolated_xdg["XDG_DATA_HOME"].parent / "none"))
    write_preferences(isolated_xdg, 'language = "de"\n')
    gui = make_gui(config)
    store = gui.window.settings_store
    store.change("mail_links", True)
    assert "nicht als Desktop-Programm installiert" in store.mail_links_note
    assert not gui.window.banners.message.isVisible()  # said under the switch, no alarm


def test_at_start_it_applies_it_presets(
    make_gui: GuiFactory, desktop: Path, isolated_xdg: dict[str, Path], tmp_path: Path,
) -> None:
    path = tmp_path / "locked.toml"
    path.write_text(TENANT + '\n[preferences]\nmail_links = true\n\n[policy]\n'
                    'locked = ["mail_links"]\n', encoding="utf-8")
    gui = make_gui(path)
    gui._on_trusted_loaded(gui.workplace.load_trusted())
    listed = (isolated_xdg["XDG_CONFIG_HOME"] / "mimeapps.list").read_text(encoding="utf-8")
    assert "x-scheme-handler/mailto=de.arbeitsplatz.Workplace.desktop" in listed


def test_at_start_it_never_touches_the_desktop_for_a_user_who_did_not_ask(
    make_gui: GuiFactory, config: Path, desktop: Path, isolated_xdg: dict[str, Path]
) -> None:
    gui = make_gui(config)
    gui._on_trusted_loaded(gui.workplace.load_trusted())
    assert not (isolated_xdg["XDG_CONFIG_HOME"] / "mimeapps.list").exists()


# --------------------------------------------------------------------------- the catalog


def test_a_service_only_the_central_catalog_has_is_reachable(
    make_gui: GuiFactory, browser: Path, tmp_path: Path
) -> None:
    """Routing uses the window's effective catalog: configuration plus the central one
    (here its cached copy, as after a refresh); the chat exists only centrally."""
    import json

    from tests.support.manifest_server import ManifestServer, Route

    server = ManifestServer()
    try:
        server.routes["/m.json"] = Route(body=json.dumps({"version": 3, "services": [
            {"id": "chat", "name": "Chat", "url": "https://chat.remote.example/"},
            {"id": "remoteonly", "name": "Nur zentral", "url": "https://remote.example.org/"},
        ]}).encode())
        path = tmp_path / "central.toml"
        path.write_text(
            '[[services]]\nid = "mail"\nname = "E-Mail"\nurl = "https://mail.example.org/"\n\n'
            f'[catalog]\nmanifest_url = "{server.url("/m.json")}"\n', encoding="utf-8")
        refreshed = Workplace.build(path).refresh_catalog()
        assert refreshed is not None and refreshed.snapshot is not None  # cached on disk
        gui = make_gui(path)
        gui.links.route("arbeitsplatz://open/remoteonly")
        gui.links.route("matrix:u/erika:example.org")
        assert opened_urls(browser) == [
            "https://remote.example.org/", "https://chat.remote.example/#/user/@erika:example.org"]
    finally:
        server.close()


def test_on_the_first_start_a_link_waits_for_the_central_catalog(
    make_gui: GuiFactory, browser: Path, qtbot: Any, tmp_path: Path
) -> None:
    """No copy of the central catalog yet: a link to a service only it has waits for the
    first refresh instead of being refused (then it opens)."""
    import json

    from tests.support.manifest_server import ManifestServer, Route

    server = ManifestServer()
    try:
        central = server.url("/central/")
        server.routes["/m.json"] = Route(body=json.dumps({"version": 1, "services": [
            {"id": "remoteonly", "name": "Nur zentral", "url": central},
        ]}).encode())
        path = tmp_path / "central.toml"
        path.write_text(f'[catalog]\nmanifest_url = "{server.url("/m.json")}"\n',
                        encoding="utf-8")
        gui = make_gui(path, status=True)
        assert gui.workplace.snapshot is None
        gui.links.route("arbeitsplatz://open/remoteonly")
        assert gui.links.waiting == ["arbeitsplatz://open/remoteonly"]
        assert not gui.window.banners.message.isVisible()
        qtbot.waitUntil(lambda: opened_urls(browser) == [central], timeout=15_000)
        assert gui.links.waiting == []
        gui.links.route("arbeitsplatz://open/nirgends")  # now refused at once
        assert gui.window.banners.message.isVisible()
    finally:
        server.close()


def test_a_meeting_link_to_an_intranet_video_service_off_the_vpn_asks_first(
    make_gui: GuiFactory, qtbot: Any, browser: Path, tmp_path: Path
) -> None:
    """The normal launch path: the intranet warning applies to a meeting link too."""
    from tests.support.servers import LoopbackServer, Route, closed_port

    server = LoopbackServer()
    try:
        server.routes["/"] = Route(200, b"ok")
        video = server.url("/")
        path = tmp_path / "intranet.toml"
        path.write_text(
            f'[[services]]\nid = "video"\nname = "Video"\nurl = "{video}"\nzone = "intranet"\n'
            f'\n[network]\nintranet_probe_url = "http://127.0.0.1:{closed_port()}/health"\n',
            encoding="utf-8")
        gui = make_gui(path, status=True)
        qtbot.waitUntil(lambda: gui.status.rounds >= 1, timeout=15_000)
        gui.links.route(video + "Teamrunde")
        launcher = gui.window.launcher
        qtbot.waitUntil(lambda: launcher.vpn_dialog is not None)
        box = launcher.vpn_dialog
        assert box is not None and box.cancel.isDefault()
        qtbot.keyClick(box.cancel, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: launcher.vpn_dialog is None)
        assert opened_urls(browser) == []
        launcher._last_launch = ("", 0.0)
        gui.links.route(video + "Teamrunde")
        qtbot.waitUntil(lambda: launcher.vpn_dialog is not None)
        assert launcher.vpn_dialog is not None
        qtbot.mouseClick(launcher.vpn_dialog.open_anyway, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: opened_urls(browser) == [video + "Teamrunde"])
    finally:
        server.close()
