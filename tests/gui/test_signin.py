# SPDX-License-Identifier: EUPL-1.2
"""Sign-in from the window: the real test identity provider, the real Secret Service
keyring and a real program as $BROWSER (tests/stack/fake_browser.py)."""

from __future__ import annotations

import json
import socket
import threading
import webbrowser
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_browser import browse, write_launcher  # tests/stack, on sys.path (tests/conftest.py)
from provider import TestProvider
from PySide6.QtCore import Qt

from tests.gui.conftest import GuiFactory, write_preferences
from tests.support.servers import closed_port
from workplace.ui import authtext
from workplace.ui.account import Phase

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.integration

SIGN_IN_MS = 30_000
DEVICE_MS = 40_000  # RFC 8628: the first poll comes after 5 s


def tenant_file(directory: Path, issuer: str) -> Path:
    text = (ROOT / "resources" / "tenants" / "musterstadt.toml").read_text(encoding="utf-8")
    old = 'issuer = "https://id.musterstadt.example/realms/opendesk"'
    assert old in text
    text = text.replace(
        old, f'issuer = "{issuer}"\nextra_auth_params = {{ prompt = "consent" }}'
    )
    path = directory / "tenant.toml"
    path.write_text(text, encoding="utf-8")
    return path


class Visits:
    """The paths the fake browser was asked to open (FAKE_BROWSER_VISITS)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self) -> list[str]:
        return self.path.read_text().split() if self.path.exists() else []


@pytest.fixture
def fake_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Visits:
    """$BROWSER is the program that fills the provider's sign-in form like a person."""
    visits = tmp_path / "visits.txt"
    monkeypatch.setenv("BROWSER", str(write_launcher(tmp_path)))
    monkeypatch.setenv("FAKE_BROWSER_VISITS", str(visits))
    monkeypatch.delenv("FAKE_BROWSER_ACTION", raising=False)
    monkeypatch.setattr(webbrowser, "_tryorder", None)
    monkeypatch.setattr(webbrowser, "_browsers", {})
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    return Visits(visits)


@pytest.fixture
def signin(
    make_gui: GuiFactory, provider: TestProvider, fake_browser: Visits, secret_service: Any,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Any]:
    """``signin.gui()`` builds a window for the test provider's tenant (async jobs)."""
    from workplace.auth.keyring_store import SERVICE, KeyringStore

    account = f"arbeitsplatz@{provider.issuer}"
    store = KeyringStore(secret_service, service=SERVICE)
    store.delete(account)
    monkeypatch.setenv("WORKPLACE_CONFIG", str(tenant_file(tmp_path, provider.issuer)))

    class Helper:
        visits = fake_browser

        @staticmethod
        def gui() -> Any:
            return make_gui(synchronous=False, auth=True)

        @staticmethod
        def stored() -> dict[str, Any] | None:
            raw = store.load(account)
            return json.loads(raw) if raw else None

    yield Helper
    store.delete(account)


def wait_phase(qtbot: Any, gui: Any, phase: Phase, timeout: int = SIGN_IN_MS) -> None:
    qtbot.waitUntil(lambda: gui.account.phase == phase, timeout=timeout)


def sign_in_by_click(qtbot: Any, gui: Any) -> None:
    wait_phase(qtbot, gui, Phase.SIGNED_OUT)
    qtbot.mouseClick(gui.window.signin.primary, Qt.MouseButton.LeftButton)
    wait_phase(qtbot, gui, Phase.SIGNED_IN)


