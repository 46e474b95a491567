# SPDX-License-Identifier: EUPL-1.2
"""Service status in the real window: probes against loopback servers, the connection chip,
captive portal and offline, the intranet warning, data saver launches, the central catalog."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import GuiFactory, opened_urls, write_preferences
from tests.support.manifest_server import ManifestServer
from tests.support.manifest_server import Route as ManifestRoute
from tests.support.servers import LoopbackServer, Route, closed_port
from tests.support.tls import LocalCa
from workplace.ui.netwatch import OsNetwork
from workplace.ui.tilemodel import Role

WAIT_MS = 15_000




def service(ident: str, url: str, **extra: Any) -> str:
    lines = [
        "[[services]]",
        f'id = "{ident}"',
        f'name = {{ de = "{ident.title()} DE", en = "{ident.title()}" }}',
        'category = "work"',
        f'url = "{url}"',
    ]
    lines += [f"{key} = {json.dumps(value)}" for key, value in extra.items()]
    return "\n".join(lines) + "\n"


def tenant(tmp_path: Path, *services: str, extra: str = "") -> Path:
    path = tmp_path / "workplace.toml"
    path.write_text(
        '[organisation]\nname = { de = "Testamt", en = "Test office" }\n'
        '[[categories]]\nid = "work"\nname = { de = "Arbeit", en = "Work" }\n'
        + "".join(services)
        + extra,
        encoding="utf-8",
    )
    return path


PATIENT = "[network]\nslow_threshold_ms = 60000\nprobe_budget_seconds = 60\n"
"""For tests where slowness is not the point: a stalled machine cannot make a loopback
service "slow" (over 1.5 s) or "unreachable" (still running after the 5 s round)."""


def index_of(gui: Any, service_id: str) -> Any:
    index = gui.window.model.find(service_id)
    assert index.isValid(), service_id
    return index


def wait_round(gui: Any, qtbot: Any, rounds: int = 1) -> None:
    qtbot.waitUntil(lambda: gui.status.rounds >= rounds, timeout=WAIT_MS)


def test_tiles_show_status_after_probes_against_loopback(
    make_gui: GuiFactory, qtbot: Any, server: LoopbackServer, tmp_path: Path
) -> None:
    server.routes["/ok"] = Route(200, b"<html>")
    server.routes["/login"] = Route(401, b"")
    config = tenant(
        tmp_path,
        service("mail", server.url("/ok")),
        service("files", server.url("/login")),
        service("wiki", f"http://127.0.0.1:{closed_port()}/"),
        extra=PATIENT,
    )
    gui = make_gui(config, status=True)
    wait_round(gui, qtbot)

    mail, files, wiki = (index_of(gui, i) for i in ("mail", "files", "wiki"))
    assert mail.data(Role.STATUS) == "available"
    assert files.data(Role.STATUS) == "sign_in_required"
    assert wiki.data(Role.STATUS) == "unreachable"
    described = mail.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert "Status: available" in described
    assert "Status: sign-in required" in files.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert "did not answer" in wiki.data(Qt.ItemDataRole.ToolTipRole)
    assert "Answered in" in mail.data(Qt.ItemDataRole.ToolTipRole)
    # The connection chip says where we are; the tray line counts what is usable.
    chip = gui.window.header.connection
    assert chip.isVisible() and chip.text() == "Home office"
    assert chip.accessibleName() == "Connection: Home office"
    assert gui.summary == "2 of 3 services available"

    # A service going down shows in the next round (the chip re-checks on click).
    server.routes["/ok"] = Route(503, b"")
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    wait_round(gui, qtbot, 2)
    assert index_of(gui, "mail").data(Role.STATUS) == "unreachable"
    assert gui.summary == "1 of 3 services available"


def test_status_in_german(
    make_gui: GuiFactory, qtbot: Any, server: LoopbackServer, tmp_path: Path, isolated_xdg: Any
) -> None:
    write_preferences(isolated_xdg, 'language = "de"\n')
    server.routes["/ok"] = Route(200, b"ok")
    config = tenant(tmp_path, service("mail", server.url("/ok")),
                    service("wiki", f"http://127.0.0.1:{closed_port()}/"), extra=PATIENT)
    gui = make_gui(config, status=True)
    wait_round(gui, qtbot)
    mail = index_of(gui, "mail")
    assert "Status: erreichbar" in mail.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert gui.window.header.connection.text() == "Homeoffice"
    assert gui.summary == "1 von 2 Diensten erreichbar"


def test_tls_problem_is_distinct(
    make_gui: GuiFactory, qtbot: Any, ca: LocalCa, tmp_path: Path
) -> None:
    tls = LoopbackServer(ca.server_context)
    try:
        tls.routes["/"] = Route(200, b"ok")
        config = tenant(tmp_path, service("secure", tls.url("/")))
        gui = make_gui(config, status=True)
        wait_round(gui, qtbot)
        secure = index_of(gui, "secure")
        assert secure.data(Role.STATUS) == "tls_problem"
        described = secure.data(Qt.ItemDataRole.AccessibleDescriptionRole)
        assert "Status: certificate problem" in described and "attack" in described
        assert "agency's own certificate" in secure.data(Qt.ItemDataRole.ToolTipRole)
    finally:
        tls.close()


def test_intranet_service_off_vpn_warns_and_cancel_is_the_default(
    make_gui: GuiFactory, qtbot: Any, server: LoopbackServer, tmp_path: Path, browser: Path
) -> None:
    server.routes["/ok"] = Route(200, b"ok")
    config = tenant(
        tmp_path,
        service("intranet", server.url("/ok"), zone="intranet"),
        extra=f'[network]\nintranet_probe_url = "http://127.0.0.1:{closed_port()}/health"\n',
    )
    gui = make_gui(config, status=True)
    wait_round(gui, qtbot)
    window = gui.window
    assert index_of(gui, "intranet").data(Role.STATUS) == "needs_vpn"
    assert ("/ok" not in p for _m, p in server.seen)  # not probed off the VPN
    assert "intranet or VPN only" in window.header.connection.toolTip()

    window.view.setCurrentIndex(index_of(gui, "intranet"))
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    launcher = window.launcher
    qtbot.waitUntil(lambda: launcher.vpn_dialog is not None and launcher.vpn_dialog.isVisible())
    box = window.launcher.vpn_dialog
    assert box is not None
    assert "only be reached in the intranet or over the VPN" in box.text.text()
    assert box.cancel.isDefault() and not box.open_anyway.isDefault()
    assert box.focusWidget() is box.cancel  # keyboard focus starts on the safe choice
    qtbot.keyClick(box.cancel, Qt.Key.Key_Return)  # Enter takes the default: cancel
    qtbot.waitUntil(lambda: window.launcher.vpn_dialog is None)
    window.launcher._last_launch = ("", 0.0)
    assert opened_urls(browser) == []

    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.launcher.vpn_dialog is not None)
    box = window.launcher.vpn_dialog
    assert box is not None
    assert box.open_anyway.text() == "Open anyway"
    qtbot.mouseClick(box.open_anyway, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opened_urls(browser) == [server.url("/ok")])


def test_data_saver_opens_the_low_bandwidth_url(
    make_gui: GuiFactory, qtbot: Any, server: LoopbackServer, tmp_path: Path, browser: Path,
    isolated_xdg: Any,
) -> None:
    write_preferences(isolated_xdg, 'low_bandwidth = "on"\n')
    server.routes["/health"] = Route(200, b"ok")
    config = tenant(
        tmp_path,
        service("video", "https://meet.example.org/", health_url=server.url("/health"),
                low_bandwidth_url="https://meet.example.org/audio-only"),
        service("wiki", "https://wiki.example.org/"),
        extra=PATIENT,
    )
    gui = make_gui(config, status=True)
    wait_round(gui, qtbot)
    window = gui.window
    assert window.header.saver.isVisible() and window.header.saver.text() == "Data saver"
    assert index_of(gui, "video").data(Role.STATUS) == "available"
    assert index_of(gui, "wiki").data(Role.STATUS) == "not_checked"  # health URLs only
    assert all(path == "/health" for _method, path in server.seen)

    window.view.setCurrentIndex(index_of(gui, "video"))
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: opened_urls(browser) == ["https://meet.example.org/audio-only"])


def test_captive_portal_offers_the_login_page(
    make_gui: GuiFactory, qtbot: Any, server: LoopbackServer, tmp_path: Path, browser: Path
) -> None:
    server.routes["/check"] = Route(302, b"", {"Location": "http://portal.example.test/login"})
    config = tenant(
        tmp_path,
        service("mail", server.url("/ok")),
        extra=f'[network]\ncaptive_portal_check_url = "{server.url("/check")}"\n',
    )
    gui = make_gui(config, status=True)
    wait_round(gui, qtbot)
    window = gui.window
    assert window.header.connection.text() == "Wi-Fi login needed"
    banner = window.banners.network
    assert not banner.isHidden() and banner.title == "Wi-Fi login needed"
    assert index_of(gui, "mail").data(Role.STATUS) == "not_checked"
    assert ("HEAD", "/ok") not in server.seen
    qtbot.mouseClick(banner.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opened_urls(browser) == [server.url("/check")])


def test_offline_probes_nothing_and_tiles_say_offline(
    make_gui: GuiFactory, qtbot: Any, server: LoopbackServer, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from workplace.status import schedule

    monkeypatch.setattr(schedule, "ROUND_SPREAD", 0.0)  # the round after a change: now
    config = tenant(tmp_path, service("mail", server.url("/ok")), extra=PATIENT)
    gui = make_gui(config, status=True, os_network=OsNetwork("disconnected"))
    wait_round(gui, qtbot)
    mail = index_of(gui, "mail")
    assert mail.data(Role.STATUS) == "offline"
    assert "Status: offline" in mail.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert gui.window.header.connection.text() == "Offline"
    assert not gui.window.banners.network.isHidden()
    assert server.seen == []

    # The network comes back: one debounced round from the watcher.
    gui.watch.forced = OsNetwork("online")
    server.routes["/ok"] = Route(200, b"ok")
    with qtbot.waitSignal(gui.watch.changed, timeout=WAIT_MS):
        gui.watch.notify("network")
    wait_round(gui, qtbot, 2)
    assert index_of(gui, "mail").data(Role.STATUS) == "available"
    assert gui.window.banners.network.isHidden()


def test_rounds_after_a_network_change_and_between_rounds_are_spread(
    make_gui: GuiFactory, qtbot: Any, server: LoopbackServer, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The window's timers take the core's spread (workplace.status.schedule): the round
    after a network change comes a random moment later, the next round at a jittered
    interval, so a whole office does not probe every service in the same second."""
    from workplace.status import schedule

    spread: list[float] = []

    def first_round_delay() -> float:
        spread.append(0.25)
        return 0.25

    monkeypatch.setattr(schedule, "first_round_delay", first_round_delay)
    monkeypatch.setattr(schedule, "next_round_delay", lambda interval: interval * 1.13)
    server.routes["/ok"] = Route(200, b"ok")
    config = tenant(tmp_path, service("mail", server.url("/ok")))
    gui = make_gui(config, status=True)
    wait_round(gui, qtbot)
    assert gui.status.policy is not None and gui.status.policy.status_interval
    jittered = int(gui.status.policy.status_interval * 1.13 * 1000)
    assert gui.status._probe_timer.interval() == jittered

    chip = gui.window.header.connection
    shown = chip.text()
    assert shown != "Checking connection…"
    with qtbot.waitSignal(gui.watch.changed, timeout=WAIT_MS):
        gui.watch.notify("network")
    assert spread == [0.25] and gui.status.rounds == 1  # not yet: a moment later
    assert gui.status._round_timer.isActive() and gui.status._round_timer.interval() == 250
    assert not gui.status._probe_timer.isActive()
    # Meanwhile the chip does not name the old network: it says it is checking.
    assert chip.text() == "Checking connection…" and chip.property("tone") == "neutral"
    assert chip.accessibleName() == "Connection: Checking connection…"
    wait_round(gui, qtbot, 2)
    assert gui.status._probe_timer.interval() == jittered
    assert chip.text() == shown and not gui.status.checking


