# SPDX-License-Identifier: EUPL-1.2
"""The message strips above the tiles, in one place: built, ordered, themed, shown.

:class:`BannerArea` owns the six banners and is visible only while one of them is
(each banner says when it is shown or hidden, also when the user dismisses it).
What a banner says is up to the part of the window it belongs to:

- ``config``: the configuration has warnings or could not be read completely
  (:meth:`BannerArea.show_config_problems`, from the settings);
- ``portal``: the portal's announcements (``ui.waitingview``);
- ``network``: behind a Wi-Fi login page, or offline (``ui.statusview``);
- ``account``: the sign-in will not be remembered (``ui.accountview``);
- ``catalog``: the central service list could not be updated (``ui.statusview``);
- ``message``: the last action that went wrong (a launch, a save), replaced by the
  next (:meth:`BannerArea.show_message`).

Nothing of it is built before it is needed: the window starts with an empty, hidden
area, whose scroll area is made with the first banner, and each banner when it is
first asked for (``area.network``). A banner that was never built is not shown, so
hiding goes through :meth:`BannerArea.conceal`, which builds nothing, and what a
banner asks for reaches its owner through the area's :attr:`action_requested` and
:attr:`dismissed` (a warm start paints without any of it).

Signals:
    action_requested(str): a banner's action button was pressed (the banner's name).
    dismissed(str): the user closed a banner (its name).
    built(): a banner was built (the window puts its buttons in the Tab order).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from workplace.config.settings import Settings
from workplace.ui.scrollcolumn import plain_column
from workplace.ui.theme import Theme

if TYPE_CHECKING:
    from workplace.ui.banner import Banner

MIN_SHOWN_PX = 44
"""However short the window, this much of the banners stays in sight (the rest scrolls)."""
NARROW_PX = 640
"""Below this width the strips keep less distance from the window's edges."""
COLUMN_TOP = 14
"""The column's distance from the header (in a narrow window: 8)."""
STRIPS = (
    ("config", "banner", "warning"),
    # The portal's announcements (planned maintenance): IT's word, below its
    # configuration warnings.
    ("portal", "portalBanner", "info"),
    ("network", "networkBanner", "info"),
    ("account", "banner", "info"),
    ("catalog", "catalogBanner", "warning"),
    ("message", "banner", "warning"),
)
"""The banners top to bottom: name, object name, tone."""
ORDER = {name: index for index, (name, _object_name, _tone) in enumerate(STRIPS)}


