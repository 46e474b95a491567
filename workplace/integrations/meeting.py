# SPDX-License-Identifier: EUPL-1.2
"""From calendar events to :class:`Meeting` values: times, the meeting link, the reminder.

The link comes from the event's conference entry first (OX ``conferences[].uri``,
iCalendar ``CONFERENCE``); otherwise from a URL in the location or the description
whose host is one of the catalog's services (video, chat). Only https links (http on
loopback) are taken; everything else in an event is text and is never opened.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from workplace.integrations.model import Meeting

if TYPE_CHECKING:
    from workplace.config.schema import Service

URL = re.compile(r"https?://[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
TITLE_MAX = 200


@dataclass(frozen=True)
class Event:
    """The parts of a calendar event this needs, whatever API it came from."""

    title: str
    start: float
    end: float | None = None
    location: str = ""
    description: str = ""
    conferences: tuple[str, ...] = ()
    uid: str = ""


def service_hosts(services: Iterable[Service]) -> dict[str, str]:
    """host (lower case, with port if any) -> service id, for the catalog's web services."""
    hosts: dict[str, str] = {}
    for service in services:
        for url in (service.url, service.low_bandwidth_url):
            if url:
                netloc = urlsplit(url).netloc.lower()
                if netloc:
                    hosts.setdefault(netloc, service.id)
    return hosts


def _safe(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme.lower() == "https":
        return bool(parts.hostname)
    return parts.scheme.lower() == "http" and parts.hostname in ("127.0.0.1", "localhost", "::1")


def join_link(event: Event, hosts: Mapping[str, str]) -> tuple[str, str | None] | None:
    """The meeting link and the catalog service it belongs to (None: not a catalog host)."""
    for uri in event.conferences:
        uri = uri.strip()
        if _safe(uri):
            return uri, hosts.get(urlsplit(uri).netloc.lower())
    for text in (event.location, event.description):
        for match in URL.finditer(text or ""):
            url = match.group(0).rstrip(".,;:!?")
            service = hosts.get(urlsplit(url).netloc.lower())
            if service is not None and _safe(url):
                return url, service
    return None


def meetings(events: Iterable[Event], *, now: float, hosts: Mapping[str, str],
             reminder_minutes: int) -> tuple[Meeting, ...]:
    """The events not over yet, soonest first, as meetings with link and reminder time."""
    found = []
    for event in events:
        if (event.end if event.end is not None else event.start) <= now:
            continue
        link = join_link(event, hosts)
        found.append(Meeting(
            title=" ".join(event.title.split())[:TITLE_MAX],
            start=event.start, end=event.end,
            join_url=link[0] if link else None,
            join_service=link[1] if link else None,
            reminder_at=event.start - reminder_minutes * 60 if reminder_minutes > 0 else None,
            uid=event.uid,
        ))
    return tuple(sorted(found, key=lambda m: (m.start, m.title)))


def ox_time(value: str, tzid: str | None) -> float | None:
    """An OX DateTimeData (``20250102T093000Z`` or local with a zone); None for a date
    without time (an all-day event is not a meeting)."""
    text = value.strip()
    try:
        if text.endswith("Z"):
            return datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC).timestamp()
        local = datetime.strptime(text, "%Y%m%dT%H%M%S")
    except ValueError:
        return None
    try:
        zone = ZoneInfo(tzid) if tzid else None
    except (ZoneInfoNotFoundError, ValueError):
        zone = None
    return local.replace(tzinfo=zone).timestamp() if zone else local.astimezone().timestamp()
