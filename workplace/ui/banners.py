# SPDX-License-Identifier: EUPL-1.2
"""The message strips above the tiles, in one place: built, ordered, themed, shown.

:class:`BannerArea` owns the five banners and is visible only while one of them is
(each banner says when it is shown or hidden, also when the user dismisses it).
What a banner says is up to the part of the window it belongs to:

- ``config``: the configuration has warnings or could not be read completely
  (:meth:`BannerArea.show_config_problems`, from the settings);
- ``network``: behind a Wi-Fi login page, or offline (``ui.statusview``);
- ``account``: the sign-in will not be remembered (``ui.accountview``);
- ``catalog``: the central service list could not be updated (``ui.statusview``);
- ``message``: the last action that went wrong (a launch, a save), replaced by the
  next (:meth:`BannerArea.show_message`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from workplace.config.settings import Settings
from workplace.ui.banner import Banner
from workplace.ui.theme import Theme


class BannerArea(QWidget):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config = Banner(theme, self)
        self.config.setObjectName("banner")
        self.network = Banner(theme, self, tone="info")
        self.network.setObjectName("networkBanner")
        self.account = Banner(theme, self, tone="info")
        self.catalog = Banner(theme, self)
        self.catalog.setObjectName("catalogBanner")
        self.message = Banner(theme, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 14, 28, 0)
        layout.setSpacing(8)
        for banner in self.banners:
            layout.addWidget(banner)
            banner.shown_changed.connect(self._on_banner_shown_changed)
        self._on_banner_shown_changed()

    @property
    def banners(self) -> tuple[Banner, ...]:
        """Top to bottom."""
        return (self.config, self.network, self.account, self.catalog, self.message)

    @Slot()
    def _on_banner_shown_changed(self) -> None:
        self.setVisible(any(not banner.isHidden() for banner in self.banners))

    def set_theme(self, theme: Theme) -> None:
        for banner in self.banners:
            banner.set_theme(theme)

    def retranslate(self) -> None:
        for banner in self.banners:
            banner.retranslate()

    @Slot(str, str, list)
    def show_message(self, title: str, hint: str = "", technical: Sequence[str] = ()) -> None:
        """A message about the last action (replaces the previous one); ``technical``
        details (an error's own text) stay folded behind "Details"."""
        self.message.show_message(title, (), hint, technical)

    def show_config_problems(self, settings: Settings, language: str) -> None:
        """What is wrong with the configuration, in ``language``; hidden when nothing is."""
        problems = [p.text(language) for p in settings.problems]
        if not problems:
            self.config.hide()
        elif not settings.errors:
            self.config.show_message(
                self.tr("The configuration has warnings"),
                problems,
                self.tr("The launcher works normally. Please tell your IT department."),
            )
        else:
            self.config.show_message(
                self.tr("The configuration could not be read completely"),
                problems,
                self.tr(
                    "The launcher keeps running with what it could read. "
                    "Please tell your IT department or the service desk."
                ),
            )
