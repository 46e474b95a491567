# SPDX-License-Identifier: EUPL-1.2
"""The routing rules: an incoming link and the trusted effective catalog -> one action.

- ``mailto:`` -> IT's mail program (``links.mail_native_app``, a cleaned ``mailto:``
  link as its argument), else the compose view (``links.mail_compose_url`` filled in),
  else refused: "not set up".
- ``matrix:`` and ``https://matrix.to/#/…`` -> the chat service (``links.chat_service``)
  at the room or person, in Element's address form (``#/room/…``, ``#/user/…``).
- a web link on the video service's host -> that service at the link (the data-saver
  address from ``links.meeting_low_bandwidth_url``); on another service's host -> that
  service at the link; on any other host -> ask first.
- ``tel:`` -> IT's softphone program (``links.tel_native_app``), else ``links.tel_url``
  filled in (a dial-in page, or a softphone's ``sip:`` address), else refused.
- ``arbeitsplatz://open/<id>`` -> the service, or refused: unknown service;
  ``arbeitsplatz://search?q=…`` -> the window with that search.

An address IT configured (a compose view, a dial-in page) opens as the service whose
host it is on when there is one (intranet warning, "Recently used"), else as it is.
Every web address of an action has passed the URL rules.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from urllib.parse import quote

from workplace.catalog.catalog import Catalog
from workplace.config.schema import LinkSettings, NativeApp, Service
from workplace.config.urls import UnsafeUrlError, check_url
from workplace.config.urltemplate import SOFTPHONE_SCHEMES, fill, fill_meeting
from workplace.links.action import (
    Action,
    AskFirst,
    Kind,
    LinkRefused,
    OpenAddress,
    OpenService,
    Refusal,
    Refused,
    ShowSearch,
    StartProgram,
)
from workplace.links.parse import (
    ChatLink,
    MailLink,
    PhoneLink,
    SearchLink,
    ServiceLink,
    WebLink,
    origin_of,
    parse,
    trimmed,
)

_MATRIX_SAFE = "#!@:$._=-+~"


def route(
    text: object,
    catalog: Catalog,
    links: LinkSettings,
    native_apps: Mapping[str, NativeApp],
    platform: str = sys.platform,
) -> Action:
    """What to do with the link ``text``; never raises for any input."""
    link_text = trimmed(text)
    try:
        link = parse(text)
        if isinstance(link, MailLink):
            return _mail(link, link_text, catalog, links, native_apps, platform)
        if isinstance(link, ChatLink):
            return _chat(link, link_text, catalog, links)
        if isinstance(link, PhoneLink):
            return _phone(link, link_text, catalog, links, native_apps, platform)
        if isinstance(link, ServiceLink):
            return _service(link, link_text, catalog)
        if isinstance(link, SearchLink):
            return ShowSearch(link.query)
        return _web(link, link_text, catalog, links)
    except LinkRefused as exc:
        return exc.refused


def _checked(url: str, kind: Kind) -> str:
    try:
        return check_url(url)
    except UnsafeUrlError as exc:
        raise LinkRefused(Refused(Refusal.UNSAFE_ADDRESS, str(exc), exc.message_de, kind)) from None


def _on_host(
    kind: Kind, url: str, link: str, catalog: Catalog, preferred: str = ""
) -> OpenService | OpenAddress:
    """The service ``url`` is on (``preferred`` first), or the address as it is."""
    origin = origin_of(url)
    first = catalog.get(preferred) if preferred else None
    for service in (first, *catalog.services):
        if service is not None and origin_of(service.url) == origin:
            return OpenService(kind, service, url, None, link)
    return OpenAddress(kind, url)


def _program(
    kind: Kind, app_id: str, argument: str, native_apps: Mapping[str, NativeApp], platform: str
) -> StartProgram | Refused:
    app = native_apps.get(app_id)
    if app is None or app.command_for(platform) is None:
        reason = Refusal.MAIL_NOT_SET_UP if kind is Kind.MAIL else Refusal.TEL_NOT_SET_UP
        return Refused(
            reason,
            f"the program {app_id!r} is not set up for this computer in [native_apps]",
            f"das Programm {app_id!r} ist für diesen Rechner nicht in [native_apps] "
            "eingerichtet",
            kind,
        )
    return StartProgram(kind, app_id, argument)


def _mail(
    link: MailLink, text: str, catalog: Catalog, links: LinkSettings,
    native_apps: Mapping[str, NativeApp], platform: str,
) -> Action:
    if links.mail_native_app:
        return _program(Kind.MAIL, links.mail_native_app, link.mailto(), native_apps, platform)
    if not links.mail_compose_url:
        return Refused(
            Refusal.MAIL_NOT_SET_UP,
            "IT has not set where e-mail links open (links.mail_compose_url)",
            "die IT hat nicht eingestellt, wo E-Mail-Links geöffnet werden "
            "(links.mail_compose_url)",
            Kind.MAIL,
        )
    values = {
        "to": ",".join(link.to), "cc": ",".join(link.cc), "bcc": ",".join(link.bcc),
        "subject": link.subject, "body": link.body, "mailto": link.mailto(),
    }
    url = _checked(fill(links.mail_compose_url, values), Kind.MAIL)
    return _on_host(Kind.MAIL, url, text, catalog, preferred="mail")


def element_fragment(link: ChatLink) -> str:
    """Element Web's address of a room or person: ``/room/#a:b/$event?via=c``, ``/user/@u:b``."""
    target = quote(link.target, safe=_MATRIX_SAFE)
    if link.is_user:
        return f"/user/{target}"
    fragment = f"/room/{target}"
    if link.event:
        fragment += "/" + quote(link.event, safe=_MATRIX_SAFE)
    if link.via:
        fragment += "?" + "&".join(f"via={quote(v, safe=':.-')}" for v in link.via)
    return fragment


