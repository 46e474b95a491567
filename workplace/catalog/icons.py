# SPDX-License-Identifier: EUPL-1.2
"""Remote service icons (a service's ``icon`` given as a URL), downloaded once and kept.

:meth:`IconCache.cached` is disk only and cheap (the window calls it while painting);
:meth:`IconCache.fetch` is blocking network I/O and runs as a job after the first
paint. Downloads go through the project's session factory and the capped fetch helper
(:func:`workplace.net.fetch.fetch`: same-origin redirects, size limit enforced
while streaming). Only SVG, PNG, JPEG and WebP are kept, checked by content type *and*
by the first bytes, and stored atomically as ``<cache_dir>/icons/<sha256(url)>.<ext>``.
A failure never raises: the tile keeps its generic icon and the log says why (the URL
without its query, which may carry a token).

Fetch once and keep: an icon on disk is not asked for again (no revalidation yet).
"""

from __future__ import annotations

import contextlib
import logging
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workplace.config.atomic import atomic_write_bytes
from workplace.config.paths import Paths
from workplace.config.urls import UnsafeUrlError, check_url

if TYPE_CHECKING:
    from workplace.net.http import HttpSession

log = logging.getLogger("workplace.catalog")

MAX_ICON_BYTES = 256 * 1024
DEFAULT_BUDGET_S = 20.0
EXTENSIONS = ("svg", "png", "jpg", "webp")
CONTENT_TYPES = {
    "image/svg+xml": "svg",
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/webp": "webp",
}
ACCEPT = "image/svg+xml, image/png, image/webp, image/jpeg;q=0.9"
_SVG_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                        rb"(?:<!DOCTYPE[^>]*>\s*)?(?:<!--.*?-->\s*)*<svg[\s>]", re.S | re.I)

SessionFactory = Callable[[], "HttpSession"]


def sniff(body: bytes) -> str | None:
    """The image format of ``body`` by its first bytes: an extension, or None."""
    if body.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if body.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if len(body) >= 12 and body[:4] == b"RIFF" and body[8:12] == b"WEBP":
        return "webp"
    if _SVG_START.match(body[:4096]):
        return "svg"
    return None


def declared_type(content_type: str) -> str | None:
    """The extension for a Content-Type header (parameters ignored), or None."""
    return CONTENT_TYPES.get(content_type.split(";", 1)[0].strip().lower())


def _shown(url: str) -> str:
    return url.split("?", 1)[0].split("#", 1)[0]


class IconCache:
    """Downloaded icons under ``paths.cache_dir/icons``; see the module docstring."""

    def __init__(
        self,
        paths: Paths,
        session_factory: SessionFactory,
        *,
        max_bytes: int = MAX_ICON_BYTES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.directory = paths.cache_dir / "icons"
        self._session_factory = session_factory
        self._max_bytes = max_bytes
        self._clock = clock

    @staticmethod
    def key(url: str) -> str:
        import hashlib  # OpenSSL's, only for a service with an icon from the web

        return hashlib.sha256(url.encode("utf-8")).hexdigest()

    def cached(self, url: str) -> Path | None:
        """The stored copy of ``url``, or None (disk only; never raises)."""
        stem = self.key(url)
        for ext in EXTENSIONS:
            path = self.directory / f"{stem}.{ext}"
            try:
                if path.is_file():
                    return path
            except OSError:
                return None
        return None

    def fetch(self, urls: Iterable[str], *, budget_s: float = DEFAULT_BUDGET_S) -> dict[str, Path]:
        """Download the icons not yet on disk within ``budget_s`` seconds (blocking).

        Returns every URL of ``urls`` that has a stored copy afterwards (kept or new).
        """
        result: dict[str, Path] = {}
        missing: list[str] = []
        for url in dict.fromkeys(urls):
            path = self.cached(url)
            if path is not None:
                result[url] = path
            else:
                missing.append(url)
        if not missing:
            return result
        deadline = self._clock() + budget_s
        session: Any = None
        try:
            for url in missing:
                remaining = deadline - self._clock()
                if remaining <= 0:
                    log.info("icon downloads stopped: time budget of %.0f s used up", budget_s)
                    break
                if session is None:
                    try:
                        session = self._session_factory()
                    except Exception as exc:  # a fetch never raises
                        log.info("icon downloads skipped: no session (%s)", type(exc).__name__)
                        break
                path = self._fetch_one(session, url, remaining)
                if path is not None:
                    result[url] = path
        finally:
            if session is not None:
                with contextlib.suppress(Exception):
                    session.close()
        return result

    def _fetch_one(self, session: Any, url: str, remaining: float) -> Path | None:
        from workplace.net.errors import NetworkError
        from workplace.net.fetch import fetch

        try:
            checked = check_url(url)
        except UnsafeUrlError as exc:
            log.info("icon refused: %s", exc)
            return None
        try:
            answer = fetch(
                session, checked, max_bytes=self._max_bytes, accept=ACCEPT,
                clock=self._clock, deadline_seconds=remaining,
            )
        except NetworkError as exc:
            log.info("icon not downloaded: %s", exc.message)
            return None
        except Exception as exc:  # a fetch never raises
            log.info("icon not downloaded: %s (%s)", type(exc).__name__, _shown(checked))
            return None
        declared = declared_type(answer.content_type)
        sniffed = sniff(answer.body)
        if declared is None or sniffed != declared:
            log.info(
                "icon refused: content type %r, content looks like %s (%s)",
                answer.content_type.split(";", 1)[0][:60], sniffed or "no image", answer.url,
            )
            return None
        path = self.directory / f"{self.key(url)}.{sniffed}"
        try:
            atomic_write_bytes(path, answer.body, mode=0o644)
        except OSError as exc:
            log.info("icon not stored: %s", exc.strerror or type(exc).__name__)
            return None
        log.info("icon stored (%d bytes, %s): %s", len(answer.body), sniffed, answer.url)
        return path
