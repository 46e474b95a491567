# SPDX-License-Identifier: EUPL-1.2
"""The values an integration check returns: what the tiles, the "Next" strip and the
notifications show. Plain, immutable, in memory only (never written to disk)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum


class Availability(StrEnum):
    """How an integration stands for this user now."""

    OK = "ok"
    """The value is current."""
    NOT_AVAILABLE = "not_available"
    """The provider does not grant this user the scope or audience (no licence, no
    group): no badge, a line in doctor, never an error banner."""
    SIGN_IN_AGAIN = "sign_in_again"
    """The service refused a freshly refreshed token: this integration needs a new
    sign-in (or, for CalDAV, a new application password). Others go on."""
    NEEDS_PASSWORD = "needs_password"  # noqa: S105 (a state, not a secret)
    """CalDAV with an application password that the user has not entered yet."""
    SIGNED_OUT = "signed_out"
    """The launcher is not signed in: nothing to ask with."""
    FAILING = "failing"
    """The last check failed (network, server); the last value is kept."""
    NOT_CHECKED = "not_checked"


@dataclass(frozen=True)
class Meeting:
    """One upcoming event of the user's own calendar."""

    title: str
    start: float
    """Epoch seconds."""
    end: float | None = None
    join_url: str | None = None
    """A meeting link: the event's conference entry, or a URL in location or
    description whose host is a catalog service."""
    join_service: str | None = None
    """The catalog service id whose host the link is on (launch through it), if any."""
    reminder_at: float | None = None
    """When the reminder is due (start minus the preference); None without one."""
    uid: str = ""


@dataclass(frozen=True)
class Notice:
    """One notification from a service (Nextcloud) or one announcement (the portal).

    Held in memory only. ``title`` and ``message`` are the service's own words: the
    window shows them only where the privacy rules allow (IT's previews setting)."""

    id: str
    """The service's id: what :meth:`~workplace.integrations.runner.Integrations.dismiss`
    takes."""
    title: str
    message: str = ""
    link: str | None = None
    """Where a click goes (the service's own page), if anywhere."""
    time: float | None = None
    """When the service made it (epoch seconds)."""
    source: str = ""
    """Which part of the service sent it (Nextcloud's app, the portal's source)."""
    severity: str = "info"
    """Portal: info, success, warning or error; files: info."""
    popup: bool = True
    """Portal: still to be shown as a banner (false once hidden there or here)."""
    sticky: bool = False
    """Portal: stays until it expires; it cannot be dismissed."""


@dataclass(frozen=True)
class Document:
    """One recently changed file ("Zuletzt bearbeitet"), in memory only."""

    name: str
    path: str
    """The path below the user's files, e.g. ``/Projekte/Haushalt 2025.odt``."""
    modified: float
    """Last change, epoch seconds."""
    open_url: str
    """Opens the file in the web office through the files service's own URL."""
    content_type: str = ""
    file_id: str = ""


@dataclass(frozen=True)
class Reading:
    """One integration's latest answer."""

    name: str
    """The integration: ``mail``, ``calendar``, ``chat``, ``files`` or ``portal``."""
    service_id: str
    """The tile it belongs to."""
    availability: Availability = Availability.NOT_CHECKED
    unread: int | None = None
    """Mail: unread messages in the inbox. Chat: ROOMS with unread messages (not
    messages). Files: notifications waiting. Portal: None (announcements are banners)."""
    mentions: int | None = None
    """Chat: messages that mention the user (highlights), counted apart from ``unread``."""
    notices: tuple[Notice, ...] = ()
    """Files: the notifications, newest first. Portal: the announcements."""
    documents: tuple[Document, ...] = ()
    """Files: the recently changed documents, newest first (at most ten)."""
    meetings: tuple[Meeting, ...] = ()
    """Calendar: upcoming meetings, soonest first."""
    checked_at: float = 0.0
    detail: str = ""
    """Plain English for logs and doctor; never a token, subject or sender."""
    failures: int = 0
    """Failed checks in a row (the schedule backs off)."""

    @property
    def badge(self) -> int | None:
        """The number on the tile, or None for no badge."""
        if self.availability in (Availability.NOT_AVAILABLE, Availability.SIGNED_OUT,
                                 Availability.NOT_CHECKED):
            return None
        return self.unread

    @property
    def next_meeting(self) -> Meeting | None:
        return self.meetings[0] if self.meetings else None

    def carried(self, previous: Reading | None) -> Reading:
        """A failed check keeps the last value (no blinking badge) and counts the failure."""
        if self.availability != Availability.FAILING or previous is None:
            return self
        return dataclasses.replace(self, unread=previous.unread, meetings=previous.meetings,
                                   mentions=previous.mentions, notices=previous.notices,
                                   documents=previous.documents,
                                   failures=previous.failures + 1)


def badge_text(count: int | None) -> str:
    """The badge as shown: a number capped at "99+", empty for none."""
    if count is None or count <= 0:
        return ""
    return "99+" if count > 99 else str(count)
