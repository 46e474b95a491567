# SPDX-License-Identifier: EUPL-1.2
"""The URL rules that every URL in the configuration and the catalog must pass.

Only ``https:`` is handed to the desktop; ``http:`` only for loopback hosts.
No user info, no UNC paths, IDN hosts are normalised to punycode
(reference/security-checklist.md).

Look-alike host names are refused with Unicode's own security mechanisms (UTS #39,
through ICU's SpoofChecker), not a list of our own: every label of an IDN host must
be made of characters Unicode recommends for identifiers (``ɡ`` U+0261, ``ⅼ`` U+217C,
fullwidth letters and invisible joiners are not) and must meet the restriction level
"highly restrictive" (one script, or Latin with Han and kana, Hangul or Bopomofo, so
Japanese names mixing kanji and kana pass, Latin with one Cyrillic letter does not);
and no label may have the confusable skeleton of a plain ASCII label (``mıcrosoft``,
all-Cyrillic ``рара``), since that ASCII name could exist. Known limit: a word of
Cyrillic or Greek letters that all look Latin (``рос``) or a Turkish word whose only
non-ASCII letter is the dotless ``ı`` is refused too. Bidi controls and other invisible
or format characters are refused anywhere in a URL, percent-encoded ones as well.
"""

from __future__ import annotations

import functools
import ipaddress
import re
import unicodedata
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit


class UnsafeUrlError(ValueError):
    """A URL that must never be opened or fetched; ``str()`` English, ``message_de`` German."""

    def __init__(self, message: str, message_de: str = "") -> None:
        super().__init__(message)
        self.message_de = message_de or message


_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})

# What a URL may never carry (ICU's Unicode data): bidi controls, default-ignorable and
# format characters (zero-width joiners, fillers), controls, separators, private use,
# surrogates and unassigned code points. Percent-encoded, the invisible ones.
_NEVER_IN_URL = (
    "[[:Bidi_Control:][:Default_Ignorable_Code_Point:][:Cf:][:Cc:][:Z:][:Co:][:Cs:][:Cn:]]"
)
_LOOK_ALIKE_DE = "so werden verwechselbare Adressen gebaut"

_NEVER_ENCODED = "[[:Bidi_Control:][:Default_Ignorable_Code_Point:][:Cf:]]"


