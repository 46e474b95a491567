# SPDX-License-Identifier: EUPL-1.2
"""Portal announcements against a STAND-IN for the Nubus portal's notifications API
(tests/stack/portal_standin.py): Nubus cannot run on this machine. The stand-in answers
like the API's OpenAPI description, with its event stream, and takes only bearer JWTs
from the real test identity provider with the portal's audience.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from integration_kit import integrations, signed_in
from portal_standin import PortalStandIn

from workplace.integrations.model import Availability, Reading

pytestmark = pytest.mark.integration


@pytest.fixture
def nubus(provider: Any) -> Iterator[PortalStandIn]:
    with PortalStandIn(provider.issuer) as running:
        yield running


def portal(nubus: PortalStandIn) -> dict[str, Any]:
    return {"portal": {"enabled": True, "api_url": nubus.api_url,
                       "audience": "opendesk-portal", "scopes": ["portal"]}}


def test_announcements_are_read_and_a_closed_banner_is_hidden_on_the_server(
    harness: Any, nubus: PortalStandIn
) -> None:
    ident = nubus.announce("Wartung am Samstag", "Von 8 bis 12 Uhr ist das Portal nicht da.",
                           link="https://portal.musterstadt.example/wartung")
    nubus.announce("Abgelaufen", expires_in=-60)
    kit = integrations(harness, signed_in(harness), portal(nubus))
    reading = kit.check("portal")
    assert reading.availability == Availability.OK, reading.detail
    assert reading.badge is None  # a banner, not a badge
    assert [(n.title, n.severity, n.popup) for n in reading.notices] == [
        ("Wartung am Samstag", "warning", True)]  # the expired one is not shown
    assert reading.notices[0].link == "https://portal.musterstadt.example/wartung"
    assert kit.dismiss("portal", ident) is True
    assert nubus.state.notifications[ident]["popup"] is False
    assert [n.popup for n in kit.check("portal").notices] == [False]


def test_the_event_stream_brings_an_announcement_at_once(
    harness: Any, nubus: PortalStandIn
) -> None:
    kit = integrations(harness, signed_in(harness), portal(nubus))
    readings: queue.Queue[Reading] = queue.Queue()
    stop = threading.Event()
    ended: list[Reading | None] = []
    watcher = threading.Thread(
        target=lambda: ended.append(kit.watch("portal", readings.put, stop)), daemon=True)
    watcher.start()
    try:
        first = readings.get(timeout=30)
        assert first.availability == Availability.OK and first.notices == (), first.detail
        ident = nubus.announce("Störung im Bürgeramt", severity="error")
        pushed = readings.get(timeout=30)  # through the open stream: no new request
        assert [n.title for n in pushed.notices] == ["Störung im Bürgeramt"]
        assert nubus.outcomes("GET", "/notifications/") == ["ok"]
        nubus.withdraw(ident)
        assert readings.get(timeout=30).notices == ()
    finally:
        stop.set()
        kit.stop_watch("portal")
        watcher.join(10)
    assert not watcher.is_alive() and ended == [None]


def test_a_token_without_the_portal_audience_is_not_available(
    harness: Any, provider: Any, nubus: PortalStandIn
) -> None:
    provider.set_behaviour(withhold_scopes=["portal"])
    reading = integrations(harness, signed_in(harness), portal(nubus)).check("portal")
    assert reading.availability == Availability.NOT_AVAILABLE
    assert nubus.state.requests == []
