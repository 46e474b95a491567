# SPDX-License-Identifier: EUPL-1.2
"""The URL rules that every URL in the configuration and the catalog must pass.

Only ``https:`` is handed to the desktop; ``http:`` only for loopback hosts.
No user info, no UNC paths, IDN hosts are normalised to punycode and
mixed-script lookalike hosts are refused (reference/security-checklist.md).
"""

from __future__ import annotations

import ipaddress
import unicodedata
from urllib.parse import urlsplit, urlunsplit


class UnsafeUrlError(ValueError):
    """A URL that must never be opened or fetched."""


_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


def is_loopback_host(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and the name localhost."""
    host = host.strip("[]").lower()
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _script(char: str) -> str | None:
    """The Unicode script of a letter, approximated by the first word of its name."""
    if not char.isalpha():
        return None
    try:
        name = unicodedata.name(char)
    except ValueError:
        return "UNKNOWN"
    return name.split(" ", 1)[0]


def _check_label_script(label: str) -> None:
    scripts = {s for s in (_script(c) for c in label) if s is not None}
    if len(scripts) > 1:
        raise UnsafeUrlError(
            f"host label {label!r} mixes scripts ({', '.join(sorted(scripts))}); "
            "this is how lookalike hosts are made"
        )


def _punycode_host(host: str) -> str:
    if host.isascii():
        return host.lower()
    labels = []
    for label in host.split("."):
        if label.isascii():
            labels.append(label.lower())
            continue
        label = unicodedata.normalize("NFC", label).lower()
        _check_label_script(label)
        try:
            labels.append("xn--" + label.encode("punycode").decode("ascii"))
        except UnicodeError as exc:  # pragma: no cover - punycode accepts all str
            raise UnsafeUrlError(f"host {host!r} cannot be encoded: {exc}") from exc
    return ".".join(labels)


def check_url(url: str) -> str:
    """Return the normalised URL (punycode host) or raise UnsafeUrlError saying why."""
    if not isinstance(url, str) or not url.strip():
        raise UnsafeUrlError("empty URL")
    raw = url.strip()
    if raw.startswith(("\\\\", "//")):
        raise UnsafeUrlError("UNC and scheme-relative paths are not allowed")
    if any(ord(c) < 0x20 or c == "\x7f" for c in raw) or " " in raw:
        raise UnsafeUrlError("URL contains spaces or control characters")
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError as exc:
        raise UnsafeUrlError(f"not a valid URL: {exc}") from exc
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if scheme not in ("https", "http"):
        shown = scheme or "none"
        raise UnsafeUrlError(f"scheme {shown!r} is not allowed; use https")
    if not host:
        raise UnsafeUrlError("URL has no host")
    if "\\" in raw:
        raise UnsafeUrlError("backslashes are not allowed in URLs")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise UnsafeUrlError("user info in URLs (user@host) is not allowed")
    if scheme == "http" and not is_loopback_host(host):
        raise UnsafeUrlError("plain http is only allowed for loopback hosts; use https")
    ascii_host = _punycode_host(host)
    if ascii_host.startswith("xn--") or ".xn--" in ascii_host:
        for label in ascii_host.split("."):
            if label.startswith("xn--"):
                try:
                    decoded = label[4:].encode("ascii").decode("punycode")
                except UnicodeError as exc:
                    raise UnsafeUrlError(f"invalid punycode label {label!r}") from exc
                _check_label_script(decoded)
    netloc = f"[{ascii_host}]" if ":" in ascii_host else ascii_host
    if port is not None:
        netloc = f"{netloc}:{port}"
    return urlunsplit((scheme, netloc, parts.path, parts.query, parts.fragment))
