# SPDX-License-Identifier: EUPL-1.2
"""The loopback listener of RFC 8252: one attempt, 127.0.0.1, an ephemeral port.

It answers exactly one request on its path, shows a friendly page, and closes.
Every other request gets a 404 without redirect. Each connection is served on its own
thread with a read timeout, so an idle connection (a browser's speculative pre-connect,
or any local program) cannot hold up the real callback.

The port closes right after the first answer (on the serving thread, before the sign-in
goes on to the token exchange), and :meth:`LoopbackListener.close` wakes the serving
thread through a socket pair instead of waiting for a poll interval, so closing costs
no time on the way from the callback to "signed in".
"""

from __future__ import annotations

import contextlib
import html
import logging
import os
import queue
import selectors
import socket
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from workplace.auth.errors import AuthError, AuthErrorKind

log = logging.getLogger("workplace.auth")

PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{title_de} · {title_en}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:36em;margin:4em auto;color:#1b1f24}}
h1{{font-size:1.4em}}p.en{{color:#555}}</style></head>
<body><h1>{title_de}</h1><p>{text_de}</p><h1 lang="en">{title_en}</h1>
<p class="en" lang="en">{text_en}</p></body></html>
"""

PAGES = {
    "signed_in": ("Angemeldet", "Sie können dieses Fenster jetzt schließen und zum Arbeitsplatz "
                  "zurückkehren.", "Signed in", "You can close this tab and return to the "
                  "launcher."),
    "failed": ("Anmeldung fehlgeschlagen", "Der Arbeitsplatz zeigt, was passiert ist. Sie "
               "können dieses Fenster schließen.", "Sign-in failed", "The launcher shows what "
               "happened. You can close this tab."),
    "signed_out": ("Abgemeldet", "Sie sind abgemeldet. Sie können dieses Fenster schließen.",
                   "Signed out", "You are signed out. You can close this tab."),
}


def page(name: str) -> bytes:
    title_de, text_de, title_en, text_en = (html.escape(s) for s in PAGES[name])
    return PAGE.format(title_de=title_de, text_de=text_de, title_en=title_en,
                       text_en=text_en).encode("utf-8")


CONNECTION_TIMEOUT = 10.0
"""Seconds a connection may stay silent before its thread gives up on it."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = False  # on Windows, SO_REUSEADDR would let others bind the port


def socket_owner(client_port: int, server_port: int,
                 tables: tuple[str, ...] = ("/proc/net/tcp", "/proc/net/tcp6")) -> int | None:
    """Linux: the uid owning the loopback client socket ``client_port`` connected to
    ``server_port``, from the kernel's socket tables; None if it cannot be told."""
    wanted = (f"{client_port:04X}", f"{server_port:04X}")
    for table in tables:
        try:
            with open(table, encoding="ascii") as rows:
                next(rows, None)  # the header
                for row in rows:
                    fields = row.split()
                    if len(fields) > 7 and (fields[1].rsplit(":", 1)[-1],
                                            fields[2].rsplit(":", 1)[-1]) == wanted:
                        return int(fields[7])
        except (OSError, ValueError):
            continue
    return None


def from_another_user(handler: BaseHTTPRequestHandler, server_port: int) -> bool:
    """Whether the request comes from another local user's program (Linux; elsewhere,
    and when it cannot be told, False). On a terminal server every user can read the
    command lines of the others, so an address handed to the browser is not a secret."""
    if not sys.platform.startswith("linux"):
        return False
    owner = socket_owner(int(handler.client_address[1]), server_port)
    return owner is not None and owner != os.getuid()


Judge = Callable[[dict[str, str]], str | None]
"""Looks at the query of a request on the path: returns the page to show (and the
request counts), or None (a stray request: 404, keep waiting)."""


class LoopbackListener:
    """Serves one request on ``http://127.0.0.1:<port><path>`` in a background thread."""

    def __init__(self, path: str, judge: Judge) -> None:
        self.path = path
        self._judge = judge
        self._once: dict[str, str] = {}
        """Redirects answered once each on their own path (see :meth:`redirect_once`)."""
        self._results: queue.Queue[dict[str, str] | AuthError] = queue.Queue()
        self._accept_lock = threading.Lock()
        self._accepted = False
        listener = self

        class Handler(BaseHTTPRequestHandler):
            timeout = CONNECTION_TIMEOUT

            def do_GET(self) -> None:
                listener._handle(self)

            def do_POST(self) -> None:
                self._reply(404, b"not found")

            def _reply(self, status: int, body: bytes, location: str = "") -> None:
                self.send_response(status)
                if location:
                    self.send_header("Location", location)
                self.send_header("Content-Type", "text/html; charset=utf-8" if status == 200
                                 else "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.send_header("Referrer-Policy", "no-referrer")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass  # the request line holds the code; nothing is logged

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._server.timeout = 0.2
        self._wake_read, self._wake_write = socket.socketpair()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="auth-loopback", daemon=True)
        self._closed = False
        self._close_lock = threading.Lock()
        self._thread.start()

    def _serve(self) -> None:
        """Handle requests one by one until an answer is accepted or :meth:`close`."""
        try:
            with selectors.DefaultSelector() as selector:
                selector.register(self._server.socket, selectors.EVENT_READ)
                selector.register(self._wake_read, selectors.EVENT_READ)
                while not self._stop.is_set():
                    ready = {key.fileobj for key, _ in selector.select()}
                    if self._wake_read in ready or self._stop.is_set():
                        return
                    self._server.handle_request()  # accept; served on its own thread
                    if not self._results.empty():
                        return  # one answer accepted (or the attempt failed): stop at once
        except (OSError, ValueError):
            if not self._stop.is_set():
                log.debug("the loopback listener stopped", exc_info=True)
        finally:
            self._server.server_close()  # the port stops accepting connections now

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.path}"

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        reply = handler._reply  # type: ignore[attr-defined]
        url = urlsplit(handler.path)
        query = {k: v[0] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        if url.path in self._once and from_another_user(handler, self.port):
            log.warning("another user's program asked for the one-time address: refused")
            reply(404, b"not found")
            return
        with self._accept_lock:  # connections are served in parallel: one answer counts
            verdict = None
            once = self._once.pop(url.path, None) if not self._accepted else None
            if url.path == self.path and not self._accepted:
                verdict = self._judge(query)
                self._accepted = verdict is not None
        if once is not None:
            reply(303, b"", location=once)
            return
        if verdict is None:
            log.debug("stray request to the loopback listener: 404")
            reply(404, b"not found")
            return
        try:
            reply(200, page(verdict))
        finally:  # the answer counts even if the browser hung up before the page
            self._results.put(query)
            self._wake()  # the serving thread closes the port now

    def redirect_once(self, location: str) -> str:
        """A new unguessable address here that redirects (303) once to ``location``.

        For a URL that must not go on a command line: the browser is started with this
        address instead. A second request gets a 404, and on Linux so does a request
        from another user's program (which could read the address on a terminal server).
        """
        import secrets

        path = f"/once/{secrets.token_urlsafe(24)}"
        with self._accept_lock:
            self._once[path] = location
        return f"http://127.0.0.1:{self.port}{path}"

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            self._wake_write.send(b"x")

    def wait(self, cancel: threading.Event, deadline: float,
             clock: Callable[[], float] = time.monotonic) -> dict[str, str]:
        """The query of the first accepted request.

        Raises AuthError(CANCELLED) when ``cancel`` is set (the user's own cancel) and
        AuthError(TIMEOUT) when ``deadline`` passes without an answer.
        """
        try:
            while True:
                if cancel.is_set():
                    raise AuthError(AuthErrorKind.CANCELLED)
                if clock() >= deadline:
                    raise AuthError(AuthErrorKind.TIMEOUT,
                                    "the sign-in was not finished within the time limit")
                try:
                    result = self._results.get(timeout=0.1)
                except queue.Empty:
                    continue
                if isinstance(result, AuthError):
                    raise result
                return result
        finally:
            self.close()

    def fail(self, error: AuthError) -> None:
        """End the wait with ``error`` (e.g. the browser could not be opened)."""
        self._results.put(error)
        self._wake()

    def close(self) -> None:
        with self._close_lock:
            if self._closed:
                return
            self._closed = True
        self._stop.set()
        self._wake()
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout=5)
        self._server.server_close()
        self._wake_read.close()
        self._wake_write.close()

    def __enter__(self) -> LoopbackListener:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
