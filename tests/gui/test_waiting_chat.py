# SPDX-License-Identifier: EUPL-1.2
"""The chat tile in the running window (real window, offscreen) against a REAL Synapse
(tests/stack/synapse.py, its own venv under build/) whose OpenID Connect login is the
real test identity provider. The launcher signs in with the fake browser (a real
program as $BROWSER); the chat's single sign-on runs through Synapse and the provider
in that browser. Max, a second user, posts and mentions Erika through Synapse's API.

Covered: the badge counts rooms and marks a mention apart ("@", the accessible name
"… 1 Erwähnung"); a rejected Matrix token whose new round does not come back says
"sign in again" on the chat tile only, and the strip's button (keyboard) brings the
badge back.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from demo_services import DemoServices
from integration_kit import sso_gives_up_after
from provider import TestProvider
from PySide6.QtCore import Qt
from synapse import ERIKA, TestSynapse

from tests.gui.conftest import GuiFactory, write_preferences
from tests.gui.test_signin import Visits, fake_browser, sign_in_by_click  # noqa: F401
from workplace.integrations.model import Availability
from workplace.ui.tilemodel import Role

pytestmark = pytest.mark.integration

WAIT_MS = 60_000
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture
def synapse(provider: TestProvider) -> Iterator[TestSynapse]:
    with TestSynapse(provider.issuer) as running:
        yield running



@pytest.fixture
def gui(make_gui: GuiFactory, demo: DemoServices, synapse: TestSynapse,
        fake_browser: Visits, secret_service: Any, tmp_path: Path,  # noqa: F811
        isolated_xdg: dict[str, Path], qtbot: Any) -> Iterator[Any]:
    """The demo tenant in German with the chat integration on the real Synapse."""
    from workplace.auth.keyring_store import SERVICE, KeyringStore

    write_preferences(isolated_xdg, 'language = "de"\n')
    account = f"arbeitsplatz@{demo.issuer}"
    store = KeyringStore(secret_service, service=SERVICE)
    store.delete(account)
    tenant = demo.tenant(demo.issuer)
    manifest = demo.manifest()  # the demo's services, in the tenant file (no catalog round)
    tenant.pop("catalog")
    tenant.update(categories=manifest["categories"], services=manifest["services"])
    tenant["integrations"]["chat"] = {
        "enabled": True, "homeserver_url": synapse.url, "audience": "opendesk-matrix",
        "scopes": ["matrix"], "long_poll": False}
    path = tmp_path / "tenant.json"
    path.write_text(json.dumps(tenant), encoding="utf-8")
    window = make_gui(path, synchronous=False, auth=True)
    sign_in_by_click(qtbot, window)
    assert window.window.model.find("chat").isValid()
    yield window
    store.delete(account)
    synapse.sign_out_everywhere(ERIKA)


def chat(gui: Any) -> Any:
    return gui.waiting.controller.readings.get("chat")


def accessible(gui: Any, service_id: str) -> str:
    return str(gui.window.model.find(service_id).data(Qt.ItemDataRole.AccessibleTextRole))


def round_done(qtbot: Any, gui: Any) -> None:
    """One check of every integration, from now."""
    controller = gui.waiting.controller
    checks = controller.checks
    controller.refresh_now()
    qtbot.waitUntil(lambda: controller.checks >= checks + 3, timeout=WAIT_MS)


def test_the_chat_badge_counts_rooms_and_marks_a_mention(
    qtbot: Any, gui: Any, synapse: TestSynapse
) -> None:
    round_done(qtbot, gui)
    assert chat(gui).availability == Availability.OK, chat(gui).detail
    room = synapse.room_with_erika()
    round_done(qtbot, gui)
    baseline = chat(gui).unread or 0
    synapse.say(room, "Guten Morgen")
    synapse.say(room, "Noch eine Frage")
    round_done(qtbot, gui)
    assert chat(gui).unread == baseline + 1  # one room, not two messages
    index = gui.window.model.find("chat")
    assert index.data(Role.BADGE) == str(baseline + 1)
    assert "Erwähnung" not in accessible(gui, "chat")

    synapse.say(room, "Erika, kannst du helfen?", mention=ERIKA)
    round_done(qtbot, gui)
    assert chat(gui).mentions == 1
    assert index.data(Role.BADGE) == f"@{baseline + 1}"  # the mark, not a colour alone
    words = "1 Raum mit ungelesenen Nachrichten" if baseline == 0 else \
        f"{baseline + 1} Räume mit ungelesenen Nachrichten"
    assert accessible(gui, "chat").startswith(f"Chat, {words}, 1 Erwähnung")
    assert "1 Erwähnung" in index.data(Qt.ItemDataRole.ToolTipRole)


def chat_signed_out_in_element(qtbot: Any, gui: Any, synapse: TestSynapse,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Erika signs the launcher's session out in Element; the new round in the browser
    never comes back (it gives up after 3 s here, not 5 min): the chat asks to sign in
    again."""
    from workplace.auth.keyring_store import KeyringStore
    from workplace.auth.service_tokens import ServiceTokens

    stored = ServiceTokens(KeyringStore(), gui.workplace.settings.tenant.identity_provider
                           .issuer or "").load("chat")
    assert stored is not None
    synapse.delete_device(ERIKA, stored["device_id"])
    monkeypatch.setenv("FAKE_BROWSER_ACTION", "ignore")
    with sso_gives_up_after(3.0):
        round_done(qtbot, gui)
    assert chat(gui).availability == Availability.SIGN_IN_AGAIN


