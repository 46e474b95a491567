# SPDX-License-Identifier: EUPL-1.2
"""The sign-in screen in place of the tiles: welcome, browser progress, and the code sign-in.

One centred card in the organisation's colours with three faces:

- **welcome**: logo, "Sign in with <organisation>" (primary), "Use a code instead",
  an error or "please sign in again" notice, and links to browse the services
  anyway and to the service desk;
- **browser**: "Continue in your browser…", a busy bar, "Open the browser again"
  and Cancel;
- **device**: the user code large and copyable, the address to enter it at, a QR
  code of the complete address (with a text alternative) and Cancel.

Signals:
    sign_in_requested(), code_requested(), cancel_requested(), reopen_requested(),
    browse_requested(), help_requested()
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workplace.ui import authtext, icons
from workplace.ui.banner import Banner
from workplace.ui.qr import qr_pixmap
from workplace.ui.theme import Theme

if TYPE_CHECKING:
    from workplace.auth.device import DeviceChallenge

CARD_WIDTH = 600
NARROW_PX = 640
"""Below this width the card fills the page and its links go one under the other."""
QR_SIZE = 168
LOGO_SIZE = 72


def _label(parent: QWidget, name: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _button(parent: QWidget, name: str) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName(name)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setAutoDefault(False)
    return button


class SignInPage(QScrollArea):
    sign_in_requested = Signal()
    code_requested = Signal()
    cancel_requested = Signal()
    reopen_requested = Signal()
    browse_requested = Signal()
    help_requested = Signal()

    MOTION_MS = 5000  # how long a busy bar may move before it stands still

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signinPage")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # No focus stop of its own: Tab goes to the card's buttons, and the page
        # scrolls to the one that has the focus (a small or zoomed window).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._theme = theme
        self._organisation = ""
        self._short_name = ""
        self._logo = "musterstadt"
        self._reauth_name: str | None = None
        self._error: tuple[str, str] | None = None
        self._challenge: DeviceChallenge | None = None
        self._has_browser_url = False

        outer = QWidget(self)
        outer.setObjectName("signinBackdrop")
        self.setWidget(outer)
        self.card = QFrame(outer)
        self.card.setObjectName("signinCard")
        self.card.setMaximumWidth(CARD_WIDTH)
        self.card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(outer)
        column.setContentsMargins(24, 24, 24, 24)
        column.addStretch(2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card, 4)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(3)
        self._column, self._card_row = column, row
        self._narrow: bool | None = None

        # Plain show/hide rather than a stack: the card takes the height of the shown face.
        self.faces = QWidget(self.card)
        faces_layout = QVBoxLayout(self.faces)
        faces_layout.setContentsMargins(0, 0, 0, 0)
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(40, 36, 40, 32)
        card_layout.addWidget(self.faces)
        self._card_layout = card_layout
        self.welcome = self._build_welcome()
        self.browser = self._build_browser()
        self.device = self._build_device()
        for face in (self.welcome, self.browser, self.device):
            faces_layout.addWidget(face)
        self._current: QWidget = self.welcome
        # The busy bars are the launcher's only animation. They move for a few seconds to
        # show that the wait has begun, then stand still (WCAG 2.2.2: nothing moves on
        # its own for longer than five seconds; kinder to people with motion sickness,
        # and Qt 6.11 reports no "reduce motion" setting of the desktop to follow).
        self._still_timer = QTimer(self)
        self._still_timer.setSingleShot(True)
        self._still_timer.setInterval(self.MOTION_MS)
        self._still_timer.timeout.connect(self._stand_still)
        self._switch(self.welcome)
        self._expiry_timer = QTimer(self)
        self._expiry_timer.setInterval(15_000)
        self._expiry_timer.timeout.connect(self._update_expiry)
        self.set_theme(theme)
        self.retranslate()

    # -- building ---------------------------------------------------------------

    def _build_welcome(self) -> QWidget:
        face = QWidget(self.faces)
        self.logo = QLabel(face)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo.setFixedHeight(LOGO_SIZE + 4)
        self.title = _label(face, "signinTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro = _label(face, "signinText")
        self.intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice = Banner(self._theme, face)
        self.primary = _button(face, "primary")
        self.primary.setDefault(True)
        self.primary.clicked.connect(self.sign_in_requested)
        self.code_button = _button(face, "secondary")
        self.code_button.clicked.connect(self.code_requested)
        self.browser_hint = _label(face, "signinSmall")
        self.browser_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        rule = QFrame(face)
        rule.setObjectName("signinRule")
        rule.setFixedHeight(1)
        self.browse_link = _button(face, "link")
        self.browse_link.clicked.connect(self.browse_requested)
        self.help_link = _button(face, "link")
        self.help_link.clicked.connect(self.help_requested)
        links = QHBoxLayout()
        links.addStretch(1)
        links.addWidget(self.browse_link)
        links.addSpacing(12)
        links.addWidget(self.help_link)
        links.addStretch(1)
        self._links = links

        layout = QVBoxLayout(face)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.logo)
        layout.addSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addWidget(self.notice)
        layout.addSpacing(4)
        layout.addWidget(self.primary)
        layout.addWidget(self.code_button)
        layout.addWidget(self.browser_hint)
        layout.addSpacing(8)
        layout.addWidget(rule)
        layout.addLayout(links)
        layout.addStretch(1)
        return face

    def _build_browser(self) -> QWidget:
        face = QWidget(self.faces)
        self.browser_icon = QLabel(face)
        self.browser_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.browser_icon.setFixedHeight(52)
        self.browser_title = _label(face, "signinTitle")
        self.browser_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.browser_text = _label(face, "signinText")
        self.browser_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy = QProgressBar(face)
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setFixedHeight(4)
        self.reopen_button = _button(face, "secondary")
        self.reopen_button.clicked.connect(self.reopen_requested)
        self.cancel_browser = _button(face, "secondary")
        self.cancel_browser.clicked.connect(self.cancel_requested)
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.reopen_button, 1)
        buttons.addWidget(self.cancel_browser, 1)
        layout = QVBoxLayout(face)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.browser_icon)
        layout.addWidget(self.browser_title)
        layout.addWidget(self.browser_text)
        layout.addSpacing(6)
        layout.addWidget(self.busy)
        layout.addSpacing(10)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return face

    def _build_device(self) -> QWidget:
        face = QWidget(self.faces)
        self.device_title = _label(face, "signinTitle")
        self.device_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.step_open = _label(face, "signinText")
        self.device_url = QLabel(face)
        self.device_url.setObjectName("deviceUrl")
        self.device_url.setTextFormat(Qt.TextFormat.PlainText)
        self.device_url.setWordWrap(True)
        self.device_url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.step_code = _label(face, "signinText")
        self.user_code = QLabel(face)
        self.user_code.setObjectName("userCode")
        self.user_code.setTextFormat(Qt.TextFormat.PlainText)
        self.user_code.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.user_code.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.user_code.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.copy_button = _button(face, "secondary")
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        code_row = QHBoxLayout()
        code_row.setSpacing(12)
        code_row.addWidget(self.user_code)
        code_row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignVCenter)
        code_row.addStretch(1)
        self.qr = QLabel(face)
        self.qr.setObjectName("qr")
        self.qr.setFixedSize(QR_SIZE, QR_SIZE)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_caption = _label(face, "signinSmall")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_caption.setFixedWidth(QR_SIZE + 8)
        self.waiting = _label(face, "signinText")
        self.expiry = _label(face, "signinSmall")
        self.device_busy = QProgressBar(face)
        self.device_busy.setObjectName("busy")
        self.device_busy.setRange(0, 0)
        self.device_busy.setTextVisible(False)
        self.device_busy.setFixedHeight(4)
        self.cancel_device = _button(face, "secondary")
        self.cancel_device.clicked.connect(self.cancel_requested)

        text = QVBoxLayout()
        text.setSpacing(6)
        text.addWidget(self.step_open)
        text.addWidget(self.device_url)
        text.addSpacing(10)
        text.addWidget(self.step_code)
        text.addLayout(code_row)
        text.addStretch(1)
        qr_column = QVBoxLayout()
        qr_column.setSpacing(6)
        qr_column.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        qr_column.addWidget(self.qr_caption)
        qr_column.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(28)
        columns.addLayout(text, 1)
        columns.addLayout(qr_column)
        layout = QVBoxLayout(face)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.device_title)
        layout.addSpacing(6)
        layout.addLayout(columns)
        layout.addSpacing(6)
        layout.addWidget(self.device_busy)
        layout.addWidget(self.waiting)
        layout.addWidget(self.expiry)
        layout.addSpacing(6)
        layout.addWidget(self.cancel_device)
        layout.addStretch(1)
        return face

    # -- a narrow (or zoomed) window: the card fills it, the links go one under the other

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit(event.size().width())
        super().resizeEvent(event)

    def _fit(self, width: int) -> None:
        narrow = width < NARROW_PX
        if narrow == self._narrow:
            return
        self._narrow = narrow
        self._column.setContentsMargins(*((8, 8, 8, 8) if narrow else (24, 24, 24, 24)))
        self._card_layout.setContentsMargins(
            *((16, 20, 16, 20) if narrow else (40, 36, 40, 32)))
        for index, stretch in enumerate((0, 1, 0) if narrow else (1, 4, 1)):
            self._card_row.setStretch(index, stretch)
        self._links.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight)

    # -- content ----------------------------------------------------------------

    def set_organisation(self, name: str, short_name: str, logo: str) -> None:
        self._organisation = name
        self._short_name = short_name or name
        self._logo = logo
        self._paint_logo()
        self.retranslate()

    def show_welcome(
        self, error: tuple[str, str] | None = None, reauth_name: str | None = None
    ) -> None:
        """The welcome face; ``reauth_name`` not None means "please sign in again"."""
        self._error = error
        self._reauth_name = reauth_name
        self._challenge = None
        self._expiry_timer.stop()
        self._switch(self.welcome)
        self.retranslate()

    def show_browser(self, has_url: bool) -> None:
        self._has_browser_url = has_url
        self._expiry_timer.stop()
        self._switch(self.browser)
        self.retranslate()

    def show_device(self, challenge: DeviceChallenge | None) -> None:
        """The code face; None while the code is being requested."""
        self._challenge = challenge
        self._switch(self.device)
        self._paint_qr()
        if challenge is not None:
            self._expiry_timer.start()
        self.retranslate()

    def _switch(self, face: QWidget) -> None:
        self._current = face
        for widget in (self.welcome, self.browser, self.device):
            widget.setVisible(widget is face)
        for bar in (self.busy, self.device_busy):
            bar.setRange(0, 0)  # moving (indeterminate) again for a new wait
        self._still_timer.start()

    @Slot()
    def _stand_still(self) -> None:
        for bar in (self.busy, self.device_busy):
            bar.setRange(0, 1)
            bar.setValue(0)

    @property
    def face(self) -> str:
        """Which face is shown: ``welcome``, ``browser`` or ``device``."""
        current = self._current
        return "welcome" if current is self.welcome else (
            "browser" if current is self.browser else "device")

    def focus_chain(self) -> list[QWidget]:
        """The card's controls in the order they are seen, every face (Tab skips the
        hidden ones)."""
        return [
            *self.notice.focus_chain(), self.primary, self.code_button, self.browse_link,
            self.help_link, self.reopen_button, self.cancel_browser, self.user_code,
            self.copy_button, self.cancel_device,
        ]

    def focus_primary(self) -> None:
        target = {
            "welcome": self.primary, "browser": self.cancel_browser, "device": self.user_code,
        }[self.face]
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- language and colours ---------------------------------------------------

    def retranslate(self) -> None:
        short = self._short_name or self._organisation
        if self._reauth_name is not None:
            self.title.setText(self.tr("Please sign in again"))
            if self._reauth_name:
                self.intro.setText(self.tr(
                    "Your session as %1 has ended. Sign in once more to keep using your "
                    "services.").replace("%1", self._reauth_name))
            else:
                self.intro.setText(self.tr(
                    "Your session has ended. Sign in once more to keep using your services."))
        else:
            self.title.setText(self.tr("Welcome to your workplace"))
            self.intro.setText(self.tr(
                "Sign in once with your %1 account. After that, mail, files and all "
                "other services open without asking again.").replace("%1", short))
        if self._error is not None:
            kind, detail = self._error
            title, hint = authtext.message(kind)
            self.notice.show_message(title, [], hint, [detail])
        else:
            self.notice.hide()
        self.primary.setText(self.tr("Sign in with %1").replace("%1", short))
        self.primary.setAccessibleName(self.primary.text())
        self.primary.setAccessibleDescription(self.tr("Opens the sign-in page in your web browser"))
        self.code_button.setText(self.tr("Use a code instead"))
        self.code_button.setAccessibleDescription(self.tr(
            "Sign in on another device, such as your smartphone, with a short code"))
        self.browser_hint.setText(self.tr("The sign-in page opens in your web browser."))
        self.browse_link.setText(self.tr("Show services without signing in"))
        self.help_link.setText(self.tr("Help and service desk"))
        self.logo.setAccessibleName(self.tr("Logo of %1").replace("%1", self._organisation))

        self.browser_title.setText(self.tr("Continue in your browser…"))
        self.browser_text.setText(self.tr(
            "The sign-in page of %1 is open in your web browser. Sign in there; "
            "this window continues by itself.").replace("%1", short))
        self.busy.setAccessibleName(self.tr("Waiting for the sign-in in the browser"))
        self.reopen_button.setText(self.tr("Open the browser again"))
        self.reopen_button.setEnabled(self._has_browser_url)
        self.reopen_button.setToolTip(self.tr(
            "Closed the page by mistake? This opens the same sign-in page again."))
        self.cancel_browser.setText(self.tr("Cancel"))
        self.cancel_browser.setAccessibleName(self.tr("Cancel sign-in"))

        self.device_title.setText(self.tr("Sign in with a code"))
        self.step_open.setText(self.tr("1. On your smartphone or another computer, open:"))
        self.step_code.setText(self.tr("2. Enter this code there and sign in:"))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the code"))
        self.cancel_device.setText(self.tr("Cancel"))
        self.cancel_device.setAccessibleName(self.tr("Cancel sign-in"))
        challenge = self._challenge
        if challenge is None:
            self.device_url.setText("")
            self.user_code.setText("…")
            self.waiting.setText(self.tr("Requesting a code…"))
            self.copy_button.setEnabled(False)
            self.qr_caption.setText("")
        else:
            self.device_url.setText(challenge.verification_uri)
            self.user_code.setText(challenge.user_code)
            self.user_code.ensurePolished()  # the style sheet's font, for the width
            width = self.user_code.fontMetrics().horizontalAdvance(challenge.user_code)
            self.user_code.setMinimumWidth(width + 40)
            self.user_code.setAccessibleName(
                self.tr("Code: %1").replace("%1", " ".join(challenge.user_code)))
            self.waiting.setText(self.tr(
                "Waiting for you to enter the code… This window continues by itself."))
            self.copy_button.setEnabled(True)
            self.qr_caption.setText(self.tr("Or scan this code with your smartphone"))
            target = challenge.verification_uri_complete or challenge.verification_uri
            self.qr.setAccessibleName(self.tr("QR code"))
            self.qr.setAccessibleDescription(
                self.tr("QR code of the address %1").replace("%1", target))
            self.qr.setToolTip(target)
        self._update_expiry()

    @Slot()
    def _update_expiry(self) -> None:
        challenge = self._challenge
        if challenge is None:
            self.expiry.setText("")
            return
        remaining = challenge.expires_at - time.time()
        at = QLocale().toString(
            QDateTime.fromSecsSinceEpoch(int(challenge.expires_at)).time(),
            QLocale.FormatType.ShortFormat,
        )
        if remaining <= 0:
            self.expiry.setText(self.tr("The code has expired."))
        else:
            self.expiry.setText(self.tr("The code is valid until %1.").replace("%1", at))

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.notice.set_theme(theme)
        self._paint_logo()
        dpr = self.devicePixelRatioF()
        self.browser_icon.setPixmap(icons.pixmap("external", theme.accent, 44, dpr))
        self.copy_button.setIcon(icons.icon("copy", theme.text, 18))
        self.reopen_button.setIcon(icons.icon("external", theme.text, 18))
        self._paint_qr()

    def _paint_logo(self) -> None:
        theme, dpr = self._theme, self.devicePixelRatioF()
        self.logo.setPixmap(icons.badge(self._logo, theme.accent, theme.on_accent, LOGO_SIZE, dpr))

    def _paint_qr(self) -> None:
        challenge = self._challenge
        if challenge is None:
            self.qr.clear()
            self.qr.setVisible(False)
            return
        target = challenge.verification_uri_complete or challenge.verification_uri
        # A QR code reads best dark on light, whatever the theme.
        from PySide6.QtGui import QColor

        self.qr.setPixmap(qr_pixmap(target, QR_SIZE - 8, QColor("#000000"), QColor("#ffffff"),
                                    self.devicePixelRatioF()))
        self.qr.setVisible(True)

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        if self._challenge is not None:
            QGuiApplication.clipboard().setText(self._challenge.user_code)
            self.copy_button.setText(self.tr("Copied"))
