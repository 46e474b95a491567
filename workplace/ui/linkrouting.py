# SPDX-License-Identifier: EUPL-1.2
"""Following the links the desktop hands to the launcher, in the running window.

Links arrive from ``workplace URL`` (this start, or a later one over the
single-instance channel) and, on macOS, as Qt's file-open event. Each is routed in a
job on the trusted settings and catalog (:meth:`Workplace.route_link`), then:

- a service at an address (compose view, chat room, meeting, ``arbeitsplatz://open``)
  goes through the window's :class:`~workplace.ui.launching.LaunchController`: the
  intranet warning, the data saver and "Recently used" apply as for a tile;
- an address IT configured without a service, IT's mail program or softphone: a job
  (:meth:`Workplace.follow_link`, which routes the link again);
- a web address outside the catalog: :class:`LinkConfirm` asks first, with Cancel as
  the default; only "Open in browser" opens it;
- a search: the window comes forward with it;
- a refusal: the window comes forward with a message saying why, in the user's
  language, the core's own words behind "Details". On the very first start the central
  catalog is still on its way: a link to a service (or the chat) it may bring waits for
  that first refresh, once, before it is refused.

No link's text is logged (it may hold a mail's recipients and text): only its scheme
and what became of it.

Signals (LinkRouter):
    followed(str): what became of a link: ``service``, ``address``, ``program``,
        ``asked`` (then ``opened-after-asking`` if the user said so), ``search`` or
        ``refused`` (the log says the same).

At start (after the trusted load), :meth:`LinkRouter.sync_mail_links` makes the
launcher the program for e-mail links when the ``mail_links`` preference (or IT's lock)
says so; the settings switch changes it through the settings store.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from workplace.links.action import (
    Action,
    AskFirst,
    Kind,
    OpenAddress,
    OpenService,
    Refusal,
    Refused,
    ShowSearch,
    StartProgram,
)
from workplace.ui.errortext import technical

if TYPE_CHECKING:
    from workplace.app import Workplace
    from workplace.ui.jobs import Jobs
    from workplace.ui.window import MainWindow

log = logging.getLogger("workplace.ui.links")

FILE_OPEN_SCHEMES = ("mailto", "matrix", "tel", "arbeitsplatz", "https", "http")
"""What a macOS file-open event may bring as a link (files themselves are not ours)."""
WAIT_FOR_CATALOG = (Refusal.UNKNOWN_SERVICE, Refusal.CHAT_NOT_SET_UP)
"""Refusals the central catalog's first copy may still turn into a service."""


