# SPDX-License-Identifier: EUPL-1.2
"""The main window: header, message banners, and the tiles (or a friendly empty state).

The window lays out its parts and wires them; each job has a home of its own:

- :class:`~workplace.ui.banners.BannerArea`: the five message strips above the tiles;
- :class:`~workplace.ui.settingsstore.SettingsStore`: the one writer of the settings
  (preferences, favourites, start at login); the window, the appearance, the dialog,
  the tray and the status controller follow its signals;
- :class:`~workplace.ui.launching.LaunchController`: opening services, with the
  relaunch guard, the intranet warning and "Recently used";
- :class:`~workplace.ui.statusview.StatusView` (:meth:`MainWindow.attach_status`):
  the connection chip, the tile badges, the network and catalog banners;
- :class:`~workplace.ui.accountview.AccountView` (:meth:`MainWindow.attach_account`):
  the sign-in screen, the account button and its banner.

- :class:`~workplace.ui.nextmeeting.NextMeetingStrip` (:meth:`MainWindow.attach_waiting`):
  the next meeting with Join, between the banners and the tiles; the unread total in the
  title (:meth:`MainWindow.set_unread`);
- :class:`~workplace.ui.windowdialogs.WindowDialogs`: help and settings;
- :class:`~workplace.ui.tilemenu.TileMenu`: the menu of one tile.

What stays here: search, which page the stack shows, and closing.

Signals:
    favourites_changed(list): the favourite ids changed (the tray rebuilds its menu).
    quit_requested(): the window was closed and the launcher should end.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QPoint, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QScreen,
    QShortcut,
    QShowEvent,
    QWindow,
)
from PySide6.QtWidgets import (
    QFrame,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workplace import APP_NAME
from workplace.app import Workplace
from workplace.config.settings import Settings
from workplace.ui import icons
from workplace.ui.appearance import Appearance
from workplace.ui.banners import BannerArea
from workplace.ui.header import HeaderBar
from workplace.ui.jobs import Jobs
from workplace.ui.launching import LaunchController
from workplace.ui.settingsstore import SettingsStore
from workplace.ui.tilemenu import TileMenu
from workplace.ui.tilemodel import Role, TileModel
from workplace.ui.tileview import TileView
from workplace.ui.windowdialogs import WindowDialogs, present

if TYPE_CHECKING:
    from workplace.catalog.remote import RefreshResult
    from workplace.config.schema import Service
    from workplace.integrations.model import Document
    from workplace.ui.account import AccountController
    from workplace.ui.accountview import AccountView
    from workplace.ui.emptystate import EmptyState
    from workplace.ui.nextmeeting import NextMeetingStrip
    from workplace.ui.signin import SignInPage
    from workplace.ui.status import StatusController
    from workplace.ui.statusview import StatusView

log = logging.getLogger("workplace.ui")

DEFAULT_NAMES = (APP_NAME, "Workplace")
"""The product's names, which an unconfigured organisation carries (config.schema)."""
MINIMUM_SIZE = (560, 420)
"""The smallest window, where the screen allows it (a zoomed screen gets a smaller one)."""
PAGE_MIN_HEIGHT = 120
"""However short the window, this much of the page (tiles, sign-in) stays in sight; a
shorter window scrolls as a whole."""
FRAME_ALLOWANCE = (16, 48)
"""Room for the window manager's frame and title bar before the real frame is known."""


