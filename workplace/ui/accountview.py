# SPDX-License-Identifier: EUPL-1.2
"""Shows the sign-in state in the window: header avatar and menu, sign-in screen, banner.

:class:`AccountView` reads :class:`~workplace.ui.account.AccountController` on
every ``changed`` and sets the widgets; it turns their signals into controller
calls. No logic about tokens or timing lives here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, QObject, Slot

from workplace.ui import authtext
from workplace.ui.account import AccountController, Phase
from workplace.ui.appearance import Appearance

if TYPE_CHECKING:
    from workplace.auth.state import AuthState
    from workplace.ui.window import MainWindow


def format_time(epoch: float) -> str:
    """A moment in the user's language: "14.05.25, 17:30" or "5/14/25, 5:30 PM"."""
    moment = QDateTime.fromSecsSinceEpoch(int(epoch))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


class AccountView(QObject):
    def __init__(
        self, window: MainWindow, controller: AccountController, appearance: Appearance
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        page = window.signin
        page.sign_in_requested.connect(controller.sign_in)
        page.code_requested.connect(controller.sign_in_with_code)
        page.cancel_requested.connect(controller.cancel)
        page.reopen_requested.connect(controller.reopen_browser)
        page.browse_requested.connect(self._on_page_browse_requested)
        page.help_requested.connect(window.show_help)
        account = window.header.account
        account.sign_in_requested.connect(self._on_account_sign_in_requested)
        account.sign_out_requested.connect(controller.sign_out)
        controller.changed.connect(self.update)
        appearance.changed.connect(self.update)
        self._shown_phase: Phase | None = None
        self.update()

    @Slot()
    def update(self) -> None:
        controller = self._controller
        window = self._window
        phase = controller.phase
        state = controller.state
        account = window.header.account
        page = window.signin
        phase_changed = phase != self._shown_phase
        self._shown_phase = phase
        if phase in (Phase.STARTING, Phase.DISABLED):
            account.hide()
            window.account_banner.hide()
            window.set_sign_in_wanted(False)
            return
        account.show()
        if phase == Phase.SIGNED_IN and state is not None:
            account.set_user(
                state.display_name, state.email, initials_text=state.initials,
                notes=self._notes(state),
            )
            self._show_session_banner(state)
            window.set_sign_in_wanted(False)
            return
        account.set_user(None)
        window.account_banner.hide()
        if phase == Phase.BROWSER:
            page.show_browser(bool(controller.browser_url))
        elif phase == Phase.DEVICE:
            page.show_device(controller.challenge)
        elif phase == Phase.REAUTH:
            page.show_welcome(controller.error, reauth_name=state.display_name if state else "")
        else:
            page.show_welcome(controller.error)
        if phase in (Phase.BROWSER, Phase.DEVICE):
            window.browsing_without_sign_in = False
        window.set_sign_in_wanted(True)
        if phase_changed and window.signin_visible:
            page.focus_primary()
        window.update_banner_box()

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
        banner = self._window.account_banner
        if state.status.value != "session_only":
            banner.hide()
        else:
            kind = state.reason.value if state.reason is not None else "no_keyring"
            if kind not in ("no_keyring", "keyring_failed"):
                kind = "no_keyring"
            title, hint = authtext.message(kind)
            banner.show_message(title, [], hint, [state.detail])
        self._window.update_banner_box()

    @Slot()
    def _on_page_browse_requested(self) -> None:
        self._window.browsing_without_sign_in = True
        self._window.set_sign_in_wanted(True)
        self._window.view.setFocus()

    @Slot()
    def _on_account_sign_in_requested(self) -> None:
        window = self._window
        if window.signin_visible and window.signin.face == "welcome":
            self._controller.sign_in()
            return
        window.browsing_without_sign_in = False
        window.header.search.clear()
        window.set_sign_in_wanted(True)
        window.signin.focus_primary()
