# SPDX-License-Identifier: EUPL-1.2
"""The header: the organisation's logo and name, the search field, help, settings, account.

The account area on the right: :class:`AccountButton` shows the signed-in user
(avatar with initials; a menu with name, email, how long the session holds and
"Sign out") or a "Sign in" button. It stays hidden while the tenant has no
identity provider or the remembered session is still being looked up.

The connection chip (left of help) shows the connection profile ("Büro",
"Homeoffice · VPN", "Unterwegs · getaktet", "Offline"); pressing it checks again.
The "Data saver" chip beside it is shown while low-bandwidth mode is on.

Signals (HeaderBar):
    help_requested(), settings_requested(): the buttons were pressed.
    connection_requested(): the connection chip was pressed (check again).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workplace.ui import icons
from workplace.ui.theme import Theme


def initials(display_name: str) -> str:
    """``"Erika Mustermann"`` → ``"EM"``; one word gives its first letter."""
    words = [w for w in display_name.replace(",", " ").split() if w[:1].isalpha()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][0].upper()
    return (words[0][0] + words[-1][0]).upper()


NAME_MAX_PX = 220
"""The user's name beside the avatar is elided beyond this width."""
NAME_MIN_WINDOW_PX = 980
"""Narrower headers show the avatar alone (the name stays in its menu and tooltip)."""


class AccountButton(QToolButton):
    """The signed-in user as a round avatar with initials and the name beside it (the
    name is left out when the header is narrow), or a "Sign in" button.

    The menu shows the name, the email address, how long the session holds (or
    why it is not remembered, or that the launcher is offline) and "Sign out".

    Signals:
        sign_in_requested(), sign_out_requested()
    """

    sign_in_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._name: str | None = None
        self._initials = ""
        self._email = ""
        self._notes: list[str] = []
        self._show_name = True
        self.setProperty("flat", True)
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._menu = QMenu(self)
        self._menu.setObjectName("accountMenu")
        self._who = QAction(self)  # not the menu's: clear() deletes its own actions
        self._who.setEnabled(False)
        bold = QFont(self._who.font())
        bold.setWeight(QFont.Weight.DemiBold)
        self._who.setFont(bold)
        self._email_action = QAction(self)
        self._email_action.setEnabled(False)
        self._note_actions: list[QAction] = []
        self._sign_out = QAction(self)
        self._sign_out.triggered.connect(self.sign_out_requested)
        self.clicked.connect(self._on_self_clicked)
        self.set_user(None)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def set_user(
        self,
        display_name: str | None,
        detail: str = "",
        *,
        initials_text: str = "",
        notes: list[str] | None = None,
    ) -> None:
        """Show ``display_name`` (signed in) or the "Sign in" button (None).

        ``detail`` is the email address; ``notes`` are extra lines for the menu
        (until when the session holds, not remembered, offline).
        """
        self._name = display_name
        self._email = detail
        self._initials = initials_text or (initials(display_name) if display_name else "")
        self._notes = list(notes or [])
        self._rebuild_menu()
        self.setMenu(self._menu if display_name else None)  # type: ignore[arg-type]
        self.retranslate()
        self.updateGeometry()
        self.update()

    def _rebuild_menu(self) -> None:
        self._menu.clear()
        self._menu.addAction(self._who)
        if self._email:
            self._menu.addAction(self._email_action)
        self._note_actions = []
        for note in self._notes:
            action = QAction(note, self._menu)
            action.setEnabled(False)
            self._menu.addAction(action)
            self._note_actions.append(action)
        self._menu.addSeparator()
        self._menu.addAction(self._sign_out)

    @property
    def menu_texts(self) -> list[str]:
        """The menu's lines as shown (tests, accessibility checks)."""
        return [a.text() for a in self._menu.actions() if not a.isSeparator()]

    def trigger_sign_out(self) -> None:
        self._sign_out.trigger()

    def retranslate(self) -> None:
        self._sign_out.setText(self.tr("Sign out"))
        if self._name:
            self._who.setText(self._name)
            self._email_action.setText(self._email)
            self.setText("")
            self.setAccessibleName(self.tr("Account: %1").replace("%1", self._name))
            self.setToolTip(f"{self._name}\n{self._email}".strip())
        else:
            self.setText(self.tr("Sign in"))
            self.setAccessibleName(self.tr("Sign in"))
            self.setToolTip(self.tr("Sign in to your organisation"))
        self.setAccessibleDescription(self.tr("Your account and sign-out"))

    def set_show_name(self, show: bool) -> None:
        """Show the name beside the avatar (wide header) or the avatar alone."""
        if show != self._show_name:
            self._show_name = show
            self.updateGeometry()
            self.update()

    @property
    def shown_name(self) -> str:
        """The name as painted beside the avatar ("" when only the avatar shows)."""
        if not self._name or not self._show_name:
            return ""
        return self.fontMetrics().elidedText(
            self._name, Qt.TextElideMode.ElideRight, NAME_MAX_PX)

    def sizeHint(self) -> QSize:
        if not self._name:
            return super().sizeHint()
        name = self.shown_name
        extra = self.fontMetrics().horizontalAdvance(name) + 14 if name else 0
        return QSize(40 + extra, 40)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._name:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        circle = QRectF(4, 4, 32, 32)
        path = QPainterPath()
        path.addEllipse(circle)
        painter.fillPath(path, self._theme.accent)
        name = self.shown_name
        if self.hasFocus() or self.isDown():
            pen = QPen(self._theme.focus)
            pen.setWidthF(2)
            painter.setPen(pen)
            if name:
                painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 20, 20)
            else:
                painter.drawEllipse(circle.adjusted(-2, -2, 2, 2))
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(QColor(self._theme.on_accent))
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, self._initials)
        if name:
            painter.setFont(self.font())
            painter.setPen(QColor(self._theme.text))
            text_rect = QRectF(44, 0, self.width() - 48, self.height())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             name)

    @Slot()
    def _on_self_clicked(self) -> None:
        if not self._name:
            self.sign_in_requested.emit()


