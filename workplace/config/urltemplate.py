# SPDX-License-Identifier: EUPL-1.2
"""URL templates IT writes: the webmail's compose view, a dial-in page, a softphone.

A template is a URL with placeholders in braces, e.g.
``https://webmail.example.org/compose?to={to}&subject={subject}``. Each value is
percent-encoded completely (``quote(value, safe="")``) before it is put in, so what a
link brings can never add a parameter, a path or a host. A placeholder may stand in the
path, the query or the fragment only, never in the scheme or the host; the template
filled with sample values must pass the URL rules (:func:`~workplace.config.urls.check_url`).

Errors are :class:`TemplateError` (a ``ValueError`` with ``message_de``), so ``config
check`` explains a bad template at its file and line in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from urllib.parse import quote

from workplace.config.urls import UnsafeUrlError, check_url

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
SOFTPHONE_SCHEMES = ("sip", "sips", "callto")
"""Schemes a tel: target may use besides https: a softphone's, handed to the desktop."""
_SOFTPHONE = re.compile(r"\A(sips?|callto):\{number\}(@[a-z0-9]([a-z0-9.-]{0,250}[a-z0-9])?)?\Z")
MAX_TEMPLATE = 2048


class TemplateError(ValueError):
    """A template that cannot be used; ``str()`` English, ``message_de`` German."""

    def __init__(self, message: str, message_de: str) -> None:
        super().__init__(message)
        self.message_de = message_de


def placeholders(template: str) -> list[str]:
    """The names in braces, in order (``{to}`` -> ``to``)."""
    return PLACEHOLDER.findall(template)


def fill(template: str, values: Mapping[str, str]) -> str:
    """``template`` with every placeholder replaced by its value, percent-encoded.

    A placeholder without a value becomes empty. Nothing in a value is left unencoded,
    so a value cannot end the query, start a fragment or add a parameter.
    """
    return PLACEHOLDER.sub(lambda m: quote(values.get(m.group(1), ""), safe=""), template)


def check_template(
    template: str,
    samples: Mapping[str, str],
    *,
    required: Sequence[str] = (),
    softphone: bool = False,
) -> str:
    """Return ``template`` if it can be used, or raise :class:`TemplateError` saying why.

    ``samples`` names every allowed placeholder with a sample value; ``required``: at
    least one of them must appear. ``softphone``: ``sip:{number}``, ``sips:{number}``
    and ``callto:{number}`` (optionally ``@host``) are allowed too.
    """
    template = template.strip()
    if not template:
        return template
    if len(template) > MAX_TEMPLATE:
        raise TemplateError(
            f"the template is longer than {MAX_TEMPLATE} characters",
            f"die Vorlage ist länger als {MAX_TEMPLATE} Zeichen",
        )
    unbalanced = PLACEHOLDER.sub("", template)
    if "{" in unbalanced or "}" in unbalanced:
        raise TemplateError(
            "a brace is not closed or not opened; placeholders are written {name}",
            "eine geschweifte Klammer ist nicht geschlossen oder nicht geöffnet; Platzhalter "
            "werden {name} geschrieben",
        )
    names = placeholders(template)
    allowed = ", ".join("{" + name + "}" for name in samples)
    unknown = [name for name in names if name not in samples]
    if unknown:
        shown = ", ".join("{" + name + "}" for name in unknown)
        raise TemplateError(
            f"unknown placeholder {shown}; allowed are {allowed}",
            f"unbekannter Platzhalter {shown}; erlaubt sind {allowed}",
        )
    if required and not any(name in names for name in required):
        wanted = " or ".join("{" + name + "}" for name in required)
        wanted_de = " oder ".join("{" + name + "}" for name in required)
        raise TemplateError(
            f"the template must contain {wanted}, else the link's content is lost",
            f"die Vorlage muss {wanted_de} enthalten, sonst geht der Inhalt des Links verloren",
        )
    if softphone and template.split(":", 1)[0].lower() in SOFTPHONE_SCHEMES:
        if not _SOFTPHONE.match(template.lower()):
            raise TemplateError(
                "a softphone target is written sip:{number}, sips:{number} or callto:{number}, "
                "optionally followed by @host",
                "ein Softphone-Ziel wird sip:{number}, sips:{number} oder callto:{number} "
                "geschrieben, optional gefolgt von @host",
            )
        return template
    _check_fixed_parts(template, samples)
    return template


MEETING_SUFFIX = "{url}#"


def fill_meeting(template: str, url: str) -> str:
    """The data-saver address of the meeting ``url`` (already checked) from ``template``."""
    if template.startswith(MEETING_SUFFIX):
        extra = template[len(MEETING_SUFFIX) :]
        return f"{url}&{extra}" if "#" in url else f"{url}#{extra}"
    path = url.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else "/"
    return fill(template, {"url": url, "path": path.split("#", 1)[0]})


def check_meeting_template(template: str, samples: Mapping[str, str]) -> str:
    """``{url}#fragment``, or a template of a fixed address with {url} or {path}."""
    template = template.strip()
    if template.startswith(MEETING_SUFFIX):
        extra = template[len(MEETING_SUFFIX) :]
        if not extra or "{" in extra or "}" in extra or "#" in extra:
            raise TemplateError(
                "after {url}# comes a fixed fragment without placeholders, e.g. "
                "{url}#config.startAudioOnly=true",
                "nach {url}# folgt ein festes Fragment ohne Platzhalter, z. B. "
                "{url}#config.startAudioOnly=true",
            )
        try:
            check_url(fill_meeting(template, samples["url"]))
        except UnsafeUrlError as exc:
            raise TemplateError(str(exc), exc.message_de) from exc
        return template
    return check_template(template, samples, required=("url", "path"))


_FIXED_HEAD = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*://[^/?#{}]+[/?#]")


def _check_fixed_parts(template: str, samples: Mapping[str, str]) -> None:
    """Scheme and host are fixed, and the filled template passes the URL rules."""
    head = template.split("{", 1)[0]
    if "{" in template and not _FIXED_HEAD.match(head):
        raise TemplateError(
            "a placeholder may only stand in the path, the query or the fragment; the "
            "template starts with https:// and a fixed host, e.g. "
            "https://service.example.org/page?value={name}",
            "ein Platzhalter darf nur im Pfad, in der Abfrage oder im Fragment stehen; die "
            "Vorlage beginnt mit https:// und einem festen Host, z. B. "
            "https://service.example.org/page?value={name}",
        )
    try:
        check_url(fill(template, samples))
    except UnsafeUrlError as exc:
        raise TemplateError(str(exc), exc.message_de) from exc