def test_sign_in_to_chat_again_on_the_chat_tile_only_brings_the_badge_back(
    qtbot: Any, gui: Any, synapse: TestSynapse, monkeypatch: pytest.MonkeyPatch
) -> None:
    round_done(qtbot, gui)
    assert chat(gui).availability == Availability.OK, chat(gui).detail
    chat_signed_out_in_element(qtbot, gui, synapse, monkeypatch)
    model = gui.window.model
    assert model.find("chat").data(Role.WAITING_PROBLEM) == "Erneut anmelden"
    assert model.find("chat").data(Role.BADGE) == ""
    assert "bitte erneut anmelden" in accessible(gui, "chat")
    assert model.find("mail").data(Role.WAITING_PROBLEM) == ""
    assert model.find("mail").data(Role.BADGE) == "3"  # the other tiles go on
    assert "Im Chat erneut anmelden…" in dict(gui.waiting.tile_actions("chat"))
    assert "Im Chat erneut anmelden…" not in dict(gui.waiting.tile_actions("mail"))
    strip = gui.waiting.strip
    assert strip.isVisible() and strip.sign_in.isVisible()
    assert strip.sign_in in strip.focus_chain()
    assert strip.icon_name == "chat"  # the strip speaks of the chat, not the calendar
    SHOTS.mkdir(parents=True, exist_ok=True)
    gui.window.grab().save(str(SHOTS / "waiting-chat-sign-in-again.png"))

    # The strip's button, by keyboard: one round in the browser, the chat is back.
    monkeypatch.setenv("FAKE_BROWSER_ACTION", "login")
    strip.sign_in.setFocus()
    qtbot.keyClick(strip.sign_in, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: chat(gui).availability == Availability.OK, timeout=WAIT_MS)
    assert model.find("chat").data(Role.WAITING_PROBLEM) == ""
    qtbot.waitUntil(lambda: not strip.sign_in.isVisible(), timeout=WAIT_MS)
    # ... and so is its badge: a message in a room Erika has not read.
    synapse.say(synapse.room_with_erika("Haushalt"), "Bitte Rückruf")
    round_done(qtbot, gui)
    assert (chat(gui).unread or 0) >= 1
    assert model.find("chat").data(Role.BADGE) == str(chat(gui).unread)


def test_rooms_unread_before_signing_in_again_count_at_once(
    qtbot: Any, gui: Any, synapse: TestSynapse, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a new chat sign-in (a new device: an initial /sync), a room whose unread
    messages came before it is counted at once, not only after its next message."""
    round_done(qtbot, gui)
    synapse.say(synapse.room_with_erika(), "Bitte Rückruf")
    round_done(qtbot, gui)
    assert (chat(gui).unread or 0) == 1
    chat_signed_out_in_element(qtbot, gui, synapse, monkeypatch)
    monkeypatch.setenv("FAKE_BROWSER_ACTION", "login")
    gui.waiting.strip.sign_in.click()
    qtbot.waitUntil(lambda: chat(gui).availability == Availability.OK, timeout=WAIT_MS)
    assert chat(gui).unread == 1
    assert gui.window.model.find("chat").data(Role.BADGE) == "1"
