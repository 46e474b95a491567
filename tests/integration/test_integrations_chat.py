# SPDX-License-Identifier: EUPL-1.2
"""Chat against a REAL Synapse (PyPI matrix-synapse[oidc], its own venv under build/,
tests/stack/synapse.py), whose OpenID Connect login is the real test identity provider.

The launcher signs in at the provider with the fake browser; the chat's single
sign-on then runs through Synapse and the provider in the same browser (its session
makes it silent) back to the launcher's loopback listener. Max, a second user, posts
and mentions through Synapse's own API.
"""

from __future__ import annotations

import queue
import threading
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from harness import Browser
from integration_kit import integrations, signed_in, sso_gives_up_after
from synapse import ERIKA, TestSynapse

from workplace.auth.keyring_store import KeyringStore
from workplace.auth.service_tokens import ServiceTokens
from workplace.integrations.model import Availability, Reading

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def synapse(shared_provider: Any) -> Iterator[TestSynapse]:
    with TestSynapse(shared_provider.issuer, jwt=True) as running:
        yield running


@pytest.fixture(autouse=True)
def erika_signed_out(synapse: TestSynapse) -> Iterator[None]:
    """The module's Synapse is shared and the tests run in random order: each ends with
    Erika signed in nowhere, so no test sees another's devices."""
    yield
    synapse.sign_out_everywhere(ERIKA)


@pytest.fixture
def tokens(secret_service: Any, provider: Any) -> Iterator[ServiceTokens]:
    store = KeyringStore(secret_service, service=f"workplace-test-{uuid.uuid4()}")
    found = ServiceTokens(store, provider.issuer)
    yield found
    found.forget("chat")


def chat(synapse: TestSynapse, **extra: Any) -> dict[str, Any]:
    return {"chat": {"enabled": True, "homeserver_url": synapse.url,
                     "audience": "opendesk-matrix", "scopes": ["matrix"], **extra}}


def sso_rounds(browser: Browser, synapse: TestSynapse) -> int:
    return sum(1 for url in browser.visits if "/once/" in url)


def our_devices(synapse: TestSynapse) -> dict[str, str]:
    return {device: name for device, name in synapse.devices(ERIKA).items()
            if name.startswith("Arbeitsplatz")}


def test_single_sign_on_gets_a_matrix_token_and_counts_unread_rooms(
    harness: Any, synapse: TestSynapse, tokens: ServiceTokens
) -> None:
    auth = signed_in(harness)
    kit = integrations(harness, auth, chat(synapse), service_tokens=tokens)
    first = kit.check("chat")
    assert first.availability == Availability.OK, (first.detail, synapse.logs()[-2000:])
    assert sso_rounds(harness.browser, synapse) == 1  # one silent round in the browser
    # The browser never got the loopback address that receives the login token on its
    # command line, only a one-time address that redirects.
    assert "loginToken" not in harness.browser.visits[-1]
    stored = tokens.load("chat")
    assert stored is not None
    assert stored["user_id"] == ERIKA  # kept in the keyring
    assert our_devices(synapse) == {stored["device_id"]: "Arbeitsplatz auf testhost"}

    room = synapse.room_with_erika()
    baseline = kit.check("chat")
    assert baseline.availability == Availability.OK
    synapse.say(room, "Guten Morgen")
    raised = kit.check("chat")
    assert raised.unread == (baseline.unread or 0) + 1  # a room, not a message
    synapse.say(room, "Noch eine Frage")
    assert kit.check("chat").unread == raised.unread  # still one room
    assert raised.mentions == baseline.mentions

    mentioned_event = synapse.say(room, "Erika, kannst du helfen?", mention=ERIKA)
    mentioned = kit.check("chat")
    assert mentioned.mentions == (baseline.mentions or 0) + 1
    assert mentioned.unread == raised.unread

    # Erika reads the room elsewhere (Element on another device): the receipt lowers it.
    synapse.read(synapse.login_as(ERIKA), room, mentioned_event)
    read = kit.check("chat")
    assert read.unread == baseline.unread and read.mentions == baseline.mentions
    assert sso_rounds(harness.browser, synapse) == 1  # the token was used throughout