class LinkConfirm(QDialog):
    """"Open a link to another website?" for a host outside the catalog; Cancel is the default."""

    def __init__(self, url: str, host: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = self.tr("Open a link to another website?")
        text = self.tr(
            "The link leads to %1, which is not one of your organisation's services. "
            "Open it in your browser only if you trust where the link came from."
        ).replace("%1", host)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(12)
        heading = QLabel(title, self)
        heading.setObjectName("emptyTitle")
        heading.setWordWrap(True)
        self.text = QLabel(text, self)
        self.text.setWordWrap(True)
        self.address = QLabel(url, self)
        self.address.setWordWrap(True)
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.address.setAccessibleName(self.tr("Address of the link"))
        for label in (heading, self.text, self.address):
            layout.addWidget(label)
        self.buttons = QDialogButtonBox(self)
        self.open_button = self.buttons.addButton(
            self.tr("Open in browser"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_button.setAutoDefault(False)
        self.cancel.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setAccessibleName(title)
        self.setAccessibleDescription(f"{text} {url}")
        layout.activate()
        self.cancel.setFocus(Qt.FocusReason.OtherFocusReason)


class LinkRouter(QObject):
    followed = Signal(str)

    def __init__(
        self, workplace: Workplace, window: MainWindow, jobs: Jobs,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._workplace = workplace
        self._window = window
        self._jobs = jobs
        self.confirm: LinkConfirm | None = None
        """The open "another website?" question (tests press its buttons)."""
        self.waiting: list[str] = []
        """Links waiting for the central catalog's first copy (first start only)."""
        self._listening = False
        self._app: Any = None

    def listen_for_file_open(self) -> None:
        """Take macOS's FileOpen events (a link the system hands to the application).

        An application-wide event filter sees every event of every object, and the first
        time it meets an object of a class Python has not seen, PySide builds that class
        (and its enums): before the first paint that cost about a quarter of the start.
        So the Gui calls this once the first frame is drawn; on macOS, where a launch's
        link may arrive before that, it builds the router and calls this at once."""
        if self._app is None:
            self._app = QApplication.instance()
            if self._app is not None:
                self._app.installEventFilter(self)

    @property
    def listening_for_file_open(self) -> bool:
        return self._app is not None

    def sync_mail_links(self) -> None:
        """Make the system match ``mail_links`` once at start; never touch it for a user
        who did not ask (and whom IT does not make)."""
        settings = self._workplace.settings
        wanted = settings.preferences.mail_links
        if not wanted and not settings.is_locked("mail_links"):
            return
        workplace = self._workplace

        def failed(exc: BaseException) -> None:
            log.info("e-mail links could not be given to the launcher: %s", exc)

        self._jobs.run(
            lambda: workplace.sync_mail_links(wanted), None, failed, name="mail-links",
            serial=True,
        )

    def dispose(self) -> None:
        """The window is torn down: an unanswered question goes (nothing opens); it is a
        window of its own and would stay on screen."""
        if self.confirm is not None:
            self.confirm.reject()
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None

    # -- arriving ---------------------------------------------------------------------

    def route(self, text: str, *, waited: bool = False) -> None:
        """Follow the link ``text`` (routed in a job on the trusted settings).

        ``waited``: it already waited for the central catalog; refuse it now if need be.
        """
        scheme = text.split(":", 1)[0].lower()
        log.info(
            "a link arrived",
            extra={"event": "links.received",
                   "scheme": scheme if scheme in FILE_OPEN_SCHEMES else "other"},
        )
        workplace = self._workplace
        self._jobs.run(
            lambda: workplace.route_link(text),
            lambda action: self._on_routed(text, action, waited),
            self._on_route_failed,
            name="route-link",
        )

    def take_message(self, message: dict[str, Any]) -> bool:
        """A later start's hand-over: True if it brought a link (now being followed)."""
        url = message.get("url")
        if not isinstance(url, str):
            return False
        self.route(url)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            url: QUrl = event.url()  # type: ignore[attr-defined]
            if url.scheme().lower() in FILE_OPEN_SCHEMES:
                self.route(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
                return True
        return False

    # -- what became of it ----------------------------------------------------------------

    def _done(self, what: str, kind: Kind | None = None, **extra: str) -> None:
        log.info(
            "a link was followed",
            extra={"event": "links.followed", "action": what,
                   "kind": kind.value if kind else "", **extra},
        )
        self.followed.emit(what)

    def _on_routed(self, text: str, action: Action, waited: bool = False) -> None:
        window = self._window
        if isinstance(action, Refused) and not waited and self._wait_for_catalog(text, action):
            return
        if isinstance(action, OpenService):
            window.launcher.launch(action.service, link=action.link)
            self._done("service", action.kind, service=action.service.id)
        elif isinstance(action, OpenAddress | StartProgram):
            self._follow(text, confirmed=False)
            self._done("program" if isinstance(action, StartProgram) else "address", action.kind)
        elif isinstance(action, AskFirst):
            self._ask(text, action)
            self._done("asked", Kind.WEB)
        elif isinstance(action, ShowSearch):
            window.bring_forward()
            window.header.search.setText(action.query)
            window.focus_search()
            self._done("search", Kind.SEARCH)
        else:
            self._refused(action)
            self._done("refused", action.kind, reason=action.reason.value)

    def _wait_for_catalog(self, text: str, refused: Refused) -> bool:
        workplace, status = self._workplace, self._window.status
        first_start = workplace.remote is not None and workplace.snapshot is None
        if refused.reason not in WAIT_FOR_CATALOG or not first_start or status is None:
            return False
        if not self._listening:
            status.catalog_refreshed.connect(self._on_catalog_arrived)
            status.catalog_failed.connect(self._on_catalog_arrived)
            self._listening = True
        self.waiting.append(text)
        log.info("a link waits for the central catalog", extra={"event": "links.waiting"})
        return True

    def _on_catalog_arrived(self, *_args: object) -> None:
        waiting, self.waiting = self.waiting, []
        for text in waiting:
            self.route(text, waited=True)

    def _on_route_failed(self, exc: BaseException) -> None:
        log.exception("routing a link failed", exc_info=exc)
        self._window.bring_forward()
        self._window.banners.show_message(
            self.tr("The link could not be opened"),
            self.tr("An unexpected error occurred."),
            technical(exc),
        )

    def _follow(self, text: str, *, confirmed: bool) -> None:
        workplace = self._workplace
        self._jobs.run(
            lambda: workplace.follow_link(text, confirmed=confirmed),
            None,
            self._on_follow_failed,
            name="follow-link",
        )

    def _on_follow_failed(self, exc: BaseException) -> None:
        from workplace.catalog.launch import LaunchError

        window = self._window
        if isinstance(exc, LaunchError):
            hint = window.launcher.error_text(exc.kind)
            details = [exc.detail] if exc.detail else []
        else:
            log.exception("following a link failed", exc_info=exc)
            hint = self.tr("An unexpected error occurred.")
            details = technical(exc)
        window.bring_forward()
        window.banners.show_message(self.tr("The link could not be opened"), hint, details)

    def _ask(self, text: str, action: AskFirst) -> None:
        if self.confirm is not None:
            self.confirm.reject()  # the newer link replaces an unanswered question
        self._window.bring_forward()
        box = LinkConfirm(action.url, action.host, self._window)

        def finished(result: int) -> None:
            if self.confirm is box:
                self.confirm = None
            box.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                self._follow(text, confirmed=True)
                self._done("opened-after-asking", Kind.WEB)

        box.finished.connect(finished)
        self.confirm = box
        box.open()
        box.cancel.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- refusals ---------------------------------------------------------------------

    def _refused(self, refused: Refused) -> None:
        title, hint = self.refusal_text(refused)
        language = self._window.appearance.language
        # The title already names an unknown service; other reasons keep the core's words
        # (the key IT has to set, the character found) behind "Details".
        detail = "" if refused.reason is Refusal.UNKNOWN_SERVICE else refused.text(language)
        self._window.bring_forward()
        self._window.banners.show_message(title, hint, [detail] if detail else [])

    def refusal_text(self, refused: Refused) -> tuple[str, str]:
        """Title and hint for the message banner, in the user's language."""
        reason, kind = refused.reason, refused.kind
        if reason is Refusal.UNKNOWN_SERVICE:
            return (
                self.tr("There is no service “%1”").replace("%1", refused.service_id),
                self.tr("The link may be out of date, or this service is not available to "
                        "you. Your services are shown below."),
            )
        if reason is Refusal.MAIL_NOT_SET_UP:
            return (
                self.tr("E-mail links cannot be opened here yet"),
                self.tr("Your IT department has not set up where e-mail links open. "
                        "Please contact the service desk."),
            )
        if reason is Refusal.CHAT_NOT_SET_UP:
            return (
                self.tr("Chat links cannot be opened here"),
                self.tr("There is no chat among your services. "
                        "Please contact the service desk."),
            )
        if reason is Refusal.TEL_NOT_SET_UP:
            return (
                self.tr("Phone links cannot be opened here"),
                self.tr("Your IT department has not set up telephony for links. "
                        "Please dial the number yourself."),
            )
        if reason is Refusal.TOO_LONG:
            return (
                self.tr("This link is too long"),
                self.tr("Links this long are not opened, to protect your computer."),
            )
        if reason is Refusal.CONTROL_CHARACTER:
            return (
                self.tr("This link contains hidden characters"),
                self.tr("Hidden or text-direction characters can make a link look like a "
                        "different one, so it was not opened."),
            )
        if reason is Refusal.UNSAFE_ADDRESS:
            return (
                self.tr("This link was not opened"),
                self.tr("Its address is not safe: it may imitate another address. "
                        "The details say why."),
            )
        if reason is Refusal.NOT_ALLOWED:
            return (
                self.tr("This link asks for something the launcher does not do"),
                self.tr("A link to the launcher can only open one of your services or "
                        "a search."),
            )
        if reason is Refusal.UNSUPPORTED:
            return (
                self.tr("The launcher does not open this kind of link"),
                self.tr("It opens e-mail, chat, meeting and phone links and links to your "
                        "services."),
            )
        titles = {
            Kind.MAIL: self.tr("This e-mail link is not valid"),
            Kind.CHAT: self.tr("This chat link is not valid"),
            Kind.PHONE: self.tr("This phone link is not valid"),
        }
        return (
            titles.get(kind, self.tr("This link is not valid")) if kind else
            self.tr("This link is not valid"),
            self.tr("Please check the link or ask whoever sent it."),
        )
