# SPDX-License-Identifier: EUPL-1.2
"""The help dialog (service desk, shortcuts); the settings dialog lives in ``settingsdialog``."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from workplace import __version__
from workplace.config.schema import Organisation
from workplace.ui.settingsdialog import SettingsDialog


class HelpDialog(QDialog):
    """The service desk's contact details and the keyboard shortcuts.

    Signals:
        link_opened(str): a link was activated (https or mailto); the window opens it.
    """

    link_opened = Signal(str)

    def __init__(self, organisation: Organisation, language: str, parent: QWidget | None = None):
        super().__init__(parent)
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @Slot(str)
    def _on_link_activated(self, link: str) -> None:
        self.link_opened.emit(link)


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