# -- the central catalog ----------------------------------------------------------------


def manifest(version: int, *services: tuple[str, str]) -> bytes:
    return json.dumps({
        "version": version,
        "categories": [{"id": "central", "name": {"de": "Zentral", "en": "Central"}}],
        "services": [
            {"id": ident, "name": {"de": name, "en": name}, "category": "central",
             "url": f"https://{ident}.example.org/"}
            for ident, name in services
        ],
    }).encode()


@pytest.fixture
def manifests() -> Iterator[ManifestServer]:
    srv = ManifestServer()
    yield srv
    srv.close()


def test_catalog_refresh_updates_tiles_and_a_failure_keeps_them(
    make_gui: GuiFactory, qtbot: Any, manifests: ManifestServer, tmp_path: Path
) -> None:
    from joserfc.jwk import ECKey

    from workplace.catalog.signature import sign_detached

    key = ECKey.generate_key("P-256")

    def publish(body: bytes, etag: str | None = None) -> None:
        manifests.routes["/m.json"] = ManifestRoute(body=body, etag=etag)
        manifests.routes["/m.json.jws"] = ManifestRoute(
            body=sign_detached(body, key, "ES256").encode()
        )

    publish(manifest(1, ("wiki", "Wiki")), '"1"')
    config = tenant(
        tmp_path,
        service("mail", "https://mail.example.org/"),
        extra=f'[catalog]\nmanifest_url = "{manifests.url("/m.json")}"\n'
        f"manifest_public_key = '{json.dumps(key.as_dict(private=False))}'\n",
    )
    gui = make_gui(config)
    window = gui.window
    assert index_of(gui, "mail").isValid() and not window.model.find("wiki").isValid()
    window.view.setCurrentIndex(index_of(gui, "mail"))

    gui.status.refresh_catalog()  # what the catalog timer does
    qtbot.waitUntil(lambda: window.model.find("wiki").isValid(), timeout=WAIT_MS)
    assert window.current_service_id() == "mail"  # selection kept
    assert window.banners.catalog.isHidden()

    publish(manifest(2, ("wiki", "Wiki"), ("erp", "ERP")), '"2"')
    gui.status.refresh_catalog()
    qtbot.waitUntil(lambda: window.model.find("erp").isValid(), timeout=WAIT_MS)

    manifests.routes["/m.json"] = ManifestRoute(status=500, body=b"")
    gui.status.refresh_catalog()
    qtbot.waitUntil(lambda: not window.banners.catalog.isHidden(), timeout=WAIT_MS)
    assert window.banners.catalog.title == "The central service list could not be updated"
    assert "last good copy" in window.banners.catalog.accessibleDescription()
    assert window.model.find("erp").isValid() and window.model.find("wiki").isValid()

    publish(manifest(1, ("wiki", "Wiki")))  # an older signed manifest, replayed
    gui.status.refresh_catalog()
    qtbot.waitUntil(
        lambda: "older" in window.banners.catalog.title, timeout=WAIT_MS
    )  # rollback refused, and said so
    assert window.model.find("erp").isValid()


