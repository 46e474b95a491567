# SPDX-License-Identifier: EUPL-1.2
"""What the launcher does with a link: one of a few plain values.

The window turns each into what the user sees (``workplace.ui.linkrouting``); the
command line prints it (``workplace links explain``). Every address in an action has
passed the URL rules already, and is checked again when it is opened.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workplace.config.schema import Service


class Refusal(enum.Enum):
    """Why a link is not followed. The window words each one (``ui/linkrouting.py``)."""

    TOO_LONG = "too-long"
    CONTROL_CHARACTER = "control-character"
    UNSAFE_ADDRESS = "unsafe-address"
    """Fails the URL rules: a look-alike host, user info, plain http, …"""
    UNSUPPORTED = "unsupported"
    """A scheme the launcher does not handle (``file:``, ``javascript:``, …)."""
    NOT_ALLOWED = "not-allowed"
    """An ``arbeitsplatz://`` link asking for more than opening a service or a search."""
    UNKNOWN_SERVICE = "unknown-service"
    MALFORMED = "malformed"
    """Not a valid e-mail, chat or phone link."""
    MAIL_NOT_SET_UP = "mail-not-set-up"
    CHAT_NOT_SET_UP = "chat-not-set-up"
    TEL_NOT_SET_UP = "tel-not-set-up"


class Kind(enum.Enum):
    """What the link was, for the window's texts and the log."""

    MAIL = "mail"
    CHAT = "chat"
    MEETING = "meeting"
    PHONE = "phone"
    SERVICE = "service"
    SEARCH = "search"
    WEB = "web"


@dataclass(frozen=True)
class OpenService:
    """Open ``service`` at ``url`` through the normal launch path (intranet warning,
    data saver with ``low_bandwidth_url``, "Recently used")."""

    kind: Kind
    service: Service
    url: str
    low_bandwidth_url: str | None
    link: str
    """The link as it came in: the launch routes it again on the trusted settings."""


@dataclass(frozen=True)
class OpenAddress:
    """Open ``url``, which IT configured (a compose view or dial-in page on no service's
    host), in the browser; or a softphone's ``sip:`` address on the desktop."""

    kind: Kind
    url: str
    desktop: bool = False
    """A softphone scheme (``sip:``, ``sips:``, ``callto:``), not a web address."""


@dataclass(frozen=True)
class StartProgram:
    """Start IT's native mail program or softphone with ``argument`` as its last argument."""

    kind: Kind
    app_id: str
    argument: str


@dataclass(frozen=True)
class ShowSearch:
    """Show the window with ``query`` in its search."""

    query: str


@dataclass(frozen=True)
class AskFirst:
    """A web address on a host outside the catalog: open it only if the user confirms."""

    url: str
    host: str


@dataclass(frozen=True)
class Refused:
    """Not followed; ``detail`` says why in English, ``detail_de`` in German."""

    reason: Refusal
    detail: str = ""
    detail_de: str = ""
    kind: Kind | None = None
    service_id: str = ""
    """For UNKNOWN_SERVICE: the id the link asked for."""

    def text(self, language: str) -> str:
        return (self.detail_de or self.detail) if language.startswith("de") else self.detail


Action = OpenService | OpenAddress | StartProgram | ShowSearch | AskFirst | Refused


class LinkRefused(Exception):
    """Raised while reading a link; carries the :class:`Refused` it becomes."""

    def __init__(self, refused: Refused) -> None:
        super().__init__(refused.detail)
        self.refused = refused
