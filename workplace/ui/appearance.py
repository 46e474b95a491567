# SPDX-License-Identifier: EUPL-1.2
"""Application-wide look and language, applied from the preferences.

Signals:
    changed(): colours or language changed (also when the system switches light/dark).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication

from workplace.config.schema import Preferences
from workplace.config.settings import Settings
from workplace.ui import theme as themes
from workplace.ui.i18n import Translations, resolve_language


class Appearance(QObject):
    changed = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self.translations = Translations(app)
        self._theme_pref = "system"
        self._high_contrast = False
        self._accent = "#0b5cad"
        self.theme = themes.make_theme(self._accent, dark=False, high_contrast=False)
        self.language = ""
        self._applied = False
        app.styleHints().colorSchemeChanged.connect(self._on_hints_color_scheme_changed)

    def dispose(self) -> None:
        """Remove the translators and stop following the system (tests, restart)."""
        self._app.styleHints().colorSchemeChanged.disconnect(self._on_hints_color_scheme_changed)
        self.translations.use_none()
        self.language = ""

    def apply(self, preferences: Preferences, accent: str) -> None:
        """Use the language, colours and contrast of ``preferences``."""
        language = resolve_language(preferences.language)
        if language != self.language:
            self.translations.use(language)
            self.language = language
        self._theme_pref = preferences.theme
        self._high_contrast = preferences.high_contrast
        self._accent = accent
        self._refresh_theme()

    @Slot(object)
    def follow(self, settings: Settings) -> None:
        """The settings changed (``SettingsStore.changed``): use their look and language."""
        self.apply(settings.preferences, settings.tenant.organisation.accent_colour)

    def _refresh_theme(self) -> None:
        new = themes.resolve(self._theme_pref, self._high_contrast, self._accent)
        if new != self.theme or not self._applied:
            self.theme = new
            themes.apply(self._app, new)
            self._applied = True
        self.changed.emit()

    @Slot(Qt.ColorScheme)
    def _on_hints_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._theme_pref == "system":
            self._refresh_theme()
