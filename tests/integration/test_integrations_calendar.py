# SPDX-License-Identifier: EUPL-1.2
"""The next meeting: CalDAV ``calendar-query`` against a REAL Radicale (PyPI, its own
virtual environment under build/, an auth plugin that introspects bearer tokens at the
test identity provider), and OX's calendar API (Chronos) through the STAND-IN
(tests/stack/ox_standin.py; OX cannot run here)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from integration_kit import USER, integrations, service, signed_in
from ox_standin import OxStandIn
from radicale_server import TestRadicale

from workplace.auth.app_passwords import AppPasswords
from workplace.integrations.model import Availability

pytestmark = pytest.mark.integration

VIDEO = service("video", "https://video.musterstadt.example/")
CHAT = service("chat", "https://chat.musterstadt.example/")


@pytest.fixture
def radicale(provider: Any) -> Iterator[TestRadicale]:
    with TestRadicale(provider.issuer) as running:
        yield running


def caldav(radicale: TestRadicale, **extra: Any) -> dict[str, Any]:
    return {"calendar": {"enabled": True, "backend": "caldav",
                         "caldav_url": radicale.calendar_url(), **extra}}


def reports(harness: Any) -> int:
    return sum(1 for method, _ in harness.recorder.calls if method == "REPORT")


def test_the_next_meeting_with_its_link_and_reminder(harness: Any, radicale: TestRadicale
                                                     ) -> None:
    now = harness.clock()
    radicale.add_event(USER, "Vorbei", now - 7200)
    radicale.add_event(USER, "Bürgersprechstunde", now + 7200, location="Raum 1.14")
    radicale.add_event(USER, "Teamrunde", now + 1800,
                       location="https://video.musterstadt.example/teamrunde")
    radicale.add_event(USER, "Abstimmung", now + 3600,
                       conference="https://video.musterstadt.example/abstimmung")
    radicale.add_event(USER, "Fremder Link", now + 5400,
                       description="Einwahl: https://elsewhere.example.org/x")
    auth = signed_in(harness)
    kit = integrations(harness, auth, caldav(radicale), services=(VIDEO, CHAT),
                       reminder_minutes=10)
    reading = kit.check("calendar")
    assert reading.availability == Availability.OK, (reading.detail, radicale.logs())
    titles = [m.title for m in reading.meetings]
    assert titles == ["Teamrunde", "Abstimmung", "Fremder Link", "Bürgersprechstunde"]
    first, second, foreign, room = reading.meetings
    assert first.join_url == "https://video.musterstadt.example/teamrunde"
    assert first.join_service == "video"
    assert first.reminder_at == pytest.approx(first.start - 600, abs=1)
    assert abs(first.start - (now + 1800)) < 2
    assert second.join_url == "https://video.musterstadt.example/abstimmung"
    assert foreign.join_url is None  # not a catalog host: never offered as "Join"
    assert room.join_url is None


def test_a_recurring_meeting_is_expanded_by_the_server(harness: Any, radicale: TestRadicale
                                                       ) -> None:
    now = harness.clock()
    radicale.add_event(USER, "Morgenrunde", now - 86400 + 600, rrule="FREQ=DAILY;COUNT=5")
    auth = signed_in(harness)
    reading = integrations(harness, auth, caldav(radicale)).check("calendar")
    assert reading.next_meeting is not None, (reading.detail, radicale.logs())
    assert reading.next_meeting.title == "Morgenrunde"
    assert abs(reading.next_meeting.start - (now + 600)) < 2


def test_an_unchanged_calendar_is_not_queried_again(harness: Any, radicale: TestRadicale
                                                    ) -> None:
    now = harness.clock()
    radicale.add_event(USER, "Teamrunde", now + 1800)
    auth = signed_in(harness)
    kit = integrations(harness, auth, caldav(radicale))
    assert kit.check("calendar").availability == Availability.OK
    assert reports(harness) == 1
    again = kit.check("calendar")  # only the collection's tag is asked for
    assert [m.title for m in again.meetings] == ["Teamrunde"]
    assert reports(harness) == 1
    radicale.add_event(USER, "Neu", now + 900)
    changed = kit.check("calendar")
    assert [m.title for m in changed.meetings] == ["Neu", "Teamrunde"]
    assert reports(harness) == 2


def test_an_application_password_entered_once(harness: Any, radicale: TestRadicale,
                                              secret_service: Any) -> None:
    radicale.add_event(USER, "Teamrunde", harness.clock() + 1800)
    radicale.set_app_password(USER, "anwendungs-passwort-1")
    auth = signed_in(harness)
    passwords = AppPasswords(harness.keyring, harness.provider.issuer, ("calendar",))
    kit = integrations(harness, auth, caldav(radicale, caldav_auth="app_password"),
                       app_passwords=passwords)
    try:
        assert kit.check("calendar").availability == Availability.NEEDS_PASSWORD
        kit.save_app_password("calendar", "falsch")
        assert kit.check("calendar").availability == Availability.NEEDS_PASSWORD
        kit.save_app_password("calendar", "anwendungs-passwort-1")
        reading = kit.check("calendar")
        assert reading.availability == Availability.OK, (reading.detail, radicale.logs())
        assert [m.title for m in reading.meetings] == ["Teamrunde"]
    finally:
        kit.forget()  # sign-out wipes it, as the refresh token
    assert passwords.load("calendar") is None


def test_the_next_meeting_from_the_ox_calendar_api(harness: Any, provider: Any) -> None:
    with OxStandIn(provider.issuer) as ox:
        now = harness.clock()
        ox.add_event("Teamrunde", now + 1800, conference="https://video.musterstadt.example/r1")
        ox.add_event("Sprechstunde", now + 600, location="Raum 2")
        auth = signed_in(harness)
        kit = integrations(harness, auth, {"calendar": {
            "enabled": True, "backend": "ox", "api_url": ox.api_url,
            "audience": "opendesk-oxappsuite", "scopes": ["read_calendar"]}},
            services=(VIDEO,))
        reading = kit.check("calendar")
        assert reading.availability == Availability.OK, reading.detail
        assert [m.title for m in reading.meetings] == ["Sprechstunde", "Teamrunde"]
        assert reading.meetings[1].join_url == "https://video.musterstadt.example/r1"
        assert reading.meetings[1].join_service == "video"
        assert ox.outcomes("/chronos") == ["ok"]
