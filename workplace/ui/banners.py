# SPDX-License-Identifier: EUPL-1.2
"""The message strips above the tiles, in one place: built, ordered, themed, shown.

:class:`BannerArea` owns the six banners and is visible only while one of them is
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

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from workplace.config.settings import Settings
from workplace.ui.banner import Banner
from workplace.ui.theme import Theme

MIN_SHOWN_PX = 44
"""However short the window, this much of the banners stays in sight (the rest scrolls)."""
NARROW_PX = 640
"""Below this width the strips keep less distance from the window's edges."""


class BannerArea(QScrollArea):
    """The banners, stacked; taller than :meth:`set_height_limit` allows, they scroll.

    So several long messages in a small (or zoomed) window never push the tiles out
    of it or overlap them. The area itself takes no keyboard focus: Tab goes to the
    banners' buttons, and the area scrolls to the one that has it.
    """

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bannerArea")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)
        inner = QWidget(self)
        inner.setObjectName("bannerColumn")
        self.config = Banner(theme, inner)
        self.config.setObjectName("banner")
        # The portal's announcements (planned maintenance): IT's word, below its
        # configuration warnings. Created in the order shown (Qt's first Tab chain).
        self.portal = Banner(theme, inner, tone="info")
        self.portal.setObjectName("portalBanner")
        self.network = Banner(theme, inner, tone="info")
        self.network.setObjectName("networkBanner")
        self.account = Banner(theme, inner, tone="info")
        self.catalog = Banner(theme, inner)
        self.catalog.setObjectName("catalogBanner")
        self.message = Banner(theme, inner)
        self._column = QVBoxLayout(inner)
        self._column.setContentsMargins(28, 14, 28, 0)
        self._column.setSpacing(8)
        for banner in self.banners:
            self._column.addWidget(banner)
            banner.shown_changed.connect(self._on_banner_shown_changed)
        self._inner = inner
        self.setWidget(inner)
        inner.installEventFilter(self)
        self._limit = 1 << 20
        self._on_banner_shown_changed()

    # -- size: as tall as the banners, up to the limit ------------------------------

    def set_height_limit(self, pixels: int) -> None:
        """At most this tall (the window gives a share of its height); scroll beyond."""
        if pixels != self._limit:
            self._limit = max(pixels, 0)
            self.updateGeometry()

    def _content_height(self) -> int:
        inner = self._inner
        width = self.viewport().width() if self.isVisible() else self.width()
        if inner.hasHeightForWidth() and width > 0:
            return inner.heightForWidth(width)
        return inner.sizeHint().height()

    def sizeHint(self) -> QSize:
        return QSize(self._inner.sizeHint().width(), min(self._content_height(), self._limit))

    def minimumSizeHint(self) -> QSize:
        # A short window gives the banners less and they scroll; a line stays in sight.
        return QSize(0, min(self._content_height(), self._limit, MIN_SHOWN_PX))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._inner and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # a banner came, went or changed its text
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        side = 28 if event.size().width() >= NARROW_PX else 12
        self._column.setContentsMargins(side, 14 if side == 28 else 8, side, 0)
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # wrapped text: another height

    def focus_chain(self) -> list[QWidget]:
        """The banners' controls, top to bottom (hidden ones included; Tab skips them)."""
        return [widget for banner in self.banners for widget in banner.focus_chain()]

    @property
    def banners(self) -> tuple[Banner, ...]:
        """Top to bottom."""
        return (self.config, self.portal, self.network, self.account, self.catalog,
                self.message)

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
