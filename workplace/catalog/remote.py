# SPDX-License-Identifier: EUPL-1.2
"""The central catalog: the cached copy for the first paint, and a blocking refresh.

``RemoteCatalog(paths, http_session_factory, settings)``:

- :meth:`~RemoteCatalog.cached` reads the last-known-good copy from disk (no network);
- :meth:`~RemoteCatalog.refresh` fetches, checks and caches a new copy (run it on a
  worker thread). It never raises: a :class:`RefreshResult` says what happened, and on
  any failure the last-known-good copy stays in effect.

The HTTP and JOSE libraries are imported by :meth:`refresh` only, so the first paint
does not pay for them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from workplace.catalog.cache import (
    MAX_MANIFEST_BYTES,
    CachedDocument,
    CacheRecord,
    LastFailure,
    cache_file,
    content_digest,
    fingerprint,
    read_failure,
    read_record,
    status_file,
    write_failure,
    write_record,
)
from workplace.catalog.snapshot import (
    CatalogSnapshot,
    CatalogSource,
    SourceKind,
    UntrustedCache,
    snapshot_from_record,
)
from workplace.config.paths import Paths
from workplace.config.settings import ConfigProblem, Settings
from workplace.net.errors import NetworkError, NetworkErrorKind

if TYPE_CHECKING:

    from workplace.catalog.signature import PinnedKeys
    from workplace.net.fetch import Fetched
    from workplace.net.http import HttpSession

log = logging.getLogger("workplace.catalog")

SessionFactory = Callable[[], "HttpSession"]
REFRESH_DEADLINE = 60.0
"""Seconds the documents of one refresh (and the signature) may take to download, all
together: connecting, redirects and every read, however slowly a server sends."""


class RefreshKind(StrEnum):
    """What a refresh did, beyond the download failing (that is a
    :class:`~workplace.net.errors.NetworkErrorKind`); the GUI translates both, ``detail``
    is English for logs."""

    UPDATED = "updated"
    NOT_MODIFIED = "not_modified"
    NOT_CONFIGURED = "not_configured"
    KEY_INVALID = "key_invalid"
    SIGNATURE_MISSING = "signature_missing"
    SIGNATURE_INVALID = "signature_invalid"
    ROLLBACK = "rollback"
    INVALID = "invalid"


Outcome = RefreshKind | NetworkErrorKind
"""A refresh's kind: the catalog's own outcome, or why the download failed."""

OK_KINDS = frozenset({RefreshKind.UPDATED, RefreshKind.NOT_MODIFIED, RefreshKind.NOT_CONFIGURED})


@dataclass(frozen=True)
class RefreshResult:
    """The outcome of :meth:`RemoteCatalog.refresh`.

    ``snapshot`` is the copy in effect afterwards: the new one, or the last-known-good
    one (None if there is none). ``problems`` name the source URL and field.
    """

    kind: Outcome
    detail: str
    source: CatalogSource | None
    snapshot: CatalogSnapshot | None
    problems: tuple[ConfigProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.kind in OK_KINDS

    @property
    def changed(self) -> bool:
        return self.kind is RefreshKind.UPDATED


class _Refused(Exception):
    def __init__(
        self, kind: Outcome, detail: str, problems: tuple[ConfigProblem, ...] = ()
    ) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.problems = problems


class RemoteCatalog:
    """The central catalog named by ``settings.tenant.catalog``, cached in ``paths.cache_dir``.

    Thread use: :meth:`refresh` runs on one worker at a time; :meth:`cached` is
    cheap and safe from any thread (it only reads files written atomically).
    """

    def __init__(
        self,
        paths: Paths,
        http_session_factory: SessionFactory,
        settings: Settings,
        *,
        clock: Callable[[], float] = time.time,
        deadline_seconds: float = REFRESH_DEADLINE,
    ) -> None:
        self._paths = paths
        self._session_factory = http_session_factory
        self._clock = clock
        self._deadline = deadline_seconds
        self.source = CatalogSource.from_settings(settings)
        self._checked: tuple[str, CatalogSnapshot] | None = None
        """The digest of the last record validated, and its copy (see :meth:`_snapshot`)."""

    # -- disk -------------------------------------------------------------------

    def _record(self) -> CacheRecord | None:
        if self.source is None:
            return None
        return read_record(cache_file(self._paths.cache_dir, self.source.kind, self.source.url))

    def _snapshot(self, record: CacheRecord, source: CatalogSource) -> CatalogSnapshot:
        """``record`` validated for ``source`` (:func:`snapshot_from_record`, raising
        UntrustedCache), unless a record with the same content was validated already:
        then that copy, with this record's dates. The check is as strict as ever; only
        its result is kept (in memory) for content that passed it, so a refresh that
        finds the server's catalog unchanged needs no schema."""
        digest = content_digest(record)
        checked = self._checked
        if checked is not None and checked[0] == digest and checked[1].source == source:
            return dataclasses.replace(
                checked[1], fetched_at=record.fetched_at, checked_at=record.checked_at)
        snapshot = snapshot_from_record(record, source)
        self._checked = (digest, snapshot)
        return snapshot

    def vouch(self, digest: str, snapshot: CatalogSnapshot) -> None:
        """``snapshot`` is what a record with ``digest`` validated to (a trusted load in a
        child process checked it: :mod:`workplace.config.trustcheck`)."""
        if snapshot.source == self.source:
            self._checked = (digest, snapshot)

    def checked(self) -> tuple[str, CatalogSnapshot] | None:
        """The digest of the last record validated here, and its copy."""
        return self._checked

    def cached(self) -> CatalogSnapshot | None:
        """The last-known-good copy, validated again; None if there is none (disk only)."""
        record = self._record()
        if record is None or self.source is None:
            return None
        try:
            return self._snapshot(record, self.source)
        except UntrustedCache as exc:
            log.warning("not using the cached catalog: %s", exc)
            return None

    def rejected(self) -> str | None:
        """Why the copy on disk is not used (English, for the CLI and doctor); None when
        there is no copy or it is good (disk only)."""
        if self.source is None:
            return None
        path = cache_file(self._paths.cache_dir, self.source.kind, self.source.url)
        if not path.exists():
            return None
        record = read_record(path)
        if record is None:
            return f"the file {path} cannot be read"
        try:
            snapshot_from_record(record, self.source)
        except UntrustedCache as exc:
            return str(exc)
        return None

    def last_failure(self) -> LastFailure | None:
        """The last refresh that failed since the last success (for doctor and the CLI)."""
        if self.source is None:
            return None
        return read_failure(status_file(self._paths.cache_dir, self.source.kind, self.source.url))

    # -- network ----------------------------------------------------------------

    def refresh(self) -> RefreshResult:
        """Fetch, verify and cache the remote catalog (blocking). Never raises."""
        source = self.source
        if source is None:
            return RefreshResult(
                RefreshKind.NOT_CONFIGURED, "no central catalog is configured", None, None
            )
        record = self._record()
        good: CatalogSnapshot | None = None
        if record is not None:
            try:
                good = self._snapshot(record, source)
            except UntrustedCache as exc:
                log.warning("the cached catalog is not usable: %s", exc)
                record = None
        try:
            result = self._refresh(source, record, good)
        except _Refused as exc:
            result = RefreshResult(exc.kind, exc.detail, source, good, exc.problems)
        except Exception as exc:  # a refresh must never take the launcher down
            log.exception("catalog refresh failed unexpectedly")
            result = RefreshResult(RefreshKind.INVALID, f"internal error: {exc}", source, good)
        status = status_file(self._paths.cache_dir, source.kind, source.url)
        if result.ok:
            write_failure(status, None)
            log.info("catalog %s: %s", result.kind.value, result.detail)
        else:
            write_failure(status, LastFailure(self._clock(), result.kind.value, result.detail))
            log.warning("catalog refresh failed (%s): %s", result.kind.value, result.detail)
        return result

    def _refresh(
        self, source: CatalogSource, record: CacheRecord | None, good: CatalogSnapshot | None
    ) -> RefreshResult:
        from workplace.net.deadline import time_limit

        keys = self._pinned_keys(source)
        session = self._session_factory()
        # One limit for the whole refresh; each fetch also keeps within it.
        with time_limit(self._deadline), contextlib.closing(session):
            fetched: dict[str, Fetched] = {}
            for name, url in source.document_urls().items():
                old = record.documents.get(url) if record is not None else None
                try:
                    fetched[url] = self._fetch(session, source, url, old)
                except NetworkError as exc:
                    raise _Refused(exc.kind, exc.message) from None
                log.debug("catalog document %s: HTTP %d", name, fetched[url].status)
            if record is not None and all(f.not_modified for f in fetched.values()):
                self._save(record.with_checked(self._clock(), _documents(record, fetched)))
                assert good is not None
                now_good = _rechecked(good, self._clock())
                return RefreshResult(
                    RefreshKind.NOT_MODIFIED, "the catalog is unchanged (304)", source, now_good,
                    now_good.problems,
                )
            documents = _documents(record, fetched)
            signature = None
            if keys is not None:
                signature = self._verify(session, source, documents[source.url].body, keys)
        now = self._clock()
        candidate = CacheRecord(
            kind=source.kind.value,
            url=source.url,
            documents=documents,
            fetched_at=now,
            checked_at=now,
            signature=signature,
            key_fingerprint=fingerprint(source.public_key) if keys is not None else None,
            feed=source.feed if source.kind is SourceKind.UNIVENTION else "",
        )
        snapshot = self._validate(source, candidate)
        _check_release(good, snapshot)
        if record is not None and _same_content(record, candidate):
            candidate = dataclasses.replace(candidate, fetched_at=record.fetched_at)
            snapshot = _rechecked(snapshot, now, fetched_at=record.fetched_at)
            kind, detail = RefreshKind.NOT_MODIFIED, "the catalog is unchanged"
        else:
            kind = RefreshKind.UPDATED
            detail = f"{len(snapshot.services)} services, version {snapshot.version}"
        problems = list(snapshot.problems)
        try:
            self._save(candidate)
        except OSError as exc:
            problems.append(
                ConfigProblem(
                    str(self._paths.cache_dir), None, "",
                    f"cannot cache the catalog for offline starts: {exc}", "warning",
                )
            )
        return RefreshResult(kind, detail, source, snapshot, tuple(problems))

    def _pinned_keys(self, source: CatalogSource) -> PinnedKeys | None:
        if not source.signed:
            return None
        from workplace.catalog.signature import KeyConfigError, PinnedKeys

        try:
            return PinnedKeys.parse(source.public_key)
        except KeyConfigError as exc:
            raise _Refused(
                RefreshKind.KEY_INVALID,
                f"catalog.manifest_public_key in the local configuration is unusable: {exc}",
            ) from None

    def _fetch(
        self,
        session: HttpSession,
        source: CatalogSource,
        url: str,
        old: CachedDocument | None,
    ) -> Fetched:
        from workplace.catalog.univention import looks_like_login
        from workplace.net.fetch import fetch

        try:
            answer = fetch(
                session,
                url,
                etag=old.etag if old else None,
                last_modified=old.last_modified if old else None,
                max_bytes=MAX_MANIFEST_BYTES,
                deadline_seconds=self._deadline,
            )
        except NetworkError as exc:
            if (
                source.kind is SourceKind.UNIVENTION
                and exc.kind is NetworkErrorKind.REDIRECT_REFUSED
                and looks_like_login(exc.target, "")
            ):
                raise NetworkError(
                    NetworkErrorKind.AUTH_REQUIRED,
                    "the portal sends the launcher to its sign-in page; only a browser session "
                    "can see this portal (the launcher never holds the portal's shared secret)",
                    url=exc.url,
                ) from None
            raise
        if (
            source.kind is SourceKind.UNIVENTION
            and not answer.not_modified
            and looks_like_login(answer.url, answer.content_type)
        ):
            raise NetworkError(
                NetworkErrorKind.AUTH_REQUIRED,
                "the portal answered with its sign-in page; only a browser session can "
                "see this portal (the launcher never holds the portal's shared secret)",
                url=answer.url,
            )
        return answer

    def _verify(
        self, session: HttpSession, source: CatalogSource, body: str, keys: PinnedKeys
    ) -> str:
        from workplace.catalog.signature import (
            MAX_SIGNATURE_BYTES,
            SIGNATURE_SUFFIX,
            SignatureError,
            verify_detached,
        )
        from workplace.net.fetch import fetch

        try:
            answer = fetch(
                session,
                source.url + SIGNATURE_SUFFIX,
                max_bytes=MAX_SIGNATURE_BYTES,
                accept="application/jose",
                deadline_seconds=self._deadline,
            )
        except NetworkError as exc:
            if exc.kind is NetworkErrorKind.NOT_FOUND:
                raise _Refused(
                    RefreshKind.SIGNATURE_MISSING,
                    f"a signed manifest is required but there is no signature ({exc.url})",
                ) from None
            raise _Refused(exc.kind, f"signature: {exc.message}") from None
        try:
            verify_detached(body.encode("utf-8"), answer.body, keys)
        except SignatureError as exc:
            raise _Refused(RefreshKind.SIGNATURE_INVALID, str(exc)) from None
        return answer.body.decode("ascii").strip()

    def _validate(self, source: CatalogSource, candidate: CacheRecord) -> CatalogSnapshot:
        try:
            return self._snapshot(candidate, source)
        except UntrustedCache:
            pass
        problems = _problems(source, candidate)
        errors = [p for p in problems if p.is_error]
        first = str(errors[0]) if errors else "the catalog is invalid"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise _Refused(RefreshKind.INVALID, first + more, tuple(problems))

    def _save(self, record: CacheRecord) -> None:
        assert self.source is not None
        write_record(cache_file(self._paths.cache_dir, self.source.kind, self.source.url), record)