def test_rooms_unread_before_the_first_sync_are_counted_at_once(
    harness: Any, synapse: TestSynapse, tokens: ServiceTokens
) -> None:
    """A new start (an initial /sync) counts the rooms that were unread before it, as
    the running launcher's incremental syncs did (Synapse leaves a room out of an
    initial sync when the filter leaves nothing of it)."""
    auth = signed_in(harness)
    running = integrations(harness, auth, chat(synapse), service_tokens=tokens)
    assert running.check("chat").availability == Availability.OK
    synapse.say(synapse.room_with_erika("Kämmerei"), "Bitte um Rückruf")
    counted = running.check("chat")
    assert (counted.unread or 0) >= 1
    restarted = integrations(harness, auth, chat(synapse), service_tokens=tokens)
    first = restarted.check("chat")
    assert (first.unread, first.mentions) == (counted.unread, counted.mentions)


def test_a_restarted_launcher_uses_the_token_from_the_keyring(
    harness: Any, synapse: TestSynapse, tokens: ServiceTokens
) -> None:
    auth = signed_in(harness)
    assert integrations(harness, auth, chat(synapse), service_tokens=tokens
                        ).check("chat").availability == Availability.OK
    rounds = sso_rounds(harness.browser, synapse)
    again = integrations(harness, auth, chat(synapse), service_tokens=tokens).check("chat")
    assert again.availability == Availability.OK
    assert sso_rounds(harness.browser, synapse) == rounds  # no browser this time


def test_the_long_poll_brings_a_message_without_a_new_request(
    harness: Any, synapse: TestSynapse, tokens: ServiceTokens
) -> None:
    auth = signed_in(harness)
    kit = integrations(harness, auth, chat(synapse), service_tokens=tokens)
    # Erika's account exists once she signed in (the first test of a random order).
    assert kit.check("chat").availability == Availability.OK
    room = synapse.room_with_erika("Long poll")
    readings: queue.Queue[Reading] = queue.Queue()
    stop = threading.Event()
    ended: list[Reading | None] = []
    watcher = threading.Thread(
        target=lambda: ended.append(kit.watch("chat", readings.put, stop)), daemon=True)
    watcher.start()
    try:
        first = readings.get(timeout=60)
        assert first.availability == Availability.OK, first.detail
        synapse.say(room, "Hallo?", mention=ERIKA)
        second = readings.get(timeout=30)  # the held /sync answered
        assert second.unread == (first.unread or 0) + 1
        assert second.mentions == (first.mentions or 0) + 1
    finally:
        stop.set()
        kit.stop_watch("chat")  # hangs up the held request at once
        watcher.join(10)
    assert not watcher.is_alive() and ended == [None]


def test_a_revoked_matrix_token_starts_one_new_sign_in(
    harness: Any, synapse: TestSynapse, tokens: ServiceTokens
) -> None:
    auth = signed_in(harness)
    kit = integrations(harness, auth, chat(synapse), service_tokens=tokens)
    assert kit.check("chat").availability == Availability.OK
    old = tokens.load("chat")
    assert old is not None
    synapse.delete_device(ERIKA, old["device_id"])  # "sign out that session" in Element
    rounds = sso_rounds(harness.browser, synapse)
    reading = kit.check("chat")
    assert reading.availability == Availability.OK, reading.detail
    assert sso_rounds(harness.browser, synapse) == rounds + 1  # exactly one new round
    new = tokens.load("chat")
    assert new is not None and new["device_id"] != old["device_id"]
    assert auth.status().signed_in


