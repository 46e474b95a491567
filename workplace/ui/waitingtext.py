# SPDX-License-Identifier: EUPL-1.2
"""What the window and the notifications say about what is waiting: counts, a meeting's
start in relative time ("in 5 Min.", "um 14:00"), the states of an integration.

Only counts, times and the titles of the user's own meetings: never a mail's subject or
sender.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject

from workplace.integrations.model import Availability, Meeting, Reading, badge_text


class WaitingWords(QObject):
    """Owns the counted texts: Linguist finds plural forms only in ``self.tr(text, "",
    n)`` calls inside a class (context "WaitingWords")."""

    def running_for(self, minutes: int) -> str:
        return self.tr("running for %n min", "", minutes)

    def within(self, minutes: int) -> str:
        return self.tr("in %n min", "", minutes)

    def unread(self, count: int) -> str:
        return self.tr("%n unread", "", count)

    def new_mail(self, count: int) -> str:
        return self.tr("%n new e-mail(s)", "", count)

    def unread_mail(self, count: int) -> str:
        return self.tr("%n unread e-mail(s)", "", count)


@cache
def _words() -> WaitingWords:
    return WaitingWords()


def _locale(language: str) -> QLocale:
    return QLocale(QLocale.Language.German if language == "de" else QLocale.Language.English)


def clock(epoch: float, language: str) -> str:
    """"14:00" (the locale's short time)."""
    when = QDateTime.fromSecsSinceEpoch(int(epoch))
    return _locale(language).toString(when.time(), QLocale.FormatType.ShortFormat)


def relative_start(meeting: Meeting, now: float, language: str) -> str:
    """When it starts, as a person says it: "jetzt", "in 5 Min.", "um 14:00",
    "morgen um 09:00", "am 03.05. um 09:00"; "läuft seit 10 Min." once started."""
    seconds = meeting.start - now
    if seconds <= -60:
        minutes = int(-seconds // 60)
        return _words().running_for(minutes)
    if seconds < 60:
        return QCoreApplication.translate("WaitingText", "now")
    if seconds < 60 * 60:
        minutes = int((seconds + 59) // 60)
        return _words().within(minutes)
    start = datetime.fromtimestamp(meeting.start).astimezone()
    today = datetime.fromtimestamp(now).astimezone().date()
    at = clock(meeting.start, language)
    if start.date() == today:
        return QCoreApplication.translate("WaitingText", "at %1").replace("%1", at)
    if (start.date() - today).days == 1:
        return QCoreApplication.translate("WaitingText", "tomorrow at %1").replace("%1", at)
    day = _locale(language).toString(QDateTime.fromSecsSinceEpoch(int(meeting.start)).date(),
                                     "dd.MM." if language == "de" else "MMM d")
    text = QCoreApplication.translate("WaitingText", "on %1 at %2")
    return text.replace("%1", day).replace("%2", at)


def unread_words(count: int) -> str:
    """"3 ungelesen" (a tile's accessible name, the tooltip)."""
    return _words().unread(count)


def badge(count: int | None) -> str:
    return badge_text(count)


def new_mail(count: int) -> str:
    return _words().new_mail(count)


def unread_mail(count: int) -> str:
    return _words().unread_mail(count)


def problem(availability: Availability) -> str:
    """The words a tile shows for an integration that needs the user, else empty."""
    if availability == Availability.SIGN_IN_AGAIN:
        return QCoreApplication.translate("WaitingText", "Please sign in again")
    if availability == Availability.NEEDS_PASSWORD:
        return QCoreApplication.translate("WaitingText", "Application password needed")
    return ""


def next_meeting(meeting: Meeting, now: float, language: str) -> str:
    """"Als Nächstes: Teamrunde, in 5 Min." (a screen reader's line)."""
    text = QCoreApplication.translate("WaitingText", "Next: %1, %2")
    return text.replace("%1", meeting_title(meeting)).replace(
        "%2", relative_start(meeting, now, language))


def meeting_title(meeting: Meeting) -> str:
    return meeting.title or QCoreApplication.translate("WaitingText", "Meeting")


def problem_text(availability: Availability) -> str:
    """The same inside a sentence: "E-Mail, bitte erneut anmelden, erreichbar"."""
    if availability == Availability.SIGN_IN_AGAIN:
        return QCoreApplication.translate("WaitingText", "please sign in again")
    if availability == Availability.NEEDS_PASSWORD:
        return QCoreApplication.translate("WaitingText", "application password needed")
    return ""


@dataclass(frozen=True)
class TileWaiting:
    """What a tile shows of its integrations: a count, or what needs the user."""

    count: int | None = None
    problem: Availability | None = None

    @classmethod
    def of(cls, readings: Iterable[Reading]) -> TileWaiting:
        count: int | None = None
        problem: Availability | None = None
        for reading in readings:
            if reading.badge is not None:
                count = (count or 0) + reading.badge
            if reading.availability in (Availability.SIGN_IN_AGAIN,
                                        Availability.NEEDS_PASSWORD):
                problem = problem or reading.availability
        return cls(count, problem)

    @property
    def badge(self) -> str:
        return badge_text(self.count)

    def lines(self, name: str) -> list[str]:
        """For the tooltip: "3 ungelesen", "E-Mail: bitte erneut anmelden"."""
        found = []
        if self.count:
            found.append(unread_words(self.count))
        if self.problem is not None:
            found.append(QCoreApplication.translate("WaitingText", "%1: %2").replace(
                "%1", name).replace("%2", problem_text(self.problem)))
        return found

    def words(self) -> list[str]:
        """For the accessible name: "3 ungelesen", "bitte erneut anmelden"."""
        found = []
        if self.count:
            found.append(unread_words(self.count))
        if self.problem is not None:
            found.append(problem_text(self.problem))
        return found
