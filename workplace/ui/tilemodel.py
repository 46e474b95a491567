# SPDX-License-Identifier: EUPL-1.2
"""The tiles as one flat Qt list model: section header rows followed by service rows.

Sections, top to bottom: Favourites, Recently used, then every category in the
tenant's order (services of an unknown category last, under "Other"). While a
search is active there is one section with the results, and one with the recently
edited documents whose names match (from the files integration; a document row opens
the document, not the service). Header rows are not
enabled, so keyboard navigation skips them and arrows move across sections
naturally in one view.

Nothing moves under the pointer: while the view holds the layout
(:meth:`TileModel.set_layout_held`, the pointer is over the tiles), a new favourite or
a new "Recently used" entry changes only the tiles' data (the star); the rows follow
when the hold ends.

Signals:
    announcement(str): a change a screen reader should say politely, e.g. "Chat ist
        jetzt nicht erreichbar"; only services that became usable or unusable.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from workplace.ui import waitingtext
from workplace.ui.icons import RemoteIcons, icon_name_for, is_remote
from workplace.ui.statustext import NOT_CHECKED, OFFLINE, USABLE, StatusTexts

if TYPE_CHECKING:
    from workplace.config.schema import Category, Service
    from workplace.integrations.model import Document
    from workplace.status.model import ServiceStatus
    from workplace.ui.tilewaiting import TileWaiting

RECENT_LIMIT = 4
ANNOUNCE_LIMIT = 3
"""Services named one by one in an announcement; more are counted."""

Index = QModelIndex | QPersistentModelIndex


class CatalogLike(Protocol):
    @property
    def categories(self) -> Sequence[Category]: ...
    @property
    def services(self) -> Sequence[Service]: ...
    def get(self, service_id: str) -> Service | None: ...
    def search(self, query: str, language: str) -> list[Service]: ...
    def prepare_search(self) -> None: ...


class Kind:
    """What a row is (plain numbers: an enum class costs start-up time to define)."""

    HEADER = 0
    TILE = 1


class Role:
    """The model's own data roles (plain numbers, as Qt's roles are)."""

    SERVICE_ID = Qt.ItemDataRole.UserRole + 1
    KIND = Qt.ItemDataRole.UserRole + 2
    FAVOURITE = Qt.ItemDataRole.UserRole + 3
    DESCRIPTION = Qt.ItemDataRole.UserRole + 4
    ICON_NAME = Qt.ItemDataRole.UserRole + 5
    SECTION = Qt.ItemDataRole.UserRole + 6
    FIRST_SECTION = Qt.ItemDataRole.UserRole + 7
    STATUS = Qt.ItemDataRole.UserRole + 8
    """The service's state value (``available`` … ``offline``), or None before a check."""
    STATUS_TEXT = Qt.ItemDataRole.UserRole + 9
    """The translated status line, e.g. "Status: erreichbar"."""
    STATUS_LABEL = Qt.ItemDataRole.UserRole + 10
    """The words a tile shows for a problem ("Nicht erreichbar"); empty when all is well."""
    ICON_IMAGE = Qt.ItemDataRole.UserRole + 11
    """The downloaded icon (a QImage) for a service whose icon is a URL, else None:
    the delegate then draws the bundled ``ICON_NAME``."""
    BADGE = Qt.ItemDataRole.UserRole + 12
    """The count on the tile ("3", "99+"), from the service's integrations; empty for none."""
    WAITING_PROBLEM = Qt.ItemDataRole.UserRole + 13
    """What the tile's integration needs of the user ("Bitte erneut anmelden"), or empty."""
    DOCUMENT = Qt.ItemDataRole.UserRole + 14
    """A search result that is a recently edited document: the
    :class:`~workplace.integrations.model.Document`; None for a service."""