class _WindowContent(QWidget):
    """Header, banners and page. In a window too short for all three (a zoomed, small
    screen) it scrolls as a whole: only then, and only by what does not fit.

    Its least height for a width is what must stay in sight: the header, as tall as its
    rows need there, a line of banners and a bit of the page. (A layout would answer with
    every part's preferred height and make the window scroll much sooner.)
    """

    def __init__(self, header: QWidget, banners: QWidget, stack: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("windowContent")
        self._parts = (header, banners, stack)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        header, banners, stack = self._parts
        return (header.heightForWidth(width) + banners.minimumSizeHint().height()
                + stack.minimumSizeHint().height())


class MainWindow(QMainWindow):
    favourites_changed = Signal(list)
    quit_requested = Signal()

    def __init__(
        self,
        workplace: Workplace,
        jobs: Jobs,
        appearance: Appearance,
        *,
        tray_available: bool = False,
    ) -> None:
        super().__init__()
        self.workplace = workplace
        self.jobs = jobs
        self.appearance = appearance
        self.tray_available = tray_available
        self.status: StatusController | None = None
        self.status_view: StatusView | None = None
        self._quitting = False
        self._account: AccountController | None = None
        self._watched_screen: QScreen | None = None
        self._watched_handle: QWindow | None = None
        self.next_meeting: NextMeetingStrip | None = None
        """The "Als Nächstes" strip, once the integrations are attached."""
        self.tile_actions: Callable[[str], tuple[tuple[str, Callable[[], None]], ...]] | None = None
        """Extra entries of a tile's menu from its integration (set by the Gui's Waiting)."""
        self.refresh_waiting: Callable[[], None] | None = None
        self.open_document: Callable[[Document], None] | None = None
        """Opens a recently edited document found by the search (set by the Gui's
        "what is waiting" part)."""
        """F5 also checks the mail and the calendar now (set by the Gui's Waiting)."""
        self._unread = 0
        self.setObjectName("mainWindow")
        self.setWindowIcon(icons.app_icon())
        self.setMinimumSize(*MINIMUM_SIZE)

        self.settings_store = SettingsStore(workplace, jobs, appearance, self)
        self.launcher = LaunchController(workplace, jobs, appearance, self)
        self.dialogs = WindowDialogs(
            self, self.settings_store, appearance, launch=self.launch, diagnose=self._diagnose
        )
        theme = appearance.theme
        self.header = HeaderBar(theme, self)
        self.banners = BannerArea(theme, self)
        self.model = TileModel(
            workplace.catalog, appearance.language, self,
            remote_icons=icons.RemoteIcons(workplace.icon_cache.cached),
        )
        self.model.set_favourites(workplace.settings.preferences.favourites)
        self.view = TileView(theme, self)
        self.view.setModel(self.model)
        self._empty: EmptyState | None = None
        self._signin: SignInPage | None = None
        self._signin_organisation = ("", "", "")
        self._signin_wiring: list[Callable[[SignInPage], None]] = []
        self.sign_in_wanted = False
        """The account view asks for the sign-in screen (signed out, or signing in)."""
        self.browsing_without_sign_in = False
        """The user chose to look at the services before signing in."""
        self.stack = QStackedWidget(self)
        self._add_page(self.view)

        content = _WindowContent(self.header, self.banners, self.stack, self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.banners)
        layout.addWidget(self.stack, 1)
        self._content_layout = layout
        # A window shorter than the header, a banner and a usable page together (a
        # zoomed, small screen) scrolls as a whole instead of squeezing them.
        self.scroller = QScrollArea(self)
        self.scroller.setObjectName("windowScroller")
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(content)
        self.setCentralWidget(self.scroller)

        self._update_tab_order()
        self._wire()
        self.retranslate()
        self._on_appearance_changed()
        self.launcher.load_recent()
        self.fit_to_screen()

    def _add_page(self, page: QWidget) -> None:
        self.stack.addWidget(page)
        # Every page scrolls: a short (zoomed) window shrinks it, not the header.
        page.setMinimumHeight(PAGE_MIN_HEIGHT)

    @property
    def empty(self) -> EmptyState:
        """The page shown instead of the tiles when there are none, built the first time
        it is needed (a start with tiles paints without it)."""
        if self._empty is None:
            from workplace.ui.emptystate import EmptyState

            page = EmptyState(self)
            page.setAccessibleName(self.tr("No services found"))
            page.set_theme(self.appearance.theme)
            self._add_page(page)
            self._empty = page
        return self._empty

    @property
    def signin(self) -> SignInPage:
        """The sign-in screen, built the first time it is needed (signed out, or signing
        in): a warm start that is signed in paints without it."""
        if self._signin is None:
            from workplace.ui.signin import SignInPage

            page = SignInPage(self.appearance.theme, self)
            page.set_organisation(*self._signin_organisation)
            self._add_page(page)
            self._signin = page
            self._update_tab_order()
            for wire in self._signin_wiring:
                wire(page)
            self._signin_wiring.clear()
        return self._signin

    def on_signin_built(self, wire: Callable[[SignInPage], None]) -> None:
        """Call ``wire`` with the sign-in screen once it is built (now, if it is)."""
        if self._signin is not None:
            wire(self._signin)
        else:
            self._signin_wiring.append(wire)

    @Slot()
    def _update_tab_order(self) -> None:
        """Tab follows what is seen: the header row by row and left to right, the
        banners top to bottom, then the page (the tiles, or the sign-in card).

        Qt skips hidden widgets, so banners that come and go keep their place; the
        header says when its controls move to other rows (:attr:`HeaderBar.arranged`),
        the banners when one is built (:attr:`BannerArea.built`). Qt links no widget
        that takes no focus, so those are left out (an action button without a text):
        the chain goes on past them.
        """
        strip = self.next_meeting.focus_chain() if self.next_meeting is not None else []
        signin = self._signin.focus_chain() if self._signin is not None else []
        chain = [*self.header.focus_chain(), *self.banners.focus_chain(), *strip, self.view,
                 *signin]
        chain = [widget for widget in chain
                 if widget.focusPolicy() != Qt.FocusPolicy.NoFocus]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # -- the screen: zoom and small screens --------------------------------------

    def fit_to_screen(self) -> None:
        """A minimum size that fits the screen's available area, also at 200 % or 300 %.

        The minimum is 560 × 420 where the screen has room for it; a zoomed or small
        screen gets a smaller one (the header reflows, the pages scroll), so the whole
        window, its buttons included, can always be brought onto the screen.
        """
        screen = self.screen()
        if screen is not self._watched_screen:
            if self._watched_screen is not None:
                self._watched_screen.availableGeometryChanged.disconnect(self._on_screen_changed)
            screen.availableGeometryChanged.connect(self._on_screen_changed)
            self._watched_screen = screen
        area = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.size()  # nothing before it is shown
        room = QSize(
            min(area.width() - max(frame.width(), FRAME_ALLOWANCE[0]), area.width() * 9 // 10),
            min(area.height() - max(frame.height(), FRAME_ALLOWANCE[1]), area.height() * 4 // 5),
        )
        self.setMinimumSize(min(MINIMUM_SIZE[0], room.width()),
                            min(MINIMUM_SIZE[1], room.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Messages take at most two fifths of the height; more of them scroll.
        self.banners.set_height_limit(event.size().height() * 2 // 5)
        super().resizeEvent(event)

    @Slot()
    def _on_screen_changed(self) -> None:
        self.fit_to_screen()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        handle = self.windowHandle()
        if handle is not None and handle is not self._watched_handle:
            handle.screenChanged.connect(self._on_screen_changed)
            self._watched_handle = handle
        self.fit_to_screen()

    def _wire(self) -> None:
        header, view, store, launcher = self.header, self.view, self.settings_store, self.launcher
        header.search.textChanged.connect(self._on_search_text_changed)
        header.search.returnPressed.connect(self._on_search_return_pressed)
        header.search.installEventFilter(self)
        header.arranged.connect(self._update_tab_order)
        header.help_requested.connect(self.show_help)
        header.settings_requested.connect(self.show_settings)
        view.launch_requested.connect(self._on_view_launch_requested)
        view.favourite_toggled.connect(self._on_view_favourite_toggled)
        view.menu_requested.connect(self._on_view_menu_requested)
        view.typed.connect(self._on_view_typed)
        # The settings: the appearance first (language and colours), then the window.
        store.changed.connect(self.appearance.follow)
        store.changed.connect(self._on_settings_changed)
        store.favourites_changed.connect(self._on_favourites_changed)
        store.favourites_changed.connect(self.favourites_changed)
        store.message.connect(self.banners.show_message)
        launcher.message.connect(self.banners.show_message)
        launcher.launched.connect(self.banners.hide_message)
        self.banners.built.connect(self._update_tab_order)
        launcher.recent_changed.connect(self._on_recent_changed)
        self.appearance.changed.connect(self._on_appearance_changed)
        shortcuts: tuple[tuple[QKeySequence, Callable[[], None]], ...] = (
            (QKeySequence(QKeySequence.StandardKey.Find), self.focus_search),
            (QKeySequence(Qt.Key.Key_F1), self.show_help),
            (QKeySequence("Ctrl+Q"), self.quit),
            (QKeySequence(QKeySequence.StandardKey.Refresh), self.refresh_now),
        )
        for keys, slot in shortcuts:
            QShortcut(keys, self).activated.connect(slot)

    # -- language, colours, configuration ------------------------------------

    def retranslate(self) -> None:
        settings = self.workplace.settings
        language = self.appearance.language
        organisation = settings.tenant.organisation
        name = organisation.name.get(language)
        # The product's name in the window's language, like everything around it. On
        # X11, Qt appends the application's display name to every window title.
        product = self.tr("Workplace")
        QGuiApplication.setApplicationDisplayName(product)
        self._update_title()
        self.setLocale(QLocale(
            QLocale.Language.German if language == "de" else QLocale.Language.English))
        subtitle = self.tr("Workplace – all services in one place")
        if not settings.tenant.services and name in DEFAULT_NAMES:
            subtitle = ""  # an unconfigured launcher: the name already says it
        self.header.set_branding(name, subtitle, organisation.logo)
        self.header.retranslate()
        self._signin_organisation = (name, organisation.short_name, organisation.logo)
        if self._signin is not None:
            self._signin.set_organisation(*self._signin_organisation)
        self.banners.retranslate()
        if self.next_meeting is not None:
            self.next_meeting.retranslate()
        self.view.setAccessibleName(self.tr("Services"))
        self.view.setAccessibleDescription(
            self.tr(
                "Arrow keys move between services, Enter opens one, "
                "Ctrl+D adds or removes a favourite"
            )
        )
        if self._empty is not None:
            self._empty.setAccessibleName(self.tr("No services found"))
        self.model.set_language(language)
        self._update_empty_state()
        self.banners.show_config_problems(settings, language)

    @Slot()
    def _on_appearance_changed(self) -> None:
        theme = self.appearance.theme
        self.header.set_theme(theme)
        self.view.set_theme(theme)
        self.banners.set_theme(theme)
        if self._signin is not None:
            self._signin.set_theme(theme)
        if self._empty is not None:
            self._empty.set_theme(theme)
        if self.next_meeting is not None:
            self.next_meeting.set_theme(theme)

    def changeEvent(self, event: Any) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.model.retranslate()  # section titles come from tr()
            self.retranslate()
        super().changeEvent(event)

    def apply_settings(self, settings: Settings) -> None:
        """Put ``settings`` in effect (read again from elsewhere): see SettingsStore.apply."""
        self.settings_store.apply(settings)

    @Slot(object)
    def _on_settings_changed(self, _settings: Settings) -> None:
        current_id = self.current_service_id()
        self.model.set_catalog(self.workplace.catalog)
        self.retranslate()
        self._restore_current(current_id)

    @Slot(list)
    def _on_favourites_changed(self, favourites: list[str]) -> None:
        current_id = self.current_service_id()
        section = self.model.section_of(self.view.currentIndex())
        self.model.set_favourites(favourites)
        self._restore_current(current_id, section)

    @Slot(list)
    def _on_recent_changed(self, recent: list[str]) -> None:
        current_id = self.current_service_id()
        section = self.model.section_of(self.view.currentIndex())
        self.model.set_recent(recent)
        self._restore_current(current_id, section)

    # -- search ---------------------------------------------------------------

    @Slot()
    def focus_search(self) -> None:
        self.header.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.header.search.selectAll()

    @Slot(str)
    def _on_view_typed(self, text: str) -> None:
        search = self.header.search
        search.setFocus(Qt.FocusReason.OtherFocusReason)
        search.insert(text)

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        self.model.set_query(text)
        self._update_empty_state()
        first = self.model.first_tile()
        if first.isValid():
            self.view.setCurrentIndex(first)
            self.view.scrollToTop()

    @Slot()
    def _on_search_return_pressed(self) -> None:
        first = self.model.first_tile()
        if self.model.query and first.isValid():
            # The first result, as a click would open it: a recently edited document
            # opens itself, not the files service.
            self._on_view_launch_requested(first)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.header.search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                if self.header.search.text():
                    self.header.search.clear()
                else:
                    self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if event.key() == Qt.Key.Key_Down and self.stack.currentWidget() is self.view:
                self.view.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    # -- which page: tiles, empty state or sign-in ------------------------------------

    def want_sign_in(self, wanted: bool, *, stop_browsing: bool = False) -> None:
        """Show the sign-in screen in place of the tiles (unless the user browses or searches).

        ``stop_browsing``: a sign-in is under way, so the screen shows it again.
        """
        self.sign_in_wanted = wanted
        if not wanted or stop_browsing:
            self.browsing_without_sign_in = False
        self._update_empty_state()

    def browse_without_sign_in(self) -> None:
        """The user looks at the services before signing in."""
        self.browsing_without_sign_in = True
        self.want_sign_in(True)
        self.view.setFocus()

    def return_to_sign_in(self) -> None:
        """Back to the sign-in screen from browsing or a search."""
        self.browsing_without_sign_in = False
        self.header.search.clear()
        self.want_sign_in(True)

    @property
    def signin_visible(self) -> bool:
        return self._signin is not None and self.stack.currentWidget() is self._signin

    def _update_empty_state(self) -> None:
        query = self.model.query
        if self.sign_in_wanted and not self.browsing_without_sign_in and not query:
            self._show_page(self.signin)
            return
        empty = self.model.tile_count == 0
        self._show_page(self.empty if empty else self.view)
        if empty:
            self.empty.say(*self._empty_text(query))

    def _show_page(self, page: QWidget) -> None:
        """Show ``page``; the others are hidden, not just painted over.

        A hidden item view still reports its items as showing: Qt decides an item's
        visibility from the view's rectangle alone. A covered view gets no area, so a
        screen reader finds no tile behind the sign-in card (the stack gives the view
        its room back when it is shown again).
        """
        self.stack.setCurrentWidget(page)
        if page is not self.view:
            self.view.resize(0, 0)

    def _empty_text(self, query: str) -> tuple[str, str]:
        if query:
            return (
                self.tr("No service matches “%1”").replace("%1", query),
                self.tr(
                    "Try another word, for example “mail” or “Dateien”. Esc clears the search."
                ),
            )
        if self.workplace.remote is not None and self.workplace.snapshot is None:
            tried = self.status is not None and (
                self.status.last_refresh is not None or self.status.catalog_failures > 0)
            if not tried:  # first start: the central list is on its way
                return (
                    self.tr("Loading your organisation's services …"),
                    self.tr("They come from your organisation's central service list; "
                            "this takes a moment on the first start."),
                )
            return (
                self.tr("The services could not be loaded yet"),
                self.tr("The central service list is not reachable; the message above says "
                        "why. The launcher tries again by itself, or press F5."),
            )
        if self.workplace.settings.errors:
            return (
                self.tr("No services to show"),
                self.tr("The configuration could not be read; the message above says why."),
            )
        return (
            self.tr("No services yet"),
            self.tr("Your IT department has not configured any services for this workplace."),
        )

    # -- launching, sign-in and status: their controllers and views ------------------------

    @Slot(QModelIndex)
    def _on_view_launch_requested(self, index: QModelIndex) -> None:
        document = self.model.document_at(index)
        if document is not None:
            if self.open_document is not None:
                self.open_document(document)
            return
        service = self.model.service_at(index)
        if service is not None:
            self.launch(service)

    def launch(self, service: Service, low_bandwidth: bool | None = None) -> None:
        """Open ``service`` (the tray and a second start come here too)."""
        self.launcher.launch(service, low_bandwidth)

    def attach_account(self, controller: AccountController) -> AccountView:
        """Show the sign-in state of ``controller`` (the Gui builds it after the window)."""
        from workplace.ui.accountview import AccountView

        view = AccountView(
            controller, self.appearance, button=self.header.account,
            banners=self.banners, screens=self, show_help=self.show_help,
        )
        self._account = controller
        controller.changed.connect(self._on_account_changed)
        self._on_account_changed()
        return view

    @Slot()
    def _on_account_changed(self) -> None:
        """Never neither a sign-in button nor an account: while the remembered session
        is looked up, the header says so ("Checking sign-in …")."""
        from workplace.ui.account import Phase

        if self._account is not None:
            self.header.set_account_pending(self._account.phase == Phase.STARTING)

    def attach_waiting(self) -> NextMeetingStrip:
        """The "Als Nächstes" strip between the banners and the tiles, in the Tab order
        where it is seen (the Gui's :class:`~workplace.ui.waitingview.Waiting` fills it)."""
        from workplace.ui.nextmeeting import NextMeetingStrip

        strip = NextMeetingStrip(self.appearance.theme, self,
                                 language=lambda: self.appearance.language)
        self._content_layout.insertWidget(2, strip)
        self.next_meeting = strip
        self._update_tab_order()
        return strip

    def set_unread(self, total: int) -> None:
        """The unread total in the window title: "(3) Musterstadt – Arbeitsplatz"."""
        if total != self._unread:
            self._unread = total
            self._update_title()

    def _update_title(self) -> None:
        name = self.workplace.settings.tenant.organisation.name.get(self.appearance.language)
        product = self.tr("Workplace")
        title = product if name in (product, *DEFAULT_NAMES) else f"{name} – {product}"
        if not self._unread:
            self.setWindowTitle(title)
            return
        from workplace.integrations.model import badge_text  # only once something is waiting

        self.setWindowTitle(f"({badge_text(self._unread)}) {title}")

    def attach_status(self, status: StatusController) -> None:
        """Show what ``status`` finds out (the Gui builds it after the window)."""
        from workplace.ui.statusview import StatusView

        self.status = status
        self.launcher.status = status
        self.status_view = StatusView(
            status, self.workplace, self.jobs, self.appearance,
            header=self.header, banners=self.banners, model=self.model, view=self.view,
        )
        status.catalog_refreshed.connect(self._on_status_catalog_refreshed)
        status.catalog_failed.connect(self._update_empty_state)
        self.settings_store.changed.connect(status.settings_changed)

    @Slot(object)
    def _on_status_catalog_refreshed(self, result: RefreshResult) -> None:
        if result.changed:
            current_id = self.current_service_id()
            section = self.model.section_of(self.view.currentIndex())
            self.model.set_catalog(self.workplace.catalog)
            self._update_empty_state()
            self._restore_current(current_id, section)
            self.favourites_changed.emit(list(self.model.favourites))
        elif self.model.tile_count == 0:
            self._update_empty_state()  # "loading" becomes "could not be loaded yet"

    @Slot()
    def refresh_now(self) -> None:
        """F5: check the connection and every service, and fetch the central catalog, now.

        Both run as background jobs (the window stays responsive); a round already
        running is followed by one more, a catalog fetch running is not doubled.
        """
        if self.refresh_waiting is not None:
            self.refresh_waiting()
        if self.status is None:
            return
        self.status.round()
        self.status.refresh_catalog()

    @Slot(str)
    def _on_view_favourite_toggled(self, service_id: str) -> None:
        if self.workplace.catalog.get(service_id) is not None:  # not a document row
            self.settings_store.toggle_favourite(service_id)

    # -- tile menu ----------------------------------------------------------------

    @Slot(QModelIndex, QPoint)
    def _on_view_menu_requested(self, index: QModelIndex, position: QPoint) -> None:
        service = self.model.service_at(index)
        if service is None or self.model.document_at(index) is not None:
            return
        menu = TileMenu(
            self, service, favourite=bool(index.data(Role.FAVOURITE)),
            low_bandwidth=self.launcher.low_bandwidth, launch=self.launch,
            toggle_favourite=self.settings_store.toggle_favourite,
            extra=self.tile_actions(service.id) if self.tile_actions else (),
        )
        menu.popup(position)

    # -- dialogs ------------------------------------------------------------------

    @Slot()
    def show_help(self) -> None:
        self.dialogs.show_help()

    @Slot()
    def show_settings(self) -> None:
        self.dialogs.show_settings()

    def _diagnose(self, done: Callable[[str], None],
                  failed: Callable[[BaseException], None]) -> None:
        """What ``workplace doctor`` prints, collected on a worker (network, keyring)."""
        workplace = self.workplace

        def collect() -> str:
            from workplace.diagnostics import render

            return "\n".join(render(workplace.diagnostics())) + "\n"

        self.jobs.run(collect, done, failed, name="diagnostics")

    # -- helpers ------------------------------------------------------------------

    def current_service_id(self) -> str | None:
        service = self.model.service_at(self.view.currentIndex())
        return service.id if service else None

    def _restore_current(self, service_id: str | None, section: str | None = None) -> None:
        index = self.model.find(service_id, section) if service_id else QModelIndex()
        if not index.isValid():
            index = self.model.first_tile()
        if index.isValid():
            self.view.setCurrentIndex(index)

    def bring_forward(self) -> None:
        """Show, un-minimise and raise the window (tray, second start)."""
        if self.isMinimized():
            self.showNormal()
        present(self)

    # -- closing ------------------------------------------------------------------

    @Slot()
    def quit(self) -> None:
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        keep = (
            not self._quitting
            and self.tray_available
            and self.workplace.settings.preferences.close_to_tray
        )
        if keep:
            event.ignore()
            self.hide()
            return
        event.accept()
        self.quit_requested.emit()
