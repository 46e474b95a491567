# SPDX-License-Identifier: EUPL-1.2
"""What the desktop is told about what is waiting, and when: new mail, a meeting about
to start, do-not-disturb, quiet hours and bursts. Plain decisions, no Qt, no clock of
their own (every call is given ``now``).

- A new mail is a rise of the unread count between two readings that both had one;
  the first reading after start or sign-in is no news. Only counts are told.
- A reminder is due from the meeting's ``reminder_at`` until it starts, once per
  meeting (its uid and start: a moved meeting reminds again).
- Do not disturb: the user's switch, or a daily quiet-hours window (it may run over
  midnight). While it holds, notices are kept, not dropped; when it ends they come as
  one summary.
- A burst (several notices within a short batch) becomes one summary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from workplace.integrations.model import Availability, Meeting, Reading
from workplace.integrations.model import Notice as ServiceNotice

REMINDER_KEPT_S = 10 * 60.0
"""A held-back reminder is still worth a Join this long after the meeting started."""
CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


class NoticeKind(StrEnum):
    MAIL = "mail"
    MEETING = "meeting"
    CHAT = "chat"
    FILES = "files"
    ANNOUNCEMENT = "announcement"


@dataclass(frozen=True)
class Notice:
    """One thing worth telling: ``count`` new mails, or one meeting about to start."""

    kind: NoticeKind
    service_id: str
    at: float
    count: int = 0
    """Mail: how many arrived since the last reading. Chat: rooms with new messages.
    Files, portal: how many new notifications or announcements."""
    unread: int = 0
    """Mail: the unread count now."""
    meeting: Meeting | None = None
    mentions: int = 0
    """Chat: new mentions of the user."""
    titles: tuple[str, ...] = ()
    """Files, portal: the service's own titles of what is new. Shown only where IT
    allows previews (``[integrations] previews``); counts otherwise."""


@dataclass(frozen=True)
class Batch:
    """What one desktop notification says: the notices it stands for, summed up."""

    notices: tuple[Notice, ...]
    held: bool = False
    """Kept back by do-not-disturb and told afterwards."""

    @property
    def new_mail(self) -> int:
        return sum(n.count for n in self.notices if n.kind == NoticeKind.MAIL)

    @property
    def unread(self) -> int:
        """The latest unread count among the mail notices (0 without one)."""
        mails = [n for n in self.notices if n.kind == NoticeKind.MAIL]
        return max(mails, key=lambda n: n.at).unread if mails else 0

    def count(self, kind: NoticeKind) -> int:
        """How many new things of ``kind`` (rooms for the chat) the batch stands for."""
        return sum(n.count for n in self.notices if n.kind == kind)

    @property
    def mentions(self) -> int:
        return sum(n.mentions for n in self.notices if n.kind == NoticeKind.CHAT)

    def titles(self, kind: NoticeKind) -> tuple[str, ...]:
        return tuple(t for n in self.notices if n.kind == kind for t in n.titles)

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        seen: dict[str, Meeting] = {}
        for notice in self.notices:
            if notice.meeting is not None:
                seen[reminder_key(notice.meeting)] = notice.meeting
        return tuple(sorted(seen.values(), key=lambda m: m.start))

    @property
    def service_id(self) -> str:
        """The service a click opens: the one all notices belong to, else the first's."""
        ids = {n.service_id for n in self.notices}
        return self.notices[0].service_id if len(ids) != 1 else ids.pop()

    @property
    def summary(self) -> bool:
        """More than one thing to say (several meetings, or mail and meetings)."""
        kinds = {n.kind for n in self.notices}
        return len(kinds) > 1 or len(self.meetings) > 1

    def joinable(self, now: float) -> Meeting | None:
        """The one meeting whose Join the notification offers, if exactly one can be
        joined (it has a link and is not over)."""
        found = [m for m in self.meetings if m.join_url and (m.end or m.start + 3600) > now]
        return found[0] if len(found) == 1 else None


# -- what is news ----------------------------------------------------------------------

def new_mail(previous: Reading | None, reading: Reading) -> int:
    """How many mails arrived between ``previous`` and ``reading`` (0: none, or not known)."""
    if previous is None or reading.availability != Availability.OK:
        return 0
    if previous.unread is None or reading.unread is None:
        return 0
    return max(0, reading.unread - previous.unread)


