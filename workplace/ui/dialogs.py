# SPDX-License-Identifier: EUPL-1.2
"""The help dialog (service desk, shortcuts); the settings dialog lives in ``settingsdialog``."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from workplace import __version__
from workplace.config.schema import Organisation
from workplace.ui.errortext import technical
from workplace.ui.settingsdialog import SettingsDialog
from workplace.ui.themestyle import refresh_button_icons

Diagnose = Callable[[Callable[[str], None], Callable[[BaseException], None]], None]
"""Starts collecting the diagnostics report in the background; calls back with its text
or the error, on the GUI thread."""

log = logging.getLogger("workplace.ui")


class HelpDialog(QDialog):
    """The service desk's contact details, the keyboard shortcuts and "Copy diagnostics".

    "Copy diagnostics" puts what ``workplace doctor`` reports on the clipboard (version,
    configuration sources and problems, connection, proxy and certificates, identity
    provider, keyring, catalog, each service's status; never a secret), so a caller
    can paste it into a ticket.

    Signals:
        link_opened(str): a link was activated (https or mailto); the window opens it.
        diagnostics_copied(str): the report is on the clipboard (its text).
    """

    link_opened = Signal(str)
    diagnostics_copied = Signal(str)

    def __init__(self, organisation: Organisation, language: str, parent: QWidget | None = None,
                 diagnose: Diagnose | None = None):
        super().__init__(parent)
        self._diagnose = diagnose
        self.setWindowTitle(self.tr("Help"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(14)
        title = QLabel(self.tr("Service desk of %1").replace("%1", organisation.name.get(language)))
        title.setObjectName("emptyTitle")
        title.setWordWrap(True)
        layout.addWidget(title)

        support = organisation.support
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(8)
        self.contact_labels: list[QLabel] = []

        def add(label: str, value: str, link: str | None = None) -> None:
            text = (
                f"<a href='{html.escape(link, quote=True)}'>{html.escape(value)}</a>"
                if link
                else html.escape(value)
            )
            widget = QLabel(text)
            widget.setTextFormat(Qt.TextFormat.RichText)
            widget.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
                | Qt.TextInteractionFlag.LinksAccessibleByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.setProperty("focusable", True)  # a focus ring (theme)
            widget.setAccessibleName(f"{label} {value}")
            widget.linkActivated.connect(self._on_link_activated)
            form.addRow(label, widget)
            self.contact_labels.append(widget)

        if support.phone:
            add(self.tr("Phone"), support.phone)
        if support.mail:
            add(self.tr("E-mail"), support.mail, f"mailto:{support.mail}")
        if support.url:
            add(self.tr("Web"), support.url, support.url)
        if not (support.phone or support.mail or support.url):
            form.addRow(QLabel(self.tr("Your IT department has not configured a service desk.")))
        layout.addLayout(form)

        keys = QLabel(self)
        keys.setTextFormat(Qt.TextFormat.RichText)
        rows = [
            (self.tr("Type anywhere or Ctrl+F"), self.tr("search")),
            (self.tr("Esc"), self.tr("clear the search")),
            (self.tr("Arrow keys"), self.tr("move between tiles")),
            (self.tr("Enter"), self.tr("open the service")),
            (self.tr("Ctrl+D"), self.tr("add to or remove from favourites")),
            (self.tr("Menu key or Shift+F10"), self.tr("more actions for a tile")),
            (self.tr("F5"), self.tr("check the services and the catalog now")),
        ]
        cells = "".join(
            f"<tr><td style='padding-right:14px'><b>{html.escape(k)}</b></td>"
            f"<td>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        heading = self.tr("Keyboard")
        keys.setText(
            f"<p style='margin-bottom:4px'><b>{html.escape(heading)}</b></p><table>{cells}</table>"
        )
        keys.setAccessibleName(self.tr("Keyboard shortcuts"))
        layout.addWidget(keys)
        version = QLabel(self.tr("Arbeitsplatz %1").replace("%1", __version__))
        version.setObjectName("orgSub")
        layout.addWidget(version)
        self.diagnostics_state = QLabel(self)
        self.diagnostics_state.setObjectName("orgSub")
        self.diagnostics_state.setWordWrap(True)
        self.diagnostics_state.setAccessibleName(self.tr("Diagnostics"))
        # Room for two lines from the start: the dialog keeps its size when a message
        # appears, instead of jumping under the pointer.
        self.diagnostics_state.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 4)
        self.diagnostics_state.setVisible(diagnose is not None)
        layout.addWidget(self.diagnostics_state)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons = buttons
        self.copy_diagnostics = QPushButton(self.tr("Copy diagnostics"), self)
        self.copy_diagnostics.setToolTip(self.tr(
            "Copies a report for the service desk: configuration, connection, sign-in and "
            "the status of every service. It contains no passwords or tokens."))
        self.copy_diagnostics.setAccessibleDescription(self.copy_diagnostics.toolTip())
        self.copy_diagnostics.setAutoDefault(False)
        self.copy_diagnostics.setVisible(diagnose is not None)
        self.copy_diagnostics.clicked.connect(self._on_copy_diagnostics)
        buttons.addButton(self.copy_diagnostics, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            refresh_button_icons(self.buttons)  # the theme changed while it is open
        super().changeEvent(event)

    @Slot(str)
    def _on_link_activated(self, link: str) -> None:
        self.link_opened.emit(link)

    @Slot()
    def _on_copy_diagnostics(self) -> None:
        if self._diagnose is None:
            return
        self.copy_diagnostics.setEnabled(False)
        self._say(self.tr("Collecting diagnostics… this checks every service and takes a few "
                          "seconds."))
        self._diagnose(self._on_diagnostics, self._on_diagnostics_failed)

    def _on_diagnostics(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)  # also when the dialog was closed meanwhile
        if not isValid(self):
            return
        self.copy_diagnostics.setEnabled(True)
        self._say(self.tr("Diagnostics copied. Paste them into your message to the service "
                          "desk."))
        self.diagnostics_copied.emit(text)

    def _on_diagnostics_failed(self, exc: BaseException) -> None:
        log.warning("diagnostics could not be collected", exc_info=exc)
        if not isValid(self):
            return
        self.copy_diagnostics.setEnabled(True)
        self._say(self.tr("The diagnostics could not be collected. Please try again. If it "
                          "happens again, tell the service desk."))
        self.diagnostics_state.setToolTip("\n".join(technical(exc)))

    def _say(self, text: str) -> None:
        """Show ``text`` under the buttons and announce it to screen readers."""
        from PySide6.QtGui import QAccessible, QAccessibleEvent

        self.diagnostics_state.setText(text)
        self.diagnostics_state.setAccessibleDescription(text)
        event = QAccessibleEvent(self.diagnostics_state, QAccessible.Event.NameChanged)
        QAccessible.updateAccessibility(event)


__all__ = ["HelpDialog", "SettingsDialog"]


class IntranetWarning(QDialog):
    """"Only reachable in the intranet or over the VPN. Open anyway?" Cancel is the default.

    A plain QDialog rather than QMessageBox: the same look as the other dialogs, and a
    layout that is complete before the window exists.
    """

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(12)
        heading = QLabel(title, self)
        heading.setObjectName("emptyTitle")
        heading.setWordWrap(True)
        self.text = QLabel(text, self)
        self.text.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(self.text)
        self.buttons = QDialogButtonBox(self)
        self.open_anyway = self.buttons.addButton(
            self.tr("Open anyway"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_anyway.setAutoDefault(False)
        self.cancel.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)
        layout.activate()
        self.cancel.setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            refresh_button_icons(self.buttons)  # the theme changed while it is open
        super().changeEvent(event)
