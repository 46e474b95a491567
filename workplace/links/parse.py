# SPDX-License-Identifier: EUPL-1.2
"""Reading an incoming link into a plain value, or refusing it with a reason.

Every link is checked as text first: at most :data:`MAX_LINK` characters, no control,
format (bidi, zero-width) or line-separator characters, written or percent-encoded
(a mail body may have line breaks). Then by its scheme:

- ``mailto:`` (RFC 6068): recipients in the path and in ``to``/``cc``/``bcc``,
  ``subject`` and ``body``. Every other header (``attach``, ``in-reply-to``, …) is
  dropped: a mail program handed ``attach=/home/…`` would attach a local file. Each
  address's domain passes the look-alike rules of a URL host.
- ``matrix:`` (the Matrix URI scheme, spec 1.2): ``r/alias:server``,
  ``roomid/id:server`` or ``u/user:server``, optionally ``/e/event`` and ``via=``;
  ``https://matrix.to/#/…`` links are read the same way.
- ``tel:`` (RFC 3966): a number of digits, ``+``, ``*`` and ``#``; visual separators
  are dropped, parameters ignored.
- ``arbeitsplatz://open/<service-id>`` and ``arbeitsplatz://search?q=…`` and nothing
  else: a page can only make the launcher open a service or search.
- ``https:`` (and ``http:`` on loopback): the URL rules of the catalog.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from workplace.config.urls import UnsafeUrlError, check_host, check_url
from workplace.links.action import Kind, LinkRefused, Refusal, Refused

MAX_LINK = 8192
"""Characters; a mail body from a document fits, a payload meant to choke does not."""
MAX_QUERY = 200
MAX_RECIPIENTS = 100
MAX_NUMBER = 32
MATRIX_TO = "matrix.to"

_SCHEME = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]{0,31}\Z")
_IDENTIFIER = re.compile(r"\A[a-z0-9][a-z0-9_.-]{0,63}\Z")
_LOCAL_PART = re.compile(r"\A[^\s@<>(),;:\"\[\]\\]{1,64}\Z")
_NUMBER = re.compile(rf"\A\+?[0-9*#]{{1,{MAX_NUMBER}}}\Z")
_VISUAL_SEPARATORS = str.maketrans("", "", "-.() \u00a0")
_SIGIL = {"r": "#", "roomid": "!", "u": "@"}
_PORT = re.compile(r"\A[0-9]{1,5}\Z")


@dataclass(frozen=True)
class MailLink:
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()
    subject: str = ""
    body: str = ""

    def mailto(self) -> str:
        """The link rebuilt from what was kept: no other header reaches a mail program."""
        path = ",".join(quote(a, safe="@+") for a in self.to)
        fields = [("cc", ",".join(self.cc)), ("bcc", ",".join(self.bcc)),
                  ("subject", self.subject), ("body", self.body)]
        query = "&".join(f"{k}={quote(v, safe='@+,')}" for k, v in fields if v)
        return f"mailto:{path}" + (f"?{query}" if query else "")


@dataclass(frozen=True)
class ChatLink:
    """A room (``#alias:server`` or ``!id:server``) or a person (``@user:server``)."""

    target: str
    event: str = ""
    via: tuple[str, ...] = ()

    @property
    def is_user(self) -> bool:
        return self.target.startswith("@")


@dataclass(frozen=True)
class PhoneLink:
    number: str


@dataclass(frozen=True)
class ServiceLink:
    service_id: str


@dataclass(frozen=True)
class SearchLink:
    query: str


@dataclass(frozen=True)
class WebLink:
    """A checked web address (punycode host)."""

    url: str
    origin: tuple[str, str, int]
    """Scheme, host and port, to compare with the catalog's services."""


Link = MailLink | ChatLink | PhoneLink | ServiceLink | SearchLink | WebLink


def refuse(reason: Refusal, detail: str, detail_de: str, kind: Kind | None = None,
           service_id: str = "") -> LinkRefused:
    return LinkRefused(Refused(reason, detail, detail_de, kind, service_id))


def origin_of(url: str) -> tuple[str, str, int]:
    """Scheme, host (lower case) and port of a checked URL."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or (443 if scheme == "https" else 80)
    return scheme, (parts.hostname or "").lower(), port


# --------------------------------------------------------------------------- characters


def _describe(char: str) -> str:
    try:
        return f"U+{ord(char):04X} {unicodedata.name(char)}"
    except ValueError:
        return f"U+{ord(char):04X}"


def _check_text(value: str, kind: Kind | None, *, newlines: bool = False,
                spaces: bool = True) -> str:
    """Refuse control, format (bidi, zero-width), separator and unassigned characters."""
    for char in value:
        if newlines and char in "\r\n\t":
            continue
        if char == " ":
            if spaces:
                continue
            raise refuse(
                Refusal.MALFORMED, "the link contains a space", "der Link enthält ein Leerzeichen",
                kind,
            )
        category = unicodedata.category(char)
        if category in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"):
            raise refuse(
                Refusal.CONTROL_CHARACTER,
                f"the link contains {_describe(char)}, an invisible, text-direction or "
                "control character; such characters can make a link look like another",
                f"der Link enthält {_describe(char)}, ein unsichtbares, die Schreibrichtung "
                "änderndes oder Steuerzeichen; solche Zeichen lassen einen Link wie einen "
                "anderen aussehen",
                kind,
            )
    return value


def _decode(value: str, kind: Kind, *, newlines: bool = False) -> str:
    try:
        decoded = unquote(value, errors="strict")
    except UnicodeDecodeError:
        raise refuse(
            Refusal.MALFORMED,
            "the link has percent-encoded bytes that are not UTF-8 text",
            "der Link enthält prozentkodierte Bytes, die kein UTF-8-Text sind",
            kind,
        ) from None
    return _check_text(unicodedata.normalize("NFC", decoded), kind, newlines=newlines)


# --------------------------------------------------------------------------- the entry


def trimmed(text: object) -> str:
    """``text`` without surrounding ASCII blanks (never Unicode ones: those are refused)."""
    return text.strip(" \t\r\n") if isinstance(text, str) else ""


def parse(text: object) -> Link:
    """The link in ``text``, or :class:`LinkRefused` saying why it is not followed."""
    text = trimmed(text)
    if not text:
        raise refuse(Refusal.MALFORMED, "the link is empty", "der Link ist leer")
    if len(text) > MAX_LINK:
        raise refuse(
            Refusal.TOO_LONG,
            f"the link is longer than {MAX_LINK} characters, the most that is accepted",
            f"der Link ist länger als {MAX_LINK} Zeichen, mehr wird nicht angenommen",
        )
    scheme, colon, rest = text.partition(":")
    scheme = scheme.lower()
    if not colon or not _SCHEME.match(scheme):
        raise refuse(
            Refusal.UNSUPPORTED,
            "this is not a link (it has no scheme such as mailto: or https:)",
            "das ist kein Link (er hat kein Schema wie mailto: oder https:)",
        )
    _check_text(text, None, spaces=scheme in ("mailto", "tel"))
    if scheme == "mailto":
        return parse_mailto(rest)
    if scheme == "matrix":
        return parse_matrix(rest)
    if scheme == "tel":
        return parse_tel(rest)
    if scheme == "arbeitsplatz":
        return parse_internal(text)
    if scheme in ("https", "http"):
        return parse_web(text)
    raise refuse(
        Refusal.UNSUPPORTED,
        f"links of the kind {scheme}: are not opened by the launcher",
        f"Links der Art {scheme}: öffnet der Arbeitsplatz nicht",
    )


# --------------------------------------------------------------------------- mailto:


def _addresses(value: str) -> list[str]:
    found = []
    for raw in value.split(","):
        address = raw.strip()
        if not address:
            continue
        local, at, domain = address.rpartition("@")
        if not at or not _LOCAL_PART.match(local):
            raise refuse(
                Refusal.MALFORMED,
                f"{address[:80]!r} is not an e-mail address",
                f"{address[:80]!r} ist keine E-Mail-Adresse",
                Kind.MAIL,
            )
        try:
            check_host(domain)
        except UnsafeUrlError as exc:
            raise refuse(
                Refusal.UNSAFE_ADDRESS,
                f"the e-mail address {address[:80]!r}: {exc}",
                f"die E-Mail-Adresse {address[:80]!r}: {exc.message_de}",
                Kind.MAIL,
            ) from None
        found.append(address)
    return found


def parse_mailto(rest: str) -> MailLink:
    path, _, query = rest.partition("?")
    to = _addresses(_decode(path, Kind.MAIL))
    cc: list[str] = []
    bcc: list[str] = []
    subject = body = ""
    seen_subject = seen_body = False
    for pair in query.split("&") if query else ():
        key, _, value = pair.partition("=")
        key = _decode(key, Kind.MAIL).lower()
        if key in ("to", "cc", "bcc"):
            {"to": to, "cc": cc, "bcc": bcc}[key].extend(_addresses(_decode(value, Kind.MAIL)))
        elif key == "subject" and not seen_subject:
            subject, seen_subject = _decode(value, Kind.MAIL), True
        elif key == "body" and not seen_body:
            body, seen_body = _decode(value, Kind.MAIL, newlines=True), True
        # Everything else (attach, in-reply-to, …) is dropped on purpose.
    if len(to) + len(cc) + len(bcc) > MAX_RECIPIENTS:
        raise refuse(
            Refusal.MALFORMED,
            f"the link names more than {MAX_RECIPIENTS} recipients",
            f"der Link nennt mehr als {MAX_RECIPIENTS} Empfänger",
            Kind.MAIL,
        )
    return MailLink(tuple(to), tuple(cc), tuple(bcc), subject, body)


# --------------------------------------------------------------------------- matrix:


def _bad_chat(what: str) -> LinkRefused:
    return refuse(
        Refusal.MALFORMED,
        f"not a valid chat link: {what}",
        f"kein gültiger Chat-Link: {what}",
        Kind.CHAT,
    )


def _server(name: str) -> str:
    host, colon, port = name.rpartition(":") if name.count(":") == 1 else (name, "", "")
    if colon and not _PORT.match(port):
        raise _bad_chat(f"{name[:80]!r}")
    try:
        check_host(host)
    except UnsafeUrlError as exc:
        raise refuse(
            Refusal.UNSAFE_ADDRESS,
            f"the chat server {name[:80]!r}: {exc}",
            f"der Chat-Server {name[:80]!r}: {exc.message_de}",
            Kind.CHAT,
        ) from None
    return name


def _matrix_id(sigil: str, value: str) -> str:
    """``sigil`` + ``localpart:server``, checked."""
    local, colon, server = value.partition(":")
    if not colon or not local or "/" in local or len(value) > 254:
        raise _bad_chat(f"{sigil}{value[:80]}")
    _server(server)
    return f"{sigil}{local}:{server}"


def _via(query: str) -> tuple[str, ...]:
    found = []
    for pair in query.split("&") if query else ():
        key, _, value = pair.partition("=")
        if key == "via" and value:
            found.append(_server(_decode(value, Kind.CHAT)))
    return tuple(found[:10])


def parse_matrix(rest: str) -> ChatLink:
    """``r/alias:server``, ``roomid/id:server`` or ``u/user:server`` [``/e/event``][``?via=``]."""
    path, _, query = rest.partition("?")
    path = path.split("#", 1)[0]
    segments = path.split("/")
    if len(segments) not in (2, 4) or segments[0] not in _SIGIL:
        raise _bad_chat("expected r/…, roomid/… or u/…")
    target = _matrix_id(_SIGIL[segments[0]], _decode(segments[1], Kind.CHAT))
    event = ""
    if len(segments) == 4:
        if segments[2] != "e" or segments[0] == "u" or not segments[3]:
            raise _bad_chat("an event follows a room as /e/…")
        event = "$" + _decode(segments[3], Kind.CHAT)
    return ChatLink(target, event, _via(query))


def parse_matrix_to(fragment: str) -> ChatLink:
    """The fragment of ``https://matrix.to/#/<id>[/<event>][?via=…]``."""
    if not fragment.startswith("/"):
        raise _bad_chat("matrix.to links are written https://matrix.to/#/…")
    path, _, query = fragment[1:].partition("?")
    parts = [_decode(p, Kind.CHAT) for p in path.split("/")]
    if not parts[0] or parts[0][0] not in "#!@" or len(parts) > 2:
        raise _bad_chat(f"{parts[0][:80]!r}")
    target = _matrix_id(parts[0][0], parts[0][1:])
    event = ""
    if len(parts) == 2:
        if target.startswith("@") or not parts[1].startswith("$"):
            raise _bad_chat("an event follows a room as /$…")
        event = parts[1]
    return ChatLink(target, event, _via(query))


# --------------------------------------------------------------------------- tel:


def parse_tel(rest: str) -> PhoneLink:
    number = _decode(rest.split(";", 1)[0], Kind.PHONE).translate(_VISUAL_SEPARATORS)
    if not _NUMBER.match(number):
        raise refuse(
            Refusal.MALFORMED,
            f"{number[:40]!r} is not a phone number",
            f"{number[:40]!r} ist keine Telefonnummer",
            Kind.PHONE,
        )
    return PhoneLink(number)


# --------------------------------------------------------------------------- arbeitsplatz://


def _not_allowed() -> LinkRefused:
    return refuse(
        Refusal.NOT_ALLOWED,
        "an arbeitsplatz: link can only open a service (arbeitsplatz://open/<id>) or a "
        "search (arbeitsplatz://search?q=…)",
        "ein arbeitsplatz:-Link kann nur einen Dienst öffnen (arbeitsplatz://open/<id>) "
        "oder eine Suche (arbeitsplatz://search?q=…)",
    )


def parse_internal(text: str) -> ServiceLink | SearchLink:
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise _not_allowed() from None
    if parts.username is not None or port is not None or not text[13:].startswith("//"):
        raise _not_allowed()
    action = (parts.hostname or "").lower()
    if action == "open" and not parts.query and not parts.fragment:
        service_id = _decode(parts.path.strip("/"), Kind.SERVICE)
        if not _IDENTIFIER.match(service_id):
            raise refuse(
                Refusal.UNKNOWN_SERVICE,
                f"there is no service {service_id[:64]!r}",
                f"es gibt keinen Dienst {service_id[:64]!r}",
                Kind.SERVICE,
                service_id[:64],
            )
        return ServiceLink(service_id)
    if action == "search" and parts.path in ("", "/") and not parts.fragment:
        pairs = [p.partition("=") for p in parts.query.split("&") if p]
        if [key for key, _, _ in pairs] != ["q"]:
            raise _not_allowed()
        query = _decode(pairs[0][2].replace("+", " "), Kind.SEARCH).strip()
        if len(query) > MAX_QUERY:
            raise refuse(
                Refusal.TOO_LONG,
                f"the search is longer than {MAX_QUERY} characters",
                f"die Suche ist länger als {MAX_QUERY} Zeichen",
                Kind.SEARCH,
            )
        return SearchLink(query)
    raise _not_allowed()


# --------------------------------------------------------------------------- https:


def parse_web(text: str) -> WebLink | ChatLink:
    try:
        url = check_url(text)
    except UnsafeUrlError as exc:
        raise refuse(Refusal.UNSAFE_ADDRESS, str(exc), exc.message_de, Kind.WEB) from None
    origin = origin_of(url)
    if origin[1] == MATRIX_TO:
        return parse_matrix_to(urlsplit(url).fragment)
    return WebLink(url, origin)
