# SPDX-License-Identifier: EUPL-1.2
"""The last-known-good remote catalog on disk, with what a conditional request needs.

One JSON file per source in ``Paths.cache_dir``, written atomically. It keeps the
raw documents as fetched (they are validated again when read, so a damaged or
edited file is never trusted blindly), their ETag / Last-Modified, when they were
fetched and last confirmed, the signature and a fingerprint of the pinned key that
verified it. Nothing in this file decides by itself: the version that anti-rollback
compares is read from the signed manifest after its signature verified again. A
separate small status file remembers the last failed attempt so ``workplace services``
and ``doctor`` can say why.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from workplace.config.atomic import atomic_write_text

log = logging.getLogger("workplace.catalog")

FORMAT = 1
MAX_MANIFEST_BYTES = 2 * 1024 * 1024
"""A manifest (or portal document) larger than this is refused while it downloads."""


@dataclass(frozen=True)
class CachedDocument:
    body: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class CacheRecord:
    kind: str
    """``manifest`` or ``univention``."""
    url: str
    documents: dict[str, CachedDocument]
    """Fetched URL -> document; a manifest has one, a navigation feed one per language."""
    fetched_at: float
    """When the content last changed (a 200 that was accepted)."""
    checked_at: float
    """When the server last confirmed it (200 or 304)."""
    signature: str | None = None
    key_fingerprint: str | None = None
    feed: str = ""

    def with_checked(self, when: float, documents: dict[str, CachedDocument]) -> CacheRecord:
        return CacheRecord(
            self.kind, self.url, documents, self.fetched_at, when,
            self.signature, self.key_fingerprint, self.feed,
        )


@dataclass(frozen=True)
class LastFailure:
    at: float
    kind: str
    detail: str
    extra: dict[str, Any] = field(default_factory=dict)


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def content_digest(record: CacheRecord) -> str:
    """What a check of ``record`` depends on (its source, documents, signature and key), as
    one digest: a record with the same digest validates to the same copy. The dates and
    the validators of a conditional request are left out."""
    text = json.dumps(
        [record.kind, record.url, record.feed, record.signature, record.key_fingerprint,
         sorted((url, d.body) for url, d in record.documents.items())],
        ensure_ascii=False,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_file(cache_dir: Path, kind: str, url: str) -> Path:
    digest = hashlib.sha256(f"{kind}\n{url}".encode()).hexdigest()[:16]
    return cache_dir / f"catalog-{kind}-{digest}.json"


def status_file(cache_dir: Path, kind: str, url: str) -> Path:
    return cache_file(cache_dir, kind, url).with_suffix(".status.json")


def read_record(path: Path) -> CacheRecord | None:
    """The record in ``path``; None if there is none or it is damaged (logged)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            raise ValueError(f"format {raw.get('format')!r}")
        documents = {
            str(url): CachedDocument(str(d["body"]), d.get("etag"), d.get("last_modified"))
            for url, d in raw["documents"].items()
        }
        return CacheRecord(
            kind=str(raw["kind"]),
            url=str(raw["url"]),
            documents=documents,
            fetched_at=float(raw["fetched_at"]),
            checked_at=float(raw["checked_at"]),
            signature=raw.get("signature"),
            key_fingerprint=raw.get("key_fingerprint"),
            feed=str(raw.get("feed", "")),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.warning("ignoring the damaged catalog cache %s: %s", path, exc)
        return None


def write_record(path: Path, record: CacheRecord) -> None:
    """Write atomically; raises OSError if the cache directory is not writable."""
    data = {"format": FORMAT, **asdict(record)}
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))


def read_failure(path: Path) -> LastFailure | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return LastFailure(float(raw["at"]), str(raw["kind"]), str(raw["detail"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_failure(path: Path, failure: LastFailure | None) -> None:
    try:
        if failure is None:
            path.unlink(missing_ok=True)
        else:
            atomic_write_text(path, json.dumps(asdict(failure), ensure_ascii=False))
    except OSError as exc:
        log.warning("cannot record the catalog refresh status in %s: %s", path, exc)