def test_a_wake_up_plans_the_catalog_instead_of_fetching_it_at_once(
    make_gui: GuiFactory, qtbot: Any, manifests: ManifestServer, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A copy checked a minute ago is not fetched again because the laptop woke up (a
    whole office wakes within the same hour): the catalog is planned again from the
    clock, and only an overdue copy is fetched, within a few minutes."""
    import time

    from workplace.status import schedule

    monkeypatch.setattr(schedule, "ROUND_SPREAD", 0.0)
    manifests.routes["/m.json"] = ManifestRoute(body=manifest(1, ("wiki", "Wiki")),
                                                etag='"1"')
    config = tenant(tmp_path, service("mail", "https://mail.example.org/"),
                    extra=f'[catalog]\nmanifest_url = "{manifests.url("/m.json")}"\n')
    gui = make_gui(config, status=True)
    qtbot.waitUntil(lambda: gui.window.model.find("wiki").isValid(), timeout=WAIT_MS)
    fetched = len(manifests.seen)

    with qtbot.waitSignal(gui.watch.changed, timeout=WAIT_MS):
        gui.watch._last_beat = time.time() - 3600  # as if the laptop slept an hour
        gui.watch._on_heartbeat_timeout()
    assert len(manifests.seen) == fetched  # the copy is fresh: nothing is fetched
    assert gui.status._catalog_timer.isActive()
    assert gui.status._catalog_timer.remainingTime() > 40 * 60 * 1000  # 60 min ± 20 %


def test_the_network_coming_back_fetches_only_an_overdue_catalog(
    make_gui: GuiFactory, qtbot: Any, manifests: ManifestServer, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Offline, then the network comes back (for a whole office in the same second): a
    copy fetched a moment ago is not fetched again; the plan waits for its interval."""
    from workplace.status import schedule

    monkeypatch.setattr(schedule, "ROUND_SPREAD", 0.0)
    manifests.routes["/m.json"] = ManifestRoute(body=manifest(1, ("wiki", "Wiki")),
                                                etag='"1"')
    config = tenant(tmp_path, service("mail", "https://mail.example.org/"),
                    extra=f'[catalog]\nmanifest_url = "{manifests.url("/m.json")}"\n')
    gui = make_gui(config, status=True, os_network=OsNetwork("disconnected"))
    wait_round(gui, qtbot)
    assert gui.status.offline and not gui.status._catalog_timer.isActive()
    gui.status.refresh_catalog()  # e.g. fetched just before the network went
    qtbot.waitUntil(lambda: gui.window.model.find("wiki").isValid(), timeout=WAIT_MS)
    fetched, rounds = len(manifests.seen), gui.status.rounds

    gui.watch.forced = OsNetwork("online")
    with qtbot.waitSignal(gui.watch.changed, timeout=WAIT_MS):
        gui.watch.notify("network")
    wait_round(gui, qtbot, rounds + 1)
    assert not gui.status.offline
    assert len(manifests.seen) == fetched  # fresh: not fetched again
    assert gui.status._catalog_timer.remainingTime() > 40 * 60 * 1000


def test_offline_start_uses_the_cached_catalog(
    make_gui: GuiFactory, qtbot: Any, manifests: ManifestServer, tmp_path: Path
) -> None:
    manifests.routes["/m.json"] = ManifestRoute(body=manifest(1, ("wiki", "Wiki")))
    url = manifests.url("/m.json")
    config = tenant(tmp_path, service("mail", "https://mail.example.org/"),
                    extra=f'[catalog]\nmanifest_url = "{url}"\n')
    gui = make_gui(config)
    gui.status.refresh_catalog()
    qtbot.waitUntil(lambda: gui.window.model.find("wiki").isValid(), timeout=WAIT_MS)
    gui.dispose()
    manifests.routes.clear()
    again = make_gui(config)
    assert again.window.model.find("wiki").isValid()  # from the cache, before any network


def test_a_refused_catalog_names_its_problems_in_german(
    make_gui: GuiFactory, qtbot: Any, manifests: ManifestServer, tmp_path: Path,
    isolated_xdg: Any,
) -> None:
    write_preferences(isolated_xdg, 'language = "de"\n')
    body = json.loads(manifest(1, ("wiki", "Wiki")))
    body["services"][0]["url"] = "https://\u0261oogle.example/"  # a look-alike host
    manifests.routes["/m.json"] = ManifestRoute(body=json.dumps(body).encode())
    config = tenant(
        tmp_path, service("mail", "https://mail.example.org/"),
        extra=f'[catalog]\nmanifest_url = "{manifests.url("/m.json")}"\n',
    )
    gui = make_gui(config)
    gui.status.refresh_catalog()
    banner = gui.window.banners.catalog
    qtbot.waitUntil(lambda: not banner.isHidden(), timeout=WAIT_MS)
    assert banner.title.startswith("Die zentrale")  # German, like the line below
    assert len(banner.details) == 1, banner.details
    assert "services[0].url" in banner.details[0]  # names the field
    assert "Unicode" in banner.details[0] and "recommend" not in banner.details[0], banner.details
