# SPDX-License-Identifier: EUPL-1.2
"""IMAP over TLS with the token (SASL OAUTHBEARER, RFC 7628, or XOAUTH2): the inbox's
unseen count by ``STATUS INBOX (UNSEEN)``, and IDLE (RFC 2177) on a held connection.

Built on IMAPClient (a maintained library over the standard imaplib). Blocking: run
in a worker thread. TLS is the program's trust context (the OS store plus IT's CA);
there is no plain-text IMAP. Bytes on the wire go into the program's byte counter
(the IMAP text, not the TLS framing). imaplib's own debug lines never carry the token
(it logs the size of an AUTHENTICATE answer, not its content); IMAPClient's logger is
kept at INFO all the same.
"""

from __future__ import annotations

import contextlib
import logging
import selectors
import socket
import ssl
import threading
import time
from collections.abc import Callable
from typing import Any

from workplace.integrations.errors import CheckError, CheckErrorKind

log = logging.getLogger("workplace.integrations")
logging.getLogger("imapclient").setLevel(logging.INFO)

_CHANGES = ("EXISTS", "EXPUNGE", "RECENT", "FETCH")
"""Untagged responses that say the selected mailbox changed."""

REIDLE_SECONDS = 25 * 60.0
"""RFC 2177: re-issue IDLE at least every 29 minutes, or a server may drop us."""
TIMEOUT = 20.0

Counter = Callable[[int, int], None]


def _client_class() -> Any:
    from imapclient import IMAPClient
    from imapclient.tls import IMAP4_TLS

    class CountedTLS(IMAP4_TLS):  # type: ignore[misc]
        """imaplib's reads and writes, counted (``counter(sent, received)``)."""

        counter: Counter | None = None

        def send(self, data: bytes) -> None:
            super().send(data)
            if self.counter:
                self.counter(len(data), 0)

        def read(self, size: int) -> bytes:
            data: bytes = super().read(size)
            if self.counter:
                self.counter(0, len(data))
            return data

        def readline(self) -> bytes:
            data: bytes = super().readline()
            if self.counter:
                self.counter(0, len(data))
            return data

    class Client(IMAPClient):  # type: ignore[misc]
        counter: Counter | None = None

        def _create_IMAP4(self) -> Any:
            CountedTLS.counter = self.counter
            return CountedTLS(self.host, self.port, self.ssl_context,
                              getattr(self._timeout, "connect", None))

    return Client


