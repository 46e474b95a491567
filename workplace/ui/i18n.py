# SPDX-License-Identifier: EUPL-1.2
"""The window's language: German on a German system, English otherwise; a preference overrides.

Translations are Qt Linguist files compiled to ``resources/translations/*.qm``
(``python -m workplace.i18n_build``) and loaded through importlib.resources.
"""

from __future__ import annotations

import logging
from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("workplace.ui")

SUPPORTED = ("de", "en")


def resolve_language(preference: str, system: QLocale | None = None) -> str:
    """``de`` or ``en`` for a ``Preferences.language`` value (``system``, ``de``, ``en``)."""
    if preference in SUPPORTED:
        return preference
    locale = system if system is not None else QLocale.system()
    if locale.language() == QLocale.Language.German:
        return "de"
    for name in locale.uiLanguages():
        if name.lower().startswith("de"):
            return "de"
        break  # only the first (preferred) UI language counts
    return "en"


class Translations:
    """Owns the installed translators; :meth:`use` switches language at run time."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def use_none(self) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()

    def use(self, language: str) -> None:
        self.use_none()
        self.language = language
        QLocale.setDefault(
            QLocale(QLocale.Language.German if language == "de" else QLocale.Language.English)
        )
        own = QTranslator(self._app)
        resource = files("workplace.resources").joinpath("translations", f"workplace_{language}.qm")
        try:
            with as_file(resource) as path:
                loaded = path.exists() and own.load(str(path))
        except OSError:
            loaded = False
        if loaded:
            self._app.installTranslator(own)
            self._installed.append(own)
        elif language != "en":
            log.info("no compiled translation for %s; run python -m workplace.i18n_build", language)
        if language != "en":
            # Qt's own strings (standard buttons, context menus of line edits).
            qt = QTranslator(self._app)
            directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{language}", directory):
                self._app.installTranslator(qt)
                self._installed.append(qt)