def _chat(link: ChatLink, text: str, catalog: Catalog, links: LinkSettings) -> Action:
    service = catalog.get(links.chat_service)
    if service is None:
        return Refused(
            Refusal.CHAT_NOT_SET_UP,
            f"there is no chat service {links.chat_service!r} in the catalog "
            "(links.chat_service)",
            f"im Katalog gibt es keinen Chat-Dienst {links.chat_service!r} "
            "(links.chat_service)",
            Kind.CHAT,
        )
    base = service.url.split("#", 1)[0]
    url = _checked(f"{base}#{element_fragment(link)}", Kind.CHAT)
    return OpenService(Kind.CHAT, service, url, None, text)


def _phone(
    link: PhoneLink, text: str, catalog: Catalog, links: LinkSettings,
    native_apps: Mapping[str, NativeApp], platform: str,
) -> Action:
    if links.tel_native_app:
        return _program(
            Kind.PHONE, links.tel_native_app, f"tel:{link.number}", native_apps, platform
        )
    if not links.tel_url:
        return Refused(
            Refusal.TEL_NOT_SET_UP,
            "IT has not set where phone links go (links.tel_url)",
            "die IT hat nicht eingestellt, wohin Telefon-Links gehen (links.tel_url)",
            Kind.PHONE,
        )
    url = fill(links.tel_url, {"number": link.number})
    if url.split(":", 1)[0].lower() in SOFTPHONE_SCHEMES:
        return OpenAddress(Kind.PHONE, url, desktop=True)
    return _on_host(Kind.PHONE, _checked(url, Kind.PHONE), text, catalog, links.video_service)


def _service(link: ServiceLink, text: str, catalog: Catalog) -> Action:
    service = catalog.get(link.service_id)
    if service is None:
        return Refused(
            Refusal.UNKNOWN_SERVICE,
            f"there is no service {link.service_id!r}",
            f"es gibt keinen Dienst {link.service_id!r}",
            Kind.SERVICE,
            link.service_id,
        )
    return OpenService(Kind.SERVICE, service, service.url, service.low_bandwidth_url, text)


def _meeting(
    video: Service, link: WebLink, text: str, links: LinkSettings
) -> OpenService:
    low = None
    if links.meeting_low_bandwidth_url:
        low = _checked(fill_meeting(links.meeting_low_bandwidth_url, link.url), Kind.MEETING)
    return OpenService(Kind.MEETING, video, link.url, low, text)


def _web(link: WebLink, text: str, catalog: Catalog, links: LinkSettings) -> Action:
    video = catalog.get(links.video_service)
    if video is not None and origin_of(video.url) == link.origin:
        return _meeting(video, link, text, links)
    found = _on_host(Kind.WEB, link.url, text, catalog)
    if isinstance(found, OpenService):
        return found
    return AskFirst(link.url, link.origin[1])
