# SPDX-License-Identifier: EUPL-1.2
"""The settings dialog: appearance, behaviour per connection profile, proxy, start at login.

Three tabs ("General", "Connection", "Proxy"). Every field has a label with a
mnemonic buddy and an accessible name; options IT locked are read-only, with IT's
reason in the tooltip, the accessible description and a note at the bottom.
Choices are saved at once; typed values (proxy addresses) when the field is left
or Enter is pressed, and only if the schema accepts them; otherwise the schema's
message is shown under the field and nothing is saved.

Signals:
    changed(str, object): one preference changed; its key and new value.
    changed_many(dict): several preferences that belong together (the proxy).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workplace.config.settings import Settings
from workplace.config.validate import validate_preferences
from workplace.ui.appearance import contrast_chosen, wants_high_contrast
from workplace.ui.themestyle import refresh_button_icons

PROXY_KEYS = ("proxy_mode", "proxy_pac_url", "proxy_http", "proxy_https", "proxy_exclusions")
INTERVAL_KEYS = ("status_minutes_office", "status_minutes_home", "status_minutes_mobile")


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setVerticalSpacing(10)
    form.setHorizontalSpacing(18)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return form


class SettingsDialog(QDialog):
    changed = Signal(str, object)
    changed_many = Signal(dict)

    def __init__(self, settings: Settings, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings
        self._language = language
        self._updating = False
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(12)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self._labels: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._build_general()
        self._build_connection()
        self._build_proxy()
        self._build_notifications()
        self.locked_note = QLabel(self)
        self.locked_note.setWordWrap(True)
        self.locked_note.setObjectName("orgSub")
        # Locked fields are disabled, so the keyboard skips them: this note, which names
        # them and IT's reason, takes the focus instead (screen readers read it there).
        self.locked_note.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.locked_note.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # after the flags
        self.locked_note.setProperty("focusable", True)  # a focus ring (theme)
        layout.addWidget(self.locked_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons = buttons
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)  # Enter in a field saves it; it must not close the dialog
        close.setDefault(False)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._connect()
        self.set_settings(settings, language)

    # -- building -------------------------------------------------------------------

    def _label(self, key: str, page: QWidget, widget: QWidget) -> QLabel:
        label = QLabel(page)
        label.setBuddy(widget)
        self._labels[key] = label
        self._widgets[key] = widget
        return label

    def _error(self, key: str, page: QWidget) -> QLabel:
        label = QLabel(page)
        label.setObjectName("fieldError")
        label.setWordWrap(True)
        label.hide()
        self.errors[key] = label
        return label

    def _build_general(self) -> None:
        page = QWidget(self)
        self.general_page = page
        form = _form()
        self.language = QComboBox(page)
        self.theme = QComboBox(page)
        self.high_contrast = QCheckBox(page)
        self.close_to_tray = QCheckBox(page)
        self.start_at_login = QCheckBox(page)
        self.autostart_note = QLabel(page)
        self.autostart_note.setObjectName("orgSub")
        self.autostart_note.setWordWrap(True)
        self.autostart_note.hide()
        self.mail_links = QCheckBox(page)
        self.mail_links_note = QLabel(page)
        self.mail_links_note.setObjectName("orgSub")
        self.mail_links_note.setWordWrap(True)
        self.mail_links_note.hide()
        form.addRow(self._label("language", page, self.language), self.language)
        form.addRow(self._label("theme", page, self.theme), self.theme)
        form.addRow("", self.high_contrast)
        form.addRow("", self.close_to_tray)
        form.addRow("", self.start_at_login)
        form.addRow("", self.autostart_note)
        form.addRow("", self.mail_links)
        form.addRow("", self.mail_links_note)
        for key, box in (("high_contrast", self.high_contrast),
                         ("close_to_tray", self.close_to_tray),
                         ("start_at_login", self.start_at_login),
                         ("mail_links", self.mail_links)):
            self._widgets[key] = box
        box_layout = QVBoxLayout(page)
        box_layout.addLayout(form)
        box_layout.addStretch(1)
        self.tabs.addTab(page, "")

    def _build_notifications(self) -> None:
        from workplace.ui.settingsnotify import NotificationsPage

        self.notify_page = NotificationsPage(self)
        self._widgets.update(self.notify_page.widgets())
        self._labels.update(self.notify_page.labels())
        self.notify_page.changed.connect(self._on_notify_page_changed)
        self.tabs.addTab(self.notify_page, "")

    @Slot(dict)
    def _on_notify_page_changed(self, changes: dict[str, Any]) -> None:
        if self._updating:
            return
        prefs = self._settings.preferences
        wanted = {key: value for key, value in changes.items()
                  if getattr(prefs, key) != value and not self._settings.is_locked(key)}
        if wanted:
            self.changed_many.emit(wanted)

    def _build_connection(self) -> None:
        page = QWidget(self)
        self.connection_page = page
        outer = QVBoxLayout(page)
        outer.setSpacing(14)
        self.intervals_group = QGroupBox(page)
        form = _form()
        self.intervals: dict[str, QSpinBox] = {}
        for key in INTERVAL_KEYS:
            spin = QSpinBox(self.intervals_group)
            spin.setRange(1, 24 * 60)
            spin.setAccelerated(True)
            spin.valueChanged.connect(lambda _v, box=spin: self._word_minutes(box))
            self.intervals[key] = spin
            form.addRow(self._label(key, self.intervals_group, spin), spin)
        self.intervals_group.setLayout(form)
        outer.addWidget(self.intervals_group)

        self.behaviour_group = QGroupBox(page)
        form = _form()
        self.low_bandwidth = QComboBox(self.behaviour_group)
        form.addRow(self._label("low_bandwidth", self.behaviour_group, self.low_bandwidth),
                    self.low_bandwidth)
        self.low_bandwidth_hint = QLabel(self.behaviour_group)
        self.low_bandwidth_hint.setObjectName("orgSub")
        self.low_bandwidth_hint.setWordWrap(True)
        form.addRow("", self.low_bandwidth_hint)
        self.notifications = QCheckBox(self.behaviour_group)
        self.notifications_metered = QCheckBox(self.behaviour_group)
        self._widgets["notifications"] = self.notifications
        self._widgets["notifications_metered"] = self.notifications_metered
        form.addRow("", self.notifications)
        form.addRow("", self.notifications_metered)
        self.behaviour_group.setLayout(form)
        outer.addWidget(self.behaviour_group)
        outer.addStretch(1)
        self.tabs.addTab(page, "")

    def _build_proxy(self) -> None:
        page = QWidget(self)
        self.proxy_page = page
        form = _form()
        self.proxy_mode = QComboBox(page)
        form.addRow(self._label("proxy_mode", page, self.proxy_mode), self.proxy_mode)
        self.proxy_fields: dict[str, QLineEdit] = {}
        for key in PROXY_KEYS[1:]:
            edit = QLineEdit(page)
            edit.setClearButtonEnabled(True)
            self.proxy_fields[key] = edit
            column = QVBoxLayout()
            column.setSpacing(3)
            column.addWidget(edit)
            column.addWidget(self._error(key, page))
            form.addRow(self._label(key, page, edit), column)
        self.proxy_hint = QLabel(page)
        self.proxy_hint.setObjectName("orgSub")
        self.proxy_hint.setWordWrap(True)
        form.addRow("", self.proxy_hint)
        outer = QVBoxLayout(page)
        outer.addLayout(form)
        outer.addStretch(1)
        self.tabs.addTab(page, "")

    def _connect(self) -> None:
        self.language.currentIndexChanged.connect(self._on_language_changed)
        self.theme.currentIndexChanged.connect(self._on_theme_changed)
        self.high_contrast.toggled.connect(self._on_high_contrast_toggled)
        self.close_to_tray.toggled.connect(self._on_close_to_tray_toggled)
        self.start_at_login.toggled.connect(self._on_start_at_login_toggled)
        self.mail_links.toggled.connect(self._on_mail_links_toggled)
        self.notifications.toggled.connect(self._on_notifications_toggled)
        self.notifications_metered.toggled.connect(self._on_notifications_metered_toggled)
        self.low_bandwidth.currentIndexChanged.connect(self._on_low_bandwidth_changed)
        for key, spin in self.intervals.items():
            spin.editingFinished.connect(lambda k=key: self._on_interval_finished(k))
        self.proxy_mode.currentIndexChanged.connect(self._on_proxy_mode_changed)
        for edit in self.proxy_fields.values():
            edit.editingFinished.connect(self._on_proxy_edited)

    # -- showing settings -----------------------------------------------------------

    def set_settings(self, settings: Settings, language: str) -> None:
        """Show ``settings`` (after a save or a language change)."""
        self._updating = True
        try:
            self._settings = settings
            self._language = language
            self._retranslate()
            prefs = settings.preferences
            self._fill(self.language, (("system", self.tr("Like the system")),
                                       ("de", "Deutsch"), ("en", "English")), prefs.language)
            self._fill(self.theme, (("system", self.tr("Like the system")),
                                    ("light", self.tr("Light")), ("dark", self.tr("Dark"))),
                       prefs.theme)
            self._fill(self.low_bandwidth, (
                ("auto", self.tr("Automatic: on while the connection is metered")),
                ("on", self.tr("Always on")),
                ("off", self.tr("Off")),
            ), prefs.low_bandwidth)
            self._fill(self.proxy_mode, (
                ("system", self.tr("Like the system")),
                ("pac", self.tr("Automatic configuration (PAC file)")),
                ("manual", self.tr("Manual")),
                ("none", self.tr("No proxy (direct connection)")),
            ), prefs.proxy_mode)
            # What is in effect: the system's setting until the user or IT chose one.
            self.high_contrast.setChecked(wants_high_contrast(settings))
            self.close_to_tray.setChecked(prefs.close_to_tray)
            self.start_at_login.setChecked(prefs.start_at_login)
            self.mail_links.setChecked(prefs.mail_links)
            self.notifications.setChecked(prefs.notifications)
            self.notifications_metered.setChecked(prefs.notifications_metered)
            self.notify_page.set_preferences(prefs)
            for key, spin in self.intervals.items():
                spin.setValue(int(getattr(prefs, key)))
            for key, edit in self.proxy_fields.items():
                value = getattr(prefs, key)
                edit.setText(", ".join(value) if isinstance(value, list) else str(value))
                self._show_error(key, "")
            self._apply_locks(settings, language)
            self.notify_page.update_enabled(
                {key for key in self.notify_page.widgets() if settings.is_locked(key)})
            if not contrast_chosen(settings):
                follows = self.tr(
                    "Follows the high-contrast setting of the system until you change it here."
                )
                self.high_contrast.setToolTip(follows)
                self.high_contrast.setAccessibleDescription(follows)
            self._update_enabled()
        finally:
            self._updating = False

    @staticmethod
    def _fill(box: QComboBox, items: tuple[tuple[str, str], ...], current: str) -> None:
        box.clear()
        for value, text in items:
            box.addItem(text, value)
        box.setCurrentIndex(max(0, box.findData(current)))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.tabs.setTabText(0, self.tr("General"))
        self.tabs.setTabText(1, self.tr("Connection"))
        self.tabs.setTabText(2, self.tr("Proxy"))
        self.tabs.setTabText(3, self.tr("Notifications"))
        self.notify_page.retranslate()
        texts = {
            "language": self.tr("&Language"),
            "theme": self.tr("&Colours"),
            "status_minutes_office": self.tr("In the &office"),
            "status_minutes_home": self.tr("In the &home office"),
            "status_minutes_mobile": self.tr("On the &move (metered)"),
            "low_bandwidth": self.tr("&Data saver"),
            "proxy_mode": self.tr("&Proxy"),
            "proxy_pac_url": self.tr("PAC file &address"),
            "proxy_http": self.tr("&HTTP proxy"),
            "proxy_https": self.tr("HTTP&S proxy"),
            "proxy_exclusions": self.tr("&Without proxy"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
            self._widgets[key].setAccessibleName(text.replace("&", ""))
        # The rows read "Check the services / In the office: every 5 minutes"; a
        # screen reader hears the whole sentence as the field's name.
        spoken = {
            "status_minutes_office": self.tr("Check the services in the office"),
            "status_minutes_home": self.tr("Check the services in the home office"),
            "status_minutes_mobile": self.tr("Check the services on the move"),
        }
        for key, name in spoken.items():
            self._widgets[key].setAccessibleName(name)
        self.high_contrast.setText(self.tr("&High contrast"))
        self.close_to_tray.setText(self.tr("&Keep running in the tray when the window is closed"))
        self.start_at_login.setText(self.tr("&Start when I sign in to this computer"))
        self.mail_links.setText(self.tr("Open &e-mail links with Arbeitsplatz"))
        self.notifications.setText(
            self.tr("&Notify me when a service becomes unavailable or returns")
        )
        self.notifications_metered.setText(self.tr("Also notify on &metered connections"))
        self.intervals_group.setTitle(self.tr("Check the services"))
        self.behaviour_group.setTitle(self.tr("Slow and metered connections"))
        for spin in self.intervals.values():
            self._word_minutes(spin)
        self.low_bandwidth_hint.setText(self.tr(
            "Data saver checks less often, checks only services with a status address, "
            "and opens services in their low-bandwidth version where there is one."
        ))
        self.proxy_fields["proxy_pac_url"].setPlaceholderText("https://proxy.example.org/proxy.pac")
        self.proxy_fields["proxy_http"].setPlaceholderText("http://proxy.example.org:3128")
        self.proxy_fields["proxy_https"].setPlaceholderText(self.tr("empty: like the HTTP proxy"))
        self.proxy_fields["proxy_exclusions"].setPlaceholderText("localhost, .intern.example.org")
        self.proxy_hint.setText(self.tr(
            "Addresses without proxy are separated by commas: a name (with its subdomains), "
            ".domain, an IP address or network such as 10.0.0.0/8."
        ))

    def _word_minutes(self, spin: QSpinBox) -> None:
        """"every 5 minutes" / "alle 5 Minuten" around the number (plural forms from
        the translation, so the words may stand before or after it)."""
        value = spin.value()
        before, _, after = self.tr("every %n minute(s)", "", value).partition(str(value))
        spin.setPrefix(before)
        spin.setSuffix(after)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            refresh_button_icons(self.buttons)  # the theme changed while the dialog is open
        super().changeEvent(event)

    def _apply_locks(self, settings: Settings, language: str) -> None:
        reason = settings.tenant.policy.reason.get(language) or self.tr(
            "Your IT department manages this setting."
        )
        locked_names = []
        for key, widget in self._widgets.items():
            locked = settings.is_locked(key)
            widget.setEnabled(not locked)
            widget.setProperty("locked", locked)
            widget.setToolTip(reason if locked else "")
            widget.setAccessibleDescription(
                self.tr("Locked by IT: %1").replace("%1", reason) if locked else ""
            )
            if locked:
                label = self._labels.get(key)
                name = label.text() if label is not None else widget.property("text")
                locked_names.append(str(name or key).replace("&", ""))
        self.locked_note.setVisible(bool(locked_names))
        self.locked_note.setAccessibleName(self.tr("Settings managed by IT"))
        self.locked_note.setText(
            self.tr("Locked by IT: %1. %2")
            .replace("%1", ", ".join(locked_names))
            .replace("%2", reason)
        )

    def _update_enabled(self) -> None:
        mode = self.proxy_mode.currentData()
        wanted = {
            "proxy_pac_url": mode == "pac",
            "proxy_http": mode == "manual",
            "proxy_https": mode == "manual",
            "proxy_exclusions": mode == "manual",
        }
        for key, on in wanted.items():
            locked = self._settings.is_locked(key)
            self.proxy_fields[key].setEnabled(on and not locked)
        self.notifications_metered.setEnabled(
            self.notifications.isChecked() and not self._settings.is_locked("notifications_metered")
        )

    def show_autostart_result(self, text: str) -> None:
        """What start at login did (e.g. IT set it machine-wide)."""
        self.autostart_note.setText(text)
        self.autostart_note.setVisible(bool(text))
        self.start_at_login.setAccessibleDescription(text)

    def show_mail_links_result(self, text: str) -> None:
        """What the switch for e-mail links did (or why it could not)."""
        self.mail_links_note.setText(text)
        self.mail_links_note.setVisible(bool(text))
        if text:  # else the description keeps what the lock says
            self.mail_links.setAccessibleDescription(text)

    # -- validation -----------------------------------------------------------------

    def _value(self, key: str) -> Any:
        text = self.proxy_fields[key].text().strip()
        if key == "proxy_exclusions":
            return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
        return text

    def _show_error(self, key: str, message: str) -> None:
        label = self.errors[key]
        label.setText(message)
        label.setVisible(bool(message))
        edit = self.proxy_fields[key]
        edit.setProperty("invalid", bool(message))
        edit.style().unpolish(edit)
        edit.style().polish(edit)
        edit.setAccessibleDescription(
            self.tr("Error: %1").replace("%1", message) if message else ""
        )

    def _explain(self, message: str) -> str:
        """The schema's (English) reason in the user's language, where it is a known one."""
        example = "http://proxy.example.org:3128"
        known = (
            ("needs a port", self.tr("The proxy address needs a port, e.g. %1.")),
            ("credentials", self.tr(
                "No user name or password here: this file is readable. "
                "Use the system proxy settings for a proxy that asks for a password.")),
            ("host:port", self.tr("A proxy is written like %1.")),
            ("no path or query", self.tr("A proxy address has no path, e.g. %1.")),
            ("port is not valid", self.tr("The port is not valid, e.g. %1.")),
        )
        for needle, text in known:
            if needle in message:
                return text.replace("%1", example)
        return message

    def _validate_proxy(self) -> dict[str, Any] | None:
        """The proxy values if the schema accepts them all; else errors under the fields."""
        values: dict[str, Any] = {"proxy_mode": self.proxy_mode.currentData()}
        for key in self.proxy_fields:
            values[key] = self._value(key)
        errors: dict[str, str] = {}
        for parts, message in validate_preferences(values):
            errors.setdefault(str(parts[0]), self._explain(message))
        mode = values["proxy_mode"]
        if mode == "pac" and not values["proxy_pac_url"]:
            errors.setdefault("proxy_pac_url", self.tr("Enter the address of the PAC file."))
        if mode == "manual" and not (values["proxy_http"] or values["proxy_https"]):
            errors.setdefault("proxy_http", self.tr("Enter the proxy, e.g. %1.").replace(
                "%1", "http://proxy.example.org:3128"))
        for key in self.proxy_fields:
            self._show_error(key, errors.get(key, ""))
        return None if errors else values

    # -- slots ----------------------------------------------------------------------

    def _emit(self, key: str, value: object) -> None:
        if not self._updating and not self._settings.is_locked(key):
            self.changed.emit(key, value)

    @Slot(int)
    def _on_language_changed(self, _index: int) -> None:
        self._emit("language", self.language.currentData())

    @Slot(int)
    def _on_theme_changed(self, _index: int) -> None:
        self._emit("theme", self.theme.currentData())

    @Slot(int)
    def _on_low_bandwidth_changed(self, _index: int) -> None:
        self._emit("low_bandwidth", self.low_bandwidth.currentData())

    @Slot(bool)
    def _on_high_contrast_toggled(self, checked: bool) -> None:
        self._emit("high_contrast", checked)

    @Slot(bool)
    def _on_close_to_tray_toggled(self, checked: bool) -> None:
        self._emit("close_to_tray", checked)

    @Slot(bool)
    def _on_start_at_login_toggled(self, checked: bool) -> None:
        self._emit("start_at_login", checked)

    @Slot(bool)
    def _on_mail_links_toggled(self, checked: bool) -> None:
        self._emit("mail_links", checked)

    @Slot(bool)
    def _on_notifications_toggled(self, checked: bool) -> None:
        self._update_enabled()
        self._emit("notifications", checked)

    @Slot(bool)
    def _on_notifications_metered_toggled(self, checked: bool) -> None:
        self._emit("notifications_metered", checked)

    def _on_interval_finished(self, key: str) -> None:
        value = self.intervals[key].value()
        if value != getattr(self._settings.preferences, key):
            self._emit(key, value)

    @Slot(int)
    def _on_proxy_mode_changed(self, _index: int) -> None:
        if self._updating:
            return
        self._update_enabled()
        self._on_proxy_edited()

    @Slot()
    def _on_proxy_edited(self) -> None:
        if self._updating:
            return
        values = self._validate_proxy()
        if values is None:
            return
        prefs = self._settings.preferences
        changes = {
            key: value for key, value in values.items()
            if getattr(prefs, key) != value and not self._settings.is_locked(key)
        }
        if changes:
            self.changed_many.emit(changes)

