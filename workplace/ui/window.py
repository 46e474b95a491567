# SPDX-License-Identifier: EUPL-1.2
"""The main window: header, message banners, and the tiles (or a friendly empty state).

It renders the core's state (``app.Workplace``) and turns user actions into
background jobs; results come back on the GUI thread and update the model.

Status (:meth:`MainWindow.attach_status`): the connection chip in the header, a
badge on each tile, a banner behind a captive portal or offline, a banner when the
central catalog could not be refreshed, the intranet warning before launching and
the data saver's low-bandwidth URLs.

Signals:
    favourites_changed(list): the favourite ids changed (the tray rebuilds its menu).
    quit_requested(): the window was closed and the launcher should end.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workplace import APP_NAME
from workplace.app import Workplace
from workplace.catalog.launch import LaunchError, LaunchErrorKind
from workplace.config.preferences import PreferenceLockedError
from workplace.config.schema import Service
from workplace.config.settings import Settings
from workplace.ui import icons
from workplace.ui.appearance import Appearance
from workplace.ui.banner import Banner
from workplace.ui.errortext import WriteErrorTexts, technical
from workplace.ui.header import HeaderBar
from workplace.ui.jobs import Jobs
from workplace.ui.signin import SignInPage
from workplace.ui.statustext import StatusTexts
from workplace.ui.tilemodel import Role, TileModel
from workplace.ui.tileview import TileView

if TYPE_CHECKING:
    from workplace.catalog.remote import RefreshResult
    from workplace.ui.dialogs import HelpDialog, IntranetWarning, SettingsDialog
    from workplace.ui.status import StatusController

log = logging.getLogger("workplace.ui")

RELAUNCH_GUARD_S = 1.0  # a double click or key repeat must not open a service twice


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
        self._last_launch: tuple[str, float] = ("", 0.0)
        self._help: HelpDialog | None = None
        self._settings_dialog: SettingsDialog | None = None
        self.start_at_login_note = ""
        self.vpn_dialog: IntranetWarning | None = None
        """The open "only in the intranet" question (tests press its buttons)."""
        self.status: StatusController | None = None
        self._texts = StatusTexts()
        self._quitting = False
        self.setObjectName("mainWindow")
        self.setWindowIcon(icons.app_icon())
        self.setMinimumSize(560, 420)

        theme = appearance.theme
        self.header = HeaderBar(theme, self)
        self.config_banner = Banner(theme, self)
        self.config_banner.setObjectName("banner")
        self.message_banner = Banner(theme, self)
        self.account_banner = Banner(theme, self, tone="info")
        self.network_banner = Banner(theme, self, tone="info")
        self.network_banner.setObjectName("networkBanner")
        self.catalog_banner = Banner(theme, self)
        self.catalog_banner.setObjectName("catalogBanner")
        self.model = TileModel(
            workplace.catalog, appearance.language, self,
            remote_icons=icons.RemoteIcons(workplace.icon_cache.cached),
        )
        self.model.set_favourites(workplace.settings.preferences.favourites)
        self.view = TileView(theme, self)
        self.view.setModel(self.model)
        self.empty = self._build_empty_state()
        self.signin = SignInPage(theme, self)
        self.sign_in_wanted = False
        """The account view asks for the sign-in screen (signed out, or signing in)."""
        self.browsing_without_sign_in = False
        """The user chose to look at the services before signing in."""
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.signin)

        banners = QVBoxLayout()
        banners.setContentsMargins(28, 14, 28, 0)
        banners.setSpacing(8)
        banners.addWidget(self.config_banner)
        banners.addWidget(self.network_banner)
        banners.addWidget(self.account_banner)
        banners.addWidget(self.catalog_banner)
        banners.addWidget(self.message_banner)
        self._banner_box = QWidget(self)
        self._banner_box.setLayout(banners)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self._banner_box)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._update_banner_box()

        # Tab order: search → tiles → connection → data saver → help → settings → account.
        self.setTabOrder(self.header.search, self.view)
        self.setTabOrder(self.view, self.header.connection)
        self.setTabOrder(self.header.connection, self.header.saver)
        self.setTabOrder(self.header.saver, self.header.help_button)
        self.setTabOrder(self.header.help_button, self.header.settings_button)
        self.setTabOrder(self.header.settings_button, self.header.account)

        self.header.search.textChanged.connect(self._on_search_text_changed)
        self.header.search.returnPressed.connect(self._on_search_return_pressed)
        self.header.search.installEventFilter(self)
        self.header.help_requested.connect(self.show_help)
        self.header.settings_requested.connect(self.show_settings)
        self.view.launch_requested.connect(self._on_view_launch_requested)
        self.view.favourite_toggled.connect(self.toggle_favourite)
        self.view.menu_requested.connect(self._on_view_menu_requested)
        self.view.typed.connect(self._on_view_typed)
        self.config_banner.dismissed.connect(self._update_banner_box)
        self.message_banner.dismissed.connect(self._update_banner_box)
        self.account_banner.dismissed.connect(self._update_banner_box)
        self.network_banner.dismissed.connect(self._update_banner_box)
        self.catalog_banner.dismissed.connect(self._update_banner_box)
        self.network_banner.action_requested.connect(self._on_network_banner_action_requested)
        appearance.changed.connect(self._on_appearance_changed)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)
        help_key = QShortcut(QKeySequence(Qt.Key.Key_F1), self)
        help_key.activated.connect(self.show_help)
        quit_key = QShortcut(QKeySequence("Ctrl+Q"), self)
        quit_key.activated.connect(self.quit)
        refresh_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh_key.activated.connect(self.refresh_now)

        self.retranslate()
        self._on_appearance_changed()
        self._load_recent()

    # -- building -------------------------------------------------------------

    def _build_empty_state(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.addStretch(1)
        self._empty_icon = QLabel(page)
        self._empty_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_title = QLabel(page)
        self.empty_title.setObjectName("emptyTitle")
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_title.setWordWrap(True)
        self.empty_hint = QLabel(page)
        self.empty_hint.setObjectName("orgSub")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        layout.addWidget(self._empty_icon)
        layout.addSpacing(8)
        layout.addWidget(self.empty_title)
        layout.addWidget(self.empty_hint)
        layout.addStretch(2)
        return page

    # -- language, colours, configuration ------------------------------------

    def retranslate(self) -> None:
        settings = self.workplace.settings
        language = self.appearance.language
        organisation = settings.tenant.organisation
        name = organisation.name.get(language)
        self.setWindowTitle(f"{name} – {APP_NAME}" if name != APP_NAME else APP_NAME)
        subtitle = self.tr("Workplace – all services in one place")
        if not settings.tenant.services and name in (APP_NAME, "Workplace"):
            subtitle = ""  # an unconfigured launcher: the name already says it
        self.header.set_branding(name, subtitle, organisation.logo)
        self.header.retranslate()
        self.signin.set_organisation(name, organisation.short_name, organisation.logo)
        self.config_banner.retranslate()
        self.message_banner.retranslate()
        self.account_banner.retranslate()
        self.network_banner.retranslate()
        self.catalog_banner.retranslate()
        self._show_profile()
        self._show_catalog_result()
        self.view.setAccessibleName(self.tr("Services"))
        self.view.setAccessibleDescription(
            self.tr(
                "Arrow keys move between services, Enter opens one, "
                "Ctrl+D adds or removes a favourite"
            )
        )
        self.empty.setAccessibleName(self.tr("No services found"))
        self.model.set_language(language)
        self._update_empty_state()
        self._show_config_problems(settings)

    def _on_appearance_changed(self) -> None:
        theme = self.appearance.theme
        self.header.set_theme(theme)
        self.view.set_theme(theme)
        self.config_banner.set_theme(theme)
        self.message_banner.set_theme(theme)
        self.account_banner.set_theme(theme)
        self.network_banner.set_theme(theme)
        self.catalog_banner.set_theme(theme)
        self.signin.set_theme(theme)
        self._empty_icon.setPixmap(
            icons.pixmap("search", theme.secondary_text, 48, self.devicePixelRatioF())
        )

    def changeEvent(self, event: Any) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.model.retranslate()  # section titles come from tr()
            self.retranslate()
        super().changeEvent(event)

    def apply_settings(self, settings: Settings) -> None:
        """Show ``settings`` (a job's result): colours, language, favourites, catalog."""
        current_id = self.current_service_id()
        self.workplace.apply_settings(settings)
        self.appearance.apply(settings.preferences, settings.tenant.organisation.accent_colour)
        self.model.set_catalog(self.workplace.catalog)
        self.model.set_favourites(settings.preferences.favourites)
        self.retranslate()
        if self._settings_dialog is not None:
            self._settings_dialog.set_settings(settings, self.appearance.language)
        self.favourites_changed.emit(list(settings.preferences.favourites))
        self._restore_current(current_id)
        if self.status is not None:
            self.status.settings_changed()

    def _show_config_problems(self, settings: Settings) -> None:
        problems = [p.text(self.appearance.language) for p in settings.problems]
        if not problems:
            self.config_banner.hide()
        elif not settings.errors:
            self.config_banner.show_message(
                self.tr("The configuration has warnings"),
                problems,
                self.tr("The launcher works normally. Please tell your IT department."),
            )
        else:
            self.config_banner.show_message(
                self.tr("The configuration could not be read completely"),
                problems,
                self.tr(
                    "The launcher keeps running with what it could read. "
                    "Please tell your IT department or the service desk."
                ),
            )
        self._update_banner_box()

    def _update_banner_box(self) -> None:
        self._banner_box.setVisible(
            any(
                not banner.isHidden()
                for banner in (
                    self.config_banner,
                    self.message_banner,
                    self.account_banner,
                    self.network_banner,
                    self.catalog_banner,
                )
            )
        )

    def update_banner_box(self) -> None:
        """Show the banner area only while a banner is shown (after the account view's change)."""
        self._update_banner_box()

    def show_message(
        self, title: str, hint: str = "", details: list[str] | None = None,
        technical: list[str] | None = None,
    ) -> None:
        """A non-modal message above the tiles (replaces the previous one)."""
        self.message_banner.show_message(title, details or [], hint, technical or [])
        self._update_banner_box()

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

    # -- the sign-in screen -------------------------------------------------------

    def set_sign_in_wanted(self, wanted: bool) -> None:
        """Show the sign-in screen in place of the tiles (unless the user browses or searches)."""
        self.sign_in_wanted = wanted
        if not wanted:
            self.browsing_without_sign_in = False
        self._update_empty_state()

    @property
    def signin_visible(self) -> bool:
        return self.stack.currentWidget() is self.signin

    def _update_empty_state(self) -> None:
        query = self.model.query
        if self.sign_in_wanted and not self.browsing_without_sign_in and not query:
            self.stack.setCurrentWidget(self.signin)
            return
        empty = self.model.tile_count == 0
        self.stack.setCurrentWidget(self.empty if empty else self.view)
        if not empty:
            return
        if query:
            self.empty_title.setText(self.tr("No service matches “%1”").replace("%1", query))
            self.empty_hint.setText(
                self.tr("Try another word, for example “mail” or “Dateien”. Esc clears the search.")
            )
        elif self.workplace.remote is not None and self.workplace.snapshot is None:
            tried = self.status is not None and (
                self.status.last_refresh is not None or self.status.catalog_failures > 0)
            if not tried:  # first start: the central list is on its way
                self.empty_title.setText(self.tr("Loading your organisation's services …"))
                self.empty_hint.setText(self.tr(
                    "They come from your organisation's central service list; "
                    "this takes a moment on the first start."))
            else:
                self.empty_title.setText(self.tr("The services could not be loaded yet"))
                self.empty_hint.setText(self.tr(
                    "The central service list is not reachable; the message above says "
                    "why. The launcher tries again by itself, or press F5."))
        elif self.workplace.settings.errors:
            self.empty_title.setText(self.tr("No services to show"))
            self.empty_hint.setText(
                self.tr("The configuration could not be read; the message above says why.")
            )
        else:
            self.empty_title.setText(self.tr("No services yet"))
            self.empty_hint.setText(
                self.tr("Your IT department has not configured any services for this workplace.")
            )
        self.empty.setAccessibleDescription(f"{self.empty_title.text()} {self.empty_hint.text()}")

    @Slot()
    def _on_search_return_pressed(self) -> None:
        first = self.model.first_tile()
        if self.model.query and first.isValid():
            service = self.model.service_at(first)
            if service is not None:
                self.launch(service)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.header.search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                if self.header.search.text():
                    self.header.search.clear()
                else:
                    self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if event.key() == Qt.Key.Key_Down and self.model.tile_count:
                self.view.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    # -- favourites -------------------------------------------------------------

    @Slot(str)
    def toggle_favourite(self, service_id: str) -> None:
        settings = self.workplace.settings
        if settings.is_locked("favourites"):
            reason = settings.tenant.policy.reason.get(self.appearance.language)
            self.show_message(self.tr("Favourites are managed by your IT department"), reason)
            return
        current_id = self.current_service_id()
        section = self.model.section_of(self.view.currentIndex())
        favourites = list(self.model.favourites)
        if service_id in favourites:
            favourites.remove(service_id)
        else:
            favourites.append(service_id)
        self.model.set_favourites(favourites)  # at once; the file follows in a job
        self._restore_current(current_id, section)
        self.favourites_changed.emit(favourites)
        snapshot = settings
        self.jobs.run(
            lambda: self.workplace.save_preferences(snapshot, favourites=favourites),
            self._on_favourites_saved,
            self._on_preferences_failed,
            name="save-favourites",
            serial=True,
        )

    def _on_favourites_saved(self, settings: Settings) -> None:
        if tuple(settings.preferences.favourites) == self.model.favourites:
            self.workplace.apply_settings(settings)

    def _on_preferences_failed(self, exc: BaseException) -> None:
        log.warning("saving preferences failed: %s", exc)
        settings = self.workplace.settings
        self.model.set_favourites(settings.preferences.favourites)
        self.favourites_changed.emit(list(settings.preferences.favourites))
        if self._settings_dialog is not None:  # back to what is saved
            self._settings_dialog.set_settings(settings, self.appearance.language)
        if isinstance(exc, PreferenceLockedError):
            self.show_message(self.tr("This setting is managed by your IT department"))
        else:
            self.show_message(
                self.tr("Your settings could not be saved"),
                WriteErrorTexts().settings_not_saved(exc),
                technical=technical(exc),
            )

    def change_preference(self, key: str, value: Any) -> None:
        self.change_preferences({key: value})

    @Slot(dict)
    def change_preferences(self, changes: dict[str, Any]) -> None:
        """Save ``changes`` in the writer queue; start at login also changes the system."""
        snapshot = self.workplace.settings
        workplace = self.workplace
        self.jobs.run(
            lambda: workplace.save_preferences(snapshot, **changes),
            self.apply_settings,
            self._on_preferences_failed,
            name="save-" + "-".join(changes),
            serial=True,
        )
        if "start_at_login" in changes:
            wanted = bool(changes["start_at_login"])
            self.jobs.run(
                lambda: workplace.sync_start_at_login(wanted),
                self._on_start_at_login_synced,
                self._on_start_at_login_failed,
                name="start-at-login",
                serial=True,
            )

    def _on_start_at_login_synced(self, result: Any) -> None:
        if result.note:
            text = self.tr(
                "Your IT department sets start at login for all users of this computer; "
                "it cannot be changed here."
            )
        elif result.enabled:
            text = self.tr("The launcher starts when you sign in (%1).").replace(
                "%1", result.where
            )
        else:
            text = self.tr("The launcher no longer starts when you sign in.")
        self.start_at_login_note = text
        if self._settings_dialog is not None:
            self._settings_dialog.show_autostart_result(text)

    def _on_start_at_login_failed(self, exc: BaseException) -> None:
        log.warning("start at login could not be changed: %s", exc)
        text = WriteErrorTexts().start_at_login_not_changed(exc)
        self.start_at_login_note = text
        if self._settings_dialog is not None:
            self._settings_dialog.show_autostart_result(text)
        self.show_message(
            self.tr("Start at login could not be changed"),
            " ".join((WriteErrorTexts().reason(exc), WriteErrorTexts().advice(exc))),
            technical=technical(exc),
        )

    # -- recent -------------------------------------------------------------------

    def _load_recent(self) -> None:
        self.jobs.run(self.workplace.recent, self._on_recent_loaded, name="recent", serial=True)

    def _on_recent_loaded(self, recent: list[str]) -> None:
        current_id = self.current_service_id()
        section = self.model.section_of(self.view.currentIndex())
        self.model.set_recent(recent)
        self._restore_current(current_id, section)

    # -- launching ----------------------------------------------------------------

    @Slot(QModelIndex)
    def _on_view_launch_requested(self, index: QModelIndex) -> None:
        service = self.model.service_at(index)
        if service is not None:
            self.launch(service)

    @property
    def low_bandwidth(self) -> bool:
        """Data saver in effect: services open their low-bandwidth URL where one is set."""
        if self.status is not None:
            return self.status.low_bandwidth
        return self.workplace.settings.preferences.low_bandwidth == "on"

    def launch(self, service: Service, low_bandwidth: bool | None = None) -> None:
        """Open ``service`` (asking first if it needs the intranet and there is none)."""
        low = self.low_bandwidth if low_bandwidth is None else low_bandwidth
        profile = self.status.profile if self.status is not None else None
        if profile is not None and service.zone == "intranet":
            from workplace.status.decide import needs_vpn_warning

            if needs_vpn_warning(service, profile):
                self._ask_before_intranet(service, low)
                return
        self._launch(service, low)

    def _ask_before_intranet(self, service: Service, low_bandwidth: bool) -> None:
        if self.vpn_dialog is not None:
            return
        title, text = self._texts.vpn_warning(service.name.get(self.appearance.language))
        from workplace.ui.dialogs import IntranetWarning  # dialogs load when first used

        box = IntranetWarning(title, text, self)

        def finished(result: int) -> None:
            self.vpn_dialog = None
            box.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                self._launch(service, low_bandwidth)

        box.finished.connect(finished)
        self.vpn_dialog = box
        box.open()
        box.cancel.setFocus(Qt.FocusReason.OtherFocusReason)

    def _launch(self, service: Service, low_bandwidth: bool) -> None:
        """Open ``service`` in a job; a failure shows why in a banner."""
        now = time.monotonic()
        last_id, last_time = self._last_launch
        if last_id == service.id and now - last_time < RELAUNCH_GUARD_S:
            return
        self._last_launch = (service.id, now)
        self.jobs.run(
            lambda: self.workplace.launch(service, low_bandwidth),
            lambda _result: self._on_launched(service),
            lambda exc: self._on_launch_failed(service, exc),
            name=f"launch-{service.id}",
        )

    def _on_launched(self, service: Service) -> None:
        self.message_banner.hide()
        self._update_banner_box()
        self.jobs.run(
            lambda: self.workplace.record_launch(service.id),
            self._on_recent_loaded,
            name="record-launch",
            serial=True,
        )

    def _on_launch_failed(self, service: Service, exc: BaseException) -> None:
        self._last_launch = ("", 0.0)
        name = service.name.get(self.appearance.language)
        title = self.tr("%1 could not be opened").replace("%1", name)
        if isinstance(exc, LaunchError):
            hint = self._launch_error_text(exc.kind)
            details = [exc.detail] if exc.detail else []
        else:
            log.exception("launch of %s failed", service.id, exc_info=exc)
            hint = self.tr("An unexpected error occurred.")
            details = technical(exc)
        self.show_message(title, hint, technical=details)

    def _launch_error_text(self, kind: LaunchErrorKind) -> str:
        texts = {
            LaunchErrorKind.UNSAFE_URL: self.tr(
                "Its address is not a safe web address, so it was not opened. "
                "Please tell your IT department."
            ),
            LaunchErrorKind.NO_BROWSER: self.tr(
                "No web browser could be started. Please check that a default browser is set."
            ),
            LaunchErrorKind.NATIVE_MISSING: self.tr(
                "The application is not installed on this computer. "
                "Please contact the service desk."
            ),
            LaunchErrorKind.NATIVE_FAILED: self.tr(
                "The application could not be started. "
                "Please try again or contact the service desk."
            ),
        }
        return texts.get(kind, self.tr("The service could not be opened."))

    # -- connection profile, service status, central catalog -----------------------

    def attach_status(self, status: StatusController) -> None:
        """Show what ``status`` finds out (the Gui builds it after the window)."""
        self.status = status
        status.profile_changed.connect(self._on_status_profile_changed)
        status.statuses_changed.connect(self._on_status_statuses_changed)
        status.catalog_refreshed.connect(self._on_status_catalog_refreshed)
        status.catalog_failed.connect(self._update_empty_state)
        status.icons_fetched.connect(self.model.icons_arrived)
        self.header.connection_requested.connect(status.round)

    @Slot()
    def _on_status_profile_changed(self) -> None:
        self._show_profile()
        if self.status is not None and self.status.offline:
            self._on_status_statuses_changed()

    def _show_profile(self) -> None:
        status = self.status
        if status is None or status.profile is None:
            return
        profile = status.profile
        texts = self._texts
        kind = profile.kind.value
        icon = {"offline": "offline", "captive": "warning"}.get(kind, "wifi")
        tone = {"offline": "off", "captive": "warn"}.get(kind, "ok")
        if kind in ("home", "mobile") and profile.intranet_reachable is False and not profile.vpn:
            tone = "neutral"
        self.header.set_connection(
            texts.profile_label(profile), texts.profile_explanation(profile), icon, tone
        )
        saver_title, saver_text = texts.saving_mode()
        self.header.set_saver(status.low_bandwidth, saver_title, saver_text)
        banner = self.network_banner
        if kind == "captive":
            banner.show_message(
                self.tr("Wi-Fi login needed"), [], texts.profile_explanation(profile)
            )
            banner.set_action(
                self.tr("Open login page") if profile.captive_open_url else "",
                self.tr("Opens the login page of this network in your browser"),
            )
        elif kind == "offline":
            banner.show_message(self.tr("No connection"), [], texts.profile_explanation(profile))
            banner.set_action("")
        else:
            banner.hide()
        self._update_banner_box()

    @Slot()
    def _on_network_banner_action_requested(self) -> None:
        profile = self.status.profile if self.status is not None else None
        url = profile.captive_open_url if profile is not None else None
        if not url:
            return
        opener = self.workplace.open_url
        # IT's connectivity-check URL (plain http on purpose): the portal intercepts it.
        self.jobs.run(lambda: opener(url), name="open-captive-portal")

    @Slot()
    def _on_status_statuses_changed(self) -> None:
        status = self.status
        if status is None:
            return
        self.model.set_statuses(status.statuses, offline=status.offline)
        self.view.viewport().update()

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
        self._show_catalog_result()

    def _show_catalog_result(self) -> None:
        result = self.status.last_refresh if self.status is not None else None
        if result is None:
            return
        if result.ok:
            self.catalog_banner.hide()
        else:
            snapshot = result.snapshot
            title, hint = self._texts.refresh_failed(
                result.kind.value,
                snapshot.fetched_at if snapshot is not None else None,
                self.appearance.language,
            )
            problems = [str(p) for p in result.problems]
            self.catalog_banner.show_message(title, problems, hint, [result.detail])
        self._update_banner_box()

    # -- tile menu ----------------------------------------------------------------

    @Slot(QModelIndex, QPoint)
    def _on_view_menu_requested(self, index: QModelIndex, position: QPoint) -> None:
        service = self.model.service_at(index)
        if service is None:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        open_action = menu.addAction(self.tr("Open"))
        open_action.triggered.connect(lambda: self.launch(service))
        if service.low_bandwidth_url and self.low_bandwidth:
            full = menu.addAction(self.tr("Open the full version"))
            full.triggered.connect(lambda: self.launch(service, low_bandwidth=False))
        elif service.low_bandwidth_url:
            low = menu.addAction(self.tr("Open the low-bandwidth version"))
            low.triggered.connect(lambda: self.launch(service, low_bandwidth=True))
        favourite = bool(index.data(Role.FAVOURITE))
        toggle = menu.addAction(
            self.tr("Remove from favourites") if favourite else self.tr("Add to favourites")
        )
        toggle.setShortcut(QKeySequence("Ctrl+D"))
        toggle.triggered.connect(lambda: self.toggle_favourite(service.id))
        menu.addSeparator()
        copy = menu.addAction(self.tr("Copy address"))
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(service.url))
        menu.popup(position)

    @Slot()
    def refresh_now(self) -> None:
        """F5: check the connection and every service, and fetch the central catalog, now.

        Both run as background jobs (the window stays responsive); a round already
        running is followed by one more, a catalog fetch running is not doubled.
        """
        if self.status is None:
            return
        self.status.round()
        self.status.refresh_catalog()

    # -- dialogs ------------------------------------------------------------------

    @Slot()
    def show_help(self) -> None:
        if self._help is None:
            from workplace.ui.dialogs import HelpDialog

            self._help = HelpDialog(
                self.workplace.settings.tenant.organisation, self.appearance.language, self,
                diagnose=self._diagnose,
            )
            self._help.link_opened.connect(self._on_help_link_opened)
            self._help.finished.connect(self._on_help_finished)
        self._present(self._help)

    def _diagnose(self, done: Callable[[str], None],
                  failed: Callable[[BaseException], None]) -> None:
        """What ``workplace doctor`` prints, collected on a worker (network, keyring)."""
        workplace = self.workplace

        def collect() -> str:
            from workplace.diagnostics import render

            return "\n".join(render(workplace.diagnostics())) + "\n"

        self.jobs.run(collect, done, failed, name="diagnostics")

    def _on_help_finished(self, _result: int) -> None:
        if self._help is not None:
            self._help.deleteLater()
            self._help = None

    def _on_help_link_opened(self, link: str) -> None:
        if link.startswith("mailto:"):
            QDesktopServices.openUrl(QUrl(link))
            return
        support = Service(
            id="servicedesk",
            name=self.workplace.settings.tenant.organisation.name,
            url=link,
        )
        self.launch(support)

    @Slot()
    def show_settings(self) -> None:
        if self._settings_dialog is None:
            from workplace.ui.dialogs import SettingsDialog

            self._settings_dialog = SettingsDialog(
                self.workplace.settings, self.appearance.language, self
            )
            self._settings_dialog.changed.connect(self.change_preference)
            self._settings_dialog.changed_many.connect(self.change_preferences)
            self._settings_dialog.finished.connect(self._on_settings_finished)
        self._present(self._settings_dialog)

    def _on_settings_finished(self, _result: int) -> None:
        if self._settings_dialog is not None:
            self._settings_dialog.deleteLater()
            self._settings_dialog = None

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
        self._present(self)

    @staticmethod
    def _present(widget: QWidget) -> None:
        layout = widget.layout()
        if layout is not None and not widget.isVisible():
            layout.activate()  # size constraints before the native window exists
        widget.show()
        if QGuiApplication.platformName() not in ("offscreen", "minimal"):
            widget.raise_()  # those plugins warn that they cannot
            widget.activateWindow()

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
