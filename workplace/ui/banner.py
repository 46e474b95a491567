# SPDX-License-Identifier: EUPL-1.2
"""A non-modal message strip above the tiles: configuration problems, failed launches.

The title and hint say in the user's language what happened and what to do. A list
of ``details`` (e.g. the problems IT has to fix) shows below them; ``technical``
details (an error's own text, in English) stay folded behind "Details" and are
copied with "Copy details", for the service desk.

``tone="info"`` gives a calm, accent-coloured variant (e.g. "your sign-in will not
be remembered"); the default is the amber warning.

An optional action button (:meth:`Banner.set_action`) offers the one thing to do,
e.g. "Open the login page" behind a captive portal.

Signals:
    dismissed(): the user closed the banner.
    action_requested(): the action button was pressed.
    shown_changed(bool): the banner was shown or hidden (the banner area follows).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workplace.ui import icons
from workplace.ui.theme import Theme


class Banner(QFrame):
    """Title, hint, optional details, folded technical details, "Copy details", close."""

    dismissed = Signal()
    action_requested = Signal()
    shown_changed = Signal(bool)

    def __init__(
        self, theme: Theme, parent: QWidget | None = None, *, tone: str = "warning"
    ) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        # Styled as a message strip whatever its object name (ui/stylesheet.py).
        self.setProperty("banner", True)
        self._tone = tone
        self.setProperty("tone", tone)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._details: list[str] = []
        self._technical: list[str] = []
        self._icon = QLabel(self)
        self._icon.setFixedSize(22, 22)
        self._title = QLabel(self)
        self._title.setWordWrap(True)
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self._body = QLabel(self)
        self._body.setWordWrap(True)
        self._body.setTextFormat(Qt.TextFormat.RichText)
        self._body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.technical_text = QLabel(self)
        self.technical_text.setObjectName("bannerTechnical")
        self.technical_text.setWordWrap(True)
        self.technical_text.setTextFormat(Qt.TextFormat.PlainText)
        self.technical_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.technical_text.hide()
        self.more = QToolButton(self)
        self.more.setProperty("flat", True)
        self.more.setAutoRaise(True)
        self.more.setCheckable(True)
        self.more.hide()
        self.more.toggled.connect(self._on_more_toggled)
        self._copy = QToolButton(self)
        self._copy.setProperty("flat", True)
        self._copy.setAutoRaise(True)
        self._copy.clicked.connect(self._on_copy_clicked)
        self.action = QPushButton(self)
        self.action.setObjectName("secondary")
        self.action.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # until it has a text (set_action)
        self.action.hide()
        self.action.clicked.connect(self.action_requested)
        self._close = QToolButton(self)
        self._close.setProperty("flat", True)
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self._on_close_clicked)

        # The buttons go under the text, so a narrow window (or large zoom) wraps the
        # text instead of squeezing it; the technical details unfold under "Details".
        # Reading order (and Tab): close at the top right, then the buttons below.
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.action)
        buttons.addWidget(self.more)
        buttons.addWidget(self._copy)
        buttons.addStretch(1)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self._title)
        text.addWidget(self._body)
        text.addLayout(buttons)
        text.addWidget(self.technical_text)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 8, 10)
        row.setSpacing(12)
        row.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        row.addWidget(self._close, 0, Qt.AlignmentFlag.AlignTop)
        self.set_theme(theme)
        self.retranslate()
        self.hide()

    def setVisible(self, visible: bool) -> None:
        """show() and hide() come here too: say so, so the banner area can follow."""
        was_hidden = self.isHidden()
        super().setVisible(visible)
        if was_hidden != self.isHidden():
            self.shown_changed.emit(not self.isHidden())

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        if theme.high_contrast:
            colour = theme.text
        elif self._tone == "info":
            colour = theme.accent
        else:
            colour = QColor("#f0c24b") if theme.dark else QColor("#a86b00")
        name = "info" if self._tone == "info" else "warning"
        self._icon.setPixmap(icons.pixmap(name, colour, 22, self.devicePixelRatioF()))
        self._close.setIcon(icons.icon("close", theme.text, 18))

    def retranslate(self) -> None:
        self._copy.setText(self.tr("Copy details"))
        self._copy.setAccessibleName(self.tr("Copy details"))
        self._copy.setToolTip(
            self.tr("Copy the details to the clipboard, e.g. for the service desk")
        )
        self._close.setAccessibleName(self.tr("Dismiss message"))
        self._close.setToolTip(self.tr("Dismiss"))
        self._retranslate_more()

    def _retranslate_more(self) -> None:
        shown = self.more.isChecked()
        self.more.setText(self.tr("Hide details") if shown else self.tr("Details"))
        self.more.setAccessibleName(self.more.text())
        self.more.setToolTip(
            self.tr("Hide the technical details")
            if shown
            else self.tr("Show the technical details, e.g. for the service desk")
        )

    def show_message(
        self,
        title: str,
        details: Sequence[str] = (),
        hint: str = "",
        technical: Sequence[str] = (),
    ) -> None:
        """Show ``title`` and ``hint``, ``details`` listed, ``technical`` folded away."""
        import html  # only when there is a message: keeps it out of the start-up

        self._details = list(details)
        self._technical = [line for line in technical if line]
        self.technical_text.setText("\n".join(self._technical))
        self.more.setVisible(bool(self._technical))
        self.more.setChecked(False)
        self._title.setText(title)
        parts = []
        if hint:
            parts.append(f"<p style='margin:0'>{html.escape(hint)}</p>")
        if details:
            items = "".join(f"<li>{html.escape(d)}</li>" for d in details[:12])
            more = len(details) - 12
            if more > 0:
                and_more = self.tr("… and %n more", "", more)
                items += f"<li>{html.escape(and_more)}</li>"
            parts.append(f"<ul style='margin:0; -qt-list-indent:1'>{items}</ul>")
        self._body.setText("".join(parts))
        self._body.setVisible(bool(parts))
        self._copy.setVisible(bool(details or self._technical))
        self.setAccessibleName(title)
        self.setAccessibleDescription("\n".join([hint, *details]).strip())
        self.show()

    def set_tone(self, tone: str) -> None:
        """"info" or "warning" (e.g. a portal announcement's severity)."""
        if tone == self._tone:
            return
        self._tone = tone
        self.setProperty("tone", tone)
        self.style().unpolish(self)
        self.style().polish(self)
        self.set_theme(self._theme)

    def set_closable(self, closable: bool) -> None:
        """Whether the close button is offered (an announcement IT keeps up is not)."""
        self._close.setVisible(closable)

    def set_action(self, text: str = "", description: str = "") -> None:
        """Show an action button with ``text`` (empty hides it: no nameless stop for Tab)."""
        self.action.setText(text)
        self.action.setAccessibleName(text)
        self.action.setAccessibleDescription(description)
        self.action.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus if text else Qt.FocusPolicy.NoFocus)
        if text:  # Qt left it out of the Tab order while it took no focus: after close
            QWidget.setTabOrder(self._close, self.action)
        self.action.setVisible(bool(text))

    def focus_chain(self) -> list[QWidget]:
        """The banner's controls in the order they are seen (hidden ones included)."""
        return [self._close, self.action, self.more, self._copy, self.technical_text]

    @property
    def title(self) -> str:
        return self._title.text()

    @property
    def details(self) -> list[str]:
        return list(self._details)

    @property
    def technical(self) -> list[str]:
        return list(self._technical)

    @property
    def text(self) -> str:
        """What the banner shows while its technical details are folded (tests read it)."""
        return "\n".join(
            part for part in (self._title.text(), self.accessibleDescription()) if part
        )

    @Slot(bool)
    def _on_more_toggled(self, shown: bool) -> None:
        self.technical_text.setVisible(shown)
        self._retranslate_more()

    @Slot()
    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(
            "\n".join([self._title.text(), *self._details, *self._technical])
        )

    @Slot()
    def _on_close_clicked(self) -> None:
        self.hide()
        self.dismissed.emit()
