# SPDX-License-Identifier: EUPL-1.2
"""The single instance's channel: a local socket, and no QtNetwork where it can be had.

On Unix the channel is a Unix domain socket from Python's :mod:`socket`, watched by a
:class:`QSocketNotifier` (QtCore): loading QtNetwork for one socket would stand
between the start and the first paint. On Windows it is Qt's named pipe
(``QLocalServer`` / ``QLocalSocket``, imported there only).

:class:`LocalServer` delivers the bytes each connection sends (``received``) and
answers or drops that connection; the message format (one JSON line, an
acknowledgement) is ``workplace.ui.single``'s.

Signals (LocalServer):
    received(int, bytes): a connection's number and what it sent now.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import sys
import tempfile
import time
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal

WINDOWS = sys.platform == "win32"
READ_SIZE = 65536


def exchange(name: str, payload: bytes, reply_size: int, timeout_ms: int) -> bytes | None:
    """Connect to ``name``, send ``payload`` and read up to ``reply_size`` bytes of the
    answer; None when nobody listens (or the payload could not be sent in time)."""
    if WINDOWS:
        return _qt_exchange(name, payload, reply_size, timeout_ms)
    timeout = timeout_ms / 1000
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(timeout)
        try:
            client.connect(name)
            client.sendall(payload)
        except OSError:
            return None
        reply = b""
        deadline = time.monotonic() + timeout
        while len(reply) < reply_size:
            client.settimeout(max(0.001, deadline - time.monotonic()))
            try:
                chunk = client.recv(reply_size - len(reply))
            except OSError:  # the time is up (what arrived still counts)
                break
            if not chunk:
                break
            reply += chunk
        return reply


def alive(name: str) -> bool:
    """Whether something listens on ``name`` (a connection is accepted within 0.5 s)."""
    if WINDOWS:
        from PySide6.QtNetwork import QLocalSocket

        pipe = QLocalSocket()
        pipe.connectToServer(name)
        answered = bool(pipe.waitForConnected(500))
        pipe.abort()
        return answered
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        try:
            probe.connect(name)
        except OSError:
            return False
        return True


def _qt_exchange(name: str, payload: bytes, reply_size: int, timeout_ms: int) -> bytes | None:
    from PySide6.QtNetwork import QLocalSocket

    client = QLocalSocket()
    client.connectToServer(name)
    if not client.waitForConnected(timeout_ms):
        return None
    client.write(payload)
    while client.bytesToWrite() and client.waitForBytesWritten(timeout_ms):
        pass
    if client.bytesToWrite():
        client.abort()
        return None
    reply = b""
    while len(reply) < reply_size:
        if client.bytesAvailable():
            reply += bytes(client.readAll().data())
            continue
        if not client.waitForReadyRead(timeout_ms):
            # The peer may answer and close at once: what arrived still counts.
            reply += bytes(client.readAll().data())
            break
    client.disconnectFromServer()
    return reply


class AddressInUse(OSError):
    """Something (a live or a stale socket) is at the name already."""


class LocalServer(QObject):
    """Listens on one name; see the module docstring for ``received``."""

    received = Signal(int, bytes)

    def __init__(self, private: bool, parent: QObject | None = None) -> None:
        """``private``: the name lies in a directory only this user can enter
        (``$XDG_RUNTIME_DIR``); elsewhere the socket is made in a private directory
        and renamed into place, so only this user can ever connect to it."""
        super().__init__(parent)
        self._private = private
        self._connections: dict[int, Any] = {}
        self._numbers = 0
        self._impl: _UnixListener | _QtListener = (
            _QtListener(self) if WINDOWS else _UnixListener(self)
        )

    def listen(self, name: str) -> None:
        """Raises :class:`AddressInUse`, or OSError saying why not."""
        self._impl.listen(name, self._private)

    def remove(self, name: str) -> None:
        """Remove a stale socket left at ``name`` (the caller knows nobody answers)."""
        self._impl.remove(name)

    def close(self) -> None:
        for number in list(self._connections):
            self.drop(number)
        self._impl.close()

    def answer(self, number: int, data: bytes) -> None:
        """Send ``data`` on connection ``number`` and close it."""
        connection = self._connections.pop(number, None)
        if connection is not None:
            self._impl.answer(connection, data)

    def drop(self, number: int) -> None:
        connection = self._connections.pop(number, None)
        if connection is not None:
            self._impl.drop(connection)

    # -- for the listeners ----------------------------------------------------------

    def _opened(self, connection: Any) -> int:
        self._numbers += 1
        self._connections[self._numbers] = connection
        return self._numbers

    def _closed(self, number: int) -> None:
        self._connections.pop(number, None)


class _UnixListener:
    def __init__(self, server: LocalServer) -> None:
        self._server = server
        self._socket: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._name = ""
        self._inode: int | None = None

    def listen(self, name: str, private: bool) -> None:
        if os.path.lexists(name):
            raise AddressInUse(errno.EADDRINUSE, "address in use", name)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            if private:
                listener.bind(name)
            else:  # as Qt's UserAccessOption: bind where only we can, then move it
                folder = tempfile.mkdtemp(dir=os.path.dirname(name) or None)
                try:
                    inside = os.path.join(folder, "socket")
                    listener.bind(inside)
                    os.chmod(inside, 0o700)
                    os.rename(inside, name)
                finally:
                    with contextlib.suppress(OSError):
                        os.rmdir(folder)
            listener.listen(16)
            listener.setblocking(False)
        except OSError:
            listener.close()
            raise
        self._socket, self._name = listener, name
        self._inode = os.stat(name).st_ino
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._on_notifier_activated)

    def remove(self, name: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)

    def close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._socket is not None:
            self._socket.close()
            self._socket = None
            with contextlib.suppress(OSError):  # only our own socket, not a successor's
                if os.stat(self._name).st_ino == self._inode:
                    os.unlink(self._name)

    def _on_notifier_activated(self) -> None:
        while self._socket is not None:
            try:
                connection, _ = self._socket.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                return
            connection.setblocking(False)
            notifier = QSocketNotifier(connection.fileno(), QSocketNotifier.Type.Read)
            number = self._server._opened((connection, notifier))
            notifier.activated.connect(lambda *_, n=number: self._on_readable(n))
            self._on_readable(number)  # it may have sent everything already

    def _on_readable(self, number: int) -> None:
        entry = self._server._connections.get(number)
        if entry is None:
            return
        connection = entry[0]
        try:
            data = connection.recv(READ_SIZE)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:  # the peer went away
            self._server.drop(number)
            return
        self._server.received.emit(number, data)

    def answer(self, connection: Any, data: bytes) -> None:
        sock, _ = connection
        with contextlib.suppress(OSError):  # a few bytes fit any socket buffer
            sock.send(data)
        self.drop(connection)

    def drop(self, connection: Any) -> None:
        sock, notifier = connection
        notifier.setEnabled(False)
        notifier.deleteLater()
        sock.close()


class _QtListener:
    """Windows: Qt's named pipes (QtNetwork, imported here only)."""

    def __init__(self, server: LocalServer) -> None:
        from PySide6.QtNetwork import QLocalServer

        self._server = server
        self._qt = QLocalServer(server)
        self._qt.newConnection.connect(self._on_new_connection)

    def listen(self, name: str, private: bool) -> None:
        from PySide6.QtNetwork import QAbstractSocket, QLocalServer

        if not private:
            self._qt.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if self._qt.listen(name):
            return
        if self._qt.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            raise AddressInUse(errno.EADDRINUSE, "address in use", name)
        raise OSError(self._qt.errorString())

    def remove(self, name: str) -> None:
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(name)

    def close(self) -> None:
        self._qt.close()

    def _on_new_connection(self) -> None:
        while self._qt.hasPendingConnections():
            connection = self._qt.nextPendingConnection()
            number = self._server._opened(connection)
            connection.readyRead.connect(lambda n=number: self._on_ready_read(n))
            connection.disconnected.connect(
                lambda n=number, c=connection: self._on_disconnected(n, c)
            )
            if connection.bytesAvailable():
                self._on_ready_read(number)

    def _on_ready_read(self, number: int) -> None:
        connection = self._server._connections.get(number)
        if connection is not None:
            self._server.received.emit(number, bytes(connection.readAll().data()))

    def _on_disconnected(self, number: int, connection: Any) -> None:
        self._server._closed(number)
        connection.deleteLater()

    def answer(self, connection: Any, data: bytes) -> None:
        connection.write(data)
        connection.flush()
        connection.disconnectFromServer()

    def drop(self, connection: Any) -> None:
        connection.abort()
