# SPDX-License-Identifier: EUPL-1.2
"""The "Als Nächstes" strip above the tiles: the next meeting, its start in relative
time, and "Teilnehmen" where it has a meeting link; or the button that asks for the
calendar's application password.

Keyboard: its buttons sit in the Tab order where they are seen, after the banners and
before the tiles (:meth:`NextMeetingStrip.focus_chain`). Screen readers: the strip is a
named group ("Als Nächstes"); the line reads "Als Nächstes: Teamrunde, in 5 Min.", and
Join is named after the meeting ("Teilnehmen: Teamrunde").

The relative time is kept current by one single-shot timer that fires when the words
would change (at most once a minute), only while a meeting is shown.

Signals:
    join_requested(object): Join was pressed: the :class:`Meeting`.
    password_requested(str): the calendar needs its application password (integration).
    sign_in_requested(str): the chat's "sign in again" was pressed (integration).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from workplace.integrations.model import Meeting
from workplace.ui import icons, waitingtext
from workplace.ui.theme import Theme

STARTED_KEPT_S = 10 * 60.0
"""A meeting that began this long ago is still shown (someone may join late)."""


class NextMeetingStrip(QFrame):
    join_requested = Signal(object)
    password_requested = Signal(str)
    sign_in_requested = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None, *,
                 language: Callable[[], str] = lambda: "de",
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        # Styled as a message strip whatever its object name (ui/stylesheet.py).
        self.setProperty("banner", True)
        self.setProperty("tone", "info")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._language = language
        self._clock = clock
        self.meeting: Meeting | None = None
        self._password_for = ""
        self._sign_in_for = ""
        self._signing_in = False
        self._icon = QLabel(self)
        self._icon.setFixedSize(20, 20)
        self.icon_name = ""
        """The mark shown: ``calendar``, or ``chat`` while the strip asks for the chat."""
        self._icon_colour = QColor()
        self._theme = theme
        self.line = QLabel(self)
        self.line.setTextFormat(Qt.TextFormat.PlainText)
        self.line.setWordWrap(True)
        self.join = QPushButton(self)
        self.join.setObjectName("primary")
        self.join.clicked.connect(self._on_join_clicked)
        self.password = QPushButton(self)
        self.password.setObjectName("secondary")
        self.password.clicked.connect(self._on_password_clicked)
        self.sign_in = QPushButton(self)
        self.sign_in.setObjectName("secondary")
        self.sign_in.clicked.connect(self._on_sign_in_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        layout.setSpacing(10)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.password)
        layout.addWidget(self.sign_in)
        layout.addWidget(self.join)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.set_theme(theme)
        self.retranslate()
        self._update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._show_icon()

    def _show_icon(self) -> None:
        """The calendar's mark, or the chat's while the strip speaks of the chat."""
        theme = self._theme
        colour = theme.text if theme.high_contrast else theme.accent
        name = "chat" if self.meeting is None and not self._password_for \
            and self._sign_in_for else "calendar"
        if name != self.icon_name or colour != self._icon_colour:
            self.icon_name, self._icon_colour = name, QColor(colour)
            self._icon.setPixmap(icons.pixmap(name, colour, 20, self.devicePixelRatioF()))

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Next"))
        self.join.setText(self.tr("Join"))
        # The primary style pads only vertically: room for the words on either side.
        self.join.setMinimumWidth(self.join.fontMetrics().horizontalAdvance(
            self.join.text()) + 48)
        self.password.setText(self.tr("Enter application password…"))
        self.password.setAccessibleName(self.tr("Enter the calendar's application password"))
        self.sign_in.setText(self.tr("Sign in to chat…"))
        self.sign_in.setAccessibleName(self.tr("Sign in to the chat again"))
        self._update()

    def focus_chain(self) -> list[QWidget]:
        """Its buttons in the order they are seen (hidden ones are skipped by Qt)."""
        return [self.password, self.sign_in, self.join]

    # -- what it shows --------------------------------------------------------------

    def show_meetings(self, meetings: tuple[Meeting, ...]) -> None:
        """The calendar's meetings (soonest first): the first not long over is shown."""
        now = self._clock()
        upcoming = [m for m in meetings
                    if (m.end if m.end is not None else m.start + STARTED_KEPT_S) > now
                    and m.start + STARTED_KEPT_S > now]
        self.meeting = upcoming[0] if upcoming else None
        self._update()

    def ask_for_password(self, integration: str) -> None:
        """The calendar needs its application password ("" when it no longer does)."""
        self._password_for = integration
        self._update()

    def ask_to_sign_in(self, integration: str, *, busy: bool = False) -> None:
        """The chat needs a new sign-in ("" when it no longer does); ``busy`` while
        the round in the browser runs."""
        self._sign_in_for = integration
        self._signing_in = busy
        self._update()

    def _update(self) -> None:
        meeting, now = self.meeting, self._clock()
        language = self._language()
        if meeting is not None:
            self.line.setText(waitingtext.next_meeting(meeting, now, language))
            self.line.setAccessibleName(self.line.text())
        elif self._password_for:
            self.line.setText(self.tr(
                "Your calendar needs an application password before the next meeting "
                "can show here."))
            self.line.setAccessibleName(self.line.text())
        elif self._sign_in_for:
            self.line.setText(self.tr(
                "Finishing the sign-in in your browser…") if self._signing_in else self.tr(
                "The chat needs you to sign in again before it can show unread messages."))
            self.line.setAccessibleName(self.line.text())
        joinable = meeting is not None and bool(meeting.join_url)
        self.join.setVisible(joinable)
        if meeting is not None and joinable:
            self.join.setAccessibleName(self.tr("Join: %1").replace(
                "%1", waitingtext.meeting_title(meeting)))
        self.password.setVisible(bool(self._password_for))
        self.sign_in.setVisible(bool(self._sign_in_for))
        self.sign_in.setEnabled(not self._signing_in)
        self.setVisible(meeting is not None or bool(self._password_for)
                        or bool(self._sign_in_for))
        self._show_icon()
        self._plan(now)

    def _plan(self, now: float) -> None:
        """Wake when the relative words change: each minute before the start, at the
        start, then each minute while it runs."""
        self._timer.stop()
        meeting = self.meeting
        if meeting is None:
            return
        seconds = meeting.start - now
        # "um 14:00" until the last hour, then the minutes count down.
        delay = min(seconds - 3600, 3600.0) if seconds > 3600 else (seconds % 60) or 60.0
        self._timer.start(int(max(1.0, delay + 0.5) * 1000))

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self.meeting is not None:
            self.show_meetings((self.meeting,))

    @Slot()
    def _on_join_clicked(self) -> None:
        if self.meeting is not None and self.meeting.join_url:
            self.join_requested.emit(self.meeting)

    @Slot()
    def _on_sign_in_clicked(self) -> None:
        if self._sign_in_for and not self._signing_in:
            self.sign_in_requested.emit(self._sign_in_for)

    @Slot()
    def _on_password_clicked(self) -> None:
        if self._password_for:
            self.password_requested.emit(self._password_for)