def is_loopback_host(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and the name localhost."""
    host = host.strip("[]").lower()
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _icu() -> Any:
    # Imported only for URLs with non-ASCII text: most configurations have none, and
    # the first paint does not wait for ICU.
    try:
        import icu  # PyICU
    except ImportError as exc:  # fail closed: an unchecked name is never accepted
        raise UnsafeUrlError(
            "this URL has non-ASCII characters, and the check for look-alikes (PyICU) is "
            "not installed; write the host in ASCII or install the launcher completely",
            "diese URL enthält Nicht-ASCII-Zeichen, und die Prüfung auf verwechselbare Namen "
            "(PyICU) ist nicht installiert; schreiben Sie den Host in ASCII oder installieren "
            "Sie den Launcher vollständig",
        ) from exc
    return icu


@functools.cache
def _spoof_checker() -> Any:
    """UTS #39: identifier profile, restriction level "highly restrictive", digits of
    one system, no stacked invisible marks. Thread-safe once configured (ICU)."""
    icu = _icu()
    checker = icu.SpoofChecker()
    allowed = icu.UnicodeSet()
    allowed.addAll(checker.getRecommendedUnicodeSet())
    allowed.add("-")  # host names have hyphens; identifiers in the profile do not
    allowed.freeze()
    checker.setAllowedUnicodeSet(allowed)
    checker.setRestrictionLevel(icu.URestrictionLevel.HIGHLY_RESTRICTIVE)
    checks = icu.USpoofChecks
    checker.setChecks(
        checks.RESTRICTION_LEVEL | checks.CHAR_LIMIT | checks.INVISIBLE | checks.MIXED_NUMBERS
    )
    return checker


@functools.cache
def _unicode_set(pattern: str) -> Any:
    found = _icu().UnicodeSet(pattern)
    found.freeze()
    return found


def _describe(char: str) -> str:
    try:
        name = unicodedata.name(char)
    except ValueError:
        name = _icu().Char.charName(char) or "an unassigned character"
    return f"U+{ord(char):04X} {name}"


def _check_characters(raw: str, parts: Any) -> None:
    """Refuse invisible, bidi and format characters, written or percent-encoded."""
    if raw.isascii() and "%" not in raw:
        return
    if not raw.isascii():
        never = _unicode_set(_NEVER_IN_URL)
        for char in raw:
            if never.contains(char):
                raise UnsafeUrlError(
                    f"the URL contains {_describe(char)}, an invisible, text-direction or "
                    "control character; such characters can make a URL look like another",
                    f"die URL enthält {_describe(char)}, ein unsichtbares, die Schreibrichtung "
                    "änderndes oder Steuerzeichen; solche Zeichen lassen eine URL wie eine "
                    "andere aussehen",
                )
    for part in (parts.path, parts.query, parts.fragment):
        decoded = unquote(part, errors="replace")
        if decoded.isascii():
            continue
        never = _unicode_set(_NEVER_ENCODED)
        for char in decoded:
            if never.contains(char):
                raise UnsafeUrlError(
                    f"the URL contains {_describe(char)} (percent-encoded), an invisible or "
                    "text-direction character; such characters can make a URL look like another",
                    f"die URL enthält {_describe(char)} (prozentkodiert), ein unsichtbares oder "
                    "die Schreibrichtung änderndes Zeichen; solche Zeichen lassen eine URL wie "
                    "eine andere aussehen",
                )


def _scripts(label: str) -> str:
    icu = _icu()
    names = {icu.Script.getScript(c).getName() for c in label}
    return ", ".join(sorted(names - {"Common", "Inherited"}))


def _check_label(label: str, ace: str) -> None:
    """One Unicode host label (NFC, lower case) against UTS #39."""
    checker = _spoof_checker()
    checks = _icu().USpoofChecks
    failed = checker.check(label)
    if failed & checks.CHAR_LIMIT:
        allowed = checker.getAllowedUnicodeSet()
        odd = next(c for c in label if not allowed.contains(c))
        raise UnsafeUrlError(
            f"host label {label!r} ({ace}) contains {_describe(odd)}, which Unicode does not "
            "recommend in names (UTS #39); this is how look-alike hosts are made",
            f"der Namensteil {label!r} ({ace}) enthält {_describe(odd)}, das Unicode für Namen "
            f"nicht empfiehlt (UTS #39); {_LOOK_ALIKE_DE}",
        )
    if failed & checks.RESTRICTION_LEVEL:
        raise UnsafeUrlError(
            f"host label {label!r} ({ace}) mixes scripts ({_scripts(label)}); "
            "this is how look-alike hosts are made",
            f"der Namensteil {label!r} ({ace}) mischt Schriften ({_scripts(label)}); "
            f"{_LOOK_ALIKE_DE}",
        )
    if failed & checks.MIXED_NUMBERS:
        raise UnsafeUrlError(
            f"host label {label!r} ({ace}) mixes digits of different systems; "
            "this is how look-alike hosts are made",
            f"der Namensteil {label!r} ({ace}) mischt Ziffern verschiedener Zahlensysteme; "
            f"{_LOOK_ALIKE_DE}",
        )
    if failed:
        raise UnsafeUrlError(
            f"host label {label!r} ({ace}) repeats an invisible mark; "
            "this is how look-alike hosts are made",
            f"der Namensteil {label!r} ({ace}) wiederholt ein unsichtbares Zeichen; "
            f"{_LOOK_ALIKE_DE}",
        )
    if checker.getSkeleton(0, label).isascii():
        raise UnsafeUrlError(
            f"host label {label!r} ({ace}) looks exactly like a name in plain ASCII letters; "
            "look-alike hosts are refused",
            f"der Namensteil {label!r} ({ace}) sieht genau wie ein Name aus einfachen "
            "ASCII-Buchstaben aus; verwechselbare Adressen werden abgelehnt",
        )


def _punycode_host(host: str) -> str:
    """The ASCII form of ``host``; every non-ASCII label (written or as xn--) checked."""
    labels = []
    for label in host.split("."):
        if label.isascii():
            label = label.lower()
            if not label.startswith("xn--"):
                labels.append(label)
                continue
            try:
                unicode_label = label[4:].encode("ascii").decode("punycode")
            except UnicodeError as exc:
                raise UnsafeUrlError(
                    f"invalid punycode label {label!r}",
                    f"ungültiger Punycode-Namensteil {label!r}",
                ) from exc
            if unicode_label.isascii() or unicodedata.normalize("NFC", unicode_label).lower() != (
                unicode_label
            ):
                raise UnsafeUrlError(
                    f"punycode label {label!r} is not in normal form",
                    f"der Punycode-Namensteil {label!r} ist nicht in Normalform",
                )
        else:
            unicode_label = unicodedata.normalize("NFC", label).lower()
        try:
            ace = "xn--" + unicode_label.encode("punycode").decode("ascii")
        except UnicodeError as exc:  # pragma: no cover - punycode accepts all str
            raise UnsafeUrlError(
                f"host {host!r} cannot be encoded: {exc}",
                f"der Host {host!r} lässt sich nicht kodieren: {exc}",
            ) from exc
        _check_label(unicode_label, ace)
        labels.append(ace)
    return ".".join(labels)


def check_url(url: str) -> str:
    """Return the normalised URL (punycode host) or raise UnsafeUrlError saying why."""
    if not isinstance(url, str) or not url.strip():
        raise UnsafeUrlError("empty URL", "leere URL")
    raw = url.strip()
    if raw.startswith(("\\\\", "//")):
        raise UnsafeUrlError(
            "UNC and scheme-relative paths are not allowed",
            "UNC-Pfade und Adressen ohne Schema (//…) sind nicht erlaubt",
        )
    if any(ord(c) < 0x20 or c == "\x7f" for c in raw) or " " in raw:
        raise UnsafeUrlError(
            "URL contains spaces or control characters",
            "die URL enthält Leerzeichen oder Steuerzeichen",
        )
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError as exc:
        raise UnsafeUrlError(f"not a valid URL: {exc}", f"keine gültige URL: {exc}") from exc
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if scheme not in ("https", "http"):
        shown = scheme or "none"
        raise UnsafeUrlError(
            f"scheme {shown!r} is not allowed; use https",
            f"das Schema {shown!r} ist nicht erlaubt; verwenden Sie https",
        )
    if not host:
        raise UnsafeUrlError("URL has no host", "die URL hat keinen Host")
    if "\\" in raw:
        raise UnsafeUrlError(
            "backslashes are not allowed in URLs", "Backslashes sind in URLs nicht erlaubt"
        )
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise UnsafeUrlError(
            "user info in URLs (user@host) is not allowed",
            "Benutzerangaben in URLs (benutzer@host) sind nicht erlaubt",
        )
    if scheme == "http" and not is_loopback_host(host):
        raise UnsafeUrlError(
            "plain http is only allowed for loopback hosts; use https",
            "unverschlüsseltes http ist nur für den eigenen Rechner (Loopback) erlaubt; "
            "verwenden Sie https",
        )
    _check_characters(raw, parts)
    ascii_host = _punycode_host(host)
    netloc = f"[{ascii_host}]" if ":" in ascii_host else ascii_host
    if port is not None:
        netloc = f"{netloc}:{port}"
    return urlunsplit((scheme, netloc, parts.path, parts.query, parts.fragment))


_LDH_LABEL = re.compile(r"\A(?!-)[a-z0-9-]{1,63}(?<!-)\Z")


def check_host(host: str) -> str:
    """A bare host name (an e-mail domain, a Matrix server name) in its ASCII form.

    The same look-alike rules as a URL's host; ``UnsafeUrlError`` says why not.
    """
    name = host.strip().rstrip(".") if isinstance(host, str) else ""
    if not name:
        raise UnsafeUrlError("empty host name", "leerer Hostname")
    if len(name) > 253 or any(c in name for c in "/?#@:[]\\%") or not name.isprintable() or (
        any(c.isspace() for c in name)
    ):
        raise UnsafeUrlError(
            f"{name[:80]!r} is not a host name", f"{name[:80]!r} ist kein Hostname"
        )
    if not name.isascii():
        never = _unicode_set(_NEVER_IN_URL)
        for char in name:
            if never.contains(char):
                raise UnsafeUrlError(
                    f"the host name contains {_describe(char)}, an invisible, text-direction "
                    "or control character",
                    f"der Hostname enthält {_describe(char)}, ein unsichtbares, die "
                    "Schreibrichtung änderndes oder Steuerzeichen",
                )
    ascii_name = _punycode_host(name)
    if not all(_LDH_LABEL.match(label) for label in ascii_name.split(".")):
        raise UnsafeUrlError(
            f"{name[:80]!r} is not a valid host name", f"{name[:80]!r} ist kein gültiger Hostname"
        )
    return ascii_name
