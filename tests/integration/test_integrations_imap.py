# SPDX-License-Identifier: EUPL-1.2
"""Unread mail over IMAP against a REAL Dovecot (Debian's dovecot-imapd), started on
loopback by the test, its ``oauth2`` passdb introspecting every token at the real test
identity provider (tests/stack/dovecot.py). TLS with a throw-away test CA."""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from dovecot import TestDovecot
from integration_kit import USER, integrations, signed_in

from workplace.integrations.model import Availability, Reading

pytestmark = pytest.mark.integration


@pytest.fixture
def dovecot(provider: Any, ca: Any, tmp_path: Any) -> Iterator[TestDovecot]:
    with TestDovecot(provider.issuer, ca.ca_file.parent / "server.pem") as running:
        yield running


def mail(dovecot: TestDovecot, **extra: Any) -> dict[str, Any]:
    return {"mail": {"enabled": True, "backend": "imap", "imap_host": "127.0.0.1",
                     "imap_port": dovecot.port, "audience": "opendesk-dovecot",
                     "scopes": ["imap"], **extra}}


def token_requests(harness: Any) -> int:
    return sum(1 for method, path in harness.recorder.calls
               if method == "POST" and path == "/token")


@pytest.mark.parametrize("mechanism", ["oauthbearer", "xoauth2"])
def test_the_badge_counts_unseen_mail_from_status(
    harness: Any, dovecot: TestDovecot, ca: Any, mechanism: str
) -> None:
    dovecot.deliver(USER, "Antrag 1")
    dovecot.deliver(USER, "Antrag 2")
    dovecot.deliver(USER, "gelesen", seen=True)
    auth = signed_in(harness)
    kit = integrations(harness, auth, mail(dovecot, imap_mechanism=mechanism),
                       ca_file=ca.ca_file)
    reading = kit.check("mail")
    assert reading.availability == Availability.OK, (reading.detail, dovecot.logs())
    assert reading.unread == 2


@contextlib.contextmanager
def watching(kit: Any, on_reading: Callable[[Reading], None]) -> Iterator[None]:
    """``kit.watch("mail", ...)`` in its own thread, as the program runs it; stopped at
    the end, and it must then end quietly (no "connection dropped")."""
    stop = threading.Event()
    ended: list[Reading | None] = []
    watcher = threading.Thread(
        target=lambda: ended.append(kit.watch("mail", on_reading, stop)), daemon=True)
    watcher.start()
    try:
        yield
    finally:
        stop.set()
        kit.stop_watch()
        watcher.join(10)
    assert not watcher.is_alive() and ended == [None]


def test_idle_delivers_a_new_mail(harness: Any, dovecot: TestDovecot, ca: Any) -> None:
    dovecot.deliver(USER, "Antrag 1")
    auth = signed_in(harness)
    kit = integrations(harness, auth, mail(dovecot), ca_file=ca.ca_file)
    readings: queue.Queue[Reading] = queue.Queue()
    with watching(kit, readings.put):
        first = readings.get(timeout=20)
        assert (first.availability, first.unread) == (Availability.OK, 1), first.detail
        dovecot.wait_idling(USER)  # the server watches the mailbox now
        dovecot.deliver(USER, "Antrag 2")
        second = readings.get(timeout=30)  # pushed by the server: no poll in between
        assert second.unread == 2


def test_a_mail_arriving_as_idle_starts_is_not_held_back(
    harness: Any, dovecot: TestDovecot, ca: Any
) -> None:
    """A mail that lands between the first count and IDLE: Dovecot reports it at once,
    in the same TLS record as its "+ idling". Reading that line buffers the rest; the
    client must read on from its buffer, not wait for the socket to wake (it would not
    until the next keepalive, minutes later)."""
    dovecot.deliver(USER, "Antrag 1")
    auth = signed_in(harness)
    kit = integrations(harness, auth, mail(dovecot), ca_file=ca.ca_file)
    readings: queue.Queue[Reading] = queue.Queue()

    def on_reading(reading: Reading) -> None:
        if readings.empty():  # the first count: IDLE has not been sent yet
            dovecot.deliver(USER, "Antrag 2")
        readings.put(reading)

    with watching(kit, on_reading):
        first = readings.get(timeout=20)
        assert (first.availability, first.unread) == (Availability.OK, 1), first.detail
        second = readings.get(timeout=30)
        assert second.unread == 2


def test_an_expired_token_is_refreshed_once(harness: Any, dovecot: TestDovecot, ca: Any) -> None:
    dovecot.deliver(USER)
    auth = signed_in(harness)
    kit = integrations(harness, auth, mail(dovecot), ca_file=ca.ca_file)
    before = token_requests(harness)
    harness.clock.advance(600)  # the 300 s access token has expired on this side
    reading = kit.check("mail")
    assert reading.availability == Availability.OK, (reading.detail, dovecot.logs())
    assert token_requests(harness) == before + 1


def test_a_token_the_server_no_longer_takes_is_refreshed_once(
    harness: Any, provider: Any, dovecot: TestDovecot, ca: Any
) -> None:
    dovecot.deliver(USER)
    auth = signed_in(harness)
    token = auth.token_for()
    # The provider tells Dovecot once that the token is no longer active (it expired or
    # was revoked on the provider's side between the launcher's refreshes).
    provider.set_behaviour(introspection_inactive_next=1)
    kit = integrations(harness, auth, mail(dovecot), ca_file=ca.ca_file)
    before = token_requests(harness)
    reading = kit.check("mail")
    assert reading.availability == Availability.OK, (reading.detail, dovecot.logs())
    assert token_requests(harness) == before + 1  # Dovecot said no; one refresh, then yes
    assert auth.token_for() != token


def test_a_revoked_access_ends_in_sign_in_again_for_mail_only(
    harness: Any, provider: Any, dovecot: TestDovecot, ca: Any
) -> None:
    from ox_standin import OxStandIn

    dovecot.deliver(USER)
    auth = signed_in(harness)
    # The provider no longer vouches for the user's tokens towards the mail server.
    provider.set_behaviour(introspection_inactive=["opendesk-dovecot"])
    with OxStandIn(provider.issuer) as ox:
        ox.add_event("Abstimmung", harness.clock() + 1800)
        kit = integrations(harness, auth, {
            **mail(dovecot),
            "calendar": {"enabled": True, "backend": "ox", "api_url": ox.api_url,
                         "audience": "opendesk-oxappsuite", "scopes": ["read_calendar"]}},
            ca_file=ca.ca_file)
        before = token_requests(harness)
        reading = kit.check("mail")
        assert reading.availability == Availability.SIGN_IN_AGAIN, reading.detail
        assert token_requests(harness) == before + 1  # refreshed once, not in a loop
        assert auth.status().signed_in  # the launcher's session goes on ...
        calendar = kit.check("calendar")  # ... and so do the other integrations
        assert calendar.availability == Availability.OK, calendar.detail
        assert calendar.next_meeting is not None
        assert calendar.next_meeting.title == "Abstimmung"