class Mailbox:
    """One IMAP connection, signed in with a token."""

    def __init__(self, host: str, port: int, context: ssl.SSLContext, *,
                 counter: Counter | None = None, timeout: float = TIMEOUT) -> None:
        cls = _client_class()
        cls.counter = counter
        try:
            self._client = cls(host, port=port, ssl=True, ssl_context=context,
                               timeout=timeout)
        except ssl.SSLError as exc:
            raise CheckError(CheckErrorKind.FAILED, f"TLS: {exc.reason or 'failed'}") from None
        except OSError as exc:
            raise CheckError(CheckErrorKind.FAILED,
                             f"the IMAP server cannot be reached ({type(exc).__name__})") from None
        self._idle_tag = b""
        self._interrupted = threading.Event()
        self._released = False
        self._lock = threading.Lock()
        """Between :meth:`interrupt` (any thread) and :meth:`close` (the user's thread):
        no file descriptor is shut down while another thread releases it."""
        # A wait for the server also wakes when another thread writes to this pair: a
        # closed or shut-down IMAP socket alone does not always wake it (closing a
        # descriptor removes it from an epoll set without an event).
        self._wake, self._waker = socket.socketpair()

    def sign_in(self, user: str, token: str, mechanism: str) -> None:
        """SASL with the token; REFUSED when the server says no."""
        from imapclient.exceptions import IMAPClientError, LoginError

        try:
            if mechanism == "xoauth2":
                self._client.oauth2_login(user, token)
            else:
                self._client.oauthbearer_login(user, token)
        except LoginError:
            raise CheckError(CheckErrorKind.REFUSED,
                             "the IMAP server refused the token") from None
        except (IMAPClientError, OSError) as exc:
            raise CheckError(CheckErrorKind.FAILED, f"IMAP: {type(exc).__name__}") from None

    def unseen(self) -> int:
        """``STATUS INBOX (UNSEEN)``."""
        from imapclient.exceptions import IMAPClientError

        try:
            status = self._client.folder_status("INBOX", [b"UNSEEN"])
        except (IMAPClientError, OSError) as exc:
            raise CheckError(CheckErrorKind.FAILED, f"IMAP: {type(exc).__name__}") from None
        value = status.get(b"UNSEEN")
        if not isinstance(value, int):
            raise CheckError(CheckErrorKind.FAILED, "STATUS gave no UNSEEN count")
        return value

    @property
    def can_idle(self) -> bool:
        return bool(self._client.has_capability("IDLE"))

    def watch(self, on_count: Callable[[int], None], stop: threading.Event, *,
              reidle: float = REIDLE_SECONDS) -> None:
        """Select the inbox, report its unseen count, and IDLE; after each change,
        STATUS again and call ``on_count``. The first count is taken after SELECT, so a
        mail arriving in between is reported by the server when IDLE starts. Returns
        when ``stop`` is set (see :meth:`close`) or raises CheckError(FAILED) when the
        connection drops."""
        from imapclient.exceptions import IMAPClientError

        try:
            self._client.select_folder("INBOX", readonly=True)
            self._report(on_count)
            while not stop.is_set():
                changed = self._idle_start()
                deadline = time.monotonic() + reidle
                while not changed and not stop.is_set() and not self._interrupted.is_set():
                    left = deadline - time.monotonic()
                    if left <= 0:
                        break
                    changed = self._idle_wait(min(60.0, left))
                if stop.is_set() or self._interrupted.is_set():
                    return
                changed = self._idle_done() or changed
                if changed:
                    self._report(on_count)
        except (IMAPClientError, OSError, ValueError) as exc:  # ValueError: closed file
            if stop.is_set() or self._interrupted.is_set():
                return
            raise CheckError(CheckErrorKind.FAILED,
                             f"the IMAP connection dropped ({type(exc).__name__})") from None

    # IDLE (RFC 2177) on imaplib's own reading, not IMAPClient's idle_check(): that one
    # waits on the socket, but the server may send its "+ idling" and the changes it
    # found on starting IDLE in one TLS record (Dovecot does), and reading the first
    # line pulls the rest into imaplib's buffer; the socket then stays quiet and the
    # new mail waited for the next keepalive, up to minutes. Lines are read whole, in
    # blocking mode (a non-blocking read loses the start of a line split across
    # records, mjs/imapclient#519).

    def _idle_start(self) -> bool:
        """Send IDLE and read up to the server's "+"; True when a change came first."""
        from imapclient.exceptions import IMAPClientError

        imap = self._client._imap
        self._idle_tag = imap._command("IDLE")
        changed = False
        while (line := imap._get_response()) is not None:  # None: the "+" continuation
            if imap.tagged_commands.get(self._idle_tag):
                typ, _ = imap.tagged_commands.pop(self._idle_tag)
                raise IMAPClientError(f"IDLE refused ({typ})")
            changed = _announces_change(line) or changed
        return changed

    def _idle_wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` for lines from the server while idling, read all that
        have come, and say whether one announced a change."""
        if not self._readable(timeout):
            return False
        changed = False
        while True:
            changed = _announces_change(self._client._imap._get_line()) or changed
            if not self._readable(0):
                return changed

    def _idle_done(self) -> bool:
        """DONE, and read up to IDLE's tagged answer; True when a change came first."""
        from imapclient.exceptions import IMAPClientError

        imap = self._client._imap
        imap.send(b"DONE\r\n")
        changed = False
        while not imap.tagged_commands.get(self._idle_tag):
            changed = _announces_change(imap._get_response()) or changed
        typ, _ = imap.tagged_commands.pop(self._idle_tag)
        if typ != "OK":
            raise IMAPClientError(f"IDLE ended with {typ}")
        for key in _CHANGES:  # imaplib keeps the untagged lines; they are counted here
            imap.untagged_responses.pop(key, None)
        return changed

    def _readable(self, timeout: float) -> bool:
        """Whether a line can be read now, or within ``timeout`` seconds. The end of
        the connection counts as readable: reading it then raises."""
        if self._pending():
            return True
        if timeout <= 0:
            return False
        with selectors.DefaultSelector() as selector:
            selector.register(self._client.socket(), selectors.EVENT_READ)
            selector.register(self._wake, selectors.EVENT_READ)
            if not selector.select(timeout) or self._interrupted.is_set():
                return False
        # The socket may have woken for TLS's own records (a session ticket, a key
        # update) with no text behind them: a blocking read would then hang.
        return self._pending()

    def _pending(self) -> bool:
        """Whether text (or the end) is in imaplib's buffer, TLS's, or on the socket,
        found without blocking: ``peek`` hands out what is buffered without consuming
        it, or does one raw read that it keeps buffered."""
        sock = self._client.socket()
        blocking = sock.gettimeout()
        sock.setblocking(False)
        try:
            self._client._imap.file.peek(1)
            return True
        except (ssl.SSLWantReadError, BlockingIOError):
            return False
        finally:
            sock.settimeout(blocking)

    def _report(self, on_count: Callable[[int], None]) -> None:
        """STATUS and report; again while the server announced changes meanwhile (an
        EXISTS that arrives with the STATUS answer is not repeated when IDLE starts)."""
        untagged = self._client._imap.untagged_responses
        for _ in range(5):
            for key in _CHANGES:
                untagged.pop(key, None)
            on_count(self.unseen())
            if not any(key in untagged for key in _CHANGES):
                return

    def logout(self) -> None:
        """LOGOUT, then :meth:`close`; a server already gone is fine."""
        if not self._interrupted.is_set():
            with contextlib.suppress(Exception):
                self._client.logout()
        self.close()

    def interrupt(self) -> None:
        """End a :meth:`watch` at once; safe from any thread. The watch wakes and its
        connection reads its end; the thread that used the mailbox then closes it."""
        with self._lock:
            if self._interrupted.is_set() or self._released:
                return
            self._interrupted.set()
            with contextlib.suppress(OSError):
                self._waker.send(b"\0")
            with contextlib.suppress(Exception):
                self._client.socket().shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        """Drop the connection: on the thread that used the mailbox (other threads:
        :meth:`interrupt`)."""
        self.interrupt()
        with self._lock:
            if self._released:
                return
            self._released = True
            with contextlib.suppress(Exception):
                self._client.shutdown()
            self._wake.close()
            self._waker.close()


def _announces_change(line: bytes | None) -> bool:
    """Whether an untagged line is ``* <n> EXISTS|EXPUNGE|RECENT|FETCH ...``."""
    parts = (line or b"").split(None, 3)
    return len(parts) >= 3 and parts[0] == b"*" and parts[1].isdigit() \
        and parts[2].upper().decode("ascii", "replace") in _CHANGES
