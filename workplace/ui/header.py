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

from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
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
    QWidgetAction,
)

from workplace.ui import icons
from workplace.ui.theme import Theme

LOGO_PX, COMPACT_LOGO_PX = 44, 32
"""The organisation's logo in a wide header and in a narrow one."""
COMPACT_MARGIN, COMPACT_SPACING = 8, 8
"""A narrow header's margins and the room between its controls."""
ARRANGEMENTS = ("one_row", "two_rows", "three_rows", "stacked")
"""The header's layouts, widest first: all in one row; the search under the name and the
buttons; the connection chips on a row of their own; everything one under the other."""
QWIDGETSIZE_MAX = (1 << 24) - 1
"""Qt's largest widget size (no maximum)."""


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


def _text_width(label: QLabel, text: str) -> int:
    """How wide ``text`` is in ``label``'s font (its style sheet's, once polished)."""
    if not text:
        return 0
    label.ensurePolished()
    return QFontMetrics(label.font()).horizontalAdvance(text) + 2 * label.margin() + 2


class _AccountMenu(NamedTuple):
    menu: QMenu
    who: QWidgetAction
    email: QWidgetAction
    sign_out: QAction


class AccountButton(QToolButton):
    """The signed-in user as a round avatar with initials and the name beside it (the
    name is left out when the header is narrow), or a "Sign in" button.

    The menu shows the name, the email address, how long the session holds (or
    why it is not remembered, or that the launcher is offline), switches others add
    (:meth:`set_switches`: "Nicht stören") and "Sign out". It is built when first
    needed (signed in): the first paint shows no account yet.

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
        self._menu: _AccountMenu | None = None
        self._note_actions: list[QWidgetAction] = []
        self._switches: list[QAction] = []
        self.clicked.connect(self._on_self_clicked)
        self.set_user(None)

    def _built_menu(self) -> _AccountMenu:
        if self._menu is None:
            menu = QMenu(self)
            menu.setObjectName("accountMenu")
            # Name, address and notes are information, not disabled commands: a screen
            # reader would call those "unavailable", and they would be drawn greyed out.
            sign_out = QAction(self)
            sign_out.triggered.connect(self.sign_out_requested)
            self._menu = _AccountMenu(
                menu,
                who=self._info_action(self, bold=True),  # not the menu's: clear()
                email=self._info_action(self),  # deletes the menu's own actions
                sign_out=sign_out,
            )
            self._rebuild_menu()
            self.retranslate()
        return self._menu

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
        self.setMenu(self._built_menu().menu if display_name else None)  # type: ignore[arg-type]
        # Signed in, a click opens the menu; signed out, the button is a plain "Sign in"
        # button. (Qt offers assistive technology no action at all for an instant-popup
        # tool button without a menu: switch and voice users could not sign in.)
        self.setPopupMode(
            QToolButton.ToolButtonPopupMode.InstantPopup
            if display_name
            else QToolButton.ToolButtonPopupMode.DelayedPopup
        )
        self.retranslate()
        self.updateGeometry()
        self.update()

    @staticmethod
    def _info_action(parent: QObject, *, bold: bool = False) -> QWidgetAction:
        """A line of information in the menu: a label, read out as the item's name."""
        label = QLabel()
        label.setObjectName("accountMenuInfo")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setContentsMargins(12, 4, 16, 4)
        if bold:
            font = QFont(label.font())
            font.setWeight(QFont.Weight.DemiBold)
            label.setFont(font)
        action = QWidgetAction(parent)
        action.setDefaultWidget(label)
        return action

    @staticmethod
    def _set_info(action: QWidgetAction, text: str) -> None:
        action.setText(text)  # what assistive technology reads for the item
        label = action.defaultWidget()
        if isinstance(label, QLabel):
            label.setText(text)

    def _rebuild_menu(self) -> None:
        if self._menu is None:
            return  # built with these contents when first needed
        menu = self._menu.menu
        menu.clear()
        menu.addAction(self._menu.who)
        if self._email:
            menu.addAction(self._menu.email)
        self._note_actions = []
        for note in self._notes:
            action = self._info_action(menu)
            self._set_info(action, note)
            menu.addAction(action)
            self._note_actions.append(action)
        if self._switches:
            menu.addSeparator()
            for switch in self._switches:
                menu.addAction(switch)
        menu.addSeparator()
        menu.addAction(self._menu.sign_out)

    def set_switches(self, actions: list[QAction]) -> None:
        """Checkable entries for the signed-in user's menu, before "Sign out"."""
        self._switches = list(actions)
        self._rebuild_menu()

    @property
    def menu_texts(self) -> list[str]:
        """The menu's lines as shown (tests, accessibility checks)."""
        return [a.text() for a in self.account_menu.actions() if not a.isSeparator()]

    @property
    def account_menu(self) -> QMenu:
        """The account menu (tests look at its lines)."""
        return self._built_menu().menu

    def trigger_sign_out(self) -> None:
        self._built_menu().sign_out.trigger()

    def retranslate(self) -> None:
        if self._menu is not None:
            self._menu.sign_out.setText(self.tr("Sign out"))
        if self._name:
            if self._menu is not None:
                self._set_info(self._menu.who, self._name)
                self._set_info(self._menu.email, self._email)
            self.setText("")
            self.setAccessibleName(self.tr("Account: %1").replace("%1", self._name))
            self.setToolTip(f"{self._name}\n{self._email}".strip())
            # What the menu says, also on the button: heard without opening it.
            lines = [self._email, *self._notes, self.tr("Your account and sign-out")]
            self.setAccessibleDescription(". ".join(line for line in lines if line))
        else:
            self.setText(self.tr("Sign in"))
            self.setAccessibleName(self.tr("Sign in"))
            self.setToolTip(self.tr("Sign in to your organisation"))
            self.setAccessibleDescription(self.tr("Sign in to your organisation"))

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
    """Branding on the left, search in the middle, actions on the right.

    A narrow header (a small window, or large zoom) reflows instead of letting its
    parts overlap: the search field moves to a second row, the connection chips to a
    third, and the organisation's name wraps onto two lines; nothing is cut off.
    :meth:`focus_chain` gives the controls in the order they are seen.

    Signals:
        arranged(): the controls moved to other rows (the window's tab order follows).
    """

    help_requested = Signal()
    settings_requested = Signal()
    connection_requested = Signal()
    arranged = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self._theme = theme
        self._logo_name = "musterstadt"
        self.brand = QWidget(self)
        self.logo = QLabel(self.brand)
        self.logo.setFixedSize(LOGO_PX, LOGO_PX)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.org_name = QLabel(self.brand)
        self.org_name.setObjectName("orgName")  # a narrow header wraps it, never cuts it
        self.org_name.setTextFormat(Qt.TextFormat.PlainText)
        self.org_sub = QLabel(self.brand)
        self.org_sub.setObjectName("orgSub")
        self.org_sub.setTextFormat(Qt.TextFormat.PlainText)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        # Qt's clear button stays "showing" (only transparent) in an empty field: it
        # exists only while there is something to clear (_on_search_text_changed).
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._search_action = self.search.addAction(
            icons.icon("search", theme.secondary_text, 18), QLineEdit.ActionPosition.LeadingPosition
        )
        self._search_action.triggered.connect(self._on_search_action_triggered)
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
        self.account_pending = QLabel(self)
        self.account_pending.setObjectName("accountPending")
        self.account_pending.hide()
        """ "Checking sign-in …" while the remembered session is looked up."""
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
        brand = self._brand_row = QHBoxLayout(self.brand)
        brand.setContentsMargins(0, 0, 0, 0)
        brand.setSpacing(12)
        brand.addWidget(self.logo, 0, Qt.AlignmentFlag.AlignVCenter)
        brand.addLayout(names, 1)
        self._column = QVBoxLayout(self)
        self._column.setSpacing(8)
        self._rows = [QHBoxLayout() for _ in range(4)]
        for row in self._rows:
            row.setSpacing(12)
            self._column.addLayout(row)
        # Always as tall as its rows need: a short window shrinks the page below instead.
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        # It reflows to the width it is given and never makes the window wider: its rows'
        # minimum would otherwise keep a wide arrangement in a window too narrow for it.
        self.setMinimumWidth(1)
        self.arrangement = ""
        """How the header is laid out: one of :data:`ARRANGEMENTS`."""
        self._seen: list[list[QWidget]] = []
        self._arrange()
        self.set_theme(theme)

    # -- reflow ---------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._arrange()  # a control changed its size or was shown: still fits?
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.account.set_show_name(event.size().width() >= NAME_MIN_WINDOW_PX)
        self._arrange()
        super().resizeEvent(event)

    def _search_min_width(self) -> int:
        """Wide enough for the whole placeholder (the field's visible label) and its icons."""
        metrics = QFontMetrics(self.search.font())
        return metrics.horizontalAdvance(self.search.placeholderText()) + 84

    def _rows_for(self, mode: str) -> list[list[QWidget | int]]:
        """The rows of ``mode``; an int is a stretch (it pushes what follows right)."""
        brand, search = self.brand, self.search
        chips: list[QWidget] = [self.connection, self.saver]
        buttons: list[QWidget] = [self.help_button, self.settings_button, self.account_pending,
                                  self.account]
        arrangements: dict[str, list[list[QWidget | int]]] = {
            "one_row": [[brand, 1, search, *chips, *buttons]],
            "two_rows": [[brand, 1, *buttons], [search, *chips]],
            "three_rows": [[brand, 1, *buttons], [search], [*chips, 1]],
            "stacked": [[brand], [1, *buttons], [search], [*chips, 1]],
        }
        return arrangements[mode]

    def _needed_width(self, rows: list[list[QWidget | int]], wide: bool) -> int:
        """The widest row of ``rows`` at its smallest, where nothing is cut off."""
        gap = 12 if wide else COMPACT_SPACING
        margins = 24 + 18 if wide else 2 * COMPACT_MARGIN
        name = self.org_name.text()
        if wide:  # the name on one line, the tagline under it
            name_px = max(_text_width(self.org_name, name),
                          _text_width(self.org_sub, self.org_sub.text()))
        else:  # wrapped: its longest word
            name_px = max((_text_width(self.org_name, word) for word in name.split()), default=0)
        widest = 0
        for row in rows:
            shown = [w for w in row if isinstance(w, QWidget) and not w.isHidden()]
            total = margins + gap * max(0, len(shown) - 1)
            for widget in shown:
                if widget is self.brand:
                    total += (LOGO_PX if wide else COMPACT_LOGO_PX) + gap + name_px
                elif widget is self.search:
                    total += self._search_min_width() + (8 if wide else 0)
                else:
                    total += widget.sizeHint().width()
            widest = max(widest, total)
        return widest

    def _choose(self, width: int) -> str:
        """The first arrangement, widest first, in which every row fits ``width``."""
        for mode in ARRANGEMENTS[:-1]:
            if self._needed_width(self._rows_for(mode), mode == "one_row") <= width:
                return mode
        return ARRANGEMENTS[-1]

    def _arrange(self) -> None:
        """Put the controls into rows for the current width (only when that changes)."""
        self.search.setMinimumWidth(self._search_min_width())
        mode = self._choose(self.width())
        if mode == self.arrangement:
            return
        self.arrangement = mode
        search = self.search
        rows = self._rows_for(mode)
        for layout in self._rows:
            while layout.count():
                layout.takeAt(0)
        for layout, content in zip(self._rows, rows, strict=False):
            for item in content:
                if isinstance(item, int):
                    layout.addStretch(item)
                elif item is search and mode == "one_row":
                    layout.addWidget(item, 3)
                    layout.addSpacing(8)
                else:
                    layout.addWidget(item)
        wide = mode == "one_row"
        self.org_name.setWordWrap(not wide)  # one line where it fits, else wrapped
        if wide:
            self._column.setContentsMargins(24, 12, 18, 12)
        else:
            self._column.setContentsMargins(*(COMPACT_MARGIN,) * 4)
        gap = 12 if wide else COMPACT_SPACING
        for row in (*self._rows, self._brand_row):
            row.setSpacing(gap)
        size = LOGO_PX if wide else COMPACT_LOGO_PX
        if self.logo.width() != size:
            self.logo.setFixedSize(size, size)
            self._paint_logo()
        self.search.setMaximumWidth(460 if wide else QWIDGETSIZE_MAX)
        # The tagline only where it fits on its line; the name always shows in full.
        self.org_sub.setVisible(wide and bool(self.org_sub.text()))
        self._seen = [[w for w in row if isinstance(w, QWidget)] for row in rows]
        self.arranged.emit()

    def focus_chain(self) -> list[QWidget]:
        """The header's controls in the order they are seen: row by row, left to right."""
        return [w for row in self._seen for w in row
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus]

    # -- content --------------------------------------------------------------------

    def set_branding(self, name: str, subtitle: str, logo: str) -> None:
        self.org_name.setText(name)
        self.org_sub.setText(subtitle)
        self.org_sub.setVisible(bool(subtitle) and self.arrangement == "one_row")
        self._logo_name = logo
        self._paint_logo()
        self.logo.setAccessibleName(self.tr("Logo of %1").replace("%1", name))
        self.arrangement = ""  # the name's width changed
        self._arrange()

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        if bool(text) != self.search.isClearButtonEnabled():
            self.search.setClearButtonEnabled(bool(text))
            self._name_search_buttons()

    def _name_search_buttons(self) -> None:
        """The field's own icons are buttons to a screen reader: each gets a name."""
        self._search_action.setText(self.tr("Search"))
        self._search_action.setToolTip(self.tr("Search services"))
        clear = self.search.findChild(QAction, "_q_qlineeditclearaction")
        if clear is not None:
            clear.setText(self.tr("Clear search"))
            clear.setToolTip(self.tr("Clear search"))
        for button in self.search.findChildren(QToolButton):
            action = button.defaultAction()
            if action is not None:
                button.setAccessibleName(action.text())

    @Slot()
    def _on_search_action_triggered(self) -> None:
        self.search.setFocus(Qt.FocusReason.MouseFocusReason)

    def set_account_pending(self, pending: bool) -> None:
        """Show "Checking sign-in …" where the account will appear (or hide it)."""
        self.account_pending.setVisible(pending)

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
        size = self.logo.width()
        self.logo.setPixmap(icons.badge(self._logo_name, theme.accent, theme.on_accent, size, dpr))

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
        self._name_search_buttons()
        self.account_pending.setText(self.tr("Checking sign-in …"))
        self.account_pending.setAccessibleName(self.account_pending.text())
        self.account.retranslate()
        self._arrange()
