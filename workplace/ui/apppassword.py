# SPDX-License-Identifier: EUPL-1.2
"""The dialog that asks once for a CalDAV calendar's application password.

openDesk's CalDAV takes an application password, not the sign-in's token. The user
creates one in the webmail's settings and types it here once; it is kept in the
keyring under the same rules as the sign-in (never a file, never a log line) and
forgotten at sign-out. Saving runs as a job (the keyring may be slow).

Keyboard: the field has the focus, Enter saves, Esc cancels; every control is named.

Signals:
    save_requested(str): the password typed (the dialog stays open until
        :meth:`AppPasswordDialog.saved` or :meth:`AppPasswordDialog.failed`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class AppPasswordDialog(QDialog):
    save_requested = Signal(str)

    def __init__(self, service_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = self.tr("Application password for %1").replace("%1", service_name)
        text = self.tr(
            "Your calendar is read with an application password, not with your sign-in. "
            "Create one in the webmail under Settings › Security › Application passwords "
            "and enter it here once. It is kept in this computer's secure keyring and "
            "forgotten when you sign out.")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(10)
        heading = QLabel(title, self)
        heading.setObjectName("emptyTitle")
        heading.setWordWrap(True)
        self.text = QLabel(text, self)
        self.text.setWordWrap(True)
        label = QLabel(self.tr("&Application password"), self)
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("Application password"))
        self.field.setAccessibleDescription(text)
        label.setBuddy(self.field)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.save = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save.setDefault(True)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.field.textChanged.connect(self._on_field_text_changed)
        for widget in (heading, self.text, label, self.field, self.error, self.buttons):
            layout.addWidget(widget)
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)
        self._on_field_text_changed("")
        # Laid out before it is shown (a later size change would ask the window system
        # to follow); the error line is there from the start, empty until needed.
        layout.activate()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(str)
    def _on_field_text_changed(self, text: str) -> None:
        self.save.setEnabled(bool(text.strip()))
        self.error.clear()

    @Slot()
    def _on_buttons_accepted(self) -> None:
        password = self.field.text().strip()
        if not password:
            return
        self.save.setEnabled(False)
        self.field.setEnabled(False)
        self.save_requested.emit(password)

    def saved(self) -> None:
        self.field.clear()
        self.accept()

    def failed(self) -> None:
        """The keyring would not keep it: say so, in words, and let the user try again."""
        self.field.setEnabled(True)
        self.save.setEnabled(bool(self.field.text().strip()))
        self.error.setText(self.tr(
            "The password could not be kept: this computer has no secure keyring "
            "available. Please contact the service desk."))
        self.error.setAccessibleName(self.error.text())
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
