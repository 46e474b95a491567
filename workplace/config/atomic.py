# SPDX-License-Identifier: EUPL-1.2
"""Atomic file writes: a temporary file in the same directory, fsync, then os.replace.

A kill at any moment leaves either the old file or the new one, never half of one.
Links are never followed: a write replaces a symbolic link with a regular file (what
it pointed to stays untouched), and :func:`read_regular_bytes` refuses to read through
one, so nothing the launcher keeps (a backup, a cache) is ever a copy of a link's target.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger("workplace.config")

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO in a file's place must not hang the read


class NotARegularFileError(OSError):
    """The path is a symbolic link, a directory or another kind of non-regular file."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EINVAL, f"is {kind}, not a regular file", str(path))
        self.kind = kind


def file_kind(path: Path) -> str | None:
    """None for a regular file (or none at all); else what is there, e.g. "a symbolic link"."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "a special file"


def read_regular_bytes(path: Path, limit: int | None = None) -> bytes:
    """The content of the regular file ``path``, read without following a link.

    Raises FileNotFoundError, :class:`NotARegularFileError` or another OSError.
    ``limit`` reads at most that many bytes plus one (so the caller sees "too big").
    """
    if not _NOFOLLOW:  # Windows: no O_NOFOLLOW, so look first
        kind = file_kind(path)
        if kind is not None:
            raise NotARegularFileError(path, kind)
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise NotARegularFileError(path, "a symbolic link") from exc
        raise
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFileError(path, file_kind(path) or "a special file")
        return handle.read() if limit is None else handle.read(limit + 1)


def copy_regular_file(src: Path, dst: Path, *, mode: int = 0o600) -> None:
    """Copy ``src`` to ``dst`` atomically; refuses (NotARegularFileError) if ``src`` is a link."""
    atomic_write_bytes(dst, read_regular_bytes(src), mode=mode)


TEMP_SUFFIX = ".tmp"
LEFTOVER_NAME = re.compile(r"\A\..+\.[a-z0-9_]{8}\.tmp\Z")
"""The names :func:`atomic_write_bytes` gives its temporary files (``.name.XXXXXXXX.tmp``)."""
LEFTOVER_AGE_S = 60.0
"""A temporary file older than this belongs to no write in progress: a write of another
launcher process (the command line) takes milliseconds, even on a network home."""


def atomic_write_bytes(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` atomically, creating the parent directory if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        _replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def remove_leftovers(directories: Iterable[Path], *, depth: int = 1) -> int:
    """Delete temporary files that writes killed half-way left in ``directories``.

    Only regular files named like this module's temporary files, older than
    ``LEFTOVER_AGE_S``, in the directories and ``depth`` levels of subdirectories;
    symbolic links (to files or directories) are neither followed nor removed.
    Returns how many were removed; problems are logged at DEBUG, never raised.
    """
    removed = _remove_leftovers(directories, depth)
    if removed:
        log.info("removed %d temporary files left by interrupted writes", removed)
    return removed


def _remove_leftovers(directories: Iterable[Path], depth: int) -> int:
    removed = 0
    cutoff = time.time() - LEFTOVER_AGE_S
    for directory in directories:
        try:
            entries = list(os.scandir(directory))
        except OSError as exc:
            log.debug("cannot look for leftovers in %s: %s", directory, exc)
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if depth > 0:
                        removed += _remove_leftovers([Path(entry.path)], depth - 1)
                    continue
                if not (entry.is_file(follow_symlinks=False) and LEFTOVER_NAME.match(entry.name)):
                    continue
                if entry.stat(follow_symlinks=False).st_mtime > cutoff:
                    continue  # perhaps a write in progress
                os.unlink(entry.path)
                removed += 1
            except OSError as exc:
                log.debug("cannot remove the leftover %s: %s", entry.path, exc)
    return removed


def atomic_write_text(path: Path, text: str, *, mode: int = 0o600) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), mode=mode)


def _replace(src: Path, dst: Path) -> None:
    # A separate function so tests can simulate a crash between write and rename.
    os.replace(src, dst)


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable where the OS allows it (not on Windows)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
