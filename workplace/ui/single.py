# SPDX-License-Identifier: EUPL-1.2
"""Only one launcher per user: a second start hands over its arguments and exits.

Like qutebrowser's ``misc/ipc.py``: the first instance listens on a local socket
(``workplace.ui.localsocket``: a Unix socket, a named pipe on Windows); a later start
connects, sends one JSON line ``{"args": [...], "cwd": ...}``, waits
for the acknowledgement and exits 0. A start for a link (``workplace mailto:…``, what
the desktop runs) adds ``"url": "mailto:…"``; the running instance routes it with the
same rules as any link (``workplace.ui.linkrouting``): the channel adds no trust.

A start that does not get the acknowledgement within its first second tries again
(the running window may be busy, or still starting). Its first message may still be
read once that window is free, so both carry the same ``"start"`` id and the running
instance acts on an id once: a link is followed once, however often it came.

The socket name is scoped per user and per configuration directory (so isolated test
runs never meet), and a socket left behind by a killed instance is detected (nobody
answers) and replaced.

Two starts at the same moment must not both decide they are the first: the check
"does anyone answer?" and the listen that follows run under a lock file next to
the socket (:class:`HandOverLock`), so the second start sees the first one's
socket answering and hands over.

Signals (SingleInstance):
    message_received(dict): a later start handed over its arguments.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLockFile, QObject, Signal, Slot

from workplace.ui.localsocket import AddressInUse, LocalServer, alive, exchange

log = logging.getLogger("workplace.ui.single")

TIMEOUT_MS = 2000
STARTING_TIMEOUT_MS = 15_000
"""For an instance known to listen: it answers once its window is built and its loop runs."""
ACK = b"ok\n"
MAX_MESSAGE = 64 * 1024
MAX_URL = 8192
"""Characters of a link handed over; one longer is cut one past this, and the running
instance refuses it as too long (``workplace.links.parse.MAX_LINK``, the same number)."""
MAX_START_ID = 64
SEEN_STARTS = 64
"""How many starts' ids the running instance remembers (a repeat comes within seconds)."""
LOCK_TIMEOUT_S = 5.0
"""The lock is held for milliseconds; longer means its holder hangs: go on without it."""


def server_name(user_config_dir: Path, runtime_dir: str | None = None) -> str:
    """The socket for this user and configuration directory.

    On Unix a full path in ``$XDG_RUNTIME_DIR`` (private to the user), else in the
    temp directory with the user id in its name; on Windows a pipe name.
    """
    digest = hashlib.sha256(str(user_config_dir).encode("utf-8")).hexdigest()[:16]
    if sys.platform == "win32":
        user = os.environ.get("USERNAME", "user")
        return f"workplace-{user}-{digest}"
    runtime = runtime_dir if runtime_dir is not None else os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime):
        return str(Path(runtime) / f"workplace-{digest}.sock")
    return str(Path(tempfile.gettempdir()) / f"workplace-{os.getuid()}-{digest}.sock")


def new_start_id() -> str:
    """One start's id: every hand-over attempt of that start carries it."""
    return os.urandom(12).hex()


def hand_over(
    name: str, args: Sequence[str], timeout_ms: int = TIMEOUT_MS, url: str | None = None,
    start_id: str | None = None,
) -> bool:
    """Send ``args`` (and the link ``url``) to a running instance; True if it took them
    (then exit 0). The caller keeps ``url`` short (:data:`MAX_URL`). A start that tries
    more than once passes the same ``start_id`` (:func:`new_start_id`) each time."""
    message: dict[str, object] = {"args": list(args), "cwd": os.getcwd()}
    if url is not None:
        message["url"] = url[: MAX_URL + 1]
    if start_id is not None:
        message["start"] = start_id
    payload = json.dumps(message, ensure_ascii=False) + "\n"
    reply = exchange(name, payload.encode("utf-8"), len(ACK), timeout_ms)
    return reply is not None and reply.startswith(ACK)


def _alive(name: str) -> bool:
    return alive(name)


def _in_private_dir(name: str) -> bool:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return bool(runtime) and os.path.dirname(name) == os.path.normpath(str(runtime))