def test_signed_out_window_shows_the_sign_in_screen(qtbot: Any, signin: Any) -> None:
    gui = signin.gui()
    window = gui.window
    assert not window.signin_visible  # the tiles paint first; no keyring before that
    wait_phase(qtbot, gui, Phase.SIGNED_OUT)

    assert window.signin_visible and window.signin.face == "welcome"
    assert window.signin.primary.text() == "Sign in with Musterstadt"
    assert window.signin.code_button.text() == "Use a code instead"
    assert window.signin.notice.isHidden()
    assert window.header.account.isVisible() and window.header.account.text() == "Sign in"
    assert signin.visits() == []  # nothing opens a browser by itself

    qtbot.mouseClick(window.signin.browse_link, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.view  # services can still be browsed
    qtbot.mouseClick(window.header.account, Qt.MouseButton.LeftButton)
    assert window.signin_visible  # the header's "Sign in" brings the screen back
    assert signin.visits() == []


def test_sign_in_from_the_window_shows_the_name(qtbot: Any, signin: Any) -> None:
    gui = signin.gui()
    window = gui.window
    wait_phase(qtbot, gui, Phase.SIGNED_OUT)

    qtbot.mouseClick(window.signin.primary, Qt.MouseButton.LeftButton)
    assert window.signin.face == "browser"  # progress while the browser is open
    assert window.signin.browser_title.text() == "Continue in your browser…"
    wait_phase(qtbot, gui, Phase.SIGNED_IN)

    account = window.header.account
    assert account.menu_texts[:2] == ["Erika Mustermann", "erika.mustermann@musterstadt.example"]
    assert account.menu_texts[-1] == "Sign out"
    assert account.accessibleName() == "Account: Erika Mustermann"
    # The header shows the name beside the avatar; a narrow window keeps the avatar only.
    assert account.shown_name == "Erika Mustermann"
    # The button asks for its new size when the phase changes; the header's layout
    # gives it on its next pass (a posted LayoutRequest), not within that call: wait
    # for the widened button itself, not for the phase alone.
    name_px = account.fontMetrics().horizontalAdvance("Erika")
    qtbot.waitUntil(lambda: account.width() > 40 + name_px)
    window.resize(800, 600)
    qtbot.waitUntil(lambda: account.shown_name == "")
    qtbot.waitUntil(lambda: account.width() == 40)
    window.resize(1100, 720)
    qtbot.waitUntil(lambda: account.shown_name == "Erika Mustermann")
    assert not window.signin_visible and window.stack.currentWidget() is window.view
    assert window.banners.account.isHidden()
    assert signin.visits() == ["/auth"]
    stored = signin.stored()
    assert stored is not None and stored["name"] == "Erika Mustermann"
    assert gui.account._refresh_timer.isActive()  # the silent refresh is planned


def test_restart_restores_without_a_browser(qtbot: Any, signin: Any) -> None:
    first = signin.gui()
    sign_in_by_click(qtbot, first)
    first.account.dispose()  # the launcher closes (the fixture disposes the rest)
    first.jobs.wait()
    first.window.hide()
    opened = len(signin.visits())

    second = signin.gui()  # same XDG directories, same keyring
    wait_phase(qtbot, second, Phase.SIGNED_IN)

    assert second.window.header.account.menu_texts[0] == "Erika Mustermann"
    assert not second.window.signin_visible
    assert len(signin.visits()) == opened


def test_sign_out_returns_to_the_sign_in_screen_and_wipes_the_keyring(
    qtbot: Any, signin: Any
) -> None:
    gui = signin.gui()
    sign_in_by_click(qtbot, gui)
    assert signin.stored() is not None

    gui.window.header.account.trigger_sign_out()

    assert gui.window.signin_visible  # at once, before the server calls
    assert gui.window.header.account.text() == "Sign in"
    qtbot.waitUntil(lambda: signin.stored() is None, timeout=SIGN_IN_MS)
    # The browser is started with a one-time loopback address that redirects to the
    # provider's end-session URL (the ID token stays off the command line).
    qtbot.waitUntil(lambda: any(v.startswith("/once/") for v in signin.visits()),
                    timeout=SIGN_IN_MS)
    assert gui.account.phase == Phase.SIGNED_OUT


def test_cancel_and_reopen_while_the_browser_is_open(
    qtbot: Any, signin: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_BROWSER_ACTION", "ignore")  # the user has not signed in yet
    gui = signin.gui()
    page = gui.window.signin
    wait_phase(qtbot, gui, Phase.SIGNED_OUT)
    qtbot.mouseClick(page.primary, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.reopen_button.isEnabled(), timeout=SIGN_IN_MS)

    qtbot.mouseClick(page.reopen_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: signin.visits() == ["/auth", "/auth"], timeout=SIGN_IN_MS)
    qtbot.mouseClick(page.cancel_browser, Qt.MouseButton.LeftButton)

    assert page.face == "welcome" and page.notice.isHidden()  # cancelled on purpose: no error
    assert gui.account.phase == Phase.SIGNED_OUT


def test_device_grant_shows_code_and_qr_and_completes(qtbot: Any, signin: Any) -> None:
    gui = signin.gui()
    page = gui.window.signin
    wait_phase(qtbot, gui, Phase.SIGNED_OUT)

    qtbot.mouseClick(page.code_button, Qt.MouseButton.LeftButton)
    assert page.face == "device"
    qtbot.waitUntil(lambda: gui.account.challenge is not None, timeout=SIGN_IN_MS)
    challenge = gui.account.challenge
    assert page.user_code.text() == challenge.user_code
    assert page.device_url.text() == challenge.verification_uri
    pixmap = page.qr.pixmap()
    assert not pixmap.isNull() and pixmap.width() >= 120
    assert challenge.verification_uri_complete in page.qr.accessibleDescription()
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == challenge.user_code

    # The user scans the QR code with their phone and signs in there.
    phone = threading.Thread(target=browse, args=(challenge.verification_uri_complete,))
    phone.start()
    wait_phase(qtbot, gui, Phase.SIGNED_IN, timeout=DEVICE_MS)
    phone.join(10)

    assert gui.window.header.account.menu_texts[0] == "Erika Mustermann"
    assert signin.visits() == []  # no browser on this computer


def test_rejected_refresh_shows_one_sign_in_again_and_no_browser(
    qtbot: Any, signin: Any, provider: TestProvider
) -> None:
    gui = signin.gui()
    sign_in_by_click(qtbot, gui)
    stored = signin.stored()
    assert stored is not None
    provider.revoke(stored["refresh_token"])  # IT revokes the session on the server
    opened = len(signin.visits())

    gui.account.refresh(force=True)  # e.g. the keep-alive
    wait_phase(qtbot, gui, Phase.REAUTH)

    page = gui.window.signin
    assert gui.window.signin_visible and page.face == "welcome"
    assert page.title.text() == "Please sign in again"
    assert "Erika Mustermann" in page.intro.text()
    assert page.notice.isHidden()  # one message, not two
    assert not gui.account._refresh_timer.isActive()  # no loop
    gui.account.on_wake_or_network()  # a network change later: nothing happens
    gui.account.refresh(force=True)
    qtbot.waitUntil(lambda: gui.jobs.pending == 0, timeout=SIGN_IN_MS)
    assert gui.account.phase == Phase.REAUTH
    assert len(signin.visits()) == opened  # never a browser by itself
    assert signin.stored() is None

    sign_in_by_click_again = page.primary  # the user signs in again: back to normal
    qtbot.mouseClick(sign_in_by_click_again, Qt.MouseButton.LeftButton)
    wait_phase(qtbot, gui, Phase.SIGNED_IN)


def test_session_only_banner_without_a_secure_keyring(
    qtbot: Any, signin: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring.core
    from keyring.backends import fail

    # Named for keyring: on Linux the Secret Service is otherwise used without it.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    gui = signin.gui()
    sign_in_by_click(qtbot, gui)

    assert gui.account.state is not None
    assert gui.account.state.status.value == "session_only"
    banner = gui.window.banners.account
    assert banner.isVisible() and banner.title == "Your sign-in will not be remembered"
    # The keyring's own (English) text is folded behind "Details".
    assert any("fail.Keyring" in line for line in banner.technical)
    assert "fail.Keyring" not in banner.text
    assert "Not remembered on this computer" in gui.window.header.account.menu_texts
    assert gui.window.header.account.menu_texts[0] == "Erika Mustermann"


def test_provider_down_says_so(
    qtbot: Any, make_gui: GuiFactory, fake_browser: Visits, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("WORKPLACE_CONFIG", str(tenant_file(tmp_path, f"http://127.0.0.1:{port}")))
    gui = make_gui(synchronous=False, auth=True)
    page = gui.window.signin
    wait_phase(qtbot, gui, Phase.SIGNED_OUT)

    qtbot.mouseClick(page.primary, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gui.account.error is not None, timeout=SIGN_IN_MS)

    assert gui.account.error[0] == "provider_unreachable"
    assert page.face == "welcome" and page.notice.isVisible()
    assert page.notice.title == "The sign-in service cannot be reached"
    assert fake_browser() == []  # nothing was opened


def test_every_failure_has_a_german_and_english_message(
    make_gui: GuiFactory, isolated_xdg: dict[str, Path]
) -> None:
    from workplace.auth.errors import AuthErrorKind

    fallback_en = authtext.message("something-new")
    english = {kind.value: authtext.message(kind.value) for kind in AuthErrorKind}
    write_preferences(isolated_xdg, 'language = "de"\n')
    make_gui()
    german = {kind.value: authtext.message(kind.value) for kind in AuthErrorKind}

    for kind in AuthErrorKind:
        assert english[kind.value] != fallback_en, kind
        assert german[kind.value][0] != english[kind.value][0], kind
    assert german["provider_unreachable"][0] == "Der Anmeldedienst ist nicht erreichbar"


def test_no_early_refresh_to_save_the_data_saver_changes_nothing(
    qtbot: Any, signin: Any
) -> None:
    gui = signin.gui()
    sign_in_by_click(qtbot, gui)
    service = gui.account.service
    assert service is not None and not service.low_bandwidth
    state = service.status()
    assert state.refresh_due_at is not None and state.expires_at is not None
    assert state.refresh_due_at > state.expires_at  # the keep-alive: the token lapses
    assert gui.account._refresh_timer.isActive()

    gui.account.set_low_bandwidth(True)  # what the profile policy does on a metered link
    saver = service.status()
    assert service.low_bandwidth and saver.low_bandwidth
    assert saver.refresh_due_at == state.refresh_due_at
    assert gui.account._refresh_timer.isActive()
    assert gui.account.phase == Phase.SIGNED_IN


@pytest.mark.parametrize("how", ["network", "wake"])
def test_a_wake_up_or_network_change_retries_a_failing_refresh_soon(
    qtbot: Any, signin: Any, provider: TestProvider, monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    """A healthy session is left alone by a network change (a whole office sees it at
    once); a refresh that failed is tried again within the wake spread (here: at once)
    instead of at the end of its backoff, and the rotated refresh token is saved."""
    import time

    from workplace.auth import plan

    monkeypatch.setattr(plan, "WAKE_SPREAD", 0.0)  # the random point: now
    gui = signin.gui()
    sign_in_by_click(qtbot, gui)
    service = gui.account.service
    assert service is not None
    before = signin.stored()["refresh_token"]
    planned = service.status().refresh_due_at

    with qtbot.waitSignal(gui.watch.changed, timeout=SIGN_IN_MS):
        gui.watch.notify("network")
    qtbot.waitUntil(lambda: gui.jobs.pending == 0, timeout=SIGN_IN_MS)
    assert service.status().refresh_due_at == planned  # healthy: the plan stands
    assert signin.stored()["refresh_token"] == before

    # The provider's token endpoint goes away; the keep-alive fails and backs off.
    provider.set_behaviour(redirect={"/token": f"http://127.0.0.1:{closed_port()}/token"})
    gui.account.refresh(force=True)
    qtbot.waitUntil(lambda: (gui.account.state is not None
                             and gui.account.state.reason is not None), timeout=SIGN_IN_MS)
    backing_off = service.status().refresh_due_at
    assert backing_off is not None and backing_off >= time.time() + plan.RETRY_FIRST - 5
    provider.set_behaviour()  # back

    if how == "wake":
        gui.watch._last_beat = time.time() - 3600  # as if the laptop slept an hour
        gui.watch._on_heartbeat_timeout()
    else:
        gui.watch.notify("network")
    qtbot.waitUntil(lambda: (signin.stored() or {}).get("refresh_token") != before,
                    timeout=SIGN_IN_MS)
    qtbot.waitUntil(lambda: gui.account.state is not None
                    and gui.account.state.reason is None, timeout=SIGN_IN_MS)
    assert gui.account.phase == Phase.SIGNED_IN
