# SPDX-License-Identifier: EUPL-1.2
"""The files tile's panel: "Zuletzt bearbeitet" (the latest ten changed files) and the
files service's notifications, each on a page of its own.

- A document opens in the web office through the files service's own address
  (``Document.open_url``: the link path, so it lands in the organisation's service).
- A notification can be dismissed: it is deleted on the server, so it does not come
  back here or in Nextcloud's own clients.

Keyboard: the dialog opens on the page asked for, with the list focused and its first
row current; Enter (or "Öffnen") opens the document, Entf (or "Verwerfen") dismisses the
notification; Strg+Tab switches the page; Esc closes. Screen readers: every row's text
is plain ("Haushalt 2025.odt, in /Projekte, geändert vor 2 Std."), and the buttons say
what they act on; the list's selection alone never acts (its item action is
selection), the buttons do.

Signals:
    open_requested(object): open a :class:`~workplace.integrations.model.Document`.
    dismiss_requested(str): dismiss the notification with this id.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workplace.integrations.model import Document, Notice
from workplace.ui import waitingtext

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def document_line(document: Document, now: float, language: str) -> str:
    """One row, as it is shown and read: name, folder, when it changed."""
    return QCoreApplication.translate("FilesPanel", "%1 · in %2 · %3").replace(
        "%1", document.name).replace("%2", waitingtext.document_folder(document)).replace(
        "%3", waitingtext.document_changed(document.modified, now, language))


class FilesPanel(QDialog):
    open_requested = Signal(object)
    dismiss_requested = Signal(str)

    DOCUMENTS = 0
    NOTICES = 1

    def __init__(self, service_name: str, parent: QWidget | None = None, *,
                 language: Callable[[], str] = lambda: "de",
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__(parent)
        self._language = language
        self._clock = clock
        self._documents: tuple[Document, ...] = ()
        self._notices: tuple[Notice, ...] = ()
        self._can_dismiss = True
        title = service_name
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumSize(520, 380)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(10)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)

        docs_page = QWidget(self.tabs)
        docs = QVBoxLayout(docs_page)
        docs.setContentsMargins(8, 10, 8, 8)
        self.documents_hint = QLabel(docs_page)
        self.documents_hint.setWordWrap(True)
        self.documents = QListWidget(docs_page)
        self.documents.setObjectName("panelList")  # padded rows, a focus ring (stylesheet)
        self.documents.setUniformItemSizes(True)
        self.documents.itemActivated.connect(self._on_documents_item_activated)
        self.documents.currentRowChanged.connect(self._update_buttons)
        self.open_button = QPushButton(docs_page)
        self.open_button.setObjectName("primary")
        self.open_button.clicked.connect(self._on_open_clicked)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        docs.addWidget(self.documents_hint)
        docs.addWidget(self.documents, 1)
        docs.addLayout(row)
        self.tabs.addTab(docs_page, "")

        notes_page = QWidget(self.tabs)
        notes = QVBoxLayout(notes_page)
        notes.setContentsMargins(8, 10, 8, 8)
        self.notices_hint = QLabel(notes_page)
        self.notices_hint.setWordWrap(True)
        self.notices = QListWidget(notes_page)
        self.notices.setObjectName("panelList")
        self.notices.setWordWrap(True)
        self.notices.currentRowChanged.connect(self._update_buttons)
        self.dismiss_button = QPushButton(notes_page)
        self.dismiss_button.setObjectName("secondary")
        self.dismiss_button.clicked.connect(self._on_dismiss_clicked)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.dismiss_button)
        notes.addWidget(self.notices_hint)
        notes.addWidget(self.notices, 1)
        notes.addLayout(row)
        self.tabs.addTab(notes_page, "")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.notices)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._on_dismiss_clicked)
        self.retranslate()

    def retranslate(self) -> None:
        self.tabs.setTabText(self.DOCUMENTS, self.tr("&Recently edited"))
        self.tabs.setTabText(self.NOTICES, self.tr("&Notifications"))
        self.documents.setAccessibleName(self.tr("Recently edited"))
        self.documents.setAccessibleDescription(self.tr(
            "Your latest changed files. Enter opens one in the web office."))
        self.notices.setAccessibleName(self.tr("Notifications"))
        self.notices.setAccessibleDescription(self.tr(
            "Notifications of the files service. Delete dismisses one here and on the "
            "server."))
        self.open_button.setText(self.tr("&Open"))
        self.open_button.setMinimumWidth(self._button_width(self.open_button.text()))
        self.dismiss_button.setText(self.tr("&Dismiss"))
        self._fill()

    def _button_width(self, text: str) -> int:
        """Wide enough for ``text`` in the primary button's font (11 pt, semi-bold) and
        its padding: the stylesheet sizes that button for full-width use only."""
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 11.0) * 1.05)
        font.setWeight(QFont.Weight.DemiBold)
        return QFontMetrics(font).horizontalAdvance(text.replace("&", "")) + 2 * 20

    # -- what it shows ------------------------------------------------------------------

    def show_page(self, page: int) -> None:
        self.tabs.setCurrentIndex(page)
        target = self.documents if page == self.DOCUMENTS else self.notices
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_documents(self, documents: Sequence[Document]) -> None:
        self._documents = tuple(documents)
        self._fill()

    def set_notices(self, notices: Sequence[Notice], *, can_dismiss: bool = True) -> None:
        self._notices = tuple(notices)
        self._can_dismiss = can_dismiss
        self._fill()

    def _fill(self) -> None:
        now, language = self._clock(), self._language()
        self._refill(self.documents, [
            (document.path, document_line(document, now, language))
            for document in self._documents])
        self.documents_hint.setText(self.tr(
            "Your latest changed files. They open in the web office.")
            if self._documents else self.tr("No recently edited files yet."))
        self._refill(self.notices, [
            (notice.id, notice_line(notice, now, language)) for notice in self._notices])
        self.notices_hint.setText(
            self.tr("Dismissed notifications are removed on the server too.")
            if self._notices else self.tr("No notifications."))
        self._update_buttons()

    @staticmethod
    def _refill(view: QListWidget, rows: list[tuple[str, str]]) -> None:
        """New rows, keeping the current one where it still is (a refresh while the
        user reads must not move the selection)."""
        current = view.currentItem()
        keep = current.data(ID_ROLE) if current is not None else None
        view.clear()
        for key, text in rows:
            item = QListWidgetItem(text, view)
            item.setData(ID_ROLE, key)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            item.setToolTip(text)
        found = [i for i in range(view.count()) if view.item(i).data(ID_ROLE) == keep]
        if found:
            view.setCurrentRow(found[0])
        elif view.count():
            view.setCurrentRow(0)

    @Slot()
    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.documents.currentItem() is not None)
        self.dismiss_button.setEnabled(self._can_dismiss and self.notices.currentItem() is not None)
        document = self._current_document()
        self.open_button.setAccessibleName(self.tr("Open %1").replace("%1", document.name)
                                    if document else self.open_button.text().replace("&", ""))

    def _current_document(self) -> Document | None:
        item: QListWidgetItem | None = self.documents.currentItem()
        if item is None:
            return None
        path = item.data(ID_ROLE)
        return next((d for d in self._documents if d.path == path), None)

    # -- acting ---------------------------------------------------------------------------

    @Slot(QListWidgetItem)
    def _on_documents_item_activated(self, _item: QListWidgetItem) -> None:
        self._on_open_clicked()

    @Slot()
    def _on_open_clicked(self) -> None:
        document = self._current_document()
        if document is not None:
            self.open_requested.emit(document)

    @Slot()
    def _on_dismiss_clicked(self) -> None:
        item: QListWidgetItem | None = self.notices.currentItem()
        if item is None or not self._can_dismiss:
            return
        row = self.notices.row(item)
        notice_id = str(item.data(ID_ROLE))
        self._notices = tuple(n for n in self._notices if n.id != notice_id)
        self._fill()
        if self.notices.count():
            self.notices.setCurrentRow(min(row, self.notices.count() - 1))
        self.dismiss_requested.emit(notice_id)


def notice_line(notice: Notice, now: float, language: str) -> str:
    """A notification as the user reads it in the window: its title, its message and
    when (in the window it is the user's own screen; desktop notifications follow the
    previews rule)."""
    parts = [notice.title]
    if notice.message and notice.message != notice.title:
        parts.append(notice.message)
    if notice.time:
        parts.append(waitingtext.relative_past(notice.time, now, language))
    return " · ".join(p for p in parts if p)
