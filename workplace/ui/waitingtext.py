# SPDX-License-Identifier: EUPL-1.2
"""What the window and the notifications say about what is waiting: counts, a meeting's
start in relative time ("in 5 Min.", "um 14:00"), the states of an integration.

Only counts, times and the titles of the user's own meetings: never a mail's subject or
sender.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject

if TYPE_CHECKING:
    from PySide6.QtCore import QDateTime

    from workplace.integrations.model import Availability, Document, Meeting

# The integrations' model (and datetime) are imported where a value of theirs is in
# hand: the first paint shows no tile with something waiting, and so needs neither.


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

    def minutes_ago(self, minutes: int) -> str:
        return self.tr("%n min ago", "", minutes)

    def hours_ago(self, hours: int) -> str:
        return self.tr("%n hour(s) ago", "", hours)

    def unread_rooms(self, count: int) -> str:
        return self.tr("%n room(s) with unread messages", "", count)

    def mentions(self, count: int) -> str:
        return self.tr("%n mention(s)", "", count)

    def file_notices(self, count: int) -> str:
        return self.tr("%n notification(s)", "", count)

    def new_file_notices(self, count: int) -> str:
        return self.tr("%n new file notification(s)", "", count)

    def new_announcements(self, count: int) -> str:
        return self.tr("%n new announcement(s)", "", count)

    def new_chat(self, count: int) -> str:
        return self.tr("%n room(s) with new messages", "", count)

    def new_mentions(self, count: int) -> str:
        return self.tr("%n new mention(s)", "", count)


@cache
def _words() -> WaitingWords:
    return WaitingWords()


def _locale(language: str) -> QLocale:
    return QLocale(QLocale.Language.German if language == "de" else QLocale.Language.English)


def _moment(epoch: float) -> QDateTime:
    from PySide6.QtCore import QDateTime  # built on use: not before the first paint

    return QDateTime.fromSecsSinceEpoch(int(epoch))


def clock(epoch: float, language: str) -> str:
    """"14:00" (the locale's short time)."""
    when = _moment(epoch)
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
    from datetime import datetime

    start = datetime.fromtimestamp(meeting.start).astimezone()
    today = datetime.fromtimestamp(now).astimezone().date()
    at = clock(meeting.start, language)
    if start.date() == today:
        return QCoreApplication.translate("WaitingText", "at %1").replace("%1", at)
    if (start.date() - today).days == 1:
        return QCoreApplication.translate("WaitingText", "tomorrow at %1").replace("%1", at)
    day = _locale(language).toString(_moment(meeting.start).date(),
                                     "dd.MM." if language == "de" else "MMM d")
    text = QCoreApplication.translate("WaitingText", "on %1 at %2")
    return text.replace("%1", day).replace("%2", at)


def relative_past(epoch: float, now: float, language: str) -> str:
    """When something happened, as a person says it: "gerade eben", "vor 5 Min.",
    "vor 2 Std.", "gestern um 14:00", "am 03.05."."""
    seconds = now - epoch
    if seconds < 60:
        return QCoreApplication.translate("WaitingText", "just now")
    if seconds < 60 * 60:
        return _words().minutes_ago(int(seconds // 60))
    if seconds < 12 * 60 * 60:
        return _words().hours_ago(int(seconds // 3600))
    from datetime import datetime

    then = datetime.fromtimestamp(epoch).astimezone()
    today = datetime.fromtimestamp(now).astimezone().date()
    at = clock(epoch, language)
    if then.date() == today:
        return QCoreApplication.translate("WaitingText", "today at %1").replace("%1", at)
    if (today - then.date()).days == 1:
        return QCoreApplication.translate("WaitingText", "yesterday at %1").replace("%1", at)
    day = _locale(language).toString(_moment(epoch).date(),
                                     "dd.MM.yyyy" if language == "de" else "MMM d, yyyy")
    return QCoreApplication.translate("WaitingText", "on %1").replace("%1", day)


def document_folder(document: Document) -> str:
    """"/Projekte" for "/Projekte/Haushalt 2025.odt"; "Ihren Dateien" at the top (a
    bare "/" means nothing to most people)."""
    folder = document.path.rsplit("/", 1)[0] if "/" in document.path else ""
    return folder or QCoreApplication.translate("FilesPanel", "your files")


def document_changed(epoch: float, now: float, language: str) -> str:
    """"geändert vor 5 Min.", "geändert heute um 09:12", "geändert am 03.05."."""
    return QCoreApplication.translate("FilesPanel", "changed %1").replace(
        "%1", relative_past(epoch, now, language))


def unread_words(count: int) -> str:
    """"3 ungelesen" (a tile's accessible name, the tooltip)."""
    return _words().unread(count)


def badge(count: int | None) -> str:
    from workplace.integrations.model import badge_text

    return badge_text(count)


def count_words(kind: str, count: int) -> str:
    """A count as its integration means it: "3 ungelesen" (mail), "2 Räume mit
    ungelesenen Nachrichten" (chat), "1 Benachrichtigung" (files)."""
    if kind == "chat":
        return _words().unread_rooms(count)
    if kind == "files":
        return _words().file_notices(count)
    return _words().unread(count)


def mention_words(count: int) -> str:
    """"1 Erwähnung" (a chat tile's accessible name and tooltip)."""
    return _words().mentions(count)


def new_file_notices(count: int) -> str:
    return _words().new_file_notices(count)


def new_announcements(count: int) -> str:
    return _words().new_announcements(count)


def new_chat(count: int) -> str:
    return _words().new_chat(count)


def new_mentions(count: int) -> str:
    return _words().new_mentions(count)


def new_mail(count: int) -> str:
    return _words().new_mail(count)


def unread_mail(count: int) -> str:
    return _words().unread_mail(count)


def problem(availability: Availability) -> str:
    """The words a tile shows for an integration that needs the user, else empty."""
    from workplace.integrations.model import Availability

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
    from workplace.integrations.model import Availability

    if availability == Availability.SIGN_IN_AGAIN:
        return QCoreApplication.translate("WaitingText", "please sign in again")
    if availability == Availability.NEEDS_PASSWORD:
        return QCoreApplication.translate("WaitingText", "application password needed")
    return ""
