# SPDX-License-Identifier: EUPL-1.2
"""What the window and the notifications say about what is waiting: counts, a meeting's
start in relative time ("in 5 Min.", "um 14:00"), the states of an integration.

Only counts, times and the titles of the user's own meetings: never a mail's subject or
sender.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from workplace.integrations.model import Availability, Meeting, badge_text


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
        return QCoreApplication.translate("WaitingText", "running for %n min", None, minutes)
    if seconds < 60:
        return QCoreApplication.translate("WaitingText", "now")
    if seconds < 60 * 60:
        minutes = int((seconds + 59) // 60)
        return QCoreApplication.translate("WaitingText", "in %n min", None, minutes)
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
    return QCoreApplication.translate("WaitingText", "%n unread", None, count)


def badge(count: int | None) -> str:
    return badge_text(count)


def new_mail(count: int) -> str:
    return QCoreApplication.translate("WaitingText", "%n new e-mail(s)", None, count)


def unread_mail(count: int) -> str:
    return QCoreApplication.translate("WaitingText", "%n unread e-mail(s)", None, count)


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
