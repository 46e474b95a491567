# SPDX-License-Identifier: EUPL-1.2
"""The notice rules: what is news, when a reminder is due, quiet hours, bursts and what
do-not-disturb held back."""

from __future__ import annotations

from datetime import datetime

from workplace.integrations.model import Availability, Meeting, Reading
from workplace.integrations.notices import (
    Gate,
    Notice,
    NoticeKind,
    QuietHours,
    new_mail,
    next_reminder,
    quiet,
    reminder_key,
    reminders_due,
)

NOW = 1_750_000_000.0


def mail(unread: int | None, availability: Availability = Availability.OK) -> Reading:
    return Reading("mail", "mail", availability, unread=unread)


def test_new_mail_is_a_rise_between_two_counts() -> None:
    assert new_mail(None, mail(5)) == 0  # the first count after start is no news
    assert new_mail(mail(5), mail(7)) == 2
    assert new_mail(mail(7), mail(4)) == 0  # read elsewhere
    assert new_mail(mail(None, Availability.NOT_AVAILABLE), mail(3)) == 0
    assert new_mail(mail(3), mail(3, Availability.FAILING)) == 0


def meeting(start: float, reminder: float | None, uid: str = "a") -> Meeting:
    return Meeting("Teamrunde", start, start + 1800, reminder_at=reminder, uid=uid)


def test_a_reminder_is_due_from_its_time_until_the_start_once() -> None:
    soon = meeting(NOW + 180, NOW - 120)  # 3 minutes ahead, 5-minute reminder: due now
    later = meeting(NOW + 3600, NOW + 3300, "b")
    started = meeting(NOW - 60, NOW - 360, "c")
    assert reminders_due([soon, later, started], NOW, set()) == [soon]
    assert reminders_due([soon], NOW, {reminder_key(soon)}) == []
    assert next_reminder([soon, later, started], NOW, {reminder_key(soon)}) == NOW + 3300
    moved = meeting(NOW + 600, NOW + 300)  # the same meeting moved: reminds again
    assert reminder_key(moved) != reminder_key(soon)


def test_quiet_hours_may_run_over_midnight() -> None:
    night = QuietHours.parse("18:00", "07:30")
    assert night is not None
    assert night.active(datetime(2025, 6, 2, 22, 0))
    assert night.active(datetime(2025, 6, 3, 7, 29))
    assert not night.active(datetime(2025, 6, 3, 7, 30))
    assert not night.active(datetime(2025, 6, 3, 12, 0))
    assert night.ends_after(datetime(2025, 6, 2, 23, 0)) == 8.5 * 3600
    lunch = QuietHours.parse("12:00", "13:00")
    assert lunch is not None and lunch.active(datetime(2025, 6, 3, 12, 30))
    assert not lunch.active(datetime(2025, 6, 3, 13, 0))
    assert QuietHours.parse("", "07:00") is None
    assert QuietHours.parse("08:00", "08:00") is None
    assert quiet(True, None, datetime(2025, 6, 3, 12, 0))
    assert not quiet(False, lunch, datetime(2025, 6, 3, 14, 0))


def test_a_burst_becomes_one_batch_and_quiet_keeps_it_for_later() -> None:
    gate = Gate()
    gate.offer(Notice(NoticeKind.MAIL, "mail", NOW, count=1, unread=4))
    gate.offer(Notice(NoticeKind.MAIL, "mail", NOW + 1, count=2, unread=6))
    soon = meeting(NOW + 180, NOW - 120)
    gate.offer(Notice(NoticeKind.MEETING, "calendar", NOW + 1, meeting=soon))
    batch = gate.flush(NOW + 2, quiet_now=False)
    assert batch is not None
    assert (batch.new_mail, batch.unread, batch.meetings, batch.summary) == (3, 6, (soon,), True)
    assert gate.flush(NOW + 3, quiet_now=False) is None

    gate.offer(Notice(NoticeKind.MAIL, "mail", NOW + 10, count=1, unread=7))
    gate.offer(Notice(NoticeKind.MEETING, "calendar", NOW + 10, meeting=soon))
    assert gate.flush(NOW + 12, quiet_now=True) is None
    assert len(gate.held) == 2
    # Do-not-disturb ends an hour later: the mail still counts, the meeting is over.
    later = gate.release(NOW + 3600)
    assert later is not None and later.held
    assert (later.new_mail, later.meetings) == (1, ())
    assert gate.held == [] and gate.release(NOW + 3601) is None


def test_join_is_offered_for_one_joinable_meeting_only() -> None:
    gate = Gate()
    linked = Meeting("A", NOW + 60, NOW + 1800, join_url="https://meet.example/a", uid="a")
    other = Meeting("B", NOW + 120, NOW + 1800, join_url="https://meet.example/b", uid="b")
    gate.offer(Notice(NoticeKind.MEETING, "calendar", NOW, meeting=linked))
    batch = gate.flush(NOW, quiet_now=False)
    assert batch is not None and batch.joinable(NOW) is linked and not batch.summary
    gate.offer(Notice(NoticeKind.MEETING, "calendar", NOW, meeting=linked))
    gate.offer(Notice(NoticeKind.MEETING, "calendar", NOW, meeting=other))
    both = gate.flush(NOW, quiet_now=False)
    assert both is not None and both.joinable(NOW) is None and both.summary