def lock_path(name: str) -> Path:
    """The lock file of the socket ``name``: beside it (Unix), in the temp directory (Windows)."""
    if sys.platform == "win32":
        return Path(tempfile.gettempdir()) / f"{name}.lock"
    return Path(f"{name}.lock")


class HandOverLock:
    """Held while a start checks for a running instance and starts listening.

    On Unix an ``flock`` on a file beside the socket: the kernel drops it when its
    holder ends, so a start killed while holding it never blocks the next one, and
    the file itself is never removed (removing a lock file others wait on is racy).
    On Windows a :class:`QLockFile`, whose stale file (a dead process id) Qt removes.
    If the lock cannot be had in time, the start goes on without it (and says so):
    two windows are better than none.
    """

    def __init__(self, name: str, timeout_s: float = LOCK_TIMEOUT_S) -> None:
        self.path = lock_path(name)
        self.timeout_s = timeout_s
        self._fd: int | None = None
        self._qlock: QLockFile | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None or self._qlock is not None

    def __enter__(self) -> HandOverLock:
        if sys.platform == "win32":
            self._qlock = QLockFile(str(self.path))
            if not self._qlock.tryLock(int(self.timeout_s * 1000)):
                log.warning("single instance: lock %s not taken, going on", self.path)
                self._qlock = None
            return self
        self._fd = self._flock()
        return self

    def _flock(self) -> int | None:
        import fcntl

        try:
            fd = os.open(
                self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600
            )
        except OSError as exc:
            log.warning("single instance: cannot open lock %s, going on: %s", self.path, exc)
            return None
        deadline = time.monotonic() + self.timeout_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    break
                time.sleep(0.005)  # another start is between its check and its listen
            except OSError as exc:
                log.warning("single instance: cannot lock %s, going on: %s", self.path, exc)
                break
        os.close(fd)
        log.warning("single instance: lock %s held too long, going on", self.path)
        return None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file drops the flock
            self._fd = None
        if self._qlock is not None:
            self._qlock.unlock()
            self._qlock = None


class SingleInstance(QObject):
    """The listening side, owned by the first instance."""

    message_received = Signal(dict)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        # Outside $XDG_RUNTIME_DIR the socket is made in a private directory and moved
        # into place, so only this user can connect (there the directory does that).
        self._server = LocalServer(private=_in_private_dir(name), parent=self)
        self._server.received.connect(self._on_server_received)
        self._buffers: dict[int, bytes] = {}
        self._seen: deque[str] = deque(maxlen=SEEN_STARTS)

    def listen(self) -> bool:
        """Start listening; replaces a stale socket. False if another instance answers.

        The check and the listen are one step under :class:`HandOverLock`: without
        it, a start could take the socket another start has just bound (but not yet
        listens on) for a stale one, remove it and listen too; both would stay up.
        """
        with HandOverLock(self.name):
            return self._listen()

    def _listen(self) -> bool:
        if _alive(self.name):
            return False  # the caller hands over instead
        try:
            try:
                self._server.listen(self.name)
            except AddressInUse:
                log.info("removing stale single-instance socket %s", self.name)
                self._server.remove(self.name)
                self._server.listen(self.name)
        except OSError as exc:
            log.warning("single instance: cannot listen on %s: %s", self.name, exc)
            return False
        return True

    def close(self) -> None:
        self._server.close()
        self._buffers.clear()

    @Slot(int, bytes)
    def _on_server_received(self, number: int, chunk: bytes) -> None:
        data = self._buffers.pop(number, b"") + chunk
        if len(data) > MAX_MESSAGE:
            log.warning("single instance: message too long, ignored")
            self._server.drop(number)
            return
        if b"\n" not in data:
            self._buffers[number] = data
            return
        line = data.split(b"\n", 1)[0]
        try:
            message = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            log.warning("single instance: unreadable message ignored")
            self._server.drop(number)
            return
        if not isinstance(message, dict):
            self._server.drop(number)
            return
        self._server.answer(number, ACK)  # a repeat is acknowledged too: that start ends
        start = message.get("start")
        if isinstance(start, str) and 0 < len(start) <= MAX_START_ID:
            if start in self._seen:
                log.info("single instance: a start's message came again; already handled")
                return
            self._seen.append(start)
        self.message_received.emit(message)