class BannerArea(QWidget):
    """The banners, stacked; taller than :meth:`set_height_limit` allows, they scroll.

    So several long messages in a small (or zoomed) window never push the tiles out
    of it or overlap them. The area itself takes no keyboard focus: Tab goes to the
    banners' buttons, and the area scrolls to the one that has it.
    """

    action_requested = Signal(str)
    dismissed = Signal(str)
    built = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bannerArea")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # As the scroll area inside it: the page (stretched) takes the room left.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._theme = theme
        self._limit = 1 << 20
        self._strips: dict[str, Banner] = {}
        self._scroll: _BannerScroll | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.hide()

    # -- built on demand ------------------------------------------------------------

    @property
    def config(self) -> Banner:
        return self._strip("config")

    @property
    def portal(self) -> Banner:
        return self._strip("portal")

    @property
    def network(self) -> Banner:
        return self._strip("network")

    @property
    def account(self) -> Banner:
        return self._strip("account")

    @property
    def catalog(self) -> Banner:
        return self._strip("catalog")

    @property
    def message(self) -> Banner:
        return self._strip("message")

    def _strip(self, name: str) -> Banner:
        banner = self._strips.get(name)
        if banner is None:
            banner = self._build(name)
        return banner

    def _build(self, name: str) -> Banner:
        from workplace.ui.banner import Banner

        scroll = self._scroll
        if scroll is None:
            scroll = self._scroll = _BannerScroll(self)
            scroll.set_height_limit(self._limit)
            self._layout.addWidget(scroll)
        _name, object_name, tone = STRIPS[ORDER[name]]
        banner = Banner(self._theme, scroll.inner, tone=tone)
        banner.setObjectName(object_name)
        above = sum(1 for other in self._strips if ORDER[other] < ORDER[name])
        scroll.column.insertWidget(above, banner)
        self._strips[name] = banner
        banner.shown_changed.connect(self._on_banner_shown_changed)
        banner.action_requested.connect(lambda: self.action_requested.emit(name))
        banner.dismissed.connect(lambda: self.dismissed.emit(name))
        self.built.emit()
        return banner

    def conceal(self, name: str) -> None:
        """Hide banner ``name`` if it is shown (one never built stays unbuilt)."""
        banner = self._strips.get(name)
        if banner is not None:
            banner.hide()

    def is_shown(self, name: str) -> bool:
        banner = self._strips.get(name)
        return banner is not None and not banner.isHidden()

    @Slot()
    def hide_message(self) -> None:
        """The last action's message goes (the next action went well)."""
        self.conceal("message")

    # -- size: the scroll area's, nothing before a banner is built -----------------------

    def set_height_limit(self, pixels: int) -> None:
        """At most this tall (the window gives a share of its height); scroll beyond."""
        self._limit = max(pixels, 0)
        if self._scroll is not None:
            self._scroll.set_height_limit(pixels)

    def sizeHint(self) -> QSize:
        return super().sizeHint() if self._scroll is not None else self.minimumSizeHint()

    def minimumSizeHint(self) -> QSize:
        # Before the first banner: what the empty column asks for, its top margin, as
        # the window has always counted it (see _WindowContent.heightForWidth).
        if self._scroll is None:
            return QSize(0, min(COLUMN_TOP, self._limit, MIN_SHOWN_PX))
        return super().minimumSizeHint()

    def focus_chain(self) -> list[QWidget]:
        """The banners' controls, top to bottom (hidden ones included; Tab skips them)."""
        return [widget for banner in self.banners for widget in banner.focus_chain()]

    @property
    def banners(self) -> tuple[Banner, ...]:
        """Those built so far, top to bottom."""
        return tuple(self._strips[name] for name, _o, _t in STRIPS if name in self._strips)

    @Slot()
    def _on_banner_shown_changed(self) -> None:
        self.setVisible(any(not banner.isHidden() for banner in self._strips.values()))

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        for banner in self._strips.values():
            banner.set_theme(theme)

    def retranslate(self) -> None:
        for banner in self._strips.values():
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
            self.conceal("config")
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


class _BannerScroll(QScrollArea):
    """The column of banners, scrolling beyond the height limit (built with the first)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("bannerScroll")
        inner = plain_column(self)
        inner.setObjectName("bannerColumn")
        self.column = QVBoxLayout(inner)
        self.column.setContentsMargins(28, COLUMN_TOP, 28, 0)
        self.column.setSpacing(8)
        self.inner = inner
        self.setWidget(inner)
        inner.installEventFilter(self)
        self._limit = 1 << 20

    # -- size: as tall as the banners, up to the limit ------------------------------

    def set_height_limit(self, pixels: int) -> None:
        """At most this tall (the window gives a share of its height); scroll beyond."""
        if pixels != self._limit:
            self._limit = max(pixels, 0)
            self.updateGeometry()

    def _content_height(self) -> int:
        inner = self.inner
        width = self.viewport().width() if self.isVisible() else self.width()
        if inner.hasHeightForWidth() and width > 0:
            return inner.heightForWidth(width)
        return inner.sizeHint().height()

    def sizeHint(self) -> QSize:
        return QSize(self.inner.sizeHint().width(), min(self._content_height(), self._limit))

    def minimumSizeHint(self) -> QSize:
        # A short window gives the banners less and they scroll; a line stays in sight.
        return QSize(0, min(self._content_height(), self._limit, MIN_SHOWN_PX))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.inner and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # a banner came, went or changed its text
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        side = 28 if event.size().width() >= NARROW_PX else 12
        self.column.setContentsMargins(side, COLUMN_TOP if side == 28 else 8, side, 0)
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # wrapped text: another height
