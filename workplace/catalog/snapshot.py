# SPDX-License-Identifier: EUPL-1.2
"""Where the remote catalog comes from, and a validated copy of it (disk only, no network).

This module is what the first paint uses: it imports no HTTP or JOSE library, and the
schema (pydantic) only when a copy is validated (:func:`snapshot_from_record`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from workplace.catalog.cache import CacheRecord, fingerprint
from workplace.catalog.univention import navigation_url, portal_url
from workplace.config.settings import ConfigProblem, Settings

if TYPE_CHECKING:
    from workplace.config.schema import Category, Service


class SourceKind(StrEnum):
    CONFIGURATION = "configuration"
    MANIFEST = "manifest"
    UNIVENTION = "univention"


@dataclass(frozen=True)
class CatalogSource:
    """The remote source the IT configuration names (``[catalog]``)."""

    kind: SourceKind
    url: str
    public_key: str = ""
    feed: str = "navigation"

    @classmethod
    def from_settings(cls, settings: Settings) -> CatalogSource | None:
        config = settings.tenant.catalog
        if config.manifest_url:
            return cls(SourceKind.MANIFEST, config.manifest_url, config.manifest_public_key.strip())
        if config.univention_portal_url:
            return cls(
                SourceKind.UNIVENTION, config.univention_portal_url, feed=config.univention_feed
            )
        return None

    @property
    def signed(self) -> bool:
        return bool(self.public_key)

    def document_urls(self) -> dict[str, str]:
        """Name -> URL of each document this source consists of."""
        if self.kind is SourceKind.MANIFEST:
            return {"manifest": self.url}
        if self.feed == "portal":
            return {"portal": portal_url(self.url)}
        return {lang: navigation_url(self.url, code) for lang, code in
                (("de", "de-DE"), ("en", "en-US"))}


@dataclass(frozen=True)
class CatalogSnapshot:
    """A validated remote catalog: what it holds, where from and how old it is."""

    source: CatalogSource
    version: int
    generated: str | None
    fetched_at: float
    """When this content was downloaded (epoch seconds)."""
    checked_at: float
    """When the server last confirmed it was current (epoch seconds)."""
    categories: tuple[Category, ...]
    services: tuple[Service, ...]
    problems: tuple[ConfigProblem, ...] = ()
    epoch: int = 0
    signed: bool = False
    """Verified against the pinned key just now (the only kind of copy anti-rollback
    trusts: its epoch and version come from the signed bytes)."""

    @property
    def release(self) -> tuple[int, int]:
        """``(epoch, version)``: what anti-rollback compares (see manifest.py)."""
        return self.epoch, self.version

    def age(self, now: float) -> float:
        """Seconds since the server last confirmed this copy."""
        return max(0.0, now - self.checked_at)


class UntrustedCache(ValueError):
    """The cached copy cannot be used (not verified with the configured key, or invalid)."""


def _verify_again(body: str, signature: str, public_key: str) -> None:
    """The cached manifest must still verify with the pinned key: the file on disk is
    as easy to change as any other, and the fingerprint alone proves nothing."""
    from workplace.catalog.signature import PinnedKeys, verify_detached

    try:
        verify_detached(body.encode("utf-8"), signature, PinnedKeys.parse(public_key))
    except Exception as exc:  # a bad signature, key or format: never used
        raise UntrustedCache(f"the cached catalog's signature does not verify ({exc})") from None


def snapshot_from_record(record: CacheRecord, source: CatalogSource) -> CatalogSnapshot:
    """Validate a cached record again for ``source``; raises UntrustedCache saying why."""
    from workplace.catalog.manifest import parse_manifest, validate_manifest
    from workplace.catalog.univention import map_navigation, map_portal

    if record.kind != source.kind.value or record.url != source.url:
        raise UntrustedCache("the cached catalog is for another source")
    if source.signed and (
        not record.signature or record.key_fingerprint != fingerprint(source.public_key)
    ):
        raise UntrustedCache("the cached catalog was not verified with the configured key")
    urls = source.document_urls()
    bodies: dict[str, str] = {}
    for name, url in urls.items():
        document = record.documents.get(url)
        if document is None:
            raise UntrustedCache(f"the cached catalog lacks {name}")
        bodies[name] = document.body
    if source.signed:
        _verify_again(bodies.get("manifest", ""), record.signature or "", source.public_key)
    if source.kind is SourceKind.MANIFEST:
        manifest, problems = parse_manifest(bodies["manifest"], source.url)
    else:
        try:
            parsed = {name: json.loads(body) for name, body in bodies.items()}
        except ValueError as exc:
            raise UntrustedCache(f"the cached portal feed is damaged: {exc}") from None
        if source.feed == "portal":
            mapped = map_portal(parsed["portal"], urls["portal"].split("?", 1)[0], source.url)
        else:
            mapped = map_navigation(parsed, urls["de"].split("?", 1)[0], source.url)
        manifest, problems = validate_manifest(mapped.document, source.url)
        problems = [*mapped.problems, *problems]
    if manifest is None:
        raise UntrustedCache("; ".join(str(p) for p in problems if p.is_error)[:500])
    return CatalogSnapshot(
        source=source,
        version=manifest.version,
        generated=manifest.generated,
        fetched_at=record.fetched_at,
        checked_at=record.checked_at,
        categories=manifest.categories,
        services=manifest.services,
        problems=tuple(problems),
        epoch=manifest.epoch,
        signed=source.signed,
    )
