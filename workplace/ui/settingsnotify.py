# SPDX-License-Identifier: EUPL-1.2
"""The settings dialog's "Notifications" page: do not disturb, the daily quiet hours,
new-mail notifications and the meeting reminder. IT can preset and lock each of them
(the dialog greys a locked one out and names it in its note, as for every setting).

Signals:
    changed(dict): preference keys and their new values (the quiet hours' two ends
        together: one save).
"""

from __future__ import annotations

from PySide6.QtCore import QTime, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from workplace.config.schema import Preferences

KEYS = ("do_not_disturb", "quiet_hours_start", "quiet_hours_end", "mail_notifications",
        "meeting_reminder_minutes")
DEFAULT_QUIET = ("18:00", "07:30")
"""What the quiet hours start as when switched on."""


class NotificationsPage(QWidget):
    changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._updating = False
        self.do_not_disturb = QCheckBox(self)
        self.quiet = QCheckBox(self)
        self.quiet_start = QTimeEdit(self)
        self.quiet_end = QTimeEdit(self)
        for edit in (self.quiet_start, self.quiet_end):
            edit.setDisplayFormat("HH:mm")
        self.start_label = QLabel(self)
        self.start_label.setBuddy(self.quiet_start)
        self.end_label = QLabel(self)
        self.end_label.setBuddy(self.quiet_end)
        self.mail_notifications = QCheckBox(self)
        self.reminder = QSpinBox(self)
        self.reminder.setRange(0, 24 * 60)
        self.reminder_label = QLabel(self)
        self.reminder_label.setBuddy(self.reminder)
        self.hint = QLabel(self)
        self.hint.setObjectName("orgSub")
        self.hint.setWordWrap(True)
        hours = QHBoxLayout()
        hours.setSpacing(8)
        for widget in (self.start_label, self.quiet_start, self.end_label, self.quiet_end):
            hours.addWidget(widget)
        hours.addStretch(1)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.reminder_label, self.reminder)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.do_not_disturb)
        layout.addWidget(self.quiet)
        layout.addLayout(hours)
        layout.addWidget(self.mail_notifications)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.do_not_disturb.toggled.connect(self._on_do_not_disturb_toggled)
        self.quiet.toggled.connect(self._on_quiet_toggled)
        self.quiet_start.editingFinished.connect(self._on_quiet_edited)
        self.quiet_end.editingFinished.connect(self._on_quiet_edited)
        self.mail_notifications.toggled.connect(self._on_mail_notifications_toggled)
        self.reminder.editingFinished.connect(self._on_reminder_finished)

    def widgets(self) -> dict[str, QWidget]:
        """The field of each preference (the dialog locks them as IT says)."""
        return {"do_not_disturb": self.do_not_disturb, "quiet_hours_start": self.quiet_start,
                "quiet_hours_end": self.quiet_end, "mail_notifications": self.mail_notifications,
                "meeting_reminder_minutes": self.reminder}

    def labels(self) -> dict[str, QLabel]:
        return {"quiet_hours_start": self.start_label, "quiet_hours_end": self.end_label,
                "meeting_reminder_minutes": self.reminder_label}

    def retranslate(self) -> None:
        self.do_not_disturb.setText(self.tr("&Do not disturb"))
        self.do_not_disturb.setAccessibleDescription(self.tr(
            "No notifications about mail and meetings; what arrives meanwhile comes in one "
            "summary afterwards."))
        self.quiet.setText(self.tr("&Quiet hours every day"))
        self.start_label.setText(self.tr("&from"))
        self.end_label.setText(self.tr("un&til"))
        self.quiet_start.setAccessibleName(self.tr("Quiet hours start"))
        self.quiet_end.setAccessibleName(self.tr("Quiet hours end"))
        self.mail_notifications.setText(self.tr("Notify me of &new mail (the number only)"))
        self.reminder_label.setText(self.tr("Meeting &reminder"))
        self.reminder.setAccessibleName(self.tr("Meeting reminder, minutes before the start"))
        self.reminder.setSpecialValueText(self.tr("none"))
        self.reminder.setSuffix(self.tr(" min before"))
        self.hint.setText(self.tr(
            "Notifications never show a mail's subject or sender. While do not disturb is "
            "on, nothing is lost: you get one summary when it ends."))

    def set_preferences(self, prefs: Preferences) -> None:
        self._updating = True
        try:
            self.do_not_disturb.setChecked(prefs.do_not_disturb)
            quiet = bool(prefs.quiet_hours_start and prefs.quiet_hours_end)
            self.quiet.setChecked(quiet)
            start = prefs.quiet_hours_start or DEFAULT_QUIET[0]
            end = prefs.quiet_hours_end or DEFAULT_QUIET[1]
            self.quiet_start.setTime(QTime.fromString(start, "HH:mm"))
            self.quiet_end.setTime(QTime.fromString(end, "HH:mm"))
            self.mail_notifications.setChecked(prefs.mail_notifications)
            self.reminder.setValue(prefs.meeting_reminder_minutes)
        finally:
            self._updating = False
        self.update_enabled(set())

    def update_enabled(self, locked: set[str]) -> None:
        on = self.quiet.isChecked()
        for key, edit in (("quiet_hours_start", self.quiet_start),
                          ("quiet_hours_end", self.quiet_end)):
            edit.setEnabled(on and key not in locked)
        self.quiet.setEnabled(not {"quiet_hours_start", "quiet_hours_end"} & locked)

    def _emit(self, changes: dict[str, object]) -> None:
        if not self._updating:
            self.changed.emit(changes)

    @Slot(bool)
    def _on_do_not_disturb_toggled(self, checked: bool) -> None:
        self._emit({"do_not_disturb": checked})

    @Slot(bool)
    def _on_quiet_toggled(self, checked: bool) -> None:
        self.update_enabled(set())
        if checked:
            self._on_quiet_edited()
        else:
            self._emit({"quiet_hours_start": "", "quiet_hours_end": ""})

    @Slot()
    def _on_quiet_edited(self) -> None:
        if not self.quiet.isChecked():
            return
        self._emit({"quiet_hours_start": self.quiet_start.time().toString("HH:mm"),
                    "quiet_hours_end": self.quiet_end.time().toString("HH:mm")})

    @Slot(bool)
    def _on_mail_notifications_toggled(self, checked: bool) -> None:
        self._emit({"mail_notifications": checked})

    @Slot()
    def _on_reminder_finished(self) -> None:
        self._emit({"meeting_reminder_minutes": self.reminder.value()})