def new_chat(previous: Reading | None, reading: Reading) -> tuple[int, int]:
    """(rooms with new messages, new mentions) between two chat readings: rises of the
    counts, as with mail (the first reading is no news)."""
    if previous is None or reading.availability != Availability.OK:
        return 0, 0
    if previous.unread is None or reading.unread is None:
        return 0, 0
    rooms = max(0, reading.unread - previous.unread)
    mentions = max(0, (reading.mentions or 0) - (previous.mentions or 0))
    return rooms, mentions


def new_notices(previous: Reading | None, reading: Reading) -> tuple[ServiceNotice, ...]:
    """The file notifications or portal announcements in ``reading`` that ``previous``
    did not have (the first reading after start or sign-in is no news). Portal
    announcements no longer meant to pop up are not news either."""
    if previous is None or reading.availability != Availability.OK or \
            previous.availability not in (Availability.OK, Availability.FAILING):
        return ()
    known = {n.id for n in previous.notices}
    return tuple(n for n in reading.notices if n.id not in known and n.popup)


def reminder_key(meeting: Meeting) -> str:
    return f"{meeting.uid or meeting.title}@{meeting.start:.0f}"


def reminders_due(meetings: Iterable[Meeting], now: float, told: set[str]) -> list[Meeting]:
    """The meetings whose reminder is due now and was not given yet."""
    return [m for m in meetings if m.reminder_at is not None and m.reminder_at <= now < m.start
            and reminder_key(m) not in told]


def next_reminder(meetings: Iterable[Meeting], now: float, told: set[str]) -> float | None:
    """When the next reminder is due (epoch seconds), or None."""
    times = [m.reminder_at for m in meetings
             if m.reminder_at is not None and m.start > now and reminder_key(m) not in told]
    return min(times) if times else None


# -- do not disturb ----------------------------------------------------------------------

@dataclass(frozen=True)
class QuietHours:
    """A daily window in local time, in minutes after midnight; may run over midnight."""

    start: int
    end: int

    @classmethod
    def parse(cls, start: str, end: str) -> QuietHours | None:
        """``"18:00"`` and ``"07:30"``; None when either is empty or both are equal."""
        a, b = CLOCK.match(start.strip()), CLOCK.match(end.strip())
        if a is None or b is None:
            return None
        first = int(a.group(1)) * 60 + int(a.group(2))
        last = int(b.group(1)) * 60 + int(b.group(2))
        return None if first == last else cls(first, last)

    def active(self, local: datetime) -> bool:
        minute = local.hour * 60 + local.minute
        if self.start < self.end:
            return self.start <= minute < self.end
        return minute >= self.start or minute < self.end

    def ends_after(self, local: datetime) -> float:
        """Seconds from ``local`` until the window ends (it is active at ``local``)."""
        minute = local.hour * 60 + local.minute
        left = (self.end - minute) % (24 * 60)
        return left * 60.0 - local.second - local.microsecond / 1e6


def quiet(switch: bool, hours: QuietHours | None, local: datetime) -> bool:
    """Do not disturb now: the user's switch, or inside the quiet hours."""
    return switch or (hours is not None and hours.active(local))


# -- bursts and held-back notices --------------------------------------------------------

@dataclass
class Gate:
    """Collects notices; hands out batches. Held back while quiet, summed up after."""

    held: list[Notice] = field(default_factory=list)
    pending: list[Notice] = field(default_factory=list)

    def offer(self, notice: Notice) -> None:
        self.pending.append(notice)

    def flush(self, now: float, *, quiet_now: bool) -> Batch | None:
        """The notices gathered since the last flush as one batch (None: nothing to say,
        or quiet now: then they are kept for :meth:`release`)."""
        gathered, self.pending = self.pending, []
        if quiet_now:
            self.held.extend(gathered)
            return None
        if not gathered:
            return None
        return Batch(tuple(gathered))

    def release(self, now: float) -> Batch | None:
        """Do-not-disturb ended: what was held back, as one batch. Reminders of meetings
        long started are left out (they are not news any more); mail always counts."""
        kept, self.held = self.held, []
        worth = tuple(n for n in kept if n.meeting is None or
                      (n.meeting.end or n.meeting.start + REMINDER_KEPT_S) > now)
        return Batch(worth, held=True) if worth else None

    def forget(self) -> None:
        """Sign-out: nothing of the old session is told later."""
        self.held.clear()
        self.pending.clear()


def unread_total(readings: Sequence[Reading]) -> int:
    """The number for the tray and the window title: every badge added up."""
    return sum(r.badge or 0 for r in readings)
