# SPDX-License-Identifier: EUPL-1.2
"""CalDAV (RFC 4791): the next events by ``calendar-query``, where no OX scope is granted.

Signs in with the bearer token or with an application password (openDesk's CalDAV
takes OX application passwords, login = the mail address). The collection's
``getctag`` (or ``sync-token``) is asked first: while it is unchanged, the events
known from the last query are used again and the query is not sent. The server
expands recurrences (``<C:expand>``), so every instance comes back in UTC.
"""

from __future__ import annotations

import threading
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workplace.integrations.bearer import request
from workplace.integrations.errors import CheckError, CheckErrorKind
from workplace.integrations.meeting import Event

if TYPE_CHECKING:
    from workplace.net.http import HttpSession

DAV, CAL, CS = "DAV:", "urn:ietf:params:xml:ns:caldav", "http://calendarserver.org/ns/"

PROPFIND = b"""<?xml version="1.0" encoding="utf-8"?>
<D:propfind xmlns:D="DAV:" xmlns:CS="http://calendarserver.org/ns/">
  <D:prop><CS:getctag/><D:sync-token/></D:prop>
</D:propfind>"""

QUERY = """<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><C:calendar-data><C:expand start="{start}" end="{end}"/></C:calendar-data></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
    <C:time-range start="{start}" end="{end}"/>
  </C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>"""

XML = {"Content-Type": "application/xml; charset=utf-8"}


@dataclass
class Known:
    """The last query's events and the collection tag they belong to (memory only)."""

    tag: str = ""
    window: tuple[float, float] = (0.0, 0.0)
    events: list[Event] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _tree(body: bytes) -> ET.Element:
    head = body[:4096].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise CheckError(CheckErrorKind.FAILED, "the answer carries a DOCTYPE")
    try:
        return ET.fromstring(body)  # noqa: S314 (no DOCTYPE, so no entities)
    except ET.ParseError:
        raise CheckError(CheckErrorKind.FAILED, "the answer is not XML") from None


def _utc(epoch: float) -> str:
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(epoch))


def collection_tag(session: HttpSession, url: str, authorization: str) -> str:
    """The collection's getctag or sync-token ("" if it has neither)."""
    body = request(session, "PROPFIND", url, authorization, data=PROPFIND,
                   headers={**XML, "Depth": "0"}, accept="application/xml")
    tree = _tree(body)
    for name in (f"{{{CS}}}getctag", f"{{{DAV}}}sync-token"):
        found = tree.find(f".//{name}")
        if found is not None and found.text:
            return found.text.strip()
    return ""


PAD_SECONDS = 6 * 3600.0
"""A query reaches this much further than asked, so the next checks (whose window has
moved on a little) can still use its answer while the collection is unchanged."""


def events(session: HttpSession, url: str, authorization: str, *, start: float,
           end: float, known: Known | None = None) -> list[Event]:
    """The events between ``start`` and ``end`` (maybe more); ``known`` makes it
    conditional."""
    tag = collection_tag(session, url, authorization) if known is not None else ""
    if known is not None and tag:
        with known.lock:
            covered = known.window[0] <= start and known.window[1] >= end
            if known.tag == tag and covered:
                return list(known.events)
    end += PAD_SECONDS
    body = request(session, "REPORT", url, authorization,
                   data=QUERY.format(start=_utc(start), end=_utc(end)).encode(),
                   headers={**XML, "Depth": "1"}, accept="application/xml")
    found: list[Event] = []
    for data in _tree(body).iter(f"{{{CAL}}}calendar-data"):
        if data.text:
            found += parse_ical(data.text)
    if known is not None:
        with known.lock:
            known.tag, known.window, known.events = tag, (start, end), list(found)
    return found


def parse_ical(text: str) -> list[Event]:
    """The timed VEVENTs of one iCalendar object (all-day events are not meetings)."""
    from datetime import datetime

    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(text)
    except ValueError:
        return []
    found = []
    for item in calendar.walk("VEVENT"):
        start = item.decoded("DTSTART", None)
        if not isinstance(start, datetime):
            continue
        end = item.decoded("DTEND", None)
        conferences = item.get("CONFERENCE")
        if conferences is not None and not isinstance(conferences, list):
            conferences = [conferences]
        found.append(Event(
            title=str(item.get("SUMMARY", "")),
            start=_epoch(start),
            end=_epoch(end) if isinstance(end, datetime) else None,
            location=str(item.get("LOCATION", "")),
            description=str(item.get("DESCRIPTION", "")),
            conferences=tuple(str(c) for c in conferences or ()),
            uid=str(item.get("UID", "")),
        ))
    return found


def _epoch(value: object) -> float:
    from datetime import datetime

    assert isinstance(value, datetime)
    if value.tzinfo is None:  # floating time: the user's local time
        return value.astimezone().timestamp()
    return value.timestamp()
