# SPDX-License-Identifier: EUPL-1.2
"""Every routing rule of workplace.links: a link and a catalog -> one action."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from workplace.catalog.catalog import Catalog
from workplace.config.schema import LinkSettings, NativeApp, Tenant
from workplace.links.action import (
    AskFirst,
    Kind,
    OpenAddress,
    OpenService,
    Refusal,
    Refused,
    ShowSearch,
    StartProgram,
)
from workplace.links.route import route

TENANT: dict[str, Any] = {
    "services": [
        {"id": "mail", "name": "Mail", "url": "https://webmail.example.org/"},
        {"id": "calendar", "name": "Kalender",
         "url": "https://webmail.example.org/appsuite/#!!&app=io.ox/calendar"},
        {"id": "chat", "name": "Chat", "url": "https://chat.example.org/", "zone": "intranet"},
        {"id": "video", "name": "Video", "url": "https://meet.example.org/",
         "low_bandwidth_url": "https://meet.example.org/audio"},
        {"id": "files", "name": "Dateien", "url": "https://files.example.org/"},
    ],
    "native_apps": {
        "thunderbird": {"linux": {"exec": "/usr/bin/thunderbird", "args": ["-compose"]}},
        "softphone": {"linux": {"exec": "/opt/phone/phone"}},
        "winmail": {"windows": {"exec": "C:\\Mail\\mail.exe"}},
    },
}
COMPOSE = "https://webmail.example.org/compose?to={to}&cc={cc}&subject={subject}&body={body}"


@pytest.fixture
def catalog() -> Catalog:
    return Catalog.from_tenant(Tenant.model_validate(TENANT))


@pytest.fixture
def apps() -> dict[str, NativeApp]:
    return dict(Tenant.model_validate(TENANT).native_apps)


def go(text: str, catalog: Catalog, apps: dict[str, NativeApp] | None = None,
       **links: Any) -> Any:
    settings = LinkSettings(**{"mail_compose_url": COMPOSE, **links})
    return route(text, catalog, settings, apps or {}, platform="linux")


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


# --------------------------------------------------------------------------- mailto:


def test_mailto_opens_the_compose_view_of_the_mail_service(catalog: Catalog) -> None:
    action = go("mailto:erika@musterstadt.example?subject=Test%20%C3%BCber&body=Hallo%0AWelt"
                "&cc=max@musterstadt.example", catalog)
    assert isinstance(action, OpenService)
    assert (action.kind, action.service.id) == (Kind.MAIL, "mail")  # preferred over calendar
    assert action.url.startswith("https://webmail.example.org/compose?")
    assert query(action.url) == {
        "to": ["erika@musterstadt.example"], "cc": ["max@musterstadt.example"],
        "subject": ["Test über"], "body": ["Hallo\nWelt"],
    }


def test_mailto_values_cannot_add_parameters_or_change_the_host(catalog: Catalog) -> None:
    action = go("mailto:erika@musterstadt.example?subject=a%26to%3Devil%40x.example%23frag"
                "&body=%2F%2Fevil.example", catalog)
    assert isinstance(action, OpenService)
    parts = urlsplit(action.url)
    assert (parts.hostname, parts.fragment) == ("webmail.example.org", "")
    assert query(action.url)["to"] == ["erika@musterstadt.example"]
    assert query(action.url)["subject"] == ["a&to=evil@x.example#frag"]


def test_mailto_drops_every_other_header(catalog: Catalog, apps: dict[str, NativeApp]) -> None:
    link = ("mailto:erika@musterstadt.example?attach=/home/erika/.ssh/id_rsa"
            "&In-Reply-To=%3Cx%3E&subject=Hi")
    action = go(link, catalog, apps, mail_compose_url="", mail_native_app="thunderbird")
    assert action == StartProgram(Kind.MAIL, "thunderbird",
                                  "mailto:erika@musterstadt.example?subject=Hi")


def test_mailto_whole_link_placeholder(catalog: Catalog) -> None:
    template = "https://webmail.example.org/appsuite/#app=io.ox/mail/compose:compose&mailto={mailto}"
    action = go("mailto:a@musterstadt.example,b@musterstadt.example?subject=x&attach=/etc/passwd",
                catalog, mail_compose_url=template)
    assert isinstance(action, OpenService)
    fragment = urlsplit(action.url).fragment
    assert unquote(fragment.split("mailto=", 1)[1]) == (
        "mailto:a@musterstadt.example,b@musterstadt.example?subject=x"
    )


def test_mailto_without_recipient_opens_an_empty_compose_view(catalog: Catalog) -> None:
    action = go("mailto:?subject=Idee", catalog)
    assert isinstance(action, OpenService)
    assert query(action.url)["to"] == [""]


def test_mailto_native_program_missing_on_this_platform_is_refused(
    catalog: Catalog, apps: dict[str, NativeApp]
) -> None:
    action = go("mailto:a@musterstadt.example", catalog, apps, mail_compose_url="",
                mail_native_app="winmail")
    assert isinstance(action, Refused)
    assert action.reason is Refusal.MAIL_NOT_SET_UP
    assert "winmail" in action.detail and "winmail" in action.detail_de


def test_mailto_is_refused_when_nothing_is_set_up(catalog: Catalog) -> None:
    action = go("mailto:a@musterstadt.example", catalog, mail_compose_url="")
    assert isinstance(action, Refused)
    assert (action.reason, action.kind) == (Refusal.MAIL_NOT_SET_UP, Kind.MAIL)


def test_compose_view_on_no_service_host_opens_as_it_is(catalog: Catalog) -> None:
    action = go("mailto:a@musterstadt.example", catalog,
                mail_compose_url="https://post.example.net/new?to={to}")
    assert action == OpenAddress(Kind.MAIL, "https://post.example.net/new?to=a%40musterstadt.example")


# --------------------------------------------------------------------------- matrix:


@pytest.mark.parametrize(
    ("link", "fragment"),
    [
        ("matrix:r/team:example.org", "/room/#team:example.org"),
        ("matrix:roomid/AbC123:example.org", "/room/!AbC123:example.org"),
        ("matrix:u/erika:example.org", "/user/@erika:example.org"),
        ("matrix:roomid/AbC:example.org/e/Ev1?via=example.org&via=other.example:8448",
         "/room/!AbC:example.org/$Ev1?via=example.org&via=other.example:8448"),
        ("matrix:r/team:example.org?action=join", "/room/#team:example.org"),
        ("https://matrix.to/#/%23team:example.org", "/room/#team:example.org"),
        ("https://matrix.to/#/#team:example.org", "/room/#team:example.org"),
        ("https://matrix.to/#/@erika:example.org", "/user/@erika:example.org"),
        ("https://matrix.to/#/!AbC:example.org/$Ev1?via=example.org",
         "/room/!AbC:example.org/$Ev1?via=example.org"),
    ],
)
def test_chat_links_open_the_chat_at_the_room_or_person(
    catalog: Catalog, link: str, fragment: str
) -> None:
    action = go(link, catalog)
    assert isinstance(action, OpenService)
    assert (action.kind, action.service.id, action.link) == (Kind.CHAT, "chat", link)
    assert action.url == f"https://chat.example.org/#{fragment}"


def test_chat_link_without_a_chat_service_is_refused(catalog: Catalog) -> None:
    action = go("matrix:u/erika:example.org", catalog, chat_service="element")
    assert isinstance(action, Refused)
    assert action.reason is Refusal.CHAT_NOT_SET_UP


@pytest.mark.parametrize(
    "link",
    [
        "matrix:x/team:example.org",  # unknown kind
        "matrix:r/team",  # no server
        "matrix:u/erika:example.org/e/ev",  # an event of a person
        "matrix:r/:example.org",
        "https://matrix.to/#/+group:example.org",
        "https://matrix.to/team",
    ],
)
def test_malformed_chat_links_are_refused(catalog: Catalog, link: str) -> None:
    action = go(link, catalog)
    assert isinstance(action, Refused)
    assert (action.reason, action.kind) == (Refusal.MALFORMED, Kind.CHAT)


# --------------------------------------------------------------------------- meetings, web


def test_meeting_link_opens_as_the_video_service_with_the_data_saver_address(
    catalog: Catalog,
) -> None:
    link = "https://meet.example.org/Teamrunde?jwt=abc"
    action = go(link, catalog, meeting_low_bandwidth_url="{url}#config.startAudioOnly=true")
    assert action == OpenService(
        Kind.MEETING, catalog.get("video"), link,  # type: ignore[arg-type]
        "https://meet.example.org/Teamrunde?jwt=abc#config.startAudioOnly=true", link,
    )
    other = go(link, catalog, meeting_low_bandwidth_url="https://meet.example.org/audio?r={path}")
    assert isinstance(other, OpenService)
    assert other.low_bandwidth_url == "https://meet.example.org/audio?r=%2FTeamrunde%3Fjwt%3Dabc"


def test_meeting_link_without_a_data_saver_template_opens_as_it_is(catalog: Catalog) -> None:
    action = go("https://meet.example.org/Teamrunde", catalog)
    assert isinstance(action, OpenService)
    assert action.low_bandwidth_url is None  # not the service's own audio page: the room counts


def test_a_link_on_another_services_host_opens_as_that_service(catalog: Catalog) -> None:
    action = go("https://files.example.org/s/Ab12", catalog)
    assert isinstance(action, OpenService)
    assert (action.kind, action.service.id, action.url) == (
        Kind.WEB, "files", "https://files.example.org/s/Ab12")


def test_a_host_outside_the_catalog_asks_first(catalog: Catalog) -> None:
    assert go("https://www.example.com/page", catalog) == AskFirst(
        "https://www.example.com/page", "www.example.com")
    # Same host, other port: not the service.
    assert isinstance(go("https://files.example.org:8443/x", catalog), AskFirst)


# --------------------------------------------------------------------------- tel:


def test_tel_goes_to_the_dial_in_page_as_the_video_service(catalog: Catalog) -> None:
    action = go("tel:+49%2030%20123-45", catalog,
                tel_url="https://meet.example.org/dial?number={number}")
    assert isinstance(action, OpenService)
    assert (action.kind, action.service.id) == (Kind.PHONE, "video")
    assert action.url == "https://meet.example.org/dial?number=%2B493012345"


def test_tel_with_raw_spaces_and_parameters(catalog: Catalog) -> None:
    action = go("tel:+49 (30) 123-45;ext=7", catalog, tel_url="sip:{number}@pbx.example.org")
    assert action == OpenAddress(Kind.PHONE, "sip:%2B493012345@pbx.example.org", desktop=True)


def test_tel_goes_to_the_softphone_program(catalog: Catalog, apps: dict[str, NativeApp]) -> None:
    action = go("tel:0301234", catalog, apps, tel_native_app="softphone")
    assert action == StartProgram(Kind.PHONE, "softphone", "tel:0301234")


def test_tel_is_refused_when_nothing_is_set_up(catalog: Catalog) -> None:
    action = go("tel:+49301234", catalog)
    assert isinstance(action, Refused)
    assert action.reason is Refusal.TEL_NOT_SET_UP


@pytest.mark.parametrize("link", ["tel:", "tel:0800-FLOWERS", "tel:1" * 1 + "2" * 40])
def test_not_a_phone_number_is_refused(catalog: Catalog, link: str) -> None:
    action = go(link, catalog, tel_url="sip:{number}")
    assert isinstance(action, Refused)
    assert (action.reason, action.kind) == (Refusal.MALFORMED, Kind.PHONE)


# --------------------------------------------------------------------------- arbeitsplatz://


def test_open_link_opens_the_service(catalog: Catalog) -> None:
    action = go("arbeitsplatz://open/video", catalog)
    assert action == OpenService(
        Kind.SERVICE, catalog.get("video"), "https://meet.example.org/",  # type: ignore[arg-type]
        "https://meet.example.org/audio", "arbeitsplatz://open/video",
    )
    assert isinstance(go("ARBEITSPLATZ://Open/files/", catalog), OpenService)


@pytest.mark.parametrize("service_id", ["nope", "Calendar%2F..", "x" * 70])
def test_unknown_service_is_refused_naming_it(catalog: Catalog, service_id: str) -> None:
    action = go(f"arbeitsplatz://open/{service_id}", catalog)
    assert isinstance(action, Refused)
    assert action.reason is Refusal.UNKNOWN_SERVICE
    assert action.service_id and len(action.service_id) <= 64


def test_search_link_shows_the_search(catalog: Catalog) -> None:
    assert go("arbeitsplatz://search?q=Reise+antrag%20%C3%A4", catalog) == ShowSearch(
        "Reise antrag ä")
    assert go("arbeitsplatz://search/?q=", catalog) == ShowSearch("")


@pytest.mark.parametrize(
    "link",
    [
        "arbeitsplatz://run?cmd=rm",
        "arbeitsplatz://open/mail?then=https://evil.example",
        "arbeitsplatz://open/mail#x",
        "arbeitsplatz://user@open/mail",
        "arbeitsplatz://open:8080/mail",
        "arbeitsplatz://search?q=a&launch=mail",
        "arbeitsplatz://search?q=a&q=b",
        "arbeitsplatz://search/more?q=a",
        "arbeitsplatz:open/mail",
        "arbeitsplatz://settings?proxy=http://evil.example:3128",
    ],
)
def test_a_page_can_only_open_a_service_or_search(catalog: Catalog, link: str) -> None:
    action = go(link, catalog)
    assert isinstance(action, Refused)
    assert action.reason is Refusal.NOT_ALLOWED


def test_an_over_long_search_is_refused(catalog: Catalog) -> None:
    action = go("arbeitsplatz://search?q=" + "a" * 201, catalog)
    assert isinstance(action, Refused)
    assert action.reason is Refusal.TOO_LONG