def _check_release(good: CatalogSnapshot | None, new: CatalogSnapshot) -> None:
    """Anti-rollback, between verified signed manifests only.

    The floor is the ``(epoch, version)`` inside the cached copy's signed bytes, verified
    again when it was loaded (:func:`snapshot_from_record`): an edited copy does not
    verify and sets no floor. An unsigned copy sets none either: it is a file the user
    can write, and without a signature a lower version proves nothing about an
    attacker (TLS already vouches for the server). IT moves past a version published too
    high by raising the signed ``epoch``; an older signed manifest replayed is refused.
    """
    if good is None or new.release >= good.release:
        return
    if not (good.signed and new.signed):
        log.info(
            "the unsigned catalog went back from version %d (epoch %d) to %d (epoch %d); "
            "accepted: only a signed catalog holds a client to its version",
            good.version, good.epoch, new.version, new.epoch,
        )
        return
    raise _Refused(
        RefreshKind.ROLLBACK,
        f"the manifest has version {new.version} (epoch {new.epoch}), older than the "
        f"verified copy's version {good.version} (epoch {good.epoch}); keeping the "
        "verified copy (IT moves past a version published too high by raising the epoch)",
    )


def _documents(
    record: CacheRecord | None, fetched: dict[str, Fetched]
) -> dict[str, CachedDocument]:
    out: dict[str, CachedDocument] = {}
    for url, answer in fetched.items():
        old = record.documents.get(url) if record is not None else None
        if answer.not_modified and old is not None:
            out[url] = CachedDocument(
                old.body, answer.etag or old.etag, answer.last_modified or old.last_modified
            )
            continue
        try:
            body = answer.body.decode("utf-8")  # BOM kept: the signature covers exact bytes
        except UnicodeDecodeError:
            raise _Refused(
                RefreshKind.INVALID, f"{answer.url}: the document is not UTF-8 text"
            ) from None
        out[url] = CachedDocument(body, answer.etag, answer.last_modified)
    return out


def _problems(source: CatalogSource, record: CacheRecord) -> list[ConfigProblem]:
    """Every problem of a rejected candidate, each naming its URL and field."""
    from workplace.catalog.manifest import parse_manifest

    urls = source.document_urls()
    if source.kind is SourceKind.MANIFEST:
        return parse_manifest(record.documents[source.url].body, source.url)[1]
    problems: list[ConfigProblem] = []
    for name, url in urls.items():
        try:
            json.loads(record.documents[url].body)
        except ValueError as exc:
            shown_url = url.split("?", 1)[0]
            problems.append(ConfigProblem(shown_url, None, "", f"{name}: not JSON: {exc}"))
    return problems or [ConfigProblem(source.url, None, "", "the portal feed cannot be used")]


def _same_content(old: CacheRecord, new: CacheRecord) -> bool:
    return {u: d.body for u, d in old.documents.items()} == {
        u: d.body for u, d in new.documents.items()
    }


def _rechecked(
    snapshot: CatalogSnapshot, when: float, *, fetched_at: float | None = None
) -> CatalogSnapshot:
    return dataclasses.replace(
        snapshot, checked_at=when,
        fetched_at=snapshot.fetched_at if fetched_at is None else fetched_at,
    )
