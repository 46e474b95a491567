# SPDX-License-Identifier: EUPL-1.2
"""Hanging up a held connection from another thread: a long poll or an event stream.

A long poll waits for the server's answer inside ``recv``; no timeout ends that wait
early. Code that holds a connection runs its requests inside :meth:`Hangup.holding`;
every socket of the program's sessions (:mod:`workplace.net.http`) that sends or
receives in there is noted, and :meth:`Hangup.now` (from any thread) shuts those
sockets down, so the waiting request fails at once. A connection that was hung up is
not put back into the keep-alive pool (urllib3 drops a connection whose read failed).
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_current: ContextVar[Hangup | None] = ContextVar("workplace_net_hangup", default=None)


class Hangup:
    """The sockets used inside :meth:`holding`, to be shut down by :meth:`now`."""

    def __init__(self) -> None:
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._done = False

    @contextmanager
    def holding(self) -> Iterator[Hangup]:
        """Note the sockets this thread's requests use until the block ends."""
        token = _current.set(self)
        try:
            yield self
        finally:
            _current.reset(token)
            with self._lock:
                self._sockets.clear()

    def note(self, sock: socket.socket) -> None:
        with self._lock:
            if self._done:
                hang_up = True
            else:
                self._sockets.add(sock)
                hang_up = False
        if hang_up:
            _shut(sock)

    @property
    def done(self) -> bool:
        return self._done

    def now(self) -> None:
        """Shut down every noted socket, and any noted later; safe from any thread."""
        with self._lock:
            self._done = True
            sockets, self._sockets = list(self._sockets), set()
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def note(sock: socket.socket) -> None:
    """Called by the program's sockets before each wait: cheap when nothing holds."""
    current = _current.get()
    if current is not None:
        current.note(sock)