class HeaderBar(QFrame):
    """Branding on the left, search in the middle, actions on the right."""

    help_requested = Signal()
    settings_requested = Signal()
    connection_requested = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self._theme = theme
        self._logo_name = "musterstadt"
        self.logo = QLabel(self)
        self.logo.setFixedSize(44, 44)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.org_name = QLabel(self)
        self.org_name.setObjectName("orgName")
        self.org_sub = QLabel(self)
        self.org_sub.setObjectName("orgSub")
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        self.search.setMaximumWidth(460)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._search_action = self.search.addAction(
            icons.icon("search", theme.secondary_text, 18), QLineEdit.ActionPosition.LeadingPosition
        )
        self.help_button = QToolButton(self)
        self.settings_button = QToolButton(self)
        for button in (self.help_button, self.settings_button):
            button.setProperty("flat", True)
            button.setAutoRaise(True)
            button.setIconSize(QSize(22, 22))
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.help_button.clicked.connect(self.help_requested)
        self.settings_button.clicked.connect(self.settings_requested)
        self.account = AccountButton(theme, self)
        self.account.hide()  # shown once the sign-in service answered (ui.account)
        self.connection = QToolButton(self)
        self.saver = QToolButton(self)
        self._connection_icon = "wifi"
        self._connection_tone = "neutral"
        for chip in (self.connection, self.saver):
            chip.setObjectName("chip")
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            chip.setIconSize(QSize(16, 16))
            chip.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            chip.setAutoRaise(True)
        self.connection.clicked.connect(self.connection_requested)
        self.saver.clicked.connect(self.settings_requested)
        self.connection.hide()  # until the first detection
        self.saver.hide()

        names = QVBoxLayout()
        names.setSpacing(0)
        names.addStretch(1)
        names.addWidget(self.org_name)
        names.addWidget(self.org_sub)
        names.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 12, 18, 12)
        row.setSpacing(12)
        row.addWidget(self.logo)
        row.addLayout(names)
        row.addStretch(1)
        row.addWidget(self.search, 3)
        row.addSpacing(8)
        row.addWidget(self.connection)
        row.addWidget(self.saver)
        row.addWidget(self.help_button)
        row.addWidget(self.settings_button)
        row.addWidget(self.account)
        self.set_theme(theme)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.account.set_show_name(event.size().width() >= NAME_MIN_WINDOW_PX)

    def set_branding(self, name: str, subtitle: str, logo: str) -> None:
        self.org_name.setText(name)
        self.org_sub.setText(subtitle)
        self.org_sub.setVisible(bool(subtitle))
        self._logo_name = logo
        self._paint_logo()
        self.logo.setAccessibleName(self.tr("Logo of %1").replace("%1", name))

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._paint_logo()
        self.help_button.setIcon(icons.icon("help", theme.text, 22))
        self.settings_button.setIcon(icons.icon("settings", theme.text, 22))
        self._search_action.setIcon(icons.icon("search", theme.secondary_text, 18))
        self.account.set_theme(theme)
        self._tint_chips()

    def set_connection(self, text: str, explanation: str, icon: str, tone: str) -> None:
        """The connection chip: its label, tooltip, icon and tone (ok, warn, off, neutral)."""
        self.connection.setText(text)
        self.connection.setToolTip(explanation)
        self.connection.setAccessibleName(self.tr("Connection: %1").replace("%1", text))
        self.connection.setAccessibleDescription(
            explanation + " " + self.tr("Press to check the connection again.")
        )
        self._connection_icon = icon
        self._connection_tone = tone
        self.connection.setProperty("tone", tone)
        self.connection.style().unpolish(self.connection)
        self.connection.style().polish(self.connection)
        self.connection.show()
        self._tint_chips()

    def set_saver(self, active: bool, text: str = "", explanation: str = "") -> None:
        """The "Data saver" chip, shown while low-bandwidth mode is on."""
        self.saver.setVisible(active)
        self.saver.setText(text)
        self.saver.setToolTip(explanation)
        self.saver.setAccessibleName(text)
        self.saver.setAccessibleDescription(explanation)

    def _tint_chips(self) -> None:
        from workplace.ui.statustext import status_colour

        theme = self._theme
        state = {"ok": "available", "warn": "slow", "bad": "tls_problem"}.get(
            self._connection_tone, "needs_vpn"
        )
        colour = status_colour(theme, state)
        self.connection.setIcon(icons.icon(self._connection_icon, colour, 16))
        self.saver.setIcon(icons.icon("saver", status_colour(theme, "available"), 16))

    def _paint_logo(self) -> None:
        theme, dpr = self._theme, self.devicePixelRatioF()
        self.logo.setPixmap(icons.badge(self._logo_name, theme.accent, theme.on_accent, 44, dpr))

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search services (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search services"))
        self.search.setAccessibleDescription(
            self.tr("Type to filter the services by name, description or keyword")
        )
        self.help_button.setToolTip(self.tr("Help and service desk (F1)"))
        self.help_button.setAccessibleName(self.tr("Help"))
        self.help_button.setAccessibleDescription(
            self.tr("Contact details of the service desk and keyboard shortcuts")
        )
        self.settings_button.setToolTip(self.tr("Settings"))
        self.settings_button.setAccessibleName(self.tr("Settings"))
        self.settings_button.setAccessibleDescription(
            self.tr("Language, colours and behaviour of the window")
        )
        self.org_name.setAccessibleName(self.org_name.text())
        self.account.retranslate()
