# SPDX-License-Identifier: EUPL-1.2
"""The remote catalog document: parse and validate a manifest, explaining problems by field.

A manifest is JSON with the configuration's ``categories`` and ``services`` plus a
``version`` integer, an optional ``epoch`` and an optional ``generated`` timestamp. It
may name native application ids in ``services[].native_app`` but never define
``native_apps``: executables come from the local IT configuration only.

Anti-rollback (signed manifests only, see :mod:`workplace.catalog.remote`): a client
refuses a manifest whose ``(epoch, version)`` is lower than that of its verified copy.
``epoch`` is IT's way out of a version published too high by mistake: raising it by one
starts a new count, and since it is signed, nobody without the signing key can.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from workplace.catalog.cache import MAX_MANIFEST_BYTES as MAX_MANIFEST_BYTES
from workplace.config.locate import PathPart, format_path
from workplace.config.schema import Category, Service, Strict, described
from workplace.config.settings import ConfigProblem
from workplace.config.sources import parse_text
from workplace.config.validate import check_duplicates, explain, german

FORBIDDEN_KEYS: Mapping[str, str] = {
    "native_apps": "a remote catalog cannot define native applications; "
    "they come from the local IT configuration only (services may name their ids)",
    "identity_provider": "a remote catalog cannot change the sign-in provider",
    "policy": "a remote catalog cannot lock settings",
    "preferences": "a remote catalog cannot preset preferences",
    "catalog": "a remote catalog cannot change where the catalog comes from",
}
"""Keys of the IT configuration that a manifest must not carry, and why."""


class ManifestDocument(Strict):
    """The schema of a catalog manifest."""

    version: int = described(
        ...,
        "Manifest version; a client refuses a signed manifest with a lower version than "
        "its signed copy has, within the same epoch.",
        "Version des Manifests; ein Client lehnt ein signiertes Manifest mit kleinerer "
        "Version als seine signierte Kopie ab, innerhalb derselben Epoche.",
        ge=0,
    )
    epoch: int = described(
        0,
        "Raise by one to start a new version count, e.g. after a version was published "
        "too high by mistake: a higher epoch is accepted whatever its version; a lower "
        "one is refused.",
        "Um eins erhöhen, um eine neue Zählung der Versionen zu beginnen, etwa nachdem "
        "versehentlich eine zu hohe Version veröffentlicht wurde: eine höhere Epoche gilt "
        "unabhängig von der Version, eine niedrigere wird abgelehnt.",
        ge=0,
    )
    generated: str | None = described(
        None,
        "When the manifest was generated (ISO 8601), shown to the helpdesk.",
        "Wann das Manifest erzeugt wurde (ISO 8601), für den Service-Desk angezeigt.",
        max_length=64,
    )
    categories: list[Category] = described(
        list, "Categories in display order.", "Kategorien in Anzeigereihenfolge."
    )
    services: list[Service] = described(
        list, "The services shown as tiles.", "Die als Kacheln angezeigten Dienste."
    )


@dataclass(frozen=True)
class Manifest:
    """A validated manifest."""

    version: int
    generated: str | None
    categories: tuple[Category, ...]
    services: tuple[Service, ...]
    epoch: int = 0


Where = Callable[[Sequence[PathPart]], int | None]


def parse_manifest(
    body: bytes | str, source: str
) -> tuple[Manifest | None, list[ConfigProblem]]:
    """The manifest in ``body`` or None; plus every problem, each naming ``source`` and field."""
    if isinstance(body, bytes):
        if body.startswith(b"\xef\xbb\xbf"):
            body = body[3:]
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = body.count(b"\n", 0, exc.start) + 1
            return None, [ConfigProblem(source, line, "", "not UTF-8 text")]
    else:
        text = body.removeprefix("\ufeff")
    parsed = parse_text(text, source, ".json")
    if isinstance(parsed, list):
        return None, parsed
    if parsed.empty:
        return None, [ConfigProblem(source, None, "", "the manifest is empty")]
    locations = parsed.locations
    return validate_manifest(parsed.data, source, locations.line_for, parsed.problems)


def validate_manifest(
    data: Mapping[str, Any],
    source: str,
    where: Where = lambda _parts: None,
    problems: Sequence[ConfigProblem] = (),
) -> tuple[Manifest | None, list[ConfigProblem]]:
    """Validate already-parsed manifest ``data`` (also used for mapped portal feeds)."""
    found = list(problems)

    def add(
        parts: Sequence[PathPart], message: str, severity: str = "error", message_de: str = ""
    ) -> None:
        found.append(
            ConfigProblem(source, where(parts), format_path(parts), message, severity, message_de)
        )

    document: ManifestDocument | None = None
    rest = {k: v for k, v in data.items() if k not in FORBIDDEN_KEYS}
    for key in data:
        if key in FORBIDDEN_KEYS:
            add((key,), FORBIDDEN_KEYS[key])
    try:
        document = ManifestDocument.model_validate(rest)
    except ValidationError as exc:
        for error in exc.errors():
            parts, message = explain(error, ManifestDocument)
            add(parts, message, message_de=german(error))
    check_duplicates(data, add)
    if document is not None:
        declared = {c.id for c in document.categories}
        for index, service in enumerate(document.services):
            if service.category not in declared and service.category != "other":
                add(
                    ("services", index, "category"),
                    f"category {service.category!r} is not declared in the manifest's "
                    "categories; unless the local configuration declares it, the service "
                    "is shown under 'other'",
                    "warning",
                )
    found.sort(key=lambda p: p.line or 0)
    if document is None or any(p.is_error for p in found):
        return None, found
    manifest = Manifest(
        version=document.version,
        generated=document.generated,
        categories=tuple(document.categories),
        services=tuple(document.services),
        epoch=document.epoch,
    )
    return manifest, found


def manifest_json(manifest: Manifest) -> dict[str, Any]:
    """``manifest`` as a JSON-ready document that :func:`validate_manifest` accepts again."""
    return {
        "version": manifest.version,
        "epoch": manifest.epoch,
        "generated": manifest.generated,
        "categories": [c.model_dump(mode="json") for c in manifest.categories],
        "services": [s.model_dump(mode="json", exclude_none=True) for s in manifest.services],
    }

