# SPDX-License-Identifier: EUPL-1.2
"""Two small non-modal dialogs: help (service desk, shortcuts) and settings.

Signals (SettingsDialog):
    changed(str, object): the user changed a preference; its key and new value.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from workplace import __version__
from workplace.config.schema import Organisation
from workplace.config.settings import Settings


class HelpDialog(QDialog):
    """The service desk's contact details and the keyboard shortcuts.

    Signals:
        link_opened(str): a link was activated (https or mailto); the window opens it.
    """

    link_opened = Signal(str)

    def __init__(self, organisation: Organisation, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Help"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(14)
        title = QLabel(self.tr("Service desk of %1").replace("%1", organisation.name.get(language)))
        title.setObjectName("emptyTitle")
        title.setWordWrap(True)
        layout.addWidget(title)

        support = organisation.support
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(8)
        self.contact_labels: list[QLabel] = []

        def add(label: str, value: str, link: str | None = None) -> None:
            text = (
                f"<a href='{html.escape(link, quote=True)}'>{html.escape(value)}</a>"
                if link
                else html.escape(value)
            )
            widget = QLabel(text)
            widget.setTextFormat(Qt.TextFormat.RichText)
            widget.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
                | Qt.TextInteractionFlag.LinksAccessibleByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.setAccessibleName(f"{label} {value}")
            widget.linkActivated.connect(self._on_link_activated)
            form.addRow(label, widget)
            self.contact_labels.append(widget)

        if support.phone:
            add(self.tr("Phone"), support.phone)
        if support.mail:
            add(self.tr("E-mail"), support.mail, f"mailto:{support.mail}")
        if support.url:
            add(self.tr("Web"), support.url, support.url)
        if not (support.phone or support.mail or support.url):
            form.addRow(QLabel(self.tr("Your IT department has not configured a service desk.")))
        layout.addLayout(form)

        keys = QLabel(self)
        keys.setTextFormat(Qt.TextFormat.RichText)
        rows = [
            (self.tr("Type anywhere or Ctrl+F"), self.tr("search")),
            (self.tr("Esc"), self.tr("clear the search")),
            (self.tr("Arrow keys"), self.tr("move between tiles")),
            (self.tr("Enter"), self.tr("open the service")),
            (self.tr("Ctrl+D"), self.tr("add to or remove from favourites")),
            (self.tr("Menu key or Shift+F10"), self.tr("more actions for a tile")),
        ]
        cells = "".join(
            f"<tr><td style='padding-right:14px'><b>{html.escape(k)}</b></td>"
            f"<td>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        heading = self.tr("Keyboard")
        keys.setText(
            f"<p style='margin-bottom:4px'><b>{html.escape(heading)}</b></p><table>{cells}</table>"
        )
        keys.setAccessibleName(self.tr("Keyboard shortcuts"))
        layout.addWidget(keys)
        version = QLabel(self.tr("Arbeitsplatz %1").replace("%1", __version__))
        version.setObjectName("orgSub")
        layout.addWidget(version)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @Slot(str)
    def _on_link_activated(self, link: str) -> None:
        self.link_opened.emit(link)


class SettingsDialog(QDialog):
    """Language, theme, high contrast and close-to-tray. Locked keys are read-only, with why."""

    changed = Signal(str, object)

    def __init__(self, settings: Settings, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._language = language
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(12)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(18)
        self.language = QComboBox(self)
        self.theme = QComboBox(self)
        self.high_contrast = QCheckBox(self)
        self.close_to_tray = QCheckBox(self)
        self._language_label = QLabel(self)
        self._theme_label = QLabel(self)
        self._language_label.setBuddy(self.language)
        self._theme_label.setBuddy(self.theme)
        form.addRow(self._language_label, self.language)
        form.addRow(self._theme_label, self.theme)
        form.addRow("", self.high_contrast)
        form.addRow("", self.close_to_tray)
        layout.addLayout(form)
        self.locked_note = QLabel(self)
        self.locked_note.setWordWrap(True)
        self.locked_note.setObjectName("orgSub")
        layout.addWidget(self.locked_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._updating = False
        self.language.currentIndexChanged.connect(self._on_language_changed)
        self.theme.currentIndexChanged.connect(self._on_theme_changed)
        self.high_contrast.toggled.connect(self._on_high_contrast_toggled)
        self.close_to_tray.toggled.connect(self._on_close_to_tray_toggled)
        self.set_settings(settings, language)

    def set_settings(self, settings: Settings, language: str) -> None:
        """Show ``settings`` (after a save or a language change)."""
        self._updating = True
        try:
            self._language = language
            self.setWindowTitle(self.tr("Settings"))
            self._language_label.setText(self.tr("&Language"))
            self._theme_label.setText(self.tr("&Colours"))
            self.high_contrast.setText(self.tr("&High contrast"))
            self.close_to_tray.setText(
                self.tr("&Keep running in the tray when the window is closed")
            )
            self.language.clear()
            for value, text in (
                ("system", self.tr("Like the system")),
                ("de", "Deutsch"),
                ("en", "English"),
            ):
                self.language.addItem(text, value)
            self.theme.clear()
            for value, text in (
                ("system", self.tr("Like the system")),
                ("light", self.tr("Light")),
                ("dark", self.tr("Dark")),
            ):
                self.theme.addItem(text, value)
            prefs = settings.preferences
            self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
            self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme)))
            self.high_contrast.setChecked(prefs.high_contrast)
            self.close_to_tray.setChecked(prefs.close_to_tray)
            reason = settings.tenant.policy.reason.get(language) or self.tr(
                "Your IT department manages this setting."
            )
            locked_names = []
            for key, widget, label in (
                ("language", self.language, self.tr("Language")),
                ("theme", self.theme, self.tr("Colours")),
                ("high_contrast", self.high_contrast, self.tr("High contrast")),
                ("close_to_tray", self.close_to_tray, self.tr("Tray")),
            ):
                locked = settings.is_locked(key)
                widget.setEnabled(not locked)
                widget.setToolTip(reason if locked else "")
                widget.setAccessibleDescription(
                    self.tr("Locked: %1").replace("%1", reason) if locked else ""
                )
                if locked:
                    locked_names.append(label)
            self.language.setAccessibleName(self.tr("Language"))
            self.theme.setAccessibleName(self.tr("Colours"))
            self.locked_note.setVisible(bool(locked_names))
            self.locked_note.setText(
                self.tr("Locked by IT: %1. %2")
                .replace("%1", ", ".join(locked_names))
                .replace("%2", reason)
            )
        finally:
            self._updating = False

    def _emit(self, key: str, value: object) -> None:
        if not self._updating:
            self.changed.emit(key, value)

    @Slot(int)
    def _on_language_changed(self, _index: int) -> None:
        self._emit("language", self.language.currentData())

    @Slot(int)
    def _on_theme_changed(self, _index: int) -> None:
        self._emit("theme", self.theme.currentData())

    @Slot(bool)
    def _on_high_contrast_toggled(self, checked: bool) -> None:
        self._emit("high_contrast", checked)

    @Slot(bool)
    def _on_close_to_tray_toggled(self, checked: bool) -> None:
        self._emit("close_to_tray", checked)