def test_a_second_failure_asks_to_sign_in_to_the_chat_again(
    harness: Any, synapse: TestSynapse, tokens: ServiceTokens
) -> None:
    auth = signed_in(harness)
    kit = integrations(harness, auth, chat(synapse), service_tokens=tokens)
    assert kit.check("chat").availability == Availability.OK
    stored = tokens.load("chat")
    assert stored is not None
    synapse.delete_device(ERIKA, stored["device_id"])
    harness.browser.action = "ignore"  # the new round in the browser never comes back
    rounds = sso_rounds(harness.browser, synapse)
    with sso_gives_up_after(2):
        reading = kit.check("chat")
    assert reading.availability == Availability.SIGN_IN_AGAIN, reading.detail
    assert sso_rounds(harness.browser, synapse) == rounds + 1  # one round, not a loop
    assert auth.status().signed_in  # the launcher's own session goes on
    # No browser opens by itself again ...
    assert kit.check("chat").availability == Availability.SIGN_IN_AGAIN
    assert sso_rounds(harness.browser, synapse) == rounds + 1
    # ... until the user asks (the chat tile's "sign in again").
    harness.browser.action = "login"
    assert kit.sign_in("chat").availability == Availability.OK


def test_sign_out_logs_the_device_out_on_the_server(
    harness: Any, synapse: TestSynapse, tokens: ServiceTokens
) -> None:
    auth = signed_in(harness)
    kit = integrations(harness, auth, chat(synapse), service_tokens=tokens)
    assert kit.check("chat").availability == Availability.OK
    stored = tokens.load("chat")
    assert stored is not None
    assert stored["device_id"] in synapse.devices(ERIKA)
    kit.forget()
    assert stored["device_id"] not in synapse.devices(ERIKA)
    assert tokens.load("chat") is None


def test_the_jwt_login_needs_no_browser(
    harness: Any, synapse: TestSynapse, tokens: ServiceTokens
) -> None:
    auth = signed_in(harness)
    visits = len(harness.browser.visits)
    kit = integrations(harness, auth, chat(synapse, login="jwt"), service_tokens=tokens)
    reading = kit.check("chat")
    assert reading.availability == Availability.OK, (reading.detail, synapse.logs()[-2000:])
    assert len(harness.browser.visits) == visits
    stored = tokens.load("chat")
    assert stored is not None
    assert stored["user_id"] == ERIKA


def test_the_jwt_login_and_single_sign_on_reach_the_same_account(
    harness: Any, provider: Any, tokens: ServiceTokens
) -> None:
    # A Synapse of this test alone, so its first login is the JWT one whatever the order
    # (after it, a single sign-on found the localpart taken: @erika.mustermann1).
    with TestSynapse(provider.issuer, jwt=True) as fresh:
        auth = signed_in(harness)
        by_jwt = integrations(harness, auth, chat(fresh, login="jwt"), service_tokens=tokens)
        assert by_jwt.check("chat").availability == Availability.OK
        first = tokens.load("chat")
        assert first is not None
        assert first["user_id"] == ERIKA
        by_jwt.forget()
        by_sso = integrations(harness, auth, chat(fresh), service_tokens=tokens)
        reading = by_sso.check("chat")
        assert reading.availability == Availability.OK, reading.detail
        assert sso_rounds(harness.browser, fresh) == 1
        second = tokens.load("chat")
        assert second is not None
        assert second["user_id"] == ERIKA
        assert list(fresh.devices(ERIKA)) == [second["device_id"]]


def test_a_user_without_the_chat_scope_is_not_available(
    harness: Any, provider: Any, synapse: TestSynapse, tokens: ServiceTokens
) -> None:
    provider.set_behaviour(withhold_scopes=["matrix"])  # not in the chat's group
    auth = signed_in(harness)
    visits = len(harness.browser.visits)
    reading = integrations(harness, auth, chat(synapse), service_tokens=tokens).check("chat")
    assert reading.availability == Availability.NOT_AVAILABLE
    assert reading.badge is None
    assert len(harness.browser.visits) == visits  # no browser for a chat one may not use
