# SPDX-License-Identifier: EUPL-1.2
"""Application-wide look and language, applied from the preferences.

The system's preferences are followed (EN 301 549 11.7): light or dark when the
theme is "system", high contrast when the platform asks for it and neither the
user nor IT chose the contrast, and the platform's font size (the style sheet's
sizes are relative to it).

Signals:
    changed(): colours or language changed (also when the system switches light/dark,
        contrast or font).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from workplace.config.settings import Settings
from workplace.ui import theme as themes
from workplace.ui import themestyle
from workplace.ui.i18n import Translations, resolve_language

if TYPE_CHECKING:
    from workplace.config.schema import Preferences


def contrast_chosen(settings: Settings) -> bool:
    """True if the user or IT set ``high_contrast``; else the system's setting counts."""
    return settings.is_locked("high_contrast") or (
        settings.origin("high_contrast").layer != "default"
    )


def wants_high_contrast(settings: Settings) -> bool:
    """High contrast as it is in effect: the chosen value, or the system's."""
    if contrast_chosen(settings):
        return settings.preferences.high_contrast
    return themes.system_high_contrast()


class Appearance(QObject):
    changed = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self.translations = Translations(app)
        self._theme_pref = "system"
        self._high_contrast: bool | None = False
        """The chosen contrast; None follows the system's."""
        self._accent = "#0b5cad"
        self._font_pt = themes.base_point_size(app)
        self.theme = themes.make_theme(self._accent, dark=False, high_contrast=False)
        self.language = ""
        self._applied = False
        self._hints = app.styleHints()  # kept: the accessibility hints belong to it
        self._accessibility = self._hints.accessibility()
        self._hints.colorSchemeChanged.connect(self._on_hints_color_scheme_changed)
        self._accessibility.contrastPreferenceChanged.connect(
            self._on_accessibility_contrast_changed
        )
        app.fontChanged.connect(self._on_app_font_changed)

    def dispose(self) -> None:
        """Remove the translators and stop following the system (tests, restart)."""
        self._hints.colorSchemeChanged.disconnect(self._on_hints_color_scheme_changed)
        self._accessibility.contrastPreferenceChanged.disconnect(
            self._on_accessibility_contrast_changed
        )
        self._app.fontChanged.disconnect(self._on_app_font_changed)
        self.translations.use_none()
        self.language = ""

    def apply(
        self, preferences: Preferences, accent: str, *, follow_system_contrast: bool = False
    ) -> None:
        """Use the language, colours and contrast of ``preferences``.

        ``follow_system_contrast``: neither the user nor IT chose ``high_contrast``,
        so the platform's contrast setting decides (see :meth:`follow`).
        """
        language = resolve_language(preferences.language)
        if language != self.language:
            self.translations.use(language)
            self.language = language
        self._theme_pref = preferences.theme
        self._high_contrast = None if follow_system_contrast else preferences.high_contrast
        self._accent = accent
        self._refresh_theme()

    @Slot(object)
    def follow(self, settings: Settings) -> None:
        """The settings changed (``SettingsStore.changed``): use their look and language."""
        self.apply(
            settings.preferences,
            settings.tenant.organisation.accent_colour,
            follow_system_contrast=not contrast_chosen(settings),
        )

    @property
    def high_contrast(self) -> bool:
        """High contrast in effect (chosen, or the system's)."""
        if self._high_contrast is None:
            return themes.system_high_contrast()
        return self._high_contrast

    def _refresh_theme(self, *, force: bool = False) -> None:
        new = themes.resolve(self._theme_pref, self.high_contrast, self._accent)
        if new != self.theme or not self._applied or force:
            self.theme = new
            themestyle.apply(self._app, new)
            self._applied = True
        self.changed.emit()

    @Slot(QFont)
    def _on_app_font_changed(self, _font: QFont) -> None:
        size = themes.base_point_size(self._app)
        if size != self._font_pt:  # the platform's font size changed
            self._font_pt = size
            if self._applied:
                self._refresh_theme(force=True)

    @Slot(Qt.ColorScheme)
    def _on_hints_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._theme_pref == "system":
            self._refresh_theme()

    @Slot(Qt.ContrastPreference)
    def _on_accessibility_contrast_changed(self, _preference: Qt.ContrastPreference) -> None:
        if self._high_contrast is None:
            self._refresh_theme()
