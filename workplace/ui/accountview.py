# SPDX-License-Identifier: EUPL-1.2
"""Shows the sign-in state in the window: header avatar and menu, sign-in screen, banner.

:class:`AccountView` reads :class:`~workplace.ui.account.AccountController` on
every ``changed`` and sets the widgets it is given; it turns their signals into
controller calls. No logic about tokens or timing lives here, and it knows nothing
of the window but the :class:`Screens` it switches between.

When a sign-in the user started (browser or code) succeeds, the window comes back to
the front (the browser had it), or asks for attention where the window manager
refuses to hand over the focus, and screen readers hear "Signed in as …".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QLocale, QObject, Slot
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget

from workplace.ui import authtext
from workplace.ui.account import AccountController, Phase
from workplace.ui.appearance import Appearance
from workplace.ui.windowdialogs import present

if TYPE_CHECKING:
    from workplace.auth.state import AuthState
    from workplace.ui.banners import BannerArea
    from workplace.ui.header import AccountButton
    from workplace.ui.signin import SignInPage


class Screens(Protocol):
    """Which page the window shows: the tiles, or the sign-in screen."""

    @property
    def signin_visible(self) -> bool: ...

    @property
    def signin(self) -> SignInPage:
        """The sign-in screen (built the first time it is asked for)."""

    def on_signin_built(self, wire: Callable[[SignInPage], None]) -> None:
        """Call ``wire`` with the sign-in screen once it is built (now, if it is)."""

    def want_sign_in(self, wanted: bool, *, stop_browsing: bool = False) -> None:
        """The sign-in screen in place of the tiles (unless the user browses or searches)."""

    def browse_without_sign_in(self) -> None:
        """The tiles, though signed out: the user looks at the services first."""

    def return_to_sign_in(self) -> None:
        """Back to the sign-in screen from browsing or a search."""


def format_time(epoch: float) -> str:
    """A moment in the user's language: "14.05.25, 17:30" or "5/14/25, 5:30 PM"."""
    from PySide6.QtCore import QDateTime  # built on use: not before the first paint

    moment = QDateTime.fromSecsSinceEpoch(int(epoch))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


class AccountView(QObject):
    def __init__(
        self,
        controller: AccountController,
        appearance: Appearance,
        *,
        button: AccountButton,
        banners: BannerArea,
        screens: Screens,
        show_help: Callable[[], None],
    ) -> None:
        super().__init__(button)
        self._controller = controller
        self._button = button
        self._banners = banners
        self._screens = screens
        self._show_help = show_help
        # The sign-in screen is built when it is first shown (a signed-in start never
        # builds it before its first paint); its buttons are wired then.
        screens.on_signin_built(self._wire_page)
        button.sign_in_requested.connect(self._on_account_sign_in_requested)
        button.sign_out_requested.connect(controller.sign_out)
        controller.changed.connect(self.update)
        appearance.changed.connect(self.update)
        self._shown_phase: Phase | None = None
        self.update()

    def _wire_page(self, page: SignInPage) -> None:
        controller = self._controller
        page.sign_in_requested.connect(controller.sign_in)
        page.code_requested.connect(controller.sign_in_with_code)
        page.cancel_requested.connect(controller.cancel)
        page.reopen_requested.connect(controller.reopen_browser)
        page.browse_requested.connect(self._on_page_browse_requested)
        page.help_requested.connect(self._show_help)

    @Slot()
    def update(self) -> None:
        controller = self._controller
        phase = controller.phase
        state = controller.state
        button, screens, banners = self._button, self._screens, self._banners
        before = self._shown_phase
        phase_changed = phase != before
        self._shown_phase = phase
        if phase in (Phase.STARTING, Phase.DISABLED):
            button.hide()
            banners.conceal("account")
            screens.want_sign_in(False)
            return
        button.show()
        if phase == Phase.SIGNED_IN and state is not None:
            button.set_user(
                state.display_name, state.email, initials_text=state.initials,
                notes=self._notes(state),
            )
            self._show_session_banner(state)
            screens.want_sign_in(False)
            if before in (Phase.BROWSER, Phase.DEVICE):
                self._welcome_back(state)
            return
        button.set_user(None)
        banners.conceal("account")
        page = screens.signin
        if phase == Phase.BROWSER:
            page.show_browser(bool(controller.browser_url))
        elif phase == Phase.DEVICE:
            page.show_device(controller.challenge)
        elif phase == Phase.REAUTH:
            page.show_welcome(controller.error, reauth_name=state.display_name if state else "")
        else:
            page.show_welcome(controller.error)
        screens.want_sign_in(True, stop_browsing=phase in (Phase.BROWSER, Phase.DEVICE))
        if phase_changed and screens.signin_visible:
            page.focus_primary()

    def _welcome_back(self, state: AuthState) -> None:
        """After the user's own sign-in: the launcher to the front (or marked urgent
        where the window manager will not hand over the focus), and who is signed in
        said to screen readers."""
        window = self._button.window()
        if window.isMinimized():
            window.showNormal()
        present(window)
        QApplication.alert(window)  # a no-op once the window is active
        who = state.display_name or state.email
        announce(window, self.tr("Signed in as %1").replace("%1", who))

    def _notes(self, state: AuthState) -> list[str]:
        notes = []
        if state.offline and state.reason is not None:
            notes.append(authtext.offline_note(state.reason.value))
        if state.status.value == "session_only":
            notes.append(self.tr("Not remembered on this computer"))
        elif state.session_until:
            until = format_time(state.session_until)
            notes.append(self.tr("Session holds until %1").replace("%1", until))
        else:
            notes.append(self.tr("Remembered on this computer"))
        return notes

    def _show_session_banner(self, state: AuthState) -> None:
        if state.status.value != "session_only":
            self._banners.conceal("account")
            return
        kind = state.reason.value if state.reason is not None else "no_keyring"
        if kind not in ("no_keyring", "keyring_failed"):
            kind = "no_keyring"
        title, hint = authtext.message(kind)
        # The keyring library's own English sentence stays out: IT gets plain lines
        # naming the keyring found (also in `workplace doctor`).
        self._banners.account.show_message(
            title, [], hint, authtext.keyring_details(kind, state.detail, state.keyring_backend))

    @Slot()
    def _on_page_browse_requested(self) -> None:
        self._screens.browse_without_sign_in()

    @Slot()
    def _on_account_sign_in_requested(self) -> None:
        screens = self._screens
        if screens.signin_visible and screens.signin.face == "welcome":
            self._controller.sign_in()
            return
        screens.return_to_sign_in()
        screens.signin.focus_primary()


def announce(widget: QWidget, text: str) -> None:
    """Have screen readers say ``text`` now, without moving the focus (Qt 6.8's
    announcement; over AT-SPI an ``object:announcement`` event)."""
    from PySide6.QtGui import QAccessibleAnnouncementEvent  # built on use

    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