STATUS_ROLES = [
    Role.STATUS, Role.STATUS_TEXT, Role.STATUS_LABEL, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.AccessibleDescriptionRole,
]
"""What a new state changes: what is painted, the tooltip and what a screen reader reads."""
FAVOURITE_ROLES = [Role.FAVOURITE, Qt.ItemDataRole.AccessibleDescriptionRole]
WAITING_ROLES = [
    Role.BADGE, Role.WAITING_PROBLEM, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.AccessibleDescriptionRole,
]
"""What a new count changes: the badge, the tooltip and what a screen reader reads."""


# A NamedTuple, not a dataclass: defining one before the first paint costs about
# 3.5 M instructions (exec of its generated methods); this costs a quarter.
class Row(NamedTuple):
    kind: int
    """A :class:`Kind`."""
    section: str
    title: str = ""
    service: Service | None = None
    document: Document | None = None
    """A recently edited document (a search result); ``service`` is the files service."""


class TileModel(QAbstractListModel):
    """Rows for the tile view. Change its inputs with the ``set_*`` methods.

    See the module docstring for the ``announcement`` signal.
    """

    announcement = Signal(str)

    def __init__(
        self,
        catalog: CatalogLike,
        language: str,
        parent: Any = None,
        *,
        remote_icons: RemoteIcons | None = None,
    ) -> None:
        super().__init__(parent)
        self.remote_icons = remote_icons
        """Downloaded icons for URL icons; None shows the generic icon for those."""
        self._catalog = catalog
        self._language = language
        self._favourites: tuple[str, ...] = ()
        self._recent: tuple[str, ...] = ()
        self._query = ""
        self._rows: list[Row] = []
        self._statuses: Mapping[str, ServiceStatus] = {}
        self._waiting: dict[str, TileWaiting] = {}
        self._documents: tuple[str, tuple[Document, ...]] = ("", ())
        """The files service's id and its recently edited documents (search finds them)."""
        self._offline = False
        self._texts = StatusTexts()
        self._held = False
        self._pending = False
        """Favourites or "Recently used" changed while the layout was held."""
        self._rebuild()

    # -- inputs -------------------------------------------------------------

    @property
    def language(self) -> str:
        return self._language

    @property
    def query(self) -> str:
        return self._query

    @property
    def favourites(self) -> tuple[str, ...]:
        return self._favourites

    def set_catalog(self, catalog: CatalogLike) -> None:
        self._catalog = catalog
        self._reset()

    def adopt_catalog(self, catalog: CatalogLike) -> None:
        """Take ``catalog`` without a signal when it has the tiles shown (the trusted
        load of what a warm start painted from its snapshot: other objects, the same
        tiles); otherwise like :meth:`set_catalog`."""
        before, shown = self._rows, _layout(self._rows)
        self._catalog = catalog
        self._rebuild()
        if _layout(self._rows) != shown:
            self._rows = before  # the reset must start from the rows the view knows
            self._reset()

    def set_language(self, language: str) -> None:
        if language != self._language:
            self._language = language
            self._reset()

    def set_favourites(self, ids: Iterable[str]) -> None:
        ids = tuple(ids)
        if ids == self._favourites:
            return
        self._favourites = ids
        if self._query or self._held:
            # The star changes at once; the Favourites section when it moves nothing.
            self._pending = self._pending or not self._query
            self._data_changed(FAVOURITE_ROLES)
        else:
            self._reset()

    def set_recent(self, ids: Iterable[str]) -> None:
        ids = tuple(ids)
        if ids != self._recent:
            self._recent = ids
            if self._held:
                self._pending = True
            elif not self._query:
                self._reset()

    def set_layout_held(self, held: bool) -> None:
        """Hold the rows (the pointer is over the tiles) or let pending changes in.

        Opening a service adds "Recently used" on top and a new favourite may add a
        section or a row: every tile would move down under the pointer, and a click
        meant for one would open another. Held, those changes wait; released (the
        pointer left, the window went to the background), they appear.
        """
        if held == self._held:
            return
        self._held = held
        if not held and self._pending:
            self._pending = False
            if not self._query:
                self._reset()

    @property
    def layout_held(self) -> bool:
        return self._held

    def set_query(self, query: str) -> None:
        query = query.strip()
        if query != self._query:
            if query and not self._query:
                # The first letter: while the next ones are typed, not in a keystroke.
                QTimer.singleShot(0, self, self._catalog.prepare_search)
            self._query = query
            self._pending = False  # the user asked for new rows: they include everything
            self._reset()

    def retranslate(self) -> None:
        self._reset()

    def set_statuses(self, statuses: Mapping[str, ServiceStatus], *, offline: bool = False) -> None:
        """Show each service's state (a probe round's result); keeps rows and the current tile.

        The tiles whose state changed say so (``dataChanged`` with the accessible roles),
        and a service that became usable or unusable is announced.
        """
        services = self._catalog.services
        before = {service.id: self.status_of(service.id) for service in services}
        self._statuses = dict(statuses)
        self._offline = offline
        changed = {i for i, state in before.items() if self.status_of(i) != state}
        for number, row in enumerate(self._rows):
            if row.service is not None and row.service.id in changed:
                index = self.index(number, 0)
                self.dataChanged.emit(index, index, STATUS_ROLES)
        notices = []
        for service in (s for s in services if s.id in changed):
            now = self.status_of(service.id)
            if now is not None and _worth_saying(before[service.id], now):
                notices.append(self._texts.changed_notice(service.name.get(self._language), now))
        if notices:
            self.announcement.emit(self._announcement(notices))

    def _announcement(self, notices: list[str]) -> str:
        if len(notices) <= ANNOUNCE_LIMIT:
            return ". ".join(notices)
        shown = notices[: ANNOUNCE_LIMIT - 1]
        more = self.tr("%n more service(s) changed", "", len(notices) - len(shown))
        return ". ".join([*shown, more])

    def _data_changed(self, roles: list[Any]) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0), roles)

    def icons_arrived(self, urls: Iterable[str]) -> None:
        """Icons were downloaded (a job's result): repaint the tiles that use them."""
        if self.remote_icons is None:
            return
        changed = set(self.remote_icons.arrived(urls))
        for number, row in enumerate(self._rows):
            if row.service is not None and row.service.icon in changed:
                index = self.index(number, 0)
                self.dataChanged.emit(index, index, [Role.ICON_IMAGE])

    def set_waiting(self, by_service: Mapping[str, TileWaiting]) -> None:
        """Show what is waiting (counts, what an integration needs); keeps rows and the
        current tile. Only the tiles whose count or need changed say so (``dataChanged``
        with the accessible roles): a refresh that finds the same number is silent."""
        from workplace.ui.tilewaiting import TileWaiting

        before = self._waiting
        self._waiting = {k: v for k, v in by_service.items() if v != TileWaiting()}
        changed = {k for k in set(before) | set(self._waiting)
                   if before.get(k) != self._waiting.get(k)}
        for number, row in enumerate(self._rows):
            if row.service is not None and row.service.id in changed:
                index = self.index(number, 0)
                self.dataChanged.emit(index, index, WAITING_ROLES)

    def set_documents(self, service_id: str, documents: Sequence[Document]) -> None:
        """The recently edited documents of the files service ``service_id``: a search
        finds them by name. Only a shown search changes."""
        found = (service_id, tuple(documents))
        if found != self._documents:
            self._documents = found
            if self._query:
                self._reset()

    def document_at(self, index: Index) -> Document | None:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._rows[index.row()].document

    def waiting_of(self, service_id: str) -> TileWaiting:
        from workplace.ui.tilewaiting import TileWaiting

        return self._waiting.get(service_id, TileWaiting())

    def status_of(self, service_id: str) -> str | None:
        """The state shown for ``service_id``: a ServiceState value, ``offline`` or None."""
        status = self._statuses.get(service_id)
        if self._offline:
            return OFFLINE
        if status is None:
            return None
        return status.state.value

    # -- queries ------------------------------------------------------------

    @property
    def tile_count(self) -> int:
        return sum(1 for row in self._rows if row.kind == Kind.TILE)

    def service_at(self, index: Index) -> Service | None:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._rows[index.row()].service

    def first_tile(self) -> QModelIndex:
        for number, row in enumerate(self._rows):
            if row.kind == Kind.TILE:
                return self.index(number, 0)
        return QModelIndex()

    def find(self, service_id: str, section: str | None = None) -> QModelIndex:
        """The first tile of ``service_id`` (in ``section`` if given and present)."""
        fallback = QModelIndex()
        for number, row in enumerate(self._rows):
            if row.service is not None and _row_id(row) == service_id:
                if section is None or row.section == section:
                    return self.index(number, 0)
                if not fallback.isValid():
                    fallback = self.index(number, 0)
        return fallback

    def section_of(self, index: Index) -> str:
        if not index.isValid() or index.row() >= len(self._rows):
            return ""
        return self._rows[index.row()].section

    # -- Qt model -----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].kind == Kind.HEADER:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Role.KIND:
            return int(row.kind)
        if role == Role.SECTION:
            return row.section
        if role == Role.FIRST_SECTION:
            return index.row() == 0
        if row.kind == Kind.HEADER:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return row.title
            return None
        service = row.service
        assert service is not None
        if row.document is not None:
            return self._document_data(row.document, service, role)
        favourite = service.id in self._favourites
        if role == Qt.ItemDataRole.DisplayRole:
            return service.name.get(self._language)
        if role == Role.DESCRIPTION:
            return service.description.get(self._language)
        state = self.status_of(service.id)
        waiting = self._waiting.get(service.id)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # The name, what is waiting and the state, as a screen reader says it:
            # "E-Mail, 3 ungelesen, erreichbar".
            words = [service.name.get(self._language), *(waiting.words() if waiting else [])]
            if state is not None:
                words.append(self._texts.state_text(state))
            return ", ".join(words)
        if role == Role.BADGE:
            return waiting.badge if waiting else ""
        if role == Role.WAITING_PROBLEM:
            return waitingtext.problem(waiting.problem) if waiting and waiting.problem else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            description = service.description.get(self._language)
            lines = [service.name.get(self._language), description, service.url]
            if waiting is not None:
                lines += ["", *waiting.lines(service.name.get(self._language))]
            if state is not None:
                lines += ["", self._texts.status_line(state), self._status_detail(service, state)]
            elif service.zone == "intranet":
                lines += ["", self._texts.state_text("needs_vpn")]
            return "\n".join(line for line in lines if line is not None).strip()
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            parts = [service.description.get(self._language)]
            if waiting is not None and waiting.problem is not None:
                parts.append(waiting.lines(service.name.get(self._language))[-1])
            parts.append(
                QCoreApplication.translate("TileModel", "Favourite")
                if favourite
                else QCoreApplication.translate("TileModel", "Not a favourite")
            )
            if state is not None:
                parts.append(self._texts.status_line(state))
                if state not in (NOT_CHECKED, OFFLINE, "available"):
                    parts.append(self._status_detail(service, state))
            return ". ".join(p.rstrip(".") for p in parts if p)
        if role == Role.STATUS:
            return state
        if role == Role.STATUS_LABEL:
            return self._texts.state_label(state) if state is not None else ""
        if role == Role.STATUS_TEXT:
            return self._texts.status_line(state) if state is not None else ""
        if role == Role.SERVICE_ID:
            return service.id
        if role == Role.FAVOURITE:
            return favourite
        if role == Role.ICON_NAME:
            return icon_name_for(service.icon)
        if role == Role.ICON_IMAGE:
            if self.remote_icons is None or not is_remote(service.icon):
                return None
            return self.remote_icons.image(service.icon)
        return None

    def _document_data(self, document: Document, service: Service, role: int) -> Any:
        """A document row: its name, where it is and when it changed; no state, no
        count, no star (it is not a service)."""
        if role == Qt.ItemDataRole.DisplayRole:
            return document.name
        if role in (Role.DESCRIPTION, Qt.ItemDataRole.AccessibleDescriptionRole):
            changed = waitingtext.document_changed(document.modified, time.time(), self._language)
            text = QCoreApplication.translate("TileModel", "In %1, %2. Opens in %3.")
            if changed.endswith("."):  # "vor 3 Std.": its period ends the sentence too
                text = text.replace("%2.", "%2")
            folder = waitingtext.document_folder(document)
            return text.replace("%1", folder).replace("%2", changed).replace(
                "%3", service.name.get(self._language))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return QCoreApplication.translate("TileModel", "%1, recently edited document").replace(
                "%1", document.name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join((document.name, document.path))
        if role == Role.SERVICE_ID:
            return f"doc:{document.path}"
        if role == Role.DOCUMENT:
            return document
        if role == Role.ICON_NAME:
            return "office"
        if role == Role.FAVOURITE:
            return False
        if role in (Role.BADGE, Role.WAITING_PROBLEM, Role.STATUS_LABEL, Role.STATUS_TEXT):
            return ""
        return None

    def _status_detail(self, service: Service, state: str) -> str:
        status = self._statuses.get(service.id)
        if status is None:
            return self._texts.state_explanation_offline() if state == OFFLINE else ""
        return self._texts.state_explanation(status, state)

    # -- building -----------------------------------------------------------

    def _reset(self) -> None:
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    def _rebuild(self) -> None:
        rows: list[Row] = []
        lang = self._language
        if self._query:
            results = self._catalog.search(self._query, lang)
            if results:
                title = self.tr("%n result(s)", "", len(results))
                rows.append(Row(Kind.HEADER, "results", title))
                rows.extend(Row(Kind.TILE, "results", service=s) for s in results)
            files_id, documents = self._documents
            files = self._catalog.get(files_id) if documents else None
            needle = self._query.casefold()
            matching = [d for d in documents if needle in d.name.casefold()]
            if files is not None and matching:
                rows.append(Row(Kind.HEADER, "documents", QCoreApplication.translate(
                    "TileModel", "Recently edited documents")))
                rows.extend(Row(Kind.TILE, "documents", service=files, document=d)
                            for d in matching)
            self._rows = rows
            return

        def add(section: str, title: str, services: Sequence[Service]) -> None:
            if services:
                rows.append(Row(Kind.HEADER, section, title))
                rows.extend(Row(Kind.TILE, section, service=s) for s in services)

        get = self._catalog.get
        favourites = [s for s in (get(i) for i in self._favourites) if s is not None]
        add("favourites", QCoreApplication.translate("TileModel", "Favourites"), favourites)
        fav_ids = set(self._favourites)
        recent = [
            s for s in (get(i) for i in self._recent) if s is not None and s.id not in fav_ids
        ][:RECENT_LIMIT]
        add("recent", QCoreApplication.translate("TileModel", "Recently used"), recent)
        by_category: dict[str, list[Service]] = {}
        for service in self._catalog.services:
            by_category.setdefault(service.category, []).append(service)
        for category in self._catalog.categories:
            add(f"cat:{category.id}", category.name.get(lang), by_category.pop(category.id, []))
        leftovers = [s for services in by_category.values() for s in services]
        add("cat:", QCoreApplication.translate("TileModel", "Other services"), leftovers)
        self._rows = rows


def _row_id(row: Row) -> str:
    """A service's id, or ``doc:<path>`` for a document (what Role.SERVICE_ID says)."""
    if row.document is not None:
        return f"doc:{row.document.path}"
    return row.service.id if row.service is not None else ""


def _layout(rows: Sequence[Row]) -> list[tuple[int, str, str, str | None]]:
    return [(r.kind, r.section, r.title, r.service.id if r.service else None) for r in rows]


def _worth_saying(before: str | None, now: str) -> bool:
    """A service became usable or unusable, by a probe (not the first one, not offline)."""
    quiet = (None, NOT_CHECKED, OFFLINE)
    if before in quiet or now in quiet:
        return False
    return (before in USABLE) != (now in USABLE)
